/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "tamu-cli-ical.h"

#include "tamu-desk-settings.h"
#include "tamu-error.h"
#include "tamu-cli-json.h"
#include "tamu-file.h"
#include "tamu-ical.h"
#include "tamu-parse.h"

/* ---- export ics ------------------------------------------------------- */

static int
export_ics (TamuCliContext *ctx,
            int             argc,
            char          **argv)
{
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  g_autofree char *type_text = NULL;
  g_autofree char *booking_text = NULL;
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text, N_("First day (YYYY-MM-DD)"), "DATE" },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_text, N_("Last day (YYYY-MM-DD)"), "DATE" },
    { "type", 0, 0, G_OPTION_ARG_STRING, &type_text, N_("Only tatap-muka or vidcon"), "T" },
    { "booking", 0, 0, G_OPTION_ARG_STRING, &booking_text, N_("One booking, as its own file"), "ID" },
    { "output", 'o', 0, G_OPTION_ARG_STRING, &output, N_("The .ics file to write (- = standard output)"), "FILE" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gsize length = 0;
  guint count = 0;
  int reminder;
  TamuStore *store;

  if (!tamu_cli_parse ("export ics", "", entries, &argc, &argv))
    return TAMU_CLI_USAGE;
  if (argc > 1)
    return tamu_cli_usage ("export ics", _("unexpected argument “%s”"), argv[1]);
  if (output == NULL)
    return tamu_cli_usage ("export ics", _("-o FILE is required (- writes to standard output)"));

  if (booking_text != NULL && (from_text != NULL || to_text != NULL || type_text != NULL))
    return tamu_cli_usage ("export ics", _("--booking cannot be combined with --from, --to or --type"));
  if (booking_text == NULL && (from_text == NULL || to_text == NULL))
    return tamu_cli_usage ("export ics", _("--from and --to are required (or --booking ID)"));

  reminder = tamu_desk_settings_get_reminder_minutes ();

  if (booking_text != NULL)
    {
      g_autoptr(TamuBooking) booking = NULL;
      g_autoptr(TamuPolicy) policy = NULL;
      gint64 id;
      int status;

      if (!tamu_cli_parse_id ("export ics", booking_text, &id, &status))
        return status;
      if ((store = tamu_cli_get_store (ctx)) == NULL)
        return TAMU_CLI_FAILED;
      booking = tamu_store_get_booking (store, id, &error);
      if (booking == NULL)
        return tamu_cli_fail (error);
      policy = tamu_store_load_policy (store, &error);
      if (policy == NULL)
        return tamu_cli_fail (error);
      text = tamu_ical_export_booking_full (booking, reminder, policy->organizer_email, &length);
      count = 1;
    }
  else
    {
      TamuBookingFilter filter;
      g_autoptr(GPtrArray) bookings = NULL;
      TamuBookingType type;

      tamu_booking_filter_init (&filter);
      if (!tamu_parse_date ("from", from_text, &filter.from, &error) ||
          !tamu_parse_date ("to", to_text, &filter.to, &error))
        return tamu_cli_fail (error);
      if (g_date_compare (&filter.to, &filter.from) < 0)
        {
          g_set_error (&error, TAMU_ERROR, TAMU_ERROR_INVALID,
                       _("to: %s is before --from %s"), to_text, from_text);
          return tamu_cli_fail (error);
        }
      if (type_text != NULL)
        {
          if (!tamu_booking_type_from_string (type_text, &type))
            {
              g_set_error (&error, TAMU_ERROR, TAMU_ERROR_INVALID,
                           _("type: “%s” is not a booking type (tatap-muka or vidcon)"), type_text);
              return tamu_cli_fail (error);
            }
          filter.type = type;
        }
      filter.include_cancelled = FALSE;

      if ((store = tamu_cli_get_store (ctx)) == NULL)
        return TAMU_CLI_FAILED;
      bookings = tamu_store_list_bookings (store, &filter, &error);
      if (bookings == NULL)
        return tamu_cli_fail (error);
      text = tamu_ical_export_bookings (bookings, reminder, &length);
      for (guint i = 0; i < bookings->len; i++)
        if (((TamuBooking *) g_ptr_array_index (bookings, i))->status != TAMU_STATUS_CANCELLED)
          count++;
    }

  if (!tamu_cli_write_output (output, text, length, &error))
    return tamu_cli_fail (error);
  if (!g_str_equal (output, "-"))
    g_print (ngettext ("Exported %u event to %s\n", "Exported %u events to %s\n", count),
             count, output);
  return TAMU_CLI_OK;
}

