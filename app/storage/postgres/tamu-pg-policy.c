/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tamu-pg"

#include "config.h"

#include "tamu-pg-private.h"

/* The office's rules as stored (settings, holidays, topics) and the audit log. */

/* ---- audit ---- */

static gboolean
pg_insert_audit (TamuBackend        *backend,
                 const TamuAuditRow *row,
                 GError            **error)
{
  g_auto(TamuPgParams) params = { 0 };

  tamu_pg_params_text_raw (&params, row->entity);
  tamu_pg_params_int (&params, row->entity_id);
  tamu_pg_params_text_raw (&params, row->action);
  tamu_pg_params_text (&params, row->field);
  /* An empty old or new value is kept as "", so "" → "x" reads right. */
  tamu_pg_params_text_raw (&params, row->old_value);
  tamu_pg_params_text_raw (&params, row->new_value);
  tamu_pg_params_text_raw (&params, row->actor);
  tamu_pg_params_text_raw (&params, row->at);
  return tamu_pg_run (TAMU_PG (backend),
                      "INSERT INTO audit (entity, entity_id, action, field, old_value, new_value,"
                      " actor, at) VALUES ($1, $2::bigint, $3, $4, $5, $6, $7, $8::timestamptz)",
                      &params, error);
}

static GPtrArray *
pg_list_audit (TamuBackend *backend,
               const char  *entity,
               gint64       entity_id,
               GError     **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) tamu_audit_entry_free);
  g_auto(TamuPgParams) params = { 0 };
  g_autoptr(PGresult) result = NULL;

  tamu_pg_params_text_raw (&params, entity);
  tamu_pg_params_int (&params, entity_id);
  result = tamu_pg_exec (TAMU_PG (backend),
                         "SELECT " TAMU_PG_ISO ("at") ", actor, action, field, old_value, new_value, db_user"
                         " FROM audit WHERE entity = $1 AND entity_id = $2::bigint ORDER BY id",
                         &params, error);
  if (result == NULL)
    return NULL;

  for (int i = 0; i < PQntuples (result); i++)
    {
      TamuAuditEntry *entry = g_new0 (TamuAuditEntry, 1);

      entry->at = tamu_pg_dup_text (result, i, 0);
      entry->actor = tamu_pg_dup_text (result, i, 1);
      entry->action = tamu_pg_dup_text (result, i, 2);
      entry->field = tamu_pg_dup_text (result, i, 3);
      entry->old_value = tamu_pg_dup_text (result, i, 4);
      entry->new_value = tamu_pg_dup_text (result, i, 5);
      entry->db_user = tamu_pg_dup_text (result, i, 6);
      g_ptr_array_add (entries, entry);
    }
  return g_steal_pointer (&entries);
}

/* ---- settings ---- */

static GPtrArray *
pg_list_settings (TamuBackend *backend,
                  GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) tamu_setting_row_free);
  g_autoptr(PGresult) result = NULL;

  result = tamu_pg_exec (TAMU_PG (backend), "SELECT key, value FROM settings ORDER BY key", NULL, error);
  if (result == NULL)
    return NULL;
  for (int i = 0; i < PQntuples (result); i++)
    {
      TamuSettingRow *row = g_new0 (TamuSettingRow, 1);

      row->key = tamu_pg_dup_text (result, i, 0);
      row->value = tamu_pg_dup_text (result, i, 1);
      g_ptr_array_add (rows, row);
    }
  return g_steal_pointer (&rows);
}

static gboolean
pg_put_setting (TamuBackend *backend,
                const char  *key,
                const char  *value,
                const char  *updated_at,
                GError     **error)
{
  g_auto(TamuPgParams) params = { 0 };

  tamu_pg_params_text_raw (&params, key);
  tamu_pg_params_text_raw (&params, value != NULL ? value : "");
  tamu_pg_params_text_raw (&params, updated_at);
  return tamu_pg_run (TAMU_PG (backend),
                      "INSERT INTO settings (key, value, updated_at)"
                      " VALUES ($1, $2, coalesce($3::timestamptz, now()))"
                      " ON CONFLICT (key) DO UPDATE SET value = excluded.value,"
                      " updated_at = excluded.updated_at",
                      &params, error);
}

/* ---- holidays ---- */

static GPtrArray *
pg_list_holidays (TamuBackend *backend,
                  int          year,
                  GError     **error)
{
  g_autoptr(GPtrArray) holidays = g_ptr_array_new_with_free_func ((GDestroyNotify) tamu_holiday_free);
  g_auto(TamuPgParams) params = { 0 };
  g_autoptr(PGresult) result = NULL;

  tamu_pg_params_int (&params, year);
  result = tamu_pg_exec (TAMU_PG (backend),
                         "SELECT date, kind, name FROM holidays WHERE removed_at IS NULL"
                         " AND ($1::int = 0 OR (date >= make_date($1::int, 1, 1)"
                         "                      AND date < make_date($1::int + 1, 1, 1)))"
                         " ORDER BY date",
                         &params, error);
  if (result == NULL)
    return NULL;

  for (int i = 0; i < PQntuples (result); i++)
    {
      TamuHolidayKind kind = TAMU_HOLIDAY_NATIONAL;
      GDate date;

      if (!tamu_pg_get_date (result, i, 0, &date) || !g_date_valid (&date))
        continue;
      tamu_holiday_kind_from_string (PQgetvalue (result, i, 1), &kind);
      g_ptr_array_add (holidays, tamu_holiday_new (&date, PQgetvalue (result, i, 2), kind));
    }
  return g_steal_pointer (&holidays);
}

