/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "tamu-error.h"
#include "tamu-parse.h"
#include "tamu-ppid-recap.h"
#include "tamu-ppid-reminders.h"
#include "tamu-ppid.h"
#include "tamu-store-ppid.h"
#include "tamu-store-private.h"
#include "tamu-test-db.h"

/* The shipped holiday list (data/holidays.csv): the calendar a new database
 * starts with, so the arithmetic is checked on the real dates. */
static TamuCalendar *
load_shipped_calendar (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "holidays.csv", NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  TamuCalendar *calendar = tamu_calendar_new ();

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], ",", 3);
      TamuHolidayKind kind;
      GDate date;

      if (g_strv_length (fields) < 3)
        continue;
      g_assert_true (tamu_parse_date ("date", fields[0], &date, &error));
      g_assert_true (tamu_holiday_kind_from_string (fields[1], &kind));
      tamu_calendar_add (calendar, &date, fields[2], kind);
    }
  g_assert_true (tamu_calendar_has_year (calendar, 2024));
  return calendar;
}

static GDate
d (const char *iso)
{
  GDate date;
  g_autoptr(GError) error = NULL;

  g_assert_true (tamu_parse_date ("date", iso, &date, &error));
  return date;
}

static void
assert_date (const GDate *date,
             const char  *expected)
{
  g_autofree char *text = NULL;

  g_assert_true (g_date_valid (date));
  text = tamu_format_date_iso (date);
  g_assert_cmpstr (text, ==, expected);
}

static TamuPpidRequest *
new_request (const char *received)
{
  TamuPpidRequest *request = tamu_ppid_request_new ();

  request->id = 1;
  request->sequence = 7;
  request->received = d (received);
  request->name = g_strdup ("Rina Hapsari");
  request->information = g_strdup ("Realisasi DAU 2023 per daerah");
  return request;
}

static void
assert_due (TamuCalendar *calendar,
            const char   *received,
            const char   *expected)
{
  g_autoptr(TamuPpidRequest) request = new_request (received);
  GDate due;

  tamu_ppid_request_get_due (request, calendar, &due);
  assert_date (&due, expected);
}

static void
test_due_example (void)
{
  g_autoptr(TamuCalendar) calendar = load_shipped_calendar ();

  /* DOMAIN.md: 11 March is Nyepi, 12 March cuti bersama. */
  assert_due (calendar, "2024-03-01", "2024-03-19");
  /* A request completed on a Saturday counts from the same weekend. */
  assert_due (calendar, "2024-03-02", "2024-03-19");
  assert_due (calendar, "2024-03-04", "2024-03-20");
}

static void
test_due_idul_fitri (void)
{
  g_autoptr(TamuCalendar) calendar = load_shipped_calendar ();

  /* 8–12 and 15 April 2024 closed: 5 April is day 1, 16 April day 2. */
  assert_due (calendar, "2024-04-04", "2024-04-26");
  assert_due (calendar, "2024-04-05", "2024-04-29");
}

static void
test_due_election (void)
{
  g_autoptr(TamuCalendar) calendar = load_shipped_calendar ();

  /* 8 (Isra Mikraj), 9 (cuti bersama) and 14 February (election) closed. */
  assert_due (calendar, "2024-02-05", "2024-02-22");
  /* Without the election day it would be one day earlier. */
  {
    g_autoptr(TamuCalendar) no_election = tamu_calendar_new ();
    GDate date;

    date = d ("2024-02-08");
    tamu_calendar_add (no_election, &date, "Isra Mikraj", TAMU_HOLIDAY_NATIONAL);
    date = d ("2024-02-09");
    tamu_calendar_add (no_election, &date, "Cuti bersama", TAMU_HOLIDAY_CUTI_BERSAMA);
    assert_due (no_election, "2024-02-05", "2024-02-21");
  }
}

static void
test_due_year_end (void)
{
  g_autoptr(TamuCalendar) calendar = load_shipped_calendar ();
  g_autoptr(TamuPpidRequest) request = new_request ("2024-12-20");
  g_autofree char *number = NULL;

  /* 25 Dec, 26 Dec (cuti bersama) and 1 Jan 2025 closed. */
  assert_due (calendar, "2024-12-20", "2025-01-08");
  /* The number keeps the year of receipt. */
  number = tamu_ppid_request_dup_number (request);
  g_assert_cmpstr (number, ==, "007/PPID-DJPK/XII/2024");
}

static gboolean
apply (TamuPpidRequest *request,
       TamuCalendar    *calendar,
       TamuPpidStep    *step,
       const char      *today,
       GError         **error)
{
  GDate today_date = d (today);

  return tamu_ppid_request_apply (request, calendar, step, &today_date, error);
}

static void
extend (TamuPpidRequest *request,
        TamuCalendar    *calendar,
        int              days,
        const char      *reason,
        GError         **error)
{
  TamuPpidStep step;

  tamu_ppid_step_init (&step, TAMU_PPID_STEP_EXTEND);
  step.days = days;
  step.reason = reason;
  apply (request, calendar, &step, "2024-12-31", error);
}

static gboolean
respond (TamuPpidRequest *request,
         TamuCalendar    *calendar,
         const char      *date,
         TamuPpidDecision decision,
         TamuPpidRefusal  refusal,
         GError         **error)
{
  TamuPpidStep step;

  tamu_ppid_step_init (&step, TAMU_PPID_STEP_RESPOND);
  if (date != NULL)
    step.date = d (date);
  step.decision = decision;
  step.refusal = refusal;
  return apply (request, calendar, &step, "2024-12-31", error);
}

static gboolean
step_on (TamuPpidRequest *request,
         TamuCalendar    *calendar,
         TamuPpidAction   action,
         const char      *date,
         GError         **error)
{
  TamuPpidStep step;

  tamu_ppid_step_init (&step, action);
  if (date != NULL)
    step.date = d (date);
  return apply (request, calendar, &step, "2024-12-31", error);
}

static void
assert_refused (GError     *error,
                const char *prefix)
{
  g_assert_nonnull (error);
  g_assert_true (error->domain == TAMU_ERROR);
  if (!g_str_has_prefix (error->message, prefix))
    g_error ("expected a message starting with “%s”, got “%s”", prefix, error->message);
}

