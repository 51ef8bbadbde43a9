/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>

#include "tamu-parse.h"
#include "tamu-store.h"
#include "bench-data.h"

/*
 * The booking engine at the size of ten years of the office: fills a real
 * database file with ≥ 50,000 bookings and prints how fast it inserts, lists
 * a day and a month, and finds slots.  A benchmark, not a test: it prints
 * figures and never fails on time.
 *
 *   bench-engine [DB-FILE]   (default: a temporary file, removed at the end)
 */

#define YEARS 10
#define FIRST_YEAR 2016
#define PER_DAY 20
#define SINGLE_ADDS 500
#define REPEATS 25

static TamuBooking *
synthetic (const GDate *date,
           int          i)
{
  TamuBooking *b = tamu_bench_synthetic (date, i);

  b->room = b->type == TAMU_BOOKING_TATAP_MUKA
            ? g_strdup (i % 2 ? "Ruang Konsultasi 1" : "Ruang Konsultasi 2") : NULL;
  return b;
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(TamuStore) store = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) tamu_booking_unref);
  g_autoptr(GError) error = NULL;
  double start, elapsed, samples[REPEATS];
  GDate day, end;
  int added = 0;

  /* Ten years of records (2016–2025); "now" is the start of the year after,
   * so single adds are new bookings and the slot finder searches days that
   * are still ahead. */
  g_setenv ("TAMU_NOW", "2026-01-02T07:00", TRUE);

  if (argc > 1)
    path = g_strdup (argv[1]);
  else
    {
      dir = g_dir_make_tmp ("tamu-bench-XXXXXX", NULL);
      path = g_build_filename (dir, "bench.db", NULL);
    }

  store = tamu_store_open (path, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  tamu_store_set_actor (store, "bench");

  /* Ten years of records, every weekday. */
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
  elapsed = tamu_bench_now_ms () - start;
  g_print ("import of %u records, 10 years (one transaction, audited): %.0f ms = %.0f bookings/s\n",
           rows->len, elapsed, rows->len / (elapsed / 1000.0));

  /* New bookings one by one: every rule checked in its own transaction,
   * audited, synced to disk. */
  g_date_set_dmy (&day, 5, 1, FIRST_YEAR + YEARS);
  start = tamu_bench_now_ms ();
  for (int i = 0; added < SINGLE_ADDS; i++)
    {
      g_autoptr(TamuBooking) draft = synthetic (&day, i);
      g_autoptr(TamuBooking) stored = NULL;

      draft->status = TAMU_STATUS_REQUESTED;
      draft->actual_guests = -1;
      g_clear_pointer (&draft->room, g_free);
      stored = tamu_store_add_booking (store, draft, NULL, NULL);
      if (stored != NULL)
        added++;
      if (i % 10 == 9)
        g_date_add_days (&day, 1);
    }
  elapsed = tamu_bench_now_ms () - start;
  g_print ("%d single adds (rules + transaction + audit + fsync each): %.0f ms = %.0f bookings/s, "
           "%.2f ms each\n", added, elapsed, added / (elapsed / 1000.0), elapsed / added);

  /* Listing a day and a month, as the day and month views do. */
  for (int r = 0; r < REPEATS; r++)
    {
      g_autoptr(GPtrArray) list = NULL;
      TamuBookingFilter filter;

      tamu_booking_filter_init (&filter);
      g_date_set_dmy (&filter.from, 10 + r % 15, 1 + r % 12, FIRST_YEAR + r % YEARS);
      filter.to = filter.from;
      start = tamu_bench_now_ms ();
      list = tamu_store_list_bookings (store, &filter, NULL);
      samples[r] = tamu_bench_now_ms () - start;
    }
  g_print ("list one day: median %.3f ms\n", tamu_bench_median (samples, REPEATS));

  for (int r = 0; r < REPEATS; r++)
    {
      g_autoptr(GPtrArray) list = NULL;
      TamuBookingFilter filter;

      tamu_booking_filter_init (&filter);
      g_date_set_dmy (&filter.from, 1, 1 + r % 12, FIRST_YEAR + r % YEARS);
      filter.to = filter.from;
      g_date_add_months (&filter.to, 1);
      g_date_subtract_days (&filter.to, 1);
      start = tamu_bench_now_ms ();
      list = tamu_store_list_bookings (store, &filter, NULL);
      samples[r] = tamu_bench_now_ms () - start;
    }
  g_print ("list one month (~%d bookings): median %.3f ms\n", PER_DAY * 22, tamu_bench_median (samples, REPEATS));

  for (int r = 0; r < REPEATS; r++)
    {
      g_autoptr(GArray) counts = NULL;
      GDate from, to;

      g_date_clear (&from, 1);
      g_date_set_dmy (&from, 1, 1 + r % 12, FIRST_YEAR + r % YEARS);
      to = from;
      g_date_add_months (&to, 1);
      start = tamu_bench_now_ms ();
      counts = tamu_store_count_by_day (store, &from, &to, NULL);
      samples[r] = tamu_bench_now_ms () - start;
    }
  g_print ("count a month by day (month view): median %.3f ms\n", tamu_bench_median (samples, REPEATS));

  for (int r = 0; r < REPEATS; r++)
    {
      TamuSlotQuery query = { .type = TAMU_BOOKING_TATAP_MUKA, .days = 1, .guests = 3 };
      g_autoptr(GPtrArray) slots = NULL;

      g_date_set_dmy (&day, 12 + r % 10, 2, FIRST_YEAR + YEARS);
      start = tamu_bench_now_ms ();
      slots = tamu_store_find_slots (store, &day, &query, NULL);
      samples[r] = tamu_bench_now_ms () - start;
    }
  g_print ("find slots on one date: median %.3f ms\n", tamu_bench_median (samples, REPEATS));

  for (int r = 0; r < REPEATS; r++)
    {
      TamuSlotQuery query = { .type = TAMU_BOOKING_TATAP_MUKA, .days = 10, .guests = 3 };
      g_autoptr(GPtrArray) slots = NULL;

      g_date_set_dmy (&day, 2 + r % 20, 3, FIRST_YEAR + YEARS);
      start = tamu_bench_now_ms ();
      slots = tamu_store_find_slots (store, &day, &query, NULL);
      samples[r] = tamu_bench_now_ms () - start;
    }
  g_print ("find slots over 10 working days: median %.3f ms\n", tamu_bench_median (samples, REPEATS));

  g_clear_object (&store);
  if (dir != NULL)
    {
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);

      g_unlink (path);
      g_unlink (wal);
      g_unlink (shm);
      g_rmdir (dir);
    }
  return 0;
}
