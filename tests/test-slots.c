/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "tamu-error.h"
#include "tamu-parse.h"
#include "tamu-slots.h"

typedef struct
{
  TamuPolicy   *policy;
  TamuCalendar *calendar;
  GPtrArray    *bookings;
  GDateTime    *now;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GTimeZone) wib = g_time_zone_new_offset (7 * 3600);
  GDate date;

  f->policy = tamu_policy_new_default ();
  f->calendar = tamu_calendar_new ();
  tamu_parse_date ("date", "2024-03-11", &date, NULL);
  tamu_calendar_add (f->calendar, &date, "Nyepi", TAMU_HOLIDAY_NATIONAL);
  tamu_parse_date ("date", "2024-03-12", &date, NULL);
  tamu_calendar_add (f->calendar, &date, "Cuti Bersama", TAMU_HOLIDAY_CUTI_BERSAMA);
  f->bookings = g_ptr_array_new_with_free_func ((GDestroyNotify) tamu_booking_unref);
  f->now = g_date_time_new (wib, 2024, 3, 1, 8, 0, 0);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  tamu_policy_free (f->policy);
  tamu_calendar_unref (f->calendar);
  g_ptr_array_unref (f->bookings);
  g_date_time_unref (f->now);
}

static void
add_booking (Fixture    *f,
             const char *date,
             const char *time,
             int         duration,
             const char *room)
{
  TamuBooking *b = tamu_booking_new ();

  b->id = f->bookings->len + 1;
  tamu_parse_date ("date", date, &b->date, NULL);
  tamu_parse_time ("time", time, &b->start, NULL);
  b->duration = duration;
  b->daerah = g_strdup ("Kab. Bandung");
  g_strfreev (b->topics);
  b->topics = g_strsplit ("TKD", ",", -1);
  b->guests = 2;
  b->room = g_strdup (room);
  g_ptr_array_add (f->bookings, b);
}

static GPtrArray *
find (Fixture             *f,
      const char          *date,
      const TamuSlotQuery *query,
      GError             **error)
{
  GDate from;

  tamu_parse_date ("date", date, &from, NULL);
  return tamu_slots_find (f->policy, f->calendar, f->now, f->bookings, &from, query, error);
}

static char *
describe (TamuSlot *slot)
{
  g_autofree char *date = tamu_format_date_iso (&slot->date);
  g_autofree char *start = tamu_format_time (slot->start);

  return g_strdup_printf ("%s %s %s", date, start, slot->room != NULL ? slot->room : "-");
}

static void
test_free_day (Fixture *f, gconstpointer data)
{
  TamuSlotQuery query = { .type = TAMU_BOOKING_TATAP_MUKA, .days = 1, .guests = 3 };
  g_autoptr(GPtrArray) slots = find (f, "2024-03-20", &query, NULL);
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  /* 08:00 … 15:00 by 30 minutes, less 11:30 and 12:00/12:30 (the break). */
  g_assert_nonnull (slots);
  first = describe (g_ptr_array_index (slots, 0));
  last = describe (g_ptr_array_index (slots, slots->len - 1));
  g_assert_cmpstr (first, ==, "2024-03-20 08:00 Ruang Konsultasi 1");
  g_assert_cmpstr (last, ==, "2024-03-20 15:00 Ruang Konsultasi 1");
  g_assert_cmpuint (slots->len, ==, 12);
}

static void
test_busy_room (Fixture *f, gconstpointer data)
{
  TamuSlotQuery query = { .type = TAMU_BOOKING_TATAP_MUKA, .days = 1, .guests = 2,
                          .room = "Ruang Konsultasi 1", .max_slots = 1 };
  g_autoptr(GPtrArray) slots = NULL;
  g_autofree char *first = NULL;

  add_booking (f, "2024-03-20", "08:00", 90, "Ruang Konsultasi 1");
  slots = find (f, "2024-03-20", &query, NULL);
  g_assert_cmpuint (slots->len, ==, 1);
  first = describe (g_ptr_array_index (slots, 0));
  g_assert_cmpstr (first, ==, "2024-03-20 09:30 Ruang Konsultasi 1");
}

