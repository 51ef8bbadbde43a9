/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tamu-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tamu-data.h"
#include "tamu-desk-settings.h"
#include "tamu-error.h"
#include "tamu-parse.h"
#include "tamu-store-private.h"

#define BUSY_TIMEOUT_MS 10000

G_DEFINE_FINAL_TYPE (TamuStore, tamu_store, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
tamu_store_finalize (GObject *object)
{
  TamuStore *self = TAMU_STORE (object);

  /* Statements must go before the connection they belong to. */
  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->actor, g_free);

  G_OBJECT_CLASS (tamu_store_parent_class)->finalize (object);
}

static void
tamu_store_class_init (TamuStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tamu_store_finalize;

  /**
   * TamuStore::changed:
   *
   * Emitted after this store committed a write, so views can refresh.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
tamu_store_init (TamuStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
}

char *
tamu_store_dup_default_path (void)
{
  const char *env = g_getenv ("TAMU_DB");

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  return g_build_filename (g_get_user_data_dir (), "tamu", "tamu.db", NULL);
}

gboolean
tamu_store_set_error (TamuStore *self,
                      GError   **error)
{
  g_set_error (error, TAMU_ERROR, TAMU_ERROR_STORAGE,
               _("database: %s (%s)"), sqlite3_errmsg (self->db),
               self->path != NULL ? self->path : "");
  return FALSE;
}

gboolean
tamu_store_exec (TamuStore  *self,
                 const char *sql,
                 GError    **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return tamu_store_set_error (self, error);
  return TRUE;
}

sqlite3_stmt *
tamu_store_prepare (TamuStore  *self,
                    const char *sql,
                    GError    **error)
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
      tamu_store_set_error (self, error);
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

void
tamu_store_bind_text (sqlite3_stmt *stmt,
                      int           index,
                      const char   *text)
{
  if (text == NULL || *text == '\0')
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

char *
tamu_store_dup_column_text (sqlite3_stmt *stmt,
                            int           column)
{
  const unsigned char *text = sqlite3_column_text (stmt, column);

  return text != NULL ? g_strdup ((const char *) text) : NULL;
}

char *
tamu_store_dup_timestamp (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

gboolean
tamu_store_begin (TamuStore *self,
                  GError   **error)
{
  if (self->tx_depth++ > 0)
    return TRUE;
  if (!tamu_store_exec (self, "BEGIN IMMEDIATE", error))
    {
      self->tx_depth = 0;
      return FALSE;
    }
  return TRUE;
}

gboolean
tamu_store_commit (TamuStore *self,
                   GError   **error)
{
  g_return_val_if_fail (self->tx_depth > 0, FALSE);

  if (--self->tx_depth > 0)
    return TRUE;
  if (!tamu_store_exec (self, "COMMIT", error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  return TRUE;
}

void
tamu_store_rollback (TamuStore *self)
{
  /* Nothing is open when the failure was the COMMIT itself, which already
   * rolled back: callers can roll back on any failure without checking. */
  if (self->tx_depth == 0)
    return;

  /* An inner failure aborts the whole transaction: partial writes of a
   * nested step never commit. */
  self->tx_depth = 0;
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

gboolean
tamu_store_audit (TamuStore  *self,
                  const char *entity,
                  gint64      entity_id,
                  const char *action,
                  const char *field,
                  const char *old_value,
                  const char *new_value,
                  GError    **error)
{
  g_autofree char *at = tamu_store_dup_timestamp ();
  sqlite3_stmt *stmt;

  stmt = tamu_store_prepare (self,
                             "INSERT INTO audit (entity, entity_id, action, field, old_value, "
                             "new_value, actor, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                             error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, entity, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, entity_id);
  sqlite3_bind_text (stmt, 3, action, -1, SQLITE_STATIC);
  tamu_store_bind_text (stmt, 4, field);
  /* An empty old or new value is kept as "", so "" → "x" reads right. */
  if (old_value != NULL)
    sqlite3_bind_text (stmt, 5, old_value, -1, SQLITE_TRANSIENT);
  if (new_value != NULL)
    sqlite3_bind_text (stmt, 6, new_value, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, tamu_store_get_actor (self), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, at, -1, SQLITE_TRANSIENT);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    return tamu_store_set_error (self, error);
  return TRUE;
}

void
tamu_store_emit_changed (TamuStore *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static int
read_data_version (TamuStore *self)
{
  sqlite3_stmt *stmt = tamu_store_prepare (self, "PRAGMA data_version", NULL);
  int version = 0;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return version;
}

gboolean
tamu_store_poll_changed (TamuStore *self)
{
  int version;

  g_return_val_if_fail (TAMU_IS_STORE (self), FALSE);

  version = read_data_version (self);
  if (version == self->data_version)
    return FALSE;
  self->data_version = version;
  return TRUE;
}

void
tamu_store_set_actor (TamuStore  *self,
                      const char *actor)
{
  g_return_if_fail (TAMU_IS_STORE (self));

  g_free (self->actor);
  self->actor = actor != NULL && *actor != '\0' ? g_strdup (actor) : NULL;
}

const char *
tamu_store_get_actor (TamuStore *self)
{
  g_return_val_if_fail (TAMU_IS_STORE (self), NULL);

  if (self->actor == NULL)
    self->actor = tamu_desk_settings_dup_actor ();
  return self->actor;
}

const char *
tamu_store_get_path (TamuStore *self)
{
  g_return_val_if_fail (TAMU_IS_STORE (self), NULL);

  return self->path;
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

static int
read_user_version (TamuStore *self)
{
  sqlite3_stmt *stmt = NULL;
  int version = -1;

  if (sqlite3_prepare_v2 (self->db, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return version;
}

/* What a new database starts with: the shipped holidays and the topics of
 * DOMAIN.md.  Settings need no seed: a missing key reads as its default. */
static gboolean
seed_defaults (TamuStore *self,
               GError   **error)
{
  g_autoptr(GBytes) bytes = tamu_data_load ("holidays.csv");
  g_autoptr(GPtrArray) topics = tamu_topics_new_default ();
  g_auto(GStrv) lines = NULL;
  g_autofree char *now = tamu_store_dup_timestamp ();
  sqlite3_stmt *stmt;

  if (bytes == NULL)
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_STORAGE, _("database: the shipped holidays are missing"));
      return FALSE;
    }

  lines = g_strsplit (g_bytes_get_data (bytes, NULL), "\n", -1);
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cells = g_strsplit (lines[i], ",", 3);

      if (g_strv_length (cells) != 3)
        continue;
      stmt = tamu_store_prepare (self, "INSERT INTO holidays (date, kind, name) VALUES (?, ?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, cells[0], -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, cells[1], -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, g_strstrip (cells[2]), -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        return tamu_store_set_error (self, error);
    }

  for (guint i = 0; i < topics->len; i++)
    {
      TamuTopic *topic = g_ptr_array_index (topics, i);
      g_autofree char *aliases = g_strjoinv (";", topic->aliases);

      stmt = tamu_store_prepare (self,
                                 "INSERT INTO topics (name, full_name, aliases, position) "
                                 "VALUES (?, ?, ?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, topic->name, -1, SQLITE_TRANSIENT);
      tamu_store_bind_text (stmt, 2, topic->full_name);
      sqlite3_bind_text (stmt, 3, aliases, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 4, (int) i);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        return tamu_store_set_error (self, error);
    }

  return TRUE;
}

static gboolean
migrate (TamuStore *self,
         int        target,
         GError   **error)
{
  const TamuMigration *steps;
  guint n_steps;
  int version;

  version = read_user_version (self);
  if (version < 0)
    return tamu_store_set_error (self, error);

  if (version > tamu_store_get_schema_version ())
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_STORAGE,
                   _("database: %s was written by a newer Tamu (schema %d; this one knows %d)"),
                   self->path, version, tamu_store_get_schema_version ());
      return FALSE;
    }

  steps = tamu_store_get_migrations (&n_steps);
  for (guint i = 0; i < n_steps; i++)
    {
      g_autofree char *set_version = NULL;

      if (steps[i].version <= version || steps[i].version > target)
        continue;

      if (!tamu_store_begin (self, error))
        return FALSE;

      /* Another process may have migrated while we waited for the lock. */
      if (read_user_version (self) >= steps[i].version)
        {
          if (!tamu_store_commit (self, error))
            return FALSE;
          continue;
        }

      set_version = g_strdup_printf ("PRAGMA user_version = %d", steps[i].version);
      if (!tamu_store_exec (self, steps[i].sql, error) ||
          (steps[i].version == 1 && !seed_defaults (self, error)) ||
          !tamu_store_exec (self, set_version, error))
        {
          tamu_store_rollback (self);
          g_prefix_error (error, _("database: upgrading to schema %d failed: "), steps[i].version);
          return FALSE;
        }

      if (!tamu_store_commit (self, error))
        return FALSE;
      g_debug ("migrated %s to schema %d", self->path, steps[i].version);
    }

  return TRUE;
}

TamuStore *
tamu_store_open_at_version (const char *path,
                            int         version,
                            GError    **error)
{
  g_autoptr(TamuStore) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (!prepare_file (path, error))
    return NULL;

  self = g_object_new (TAMU_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  if (sqlite3_open_v2 (path, &self->db,
                       SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                       NULL) != SQLITE_OK)
    {
      tamu_store_set_error (self, error);
      return NULL;
    }

  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);
  sqlite3_extended_result_codes (self->db, 1);

  /* WAL lets the window read while the command-line tool writes; FULL sync
   * because a booking acknowledged must survive a power cut. */
  if (!tamu_store_exec (self, "PRAGMA journal_mode = WAL", error) ||
      !tamu_store_exec (self, "PRAGMA synchronous = FULL", error) ||
      !tamu_store_exec (self, "PRAGMA foreign_keys = ON", error) ||
      !tamu_store_exec (self, "PRAGMA trusted_schema = OFF", error))
    return NULL;

  if (!migrate (self, version, error))
    return NULL;

  self->data_version = read_data_version (self);
  return g_steal_pointer (&self);
}

TamuStore *
tamu_store_open (const char *path,
                 GError    **error)
{
  return tamu_store_open_at_version (path, G_MAXINT, error);
}
