/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tamu-application"

#include "config.h"

#include "tamu-application.h"

#include <glib/gi18n.h>

#include "tamu-desk-database.h"
#include "tamu-desk-feed-settings.h"
#include "tamu-desk-settings.h"
#include "tamu-feed-server.h"
#include "tamu-gui-util.h"
#include "tamu-notifier.h"
#include "tamu-ppid-editor.h"
#include "tamu-ppid-reminders.h"
#include "tamu-store-ppid.h"
#include "tamu-parse.h"
#include "tamu-ui-resources.h"
#include "tamu-window.h"
#include "tamu-window-private.h"

struct _TamuApplication
{
  AdwApplication parent_instance;

  TamuStore    *store;
  TamuNotifier *notifier;
  guint         notifier_source;
  TamuFeedServer *feed_server;
  GSettings    *settings;
  char      *db_path;
};

G_DEFINE_FINAL_TYPE (TamuApplication, tamu_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "date", 'd', 0, G_OPTION_ARG_STRING, NULL,
    N_("Open the day view on this date"), N_("YYYY-MM-DD") },
  { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Use this database (a file, or a PostgreSQL server's address) instead of the default"),
    N_("ADDRESS") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  { NULL }
};

TamuApplication *
tamu_application_new (void)
{
  return g_object_new (TAMU_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", "/id/go/kemenkeu/djpk/Tamu",
                       NULL);
}

TamuStore *
tamu_application_get_store (TamuApplication *self)
{
  g_return_val_if_fail (TAMU_IS_APPLICATION (self), NULL);

  return self->store;
}

GSettings *
tamu_application_get_settings (TamuApplication *self)
{
  g_return_val_if_fail (TAMU_IS_APPLICATION (self), NULL);

  return self->settings;
}

static int
tamu_application_handle_local_options (GApplication *app,
                                       GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("tamu %s\n", PACKAGE_VERSION);
      return 0;
    }

  /* Refuse a bad date here, in the launching process, so the message goes
   * to the terminal that typed it. */
  {
    const char *date_text = NULL;

    if (g_variant_dict_lookup (options, "date", "&s", &date_text))
      {
        g_autoptr(GError) error = NULL;
        GDate date;

        if (!tamu_parse_date ("date", date_text, &date, &error))
          {
            g_printerr ("%s\n", error->message);
            return 2;
          }
      }
  }

  return -1;
}

static void
notifier_open_booking_cb (TamuApplication *self,
                          gint64           id)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL || !TAMU_IS_WINDOW (window))
    return;

  gtk_window_present (window);
  tamu_window_open_booking_id (TAMU_WINDOW (window), id);
}

/* A PPID reminder about one request opens it on the PPID page. */
static void
notifier_activated_cb (TamuApplication *self,
                       const char      *kind,
                       gint64           id)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(TamuPpidRequest) request = NULL;

  if (window == NULL || !TAMU_IS_WINDOW (window) || g_strcmp0 (kind, TAMU_NOTIFY_KIND_PPID) != 0)
    return;

  gtk_window_present (window);
  tamu_window_show_view (TAMU_WINDOW (window), "ppid");
  if (id > 0 && (request = tamu_store_get_ppid (self->store, id, NULL)) != NULL)
    tamu_gui_present_dialog (tamu_ppid_editor_new (TAMU_WINDOW (window), request));
}

