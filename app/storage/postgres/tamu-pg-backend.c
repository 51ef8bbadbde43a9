/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tamu-pg"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "tamu-error.h"
#include "tamu-pg-private.h"

/*
 * The connection: opening, errors, statements, transactions, locks and the
 * LISTEN socket.  Rows live in tamu-pg-{policy,bookings,reports,ppid}.c and
 * the schema in tamu-pg-schema.c.
 *
 * Isolation: every write transaction runs at READ COMMITTED and first takes
 * the advisory locks (lock ()) of what it is about to check — the office's
 * rules, one day, one PPID year, one record.  A lock is only granted once
 * the previous holder has committed or rolled back, and at READ COMMITTED
 * every statement sees what was committed before it started, so whatever a
 * writer reads after taking its lock is exactly what the next holder will
 * see: the check and the write cannot be split by another desk.
 * SERIALIZABLE would add retries on unrelated rows and no protection the
 * locks do not already give; the exclusion and unique constraints of the
 * schema stay as the second line of defence.
 */

/* Advisory locks of the two-int form: (TAMU_PG_LOCK_SPACE + kind, key), so
 * Tamu's locks cannot collide with another application's in one database. */
#define TAMU_PG_LOCK_SPACE 0x54410000

static const char *
lock_sql (TamuLock lock)
{
  if (lock == TAMU_LOCK_OFFICE_SHARED)
    return "SELECT pg_advisory_xact_lock_shared($1::int4, $2::int4)";
  return "SELECT pg_advisory_xact_lock($1::int4, $2::int4)";
}

static int
lock_space (TamuLock lock)
{
  /* Shared and exclusive office locks are one key in two modes. */
  if (lock == TAMU_LOCK_OFFICE_SHARED)
    lock = TAMU_LOCK_OFFICE;
  return TAMU_PG_LOCK_SPACE + (int) lock;
}

/* ---- parameters and results ---- */

void
tamu_pg_params_clear (TamuPgParams *params)
{
  for (int i = 0; i < params->n; i++)
    g_clear_pointer (&params->owned[i], g_free);
  params->n = 0;
}

static void
params_take (TamuPgParams *params,
             char         *owned)
{
  g_assert (params->n < TAMU_PG_MAX_PARAMS);
  params->owned[params->n] = owned;
  params->values[params->n] = owned;
  params->n++;
}

void
tamu_pg_params_text (TamuPgParams *params,
                     const char   *text)
{
  params_take (params, text != NULL && *text != '\0' ? g_strdup (text) : NULL);
}

void
tamu_pg_params_text_raw (TamuPgParams *params,
                         const char   *text)
{
  params_take (params, g_strdup (text));
}

void
tamu_pg_params_int (TamuPgParams *params,
                    gint64        value)
{
  params_take (params, g_strdup_printf ("%" G_GINT64_FORMAT, value));
}

void
tamu_pg_params_bool (TamuPgParams *params,
                     gboolean      value)
{
  params_take (params, g_strdup (value ? "true" : "false"));
}

void
tamu_pg_params_date (TamuPgParams *params,
                     const GDate  *date)
{
  if (date == NULL || !g_date_valid (date))
    params_take (params, NULL);
  else
    params_take (params, g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date),
                                          g_date_get_month (date), g_date_get_day (date)));
}

char *
tamu_pg_dup_text (const PGresult *result,
                  int             row,
                  int             column)
{
  if (PQgetisnull (result, row, column))
    return NULL;
  return g_strdup (PQgetvalue (result, row, column));
}

gint64
tamu_pg_get_int (const PGresult *result,
                 int             row,
                 int             column,
                 gint64          if_null)
{
  if (PQgetisnull (result, row, column))
    return if_null;
  return g_ascii_strtoll (PQgetvalue (result, row, column), NULL, 10);
}

gboolean
tamu_pg_get_bool (const PGresult *result,
                  int             row,
                  int             column)
{
  return !PQgetisnull (result, row, column) && PQgetvalue (result, row, column)[0] == 't';
}

