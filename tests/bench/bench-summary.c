/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>

#include "tamu-regions.h"
#include "tamu-store.h"
#include "tamu-ppid-recap.h"
#include "tamu-store-ppid.h"
#include "tamu-store-reports.h"
#include "tamu-summary.h"

/*
 * Milliseconds for a month summary and a year view on ten years of data:
 * 50,000 bookings (2015–2024, 5,000 a year, 80% held) and 5,000 PPID
 * requests (500 a year, half of them answered), in a real SQLite file.
 *
 * bench-summary [--bookings N] [--ppid N] [--runs N] [--keep DIR]
 * Prints the figures; never fails on time.
 */

static int n_bookings = 50000;
static int n_ppid = 5000;
static int n_runs = 15;

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *) a, db = *(const double *) b;

  return da < db ? -1 : da > db;
}

static double
median (GArray *times)
{
  g_array_sort (times, compare_doubles);
  return g_array_index (times, double, times->len / 2);
}

static void
fill_bookings (TamuStore *store)
{
  guint n_regions = 0;
  const TamuRegion *regions = tamu_regions_get_all (&n_regions);
  const char *topics[] = { "TKD", "DAU", "DBH", "PDRD", "JF AKPD", "Hibah" };
  int years = 10;
  int per_year = n_bookings / years;
  guint serial = 0;

  for (int y = 0; y < years; y++)
    {
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) tamu_booking_unref);
      g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GError) error = NULL;

      for (int i = 0; i < per_year; i++, serial++)
        {
          TamuBooking *b = tamu_booking_new ();
          const TamuRegion *region = &regions[g_random_int_range (0, n_regions)];
          int status = g_random_int_range (0, 10);

          b->uid = tamu_booking_new_uid ();
          b->type = i % 5 == 0 ? TAMU_BOOKING_VIDCON : TAMU_BOOKING_TATAP_MUKA;
          g_date_set_dmy (&b->date, 1 + i % 28, 1 + (i / 28) % 12, 2015 + y);
          b->start = 8 * 60 + 30 * (i % 14);
          b->duration = 60;
          b->daerah = g_strdup (region->short_name);
          b->region_code = g_strdup (region->code);
          g_strfreev (b->topics);
          b->topics = g_strsplit (topics[serial % G_N_ELEMENTS (topics)], ",", -1);
          b->guests = b->type == TAMU_BOOKING_VIDCON ? 0 : 1 + g_random_int_range (0, 8);
          b->guest_limit = 5;
          b->status = status < 8 ? TAMU_STATUS_DONE : status == 8 ? TAMU_STATUS_CANCELLED : TAMU_STATUS_NO_SHOW;
          b->actual_guests = b->status == TAMU_STATUS_DONE ? b->guests : -1;
          if (b->status == TAMU_STATUS_CANCELLED)
            b->cancel_reason = g_strdup ("Jadwal bentrok");
          if (b->type == TAMU_BOOKING_VIDCON)
            b->link = g_strdup ("https://teams.microsoft.com/l/meetup-join/bench");
          g_ptr_array_add (rows, b);
        }

      if (!tamu_store_import_bookings (store, rows, NULL, FALSE, NULL, problems, &error))
        g_error ("import: %s (%s)", error->message,
                 problems->len ? (char *) g_ptr_array_index (problems, 0) : "");
    }
}

