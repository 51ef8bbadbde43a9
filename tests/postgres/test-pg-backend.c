/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "pg-test-util.h"
#include "tamu-error.h"
#include "tamu-parse.h"
#include "tamu-topics.h"

/*
 * The PostgreSQL backend, operation by operation, on a real server and a
 * fresh database per test, against what the SQLite backend does
 * (app/storage/tamu-store*.c): the same rows, order, soft deletes, LIKE
 * escaping and messages.
 */

typedef struct
{
  char        *name;
  char        *conninfo;
  TamuBackend *backend;
} Fixture;

#define K(f) ((f)->backend->klass)

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->conninfo = pg_test_create_database (&f->name);
  f->backend = pg_test_open (f->conninfo);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  if (f->backend != NULL)
    K (f)->free (f->backend);
  pg_test_drop_database (f->name);
  g_free (f->name);
  g_free (f->conninfo);
}

static char *
psql (Fixture    *f,
      const char *sql)
{
  return pg_test_psql (f->conninfo, sql);
}

/* As booking_filter_init () and ppid_filter_init () of the
 * service, so that this test needs only the backend. */
static void
booking_filter_init (TamuBookingFilter *filter)
{
  memset (filter, 0, sizeof *filter);
  g_date_clear (&filter->from, 1);
  g_date_clear (&filter->to, 1);
  filter->type = -1;
  filter->status = -1;
  filter->include_cancelled = TRUE;
}

static void
ppid_filter_init (TamuPpidFilter *filter)
{
  memset (filter, 0, sizeof *filter);
  g_date_clear (&filter->from, 1);
  g_date_clear (&filter->to, 1);
  filter->status = -1;
  filter->decision = -1;
}

static GDate
date_of (const char *iso)
{
  GDate date;

  g_assert_true (tamu_parse_date ("date", iso, &date, NULL));
  return date;
}

static TamuBooking *
visit (const char *date,
       int         start,
       const char *room)
{
  TamuBooking *b = tamu_booking_new ();

  b->uid = tamu_booking_new_uid ();
  b->type = TAMU_BOOKING_TATAP_MUKA;
  b->date = date_of (date);
  b->start = start;
  b->duration = 60;
  b->daerah = g_strdup ("Kab. Bandung");
  b->guests = 3;
  b->guest_limit = 5;
  b->room = g_strdup (room);
  b->created_at = g_strdup ("2024-03-01T01:00:00Z");
  b->updated_at = g_strdup ("2024-03-01T01:00:00Z");
  g_strfreev (b->topics);
  b->topics = g_strsplit ("DAU,DAK Non Fisik", ",", -1);
  return b;
}

/* Stores @b in a transaction of its own. */
static void
insert (Fixture     *f,
        TamuBooking *b)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (K (f)->begin (f->backend, &error));
  g_assert_true (K (f)->insert_booking (f->backend, b, &error));
  g_assert_no_error (error);
  g_assert_true (K (f)->commit (f->backend, &error));
  g_assert_no_error (error);
  g_assert_cmpint (b->id, >, 0);
}

static void
assert_same_booking (const TamuBooking *a,
                     const TamuBooking *b)
{
  g_assert_cmpint (a->id, ==, b->id);
  g_assert_cmpstr (a->uid, ==, b->uid);
  g_assert_cmpint (a->sequence, ==, b->sequence);
  g_assert_cmpint (a->type, ==, b->type);
  g_assert_cmpint (g_date_compare (&a->date, &b->date), ==, 0);
  g_assert_cmpint (a->start, ==, b->start);
  g_assert_cmpint (a->duration, ==, b->duration);
  g_assert_cmpstr (a->daerah, ==, b->daerah);
  g_assert_cmpstr (a->region_code, ==, b->region_code);
  g_assert_cmpint (a->guests, ==, b->guests);
  g_assert_cmpint (a->actual_guests, ==, b->actual_guests);
  g_assert_cmpint (a->guest_limit, ==, b->guest_limit);
  g_assert_cmpint (a->status, ==, b->status);
  g_assert_cmpstr (a->room, ==, b->room);
  g_assert_cmpstr (a->instansi, ==, b->instansi);
  g_assert_cmpstr (a->contact, ==, b->contact);
  g_assert_cmpstr (a->phone, ==, b->phone);
  g_assert_cmpstr (a->email, ==, b->email);
  g_assert_cmpstr (a->ticket, ==, b->ticket);
  g_assert_cmpstr (a->pic, ==, b->pic);
  g_assert_cmpstr (a->link, ==, b->link);
  g_assert_cmpstr (a->notes, ==, b->notes);
  g_assert_cmpstr (a->override_reason, ==, b->override_reason);
  g_assert_cmpstr (a->cancel_reason, ==, b->cancel_reason);
  g_assert_cmpstr (a->created_at, ==, b->created_at);
  g_assert_cmpstr (a->updated_at, ==, b->updated_at);
  g_assert_cmpstrv (a->topics, b->topics);
}

/* ---- opening and the schema ---- */

