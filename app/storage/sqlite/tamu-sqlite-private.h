/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "tamu-backend.h"

G_BEGIN_DECLS

/*
 * The SQLite backend, shared by its files (one per concern).  Nothing
 * outside app/storage/sqlite/ includes this, or sqlite3.h.
 */
typedef struct
{
  TamuBackend  parent;

  sqlite3     *db;
  char        *path;
  GHashTable  *statements;   /* SQL text → sqlite3_stmt*, prepared once */
  int          data_version; /* PRAGMA data_version at the last poll */
} TamuSqliteBackend;

/* A schema step: applied in order inside one transaction, then user_version = version. */
typedef struct
{
  int         version;
  const char *sql;
} TamuSqliteMigration;

/* The migrations, in version order (tamu-sqlite-schema.c). */
const TamuSqliteMigration *tamu_sqlite_get_migrations (guint *out_count);
int                        tamu_sqlite_get_latest_version (void);

/* A prepared statement, cached for the backend's life and reset before
 * returning it.  Never finalize it; bind, step, done. */
sqlite3_stmt *tamu_sqlite_prepare (TamuSqliteBackend *self,
                                   const char        *sql,
                                   GError           **error);
gboolean      tamu_sqlite_exec (TamuSqliteBackend *self,
                                const char        *sql,
                                GError           **error);
/* Sets TAMU_ERROR_STORAGE from the connection's last error; returns FALSE. */
gboolean      tamu_sqlite_set_error (TamuSqliteBackend *self,
                                     GError           **error);
/* Steps a statement that returns no row; FALSE with the error otherwise. */
gboolean      tamu_sqlite_step_done (TamuSqliteBackend *self,
                                     sqlite3_stmt      *stmt,
                                     GError           **error);

/* Binds NULL for NULL or "" text. */
void          tamu_sqlite_bind_text (sqlite3_stmt *stmt,
                                     int           index,
                                     const char   *text);
void          tamu_sqlite_bind_date (sqlite3_stmt *stmt,
                                     int           index,
                                     const GDate  *date);
/* Owned copy of a text column, NULL for SQL NULL. */
char         *tamu_sqlite_dup_text (sqlite3_stmt *stmt,
                                    int           column);
/* A YYYY-MM-DD column; a cleared date for NULL; FALSE when damaged. */
gboolean      tamu_sqlite_read_date (sqlite3_stmt *stmt,
                                     int           column,
                                     GDate        *out);

/* The concerns' operations, filled into the class by tamu-sqlite-backend.c. */
void          tamu_sqlite_bookings_init_class (TamuBackendClass *klass);
void          tamu_sqlite_policy_init_class   (TamuBackendClass *klass);
void          tamu_sqlite_ppid_init_class     (TamuBackendClass *klass);
void          tamu_sqlite_feeds_init_class    (TamuBackendClass *klass);
void          tamu_sqlite_rows_init_class     (TamuBackendClass *klass);

#define TAMU_SQLITE(backend) ((TamuSqliteBackend *) (backend))

G_END_DECLS
