/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libpq-fe.h>

#include "tamu-pg-backend.h"

G_BEGIN_DECLS

/*
 * Shared by the tamu-pg-*.c files, which each fill one concern's part of
 * the backend table.  The only code in Tamu that includes libpq-fe.h.
 */
typedef struct
{
  TamuBackend  parent;

  PGconn      *conn;
  /* One libpq connection must not be used by two threads at once (the app
   * exports and imports in worker threads): every call holds this, as
   * SQLite's serialized mode does for the other backend. */
  GRecMutex    mutex;
  char        *identity;   /* what messages show: never carries a password */
  char        *password;   /* the one in the conninfo, to scrub from messages */
  GHashTable  *statements; /* SQL text → statement name, per connection */
  guint        n_statements;
  int          schema_version;
  gboolean     in_transaction;
  gboolean     loss_reported; /* poll_changed said the connection broke */
  gint64       failed_reset_at; /* monotonic time of the last reconnection that failed */
  /* Of the last failed statement, for callers that word a refusal. */
  char         last_state[6];
  char        *last_constraint;
  /* Rows of one table held back by insert_row (tamu-pg-rows.c), sent
   * together: their values, column after column. */
  GPtrArray   *pending_values;
  TamuTable    pending_table;
  guint        pending_rows;
} TamuPgBackend;

#define TAMU_PG(backend) ((TamuPgBackend *) (backend))

/* A statement's parameters as text (libpq's text format); NULL = SQL NULL. */
#define TAMU_PG_MAX_PARAMS 40

typedef struct
{
  const char *values[TAMU_PG_MAX_PARAMS];
  char       *owned[TAMU_PG_MAX_PARAMS];
  int         n;
} TamuPgParams;

void        tamu_pg_params_clear    (TamuPgParams *params);
/* NULL or "" binds SQL NULL, as the SQLite backend does. */
void        tamu_pg_params_text     (TamuPgParams *params,
                                     const char   *text);
/* Keeps "" as "" (audit values). */
void        tamu_pg_params_text_raw (TamuPgParams *params,
                                     const char   *text);
void        tamu_pg_params_int      (TamuPgParams *params,
                                     gint64        value);
void        tamu_pg_params_bool     (TamuPgParams *params,
                                     gboolean      value);
/* An invalid (cleared) date binds SQL NULL. */
void        tamu_pg_params_date     (TamuPgParams *params,
                                     const GDate  *date);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TamuPgParams, tamu_pg_params_clear)

/*
 * Runs @sql, prepared once per connection, with @params (NULL = none).
 * Returns the result of a successful command (PGRES_COMMAND_OK or
 * PGRES_TUPLES_OK) or NULL with @error set from its SQLSTATE.
 */
PGresult   *tamu_pg_exec (TamuPgBackend      *self,
                          const char         *sql,
                          const TamuPgParams *params,
                          GError            **error);
/* Like tamu_pg_exec () for a command whose result is not needed. */
gboolean    tamu_pg_run  (TamuPgBackend      *self,
                          const char         *sql,
                          const TamuPgParams *params,
                          GError            **error);
/* Runs @sql as it is, without parameters (schema steps, transactions). */
gboolean    tamu_pg_exec_plain (TamuPgBackend *self,
                                const char    *sql,
                                GError       **error);

/* Sets @error from a failed @result (NULL: from the connection), and
 * last_state and last_constraint. */
void        tamu_pg_set_error (TamuPgBackend  *self,
                               const PGresult *result,
                               GError        **error);

/* Whether the last failure was SQLSTATE @state on @constraint. */
gboolean    tamu_pg_last_failure_is (TamuPgBackend *self,
                                     const char    *state,
                                     const char    *constraint);

/* Reading results in text format. */
char       *tamu_pg_dup_text (const PGresult *result,
                              int             row,
                              int             column);
gint64      tamu_pg_get_int  (const PGresult *result,
                              int             row,
                              int             column,
                              gint64          if_null);
gboolean    tamu_pg_get_bool (const PGresult *result,
                              int             row,
                              int             column);
/* Clears @out for SQL NULL; FALSE when the text is not a date. */
gboolean    tamu_pg_get_date (const PGresult *result,
                              int             row,
                              int             column,
                              GDate          *out);

/* SQL that turns a timestamptz column into the records' ISO 8601 UTC text. */
#define TAMU_PG_ISO(column) \
  "to_char(" column " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"

/* Schema (tamu-pg-schema.c): creates or migrates; FALSE for a newer database. */
gboolean    tamu_pg_schema_migrate (TamuPgBackend *self,
                                    GError       **error);

/* The backend's operations, one concern per file. */
void        tamu_pg_policy_fill   (TamuBackendClass *klass);
void        tamu_pg_bookings_fill (TamuBackendClass *klass);
void        tamu_pg_reports_fill  (TamuBackendClass *klass);
void        tamu_pg_ppid_fill     (TamuBackendClass *klass);
void        tamu_pg_feeds_fill    (TamuBackendClass *klass);
void        tamu_pg_rows_fill     (TamuBackendClass *klass);
/* Forgets rows insert_row held back (the transaction is gone). */
void        tamu_pg_rows_discard  (TamuPgBackend    *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGresult, PQclear)

G_END_DECLS