int
tamu_cli_export (TamuCliContext *ctx,
                 int             argc,
                 char          **argv)
{
  if (argc < 2 || argv[1][0] == '-')
    return tamu_cli_usage ("export", _("say what to export: ics"));
  if (g_str_equal (argv[1], "ics"))
    return export_ics (ctx, argc - 1, argv + 1);
  return tamu_cli_usage ("export", _("unknown format “%s”: ics"), argv[1]);
}

/* ---- import ics ------------------------------------------------------- */

static char *
describe_draft (const TamuBooking *draft)
{
  g_autofree char *date = tamu_format_date_iso (&draft->date);
  g_autofree char *start = tamu_format_time (draft->start);
  g_autofree char *end = tamu_format_time ((draft->start + draft->duration) % (24 * 60));
  g_autofree char *topics = tamu_booking_dup_topics_text (draft);

  return g_strdup_printf ("%s %s–%s WIB · %s · %s · %s · %s", date, start, end,
                          tamu_booking_type_to_label (draft->type),
                          draft->daerah != NULL ? draft->daerah : "?",
                          topics != NULL && *topics != '\0' ? topics : "?",
                          draft->link != NULL ? draft->link : "-");
}

static void
print_text_warnings (GPtrArray *warnings)
{
  for (guint i = 0; i < warnings->len; i++)
    g_printerr (_("warning: %s\n"), (const char *) g_ptr_array_index (warnings, i));
}

static const char *
step_action (TamuIcalStepKind kind)
{
  static const char * const actions[] = { "create", "update", "cancel", "skip" };

  return actions[kind];
}

/* {"actions": [{"action", "booking", "message", "problem"}…], "warnings": […]} */
static void
print_plan_json (GPtrArray *plan,
                 GPtrArray *text_warnings,
                 GPtrArray *warnings)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "actions");
  json_builder_begin_array (builder);
  for (guint i = 0; i < plan->len; i++)
    {
      TamuIcalStep *step = g_ptr_array_index (plan, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "action");
      json_builder_add_string_value (builder, step_action (step->kind));
      json_builder_set_member_name (builder, "booking");
      if (step->booking != NULL)
        json_builder_add_value (builder, tamu_cli_booking_to_json (step->booking));
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "message");
      if (step->message != NULL)
        json_builder_add_string_value (builder, step->message);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "problem");
      if (step->problem != NULL)
        json_builder_add_string_value (builder, step->problem);
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "warnings");
  json_builder_begin_array (builder);
  for (guint i = 0; i < text_warnings->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (text_warnings, i));
  for (guint i = 0; warnings != NULL && i < warnings->len; i++)
    json_builder_add_string_value (builder, ((TamuWarning *) g_ptr_array_index (warnings, i))->message);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  tamu_cli_print_json (root);
}

static void
print_plan_text (GPtrArray *plan,
                 gboolean   dry_run)
{
  guint creates = 0;
  guint others = 0;

  for (guint i = 0; i < plan->len; i++)
    {
      TamuIcalStep *step = g_ptr_array_index (plan, i);

      if (step->kind == TAMU_ICAL_STEP_CREATE)
        creates++;
      else if (step->kind != TAMU_ICAL_STEP_SKIP)
        others++;
    }

  for (guint i = 0; i < plan->len; i++)
    {
      TamuIcalStep *step = g_ptr_array_index (plan, i);
      g_autofree char *line = step->booking != NULL ? describe_draft (step->booking) : NULL;

      switch (step->kind)
        {
        case TAMU_ICAL_STEP_CREATE:
          if (dry_run)
            g_print (_("would create: %s\n"), line);
          else if (creates == 1 && others == 0)
            g_print ("%" G_GINT64_FORMAT "\n", step->booking->id);
          break;
        case TAMU_ICAL_STEP_UPDATE:
          if (dry_run)
            g_print (_("would update booking %lld: %s\n"), (long long) step->booking->id, line);
          else
            g_print (_("Updated booking %lld: %s\n"), (long long) step->booking->id, line);
          break;
        case TAMU_ICAL_STEP_CANCEL:
          if (dry_run)
            g_print (_("would cancel booking %lld: %s\n"), (long long) step->booking->id, line);
          else
            g_print (_("Cancelled booking %lld: %s\n"), (long long) step->booking->id, line);
          break;
        case TAMU_ICAL_STEP_SKIP:
          g_printerr (_("warning: %s\n"), step->message);
          break;
        }
    }
  if (!dry_run && (creates > 1 || (creates == 1 && others > 0)))
    g_print (ngettext ("Imported %u video conference\n", "Imported %u video conferences\n", creates),
             creates);
}

