/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The PPID reminders through TamuNotifier against a real notification server
 * on a private session bus (run under dbus-run-session; notification-server.py
 * records what arrives).  Real SQLite store, clock fixed with TAMU_NOW, the
 * "sent today" mark in a temporary XDG_STATE_HOME.
 */
#include "config.h"

#include <glib/gstdio.h>

#include "tamu-error.h"
#include "tamu-notifier.h"
#include "tamu-parse.h"
#include "tamu-ppid-reminders.h"
#include "tamu-store-ppid.h"

#define SERVER_NAME "org.freedesktop.Notifications"
#define SERVER_PATH "/org/freedesktop/Notifications"

typedef struct
{
  char            *dir;
  GSubprocess     *server;
  GDBusConnection *bus;
  TamuStore       *store;
} Fixture;

static gboolean
wait_until (gboolean (*done) (gpointer),
            gpointer   data,
            guint      timeout_ms)
{
  gint64 end = g_get_monotonic_time () + timeout_ms * 1000;

  while (!done (data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10 * 1000);
    }
  return TRUE;
}

static gboolean
server_is_up (gpointer data)
{
  Fixture *fixture = data;
  g_autoptr(GVariant) reply = NULL;
  gboolean has_owner = FALSE;

  reply = g_dbus_connection_call_sync (fixture->bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", SERVER_NAME), G_VARIANT_TYPE ("(b)"),
                                       G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &has_owner);
  return has_owner;
}

/* The Notify calls the server received, as "summary|body" strings. */
static GPtrArray *
server_calls (Fixture *fixture,
              GArray  *ids)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GVariant) calls = NULL;
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);

  reply = g_dbus_connection_call_sync (fixture->bus, SERVER_NAME, SERVER_PATH,
                                       "org.tamu.TestServer", "Calls", NULL,
                                       G_VARIANT_TYPE ("(a(ussasa{sv}))"),
                                       G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);
  calls = g_variant_get_child_value (reply, 0);
  for (gsize i = 0; i < g_variant_n_children (calls); i++)
    {
      g_autoptr(GVariant) call = g_variant_get_child_value (calls, i);
      g_autoptr(GVariant) hints = NULL;
      g_autofree char *summary = NULL, *body = NULL;
      g_auto(GStrv) actions = NULL;
      guint32 id;

      g_variant_get (call, "(uss^as@a{sv})", &id, &summary, &body, &actions, &hints);
      g_ptr_array_add (texts, g_strdup_printf ("%s|%s", summary, body));
      if (ids != NULL)
        g_array_append_val (ids, id);
    }
  return texts;
}

typedef struct
{
  Fixture *fixture;
  guint    count;
} Expected;

static gboolean
has_calls (gpointer data)
{
  Expected *expected = data;
  g_autoptr(GPtrArray) calls = server_calls (expected->fixture, NULL);

  return calls->len >= expected->count;
}

