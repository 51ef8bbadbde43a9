/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "tamu-booking-csv.h"
#include "tamu-cli.h"
#include "tamu-cli-json.h"
#include "tamu-clock.h"
#include "tamu-error.h"
#include "tamu-limits.h"
#include "tamu-parse.h"
#include "tamu-regions.h"

/* `tamu-cli booking …` and `tamu-cli slots`. */

typedef struct
{
  char *type, *date, *time, *duration, *daerah, *topic, *guests, *room, *instansi;
  char *contact, *phone, *email, *ticket, *pic, *link, *notes, *status, *override_reason;
  char *format;
} BookingOptions;

static void
booking_options_clear (BookingOptions *o)
{
  char **fields[] = {
    &o->type, &o->date, &o->time, &o->duration, &o->daerah, &o->topic, &o->guests, &o->room,
    &o->instansi, &o->contact, &o->phone, &o->email, &o->ticket, &o->pic, &o->link, &o->notes,
    &o->status, &o->override_reason, &o->format,
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    g_clear_pointer (fields[i], g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (BookingOptions, booking_options_clear)

#define BOOKING_ENTRIES(o) \
  { "type", 0, 0, G_OPTION_ARG_STRING, &(o).type, N_("tatap-muka or vidcon"), "TYPE" }, \
  { "date", 0, 0, G_OPTION_ARG_STRING, &(o).date, N_("Day of the visit"), "YYYY-MM-DD" }, \
  { "time", 0, 0, G_OPTION_ARG_STRING, &(o).time, N_("Start, office time (WIB)"), "HH:MM" }, \
  { "duration", 0, 0, G_OPTION_ARG_STRING, &(o).duration, N_("Length in minutes"), "MIN" }, \
  { "daerah", 0, 0, G_OPTION_ARG_STRING, &(o).daerah, N_("Visiting region or institution"), "TEXT" }, \
  { "topic", 0, 0, G_OPTION_ARG_STRING, &(o).topic, N_("Topics, comma-separated"), "TEXT" }, \
  { "guests", 0, 0, G_OPTION_ARG_STRING, &(o).guests, N_("Planned number of guests"), "N" }, \
  { "room", 0, 0, G_OPTION_ARG_STRING, &(o).room, N_("Room (tatap muka)"), "TEXT" }, \
  { "instansi", 0, 0, G_OPTION_ARG_STRING, &(o).instansi, N_("Institution or SKPD"), "TEXT" }, \
  { "contact", 0, 0, G_OPTION_ARG_STRING, &(o).contact, N_("Contact person"), "TEXT" }, \
  { "phone", 0, 0, G_OPTION_ARG_STRING, &(o).phone, N_("Contact phone"), "TEXT" }, \
  { "email", 0, 0, G_OPTION_ARG_STRING, &(o).email, N_("Contact e-mail"), "TEXT" }, \
  { "ticket", 0, 0, G_OPTION_ARG_STRING, &(o).ticket, N_("Ticket number of the request"), "TEXT" }, \
  { "pic", 0, 0, G_OPTION_ARG_STRING, &(o).pic, N_("Agent in charge"), "TEXT" }, \
  { "link", 0, 0, G_OPTION_ARG_STRING, &(o).link, N_("Meeting link (video conference)"), "URL" }, \
  { "notes", 0, 0, G_OPTION_ARG_STRING, &(o).notes, N_("Notes"), "TEXT" }, \
  { "status", 0, 0, G_OPTION_ARG_STRING, &(o).status, N_("requested or confirmed"), "STATUS" }, \
  { "override-reason", 0, 0, G_OPTION_ARG_STRING, &(o).override_reason, \
    N_("Why more guests than the limit are allowed"), "TEXT" }, \
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

/* Applies the given options to @booking; fields not given stay. */
static gboolean
apply_options (TamuBooking          *booking,
               const BookingOptions *o,
               GPtrArray            *topics,
               GError              **error)
{
  if (o->type != NULL && !tamu_booking_type_from_string (o->type, &booking->type))
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                   _("type: “%s” is not a booking type (tatap-muka or vidcon)"), o->type);
      return FALSE;
    }
  if (o->date != NULL && !tamu_parse_date_loose ("date", o->date, &booking->date, error))
    return FALSE;
  if (o->time != NULL && !tamu_parse_time ("time", o->time, &booking->start, error))
    return FALSE;
  if (o->duration != NULL && !tamu_parse_int ("duration", o->duration, TAMU_MIN_DURATION, TAMU_MAX_DURATION,
                                                    &booking->duration, error))
    return FALSE;
  if (o->guests != NULL && !tamu_parse_int ("guests", o->guests, 1, TAMU_MAX_GUESTS, &booking->guests, error))
    return FALSE;
  if (o->topic != NULL)
    {
      GStrv resolved = tamu_topics_resolve_list (topics, o->topic, error);

      if (resolved == NULL)
        return FALSE;
      g_strfreev (booking->topics);
      booking->topics = resolved;
    }
  if (o->status != NULL &&
      (!tamu_booking_status_from_string (o->status, &booking->status) ||
       (booking->status != TAMU_STATUS_REQUESTED && booking->status != TAMU_STATUS_CONFIRMED)))
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                   _("status: “%s” cannot be set here: use requested or confirmed (check-in, cancel "
                     "and no-show have commands of their own)"), o->status);
      return FALSE;
    }
  if (o->daerah != NULL)
    {
      set_text (&booking->daerah, o->daerah);
      /* Matched again against the region list when saved. */
      g_clear_pointer (&booking->region_code, g_free);
    }
  set_text (&booking->room, o->room);
  set_text (&booking->instansi, o->instansi);
  set_text (&booking->contact, o->contact);
  set_text (&booking->phone, o->phone);
  set_text (&booking->email, o->email);
  set_text (&booking->ticket, o->ticket);
  set_text (&booking->pic, o->pic);
  set_text (&booking->link, o->link);
  set_text (&booking->notes, o->notes);
  set_text (&booking->override_reason, o->override_reason);
  return TRUE;
}

