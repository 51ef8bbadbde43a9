/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>

#include "tamu-cli.h"
#include "tamu-cli-feed.h"
#include "tamu-cli-ical.h"
#include "tamu-cli-ppid.h"
#include "tamu-cli-summary.h"
#include "tamu-error.h"
#include "tamu-file.h"
#include "tamu-text.h"

typedef int (*CommandFunc) (TamuCliContext *ctx, int argc, char **argv);

typedef struct
{
  const char *name;
  CommandFunc func;
  const char *synopsis;
} Command;

static int import_command (TamuCliContext *ctx, int argc, char **argv);

static const Command commands[] = {
  { "booking", tamu_cli_booking, "booking add|list|show|update|confirm|cancel|noshow|checkin|history|confirmation|delete" },
  { "slots", tamu_cli_slots, "slots --date DATE [--days N] [--duration MIN] [--guests N] [--room TEXT]" },
  { "import", import_command, "import csv FILE [--dry-run] | import ics FILE --as vidcon [--from DATE --to DATE] | --as holidays [--include-observances] [--dry-run] [--format json]" },
  { "export", tamu_cli_export, "export ics --from DATE --to DATE [--type T] -o FILE | --booking ID -o FILE" },
  { "daerah", tamu_cli_daerah, "daerah search TEXT [--format json]" },
  { "holiday", tamu_cli_holiday, "holiday list [--year Y] | add DATE NAME [--kind K] | remove DATE" },
  { "topic", tamu_cli_topic, "topic list | add NAME [--alias A,B] [--full-name TEXT] | remove NAME" },
  { "settings", tamu_cli_settings, "settings list | get KEY | set KEY VALUE" },
  { "ppid", tamu_cli_ppid, "ppid add|show|list|update|extend|respond|object|object-answer|dispute|withdraw|history|recap" },
  { "summary", tamu_cli_summary, "summary --month YYYY-MM | --year YYYY [--format text|json|csv|xlsx|png|svg] [--chart NAME] [-o FILE]" },
  { "feed", tamu_cli_feed, "feed add NAME [--type tatap-muka|vidcon] [--room ROOM] | list [--format json] | revoke NAME" },
  { "serve", tamu_cli_serve, "serve [--listen ADDR:PORT] [--tls-cert FILE --tls-key FILE] [--max-connections N]" },
  { "demo", tamu_cli_demo, "demo load" },
  { "db", tamu_cli_db, "db copy DEST | db backup FILE" },
};

static void
print_help (FILE *out)
{
  fprintf (out, "%s\n\n", _("Usage: tamu-cli [--db FILE] COMMAND [ARGUMENTS…]"));
  fprintf (out, "%s\n", _("Bookings of tatap muka visits and video conferences, the PPID register and the monthly summary of the DJPK contact center."));
  fprintf (out, "\n%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %s\n", commands[i].synopsis);
  fprintf (out, "\n%s\n", _("The database is --db FILE, else $TAMU_DB, else ~/.local/share/tamu/tamu.db."));
  fprintf (out, "%s\n", _("Exit status: 0 done; 1 refused, invalid or not found; 2 usage error."));
}

/* Set when tamu_cli_parse() refused a value rather than the usage: the run
 * then ends with TAMU_CLI_FAILED, not TAMU_CLI_USAGE. */
static gboolean value_refused;

/*
 * Everything printed for a person goes through g_print()/g_printerr(), and
 * these show control characters and bytes that are not UTF-8 as \xNN, so no
 * stored or imported text reaches the terminal raw.  Machine formats (JSON,
 * CSV) are written with fwrite() and carry their own escaping.
 */
static void
print_to_stdout (const char *text)
{
  g_autofree char *shown = tamu_text_escape_controls (text, -1, TRUE);

  fputs (shown, stdout);
}

/* An error or warning is one line: only its final line feed is kept. */
static void
print_to_stderr (const char *text)
{
  gsize length = strlen (text);
  gboolean newline = length > 0 && text[length - 1] == '\n';
  g_autofree char *shown = tamu_text_escape_controls (text, newline ? length - 1 : length, FALSE);

  fputs (shown, stderr);
  if (newline)
    fputc ('\n', stderr);
}

int
tamu_cli_fail (GError *error)
{
  g_printerr ("tamu-cli: %s\n", error != NULL ? error->message : _("failed"));
  return TAMU_CLI_FAILED;
}

int
tamu_cli_usage (const char *command,
                const char *format,
                ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("tamu-cli %s: %s\n", command, message);
  g_printerr (_("Try “tamu-cli %s --help”.\n"), command);
  return TAMU_CLI_USAGE;
}

