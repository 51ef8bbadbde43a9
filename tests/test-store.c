/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <sqlite3.h>
#include <unistd.h>

#include "tamu-error.h"
#include "tamu-parse.h"
#include "tamu-store.h"
#include "tamu-test-db.h"

/* The store on the backend of the test run (TAMU_TEST_DB): a real SQLite
 * file in a temporary folder, or a new database on a real PostgreSQL
 * server.  SQLite internals are checked in test-store-sqlite.c. */

typedef struct
{
  TamuTestDb *db;
  const char *path; /* the database's address */
  TamuStore  *store;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  g_setenv ("TAMU_NOW", "2024-03-01T08:00", TRUE);
  f->db = tamu_test_db_new ();
  f->path = f->db->address;
  f->store = tamu_store_open (f->path, &error);
  g_assert_no_error (error);
  tamu_store_set_actor (f->store, "siti");
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  g_clear_pointer (&f->db, tamu_test_db_free);
}

static TamuBooking *
draft_visit (const char *date,
             const char *time,
             int         guests)
{
  TamuBooking *b = tamu_booking_new ();

  b->type = TAMU_BOOKING_TATAP_MUKA;
  g_assert_true (tamu_parse_date ("date", date, &b->date, NULL));
  g_assert_true (tamu_parse_time ("time", time, &b->start, NULL));
  b->duration = 60;
  b->daerah = g_strdup ("kab bandung");
  g_strfreev (b->topics);
  b->topics = g_strsplit ("TKD", ",", -1);
  b->guests = guests;
  b->contact = g_strdup ("Pak Budi");
  return b;
}

#define count_rows tamu_test_count_rows

static void
test_new_database_seeded (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) holidays = tamu_store_list_holidays (f->store, 2024, NULL);
  g_autoptr(GPtrArray) topics = tamu_store_load_topics (f->store, NULL);
  g_autoptr(TamuPolicy) policy = tamu_store_load_policy (f->store, NULL);

  g_assert_cmpuint (holidays->len, ==, 29); /* 19 holidays + 10 cuti bersama */
  g_assert_cmpuint (topics->len, ==, 15);
  g_assert_cmpint (policy->guest_limit, ==, 5);
  g_assert_cmpstr (policy->rooms[0], ==, "Ruang Konsultasi 1");
  g_assert_cmpint (tamu_store_get_schema_version (f->store), >, 0);
}

static void
test_reopen_keeps_bookings (Fixture *f, gconstpointer data)
{
  g_autoptr(TamuBooking) draft = draft_visit ("2024-03-20", "09:00", 2);
  g_autoptr(TamuBooking) stored = NULL;
  g_autoptr(TamuBooking) again = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  stored = tamu_store_add_booking (f->store, draft, NULL, &error);
  g_assert_no_error (error);
  id = stored->id;

  g_clear_object (&f->store);
  f->store = tamu_store_open (f->path, &error);
  g_assert_no_error (error);

  again = tamu_store_get_booking (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again->uid, ==, stored->uid);
  g_assert_cmpstr (again->daerah, ==, "Kab. Bandung");
  g_assert_cmpstr (again->region_code, ==, "32.04");
  g_assert_cmpstr (again->room, ==, "Ruang Konsultasi 1");
  g_assert_cmpint (again->guest_limit, ==, 5);
  g_assert_cmpstr (again->contact, ==, "Pak Budi");
}