gboolean
tamu_pg_get_date (const PGresult *result,
                  int             row,
                  int             column,
                  GDate          *out)
{
  const char *text;
  guint64 y, m, d;
  char *end;

  g_date_clear (out, 1);
  if (PQgetisnull (result, row, column))
    return TRUE;

  /* DateStyle is ISO for the session: always YYYY-MM-DD. */
  text = PQgetvalue (result, row, column);
  y = g_ascii_strtoull (text, &end, 10);
  if (*end != '-')
    return FALSE;
  m = g_ascii_strtoull (end + 1, &end, 10);
  if (*end != '-')
    return FALSE;
  d = g_ascii_strtoull (end + 1, &end, 10);
  if (*end != '\0' || !g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_set_dmy (out, d, m, y);
  return TRUE;
}

/* ---- errors ---- */

/* @text without the password, if it carries it. */
static char *
dup_scrubbed (TamuPgBackend *self,
              const char    *text)
{
  g_autoptr(GString) scrubbed = g_string_new (text);

  if (self->password != NULL && *self->password != '\0')
    g_string_replace (scrubbed, self->password, "***", 0);
  return g_string_free (g_steal_pointer (&scrubbed), FALSE);
}

/* libpq's reason in a few words: its first line, without the "connection to
 * server at …, port … failed:" preamble, starting lower-case. */
static char *
dup_reason (TamuPgBackend *self,
            const char    *message)
{
  g_autofree char *line = NULL;
  const char *start = message != NULL ? message : "";
  const char *failed;
  char *reason;

  failed = strstr (start, " failed: ");
  if (g_str_has_prefix (start, "connection to server") && failed != NULL)
    start = failed + strlen (" failed: ");
  line = g_strndup (start, strcspn (start, "\n"));
  g_strstrip (line);
  if (g_str_has_prefix (line, "FATAL:  "))
    memmove (line, line + 8, strlen (line + 8) + 1);
  if (*line == '\0')
    return g_strdup (_("no answer"));
  if (g_ascii_isupper (line[0]) && !g_ascii_isupper (line[1]))
    line[0] = g_ascii_tolower (line[0]);

  reason = dup_scrubbed (self, line);
  return reason;
}

/* host:port of the server this connection is (or was trying to be) on. */
static char *
dup_server (TamuPgBackend *self)
{
  const char *host = self->conn != NULL ? PQhost (self->conn) : NULL;
  const char *port = self->conn != NULL ? PQport (self->conn) : NULL;

  if (host == NULL || *host == '\0')
    host = "localhost";
  if (port == NULL || *port == '\0')
    port = "5432";
  return g_strdup_printf ("%s:%s", host, port);
}

static void
set_unavailable (TamuPgBackend *self,
                 GError       **error)
{
  g_autofree char *server = dup_server (self);
  g_autofree char *reason = dup_reason (self, self->conn != NULL ? PQerrorMessage (self->conn) : NULL);

  g_set_error (error, TAMU_ERROR, TAMU_ERROR_UNAVAILABLE,
               _("database: cannot reach the database server at %s: %s"), server, reason);
}

static gboolean
sqlstate_is (const char *state,
             const char *expected)
{
  return state != NULL && strcmp (state, expected) == 0;
}

void
tamu_pg_set_error (TamuPgBackend  *self,
                   const PGresult *result,
                   GError        **error)
{
  const char *state = result != NULL ? PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL;
  const char *primary = result != NULL ? PQresultErrorField (result, PG_DIAG_MESSAGE_PRIMARY) : NULL;
  const char *constraint = result != NULL ? PQresultErrorField (result, PG_DIAG_CONSTRAINT_NAME) : NULL;
  g_autofree char *text = NULL;

  g_strlcpy (self->last_state, state != NULL ? state : "", sizeof self->last_state);
  g_free (self->last_constraint);
  self->last_constraint = g_strdup (constraint);

  /* Two desks took the same PPID number: the loser numbers again. */
  if (sqlstate_is (state, "23505") && constraint != NULL && g_str_has_prefix (constraint, "ppid_requests_"))
    state = "40001";

  if (result == NULL || PQstatus (self->conn) != CONNECTION_OK ||
      (state != NULL && (g_str_has_prefix (state, "08") || g_str_has_prefix (state, "57P"))))
    {
      set_unavailable (self, error);
      return;
    }

  /* Another desk's transaction got in the way (a deadlock, or a row the
   * exclusion constraint gave to the other desk): the store runs the
   * whole write again, and its rules then say what is wrong. */
  if (sqlstate_is (state, "40001") || sqlstate_is (state, "40P01") || sqlstate_is (state, "23P01"))
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_RETRY,
                   _("database: another desk changed the same records at the same time; try again"));
      return;
    }

  text = dup_scrubbed (self, primary != NULL ? primary : PQresultErrorMessage (result));
  g_strdelimit (text, "\n", ' ');
  g_strstrip (text);
  g_set_error (error, TAMU_ERROR, TAMU_ERROR_STORAGE, _("database: %s (%s)"), text, self->identity);
}

gboolean
tamu_pg_last_failure_is (TamuPgBackend *self,
                         const char    *state,
                         const char    *constraint)
{
  return strcmp (self->last_state, state) == 0 && g_strcmp0 (self->last_constraint, constraint) == 0;
}

