/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tamu-ppid.h"
#include "tamu-store.h"
#include "bench-data.h"
#include "tamu-store-copy.h"
#include "tamu-store-ppid.h"
#include "tamu-summary.h"
#include "tamu-test-db.h"

/*
 * SQLite and PostgreSQL side by side on the office's size: ten years of
 * bookings (≥ 50,000) and 5,000 PPID requests, filled once into a SQLite
 * file and moved to the server with db copy.  Prints a Markdown table:
 * reading a day, a month, the month view's counts, a month's summary,
 * finding slots, one booking added (rules, audit, commit), and bookings per
 * second with 1, 2 and 4 desks adding at once, each desk a process with its
 * own connection.  A benchmark, not a test: it never fails on time.
 * Without a server (PGHOST unset) the PostgreSQL column is skipped, saying so.
 *
 *   bench-backends                                     the whole run
 *   bench-backends --desk ADDRESS DESK DESKS N YEAR    one desk (internal)
 */

#define YEARS 10
#define FIRST_YEAR 2016
#define PER_DAY 20
#define N_PPID 5000
#define REPEATS 25
#define SINGLE_ADDS 50
#define DESK_ADDS 120
#define BOOKINGS_PER_DESK_DAY 10

enum
{
  ROW_LIST_DAY,
  ROW_LIST_MONTH,
  ROW_MONTH_COUNTS,
  ROW_SUMMARY,
  ROW_SLOTS,
  ROW_ADD,
  ROW_DESKS_1,
  ROW_DESKS_2,
  ROW_DESKS_4,
  N_ROWS
};

static const char * const row_names[N_ROWS] = {
  "list one day (ms, median)",
  "list one month, ~440 bookings (ms, median)",
  "month counts by day, month view (ms, median)",
  "a month's summary (ms, median)",
  "find slots on one date (ms, median)",
  "one booking add: rules, audit, commit (ms, median)",
  "1 desk adding (bookings/s)",
  "2 desks adding at once (bookings/s, all desks)",
  "4 desks adding at once (bookings/s, all desks)",
};

static TamuBooking *
synthetic (const GDate *date,
           int          i)
{
  TamuBooking *b = tamu_bench_synthetic (date, i);

  /* Twenty a day (i counts on from day to day): the first seven in one
   * room, the next seven in the other, the rest with no room recorded, so
   * that no two active visits share a room and an hour — the server's
   * exclusion constraint would refuse them. */
  if (b->type == TAMU_BOOKING_TATAP_MUKA && i % PER_DAY < 14)
    b->room = g_strdup (i % PER_DAY < 7 ? "Ruang Konsultasi 1" : "Ruang Konsultasi 2");
  return b;
}

/* A new booking as a desk types it: requested, the room left to the store. */
static TamuBooking *
draft_for (const GDate *date,
           int          i)
{
  TamuBooking *draft = synthetic (date, i);

  draft->status = TAMU_STATUS_REQUESTED;
  draft->actual_guests = -1;
  g_clear_pointer (&draft->room, g_free);
  return draft;
}

static void
fill (TamuStore *store)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) tamu_booking_unref);
  g_autoptr(GError) error = NULL;
  GDate day, end;
  double start;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 1, 1, FIRST_YEAR);
  g_date_clear (&end, 1);
  g_date_set_dmy (&end, 31, 12, FIRST_YEAR + YEARS - 1);
  for (int i = 0; g_date_compare (&day, &end) <= 0; g_date_add_days (&day, 1))
    {
      if (g_date_get_weekday (&day) >= G_DATE_SATURDAY)
        continue;
      for (int k = 0; k < PER_DAY; k++)
        g_ptr_array_add (rows, synthetic (&day, i++));
    }

  start = tamu_bench_now_ms ();
  if (!tamu_store_import_bookings (store, rows, NULL, FALSE, NULL, NULL, &error))
    g_error ("import: %s", error->message);
  g_print ("filled SQLite: %u bookings in %.1f s", rows->len, (tamu_bench_now_ms () - start) / 1000.0);

  start = tamu_bench_now_ms ();
  for (int i = 0; i < N_PPID; i++)
    {
      g_autoptr(TamuPpidRequest) draft = tamu_ppid_request_new ();
      g_autoptr(TamuPpidRequest) stored = NULL;

      g_date_set_dmy (&draft->received, 1 + i % 20, 1 + (i / 20) % 12, FIRST_YEAR + i % YEARS);
      draft->name = g_strdup_printf ("Pemohon %d", i);
      draft->information = g_strdup ("Data realisasi APBD");
      stored = tamu_store_add_ppid (store, draft, &error);
      if (stored == NULL)
        g_error ("ppid: %s", error->message);
    }
  g_print (", %d PPID requests one by one in %.1f s\n", N_PPID, (tamu_bench_now_ms () - start) / 1000.0);
}

