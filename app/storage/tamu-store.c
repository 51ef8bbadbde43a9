/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tamu-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tamu-desk-settings.h"
#include "tamu-error.h"
#include "tamu-store-private.h"
#include "sqlite/tamu-sqlite-backend.h"

/* How often a write that lost a conflict with another desk runs again
 * before the user is told; each try waits a little longer. */
#define MAX_WRITE_ATTEMPTS 8
#define RETRY_BACKOFF_US   (5 * G_TIME_SPAN_MILLISECOND)

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

  g_clear_pointer (&self->backend, tamu_backend_free);
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
tamu_store_init (TamuStore *self)
{
}

char *
tamu_store_dup_default_path (void)
{
  const char *env = g_getenv ("TAMU_DB");

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  return g_build_filename (g_get_user_data_dir (), "tamu", "tamu.db", NULL);
}

static TamuStore *
store_new (TamuBackend *backend)
{
  TamuStore *self = g_object_new (TAMU_TYPE_STORE, NULL);

  self->backend = backend;
  return self;
}

TamuStore *
tamu_store_open (const char *address,
                 GError    **error)
{
  TamuBackend *backend;

  g_return_val_if_fail (address != NULL, NULL);

  backend = tamu_backend_open (address, error);
  return backend != NULL ? store_new (backend) : NULL;
}

TamuStore *
tamu_store_open_sqlite_at_version (const char *path,
                                   int         version,
                                   GError    **error)
{
  TamuBackend *backend = tamu_sqlite_backend_open (path, version, error);

  return backend != NULL ? store_new (backend) : NULL;
}

const char *
tamu_store_get_identity (TamuStore *self)
{
  g_return_val_if_fail (TAMU_IS_STORE (self), NULL);

  return self->backend->klass->get_identity (self->backend);
}

const char *
tamu_store_get_backend_name (TamuStore *self)
{
  g_return_val_if_fail (TAMU_IS_STORE (self), NULL);

  return self->backend->klass->name;
}

int
tamu_store_get_schema_version (TamuStore *self)
{
  g_return_val_if_fail (TAMU_IS_STORE (self), -1);

  return self->backend->klass->get_schema_version (self->backend);
}

gboolean
tamu_store_count_records (TamuStore *self,
                          TamuTable  table,
                          gint64    *out_count,
                          GError   **error)
{
  g_return_val_if_fail (TAMU_IS_STORE (self), FALSE);
  g_return_val_if_fail (table < TAMU_N_TABLES, FALSE);

  return TAMU_BACKEND_CALL (self, count_rows, table, out_count, error);
}

gboolean
tamu_store_poll_changed (TamuStore *self)
{
  g_return_val_if_fail (TAMU_IS_STORE (self), FALSE);

  return self->backend->klass->poll_changed (self->backend);
}

int
tamu_store_get_change_fd (TamuStore *self)
{
  g_return_val_if_fail (TAMU_IS_STORE (self), -1);

  return self->backend->klass->get_change_fd (self->backend);
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

char *
tamu_store_dup_timestamp (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

void
tamu_store_emit_changed (TamuStore *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

/* ---- writes ---- */

gboolean
tamu_store_lock (TamuStore *self,
                 TamuLock   lock,
                 gint64     key,
                 GError   **error)
{
  g_assert (self->tx_depth > 0);

  return TAMU_BACKEND_CALL (self, lock, lock, key, error);
}

gboolean
tamu_store_lock_day (TamuStore   *self,
                     const GDate *date,
                     GError     **error)
{
  if (!g_date_valid (date))
    return TRUE;
  return tamu_store_lock (self, TAMU_LOCK_DAY, g_date_get_julian (date), error);
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
  TamuAuditRow row = {
    .entity = entity,
    .entity_id = entity_id,
    .action = action,
    .field = field,
    .old_value = old_value,
    .new_value = new_value,
    .actor = tamu_store_get_actor (self),
    .at = at,
  };

  g_assert (self->tx_depth > 0);

  return TAMU_BACKEND_CALL (self, insert_audit, &row, error);
}

/* One try: begin, @func, commit or roll back. */
static TamuWriteResult
write_once (TamuStore    *self,
            TamuWriteFunc func,
            gpointer      data,
            GError      **error)
{
  TamuWriteResult result;

  if (!self->backend->klass->begin (self->backend, error))
    return TAMU_WRITE_FAILED;
  self->tx_depth = 1;

  result = func (self, data, error);
  self->tx_depth = 0;

  if (result == TAMU_WRITE_COMMIT)
    {
      /* A failed COMMIT has rolled back already. */
      if (!self->backend->klass->commit (self->backend, error))
        return TAMU_WRITE_FAILED;
      return TAMU_WRITE_COMMIT;
    }

  self->backend->klass->rollback (self->backend);
  return result;
}

gboolean
tamu_store_write (TamuStore    *self,
                  TamuWriteFunc func,
                  gpointer      data,
                  GError      **error)
{
  g_return_val_if_fail (TAMU_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->tx_depth == 0, FALSE);

  for (guint attempt = 1; ; attempt++)
    {
      g_autoptr(GError) local_error = NULL;
      TamuWriteResult result = write_once (self, func, data, &local_error);

      if (result == TAMU_WRITE_COMMIT)
        {
          tamu_store_emit_changed (self);
          return TRUE;
        }
      if (result == TAMU_WRITE_DISCARD)
        return TRUE;

      if (!g_error_matches (local_error, TAMU_ERROR, TAMU_ERROR_RETRY))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (attempt == MAX_WRITE_ATTEMPTS)
        {
          g_set_error (error, TAMU_ERROR, TAMU_ERROR_STORAGE,
                       _("database: other desks kept changing the same records; "
                         "the change was not saved, try again (%s)"),
                       local_error->message);
          return FALSE;
        }
      g_debug ("write conflicted with another desk, try %u: %s", attempt, local_error->message);
      g_usleep (RETRY_BACKOFF_US * attempt + g_random_int_range (0, RETRY_BACKOFF_US));
    }
}