static void
test_schema_created (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) defaults = tamu_topics_new_default ();
  g_autoptr(GPtrArray) topics = NULL;
  g_autoptr(GPtrArray) holidays = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *version = psql (f, "SELECT version FROM tamu.schema_version");
  g_autofree char *ext = psql (f, "SELECT count(*) FROM pg_extension WHERE extname = 'btree_gist'");
  g_autofree char *triggers = psql (f, "SELECT count(*) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
                                       " JOIN pg_namespace n ON n.oid = c.relnamespace"
                                       " WHERE n.nspname = 'tamu' AND t.tgname LIKE '%_changed'");
  gint64 count = -1;
  GDate nyepi = date_of ("2024-03-11");

  g_assert_cmpstr (K (f)->name, ==, "postgresql");
  g_assert_cmpint (K (f)->get_schema_version (f->backend), ==, tamu_pg_backend_get_known_version ());
  g_assert_cmpint (atoi (version), ==, tamu_pg_backend_get_known_version ());
  g_assert_cmpstr (ext, ==, "1");
  g_assert_cmpstr (triggers, ==, "7");
  g_assert_cmpstr (K (f)->get_identity (f->backend), ==, "postgresql://tamu@test/tamu");

  /* Seeded like a new SQLite database: the shipped holidays, the default
   * topics in their order, no bookings. */
  holidays = K (f)->list_holidays (f->backend, 2024, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (holidays->len, >, 20);
  for (guint i = 0; i < holidays->len; i++)
    g_assert_cmpint (g_date_get_year (&((TamuHoliday *) holidays->pdata[i])->date), ==, 2024);
  g_assert_nonnull (holidays);
  {
    gboolean found = FALSE;

    for (guint i = 0; i < holidays->len; i++)
      found |= g_date_compare (&((TamuHoliday *) holidays->pdata[i])->date, &nyepi) == 0;
    g_assert_true (found);
  }
  topics = K (f)->list_topics (f->backend, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (topics->len, ==, defaults->len);
  for (guint i = 0; i < topics->len; i++)
    {
      TamuTopic *got = topics->pdata[i];
      TamuTopic *want = defaults->pdata[i];

      g_assert_cmpstr (got->name, ==, want->name);
      g_assert_cmpstr (got->full_name, ==, want->full_name);
      g_assert_cmpstrv (got->aliases, want->aliases);
    }
  g_assert_true (K (f)->count_rows (f->backend, TAMU_TABLE_BOOKINGS, &count, &error));
  g_assert_cmpint (count, ==, 0);
}

static void
test_reopen_keeps_data (Fixture *f, gconstpointer data)
{
  g_autofree char *before = psql (f, "SELECT count(*) FROM tamu.holidays");
  g_autofree char *after = NULL;
  TamuBackend *second = pg_test_open (f->conninfo);

  after = psql (f, "SELECT count(*) FROM tamu.holidays");
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (second->klass->get_schema_version (second), ==, tamu_pg_backend_get_known_version ());
  second->klass->free (second);
}

static void
test_newer_refused (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = g_strdup_printf ("database: postgresql://tamu@test/tamu was written by a newer "
                                               "Tamu (schema 99; this one knows %d)",
                                               tamu_pg_backend_get_known_version ());
  g_autofree char *count = NULL;
  TamuBackend *second;

  g_free (psql (f, "UPDATE tamu.schema_version SET version = 99"));
  second = tamu_pg_backend_open (f->conninfo, "postgresql://tamu@test/tamu", &error);

  g_assert_null (second);
  g_assert_error (error, TAMU_ERROR, TAMU_ERROR_STORAGE);
  g_assert_cmpstr (error->message, ==, expected);
  /* Refused, not damaged. */
  count = psql (f, "SELECT version FROM tamu.schema_version");
  g_assert_cmpstr (count, ==, "99");
}

static gpointer
open_thread (gpointer conninfo)
{
  g_autoptr(GError) error = NULL;
  TamuBackend *backend = tamu_pg_backend_open (conninfo, NULL, &error);

  g_assert_no_error (error);
  return backend;
}

/* Desks starting at once on an empty database: one migrates, the others wait
 * for it under the advisory lock; the defaults are seeded once. */
static void
test_concurrent_first_open (void)
{
  g_autoptr(GPtrArray) defaults = tamu_topics_new_default ();
  g_autofree char *name = NULL;
  g_autofree char *conninfo = pg_test_create_database (&name);
  g_autofree char *topics = NULL;
  g_autofree char *expected = g_strdup_printf ("%u", defaults->len);
  GThread *threads[4];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("open", open_thread, conninfo);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    {
      TamuBackend *backend = g_thread_join (threads[i]);

      g_assert_nonnull (backend);
      backend->klass->free (backend);
    }
  topics = pg_test_psql (conninfo, "SELECT count(*) FROM tamu.topics");
  g_assert_cmpstr (topics, ==, expected);
  pg_test_drop_database (name);
}

/* ---- settings, holidays, topics, audit ---- */

static void
test_settings (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *at = NULL;

  g_assert_true (K (f)->begin (f->backend, &error));
  g_assert_true (K (f)->put_setting (f->backend, "guest-limit", "6", "2024-03-01T01:00:00Z", &error));
  g_assert_true (K (f)->put_setting (f->backend, "rooms", "A;B", "2024-03-01T01:00:00Z", &error));
  g_assert_true (K (f)->put_setting (f->backend, "guest-limit", "7", "2024-03-02T02:00:00Z", &error));
  g_assert_true (K (f)->commit (f->backend, &error));
  g_assert_no_error (error);

  rows = K (f)->list_settings (f->backend, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (((TamuSettingRow *) rows->pdata[0])->key, ==, "guest-limit");
  g_assert_cmpstr (((TamuSettingRow *) rows->pdata[0])->value, ==, "7");
  g_assert_cmpstr (((TamuSettingRow *) rows->pdata[1])->key, ==, "rooms");
  g_assert_cmpstr (((TamuSettingRow *) rows->pdata[1])->value, ==, "A;B");
  at = psql (f, "SELECT to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') FROM tamu.settings"
                " WHERE key = 'guest-limit'");
  g_assert_cmpstr (at, ==, "2024-03-02 02:00");
}

static void
test_holidays (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(TamuHoliday) eve = NULL;
  g_autofree char *removed = NULL;
  GDate date = date_of ("2031-12-24");
  guint n_all;

  list = K (f)->list_holidays (f->backend, 0, &error);
  g_assert_no_error (error);
  n_all = list->len;
  g_clear_pointer (&list, g_ptr_array_unref);

  eve = tamu_holiday_new (&date, "Cuti bersama Natal", TAMU_HOLIDAY_CUTI_BERSAMA);
  g_assert_true (K (f)->begin (f->backend, &error));
  g_assert_true (K (f)->put_holiday (f->backend, eve, &error));
  g_assert_true (K (f)->commit (f->backend, &error));
  g_assert_no_error (error);

  list = K (f)->list_holidays (f->backend, 2031, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((TamuHoliday *) list->pdata[0])->name, ==, "Cuti bersama Natal");
  g_assert_cmpint (((TamuHoliday *) list->pdata[0])->kind, ==, TAMU_HOLIDAY_CUTI_BERSAMA);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Soft delete: gone from the list, the row stays. */
  g_assert_true (K (f)->begin (f->backend, &error));
  g_assert_true (K (f)->remove_holiday (f->backend, &date, "2024-03-01T01:00:00Z", &error));
  g_assert_true (K (f)->commit (f->backend, &error));
  list = K (f)->list_holidays (f->backend, 2031, &error);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);
  removed = psql (f, "SELECT name FROM tamu.holidays WHERE date = '2031-12-24' AND removed_at IS NOT NULL");
  g_assert_cmpstr (removed, ==, "Cuti bersama Natal");

  /* Put again: revived and replaced. */
  g_free (eve->name);
  eve->name = g_strdup ("Natal");
  eve->kind = TAMU_HOLIDAY_NATIONAL;
  g_assert_true (K (f)->begin (f->backend, &error));
  g_assert_true (K (f)->put_holiday (f->backend, eve, &error));
  g_assert_true (K (f)->commit (f->backend, &error));
  list = K (f)->list_holidays (f->backend, 0, &error);
  g_assert_cmpuint (list->len, ==, n_all + 1);
  g_assert_cmpstr (((TamuHoliday *) list->pdata[list->len - 1])->name, ==, "Natal");
  g_assert_cmpint (((TamuHoliday *) list->pdata[list->len - 1])->kind, ==, TAMU_HOLIDAY_NATIONAL);
}

static void
test_topics (Fixture *f, gconstpointer data)
{
  const char * const aliases[] = { "Otsus", "DOK", NULL };
  const char * const none[] = { NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  TamuTopic *last;
  guint n;

  list = K (f)->list_topics (f->backend, &error);
  n = list->len;
  g_clear_pointer (&list, g_ptr_array_unref);

  g_assert_true (K (f)->begin (f->backend, &error));
  g_assert_true (K (f)->put_topic (f->backend, "Dana Otsus", "Dana Otonomi Khusus", aliases, &error));
  g_assert_true (K (f)->commit (f->backend, &error));
  g_assert_no_error (error);
  list = K (f)->list_topics (f->backend, &error);
  g_assert_cmpuint (list->len, ==, n + 1);
  last = list->pdata[list->len - 1];
  g_assert_cmpstr (last->name, ==, "Dana Otsus");
  g_assert_cmpstr (last->full_name, ==, "Dana Otonomi Khusus");
  g_assert_cmpstrv (last->aliases, aliases);
  g_clear_pointer (&list, g_ptr_array_unref);

  g_assert_true (K (f)->begin (f->backend, &error));
  g_assert_true (K (f)->remove_topic (f->backend, "Dana Otsus", "2024-03-01T01:00:00Z", &error));
  g_assert_true (K (f)->commit (f->backend, &error));
  list = K (f)->list_topics (f->backend, &error);
  g_assert_cmpuint (list->len, ==, n);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Revived with new aliases, still at the end, no full name. */
  g_assert_true (K (f)->begin (f->backend, &error));
  g_assert_true (K (f)->put_topic (f->backend, "Dana Otsus", NULL, none, &error));
  g_assert_true (K (f)->commit (f->backend, &error));
  list = K (f)->list_topics (f->backend, &error);
  g_assert_cmpuint (list->len, ==, n + 1);
  last = list->pdata[list->len - 1];
  g_assert_cmpstr (last->name, ==, "Dana Otsus");
  g_assert_null (last->full_name);
  g_assert_cmpuint (g_strv_length (last->aliases), ==, 0);
}

static void
test_audit (Fixture *f, gconstpointer data)
{
  TamuAuditRow rows[] = {
    { "booking", 7, "create", NULL, NULL, NULL, "siti", "2024-03-01T01:00:00Z" },
    { "booking", 7, "update", "notes", "", "datang pagi", "budi", "2024-03-01T02:00:00Z" },
    { "booking", 8, "create", NULL, NULL, NULL, "siti", "2024-03-01T03:00:00Z" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *db_user = NULL;
  TamuAuditEntry *e;

  g_assert_true (K (f)->begin (f->backend, &error));
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    g_assert_true (K (f)->insert_audit (f->backend, &rows[i], &error));
  g_assert_true (K (f)->commit (f->backend, &error));
  g_assert_no_error (error);

  list = K (f)->list_audit (f->backend, "booking", 7, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  e = list->pdata[0];
  g_assert_cmpstr (e->at, ==, "2024-03-01T01:00:00Z");
  g_assert_cmpstr (e->actor, ==, "siti");
  g_assert_cmpstr (e->action, ==, "create");
  g_assert_null (e->field);
  g_assert_null (e->old_value);
  e = list->pdata[1];
  g_assert_cmpstr (e->field, ==, "notes");
  g_assert_cmpstr (e->old_value, ==, ""); /* "" is kept as "" */
  g_assert_cmpstr (e->new_value, ==, "datang pagi");
  g_assert_cmpstr (e->actor, ==, "budi");

  /* The server records who it was, whatever the desk calls its agent. */
  db_user = psql (f, "SELECT string_agg(DISTINCT db_user, ',') FROM tamu.audit");
  g_assert_cmpstr (db_user, ==, "tamu");
}

/* ---- bookings ---- */

static void
test_booking_round_trip (Fixture *f, gconstpointer data)
{
  g_autoptr(TamuBooking) b = visit ("2024-03-20", 9 * 60, "Ruang Konsultasi 1");
  g_autoptr(TamuBooking) by_id = NULL;
  g_autoptr(TamuBooking) by_uid = NULL;
  g_autoptr(TamuBooking) gone = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *seq = NULL;
  gint64 count = -1;

  b->region_code = g_strdup ("32.04");
  b->instansi = g_strdup ("BPKAD");
  b->contact = g_strdup ("Pak Budi \"Ucok\" O'Neil");
  b->phone = g_strdup ("0812");
  b->email = g_strdup ("budi@example.go.id");
  b->ticket = g_strdup ("T-1");
  b->pic = g_strdup ("Siti");
  b->notes = g_strdup ("Bawa dokumen; 50% draf\nbaris dua");
  b->override_reason = g_strdup ("Kepala daerah hadir");
  b->sequence = 2;
  insert (f, b);

  by_id = K (f)->get_booking (f->backend, b->id, NULL, &error);
  g_assert_no_error (error);
  assert_same_booking (b, by_id);
  by_uid = K (f)->get_booking (f->backend, 0, b->uid, &error);
  g_assert_no_error (error);
  assert_same_booking (b, by_uid);
  g_assert_true (K (f)->count_rows (f->backend, TAMU_TABLE_BOOKINGS, &count, &error));
  g_assert_cmpint (count, ==, 1);

  /* Not found is no error. */
  g_assert_null (K (f)->get_booking (f->backend, b->id + 100, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (K (f)->get_booking (f->backend, 0, "no-such-uid", &error));
  g_assert_no_error (error);

  /* Update rewrites every field but id, uid and created_at, and the topics. */
  by_id->start = TAMU_TIME_UNKNOWN;
  by_id->status = TAMU_STATUS_DONE;
  by_id->actual_guests = 4;
  by_id->sequence = 3;
  g_clear_pointer (&by_id->room, g_free);
  g_clear_pointer (&by_id->notes, g_free);
  g_free (by_id->updated_at);
  by_id->updated_at = g_strdup ("2024-03-21T05:06:07Z");
  g_strfreev (by_id->topics);
  by_id->topics = g_strsplit ("TKD", ",", -1);
  g_assert_true (K (f)->begin (f->backend, &error));
  g_assert_true (K (f)->update_booking (f->backend, by_id, &error));
  g_assert_true (K (f)->commit (f->backend, &error));
  g_assert_no_error (error);
  g_clear_pointer (&by_uid, tamu_booking_unref);
  by_uid = K (f)->get_booking (f->backend, 0, b->uid, &error);
  assert_same_booking (by_id, by_uid);

  /* Soft delete: not found any more, the row stays, sequence raised. */
  g_assert_true (K (f)->begin (f->backend, &error));
  g_assert_true (K (f)->delete_booking (f->backend, b->id, "2024-03-22T00:00:00Z", &error));
  g_assert_true (K (f)->commit (f->backend, &error));
  gone = K (f)->get_booking (f->backend, b->id, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (gone);
  seq = psql (f, "SELECT sequence FROM tamu.bookings WHERE deleted_at IS NOT NULL");
  g_assert_cmpstr (seq, ==, "4");
  g_assert_true (K (f)->count_rows (f->backend, TAMU_TABLE_BOOKINGS, &count, &error));
  g_assert_cmpint (count, ==, 1);
}

static void
test_booking_uid_taken (Fixture *f, gconstpointer data)
{
  g_autoptr(TamuBooking) a = visit ("2024-03-20", 9 * 60, "Ruang Konsultasi 1");
  g_autoptr(TamuBooking) b = visit ("2024-03-21", 9 * 60, "Ruang Konsultasi 1");
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *count = NULL;

  insert (f, a);
  g_free (b->uid);
  b->uid = g_strdup (a->uid);
  expected = g_strdup_printf ("uid: a booking with UID %s exists already", a->uid);

  g_assert_true (K (f)->begin (f->backend, &error));
  g_assert_false (K (f)->insert_booking (f->backend, b, &error));
  g_assert_error (error, TAMU_ERROR, TAMU_ERROR_REFUSED);
  g_assert_cmpstr (error->message, ==, expected);
  K (f)->rollback (f->backend);
  count = psql (f, "SELECT count(*) FROM tamu.bookings");
  g_assert_cmpstr (count, ==, "1");
}

/* The second line of defence: whatever the service checks, the database
 * never lets two active bookings hold one room at once. */
static void
test_booking_no_overlap (Fixture *f, gconstpointer data)
{
  g_autoptr(TamuBooking) first = visit ("2024-03-20", 9 * 60, "Ruang Konsultasi 1");
  g_autoptr(TamuBooking) overlap = visit ("2024-03-20", 9 * 60 + 30, "Ruang Konsultasi 1");
  g_autoptr(TamuBooking) other_room = visit ("2024-03-20", 9 * 60 + 30, "Ruang Konsultasi 2");
  g_autoptr(TamuBooking) adjacent = visit ("2024-03-20", 10 * 60, "Ruang Konsultasi 1");
  g_autoptr(TamuBooking) cancelled = visit ("2024-03-20", 10 * 60 + 30, "Ruang Konsultasi 1");
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;

  overlap->duration = 30; /* 09:30–10:00: over "first" only */
  insert (f, first);
  insert (f, other_room);
  insert (f, adjacent);
  cancelled->status = TAMU_STATUS_CANCELLED;
  insert (f, cancelled); /* over "adjacent", but not active */

  g_assert_true (K (f)->begin (f->backend, &error));
  g_assert_false (K (f)->insert_booking (f->backend, overlap, &error));
  /* The store reruns the write; its rules then say room-conflict. */
  g_assert_error (error, TAMU_ERROR, TAMU_ERROR_RETRY);
  K (f)->rollback (f->backend);
  g_clear_error (&error);

  /* Reviving the cancelled one would overlap too. */
  cancelled->status = TAMU_STATUS_CONFIRMED;
  g_assert_true (K (f)->begin (f->backend, &error));
  g_assert_false (K (f)->update_booking (f->backend, cancelled, &error));
  g_assert_error (error, TAMU_ERROR, TAMU_ERROR_RETRY);
  K (f)->rollback (f->backend);
  g_clear_error (&error);

  /* A deleted booking frees its room. */
  g_assert_true (K (f)->begin (f->backend, &error));
  g_assert_true (K (f)->delete_booking (f->backend, first->id, "2024-03-01T00:00:00Z", &error));
  g_assert_true (K (f)->insert_booking (f->backend, overlap, &error));
  g_assert_true (K (f)->commit (f->backend, &error));
  g_assert_no_error (error);

  count = psql (f, "SELECT count(*) FROM tamu.bookings a JOIN tamu.bookings b ON a.id < b.id"
                   " AND a.room = b.room AND a.slot && b.slot"
                   " WHERE a.deleted_at IS NULL AND b.deleted_at IS NULL"
                   " AND a.status IN ('requested', 'confirmed', 'done')"
                   " AND b.status IN ('requested', 'confirmed', 'done')");
  g_assert_cmpstr (count, ==, "0");
}

static GPtrArray *
list (Fixture                 *f,
      const TamuBookingFilter *filter)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *rows = K (f)->list_bookings (f->backend, filter, &error);

  g_assert_no_error (error);
  return rows;
}

static void
test_booking_lists (Fixture *f, gconstpointer data)
{
  g_autoptr(TamuBooking) a = visit ("2024-03-20", 13 * 60, "Ruang Konsultasi 1");
  g_autoptr(TamuBooking) b = visit ("2024-03-20", 9 * 60, "Ruang Konsultasi 1");
  g_autoptr(TamuBooking) c = visit ("2024-03-20", TAMU_TIME_UNKNOWN, NULL);
  g_autoptr(TamuBooking) d = visit ("2024-03-21", 9 * 60, "Ruang Konsultasi 1");
  g_autoptr(TamuBooking) e = visit ("2024-03-22", 9 * 60, NULL);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  TamuBookingFilter filter;

  c->type = TAMU_BOOKING_VIDCON;
  c->link = g_strdup ("https://teams.example/x");
  g_free (c->daerah);
  c->daerah = g_strdup ("Kota Tomohon");
  d->status = TAMU_STATUS_CANCELLED;
  d->cancel_reason = g_strdup ("Jadwal bentrok");
  e->notes = g_strdup ("diskon 100%_x");
  g_strfreev (e->topics);
  e->topics = g_strsplit ("Dana Desa", ",", -1);
  insert (f, a);
  insert (f, b);
  insert (f, c);
  insert (f, d);
  insert (f, e);

  /* Everything, by date, start (unknown first), id. */
  booking_filter_init (&filter);
  rows = list (f, &filter);
  g_assert_cmpuint (rows->len, ==, 5);
  g_assert_cmpint (((TamuBooking *) rows->pdata[0])->id, ==, c->id);
  g_assert_cmpint (((TamuBooking *) rows->pdata[1])->id, ==, b->id);
  g_assert_cmpint (((TamuBooking *) rows->pdata[2])->id, ==, a->id);
  g_assert_cmpint (((TamuBooking *) rows->pdata[3])->id, ==, d->id);
  g_assert_cmpint (((TamuBooking *) rows->pdata[4])->id, ==, e->id);
  assert_same_booking (rows->pdata[0], c);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* A day; a type; cancelled left out; a status. */
  filter.from = date_of ("2024-03-21");
  filter.to = date_of ("2024-03-22");
  rows = list (f, &filter);
  g_assert_cmpuint (rows->len, ==, 2);
  g_clear_pointer (&rows, g_ptr_array_unref);
  filter.include_cancelled = FALSE;
  rows = list (f, &filter);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpint (((TamuBooking *) rows->pdata[0])->id, ==, e->id);
  g_clear_pointer (&rows, g_ptr_array_unref);
  filter.status = TAMU_STATUS_CANCELLED; /* a status asked for counts even when cancelled */
  rows = list (f, &filter);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpint (((TamuBooking *) rows->pdata[0])->id, ==, d->id);
  g_clear_pointer (&rows, g_ptr_array_unref);
  booking_filter_init (&filter);
  filter.type = TAMU_BOOKING_VIDCON;
  rows = list (f, &filter);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpint (((TamuBooking *) rows->pdata[0])->id, ==, c->id);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Search: any case, over daerah, notes, topics…; % and _ literal. */
  booking_filter_init (&filter);
  filter.text = "tomohon";
  rows = list (f, &filter);
  g_assert_cmpuint (rows->len, ==, 1);
  g_clear_pointer (&rows, g_ptr_array_unref);
  filter.text = "dana desa";
  rows = list (f, &filter);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpint (((TamuBooking *) rows->pdata[0])->id, ==, e->id);
  g_clear_pointer (&rows, g_ptr_array_unref);
  filter.text = "100%_";
  rows = list (f, &filter);
  g_assert_cmpuint (rows->len, ==, 1);
  g_clear_pointer (&rows, g_ptr_array_unref);
  filter.text = "0%";
  rows = list (f, &filter);
  g_assert_cmpuint (rows->len, ==, 1);
  g_clear_pointer (&rows, g_ptr_array_unref);
  filter.text = "%";
  rows = list (f, &filter);
  g_assert_cmpuint (rows->len, ==, 1);
  g_clear_pointer (&rows, g_ptr_array_unref);
  filter.text = "Jadwal bentrok"; /* the cancel reason is not searched */
  rows = list (f, &filter);
  g_assert_cmpuint (rows->len, ==, 0);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* The active bookings of a day, by start. */
  {
    GDate day = date_of ("2024-03-20");

    rows = K (f)->list_active_on (f->backend, &day, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (rows->len, ==, 3);
    g_assert_cmpint (((TamuBooking *) rows->pdata[0])->id, ==, c->id);
    g_assert_cmpint (((TamuBooking *) rows->pdata[1])->id, ==, b->id);
    g_assert_cmpint (((TamuBooking *) rows->pdata[2])->id, ==, a->id);
    g_clear_pointer (&rows, g_ptr_array_unref);
    day = date_of ("2024-03-21");
    rows = K (f)->list_active_on (f->backend, &day, &error);
    g_assert_cmpuint (rows->len, ==, 0);
  }
}

static void
test_counts (Fixture *f, gconstpointer data)
{
  g_autoptr(TamuBooking) a = visit ("2024-02-29", 9 * 60, "Ruang Konsultasi 1");
  g_autoptr(TamuBooking) b = visit ("2024-03-20", 9 * 60, "Ruang Konsultasi 1");
  g_autoptr(TamuBooking) c = visit ("2024-03-20", 10 * 60, "Ruang Konsultasi 1");
  g_autoptr(TamuBooking) d = visit ("2024-03-21", 9 * 60, NULL);
  g_autoptr(TamuBooking) e = visit ("2024-03-22", 9 * 60, "Ruang Konsultasi 1");
  g_autoptr(GArray) days = NULL;
  g_autoptr(GArray) months = NULL;
  g_autoptr(GError) error = NULL;
  GDate from = date_of ("2024-03-01");
  GDate to = date_of ("2024-03-31");
  int by_type[2] = { -1, -1 };
  const TamuDayCount *day;
  int done_guests = 0, n_cells = 0;

  b->status = TAMU_STATUS_DONE;
  b->actual_guests = 7;
  c->status = TAMU_STATUS_DONE;
  c->actual_guests = 2;
  d->type = TAMU_BOOKING_VIDCON;
  e->status = TAMU_STATUS_CANCELLED;
  insert (f, a);
  insert (f, b);
  insert (f, c);
  insert (f, d);
  insert (f, e);

  days = K (f)->count_by_day (f->backend, &from, &to, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (days->len, ==, 2); /* the cancelled day has none active */
  day = &g_array_index (days, TamuDayCount, 0);
  g_assert_cmpint (g_date_get_day (&day->date), ==, 20);
  g_assert_cmpint (day->visits, ==, 2);
  g_assert_cmpint (day->vidcons, ==, 0);
  day = &g_array_index (days, TamuDayCount, 1);
  g_assert_cmpint (g_date_get_day (&day->date), ==, 21);
  g_assert_cmpint (day->visits, ==, 0);
  g_assert_cmpint (day->vidcons, ==, 1);

  months = K (f)->count_by_month (f->backend, NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < months->len; i++)
    {
      const TamuMonthCount *cell = &g_array_index (months, TamuMonthCount, i);

      g_assert_cmpint (cell->year, ==, 2024);
      if (i > 0)
        g_assert_cmpint (cell->month, >=, g_array_index (months, TamuMonthCount, i - 1).month);
      if (cell->month == 3 && cell->status == TAMU_STATUS_DONE)
        {
          g_assert_cmpint (cell->count, ==, 2);
          done_guests = cell->guests;
        }
      n_cells++;
    }
  g_assert_cmpint (done_guests, ==, 9);
  /* Feb requested; Mar done, requested vidcon, cancelled. */
  g_assert_cmpint (n_cells, ==, 4);
  g_clear_pointer (&months, g_array_unref);
  months = K (f)->count_by_month (f->backend, &from, &to, &error);
  g_assert_cmpuint (months->len, ==, 3);

  g_assert_true (K (f)->count_by_type (f->backend, &from, &to, TAMU_STATUS_DONE, by_type, &error));
  g_assert_cmpint (by_type[TAMU_BOOKING_TATAP_MUKA], ==, 2);
  g_assert_cmpint (by_type[TAMU_BOOKING_VIDCON], ==, 0);
  g_assert_true (K (f)->count_by_type (f->backend, NULL, NULL, TAMU_STATUS_REQUESTED, by_type, &error));
  g_assert_cmpint (by_type[TAMU_BOOKING_TATAP_MUKA], ==, 1);
  g_assert_cmpint (by_type[TAMU_BOOKING_VIDCON], ==, 1);
}

/* ---- PPID ---- */

static TamuPpidRequest *
request (const char *received)
{
  TamuPpidRequest *r = tamu_ppid_request_new ();

  r->received = date_of (received);
  r->name = g_strdup ("Rina");
  r->information = g_strdup ("Realisasi DAU 2023");
  r->channel = g_strdup ("website");
  r->created_at = g_strdup ("2024-03-01T01:00:00Z");
  r->updated_at = g_strdup ("2024-03-01T01:00:00Z");
  return r;
}

static void
insert_request (Fixture         *f,
                TamuPpidRequest *r)
{
  g_autoptr(GError) error = NULL;
  int sequence = 0;

  g_assert_true (K (f)->begin (f->backend, &error));
  g_assert_true (K (f)->lock (f->backend, TAMU_LOCK_PPID_YEAR, g_date_get_year (&r->received), &error));
  g_assert_true (K (f)->next_ppid_sequence (f->backend, g_date_get_year (&r->received), &sequence, &error));
  r->sequence = sequence;
  g_assert_true (K (f)->insert_ppid (f->backend, r, &error));
  g_assert_true (K (f)->commit (f->backend, &error));
  g_assert_no_error (error);
}

static void
test_ppid (Fixture *f, gconstpointer data)
{
  g_autoptr(TamuPpidRequest) a = request ("2024-03-01");
  g_autoptr(TamuPpidRequest) b = request ("2024-03-04");
  g_autoptr(TamuPpidRequest) c = request ("2025-01-06");
  g_autoptr(TamuPpidRequest) got = NULL;
  g_autoptr(TamuPpidRequest) dup = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *number = NULL;
  TamuPpidFilter filter;

  b->purpose = g_strdup ("Skripsi 100%");
  insert_request (f, a);
  insert_request (f, b);
  insert_request (f, c);
  g_assert_cmpint (a->sequence, ==, 1);
  g_assert_cmpint (b->sequence, ==, 2);
  g_assert_cmpint (c->sequence, ==, 1); /* per year */
  number = psql (f, "SELECT string_agg(number, ' ' ORDER BY id) FROM tamu.ppid_requests");
  g_assert_cmpstr (number, ==, "001/PPID-DJPK/III/2024 002/PPID-DJPK/III/2024 001/PPID-DJPK/I/2025");

  got = K (f)->get_ppid (f->backend, b->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (got->sequence, ==, 2);
  g_assert_cmpstr (got->name, ==, "Rina");
  g_assert_cmpstr (got->purpose, ==, "Skripsi 100%");
  g_assert_cmpstr (got->created_at, ==, "2024-03-01T01:00:00Z");
  g_assert_false (g_date_valid (&got->responded));
  g_assert_cmpint (got->decision, ==, TAMU_PPID_DECISION_NONE);
  g_assert_null (K (f)->get_ppid (f->backend, 999, &error));
  g_assert_no_error (error);

  /* An answer: every field rewritten. */
  got->status = TAMU_PPID_ANSWERED;
  got->decision = TAMU_PPID_DECISION_REFUSED;
  got->refusal = TAMU_PPID_REFUSAL_NOT_HELD;
  got->holder = g_strdup ("BPS");
  got->responded = date_of ("2024-03-15");
  got->fee = 15000;
  g_free (got->updated_at);
  got->updated_at = g_strdup ("2024-03-15T03:00:00Z");
  g_assert_true (K (f)->begin (f->backend, &error));
  g_assert_true (K (f)->update_ppid (f->backend, got, &error));
  g_assert_true (K (f)->commit (f->backend, &error));
  g_assert_no_error (error);
  g_clear_pointer (&got, tamu_ppid_request_unref);
  got = K (f)->get_ppid (f->backend, b->id, &error);
  g_assert_cmpint (got->status, ==, TAMU_PPID_ANSWERED);
  g_assert_cmpint (got->decision, ==, TAMU_PPID_DECISION_REFUSED);
  g_assert_cmpint (got->refusal, ==, TAMU_PPID_REFUSAL_NOT_HELD);
  g_assert_cmpstr (got->holder, ==, "BPS");
  g_assert_cmpint (g_date_get_day (&got->responded), ==, 15);
  g_assert_cmpint (got->fee, ==, 15000);
  g_assert_cmpstr (got->updated_at, ==, "2024-03-15T03:00:00Z");

  /* Filters, by date of receipt then number. */
  ppid_filter_init (&filter);
  rows = K (f)->list_ppid (f->backend, &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpint (((TamuPpidRequest *) rows->pdata[0])->id, ==, a->id);
  g_assert_cmpint (((TamuPpidRequest *) rows->pdata[2])->id, ==, c->id);
  g_clear_pointer (&rows, g_ptr_array_unref);
  filter.open_only = TRUE;
  rows = K (f)->list_ppid (f->backend, &filter, &error);
  g_assert_cmpuint (rows->len, ==, 2);
  g_clear_pointer (&rows, g_ptr_array_unref);
  ppid_filter_init (&filter);
  filter.decision = TAMU_PPID_DECISION_REFUSED;
  rows = K (f)->list_ppid (f->backend, &filter, &error);
  g_assert_cmpuint (rows->len, ==, 1);
  g_clear_pointer (&rows, g_ptr_array_unref);
  ppid_filter_init (&filter);
  filter.text = "  skripsi 100% ";
  rows = K (f)->list_ppid (f->backend, &filter, &error);
  g_assert_cmpuint (rows->len, ==, 1);
  g_clear_pointer (&rows, g_ptr_array_unref);
  ppid_filter_init (&filter);
  filter.text = "002/PPID";
  filter.from = date_of ("2024-03-02");
  filter.to = date_of ("2024-12-31");
  rows = K (f)->list_ppid (f->backend, &filter, &error);
  g_assert_cmpuint (rows->len, ==, 1);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* A number taken twice (a bug, or a missing lock): the database refuses
   * it and the store numbers again. */
  dup = request ("2024-03-05");
  dup->sequence = 2;
  g_assert_true (K (f)->begin (f->backend, &error));
  g_assert_false (K (f)->insert_ppid (f->backend, dup, &error));
  g_assert_error (error, TAMU_ERROR, TAMU_ERROR_RETRY);
  K (f)->rollback (f->backend);
}

/* ---- transactions, locks, changes, connection ---- */

static void
test_failed_statement_not_committed (Fixture *f, gconstpointer data)
{
  g_autoptr(TamuBooking) good = visit ("2024-03-20", 9 * 60, "Ruang Konsultasi 1");
  g_autoptr(TamuBooking) bad = visit ("2024-03-21", 9 * 60, "Ruang Konsultasi 1");
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;

  bad->duration = 0; /* CHECK (duration > 0) */
  g_assert_true (K (f)->begin (f->backend, &error));
  g_assert_true (K (f)->insert_booking (f->backend, good, &error));
  g_assert_false (K (f)->insert_booking (f->backend, bad, &error));
  g_assert_error (error, TAMU_ERROR, TAMU_ERROR_STORAGE);
  g_assert_true (g_str_has_prefix (error->message, "database: "));
  g_assert_null (strchr (error->message, '\n'));
  g_clear_error (&error);
  /* A caller that commits anyway is told nothing was saved. */
  g_assert_false (K (f)->commit (f->backend, &error));
  g_assert_error (error, TAMU_ERROR, TAMU_ERROR_STORAGE);
  count = psql (f, "SELECT count(*) FROM tamu.bookings");
  g_assert_cmpstr (count, ==, "0");

  /* Rolling back with nothing open is harmless, and the backend goes on. */
  K (f)->rollback (f->backend);
  g_clear_error (&error);
  g_assert_true (K (f)->begin (f->backend, &error));
  K (f)->rollback (f->backend);
}

typedef struct
{
  TamuBackend *backend;
  TamuLock     lock;
  gint64       key;
  gint         granted;
} Locker;

static gpointer
lock_thread (gpointer data)
{
  Locker *l = data;
  g_autoptr(GError) error = NULL;

  g_assert_true (l->backend->klass->begin (l->backend, &error));
  g_assert_true (l->backend->klass->lock (l->backend, l->lock, l->key, &error));
  g_assert_no_error (error);
  g_atomic_int_set (&l->granted, 1);
  l->backend->klass->rollback (l->backend);
  return NULL;
}

/* Until another session waits for an advisory lock of this database. */
static void
wait_for_waiter (Fixture *f)
{
  for (int i = 0; i < 3000; i++)
    {
      g_autofree char *waiting = psql (f, "SELECT count(*) FROM pg_locks l JOIN pg_database d"
                                          " ON d.oid = l.database WHERE d.datname = current_database()"
                                          " AND l.locktype = 'advisory' AND NOT l.granted");
      if (g_str_equal (waiting, "1"))
        return;
      g_usleep (10000);
    }
  g_assert_not_reached ();
}

/* Holds @held in the fixture's backend, then @wanted from a second one. */
static void
assert_lock_waits (Fixture *f,
                   TamuLock held,
                   gint64   held_key,
                   TamuLock wanted,
                   gint64   wanted_key,
                   gboolean waits)
{
  g_autoptr(GError) error = NULL;
  Locker l = { pg_test_open (f->conninfo), wanted, wanted_key, 0 };
  GThread *thread;

  g_assert_true (K (f)->begin (f->backend, &error));
  g_assert_true (K (f)->lock (f->backend, held, held_key, &error));
  g_assert_no_error (error);
  thread = g_thread_new ("locker", lock_thread, &l);
  if (waits)
    {
      wait_for_waiter (f);
      g_assert_cmpint (g_atomic_int_get (&l.granted), ==, 0);
      g_assert_true (K (f)->commit (f->backend, &error));
      g_thread_join (thread);
    }
  else
    {
      /* Granted while the first is still held (a wrong wait hangs here
       * and the test times out). */
      g_thread_join (thread);
      K (f)->rollback (f->backend);
    }
  g_assert_cmpint (l.granted, ==, 1);
  l.backend->klass->free (l.backend);
}

static void
test_locks (Fixture *f, gconstpointer data)
{
  assert_lock_waits (f, TAMU_LOCK_DAY, 2460390, TAMU_LOCK_DAY, 2460390, TRUE);
  assert_lock_waits (f, TAMU_LOCK_DAY, 2460390, TAMU_LOCK_DAY, 2460391, FALSE);
  assert_lock_waits (f, TAMU_LOCK_OFFICE_SHARED, 0, TAMU_LOCK_OFFICE_SHARED, 0, FALSE);
  assert_lock_waits (f, TAMU_LOCK_OFFICE_SHARED, 0, TAMU_LOCK_OFFICE, 0, TRUE);
  assert_lock_waits (f, TAMU_LOCK_OFFICE, 0, TAMU_LOCK_OFFICE_SHARED, 0, TRUE);
  assert_lock_waits (f, TAMU_LOCK_PPID_YEAR, 2024, TAMU_LOCK_PPID_YEAR, 2024, TRUE);
  /* Kinds have their own key spaces: booking 2024 is not PPID year 2024. */
  assert_lock_waits (f, TAMU_LOCK_PPID_YEAR, 2024, TAMU_LOCK_BOOKING, 2024, FALSE);
  assert_lock_waits (f, TAMU_LOCK_BOOKING, 12, TAMU_LOCK_BOOKING, 12, TRUE);
  assert_lock_waits (f, TAMU_LOCK_PPID_REQUEST, 12, TAMU_LOCK_PPID_REQUEST, 12, TRUE);
}

/* Another desk's commit wakes this one through its LISTEN socket. */
static void
test_changes (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  TamuBackend *other = pg_test_open (f->conninfo);
  GPollFD fd = { K (f)->get_change_fd (f->backend), G_IO_IN, 0 };
  gboolean changed = FALSE;

  g_assert_cmpint (fd.fd, >=, 0);
  while (K (f)->poll_changed (f->backend))
    ; /* what the fixture's own opening notified */
  g_assert_false (K (f)->poll_changed (f->backend));

  g_assert_true (other->klass->begin (other, &error));
  g_assert_true (other->klass->put_setting (other, "guest-limit", "6", "2024-03-01T01:00:00Z", &error));
  g_assert_true (other->klass->put_setting (other, "daily-cap", "4", "2024-03-01T01:00:00Z", &error));
  g_assert_true (other->klass->commit (other, &error));
  g_assert_no_error (error);

  for (int i = 0; i < 100 && !changed; i++)
    {
      g_poll (&fd, 1, 100);
      changed = K (f)->poll_changed (f->backend);
    }
  g_assert_true (changed);
  /* Drained: one call took every notification. */
  g_assert_false (K (f)->poll_changed (f->backend));

  /* A rolled-back write notifies nobody. */
  g_assert_true (other->klass->begin (other, &error));
  g_assert_true (other->klass->put_setting (other, "guest-limit", "9", "2024-03-01T01:00:00Z", &error));
  other->klass->rollback (other);
  g_assert_true (other->klass->begin (other, &error));
  other->klass->rollback (other); /* a round trip after the rollback */
  g_poll (&fd, 1, 200);
  g_assert_false (K (f)->poll_changed (f->backend));
  other->klass->free (other);
}

/* The backend hears another desk's commit on its (possibly new) socket. */
static void
assert_listening (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  TamuBackend *other = pg_test_open (f->conninfo);
  GPollFD fd = { K (f)->get_change_fd (f->backend), G_IO_IN, 0 };
  gboolean changed = FALSE;

  g_assert_cmpint (fd.fd, >=, 0);
  while (K (f)->poll_changed (f->backend))
    ;
  g_assert_true (other->klass->begin (other, &error));
  g_assert_true (other->klass->put_setting (other, "daily-cap", "3", "2024-03-01T01:00:00Z", &error));
  g_assert_true (other->klass->commit (other, &error));
  g_assert_no_error (error);
  for (int i = 0; i < 100 && !changed; i++)
    {
      g_poll (&fd, 1, 100);
      changed = K (f)->poll_changed (f->backend);
    }
  g_assert_true (changed);
  other->klass->free (other);
}

/* The server drops the connection: the operation says so, the next one
 * connects again. */
static void
test_reconnect (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                                          " WHERE datname = '%s' AND application_name = 'tamu'", f->name);
  g_autofree char *killed = psql (f, sql);

  g_assert_cmpstr (killed, ==, "1");
  rows = K (f)->list_settings (f->backend, &error);
  g_assert_null (rows);
  g_assert_error (error, TAMU_ERROR, TAMU_ERROR_UNAVAILABLE);
  g_assert_true (g_str_has_prefix (error->message, "database: cannot reach the database server at "));
  g_assert_null (strchr (error->message, '\n'));
  g_clear_error (&error);

  g_assert_true (K (f)->begin (f->backend, &error));
  g_assert_no_error (error);
  g_assert_true (K (f)->put_setting (f->backend, "guest-limit", "6", "2024-03-01T01:00:00Z", &error));
  g_assert_true (K (f)->commit (f->backend, &error));
  rows = K (f)->list_settings (f->backend, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1);
  assert_listening (f);
}

/* The server restarted under an open desk (pg_ctl restart): the loss is
 * told once, then the desk works again. */
static void
test_server_restart (Fixture *f, gconstpointer data)
{
  const char *tool = g_getenv ("TAMU_PG_TEST_CLUSTER");
  g_autofree char *dir = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_auto(GStrv) words = g_strsplit (pg_test_server (), " ", -1);
  const char *argv[] = { tool, "restart", NULL, NULL };
  int status = 0;

  if (tool == NULL)
    {
      g_test_skip ("TAMU_PG_TEST_CLUSTER (tools/pg-test-cluster) is not set");
      return;
    }
  for (guint i = 0; words[i] != NULL; i++)
    if (g_str_has_prefix (words[i], "host=/"))
      dir = g_strdup (words[i] + 5);
  g_assert_nonnull (dir);
  argv[2] = dir;

  g_spawn_sync (NULL, (char **) argv, NULL, 0, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  /* What was open is gone: said once to whoever watches for changes, and
   * to the first operation. */
  rows = K (f)->list_settings (f->backend, &error);
  g_assert_null (rows);
  g_assert_error (error, TAMU_ERROR, TAMU_ERROR_UNAVAILABLE);
  g_clear_error (&error);
  g_assert_true (K (f)->poll_changed (f->backend));
  g_assert_false (K (f)->poll_changed (f->backend));

  g_assert_true (K (f)->begin (f->backend, &error));
  g_assert_no_error (error);
  g_assert_true (K (f)->put_setting (f->backend, "guest-limit", "6", "2024-03-01T01:00:00Z", &error));
  g_assert_true (K (f)->commit (f->backend, &error));
  g_assert_no_error (error);
  assert_listening (f);
}

/* ---- what is never shown ---- */

static void
assert_unreachable_without_secret (const char *conninfo,
                                   const char *display,
                                   int         code)
{
  g_autoptr(GError) error = NULL;
  TamuBackend *backend = tamu_pg_backend_open (conninfo, display, &error);

  g_assert_null (backend);
  g_assert_error (error, TAMU_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "database: "));
  g_assert_null (strstr (error->message, "SECRET"));
  g_assert_null (strstr (error->message, "SEC"));
  g_assert_null (strchr (error->message, '\n'));
}

static void
test_password_never_shown (void)
{
  g_autoptr(GError) error = NULL;
  TamuBackend *backend;

  assert_unreachable_without_secret ("postgresql://u:SECRET@127.0.0.1:1/x", "postgresql://u@127.0.0.1:1/x",
                                     TAMU_ERROR_UNAVAILABLE);
  assert_unreachable_without_secret ("postgresql://u:SECRET@127.0.0.1:1/x", NULL, TAMU_ERROR_UNAVAILABLE);
  assert_unreachable_without_secret ("host=127.0.0.1 port=1 user=u password=SECRET dbname=x", NULL,
                                     TAMU_ERROR_UNAVAILABLE);
  /* libpq quotes a malformed URI back: this one is not passed on at all. */
  assert_unreachable_without_secret ("postgresql://u:SEC%zzRET@127.0.0.1:1/x", "postgresql://u@127.0.0.1:1/x",
                                     TAMU_ERROR_INVALID);

  backend = tamu_pg_backend_open ("postgresql://u:SECRET@127.0.0.1:1/x", "postgresql://u@127.0.0.1:1/x",
                                  &error);
  g_assert_null (backend);
  g_assert_cmpstr (error->message, ==,
                   "database: cannot reach the database server at 127.0.0.1:1: connection refused");
}

/* A desk's own role, logging in with a password over TCP (scram-sha-256):
 * it works on a schema the owner made, the audit names it, and neither a
 * wrong nor a right password ever shows. */
static void
test_password_login (Fixture *f, gconstpointer data)
{
  g_auto(GStrv) words = g_strsplit (pg_test_server (), " ", -1);
  const char *port = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *wrong = NULL;
  g_autofree char *db_user = NULL;
  g_autoptr(GError) error = NULL;
  TamuAuditRow row = { "booking", 1, "create", NULL, NULL, NULL, "siti", "2024-03-01T01:00:00Z" };
  TamuBackend *desk;

  for (guint i = 0; words[i] != NULL; i++)
    if (g_str_has_prefix (words[i], "port="))
      port = words[i] + 5;
  g_assert_nonnull (port);

  /* What the README tells the ministry's IT to grant a desk. */
  g_free (psql (f, "GRANT USAGE ON SCHEMA tamu TO tamu_pw;"
                    "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA tamu TO tamu_pw;"
                    "GRANT USAGE ON ALL SEQUENCES IN SCHEMA tamu TO tamu_pw"));

  wrong = g_strdup_printf ("postgresql://tamu_pw:SECRET@127.0.0.1:%s/%s", port, f->name);
  desk = tamu_pg_backend_open (wrong, NULL, &error);
  g_assert_null (desk);
  g_assert_error (error, TAMU_ERROR, TAMU_ERROR_STORAGE);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "database: the database server at 127.0.0.1:"));
  g_assert_nonnull (strstr (error->message, "refused the login: "));
  g_assert_null (strstr (error->message, "SECRET"));
  g_assert_null (strchr (error->message, '\n'));
  g_clear_error (&error);

  uri = g_strdup_printf ("postgresql://tamu_pw:tamu-test-password@127.0.0.1:%s/%s", port, f->name);
  desk = tamu_pg_backend_open (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (desk->klass->get_identity (desk), "tamu-test-password"));
  g_assert_true (g_str_has_prefix (desk->klass->get_identity (desk), "postgresql://tamu_pw@127.0.0.1:"));
  g_assert_true (desk->klass->begin (desk, &error));
  g_assert_true (desk->klass->lock (desk, TAMU_LOCK_OFFICE_SHARED, 0, &error));
  g_assert_true (desk->klass->insert_audit (desk, &row, &error));
  g_assert_true (desk->klass->commit (desk, &error));
  g_assert_no_error (error);
  desk->klass->free (desk);

  db_user = psql (f, "SELECT db_user || ' ' || actor FROM tamu.audit");
  g_assert_cmpstr (db_user, ==, "tamu_pw siti");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  if (pg_test_server () == NULL)
    {
      pg_test_skip_all ("TAMU_TEST_PG is not set (tools/test starts a server: tools/pg-test-cluster)");
      return 0;
    }

#define ADD(path, func) g_test_add ("/pg-backend/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("schema/created-and-seeded", test_schema_created);
  ADD ("schema/reopen-keeps-data", test_reopen_keeps_data);
  ADD ("schema/newer-refused", test_newer_refused);
  g_test_add_func ("/pg-backend/schema/concurrent-first-open", test_concurrent_first_open);
  ADD ("settings", test_settings);
  ADD ("holidays", test_holidays);
  ADD ("topics", test_topics);
  ADD ("audit", test_audit);
  ADD ("bookings/round-trip", test_booking_round_trip);
  ADD ("bookings/uid-taken", test_booking_uid_taken);
  ADD ("bookings/no-overlap-constraint", test_booking_no_overlap);
  ADD ("bookings/lists", test_booking_lists);
  ADD ("bookings/counts", test_counts);
  ADD ("ppid", test_ppid);
  ADD ("transaction/failed-statement", test_failed_statement_not_committed);
  ADD ("locks", test_locks);
  ADD ("changes", test_changes);
  ADD ("reconnect", test_reconnect);
  ADD ("server-restart", test_server_restart);
  g_test_add_func ("/pg-backend/password-never-shown", test_password_never_shown);
  ADD ("password-login", test_password_login);
#undef ADD

  return g_test_run ();
}
