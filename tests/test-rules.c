/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "tamu-error.h"
#include "tamu-parse.h"
#include "tamu-rules.h"
#include "tamu-topics.h"

/* Every rule and every refusal path of the rules engine, on fixed data:
 * the default policy, a calendar with a few holidays of March 2024, and
 * "now" at 1 March 2024 08:00 WIB. */

typedef struct
{
  TamuPolicy   *policy;
  TamuCalendar *calendar;
  GPtrArray    *same_day;
  GDateTime    *now;
  GPtrArray    *warnings;
} Fixture;

static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  g_autoptr(GTimeZone) wib = g_time_zone_new_offset (7 * 3600);
  GDate date;

  f->policy = tamu_policy_new_default ();
  f->calendar = tamu_calendar_new ();
  tamu_parse_date ("date", "2024-03-11", &date, NULL);
  tamu_calendar_add (f->calendar, &date, "Hari Suci Nyepi", TAMU_HOLIDAY_NATIONAL);
  tamu_parse_date ("date", "2024-03-12", &date, NULL);
  tamu_calendar_add (f->calendar, &date, "Cuti Bersama Nyepi", TAMU_HOLIDAY_CUTI_BERSAMA);
  f->same_day = g_ptr_array_new_with_free_func ((GDestroyNotify) tamu_booking_unref);
  f->now = g_date_time_new (wib, 2024, 3, 1, 8, 0, 0);
  f->warnings = tamu_warnings_new ();
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  tamu_policy_free (f->policy);
  tamu_calendar_unref (f->calendar);
  g_ptr_array_unref (f->same_day);
  g_date_time_unref (f->now);
  g_ptr_array_unref (f->warnings);
}

/* A valid visit: Wednesday 20 March 2024, 09:00–10:00, 3 guests. */
static TamuBooking *
visit (const char *date,
       const char *time,
       int         guests)
{
  TamuBooking *b = tamu_booking_new ();

  b->type = TAMU_BOOKING_TATAP_MUKA;
  g_assert_true (tamu_parse_date ("date", date, &b->date, NULL));
  g_assert_true (tamu_parse_time ("time", time, &b->start, NULL));
  b->duration = 60;
  b->daerah = g_strdup ("Kab. Bandung");
  b->region_code = g_strdup ("32.04");
  g_strfreev (b->topics);
  b->topics = g_strsplit ("TKD", ",", -1);
  b->guests = guests;
  return b;
}

static gboolean
check (Fixture       *f,
       TamuBooking   *b,
       TamuCheckFlags flags,
       GError       **error)
{
  TamuRuleContext ctx = {
    .policy = f->policy, .calendar = f->calendar, .same_day = f->same_day, .now = f->now,
  };

  return tamu_rules_check (&ctx, b, flags, f->warnings, error);
}

static void
assert_refused (Fixture       *f,
                TamuBooking   *b,
                TamuCheckFlags flags,
                int            code,
                const char    *rule)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (check (f, b, flags, &error));
  g_assert_error (error, TAMU_ERROR, code);
  if (!g_str_has_prefix (error->message, rule) || error->message[strlen (rule)] != ':')
    g_error ("expected a refusal by %s, got: %s", rule, error->message);
}

static gboolean
has_warning (Fixture    *f,
             const char *code)
{
  for (guint i = 0; i < f->warnings->len; i++)
    if (g_str_equal (((TamuWarning *) g_ptr_array_index (f->warnings, i))->code, code))
      return TRUE;
  return FALSE;
}

static void
test_valid_visit (Fixture *f, gconstpointer data)
{
  g_autoptr(TamuBooking) b = visit ("2024-03-20", "09:00", 3);
  g_autoptr(GError) error = NULL;

  g_assert_true (check (f, b, TAMU_CHECK_NEW, &error));
  g_assert_no_error (error);
  /* The limit in force is stamped, and a free room is given. */
  g_assert_cmpint (b->guest_limit, ==, 5);
  g_assert_cmpstr (b->room, ==, "Ruang Konsultasi 1");
}

