/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "tamu-store.h"

G_BEGIN_DECLS

/*
 * Shared by the tamu-store-*.c files, which each add one concern's verbs to
 * TamuStore.  Nothing outside app/storage/ includes this.
 */
struct _TamuStore
{
  GObject     parent_instance;

  sqlite3    *db;
  char       *path;
  char       *actor;
  GHashTable *statements;   /* SQL text → sqlite3_stmt*, prepared once */
  int         data_version; /* PRAGMA data_version at the last poll */
  int         tx_depth;
};

/* A schema step: applied in order inside one transaction, then user_version = version. */
typedef struct
{
  int         version;
  const char *sql;
} TamuMigration;

/* The migrations, in version order (tamu-store-schema.c). */
const TamuMigration *tamu_store_get_migrations (guint *out_count);
int                  tamu_store_get_schema_version (void);

/* Tests: opens @path migrating only up to @version (to build old databases). */
TamuStore   *tamu_store_open_at_version (const char *path,
                                         int         version,
                                         GError    **error);

/* BEGIN IMMEDIATE: writers take the write lock up front, so the rules they
 * check cannot change under them before they commit. Nests by counting. */
gboolean      tamu_store_begin (TamuStore *self,
                                GError   **error);
gboolean      tamu_store_commit (TamuStore *self,
                                 GError   **error);
/* Aborts the open transaction, if any (a no-op when none is open). */
void          tamu_store_rollback (TamuStore *self);

/* A prepared statement, cached for the store's life and reset before
 * returning it.  Never finalize it; bind, step, done. */
sqlite3_stmt *tamu_store_prepare (TamuStore  *self,
                                  const char *sql,
                                  GError    **error);
gboolean      tamu_store_exec (TamuStore  *self,
                               const char *sql,
                               GError    **error);
/* Sets TAMU_ERROR_STORAGE from the connection's last error; returns FALSE. */
gboolean      tamu_store_set_error (TamuStore *self,
                                    GError   **error);

/* Binds NULL for NULL or "" text. */
void          tamu_store_bind_text (sqlite3_stmt *stmt,
                                    int           index,
                                    const char   *text);
/* Owned copy of a text column, NULL for SQL NULL. */
char         *tamu_store_dup_column_text (sqlite3_stmt *stmt,
                                          int           column);

/* Now, in UTC, ISO 8601 ("2024-03-01T01:00:00Z"): for created/updated/audit. */
char         *tamu_store_dup_timestamp (void);

/* Appends one audit row inside the current transaction. */
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