/* ---- the connection ---- */

static void
notice_cb (void       *data,
           const char *message)
{
  /* "extension already exists, skipping" and the like: not for stderr. */
  g_debug ("%s", message);
}

/* What every session needs: names resolve in Tamu's schema, dates and
 * timestamps read the same on every server, and other desks' changes
 * arrive on this connection. */
static gboolean
setup_session (TamuPgBackend *self,
               GError       **error)
{
  g_hash_table_remove_all (self->statements);
  self->in_transaction = FALSE;
  self->loss_reported = FALSE;
  PQsetNoticeProcessor (self->conn, notice_cb, NULL);
  return tamu_pg_exec_plain (self,
                             "SET search_path = tamu;"
                             "SET datestyle = 'ISO, YMD';"
                             "SET TimeZone = 'UTC';"
                             "SET client_encoding = 'UTF8';"
                             "LISTEN tamu_changed", error);
}

/* A reconnection that failed is not tried again for this long: a window
 * reloading its views while the server is away must not wait on a
 * connection timeout for each of them. */
#define RESET_BACKOFF_US (4 * G_USEC_PER_SEC)

/* After the server went away: a new session, or UNAVAILABLE. */
static gboolean
ensure_connected (TamuPgBackend *self,
                  GError       **error)
{
  g_autoptr(GRecMutexLocker) locker G_GNUC_UNUSED = g_rec_mutex_locker_new (&self->mutex);
  if (PQstatus (self->conn) == CONNECTION_OK)
    return TRUE;

  if (self->failed_reset_at != 0 &&
      g_get_monotonic_time () - self->failed_reset_at < RESET_BACKOFF_US)
    {
      set_unavailable (self, error);
      return FALSE;
    }

  PQreset (self->conn);
  if (PQstatus (self->conn) != CONNECTION_OK)
    {
      self->failed_reset_at = g_get_monotonic_time ();
      set_unavailable (self, error);
      return FALSE;
    }
  self->failed_reset_at = 0;
  g_debug ("reconnected to %s", self->identity);
  return setup_session (self, error);
}

gboolean
tamu_pg_exec_plain (TamuPgBackend *self,
                    const char    *sql,
                    GError       **error)
{
  g_autoptr(GRecMutexLocker) locker G_GNUC_UNUSED = g_rec_mutex_locker_new (&self->mutex);
  g_autoptr(PGresult) result = PQexec (self->conn, sql);
  ExecStatusType status = result != NULL ? PQresultStatus (result) : PGRES_FATAL_ERROR;

  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    {
      tamu_pg_set_error (self, result, error);
      return FALSE;
    }
  return TRUE;
}

/* The name of @sql prepared on this connection, preparing it the first time. */
static const char *
prepare (TamuPgBackend *self,
         const char    *sql,
         GError       **error)
{
  g_autoptr(PGresult) result = NULL;
  g_autofree char *name = NULL;
  const char *known = g_hash_table_lookup (self->statements, sql);

  if (known != NULL)
    return known;

  name = g_strdup_printf ("tamu_%u", ++self->n_statements);
  result = PQprepare (self->conn, name, sql, 0, NULL);
  if (result == NULL || PQresultStatus (result) != PGRES_COMMAND_OK)
    {
      tamu_pg_set_error (self, result, error);
      return NULL;
    }
  /* The SQL texts are the callers' string literals: they outlive us. */
  g_hash_table_insert (self->statements, (gpointer) sql, g_steal_pointer (&name));
  return g_hash_table_lookup (self->statements, sql);
}

PGresult *
tamu_pg_exec (TamuPgBackend      *self,
              const char         *sql,
              const TamuPgParams *params,
              GError            **error)
{
  g_autoptr(GRecMutexLocker) locker G_GNUC_UNUSED = g_rec_mutex_locker_new (&self->mutex);
  g_autoptr(PGresult) result = NULL;
  ExecStatusType status;
  const char *name;

  /* Outside a transaction a lost server is found again here; inside one,
   * the transaction is lost with it and the store must start over. */
  if (!self->in_transaction && !ensure_connected (self, error))
    return NULL;

  name = prepare (self, sql, error);
  if (name == NULL)
    return NULL;

  result = PQexecPrepared (self->conn, name, params != NULL ? params->n : 0,
                           params != NULL ? params->values : NULL, NULL, NULL, 0);
  status = result != NULL ? PQresultStatus (result) : PGRES_FATAL_ERROR;
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    {
      tamu_pg_set_error (self, result, error);
      return NULL;
    }
  return g_steal_pointer (&result);
}

