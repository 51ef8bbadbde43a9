/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "tamu-affected.h"
#include "tamu-booking-csv.h"
#include "tamu-cli.h"
#include "tamu-cli-json.h"
#include "tamu-clock.h"
#include "tamu-demo.h"
#include "tamu-desk-settings.h"
#include "tamu-error.h"
#include "tamu-fields.h"
#include "tamu-file.h"
#include "tamu-limits.h"
#include "tamu-parse.h"
#include "tamu-regions.h"
#include "tamu-text.h"

/* `tamu-cli import csv`, `daerah`, `holiday`, `topic`, `settings`, `demo`. */

int
tamu_cli_import_csv (TamuCliContext *ctx,
                     int             argc,
                     char          **argv)
{
  gboolean dry_run = FALSE;
  GOptionEntry entries[] = {
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run, N_("Check and report only; write nothing"), NULL },
    { NULL },
  };
  g_autoptr(GPtrArray) topics = NULL;
  g_autoptr(GPtrArray) warnings = tamu_warnings_new ();
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  TamuBookingCsv *csv;
  TamuStore *store;
  gsize length;
  GDate today;
  gboolean ok;
  guint visits = 0, vidcons = 0;

  if (!tamu_cli_parse ("import csv", "FILE", entries, &argc, &argv))
    return TAMU_CLI_USAGE;
  if (argc != 2)
    return tamu_cli_usage ("import csv", _("give one CSV file"));

  if (!tamu_file_read_import (argv[1], &data, &length, &error))
    return tamu_cli_fail (error);

  store = tamu_cli_get_store (ctx);
  if (store == NULL)
    return TAMU_CLI_FAILED;
  topics = tamu_store_load_topics (store, &error);
  if (topics == NULL)
    return tamu_cli_fail (error);

  tamu_clock_today (&today);
  csv = tamu_booking_csv_parse (data, length, topics, &today, &error);
  if (csv == NULL)
    return tamu_cli_fail (error);

  /* Rows that do not even parse are reported with the ones the rules
   * refuse, so one run names every bad row. */
  for (guint i = 0; i < csv->problems->len; i++)
    g_ptr_array_add (problems, g_strdup (g_ptr_array_index (csv->problems, i)));

  if (problems->len == 0)
    ok = tamu_store_import_bookings (store, csv->rows, (const guint *) csv->line_numbers->data,
                                     dry_run, warnings, problems, &error);
  else
    {
      /* Still check the rows that parsed, to report their problems too. */
      tamu_store_import_bookings (store, csv->rows, (const guint *) csv->line_numbers->data,
                                  TRUE, NULL, problems, NULL);
      ok = FALSE;
      g_set_error (&error, TAMU_ERROR, TAMU_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "import: %u problem found; nothing was imported",
                                "import: %u problems found; nothing was imported", problems->len),
                   problems->len);
    }

  for (guint i = 0; i < csv->rows->len; i++)
    {
      TamuBooking *row = g_ptr_array_index (csv->rows, i);

      if (row->type == TAMU_BOOKING_TATAP_MUKA)
        visits++;
      else
        vidcons++;
    }
  tamu_booking_csv_free (csv);

  tamu_cli_print_warnings (warnings);
  if (!ok)
    {
      for (guint i = 0; i < problems->len; i++)
        g_printerr ("%s: %s\n", argv[1], (const char *) g_ptr_array_index (problems, i));
      return tamu_cli_fail (error);
    }

  if (dry_run)
    g_print (_("Would import %u visits and %u video conferences (dry run: nothing written).\n"),
             visits, vidcons);
  else
    g_print (_("Imported %u visits and %u video conferences.\n"), visits, vidcons);
  return TAMU_CLI_OK;
}

