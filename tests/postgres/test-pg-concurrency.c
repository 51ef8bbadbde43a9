/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "pg-test-util.h"
#include "tamu-error.h"

/*
 * Four desks (processes) × 200 bookings competing for the same rooms and
 * hours on one PostgreSQL database, each written the way the store writes
 * a booking through the backend: begin, the office's rules shared, the
 * day's lock, read the day, check the room, insert, audit, commit; a
 * RETRY runs the whole write again.  Afterwards: no two active bookings
 * overlap in a room (asked of the server with SQL), every acknowledged id
 * is there, and nothing failed but room refusals.
 *
 * A second round leaves the day's lock out, as a buggy service would: the
 * exclusion constraint alone must then keep the rooms apart.
 */

#define N_DESKS    4
#define PER_DESK   200
#define N_DAYS     5
#define N_STARTS   16 /* 08:00 … 15:30, every 30 minutes */
#define N_ROOMS    2

static const char * const rooms[N_ROOMS] = { "Ruang Konsultasi 1", "Ruang Konsultasi 2" };

/* The @i-th attempt of @desk: every desk walks the same slots, shifted a
 * little, so that they meet on the same room and hour all the time. */
static void
attempt_slot (int    desk,
              int    i,
              GDate *date,
              int   *start,
              int   *duration,
              int   *room)
{
  int n = (i + desk * 3) % (N_DAYS * N_STARTS * N_ROOMS);

  g_date_clear (date, 1);
  g_date_set_dmy (date, 18 + n % N_DAYS, 3, 2024);
  n /= N_DAYS;
  *room = n % N_ROOMS;
  n /= N_ROOMS;
  *start = 8 * 60 + (n % N_STARTS) * 30;
  *duration = (i + desk) % 3 == 0 ? 90 : 60;
}

/* The @i-th attempt of @desk, as a booking. */
static TamuBooking *
attempt (int desk,
         int i)
{
  TamuBooking *b = tamu_booking_new ();
  int room;

  attempt_slot (desk, i, &b->date, &b->start, &b->duration, &room);
  b->uid = tamu_booking_new_uid ();
  b->daerah = g_strdup_printf ("Desk %d", desk);
  b->guests = 2;
  b->guest_limit = 5;
  b->room = g_strdup (rooms[room]);
  b->created_at = g_strdup ("2024-03-01T01:00:00Z");
  b->updated_at = g_strdup ("2024-03-01T01:00:00Z");
  g_strfreev (b->topics);
  b->topics = g_strsplit ("DAU,TKD", ",", -1);
  return b;
}

/* A desk: prints "id N" per acknowledged booking, then "refused N retries N". */
static int
run_desk (const char *conninfo,
          int         desk,
          gboolean    day_lock)
{
  g_autoptr(GError) error = NULL;
  TamuBackend *backend = tamu_pg_backend_open (conninfo, NULL, &error);
  int refused = 0, retries = 0;

  if (backend == NULL)
    {
      fprintf (stderr, "desk %d: %s\n", desk, error->message);
      return 1;
    }
  for (int i = 0; i < PER_DESK; i++)
    {
      g_autoptr(TamuBooking) b = attempt (desk, i);
      gboolean booked = FALSE;

      if (!pg_test_add_booking (backend, b, day_lock, &booked, &retries, &error))
        {
          fprintf (stderr, "desk %d, booking %d: %s\n", desk, i, error->message);
          return 1;
        }
      if (booked)
        printf ("id %" G_GINT64_FORMAT "\n", b->id);
      else
        refused++;
    }
  printf ("refused %d retries %d\n", refused, retries);
  backend->klass->free (backend);
  return 0;
}

static char *self_exe;