static void
test_other_room_when_busy (Fixture *f, gconstpointer data)
{
  TamuSlotQuery query = { .type = TAMU_BOOKING_TATAP_MUKA, .days = 1, .guests = 2, .max_slots = 1 };
  g_autoptr(GPtrArray) slots = NULL;
  g_autofree char *first = NULL;

  add_booking (f, "2024-03-20", "08:00", 60, "Ruang Konsultasi 1");
  slots = find (f, "2024-03-20", &query, NULL);
  first = describe (g_ptr_array_index (slots, 0));
  g_assert_cmpstr (first, ==, "2024-03-20 08:00 Ruang Konsultasi 2");
}

static void
test_skips_closed_days (Fixture *f, gconstpointer data)
{
  /* From Friday 8 March over 2 working days: the weekend, Nyepi and cuti
   * bersama are skipped, so the days are the 8th and the 13th. */
  TamuSlotQuery query = { .type = TAMU_BOOKING_TATAP_MUKA, .days = 2, .guests = 2, .duration = 60 };
  g_autoptr(GPtrArray) slots = find (f, "2024-03-08", &query, NULL);
  g_autofree char *last = NULL;

  g_assert_nonnull (slots);
  last = describe (g_ptr_array_index (slots, slots->len - 1));
  g_assert_true (g_str_has_prefix (last, "2024-03-13 "));
  for (guint i = 0; i < slots->len; i++)
    {
      TamuSlot *slot = g_ptr_array_index (slots, i);

      g_assert_true (g_date_get_day (&slot->date) == 8 || g_date_get_day (&slot->date) == 13);
    }
}

static void
test_refusals_explain (Fixture *f, gconstpointer data)
{
  TamuSlotQuery too_many = { .type = TAMU_BOOKING_TATAP_MUKA, .days = 1, .guests = 8 };
  TamuSlotQuery holiday = { .type = TAMU_BOOKING_TATAP_MUKA, .days = 1, .guests = 2 };
  TamuSlotQuery no_room = { .type = TAMU_BOOKING_TATAP_MUKA, .days = 1, .guests = 2, .room = "Aula" };
  g_autoptr(GError) error = NULL;

  g_assert_null (find (f, "2024-03-20", &too_many, &error));
  g_assert_true (g_str_has_prefix (error->message, "guest-limit:"));
  g_clear_error (&error);

  g_assert_null (find (f, "2024-03-11", &holiday, &error));
  g_assert_true (g_str_has_prefix (error->message, "closed-day:"));
  g_clear_error (&error);

  g_assert_null (find (f, "2024-03-20", &no_room, &error));
  g_assert_true (g_str_has_prefix (error->message, "unknown-room:"));
}

static void
test_not_in_the_past (Fixture *f, gconstpointer data)
{
  TamuSlotQuery query = { .type = TAMU_BOOKING_VIDCON, .days = 1, .max_slots = 1 };
  g_autoptr(GTimeZone) wib = g_time_zone_new_offset (7 * 3600);
  g_autoptr(GPtrArray) slots = NULL;
  g_autofree char *first = NULL;

  g_date_time_unref (f->now);
  f->now = g_date_time_new (wib, 2024, 3, 20, 10, 10, 0);
  slots = find (f, "2024-03-20", &query, NULL);
  first = describe (g_ptr_array_index (slots, 0));
  g_assert_cmpstr (first, ==, "2024-03-20 10:30 -");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/slots/free-day", test_free_day);
  ADD ("/slots/busy-room", test_busy_room);
  ADD ("/slots/other-room", test_other_room_when_busy);
  ADD ("/slots/skips-closed-days", test_skips_closed_days);
  ADD ("/slots/refusals-explain", test_refusals_explain);
  ADD ("/slots/not-in-the-past", test_not_in_the_past);
#undef ADD

  return g_test_run ();
}