int
tamu_cli_daerah (TamuCliContext *ctx,
                 int             argc,
                 char          **argv)
{
  g_autofree char *format_option = NULL;
  g_autofree char *limit_text = NULL;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_option, N_("table or json"), "FORMAT" },
    { "limit", 0, 0, G_OPTION_ARG_STRING, &limit_text, N_("Most results (default 10)"), "N" },
    { NULL },
  };
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;
  const TamuRegion *exact;
  const TamuRegion *suggestion = NULL;
  const char *format;
  int limit = 10;

  if (argc < 2 || !g_str_equal (argv[1], "search"))
    return tamu_cli_usage ("daerah", _("say what to do: search TEXT"));
  argc--;
  argv++;
  if (!tamu_cli_parse ("daerah search", "TEXT", entries, &argc, &argv))
    return TAMU_CLI_USAGE;
  format = format_option;
  if (!tamu_cli_check_format ("daerah search", &format, "table|json"))
    return TAMU_CLI_USAGE;
  if (argc < 2)
    return tamu_cli_usage ("daerah search", _("give the text to search for"));
  if (limit_text != NULL && !tamu_parse_int ("limit", limit_text, 1, 600, &limit, &error))
    return tamu_cli_fail (error);

  {
    g_autofree char *text = g_strjoinv (" ", argv + 1);

    if (!tamu_text_check ("text", text, TAMU_MAX_NAME_CHARS, TAMU_TEXT_ONE_LINE, &error))
      return tamu_cli_fail (error);
    exact = tamu_regions_match (text);
    found = tamu_regions_search (text, limit);
    if (exact != NULL)
      {
        /* What the text names exactly comes first. */
        g_ptr_array_remove (found, (gpointer) exact);
        g_ptr_array_insert (found, 0, (gpointer) exact);
        if (found->len > (guint) limit)
          g_ptr_array_set_size (found, limit);
      }
    else
      suggestion = tamu_regions_suggest (text);
  }

  if (g_str_equal (format, "json"))
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < found->len; i++)
        {
          const TamuRegion *r = g_ptr_array_index (found, i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "code");
          json_builder_add_string_value (builder, r->code);
          json_builder_set_member_name (builder, "kind");
          json_builder_add_string_value (builder, tamu_region_kind_to_string (r->kind));
          json_builder_set_member_name (builder, "name");
          json_builder_add_string_value (builder, r->short_name);
          json_builder_set_member_name (builder, "official_name");
          json_builder_add_string_value (builder, r->name);
          json_builder_set_member_name (builder, "province");
          json_builder_add_string_value (builder, r->province_name);
          json_builder_set_member_name (builder, "timezone");
          json_builder_add_string_value (builder, r->timezone);
          json_builder_set_member_name (builder, "exact");
          json_builder_add_boolean_value (builder, r == exact);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      tamu_cli_print_json (root);
    }
  else
    {
      for (guint i = 0; i < found->len; i++)
        {
          const TamuRegion *r = g_ptr_array_index (found, i);

          g_print ("%-6s %-34s %-28s %s (%s)\n", r->code, r->short_name, r->province_name,
                   r->timezone, tamu_timezone_abbreviation (r->timezone));
        }
      if (found->len == 0 && suggestion == NULL)
        g_print ("%s\n", _("No region matches."));
    }

  if (suggestion != NULL)
    g_printerr (_("warning: did you mean “%s”?\n"), suggestion->short_name);
  return TAMU_CLI_OK;
}

/* The name of the holiday on @date, or NULL (error set only on failure). */
static char *
dup_holiday_name (TamuStore   *store,
                  const GDate *date,
                  GError     **error)
{
  g_autoptr(GPtrArray) holidays = tamu_store_list_holidays (store, g_date_get_year (date), error);

  for (guint i = 0; holidays != NULL && i < holidays->len; i++)
    {
      TamuHoliday *h = g_ptr_array_index (holidays, i);

      if (g_date_compare (&h->date, date) == 0)
        return g_strdup (h->name);
    }
  return NULL;
}

static void
print_affected (const char *rule,
                GPtrArray  *affected)
{
  for (guint i = 0; i < affected->len; i++)
    {
      g_autofree char *line = tamu_affected_describe (g_ptr_array_index (affected, i));
      g_autofree char *message = g_strdup_printf ("%s: %s", rule, line);

      g_printerr (_("warning: %s\n"), message);
    }
}

/* A holiday that renames another, or closes a day with bookings, warns. */
static void
warn_holiday_added (TamuStore   *store,
                    const GDate *date,
                    const char  *previous,
                    const char  *name)
{
  g_autofree char *day = tamu_format_date_iso (date);
  g_autoptr(GPtrArray) bookings = NULL;
  g_autoptr(GPtrArray) affected = NULL;
  TamuBookingFilter filter;

  if (previous != NULL && g_strcmp0 (previous, name) != 0)
    g_printerr (_("warning: holiday: %s was already “%s”; renamed\n"), day, previous);

  tamu_booking_filter_init (&filter);
  filter.from = *date;
  filter.to = *date;
  filter.include_cancelled = FALSE;
  bookings = tamu_store_list_bookings (store, &filter, NULL);
  affected = tamu_affected_by_closed_day (bookings, date);
  if (affected->len > 0)
    g_printerr (g_dngettext (GETTEXT_PACKAGE,
                             "warning: holiday: %s has %u booking; it is not moved or cancelled\n",
                             "warning: holiday: %s has %u bookings; they are not moved or cancelled\n",
                             affected->len),
                day, affected->len);
  print_affected ("holiday", affected);
}