static void
test_add_and_audit (Fixture *f, gconstpointer data)
{
  g_autoptr(TamuBooking) draft = draft_visit ("2024-03-20", "09:00", 2);
  g_autoptr(TamuBooking) stored = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  gboolean saw_daerah = FALSE;

  stored = tamu_store_add_booking (f->store, draft, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (stored->id, >, 0);
  g_assert_nonnull (stored->uid);
  g_assert_true (g_str_has_suffix (stored->uid, "@tamu.djpk.kemenkeu.go.id"));
  g_assert_cmpint (stored->sequence, ==, 0);
  g_assert_cmpint (stored->status, ==, TAMU_STATUS_REQUESTED);

  history = tamu_store_list_history (f->store, "booking", stored->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, >, 0);
  for (guint i = 0; i < history->len; i++)
    {
      TamuAuditEntry *e = g_ptr_array_index (history, i);

      g_assert_cmpstr (e->action, ==, "create");
      g_assert_cmpstr (e->actor, ==, "siti");
      if (g_strcmp0 (e->field, "daerah") == 0)
        {
          saw_daerah = TRUE;
          g_assert_cmpstr (e->new_value, ==, "Kab. Bandung");
        }
    }
  g_assert_true (saw_daerah);
}

static void
test_update_raises_sequence (Fixture *f, gconstpointer data)
{
  g_autoptr(TamuBooking) draft = draft_visit ("2024-03-20", "09:00", 2);
  g_autoptr(TamuBooking) stored = tamu_store_add_booking (f->store, draft, NULL, NULL);
  g_autoptr(TamuBooking) edit = tamu_booking_copy (stored);
  g_autoptr(TamuBooking) updated = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  TamuAuditEntry *last;

  edit->start = 10 * 60;
  edit->guests = 4;
  updated = tamu_store_update_booking (f->store, edit, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (updated->sequence, ==, 1);
  g_assert_cmpstr (updated->uid, ==, stored->uid);

  history = tamu_store_list_history (f->store, "booking", stored->id, NULL);
  last = g_ptr_array_index (history, history->len - 1);
  g_assert_cmpstr (last->action, ==, "update");
  g_assert_cmpstr (last->field, ==, "guests");
  g_assert_cmpstr (last->old_value, ==, "2");
  g_assert_cmpstr (last->new_value, ==, "4");

  /* An update that changes nothing raises nothing. */
  g_clear_pointer (&updated, tamu_booking_unref);
  updated = tamu_store_update_booking (f->store, edit, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (updated->sequence, ==, 1);
  {
    g_autoptr(TamuBooking) again = tamu_store_get_booking (f->store, stored->id, NULL);

    g_assert_cmpint (again->sequence, ==, 1);
  }
}

static void
test_update_refused_keeps_row (Fixture *f, gconstpointer data)
{
  g_autoptr(TamuBooking) draft = draft_visit ("2024-03-20", "09:00", 2);
  g_autoptr(TamuBooking) stored = tamu_store_add_booking (f->store, draft, NULL, NULL);
  g_autoptr(TamuBooking) edit = tamu_booking_copy (stored);
  g_autoptr(TamuBooking) again = NULL;
  g_autoptr(GError) error = NULL;
  gint64 audit_before = count_rows (f->store, "audit");

  edit->guests = 12;
  g_assert_null (tamu_store_update_booking (f->store, edit, NULL, &error));
  g_assert_true (g_str_has_prefix (error->message, "guest-limit:"));

  again = tamu_store_get_booking (f->store, stored->id, NULL);
  g_assert_cmpint (again->guests, ==, 2);
  g_assert_cmpint (again->sequence, ==, 0);
  g_assert_cmpint (count_rows (f->store, "audit"), ==, audit_before);
}

static void
test_refused_add_writes_nothing (Fixture *f, gconstpointer data)
{
  g_autoptr(TamuBooking) draft = draft_visit ("2024-03-16", "09:00", 2);
  g_autoptr(GError) error = NULL;
  gint64 audit_before = count_rows (f->store, "audit");

  g_assert_null (tamu_store_add_booking (f->store, draft, NULL, &error));
  g_assert_error (error, TAMU_ERROR, TAMU_ERROR_CLOSED_DAY);
  g_assert_cmpint (count_rows (f->store, "bookings"), ==, 0);
  g_assert_cmpint (count_rows (f->store, "audit"), ==, audit_before);
}

static void
test_transitions (Fixture *f, gconstpointer data)
{
  g_autoptr(TamuBooking) draft = draft_visit ("2024-03-20", "09:00", 2);
  g_autoptr(TamuBooking) stored = tamu_store_add_booking (f->store, draft, NULL, NULL);
  g_autoptr(TamuBooking) result = NULL;
  g_autoptr(GPtrArray) warnings = tamu_warnings_new ();
  g_autoptr(GError) error = NULL;
  gint64 id = stored->id;

  result = tamu_store_confirm_booking (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result->status, ==, TAMU_STATUS_CONFIRMED);
  g_assert_cmpint (result->sequence, ==, 1);
  g_clear_pointer (&result, tamu_booking_unref);

  g_assert_null (tamu_store_confirm_booking (f->store, id, &error));
  g_assert_true (g_str_has_prefix (error->message, "status:"));
  g_clear_error (&error);

  /* Nobody can be checked in before the day. */
  g_assert_null (tamu_store_check_in (f->store, id, 3, warnings, &error));
  g_assert_true (g_str_has_prefix (error->message, "check-in:"));
  g_clear_error (&error);
  g_assert_null (tamu_store_mark_no_show (f->store, id, &error));
  g_assert_true (g_str_has_prefix (error->message, "no-show:"));
  g_clear_error (&error);

  g_setenv ("TAMU_NOW", "2024-03-20T09:05", TRUE);
  g_assert_null (tamu_store_check_in (f->store, id, 0, warnings, &error));
  g_assert_true (g_str_has_prefix (error->message, "guests:"));
  g_clear_error (&error);

  /* More guests than the limit came: recorded and flagged. */
  result = tamu_store_check_in (f->store, id, 8, warnings, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result->status, ==, TAMU_STATUS_DONE);
  g_assert_cmpint (result->actual_guests, ==, 8);
  g_assert_true (tamu_booking_is_over_limit (result));
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_cmpstr (((TamuWarning *) g_ptr_array_index (warnings, 0))->code, ==, "over-limit");
  g_clear_pointer (&result, tamu_booking_unref);

  g_assert_null (tamu_store_cancel_booking (f->store, id, "late", &error));
  g_assert_true (g_str_has_prefix (error->message, "status:"));
  g_clear_error (&error);
  g_assert_null (tamu_store_check_in (f->store, id, 3, NULL, &error));
  g_clear_error (&error);

  /* Done is history: only notes may change. */
  result = tamu_store_get_booking (f->store, id, NULL);
  result->guests = 3;
  g_assert_null (tamu_store_update_booking (f->store, result, NULL, &error));
  g_assert_true (g_str_has_prefix (error->message, "status:"));
  g_clear_error (&error);
  result->guests = 2;
  g_free (result->notes);
  result->notes = g_strdup ("Membahas TKD 2024");
  g_clear_pointer (&result, tamu_booking_unref);
  {
    g_autoptr(TamuBooking) edit = tamu_store_get_booking (f->store, id, NULL);
    g_autoptr(TamuBooking) noted = NULL;

    g_free (edit->notes);
    edit->notes = g_strdup ("Membahas TKD 2024");
    noted = tamu_store_update_booking (f->store, edit, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (noted->notes, ==, "Membahas TKD 2024");
  }
  g_setenv ("TAMU_NOW", "2024-03-01T08:00", TRUE);
}

static void
test_cancel_and_no_show (Fixture *f, gconstpointer data)
{
  g_autoptr(TamuBooking) a = draft_visit ("2024-03-20", "09:00", 2);
  g_autoptr(TamuBooking) b = draft_visit ("2024-03-20", "10:00", 2);
  g_autoptr(TamuBooking) stored_a = tamu_store_add_booking (f->store, a, NULL, NULL);
  g_autoptr(TamuBooking) stored_b = tamu_store_add_booking (f->store, b, NULL, NULL);
  g_autoptr(TamuBooking) cancelled = NULL;
  g_autoptr(TamuBooking) missed = NULL;
  g_autoptr(TamuBooking) replacement = NULL;
  g_autoptr(TamuBooking) taken = draft_visit ("2024-03-20", "09:00", 2);
  g_autoptr(GError) error = NULL;

  cancelled = tamu_store_cancel_booking (f->store, stored_a->id, "Jadwal bentrok", &error);
  g_assert_no_error (error);
  g_assert_cmpint (cancelled->status, ==, TAMU_STATUS_CANCELLED);
  g_assert_cmpstr (cancelled->cancel_reason, ==, "Jadwal bentrok");
  g_assert_cmpint (cancelled->sequence, ==, 1);

  /* The cancelled visit's room is free again. */
  g_free (taken->room);
  taken->room = g_strdup ("Ruang Konsultasi 1");
  replacement = tamu_store_add_booking (f->store, taken, NULL, &error);
  g_assert_no_error (error);

  g_setenv ("TAMU_NOW", "2024-03-20T12:00", TRUE);
  missed = tamu_store_mark_no_show (f->store, stored_b->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (missed->status, ==, TAMU_STATUS_NO_SHOW);
  g_setenv ("TAMU_NOW", "2024-03-01T08:00", TRUE);
}

static void
test_soft_delete (Fixture *f, gconstpointer data)
{
  g_autoptr(TamuBooking) draft = draft_visit ("2024-03-20", "09:00", 2);
  g_autoptr(TamuBooking) stored = tamu_store_add_booking (f->store, draft, NULL, NULL);
  g_autoptr(GError) error = NULL;
  TamuBookingFilter filter;
  g_autoptr(GPtrArray) list = NULL;

  g_assert_true (tamu_store_delete_booking (f->store, stored->id, &error));
  g_assert_null (tamu_store_get_booking (f->store, stored->id, &error));
  g_assert_error (error, TAMU_ERROR, TAMU_ERROR_NOT_FOUND);
  tamu_booking_filter_init (&filter);
  list = tamu_store_list_bookings (f->store, &filter, NULL);
  g_assert_cmpuint (list->len, ==, 0);
  /* The row is still there. */
  g_assert_cmpint (count_rows (f->store, "bookings"), ==, 1);
}

static void
test_list_and_search (Fixture *f, gconstpointer data)
{
  const char *times[] = { "13:00", "09:00", "10:00" };
  g_autoptr(GPtrArray) list = NULL;
  TamuBookingFilter filter;

  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      g_autoptr(TamuBooking) draft = draft_visit (i == 2 ? "2024-03-21" : "2024-03-20", times[i], 2);
      g_autoptr(TamuBooking) stored = NULL;

      if (i == 1)
        {
          g_free (draft->daerah);
          draft->daerah = g_strdup ("Kota Tomohon");
          g_free (draft->ticket);
          draft->ticket = g_strdup ("TKT-99_1");
          g_strfreev (draft->topics);
          draft->topics = g_strsplit ("Pembiayaan,DAU", ",", -1);
        }
      stored = tamu_store_add_booking (f->store, draft, NULL, NULL);
      g_assert_nonnull (stored);
    }

  tamu_booking_filter_init (&filter);
  tamu_parse_date ("date", "2024-03-20", &filter.from, NULL);
  filter.to = filter.from;
  list = tamu_store_list_bookings (f->store, &filter, NULL);
  g_assert_cmpuint (list->len, ==, 2);
  /* In time order. */
  g_assert_cmpint (((TamuBooking *) g_ptr_array_index (list, 0))->start, ==, 9 * 60);
  g_assert_cmpstr (((TamuBooking *) g_ptr_array_index (list, 0))->topics[1], ==, "DAU");
  g_clear_pointer (&list, g_ptr_array_unref);

  tamu_booking_filter_init (&filter);
  filter.text = "pembiayaan";
  list = tamu_store_list_bookings (f->store, &filter, NULL);
  g_assert_cmpuint (list->len, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* LIKE's wildcards in the text are taken literally. */
  filter.text = "99_1";
  list = tamu_store_list_bookings (f->store, &filter, NULL);
  g_assert_cmpuint (list->len, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);
  filter.text = "%";
  list = tamu_store_list_bookings (f->store, &filter, NULL);
  g_assert_cmpuint (list->len, ==, 0);
}

static void
test_settings (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TamuPolicy) policy = NULL;
  g_autofree char *value = NULL;
  g_autoptr(GPtrArray) history = NULL;

  g_assert_true (tamu_store_set_setting (f->store, "guest-limit", "8", &error));
  value = tamu_store_get_setting (f->store, "guest-limit", NULL);
  g_assert_cmpstr (value, ==, "8");
  policy = tamu_store_load_policy (f->store, NULL);
  g_assert_cmpint (policy->guest_limit, ==, 8);

  g_assert_false (tamu_store_set_setting (f->store, "guest-limit", "0", &error));
  g_assert_true (g_str_has_prefix (error->message, "guest-limit:"));
  g_clear_error (&error);
  g_assert_false (tamu_store_set_setting (f->store, "no-such-key", "1", &error));
  g_assert_error (error, TAMU_ERROR, TAMU_ERROR_NOT_FOUND);

  history = tamu_store_list_history (f->store, "setting", 0, NULL);
  g_assert_cmpuint (history->len, ==, 1);
  g_assert_cmpstr (((TamuAuditEntry *) g_ptr_array_index (history, 0))->old_value, ==, "5");

  /* A booking keeps the limit it was made under. */
  {
    g_autoptr(TamuBooking) draft = draft_visit ("2024-03-20", "09:00", 7);
    g_autoptr(TamuBooking) stored = tamu_store_add_booking (f->store, draft, NULL, NULL);
    g_autoptr(TamuBooking) later = NULL;

    g_assert_true (tamu_store_set_setting (f->store, "guest-limit", "5", NULL));
    later = tamu_store_get_booking (f->store, stored->id, NULL);
    g_assert_cmpint (later->guest_limit, ==, 8);
  }
}

static void
test_holidays (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TamuCalendar) calendar = NULL;
  g_autoptr(TamuBooking) draft = draft_visit ("2024-03-21", "09:00", 2);
  GDate day;

  tamu_parse_date ("date", "2024-03-21", &day, NULL);
  g_assert_true (tamu_store_add_holiday (f->store, &day, "Libur kantor", TAMU_HOLIDAY_CUTI_BERSAMA, &error));
  g_assert_null (tamu_store_add_booking (f->store, draft, NULL, &error));
  g_assert_true (g_str_has_prefix (error->message, "closed-day:"));
  g_clear_error (&error);

  g_assert_true (tamu_store_remove_holiday (f->store, &day, &error));
  calendar = tamu_store_load_calendar (f->store, NULL);
  g_assert_null (tamu_calendar_lookup (calendar, &day));
  g_assert_false (tamu_store_remove_holiday (f->store, &day, &error));
  g_assert_error (error, TAMU_ERROR, TAMU_ERROR_NOT_FOUND);
  g_clear_error (&error);

  {
    g_autoptr(TamuBooking) stored = tamu_store_add_booking (f->store, draft, NULL, &error);

    g_assert_no_error (error);
  }
}

static void
test_import_all_or_nothing (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) tamu_booking_unref);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  TamuBooking *record = draft_visit ("2024-02-10", "09:00", 9); /* a Saturday, over the limit */
  TamuBooking *good = draft_visit ("2024-03-20", "09:00", 2);
  TamuBooking *clash = draft_visit ("2024-03-20", "09:00", 2);
  TamuBooking *clash2 = draft_visit ("2024-03-20", "09:30", 2);
  guint lines[] = { 2, 3, 4, 5 };

  record->status = TAMU_STATUS_DONE;
  record->actual_guests = 9;
  g_ptr_array_add (rows, record);
  g_ptr_array_add (rows, good);
  g_ptr_array_add (rows, clash);
  clash2->guests = 10;
  g_ptr_array_add (rows, clash2);

  /* Both rooms are taken at 09:00 by the rows before: clash gets room 2,
   * clash2 breaks the guest limit. */
  g_assert_false (tamu_store_import_bookings (f->store, rows, lines, FALSE, NULL, problems, &error));
  g_assert_error (error, TAMU_ERROR, TAMU_ERROR_INVALID);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (problems, 0), "line 5: guest-limit:"));
  g_assert_cmpint (count_rows (f->store, "bookings"), ==, 0);
  g_clear_error (&error);

  /* Dry run of the good rows writes nothing either. */
  g_ptr_array_remove_index (rows, 3);
  g_ptr_array_set_size (problems, 0);
  g_assert_true (tamu_store_import_bookings (f->store, rows, lines, TRUE, NULL, problems, &error));
  g_assert_cmpint (count_rows (f->store, "bookings"), ==, 0);

  g_assert_true (tamu_store_import_bookings (f->store, rows, lines, FALSE, NULL, problems, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f->store, "bookings"), ==, 3);
}

