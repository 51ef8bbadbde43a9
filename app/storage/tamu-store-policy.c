/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tamu-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "tamu-error.h"
#include "tamu-fields.h"
#include "tamu-parse.h"
#include "tamu-store-private.h"

/* The office's rules: settings, holidays and topics, shared by every desk.
 * Changing one takes the office lock, which every booking write holds
 * shared while it checks against them. */

TamuPolicy *
tamu_store_load_policy (TamuStore *self,
                        GError   **error)
{
  g_autoptr(TamuPolicy) policy = tamu_policy_new_default ();
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (TAMU_IS_STORE (self), NULL);

  rows = TAMU_BACKEND_CALL (self, list_settings, error);
  if (rows == NULL)
    return NULL;

  for (guint i = 0; i < rows->len; i++)
    {
      TamuSettingRow *row = g_ptr_array_index (rows, i);
      g_autoptr(GError) local_error = NULL;

      /* A key this version does not know (written by a newer one) is kept
       * in the table but not applied. */
      if (tamu_policy_find_setting (row->key) == NULL)
        continue;
      if (!tamu_policy_apply_setting (policy, row->key, row->value, NULL, &local_error))
        g_warning ("setting %s has an invalid value in the database, using the default: %s",
                   row->key, local_error->message);
    }

  return g_steal_pointer (&policy);
}

char *
tamu_store_get_setting (TamuStore  *self,
                        const char *key,
                        GError    **error)
{
  const TamuSettingSpec *spec;
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (TAMU_IS_STORE (self), NULL);

  spec = tamu_policy_find_setting (key);
  if (spec == NULL)
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_NOT_FOUND, _("%s: no such setting"), key);
      return NULL;
    }

  rows = TAMU_BACKEND_CALL (self, list_settings, error);
  if (rows == NULL)
    return NULL;
  for (guint i = 0; i < rows->len; i++)
    {
      TamuSettingRow *row = g_ptr_array_index (rows, i);

      if (g_str_equal (row->key, key))
        return g_strdup (row->value);
    }

  return g_strdup (spec->default_value);
}

typedef struct
{
  const char *key;
  const char *value;
} SetSetting;

static TamuWriteResult
set_setting (TamuStore *self,
             gpointer   user_data,
             GError   **error)
{
  SetSetting *data = user_data;
  g_autoptr(TamuPolicy) policy = NULL;
  g_autofree char *normalized = NULL;
  g_autofree char *old_value = NULL;
  g_autofree char *now = tamu_store_dup_timestamp ();

  if (!tamu_store_lock (self, TAMU_LOCK_OFFICE, 0, error))
    return TAMU_WRITE_FAILED;

  /* Validate against the rules in force inside the transaction, so a
   * combined check (a break inside the hours) sees the other desk's values. */
  policy = tamu_store_load_policy (self, error);
  if (policy == NULL ||
      !tamu_policy_apply_setting (policy, data->key, data->value, &normalized, error) ||
      (old_value = tamu_store_get_setting (self, data->key, error)) == NULL)
    return TAMU_WRITE_FAILED;

  if (g_strcmp0 (old_value, normalized) == 0)
    return TAMU_WRITE_DISCARD;

  if (!TAMU_BACKEND_CALL (self, put_setting, data->key, normalized, now, error) ||
      !tamu_store_audit (self, "setting", 0, "set", data->key, old_value, normalized, error))
    return TAMU_WRITE_FAILED;
  return TAMU_WRITE_COMMIT;
}

gboolean
tamu_store_set_setting (TamuStore  *self,
                        const char *key,
                        const char *value,
                        GError    **error)
{
  SetSetting data = { key, value };

  g_return_val_if_fail (TAMU_IS_STORE (self), FALSE);

  return tamu_store_write (self, set_setting, &data, error);
}

/* ---- holidays ---- */