/* Reminders while the app runs; without a notification server it runs on without. */
static void
start_notifier (TamuApplication *self)
{
  g_autoptr(GError) error = NULL;

  self->notifier = tamu_notifier_new (self->store);
  g_signal_connect_object (self->notifier, "open-booking",
                           G_CALLBACK (notifier_open_booking_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->notifier, "activated",
                           G_CALLBACK (notifier_activated_cb), self,
                           G_CONNECT_SWAPPED);
  if (!tamu_notifier_start (self->notifier, &error))
    g_debug ("No notifications: %s", error->message);
  else
    tamu_ppid_reminders_start (self->notifier);
}

/* The calendar feeds, when this desk's preference says so (Preferences →
 * Outlook Calendar); a port in use is logged and the app runs on. */
static void
start_feed_server (TamuApplication *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *listen = NULL;

  if (!tamu_desk_feed_settings_get_serve ())
    return;
  listen = tamu_desk_feed_settings_dup_listen ();
  self->feed_server = tamu_feed_server_new (self->store, tamu_desk_settings_get_reminder_minutes ());
  if (!tamu_feed_server_listen (self->feed_server, listen, &error))
    {
      g_warning ("Not serving calendar feeds: %s", error->message);
      g_clear_object (&self->feed_server);
    }
}

static gboolean
start_notifier_idle_cb (gpointer user_data)
{
  TamuApplication *self = user_data;

  self->notifier_source = 0;
  start_notifier (self);
  start_feed_server (self);

  return G_SOURCE_REMOVE;
}

static void
first_frame_painted_cb (GdkFrameClock   *clock,
                        TamuApplication *self)
{
  g_signal_handlers_disconnect_by_func (clock, first_frame_painted_cb, self);
  if (self->notifier == NULL && self->notifier_source == 0)
    self->notifier_source = g_idle_add_full (G_PRIORITY_LOW, start_notifier_idle_cb, self, NULL);
}

static void
window_mapped_cb (GtkWidget       *window,
                  TamuApplication *self)
{
  g_signal_handlers_disconnect_by_func (window, window_mapped_cb, self);
  g_signal_connect_object (gtk_widget_get_frame_clock (window), "after-paint",
                           G_CALLBACK (first_frame_painted_cb), self, 0);
}

/*
 * The notifier (a D-Bus round trip to the notification server, the PPID
 * reminders' queries) starts once the window's first frame is painted: an
 * idle callback alone may run while the window waits for the X server.
 */
static void
start_notifier_after_first_frame (TamuApplication *self,
                                  TamuWindow      *window)
{
  if (self->notifier != NULL || self->notifier_source != 0
      || g_signal_handler_find (window, G_SIGNAL_MATCH_FUNC | G_SIGNAL_MATCH_DATA,
                                0, 0, NULL, window_mapped_cb, self) != 0)
    return;

  if (gtk_widget_get_mapped (GTK_WIDGET (window)))
    self->notifier_source = g_idle_add_full (G_PRIORITY_LOW, start_notifier_idle_cb, self, NULL);
  else
    g_signal_connect_object (window, "map", G_CALLBACK (window_mapped_cb), self, G_CONNECT_AFTER);
}

static gboolean
open_store (TamuApplication *self,
            const char      *path,
            GError         **error)
{
  char *address;

  if (self->store != NULL)
    return TRUE;

  /* --db, TAMU_DB, this desk's server (with the keyring's password) or the file. */
  address = tamu_desk_database_dup_connect_address (path);
  self->store = tamu_store_open (address, error);
  tamu_desk_database_free_connect_address (address);
  if (self->store == NULL)
    return FALSE;

  return TRUE;
}

static TamuWindow *
get_window (TamuApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window != NULL && TAMU_IS_WINDOW (window))
    return TAMU_WINDOW (window);

  return NULL;
}

/*
 * Another database for this desk (Preferences → Database): the notifier
 * follows @store, and the window is built again on it, on the same date and
 * view, so switching loses nothing the user was looking at.
 */
void
tamu_application_set_store (TamuApplication *self,
                            TamuStore       *store)
{
  GtkWindow *old_window;
  TamuWindow *window;
  g_autofree char *view = NULL;
  GDate date;

  g_return_if_fail (TAMU_IS_APPLICATION (self));
  g_return_if_fail (TAMU_IS_STORE (store));

  old_window = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_clear_handle_id (&self->notifier_source, g_source_remove);
  if (self->notifier != NULL)
    tamu_notifier_stop (self->notifier);
  g_clear_object (&self->notifier);
  g_set_object (&self->store, store);
  start_notifier (self);

  window = tamu_window_new (self, self->store);
  if (old_window != NULL && TAMU_IS_WINDOW (old_window))
    {
      date = *tamu_window_get_date (TAMU_WINDOW (old_window));
      view = g_strdup (adw_view_stack_get_visible_child_name (TAMU_WINDOW (old_window)->stack));
      tamu_window_set_date (window, &date);
      if (view != NULL)
        tamu_window_show_view (window, view);
    }
  gtk_window_present (GTK_WINDOW (window));
  if (old_window != NULL)
    gtk_window_destroy (old_window);
}

static int
tamu_application_command_line (GApplication            *app,
                               GApplicationCommandLine *command_line)
{
  TamuApplication *self = TAMU_APPLICATION (app);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  const char *date_text = NULL;
  const char *db_path = NULL;
  g_autoptr(GError) error = NULL;
  TamuWindow *window;

  g_variant_dict_lookup (options, "date", "&s", &date_text);
  g_variant_dict_lookup (options, "db", "^&ay", &db_path);

  if (self->store != NULL && db_path != NULL
      && g_strcmp0 (db_path, tamu_store_get_identity (self->store)) != 0)
    g_application_command_line_printerr (command_line, "%s\n",
                                         _("db: Tamu is already running on another database; the running window is shown"));

  if (!open_store (self, db_path, &error))
    {
      g_application_command_line_printerr (command_line, "%s\n", error->message);
      return 1;
    }

  window = get_window (self);
  if (window == NULL)
    window = tamu_window_new (self, self->store);

  if (date_text != NULL)
    {
      GDate date;

      if (tamu_parse_date ("date", date_text, &date, &error))
        tamu_window_show_date (window, &date);
      else
        g_application_command_line_printerr (command_line, "%s\n", error->message);
    }

  start_notifier_after_first_frame (self, window);
  gtk_window_present (GTK_WINDOW (window));

  return 0;
}