static void
print_booking_text (const TamuBooking *b)
{
  g_autofree char *date = tamu_format_date_long_indonesian (&b->date);
  g_autofree char *start = tamu_format_time (b->start);
  g_autofree char *end = tamu_format_time (tamu_booking_get_end (b));
  g_autofree char *topics = tamu_booking_dup_topics_text (b);
  const TamuRegion *region = b->region_code != NULL ? tamu_regions_lookup_code (b->region_code) : NULL;

  g_print ("%-16s %" G_GINT64_FORMAT "\n", "id:", b->id);
  g_print ("%-16s %s\n", "uid:", b->uid);
  g_print ("%-16s %d\n", "sequence:", b->sequence);
  g_print ("%-16s %s\n", "type:", tamu_booking_type_to_string (b->type));
  g_print ("%-16s %s\n", "date:", date);
  g_print ("%-16s %s–%s WIB (%d min)\n", "time:", start, end, b->duration);
  g_print ("%-16s %s%s%s%s\n", "daerah:", b->daerah,
           region != NULL ? " (" : "", region != NULL ? region->province_name : "",
           region != NULL ? ")" : "");
  if (region != NULL)
    g_print ("%-16s %s (%s)\n", "timezone:", region->timezone,
             tamu_timezone_abbreviation (region->timezone));
  g_print ("%-16s %s\n", "topics:", topics);
  g_print ("%-16s %d / %d%s\n", "guests:", b->guests, b->guest_limit,
           tamu_booking_is_over_limit (b) ? _(" (over the limit)") : "");
  if (b->actual_guests >= 0)
    g_print ("%-16s %d\n", "actual_guests:", b->actual_guests);
  g_print ("%-16s %s\n", "status:", tamu_booking_status_to_string (b->status));

#define OPTIONAL_LINE(label, value) \
  if ((value) != NULL) g_print ("%-16s %s\n", label, value)
  OPTIONAL_LINE ("room:", b->room);
  OPTIONAL_LINE ("link:", b->link);
  OPTIONAL_LINE ("instansi:", b->instansi);
  OPTIONAL_LINE ("contact:", b->contact);
  OPTIONAL_LINE ("phone:", b->phone);
  OPTIONAL_LINE ("email:", b->email);
  OPTIONAL_LINE ("ticket:", b->ticket);
  OPTIONAL_LINE ("pic:", b->pic);
  OPTIONAL_LINE ("notes:", b->notes);
  OPTIONAL_LINE ("override_reason:", b->override_reason);
  OPTIONAL_LINE ("cancel_reason:", b->cancel_reason);
#undef OPTIONAL_LINE
}

