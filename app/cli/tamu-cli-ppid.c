/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "tamu-cli-json.h"
#include "tamu-cli-ppid.h"
#include "tamu-clock.h"
#include "tamu-error.h"
#include "tamu-parse.h"
#include "tamu-ppid-recap.h"
#include "tamu-store-ppid.h"

/* `tamu-cli ppid …`: the PPID register as a script drives it. */

/* ---- JSON ---------------------------------------------------------- */

static void
add_date (JsonBuilder *builder,
          const char  *key,
          const GDate *date)
{
  json_builder_set_member_name (builder, key);
  if (date != NULL && g_date_valid (date))
    {
      g_autofree char *text = tamu_format_date_iso (date);

      json_builder_add_string_value (builder, text);
    }
  else
    json_builder_add_null_value (builder);
}

static void
add_string (JsonBuilder *builder,
            const char  *key,
            const char  *value)
{
  json_builder_set_member_name (builder, key);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_int (JsonBuilder *builder,
         const char  *key,
         gint64       value)
{
  json_builder_set_member_name (builder, key);
  json_builder_add_int_value (builder, value);
}

static void
add_bool (JsonBuilder *builder,
          const char  *key,
          gboolean     value)
{
  json_builder_set_member_name (builder, key);
  json_builder_add_boolean_value (builder, value);
}

static void
build_request (JsonBuilder           *builder,
               const TamuPpidRequest *r,
               TamuCalendar          *calendar,
               const GDate           *today)
{
  g_autofree char *number = tamu_ppid_request_dup_number (r);
  TamuPpidDeadlines deadlines;
  int service_days = tamu_ppid_request_get_service_days (r, calendar);
  int days_left;

  tamu_ppid_request_get_deadlines (r, calendar, &deadlines);

  json_builder_begin_object (builder);
  add_int (builder, "id", r->id);
  add_string (builder, "number", number);
  add_int (builder, "sequence", r->sequence);
  add_date (builder, "received", &r->received);
  add_date (builder, "due", &deadlines.answer_due);
  add_string (builder, "status", tamu_ppid_status_to_string (r->status));
  add_bool (builder, "overdue", tamu_ppid_request_is_overdue (r, calendar, today));
  json_builder_set_member_name (builder, "days_left");
  if (tamu_ppid_request_get_days_left (r, calendar, today, &days_left))
    json_builder_add_int_value (builder, days_left);
  else
    json_builder_add_null_value (builder);
  add_bool (builder, "extended", tamu_ppid_request_is_extended (r));
  add_int (builder, "extension_days", r->extension_days);
  add_string (builder, "extension_reason", r->extension_reason);
  add_date (builder, "extended_on", &r->extended_on);
  add_string (builder, "decision", tamu_ppid_decision_to_string (r->decision));
  add_string (builder, "refusal_reason", tamu_ppid_refusal_to_string (r->refusal));
  add_string (builder, "holder", r->holder);
  add_date (builder, "responded", &r->responded);
  json_builder_set_member_name (builder, "service_days");
  if (service_days >= 0)
    json_builder_add_int_value (builder, service_days);
  else
    json_builder_add_null_value (builder);
  add_bool (builder, "answered_late", tamu_ppid_request_was_answered_late (r, calendar));
  add_date (builder, "objection_window", &deadlines.objection_window);
  add_date (builder, "objected", &r->objected);
  add_string (builder, "objection_reason", r->objection_reason);
  add_date (builder, "objection_due", &deadlines.objection_due);
  add_date (builder, "objection_answered", &r->objection_answered);
  add_date (builder, "dispute_window", &deadlines.dispute_window);
  add_date (builder, "disputed", &r->disputed);
  add_date (builder, "withdrawn", &r->withdrawn);
  add_string (builder, "channel", r->channel);
  add_string (builder, "name", r->name);
  add_string (builder, "address", r->address);
  add_string (builder, "contact", r->contact);
  add_string (builder, "occupation", r->occupation);
  add_string (builder, "category", tamu_ppid_category_to_string (r->category));
  add_string (builder, "identity_number", r->identity_number);
  add_string (builder, "information", r->information);
  add_string (builder, "purpose", r->purpose);
  add_string (builder, "obtain_method", r->obtain_method);
  add_string (builder, "delivery_method", r->delivery_method);
  add_string (builder, "form", tamu_ppid_form_to_string (r->form));
  add_string (builder, "kind", tamu_ppid_kind_to_string (r->kind));
  add_string (builder, "info_status", tamu_ppid_info_status_to_string (r->info_status));
  add_int (builder, "fee", r->fee);
  add_string (builder, "notes", r->notes);
  add_string (builder, "created_at", r->created_at);
  add_string (builder, "updated_at", r->updated_at);
  json_builder_end_object (builder);
}

JsonNode *
tamu_cli_ppid_to_json (const TamuPpidRequest *request,
                       TamuCalendar          *calendar,
                       const GDate           *today)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  build_request (builder, request, calendar, today);
  return json_builder_get_root (builder);
}