/* ---- one desk, in its own process ---- */

static int
run_desk (const char *address,
          int         desk,
          int         desks,
          int         n,
          int         year)
{
  g_autoptr(TamuStore) store = NULL;
  g_autoptr(GError) error = NULL;
  char line[16];
  GDate day;
  int added = 0, weekday = 0;

  store = tamu_store_open (address, &error);
  if (store == NULL)
    g_error ("desk %d: %s", desk, error->message);
  tamu_store_set_actor (store, "bench desk");
  printf ("ready\n");
  fflush (stdout);
  if (fgets (line, sizeof line, stdin) == NULL)
    return 1;

  /* Each desk books its own days (weekday d with d % desks == desk), ten a
   * day, as desks serving different guests do. */
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 4, 1, year);
  for (int i = 0; added < n && i < n * 4; i++)
    {
      g_autoptr(TamuBooking) draft = NULL;
      g_autoptr(TamuBooking) stored = NULL;

      while (g_date_get_weekday (&day) >= G_DATE_SATURDAY || weekday % desks != desk)
        {
          if (g_date_get_weekday (&day) < G_DATE_SATURDAY)
            weekday++;
          g_date_add_days (&day, 1);
        }
      draft = draft_for (&day, i);
      stored = tamu_store_add_booking (store, draft, NULL, NULL);
      if (stored != NULL)
        added++;
      if (i % BOOKINGS_PER_DESK_DAY == BOOKINGS_PER_DESK_DAY - 1)
        {
          weekday++;
          g_date_add_days (&day, 1);
        }
    }
  printf ("%d\n", added);
  return 0;
}

/* Bookings per second of @desks processes adding at once. */
static double
desks_adding (const char *self_path,
              const char *address,
              int         desks,
              int         year)
{
  GPid pids[4];
  int ins[4], outs[4];
  FILE *out_files[4];
  char line[64];
  int total = 0;
  double start, elapsed;

  g_assert (desks <= 4);
  for (int k = 0; k < desks; k++)
    {
      g_autofree char *desk = g_strdup_printf ("%d", k);
      g_autofree char *n_desks = g_strdup_printf ("%d", desks);
      g_autofree char *n = g_strdup_printf ("%d", DESK_ADDS);
      g_autofree char *y = g_strdup_printf ("%d", year);
      const char *argv[] = { self_path, "--desk", address, desk, n_desks, n, y, NULL };
      g_autoptr(GError) error = NULL;

      if (!g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                     &pids[k], &ins[k], &outs[k], NULL, &error))
        g_error ("desk: %s", error->message);
      out_files[k] = fdopen (outs[k], "r");
      if (fgets (line, sizeof line, out_files[k]) == NULL || !g_str_has_prefix (line, "ready"))
        g_error ("desk %d did not start", k);
    }

  start = tamu_bench_now_ms ();
  for (int k = 0; k < desks; k++)
    {
      if (write (ins[k], "go\n", 3) != 3)
        g_error ("desk %d: %s", k, g_strerror (errno));
      close (ins[k]);
    }
  for (int k = 0; k < desks; k++)
    {
      if (fgets (line, sizeof line, out_files[k]) == NULL)
        g_error ("desk %d died", k);
      total += atoi (line);
    }
  elapsed = tamu_bench_now_ms () - start;
  for (int k = 0; k < desks; k++)
    {
      fclose (out_files[k]);
      g_spawn_close_pid (pids[k]);
    }
  return total / (elapsed / 1000.0);
}

/* ---- the figures of one backend ---- */