void
tamu_cli_print_warnings (GPtrArray *warnings)
{
  for (guint i = 0; warnings != NULL && i < warnings->len; i++)
    {
      TamuWarning *warning = g_ptr_array_index (warnings, i);

      g_printerr (_("warning: %s\n"), warning->message);
    }
}

TamuStore *
tamu_cli_get_store (TamuCliContext *ctx)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (ctx->store != NULL)
    return ctx->store;

  path = ctx->db_path != NULL ? g_strdup (ctx->db_path) : tamu_store_dup_default_path ();
  ctx->store = tamu_store_open (path, &error);
  if (ctx->store == NULL)
    tamu_cli_fail (error);
  return ctx->store;
}

/* The entry of "--name", "--name=…" or "-n", or NULL. */
static const GOptionEntry *
find_entry (const GOptionEntry *entries,
            const char         *arg)
{
  for (const GOptionEntry *e = entries; e != NULL && e->long_name != NULL; e++)
    {
      gsize n = strlen (e->long_name);

      if (g_str_has_prefix (arg, "--") && strncmp (arg + 2, e->long_name, n) == 0 &&
          (arg[2 + n] == '\0' || arg[2 + n] == '='))
        return e;
      if (e->short_name != 0 && arg[0] == '-' && arg[1] == e->short_name && arg[2] == '\0')
        return e;
    }
  return NULL;
}

static gboolean
check_option_values (const GOptionEntry *entries,
                     int                 argc,
                     char              **argv)
{
  for (int i = 1; i < argc; i++)
    {
      const GOptionEntry *e = find_entry (entries, argv[i]);
      const char *value;
      g_autoptr(GError) error = NULL;

      if (e == NULL || e->arg == G_OPTION_ARG_NONE)
        continue;
      value = strchr (argv[i], '=');
      if (value != NULL && g_str_has_prefix (argv[i], "--"))
        value++;
      else if (i + 1 < argc)
        value = argv[++i];
      else
        continue;
      if (!tamu_text_check (e->long_name, value, 0, TAMU_TEXT_MULTILINE, &error))
        {
          tamu_cli_fail (error);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
tamu_cli_parse (const char   *command,
                const char   *parameter_string,
                GOptionEntry *entries,
                int          *argc,
                char       ***argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = g_strdup_printf ("tamu-cli %s", command);

  /* A value that is not UTF-8 is refused naming its option, before GOption
   * turns it into "Invalid byte sequence in conversion input". */
  if (!check_option_values (entries, *argc, *argv))
    {
      value_refused = TRUE;
      return FALSE;
    }

  context = g_option_context_new (parameter_string);
  g_option_context_set_summary (context, title);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  /* Unknown options stay in argv and are reported below, so that a
   * negative number ("booking update -1") reaches the value's own check. */
  g_option_context_set_ignore_unknown_options (context, TRUE);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      tamu_cli_usage (command, "%s", error->message);
      return FALSE;
    }

  /* Anything that still looks like an option was not one of ours. */
  for (int i = 1; i < *argc; i++)
    if ((*argv)[i][0] == '-' && (*argv)[i][1] != '\0' && !g_ascii_isdigit ((*argv)[i][1]))
      {
        tamu_cli_usage (command, _("unknown option %s"), (*argv)[i]);
        return FALSE;
      }

  return TRUE;
}

gboolean
tamu_cli_check_format (const char  *command,
                       const char **format,
                       const char  *allowed)
{
  g_auto(GStrv) names = g_strsplit (allowed, "|", -1);

  if (*format == NULL)
    {
      *format = g_intern_string (names[0]);
      return TRUE;
    }
  if (g_strv_contains ((const char * const *) names, *format))
    return TRUE;

  tamu_cli_usage (command, _("--format must be one of %s, not “%s”"), allowed, *format);
  return FALSE;
}

gboolean
tamu_cli_parse_id (const char *command,
                   const char *text,
                   gint64     *out,
                   int        *out_status)
{
  gint64 value;
  char *end = NULL;

  if (text == NULL)
    {
      *out_status = tamu_cli_usage (command, _("an ID is required"));
      return FALSE;
    }

  errno = 0;
  value = g_ascii_strtoll (text, &end, 10);
  if (end != text && *end == '\0' && errno == ERANGE && value > 0)
    {
      g_printerr (_("tamu-cli: id: %s is out of range\n"), text);
      *out_status = TAMU_CLI_FAILED;
      return FALSE;
    }
  if (end == text || *end != '\0' || value <= 0)
    {
      if (g_str_has_prefix (command, "ppid"))
        g_printerr (_("tamu-cli: id: %s is not a request id\n"), text);
      else
        g_printerr (_("tamu-cli: id: %s is not a booking id\n"), text);
      *out_status = TAMU_CLI_FAILED;
      return FALSE;
    }

  *out = value;
  return TRUE;
}

int
tamu_cli_read_booking (TamuCliContext *ctx,
                       const char     *command,
                       int             argc,
                       char          **argv,
                       const char    **out_format,
                       TamuBooking   **out_booking)
{
  g_autofree char *format_option = NULL;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_option, N_("text or json"), "FORMAT" },
    { NULL },
  };
  g_autoptr(GError) error = NULL;
  const char *format;
  TamuStore *store;
  gint64 id;
  int status;

  if (!tamu_cli_parse (command, "ID", entries, &argc, &argv))
    return TAMU_CLI_USAGE;
  format = format_option;
  if (!tamu_cli_check_format (command, &format, "text|json"))
    return TAMU_CLI_USAGE;
  if (argc != 2)
    return tamu_cli_usage (command, _("give one booking ID"));
  if (!tamu_cli_parse_id (command, argv[1], &id, &status))
    return status;

  store = tamu_cli_get_store (ctx);
  if (store == NULL)
    return TAMU_CLI_FAILED;
  *out_booking = tamu_store_get_booking (store, id, &error);
  if (*out_booking == NULL)
    return tamu_cli_fail (error);
  *out_format = g_intern_string (format);
  return TAMU_CLI_OK;
}

