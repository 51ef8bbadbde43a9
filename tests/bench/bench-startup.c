/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Start-up and view switching of the desktop app, on an empty database and
 * on ten years of data (50,000 bookings), next to a bare libadwaita window
 * and GNOME Calendar (where installed) measured in the same run.
 *
 *   xvfb-run -a dbus-run-session -- bench-startup TAMU BARE-WINDOW [RUNS [OTHER-TAMU]]
 *
 * OTHER-TAMU, another build of Tamu (say, of the commit before a change), is
 * measured in the same alternation, for a before/after from one run.
 *
 * Two figures per launch: "mapped", from spawning the program to the X
 * server mapping its main window (seen by this program on the root window,
 * the same way for all three programs), and "painted", to the end of the
 * first painted frame (Tamu and the bare window print the monotonic clock
 * then and quit; GNOME Calendar is stopped once mapped).  Medians of RUNS
 * (default 9) alternating launches, and their ratios.  View switching is the
 * time from asking the window for the week, month or day view to the end of
 * the frame that shows it, median over ten rounds.  Figures, not a test:
 * nothing fails on time.
 */
#include "config.h"

#include <X11/Xlib.h>
#include <glib/gstdio.h>
#include <glib-unix.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>

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

/* Runs @argv with @envp to its end; returns its stdout.  @out_started: the monotonic clock at spawn. */
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

typedef struct
{
  double mapped;  /* ms from spawn to the MapNotify of its first window */
  double painted; /* ms from spawn to its "painted" line; < 0 when it prints none */
  double rows;    /* ms from spawn to Tamu's "rows" line (the day's rows shown); < 0 without */
} Launch;

/*
 * Launches @argv and watches the root window for the first top-level window
 * mapped.  A program that prints "painted <µs>" and quits (Tamu, the bare
 * window, with TAMU_BENCH=startup) is read to its end; another one (GNOME
 * Calendar) is stopped with SIGTERM once its window is mapped.
 */
static Launch
launch (Display  *display,
        char    **argv,
        char    **envp,
        gboolean  prints_painted)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  Launch result = { -1, -1, -1 };
  gint64 started, deadline;
  GPid pid;
  int out_fd, status;
  const char *line;

  XSelectInput (display, DefaultRootWindow (display), SubstructureNotifyMask);
  XSync (display, True);

  started = g_get_monotonic_time ();
  if (!g_spawn_async_with_pipes (NULL, argv, envp,
                                 G_SPAWN_DO_NOT_REAP_CHILD | (prints_painted ? 0 : G_SPAWN_STDERR_TO_DEV_NULL),
                                 NULL, NULL,
                                 &pid, NULL, prints_painted ? &out_fd : NULL, NULL, &error))
    g_error ("%s: %s", argv[0], error->message);

  deadline = started + 60 * G_USEC_PER_SEC;
  while (result.mapped < 0 && g_get_monotonic_time () < deadline)
    {
      struct pollfd fd = { ConnectionNumber (display), POLLIN, 0 };

      while (XPending (display) > 0)
        {
          XEvent event;

          XNextEvent (display, &event);
          if (event.type == MapNotify && !event.xmap.override_redirect && result.mapped < 0)
            result.mapped = (g_get_monotonic_time () - started) / 1000.0;
        }
      if (result.mapped < 0)
        poll (&fd, 1, 100);
    }
  if (result.mapped < 0)
    g_error ("%s mapped no window within a minute", argv[0]);

  if (prints_painted)
    {
      char buffer[4096];
      gssize n;

      while ((n = read (out_fd, buffer, sizeof buffer)) > 0)
        g_string_append_len (out, buffer, n);
      close (out_fd);
      line = strstr (out->str, "painted ");
      if (line == NULL)
        g_error ("%s printed no \"painted\" line: %s", argv[0], out->str);
      result.painted = (g_ascii_strtoll (line + strlen ("painted "), NULL, 10) - started) / 1000.0;
      line = strstr (out->str, "\nrows ");
      if (line != NULL)
        result.rows = (g_ascii_strtoll (line + strlen ("\nrows "), NULL, 10) - started) / 1000.0;
    }
  else
    kill (pid, SIGTERM);

  waitpid (pid, &status, 0);
  g_spawn_close_pid (pid);
  XSelectInput (display, DefaultRootWindow (display), NoEventMask);
  XSync (display, True);

  return result;
}

