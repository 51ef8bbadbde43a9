/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tamu-notify"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tamu-clock.h"
#include "tamu-parse.h"
#include "tamu-ppid-reminders.h"
#include "tamu-store-ppid.h"

/* The morning hour the daily reminders go out, office time. */
#define REMINDER_HOUR 8

static int
compare_by_deadline (gconstpointer a,
                     gconstpointer b,
                     gpointer      user_data)
{
  TamuCalendar *calendar = user_data;
  const TamuPpidRequest *x = *(TamuPpidRequest * const *) a;
  const TamuPpidRequest *y = *(TamuPpidRequest * const *) b;
  GDate dx, dy;

  tamu_ppid_request_get_pending_deadline (x, calendar, &dx);
  tamu_ppid_request_get_pending_deadline (y, calendar, &dy);
  return g_date_compare (&dx, &dy);
}

gboolean
tamu_ppid_reminders_collect (TamuStore   *store,
                             const GDate *today,
                             GPtrArray  **out_due,
                             GPtrArray  **out_overdue,
                             GError     **error)
{
  g_autoptr(TamuCalendar) calendar = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) due = g_ptr_array_new_with_free_func ((GDestroyNotify) tamu_ppid_request_unref);
  g_autoptr(GPtrArray) overdue = g_ptr_array_new_with_free_func ((GDestroyNotify) tamu_ppid_request_unref);

  g_return_val_if_fail (TAMU_IS_STORE (store), FALSE);

  calendar = tamu_store_load_calendar (store, error);
  if (calendar == NULL)
    return FALSE;
  all = tamu_store_list_ppid (store, NULL, error);
  if (all == NULL)
    return FALSE;

  for (guint i = 0; i < all->len; i++)
    {
      TamuPpidRequest *request = g_ptr_array_index (all, i);
      int days_left;

      if (!tamu_ppid_request_get_days_left (request, calendar, today, &days_left))
        continue;
      if (days_left < 0)
        g_ptr_array_add (overdue, tamu_ppid_request_ref (request));
      else if (days_left <= 1)
        g_ptr_array_add (due, tamu_ppid_request_ref (request));
    }
  g_ptr_array_sort_with_data (due, compare_by_deadline, calendar);
  g_ptr_array_sort_with_data (overdue, compare_by_deadline, calendar);

  *out_due = g_steal_pointer (&due);
  *out_overdue = g_steal_pointer (&overdue);
  return TRUE;
}

void
tamu_ppid_reminders_compose (GPtrArray    *requests,
                             gboolean      overdue,
                             TamuCalendar *calendar,
                             const GDate  *today,
                             char        **out_title,
                             char        **out_body)
{
  g_autoptr(GString) body = g_string_new (NULL);
  guint n = requests->len;

  *out_title = NULL;
  *out_body = NULL;
  if (n == 0)
    return;

  if (overdue)
    *out_title = g_strdup_printf (ngettext ("%u PPID request is overdue",
                                            "%u PPID requests are overdue", n), n);
  else
    *out_title = g_strdup_printf (ngettext ("%u PPID request is due soon",
                                            "%u PPID requests are due soon", n), n);

  for (guint i = 0; i < n; i++)
    {
      const TamuPpidRequest *request = g_ptr_array_index (requests, i);
      g_autofree char *number = tamu_ppid_request_dup_number (request);
      g_autofree char *when = NULL;
      int days_left = 0;

      tamu_ppid_request_get_days_left (request, calendar, today, &days_left);
      if (days_left < 0)
        when = g_strdup_printf (ngettext ("%d day late", "%d days late", -days_left), -days_left);
      else if (days_left == 0)
        when = g_strdup (_("due today"));
      else
        when = g_strdup (_("due tomorrow"));
      if (i > 0)
        g_string_append_c (body, '\n');
      /* Translators: "001/PPID-DJPK/III/2024 · Rina Hapsari · due today" */
      g_string_append_printf (body, _("%s · %s · %s"), number, request->name, when);
    }
  *out_body = g_string_free (g_steal_pointer (&body), FALSE);
}