static JsonNode *
requests_to_json (GPtrArray    *requests,
                  TamuCalendar *calendar,
                  const GDate  *today)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < requests->len; i++)
    build_request (builder, g_ptr_array_index (requests, i), calendar, today);
  json_builder_end_array (builder);
  return json_builder_get_root (builder);
}

/* ---- text ---------------------------------------------------------- */

static void
print_line (const char *label,
            const char *value)
{
  if (value != NULL && *value != '\0')
    g_print ("%-20s %s\n", label, value);
}

static void
print_date_line (const char  *label,
                 const GDate *date)
{
  g_autofree char *text = g_date_valid (date) ? tamu_format_date_iso (date) : NULL;

  print_line (label, text);
}

static void
print_request_text (const TamuPpidRequest *r,
                    TamuCalendar          *calendar,
                    const GDate           *today)
{
  g_autofree char *number = tamu_ppid_request_dup_number (r);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, r->id);
  g_autofree char *fee = g_strdup_printf ("%" G_GINT64_FORMAT, r->fee);
  g_autoptr(GPtrArray) timeline = tamu_ppid_request_build_timeline (r, calendar, today);
  int service_days = tamu_ppid_request_get_service_days (r, calendar);
  int days_left;

  print_line ("id:", id);
  print_line ("number:", number);
  print_date_line ("received:", &r->received);
  print_line ("status:", tamu_ppid_status_to_string (r->status));
  if (tamu_ppid_request_get_days_left (r, calendar, today, &days_left))
    {
      g_autofree char *text = days_left >= 0
        ? g_strdup_printf (ngettext ("%d working day left", "%d working days left", days_left), days_left)
        : g_strdup_printf (ngettext ("%d working day late", "%d working days late", -days_left), -days_left);

      print_line ("deadline:", text);
    }
  print_line ("decision:", tamu_ppid_decision_to_string (r->decision));
  print_line ("refusal_reason:", tamu_ppid_refusal_to_string (r->refusal));
  print_line ("holder:", r->holder);
  if (service_days >= 0)
    {
      g_autofree char *text = g_strdup_printf ("%d", service_days);

      print_line ("service_days:", text);
    }
  print_line ("extension_reason:", r->extension_reason);
  print_line ("objection_reason:", r->objection_reason);
  print_line ("channel:", r->channel);
  print_line ("name:", r->name);
  print_line ("address:", r->address);
  print_line ("contact:", r->contact);
  print_line ("occupation:", r->occupation);
  print_line ("category:", tamu_ppid_category_to_string (r->category));
  print_line ("identity_number:", r->identity_number);
  print_line ("information:", r->information);
  print_line ("purpose:", r->purpose);
  print_line ("obtain_method:", r->obtain_method);
  print_line ("delivery_method:", r->delivery_method);
  print_line ("form:", tamu_ppid_form_to_string (r->form));
  print_line ("kind:", tamu_ppid_kind_to_string (r->kind));
  print_line ("info_status:", tamu_ppid_info_status_to_string (r->info_status));
  print_line ("fee:", fee);
  print_line ("notes:", r->notes);

  g_print ("%s\n", _("timeline:"));
  for (guint i = 0; i < timeline->len; i++)
    {
      const TamuPpidTimelineEntry *entry = g_ptr_array_index (timeline, i);
      g_autofree char *date = tamu_format_date_iso (&entry->date);
      const char *mark = entry->is_late ? "!" : entry->is_done ? "✓" : entry->is_deadline ? "…" : " ";

      g_print ("  %s %s %s\n", date, mark, entry->label);
    }
}

/* ---- options ------------------------------------------------------- */

typedef struct
{
  char *received, *name, *info, *purpose, *category, *address, *contact, *occupation;
  char *channel, *form, *kind, *identity, *obtain, *delivery, *info_status, *fee, *notes;
  char *format;
} RegisterOptions;

