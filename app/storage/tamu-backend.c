/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tamu-store"

#include "config.h"

#include "tamu-backend.h"

#include <glib/gi18n-lib.h>

#include "tamu-data.h"
#include "tamu-error.h"
#include "tamu-parse.h"
#include "tamu-store-address.h"
#include "postgres/tamu-pg-backend.h"
#include "sqlite/tamu-sqlite-backend.h"

void
tamu_setting_row_free (TamuSettingRow *row)
{
  if (row == NULL)
    return;
  g_free (row->key);
  g_free (row->value);
  g_free (row);
}

TamuBackend *
tamu_backend_open (const char *address,
                   GError    **error)
{
  g_autoptr(TamuStoreAddress) parsed = tamu_store_address_parse (address, error);

  if (parsed == NULL)
    return NULL;

  switch (parsed->kind)
    {
    case TAMU_BACKEND_SQLITE:
      return tamu_sqlite_backend_open (parsed->target, G_MAXINT, error);

    case TAMU_BACKEND_POSTGRESQL:
      return tamu_pg_backend_open (parsed->target, parsed->display, error);

    default:
      g_assert_not_reached ();
    }
}

void
tamu_backend_free (TamuBackend *self)
{
  if (self != NULL)
    self->klass->free (self);
}

gboolean
tamu_backend_seed_defaults (TamuBackend *self,
                            GError     **error)
{
  g_autoptr(GBytes) bytes = tamu_data_load ("holidays.csv");
  g_autoptr(GPtrArray) topics = tamu_topics_new_default ();
  g_auto(GStrv) lines = NULL;

  if (bytes == NULL)
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_STORAGE, _("database: the shipped holidays are missing"));
      return FALSE;
    }

  /* date,kind,name — the first line names the columns. */
  lines = g_strsplit (g_bytes_get_data (bytes, NULL), "\n", -1);
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cells = g_strsplit (lines[i], ",", 3);
      g_autoptr(TamuHoliday) holiday = NULL;
      TamuHolidayKind kind;
      GDate date;

      if (g_strv_length (cells) != 3)
        continue;
      if (!tamu_parse_date ("date", cells[0], &date, error) ||
          !tamu_holiday_kind_from_string (cells[1], &kind))
        {
          g_prefix_error (error, _("database: the shipped holidays are damaged: "));
          return FALSE;
        }
      holiday = tamu_holiday_new (&date, g_strstrip (cells[2]), kind);
      if (!self->klass->put_holiday (self, holiday, error))
        return FALSE;
    }

  for (guint i = 0; i < topics->len; i++)
    {
      TamuTopic *topic = g_ptr_array_index (topics, i);

      if (!self->klass->put_topic (self, topic->name, topic->full_name,
                                   (const char * const *) topic->aliases, error))
        return FALSE;
    }

  return TRUE;
}

char *
tamu_backend_dup_like_pattern (const char *text)
{
  GString *pattern = g_string_new ("%");

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');
  return g_string_free (pattern, FALSE);
}