static int
print_result (const TamuBooking *booking,
              const char        *format,
              gboolean           id_only)
{
  if (g_str_equal (format, "json"))
    {
      g_autoptr(JsonNode) node = tamu_cli_booking_to_json (booking);

      tamu_cli_print_json (node);
    }
  else if (id_only)
    g_print ("%" G_GINT64_FORMAT "\n", booking->id);
  else
    print_booking_text (booking);
  return TAMU_CLI_OK;
}

static int
booking_add (TamuCliContext *ctx,
             int             argc,
             char          **argv)
{
  g_auto(BookingOptions) o = { 0 };
  GOptionEntry entries[] = { BOOKING_ENTRIES (o), { NULL } };
  g_autoptr(TamuBooking) draft = tamu_booking_new ();
  g_autoptr(TamuBooking) stored = NULL;
  g_autoptr(GPtrArray) topics = NULL;
  g_autoptr(GPtrArray) warnings = tamu_warnings_new ();
  g_autoptr(GError) error = NULL;
  const char *format;
  TamuStore *store;

  if (!tamu_cli_parse ("booking add", NULL, entries, &argc, &argv))
    return TAMU_CLI_USAGE;
  format = o.format;
  if (!tamu_cli_check_format ("booking add", &format, "text|json"))
    return TAMU_CLI_USAGE;
  if (argc > 1)
    return tamu_cli_usage ("booking add", _("unexpected argument “%s”"), argv[1]);

  /* Each missing field is named, in the order a person fills them in. */
  {
    const struct { const char *value; const char *name; } required[] = {
      { o.type, "--type" }, { o.date, "--date" }, { o.time, "--time" },
      { o.daerah, "--daerah" }, { o.topic, "--topic" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (required); i++)
      if (required[i].value == NULL)
        return tamu_cli_usage ("booking add", _("%s is required"), required[i].name);
  }

  store = tamu_cli_get_store (ctx);
  if (store == NULL)
    return TAMU_CLI_FAILED;
  topics = tamu_store_load_topics (store, &error);
  if (topics == NULL || !apply_options (draft, &o, topics, &error))
    return tamu_cli_fail (error);

  stored = tamu_store_add_booking (store, draft, warnings, &error);
  tamu_cli_print_warnings (warnings);
  if (stored == NULL)
    return tamu_cli_fail (error);

  return print_result (stored, format, TRUE);
}

static int
booking_update (TamuCliContext *ctx,
                int             argc,
                char          **argv)
{
  g_auto(BookingOptions) o = { 0 };
  GOptionEntry entries[] = { BOOKING_ENTRIES (o), { NULL } };
  g_autoptr(TamuBooking) booking = NULL;
  g_autoptr(TamuBooking) stored = NULL;
  g_autoptr(GPtrArray) topics = NULL;
  g_autoptr(GPtrArray) warnings = tamu_warnings_new ();
  g_autoptr(GError) error = NULL;
  const char *format;
  TamuStore *store;
  gint64 id;
  int status;

  if (!tamu_cli_parse ("booking update", "ID", entries, &argc, &argv))
    return TAMU_CLI_USAGE;
  format = o.format;
  if (!tamu_cli_check_format ("booking update", &format, "text|json"))
    return TAMU_CLI_USAGE;
  if (argc != 2)
    return tamu_cli_usage ("booking update", _("give one booking ID"));
  if (!tamu_cli_parse_id ("booking update", argv[1], &id, &status))
    return status;

  store = tamu_cli_get_store (ctx);
  if (store == NULL)
    return TAMU_CLI_FAILED;
  topics = tamu_store_load_topics (store, &error);
  booking = topics != NULL ? tamu_store_get_booking (store, id, &error) : NULL;
  if (booking == NULL || !apply_options (booking, &o, topics, &error))
    return tamu_cli_fail (error);

  stored = tamu_store_update_booking (store, booking, warnings, &error);
  tamu_cli_print_warnings (warnings);
  if (stored == NULL)
    return tamu_cli_fail (error);

  return print_result (stored, format, TRUE);
}

static gboolean
parse_filter_date (const char *field,
                   const char *text,
                   GDate      *out,
                   GError    **error)
{
  if (text == NULL)
    return TRUE;
  return tamu_parse_date_loose (field, text, out, error);
}

static void
print_table (GPtrArray *bookings)
{
  g_print ("%-6s %-10s %-11s %-10s %-28s %-22s %-7s %-20s %s\n",
           "ID", "DATE", "TIME", "TYPE", "DAERAH", "TOPICS", "GUESTS", "ROOM", "STATUS");
  for (guint i = 0; i < bookings->len; i++)
    {
      TamuBooking *b = g_ptr_array_index (bookings, i);
      g_autofree char *date = tamu_format_date_iso (&b->date);
      g_autofree char *start = tamu_format_time (b->start);
      g_autofree char *end = tamu_format_time (tamu_booking_get_end (b));
      g_autofree char *time = b->start >= 0 ? g_strdup_printf ("%s-%s", start, end) : g_strdup ("-");
      g_autofree char *topics = tamu_booking_dup_topics_text (b);
      g_autofree char *guests = b->actual_guests >= 0
                                ? g_strdup_printf ("%d/%d%s", b->actual_guests, b->guest_limit,
                                                   tamu_booking_is_over_limit (b) ? "!" : "")
                                : g_strdup_printf ("%d/%d%s", b->guests, b->guest_limit,
                                                   tamu_booking_is_over_limit (b) ? "!" : "");

      g_print ("%-6" G_GINT64_FORMAT " %-10s %-11s %-10s %-28s %-22s %-7s %-20s %s\n",
               b->id, date, time, tamu_booking_type_to_string (b->type), b->daerah, topics,
               b->type == TAMU_BOOKING_TATAP_MUKA ? guests : "-",
               b->room != NULL ? b->room : (b->link != NULL ? "link" : "-"),
               tamu_booking_status_to_string (b->status));
    }
}

static int
booking_list (TamuCliContext *ctx,
              int             argc,
              char          **argv)
{
  g_autofree char *from = NULL, *to = NULL, *type = NULL, *status_text = NULL, *search = NULL;
  g_autofree char *format_option = NULL;
  GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("First day"), "YYYY-MM-DD" },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("Last day"), "YYYY-MM-DD" },
    { "type", 0, 0, G_OPTION_ARG_STRING, &type, N_("tatap-muka or vidcon"), "TYPE" },
    { "status", 0, 0, G_OPTION_ARG_STRING, &status_text, N_("Only bookings in this state"), "STATUS" },
    { "search", 0, 0, G_OPTION_ARG_STRING, &search, N_("Text in daerah, contact, ticket, topics or notes"), "TEXT" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_option, N_("table, csv or json"), "FORMAT" },
    { NULL },
  };
  g_autoptr(GPtrArray) bookings = NULL;
  g_autoptr(GError) error = NULL;
  TamuBookingFilter filter;
  const char *format;
  TamuStore *store;

  if (!tamu_cli_parse ("booking list", NULL, entries, &argc, &argv))
    return TAMU_CLI_USAGE;
  format = format_option;
  if (!tamu_cli_check_format ("booking list", &format, "table|csv|json"))
    return TAMU_CLI_USAGE;
  if (argc > 1)
    return tamu_cli_usage ("booking list", _("unexpected argument “%s”"), argv[1]);

  tamu_booking_filter_init (&filter);
  if (!parse_filter_date ("from", from, &filter.from, &error) ||
      !parse_filter_date ("to", to, &filter.to, &error))
    return tamu_cli_fail (error);
  if (type != NULL)
    {
      TamuBookingType t;

      if (!tamu_booking_type_from_string (type, &t))
        {
          g_printerr (_("tamu-cli: type: “%s” is not a booking type (tatap-muka or vidcon)\n"), type);
          return TAMU_CLI_FAILED;
        }
      filter.type = t;
    }
  if (status_text != NULL)
    {
      TamuBookingStatus s;

      if (!tamu_booking_status_from_string (status_text, &s))
        {
          g_printerr (_("tamu-cli: status: “%s” is not a state (requested, confirmed, done, "
                        "cancelled, no-show)\n"), status_text);
          return TAMU_CLI_FAILED;
        }
      filter.status = s;
    }
  filter.text = search;

  store = tamu_cli_get_store (ctx);
  if (store == NULL)
    return TAMU_CLI_FAILED;
  bookings = tamu_store_list_bookings (store, &filter, &error);
  if (bookings == NULL)
    return tamu_cli_fail (error);

  if (g_str_equal (format, "json"))
    {
      g_autoptr(JsonNode) node = tamu_cli_bookings_to_json (bookings);

      tamu_cli_print_json (node);
    }
  else if (g_str_equal (format, "csv"))
    {
      g_autofree char *csv = tamu_booking_csv_write (bookings, TRUE);

      fwrite (csv, 1, strlen (csv), stdout);
    }
  else
    print_table (bookings);

  return TAMU_CLI_OK;
}