gboolean
tamu_pg_run (TamuPgBackend      *self,
             const char         *sql,
             const TamuPgParams *params,
             GError            **error)
{
  g_autoptr(PGresult) result = tamu_pg_exec (self, sql, params, error);

  return result != NULL;
}

/* ---- the operations of this file ---- */

static void
pg_free (TamuBackend *backend)
{
  TamuPgBackend *self = TAMU_PG (backend);

  if (self->conn != NULL)
    PQfinish (self->conn);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->pending_values, g_ptr_array_unref);
  g_free (self->identity);
  g_free (self->last_constraint);
  if (self->password != NULL)
    memset (self->password, 0, strlen (self->password));
  g_free (self->password);
  g_rec_mutex_clear (&self->mutex);
  g_free (self);
}

static const char *
pg_get_identity (TamuBackend *backend)
{
  return TAMU_PG (backend)->identity;
}

static gboolean
pg_poll_changed (TamuBackend *backend)
{
  TamuPgBackend *self = TAMU_PG (backend);
  g_autoptr(GRecMutexLocker) locker G_GNUC_UNUSED = g_rec_mutex_locker_new (&self->mutex);
  PGnotify *notify;
  gboolean changed = FALSE;

  /* A connection that broke counts as one change: the caller reloads,
   * meets the error and says so, and its next operation reconnects (and
   * get_change_fd then gives the new socket). */
  if (PQstatus (self->conn) != CONNECTION_OK || !PQconsumeInput (self->conn))
    {
      gboolean first = !self->loss_reported;

      self->loss_reported = TRUE;
      return first;
    }
  while ((notify = PQnotifies (self->conn)) != NULL)
    {
      changed = TRUE;
      PQfreemem (notify);
    }
  return changed;
}

static gboolean
pg_check_connection (TamuBackend *backend,
                     GError     **error)
{
  TamuPgBackend *self = TAMU_PG (backend);

  if (self->in_transaction)
    return TRUE;
  /* A server that restarted leaves the connection looking fine until a
   * statement fails: ask, and on failure reconnect once. */
  if (ensure_connected (self, error) && tamu_pg_exec_plain (self, "SELECT 1", NULL))
    return TRUE;
  g_clear_error (error);
  return ensure_connected (self, error) && tamu_pg_exec_plain (self, "SELECT 1", error);
}

static int
pg_get_change_fd (TamuBackend *backend)
{
  return PQsocket (TAMU_PG (backend)->conn);
}

static int
pg_get_schema_version (TamuBackend *backend)
{
  return TAMU_PG (backend)->schema_version;
}

static gboolean
pg_begin (TamuBackend *backend,
          GError     **error)
{
  TamuPgBackend *self = TAMU_PG (backend);
  g_autoptr(GRecMutexLocker) locker G_GNUC_UNUSED = g_rec_mutex_locker_new (&self->mutex);

  g_return_val_if_fail (!self->in_transaction, FALSE);

  if (!ensure_connected (self, error) ||
      !tamu_pg_exec_plain (self, "BEGIN ISOLATION LEVEL READ COMMITTED", error))
    return FALSE;
  self->in_transaction = TRUE;
  return TRUE;
}

static gboolean
pg_commit (TamuBackend *backend,
           GError     **error)
{
  TamuPgBackend *self = TAMU_PG (backend);
  g_autoptr(GRecMutexLocker) locker G_GNUC_UNUSED = g_rec_mutex_locker_new (&self->mutex);
  g_autoptr(PGresult) result = NULL;
  gboolean aborted;

  g_return_val_if_fail (self->in_transaction, FALSE);

  /* COMMIT of a transaction a failed statement aborted answers "ROLLBACK",
   * not an error: it must not read as saved. */
  aborted = PQtransactionStatus (self->conn) == PQTRANS_INERROR;
  result = PQexec (self->conn, "COMMIT");
  self->in_transaction = FALSE;
  if (result == NULL || PQresultStatus (result) != PGRES_COMMAND_OK)
    {
      tamu_pg_set_error (self, result, error);
      return FALSE;
    }
  if (aborted || g_strcmp0 (PQcmdStatus (result), "COMMIT") != 0)
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_STORAGE,
                   _("database: the transaction was aborted and nothing was saved (%s)"),
                   self->identity);
      return FALSE;
    }
  return TRUE;
}

static void
pg_rollback (TamuBackend *backend)
{
  TamuPgBackend *self = TAMU_PG (backend);
  g_autoptr(GRecMutexLocker) locker G_GNUC_UNUSED = g_rec_mutex_locker_new (&self->mutex);

  tamu_pg_rows_discard (self);
  if (!self->in_transaction)
    return;
  self->in_transaction = FALSE;
  if (PQstatus (self->conn) == CONNECTION_OK)
    PQclear (PQexec (self->conn, "ROLLBACK"));
}