static void
test_guest_limit (Fixture *f, gconstpointer data)
{
  g_autoptr(TamuBooking) b = visit ("2024-03-20", "09:00", 9);
  g_autoptr(TamuBooking) at_limit = visit ("2024-03-20", "09:00", 5);
  g_autoptr(GError) error = NULL;

  assert_refused (f, b, TAMU_CHECK_NEW, TAMU_ERROR_GUEST_LIMIT, "guest-limit");
  g_assert_true (check (f, at_limit, TAMU_CHECK_NEW, NULL));

  /* An override reason books it, with a warning that reports the breach. */
  b->override_reason = g_strdup ("Kepala daerah hadir");
  g_assert_true (check (f, b, TAMU_CHECK_NEW, &error));
  g_assert_true (has_warning (f, "over-limit"));
  g_assert_true (tamu_booking_is_over_limit (b));

  /* The limit is a setting. */
  g_assert_true (tamu_policy_apply_setting (f->policy, "guest-limit", "10", NULL, NULL));
  g_clear_pointer (&b->override_reason, g_free);
  g_clear_pointer (&b->room, g_free);
  g_assert_true (check (f, b, TAMU_CHECK_NEW, NULL));
  g_assert_cmpint (b->guest_limit, ==, 10);
}

static void
test_guest_limit_not_for_vidcon (Fixture *f, gconstpointer data)
{
  g_autoptr(TamuBooking) b = visit ("2024-03-20", "09:00", 12);

  b->type = TAMU_BOOKING_VIDCON;
  g_assert_true (check (f, b, TAMU_CHECK_NEW, NULL));
  g_assert_null (b->room);
}

static void
test_closed_days (Fixture *f, gconstpointer data)
{
  g_autoptr(TamuBooking) saturday = visit ("2024-03-16", "09:00", 2);
  g_autoptr(TamuBooking) sunday = visit ("2024-03-17", "09:00", 2);
  g_autoptr(TamuBooking) holiday = visit ("2024-03-11", "09:00", 2);
  g_autoptr(TamuBooking) cuti = visit ("2024-03-12", "09:00", 2);
  g_autoptr(GError) error = NULL;

  assert_refused (f, saturday, TAMU_CHECK_NEW, TAMU_ERROR_CLOSED_DAY, "closed-day");
  assert_refused (f, sunday, TAMU_CHECK_NEW, TAMU_ERROR_CLOSED_DAY, "closed-day");
  assert_refused (f, holiday, TAMU_CHECK_NEW, TAMU_ERROR_CLOSED_DAY, "closed-day");
  assert_refused (f, cuti, TAMU_CHECK_NEW, TAMU_ERROR_CLOSED_DAY, "closed-day");

  /* The refusal says which holiday. */
  g_assert_false (check (f, holiday, TAMU_CHECK_NEW, &error));
  g_assert_nonnull (strstr (error->message, "Nyepi"));
}

static void
test_service_hours (Fixture *f, gconstpointer data)
{
  g_autoptr(TamuBooking) early = visit ("2024-03-20", "07:30", 2);
  g_autoptr(TamuBooking) late = visit ("2024-03-20", "15:30", 2);
  g_autoptr(TamuBooking) last = visit ("2024-03-20", "15:00", 2);

  assert_refused (f, early, TAMU_CHECK_NEW, TAMU_ERROR_SERVICE_HOURS, "service-hours");
  assert_refused (f, late, TAMU_CHECK_NEW, TAMU_ERROR_SERVICE_HOURS, "service-hours");
  g_assert_true (check (f, last, TAMU_CHECK_NEW, NULL));
}

