/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tamu-notify"

#include "config.h"

#include "tamu-notifier.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <libnotify/notify.h>

#include "tamu-clock.h"
#include "tamu-desk-settings.h"
#include "tamu-error.h"

/* At most this many bookings are listed in the morning summary's body. */
#define SUMMARY_MAX_LINES 6

struct _TamuNotifier
{
  GObject       parent_instance;

  TamuStore    *store;
  GFileMonitor *desk_monitor;

  /* "Now" runs from tamu_clock_now() at start (TAMU_NOW fixes it) on the
   * monotonic clock, so a fixed TAMU_NOW still lets timers come due. */
  GDateTime    *start_now;
  gint64        start_monotonic;

  gboolean      started;
  gboolean      supports_actions;
  gboolean      supports_markup;
  guint         tick_id;

  GDate         planned_day;
  GHashTable   *reminded;     /* "uid@start" of today's reminders already sent */
  GPtrArray    *live;         /* NotifyNotification*: kept until closed, for their actions */
};

G_DEFINE_FINAL_TYPE (TamuNotifier, tamu_notifier, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ACTIVATED,
  OPEN_BOOKING,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  GWeakRef notifier;
  char    *kind;
  gint64   id;
} ActionData;

static void
action_data_free (gpointer data)
{
  ActionData *action = data;

  g_weak_ref_clear (&action->notifier);
  g_free (action->kind);
  g_free (action);
}

static GDateTime *
dup_now (TamuNotifier *self)
{
  gint64 elapsed = g_get_monotonic_time () - self->start_monotonic;

  if (self->start_now == NULL)
    return tamu_clock_now ();

  return g_date_time_add (self->start_now, elapsed);
}

static char *
format_time (int minutes)
{
  return g_strdup_printf ("%02d:%02d", minutes / 60, minutes % 60);
}

char *
tamu_notifier_format_summary (int visits,
                              int vidcons)
{
  g_autofree char *visits_text = NULL;
  g_autofree char *vidcons_text = NULL;

  if (visits == 0 && vidcons == 0)
    return g_strdup (_("No visits or video conferences today"));

  /* Translators: part of the morning summary, "3 visits, 1 video conference today" */
  visits_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d visit", "%d visits", visits), visits);
  /* Translators: part of the morning summary, "3 visits, 1 video conference today" */
  vidcons_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d video conference", "%d video conferences", vidcons),
                                  vidcons);

  if (vidcons == 0)
    /* Translators: the morning summary; %s is "3 visits" */
    return g_strdup_printf (_("%s today"), visits_text);
  if (visits == 0)
    return g_strdup_printf (_("%s today"), vidcons_text);

  /* Translators: the morning summary; "3 visits", "1 video conference" */
  return g_strdup_printf (_("%s, %s today"), visits_text, vidcons_text);
}

/* ---- state: the date the summary was last sent -------------------- */

static char *
dup_state_path (void)
{
  return g_build_filename (g_get_user_state_dir (), "tamu", "notify.ini", NULL);
}

static char *
dup_state_key (TamuNotifier *self)
{
  /* One summary a day per database: the path may hold characters a key
   * file key cannot, so key by its checksum. */
  return g_compute_checksum_for_string (G_CHECKSUM_SHA1, tamu_store_get_identity (self->store), -1);
}

static gboolean
summary_sent_on (TamuNotifier *self,
                 const GDate  *day)
{
  g_autoptr(GKeyFile) state = g_key_file_new ();
  g_autofree char *path = dup_state_path ();
  g_autofree char *key = dup_state_key (self);
  g_autofree char *sent = NULL;
  char today[16];

  if (!g_key_file_load_from_file (state, path, G_KEY_FILE_NONE, NULL))
    return FALSE;

  sent = g_key_file_get_string (state, "summary-sent", key, NULL);
  g_date_strftime (today, sizeof today, "%Y-%m-%d", day);

  return g_strcmp0 (sent, today) == 0;
}

