/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "tamu-error.h"
#include "tamu-parse.h"
#include "tamu-store-private.h"
#include "tamu-test-db.h"
#include "sqlite/tamu-sqlite-private.h"

/* What only the SQLite backend promises — a private file, WAL, foreign
 * keys, forward migrations of every earlier schema, a newer schema refused
 * — checked on a real file with a connection of the test's own. */

typedef struct
{
  char      *dir;
  char      *path;
  TamuStore *store;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  g_setenv ("TAMU_NOW", "2024-03-01T08:00", TRUE);
  f->dir = g_dir_make_tmp ("tamu-sqlite-XXXXXX", &error);
  g_assert_no_error (error);
  /* A folder that does not exist yet: the store must create it. */
  f->path = g_build_filename (f->dir, "data", "tamu.db", NULL);
  f->store = tamu_store_open (f->path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  tamu_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* The first column of the first row of @sql on @path, as text. */
static char *
sql_text (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return text;
}

static void
sql_exec (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
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

static void
test_open_private_file (Fixture *f, gconstpointer data)
{
  g_autofree char *dir = g_path_get_dirname (f->path);
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *mode = sql_text (f->path, "PRAGMA journal_mode");
  g_autoptr(TamuBooking) draft = draft_visit ("2024-03-20", "09:00", 2);
  g_autoptr(TamuBooking) stored = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpstr (mode, ==, "wal");
  g_assert_cmpstr (tamu_store_get_backend_name (f->store), ==, "sqlite");
  g_assert_cmpstr (tamu_store_get_identity (f->store), ==, f->path);

  stored = tamu_store_add_booking (f->store, draft, NULL, &error);
  g_assert_no_error (error);
  /* SQLite gives the write-ahead log the database file's own mode. */
  g_assert_cmpint (g_stat (wal, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0077, ==, 0);
}

static void
test_foreign_keys_enforced (Fixture *f, gconstpointer data)
{
  g_autoptr(TamuBooking) draft = draft_visit ("2024-03-20", "09:00", 2);
  g_autoptr(TamuBooking) stored = tamu_store_add_booking (f->store, draft, NULL, NULL);
  sqlite3 *db = NULL;

  g_assert_nonnull (stored);
  /* The schema declares the topics' booking as a foreign key: a topic of
   * no booking is refused by SQLite itself once foreign keys are on, as
   * the backend turns them on. */
  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO booking_topics (booking_id, position, topic) "
                                     "VALUES (999, 0, 'DAU')", NULL, NULL, NULL), !=, SQLITE_OK);
  sqlite3_close (db);
}

/* A booking as a database of schema 1 stores it, written with schema 1's
 * own columns, so every later migration must carry it forward. */
static void
insert_v1_booking (const char *path)
{
  sql_exec (path,
    "INSERT INTO bookings (id, uid, sequence, type, date, start, duration, daerah, region_code, "
    "guests, actual_guests, guest_limit, status, room, created_at, updated_at) VALUES "
    "(41, 'old-uid@tamu', 2, 'tatap-muka', '2024-03-19', 540, 60, 'Kota Pematangsiantar', '12.72', "
    "7, 7, 5, 'done', 'Ruang Konsultasi 1', '2024-03-01T01:00:00Z', '2024-03-19T03:00:00Z');"
    "INSERT INTO booking_topics (booking_id, position, topic) VALUES (41, 0, 'DAU');");
}

static void
test_migrations_from_every_version (void)
{
  int current = tamu_sqlite_get_latest_version ();

  for (int version = 0; version < current; version++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *dir = g_dir_make_tmp ("tamu-migrate-XXXXXX", NULL);
      g_autofree char *path = g_build_filename (dir, "old.db", NULL);
      g_autoptr(TamuStore) old = NULL;
      g_autoptr(TamuStore) upgraded = NULL;
      g_autoptr(TamuBooking) booking = NULL;
      g_autofree char *integrity = NULL;

      g_test_message ("upgrading a database of schema %d to %d", version, current);
      old = tamu_store_open_sqlite_at_version (path, version, &error);
      g_assert_no_error (error);
      g_clear_object (&old);
      if (version >= 1)
        insert_v1_booking (path);

      upgraded = tamu_store_open (path, &error);
      g_assert_no_error (error);
      g_assert_cmpint (tamu_store_get_schema_version (upgraded), ==, current);
      integrity = sql_text (path, "PRAGMA integrity_check");
      g_assert_cmpstr (integrity, ==, "ok");

      if (version >= 1)
        {
          booking = tamu_store_get_booking (upgraded, 41, &error);
          g_assert_no_error (error);
          g_assert_cmpstr (booking->uid, ==, "old-uid@tamu");
          g_assert_cmpint (booking->actual_guests, ==, 7);
          g_assert_cmpstr (booking->topics[0], ==, "DAU");
        }
      /* The upgraded database takes new bookings. */
      {
        g_autoptr(TamuBooking) draft = draft_visit ("2024-03-20", "09:00", 2);
        g_autoptr(TamuBooking) stored = tamu_store_add_booking (upgraded, draft, NULL, &error);

        g_assert_no_error (error);
        g_assert_nonnull (stored);
      }

      g_clear_object (&upgraded);
      tamu_test_remove_tree (dir);
    }
}

static void
test_refuses_newer_schema (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TamuStore) newer = NULL;

  g_clear_object (&f->store);
  sql_exec (f->path, "PRAGMA user_version = 999");

  newer = tamu_store_open (f->path, &error);
  g_assert_null (newer);
  g_assert_error (error, TAMU_ERROR, TAMU_ERROR_STORAGE);
  g_assert_nonnull (strstr (error->message, "newer"));
}

/* Several programs opening one new database at once: switching it to WAL
 * needs a moment alone, and none of them may fail with "database is
 * locked" for it. */
static gpointer
open_new_database (gpointer path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TamuStore) store = tamu_store_open (path, &error);

  g_assert_no_error (error);
  return NULL;
}

static void
test_concurrent_first_open (void)
{
  for (int round = 0; round < 10; round++)
    {
      g_autofree char *dir = g_dir_make_tmp ("tamu-first-open-XXXXXX", NULL);
      g_autofree char *path = g_build_filename (dir, "new.db", NULL);
      GThread *threads[4];

      for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
        threads[i] = g_thread_new ("opener", open_new_database, path);
      for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
        g_thread_join (threads[i]);
      tamu_test_remove_tree (dir);
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
  ADD ("/store-sqlite/open/private-file-wal", test_open_private_file);
  ADD ("/store-sqlite/open/foreign-keys", test_foreign_keys_enforced);
  ADD ("/store-sqlite/open/refuses-newer-schema", test_refuses_newer_schema);
  g_test_add_func ("/store-sqlite/open/concurrent-first-open", test_concurrent_first_open);
  g_test_add_func ("/store-sqlite/migrations/from-every-earlier-version", test_migrations_from_every_version);
#undef ADD

  return g_test_run ();
}
