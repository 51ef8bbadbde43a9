/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tamu-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "tamu-error.h"
#include "tamu-parse.h"
#include "tamu-store-private.h"

/* The office's rules: settings, holidays and topics, shared by every desk. */

TamuPolicy *
tamu_store_load_policy (TamuStore *self,
                        GError   **error)
{
  g_autoptr(TamuPolicy) policy = tamu_policy_new_default ();
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TAMU_IS_STORE (self), NULL);

  stmt = tamu_store_prepare (self, "SELECT key, value FROM settings", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *key = (const char *) sqlite3_column_text (stmt, 0);
      const char *value = (const char *) sqlite3_column_text (stmt, 1);
      g_autoptr(GError) local_error = NULL;

      /* A key this version does not know (written by a newer one) is kept
       * in the table but not applied. */
      if (tamu_policy_find_setting (key) == NULL)
        continue;
      if (!tamu_policy_apply_setting (policy, key, value, NULL, &local_error))
        g_warning ("setting %s has an invalid value in the database, using the default: %s",
                   key, local_error->message);
    }
  if (rc != SQLITE_DONE)
    {
      tamu_store_set_error (self, error);
      return NULL;
    }

  return g_steal_pointer (&policy);
}

char *
tamu_store_get_setting (TamuStore  *self,
                        const char *key,
                        GError    **error)
{
  const TamuSettingSpec *spec;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TAMU_IS_STORE (self), NULL);

  spec = tamu_policy_find_setting (key);
  if (spec == NULL)
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_NOT_FOUND, _("%s: no such setting"), key);
      return NULL;
    }

  stmt = tamu_store_prepare (self, "SELECT value FROM settings WHERE key = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return tamu_store_dup_column_text (stmt, 0);

  return g_strdup (spec->default_value);
}

gboolean
tamu_store_set_setting (TamuStore  *self,
                        const char *key,
                        const char *value,
                        GError    **error)
{
  g_autoptr(TamuPolicy) policy = NULL;
  g_autofree char *normalized = NULL;
  g_autofree char *old_value = NULL;
  g_autofree char *now = tamu_store_dup_timestamp ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TAMU_IS_STORE (self), FALSE);

  if (!tamu_store_begin (self, error))
    return FALSE;

  /* Validate against the rules in force inside the transaction, so a
   * combined check (a break inside the hours) sees the other desk's values. */
  policy = tamu_store_load_policy (self, error);
  if (policy == NULL ||
      !tamu_policy_apply_setting (policy, key, value, &normalized, error) ||
      (old_value = tamu_store_get_setting (self, key, error)) == NULL)
    {
      tamu_store_rollback (self);
      return FALSE;
    }

  if (g_strcmp0 (old_value, normalized) == 0)
    {
      tamu_store_rollback (self);
      return TRUE;
    }

  stmt = tamu_store_prepare (self,
                             "INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) "
                             "ON CONFLICT (key) DO UPDATE SET value = excluded.value, "
                             "updated_at = excluded.updated_at", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, normalized, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      tamu_store_set_error (self, error);
      goto failed;
    }

  if (!tamu_store_audit (self, "setting", 0, "set", key, old_value, normalized, error) ||
      !tamu_store_commit (self, error))
    goto failed;

  tamu_store_emit_changed (self);
  return TRUE;

failed:
  tamu_store_rollback (self);
  return FALSE;
}

/* ---- holidays ---- */

static gboolean
date_from_column (sqlite3_stmt *stmt,
                  int           column,
                  GDate        *out)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return tamu_parse_date ("date", text, out, NULL);
}

GPtrArray *
tamu_store_list_holidays (TamuStore *self,
                          int        year,
                          GError   **error)
{
  g_autoptr(GPtrArray) holidays = g_ptr_array_new_with_free_func ((GDestroyNotify) tamu_holiday_free);
  g_autofree char *prefix = year > 0 ? g_strdup_printf ("%04d-%%", year) : g_strdup ("%");
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TAMU_IS_STORE (self), NULL);

  stmt = tamu_store_prepare (self,
                             "SELECT date, kind, name FROM holidays "
                             "WHERE removed_at IS NULL AND date LIKE ? ORDER BY date", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, prefix, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TamuHolidayKind kind = TAMU_HOLIDAY_NATIONAL;
      GDate date;

      if (!date_from_column (stmt, 0, &date))
        continue;
      tamu_holiday_kind_from_string ((const char *) sqlite3_column_text (stmt, 1), &kind);
      g_ptr_array_add (holidays,
                       tamu_holiday_new (&date, (const char *) sqlite3_column_text (stmt, 2), kind));
    }
  if (rc != SQLITE_DONE)
    {
      tamu_store_set_error (self, error);
      return NULL;
    }

  return g_steal_pointer (&holidays);
}