static void
remember_summary_sent (TamuNotifier *self,
                       const GDate  *day)
{
  g_autoptr(GKeyFile) state = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = dup_state_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *key = dup_state_key (self);
  char today[16];

  g_key_file_load_from_file (state, path, G_KEY_FILE_KEEP_COMMENTS, NULL);
  g_date_strftime (today, sizeof today, "%Y-%m-%d", day);
  g_key_file_set_string (state, "summary-sent", key, today);

  if (g_mkdir_with_parents (dir, 0700) != 0 ||
      !g_key_file_save_to_file (state, path, &error))
    g_warning ("Could not remember that today's summary was sent (%s): %s",
               path, error != NULL ? error->message : g_strerror (errno));
}

/* ---- sending ------------------------------------------------------ */

static void
action_cb (NotifyNotification *notification,
           char               *action,
           gpointer            user_data)
{
  ActionData *data = user_data;
  g_autoptr(TamuNotifier) self = g_weak_ref_get (&data->notifier);

  if (self == NULL)
    return;

  g_signal_emit (self, signals[ACTIVATED], 0, data->kind, data->id);
  if (g_strcmp0 (data->kind, TAMU_NOTIFY_KIND_BOOKING) == 0)
    g_signal_emit (self, signals[OPEN_BOOKING], 0, data->id);
}

static void
notification_closed_cb (TamuNotifier       *self,
                        NotifyNotification *notification)
{
  g_ptr_array_remove_fast (self->live, notification);
}

static char *
escape_body (TamuNotifier *self,
             const char   *body)
{
  /* Where the server reads markup, a daerah like "A & B" must stay text. */
  if (self->supports_markup && body != NULL)
    return g_markup_escape_text (body, -1);

  return g_strdup (body);
}

gboolean
tamu_notifier_send (TamuNotifier *self,
                    const char   *kind,
                    gint64        id,
                    const char   *title,
                    const char   *body,
                    GError      **error)
{
  NotifyNotification *notification;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *escaped = NULL;

  g_return_val_if_fail (TAMU_IS_NOTIFIER (self), FALSE);
  g_return_val_if_fail (kind != NULL, FALSE);
  g_return_val_if_fail (title != NULL, FALSE);

  if (!self->started)
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_FAILED,
                   _("notifications: not connected to a notification server"));
      return FALSE;
    }

  escaped = escape_body (self, body);
  notification = notify_notification_new (title, escaped, APP_ID);
  notify_notification_set_hint_string (notification, "desktop-entry", APP_ID);
  notify_notification_set_category (notification, "x-tamu.reminder");

  if (self->supports_actions)
    {
      ActionData *data = g_new0 (ActionData, 1);

      g_weak_ref_init (&data->notifier, self);
      data->kind = g_strdup (kind);
      data->id = id;
      /* "default" is the action of clicking the notification itself. */
      notify_notification_add_action (notification, "default", _("Open"),
                                      action_cb, data, action_data_free);
    }

  if (!notify_notification_show (notification, &local_error))
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_FAILED,
                   _("notifications: the notification server refused “%s”: %s"),
                   title, local_error->message);
      g_object_unref (notification);
      return FALSE;
    }

  /* Its action callback lives on the object: keep it until it is closed. */
  g_signal_connect_object (notification, "closed",
                           G_CALLBACK (notification_closed_cb), self,
                           G_CONNECT_SWAPPED);
  g_ptr_array_add (self->live, notification);

  return TRUE;
}

static void
send_or_warn (TamuNotifier *self,
              const char   *kind,
              gint64        id,
              const char   *title,
              const char   *body)
{
  g_autoptr(GError) error = NULL;

  if (!tamu_notifier_send (self, kind, id, title, body, &error))
    g_warning ("%s", error->message);
}

