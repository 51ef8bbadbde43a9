/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * TamuNotifier against a real notification server on a private session bus
 * (run under dbus-run-session; notification-server.py owns
 * org.freedesktop.Notifications and records what arrives).  The clock is
 * fixed with TAMU_NOW; the store is a real SQLite file.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "tamu-clock.h"
#include "tamu-desk-settings.h"
#include "tamu-error.h"
#include "tamu-notifier.h"
#include "tamu-store.h"

#define SERVER_NAME "org.freedesktop.Notifications"
#define SERVER_PATH "/org/freedesktop/Notifications"

typedef struct
{
  char           *dir;
  GSubprocess    *server;
  GDBusConnection *bus;
  TamuStore      *store;
} Fixture;

static gboolean
wait_until (gboolean (*done) (gpointer),
            gpointer data,
            guint    timeout_ms)
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

/* The Notify calls the server received: a(ussasa{sv}). */
static GVariant *
server_calls (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  GVariant *reply;

  reply = g_dbus_connection_call_sync (fixture->bus, SERVER_NAME, SERVER_PATH,
                                       "org.tamu.TestServer", "Calls", NULL,
                                       G_VARIANT_TYPE ("(a(ussasa{sv}))"),
                                       G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);

  return reply;
}

/* The server id of the notification whose summary is @summary, or 0. */
static guint32
find_call (Fixture    *fixture,
           const char *summary,
           char      **out_body,
           GStrv      *out_actions)
{
  g_autoptr(GVariant) reply = server_calls (fixture);
  g_autoptr(GVariant) calls = g_variant_get_child_value (reply, 0);
  guint32 found = 0;

  for (gsize i = 0; i < g_variant_n_children (calls) && found == 0; i++)
    {
      g_autoptr(GVariant) call = g_variant_get_child_value (calls, i);
      g_autoptr(GVariant) hints = NULL;
      g_autofree char *call_summary = NULL, *body = NULL;
      g_auto(GStrv) actions = NULL;
      guint32 id;

      g_variant_get (call, "(uss^as@a{sv})", &id, &call_summary, &body, &actions, &hints);
      if (g_strcmp0 (call_summary, summary) != 0)
        continue;

      found = id;
      if (out_body != NULL)
        *out_body = g_steal_pointer (&body);
      if (out_actions != NULL)
        *out_actions = g_steal_pointer (&actions);
    }

  return found;
}

/* Clicks the notification: the server emits ActionInvoked. */
static void
invoke_action (Fixture    *fixture,
               guint32     server_id,
               const char *action)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_connection_call_sync (fixture->bus, SERVER_NAME, SERVER_PATH,
                                       "org.tamu.TestServer", "InvokeAction",
                                       g_variant_new ("(us)", server_id, action), NULL,
                                       G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);
}

static guint
count_calls (Fixture *fixture)
{
  g_autoptr(GVariant) reply = server_calls (fixture);
  g_autoptr(GVariant) calls = g_variant_get_child_value (reply, 0);

  return g_variant_n_children (calls);
}

