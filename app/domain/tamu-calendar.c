/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tamu-calendar.h"

struct _TamuCalendar
{
  gatomicrefcount ref_count;
  GHashTable     *by_julian; /* julian day → TamuHoliday* */
  GHashTable     *years;     /* year → year: years with at least one entry */
};

G_DEFINE_BOXED_TYPE (TamuCalendar, tamu_calendar, tamu_calendar_ref, tamu_calendar_unref)

TamuHoliday *
tamu_holiday_new (const GDate    *date,
                  const char     *name,
                  TamuHolidayKind kind)
{
  TamuHoliday *holiday = g_new0 (TamuHoliday, 1);

  holiday->date = *date;
  holiday->name = g_strdup (name);
  holiday->kind = kind;
  return holiday;
}

void
tamu_holiday_free (TamuHoliday *holiday)
{
  if (holiday == NULL)
    return;
  g_free (holiday->name);
  g_free (holiday);
}

const char *
tamu_holiday_kind_to_string (TamuHolidayKind kind)
{
  return kind == TAMU_HOLIDAY_CUTI_BERSAMA ? "cuti-bersama" : "holiday";
}

gboolean
tamu_holiday_kind_from_string (const char      *text,
                               TamuHolidayKind *out)
{
  if (text == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (text, "holiday") == 0 || g_ascii_strcasecmp (text, "national") == 0 ||
      g_ascii_strcasecmp (text, "libur") == 0)
    {
      *out = TAMU_HOLIDAY_NATIONAL;
      return TRUE;
    }
  if (g_ascii_strcasecmp (text, "cuti-bersama") == 0 || g_ascii_strcasecmp (text, "cuti bersama") == 0 ||
      g_ascii_strcasecmp (text, "cuti") == 0)
    {
      *out = TAMU_HOLIDAY_CUTI_BERSAMA;
      return TRUE;
    }
  return FALSE;
}

TamuCalendar *
tamu_calendar_new (void)
{
  TamuCalendar *self = g_new0 (TamuCalendar, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->by_julian = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) tamu_holiday_free);
  self->years = g_hash_table_new (NULL, NULL);
  return self;
}

TamuCalendar *
tamu_calendar_ref (TamuCalendar *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
tamu_calendar_unref (TamuCalendar *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_hash_table_unref (self->by_julian);
      g_hash_table_unref (self->years);
      g_free (self);
    }
}

void
tamu_calendar_add (TamuCalendar   *self,
                   const GDate    *date,
                   const char     *name,
                   TamuHolidayKind kind)
{
  guint julian;
  int year;

  g_return_if_fail (self != NULL);
  g_return_if_fail (date != NULL && g_date_valid (date));

  julian = g_date_get_julian (date);
  year = g_date_get_year (date);
  g_hash_table_replace (self->by_julian, GUINT_TO_POINTER (julian),
                        tamu_holiday_new (date, name, kind));
  g_hash_table_add (self->years, GINT_TO_POINTER (year));
}

const TamuHoliday *
tamu_calendar_lookup (TamuCalendar *self,
                      const GDate  *date)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_hash_table_lookup (self->by_julian, GUINT_TO_POINTER (g_date_get_julian (date)));
}

gboolean
tamu_calendar_is_weekend (const GDate *date)
{
  GDateWeekday weekday = g_date_get_weekday (date);

  return weekday == G_DATE_SATURDAY || weekday == G_DATE_SUNDAY;
}

gboolean
tamu_calendar_is_working_day (TamuCalendar *self,
                              const GDate  *date)
{
  return !tamu_calendar_is_weekend (date) && tamu_calendar_lookup (self, date) == NULL;
}

gboolean
tamu_calendar_has_year (TamuCalendar *self,
                        int           year)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return g_hash_table_contains (self->years, GINT_TO_POINTER (year));
}

void
tamu_calendar_add_working_days (TamuCalendar *self,
                                const GDate  *from,
                                int           n,
                                GDate        *out)
{
  GDate day;

  g_return_if_fail (self != NULL);
  g_return_if_fail (from != NULL && g_date_valid (from));
  g_return_if_fail (n >= 0);

  day = *from;
  while (n > 0)
    {
      g_date_add_days (&day, 1);
      if (tamu_calendar_is_working_day (self, &day))
        n--;
    }
  *out = day;
}

int
tamu_calendar_count_working_days (TamuCalendar *self,
                                  const GDate  *from,
                                  const GDate  *to)
{
  GDate day;
  int count = 0;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (from != NULL && g_date_valid (from), 0);
  g_return_val_if_fail (to != NULL && g_date_valid (to), 0);

  day = *from;
  while (g_date_compare (&day, to) < 0)
    {
      g_date_add_days (&day, 1);
      if (tamu_calendar_is_working_day (self, &day))
        count++;
    }
  return count;
}

void
tamu_calendar_next_working_day (TamuCalendar *self,
                                const GDate  *from,
                                GDate        *out)
{
  GDate day = *from;

  while (!tamu_calendar_is_working_day (self, &day))
    g_date_add_days (&day, 1);
  *out = day;
}