static void
register_options_clear (RegisterOptions *o)
{
  char **fields[] = {
    &o->received, &o->name, &o->info, &o->purpose, &o->category, &o->address, &o->contact,
    &o->occupation, &o->channel, &o->form, &o->kind, &o->identity, &o->obtain, &o->delivery,
    &o->info_status, &o->fee, &o->notes, &o->format,
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    g_clear_pointer (fields[i], g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RegisterOptions, register_options_clear)

#define REGISTER_ENTRIES(o) \
  { "received", 0, 0, G_OPTION_ARG_STRING, &(o).received, N_("Day the complete request was received"), "YYYY-MM-DD" }, \
  { "name", 0, 0, G_OPTION_ARG_STRING, &(o).name, N_("Requester’s name"), "TEXT" }, \
  { "info", 0, 0, G_OPTION_ARG_STRING, &(o).info, N_("Information requested"), "TEXT" }, \
  { "purpose", 0, 0, G_OPTION_ARG_STRING, &(o).purpose, N_("Purpose of use"), "TEXT" }, \
  { "category", 0, 0, G_OPTION_ARG_STRING, &(o).category, N_("individual, legal-entity or group"), "CATEGORY" }, \
  { "address", 0, 0, G_OPTION_ARG_STRING, &(o).address, N_("Requester’s address"), "TEXT" }, \
  { "contact", 0, 0, G_OPTION_ARG_STRING, &(o).contact, N_("Phone or e-mail"), "TEXT" }, \
  { "occupation", 0, 0, G_OPTION_ARG_STRING, &(o).occupation, N_("Requester’s occupation"), "TEXT" }, \
  { "channel", 0, 0, G_OPTION_ARG_STRING, &(o).channel, N_("How it came: website, e-mail, letter, in person…"), "TEXT" }, \
  { "form", 0, 0, G_OPTION_ARG_STRING, &(o).form, N_("softcopy or hardcopy"), "FORM" }, \
  { "kind", 0, 0, G_OPTION_ARG_STRING, &(o).kind, N_("view or copy"), "KIND" }, \
  { "identity", 0, 0, G_OPTION_ARG_STRING, &(o).identity, N_("NIK, or the deed number of a legal entity"), "TEXT" }, \
  { "obtain", 0, 0, G_OPTION_ARG_STRING, &(o).obtain, N_("How the information is to be obtained"), "TEXT" }, \
  { "delivery", 0, 0, G_OPTION_ARG_STRING, &(o).delivery, N_("How the information is to be sent"), "TEXT" }, \
  { "info-status", 0, 0, G_OPTION_ARG_STRING, &(o).info_status, N_("held, not-held, not-documented or unknown"), "STATUS" }, \
  { "fee", 0, 0, G_OPTION_ARG_STRING, &(o).fee, N_("Fee in rupiah"), "N" }, \
  { "notes", 0, 0, G_OPTION_ARG_STRING, &(o).notes, N_("Notes"), "TEXT" }, \
  { "format", 0, 0, G_OPTION_ARG_STRING, &(o).format, N_("Output: text or json"), "FORMAT" }

static void
set_text (char      **field,
          const char *value)
{
  if (value == NULL)
    return;
  g_free (*field);
  *field = *value != '\0' ? g_strstrip (g_strdup (value)) : NULL;
}

static gboolean
invalid_choice (const char *field,
                const char *value,
                const char *choices,
                GError    **error)
{
  g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
               _("%s: “%s” is not one of %s"), field, value, choices);
  return FALSE;
}

/* Applies the given options to @request; fields not given stay. */
static gboolean
apply_register_options (TamuPpidRequest       *request,
                        const RegisterOptions *o,
                        GError               **error)
{
  if (o->received != NULL && !tamu_parse_date_loose ("received", o->received, &request->received, error))
    return FALSE;
  if (o->category != NULL && !tamu_ppid_category_from_string (o->category, &request->category))
    return invalid_choice ("category", o->category, "individual, legal-entity, group", error);
  if (o->form != NULL && !tamu_ppid_form_from_string (o->form, &request->form))
    return invalid_choice ("form", o->form, "softcopy, hardcopy", error);
  if (o->kind != NULL && !tamu_ppid_kind_from_string (o->kind, &request->kind))
    return invalid_choice ("kind", o->kind, "view, copy", error);
  if (o->info_status != NULL && !tamu_ppid_info_status_from_string (o->info_status, &request->info_status))
    return invalid_choice ("info-status", o->info_status, "held, not-held, not-documented, unknown", error);
  if (o->fee != NULL)
    {
      int fee;

      if (!tamu_parse_int ("fee", o->fee, 0, G_MAXINT, &fee, error))
        return FALSE;
      request->fee = fee;
    }
  set_text (&request->name, o->name);
  set_text (&request->information, o->info);
  set_text (&request->purpose, o->purpose);
  set_text (&request->address, o->address);
  set_text (&request->contact, o->contact);
  set_text (&request->occupation, o->occupation);
  set_text (&request->channel, o->channel);
  set_text (&request->identity_number, o->identity);
  set_text (&request->obtain_method, o->obtain);
  set_text (&request->delivery_method, o->delivery);
  set_text (&request->notes, o->notes);
  return TRUE;
}

static int
print_request (TamuStore             *store,
               const TamuPpidRequest *request,
               const char            *format)
{
  g_autoptr(TamuCalendar) calendar = NULL;
  g_autoptr(GError) error = NULL;
  GDate today;

  calendar = tamu_store_load_calendar (store, &error);
  if (calendar == NULL)
    return tamu_cli_fail (error);
  tamu_clock_today (&today);
  if (!tamu_ppid_request_check_calendar (request, calendar, &error))
    g_printerr ("warning: %s\n", error->message);

  if (g_str_equal (format, "json"))
    {
      g_autoptr(JsonNode) node = tamu_cli_ppid_to_json (request, calendar, &today);

      tamu_cli_print_json (node);
    }
  else
    print_request_text (request, calendar, &today);
  return TAMU_CLI_OK;
}

/* ---- commands ------------------------------------------------------ */

static int
ppid_add (TamuCliContext *ctx,
          int             argc,
          char          **argv)
{
  g_auto(RegisterOptions) o = { 0 };
  GOptionEntry entries[] = { REGISTER_ENTRIES (o), { NULL } };
  g_autoptr(TamuPpidRequest) draft = tamu_ppid_request_new ();
  g_autoptr(TamuPpidRequest) stored = NULL;
  g_autoptr(GError) error = NULL;
  const char *format;
  TamuStore *store;

  if (!tamu_cli_parse ("ppid add", NULL, entries, &argc, &argv))
    return TAMU_CLI_USAGE;
  format = o.format;
  if (!tamu_cli_check_format ("ppid add", &format, "text|json"))
    return TAMU_CLI_USAGE;
  if (argc > 1)
    return tamu_cli_usage ("ppid add", _("unexpected argument “%s”"), argv[1]);
  {
    const struct { const char *value; const char *name; } required[] = {
      { o.received, "--received" }, { o.name, "--name" }, { o.info, "--info" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (required); i++)
      if (required[i].value == NULL)
        return tamu_cli_usage ("ppid add", _("%s is required"), required[i].name);
  }

  if (!apply_register_options (draft, &o, &error))
    return tamu_cli_fail (error);
  store = tamu_cli_get_store (ctx);
  if (store == NULL)
    return TAMU_CLI_FAILED;
  stored = tamu_store_add_ppid (store, draft, &error);
  if (stored == NULL)
    return tamu_cli_fail (error);

  if (g_str_equal (format, "json"))
    return print_request (store, stored, format);
  {
    g_autoptr(TamuCalendar) calendar = tamu_store_load_calendar (store, NULL);
    g_autoptr(GError) warning = NULL;

    if (calendar != NULL && !tamu_ppid_request_check_calendar (stored, calendar, &warning))
      g_printerr ("warning: %s\n", warning->message);
  }
  g_print ("%" G_GINT64_FORMAT "\n", stored->id);
  return TAMU_CLI_OK;
}

/* The one ID argument of @command; returns 0 and sets @out, or an exit status. */
static int
parse_one_id (const char *command,
              int         argc,
              char      **argv,
              gint64     *out)
{
  int status;

  if (argc != 2)
    return tamu_cli_usage (command, _("give one request ID"));
  if (!tamu_cli_parse_id (command, argv[1], out, &status))
    return status;
  return TAMU_CLI_OK;
}

static int
ppid_update (TamuCliContext *ctx,
             int             argc,
             char          **argv)
{
  g_auto(RegisterOptions) o = { 0 };
  GOptionEntry entries[] = { REGISTER_ENTRIES (o), { NULL } };
  g_autoptr(TamuPpidRequest) request = NULL;
  g_autoptr(TamuPpidRequest) stored = NULL;
  g_autoptr(GError) error = NULL;
  const char *format;
  TamuStore *store;
  gint64 id;
  int status;

  if (!tamu_cli_parse ("ppid update", "ID", entries, &argc, &argv))
    return TAMU_CLI_USAGE;
  format = o.format;
  if (!tamu_cli_check_format ("ppid update", &format, "text|json"))
    return TAMU_CLI_USAGE;
  if ((status = parse_one_id ("ppid update", argc, argv, &id)) != TAMU_CLI_OK)
    return status;

  store = tamu_cli_get_store (ctx);
  if (store == NULL)
    return TAMU_CLI_FAILED;
  request = tamu_store_get_ppid (store, id, &error);
  if (request == NULL || !apply_register_options (request, &o, &error))
    return tamu_cli_fail (error);
  stored = tamu_store_update_ppid (store, request, &error);
  if (stored == NULL)
    return tamu_cli_fail (error);
  return print_request (store, stored, format);
}

static int
ppid_show (TamuCliContext *ctx,
           int             argc,
           char          **argv)
{
  g_autofree char *format_option = NULL;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_option, N_("text or json"), "FORMAT" },
    { NULL },
  };
  g_autoptr(TamuPpidRequest) request = NULL;
  g_autoptr(GError) error = NULL;
  const char *format;
  TamuStore *store;
  gint64 id;
  int status;

  if (!tamu_cli_parse ("ppid show", "ID", entries, &argc, &argv))
    return TAMU_CLI_USAGE;
  format = format_option;
  if (!tamu_cli_check_format ("ppid show", &format, "text|json"))
    return TAMU_CLI_USAGE;
  if ((status = parse_one_id ("ppid show", argc, argv, &id)) != TAMU_CLI_OK)
    return status;

  store = tamu_cli_get_store (ctx);
  if (store == NULL)
    return TAMU_CLI_FAILED;
  request = tamu_store_get_ppid (store, id, &error);
  if (request == NULL)
    return tamu_cli_fail (error);
  return print_request (store, request, format);
}