static char *
dup_state_path (void)
{
  return g_build_filename (g_get_user_state_dir (), "tamu", "ppid-reminders", NULL);
}

int
tamu_ppid_reminders_send_today (TamuNotifier *notifier,
                                GError      **error)
{
  TamuStore *store = tamu_notifier_get_store (notifier);
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GPtrArray) overdue = NULL;
  g_autoptr(TamuCalendar) calendar = NULL;
  g_autofree char *state_path = dup_state_path ();
  g_autofree char *last = NULL;
  g_autofree char *today_text = NULL;
  g_autofree char *state_dir = NULL;
  GPtrArray *lists[2];
  int sent = 0;
  GDate today;

  g_return_val_if_fail (TAMU_IS_NOTIFIER (notifier), -1);

  tamu_clock_today (&today);
  today_text = tamu_format_date_iso (&today);
  if (g_file_get_contents (state_path, &last, NULL, NULL) && g_str_equal (g_strstrip (last), today_text))
    return 0;

  calendar = tamu_store_load_calendar (store, error);
  if (calendar == NULL || !tamu_ppid_reminders_collect (store, &today, &due, &overdue, error))
    return -1;

  lists[0] = due;
  lists[1] = overdue;
  for (guint k = 0; k < 2; k++)
    {
      g_autofree char *title = NULL;
      g_autofree char *body = NULL;
      GPtrArray *list = lists[k];
      gint64 id;

      tamu_ppid_reminders_compose (list, k == 1, calendar, &today, &title, &body);
      if (title == NULL)
        continue;
      /* One request: activating the notification opens it. */
      id = list->len == 1 ? ((TamuPpidRequest *) g_ptr_array_index (list, 0))->id : 0;
      if (!tamu_notifier_send (notifier, TAMU_NOTIFY_KIND_PPID, id, title, body, error))
        return -1;
      sent++;
    }

  state_dir = g_path_get_dirname (state_path);
  if (g_mkdir_with_parents (state_dir, 0700) != 0 ||
      !g_file_set_contents (state_path, today_text, -1, NULL))
    g_warning ("Cannot remember that today’s PPID reminders were sent (%s)", state_path);
  return sent;
}

/* Seconds until the next REMINDER_HOUR in office time. */
static guint
seconds_until_next_morning (void)
{
  g_autoptr(GDateTime) now = tamu_clock_now ();
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autoptr(GDateTime) next = g_date_time_new (g_date_time_get_timezone (now),
                                               g_date_time_get_year (tomorrow),
                                               g_date_time_get_month (tomorrow),
                                               g_date_time_get_day_of_month (tomorrow),
                                               REMINDER_HOUR, 0, 0);

  return (guint) MAX (60, g_date_time_difference (next, now) / G_USEC_PER_SEC);
}

static gboolean
daily_cb (gpointer user_data);

static void
remove_source (gpointer data)
{
  g_source_remove (GPOINTER_TO_UINT (data));
}

static void
send_and_schedule (TamuNotifier *notifier)
{
  g_autoptr(GError) error = NULL;
  guint source;

  if (tamu_ppid_reminders_send_today (notifier, &error) < 0)
    g_debug ("PPID reminders: %s", error->message);

  source = g_timeout_add_seconds (seconds_until_next_morning (), daily_cb, notifier);
  /* The timer dies with the notifier. */
  g_object_set_data_full (G_OBJECT (notifier), "tamu-ppid-reminders-source",
                          GUINT_TO_POINTER (source), remove_source);
}

static gboolean
daily_cb (gpointer user_data)
{
  TamuNotifier *notifier = user_data;

  /* Replacing the data would remove this very source; steal it first. */
  g_object_steal_data (G_OBJECT (notifier), "tamu-ppid-reminders-source");
  send_and_schedule (notifier);
  return G_SOURCE_REMOVE;
}

void
tamu_ppid_reminders_start (TamuNotifier *notifier)
{
  g_return_if_fail (TAMU_IS_NOTIFIER (notifier));

  /* A second start replaces the first one's timer. */
  g_object_set_data (G_OBJECT (notifier), "tamu-ppid-reminders-source", NULL);
  send_and_schedule (notifier);
}