static void
test_break (Fixture *f, gconstpointer data)
{
  g_autoptr(TamuBooking) wednesday = visit ("2024-03-20", "11:30", 2);
  g_autoptr(TamuBooking) wednesday_ok = visit ("2024-03-20", "10:30", 2);
  g_autoptr(TamuBooking) friday = visit ("2024-03-22", "11:00", 2);
  g_autoptr(TamuBooking) friday_after = visit ("2024-03-22", "13:00", 2);

  /* 11:30–12:30 runs into the 12:00 break. */
  assert_refused (f, wednesday, TAMU_CHECK_NEW, TAMU_ERROR_BREAK, "break");
  g_assert_true (check (f, wednesday_ok, TAMU_CHECK_NEW, NULL));
  /* Friday's break starts at 11:30. */
  assert_refused (f, friday, TAMU_CHECK_NEW, TAMU_ERROR_BREAK, "break");
  g_assert_true (check (f, friday_after, TAMU_CHECK_NEW, NULL));
}

static void
test_past_start (Fixture *f, gconstpointer data)
{
  g_autoptr(TamuBooking) yesterday = visit ("2024-02-29", "09:00", 2);
  g_autoptr(TamuBooking) this_morning = visit ("2024-03-01", "08:00", 2);
  g_autoptr(TamuBooking) edited = visit ("2024-02-29", "09:00", 2);

  assert_refused (f, yesterday, TAMU_CHECK_NEW, TAMU_ERROR_PAST_START, "past-start");
  /* Starting now is not in the past. */
  g_assert_true (check (f, this_morning, TAMU_CHECK_NEW, NULL));
  /* Only new bookings: an existing one keeps its past date. */
  g_assert_true (check (f, edited, TAMU_CHECK_DEFAULT, NULL));
}

static void
test_room_conflict (Fixture *f, gconstpointer data)
{
  TamuBooking *existing = visit ("2024-03-20", "09:00", 2);
  g_autoptr(TamuBooking) overlapping = visit ("2024-03-20", "09:30", 2);
  g_autoptr(TamuBooking) adjacent = visit ("2024-03-20", "10:00", 2);
  g_autoptr(TamuBooking) third = visit ("2024-03-20", "09:15", 2);
  TamuBooking *second;

  existing->id = 1;
  existing->room = g_strdup ("Ruang Konsultasi 1");
  g_ptr_array_add (f->same_day, existing);

  overlapping->room = g_strdup ("Ruang Konsultasi 1");
  assert_refused (f, overlapping, TAMU_CHECK_NEW, TAMU_ERROR_ROOM_CONFLICT, "room-conflict");

  /* Back to back is fine: intervals are half-open. */
  adjacent->room = g_strdup ("Ruang Konsultasi 1");
  g_assert_true (check (f, adjacent, TAMU_CHECK_NEW, NULL));

  /* Without a room the free one is taken; when both are busy it refuses. */
  g_clear_pointer (&overlapping->room, g_free);
  g_assert_true (check (f, overlapping, TAMU_CHECK_NEW, NULL));
  g_assert_cmpstr (overlapping->room, ==, "Ruang Konsultasi 2");
  second = tamu_booking_copy (overlapping);
  second->id = 2;
  g_ptr_array_add (f->same_day, second);
  assert_refused (f, third, TAMU_CHECK_NEW, TAMU_ERROR_ROOM_CONFLICT, "room-conflict");

  /* A cancelled booking frees its room. */
  existing->status = TAMU_STATUS_CANCELLED;
  g_clear_pointer (&third->room, g_free);
  g_assert_true (check (f, third, TAMU_CHECK_NEW, NULL));
  g_assert_cmpstr (third->room, ==, "Ruang Konsultasi 1");
}

static void
test_same_booking_is_no_conflict (Fixture *f, gconstpointer data)
{
  TamuBooking *existing = visit ("2024-03-20", "09:00", 2);
  g_autoptr(TamuBooking) edit = NULL;

  existing->id = 7;
  existing->room = g_strdup ("Ruang Konsultasi 1");
  g_ptr_array_add (f->same_day, existing);

  edit = tamu_booking_copy (existing);
  edit->start += 30;
  g_assert_true (check (f, edit, TAMU_CHECK_DEFAULT, NULL));
}