static void
measure (TamuStore  *store,
         const char *self_path,
         double      figures[N_ROWS])
{
  g_autoptr(GError) error = NULL;
  double samples[REPEATS], adds[SINGLE_ADDS];
  GDate day;
  int added = 0;

  for (int r = 0; r < REPEATS; r++)
    {
      g_autoptr(GPtrArray) list = NULL;
      TamuBookingFilter filter;

      tamu_booking_filter_init (&filter);
      g_date_set_dmy (&filter.from, 10 + r % 15, 1 + r % 12, FIRST_YEAR + r % YEARS);
      filter.to = filter.from;
      samples[r] = tamu_bench_now_ms ();
      list = tamu_store_list_bookings (store, &filter, NULL);
      samples[r] = tamu_bench_now_ms () - samples[r];
    }
  figures[ROW_LIST_DAY] = tamu_bench_median (samples, REPEATS);

  for (int r = 0; r < REPEATS; r++)
    {
      g_autoptr(GPtrArray) list = NULL;
      TamuBookingFilter filter;

      tamu_booking_filter_init (&filter);
      g_date_set_dmy (&filter.from, 1, 1 + r % 12, FIRST_YEAR + r % YEARS);
      filter.to = filter.from;
      g_date_add_months (&filter.to, 1);
      g_date_subtract_days (&filter.to, 1);
      samples[r] = tamu_bench_now_ms ();
      list = tamu_store_list_bookings (store, &filter, NULL);
      samples[r] = tamu_bench_now_ms () - samples[r];
    }
  figures[ROW_LIST_MONTH] = tamu_bench_median (samples, REPEATS);

  for (int r = 0; r < REPEATS; r++)
    {
      g_autoptr(GArray) counts = NULL;
      GDate from, to;

      g_date_clear (&from, 1);
      g_date_set_dmy (&from, 1, 1 + r % 12, FIRST_YEAR + r % YEARS);
      to = from;
      g_date_add_months (&to, 1);
      samples[r] = tamu_bench_now_ms ();
      counts = tamu_store_count_by_day (store, &from, &to, NULL);
      samples[r] = tamu_bench_now_ms () - samples[r];
    }
  figures[ROW_MONTH_COUNTS] = tamu_bench_median (samples, REPEATS);

  for (int r = 0; r < REPEATS; r++)
    {
      TamuSummary *summary;

      samples[r] = tamu_bench_now_ms ();
      summary = tamu_summary_new (store, FIRST_YEAR + 1 + r % (YEARS - 1), 1 + r % 12, &error);
      samples[r] = tamu_bench_now_ms () - samples[r];
      if (summary == NULL)
        g_error ("summary: %s", error->message);
      tamu_summary_free (summary);
    }
  figures[ROW_SUMMARY] = tamu_bench_median (samples, REPEATS);

  for (int r = 0; r < REPEATS; r++)
    {
      TamuSlotQuery query = { .type = TAMU_BOOKING_TATAP_MUKA, .days = 1, .guests = 3 };
      g_autoptr(GPtrArray) slots = NULL;

      g_date_clear (&day, 1);
      g_date_set_dmy (&day, 12 + r % 10, 2, FIRST_YEAR + YEARS);
      samples[r] = tamu_bench_now_ms ();
      slots = tamu_store_find_slots (store, &day, &query, NULL);
      samples[r] = tamu_bench_now_ms () - samples[r];
    }
  figures[ROW_SLOTS] = tamu_bench_median (samples, REPEATS);

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 5, 1, FIRST_YEAR + YEARS);
  for (int i = 0; added < SINGLE_ADDS && i < SINGLE_ADDS * 4; i++)
    {
      g_autoptr(TamuBooking) draft = draft_for (&day, i);
      g_autoptr(TamuBooking) stored = NULL;
      double start = tamu_bench_now_ms ();

      stored = tamu_store_add_booking (store, draft, NULL, NULL);
      if (stored != NULL)
        adds[added++] = tamu_bench_now_ms () - start;
      if (i % BOOKINGS_PER_DESK_DAY == BOOKINGS_PER_DESK_DAY - 1)
        g_date_add_days (&day, 1);
    }
  figures[ROW_ADD] = added > 0 ? tamu_bench_median (adds, added) : -1;

  figures[ROW_DESKS_1] = desks_adding (self_path, tamu_store_get_identity (store), 1, FIRST_YEAR + YEARS + 1);
  figures[ROW_DESKS_2] = desks_adding (self_path, tamu_store_get_identity (store), 2, FIRST_YEAR + YEARS + 2);
  figures[ROW_DESKS_4] = desks_adding (self_path, tamu_store_get_identity (store), 4, FIRST_YEAR + YEARS + 3);
}

