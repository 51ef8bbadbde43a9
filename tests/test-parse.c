/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "tamu-error.h"
#include "tamu-parse.h"

static void
assert_date (const char *text,
             int         year,
             int         month,
             int         day)
{
  g_autoptr(GError) error = NULL;
  GDate date;

  g_assert_true (tamu_parse_date_loose ("date", text, &date, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_date_get_year (&date), ==, year);
  g_assert_cmpint (g_date_get_month (&date), ==, month);
  g_assert_cmpint (g_date_get_day (&date), ==, day);
}

static void
assert_bad_date (const char *text,
                 const char *fragment)
{
  g_autoptr(GError) error = NULL;
  GDate date;

  g_assert_false (tamu_parse_date_loose ("date", text, &date, &error));
  g_assert_error (error, TAMU_ERROR, TAMU_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "date: "));
  if (fragment != NULL && strstr (error->message, fragment) == NULL)
    g_error ("“%s” does not mention “%s”", error->message, fragment);
}

static void
test_parse_dates (void)
{
  assert_date ("2024-03-20", 2024, 3, 20);
  assert_date ("2024-02-29", 2024, 2, 29);
  assert_date ("1 Maret 2024", 2024, 3, 1);
  assert_date ("01 Mar 2024", 2024, 3, 1);
  assert_date ("20 maret 2024", 2024, 3, 20);
  assert_date ("17 Agustus 2025", 2025, 8, 17);
  assert_date ("25 Des 2026", 2026, 12, 25);
  assert_date ("20/03/2024", 2024, 3, 20);

  assert_bad_date ("2024-02-30", "29 days");
  assert_bad_date ("2023-02-29", "28 days");
  assert_bad_date ("2024-13-01", "month 13");
  assert_bad_date ("2024-3-1", NULL);
  assert_bad_date ("30 Februari 2024", "29 days");
  assert_bad_date ("1 Marett 2024", "not a month");
  assert_bad_date ("tomorrow", NULL);
  assert_bad_date ("", "required");
}

static void
test_parse_strict_date (void)
{
  g_autoptr(GError) error = NULL;
  GDate date;

  /* The strict form refuses the loose ones. */
  g_assert_false (tamu_parse_date ("date", "1 Maret 2024", &date, &error));
  g_assert_error (error, TAMU_ERROR, TAMU_ERROR_INVALID);
}

static void
test_parse_times (void)
{
  struct { const char *text; int minutes; } good[] = {
    { "08:00", 480 }, { "8:30", 510 }, { "23:59", 1439 }, { "00:00", 0 }, { "13.15", 795 },
  };
  const char *bad[] = { "25:61", "24:00", "12:60", "noon", "1200", "12:5", "", "-1:00", "12:00pm" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      int minutes = -1;

      g_assert_true (tamu_parse_time ("time", good[i].text, &minutes, &error));
      g_assert_cmpint (minutes, ==, good[i].minutes);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      int minutes = -1;

      g_assert_false (tamu_parse_time ("time", bad[i], &minutes, &error));
      g_assert_error (error, TAMU_ERROR, TAMU_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, "time: "));
    }
}

static void
test_parse_ints (void)
{
  const char *bad[] = { "0", "-3", "abc", "3.5", "", "1001", "5 guests" };
  g_autoptr(GError) error = NULL;
  int value = 0;

  g_assert_true (tamu_parse_int ("guests", " 7 ", 1, 1000, &value, &error));
  g_assert_cmpint (value, ==, 7);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) local_error = NULL;

      g_assert_false (tamu_parse_int ("guests", bad[i], 1, 1000, &value, &local_error));
      g_assert_error (local_error, TAMU_ERROR, TAMU_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (local_error->message, "guests: "));
    }
}

static void
test_format (void)
{
  g_autofree char *iso = NULL;
  g_autofree char *id = NULL;
  g_autofree char *longer = NULL;
  g_autofree char *time = tamu_format_time (9 * 60 + 5);
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 20, 3, 2024);
  iso = tamu_format_date_iso (&date);
  id = tamu_format_date_indonesian (&date);
  longer = tamu_format_date_long_indonesian (&date);

  g_assert_cmpstr (iso, ==, "2024-03-20");
  g_assert_cmpstr (id, ==, "20 Maret 2024");
  g_assert_cmpstr (longer, ==, "Rabu, 20 Maret 2024");
  g_assert_cmpstr (time, ==, "09:05");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/parse/date/loose-and-invalid", test_parse_dates);
  g_test_add_func ("/parse/date/strict", test_parse_strict_date);
  g_test_add_func ("/parse/time", test_parse_times);
  g_test_add_func ("/parse/int", test_parse_ints);
  g_test_add_func ("/parse/format", test_format);

  return g_test_run ();
}
