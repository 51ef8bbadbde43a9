/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tamu-sqlite"

#include "config.h"

#include "tamu-parse.h"
#include "tamu-sqlite-private.h"

/* The office's rules (settings, holidays, topics) and the audit log on SQLite. */

static GPtrArray *
sqlite_list_settings (TamuBackend *backend,
                      GError     **error)
{
  TamuSqliteBackend *self = TAMU_SQLITE (backend);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) tamu_setting_row_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = tamu_sqlite_prepare (self, "SELECT key, value FROM settings", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TamuSettingRow *row = g_new0 (TamuSettingRow, 1);

      row->key = tamu_sqlite_dup_text (stmt, 0);
      row->value = tamu_sqlite_dup_text (stmt, 1);
      g_ptr_array_add (rows, row);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      tamu_sqlite_set_error (self, error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

static gboolean
sqlite_put_setting (TamuBackend *backend,
                    const char  *key,
                    const char  *value,
                    const char  *updated_at,
                    GError     **error)
{
  TamuSqliteBackend *self = TAMU_SQLITE (backend);
  sqlite3_stmt *stmt;

  stmt = tamu_sqlite_prepare (self,
                              "INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) "
                              "ON CONFLICT (key) DO UPDATE SET value = excluded.value, "
                              "updated_at = excluded.updated_at", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, updated_at, -1, SQLITE_TRANSIENT);
  return tamu_sqlite_step_done (self, stmt, error);
}

/* ---- holidays ---- */

static GPtrArray *
sqlite_list_holidays (TamuBackend *backend,
                      int          year,
                      GError     **error)
{
  TamuSqliteBackend *self = TAMU_SQLITE (backend);
  g_autoptr(GPtrArray) holidays = g_ptr_array_new_with_free_func ((GDestroyNotify) tamu_holiday_free);
  g_autofree char *prefix = year > 0 ? g_strdup_printf ("%04d-%%", year) : g_strdup ("%");
  sqlite3_stmt *stmt;
  int rc;

  stmt = tamu_sqlite_prepare (self,
                              "SELECT date, kind, name FROM holidays "
                              "WHERE removed_at IS NULL AND date LIKE ? ORDER BY date", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, prefix, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TamuHolidayKind kind = TAMU_HOLIDAY_NATIONAL;
      GDate date;

      if (!tamu_sqlite_read_date (stmt, 0, &date) || !g_date_valid (&date))
        continue;
      tamu_holiday_kind_from_string ((const char *) sqlite3_column_text (stmt, 1), &kind);
      g_ptr_array_add (holidays,
                       tamu_holiday_new (&date, (const char *) sqlite3_column_text (stmt, 2), kind));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      tamu_sqlite_set_error (self, error);
      return NULL;
    }

  return g_steal_pointer (&holidays);
}

static gboolean
sqlite_put_holiday (TamuBackend       *backend,
                    const TamuHoliday *holiday,
                    GError           **error)
{
  TamuSqliteBackend *self = TAMU_SQLITE (backend);
  sqlite3_stmt *stmt;

  stmt = tamu_sqlite_prepare (self,
                              "INSERT INTO holidays (date, kind, name) VALUES (?, ?, ?) "
                              "ON CONFLICT (date) DO UPDATE SET kind = excluded.kind, "
                              "name = excluded.name, removed_at = NULL", error);
  if (stmt == NULL)
    return FALSE;
  tamu_sqlite_bind_date (stmt, 1, &holiday->date);
  sqlite3_bind_text (stmt, 2, tamu_holiday_kind_to_string (holiday->kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, holiday->name, -1, SQLITE_TRANSIENT);
  return tamu_sqlite_step_done (self, stmt, error);
}

static gboolean
sqlite_remove_holiday (TamuBackend *backend,
                       const GDate *date,
                       const char  *removed_at,
                       GError     **error)
{
  TamuSqliteBackend *self = TAMU_SQLITE (backend);
  sqlite3_stmt *stmt;

  stmt = tamu_sqlite_prepare (self, "UPDATE holidays SET removed_at = ? WHERE date = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, removed_at, -1, SQLITE_TRANSIENT);
  tamu_sqlite_bind_date (stmt, 2, date);
  return tamu_sqlite_step_done (self, stmt, error);
}

/* ---- topics ---- */

static GPtrArray *
sqlite_list_topics (TamuBackend *backend,
                    GError     **error)
{
  TamuSqliteBackend *self = TAMU_SQLITE (backend);
  g_autoptr(GPtrArray) topics = g_ptr_array_new_with_free_func ((GDestroyNotify) tamu_topic_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = tamu_sqlite_prepare (self,
                              "SELECT name, full_name, aliases FROM topics "
                              "WHERE removed_at IS NULL ORDER BY position, name", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *aliases_text = (const char *) sqlite3_column_text (stmt, 2);
      g_auto(GStrv) aliases = NULL;

      aliases = aliases_text != NULL && *aliases_text != '\0'
                ? g_strsplit (aliases_text, ";", -1) : g_new0 (char *, 1);
      g_ptr_array_add (topics, tamu_topic_new ((const char *) sqlite3_column_text (stmt, 0),
                                               (const char *) sqlite3_column_text (stmt, 1),
                                               (const char * const *) aliases));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      tamu_sqlite_set_error (self, error);
      return NULL;
    }

  return g_steal_pointer (&topics);
}

static gboolean
sqlite_put_topic (TamuBackend        *backend,
                  const char         *name,
                  const char         *full_name,
                  const char * const *aliases,
                  GError            **error)
{
  TamuSqliteBackend *self = TAMU_SQLITE (backend);
  g_autofree char *aliases_text = aliases != NULL ? g_strjoinv (";", (char **) aliases) : g_strdup ("");
  sqlite3_stmt *stmt;

  stmt = tamu_sqlite_prepare (self,
                              "INSERT INTO topics (name, full_name, aliases, position) "
                              "VALUES (?1, ?2, ?3, (SELECT coalesce(max(position), -1) + 1 FROM topics)) "
                              "ON CONFLICT (name) DO UPDATE SET full_name = ?2, aliases = ?3, removed_at = NULL",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  tamu_sqlite_bind_text (stmt, 2, full_name);
  sqlite3_bind_text (stmt, 3, aliases_text, -1, SQLITE_TRANSIENT);
  return tamu_sqlite_step_done (self, stmt, error);
}

static gboolean
sqlite_remove_topic (TamuBackend *backend,
                     const char  *name,
                     const char  *removed_at,
                     GError     **error)
{
  TamuSqliteBackend *self = TAMU_SQLITE (backend);
  sqlite3_stmt *stmt;

  stmt = tamu_sqlite_prepare (self, "UPDATE topics SET removed_at = ? WHERE name = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, removed_at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  return tamu_sqlite_step_done (self, stmt, error);
}

/* ---- audit ---- */

static gboolean
sqlite_insert_audit (TamuBackend        *backend,
                     const TamuAuditRow *row,
                     GError            **error)
{
  TamuSqliteBackend *self = TAMU_SQLITE (backend);
  sqlite3_stmt *stmt;

  stmt = tamu_sqlite_prepare (self,
                              "INSERT INTO audit (entity, entity_id, action, field, old_value, "
                              "new_value, actor, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, row->entity, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, row->entity_id);
  sqlite3_bind_text (stmt, 3, row->action, -1, SQLITE_TRANSIENT);
  tamu_sqlite_bind_text (stmt, 4, row->field);
  /* An empty old or new value is kept as "", so "" → "x" reads right. */
  if (row->old_value != NULL)
    sqlite3_bind_text (stmt, 5, row->old_value, -1, SQLITE_TRANSIENT);
  if (row->new_value != NULL)
    sqlite3_bind_text (stmt, 6, row->new_value, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, row->actor, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, row->at, -1, SQLITE_TRANSIENT);
  return tamu_sqlite_step_done (self, stmt, error);
}

static GPtrArray *
sqlite_list_audit (TamuBackend *backend,
                   const char  *entity,
                   gint64       entity_id,
                   GError     **error)
{
  TamuSqliteBackend *self = TAMU_SQLITE (backend);
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) tamu_audit_entry_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = tamu_sqlite_prepare (self,
                              "SELECT at, actor, action, field, old_value, new_value FROM audit "
                              "WHERE entity = ? AND entity_id = ? ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, entity, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, entity_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TamuAuditEntry *entry = g_new0 (TamuAuditEntry, 1);

      entry->at = tamu_sqlite_dup_text (stmt, 0);
      entry->actor = tamu_sqlite_dup_text (stmt, 1);
      entry->action = tamu_sqlite_dup_text (stmt, 2);
      entry->field = tamu_sqlite_dup_text (stmt, 3);
      entry->old_value = tamu_sqlite_dup_text (stmt, 4);
      entry->new_value = tamu_sqlite_dup_text (stmt, 5);
      g_ptr_array_add (entries, entry);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      tamu_sqlite_set_error (self, error);
      return NULL;
    }
  return g_steal_pointer (&entries);
}

void
tamu_sqlite_policy_init_class (TamuBackendClass *klass)
{
  klass->list_settings = sqlite_list_settings;
  klass->put_setting = sqlite_put_setting;
  klass->list_holidays = sqlite_list_holidays;
  klass->put_holiday = sqlite_put_holiday;
  klass->remove_holiday = sqlite_remove_holiday;
  klass->list_topics = sqlite_list_topics;
  klass->put_topic = sqlite_put_topic;
  klass->remove_topic = sqlite_remove_topic;
  klass->insert_audit = sqlite_insert_audit;
  klass->list_audit = sqlite_list_audit;
}