static char *
dup_server_setting (const char *name,
                    const char *setting)
{
  g_autofree char *sql = g_strdup_printf ("SHOW %s", setting);
  const char *argv[] = { "psql", "--no-password", "-X", "-At", "-d", name, "-c", sql, NULL };
  char *out = NULL;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &out, NULL, NULL, NULL) || out == NULL)
    return g_strdup ("?");
  return g_strstrip (out);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(TamuTestDb) lite_db = NULL;
  g_autoptr(TamuTestDb) pg_db = NULL;
  g_autoptr(TamuStore) lite = NULL;
  g_autoptr(TamuStore) pg = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *self_path = NULL;
  double figures[2][N_ROWS];
  gboolean with_pg = g_getenv ("PGHOST") != NULL && *g_getenv ("PGHOST") != '\0';

  /* Ten years of records (2016–2025); "now" is the start of the year after,
   * so adds are new bookings on days still ahead. */
  g_setenv ("TAMU_NOW", "2026-01-02T07:00", TRUE);

  if (argc == 7 && g_str_equal (argv[1], "--desk"))
    return run_desk (argv[2], atoi (argv[3]), atoi (argv[4]), atoi (argv[5]), atoi (argv[6]));

  self_path = g_canonicalize_filename (argv[0], NULL);

  g_setenv ("TAMU_TEST_DB", "sqlite", TRUE);
  lite_db = tamu_test_db_new ();
  lite = tamu_store_open (lite_db->address, &error);
  if (lite == NULL)
    g_error ("%s", error->message);
  tamu_store_set_actor (lite, "bench");
  fill (lite);

  if (with_pg)
    {
      TamuCopyCounts counts;
      double start;

      g_setenv ("TAMU_TEST_DB", "postgresql", TRUE);
      pg_db = tamu_test_db_new ();
      pg = tamu_store_open (pg_db->address, &error);
      if (pg == NULL)
        g_error ("%s", error->message);
      tamu_store_set_actor (pg, "bench");
      start = tamu_bench_now_ms ();
      if (!tamu_store_copy_to (lite, pg, &counts, &error))
        g_error ("db copy: %s", error->message);
      g_print ("db copy SQLite -> PostgreSQL: %lld bookings, %lld PPID requests, %lld audit rows "
               "in %.1f s (verified)\n", (long long) counts.rows[TAMU_TABLE_BOOKINGS],
               (long long) counts.rows[TAMU_TABLE_PPID_REQUESTS],
               (long long) counts.rows[TAMU_TABLE_AUDIT], (tamu_bench_now_ms () - start) / 1000.0);
    }
  else
    g_print ("PostgreSQL skipped: PGHOST is unset (tools/test and tools/pg-test-cluster start a server)\n");

  measure (lite, self_path, figures[0]);
  if (with_pg)
    measure (pg, self_path, figures[1]);

  g_print ("\n| on 50,000+ bookings, 5,000 PPID requests | SQLite | PostgreSQL |\n|---|---:|---:|\n");
  for (int r = 0; r < N_ROWS; r++)
    {
      g_autofree char *pg_text = with_pg ? g_strdup_printf (r >= ROW_DESKS_1 ? "%.0f" : "%.2f", figures[1][r])
                                         : g_strdup ("skipped");

      g_print (r >= ROW_DESKS_1 ? "| %s | %.0f | %s |\n" : "| %s | %.2f | %s |\n",
               row_names[r], figures[0][r], pg_text);
    }

  g_print ("\nSQLite: WAL, synchronous = FULL (every commit waits for the disk).");
  if (with_pg)
    {
      g_autofree char *fsync = dup_server_setting (pg_db->pg_name, "fsync");
      g_autofree char *version = dup_server_setting (pg_db->pg_name, "server_version");

      g_print (" PostgreSQL %s on this machine over its unix socket, fsync = %s%s.", version, fsync,
               g_str_equal (fsync, "off") ? " (a throwaway test cluster: commits do not wait for the disk)" : "");
    }
  g_print ("\n");

  g_clear_object (&lite);
  g_clear_object (&pg);
  return 0;
}