static void
test_unknown_room (Fixture *f, gconstpointer data)
{
  g_autoptr(TamuBooking) b = visit ("2024-03-20", "09:00", 2);

  b->room = g_strdup ("Aula Mezzanine");
  assert_refused (f, b, TAMU_CHECK_NEW, TAMU_ERROR_UNKNOWN_ROOM, "unknown-room");
}

static void
test_daily_cap (Fixture *f, gconstpointer data)
{
  g_autoptr(TamuBooking) b = visit ("2024-03-20", "14:00", 2);
  const char *times[] = { "08:00", "09:00" };

  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      TamuBooking *other = visit ("2024-03-20", times[i], 2);

      other->id = i + 1;
      other->room = g_strdup ("Ruang Konsultasi 1");
      g_ptr_array_add (f->same_day, other);
    }

  /* No cap by default. */
  g_assert_true (check (f, b, TAMU_CHECK_NEW, NULL));

  g_assert_true (tamu_policy_apply_setting (f->policy, "daily-cap", "2", NULL, NULL));
  g_clear_pointer (&b->room, g_free);
  assert_refused (f, b, TAMU_CHECK_NEW, TAMU_ERROR_DAILY_CAP, "daily-cap");

  /* Video conferences are not visits. */
  b->type = TAMU_BOOKING_VIDCON;
  g_assert_true (check (f, b, TAMU_CHECK_NEW, NULL));
}

static void
test_invalid_values (Fixture *f, gconstpointer data)
{
  g_autoptr(TamuBooking) b = NULL;

  b = visit ("2024-03-20", "09:00", 0);
  assert_refused (f, b, TAMU_CHECK_NEW, TAMU_ERROR_INVALID, "guests");
  g_clear_pointer (&b, tamu_booking_unref);

  b = visit ("2024-03-20", "09:00", 2);
  b->duration = 2;
  assert_refused (f, b, TAMU_CHECK_NEW, TAMU_ERROR_INVALID, "duration");
  g_clear_pointer (&b, tamu_booking_unref);

  b = visit ("2024-03-20", "09:00", 2);
  b->start = TAMU_TIME_UNKNOWN;
  assert_refused (f, b, TAMU_CHECK_NEW, TAMU_ERROR_INVALID, "time");
  g_clear_pointer (&b, tamu_booking_unref);

  b = visit ("2024-03-20", "09:00", 2);
  g_clear_pointer (&b->daerah, g_free);
  assert_refused (f, b, TAMU_CHECK_NEW, TAMU_ERROR_INVALID, "daerah");
  g_clear_pointer (&b, tamu_booking_unref);

  b = visit ("2024-03-20", "09:00", 2);
  g_strfreev (b->topics);
  b->topics = g_new0 (char *, 1);
  assert_refused (f, b, TAMU_CHECK_NEW, TAMU_ERROR_INVALID, "topic");
  g_clear_pointer (&b, tamu_booking_unref);

  b = visit ("2024-03-20", "09:00", 2);
  b->email = g_strdup ("not-an-address");
  assert_refused (f, b, TAMU_CHECK_NEW, TAMU_ERROR_INVALID, "email");
  g_clear_pointer (&b, tamu_booking_unref);

  b = visit ("2024-03-20", "09:00", 2);
  b->link = g_strdup ("javascript:alert(1)");
  assert_refused (f, b, TAMU_CHECK_NEW, TAMU_ERROR_INVALID, "link");
  g_clear_pointer (&b, tamu_booking_unref);

  b = visit ("2024-03-20", "09:00", 2);
  g_date_clear (&b->date, 1);
  assert_refused (f, b, TAMU_CHECK_NEW, TAMU_ERROR_INVALID, "date");
}