static int
import_vidcon (TamuStore                 *store,
               const char                *contents,
               gsize                      length,
               TamuIcalReadOptions       *options,
               const char                *daerah,
               const char                *topic_text,
               gboolean                   dry_run,
               gboolean                   json)
{
  g_autoptr(GPtrArray) topics = NULL;
  g_autoptr(GPtrArray) text_warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) warnings = tamu_warnings_new ();
  g_autoptr(TamuIcalInvitation) invitation = NULL;
  g_autoptr(GPtrArray) plan = NULL;
  g_auto(GStrv) chosen_topics = NULL;
  g_autoptr(GError) error = NULL;
  TamuIcalStep *first_skip = NULL;
  TamuIcalStep *first_problem = NULL;
  guint actions = 0;

  topics = tamu_store_load_topics (store, &error);
  if (topics == NULL)
    return tamu_cli_fail (error);
  if (topic_text != NULL)
    {
      chosen_topics = tamu_topics_resolve_list (topics, topic_text, &error);
      if (chosen_topics == NULL)
        return tamu_cli_fail (error);
    }

  options->topics = topics;
  invitation = tamu_ical_read_invitation (contents, length, options, text_warnings, &error);
  if (invitation == NULL)
    return tamu_cli_fail (error);

  for (guint i = 0; i < invitation->drafts->len; i++)
    {
      TamuBooking *draft = g_ptr_array_index (invitation->drafts, i);

      if (daerah != NULL)
        {
          g_free (draft->daerah);
          g_clear_pointer (&draft->region_code, g_free);
          draft->daerah = g_strdup (daerah);
        }
      if (chosen_topics != NULL)
        {
          g_strfreev (draft->topics);
          draft->topics = g_strdupv (chosen_topics);
        }
    }
  /* A region given on the command line replaces the guess: drop its warning. */
  for (guint i = text_warnings->len; daerah != NULL && i > 0; i--)
    if (g_str_has_prefix (g_ptr_array_index (text_warnings, i - 1), "daerah:"))
      g_ptr_array_remove_index (text_warnings, i - 1);

  plan = tamu_ical_plan_invitation (store, invitation, &error);
  if (plan == NULL)
    return tamu_cli_fail (error);
  for (guint i = 0; i < plan->len; i++)
    {
      TamuIcalStep *step = g_ptr_array_index (plan, i);

      if (step->kind == TAMU_ICAL_STEP_SKIP)
        {
          if (first_skip == NULL)
            first_skip = step;
          continue;
        }
      actions++;
      if (step->problem != NULL && first_problem == NULL)
        first_problem = step;
      for (guint j = 0; j < step->warnings->len; j++)
        g_ptr_array_add (warnings, g_ptr_array_steal_index (step->warnings, 0));
    }

  if (dry_run && json)
    print_plan_json (plan, text_warnings, warnings);

  /* Nothing to do (the same invitation again, an old one, a cancellation of
   * nothing): refused, with why. */
  if (actions == 0)
    {
      g_set_error (&error, TAMU_ERROR, TAMU_ERROR_REFUSED, "%s", first_skip->message);
      return tamu_cli_fail (error);
    }
  if (first_problem != NULL)
    {
      g_set_error (&error, TAMU_ERROR, TAMU_ERROR_REFUSED, "%s", first_problem->problem);
      return tamu_cli_fail (error);
    }

  if (dry_run)
    {
      if (!json)
        {
          print_plan_text (plan, TRUE);
          print_text_warnings (text_warnings);
          tamu_cli_print_warnings (warnings);
        }
      return TAMU_CLI_OK;
    }

  if (!tamu_ical_apply_plan (store, plan, warnings, &error))
    return tamu_cli_fail (error);

  if (json)
    print_plan_json (plan, text_warnings, warnings);
  else
    {
      print_plan_text (plan, FALSE);
      print_text_warnings (text_warnings);
      tamu_cli_print_warnings (warnings);
    }
  return TAMU_CLI_OK;
}

