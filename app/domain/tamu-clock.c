/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>

#include "tamu-clock.h"

GTimeZone *
tamu_office_timezone (void)
{
  static gsize office;

  /* WIB has no daylight saving time: a fixed offset is exact and does not
   * depend on the machine having tzdata. */
  if (g_once_init_enter (&office))
    g_once_init_leave (&office, (gsize) g_time_zone_new_offset (7 * 3600));

  return g_time_zone_ref ((GTimeZone *) office);
}

static GDateTime *
parse_fixed_now (const char *text)
{
  g_autoptr(GTimeZone) tz = tamu_office_timezone ();
  int year, month, day, hour = 0, minute = 0, second = 0;
  int n;

  n = sscanf (text, "%d-%d-%dT%d:%d:%d", &year, &month, &day, &hour, &minute, &second);
  if (n < 3)
    return NULL;

  return g_date_time_new (tz, year, month, day, hour, minute, second);
}

GDateTime *
tamu_clock_now (void)
{
  const char *fixed = g_getenv ("TAMU_NOW");
  g_autoptr(GTimeZone) tz = tamu_office_timezone ();

  if (fixed != NULL && *fixed != '\0')
    {
      GDateTime *now = parse_fixed_now (fixed);

      if (now != NULL)
        return now;
      g_warning ("TAMU_NOW=%s is not of the form 2024-03-01T08:00; using the real time", fixed);
    }

  return g_date_time_new_now (tz);
}

void
tamu_clock_today (GDate *out)
{
  g_autoptr(GDateTime) now = tamu_clock_now ();

  g_date_clear (out, 1);
  g_date_set_dmy (out,
                  g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now),
                  g_date_time_get_year (now));
}

int
tamu_clock_minutes_now (void)
{
  g_autoptr(GDateTime) now = tamu_clock_now ();

  return g_date_time_get_hour (now) * 60 + g_date_time_get_minute (now);
}