static void
add_request (Fixture    *fixture,
             const char *received,
             const char *name)
{
  g_autoptr(TamuPpidRequest) draft = tamu_ppid_request_new ();
  g_autoptr(TamuPpidRequest) stored = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (tamu_parse_date ("received", received, &draft->received, NULL));
  draft->name = g_strdup (name);
  draft->information = g_strdup ("Realisasi APBD 2023");
  stored = tamu_store_add_ppid (fixture->store, draft, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = NULL;
  g_autofree char *script = NULL;
  g_autofree char *state = NULL;

  g_setenv ("TAMU_NOW", "2024-03-19T07:00", TRUE);
  fixture->dir = g_dir_make_tmp ("tamu-ppid-notify-XXXXXX", &error);
  g_assert_no_error (error);
  state = g_build_filename (fixture->dir, "state", NULL);
  g_setenv ("XDG_STATE_HOME", state, TRUE);

  fixture->bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  script = g_test_build_filename (G_TEST_DIST, "notification-server.py", NULL);
  fixture->server = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, "/usr/bin/python3", script, NULL);
  g_assert_no_error (error);
  g_assert_true (wait_until (server_is_up, fixture, 10000));

  db = g_build_filename (fixture->dir, "tamu.db", NULL);
  fixture->store = tamu_store_open (db, &error);
  g_assert_no_error (error);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  g_subprocess_force_exit (fixture->server);
  g_subprocess_wait (fixture->server, NULL, NULL);
  g_clear_object (&fixture->server);
  g_clear_object (&fixture->bus);
  remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static void
activated_cb (TamuNotifier *notifier,
              const char   *kind,
              gint64        id,
              char        **out)
{
  g_free (*out);
  *out = g_strdup_printf ("%s:%" G_GINT64_FORMAT, kind, id);
}

static gboolean
is_non_null (gpointer data)
{
  return *(char **) data != NULL;
}

static void
test_once_a_day (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(TamuNotifier) notifier = tamu_notifier_new (fixture->store);
  g_autoptr(GPtrArray) calls = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(GError) error = NULL;
  g_autofree char *activated = NULL;
  Expected expected = { fixture, 2 };
  int sent;

  /* Tuesday 19 March 2024: Ani is due today, Budi tomorrow, Eko (registered
   * last, so number 004 though received first) overdue
   * since 13 March; Citra (due 21 March) is not worth a reminder yet. */
  add_request (fixture, "2024-03-01", "Ani");
  add_request (fixture, "2024-03-04", "Budi");
  add_request (fixture, "2024-03-05", "Citra");
  add_request (fixture, "2024-02-26", "Eko");

  tamu_notifier_start (notifier, &error);
  g_assert_no_error (error);
  g_signal_connect (notifier, "activated", G_CALLBACK (activated_cb), &activated);

  sent = tamu_ppid_reminders_send_today (notifier, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sent, ==, 2);
  g_assert_true (wait_until (has_calls, &expected, 5000));
  calls = server_calls (fixture, ids);
  g_assert_cmpuint (calls->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (calls, 0), ==,
                   "2 PPID requests are due soon|"
                   "001/PPID-DJPK/III/2024 · Ani · due today\n"
                   "002/PPID-DJPK/III/2024 · Budi · due tomorrow");
  g_assert_cmpstr (g_ptr_array_index (calls, 1), ==,
                   "1 PPID request is overdue|"
                   "004/PPID-DJPK/II/2024 · Eko · 4 days late");

  /* Once a day: a second start the same day sends nothing. */
  g_assert_cmpint (tamu_ppid_reminders_send_today (notifier, &error), ==, 0);
  g_assert_no_error (error);

  /* One request: activating its notification names it. */
  g_dbus_connection_call_sync (fixture->bus, SERVER_NAME, SERVER_PATH,
                               "org.tamu.TestServer", "InvokeAction",
                               g_variant_new ("(us)", g_array_index (ids, guint32, 1), "default"), NULL,
                               G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (wait_until (is_non_null, &activated, 5000));
  g_assert_cmpstr (activated, ==, "ppid:4");

  /* The next working day they come again, with the new counts. */
  g_setenv ("TAMU_NOW", "2024-03-20T07:00", TRUE);
  g_assert_cmpint (tamu_ppid_reminders_send_today (notifier, &error), ==, 2);
  expected.count = 4;
  g_assert_true (wait_until (has_calls, &expected, 5000));
  g_clear_pointer (&calls, g_ptr_array_unref);
  calls = server_calls (fixture, NULL);
  g_assert_cmpstr (g_ptr_array_index (calls, 2), ==,
                   "2 PPID requests are due soon|"
                   "002/PPID-DJPK/III/2024 · Budi · due today\n"
                   "003/PPID-DJPK/III/2024 · Citra · due tomorrow");
  g_assert_cmpstr (g_ptr_array_index (calls, 3), ==,
                   "2 PPID requests are overdue|"
                   "004/PPID-DJPK/II/2024 · Eko · 5 days late\n"
                   "001/PPID-DJPK/III/2024 · Ani · 1 day late");
}

static void
test_nothing_due (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(TamuNotifier) notifier = tamu_notifier_new (fixture->store);
  g_autoptr(GPtrArray) calls = NULL;
  g_autoptr(GError) error = NULL;

  /* Due 21 March: two working days ahead, no reminder. */
  add_request (fixture, "2024-03-05", "Citra");
  tamu_notifier_start (notifier, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tamu_ppid_reminders_send_today (notifier, &error), ==, 0);
  g_assert_no_error (error);
  for (int i = 0; i < 20; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10 * 1000);
    }
  calls = server_calls (fixture, NULL);
  g_assert_cmpuint (calls->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/ppid-reminders/once-a-day", Fixture, NULL, fixture_set_up, test_once_a_day, fixture_tear_down);
  g_test_add ("/ppid-reminders/nothing-due", Fixture, NULL, fixture_set_up, test_nothing_due, fixture_tear_down);

  return g_test_run ();
}