static int
booking_show (TamuCliContext *ctx,
              int             argc,
              char          **argv)
{
  g_autoptr(TamuBooking) booking = NULL;
  const char *format;
  int status = tamu_cli_read_booking (ctx, "booking show", argc, argv, &format, &booking);

  if (status != TAMU_CLI_OK)
    return status;
  return print_result (booking, format, FALSE);
}

typedef enum { STATE_CONFIRM, STATE_CANCEL, STATE_NO_SHOW, STATE_CHECK_IN, STATE_DELETE } StateVerb;

static int
booking_state (TamuCliContext *ctx,
               StateVerb       verb,
               const char     *command,
               int             argc,
               char          **argv)
{
  g_autofree char *reason = NULL, *guests_text = NULL, *format_option = NULL;
  GOptionEntry cancel_entries[] = {
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why the booking is cancelled"), "TEXT" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_option, N_("text or json"), "FORMAT" },
    { NULL },
  };
  GOptionEntry checkin_entries[] = {
    { "guests", 0, 0, G_OPTION_ARG_STRING, &guests_text, N_("Number of guests who came"), "N" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_option, N_("text or json"), "FORMAT" },
    { NULL },
  };
  GOptionEntry plain_entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_option, N_("text or json"), "FORMAT" },
    { NULL },
  };
  g_autoptr(TamuBooking) booking = NULL;
  g_autoptr(GPtrArray) warnings = tamu_warnings_new ();
  g_autoptr(GError) error = NULL;
  const char *format;
  TamuStore *store;
  gint64 id;
  int status;
  int guests = 0;

  if (!tamu_cli_parse (command, "ID",
                       verb == STATE_CANCEL ? cancel_entries
                       : verb == STATE_CHECK_IN ? checkin_entries : plain_entries,
                       &argc, &argv))
    return TAMU_CLI_USAGE;
  format = format_option;
  if (!tamu_cli_check_format (command, &format, "text|json"))
    return TAMU_CLI_USAGE;
  if (argc != 2)
    return tamu_cli_usage (command, _("give one booking ID"));
  if (verb == STATE_CHECK_IN && guests_text == NULL)
    return tamu_cli_usage (command, _("%s is required"), "--guests");
  if (!tamu_cli_parse_id (command, argv[1], &id, &status))
    return status;
  if (verb == STATE_CHECK_IN && !tamu_parse_int ("guests", guests_text, 0, TAMU_MAX_GUESTS, &guests, &error))
    return tamu_cli_fail (error);

  store = tamu_cli_get_store (ctx);
  if (store == NULL)
    return TAMU_CLI_FAILED;

  switch (verb)
    {
    case STATE_CONFIRM:
      booking = tamu_store_confirm_booking (store, id, &error);
      break;
    case STATE_CANCEL:
      booking = tamu_store_cancel_booking (store, id, reason, &error);
      break;
    case STATE_NO_SHOW:
      booking = tamu_store_mark_no_show (store, id, &error);
      break;
    case STATE_CHECK_IN:
      booking = tamu_store_check_in (store, id, guests, warnings, &error);
      break;
    case STATE_DELETE:
      if (!tamu_store_delete_booking (store, id, &error))
        return tamu_cli_fail (error);
      return TAMU_CLI_OK;
    default:
      g_assert_not_reached ();
    }

  tamu_cli_print_warnings (warnings);
  if (booking == NULL)
    return tamu_cli_fail (error);

  if (g_str_equal (format, "json"))
    return print_result (booking, format, FALSE);
  return TAMU_CLI_OK;
}