static void
test_find_slots (Fixture *f, gconstpointer data)
{
  g_autoptr(TamuBooking) a = draft_visit ("2024-03-20", "08:00", 2);
  g_autoptr(TamuBooking) b = draft_visit ("2024-03-20", "08:00", 2);
  g_autoptr(TamuBooking) sa = tamu_store_add_booking (f->store, a, NULL, NULL);
  g_autoptr(TamuBooking) sb = tamu_store_add_booking (f->store, b, NULL, NULL);
  TamuSlotQuery query = { .type = TAMU_BOOKING_TATAP_MUKA, .days = 1, .guests = 2, .max_slots = 1 };
  g_autoptr(GPtrArray) slots = NULL;
  GDate day;

  g_assert_nonnull (sa);
  g_assert_nonnull (sb);
  tamu_parse_date ("date", "2024-03-20", &day, NULL);
  slots = tamu_store_find_slots (f->store, &day, &query, NULL);
  g_assert_cmpuint (slots->len, ==, 1);
  g_assert_cmpint (((TamuSlot *) g_ptr_array_index (slots, 0))->start, ==, 9 * 60);
}

typedef struct
{
  const char *path;
  int    first_day;
  guint  n;
} WriterJob;

static gpointer
writer_thread (gpointer data)
{
  WriterJob *job = data;
  g_autoptr(TamuStore) store = tamu_store_open (job->path, NULL);
  guint written = 0;

  g_assert_nonnull (store);
  for (guint i = 0; i < job->n; i++)
    {
      g_autofree char *date = g_strdup_printf ("2024-05-%02d", job->first_day + (int) (i % 2));
      g_autofree char *time = g_strdup_printf ("%02d:00", 8 + (int) (i / 2) % 3);
      g_autoptr(TamuBooking) draft = draft_visit (date, time, 2);
      g_autoptr(TamuBooking) stored = NULL;

      draft->type = TAMU_BOOKING_VIDCON;
      stored = tamu_store_add_booking (store, draft, NULL, NULL);
      if (stored != NULL)
        written++;
    }
  return GUINT_TO_POINTER (written);
}