/* "2024-03" → the first and last day of March 2024. */
static gboolean
parse_month (const char *text,
             GDate      *from,
             GDate      *to,
             GError    **error)
{
  g_autofree char *first = g_strconcat (text, "-01", NULL);
  int year, month;

  if (strlen (text) != 7 || text[4] != '-' ||
      !tamu_parse_date ("month", first, from, NULL))
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                   _("month: “%s” is not a month (YYYY-MM)"), text);
      return FALSE;
    }
  year = g_date_get_year (from);
  month = g_date_get_month (from);
  g_date_clear (to, 1);
  g_date_set_dmy (to, g_date_get_days_in_month (month, year), month, year);
  return TRUE;
}

static void
print_table (GPtrArray    *requests,
             TamuCalendar *calendar,
             const GDate  *today)
{
  g_print ("%-5s %-23s %-10s %-10s %-18s %-8s %-8s %-24s %s\n",
           "ID", "NUMBER", "RECEIVED", "DUE", "STATUS", "DECISION", "DAYS", "NAME", "INFORMATION");
  for (guint i = 0; i < requests->len; i++)
    {
      const TamuPpidRequest *r = g_ptr_array_index (requests, i);
      g_autofree char *number = tamu_ppid_request_dup_number (r);
      g_autofree char *received = tamu_format_date_iso (&r->received);
      g_autofree char *due = NULL;
      g_autofree char *days = NULL;
      const char *decision = tamu_ppid_decision_to_string (r->decision);
      GDate due_date;
      int left;

      tamu_ppid_request_get_due (r, calendar, &due_date);
      due = tamu_format_date_iso (&due_date);
      /* "+3" days left, "-2" days late, "8d" service days once answered. */
      if (tamu_ppid_request_get_days_left (r, calendar, today, &left))
        days = g_strdup_printf ("%+d", left);
      else if (tamu_ppid_request_get_service_days (r, calendar) >= 0)
        days = g_strdup_printf ("%dd", tamu_ppid_request_get_service_days (r, calendar));
      else
        days = g_strdup ("-");

      g_print ("%-5" G_GINT64_FORMAT " %-23s %-10s %-10s %-18s %-8s %-8s %-24s %s\n",
               r->id, number, received, due, tamu_ppid_status_to_string (r->status),
               decision != NULL ? decision : "-", days, r->name, r->information);
    }
}