static TamuBooking *
add_booking (Fixture        *fixture,
             TamuBookingType type,
             int             hour,
             int             minute,
             const char     *daerah,
             const char     *instansi,
             int             guests)
{
  g_autoptr(TamuBooking) draft = tamu_booking_new ();
  g_autoptr(GError) error = NULL;
  const char *topics[] = { "DAU", NULL };
  TamuBooking *stored;

  draft->type = type;
  g_date_set_dmy (&draft->date, 20, G_DATE_MARCH, 2024);
  draft->start = hour * 60 + minute;
  draft->duration = 60;
  draft->daerah = g_strdup (daerah);
  draft->instansi = g_strdup (instansi);
  g_strfreev (draft->topics);
  draft->topics = g_strdupv ((GStrv) topics);
  draft->guests = guests;
  draft->contact = g_strdup ("Budi");
  if (type == TAMU_BOOKING_VIDCON)
    draft->link = g_strdup ("https://teams.microsoft.com/l/meetup-join/tamu-test");

  stored = tamu_store_add_booking (fixture->store, draft, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (stored);

  return stored;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = NULL;
  g_autofree char *script = NULL;

  /* Wednesday 20 March 2024, 09:44:57 WIB: three seconds before a reminder
   * falls due. */
  g_setenv ("TAMU_NOW", "2024-03-20T09:44:57", TRUE);

  fixture->dir = g_dir_make_tmp ("tamu-notify-XXXXXX", &error);
  g_assert_no_error (error);

  fixture->bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);

  script = g_test_build_filename (G_TEST_DIST, "notification-server.py", NULL);
  /* @data, when given, is the server's capabilities ("--caps=body"). */
  fixture->server = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error,
                                      "/usr/bin/python3", script, data, NULL);
  g_assert_no_error (error);
  g_assert_true (wait_until (server_is_up, fixture, 10000));

  db = g_build_filename (fixture->dir, "tamu.db", NULL);
  fixture->store = tamu_store_open (db, &error);
  g_assert_no_error (error);

  tamu_desk_settings_set ("reminder-minutes", "15", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *db = g_build_filename (fixture->dir, "tamu.db", NULL);

  g_clear_object (&fixture->store);
  g_subprocess_force_exit (fixture->server);
  g_subprocess_wait (fixture->server, NULL, NULL);
  g_clear_object (&fixture->server);
  g_clear_object (&fixture->bus);

  /* The store's files: the database and its WAL companions. */
  for (const char *suffix = ""; suffix != NULL;
       suffix = *suffix == '\0' ? "-wal" : g_str_equal (suffix, "-wal") ? "-shm" : NULL)
    {
      g_autofree char *path = g_strconcat (db, suffix, NULL);
      g_remove (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

typedef struct
{
  Fixture    *fixture;
  const char *summary;
} Expected;

static gboolean
has_call (gpointer data)
{
  Expected *expected = data;

  return find_call (expected->fixture, expected->summary, NULL, NULL) != 0;
}

static void
open_booking_cb (TamuNotifier *notifier,
                 gint64        id,
                 gint64       *out)
{
  *out = id;
}

static gboolean
is_set (gpointer data)
{
  return *(gint64 *) data != 0;
}

static void
activated_cb (TamuNotifier *notifier,
              const char   *kind,
              gint64        id,
              char        **out_kind)
{
  g_free (*out_kind);
  *out_kind = g_strdup_printf ("%s:%" G_GINT64_FORMAT, kind, id);
}

static gboolean
is_non_null (gpointer data)
{
  return *(char **) data != NULL;
}

static void
test_reminders_and_summary (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(TamuBooking) jepara = NULL;
  g_autoptr(TamuBooking) tomohon = NULL;
  g_autoptr(TamuBooking) bandung = NULL;
  g_autoptr(TamuBooking) banjar = NULL;
  g_autoptr(TamuNotifier) notifier = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  g_auto(GStrv) actions = NULL;
  Expected expected = { fixture, NULL };
  gint64 opened = 0;
  guint32 server_id;

  /* 10:00 → reminder due 09:45, three seconds after start-up. */
  jepara = add_booking (fixture, TAMU_BOOKING_TATAP_MUKA, 10, 0, "Kab. Jepara", "Bappeda & BPKAD", 2);
  /* 09:55 → reminder due 09:40: already due at start-up, and not begun. */
  tomohon = add_booking (fixture, TAMU_BOOKING_VIDCON, 9, 55, "Kota Tomohon", NULL, 0);
  /* 13:00 → due 12:45: not during this test. */
  bandung = add_booking (fixture, TAMU_BOOKING_TATAP_MUKA, 13, 0, "Kab. Bandung", NULL, 4);

  notifier = tamu_notifier_new (fixture->store);
  g_signal_connect (notifier, "open-booking", G_CALLBACK (open_booking_cb), &opened);
  tamu_notifier_start (notifier, &error);
  g_assert_no_error (error);
  g_assert_true (tamu_notifier_get_supports_actions (notifier));

  /* The morning summary, at start-up since it is after opening time. */
  expected.summary = "2 visits, 1 video conference today";
  g_assert_true (wait_until (has_call, &expected, 5000));
  find_call (fixture, expected.summary, &body, NULL);
  g_assert_nonnull (strstr (body, "09:55 · Kota Tomohon · Video conference"));
  g_assert_nonnull (strstr (body, "10:00 · Kab. Jepara · Tatap muka"));
  g_assert_nonnull (strstr (body, "13:00 · Kab. Bandung · Tatap muka"));
  g_clear_pointer (&body, g_free);

  /* The reminder already due. */
  expected.summary = "Video conference at 09:55";
  g_assert_true (wait_until (has_call, &expected, 5000));
  find_call (fixture, expected.summary, &body, NULL);
  g_assert_true (g_str_has_prefix (body, "Kota Tomohon"));
  g_assert_nonnull (strstr (body, "https://teams.microsoft.com/l/meetup-join/tamu-test"));
  g_clear_pointer (&body, g_free);

  /* Not yet the 10:00 one: it is due at 09:45:00. */
  g_assert_cmpuint (find_call (fixture, "Visit at 10:00", NULL, NULL), ==, 0);

  /* It arrives on its timer, with daerah, time, escaped instansi, guests. */
  expected.summary = "Visit at 10:00";
  g_assert_true (wait_until (has_call, &expected, 10000));
  server_id = find_call (fixture, expected.summary, &body, &actions);
  g_assert_true (g_str_has_prefix (body, "Kab. Jepara · Bappeda &amp; BPKAD\n10:00–11:00"));
  g_assert_nonnull (strstr (body, "2 guests"));
  g_assert_nonnull (strstr (body, "DAU"));
  g_assert_cmpstrv (actions, ((const char *[]) { "default", "Open", NULL }));

  /* The 13:00 visit is not reminded hours early. */
  g_assert_cmpuint (find_call (fixture, "Visit at 13:00", NULL, NULL), ==, 0);

  /* A booking added while running is planned at once: 09:58 is due now. */
  banjar = add_booking (fixture, TAMU_BOOKING_TATAP_MUKA, 9, 58, "Kota Banjar", NULL, 3);
  expected.summary = "Visit at 09:58";
  g_assert_true (wait_until (has_call, &expected, 5000));
  g_clear_pointer (&body, g_free);
  find_call (fixture, expected.summary, &body, NULL);
  g_assert_true (g_str_has_prefix (body, "Kota Banjar"));

  /* Clicking the reminder opens that booking. */
  invoke_action (fixture, server_id, "default");
  g_assert_true (wait_until (is_set, &opened, 5000));
  g_assert_cmpint (opened, ==, jepara->id);

  /* Re-planning never repeats a reminder or the summary. */
  tamu_notifier_replan (notifier);
  g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (count_calls (fixture), ==, 4);
}

static void
test_summary_once_a_day (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(TamuBooking) jepara = NULL;
  g_autoptr(GError) error = NULL;
  Expected expected = { fixture, "1 visit today" };

  /* No reminders here: only the summary is under test. */
  tamu_desk_settings_set ("reminder-minutes", "0", &error);
  g_assert_no_error (error);
  jepara = add_booking (fixture, TAMU_BOOKING_TATAP_MUKA, 14, 0, "Kab. Jepara", NULL, 2);

  {
    g_autoptr(TamuNotifier) first = tamu_notifier_new (fixture->store);

    tamu_notifier_start (first, &error);
    g_assert_no_error (error);
    g_assert_true (wait_until (has_call, &expected, 5000));
  }

  /* The app restarted the same day: no second summary. */
  {
    g_autoptr(TamuNotifier) second = tamu_notifier_new (fixture->store);

    tamu_notifier_start (second, &error);
    g_assert_no_error (error);
    for (int i = 0; i < 20; i++)
      {
        g_main_context_iteration (NULL, FALSE);
        g_usleep (10 * 1000);
      }
    g_assert_cmpuint (count_calls (fixture), ==, 1);
  }
}

static void
test_follows_desk_setting (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(TamuNotifier) notifier = NULL;
  g_autoptr(TamuBooking) jepara = NULL;
  g_autoptr(GError) error = NULL;
  Expected summary = { fixture, "1 visit today" };
  Expected reminder = { fixture, "Visit at 09:55" };

  tamu_desk_settings_set ("reminder-minutes", "0", &error);
  g_assert_no_error (error);
  jepara = add_booking (fixture, TAMU_BOOKING_TATAP_MUKA, 9, 55, "Kab. Jepara", NULL, 2);

  notifier = tamu_notifier_new (fixture->store);
  tamu_notifier_start (notifier, &error);
  g_assert_no_error (error);
  g_assert_true (wait_until (has_call, &summary, 5000));
  g_assert_cmpuint (count_calls (fixture), ==, 1);

  /* The person asks for reminders 15 minutes ahead (Preferences writes the
   * desk's key file): the 09:55 visit is now due and reminded at once. */
  tamu_desk_settings_set ("reminder-minutes", "15", &error);
  g_assert_no_error (error);
  g_assert_true (wait_until (has_call, &reminder, 5000));
}

static void
test_summary_before_opening (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(TamuNotifier) notifier = NULL;
  g_autoptr(TamuBooking) jepara = NULL;
  g_autoptr(GError) error = NULL;

  jepara = add_booking (fixture, TAMU_BOOKING_TATAP_MUKA, 14, 0, "Kab. Jepara", NULL, 2);

  /* 07:30: the office opens at 08:00, the summary waits for it. */
  g_setenv ("TAMU_NOW", "2024-03-20T07:30", TRUE);
  notifier = tamu_notifier_new (fixture->store);
  tamu_notifier_start (notifier, &error);
  g_assert_no_error (error);
  for (int i = 0; i < 20; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10 * 1000);
    }
  g_assert_cmpuint (count_calls (fixture), ==, 0);
}

static void
test_send_hook (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(TamuNotifier) notifier = tamu_notifier_new (fixture->store);
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  g_autofree char *kind = NULL;
  g_auto(GStrv) actions = NULL;
  Expected expected = { fixture, "PPID 012/2024 is due tomorrow" };
  gint64 opened = 0;
  guint32 server_id;

  g_assert_false (tamu_notifier_send (notifier, TAMU_NOTIFY_KIND_PPID, 12, "x", NULL, &error));
  g_assert_error (error, TAMU_ERROR, TAMU_ERROR_FAILED);
  g_assert_true (g_str_has_prefix (error->message, "notifications: "));
  g_clear_error (&error);

  tamu_desk_settings_set ("reminder-minutes", "0", &error);
  g_assert_no_error (error);
  tamu_notifier_start (notifier, &error);
  g_assert_no_error (error);
  g_signal_connect (notifier, "open-booking", G_CALLBACK (open_booking_cb), &opened);
  g_signal_connect (notifier, "activated", G_CALLBACK (activated_cb), &kind);

  g_assert_true (tamu_notifier_send (notifier, TAMU_NOTIFY_KIND_PPID, 12,
                                     expected.summary, "Budi <budi@example.org>", &error));
  g_assert_no_error (error);
  g_assert_true (wait_until (has_call, &expected, 5000));
  server_id = find_call (fixture, expected.summary, &body, &actions);
  g_assert_cmpstr (body, ==, "Budi &lt;budi@example.org&gt;");
  g_assert_cmpstrv (actions, ((const char *[]) { "default", "Open", NULL }));

  invoke_action (fixture, server_id, "default");
  g_assert_true (wait_until (is_non_null, &kind, 5000));
  g_assert_cmpstr (kind, ==, "ppid:12");
  /* A PPID notification is not a booking. */
  g_assert_cmpint (opened, ==, 0);
}

static void
test_server_without_actions (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(TamuNotifier) notifier = NULL;
  g_autoptr(TamuBooking) tomohon = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  g_auto(GStrv) actions = NULL;
  Expected reminder = { fixture, "Video conference at 09:55" };

  tomohon = add_booking (fixture, TAMU_BOOKING_VIDCON, 9, 55, "Kota Tomohon & Minahasa", NULL, 0);

  notifier = tamu_notifier_new (fixture->store);
  tamu_notifier_start (notifier, &error);
  g_assert_no_error (error);
  g_assert_false (tamu_notifier_get_supports_actions (notifier));

  /* The reminder still comes, without an action the server cannot show,
   * and as plain text: the server does not read markup. */
  g_assert_true (wait_until (has_call, &reminder, 5000));
  find_call (fixture, reminder.summary, &body, &actions);
  g_assert_cmpstrv (actions, ((const char *[]) { NULL }));
  g_assert_true (g_str_has_prefix (body, "Kota Tomohon & Minahasa\n"));
}

static void
test_summary_text (void)
{
  g_autofree char *three_one = NULL;
  g_autofree char *one_zero = NULL;
  g_autofree char *zero_two = NULL;
  g_autofree char *none = NULL;

  three_one = tamu_notifier_format_summary (3, 1);
  g_assert_cmpstr (three_one, ==, "3 visits, 1 video conference today");
  one_zero = tamu_notifier_format_summary (1, 0);
  g_assert_cmpstr (one_zero, ==, "1 visit today");
  zero_two = tamu_notifier_format_summary (0, 2);
  g_assert_cmpstr (zero_two, ==, "2 video conferences today");
  none = tamu_notifier_format_summary (0, 0);
  g_assert_cmpstr (none, ==, "No visits or video conferences today");
}

static void
test_summary_text_indonesian (void)
{
  g_autofree char *three_one = NULL;
  g_autofree char *none = NULL;

  if (setlocale (LC_ALL, "id_ID.UTF-8") == NULL)
    {
      g_test_skip ("the id_ID.UTF-8 locale is not installed (locale-gen)");
      return;
    }
  bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  three_one = tamu_notifier_format_summary (3, 1);
  g_assert_cmpstr (three_one, ==, "3 kunjungan, 1 video conference hari ini");
  none = tamu_notifier_format_summary (0, 0);
  g_assert_cmpstr (none, ==, "Tidak ada kunjungan atau video conference hari ini");

  setlocale (LC_ALL, "C.UTF-8");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/notify/summary/text", test_summary_text);
  g_test_add_func ("/notify/summary/text-indonesian", test_summary_text_indonesian);
  g_test_add ("/notify/reminders-and-summary", Fixture, NULL,
              fixture_set_up, test_reminders_and_summary, fixture_tear_down);
  g_test_add ("/notify/summary/once-a-day", Fixture, NULL,
              fixture_set_up, test_summary_once_a_day, fixture_tear_down);
  g_test_add ("/notify/summary/waits-for-opening", Fixture, NULL,
              fixture_set_up, test_summary_before_opening, fixture_tear_down);
  g_test_add ("/notify/reminders/follow-desk-setting", Fixture, NULL,
              fixture_set_up, test_follows_desk_setting, fixture_tear_down);
  g_test_add ("/notify/server-without-actions", Fixture, "--caps=body",
              fixture_set_up, test_server_without_actions, fixture_tear_down);
  g_test_add ("/notify/send-hook", Fixture, NULL,
              fixture_set_up, test_send_hook, fixture_tear_down);

  return g_test_run ();
}