static void
tamu_application_activate (GApplication *app)
{
  TamuApplication *self = TAMU_APPLICATION (app);
  g_autoptr(GError) error = NULL;
  TamuWindow *window;

  if (!open_store (self, NULL, &error))
    {
      g_critical ("%s", error->message);
      return;
    }

  window = get_window (self);
  if (window == NULL)
    window = tamu_window_new (self, self->store);
  start_notifier_after_first_frame (self, window);
  gtk_window_present (GTK_WINDOW (window));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  TamuApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  const char *developers[] = { "Dering DJPK", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", TRUE,
                        "application-icon", APP_ID,
                        "application-name", "Tamu",
                        "developer-name", _("Direktorat Jenderal Perimbangan Keuangan"),
                        "version", PACKAGE_VERSION,
                        "website", "https://djpk.kemenkeu.go.id/",
                        "comments", _("Book consultation visits and video conferences for the DJPK contact center."),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        /* Translators: put your names here, one per line. */
                        "translator-credits", _("translator-credits"),
                        NULL);
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about),
                                      _("Region data: idn-area-data (ODbL)"),
                                      NULL,
                                      GTK_LICENSE_CUSTOM,
                                      _("The list of Indonesian provinces and kabupaten/kota comes from the idn-area-data project and is made available under the Open Database License (ODbL) v1.0: https://opendatacommons.org/licenses/odbl/1-0/"));
  tamu_gui_present_dialog (GTK_WINDOW (about));
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  TamuApplication *self = user_data;
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Closing the windows lets them save their state first. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_application_quit (G_APPLICATION (self));
}

static const GActionEntry app_actions[] = {
  { "about", about_activated },
  { "quit", quit_activated },
};

static void
tamu_application_startup (GApplication *app)
{
  TamuApplication *self = TAMU_APPLICATION (app);
  GSettingsSchemaSource *source;
  g_autoptr(GSettingsSchema) schema = NULL;
  static const struct
  {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "win.new-booking", { "<Control>n", NULL } },
    { "win.search", { "<Control>f", NULL } },
    { "win.export", { "<Control>e", NULL } },
    { "win.preferences", { "<Control>comma", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
    { "win.previous-day", { "<Alt>Left", NULL } },
    { "win.next-day", { "<Alt>Right", NULL } },
    { "win.today", { "<Control>t", NULL } },
    { "win.show-view::day", { "<Control>1", NULL } },
    { "win.show-view::week", { "<Control>2", NULL } },
    { "win.show-view::month", { "<Control>3", NULL } },
    { "window.close", { "<Control>w", NULL } },
  };

  /* A static library may drop the constructor that registers resources. */
  g_resources_register (tamu_ui_get_resource ());

  G_APPLICATION_CLASS (tamu_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                           accels[i].action, accels[i].accels);

  /* Uninstalled runs may not have the schema: they keep no window state. */
  source = g_settings_schema_source_get_default ();
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema != NULL)
    self->settings = g_settings_new (APP_ID);
}

static void
tamu_application_dispose (GObject *object)
{
  TamuApplication *self = TAMU_APPLICATION (object);

  g_clear_handle_id (&self->notifier_source, g_source_remove);
  if (self->notifier != NULL)
    tamu_notifier_stop (self->notifier);
  g_clear_object (&self->notifier);
  if (self->feed_server != NULL)
    tamu_feed_server_stop (self->feed_server);
  g_clear_object (&self->feed_server);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (tamu_application_parent_class)->dispose (object);
}

static void
tamu_application_finalize (GObject *object)
{
  TamuApplication *self = TAMU_APPLICATION (object);

  g_clear_pointer (&self->db_path, g_free);

  G_OBJECT_CLASS (tamu_application_parent_class)->finalize (object);
}

static void
tamu_application_class_init (TamuApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = tamu_application_dispose;
  object_class->finalize = tamu_application_finalize;

  app_class->handle_local_options = tamu_application_handle_local_options;
  app_class->command_line = tamu_application_command_line;
  app_class->activate = tamu_application_activate;
  app_class->startup = tamu_application_startup;
}

static void
tamu_application_init (TamuApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Schedule the contact center's visits and video conferences."));
}