static void
test_extension (void)
{
  g_autoptr(TamuCalendar) calendar = load_shipped_calendar ();
  g_autoptr(TamuPpidRequest) request = new_request ("2024-03-01");
  g_autoptr(GError) error = NULL;
  GDate due;

  /* More than 7 days, and no reason: refused, nothing changed. */
  extend (request, calendar, 8, "Data masih dihimpun", &error);
  assert_refused (error, "extension:");
  g_clear_error (&error);
  extend (request, calendar, 7, "  ", &error);
  assert_refused (error, "reason:");
  g_clear_error (&error);
  g_assert_cmpint (request->status, ==, TAMU_PPID_RECEIVED);
  g_assert_cmpint (request->extension_days, ==, 0);

  extend (request, calendar, 0, "Data masih dihimpun dari daerah", &error);
  g_assert_no_error (error);
  g_assert_cmpint (request->status, ==, TAMU_PPID_EXTENDED);
  g_assert_cmpint (request->extension_days, ==, 7);
  g_assert_cmpstr (request->extension_reason, ==, "Data masih dihimpun dari daerah");
  /* 19 March + 7 working days; 29 March (Good Friday) is after it. */
  tamu_ppid_request_get_due (request, calendar, &due);
  assert_date (&due, "2024-03-28");

  /* Only one extension. */
  extend (request, calendar, 3, "Lagi", &error);
  assert_refused (error, "extension:");
  g_assert_true (g_error_matches (error, TAMU_ERROR, TAMU_ERROR_REFUSED));
  g_clear_error (&error);

  /* A shorter extension adds its own days. */
  {
    g_autoptr(TamuPpidRequest) other = new_request ("2024-03-01");

    extend (other, calendar, 2, "Konfirmasi ke unit pemilik data", &error);
    g_assert_no_error (error);
    tamu_ppid_request_get_due (other, calendar, &due);
    assert_date (&due, "2024-03-21");
  }

  /* An extension noted after the deadline passed is refused. */
  {
    g_autoptr(TamuPpidRequest) late = new_request ("2024-03-01");
    TamuPpidStep step;

    tamu_ppid_step_init (&step, TAMU_PPID_STEP_EXTEND);
    step.reason = "Terlambat";
    step.date = d ("2024-03-20");
    g_assert_false (apply (late, calendar, &step, "2024-12-31", &error));
    assert_refused (error, "extension:");
    g_clear_error (&error);
    step.date = d ("2024-03-19");
    g_assert_true (apply (late, calendar, &step, "2024-12-31", &error));
    g_assert_no_error (error);
    assert_date (&late->extended_on, "2024-03-19");
  }
}

static void
test_service_days (void)
{
  g_autoptr(TamuCalendar) calendar = load_shipped_calendar ();
  g_autoptr(TamuPpidRequest) request = new_request ("2024-03-01");
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (tamu_ppid_request_get_service_days (request, calendar), ==, -1);
  g_assert_true (respond (request, calendar, "2024-03-15", TAMU_PPID_DECISION_GRANTED,
                          TAMU_PPID_REFUSAL_NONE, &error));
  g_assert_no_error (error);
  /* 4–8 and 13–15 March: 8 working days. */
  g_assert_cmpint (tamu_ppid_request_get_service_days (request, calendar), ==, 8);
  g_assert_false (tamu_ppid_request_was_answered_late (request, calendar));

  {
    g_autoptr(TamuPpidRequest) same_day = new_request ("2024-03-01");

    respond (same_day, calendar, "2024-03-01", TAMU_PPID_DECISION_GRANTED,
             TAMU_PPID_REFUSAL_NONE, &error);
    g_assert_no_error (error);
    g_assert_cmpint (tamu_ppid_request_get_service_days (same_day, calendar), ==, 0);
  }
  {
    g_autoptr(TamuPpidRequest) late = new_request ("2024-04-04");

    /* Across Idul Fitri: 5, 16–19, 22 April = 6 days; due 26 April. */
    respond (late, calendar, "2024-04-22", TAMU_PPID_DECISION_PARTIAL,
             TAMU_PPID_REFUSAL_NONE, &error);
    g_assert_no_error (error);
    g_assert_cmpint (tamu_ppid_request_get_service_days (late, calendar), ==, 6);
    g_clear_pointer (&late, tamu_ppid_request_unref);
    late = new_request ("2024-04-04");
    respond (late, calendar, "2024-04-30", TAMU_PPID_DECISION_GRANTED,
             TAMU_PPID_REFUSAL_NONE, &error);
    g_assert_cmpint (tamu_ppid_request_get_service_days (late, calendar), ==, 12);
    g_assert_true (tamu_ppid_request_was_answered_late (late, calendar));
  }
}

static void
test_days_left (void)
{
  g_autoptr(TamuCalendar) calendar = load_shipped_calendar ();
  g_autoptr(TamuPpidRequest) request = new_request ("2024-03-01");
  GDate today;
  int days = 99;

  /* Due Tuesday 19 March. */
  today = d ("2024-03-14");
  g_assert_true (tamu_ppid_request_get_days_left (request, calendar, &today, &days));
  g_assert_cmpint (days, ==, 3);
  g_assert_false (tamu_ppid_request_is_overdue (request, calendar, &today));
  today = d ("2024-03-18");
  tamu_ppid_request_get_days_left (request, calendar, &today, &days);
  g_assert_cmpint (days, ==, 1);
  today = d ("2024-03-19");
  tamu_ppid_request_get_days_left (request, calendar, &today, &days);
  g_assert_cmpint (days, ==, 0);
  g_assert_false (tamu_ppid_request_is_overdue (request, calendar, &today));
  today = d ("2024-03-21");
  tamu_ppid_request_get_days_left (request, calendar, &today, &days);
  g_assert_cmpint (days, ==, -2);
  g_assert_true (tamu_ppid_request_is_overdue (request, calendar, &today));

  /* Answered: nothing pending, never overdue. */
  request->status = TAMU_PPID_ANSWERED;
  request->responded = d ("2024-03-25");
  g_assert_false (tamu_ppid_request_get_days_left (request, calendar, &today, &days));
  g_assert_false (tamu_ppid_request_is_overdue (request, calendar, &today));
}

/* received → answered → objection → objection answered → dispute, and every
 * step refused where it makes no sense. */
