/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tamu-ical"

#include "config.h"

#include "tamu-ical-private.h"

/*
 * libical converts a time through a VTIMEZONE by expanding every STANDARD
 * and DAYLIGHT rule from its DTSTART up to the year asked for
 * (icaltimezone_expand_vtimezone).  A rule repeating hourly or by the second
 * makes that millions of changes: a 387-byte file took 25 s and 330 MB.
 * Real zones change at most a few times a year, by a yearly rule ("the last
 * Sunday of March") or a list of dates, so anything else is refused before
 * libical sees it.
 */

#define MAX_RULES      64   /* STANDARD/DAYLIGHT parts of one zone */
#define MAX_DATES      400  /* RDATE values of one zone */
#define MAX_BY_VALUES  8    /* "BYMONTHDAY=8,9,10,11,12,13,14" is the most seen */

static int
count_by (const short *values,
          int          size)
{
  int n = 0;

  while (n < size && values[n] != ICAL_RECURRENCE_ARRAY_MAX)
    n++;
  return n;
}

static gboolean
rule_is_sane (struct icalrecurrencetype *rule)
{
  if (rule->freq != ICAL_YEARLY_RECURRENCE)
    return FALSE;
  if (rule->interval < 1 || rule->interval > 100)
    return FALSE;
  /* A yearly rule made to fire often again: by hour, minute, second, week
   * number or day of the year. */
  if (count_by (rule->by_second, ICAL_BY_SECOND_SIZE) > 1 ||
      count_by (rule->by_minute, ICAL_BY_MINUTE_SIZE) > 1 ||
      count_by (rule->by_hour, ICAL_BY_HOUR_SIZE) > 1 ||
      count_by (rule->by_year_day, ICAL_BY_YEARDAY_SIZE) > 1 ||
      count_by (rule->by_week_no, ICAL_BY_WEEKNO_SIZE) > 1 ||
      count_by (rule->by_set_pos, ICAL_BY_SETPOS_SIZE) > 1)
    return FALSE;
  if (count_by (rule->by_month, ICAL_BY_MONTH_SIZE) > 1 ||
      count_by (rule->by_month_day, ICAL_BY_MONTHDAY_SIZE) > MAX_BY_VALUES ||
      count_by (rule->by_day, ICAL_BY_DAY_SIZE) > MAX_BY_VALUES)
    return FALSE;
  return TRUE;
}

gboolean
tamu_ical_vtimezone_is_sane (icalcomponent *vtimezone)
{
  guint rules = 0;
  guint dates = 0;

  if (vtimezone == NULL)
    return FALSE;

  for (icalcomponent *part = icalcomponent_get_first_component (vtimezone, ICAL_ANY_COMPONENT);
       part != NULL;
       part = icalcomponent_get_next_component (vtimezone, ICAL_ANY_COMPONENT))
    {
      icalcomponent_kind kind = icalcomponent_isa (part);
      icalproperty *prop;

      if (kind != ICAL_XSTANDARD_COMPONENT && kind != ICAL_XDAYLIGHT_COMPONENT)
        continue;
      if (++rules > MAX_RULES)
        return FALSE;
      prop = icalcomponent_get_first_property (part, ICAL_DTSTART_PROPERTY);
      if (prop == NULL)
        return FALSE;

      for (prop = icalcomponent_get_first_property (part, ICAL_RRULE_PROPERTY);
           prop != NULL;
           prop = icalcomponent_get_next_property (part, ICAL_RRULE_PROPERTY))
        {
          struct icalrecurrencetype rule = icalproperty_get_rrule (prop);

          if (!rule_is_sane (&rule))
            return FALSE;
        }
      for (prop = icalcomponent_get_first_property (part, ICAL_RDATE_PROPERTY);
           prop != NULL;
           prop = icalcomponent_get_next_property (part, ICAL_RDATE_PROPERTY))
        if (++dates > MAX_DATES)
          return FALSE;
    }
  return TRUE;
}