/* Rooms taken out of the list while upcoming bookings still use them. */
static void
warn_rooms_removed (TamuStore          *store,
                    const char * const *old_rooms)
{
  g_autoptr(TamuPolicy) policy = tamu_store_load_policy (store, NULL);
  g_autoptr(GPtrArray) bookings = NULL;
  g_autoptr(GPtrArray) affected = NULL;
  TamuBookingFilter filter;

  if (policy == NULL)
    return;
  tamu_booking_filter_init (&filter);
  tamu_clock_today (&filter.from);
  filter.include_cancelled = FALSE;
  bookings = tamu_store_list_bookings (store, &filter, NULL);
  affected = tamu_affected_by_room_removal (bookings, old_rooms,
                                            (const char * const *) policy->rooms);
  if (affected->len > 0)
    g_printerr (g_dngettext (GETTEXT_PACKAGE,
                             "warning: rooms: %u upcoming booking is in a room no longer listed\n",
                             "warning: rooms: %u upcoming bookings are in rooms no longer listed\n",
                             affected->len),
                affected->len);
  print_affected ("rooms", affected);
}

int
tamu_cli_holiday (TamuCliContext *ctx,
                  int             argc,
                  char          **argv)
{
  g_autofree char *year_text = NULL, *kind_text = NULL, *format_option = NULL;
  GOptionEntry entries[] = {
    { "year", 0, 0, G_OPTION_ARG_STRING, &year_text, N_("Only this year"), "YYYY" },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_text, N_("holiday (default) or cuti-bersama"), "KIND" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_option, N_("table or json"), "FORMAT" },
    { NULL },
  };
  g_autoptr(GError) error = NULL;
  const char *verb;
  const char *format;
  TamuStore *store;

  if (argc < 2)
    return tamu_cli_usage ("holiday", _("say what to do: list, add or remove"));
  verb = argv[1];
  argc--;
  argv++;
  if (!tamu_cli_parse ("holiday", NULL, entries, &argc, &argv))
    return TAMU_CLI_USAGE;
  format = format_option;
  if (!tamu_cli_check_format ("holiday", &format, "table|json"))
    return TAMU_CLI_USAGE;

  if (g_str_equal (verb, "list"))
    {
      g_autoptr(GPtrArray) holidays = NULL;
      int year = 0;

      if (year_text != NULL && !tamu_parse_int ("year", year_text, 1900, 2999, &year, &error))
        return tamu_cli_fail (error);
      store = tamu_cli_get_store (ctx);
      if (store == NULL)
        return TAMU_CLI_FAILED;
      holidays = tamu_store_list_holidays (store, year, &error);
      if (holidays == NULL)
        return tamu_cli_fail (error);

      if (g_str_equal (format, "json"))
        {
          g_autoptr(JsonBuilder) builder = json_builder_new ();
          g_autoptr(JsonNode) root = NULL;

          json_builder_begin_array (builder);
          for (guint i = 0; i < holidays->len; i++)
            {
              TamuHoliday *h = g_ptr_array_index (holidays, i);
              g_autofree char *date = tamu_format_date_iso (&h->date);

              json_builder_begin_object (builder);
              json_builder_set_member_name (builder, "date");
              json_builder_add_string_value (builder, date);
              json_builder_set_member_name (builder, "kind");
              json_builder_add_string_value (builder, tamu_holiday_kind_to_string (h->kind));
              json_builder_set_member_name (builder, "name");
              json_builder_add_string_value (builder, h->name);
              json_builder_end_object (builder);
            }
          json_builder_end_array (builder);
          root = json_builder_get_root (builder);
          tamu_cli_print_json (root);
        }
      else
        {
          for (guint i = 0; i < holidays->len; i++)
            {
              TamuHoliday *h = g_ptr_array_index (holidays, i);
              g_autofree char *date = tamu_format_date_iso (&h->date);

              g_print ("%s  %-12s %s\n", date, tamu_holiday_kind_to_string (h->kind), h->name);
            }
          if (year != 0 && holidays->len == 0)
            g_printerr (_("warning: no holidays are known for %d; add them before booking that year\n"),
                        year);
        }
      return TAMU_CLI_OK;
    }

  if (g_str_equal (verb, "add"))
    {
      TamuHolidayKind kind = TAMU_HOLIDAY_NATIONAL;
      g_autofree char *name = NULL;
      g_autofree char *previous = NULL;
      GDate date;

      if (argc < 3)
        return tamu_cli_usage ("holiday add", _("give the date and the name"));
      if (kind_text != NULL && !tamu_holiday_kind_from_string (kind_text, &kind))
        {
          g_printerr (_("tamu-cli: kind: “%s” is not holiday or cuti-bersama\n"), kind_text);
          return TAMU_CLI_FAILED;
        }
      if (!tamu_parse_date_loose ("date", argv[1], &date, &error))
        return tamu_cli_fail (error);
      name = g_strjoinv (" ", argv + 2);
      if (!tamu_fields_check_name ("name", name, &error))
        return tamu_cli_fail (error);
      store = tamu_cli_get_store (ctx);
      if (store == NULL)
        return TAMU_CLI_FAILED;
      previous = dup_holiday_name (store, &date, &error);
      if (error != NULL || !tamu_store_add_holiday (store, &date, name, kind, &error))
        return tamu_cli_fail (error);
      warn_holiday_added (store, &date, previous, name);
      return TAMU_CLI_OK;
    }

  if (g_str_equal (verb, "remove"))
    {
      GDate date;

      if (argc != 2)
        return tamu_cli_usage ("holiday remove", _("give the date"));
      if (!tamu_parse_date_loose ("date", argv[1], &date, &error))
        return tamu_cli_fail (error);
      store = tamu_cli_get_store (ctx);
      if (store == NULL)
        return TAMU_CLI_FAILED;
      if (!tamu_store_remove_holiday (store, &date, &error))
        return tamu_cli_fail (error);
      return TAMU_CLI_OK;
    }

  return tamu_cli_usage ("holiday", _("unknown action “%s”"), verb);
}

