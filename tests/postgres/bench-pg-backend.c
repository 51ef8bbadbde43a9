/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>

#include "pg-test-util.h"

/*
 * Figures, not a test: the PostgreSQL backend on 50,000 bookings (ten
 * years and more), listing a day and a month, the month's counts, one
 * booking added the store's way; then bookings per second with 1, 2 and 4
 * desks (processes) adding at once on different days.  Medians of several
 * runs; the machine is shared, so compare ratios within one run.
 */

#define N_BOOKINGS 50000
#define RUNS       7
#define PER_DESK   150

static double
median (double *values,
        int     n)
{
  for (int i = 1; i < n; i++)
    for (int j = i; j > 0 && values[j - 1] > values[j]; j--)
      {
        double t = values[j];

        values[j] = values[j - 1];
        values[j - 1] = t;
      }
  return values[n / 2];
}

static TamuBooking *
new_visit (const GDate *date,
           int          start,
           int          room)
{
  TamuBooking *b = tamu_booking_new ();

  b->uid = tamu_booking_new_uid ();
  b->date = *date;
  b->start = start;
  b->duration = 60;
  b->daerah = g_strdup ("Kab. Bandung");
  b->guests = 3;
  b->guest_limit = 5;
  b->room = g_strdup_printf ("Ruang Konsultasi %d", room + 1);
  b->created_at = g_strdup ("2024-03-01T01:00:00Z");
  b->updated_at = g_strdup ("2024-03-01T01:00:00Z");
  g_strfreev (b->topics);
  b->topics = g_strsplit ("DAU", ",", -1);
  return b;
}

/* A desk adding PER_DESK bookings on its own days from 2040 on. */
static int
run_desk (const char *conninfo,
          int         desk)
{
  g_autoptr(GError) error = NULL;
  TamuBackend *backend = tamu_pg_backend_open (conninfo, NULL, &error);
  int retries = 0;

  g_assert_no_error (error);
  for (int i = 0; i < PER_DESK; i++)
    {
      GDate date;
      g_autoptr(TamuBooking) b = NULL;
      gboolean booked = FALSE;

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, 1, 1, 2040);
      g_date_add_days (&date, desk * 1000 + i / 12);
      b = new_visit (&date, 8 * 60 + (i % 6) * 60, (i / 6) % 2);
      if (!pg_test_add_booking (backend, b, TRUE, &booked, &retries, &error) || !booked)
        {
          fprintf (stderr, "desk %d: %s\n", desk, error != NULL ? error->message : "refused");
          return 1;
        }
    }
  backend->klass->free (backend);
  return 0;
}

static double
desks_per_second (const char *self_exe,
                  const char *conninfo,
                  int         n_desks)
{
  GPid pids[4];
  gint64 started = g_get_monotonic_time ();

  for (int d = 0; d < n_desks; d++)
    {
      g_autofree char *desk = g_strdup_printf ("%d", d + n_desks * 4);
      const char *argv[] = { self_exe, "--desk", desk, conninfo, NULL };
      g_autoptr(GError) error = NULL;

      g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pids[d], &error);
      g_assert_no_error (error);
    }
  for (int d = 0; d < n_desks; d++)
    {
      int status = 0;

      g_assert_cmpint (waitpid (pids[d], &status, 0), ==, pids[d]);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
      g_spawn_close_pid (pids[d]);
    }
  return n_desks * PER_DESK / ((g_get_monotonic_time () - started) / 1e6);
}

typedef GPtrArray *(*ListFunc) (TamuBackend *backend, gpointer data);

static GPtrArray *
list_range (TamuBackend *backend,
            gpointer     data)
{
  const GDate *range = data;
  TamuBookingFilter filter = { 0 };
  g_autoptr(GError) error = NULL;
  GPtrArray *rows;

  filter.from = range[0];
  filter.to = range[1];
  filter.type = -1;
  filter.status = -1;
  filter.include_cancelled = TRUE;
  rows = backend->klass->list_bookings (backend, &filter, &error);
  g_assert_no_error (error);
  return rows;
}

static double
time_ms (TamuBackend *backend,
         ListFunc     func,
         gpointer     data,
         guint       *out_rows)
{
  double runs[RUNS];

  for (int r = 0; r < RUNS; r++)
    {
      gint64 started = g_get_monotonic_time ();
      g_autoptr(GPtrArray) rows = func (backend, data);

      runs[r] = (g_get_monotonic_time () - started) / 1000.0;
      *out_rows = rows->len;
    }
  return median (runs, RUNS);
}

static GPtrArray *
month_counts (TamuBackend *backend,
              gpointer     data)
{
  const GDate *range = data;
  g_autoptr(GError) error = NULL;
  GArray *counts = backend->klass->count_by_month (backend, &range[0], &range[1], &error);
  GPtrArray *rows = g_ptr_array_new ();

  g_assert_no_error (error);
  g_ptr_array_set_size (rows, counts->len);
  g_array_unref (counts);
  return rows;
}

static GPtrArray *
all_month_counts (TamuBackend *backend,
                  gpointer     data)
{
  return month_counts (backend, (gpointer) ((const GDate *) data + 2));
}