static int
ppid_list (TamuCliContext *ctx,
           int             argc,
           char          **argv)
{
  g_autofree char *month = NULL, *year = NULL, *search = NULL, *decision = NULL, *status_text = NULL;
  g_autofree char *format_option = NULL;
  gboolean open_only = FALSE, overdue_only = FALSE;
  GOptionEntry entries[] = {
    { "month", 0, 0, G_OPTION_ARG_STRING, &month, N_("Only requests received in this month"), "YYYY-MM" },
    { "year", 0, 0, G_OPTION_ARG_STRING, &year, N_("Only requests received in this year"), "YYYY" },
    { "open", 0, 0, G_OPTION_ARG_NONE, &open_only, N_("Only requests awaiting their answer"), NULL },
    { "overdue", 0, 0, G_OPTION_ARG_NONE, &overdue_only, N_("Only requests past a deadline (as of TAMU_NOW)"), NULL },
    { "decision", 0, 0, G_OPTION_ARG_STRING, &decision, N_("granted, partial or refused"), "DECISION" },
    { "status", 0, 0, G_OPTION_ARG_STRING, &status_text, N_("Only requests in this state"), "STATUS" },
    { "search", 0, 0, G_OPTION_ARG_STRING, &search, N_("Text in number, name, information, contact or purpose"), "TEXT" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_option, N_("table or json"), "FORMAT" },
    { NULL },
  };
  g_autoptr(GPtrArray) requests = NULL;
  g_autoptr(TamuCalendar) calendar = NULL;
  g_autoptr(GError) error = NULL;
  TamuPpidFilter filter;
  const char *format;
  TamuStore *store;
  GDate today;

  if (!tamu_cli_parse ("ppid list", NULL, entries, &argc, &argv))
    return TAMU_CLI_USAGE;
  format = format_option;
  if (!tamu_cli_check_format ("ppid list", &format, "table|json"))
    return TAMU_CLI_USAGE;
  if (argc > 1)
    return tamu_cli_usage ("ppid list", _("unexpected argument “%s”"), argv[1]);

  if (month != NULL && year != NULL)
    return tamu_cli_usage ("ppid list", _("give --month or --year, not both"));

  tamu_ppid_filter_init (&filter);
  filter.open_only = open_only;
  filter.overdue_only = overdue_only;
  filter.text = search;
  if (month != NULL && !parse_month (month, &filter.from, &filter.to, &error))
    return tamu_cli_fail (error);
  if (year != NULL)
    {
      int y;

      if (!tamu_parse_int ("year", year, 2008, 2999, &y, &error))
        return tamu_cli_fail (error);
      g_date_set_dmy (&filter.from, 1, 1, y);
      g_date_set_dmy (&filter.to, 31, 12, y);
    }
  if (decision != NULL)
    {
      TamuPpidDecision d;

      if (!tamu_ppid_decision_from_string (decision, &d))
        {
          invalid_choice ("decision", decision, "granted, partial, refused", &error);
          return tamu_cli_fail (error);
        }
      filter.decision = d;
    }
  if (status_text != NULL)
    {
      TamuPpidStatus s;

      if (!tamu_ppid_status_from_string (status_text, &s))
        {
          invalid_choice ("status", status_text,
                          "received, extended, answered, objection-filed, objection-answered, "
                          "dispute-filed, withdrawn", &error);
          return tamu_cli_fail (error);
        }
      filter.status = s;
    }

  store = tamu_cli_get_store (ctx);
  if (store == NULL)
    return TAMU_CLI_FAILED;
  calendar = tamu_store_load_calendar (store, &error);
  requests = calendar != NULL ? tamu_store_list_ppid (store, &filter, &error) : NULL;
  if (requests == NULL)
    return tamu_cli_fail (error);
  tamu_clock_today (&today);

  if (g_str_equal (format, "json"))
    {
      g_autoptr(JsonNode) node = requests_to_json (requests, calendar, &today);

      tamu_cli_print_json (node);
    }
  else
    print_table (requests, calendar, &today);
  return TAMU_CLI_OK;
}