static gboolean
pg_lock (TamuBackend *backend,
         TamuLock     lock,
         gint64       key,
         GError     **error)
{
  TamuPgBackend *self = TAMU_PG (backend);
  g_auto(TamuPgParams) params = { 0 };

  /* A transaction-level lock outside a transaction would end at once. */
  g_return_val_if_fail (self->in_transaction, FALSE);

  tamu_pg_params_int (&params, lock_space (lock));
  /* Ids past 2^31 share a key with a smaller one: at worst a wait, never a
   * missed lock. */
  tamu_pg_params_int (&params, (gint32) key);
  return tamu_pg_run (self, lock_sql (lock), &params, error);
}

static gpointer
fill_class (gpointer data)
{
  TamuBackendClass *klass = data;

  klass->name = "postgresql";
  klass->free = pg_free;
  klass->get_identity = pg_get_identity;
  klass->poll_changed = pg_poll_changed;
  klass->check_connection = pg_check_connection;
  klass->get_change_fd = pg_get_change_fd;
  klass->get_schema_version = pg_get_schema_version;
  klass->begin = pg_begin;
  klass->commit = pg_commit;
  klass->rollback = pg_rollback;
  klass->lock = pg_lock;
  tamu_pg_policy_fill (klass);
  tamu_pg_bookings_fill (klass);
  tamu_pg_reports_fill (klass);
  tamu_pg_ppid_fill (klass);
  tamu_pg_feeds_fill (klass);
  tamu_pg_rows_fill (klass);
  return klass;
}

static const TamuBackendClass *
get_class (void)
{
  static TamuBackendClass klass;
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, fill_class, &klass);
}

/* The password in @conninfo, or "" when it has none; NULL when @conninfo
 * does not parse (libpq's message may then quote it: it is not shown). */
static char *
dup_password (const char *conninfo)
{
  PQconninfoOption *options;
  char *message = NULL;
  char *password = NULL;

  options = PQconninfoParse (conninfo, &message);
  if (options == NULL)
    {
      PQfreemem (message);
      return NULL;
    }
  for (PQconninfoOption *o = options; o->keyword != NULL; o++)
    if (strcmp (o->keyword, "password") == 0 && o->val != NULL)
      password = g_strdup (o->val);
  PQconninfoFree (options);
  return password != NULL ? password : g_strdup ("");
}

TamuBackend *
tamu_pg_backend_open (const char *conninfo,
                      const char *display,
                      GError    **error)
{
  /* Ours first: what the user's conninfo says, later, wins. */
  const char * const keywords[] = { "connect_timeout", "application_name", "dbname", NULL };
  const char * const values[] = { "10", "tamu", conninfo, NULL };
  TamuPgBackend *self;

  g_return_val_if_fail (conninfo != NULL, NULL);

  self = g_new0 (TamuPgBackend, 1);
  self->parent.klass = get_class ();
  g_rec_mutex_init (&self->mutex);
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  self->password = dup_password (conninfo);
  if (self->password == NULL)
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                   _("database: %s is not a valid database server address"),
                   display != NULL ? display : "");
      pg_free (&self->parent);
      return NULL;
    }

  self->conn = PQconnectdbParams (keywords, values, 1);
  if (self->conn != NULL && PQstatus (self->conn) != CONNECTION_OK &&
      (PQconnectionNeedsPassword (self->conn) || PQconnectionUsedPassword (self->conn)))
    {
      /* The server answered and said no: trying again will not help. */
      g_autofree char *server = dup_server (self);
      g_autofree char *reason = dup_reason (self, PQerrorMessage (self->conn));

      g_set_error (error, TAMU_ERROR, TAMU_ERROR_STORAGE,
                   _("database: the database server at %s refused the login: %s"), server, reason);
      pg_free (&self->parent);
      return NULL;
    }
  if (self->conn == NULL || PQstatus (self->conn) != CONNECTION_OK)
    {
      set_unavailable (self, error);
      pg_free (&self->parent);
      return NULL;
    }

  if (display != NULL && *display != '\0')
    self->identity = dup_scrubbed (self, display);
  else
    self->identity = g_strdup_printf ("postgresql://%s@%s:%s/%s", PQuser (self->conn),
                                      PQhost (self->conn), PQport (self->conn), PQdb (self->conn));

  if (!setup_session (self, error) || !tamu_pg_schema_migrate (self, error))
    {
      pg_free (&self->parent);
      return NULL;
    }
  return &self->parent;
}
