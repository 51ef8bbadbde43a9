/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tamu-backend.h"
#include "tamu-store.h"

G_BEGIN_DECLS

/*
 * Shared by the tamu-store-*.c files, which each add one concern's verbs to
 * TamuStore.  They hold the service's logic and call the backend for rows;
 * none of them speaks SQL.  Nothing outside app/storage/ includes this.
 */
struct _TamuStore
{
  GObject      parent_instance;

  TamuBackend *backend;
  char        *actor;
  int          tx_depth;

  /* Watching for other desks' changes (tamu_store_watch()). */
  gboolean     watching;
  gboolean     available;
  guint        change_source;   /* the LISTEN socket, or the poll timer */
  guint        reconnect_source;
  gboolean     probing;         /* a reconnection runs in a worker thread */
};

/* The backend's operation @op, called on the store's backend. */
#define TAMU_BACKEND_CALL(self, op, ...) \
  ((self)->backend->klass->op ((self)->backend, __VA_ARGS__))

/* Tests: a store over a SQLite file migrated only up to @version. */
TamuStore   *tamu_store_open_sqlite_at_version (const char *path,
                                                int         version,
                                                GError    **error);

/*
 * One write: what a write verb does between BEGIN and COMMIT.  Return
 * TAMU_WRITE_COMMIT to keep it, TAMU_WRITE_DISCARD to roll back and still
 * succeed (a dry run, nothing changed), TAMU_WRITE_FAILED with @error set.
 */
typedef enum
{
  TAMU_WRITE_FAILED,
  TAMU_WRITE_COMMIT,
  TAMU_WRITE_DISCARD,
  /* Commit without ::changed: bookkeeping that no view shows. */
  TAMU_WRITE_COMMIT_QUIETLY,
} TamuWriteResult;

typedef TamuWriteResult (*TamuWriteFunc) (TamuStore *self,
                                          gpointer   data,
                                          GError   **error);

/*
 * Runs @func inside one write transaction: begin, @func, commit — or roll
 * back on failure, so nothing is half-written.  A conflict with another
 * desk that the engine resolved by aborting (TAMU_ERROR_RETRY) runs @func
 * again from the start, a bounded number of times; @func must therefore
 * keep its results in @data only, starting over on each call.  Emits
 * ::changed after a commit.
 */
gboolean      tamu_store_write (TamuStore    *self,
                                TamuWriteFunc func,
                                gpointer      data,
                                GError      **error);

/* Inside a write: takes one of the backend's guarantees (tamu-backend.h). */
gboolean      tamu_store_lock (TamuStore *self,
                               TamuLock   lock,
                               gint64     key,
                               GError   **error);
/* Inside a write: the day lock of @date. */
gboolean      tamu_store_lock_day (TamuStore   *self,
                                   const GDate *date,
                                   GError     **error);

/* Now, in UTC, ISO 8601 ("2024-03-01T01:00:00Z"): for created/updated/audit. */
char         *tamu_store_dup_timestamp (void);

/* Appends one audit row, by the store's actor, inside the current write. */
gboolean      tamu_store_audit (TamuStore  *self,
                                const char *entity,
                                gint64      entity_id,
                                const char *action,
                                const char *field,
                                const char *old_value,
                                const char *new_value,
                                GError    **error);

/* Emits ::changed (in the thread-default main context of the caller). */
void          tamu_store_emit_changed (TamuStore *self);

G_END_DECLS
