/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tamu-calendar.h"
#include "tamu-data.h"
#include "tamu-parse.h"

/* The calendar of the shipped holidays.csv, as a new database gets it. */
static TamuCalendar *
shipped_calendar (void)
{
  g_autoptr(GBytes) bytes = tamu_data_load ("holidays.csv");
  g_auto(GStrv) lines = g_strsplit (g_bytes_get_data (bytes, NULL), "\n", -1);
  TamuCalendar *calendar = tamu_calendar_new ();

  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cells = g_strsplit (lines[i], ",", 3);
      TamuHolidayKind kind;
      GDate date;

      if (g_strv_length (cells) != 3)
        continue;
      g_assert_true (tamu_parse_date ("date", cells[0], &date, NULL));
      g_assert_true (tamu_holiday_kind_from_string (cells[1], &kind));
      tamu_calendar_add (calendar, &date, cells[2], kind);
    }
  return calendar;
}

static GDate
day (const char *iso)
{
  GDate date;

  g_assert_true (tamu_parse_date ("date", iso, &date, NULL));
  return date;
}

static void
assert_due (TamuCalendar *calendar,
            const char   *from,
            int           n,
            const char   *expected)
{
  GDate start = day (from);
  GDate due;
  g_autofree char *text = NULL;

  tamu_calendar_add_working_days (calendar, &start, n, &due);
  text = tamu_format_date_iso (&due);
  g_assert_cmpstr (text, ==, expected);
}

static void
test_shipped_holidays (void)
{
  g_autoptr(TamuCalendar) calendar = shipped_calendar ();
  GDate nyepi = day ("2024-03-11");
  GDate cuti = day ("2024-03-12");
  GDate election = day ("2024-02-14");
  GDate plain = day ("2024-03-13");
  const TamuHoliday *holiday;

  holiday = tamu_calendar_lookup (calendar, &nyepi);
  g_assert_nonnull (holiday);
  g_assert_cmpint (holiday->kind, ==, TAMU_HOLIDAY_NATIONAL);
  holiday = tamu_calendar_lookup (calendar, &cuti);
  g_assert_nonnull (holiday);
  g_assert_cmpint (holiday->kind, ==, TAMU_HOLIDAY_CUTI_BERSAMA);
  g_assert_false (tamu_calendar_is_working_day (calendar, &election));
  g_assert_true (tamu_calendar_is_working_day (calendar, &plain));

  g_assert_true (tamu_calendar_has_year (calendar, 2024));
  g_assert_true (tamu_calendar_has_year (calendar, 2025));
  g_assert_true (tamu_calendar_has_year (calendar, 2026));
  g_assert_false (tamu_calendar_has_year (calendar, 2027));
}

static void
test_working_days (void)
{
  g_autoptr(TamuCalendar) calendar = shipped_calendar ();
  GDate from, to;

  /* DOMAIN.md: received Friday 1 March 2024 → due Tuesday 19 March 2024. */
  assert_due (calendar, "2024-03-01", 10, "2024-03-19");
  /* Idul Fitri 2024: 8–12 and 15 April closed. */
  assert_due (calendar, "2024-04-05", 1, "2024-04-16");
  /* Election day 14 February 2024, Imlek 8–10 February. */
  assert_due (calendar, "2024-02-07", 2, "2024-02-13");
  assert_due (calendar, "2024-02-13", 1, "2024-02-15");
  /* Across the year end: 25–26 December and 1 January closed. */
  assert_due (calendar, "2024-12-24", 3, "2024-12-31");
  assert_due (calendar, "2024-12-24", 4, "2025-01-02");
  /* n = 0 is the same day. */
  assert_due (calendar, "2024-03-01", 0, "2024-03-01");

  from = day ("2024-03-01");
  to = day ("2024-03-19");
  g_assert_cmpint (tamu_calendar_count_working_days (calendar, &from, &to), ==, 10);
  g_assert_cmpint (tamu_calendar_count_working_days (calendar, &to, &from), ==, 0);
}

static void
test_next_working_day (void)
{
  g_autoptr(TamuCalendar) calendar = shipped_calendar ();
  GDate saturday = day ("2024-03-09");
  GDate next;
  g_autofree char *text = NULL;

  /* Saturday, Sunday, Nyepi (11th), cuti bersama (12th) → Wednesday 13th. */
  tamu_calendar_next_working_day (calendar, &saturday, &next);
  text = tamu_format_date_iso (&next);
  g_assert_cmpstr (text, ==, "2024-03-13");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/calendar/shipped-holidays", test_shipped_holidays);
  g_test_add_func ("/calendar/working-days", test_working_days);
  g_test_add_func ("/calendar/next-working-day", test_next_working_day);

  return g_test_run ();
}