static gboolean
pg_put_holiday (TamuBackend       *backend,
                const TamuHoliday *holiday,
                GError           **error)
{
  g_auto(TamuPgParams) params = { 0 };

  tamu_pg_params_date (&params, &holiday->date);
  tamu_pg_params_text_raw (&params, tamu_holiday_kind_to_string (holiday->kind));
  tamu_pg_params_text_raw (&params, holiday->name);
  return tamu_pg_run (TAMU_PG (backend),
                      "INSERT INTO holidays (date, kind, name) VALUES ($1::date, $2, $3)"
                      " ON CONFLICT (date) DO UPDATE SET kind = excluded.kind,"
                      " name = excluded.name, removed_at = NULL",
                      &params, error);
}

static gboolean
pg_remove_holiday (TamuBackend *backend,
                   const GDate *date,
                   const char  *removed_at,
                   GError     **error)
{
  g_auto(TamuPgParams) params = { 0 };

  tamu_pg_params_text_raw (&params, removed_at);
  tamu_pg_params_date (&params, date);
  return tamu_pg_run (TAMU_PG (backend),
                      "UPDATE holidays SET removed_at = coalesce($1::timestamptz, now())"
                      " WHERE date = $2::date",
                      &params, error);
}

/* ---- topics ---- */

static GPtrArray *
pg_list_topics (TamuBackend *backend,
                GError     **error)
{
  g_autoptr(GPtrArray) topics = g_ptr_array_new_with_free_func ((GDestroyNotify) tamu_topic_free);
  g_autoptr(PGresult) result = NULL;

  /* Aliases travel joined by ";", which a topic or alias cannot contain. */
  result = tamu_pg_exec (TAMU_PG (backend),
                         "SELECT name, full_name, array_to_string(aliases, ';') FROM topics"
                         " WHERE removed_at IS NULL ORDER BY position, name",
                         NULL, error);
  if (result == NULL)
    return NULL;

  for (int i = 0; i < PQntuples (result); i++)
    {
      const char *aliases_text = PQgetvalue (result, i, 2);
      g_autofree char *full_name = tamu_pg_dup_text (result, i, 1);
      g_auto(GStrv) aliases = NULL;

      aliases = *aliases_text != '\0' ? g_strsplit (aliases_text, ";", -1) : g_new0 (char *, 1);
      g_ptr_array_add (topics, tamu_topic_new (PQgetvalue (result, i, 0), full_name,
                                               (const char * const *) aliases));
    }
  return g_steal_pointer (&topics);
}

static gboolean
pg_put_topic (TamuBackend        *backend,
              const char         *name,
              const char         *full_name,
              const char * const *aliases,
              GError            **error)
{
  g_auto(TamuPgParams) params = { 0 };
  g_autofree char *aliases_text = aliases != NULL ? g_strjoinv (";", (char **) aliases) : g_strdup ("");

  tamu_pg_params_text_raw (&params, name);
  tamu_pg_params_text (&params, full_name);
  tamu_pg_params_text_raw (&params, aliases_text);
  return tamu_pg_run (TAMU_PG (backend),
                      "INSERT INTO topics (name, full_name, aliases, position)"
                      " VALUES ($1, $2, string_to_array($3, ';'),"
                      "         (SELECT coalesce(max(position), 0) + 1 FROM topics))"
                      " ON CONFLICT (name) DO UPDATE SET full_name = excluded.full_name,"
                      " aliases = excluded.aliases, removed_at = NULL",
                      &params, error);
}

static gboolean
pg_remove_topic (TamuBackend *backend,
                 const char  *name,
                 const char  *removed_at,
                 GError     **error)
{
  g_auto(TamuPgParams) params = { 0 };

  tamu_pg_params_text_raw (&params, removed_at);
  tamu_pg_params_text_raw (&params, name);
  return tamu_pg_run (TAMU_PG (backend),
                      "UPDATE topics SET removed_at = coalesce($1::timestamptz, now()) WHERE name = $2",
                      &params, error);
}

void
tamu_pg_policy_fill (TamuBackendClass *klass)
{
  klass->insert_audit = pg_insert_audit;
  klass->list_audit = pg_list_audit;
  klass->list_settings = pg_list_settings;
  klass->put_setting = pg_put_setting;
  klass->list_holidays = pg_list_holidays;
  klass->put_holiday = pg_put_holiday;
  klass->remove_holiday = pg_remove_holiday;
  klass->list_topics = pg_list_topics;
  klass->put_topic = pg_put_topic;
  klass->remove_topic = pg_remove_topic;
}
