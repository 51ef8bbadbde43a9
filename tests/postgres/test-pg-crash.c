/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "pg-test-util.h"
#include "tamu-error.h"

/*
 * A desk killed with SIGKILL in the middle of a write transaction (after
 * its rows, their topics and audit were sent, before COMMIT): the server
 * rolls all of it back, releases its locks, and what was acknowledged
 * before is intact.
 */

#define N_HALF_WRITTEN 25

static TamuBooking *
visit (int start)
{
  TamuBooking *b = tamu_booking_new ();

  b->uid = tamu_booking_new_uid ();
  g_date_set_dmy (&b->date, 20, 3, 2024);
  b->start = start;
  b->duration = 60;
  b->daerah = g_strdup ("Kab. Jepara");
  b->guests = 2;
  b->guest_limit = 5;
  b->room = g_strdup ("Ruang Konsultasi 1");
  b->created_at = g_strdup ("2024-03-01T01:00:00Z");
  b->updated_at = g_strdup ("2024-03-01T01:00:00Z");
  g_strfreev (b->topics);
  b->topics = g_strsplit ("DAU,DAK Non Fisik", ",", -1);
  return b;
}

static gboolean
write_visit (TamuBackend *backend,
             TamuBooking *b,
             GError     **error)
{
  TamuAuditRow audit = { "booking", 0, "create", NULL, NULL, NULL, "desk", "2024-03-01T01:00:00Z" };

  if (!backend->klass->insert_booking (backend, b, error))
    return FALSE;
  audit.entity_id = b->id;
  return backend->klass->insert_audit (backend, &audit, error);
}

/* The desk that dies: writes, says so, and waits for its end. */
static int
run_victim (const char *conninfo)
{
  g_autoptr(GError) error = NULL;
  TamuBackend *backend = tamu_pg_backend_open (conninfo, NULL, &error);
  GDate day;

  g_assert_no_error (error);
  g_date_set_dmy (&day, 20, 3, 2024);
  g_assert_true (backend->klass->begin (backend, &error));
  g_assert_true (backend->klass->lock (backend, TAMU_LOCK_DAY, g_date_get_julian (&day), &error));
  /* Half an import: rows over the whole day (one room; 10:00 is taken). */
  for (int i = 0; i < N_HALF_WRITTEN; i++)
    {
      g_autoptr(TamuBooking) b = visit (11 * 60 + i * 60 % 300);

      g_date_set_dmy (&b->date, 20 + i / 5, 3, 2024);
      if (!write_visit (backend, b, &error))
        {
          fprintf (stderr, "victim: %s\n", error->message);
          return 1;
        }
    }
  printf ("written\n");
  fflush (stdout);
  for (;;)
    pause ();
}

static char *self_exe;

static void
test_killed_mid_transaction (void)
{
  g_autofree char *name = NULL;
  g_autofree char *conninfo = pg_test_create_database (&name);
  g_autoptr(TamuBooking) acknowledged = visit (10 * 60);
  g_autoptr(TamuBooking) after = visit (11 * 60);
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  g_autofree char *sql = NULL;
  const char *argv[] = { self_exe, "--victim", conninfo, NULL };
  TamuBackend *backend = pg_test_open (conninfo);
  const TamuBackendClass *k = backend->klass;
  GIOChannel *channel;
  GPid pid;
  int out, status = 0;
  char *text;
  GDate day;

  /* Acknowledged before the crash. */
  g_assert_true (k->begin (backend, &error));
  g_assert_true (write_visit (backend, acknowledged, &error));
  g_assert_true (k->commit (backend, &error));
  g_assert_no_error (error);

  g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                            &pid, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  channel = g_io_channel_unix_new (out);
  g_io_channel_set_close_on_unref (channel, TRUE);
  g_io_channel_read_line (channel, &line, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (line, ==, "written\n");

  /* The rows are on the server, in a transaction nobody will commit. */
  text = pg_test_psql (conninfo, "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'tamu'"
                                 " AND datname = current_database() AND state = 'idle in transaction'");
  g_assert_cmpstr (text, ==, "1");
  g_free (text);

  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);
  g_spawn_close_pid (pid);
  g_io_channel_unref (channel);

  /* The server notices the closed socket and rolls back: wait for that
   * (bounded), then look at what is left. */
  for (int i = 0; i < 1000; i++)
    {
      g_autofree char *open = pg_test_psql (conninfo, "SELECT count(*) FROM pg_stat_activity"
                                                      " WHERE datname = current_database()"
                                                      " AND state = 'idle in transaction'");
      if (g_str_equal (open, "0"))
        break;
      g_usleep (10000);
    }

  text = pg_test_psql (conninfo, "SELECT count(*) FROM tamu.bookings");
  g_assert_cmpstr (text, ==, "1");
  g_free (text);
  text = pg_test_psql (conninfo, "SELECT count(*) FROM tamu.booking_topics");
  g_assert_cmpstr (text, ==, "2");
  g_free (text);
  sql = g_strdup_printf ("SELECT count(*) FROM tamu.audit WHERE entity_id <> %" G_GINT64_FORMAT,
                         acknowledged->id);
  text = pg_test_psql (conninfo, sql);
  g_assert_cmpstr (text, ==, "0");
  g_free (text);
  text = pg_test_psql (conninfo, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"
                                 " AND database = (SELECT oid FROM pg_database"
                                 "                 WHERE datname = current_database())");
  g_assert_cmpstr (text, ==, "0");
  g_free (text);

  /* The day is free again: its lock and its room. */
  g_date_set_dmy (&day, 20, 3, 2024);
  g_assert_true (k->begin (backend, &error));
  g_assert_true (k->lock (backend, TAMU_LOCK_DAY, g_date_get_julian (&day), &error));
  g_assert_true (write_visit (backend, after, &error));
  g_assert_true (k->commit (backend, &error));
  g_assert_no_error (error);
  {
    g_autoptr(TamuBooking) first = k->get_booking (backend, acknowledged->id, NULL, &error);

    g_assert_no_error (error);
    g_assert_nonnull (first);
    g_assert_cmpstrv (first->topics, acknowledged->topics);
  }

  k->free (backend);
  pg_test_drop_database (name);
}

int
main (int argc, char **argv)
{
  if (argc == 3 && g_str_equal (argv[1], "--victim"))
    return run_victim (argv[2]);

  g_test_init (&argc, &argv, NULL);
  if (pg_test_server () == NULL)
    {
      pg_test_skip_all ("TAMU_TEST_PG is not set (tools/test starts a server: tools/pg-test-cluster)");
      return 0;
    }
  self_exe = g_file_read_link ("/proc/self/exe", NULL);
  g_assert_nonnull (self_exe);

  g_test_add_func ("/pg-crash/sigkill-mid-transaction", test_killed_mid_transaction);
  return g_test_run ();
}
