/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Start-up and view switching of the desktop app on a database of 50,000
 * bookings, next to a bare libadwaita window measured in the same run.
 *
 *   xvfb-run -a dbus-run-session -- bench-startup TAMU BARE-WINDOW [RUNS]
 *
 * Start-up is the time from spawning the program to the end of its first
 * painted frame (both programs print the monotonic clock then and quit);
 * the median of RUNS (default 7) alternating launches.  View switching is
 * the time from asking the window for the week, month or day view to the
 * end of the frame that shows it, median over ten rounds.  Figures, not a
 * test: nothing fails on time.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>

#include "tamu-store.h"

#define N_BOOKINGS 50000
#define PER_DAY 16

static const char * const daerah[] = {
  "Kab. Bandung", "Kab. Boyolali", "Kab. Sintang", "Bank Kalbar", "Kab. Kupang",
  "Kota Ternate", "Kab. Brebes", "Kota Pematangsiantar", "Prov. Sumatera Utara", "Kota Tomohon",
};
static const char * const topics[] = { "TKD", "DAU", "DBH", "PDRD", "SHSR", "Dana Desa" };

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *values,
        int     n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

/* Past bookings up to 20 March 2024, every weekday, as records. */
static void
fill_database (const char *path)
{
  g_autoptr(TamuStore) store = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) tamu_booking_unref);
  g_autoptr(GError) error = NULL;
  GDate day;
  int i = 0;

  store = tamu_store_open (path, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  tamu_store_set_actor (store, "bench");

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 20, 3, 2024);
  while (i < N_BOOKINGS)
    {
      if (g_date_get_weekday (&day) < G_DATE_SATURDAY)
        for (int k = 0; k < PER_DAY && i < N_BOOKINGS; k++, i++)
          {
            TamuBooking *b = tamu_booking_new ();

            b->type = k % 4 == 3 ? TAMU_BOOKING_VIDCON : TAMU_BOOKING_TATAP_MUKA;
            b->date = day;
            b->start = 8 * 60 + (k / 2) * 30;
            b->duration = 30;
            b->daerah = g_strdup (daerah[i % G_N_ELEMENTS (daerah)]);
            g_strfreev (b->topics);
            b->topics = g_strsplit (topics[i % G_N_ELEMENTS (topics)], ",", -1);
            b->guests = 1 + i % 6;
            b->status = i % 19 == 0 ? TAMU_STATUS_CANCELLED : TAMU_STATUS_DONE;
            b->actual_guests = b->status == TAMU_STATUS_DONE ? b->guests : -1;
            b->room = b->type == TAMU_BOOKING_TATAP_MUKA
                      ? g_strdup (k % 2 ? "Ruang Konsultasi 1" : "Ruang Konsultasi 2") : NULL;
            b->contact = g_strdup_printf ("Kontak %d", i);
            b->ticket = g_strdup_printf ("TKT-%06d", i);
            g_ptr_array_add (rows, b);
          }
      g_date_subtract_days (&day, 1);
    }

  if (!tamu_store_import_bookings (store, rows, NULL, FALSE, NULL, NULL, &error))
    g_error ("import: %s", error->message);
}

/* Runs @argv with @envp; returns its stdout.  @out_started: the monotonic clock at spawn. */
static char *
run (char  **argv,
     char  **envp,
     gint64 *out_started)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  *out_started = g_get_monotonic_time ();
  if (!g_spawn_sync (NULL, argv, envp, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error))
    g_error ("%s: %s", argv[0], error->message);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s: %s", argv[0], error->message);

  return out;
}