/* extend, respond, object, object-answer, dispute, withdraw. */
static int
ppid_step (TamuCliContext *ctx,
           TamuPpidAction  action,
           const char     *command,
           int             argc,
           char          **argv)
{
  g_autofree char *date = NULL, *reason = NULL, *decision = NULL, *holder = NULL, *days = NULL;
  g_autofree char *format_option = NULL;
  GOptionEntry extend_entries[] = {
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why more time is needed (required)"), "TEXT" },
    { "days", 0, 0, G_OPTION_ARG_STRING, &days, N_("Working days, 1–7 (default 7)"), "N" },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("Day the extension was notified"), "YYYY-MM-DD" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_option, N_("text or json"), "FORMAT" },
    { NULL },
  };
  GOptionEntry respond_entries[] = {
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("Day of the written answer"), "YYYY-MM-DD" },
    { "decision", 0, 0, G_OPTION_ARG_STRING, &decision, N_("granted, partial or refused"), "DECISION" },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Refusal reason: exempt, not-held or not-documented"), "REASON" },
    { "holder", 0, 0, G_OPTION_ARG_STRING, &holder, N_("The body that holds the information (not-held)"), "TEXT" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_option, N_("text or json"), "FORMAT" },
    { NULL },
  };
  GOptionEntry object_entries[] = {
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("Day the objection was filed"), "YYYY-MM-DD" },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Grounds of the objection"), "TEXT" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_option, N_("text or json"), "FORMAT" },
    { NULL },
  };
  GOptionEntry dated_entries[] = {
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("Day of the step"), "YYYY-MM-DD" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_option, N_("text or json"), "FORMAT" },
    { NULL },
  };
  GOptionEntry *entries;
  g_autoptr(TamuPpidRequest) request = NULL;
  g_autoptr(GError) error = NULL;
  TamuPpidStep step;
  const char *format;
  TamuStore *store;
  gint64 id;
  int status;

  switch (action)
    {
    case TAMU_PPID_STEP_EXTEND: entries = extend_entries; break;
    case TAMU_PPID_STEP_RESPOND: entries = respond_entries; break;
    case TAMU_PPID_STEP_OBJECT: entries = object_entries; break;
    case TAMU_PPID_STEP_ANSWER_OBJECTION:
    case TAMU_PPID_STEP_DISPUTE:
    case TAMU_PPID_STEP_WITHDRAW:
    default: entries = dated_entries; break;
    }

  if (!tamu_cli_parse (command, "ID", entries, &argc, &argv))
    return TAMU_CLI_USAGE;
  format = format_option;
  if (!tamu_cli_check_format (command, &format, "text|json"))
    return TAMU_CLI_USAGE;
  if ((status = parse_one_id (command, argc, argv, &id)) != TAMU_CLI_OK)
    return status;

  /* Missing options are usage errors; wrong values are named by field. */
  if (action == TAMU_PPID_STEP_EXTEND && reason == NULL)
    return tamu_cli_usage (command, _("%s is required"), "--reason");
  if (action != TAMU_PPID_STEP_EXTEND && action != TAMU_PPID_STEP_WITHDRAW && date == NULL)
    return tamu_cli_usage (command, _("%s is required"), "--date");
  if (action == TAMU_PPID_STEP_RESPOND && decision == NULL)
    return tamu_cli_usage (command, _("%s is required"), "--decision");

  tamu_ppid_step_init (&step, action);
  if (date != NULL && !tamu_parse_date_loose ("date", date, &step.date, &error))
    return tamu_cli_fail (error);
  if (days != NULL && !tamu_parse_int ("days", days, 1, TAMU_PPID_MAX_EXTENSION_DAYS, &step.days, &error))
    return tamu_cli_fail (error);
  if (action == TAMU_PPID_STEP_RESPOND)
    {
      if (!tamu_ppid_decision_from_string (decision, &step.decision))
        {
          invalid_choice ("decision", decision, "granted, partial, refused", &error);
          return tamu_cli_fail (error);
        }
      if (reason != NULL && !tamu_ppid_refusal_from_string (reason, &step.refusal))
        {
          invalid_choice ("refusal-reason", reason, "exempt, not-held, not-documented", &error);
          return tamu_cli_fail (error);
        }
      step.holder = holder;
    }
  else
    step.reason = reason;

  store = tamu_cli_get_store (ctx);
  if (store == NULL)
    return TAMU_CLI_FAILED;
  request = tamu_store_apply_ppid_step (store, id, &step, &error);
  if (request == NULL)
    return tamu_cli_fail (error);
  return print_request (store, request, format);
}

