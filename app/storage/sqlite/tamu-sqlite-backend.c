/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tamu-sqlite"

#include "config.h"

#include "tamu-sqlite-backend.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "tamu-error.h"
#include "tamu-parse.h"
#include "tamu-sqlite-private.h"

#define BUSY_TIMEOUT_MS 10000

gboolean
tamu_sqlite_set_error (TamuSqliteBackend *self,
                       GError           **error)
{
  g_set_error (error, TAMU_ERROR, TAMU_ERROR_STORAGE,
               _("database: %s (%s)"), sqlite3_errmsg (self->db),
               self->path != NULL ? self->path : "");
  return FALSE;
}

gboolean
tamu_sqlite_exec (TamuSqliteBackend *self,
                  const char        *sql,
                  GError           **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return tamu_sqlite_set_error (self, error);
  return TRUE;
}

sqlite3_stmt *
tamu_sqlite_prepare (TamuSqliteBackend *self,
                     const char        *sql,
                     GError           **error)
{
  sqlite3_stmt *stmt;

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      tamu_sqlite_set_error (self, error);
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
tamu_sqlite_step_done (TamuSqliteBackend *self,
                       sqlite3_stmt      *stmt,
                       GError           **error)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      tamu_sqlite_set_error (self, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

void
tamu_sqlite_bind_text (sqlite3_stmt *stmt,
                       int           index,
                       const char   *text)
{
  if (text == NULL || *text == '\0')
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

void
tamu_sqlite_bind_date (sqlite3_stmt *stmt,
                       int           index,
                       const GDate  *date)
{
  g_autofree char *iso = NULL;

  if (date == NULL || !g_date_valid (date))
    {
      sqlite3_bind_null (stmt, index);
      return;
    }
  iso = tamu_format_date_iso (date);
  sqlite3_bind_text (stmt, index, iso, -1, SQLITE_TRANSIENT);
}

char *
tamu_sqlite_dup_text (sqlite3_stmt *stmt,
                      int           column)
{
  const unsigned char *text = sqlite3_column_text (stmt, column);

  return text != NULL ? g_strdup ((const char *) text) : NULL;
}

gboolean
tamu_sqlite_read_date (sqlite3_stmt *stmt,
                       int           column,
                       GDate        *out)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  g_date_clear (out, 1);
  if (text == NULL)
    return TRUE;
  return tamu_parse_date ("date", text, out, NULL);
}

/* ---- transactions and locks ---- */

static gboolean
sqlite_begin (TamuBackend *backend,
              GError     **error)
{
  /* BEGIN IMMEDIATE takes the database-wide write lock up front: every
   * TamuLock the store asks for is held from here to the commit. */
  return tamu_sqlite_exec (TAMU_SQLITE (backend), "BEGIN IMMEDIATE", error);
}

static gboolean
sqlite_commit (TamuBackend *backend,
               GError     **error)
{
  TamuSqliteBackend *self = TAMU_SQLITE (backend);

  if (!tamu_sqlite_exec (self, "COMMIT", error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  return TRUE;
}

static void
sqlite_rollback (TamuBackend *backend)
{
  sqlite3_exec (TAMU_SQLITE (backend)->db, "ROLLBACK", NULL, NULL, NULL);
}

static gboolean
sqlite_lock (TamuBackend *backend,
             TamuLock     lock,
             gint64       key,
             GError     **error)
{
  /* Held already: SQLite has one writer at a time (see sqlite_begin). */
  return TRUE;
}

/* ---- identity and changes ---- */

static const char *
sqlite_get_identity (TamuBackend *backend)
{
  return TAMU_SQLITE (backend)->path;
}

static int
read_pragma_int (TamuSqliteBackend *self,
                 const char        *pragma)
{
  sqlite3_stmt *stmt = NULL;
  int value = -1;

  /* Not cached: user_version is read before and after migrations. */
  if (sqlite3_prepare_v2 (self->db, pragma, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static gboolean
sqlite_poll_changed (TamuBackend *backend)
{
  TamuSqliteBackend *self = TAMU_SQLITE (backend);
  int version = read_pragma_int (self, "PRAGMA data_version");

  if (version == self->data_version)
    return FALSE;
  self->data_version = version;
  return TRUE;
}

static int
sqlite_get_change_fd (TamuBackend *backend)
{
  return -1;
}

static gboolean
sqlite_check_connection (TamuBackend *backend,
                         GError     **error)
{
  /* A local file: there is no connection to lose. */
  return TRUE;
}

static int
sqlite_get_schema_version (TamuBackend *backend)
{
  return read_pragma_int (TAMU_SQLITE (backend), "PRAGMA user_version");
}

static gboolean
sqlite_count_rows (TamuBackend *backend,
                   TamuTable    table,
                   gint64      *out_count,
                   GError     **error)
{
  static const char * const queries[TAMU_N_TABLES] = {
    [TAMU_TABLE_BOOKINGS] = "SELECT count(*) FROM bookings",
    [TAMU_TABLE_AUDIT] = "SELECT count(*) FROM audit",
    [TAMU_TABLE_SETTINGS] = "SELECT count(*) FROM settings",
    [TAMU_TABLE_HOLIDAYS] = "SELECT count(*) FROM holidays",
    [TAMU_TABLE_TOPICS] = "SELECT count(*) FROM topics",
    [TAMU_TABLE_PPID_REQUESTS] = "SELECT count(*) FROM ppid_requests",
    [TAMU_TABLE_BOOKING_TOPICS] = "SELECT count(*) FROM booking_topics",
    [TAMU_TABLE_FEEDS] = "SELECT count(*) FROM feeds",
  };
  TamuSqliteBackend *self = TAMU_SQLITE (backend);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (table < TAMU_N_TABLES, FALSE);

  stmt = tamu_sqlite_prepare (self, queries[table], error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return tamu_sqlite_set_error (self, error);
    }
  *out_count = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return TRUE;
}

/* ---- opening ---- */

static void
sqlite_free (TamuBackend *backend)
{
  TamuSqliteBackend *self = TAMU_SQLITE (backend);

  /* Statements must go before the connection they belong to. */
  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_free (self->path);
  g_free (self);
}

static const TamuBackendClass *
sqlite_get_class (void)
{
  static TamuBackendClass klass;
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      klass.name = "sqlite";
      klass.free = sqlite_free;
      klass.get_identity = sqlite_get_identity;
      klass.poll_changed = sqlite_poll_changed;
      klass.get_change_fd = sqlite_get_change_fd;
      klass.check_connection = sqlite_check_connection;
      klass.get_schema_version = sqlite_get_schema_version;
      klass.begin = sqlite_begin;
      klass.commit = sqlite_commit;
      klass.rollback = sqlite_rollback;
      klass.lock = sqlite_lock;
      klass.count_rows = sqlite_count_rows;
      tamu_sqlite_bookings_init_class (&klass);
      tamu_sqlite_policy_init_class (&klass);
      tamu_sqlite_ppid_init_class (&klass);
      tamu_sqlite_feeds_init_class (&klass);
      tamu_sqlite_rows_init_class (&klass);
      g_once_init_leave (&initialized, 1);
    }
  return &klass;
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

/* The database holds bookings and personal data of guests: only its owner
 * may read it.  Create the folder 0700 and the file 0600 before SQLite
 * does, since SQLite would create them with the umask's looser modes. */
static gboolean
prepare_file (const char *path,
              GError    **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, TAMU_ERROR, TAMU_ERROR_STORAGE,
                   _("database: cannot create the folder %s: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, TAMU_ERROR, TAMU_ERROR_STORAGE,
                   _("database: cannot open %s: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);
  return TRUE;
}

/* Switching a new database to WAL needs a moment of exclusive access, and
 * SQLite answers SQLITE_BUSY at once instead of waiting out the busy
 * timeout when several programs open one new file together: wait here. */
static gboolean
enable_wal (TamuSqliteBackend *self,
            GError           **error)
{
  gint64 deadline = g_get_monotonic_time () + BUSY_TIMEOUT_MS * G_TIME_SPAN_MILLISECOND;
  int rc;

  while ((rc = sqlite3_exec (self->db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL)) != SQLITE_OK)
    {
      if ((rc & 0xff) != SQLITE_BUSY && (rc & 0xff) != SQLITE_LOCKED)
        return tamu_sqlite_set_error (self, error);
      if (g_get_monotonic_time () > deadline)
        return tamu_sqlite_set_error (self, error);
      g_usleep (10 * G_TIME_SPAN_MILLISECOND);
    }
  return TRUE;
}

static gboolean
migrate (TamuSqliteBackend *self,
         int                target,
         GError           **error)
{
  const TamuSqliteMigration *steps;
  guint n_steps;
  int version;

  version = read_pragma_int (self, "PRAGMA user_version");
  if (version < 0)
    return tamu_sqlite_set_error (self, error);

  if (version > tamu_sqlite_get_latest_version ())
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_STORAGE,
                   _("database: %s was written by a newer Tamu (schema %d; this one knows %d)"),
                   self->path, version, tamu_sqlite_get_latest_version ());
      return FALSE;
    }

  steps = tamu_sqlite_get_migrations (&n_steps);
  for (guint i = 0; i < n_steps; i++)
    {
      g_autofree char *set_version = NULL;

      if (steps[i].version <= version || steps[i].version > target)
        continue;

      if (!sqlite_begin (&self->parent, error))
        return FALSE;

      /* Another process may have migrated while we waited for the lock. */
      if (read_pragma_int (self, "PRAGMA user_version") >= steps[i].version)
        {
          if (!sqlite_commit (&self->parent, error))
            return FALSE;
          continue;
        }

      set_version = g_strdup_printf ("PRAGMA user_version = %d", steps[i].version);
      if (!tamu_sqlite_exec (self, steps[i].sql, error) ||
          (steps[i].version == 1 && !tamu_backend_seed_defaults (&self->parent, error)) ||
          !tamu_sqlite_exec (self, set_version, error))
        {
          sqlite_rollback (&self->parent);
          g_prefix_error (error, _("database: upgrading to schema %d failed: "), steps[i].version);
          return FALSE;
        }

      if (!sqlite_commit (&self->parent, error))
        return FALSE;
      g_debug ("migrated %s to schema %d", self->path, steps[i].version);
    }

  return TRUE;
}

TamuBackend *
tamu_sqlite_backend_open (const char *path,
                          int         version,
                          GError    **error)
{
  g_autoptr(TamuBackend) backend = NULL;
  TamuSqliteBackend *self;

  g_return_val_if_fail (path != NULL, NULL);

  if (!prepare_file (path, error))
    return NULL;

  self = g_new0 (TamuSqliteBackend, 1);
  self->parent.klass = sqlite_get_class ();
  self->path = g_strdup (path);
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
  backend = &self->parent;

  if (sqlite3_open_v2 (path, &self->db,
                       SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                       NULL) != SQLITE_OK)
    {
      tamu_sqlite_set_error (self, error);
      return NULL;
    }

  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);
  sqlite3_extended_result_codes (self->db, 1);

  /* WAL lets the window read while the command-line tool writes; FULL sync
   * because a booking acknowledged must survive a power cut. */
  if (!enable_wal (self, error) ||
      !tamu_sqlite_exec (self, "PRAGMA synchronous = FULL", error) ||
      !tamu_sqlite_exec (self, "PRAGMA foreign_keys = ON", error) ||
      !tamu_sqlite_exec (self, "PRAGMA trusted_schema = OFF", error))
    return NULL;

  if (!migrate (self, version, error))
    return NULL;

  self->data_version = read_pragma_int (self, "PRAGMA data_version");
  return g_steal_pointer (&backend);
}