TamuCalendar *
tamu_store_load_calendar (TamuStore *self,
                          GError   **error)
{
  g_autoptr(GPtrArray) holidays = tamu_store_list_holidays (self, 0, error);
  TamuCalendar *calendar;

  if (holidays == NULL)
    return NULL;

  calendar = tamu_calendar_new ();
  for (guint i = 0; i < holidays->len; i++)
    {
      TamuHoliday *holiday = g_ptr_array_index (holidays, i);

      tamu_calendar_add (calendar, &holiday->date, holiday->name, holiday->kind);
    }
  return calendar;
}

/* The name of the holiday on @iso_date, or NULL in @out_name when there is none. */
static gboolean
lookup_holiday_name (TamuStore  *self,
                     const char *iso_date,
                     char      **out_name,
                     GError    **error)
{
  sqlite3_stmt *stmt;

  *out_name = NULL;
  stmt = tamu_store_prepare (self, "SELECT name FROM holidays WHERE date = ? AND removed_at IS NULL",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, iso_date, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    *out_name = tamu_store_dup_column_text (stmt, 0);
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
put_holiday (TamuStore             *self,
             const TamuHoliday     *holiday,
             GError               **error)
{
  g_autofree char *date = tamu_format_date_iso (&holiday->date);
  g_autofree char *old_name = NULL;
  g_autofree char *new_value = NULL;
  sqlite3_stmt *stmt;

  if (holiday->name == NULL || *g_strstrip (holiday->name) == '\0')
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID, _("name: a holiday needs a name"));
      return FALSE;
    }

  if (!lookup_holiday_name (self, date, &old_name, error))
    return FALSE;

  stmt = tamu_store_prepare (self,
                             "INSERT INTO holidays (date, kind, name) VALUES (?, ?, ?) "
                             "ON CONFLICT (date) DO UPDATE SET kind = excluded.kind, "
                             "name = excluded.name, removed_at = NULL", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, tamu_holiday_kind_to_string (holiday->kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, holiday->name, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return tamu_store_set_error (self, error);

  new_value = g_strdup_printf ("%s (%s)", holiday->name, tamu_holiday_kind_to_string (holiday->kind));
  return tamu_store_audit (self, "holiday", g_date_get_julian (&holiday->date), "add", date,
                           old_name, new_value, error);
}

gboolean
tamu_store_add_holidays (TamuStore *self,
                         GPtrArray *holidays,
                         GError   **error)
{
  g_return_val_if_fail (TAMU_IS_STORE (self), FALSE);

  if (!tamu_store_begin (self, error))
    return FALSE;

  for (guint i = 0; i < holidays->len; i++)
    if (!put_holiday (self, g_ptr_array_index (holidays, i), error))
      {
        tamu_store_rollback (self);
        return FALSE;
      }

  if (!tamu_store_commit (self, error))
    return FALSE;
  tamu_store_emit_changed (self);
  return TRUE;
}

gboolean
tamu_store_add_holiday (TamuStore      *self,
                        const GDate    *date,
                        const char     *name,
                        TamuHolidayKind kind,
                        GError        **error)
{
  g_autoptr(GPtrArray) one = g_ptr_array_new_with_free_func ((GDestroyNotify) tamu_holiday_free);

  g_ptr_array_add (one, tamu_holiday_new (date, name, kind));
  return tamu_store_add_holidays (self, one, error);
}

gboolean
tamu_store_remove_holiday (TamuStore   *self,
                           const GDate *date,
                           GError     **error)
{
  g_autofree char *iso = tamu_format_date_iso (date);
  g_autofree char *now = tamu_store_dup_timestamp ();
  g_autofree char *old_name = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TAMU_IS_STORE (self), FALSE);

  if (!tamu_store_begin (self, error))
    return FALSE;

  if (!lookup_holiday_name (self, iso, &old_name, error))
    goto failed;
  if (old_name == NULL)
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_NOT_FOUND, _("date: %s is not a holiday"), iso);
      goto failed;
    }

  /* Soft delete: the row stays for the audit trail. */
  stmt = tamu_store_prepare (self, "UPDATE holidays SET removed_at = ? WHERE date = ?", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, iso, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      tamu_store_set_error (self, error);
      goto failed;
    }

  if (!tamu_store_audit (self, "holiday", g_date_get_julian (date), "remove", iso, old_name, NULL, error) ||
      !tamu_store_commit (self, error))
    goto failed;

  tamu_store_emit_changed (self);
  return TRUE;

