/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tamu-pg"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tamu-error.h"
#include "tamu-pg-private.h"

/*
 * Whole tables on PostgreSQL (db copy, db backup): native columns turned
 * into the text form of tamu_table_get_info() on the way out, and back on
 * the way in; ids are written as given and the identity sequences moved
 * past them afterwards (finish_rows).  Text keys sort by bytes (COLLATE
 * "C"), as SQLite sorts them, so both engines list rows in one order.
 */

typedef struct
{
  char *select;
  char *insert;
  char *clear;
} RowsSql;

static void
append_output (GString          *sql,
               const TamuColumn *column)
{
  switch (column->type)
    {
    case TAMU_COLUMN_DATE:
      g_string_append_printf (sql, "to_char(\"%s\", 'YYYY-MM-DD')", column->name);
      break;
    case TAMU_COLUMN_TIMESTAMP:
      g_string_append_printf (sql, TAMU_PG_ISO ("\"%s\""), column->name);
      break;
    case TAMU_COLUMN_LIST:
      g_string_append_printf (sql, "array_to_string(\"%s\", ';')", column->name);
      break;
    case TAMU_COLUMN_TEXT:
    case TAMU_COLUMN_INT:
    default:
      g_string_append_printf (sql, "\"%s\"", column->name);
      break;
    }
}

static void
append_input (GString          *sql,
              const TamuColumn *column,
              guint             number)
{
  /* The other parameters take their column's type from the INSERT. */
  if (column->type == TAMU_COLUMN_LIST)
    g_string_append_printf (sql, "string_to_array($%u::text, ';')", number);
  else
    g_string_append_printf (sql, "$%u", number);
}