typedef struct
{
  const char *name;
  char      **argv;
  gboolean    prints_painted;
  double     *mapped;
  double     *painted;
  double     *rows;
} Program;

/* Alternating launches of @programs, @runs each after one to warm up; prints medians and ratios. */
static void
measure_startup (Display    *display,
                 Program    *programs,
                 guint       n_programs,
                 char      **envp,
                 int         runs,
                 const char *title)
{
  for (guint p = 0; p < n_programs; p++)
    {
      programs[p].mapped = g_new (double, runs);
      programs[p].painted = g_new (double, runs);
      programs[p].rows = g_new (double, runs);
      launch (display, programs[p].argv, envp, programs[p].prints_painted);
    }

  for (int i = 0; i < runs; i++)
    for (guint p = 0; p < n_programs; p++)
      {
        Launch l = launch (display, programs[p].argv, envp, programs[p].prints_painted);

        programs[p].mapped[i] = l.mapped;
        programs[p].painted[i] = l.painted;
        programs[p].rows[i] = l.rows;
      }

  g_print ("start-up, %s, median of %d runs:\n", title, runs);
  g_print ("  %-28s %10s %10s %10s\n", "", "mapped", "painted", "rows");
  for (guint p = 0; p < n_programs; p++)
    {
      g_autofree char *painted = g_strdup ("-");
      g_autofree char *rows = g_strdup ("-");

      if (programs[p].painted[0] >= 0)
        painted = g_strdup_printf ("%.1f ms", median (programs[p].painted, runs));
      if (programs[p].rows[0] >= 0)
        rows = g_strdup_printf ("%.1f ms", median (programs[p].rows, runs));
      g_print ("  %-28s %7.1f ms %10s %10s\n", programs[p].name,
               median (programs[p].mapped, runs), painted, rows);
    }
}