static void
test_transitions (void)
{
  g_autoptr(TamuCalendar) calendar = load_shipped_calendar ();
  g_autoptr(TamuPpidRequest) request = new_request ("2024-03-01");
  g_autoptr(GError) error = NULL;
  TamuPpidDeadlines deadlines;

  /* Nothing but an answer or a withdrawal before the answer. */
  g_assert_false (step_on (request, calendar, TAMU_PPID_STEP_OBJECT, "2024-03-05", &error));
  assert_refused (error, "objection: request 007/PPID-DJPK/III/2024 has no written answer yet");
  g_clear_error (&error);
  g_assert_false (step_on (request, calendar, TAMU_PPID_STEP_ANSWER_OBJECTION, "2024-03-05", &error));
  assert_refused (error, "objection-answer:");
  g_clear_error (&error);
  g_assert_false (step_on (request, calendar, TAMU_PPID_STEP_DISPUTE, "2024-03-05", &error));
  assert_refused (error, "dispute:");
  g_clear_error (&error);

  /* Answers: a date before receipt, in the future, none; no decision; a
   * refusal without a reason; a full grant with one. */
  g_assert_false (respond (request, calendar, "2024-02-29", TAMU_PPID_DECISION_GRANTED,
                           TAMU_PPID_REFUSAL_NONE, &error));
  assert_refused (error, "date: 2024-02-29 is before the receipt");
  g_clear_error (&error);
  g_assert_false (respond (request, calendar, "2025-01-02", TAMU_PPID_DECISION_GRANTED,
                           TAMU_PPID_REFUSAL_NONE, &error));
  assert_refused (error, "date: 2025-01-02 is in the future");
  g_clear_error (&error);
  g_assert_false (respond (request, calendar, NULL, TAMU_PPID_DECISION_GRANTED,
                           TAMU_PPID_REFUSAL_NONE, &error));
  assert_refused (error, "date:");
  g_clear_error (&error);
  g_assert_false (respond (request, calendar, "2024-03-15", TAMU_PPID_DECISION_NONE,
                           TAMU_PPID_REFUSAL_NONE, &error));
  assert_refused (error, "decision:");
  g_clear_error (&error);
  g_assert_false (respond (request, calendar, "2024-03-15", TAMU_PPID_DECISION_REFUSED,
                           TAMU_PPID_REFUSAL_NONE, &error));
  assert_refused (error, "refusal-reason:");
  g_clear_error (&error);
  g_assert_false (respond (request, calendar, "2024-03-15", TAMU_PPID_DECISION_GRANTED,
                           TAMU_PPID_REFUSAL_EXEMPT, &error));
  assert_refused (error, "refusal-reason:");
  g_clear_error (&error);
  g_assert_cmpint (request->status, ==, TAMU_PPID_RECEIVED);
  g_assert_false (g_date_valid (&request->responded));

  g_assert_true (respond (request, calendar, "2024-03-15", TAMU_PPID_DECISION_REFUSED,
                          TAMU_PPID_REFUSAL_EXEMPT, &error));
  g_assert_no_error (error);
  g_assert_cmpint (request->status, ==, TAMU_PPID_ANSWERED);
  g_assert_cmpint (request->decision, ==, TAMU_PPID_DECISION_REFUSED);
  g_assert_cmpint (request->refusal, ==, TAMU_PPID_REFUSAL_EXEMPT);
  g_assert_cmpint (request->info_status, ==, TAMU_PPID_INFO_HELD);

  /* Answering twice, extending or withdrawing after the answer. */
  g_assert_false (respond (request, calendar, "2024-03-18", TAMU_PPID_DECISION_GRANTED,
                           TAMU_PPID_REFUSAL_NONE, &error));
  assert_refused (error, "answer: request 007/PPID-DJPK/III/2024 was already answered on 2024-03-15");
  g_clear_error (&error);
  extend (request, calendar, 7, "Terlambat", &error);
  assert_refused (error, "extension:");
  g_clear_error (&error);
  g_assert_false (step_on (request, calendar, TAMU_PPID_STEP_WITHDRAW, NULL, &error));
  assert_refused (error, "withdraw:");
  g_clear_error (&error);
  g_assert_false (step_on (request, calendar, TAMU_PPID_STEP_DISPUTE, "2024-03-20", &error));
  assert_refused (error, "dispute:");
  g_clear_error (&error);

  /* Objection window: 30 working days after 15 March 2024, across Good
   * Friday, Idul Fitri and 1 May. */
  tamu_ppid_request_get_deadlines (request, calendar, &deadlines);
  assert_date (&deadlines.objection_window, "2024-05-08");
  g_assert_false (step_on (request, calendar, TAMU_PPID_STEP_OBJECT, "2024-05-09", &error));
  assert_refused (error, "objection: 2024-05-09 is too late");
  g_clear_error (&error);
  g_assert_false (step_on (request, calendar, TAMU_PPID_STEP_OBJECT, "2024-03-14", &error));
  assert_refused (error, "date: 2024-03-14 is before the answer");
  g_clear_error (&error);
  g_assert_true (step_on (request, calendar, TAMU_PPID_STEP_OBJECT, "2024-05-08", &error));
  g_assert_no_error (error);
  g_assert_cmpint (request->status, ==, TAMU_PPID_OBJECTION_FILED);
  g_assert_false (step_on (request, calendar, TAMU_PPID_STEP_OBJECT, "2024-05-08", &error));
  assert_refused (error, "objection: an objection to request 007/PPID-DJPK/III/2024 was already filed");
  g_clear_error (&error);
  g_assert_false (step_on (request, calendar, TAMU_PPID_STEP_DISPUTE, "2024-05-09", &error));
  assert_refused (error, "dispute: the objection");
  g_clear_error (&error);

  /* The objection's answer is due 30 working days after filing. */
  tamu_ppid_request_get_deadlines (request, calendar, &deadlines);
  assert_date (&deadlines.objection_due, "2024-06-27");
  {
    GDate today = d ("2024-06-28");

    g_assert_true (tamu_ppid_request_is_overdue (request, calendar, &today));
  }
  g_assert_true (step_on (request, calendar, TAMU_PPID_STEP_ANSWER_OBJECTION, "2024-06-20", &error));
  g_assert_no_error (error);
  g_assert_cmpint (request->status, ==, TAMU_PPID_OBJECTION_ANSWERED);
  g_assert_false (step_on (request, calendar, TAMU_PPID_STEP_ANSWER_OBJECTION, "2024-06-24", &error));
  assert_refused (error, "objection-answer:");
  g_clear_error (&error);

  /* Dispute window: 14 working days after 20 June 2024. */
  tamu_ppid_request_get_deadlines (request, calendar, &deadlines);
  assert_date (&deadlines.dispute_window, "2024-07-10");
  g_assert_false (step_on (request, calendar, TAMU_PPID_STEP_DISPUTE, "2024-07-11", &error));
  assert_refused (error, "dispute: 2024-07-11 is too late");
  g_clear_error (&error);
  g_assert_true (step_on (request, calendar, TAMU_PPID_STEP_DISPUTE, "2024-07-10", &error));
  g_assert_no_error (error);
  g_assert_cmpint (request->status, ==, TAMU_PPID_DISPUTE_FILED);
  g_assert_false (step_on (request, calendar, TAMU_PPID_STEP_DISPUTE, "2024-07-10", &error));
  assert_refused (error, "dispute: a dispute over request");
  g_clear_error (&error);

  /* The timeline shows every step and deadline in order. */
  {
    g_autoptr(GPtrArray) timeline = NULL;
    GDate today = d ("2024-07-15");
    const TamuPpidTimelineEntry *entry;

    timeline = tamu_ppid_request_build_timeline (request, calendar, &today);
    g_assert_cmpuint (timeline->len, ==, 9);
    entry = g_ptr_array_index (timeline, 0);
    g_assert_cmpstr (entry->label, ==, "Received");
    entry = g_ptr_array_index (timeline, 1);
    assert_date (&entry->date, "2024-03-15");
    g_assert_false (entry->is_deadline);
    entry = g_ptr_array_index (timeline, 2);
    assert_date (&entry->date, "2024-03-19");
    g_assert_cmpstr (entry->label, ==, "Answer due");
    g_assert_true (entry->is_done);
    g_assert_false (entry->is_late);
    entry = g_ptr_array_index (timeline, 8);
    assert_date (&entry->date, "2024-07-10");
  }
}