gboolean
tamu_cli_write_output (const char *path,
                       const char *text,
                       gsize       length,
                       GError    **error)
{
  if (path == NULL || g_str_equal (path, "-"))
    {
      fwrite (text, 1, length, stdout);
      return TRUE;
    }

  /* Exports carry guests' names and phone numbers (tamu-file.h). */
  return tamu_file_write_private ("output", path, text, length, error);
}

static int
import_command (TamuCliContext *ctx,
                int             argc,
                char          **argv)
{
  if (argc < 2)
    return tamu_cli_usage ("import", _("say what to import: csv or ics"));
  if (g_str_equal (argv[1], "csv"))
    return tamu_cli_import_csv (ctx, argc - 1, argv + 1);
  if (g_str_equal (argv[1], "ics"))
    return tamu_cli_import_ics (ctx, argc - 1, argv + 1);
  return tamu_cli_usage ("import", _("unknown kind “%s”: csv or ics"), argv[1]);
}

/* --db may stand anywhere; it is taken out before the command parses. */
static gboolean
take_db_option (int          *argc,
                char        **argv,
                const char  **out_path)
{
  int j = 1;

  for (int i = 1; i < *argc; i++)
    {
      if (g_str_equal (argv[i], "--db"))
        {
          if (i + 1 >= *argc)
            return FALSE;
          *out_path = argv[++i];
          continue;
        }
      if (g_str_has_prefix (argv[i], "--db="))
        {
          *out_path = argv[i] + strlen ("--db=");
          continue;
        }
      argv[j++] = argv[i];
    }
  *argc = j;
  argv[j] = NULL;
  return TRUE;
}

int
tamu_cli_run (int    argc,
              char **argv)
{
  TamuCliContext ctx = { 0 };
  g_autofree char **args = NULL;
  int status;

  setlocale (LC_ALL, "");
  g_set_print_handler (print_to_stdout);
  g_set_printerr_handler (print_to_stderr);
  /* TAMU_LOCALEDIR: the build's catalogs, for uninstalled runs and tests. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("TAMU_LOCALEDIR") != NULL ? g_getenv ("TAMU_LOCALEDIR")
                                                                        : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* A working copy, so options can be taken out of it. */
  args = g_new0 (char *, argc + 1);
  memcpy (args, argv, sizeof (char *) * argc);

  if (!take_db_option (&argc, args, &ctx.db_path))
    {
      g_printerr ("tamu-cli: %s\n", _("--db needs a file name"));
      return TAMU_CLI_USAGE;
    }

  if (argc < 2 || g_str_equal (args[1], "--help") || g_str_equal (args[1], "-h") ||
      g_str_equal (args[1], "help"))
    {
      print_help (argc < 2 ? stderr : stdout);
      return argc < 2 ? TAMU_CLI_USAGE : TAMU_CLI_OK;
    }
  if (g_str_equal (args[1], "--version"))
    {
      g_print ("tamu-cli %s\n", PACKAGE_VERSION);
      return TAMU_CLI_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (args[1], commands[i].name))
      {
        status = commands[i].func (&ctx, argc - 1, args + 1);
        g_clear_object (&ctx.store);
        return value_refused ? TAMU_CLI_FAILED : status;
      }

  g_printerr (_("tamu-cli: unknown command “%s”\n"), args[1]);
  print_help (stderr);
  return TAMU_CLI_USAGE;
}