GPtrArray *
tamu_store_list_holidays (TamuStore *self,
                          int        year,
                          GError   **error)
{
  g_return_val_if_fail (TAMU_IS_STORE (self), NULL);

  return TAMU_BACKEND_CALL (self, list_holidays, year, error);
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

/* The name of the holiday on @date, or NULL in @out_name when there is none. */
static gboolean
lookup_holiday_name (TamuStore   *self,
                     const GDate *date,
                     char       **out_name,
                     GError     **error)
{
  g_autoptr(GPtrArray) holidays = tamu_store_list_holidays (self, g_date_get_year (date), error);

  *out_name = NULL;
  if (holidays == NULL)
    return FALSE;
  for (guint i = 0; i < holidays->len; i++)
    {
      TamuHoliday *holiday = g_ptr_array_index (holidays, i);

      if (g_date_compare (&holiday->date, date) == 0)
        {
          *out_name = g_strdup (holiday->name);
          break;
        }
    }
  return TRUE;
}

static gboolean
put_holiday (TamuStore         *self,
             const TamuHoliday *holiday,
             GError           **error)
{
  g_autofree char *date = tamu_format_date_iso (&holiday->date);
  g_autofree char *old_name = NULL;
  g_autofree char *new_value = NULL;

  if (holiday->name == NULL || *g_strstrip (holiday->name) == '\0')
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID, _("name: a holiday needs a name"));
      return FALSE;
    }
  /* The same rules on every path that names a holiday: the window too. */
  if (!tamu_fields_check_name ("name", holiday->name, error))
    return FALSE;

  if (!lookup_holiday_name (self, &holiday->date, &old_name, error) ||
      !TAMU_BACKEND_CALL (self, put_holiday, holiday, error))
    return FALSE;

  new_value = g_strdup_printf ("%s (%s)", holiday->name, tamu_holiday_kind_to_string (holiday->kind));
  return tamu_store_audit (self, "holiday", g_date_get_julian (&holiday->date), "add", date,
                           old_name, new_value, error);
}

static TamuWriteResult
add_holidays (TamuStore *self,
              gpointer   user_data,
              GError   **error)
{
  GPtrArray *holidays = user_data;

  if (!tamu_store_lock (self, TAMU_LOCK_OFFICE, 0, error))
    return TAMU_WRITE_FAILED;
  for (guint i = 0; i < holidays->len; i++)
    if (!put_holiday (self, g_ptr_array_index (holidays, i), error))
      return TAMU_WRITE_FAILED;
  return TAMU_WRITE_COMMIT;
}

gboolean
tamu_store_add_holidays (TamuStore *self,
                         GPtrArray *holidays,
                         GError   **error)
{
  g_return_val_if_fail (TAMU_IS_STORE (self), FALSE);

  return tamu_store_write (self, add_holidays, holidays, error);
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

static TamuWriteResult
remove_holiday (TamuStore *self,
                gpointer   user_data,
                GError   **error)
{
  const GDate *date = user_data;
  g_autofree char *iso = tamu_format_date_iso (date);
  g_autofree char *now = tamu_store_dup_timestamp ();
  g_autofree char *old_name = NULL;

  if (!tamu_store_lock (self, TAMU_LOCK_OFFICE, 0, error) ||
      !lookup_holiday_name (self, date, &old_name, error))
    return TAMU_WRITE_FAILED;
  if (old_name == NULL)
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_NOT_FOUND, _("date: %s is not a holiday"), iso);
      return TAMU_WRITE_FAILED;
    }

  /* Soft delete: the row stays for the audit trail. */
  if (!TAMU_BACKEND_CALL (self, remove_holiday, date, now, error) ||
      !tamu_store_audit (self, "holiday", g_date_get_julian (date), "remove", iso, old_name, NULL, error))
    return TAMU_WRITE_FAILED;
  return TAMU_WRITE_COMMIT;
}

gboolean
tamu_store_remove_holiday (TamuStore   *self,
                           const GDate *date,
                           GError     **error)
{
  g_return_val_if_fail (TAMU_IS_STORE (self), FALSE);

  return tamu_store_write (self, remove_holiday, (gpointer) date, error);
}

/* ---- topics ---- */

GPtrArray *
tamu_store_load_topics (TamuStore *self,
                        GError   **error)
{
  g_return_val_if_fail (TAMU_IS_STORE (self), NULL);

  return TAMU_BACKEND_CALL (self, list_topics, error);
}

typedef struct
{
  const char         *name;
  const char         *full_name;
  const char * const *aliases;
} AddTopic;

