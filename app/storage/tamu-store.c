/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tamu-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib-unix.h>

#include "tamu-desk-settings.h"
#include "tamu-error.h"
#include "tamu-store-private.h"
#include "sqlite/tamu-sqlite-backend.h"

/* How often a write that lost a conflict with another desk runs again
 * before the user is told; each try waits a little longer. */
#define MAX_WRITE_ATTEMPTS 8
#define RETRY_BACKOFF_US   (5 * G_TIME_SPAN_MILLISECOND)
/* SQLite has no change socket: its data_version is one cheap read. */
#define POLL_INTERVAL_MS      1000
#define RECONNECT_INTERVAL_S  5

G_DEFINE_FINAL_TYPE (TamuStore, tamu_store, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

enum {
  PROP_0,
  PROP_AVAILABLE,
  N_PROPS
};

static guint signals[N_SIGNALS];
static GParamSpec *properties[N_PROPS];

static void
tamu_store_dispose (GObject *object)
{
  TamuStore *self = TAMU_STORE (object);

  g_clear_handle_id (&self->change_source, g_source_remove);
  g_clear_handle_id (&self->reconnect_source, g_source_remove);

  G_OBJECT_CLASS (tamu_store_parent_class)->dispose (object);
}

static void
tamu_store_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  TamuStore *self = TAMU_STORE (object);

  switch (prop_id)
    {
    case PROP_AVAILABLE:
      g_value_set_boolean (value, self->available);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

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

  object_class->dispose = tamu_store_dispose;
  object_class->finalize = tamu_store_finalize;
  object_class->get_property = tamu_store_get_property;

  /**
   * TamuStore:available:
   *
   * Whether the database answers; FALSE while its server cannot be reached.
   */
  properties[PROP_AVAILABLE] =
    g_param_spec_boolean ("available", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

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
  self->available = TRUE;
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

/* ---- watching other desks ---- */

static void watch_changes (TamuStore *self);

static void
set_available (TamuStore *self,
               gboolean   available)
{
  if (self->available == available)
    return;
  self->available = available;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AVAILABLE]);
}

/* In a worker thread: reconnecting may wait for the server's connection
 * time-out, and the window must not freeze meanwhile. */
static void
probe_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  TamuStore *self = source_object;
  GError *error = NULL;

  if (self->backend->klass->check_connection (self->backend, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
probe_done_cb (GObject      *source_object,
               GAsyncResult *result,
               gpointer      user_data)
{
  TamuStore *self = TAMU_STORE (source_object);
  g_autoptr(GError) error = NULL;

  self->probing = FALSE;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_debug ("still unreachable: %s", error->message);
      return;
    }

  g_clear_handle_id (&self->reconnect_source, g_source_remove);
  set_available (self, TRUE);
  watch_changes (self);
  /* Whatever other desks did meanwhile: every view reloads. */
  tamu_store_emit_changed (self);
}

static gboolean
reconnect_cb (gpointer user_data)
{
  TamuStore *self = user_data;
  g_autoptr(GTask) task = NULL;

  if (self->probing)
    return G_SOURCE_CONTINUE;
  self->probing = TRUE;
  task = g_task_new (self, NULL, probe_done_cb, NULL);
  g_task_set_source_tag (task, reconnect_cb);
  g_task_run_in_thread (task, probe_thread);
  return G_SOURCE_CONTINUE;
}

/* The server went away: say so, stop listening, try again now and then. */
static void
lost_connection (TamuStore *self)
{
  set_available (self, FALSE);
  if (!self->watching)
    return;
  g_clear_handle_id (&self->change_source, g_source_remove);
  if (self->reconnect_source == 0)
    self->reconnect_source = g_timeout_add_seconds (RECONNECT_INTERVAL_S, reconnect_cb, self);
}

static gboolean
change_fd_cb (int          fd,
              GIOCondition condition,
              gpointer     user_data)
{
  TamuStore *self = user_data;

  if (!self->backend->klass->poll_changed (self->backend) && !(condition & (G_IO_HUP | G_IO_ERR)))
    return G_SOURCE_CONTINUE;

  /* A notification, or the socket closing: which one, the server says. */
  if (!self->backend->klass->check_connection (self->backend, NULL))
    {
      self->change_source = 0;
      lost_connection (self);
      return G_SOURCE_REMOVE;
    }
  /* After a reconnection the socket is another one. */
  if (self->backend->klass->get_change_fd (self->backend) != fd)
    {
      self->change_source = 0;
      watch_changes (self);
      tamu_store_emit_changed (self);
      return G_SOURCE_REMOVE;
    }
  tamu_store_emit_changed (self);
  return G_SOURCE_CONTINUE;
}

static gboolean
poll_cb (gpointer user_data)
{
  TamuStore *self = user_data;

  if (self->backend->klass->poll_changed (self->backend))
    tamu_store_emit_changed (self);
  return G_SOURCE_CONTINUE;
}

static void
watch_changes (TamuStore *self)
{
  int fd = self->backend->klass->get_change_fd (self->backend);

  g_clear_handle_id (&self->change_source, g_source_remove);
  if (fd >= 0)
    self->change_source = g_unix_fd_add (fd, G_IO_IN | G_IO_HUP | G_IO_ERR, change_fd_cb, self);
  else
    self->change_source = g_timeout_add (POLL_INTERVAL_MS, poll_cb, self);
}

void
tamu_store_watch (TamuStore *self)
{
  g_return_if_fail (TAMU_IS_STORE (self));

  if (self->watching)
    return;
  self->watching = TRUE;
  watch_changes (self);
}

gboolean
tamu_store_get_available (TamuStore *self)
{
  g_return_val_if_fail (TAMU_IS_STORE (self), FALSE);

  return self->available;
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

  if (result == TAMU_WRITE_COMMIT || result == TAMU_WRITE_COMMIT_QUIETLY)
    {
      /* A failed COMMIT has rolled back already. */
      if (!self->backend->klass->commit (self->backend, error))
        return TAMU_WRITE_FAILED;
      return result;
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
      if (result == TAMU_WRITE_DISCARD || result == TAMU_WRITE_COMMIT_QUIETLY)
        return TRUE;

      if (g_error_matches (local_error, TAMU_ERROR, TAMU_ERROR_UNAVAILABLE))
        lost_connection (self);
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
