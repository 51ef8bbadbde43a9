/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tamu-test-db.h"

#include <glib/gstdio.h>
#include <unistd.h>

gboolean
tamu_test_db_is_sqlite (void)
{
  const char *backend = g_getenv ("TAMU_TEST_DB");

  return backend == NULL || *backend == '\0' || g_str_equal (backend, "sqlite");
}

static void
run_pg_tool (const char *tool,
             const char *name)
{
  const char *argv[] = { tool, "--no-password", name, NULL };
  g_autofree char *errors = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (g_str_equal (tool, "dropdb"))
    argv[1] = "--force";
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                NULL, NULL, NULL, &errors, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s %s failed: %s", tool, name, errors);
}

TamuTestDb *
tamu_test_db_new (void)
{
  static int counter;
  g_autoptr(GError) error = NULL;
  TamuTestDb *db = g_new0 (TamuTestDb, 1);

  db->dir = g_dir_make_tmp ("tamu-test-XXXXXX", &error);
  g_assert_no_error (error);

  if (tamu_test_db_is_sqlite ())
    {
      /* A folder that does not exist yet: the store must create it. */
      db->address = g_build_filename (db->dir, "data", "tamu.db", NULL);
      return db;
    }

  g_assert_cmpstr (g_getenv ("TAMU_TEST_DB"), ==, "postgresql");
  db->pg_name = g_strdup_printf ("tamu_t_%d_%d_%d", (int) getpid (), g_atomic_int_add (&counter, 1),
                                 g_random_int_range (0, 1000000));
  run_pg_tool ("createdb", db->pg_name);
  db->address = g_strdup_printf ("dbname=%s", db->pg_name);
  return db;
}

void
tamu_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_unlink (path);
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      tamu_test_remove_tree (child);
    }
  g_rmdir (path);
}

void
tamu_test_db_free (TamuTestDb *db)
{
  if (db == NULL)
    return;
  if (db->pg_name != NULL)
    run_pg_tool ("dropdb", db->pg_name);
  tamu_test_remove_tree (db->dir);
  g_free (db->dir);
  g_free (db->address);
  g_free (db->pg_name);
  g_free (db);
}

gint64
tamu_test_count_rows (TamuStore  *store,
                      const char *table)
{
  static const char * const names[TAMU_N_TABLES] = {
    [TAMU_TABLE_BOOKINGS] = "bookings",
    [TAMU_TABLE_AUDIT] = "audit",
    [TAMU_TABLE_SETTINGS] = "settings",
    [TAMU_TABLE_HOLIDAYS] = "holidays",
    [TAMU_TABLE_TOPICS] = "topics",
    [TAMU_TABLE_PPID_REQUESTS] = "ppid_requests",
    [TAMU_TABLE_BOOKING_TOPICS] = "booking_topics",
    [TAMU_TABLE_FEEDS] = "feeds",
  };
  g_autoptr(GError) error = NULL;
  gint64 count = -1;

  for (int i = 0; i < TAMU_N_TABLES; i++)
    if (names[i] != NULL && g_str_equal (names[i], table))
      {
        g_assert_true (tamu_store_count_records (store, i, &count, &error));
        g_assert_no_error (error);
        return count;
      }
  g_error ("no table %s", table);
}