static TamuWriteResult
add_topic (TamuStore *self,
           gpointer   user_data,
           GError   **error)
{
  AddTopic *data = user_data;
  g_autoptr(GPtrArray) topics = NULL;
  g_autofree char *aliases_text = NULL;
  const char * const no_aliases[] = { NULL };
  const char * const *aliases = data->aliases != NULL ? data->aliases : no_aliases;

  if (!tamu_store_lock (self, TAMU_LOCK_OFFICE, 0, error))
    return TAMU_WRITE_FAILED;
  topics = tamu_store_load_topics (self, error);
  if (topics == NULL)
    return TAMU_WRITE_FAILED;
  if (tamu_topics_match (topics, data->name) != NULL)
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_REFUSED,
                   _("topic: “%s” already names a topic"), data->name);
      return TAMU_WRITE_FAILED;
    }
  for (guint i = 0; aliases[i] != NULL; i++)
    if (tamu_topics_match (topics, aliases[i]) != NULL)
      {
        g_set_error (error, TAMU_ERROR, TAMU_ERROR_REFUSED,
                     _("alias: “%s” already names a topic"), aliases[i]);
        return TAMU_WRITE_FAILED;
      }

  aliases_text = g_strjoinv (";", (char **) aliases);
  if (!TAMU_BACKEND_CALL (self, put_topic, data->name, data->full_name, aliases, error) ||
      !tamu_store_audit (self, "topic", 0, "add", data->name, NULL, aliases_text, error))
    return TAMU_WRITE_FAILED;
  return TAMU_WRITE_COMMIT;
}

gboolean
tamu_store_add_topic (TamuStore          *self,
                      const char         *name,
                      const char         *full_name,
                      const char * const *aliases,
                      GError            **error)
{
  g_autofree char *clean_name = NULL;
  AddTopic data;

  g_return_val_if_fail (TAMU_IS_STORE (self), FALSE);

  clean_name = g_strstrip (g_strdup (name != NULL ? name : ""));
  if (*clean_name == '\0' || strpbrk (clean_name, ",;") != NULL)
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                   _("topic: a topic needs a name without “,” or “;”"));
      return FALSE;
    }
  if (!tamu_fields_check_name ("topic", clean_name, error) ||
      (full_name != NULL && *full_name != '\0' && !tamu_fields_check_name ("full-name", full_name, error)))
    return FALSE;
  for (guint i = 0; aliases != NULL && aliases[i] != NULL; i++)
    if (!tamu_fields_check_name ("alias", aliases[i], error))
      return FALSE;
  for (guint i = 0; aliases != NULL && aliases[i] != NULL; i++)
    if (strpbrk (aliases[i], ",;") != NULL)
      {
        g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                     _("alias: “%s” may not contain “,” or “;”"), aliases[i]);
        return FALSE;
      }

  data = (AddTopic) { clean_name, full_name, aliases };
  return tamu_store_write (self, add_topic, &data, error);
}

static TamuWriteResult
remove_topic (TamuStore *self,
              gpointer   user_data,
              GError   **error)
{
  const char *name = user_data;
  g_autoptr(GPtrArray) topics = NULL;
  g_autofree char *now = tamu_store_dup_timestamp ();
  const TamuTopic *topic;

  if (!tamu_store_lock (self, TAMU_LOCK_OFFICE, 0, error))
    return TAMU_WRITE_FAILED;
  topics = tamu_store_load_topics (self, error);
  if (topics == NULL)
    return TAMU_WRITE_FAILED;
  topic = tamu_topics_match (topics, name);
  if (topic == NULL)
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_NOT_FOUND, _("topic: “%s” is not a topic"), name);
      return TAMU_WRITE_FAILED;
    }

  /* Bookings keep the name they were booked with; the topic only stops
   * being offered and accepted for new bookings. */
  if (!TAMU_BACKEND_CALL (self, remove_topic, topic->name, now, error) ||
      !tamu_store_audit (self, "topic", 0, "remove", topic->name, topic->name, NULL, error))
    return TAMU_WRITE_FAILED;
  return TAMU_WRITE_COMMIT;
}

gboolean
tamu_store_remove_topic (TamuStore  *self,
                         const char *name,
                         GError    **error)
{
  g_return_val_if_fail (TAMU_IS_STORE (self), FALSE);

  return tamu_store_write (self, remove_topic, (gpointer) name, error);
}