static int
booking_history (TamuCliContext *ctx,
                 int             argc,
                 char          **argv)
{
  g_autoptr(TamuBooking) booking = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  TamuStore *store;
  gint64 id;
  int status;

  if (!tamu_cli_parse ("booking history", "ID", NULL, &argc, &argv))
    return TAMU_CLI_USAGE;
  if (argc != 2)
    return tamu_cli_usage ("booking history", _("give one booking ID"));
  if (!tamu_cli_parse_id ("booking history", argv[1], &id, &status))
    return status;

  store = tamu_cli_get_store (ctx);
  if (store == NULL)
    return TAMU_CLI_FAILED;
  booking = tamu_store_get_booking (store, id, &error);
  if (booking == NULL)
    return tamu_cli_fail (error);
  entries = tamu_store_list_history (store, "booking", id, &error);
  if (entries == NULL)
    return tamu_cli_fail (error);

  for (guint i = 0; i < entries->len; i++)
    {
      TamuAuditEntry *e = g_ptr_array_index (entries, i);

      if (e->field != NULL)
        g_print ("%s  %-12s %-9s %s: %s → %s\n", e->at, e->actor, e->action, e->field,
                 e->old_value != NULL && *e->old_value ? e->old_value : "∅",
                 e->new_value != NULL && *e->new_value ? e->new_value : "∅");
      else
        g_print ("%s  %-12s %s\n", e->at, e->actor, e->action);
    }
  return TAMU_CLI_OK;
}