static double
startup_ms (char **argv,
            char **envp)
{
  gint64 started, painted;
  g_autofree char *out = run (argv, envp, &started);
  const char *line = strstr (out, "painted ");

  if (line == NULL)
    g_error ("%s printed no \"painted\" line: %s", argv[0], out);
  painted = g_ascii_strtoll (line + strlen ("painted "), NULL, 10);

  return (painted - started) / 1000.0;
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  g_auto(GStrv) envp = NULL;
  int runs = argc > 3 ? atoi (argv[3]) : 7;
  g_autofree double *tamu_ms = NULL;
  g_autofree double *bare_ms = NULL;
  char *tamu_argv[] = { argv[1], (char *) "--date", (char *) "2024-03-20", NULL };
  char *bare_argv[] = { argv[2], NULL };
  double tamu_median, bare_median;

  if (argc < 3)
    {
      g_printerr ("usage: bench-startup TAMU BARE-WINDOW [RUNS]\n");
      return 2;
    }
  runs = MAX (runs, 1);

  dir = g_dir_make_tmp ("tamu-bench-startup-XXXXXX", NULL);
  db = g_build_filename (dir, "bench.db", NULL);
  g_setenv ("TAMU_NOW", "2024-03-20T08:00", TRUE);
  fill_database (db);

  envp = g_get_environ ();
  envp = g_environ_setenv (envp, "TAMU_DB", db, TRUE);
  envp = g_environ_setenv (envp, "TAMU_NOW", "2024-03-20T08:00", TRUE);
  envp = g_environ_setenv (envp, "XDG_CONFIG_HOME", dir, TRUE);
  envp = g_environ_setenv (envp, "GSETTINGS_BACKEND", "memory", TRUE);
  envp = g_environ_setenv (envp, "NO_AT_BRIDGE", "1", TRUE);
  envp = g_environ_setenv (envp, "TAMU_BENCH", "startup", TRUE);

  /* One launch each to warm the page cache, not counted. */
  startup_ms (tamu_argv, envp);
  startup_ms (bare_argv, envp);

  tamu_ms = g_new (double, runs);
  bare_ms = g_new (double, runs);
  for (int i = 0; i < runs; i++)
    {
      tamu_ms[i] = startup_ms (tamu_argv, envp);
      bare_ms[i] = startup_ms (bare_argv, envp);
    }
  tamu_median = median (tamu_ms, runs);
  bare_median = median (bare_ms, runs);

  g_print ("start-up to first painted frame, median of %d runs, %d bookings:\n", runs, N_BOOKINGS);
  g_print ("  tamu --date 2024-03-20   %7.1f ms\n", tamu_median);
  g_print ("  bare libadwaita window   %7.1f ms\n", bare_median);
  g_print ("  ratio                    %7.2fx (goal <= 1.2x)\n", tamu_median / bare_median);

  /* View switching, in one running window. */
  {
    const char *views[] = { "week", "month", "day", "redraw" };
    GArray *samples[G_N_ELEMENTS (views)] = { NULL };
    g_autofree char *out = NULL;
    g_auto(GStrv) lines = NULL;
    gint64 started;

    envp = g_environ_setenv (envp, "TAMU_BENCH", "views", TRUE);
    out = run (tamu_argv, envp, &started);
    for (guint v = 0; v < G_N_ELEMENTS (views); v++)
      samples[v] = g_array_new (FALSE, FALSE, sizeof (double));

    lines = g_strsplit (out, "\n", -1);
    for (guint i = 0; lines[i] != NULL; i++)
      {
        g_auto(GStrv) words = g_strsplit (lines[i], " ", -1);

        if (g_strv_length (words) != 3 || !g_str_equal (words[0], "switch"))
          continue;
        for (guint v = 0; v < G_N_ELEMENTS (views); v++)
          if (g_str_equal (words[1], views[v]))
            {
              double ms = g_ascii_strtod (words[2], NULL);

              g_array_append_val (samples[v], ms);
            }
      }

    g_print ("switching views with %d bookings, request to painted frame, median of each\n"
             "(goal < 16 ms; \"redraw\" is a frame of the day view without a switch):\n", N_BOOKINGS);
    for (guint v = 0; v < G_N_ELEMENTS (views); v++)
      {
        if (samples[v]->len == 0)
          g_error ("no samples for the %s view: %s", views[v], out);
        g_print ("  to %-6s %7.2f ms (%u switches)\n", views[v],
                 median ((double *) samples[v]->data, samples[v]->len), samples[v]->len);
        g_array_unref (samples[v]);
      }
  }

  {
    g_autofree char *wal = g_strconcat (db, "-wal", NULL);
    g_autofree char *shm = g_strconcat (db, "-shm", NULL);

    g_unlink (wal);
    g_unlink (shm);
    g_unlink (db);
    g_rmdir (dir);
  }

  return 0;
}