static void
compete (gboolean day_lock)
{
  g_autofree char *name = NULL;
  g_autofree char *conninfo = pg_test_create_database (&name);
  g_autoptr(GString) ids = g_string_new (NULL);
  g_autofree char *overlaps = NULL;
  g_autofree char *count = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *sql = NULL;
  GPid pids[N_DESKS];
  int outs[N_DESKS];
  int acknowledged = 0, refused = 0, retries = 0;
  gint64 started;
  TamuBackend *first;

  /* The schema first, so that the desks compete on bookings only. */
  first = pg_test_open (conninfo);
  first->klass->free (first);

  started = g_get_monotonic_time ();
  for (int d = 0; d < N_DESKS; d++)
    {
      g_autofree char *desk = g_strdup_printf ("%d", d);
      const char *argv[] = { self_exe, "--desk", desk, day_lock ? "lock" : "no-lock", conninfo, NULL };
      g_autoptr(GError) error = NULL;

      g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                &pids[d], NULL, &outs[d], NULL, &error);
      g_assert_no_error (error);
    }

  for (int d = 0; d < N_DESKS; d++)
    {
      g_autoptr(GIOChannel) channel = g_io_channel_unix_new (outs[d]);
      g_autoptr(GError) error = NULL;
      g_autofree char *out = NULL;
      g_auto(GStrv) lines = NULL;
      int status = 0;
      int desk_refused = -1, desk_retries = -1;

      g_io_channel_set_close_on_unref (channel, TRUE);
      g_io_channel_read_to_end (channel, &out, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpint (waitpid (pids[d], &status, 0), ==, pids[d]);
      g_spawn_close_pid (pids[d]);
      /* A desk that met any error but a refusal exits 1. */
      g_assert_true (g_spawn_check_wait_status (status, NULL));

      lines = g_strsplit (out, "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        {
          if (g_str_has_prefix (lines[i], "id "))
            {
              g_string_append_printf (ids, "%s%s", ids->len > 0 ? "," : "", lines[i] + 3);
              acknowledged++;
            }
          else if (sscanf (lines[i], "refused %d retries %d", &desk_refused, &desk_retries) == 2)
            {
              refused += desk_refused;
              retries += desk_retries;
            }
        }
      g_assert_cmpint (desk_refused, >=, 0);
    }

  g_test_message ("%s: %d booked, %d refused, %d retried, in %.1f s", day_lock ? "day lock" : "constraint only",
                  acknowledged, refused, retries, (g_get_monotonic_time () - started) / 1e6);
  g_assert_cmpint (acknowledged + refused, ==, N_DESKS * PER_DESK);
  /* They did compete: most attempts met a booked room. */
  g_assert_cmpint (refused, >, acknowledged);
  g_assert_cmpint (acknowledged, >, 0);
  if (day_lock)
    g_assert_cmpint (retries, ==, 0); /* the lock serializes the day: nothing to retry */

  overlaps = pg_test_psql (conninfo,
                           "SELECT count(*) FROM tamu.bookings a JOIN tamu.bookings b"
                           " ON a.id < b.id AND a.room = b.room AND a.date = b.date"
                           " AND a.start < b.start + b.duration AND b.start < a.start + a.duration"
                           " WHERE a.deleted_at IS NULL AND b.deleted_at IS NULL"
                           " AND a.status IN ('requested', 'confirmed', 'done')"
                           " AND b.status IN ('requested', 'confirmed', 'done')");
  g_assert_cmpstr (overlaps, ==, "0");

  count = pg_test_psql (conninfo, "SELECT count(*) FROM tamu.bookings");
  g_assert_cmpint (atoi (count), ==, acknowledged);
  sql = g_strdup_printf ("SELECT count(*) FROM unnest('{%s}'::bigint[]) AS ack(id)"
                         " WHERE NOT EXISTS (SELECT 1 FROM tamu.bookings b WHERE b.id = ack.id"
                         "   AND b.deleted_at IS NULL"
                         "   AND (SELECT count(*) FROM tamu.booking_topics t WHERE t.booking_id = b.id) = 2"
                         "   AND EXISTS (SELECT 1 FROM tamu.audit a WHERE a.entity_id = b.id))",
                         ids->str);
  missing = pg_test_psql (conninfo, sql);
  g_assert_cmpstr (missing, ==, "0");

  pg_test_drop_database (name);
}

static void
test_day_lock (void)
{
  compete (TRUE);
}

static void
test_constraint_only (void)
{
  compete (FALSE);
}

int
main (int argc, char **argv)
{
  if (argc == 5 && g_str_equal (argv[1], "--desk"))
    return run_desk (argv[4], atoi (argv[2]), g_str_equal (argv[3], "lock"));

  g_test_init (&argc, &argv, NULL);
  if (pg_test_server () == NULL)
    {
      pg_test_skip_all ("TAMU_TEST_PG is not set (tools/test starts a server: tools/pg-test-cluster)");
      return 0;
    }
  self_exe = g_file_read_link ("/proc/self/exe", NULL);
  g_assert_nonnull (self_exe);

  g_test_add_func ("/pg-concurrency/four-desks/day-lock", test_day_lock);
  g_test_add_func ("/pg-concurrency/four-desks/constraint-only", test_constraint_only);
  return g_test_run ();
}