failed:
  tamu_store_rollback (self);
  return FALSE;
}

/* ---- topics ---- */

GPtrArray *
tamu_store_load_topics (TamuStore *self,
                        GError   **error)
{
  g_autoptr(GPtrArray) topics = g_ptr_array_new_with_free_func ((GDestroyNotify) tamu_topic_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TAMU_IS_STORE (self), NULL);

  stmt = tamu_store_prepare (self,
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
  if (rc != SQLITE_DONE)
    {
      tamu_store_set_error (self, error);
      return NULL;
    }

  return g_steal_pointer (&topics);
}

gboolean
tamu_store_add_topic (TamuStore          *self,
                      const char         *name,
                      const char         *full_name,
                      const char * const *aliases,
                      GError            **error)
{
  g_autoptr(GPtrArray) topics = NULL;
  g_autofree char *aliases_text = NULL;
  g_autofree char *clean_name = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TAMU_IS_STORE (self), FALSE);

  clean_name = g_strstrip (g_strdup (name != NULL ? name : ""));
  if (*clean_name == '\0' || strpbrk (clean_name, ",;") != NULL)
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                   _("topic: a topic needs a name without “,” or “;”"));
      return FALSE;
    }
  for (guint i = 0; aliases != NULL && aliases[i] != NULL; i++)
    if (strpbrk (aliases[i], ",;") != NULL)
      {
        g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                     _("alias: “%s” may not contain “,” or “;”"), aliases[i]);
        return FALSE;
      }

  if (!tamu_store_begin (self, error))
    return FALSE;

  topics = tamu_store_load_topics (self, error);
  if (topics == NULL)
    goto failed;
  if (tamu_topics_match (topics, clean_name) != NULL)
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_REFUSED,
                   _("topic: “%s” already names a topic"), clean_name);
      goto failed;
    }
  for (guint i = 0; aliases != NULL && aliases[i] != NULL; i++)
    if (tamu_topics_match (topics, aliases[i]) != NULL)
      {
        g_set_error (error, TAMU_ERROR, TAMU_ERROR_REFUSED,
                     _("alias: “%s” already names a topic"), aliases[i]);
        goto failed;
      }

  aliases_text = aliases != NULL ? g_strjoinv (";", (char **) aliases) : g_strdup ("");
  stmt = tamu_store_prepare (self,
                             "INSERT INTO topics (name, full_name, aliases, position) "
                             "VALUES (?1, ?2, ?3, (SELECT coalesce(max(position), 0) + 1 FROM topics)) "
                             "ON CONFLICT (name) DO UPDATE SET full_name = ?2, aliases = ?3, removed_at = NULL",
                             error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, clean_name, -1, SQLITE_TRANSIENT);
  tamu_store_bind_text (stmt, 2, full_name);
  sqlite3_bind_text (stmt, 3, aliases_text, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      tamu_store_set_error (self, error);
      goto failed;
    }

  if (!tamu_store_audit (self, "topic", 0, "add", clean_name, NULL, aliases_text, error) ||
      !tamu_store_commit (self, error))
    goto failed;

  tamu_store_emit_changed (self);
  return TRUE;

failed:
  tamu_store_rollback (self);
  return FALSE;
}

gboolean
tamu_store_remove_topic (TamuStore  *self,
                         const char *name,
                         GError    **error)
{
  g_autoptr(GPtrArray) topics = NULL;
  g_autofree char *now = tamu_store_dup_timestamp ();
  const TamuTopic *topic;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TAMU_IS_STORE (self), FALSE);

  if (!tamu_store_begin (self, error))
    return FALSE;

  topics = tamu_store_load_topics (self, error);
  if (topics == NULL)
    goto failed;
  topic = tamu_topics_match (topics, name);
  if (topic == NULL)
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_NOT_FOUND, _("topic: “%s” is not a topic"), name);
      goto failed;
    }

  /* Bookings keep the name they were booked with; the topic only stops
   * being offered and accepted for new bookings. */
  stmt = tamu_store_prepare (self, "UPDATE topics SET removed_at = ? WHERE name = ?", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, topic->name, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      tamu_store_set_error (self, error);
      goto failed;
    }

  if (!tamu_store_audit (self, "topic", 0, "remove", topic->name, topic->name, NULL, error) ||
      !tamu_store_commit (self, error))
    goto failed;

  tamu_store_emit_changed (self);
  return TRUE;

failed:
  tamu_store_rollback (self);
  return FALSE;
}