static void
test_historical_records (Fixture *f, gconstpointer data)
{
  g_autoptr(TamuBooking) b = visit ("2024-03-16", "09:00", 9);
  g_autoptr(GError) error = NULL;

  /* A Saturday visit with nine guests and no time, done: what happened is
   * recorded as it was, breaches and all. */
  b->start = TAMU_TIME_UNKNOWN;
  b->status = TAMU_STATUS_DONE;
  b->actual_guests = 9;
  g_assert_true (check (f, b, TAMU_CHECK_HISTORICAL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (b->guest_limit, ==, 5);
  g_assert_true (tamu_booking_is_over_limit (b));

  /* Values are still checked. */
  b->actual_guests = -1;
  assert_refused (f, b, TAMU_CHECK_HISTORICAL, TAMU_ERROR_INVALID, "actual_guests");
}

static void
test_duplicate_warning (Fixture *f, gconstpointer data)
{
  TamuBooking *existing = visit ("2024-03-21", "09:00", 2);
  g_autoptr(TamuBooking) b = visit ("2024-03-21", "13:00", 3);

  existing->id = 3;
  g_free (existing->daerah);
  existing->daerah = g_strdup ("Kota Banjar");
  existing->room = g_strdup ("Ruang Konsultasi 1");
  g_ptr_array_add (f->same_day, existing);

  g_free (b->daerah);
  b->daerah = g_strdup ("Kota Banjar");
  g_assert_true (check (f, b, TAMU_CHECK_NEW, NULL));
  g_assert_true (has_warning (f, "duplicate-daerah"));
}

static void
test_no_holidays_warning (Fixture *f, gconstpointer data)
{
  g_autoptr(TamuBooking) b = visit ("2027-03-17", "09:00", 2);

  g_assert_true (check (f, b, TAMU_CHECK_NEW, NULL));
  g_assert_true (has_warning (f, "no-holidays-for-year"));
}

static void
test_resolve_daerah (Fixture *f, gconstpointer data)
{
  g_autoptr(TamuBooking) typo = visit ("2024-03-20", "09:00", 2);
  g_autoptr(TamuBooking) dots = visit ("2024-03-20", "09:00", 2);
  g_autoptr(TamuBooking) bank = visit ("2024-03-20", "09:00", 2);
  TamuWarning *warning;

  g_free (dots->daerah);
  dots->daerah = g_strdup ("Kab.. Lamongan");
  g_clear_pointer (&dots->region_code, g_free);
  tamu_rules_resolve_daerah (dots, f->warnings);
  g_assert_cmpstr (dots->daerah, ==, "Kab. Lamongan");
  g_assert_cmpstr (dots->region_code, ==, "35.24");
  g_assert_cmpuint (f->warnings->len, ==, 0);

  g_free (typo->daerah);
  typo->daerah = g_strdup ("Kab. Tidore Kepulauan");
  tamu_rules_resolve_daerah (typo, f->warnings);
  g_assert_cmpstr (typo->daerah, ==, "Kab. Tidore Kepulauan");
  g_assert_null (typo->region_code);
  g_assert_cmpuint (f->warnings->len, ==, 1);
  warning = g_ptr_array_index (f->warnings, 0);
  g_assert_cmpstr (warning->code, ==, "unknown-daerah");
  g_assert_cmpstr (warning->suggestion, ==, "Kota Tidore Kepulauan");

  g_free (bank->daerah);
  bank->daerah = g_strdup ("Bank Kalbar");
  tamu_rules_resolve_daerah (bank, f->warnings);
  g_assert_cmpstr (bank->daerah, ==, "Bank Kalbar");
  g_assert_cmpuint (f->warnings->len, ==, 2);
  warning = g_ptr_array_index (f->warnings, 1);
  g_assert_null (warning->suggestion);
}

static void
test_policy_settings (void)
{
  g_autoptr(TamuPolicy) policy = tamu_policy_new_default ();
  g_autoptr(GError) error = NULL;
  g_autofree char *normalized = NULL;

  g_assert_cmpint (policy->guest_limit, ==, 5);
  g_assert_cmpint (policy->open, ==, 8 * 60);
  g_assert_cmpint (policy->close, ==, 16 * 60);
  g_assert_cmpint (policy->friday_break_start, ==, 11 * 60 + 30);
  g_assert_cmpint (policy->daily_cap, ==, 0);
  g_assert_cmpstr (policy->rooms[0], ==, "Ruang Konsultasi 1");
  g_assert_cmpstr (policy->rooms[1], ==, "Ruang Konsultasi 2");
  g_assert_null (policy->rooms[2]);

  g_assert_true (tamu_policy_apply_setting (policy, "service-hours", "7:30-15:30", &normalized, NULL));
  g_assert_cmpstr (normalized, ==, "07:30-15:30");

  g_assert_false (tamu_policy_apply_setting (policy, "guest-limit", "lots", NULL, &error));
  g_assert_true (g_str_has_prefix (error->message, "guest-limit: "));
  g_clear_error (&error);
  g_assert_cmpint (policy->guest_limit, ==, 5);

  g_assert_false (tamu_policy_apply_setting (policy, "break", "06:00-07:00", NULL, &error));
  g_assert_true (g_str_has_prefix (error->message, "break: "));
  g_clear_error (&error);
  g_assert_cmpint (policy->break_start, ==, 12 * 60);

  g_assert_false (tamu_policy_apply_setting (policy, "rooms", "A;A", NULL, &error));
  g_clear_error (&error);
  g_assert_false (tamu_policy_apply_setting (policy, "colour", "red", NULL, &error));
  g_assert_error (error, TAMU_ERROR, TAMU_ERROR_NOT_FOUND);
}

static void
test_topics (void)
{
  g_autoptr(GPtrArray) topics = tamu_topics_new_default ();
  g_auto(GStrv) resolved = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (tamu_topics_match (topics, "dak nf")->name, ==, "DAK Non Fisik");
  g_assert_cmpstr (tamu_topics_match (topics, "JFAKPD")->name, ==, "JF AKPD");
  g_assert_cmpstr (tamu_topics_match (topics, "Ev. Keuda")->name, ==, "Evaluasi Keuda");
  g_assert_cmpstr (tamu_topics_match (topics, "DID")->name, ==, "Insentif Fiskal");
  g_assert_null (tamu_topics_match (topics, "Zakat"));

  resolved = tamu_topics_resolve_list (topics, "DAU, DAK NF", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (resolved[0], ==, "DAU");
  g_assert_cmpstr (resolved[1], ==, "DAK Non Fisik");
  g_assert_null (resolved[2]);
  g_clear_pointer (&resolved, g_strfreev);

  resolved = tamu_topics_resolve_list (topics, "DAU dan DBH", &error);
  g_assert_cmpuint (g_strv_length (resolved), ==, 2);

  g_assert_null (tamu_topics_resolve_list (topics, "DAU, Zakat", &error));
  g_assert_error (error, TAMU_ERROR, TAMU_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "topic: "));
  g_assert_nonnull (strstr (error->message, "Zakat"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/rules/valid-visit", test_valid_visit);
  ADD ("/rules/guest-limit/refuses-over-and-override", test_guest_limit);
  ADD ("/rules/guest-limit/not-for-vidcon", test_guest_limit_not_for_vidcon);
  ADD ("/rules/closed-day", test_closed_days);
  ADD ("/rules/service-hours", test_service_hours);
  ADD ("/rules/break", test_break);
  ADD ("/rules/past-start", test_past_start);
  ADD ("/rules/room-conflict", test_room_conflict);
  ADD ("/rules/room-conflict/not-with-itself", test_same_booking_is_no_conflict);
  ADD ("/rules/unknown-room", test_unknown_room);
  ADD ("/rules/daily-cap", test_daily_cap);
  ADD ("/rules/invalid-values", test_invalid_values);
  ADD ("/rules/historical-records", test_historical_records);
  ADD ("/rules/warning/duplicate-daerah", test_duplicate_warning);
  ADD ("/rules/warning/no-holidays-for-year", test_no_holidays_warning);
  ADD ("/rules/resolve-daerah", test_resolve_daerah);
#undef ADD
  g_test_add_func ("/rules/policy-settings", test_policy_settings);
  g_test_add_func ("/rules/topics", test_topics);

  return g_test_run ();
}