static void
test_second_connection (Fixture *f, gconstpointer data)
{
  g_autoptr(TamuStore) other = NULL;
  g_autoptr(TamuBooking) mine = draft_visit ("2024-03-20", "09:00", 2);
  g_autoptr(TamuBooking) theirs = draft_visit ("2024-03-20", "09:30", 2);
  g_autoptr(TamuBooking) stored = NULL;
  g_autoptr(GError) error = NULL;
  WriterJob jobs[2] = { { f->path, 13, 30 }, { f->path, 20, 30 } };
  GThread *threads[2];
  guint total = 0;

  other = tamu_store_open (f->path, &error);
  g_assert_no_error (error);

  /* Another desk's booking is seen by the rules of this one. */
  g_free (mine->room);
  mine->room = g_strdup ("Ruang Konsultasi 1");
  stored = tamu_store_add_booking (other, mine, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (tamu_store_poll_changed (f->store));
  g_free (theirs->room);
  theirs->room = g_strdup ("Ruang Konsultasi 1");
  g_assert_null (tamu_store_add_booking (f->store, theirs, NULL, &error));
  g_assert_true (g_str_has_prefix (error->message, "room-conflict:"));

  /* Two connections writing at the same time both get through. */
  for (guint i = 0; i < 2; i++)
    threads[i] = g_thread_new ("writer", writer_thread, &jobs[i]);
  for (guint i = 0; i < 2; i++)
    total += GPOINTER_TO_UINT (g_thread_join (threads[i]));
  g_assert_cmpuint (total, ==, 60);
  g_assert_cmpint (count_rows (f->store, "bookings"), ==, 61);
}

/* SQLite's own verdict on the file, read without the store. */
static char *
sqlite_integrity_check (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *result = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return result;
}

typedef struct
{
  GMainLoop *loop;
  gboolean   arrived;
} Watch;

static void
changed_cb (TamuStore *store,
            Watch     *watch)
{
  watch->arrived = TRUE;
  g_main_loop_quit (watch->loop);
}

static gboolean
give_up_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

/* Another desk's booking wakes this desk's store: a LISTEN notification on
 * PostgreSQL, a data_version poll on SQLite. */
static void
test_watch_sees_other_desk (Fixture *f, gconstpointer data)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(TamuStore) other = NULL;
  g_autoptr(TamuBooking) draft = draft_visit ("2024-03-20", "09:00", 2);
  g_autoptr(TamuBooking) stored = NULL;
  g_autoptr(GError) error = NULL;
  Watch watch = { loop, FALSE };
  gint64 started;
  guint timeout;

  other = tamu_store_open (f->path, &error);
  g_assert_no_error (error);
  tamu_store_watch (f->store);
  g_assert_true (tamu_store_get_available (f->store));
  g_signal_connect (f->store, "changed", G_CALLBACK (changed_cb), &watch);

  stored = tamu_store_add_booking (other, draft, NULL, &error);
  g_assert_no_error (error);
  started = g_get_monotonic_time ();
  /* A generous bound, so that a change that never arrives fails the test
   * instead of hanging it. */
  timeout = g_timeout_add_seconds (20, give_up_cb, loop);
  g_main_loop_run (loop);
  g_test_message ("another desk's change arrived after %.0f ms",
                  (g_get_monotonic_time () - started) / 1000.0);
  g_assert_true (watch.arrived);
  g_assert_true (tamu_store_get_available (f->store));
  if (!watch.arrived)
    return;
  g_source_remove (timeout);
  g_signal_handlers_disconnect_by_func (f->store, changed_cb, &watch);
}