int
tamu_cli_topic (TamuCliContext *ctx,
                int             argc,
                char          **argv)
{
  g_autofree char *alias_text = NULL, *full_name = NULL;
  GOptionEntry entries[] = {
    { "alias", 0, 0, G_OPTION_ARG_STRING, &alias_text, N_("Other names, comma-separated"), "A,B" },
    { "full-name", 0, 0, G_OPTION_ARG_STRING, &full_name, N_("The topic's full name"), "TEXT" },
    { NULL },
  };
  g_autoptr(GError) error = NULL;
  const char *verb;
  TamuStore *store;

  if (argc < 2)
    return tamu_cli_usage ("topic", _("say what to do: list, add or remove"));
  verb = argv[1];
  argc--;
  argv++;
  if (!tamu_cli_parse ("topic", NULL, entries, &argc, &argv))
    return TAMU_CLI_USAGE;

  store = tamu_cli_get_store (ctx);
  if (store == NULL)
    return TAMU_CLI_FAILED;

  if (g_str_equal (verb, "list"))
    {
      g_autoptr(GPtrArray) topics = tamu_store_load_topics (store, &error);

      if (topics == NULL)
        return tamu_cli_fail (error);
      for (guint i = 0; i < topics->len; i++)
        {
          TamuTopic *t = g_ptr_array_index (topics, i);
          g_autofree char *aliases = g_strjoinv (", ", t->aliases);

          g_print ("%-18s %-52s %s\n", t->name, t->full_name != NULL ? t->full_name : "", aliases);
        }
      return TAMU_CLI_OK;
    }
  if (g_str_equal (verb, "add"))
    {
      g_auto(GStrv) aliases = NULL;

      if (argc != 2)
        return tamu_cli_usage ("topic add", _("give the topic's name (quote it if it has spaces)"));
      if (!tamu_fields_check_name ("topic", argv[1], &error) ||
          (full_name != NULL && !tamu_fields_check_name ("full-name", full_name, &error)))
        return tamu_cli_fail (error);
      aliases = alias_text != NULL ? g_strsplit (alias_text, ",", -1) : NULL;
      for (guint i = 0; aliases != NULL && aliases[i] != NULL; i++)
        if (!tamu_fields_check_name ("alias", g_strstrip (aliases[i]), &error))
          return tamu_cli_fail (error);
      if (!tamu_store_add_topic (store, argv[1], full_name, (const char * const *) aliases, &error))
        return tamu_cli_fail (error);
      return TAMU_CLI_OK;
    }
  if (g_str_equal (verb, "remove"))
    {
      if (argc != 2)
        return tamu_cli_usage ("topic remove", _("give the topic's name"));
      if (!tamu_store_remove_topic (store, argv[1], &error))
        return tamu_cli_fail (error);
      return TAMU_CLI_OK;
    }

  return tamu_cli_usage ("topic", _("unknown action “%s”"), verb);
}