static int
ppid_history (TamuCliContext *ctx,
              int             argc,
              char          **argv)
{
  g_autoptr(TamuPpidRequest) request = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  TamuStore *store;
  gint64 id;
  int status;

  if (!tamu_cli_parse ("ppid history", "ID", NULL, &argc, &argv))
    return TAMU_CLI_USAGE;
  if ((status = parse_one_id ("ppid history", argc, argv, &id)) != TAMU_CLI_OK)
    return status;

  store = tamu_cli_get_store (ctx);
  if (store == NULL)
    return TAMU_CLI_FAILED;
  request = tamu_store_get_ppid (store, id, &error);
  entries = request != NULL ? tamu_store_list_history (store, "ppid", id, &error) : NULL;
  if (entries == NULL)
    return tamu_cli_fail (error);

  for (guint i = 0; i < entries->len; i++)
    {
      TamuAuditEntry *e = g_ptr_array_index (entries, i);

      if (e->field != NULL)
        g_print ("%s  %-12s %-13s %s: %s → %s\n", e->at, e->actor, e->action, e->field,
                 e->old_value != NULL && *e->old_value ? e->old_value : "∅",
                 e->new_value != NULL && *e->new_value ? e->new_value : "∅");
      else
        g_print ("%s  %-12s %-13s %s\n", e->at, e->actor, e->action,
                 e->new_value != NULL ? e->new_value : "");
    }
  return TAMU_CLI_OK;
}