int
tamu_cli_booking (TamuCliContext *ctx,
                  int             argc,
                  char          **argv)
{
  const char *verb;

  if (argc < 2)
    return tamu_cli_usage ("booking", _("say what to do: add, list, show, update, confirm, cancel, "
                                        "noshow, checkin, history, confirmation or delete"));
  verb = argv[1];
  argc--;
  argv++;

  if (g_str_equal (verb, "add"))
    return booking_add (ctx, argc, argv);
  if (g_str_equal (verb, "list"))
    return booking_list (ctx, argc, argv);
  if (g_str_equal (verb, "show"))
    return booking_show (ctx, argc, argv);
  if (g_str_equal (verb, "update"))
    return booking_update (ctx, argc, argv);
  if (g_str_equal (verb, "confirm"))
    return booking_state (ctx, STATE_CONFIRM, "booking confirm", argc, argv);
  if (g_str_equal (verb, "cancel"))
    return booking_state (ctx, STATE_CANCEL, "booking cancel", argc, argv);
  if (g_str_equal (verb, "noshow") || g_str_equal (verb, "no-show"))
    return booking_state (ctx, STATE_NO_SHOW, "booking noshow", argc, argv);
  if (g_str_equal (verb, "checkin") || g_str_equal (verb, "check-in"))
    return booking_state (ctx, STATE_CHECK_IN, "booking checkin", argc, argv);
  if (g_str_equal (verb, "delete"))
    return booking_state (ctx, STATE_DELETE, "booking delete", argc, argv);
  if (g_str_equal (verb, "history"))
    return booking_history (ctx, argc, argv);
  if (g_str_equal (verb, "confirmation"))
    return tamu_cli_booking_confirmation (ctx, argc, argv);

  return tamu_cli_usage ("booking", _("unknown action “%s”"), verb);
}