static gpointer
build_sql (gpointer data)
{
  RowsSql *sql = data;

  for (TamuTable t = 0; t < TAMU_N_TABLES; t++)
    {
      const TamuTableInfo *info = tamu_table_get_info (t);
      g_autoptr(GString) select = g_string_new ("SELECT ");
      g_autoptr(GString) insert = g_string_new (NULL);

      g_string_append_printf (insert, "INSERT INTO %s (", info->name);
      for (guint i = 0; i < info->n_columns; i++)
        {
          const char *sep = i > 0 ? ", " : "";

          g_string_append (select, sep);
          append_output (select, &info->columns[i]);
          g_string_append_printf (insert, "%s\"%s\"", sep, info->columns[i].name);
        }
      g_string_append_printf (select, " FROM %s ORDER BY ", info->name);
      for (guint i = 0; i < info->n_keys; i++)
        g_string_append_printf (select, "%s\"%s\"%s", i > 0 ? ", " : "", info->columns[i].name,
                                info->columns[i].type == TAMU_COLUMN_TEXT ? " COLLATE \"C\"" : "");
      g_string_append (insert, ") OVERRIDING SYSTEM VALUE VALUES ");

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
pg_begin_snapshot (TamuBackend *backend,
                   GError     **error)
{
  TamuPgBackend *self = TAMU_PG (backend);

  g_return_val_if_fail (!self->in_transaction, FALSE);

  /* One snapshot for every statement of the transaction: the tables are
   * read as they were at its first statement, while desks go on booking. */
  if (!backend->klass->check_connection (backend, error) ||
      !tamu_pg_exec_plain (self, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", error))
    return FALSE;
  self->in_transaction = TRUE;
  return TRUE;
}

static gboolean
pg_read_rows (TamuBackend *backend,
              TamuTable    table,
              TamuRowFunc  func,
              gpointer     data,
              GError     **error)
{
  TamuPgBackend *self = TAMU_PG (backend);
  guint n = tamu_table_get_info (table)->n_columns;
  g_autofree const char **values = g_new0 (const char *, n + 1);
  g_autoptr(PGresult) result = NULL;
  int n_rows;

  result = tamu_pg_exec (self, get_sql (table)->select, NULL, error);
  if (result == NULL)
    return FALSE;

  n_rows = PQntuples (result);
  for (int row = 0; row < n_rows; row++)
    {
      for (guint i = 0; i < n; i++)
        values[i] = PQgetisnull (result, row, i) ? NULL : PQgetvalue (result, row, i);
      if (!func (values, n, data, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
pg_clear_rows (TamuBackend *backend,
               TamuTable    table,
               GError     **error)
{
  return tamu_pg_run (TAMU_PG (backend), get_sql (table)->clear, NULL, error);
}

/* Rows sent in one INSERT: few round trips, and far below the protocol's
 * 65,535 parameters for the widest table. */
#define BATCH_ROWS 250

void
tamu_pg_rows_discard (TamuPgBackend *self)
{
  if (self->pending_values != NULL)
    g_ptr_array_set_size (self->pending_values, 0);
  self->pending_rows = 0;
}

/* Says what the schema refused in the rows just sent. */
static void
set_refused (TamuPgBackend  *self,
             TamuTable       table,
             const PGresult *result,
             GError        **error)
{
  const char *detail = PQresultErrorField (result, PG_DIAG_MESSAGE_DETAIL);
  g_autofree char *what = g_strdup (detail != NULL ? detail : "");

  g_strdelimit (what, "\n", ' ');
  g_strstrip (what);
  if (tamu_pg_last_failure_is (self, "23P01", "bookings_no_overlap"))
    g_set_error (error, TAMU_ERROR, TAMU_ERROR_REFUSED,
                 _("database: two active bookings hold one room at one time (%s); "
                   "the server refuses overlapping bookings (%s)"), what, self->identity);
  else
    g_set_error (error, TAMU_ERROR, TAMU_ERROR_REFUSED,
                 _("database: a row of %s breaks the rule %s of the server's schema (%s)"),
                 tamu_table_get_info (table)->name,
                 self->last_constraint != NULL ? self->last_constraint : self->last_state,
                 self->identity);
}

/* Sends the rows held back, as one INSERT. */
static gboolean
flush_rows (TamuPgBackend *self,
            GError       **error)
{
  const TamuTableInfo *info;
  g_autoptr(GString) sql = NULL;
  g_autoptr(PGresult) result = NULL;
  g_autoptr(GError) local_error = NULL;
  guint n = 0;

  if (self->pending_rows == 0)
    return TRUE;

  info = tamu_table_get_info (self->pending_table);
  sql = g_string_new (get_sql (self->pending_table)->insert);
  for (guint row = 0; row < self->pending_rows; row++)
    {
      g_string_append (sql, row > 0 ? ", (" : "(");
      for (guint i = 0; i < info->n_columns; i++)
        {
          if (i > 0)
            g_string_append (sql, ", ");
          append_input (sql, &info->columns[i], ++n);
        }
      g_string_append_c (sql, ')');
    }

  /* Unnamed: the statement differs with the number of rows; as text, as
   * given ("" stays "", NULL stays NULL). */
  result = PQexecParams (self->conn, sql->str, (int) n, NULL,
                         (const char * const *) self->pending_values->pdata, NULL, NULL, 0);
  tamu_pg_rows_discard (self);
  if (result != NULL && PQresultStatus (result) == PGRES_COMMAND_OK)
    return TRUE;

  tamu_pg_set_error (self, result, &local_error);
  /* Nobody else writes here during a copy: what the schema's constraints
   * refuse is said as such, not as another desk's conflict. */
  if (g_str_has_prefix (self->last_state, "23"))
    {
      set_refused (self, self->pending_table, result, error);
      return FALSE;
    }
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

static gboolean
pg_insert_row (TamuBackend        *backend,
               TamuTable           table,
               const char * const *values,
               guint               n_values,
               GError            **error)
{
  TamuPgBackend *self = TAMU_PG (backend);

  g_return_val_if_fail (n_values == tamu_table_get_info (table)->n_columns, FALSE);
  g_return_val_if_fail (self->in_transaction, FALSE);

  if (self->pending_rows > 0 && self->pending_table != table && !flush_rows (self, error))
    return FALSE;
  if (self->pending_values == NULL)
    self->pending_values = g_ptr_array_new_with_free_func (g_free);
  self->pending_table = table;
  for (guint i = 0; i < n_values; i++)
    g_ptr_array_add (self->pending_values, g_strdup (values[i]));
  self->pending_rows++;
  return self->pending_rows < BATCH_ROWS || flush_rows (self, error);
}

static gboolean
pg_finish_rows (TamuBackend *backend,
                TamuTable    table,
                GError     **error)
{
  static const char * const set_ids[TAMU_N_TABLES] = {
    [TAMU_TABLE_BOOKINGS] = "SELECT setval(pg_get_serial_sequence('tamu.bookings', 'id'),"
                            " coalesce(max(id), 0) + 1, false) FROM tamu.bookings",
    [TAMU_TABLE_AUDIT] = "SELECT setval(pg_get_serial_sequence('tamu.audit', 'id'),"
                         " coalesce(max(id), 0) + 1, false) FROM tamu.audit",
    [TAMU_TABLE_PPID_REQUESTS] = "SELECT setval(pg_get_serial_sequence('tamu.ppid_requests', 'id'),"
                                 " coalesce(max(id), 0) + 1, false) FROM tamu.ppid_requests",
    [TAMU_TABLE_FEEDS] = "SELECT setval(pg_get_serial_sequence('tamu.feeds', 'id'),"
                         " coalesce(max(id), 0) + 1, false) FROM tamu.feeds",
  };
  TamuPgBackend *self = TAMU_PG (backend);

  if (!flush_rows (self, error))
    return FALSE;
  /* Identity columns do not look at the ids written over them. */
  return set_ids[table] == NULL || tamu_pg_run (self, set_ids[table], NULL, error);
}

void
tamu_pg_rows_fill (TamuBackendClass *klass)
{
  klass->begin_snapshot = pg_begin_snapshot;
  klass->read_rows = pg_read_rows;
  klass->clear_rows = pg_clear_rows;
  klass->insert_row = pg_insert_row;
  klass->finish_rows = pg_finish_rows;
}