static double
median_of (Program *program,
           int      runs,
           gboolean painted)
{
  return median (painted ? program->painted : program->mapped, runs);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  g_autofree char *empty_db = NULL;
  g_autofree char *gcal_path = g_find_program_in_path ("gnome-calendar");
  g_auto(GStrv) envp = NULL;
  int runs = argc > 3 ? atoi (argv[3]) : 9;
  char *tamu_argv[] = { argv[1], (char *) "--date", (char *) "2024-03-20", NULL };
  char *bare_argv[] = { argv[2], NULL };
  char *gcal_argv[] = { gcal_path, NULL };
  char *other_argv[] = { argc > 4 ? argv[4] : NULL, (char *) "--date", (char *) "2024-03-20", NULL };
  Display *display;
  struct
  {
    const char *title;
    const char *db;
  } databases[2];

  if (argc < 3)
    {
      g_printerr ("usage: bench-startup TAMU BARE-WINDOW [RUNS [OTHER-TAMU]]\n");
      return 2;
    }
  runs = MAX (runs, 1);

  display = XOpenDisplay (NULL);
  if (display == NULL)
    g_error ("no X display: run under xvfb-run");

  dir = g_dir_make_tmp ("tamu-bench-startup-XXXXXX", NULL);
  db = g_build_filename (dir, "bench.db", NULL);
  empty_db = g_build_filename (dir, "empty.db", NULL);
  g_setenv ("TAMU_NOW", "2024-03-20T08:00", TRUE);
  fill_database (db);
  {
    g_autoptr(TamuStore) empty = tamu_store_open (empty_db, NULL);

    g_assert (empty != NULL);
  }
  databases[0].title = "empty database";
  databases[0].db = empty_db;
  databases[1].title = "ten years of data (" G_STRINGIFY (N_BOOKINGS) " bookings)";
  databases[1].db = db;

  envp = g_get_environ ();
  envp = g_environ_setenv (envp, "TAMU_NOW", "2024-03-20T08:00", TRUE);
  envp = g_environ_setenv (envp, "XDG_CONFIG_HOME", dir, TRUE);
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", dir, TRUE);
  envp = g_environ_setenv (envp, "XDG_CACHE_HOME", dir, TRUE);
  envp = g_environ_setenv (envp, "GSETTINGS_BACKEND", "memory", TRUE);
  envp = g_environ_setenv (envp, "NO_AT_BRIDGE", "1", TRUE);
  envp = g_environ_setenv (envp, "GTK_A11Y", "none", TRUE);
  envp = g_environ_setenv (envp, "TAMU_BENCH", "startup", TRUE);

  for (guint d = 0; d < G_N_ELEMENTS (databases); d++)
    {
      Program programs[4] = {
        { "tamu --date 2024-03-20", tamu_argv, TRUE },
        { "bare libadwaita window", bare_argv, TRUE },
      };
      guint n_programs = 2;
      int gcal = -1, other = -1;
      double tamu_mapped, bare_mapped;

      if (gcal_path != NULL)
        {
          gcal = n_programs++;
          programs[gcal] = (Program) { "gnome-calendar", gcal_argv, FALSE };
        }
      if (other_argv[0] != NULL)
        {
          other = n_programs++;
          programs[other] = (Program) { "other tamu (OTHER-TAMU)", other_argv, TRUE };
        }

      envp = g_environ_setenv (envp, "TAMU_DB", databases[d].db, TRUE);
      measure_startup (display, programs, n_programs, envp, runs, databases[d].title);
      tamu_mapped = median_of (&programs[0], runs, FALSE);
      bare_mapped = median_of (&programs[1], runs, FALSE);
      g_print ("  tamu / bare window         %7.2fx mapped, %.2fx painted (goal <= 1.2x),"
               " %.2fx to the day's rows\n",
               tamu_mapped / bare_mapped,
               median_of (&programs[0], runs, TRUE) / median_of (&programs[1], runs, TRUE),
               median (programs[0].rows, runs) / median_of (&programs[1], runs, TRUE));
      if (gcal >= 0)
        g_print ("  gnome-calendar / tamu      %7.2fx mapped (goal >= 1.5x)\n",
                 median_of (&programs[gcal], runs, FALSE) / tamu_mapped);
      else
        g_print ("  gnome-calendar             not installed\n");
      if (other >= 0)
        g_print ("  other tamu / bare window   %7.2fx mapped, %.2fx painted\n",
                 median_of (&programs[other], runs, FALSE) / bare_mapped,
                 median_of (&programs[other], runs, TRUE) / median_of (&programs[1], runs, TRUE));
      for (guint p = 0; p < n_programs; p++)
        {
          g_free (programs[p].mapped);
          g_free (programs[p].painted);
          g_free (programs[p].rows);
        }
    }
  XCloseDisplay (display);

  /* View switching, in one running window, on ten years of data. */
  {
    const char *views[] = { "week", "month", "day", "redraw" };
    GArray *samples[G_N_ELEMENTS (views)] = { NULL };
    g_autofree char *out = NULL;
    g_auto(GStrv) lines = NULL;
    gint64 started;

    envp = g_environ_setenv (envp, "TAMU_DB", db, TRUE);
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
    const char *names[] = { "bench.db", "empty.db" };

    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      {
        g_autofree char *path = g_build_filename (dir, names[i], NULL);
        g_autofree char *wal = g_strconcat (path, "-wal", NULL);
        g_autofree char *shm = g_strconcat (path, "-shm", NULL);

        g_unlink (wal);
        g_unlink (shm);
        g_unlink (path);
      }
    /* GNOME Calendar's data server leaves its folders in XDG_*_HOME. */
    if (gcal_path != NULL)
      {
        g_autofree char *quoted = g_shell_quote (dir);
        g_autofree char *command = g_strdup_printf ("rm -rf %s", quoted);

        if (system (command) != 0)
          g_printerr ("could not remove %s\n", dir);
      }
    g_rmdir (dir);
  }

  return 0;
}