static GPtrArray *
day_counts (TamuBackend *backend,
            gpointer     data)
{
  const GDate *range = data;
  g_autoptr(GError) error = NULL;
  GArray *counts = backend->klass->count_by_day (backend, &range[0], &range[1], &error);
  GPtrArray *rows = g_ptr_array_new ();

  g_assert_no_error (error);
  g_ptr_array_set_size (rows, counts->len);
  g_array_unref (counts);
  return rows;
}

static GPtrArray *
add_one (TamuBackend *backend,
         gpointer     data)
{
  static int n;
  g_autoptr(GError) error = NULL;
  g_autoptr(TamuBooking) b = NULL;
  gboolean booked = FALSE;
  int retries = 0;
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, 1, 2035);
  g_date_add_days (&date, n / 12);
  b = new_visit (&date, 8 * 60 + (n % 6) * 60, (n / 6) % 2);
  n++;
  g_assert_true (pg_test_add_booking (backend, b, TRUE, &booked, &retries, &error));
  g_assert_no_error (error);
  g_assert_true (booked);
  return g_ptr_array_new ();
}

int
main (int argc, char **argv)
{
  g_autofree char *self_exe = NULL;
  g_autofree char *name = NULL;
  g_autofree char *conninfo = NULL;
  g_autofree char *fill = NULL;
  g_autofree char *out = NULL;
  GDate ranges[6];
  TamuBackend *backend;
  guint rows = 0;
  gint64 started;
  double ms;

  if (argc == 4 && g_str_equal (argv[1], "--desk"))
    return run_desk (argv[3], atoi (argv[2]));
  if (pg_test_server () == NULL)
    {
      pg_test_skip_all ("TAMU_TEST_PG is not set (tools/pg-test-cluster)");
      return 0;
    }
  self_exe = g_file_read_link ("/proc/self/exe", NULL);

  conninfo = pg_test_create_database (&name);
  backend = pg_test_open (conninfo);

  /* 50,000 bookings from 2016: twelve a day, six hours in two rooms. */
  started = g_get_monotonic_time ();
  fill = g_strdup_printf ("INSERT INTO tamu.bookings (uid, type, date, start, duration, daerah, guests,"
                          " actual_guests, guest_limit, status, room, created_at, updated_at)"
                          " SELECT 'bench-' || g, CASE WHEN g %% 4 = 0 THEN 'vidcon' ELSE 'tatap-muka' END,"
                          " DATE '2016-01-04' + g / 12, 480 + (g %% 6) * 60, 60, 'Kab. ' || (g %% 500), 3,"
                          " CASE WHEN g %% 10 = 0 THEN NULL ELSE 3 END, 5,"
                          " CASE WHEN g %% 10 = 0 THEN 'cancelled' ELSE 'done' END,"
                          " 'Ruang Konsultasi ' || ((g / 6) %% 2 + 1), now(), now()"
                          " FROM generate_series(0, %d) g;"
                          "INSERT INTO tamu.booking_topics SELECT id, 0, 'DAU' FROM tamu.bookings;"
                          "ANALYZE", N_BOOKINGS - 1);
  out = pg_test_psql (conninfo, fill);
  printf ("PostgreSQL backend, %d bookings (filled in %.1f s)\n", N_BOOKINGS,
          (g_get_monotonic_time () - started) / 1e6);

  g_date_clear (ranges, 6);
  g_date_set_dmy (&ranges[0], 20, 3, 2024);
  g_date_set_dmy (&ranges[1], 20, 3, 2024);
  ms = time_ms (backend, list_range, ranges, &rows);
  printf ("  list a day          %8.2f ms (%u bookings)\n", ms, rows);
  g_date_set_dmy (&ranges[0], 1, 3, 2024);
  g_date_set_dmy (&ranges[1], 31, 3, 2024);
  ms = time_ms (backend, list_range, ranges, &rows);
  printf ("  list a month        %8.2f ms (%u bookings)\n", ms, rows);
  ms = time_ms (backend, day_counts, ranges, &rows);
  printf ("  month counts (day)  %8.2f ms (%u days)\n", ms, rows);
  ms = time_ms (backend, month_counts, ranges, &rows);
  printf ("  month counts (type) %8.2f ms (%u cells)\n", ms, rows);
  g_date_set_dmy (&ranges[2], 1, 1, 2016);
  g_date_set_dmy (&ranges[3], 31, 12, 2030);
  ms = time_ms (backend, all_month_counts, ranges, &rows);
  printf ("  all months' counts  %8.2f ms (%u cells)\n", ms, rows);
  ms = time_ms (backend, add_one, NULL, &rows);
  printf ("  one booking add     %8.2f ms (lock, read the day, insert, audit, commit)\n", ms);
  backend->klass->free (backend);

  for (int n = 1; n <= 4; n *= 2)
    printf ("  %d desk%s adding      %8.0f bookings/s\n", n, n > 1 ? "s" : " ",
            desks_per_second (self_exe, conninfo, n));

  pg_test_drop_database (name);
  return 0;
}
