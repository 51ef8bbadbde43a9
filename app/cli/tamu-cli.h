/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "tamu-store.h"

G_BEGIN_DECLS

/* Exit status of every command: the contract scripts rely on. */
enum
{
  TAMU_CLI_OK = 0,
  TAMU_CLI_FAILED = 1, /* refused, invalid or not found: one line on stderr naming the rule or field */
  TAMU_CLI_USAGE = 2,  /* unknown command or option, missing argument */
};

typedef struct
{
  const char *db_path;  /* --db, else TAMU_DB, else the default */
  TamuStore  *store;    /* opened on first use */
} TamuCliContext;

/* The whole tool: main() calls this. */
int        tamu_cli_run (int    argc,
                         char **argv);

/* Opens the store on first use; on failure prints and returns NULL. */
TamuStore *tamu_cli_get_store (TamuCliContext *ctx);

/*
 * Parses @entries (all G_OPTION_ARG_STRING / G_OPTION_ARG_NONE / STRING_ARRAY,
 * so values are validated by the domain with messages naming the field) for
 * the command named @command ("booking add").  Options may come after
 * positional arguments.  On a usage error prints it and returns FALSE: the
 * caller returns TAMU_CLI_USAGE.  @argc/@argv keep the positional words
 * (argv[0] is the command name).
 */
gboolean   tamu_cli_parse (const char   *command,
                           const char   *parameter_string,
                           GOptionEntry *entries,
                           int          *argc,
                           char       ***argv);

/* "--format": NULL → "table"; anything not in @allowed ("table|json") is a usage error. */
gboolean   tamu_cli_check_format (const char  *command,
                                  const char **format,
                                  const char  *allowed);

/* Prints "tamu-cli: <message>" on stderr; returns TAMU_CLI_FAILED. */
int        tamu_cli_fail (GError *error);
/* Prints a usage error; returns TAMU_CLI_USAGE. */
int        tamu_cli_usage (const char *command,
                           const char *format,
                           ...) G_GNUC_PRINTF (2, 3);
/* Warnings go to stderr, one per line: "warning: …". */
void       tamu_cli_print_warnings (GPtrArray *warnings);

/* Parses a booking or request id; prints and fails on anything else. */
gboolean   tamu_cli_parse_id (const char *command,
                              const char *text,
                              gint64     *out,
                              int        *out_status);

/*
 * `COMMAND ID [--format text|json]`: parses the options, the one booking id
 * and reads that booking.  Returns TAMU_CLI_OK with @out_format (interned)
 * and @out_booking set, else the exit status to return (the message is
 * printed already).
 */
int        tamu_cli_read_booking (TamuCliContext *ctx,
                                  const char     *command,
                                  int             argc,
                                  char          **argv,
                                  const char    **out_format,
                                  TamuBooking   **out_booking);

/* Writes @text to @path ("-" = stdout) owner-readable, atomically. */
gboolean   tamu_cli_write_output (const char *path,
                                  const char *text,
                                  gsize       length,
                                  GError    **error);

/* The command groups (one file each). */
int tamu_cli_booking (TamuCliContext *ctx, int argc, char **argv);
int tamu_cli_slots (TamuCliContext *ctx, int argc, char **argv);
int tamu_cli_booking_confirmation (TamuCliContext *ctx, int argc, char **argv);
int tamu_cli_import_csv (TamuCliContext *ctx, int argc, char **argv);
int tamu_cli_daerah (TamuCliContext *ctx, int argc, char **argv);
int tamu_cli_holiday (TamuCliContext *ctx, int argc, char **argv);
int tamu_cli_settings (TamuCliContext *ctx, int argc, char **argv);
int tamu_cli_topic (TamuCliContext *ctx, int argc, char **argv);
int tamu_cli_demo (TamuCliContext *ctx, int argc, char **argv);
int tamu_cli_db (TamuCliContext *ctx, int argc, char **argv);

G_END_DECLS