static int
import_holidays (TamuStore  *store,
                 const char *contents,
                 gsize       length,
                 gboolean    include_observances,
                 gboolean    dry_run)
{
  g_autoptr(GPtrArray) holidays = NULL;
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  holidays = tamu_ical_read_holidays (contents, length, include_observances, notes, &error);
  if (holidays == NULL)
    return tamu_cli_fail (error);

  if (dry_run)
    {
      for (guint i = 0; i < holidays->len; i++)
        {
          TamuHoliday *holiday = g_ptr_array_index (holidays, i);
          g_autofree char *date = tamu_format_date_iso (&holiday->date);

          g_print (_("would add: %s %s %s\n"), date,
                   tamu_holiday_kind_to_string (holiday->kind), holiday->name);
        }
      print_text_warnings (notes);
      return TAMU_CLI_OK;
    }

  if (!tamu_store_add_holidays (store, holidays, &error))
    return tamu_cli_fail (error);
  g_print (ngettext ("Imported %u holiday\n", "Imported %u holidays\n", holidays->len),
           holidays->len);
  print_text_warnings (notes);
  return TAMU_CLI_OK;
}

int
tamu_cli_import_ics (TamuCliContext *ctx,
                     int             argc,
                     char          **argv)
{
  g_autofree char *as = NULL;
  g_autofree char *daerah = NULL;
  g_autofree char *topic = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  g_autofree char *format = NULL;
  gboolean dry_run = FALSE;
  gboolean include_observances = FALSE;
  const char *format_name;
  TamuIcalReadOptions options;
  GOptionEntry entries[] = {
    { "as", 0, 0, G_OPTION_ARG_STRING, &as, N_("What the file holds: vidcon or holidays"), "KIND" },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text, N_("With --to: each meeting of a series from this day (YYYY-MM-DD)"), "DATE" },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_text, N_("With --from: each meeting of a series up to this day (YYYY-MM-DD)"), "DATE" },
    { "include-observances", 0, 0, G_OPTION_ARG_NONE, &include_observances, N_("Holidays: also observances that are not days off"), NULL },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("Output: text or json"), "FORMAT" },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run, N_("Only show what would be created"), NULL },
    { "daerah", 0, 0, G_OPTION_ARG_STRING, &daerah, N_("The region or institution, when the invitation does not name it"), "TEXT" },
    { "topic", 0, 0, G_OPTION_ARG_STRING, &topic, N_("Topics, comma-separated, instead of the guessed ones"), "TEXT" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  TamuStore *store;

  if (!tamu_cli_parse ("import ics", "FILE", entries, &argc, &argv))
    return TAMU_CLI_USAGE;
  if (argc < 2)
    return tamu_cli_usage ("import ics", _("the .ics FILE is required"));
  if (argc > 2)
    return tamu_cli_usage ("import ics", _("unexpected argument “%s”"), argv[2]);
  if (as == NULL)
    return tamu_cli_usage ("import ics", _("--as vidcon|holidays is required"));
  if (!g_str_equal (as, "vidcon") && !g_str_equal (as, "holidays"))
    return tamu_cli_usage ("import ics", _("--as must be vidcon or holidays, not “%s”"), as);
  if (g_str_equal (as, "holidays") && (daerah != NULL || topic != NULL || from_text != NULL || to_text != NULL))
    return tamu_cli_usage ("import ics", _("--daerah, --topic, --from and --to are for --as vidcon"));
  if (g_str_equal (as, "vidcon") && include_observances)
    return tamu_cli_usage ("import ics", _("--include-observances is for --as holidays"));
  if ((from_text == NULL) != (to_text == NULL))
    return tamu_cli_usage ("import ics", _("--from and --to go together"));
  format_name = format;
  if (!tamu_cli_check_format ("import ics", &format_name, "text|json"))
    return TAMU_CLI_USAGE;

  tamu_ical_read_options_init (&options);
  if (from_text != NULL)
    {
      if (!tamu_parse_date ("from", from_text, &options.from, &error) ||
          !tamu_parse_date ("to", to_text, &options.to, &error))
        return tamu_cli_fail (error);
      if (g_date_compare (&options.to, &options.from) < 0)
        {
          g_set_error (&error, TAMU_ERROR, TAMU_ERROR_INVALID,
                       _("to: %s is before --from %s"), to_text, from_text);
          return tamu_cli_fail (error);
        }
    }

  /* A regular file within the limit, or a refusal naming it. */
  if (!tamu_file_read_import (argv[1], &contents, &length, &error))
    return tamu_cli_fail (error);

  if ((store = tamu_cli_get_store (ctx)) == NULL)
    return TAMU_CLI_FAILED;

  if (g_str_equal (as, "holidays"))
    return import_holidays (store, contents, length, include_observances, dry_run);
  return import_vidcon (store, contents, length, &options, daerah, topic, dry_run,
                        g_str_equal (format_name, "json"));
}