static void
send_reminder (TamuNotifier      *self,
               const TamuBooking *booking)
{
  g_autoptr(GString) body = g_string_new (booking->daerah);
  g_autofree char *time = format_time (booking->start);
  g_autofree char *end = format_time (tamu_booking_get_end (booking));
  g_autofree char *title = NULL;

  if (booking->type == TAMU_BOOKING_VIDCON)
    /* Translators: a reminder's title; %s is the start time, "10:00" */
    title = g_strdup_printf (_("Video conference at %s"), time);
  else
    /* Translators: a reminder's title; %s is the start time, "10:00" */
    title = g_strdup_printf (_("Visit at %s"), time);

  if (booking->instansi != NULL && *booking->instansi != '\0')
    g_string_append_printf (body, " · %s", booking->instansi);
  g_string_append_c (body, '\n');
  /* Translators: "10:00–11:00" in a reminder */
  g_string_append_printf (body, _("%s–%s"), time, end);

  if (booking->type == TAMU_BOOKING_TATAP_MUKA)
    {
      if (booking->room != NULL && *booking->room != '\0')
        g_string_append_printf (body, " · %s", booking->room);
      if (booking->guests > 0)
        {
          g_string_append (body, " · ");
          g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE, "%d guest", "%d guests", booking->guests),
                                  booking->guests);
        }
    }
  else if (booking->link != NULL && *booking->link != '\0')
    {
      g_string_append_printf (body, "\n%s", booking->link);
    }

  if (booking->topics != NULL && booking->topics[0] != NULL)
    {
      g_autofree char *topics = tamu_booking_dup_topics_text (booking);

      g_string_append_printf (body, "\n%s", topics);
    }

  send_or_warn (self, TAMU_NOTIFY_KIND_BOOKING, booking->id, title, body->str);
}

static void
send_summary (TamuNotifier *self,
              const GDate  *today,
              GPtrArray    *bookings)
{
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *title = NULL;
  int visits = 0, vidcons = 0;
  guint listed = 0;

  for (guint i = 0; i < bookings->len; i++)
    {
      const TamuBooking *booking = g_ptr_array_index (bookings, i);

      if (booking->type == TAMU_BOOKING_VIDCON)
        vidcons++;
      else
        visits++;

      if (listed == SUMMARY_MAX_LINES)
        continue;
      if (body->len > 0)
        g_string_append_c (body, '\n');
      if (booking->start != TAMU_TIME_UNKNOWN)
        {
          g_autofree char *time = format_time (booking->start);

          g_string_append_printf (body, "%s · ", time);
        }
      g_string_append_printf (body, "%s · %s", booking->daerah,
                              tamu_booking_type_to_label (booking->type));
      listed++;
    }

  if (bookings->len > listed)
    {
      int more = bookings->len - listed;

      g_string_append_c (body, '\n');
      g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE, "and %d more", "and %d more", more), more);
    }

  title = tamu_notifier_format_summary (visits, vidcons);
  send_or_warn (self, TAMU_NOTIFY_KIND_DAY, g_date_get_julian (today), title, body->str);
}

/* ---- planning ----------------------------------------------------- */

static gboolean tick_cb (gpointer user_data);

static GPtrArray *
list_today (TamuNotifier *self,
            const GDate  *today,
            GError      **error)
{
  TamuBookingFilter filter;
  g_autoptr(GPtrArray) all = NULL;
  GPtrArray *active;

  tamu_booking_filter_init (&filter);
  filter.from = *today;
  filter.to = *today;
  filter.include_cancelled = FALSE;

  all = tamu_store_list_bookings (self->store, &filter, error);
  if (all == NULL)
    return NULL;

  active = g_ptr_array_new_with_free_func ((GDestroyNotify) tamu_booking_unref);
  for (guint i = 0; i < all->len; i++)
    {
      TamuBooking *booking = g_ptr_array_index (all, i);

      if (tamu_booking_is_active (booking))
        g_ptr_array_add (active, tamu_booking_ref (booking));
    }

  return active;
}