int
tamu_cli_settings (TamuCliContext *ctx,
                   int             argc,
                   char          **argv)
{
  g_autoptr(GError) error = NULL;
  const char *verb;
  TamuStore *store;

  if (argc < 2)
    return tamu_cli_usage ("settings", _("say what to do: list, get KEY or set KEY VALUE"));
  verb = argv[1];
  argc--;
  argv++;
  /* No options here: a value such as "-5" is taken as written, so the
   * setting's own check can name what is wrong with it. */

  if (g_str_equal (verb, "list"))
    {
      const char * const *desk_keys = tamu_desk_settings_list_keys ();

      store = tamu_cli_get_store (ctx);
      if (store == NULL)
        return TAMU_CLI_FAILED;
      for (const TamuSettingSpec *spec = tamu_policy_get_setting_specs (); spec->key != NULL; spec++)
        {
          g_autofree char *value = tamu_store_get_setting (store, spec->key, &error);

          if (value == NULL)
            return tamu_cli_fail (error);
          /* A template spans lines: one line per setting here (`settings get` prints it whole). */
          if (strchr (value, '\n') != NULL)
            {
              g_auto(GStrv) lines = g_strsplit (value, "\n", -1);

              g_free (value);
              value = g_strjoinv ("\\n", lines);
            }
          g_print ("%-18s %-40s # %s\n", spec->key, value, _(spec->description));
        }
      for (guint i = 0; desk_keys[i] != NULL; i++)
        {
          g_autofree char *value = tamu_desk_settings_dup (desk_keys[i]);

          g_print ("%-18s %-40s # %s %s\n", desk_keys[i], value,
                   tamu_desk_settings_describe (desk_keys[i]), _("(this desk)"));
        }
      return TAMU_CLI_OK;
    }

  if (g_str_equal (verb, "get"))
    {
      g_autofree char *value = NULL;

      if (argc != 2)
        return tamu_cli_usage ("settings get", _("give one KEY"));
      if (tamu_desk_settings_is_desk_key (argv[1]))
        value = tamu_desk_settings_dup (argv[1]);
      else
        {
          store = tamu_cli_get_store (ctx);
          if (store == NULL)
            return TAMU_CLI_FAILED;
          value = tamu_store_get_setting (store, argv[1], &error);
          if (value == NULL)
            return tamu_cli_fail (error);
        }
      g_print ("%s\n", value);
      return TAMU_CLI_OK;
    }

  if (g_str_equal (verb, "set"))
    {
      if (argc != 3)
        return tamu_cli_usage ("settings set", _("give a KEY and a VALUE"));
      if (tamu_desk_settings_is_desk_key (argv[1]))
        {
          /* The desk file is not the database: its values are checked here. */
          if (!tamu_text_check (argv[1], argv[2], TAMU_MAX_NAME_CHARS, TAMU_TEXT_ONE_LINE, &error) ||
              !tamu_desk_settings_set (argv[1], argv[2], &error))
            return tamu_cli_fail (error);
          return TAMU_CLI_OK;
        }
      store = tamu_cli_get_store (ctx);
      if (store == NULL)
        return TAMU_CLI_FAILED;
      if (g_str_equal (argv[1], "rooms"))
        {
          g_autoptr(TamuPolicy) before = tamu_store_load_policy (store, &error);
          g_auto(GStrv) old_rooms = NULL;

          if (before == NULL)
            return tamu_cli_fail (error);
          old_rooms = g_strdupv (before->rooms);
          if (!tamu_store_set_setting (store, argv[1], argv[2], &error))
            return tamu_cli_fail (error);
          warn_rooms_removed (store, (const char * const *) old_rooms);
          return TAMU_CLI_OK;
        }
      if (!tamu_store_set_setting (store, argv[1], argv[2], &error))
        return tamu_cli_fail (error);
      return TAMU_CLI_OK;
    }

  return tamu_cli_usage ("settings", _("unknown action “%s”"), verb);
}

int
tamu_cli_demo (TamuCliContext *ctx,
               int             argc,
               char          **argv)
{
  g_autoptr(GError) error = NULL;
  TamuStore *store;

  if (argc != 2 || !g_str_equal (argv[1], "load"))
    return tamu_cli_usage ("demo", _("say what to do: load"));

  store = tamu_cli_get_store (ctx);
  if (store == NULL)
    return TAMU_CLI_FAILED;
  if (!tamu_demo_store_is_empty (store))
    {
      g_printerr (_("tamu-cli: demo: the database already holds bookings; load the demo into an "
                    "empty one (--db FILE)\n"));
      return TAMU_CLI_FAILED;
    }
  if (!tamu_demo_load (store, &error))
    return tamu_cli_fail (error);
  g_print ("%s\n", _("Loaded the demo month: March 2024, 29 visits and 4 video conferences."));
  return TAMU_CLI_OK;
}