static void
fill_ppid (TamuStore *store)
{
  int per_year = n_ppid / 10;

  for (int y = 0; y < 10; y++)
    for (int i = 0; i < per_year; i++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(TamuPpidRequest) draft = tamu_ppid_request_new ();
        g_autoptr(TamuPpidRequest) stored = NULL;

        g_date_set_dmy (&draft->received, 1 + i % 20, 1 + (i / 20) % 12, 2015 + y);
        draft->name = g_strdup_printf ("Pemohon %d", i);
        draft->information = g_strdup ("Data realisasi APBD");
        stored = tamu_store_add_ppid (store, draft, &error);
        if (stored == NULL)
          g_error ("ppid: %s", error->message);

        if (i % 2 == 0)
          {
            g_autoptr(TamuPpidRequest) answered = NULL;
            TamuPpidStep step;

            tamu_ppid_step_init (&step, TAMU_PPID_STEP_RESPOND);
            step.date = draft->received;
            g_date_add_days (&step.date, 7);
            step.decision = i % 4 == 0 ? TAMU_PPID_DECISION_GRANTED : TAMU_PPID_DECISION_PARTIAL;
            answered = tamu_store_apply_ppid_step (store, stored->id, &step, &error);
            if (answered == NULL)
              g_error ("ppid answer: %s", error->message);
          }
      }
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *keep = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(TamuStore) store = NULL;
  g_autoptr(GArray) month_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) year_times = g_array_new (FALSE, FALSE, sizeof (double));
  GOptionEntry entries[] = {
    { "bookings", 0, 0, G_OPTION_ARG_INT, &n_bookings, "Bookings to generate", "N" },
    { "ppid", 0, 0, G_OPTION_ARG_INT, &n_ppid, "PPID requests to generate", "N" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &n_runs, "Timed runs of each", "N" },
    { "keep", 0, 0, G_OPTION_ARG_FILENAME, &keep, "Keep the database in DIR (reused when present)", "DIR" },
    { NULL }
  };
  gboolean fresh;
  double t0, fill_ms = 0;
  int held = 0;

  g_setenv ("TAMU_NOW", "2025-01-15T08:00", TRUE);
  context = g_option_context_new ("- time the monthly summary on ten years of data");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  dir = keep ? g_strdup (keep) : g_dir_make_tmp ("tamu-bench-XXXXXX", &error);
  g_assert_no_error (error);
  g_mkdir_with_parents (dir, 0700);
  path = g_build_filename (dir, "tamu.db", NULL);
  fresh = !g_file_test (path, G_FILE_TEST_EXISTS);
  store = tamu_store_open (path, &error);
  g_assert_no_error (error);

  if (fresh)
    {
      t0 = now_ms ();
      fill_bookings (store);
      fill_ppid (store);
      fill_ms = now_ms () - t0;
    }

  /* Warm the cache once, as a user switching months would. */
  tamu_summary_free (tamu_summary_new (store, 2024, 3, NULL));

  for (int i = 0; i < n_runs; i++)
    {
      g_autoptr(TamuSummary) summary = NULL;
      g_autoptr(TamuYearSummary) year = NULL;
      double t;

      t = now_ms ();
      summary = tamu_summary_new (store, 2020 + i % 5, 1 + i % 12, &error);
      g_assert_no_error (error);
      t = now_ms () - t;
      g_array_append_val (month_times, t);
      held = summary->tatap_muka.held;

      t = now_ms ();
      year = tamu_year_summary_new (store, 2016 + i % 8, &error);
      g_assert_no_error (error);
      t = now_ms () - t;
      g_array_append_val (year_times, t);
    }

  /* Where the month's time goes. */
  {
    g_autoptr(GArray) counts_times = g_array_new (FALSE, FALSE, sizeof (double));
    g_autoptr(GArray) list_times = g_array_new (FALSE, FALSE, sizeof (double));
    g_autoptr(GArray) recap_times = g_array_new (FALSE, FALSE, sizeof (double));

    for (int i = 0; i < n_runs; i++)
      {
        g_autoptr(GArray) counts = NULL;
        g_autoptr(GPtrArray) list = NULL;
        g_autoptr(TamuPpidRecap) recap = NULL;
        TamuBookingFilter filter;
        GDate from, to;
        double t;

        g_date_set_dmy (&from, 1, 2, 2024);
        g_date_set_dmy (&to, 31, 3, 2024);
        t = now_ms ();
        counts = tamu_store_count_by_month (store, &from, &to, NULL);
        t = now_ms () - t;
        g_array_append_val (counts_times, t);

        tamu_booking_filter_init (&filter);
        g_date_set_dmy (&filter.from, 1, 3, 2024);
        g_date_set_dmy (&filter.to, 31, 3, 2024);
        t = now_ms ();
        list = tamu_store_list_bookings (store, &filter, NULL);
        t = now_ms () - t;
        g_array_append_val (list_times, t);

        t = now_ms ();
        recap = tamu_ppid_recap_load (store, 2024, NULL);
        t = now_ms () - t;
        g_array_append_val (recap_times, t);
      }
    g_print ("  of which: grouped counts of two months %.2f ms, the month's bookings %.2f ms, "
             "the year's PPID recap %.2f ms\n",
             median (counts_times), median (list_times), median (recap_times));
  }

  g_print ("database: %d bookings (10 years), %d PPID requests%s\n", n_bookings, n_ppid,
           fresh ? "" : " (reused)");
  if (fresh)
    g_print ("fill: %.0f ms\n", fill_ms);
  g_print ("month summary (tamu_summary_new): median %.2f ms over %d runs (e.g. %d visits held)\n",
           median (month_times), n_runs, held);
  g_print ("year view (tamu_year_summary_new): median %.2f ms over %d runs\n",
           median (year_times), n_runs);

  /* The worst case of the cumulative count: ten years of visits since 2015. */
  {
    g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
    g_autofree char *since = tamu_store_get_setting (store, "count-since-year", NULL);
    int cumulative = 0;

    tamu_store_set_setting (store, "count-since-year", "2015", &error);
    g_assert_no_error (error);
    for (int i = 0; i < n_runs; i++)
      {
        g_autoptr(TamuSummary) summary = NULL;
        double t = now_ms ();

        summary = tamu_summary_new (store, 2024, 12, &error);
        g_assert_no_error (error);
        t = now_ms () - t;
        g_array_append_val (times, t);
        cumulative = summary->tatap_muka.cumulative;
      }
    tamu_store_set_setting (store, "count-since-year", since ? since : "2023", &error);
    g_assert_no_error (error);
    g_print ("month summary counting since 2015 (%d visits): median %.2f ms over %d runs\n",
             cumulative, median (times), n_runs);
  }

  g_clear_object (&store);
  if (keep == NULL)
    {
      const char *suffixes[] = { "", "-wal", "-shm" };

      for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
        {
          g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

          g_unlink (file);
        }
      g_rmdir (dir);
    }
  return 0;
}