static void
plan (TamuNotifier *self)
{
  g_autoptr(GDateTime) now = dup_now (self);
  g_autoptr(GPtrArray) bookings = NULL;
  g_autoptr(TamuPolicy) policy = NULL;
  g_autoptr(GError) error = NULL;
  GDate today;
  int now_s, next_s;
  int lead;

  g_clear_handle_id (&self->tick_id, g_source_remove);
  if (!self->started)
    return;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today,
                  g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now),
                  g_date_time_get_year (now));
  if (!g_date_valid (&self->planned_day) || g_date_compare (&today, &self->planned_day) != 0)
    {
      g_hash_table_remove_all (self->reminded);
      self->planned_day = today;
    }

  now_s = g_date_time_get_hour (now) * 3600
          + g_date_time_get_minute (now) * 60
          + g_date_time_get_second (now);
  /* Whatever happens, plan again just after midnight for the new day. */
  next_s = 24 * 3600 + 1;

  policy = tamu_store_load_policy (self->store, &error);
  if (policy != NULL)
    bookings = list_today (self, &today, &error);
  if (bookings == NULL)
    {
      g_warning ("notifications: could not read today's bookings: %s", error->message);
      goto schedule;
    }

  if (!summary_sent_on (self, &today))
    {
      if (now_s >= policy->open * 60)
        {
          g_autoptr(TamuCalendar) calendar = tamu_store_load_calendar (self->store, NULL);
          gboolean working = calendar == NULL || tamu_calendar_is_working_day (calendar, &today);

          /* A closed day with nothing booked needs no summary. */
          if (bookings->len > 0 || working)
            send_summary (self, &today, bookings);
          remember_summary_sent (self, &today);
        }
      else
        {
          next_s = MIN (next_s, policy->open * 60);
        }
    }

  lead = tamu_desk_settings_get_reminder_minutes ();
  for (guint i = 0; lead > 0 && i < bookings->len; i++)
    {
      const TamuBooking *booking = g_ptr_array_index (bookings, i);
      g_autofree char *key = NULL;
      int start_s, due_s;

      if (booking->start == TAMU_TIME_UNKNOWN)
        continue;

      /* A moved booking gets a new key, so a new reminder. */
      key = g_strdup_printf ("%s@%d", booking->uid, booking->start);
      if (g_hash_table_contains (self->reminded, key))
        continue;

      start_s = booking->start * 60;
      due_s = start_s - lead * 60;
      if (now_s >= start_s)
        continue;

      if (now_s >= due_s)
        {
          send_reminder (self, booking);
          g_hash_table_add (self->reminded, g_steal_pointer (&key));
        }
      else
        {
          next_s = MIN (next_s, due_s);
        }
    }

schedule:
  /* g_timeout_add_seconds() may fire a little early: plan() then simply
   * schedules the rest. */
  self->tick_id = g_timeout_add_seconds (MAX (1, next_s - now_s), tick_cb, self);
}

static gboolean
tick_cb (gpointer user_data)
{
  TamuNotifier *self = user_data;

  self->tick_id = 0;
  plan (self);

  return G_SOURCE_REMOVE;
}

void
tamu_notifier_replan (TamuNotifier *self)
{
  g_return_if_fail (TAMU_IS_NOTIFIER (self));

  plan (self);
}

static void
store_changed_cb (TamuNotifier *self)
{
  plan (self);
}

static void
desk_settings_changed_cb (TamuNotifier      *self,
                          GFile             *file,
                          GFile             *other_file,
                          GFileMonitorEvent  event,
                          GFileMonitor      *monitor)
{
  if (event == G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT ||
      event == G_FILE_MONITOR_EVENT_CREATED ||
      event == G_FILE_MONITOR_EVENT_DELETED ||
      event == G_FILE_MONITOR_EVENT_MOVED_IN ||
      event == G_FILE_MONITOR_EVENT_RENAMED)
    plan (self);
}

/* ---- life --------------------------------------------------------- */

gboolean
tamu_notifier_start (TamuNotifier *self,
                     GError      **error)
{
  g_autofree char *desk_path = NULL;
  g_autoptr(GFile) desk_file = NULL;
  char *name = NULL, *vendor = NULL, *version = NULL, *spec = NULL;
  GList *caps;

  g_return_val_if_fail (TAMU_IS_NOTIFIER (self), FALSE);

  if (self->started)
    return TRUE;

  if (!notify_is_initted () && !notify_init ("Tamu"))
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_FAILED,
                   _("notifications: libnotify could not start"));
      return FALSE;
    }

  if (!notify_get_server_info (&name, &vendor, &version, &spec))
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_FAILED,
                   _("notifications: no notification server on the session bus"));
      return FALSE;
    }
  g_debug ("Notification server %s %s (%s), spec %s", name, version, vendor, spec);
  g_free (name);
  g_free (vendor);
  g_free (version);
  g_free (spec);

  caps = notify_get_server_caps ();
  self->supports_actions = g_list_find_custom (caps, "actions", (GCompareFunc) g_strcmp0) != NULL;
  self->supports_markup = g_list_find_custom (caps, "body-markup", (GCompareFunc) g_strcmp0) != NULL;
  g_list_free_full (caps, g_free);

  self->start_now = tamu_clock_now ();
  self->start_monotonic = g_get_monotonic_time ();
  self->started = TRUE;

  g_signal_connect_object (self->store, "changed",
                           G_CALLBACK (store_changed_cb), self,
                           G_CONNECT_SWAPPED);

  desk_path = g_build_filename (g_get_user_config_dir (), "tamu", "desk.ini", NULL);
  desk_file = g_file_new_for_path (desk_path);
  self->desk_monitor = g_file_monitor_file (desk_file, G_FILE_MONITOR_NONE, NULL, NULL);
  if (self->desk_monitor != NULL)
    g_signal_connect_object (self->desk_monitor, "changed",
                             G_CALLBACK (desk_settings_changed_cb), self,
                             G_CONNECT_SWAPPED);

  plan (self);

  return TRUE;
}

