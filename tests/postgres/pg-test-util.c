/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <unistd.h>

#include "pg-test-util.h"
#include "tamu-error.h"

const char *
pg_test_server (void)
{
  const char *server = g_getenv ("TAMU_TEST_PG");

  return server != NULL && *server != '\0' ? server : NULL;
}

void
pg_test_skip_all (const char *reason)
{
  printf ("1..0 # SKIP %s\n", reason);
  fflush (stdout);
}

char *
pg_test_psql (const char *conninfo,
              const char *sql)
{
  const char *argv[] = { "psql", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-d", conninfo,
                         "-c", sql, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("psql failed on %s: %s", sql, err);
  return g_strstrip (g_steal_pointer (&out));
}

char *
pg_test_create_database (char **out_name)
{
  static int counter;
  g_autofree char *name = g_strdup_printf ("tamu_t_%d_%d", (int) getpid (), ++counter);
  g_autofree char *sql = g_strdup_printf ("CREATE DATABASE %s", name);

  g_free (pg_test_psql (pg_test_server (), sql));
  if (out_name != NULL)
    *out_name = g_strdup (name);
  /* In a key/value string the last dbname wins. */
  return g_strdup_printf ("%s dbname=%s", pg_test_server (), name);
}

void
pg_test_drop_database (const char *name)
{
  g_autofree char *sql = g_strdup_printf ("DROP DATABASE IF EXISTS %s WITH (FORCE)", name);

  g_free (pg_test_psql (pg_test_server (), sql));
}

TamuBackend *
pg_test_open (const char *conninfo)
{
  g_autoptr(GError) error = NULL;
  TamuBackend *backend = tamu_pg_backend_open (conninfo, "postgresql://tamu@test/tamu", &error);

  g_assert_no_error (error);
  g_assert_nonnull (backend);
  return backend;
}

#define MAX_TRIES 20

static gboolean
room_taken (GPtrArray         *day,
            const TamuBooking *booking)
{
  for (guint i = 0; i < day->len; i++)
    {
      const TamuBooking *other = day->pdata[i];

      if (booking->room != NULL && g_strcmp0 (other->room, booking->room) == 0 &&
          other->start < booking->start + booking->duration &&
          booking->start < other->start + other->duration)
        return TRUE;
    }
  return FALSE;
}

gboolean
pg_test_add_booking (TamuBackend *backend,
                     TamuBooking *booking,
                     gboolean     day_lock,
                     gboolean    *out_booked,
                     int         *retries,
                     GError     **error)
{
  const TamuBackendClass *k = backend->klass;

  for (int attempt = 0; attempt < MAX_TRIES; attempt++)
    {
      TamuAuditRow audit = { "booking", 0, "create", NULL, NULL, NULL, "desk", "2024-03-01T01:00:00Z" };
      g_autoptr(GPtrArray) day = NULL;
      g_autoptr(GError) local_error = NULL;

      if (!k->begin (backend, error))
        return FALSE;
      if (!k->lock (backend, TAMU_LOCK_OFFICE_SHARED, 0, &local_error) ||
          (day_lock && !k->lock (backend, TAMU_LOCK_DAY, g_date_get_julian (&booking->date), &local_error)))
        goto failed;
      day = k->list_active_on (backend, &booking->date, &local_error);
      if (day == NULL)
        goto failed;
      if (room_taken (day, booking))
        {
          k->rollback (backend);
          *out_booked = FALSE;
          return TRUE;
        }
      if (!k->insert_booking (backend, booking, &local_error))
        goto failed;
      audit.entity_id = booking->id;
      if (!k->insert_audit (backend, &audit, &local_error) || !k->commit (backend, &local_error))
        goto failed;
      *out_booked = TRUE;
      return TRUE;

    failed:
      k->rollback (backend);
      if (!g_error_matches (local_error, TAMU_ERROR, TAMU_ERROR_RETRY))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      (*retries)++;
    }

  g_set_error (error, TAMU_ERROR, TAMU_ERROR_FAILED, "still conflicting after %d tries", MAX_TRIES);
  return FALSE;
}
