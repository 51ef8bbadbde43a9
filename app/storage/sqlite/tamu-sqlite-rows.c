/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tamu-sqlite"

#include "config.h"

#include "tamu-error.h"
#include "tamu-sqlite-private.h"

/*
 * Whole tables on SQLite (db copy, db backup).  SQLite keeps every column
 * in the text form of tamu_table_get_info() already (dates, timestamps and
 * aliases are text; integers read back as decimals), so rows travel as
 * they are stored: all bound as text, which the INTEGER columns' affinity
 * turns back into integers.
 */

typedef struct
{
  char *select;
  char *insert;
  char *clear;
} RowsSql;

static gpointer
build_sql (gpointer data)
{
  RowsSql *sql = data;

  for (TamuTable t = 0; t < TAMU_N_TABLES; t++)
    {
      const TamuTableInfo *info = tamu_table_get_info (t);
      g_autoptr(GString) select = g_string_new ("SELECT ");
      g_autoptr(GString) insert = g_string_new (NULL);
      g_autoptr(GString) values = g_string_new (NULL);

      g_string_append_printf (insert, "INSERT INTO %s (", info->name);
      for (guint i = 0; i < info->n_columns; i++)
        {
          const char *sep = i > 0 ? ", " : "";

          g_string_append_printf (select, "%s%s", sep, info->columns[i].name);
          g_string_append_printf (insert, "%s%s", sep, info->columns[i].name);
          g_string_append_printf (values, "%s?%u", sep, i + 1);
        }
      g_string_append_printf (select, " FROM %s ORDER BY ", info->name);
      for (guint i = 0; i < info->n_keys; i++)
        g_string_append_printf (select, "%s%s", i > 0 ? ", " : "", info->columns[i].name);
      g_string_append_printf (insert, ") VALUES (%s)", values->str);

      sql[t].select = g_string_free (g_steal_pointer (&select), FALSE);
      sql[t].insert = g_string_free (g_steal_pointer (&insert), FALSE);
      sql[t].clear = g_strdup_printf ("DELETE FROM %s", info->name);
    }
  return sql;
}

static const RowsSql *
get_sql (TamuTable table)
{
  static RowsSql sql[TAMU_N_TABLES];
  static GOnce once = G_ONCE_INIT;

  g_once (&once, build_sql, sql);
  return &sql[table];
}

static gboolean
sqlite_begin_snapshot (TamuBackend *backend,
                       GError     **error)
{
  /* A deferred transaction reads from one snapshot of the WAL from its
   * first read on, and blocks no writer. */
  return tamu_sqlite_exec (TAMU_SQLITE (backend), "BEGIN DEFERRED", error);
}

static gboolean
sqlite_read_rows (TamuBackend *backend,
                  TamuTable    table,
                  TamuRowFunc  func,
                  gpointer     data,
                  GError     **error)
{
  TamuSqliteBackend *self = TAMU_SQLITE (backend);
  guint n = tamu_table_get_info (table)->n_columns;
  g_autofree const char **values = g_new0 (const char *, n + 1);
  sqlite3_stmt *stmt;
  int rc;

  stmt = tamu_sqlite_prepare (self, get_sql (table)->select, error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (guint i = 0; i < n; i++)
        values[i] = (const char *) sqlite3_column_text (stmt, i);
      if (!func (values, n, data, error))
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return tamu_sqlite_set_error (self, error);
  return TRUE;
}

static gboolean
sqlite_clear_rows (TamuBackend *backend,
                   TamuTable    table,
                   GError     **error)
{
  TamuSqliteBackend *self = TAMU_SQLITE (backend);
  sqlite3_stmt *stmt = tamu_sqlite_prepare (self, get_sql (table)->clear, error);

  return stmt != NULL && tamu_sqlite_step_done (self, stmt, error);
}

static gboolean
sqlite_insert_row (TamuBackend        *backend,
                   TamuTable           table,
                   const char * const *values,
                   guint               n_values,
                   GError            **error)
{
  TamuSqliteBackend *self = TAMU_SQLITE (backend);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (n_values == tamu_table_get_info (table)->n_columns, FALSE);

  stmt = tamu_sqlite_prepare (self, get_sql (table)->insert, error);
  if (stmt == NULL)
    return FALSE;
  /* As given: "" stays "" (audit values), NULL stays NULL. */
  for (guint i = 0; i < n_values; i++)
    if (values[i] == NULL)
      sqlite3_bind_null (stmt, i + 1);
    else
      sqlite3_bind_text (stmt, i + 1, values[i], -1, SQLITE_TRANSIENT);
  return tamu_sqlite_step_done (self, stmt, error);
}

static gboolean
sqlite_finish_rows (TamuBackend *backend,
                    TamuTable    table,
                    GError     **error)
{
  /* INTEGER PRIMARY KEY takes the largest id plus one by itself. */
  return TRUE;
}

void
tamu_sqlite_rows_init_class (TamuBackendClass *klass)
{
  klass->begin_snapshot = sqlite_begin_snapshot;
  klass->read_rows = sqlite_read_rows;
  klass->clear_rows = sqlite_clear_rows;
  klass->insert_row = sqlite_insert_row;
  klass->finish_rows = sqlite_finish_rows;
}