void
tamu_notifier_stop (TamuNotifier *self)
{
  g_return_if_fail (TAMU_IS_NOTIFIER (self));

  g_clear_handle_id (&self->tick_id, g_source_remove);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, store_changed_cb, self);
  if (self->desk_monitor != NULL)
    {
      g_file_monitor_cancel (self->desk_monitor);
      g_clear_object (&self->desk_monitor);
    }
  self->started = FALSE;
}

gboolean
tamu_notifier_get_supports_actions (TamuNotifier *self)
{
  g_return_val_if_fail (TAMU_IS_NOTIFIER (self), FALSE);

  return self->supports_actions;
}

TamuStore *
tamu_notifier_get_store (TamuNotifier *self)
{
  g_return_val_if_fail (TAMU_IS_NOTIFIER (self), NULL);

  return self->store;
}

TamuNotifier *
tamu_notifier_new (TamuStore *store)
{
  g_return_val_if_fail (TAMU_IS_STORE (store), NULL);

  return g_object_new (TAMU_TYPE_NOTIFIER, "store", store, NULL);
}

static void
tamu_notifier_dispose (GObject *object)
{
  TamuNotifier *self = TAMU_NOTIFIER (object);

  tamu_notifier_stop (self);
  if (self->live != NULL)
    {
      for (guint i = 0; i < self->live->len; i++)
        g_signal_handlers_disconnect_by_func (g_ptr_array_index (self->live, i),
                                              notification_closed_cb, self);
      g_ptr_array_set_size (self->live, 0);
    }
  g_clear_object (&self->store);

  G_OBJECT_CLASS (tamu_notifier_parent_class)->dispose (object);
}

static void
tamu_notifier_finalize (GObject *object)
{
  TamuNotifier *self = TAMU_NOTIFIER (object);

  g_clear_pointer (&self->start_now, g_date_time_unref);
  g_clear_pointer (&self->reminded, g_hash_table_unref);
  g_clear_pointer (&self->live, g_ptr_array_unref);

  G_OBJECT_CLASS (tamu_notifier_parent_class)->finalize (object);
}

static void
tamu_notifier_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  TamuNotifier *self = TAMU_NOTIFIER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tamu_notifier_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  TamuNotifier *self = TAMU_NOTIFIER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tamu_notifier_class_init (TamuNotifierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tamu_notifier_dispose;
  object_class->finalize = tamu_notifier_finalize;
  object_class->get_property = tamu_notifier_get_property;
  object_class->set_property = tamu_notifier_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         TAMU_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TamuNotifier::activated:
   * @kind: TAMU_NOTIFY_KIND_BOOKING, _PPID or _DAY
   * @id: the item's row id (for a day: its Julian day, g_date_get_julian())
   *
   * A notification's default action was invoked.
   */
  signals[ACTIVATED] =
    g_signal_new ("activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_INT64);

  /**
   * TamuNotifier::open-booking:
   * @id: the booking's id
   *
   * The person activated a reminder: the window opens this booking.
   */
  signals[OPEN_BOOKING] =
    g_signal_new ("open-booking",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
tamu_notifier_init (TamuNotifier *self)
{
  g_date_clear (&self->planned_day, 1);
  self->reminded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->live = g_ptr_array_new_with_free_func (g_object_unref);
}