static int
ppid_recap (TamuCliContext *ctx,
            int             argc,
            char          **argv)
{
  g_autofree char *year_text = NULL, *format_option = NULL, *output = NULL;
  GOptionEntry entries[] = {
    { "year", 0, 0, G_OPTION_ARG_STRING, &year_text, N_("Year of receipt"), "YYYY" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_option, N_("text, json or csv"), "FORMAT" },
    { "output", 'o', 0, G_OPTION_ARG_STRING, &output, N_("Write to FILE instead of standard output"), "FILE" },
    { NULL },
  };
  g_autoptr(TamuPpidRecap) recap = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *format;
  TamuStore *store;
  int year;

  if (!tamu_cli_parse ("ppid recap", NULL, entries, &argc, &argv))
    return TAMU_CLI_USAGE;
  format = format_option;
  if (!tamu_cli_check_format ("ppid recap", &format, "text|json|csv"))
    return TAMU_CLI_USAGE;
  if (argc > 1)
    return tamu_cli_usage ("ppid recap", _("unexpected argument “%s”"), argv[1]);
  if (year_text == NULL)
    return tamu_cli_usage ("ppid recap", _("%s is required"), "--year");
  if (!tamu_parse_int ("year", year_text, 2008, 2999, &year, &error))
    return tamu_cli_fail (error);

  store = tamu_cli_get_store (ctx);
  if (store == NULL)
    return TAMU_CLI_FAILED;
  recap = tamu_ppid_recap_load (store, year, &error);
  if (recap == NULL)
    return tamu_cli_fail (error);

  if (g_str_equal (format, "json"))
    text = tamu_ppid_recap_to_json (recap);
  else if (g_str_equal (format, "csv"))
    text = tamu_ppid_recap_to_csv (recap);
  else
    text = tamu_ppid_recap_to_text (recap);
  if (!tamu_cli_write_output (output, text, strlen (text), &error))
    return tamu_cli_fail (error);
  return TAMU_CLI_OK;
}

int
tamu_cli_ppid (TamuCliContext *ctx,
               int             argc,
               char          **argv)
{
  static const struct
  {
    const char    *verb;
    TamuPpidAction action;
    const char    *command;
  } steps[] = {
    { "extend", TAMU_PPID_STEP_EXTEND, "ppid extend" },
    { "respond", TAMU_PPID_STEP_RESPOND, "ppid respond" },
    { "object", TAMU_PPID_STEP_OBJECT, "ppid object" },
    { "object-answer", TAMU_PPID_STEP_ANSWER_OBJECTION, "ppid object-answer" },
    { "dispute", TAMU_PPID_STEP_DISPUTE, "ppid dispute" },
    { "withdraw", TAMU_PPID_STEP_WITHDRAW, "ppid withdraw" },
  };
  const char *verb;

  if (argc < 2)
    return tamu_cli_usage ("ppid", _("say what to do: add, show, list, update, extend, respond, object, "
                                     "object-answer, dispute, withdraw, history or recap"));
  verb = argv[1];
  argc--;
  argv++;

  if (g_str_equal (verb, "add"))
    return ppid_add (ctx, argc, argv);
  if (g_str_equal (verb, "show"))
    return ppid_show (ctx, argc, argv);
  if (g_str_equal (verb, "list"))
    return ppid_list (ctx, argc, argv);
  if (g_str_equal (verb, "update"))
    return ppid_update (ctx, argc, argv);
  if (g_str_equal (verb, "history"))
    return ppid_history (ctx, argc, argv);
  if (g_str_equal (verb, "recap"))
    return ppid_recap (ctx, argc, argv);
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (g_str_equal (verb, steps[i].verb))
      return ppid_step (ctx, steps[i].action, steps[i].command, argc, argv);

  return tamu_cli_usage ("ppid", _("unknown action “%s”"), verb);
}