static void
test_withdraw (void)
{
  g_autoptr(TamuCalendar) calendar = load_shipped_calendar ();
  g_autoptr(TamuPpidRequest) request = new_request ("2024-03-01");
  g_autoptr(GError) error = NULL;
  GDate today = d ("2024-04-01");

  g_assert_true (step_on (request, calendar, TAMU_PPID_STEP_WITHDRAW, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (request->status, ==, TAMU_PPID_WITHDRAWN);
  /* A withdrawn request is not overdue, and takes no further step. */
  g_assert_false (tamu_ppid_request_is_overdue (request, calendar, &today));
  g_assert_false (step_on (request, calendar, TAMU_PPID_STEP_WITHDRAW, NULL, &error));
  assert_refused (error, "withdraw: request 007/PPID-DJPK/III/2024 was already withdrawn");
  g_clear_error (&error);
  g_assert_false (respond (request, calendar, "2024-03-15", TAMU_PPID_DECISION_GRANTED,
                           TAMU_PPID_REFUSAL_NONE, &error));
  assert_refused (error, "answer: request 007/PPID-DJPK/III/2024 was withdrawn");
  g_clear_error (&error);
  extend (request, calendar, 7, "x", &error);
  assert_refused (error, "extension: request 007/PPID-DJPK/III/2024 was withdrawn");
}

static void
test_refusal_reasons (void)
{
  g_autoptr(TamuCalendar) calendar = load_shipped_calendar ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TamuPpidRequest) not_held = new_request ("2024-03-01");
  g_autoptr(TamuPpidRequest) granted = new_request ("2024-03-01");
  TamuPpidStep step;

  tamu_ppid_step_init (&step, TAMU_PPID_STEP_RESPOND);
  step.date = d ("2024-03-08");
  step.decision = TAMU_PPID_DECISION_REFUSED;
  step.refusal = TAMU_PPID_REFUSAL_NOT_HELD;
  step.holder = "  Badan Pusat Statistik ";
  g_assert_true (apply (not_held, calendar, &step, "2024-12-31", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (not_held->holder, ==, "Badan Pusat Statistik");
  g_assert_cmpint (not_held->info_status, ==, TAMU_PPID_INFO_NOT_HELD);

  /* A holder belongs to a "not held" refusal only. */
  step.decision = TAMU_PPID_DECISION_GRANTED;
  step.refusal = TAMU_PPID_REFUSAL_NONE;
  g_assert_false (apply (granted, calendar, &step, "2024-12-31", &error));
  assert_refused (error, "holder:");
}

static void
test_names (void)
{
  TamuPpidRefusal refusal;
  TamuPpidCategory category;
  TamuPpidStatus status;
  TamuPpidDecision decision;

  g_assert_true (tamu_ppid_refusal_from_string ("not-held", &refusal));
  g_assert_cmpint (refusal, ==, TAMU_PPID_REFUSAL_NOT_HELD);
  g_assert_true (tamu_ppid_refusal_from_string ("Not_Documented", &refusal));
  g_assert_cmpint (refusal, ==, TAMU_PPID_REFUSAL_NOT_DOCUMENTED);
  g_assert_false (tamu_ppid_refusal_from_string ("secret", &refusal));
  g_assert_true (tamu_ppid_category_from_string ("legal-entity", &category));
  g_assert_cmpint (category, ==, TAMU_PPID_CATEGORY_LEGAL_ENTITY);
  g_assert_true (tamu_ppid_status_from_string ("objection-answered", &status));
  g_assert_cmpstr (tamu_ppid_status_to_string (status), ==, "objection-answered");
  g_assert_false (tamu_ppid_decision_from_string ("", &decision));
  g_assert_null (tamu_ppid_decision_to_string (TAMU_PPID_DECISION_NONE));
  g_assert_cmpstr (tamu_ppid_roman_month (4), ==, "IV");
  g_assert_cmpstr (tamu_ppid_roman_month (9), ==, "IX");
}

static void
test_calendar_years (void)
{
  g_autoptr(TamuCalendar) calendar = load_shipped_calendar ();
  g_autoptr(TamuPpidRequest) inside = new_request ("2026-03-02");
  g_autoptr(TamuPpidRequest) across = new_request ("2026-12-28");
  g_autoptr(GError) error = NULL;

  g_assert_true (tamu_ppid_request_check_calendar (inside, calendar, &error));
  g_assert_no_error (error);
  /* Due in January 2027, a year the shipped list does not hold. */
  g_assert_false (tamu_ppid_request_check_calendar (across, calendar, &error));
  assert_refused (error, "holidays: no holiday is recorded for 2027");
}

static void
test_validate (void)
{
  g_autoptr(TamuPpidRequest) request = new_request ("2024-03-01");
  g_autoptr(GError) error = NULL;
  GDate today = d ("2024-03-01");

  g_assert_true (tamu_ppid_request_validate (request, &today, &error));
  g_assert_no_error (error);
  today = d ("2024-02-29");
  g_assert_false (tamu_ppid_request_validate (request, &today, &error));
  assert_refused (error, "received: 2024-03-01 is in the future");
  g_clear_error (&error);
  today = d ("2024-03-01");
  g_clear_pointer (&request->name, g_free);
  request->name = g_strdup (" ");
  g_assert_false (tamu_ppid_request_validate (request, &today, &error));
  assert_refused (error, "name:");
  g_clear_error (&error);
  g_free (request->name);
  request->name = g_strdup ("Rina");
  g_clear_pointer (&request->information, g_free);
  g_assert_false (tamu_ppid_request_validate (request, &today, &error));
  assert_refused (error, "information:");
}

/* ---- the register in a real database -------------------------------- */

typedef struct
{
  TamuTestDb *db;
  const char *path; /* the database's address (TAMU_TEST_DB picks the backend) */
  TamuStore  *store;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_setenv ("TAMU_NOW", "2024-12-31T08:00", TRUE);
  fixture->db = tamu_test_db_new ();
  fixture->path = fixture->db->address;
  fixture->store = tamu_store_open (fixture->path, &error);
  g_assert_no_error (error);
  tamu_store_set_actor (fixture->store, "test");
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->store);
  g_clear_pointer (&fixture->db, tamu_test_db_free);
  g_unsetenv ("TAMU_NOW");
}

static TamuPpidRequest *
store_add (TamuStore  *store,
           const char *received,
           const char *name)
{
  g_autoptr(TamuPpidRequest) draft = tamu_ppid_request_new ();
  g_autoptr(GError) error = NULL;
  TamuPpidRequest *stored;

  draft->received = d (received);
  draft->name = g_strdup (name);
  draft->information = g_strdup ("Realisasi TKD 2023");
  draft->purpose = g_strdup ("Penelitian skripsi");
  stored = tamu_store_add_ppid (store, draft, &error);
  g_assert_no_error (error);
  g_assert_nonnull (stored);
  return stored;
}

static TamuPpidRequest *
store_step (TamuStore       *store,
            gint64           id,
            TamuPpidAction   action,
            const char      *date,
            TamuPpidDecision decision,
            TamuPpidRefusal  refusal)
{
  g_autoptr(GError) error = NULL;
  TamuPpidRequest *request;
  TamuPpidStep step;

  tamu_ppid_step_init (&step, action);
  if (date != NULL)
    step.date = d (date);
  step.decision = decision;
  step.refusal = refusal;
  step.reason = "Data dihimpun dari daerah";
  request = tamu_store_apply_ppid_step (store, id, &step, &error);
  g_assert_no_error (error);
  return request;
}

static void
test_store_numbers (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(TamuPpidRequest) first = store_add (fixture->store, "2024-03-01", "Rina");
  g_autoptr(TamuPpidRequest) second = store_add (fixture->store, "2024-04-04", "Budi");
  g_autoptr(TamuPpidRequest) next_year = NULL;
  g_autoptr(TamuPpidRequest) read = NULL;
  g_autoptr(TamuCalendar) calendar = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *n1 = tamu_ppid_request_dup_number (first);
  g_autofree char *n2 = tamu_ppid_request_dup_number (second);
  g_autofree char *n3 = NULL;
  GDate due;

  g_assert_cmpstr (n1, ==, "001/PPID-DJPK/III/2024");
  g_assert_cmpstr (n2, ==, "002/PPID-DJPK/IV/2024");
  g_assert_cmpstr (first->channel, ==, "website");

  /* The sequence starts again each year. */
  g_setenv ("TAMU_NOW", "2025-01-10T08:00", TRUE);
  next_year = store_add (fixture->store, "2025-01-02", "Sari");
  n3 = tamu_ppid_request_dup_number (next_year);
  g_assert_cmpstr (n3, ==, "001/PPID-DJPK/I/2025");

  /* A request in the future, or without a name, is not registered. */
  {
    g_autoptr(TamuPpidRequest) draft = tamu_ppid_request_new ();
    TamuPpidRequest *stored;

    draft->received = d ("2025-01-11");
    draft->name = g_strdup ("Sari");
    draft->information = g_strdup ("APBD");
    stored = tamu_store_add_ppid (fixture->store, draft, &error);
    g_assert_null (stored);
    assert_refused (error, "received: 2025-01-11 is in the future");
    g_clear_error (&error);
  }

  /* The deadlines follow the holidays shipped in the database. */
  calendar = tamu_store_load_calendar (fixture->store, &error);
  g_assert_no_error (error);
  read = tamu_store_get_ppid (fixture->store, first->id, &error);
  g_assert_no_error (error);
  tamu_ppid_request_get_due (read, calendar, &due);
  assert_date (&due, "2024-03-19");
  g_clear_pointer (&read, tamu_ppid_request_unref);
  read = tamu_store_get_ppid (fixture->store, second->id, &error);
  tamu_ppid_request_get_due (read, calendar, &due);
  assert_date (&due, "2024-04-26");
  g_assert_cmpstr (read->purpose, ==, "Penelitian skripsi");

  g_assert_null (tamu_store_get_ppid (fixture->store, 999, &error));
  g_assert_true (g_error_matches (error, TAMU_ERROR, TAMU_ERROR_NOT_FOUND));
}

static void
test_store_steps (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(TamuPpidRequest) request = store_add (fixture->store, "2024-03-01", "Rina");
  g_autoptr(TamuPpidRequest) answered = NULL;
  g_autoptr(TamuPpidRequest) read = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  TamuPpidStep step;
  guint before;

  answered = store_step (fixture->store, request->id, TAMU_PPID_STEP_EXTEND, "2024-03-18",
                         TAMU_PPID_DECISION_NONE, TAMU_PPID_REFUSAL_NONE);
  g_clear_pointer (&answered, tamu_ppid_request_unref);
  answered = store_step (fixture->store, request->id, TAMU_PPID_STEP_RESPOND, "2024-03-27",
                         TAMU_PPID_DECISION_REFUSED, TAMU_PPID_REFUSAL_NOT_DOCUMENTED);
  g_assert_cmpint (answered->status, ==, TAMU_PPID_ANSWERED);

  history = tamu_store_list_history (fixture->store, "ppid", request->id, &error);
  g_assert_no_error (error);
  before = history->len;

  /* A refused step writes nothing, not even an audit row. */
  tamu_ppid_step_init (&step, TAMU_PPID_STEP_RESPOND);
  step.date = d ("2024-03-28");
  step.decision = TAMU_PPID_DECISION_GRANTED;
  g_assert_null (tamu_store_apply_ppid_step (fixture->store, request->id, &step, &error));
  assert_refused (error, "answer: request 001/PPID-DJPK/III/2024 was already answered on 2024-03-27");
  g_clear_error (&error);
  g_clear_pointer (&history, g_ptr_array_unref);
  history = tamu_store_list_history (fixture->store, "ppid", request->id, &error);
  g_assert_cmpuint (history->len, ==, before);

  /* Everything survives reopening the file. */
  g_clear_object (&fixture->store);
  fixture->store = tamu_store_open (fixture->path, &error);
  g_assert_no_error (error);
  read = tamu_store_get_ppid (fixture->store, request->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (read->status, ==, TAMU_PPID_ANSWERED);
  g_assert_cmpint (read->extension_days, ==, 7);
  assert_date (&read->extended_on, "2024-03-18");
  g_assert_cmpstr (read->extension_reason, ==, "Data dihimpun dari daerah");
  g_assert_cmpint (read->decision, ==, TAMU_PPID_DECISION_REFUSED);
  g_assert_cmpint (read->refusal, ==, TAMU_PPID_REFUSAL_NOT_DOCUMENTED);
  g_assert_cmpint (read->info_status, ==, TAMU_PPID_INFO_NOT_DOCUMENTED);
  assert_date (&read->responded, "2024-03-27");

  /* The audit names each change: create, then one row per changed field. */
  {
    gboolean saw_create = FALSE, saw_extension = FALSE, saw_decision = FALSE;

    for (guint i = 0; i < history->len; i++)
      {
        const TamuAuditEntry *entry = g_ptr_array_index (history, i);

        g_assert_cmpstr (entry->actor, ==, "test");
        if (g_str_equal (entry->action, "create"))
          {
            saw_create = TRUE;
            g_assert_cmpstr (entry->new_value, ==, "001/PPID-DJPK/III/2024");
          }
        if (g_str_equal (entry->action, "extend") && g_strcmp0 (entry->field, "extension_days") == 0)
          {
            saw_extension = TRUE;
            g_assert_cmpstr (entry->old_value, ==, "0");
            g_assert_cmpstr (entry->new_value, ==, "7");
          }
        if (g_str_equal (entry->action, "respond") && g_strcmp0 (entry->field, "decision") == 0)
          {
            saw_decision = TRUE;
            g_assert_cmpstr (entry->new_value, ==, "refused");
          }
      }
    g_assert_true (saw_create && saw_extension && saw_decision);
  }
}

static void
test_store_update (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(TamuPpidRequest) request = store_add (fixture->store, "2024-03-01", "Rina");
  g_autoptr(TamuPpidRequest) edited = tamu_ppid_request_copy (request);
  g_autoptr(TamuPpidRequest) updated = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  const TamuAuditEntry *last;

  g_free (edited->name);
  edited->name = g_strdup ("  Rina Hapsari ");
  edited->category = TAMU_PPID_CATEGORY_LEGAL_ENTITY;
  edited->fee = 15000;
  /* The state is not an editable field: this is ignored. */
  edited->status = TAMU_PPID_DISPUTE_FILED;
  updated = tamu_store_update_ppid (fixture->store, edited, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (updated->name, ==, "Rina Hapsari");
  g_assert_cmpint (updated->status, ==, TAMU_PPID_RECEIVED);
  g_assert_cmpint (updated->fee, ==, 15000);

  history = tamu_store_list_history (fixture->store, "ppid", request->id, &error);
  last = g_ptr_array_index (history, history->len - 1);
  g_assert_cmpstr (last->action, ==, "update");
  g_assert_cmpuint (history->len, ==, 4); /* create, name, category, fee */

  /* The number carries the month: the receipt date stays in it. */
  edited->received = d ("2024-04-01");
  g_assert_null (tamu_store_update_ppid (fixture->store, edited, &error));
  assert_refused (error, "received: the number 001/PPID-DJPK/III/2024");
  g_clear_error (&error);
  edited->received = d ("2024-03-04");
  g_clear_pointer (&updated, tamu_ppid_request_unref);
  updated = tamu_store_update_ppid (fixture->store, edited, &error);
  g_assert_no_error (error);
  assert_date (&updated->received, "2024-03-04");
}

static void
assert_list (TamuStore            *store,
             const TamuPpidFilter *filter,
             const char           *expected_names)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) names = g_string_new (NULL);

  list = tamu_store_list_ppid (store, filter, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    {
      const TamuPpidRequest *request = g_ptr_array_index (list, i);

      if (i > 0)
        g_string_append_c (names, ',');
      g_string_append (names, request->name);
    }
  g_assert_cmpstr (names->str, ==, expected_names);
}

static void
test_store_filters (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(TamuPpidRequest) a = store_add (fixture->store, "2024-03-01", "Ani");
  g_autoptr(TamuPpidRequest) b = store_add (fixture->store, "2024-03-05", "Budi 100%");
  g_autoptr(TamuPpidRequest) c = store_add (fixture->store, "2024-04-04", "Citra");
  g_autoptr(TamuPpidRequest) tmp = NULL;
  TamuPpidFilter filter;

  tmp = store_step (fixture->store, b->id, TAMU_PPID_STEP_RESPOND, "2024-03-12",
                    TAMU_PPID_DECISION_PARTIAL, TAMU_PPID_REFUSAL_NONE);

  tamu_ppid_filter_init (&filter);
  assert_list (fixture->store, &filter, "Ani,Budi 100%,Citra");
  filter.open_only = TRUE;
  assert_list (fixture->store, &filter, "Ani,Citra");

  /* Overdue as of TAMU_NOW: Ani is due 19 March, Citra 26 April. */
  tamu_ppid_filter_init (&filter);
  filter.overdue_only = TRUE;
  g_setenv ("TAMU_NOW", "2024-03-19T16:00", TRUE);
  assert_list (fixture->store, &filter, "");
  g_setenv ("TAMU_NOW", "2024-03-20T08:00", TRUE);
  assert_list (fixture->store, &filter, "Ani");
  g_setenv ("TAMU_NOW", "2024-04-29T08:00", TRUE);
  assert_list (fixture->store, &filter, "Ani,Citra");

  tamu_ppid_filter_init (&filter);
  filter.from = d ("2024-04-01");
  filter.to = d ("2024-04-30");
  assert_list (fixture->store, &filter, "Citra");

  tamu_ppid_filter_init (&filter);
  filter.decision = TAMU_PPID_DECISION_PARTIAL;
  assert_list (fixture->store, &filter, "Budi 100%");

  /* Search: by name, by number, and "%" is a literal. */
  tamu_ppid_filter_init (&filter);
  filter.text = "cit";
  assert_list (fixture->store, &filter, "Citra");
  filter.text = "002/PPID";
  assert_list (fixture->store, &filter, "Budi 100%");
  filter.text = "0%";
  assert_list (fixture->store, &filter, "Budi 100%");
  filter.text = "realisasi tkd";
  assert_list (fixture->store, &filter, "Ani,Budi 100%,Citra");
}

/* A known year: three answered in March (8, 5 and 6 service days), April
 * with a late refusal, an objection and a dispute, a withdrawal, one open. */
static void
test_recap (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(TamuPpidRequest) r1 = store_add (fixture->store, "2024-03-01", "A");
  g_autoptr(TamuPpidRequest) r2 = store_add (fixture->store, "2024-03-04", "B");
  g_autoptr(TamuPpidRequest) r3 = store_add (fixture->store, "2024-03-06", "C");
  g_autoptr(TamuPpidRequest) r4 = store_add (fixture->store, "2024-04-04", "D");
  g_autoptr(TamuPpidRequest) r5 = store_add (fixture->store, "2024-04-05", "E");
  g_autoptr(TamuPpidRequest) r6 = store_add (fixture->store, "2024-04-30", "F");
  g_autoptr(TamuPpidRequest) r7 = store_add (fixture->store, "2024-12-20", "G");
  g_autoptr(TamuPpidRequest) other_year = NULL;
  g_autoptr(TamuPpidRecap) recap = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *json = NULL;
  g_autofree char *csv = NULL;
  const TamuPpidRecapRow *row;
  TamuPpidRecapRow march;
  int count = -1;

  g_setenv ("TAMU_NOW", "2025-02-01T08:00", TRUE);
  other_year = store_add (fixture->store, "2025-01-02", "H");

#define STEP(r, action, date, decision, refusal) \
  tamu_ppid_request_unref (store_step (fixture->store, r->id, action, date, decision, refusal))
  STEP (r1, TAMU_PPID_STEP_RESPOND, "2024-03-15", TAMU_PPID_DECISION_GRANTED, TAMU_PPID_REFUSAL_NONE);
  STEP (r2, TAMU_PPID_STEP_RESPOND, "2024-03-13", TAMU_PPID_DECISION_GRANTED, TAMU_PPID_REFUSAL_NONE);
  STEP (r3, TAMU_PPID_STEP_RESPOND, "2024-03-18", TAMU_PPID_DECISION_PARTIAL, TAMU_PPID_REFUSAL_NONE);
  /* D: 12 working days, late; refused as not held; objection and dispute. */
  STEP (r4, TAMU_PPID_STEP_RESPOND, "2024-04-30", TAMU_PPID_DECISION_REFUSED, TAMU_PPID_REFUSAL_NOT_HELD);
  STEP (r4, TAMU_PPID_STEP_OBJECT, "2024-05-02", 0, 0);
  STEP (r4, TAMU_PPID_STEP_ANSWER_OBJECTION, "2024-05-20", 0, 0);
  STEP (r4, TAMU_PPID_STEP_DISPUTE, "2024-05-21", 0, 0);
  /* E: exempt, 5 working days (16–19, 22 April). */
  STEP (r5, TAMU_PPID_STEP_RESPOND, "2024-04-22", TAMU_PPID_DECISION_REFUSED, TAMU_PPID_REFUSAL_EXEMPT);
  STEP (r6, TAMU_PPID_STEP_WITHDRAW, NULL, 0, 0);
  STEP (other_year, TAMU_PPID_STEP_RESPOND, "2025-01-03", TAMU_PPID_DECISION_GRANTED, TAMU_PPID_REFUSAL_NONE);
#undef STEP

  recap = tamu_ppid_recap_load (fixture->store, 2024, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tamu_ppid_recap_get_year (recap), ==, 2024);

  row = tamu_ppid_recap_get_month (recap, 3);
  g_assert_cmpint (row->received, ==, 3);
  g_assert_cmpint (row->answered, ==, 3);
  g_assert_cmpint (row->service_days, ==, 19);
  g_assert_cmpfloat_with_epsilon (tamu_ppid_recap_row_get_average (row), 19.0 / 3, 1e-9);
  g_assert_cmpint (row->granted, ==, 2);
  g_assert_cmpint (row->partial, ==, 1);
  g_assert_cmpint (tamu_ppid_recap_row_get_refused (row), ==, 0);

  row = tamu_ppid_recap_get_month (recap, 4);
  g_assert_cmpint (row->received, ==, 3);
  g_assert_cmpint (row->answered, ==, 2);
  g_assert_cmpint (row->service_days, ==, 17);
  g_assert_cmpint (row->late, ==, 1);
  g_assert_cmpint (row->refused_not_held, ==, 1);
  g_assert_cmpint (row->refused_exempt, ==, 1);
  g_assert_cmpint (row->objections, ==, 1);
  g_assert_cmpint (row->disputes, ==, 1);
  g_assert_cmpint (row->withdrawn, ==, 1);

  row = tamu_ppid_recap_get_month (recap, 5);
  g_assert_cmpint (row->received, ==, 0);
  g_assert_true (isnan (tamu_ppid_recap_row_get_average (row)));

  row = tamu_ppid_recap_get_month (recap, 12);
  g_assert_cmpint (row->open, ==, 1);

  /* Totals: the mean over every answer of the year, not a mean of means. */
  row = tamu_ppid_recap_get_totals (recap);
  g_assert_cmpint (row->received, ==, 7);
  g_assert_cmpint (row->answered, ==, 5);
  g_assert_cmpint (row->service_days, ==, 36);
  g_assert_cmpint (row->granted, ==, 2);
  g_assert_cmpint (tamu_ppid_recap_row_get_refused (row), ==, 2);

  text = tamu_ppid_recap_to_text (recap);
  g_assert_nonnull (strstr (text, "Maret"));
  g_assert_nonnull (strstr (text, " 6,33 "));
  g_assert_nonnull (strstr (text, " 8,50 "));
  g_assert_nonnull (strstr (text, " 7,20 "));

  json = tamu_ppid_recap_to_json (recap);
  g_assert_nonnull (strstr (json, "{\"month\": \"2024-03\", \"received\": 3, \"average_service_days\": 6.33, \"granted\": 2, \"partial\": 1, \"refused_exempt\": 0, \"refused_not_held\": 0, \"refused_not_documented\": 0, \"objections\": 0, \"disputes\": 0"));
  g_assert_nonnull (strstr (json, "\"month\": \"2024-05\", \"received\": 0, \"average_service_days\": null"));
  g_assert_nonnull (strstr (json, "\"totals\": {\"month\": \"total\", \"received\": 7, \"average_service_days\": 7.20"));

  /* The decimal comma is quoted: the writer quotes both separators. */
  csv = tamu_ppid_recap_to_csv (recap);
  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBFmonth;received;average_service_days;"));
  g_assert_nonnull (strstr (csv, "\r\n2024-03;3;\"6,33\";2;1;0;0;0;0;0;0\r\n"));
  g_assert_nonnull (strstr (csv, "\r\n2024-05;0;;0;0;0;0;0;0;0;0\r\n"));
  g_assert_nonnull (strstr (csv, "\r\ntotal;7;\"7,20\";2;1;1;1;0;1;1;1\r\n"));

  /* What the monthly summary takes. */
  g_assert_true (tamu_ppid_count_received (fixture->store, 2024, 4, &count, &error));
  g_assert_cmpint (count, ==, 3);
  g_assert_true (tamu_ppid_recap_load_month (fixture->store, 2024, 3, &march, &error));
  g_assert_no_error (error);
  g_assert_cmpint (march.received, ==, 3);
  g_assert_cmpint (march.service_days, ==, 19);
  g_assert_true (tamu_ppid_count_received (fixture->store, 2025, 1, &count, &error));
  g_assert_cmpint (count, ==, 1);
}

/* The morning reminders: due today or the next working day, and overdue. */
static void
test_reminders (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(TamuPpidRequest) a = store_add (fixture->store, "2024-03-01", "Ani");   /* due 19 March */
  g_autoptr(TamuPpidRequest) b = store_add (fixture->store, "2024-03-04", "Budi");  /* due 20 March */
  g_autoptr(TamuPpidRequest) c = store_add (fixture->store, "2024-03-05", "Citra"); /* due 21 March */
  g_autoptr(TamuPpidRequest) e = store_add (fixture->store, "2024-02-26", "Eko");   /* due 12 March… */
  g_autoptr(TamuPpidRequest) answered = NULL;
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GPtrArray) overdue = NULL;
  g_autoptr(TamuCalendar) calendar = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  GDate today = d ("2024-03-19");

  /* …but answered: no reminder. */
  answered = store_step (fixture->store, e->id, TAMU_PPID_STEP_RESPOND, "2024-03-08",
                         TAMU_PPID_DECISION_GRANTED, TAMU_PPID_REFUSAL_NONE);
  calendar = tamu_store_load_calendar (fixture->store, &error);
  g_assert_true (tamu_ppid_reminders_collect (fixture->store, &today, &due, &overdue, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (due->len, ==, 2);
  g_assert_cmpint (((TamuPpidRequest *) g_ptr_array_index (due, 0))->id, ==, a->id);
  g_assert_cmpint (((TamuPpidRequest *) g_ptr_array_index (due, 1))->id, ==, b->id);
  g_assert_cmpuint (overdue->len, ==, 0);

  tamu_ppid_reminders_compose (due, FALSE, calendar, &today, &title, &body);
  g_assert_cmpstr (title, ==, "2 PPID requests are due soon");
  g_assert_cmpstr (body, ==, "001/PPID-DJPK/III/2024 · Ani · due today\n"
                             "002/PPID-DJPK/III/2024 · Budi · due tomorrow");
  g_clear_pointer (&title, g_free);
  g_clear_pointer (&body, g_free);
  g_clear_pointer (&due, g_ptr_array_unref);
  g_clear_pointer (&overdue, g_ptr_array_unref);

  /* Friday 22 March: Ani 3 working days late, Budi 2, Citra 1. */
  today = d ("2024-03-22");
  g_assert_true (tamu_ppid_reminders_collect (fixture->store, &today, &due, &overdue, &error));
  g_assert_cmpuint (due->len, ==, 0);
  g_assert_cmpuint (overdue->len, ==, 3);
  tamu_ppid_reminders_compose (overdue, TRUE, calendar, &today, &title, &body);
  g_assert_cmpstr (title, ==, "3 PPID requests are overdue");
  g_assert_true (g_str_has_prefix (body, "001/PPID-DJPK/III/2024 · Ani · 3 days late\n"));
  g_assert_true (g_str_has_suffix (body, "003/PPID-DJPK/III/2024 · Citra · 1 day late"));
  g_clear_pointer (&title, g_free);
  g_clear_pointer (&body, g_free);
  tamu_ppid_reminders_compose (due, FALSE, calendar, &today, &title, &body);
  g_assert_null (title);
  (void) c;
}

/* A database of the first schema version gains the register on opening. */
static void
test_store_migration (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tamu-ppid-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autoptr(TamuStore) old = NULL;
  g_autoptr(TamuStore) store = NULL;
  g_autoptr(TamuPpidRequest) request = NULL;
  g_autofree char *number = NULL;

  g_setenv ("TAMU_NOW", "2024-12-31T08:00", TRUE);
  old = tamu_store_open_sqlite_at_version (path, 1, &error);
  g_assert_no_error (error);
  g_assert_null (tamu_store_list_ppid (old, NULL, &error));
  g_assert_true (g_error_matches (error, TAMU_ERROR, TAMU_ERROR_STORAGE));
  g_clear_error (&error);
  g_clear_object (&old);

  store = tamu_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tamu_store_get_schema_version (store), >=, 2);
  request = store_add (store, "2024-03-01", "Rina");
  number = tamu_ppid_request_dup_number (request);
  g_assert_cmpstr (number, ==, "001/PPID-DJPK/III/2024");

  g_clear_object (&store);
  tamu_test_remove_tree (dir);
  g_unsetenv ("TAMU_NOW");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ppid/due/example", test_due_example);
  g_test_add_func ("/ppid/due/idul-fitri", test_due_idul_fitri);
  g_test_add_func ("/ppid/due/election", test_due_election);
  g_test_add_func ("/ppid/due/year-end", test_due_year_end);
  g_test_add_func ("/ppid/due/extension", test_extension);
  g_test_add_func ("/ppid/due/days-left", test_days_left);
  g_test_add_func ("/ppid/service-days", test_service_days);
  g_test_add_func ("/ppid/transitions/full-path", test_transitions);
  g_test_add_func ("/ppid/transitions/withdraw", test_withdraw);
  g_test_add_func ("/ppid/transitions/refusal-reasons", test_refusal_reasons);
  g_test_add_func ("/ppid/names", test_names);
  g_test_add_func ("/ppid/validate", test_validate);
  g_test_add_func ("/ppid/calendar-years", test_calendar_years);
  g_test_add_func ("/ppid/store/migration", test_store_migration);
  g_test_add ("/ppid/store/numbers", Fixture, NULL, fixture_setup, test_store_numbers, fixture_teardown);
  g_test_add ("/ppid/store/steps", Fixture, NULL, fixture_setup, test_store_steps, fixture_teardown);
  g_test_add ("/ppid/store/update", Fixture, NULL, fixture_setup, test_store_update, fixture_teardown);
  g_test_add ("/ppid/store/filters", Fixture, NULL, fixture_setup, test_store_filters, fixture_teardown);
  g_test_add ("/ppid/reminders", Fixture, NULL, fixture_setup, test_reminders, fixture_teardown);
  g_test_add ("/ppid/recap/known-set", Fixture, NULL, fixture_setup, test_recap, fixture_teardown);

  return g_test_run ();
}