int
tamu_cli_slots (TamuCliContext *ctx,
                int             argc,
                char          **argv)
{
  g_autofree char *date = NULL, *days = NULL, *duration = NULL, *guests = NULL, *room = NULL;
  g_autofree char *type = NULL, *format_option = NULL;
  GOptionEntry entries[] = {
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("First day to search"), "YYYY-MM-DD" },
    { "days", 0, 0, G_OPTION_ARG_STRING, &days, N_("Working days to search (default 1)"), "N" },
    { "duration", 0, 0, G_OPTION_ARG_STRING, &duration, N_("Length in minutes"), "MIN" },
    { "guests", 0, 0, G_OPTION_ARG_STRING, &guests, N_("Number of guests"), "N" },
    { "room", 0, 0, G_OPTION_ARG_STRING, &room, N_("Only this room"), "TEXT" },
    { "type", 0, 0, G_OPTION_ARG_STRING, &type, N_("tatap-muka (default) or vidcon"), "TYPE" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_option, N_("table or json"), "FORMAT" },
    { NULL },
  };
  g_autoptr(GPtrArray) slots = NULL;
  g_autoptr(GError) error = NULL;
  TamuSlotQuery query = { .type = TAMU_BOOKING_TATAP_MUKA, .days = 1, .max_slots = 0 };
  const char *format;
  TamuStore *store;
  GDate from;

  if (!tamu_cli_parse ("slots", NULL, entries, &argc, &argv))
    return TAMU_CLI_USAGE;
  format = format_option;
  if (!tamu_cli_check_format ("slots", &format, "table|json"))
    return TAMU_CLI_USAGE;
  if (date == NULL)
    return tamu_cli_usage ("slots", _("%s is required"), "--date");

  if (!tamu_parse_date_loose ("date", date, &from, &error) ||
      (days != NULL && !tamu_parse_int ("days", days, 1, 366, &query.days, &error)) ||
      (duration != NULL && !tamu_parse_int ("duration", duration, TAMU_MIN_DURATION, TAMU_MAX_DURATION,
                                                  &query.duration, &error)) ||
      (guests != NULL && !tamu_parse_int ("guests", guests, 1, TAMU_MAX_GUESTS, &query.guests, &error)))
    return tamu_cli_fail (error);
  if (type != NULL && !tamu_booking_type_from_string (type, &query.type))
    {
      g_printerr (_("tamu-cli: type: “%s” is not a booking type (tatap-muka or vidcon)\n"), type);
      return TAMU_CLI_FAILED;
    }
  query.room = room;

  store = tamu_cli_get_store (ctx);
  if (store == NULL)
    return TAMU_CLI_FAILED;
  slots = tamu_store_find_slots (store, &from, &query, &error);
  if (slots == NULL)
    return tamu_cli_fail (error);

  if (g_str_equal (format, "json"))
    {
      g_autoptr(JsonNode) node = tamu_cli_slots_to_json (slots);

      tamu_cli_print_json (node);
      return TAMU_CLI_OK;
    }

  if (slots->len == 0)
    g_print ("%s\n", _("No free slot."));
  for (guint i = 0; i < slots->len; i++)
    {
      TamuSlot *slot = g_ptr_array_index (slots, i);
      g_autofree char *day = tamu_format_date_iso (&slot->date);
      g_autofree char *start = tamu_format_time (slot->start);
      g_autofree char *end = tamu_format_time (slot->end);

      g_print ("%s  %s-%s  %s\n", day, start, end, slot->room != NULL ? slot->room : "");
    }
  return TAMU_CLI_OK;
}