static void
test_sigkill_mid_import (Fixture *f, gconstpointer data)
{
  const guint n_saved = 10;
  const guint n_import = 20000;
  int pipe_fds[2];
  pid_t pid;
  char line[64];
  guint reported = 0;
  gint64 saved_ids[10];
  FILE *from_child;

  g_clear_object (&f->store);
  g_assert_cmpint (pipe (pipe_fds), ==, 0);

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      /* The writer: saves bookings one by one, telling the parent each
       * one that is committed, then starts one long import. */
      g_autoptr(TamuStore) store = tamu_store_open (f->path, NULL);
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) tamu_booking_unref);
      FILE *to_parent = fdopen (pipe_fds[1], "w");

      close (pipe_fds[0]);
      for (guint i = 0; i < n_saved; i++)
        {
          g_autofree char *time = g_strdup_printf ("%02d:00", 8 + (int) i % 4);
          g_autoptr(TamuBooking) draft = draft_visit (i < 4 ? "2024-03-20" : "2024-03-21", time, 2);
          g_autoptr(TamuBooking) stored = NULL;

          draft->type = TAMU_BOOKING_VIDCON;
          stored = tamu_store_add_booking (store, draft, NULL, NULL);
          fprintf (to_parent, "%" G_GINT64_FORMAT "\n", stored != NULL ? stored->id : (gint64) -1);
          fflush (to_parent);
        }
      for (guint i = 0; i < n_import; i++)
        {
          TamuBooking *record = draft_visit ("2023-06-05", "09:00", 3);

          record->status = TAMU_STATUS_DONE;
          record->actual_guests = 3;
          g_ptr_array_add (rows, record);
        }
      fprintf (to_parent, "import\n");
      fflush (to_parent);
      tamu_store_import_bookings (store, rows, NULL, FALSE, NULL, NULL, NULL);
      fprintf (to_parent, "done\n");
      fflush (to_parent);
      _exit (0);
    }

  close (pipe_fds[1]);
  from_child = fdopen (pipe_fds[0], "r");
  while (fgets (line, sizeof line, from_child) != NULL)
    {
      if (g_str_has_prefix (line, "import"))
        break;
      g_assert_cmpuint (reported, <, n_saved);
      saved_ids[reported++] = g_ascii_strtoll (line, NULL, 10);
    }
  g_assert_cmpuint (reported, ==, n_saved);

  /* Kill the writer in the middle of its import. */
  g_usleep (30 * 1000);
  kill (pid, SIGKILL);
  waitpid (pid, NULL, 0);
  fclose (from_child);

  {
    g_autoptr(GError) error = NULL;
    g_autofree char *integrity = NULL;
    gint64 imported;

    f->store = tamu_store_open (f->path, &error);
    g_assert_no_error (error);
    if (tamu_test_db_is_sqlite ())
      {
        integrity = sqlite_integrity_check (f->path);
        g_assert_cmpstr (integrity, ==, "ok");
      }

    /* Every booking reported as saved is there… */
    for (guint i = 0; i < n_saved; i++)
      {
        g_autoptr(TamuBooking) booking = NULL;

        g_assert_cmpint (saved_ids[i], >, 0);
        booking = tamu_store_get_booking (f->store, saved_ids[i], &error);
        g_assert_no_error (error);
      }
    /* …and the import is there whole or not at all. */
    imported = count_rows (f->store, "bookings") - n_saved;
    g_test_message ("import rows after SIGKILL: %" G_GINT64_FORMAT, imported);
    g_assert_true (imported == 0 || imported == n_import);
  }
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *config = g_dir_make_tmp ("tamu-config-XXXXXX", NULL);

  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/store/open/seeded", test_new_database_seeded);
  ADD ("/store/open/reopen-keeps-bookings", test_reopen_keeps_bookings);
  ADD ("/store/booking/add-and-audit", test_add_and_audit);
  ADD ("/store/booking/update-raises-sequence", test_update_raises_sequence);
  ADD ("/store/booking/refused-update-keeps-row", test_update_refused_keeps_row);
  ADD ("/store/booking/refused-add-writes-nothing", test_refused_add_writes_nothing);
  ADD ("/store/booking/transitions", test_transitions);
  ADD ("/store/booking/cancel-and-no-show", test_cancel_and_no_show);
  ADD ("/store/booking/soft-delete", test_soft_delete);
  ADD ("/store/booking/list-and-search", test_list_and_search);
  ADD ("/store/settings", test_settings);
  ADD ("/store/holidays", test_holidays);
  ADD ("/store/import/all-or-nothing", test_import_all_or_nothing);
  ADD ("/store/slots", test_find_slots);
  ADD ("/store/concurrency/second-connection", test_second_connection);
  ADD ("/store/concurrency/watch-sees-other-desk", test_watch_sees_other_desk);
  ADD ("/store/crash/sigkill-mid-import", test_sigkill_mid_import);
#undef ADD

  return g_test_run ();
}
