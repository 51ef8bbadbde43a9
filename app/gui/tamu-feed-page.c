/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tamu-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "tamu-gui-util.h"
#include "tamu-feed-page.h"

#include "tamu-desk-feed-settings.h"
#include "tamu-store-feeds.h"

struct _TamuFeedPage
{
  AdwPreferencesPage   parent_instance;

  TamuStore           *store;

  AdwPreferencesGroup *feeds_group;
  GPtrArray           *feed_rows;   /* rows of feeds_group, rebuilt on reload */
  GtkWidget           *empty_row;
  AdwEntryRow         *name_row;
  GtkDropDown         *type_dropdown;
  GtkDropDown         *room_dropdown;
  GtkStringList       *rooms;       /* the room dropdown's model: "any" then the rooms */
  GtkSwitch           *serve_switch;
  AdwEntryRow         *listen_row;
};

G_DEFINE_FINAL_TYPE (TamuFeedPage, tamu_feed_page, ADW_TYPE_PREFERENCES_PAGE)

static void reload (TamuFeedPage *self);

static void
toast (TamuFeedPage *self,
       const char   *message)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_PREFERENCES_WINDOW);
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  if (window != NULL)
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (window), adw_toast_new (escaped));
}

static char *
dup_base_url (TamuFeedPage *self)
{
  g_autoptr(TamuPolicy) policy = tamu_store_load_policy (self->store, NULL);

  return g_strdup (policy != NULL ? policy->feed_base_url : "http://127.0.0.1:8787");
}

/* ---- the link, shown once ------------------------------------------- */

static void
link_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  gpointer          user_data)
{
  const char *url = g_object_get_data (G_OBJECT (dialog), "url");

  if (g_strcmp0 (response, "copy") == 0)
    gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (dialog)), url);
}

static void
show_link (TamuFeedPage *self,
           const char   *name,
           const char   *token)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_WINDOW);
  g_autofree char *base = dup_base_url (self);
  g_autofree char *url = g_strdup_printf ("%s/feed/%s.ics", base, token);
  g_autofree char *heading = g_strdup_printf (_("Link for “%s”"), name);
  GtkWidget *dialog;
  GtkWidget *label;

  dialog = adw_message_dialog_new (GTK_WINDOW (window), heading,
                                   _("Subscribe to this link in Outlook (Add calendar → From Internet). "
                                     "It is shown only this once: Tamu keeps only a fingerprint of it. "
                                     "Anyone with the link sees the schedule, so share it like a password. "
                                     "A lost link is replaced with New Link."));
  label = gtk_label_new (url);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_CHAR);
  gtk_widget_add_css_class (label, "monospace");
  /* Its accessible name is the link itself, read out as shown. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Subscription link"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), label);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "close", _("_Close"),
                                    "copy", _("_Copy Link"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "copy",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "copy");
  g_object_set_data_full (G_OBJECT (dialog), "url", g_steal_pointer (&url), g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (link_response_cb), NULL);
  tamu_gui_present_dialog (GTK_WINDOW (dialog));
}

/* ---- feeds ---------------------------------------------------------- */

static char *
describe_feed (const TamuFeed *feed)
{
  GString *text = g_string_new (NULL);

  g_string_append (text, feed->type < 0 ? _("Visits and video conferences")
                                        : tamu_booking_type_to_label (feed->type));
  if (feed->room != NULL)
    g_string_append_printf (text, " · %s", feed->room);
  if (feed->last_fetched_at != NULL)
    {
      g_string_append (text, " · ");
      /* Translators: when (UTC) and from which address a calendar last fetched the feed */
      g_string_append_printf (text, _("last fetched %s from %s"), feed->last_fetched_at,
                              feed->last_fetched_from != NULL ? feed->last_fetched_from : "?");
    }
  else
    g_string_append_printf (text, " · %s", _("never fetched"));
  return g_string_free (text, FALSE);
}

static void
revoke_clicked_cb (GtkButton    *button,
                   TamuFeedPage *self)
{
  const char *name = g_object_get_data (G_OBJECT (button), "feed-name");
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!tamu_store_revoke_feed (self->store, name, &error))
    {
      toast (self, error->message);
      return;
    }
  message = g_strdup_printf (_("Revoked “%s”: its link no longer works"), name);
  toast (self, message);
  reload (self);
}

static void
renew_clicked_cb (GtkButton    *button,
                  TamuFeedPage *self)
{
  g_autofree char *name = g_strdup (g_object_get_data (G_OBJECT (button), "feed-name"));
  g_autoptr(TamuFeed) feed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;

  feed = tamu_store_renew_feed (self->store, name, &token, &error);
  if (feed == NULL)
    {
      toast (self, error->message);
      reload (self);
      return;
    }
  reload (self);
  show_link (self, name, token);
}

static GtkWidget *
new_row_button (const char *label,
                const char *accessible)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  return button;
}

/* The feed a row's button acts on. */
static void
attach_feed (GtkWidget      *button,
             const TamuFeed *feed)
{
  g_object_set_data_full (G_OBJECT (button), "feed-name", g_strdup (feed->name), g_free);
}

static void
reload_feeds (TamuFeedPage *self)
{
  g_autoptr(GPtrArray) feeds = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < self->feed_rows->len; i++)
    adw_preferences_group_remove (self->feeds_group, g_ptr_array_index (self->feed_rows, i));
  g_ptr_array_set_size (self->feed_rows, 0);

  feeds = tamu_store_list_feeds (self->store, FALSE, &error);
  if (feeds == NULL)
    {
      toast (self, error->message);
      return;
    }
  gtk_widget_set_visible (self->empty_row, feeds->len == 0);

  for (guint i = 0; i < feeds->len; i++)
    {
      TamuFeed *feed = g_ptr_array_index (feeds, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *subtitle = describe_feed (feed);
      g_autofree char *renew_label = g_strdup_printf (_("New link for %s"), feed->name);
      g_autofree char *revoke_label = g_strdup_printf (_("Revoke %s"), feed->name);
      GtkWidget *renew = new_row_button (_("_New Link"), renew_label);
      GtkWidget *revoke = new_row_button (_("_Revoke"), revoke_label);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), feed->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_add_css_class (revoke, "destructive-action");

      attach_feed (renew, feed);
      attach_feed (revoke, feed);
      g_signal_connect (renew, "clicked", G_CALLBACK (renew_clicked_cb), self);
      g_signal_connect (revoke, "clicked", G_CALLBACK (revoke_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), renew);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), revoke);
      adw_preferences_group_add (self->feeds_group, row);
      g_ptr_array_add (self->feed_rows, row);
    }
}

static void
reload_rooms (TamuFeedPage *self)
{
  g_autoptr(TamuPolicy) policy = tamu_store_load_policy (self->store, NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->rooms));

  gtk_string_list_splice (self->rooms, 1, n - 1, policy != NULL ? (const char * const *) policy->rooms : NULL);
}

static void
reload (TamuFeedPage *self)
{
  g_autofree char *listen = tamu_desk_feed_settings_dup_listen ();

  reload_feeds (self);
  reload_rooms (self);
  gtk_switch_set_active (self->serve_switch, tamu_desk_feed_settings_get_serve ());
  gtk_editable_set_text (GTK_EDITABLE (self->listen_row), listen);
}

static void
add_clicked_cb (GtkButton    *button,
                TamuFeedPage *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  guint type_index = gtk_drop_down_get_selected (self->type_dropdown);
  guint room_index = gtk_drop_down_get_selected (self->room_dropdown);
  const char *room = room_index > 0 && room_index != GTK_INVALID_LIST_POSITION
                         ? gtk_string_list_get_string (self->rooms, room_index) : NULL;
  int type = type_index == 1 ? TAMU_BOOKING_TATAP_MUKA : type_index == 2 ? TAMU_BOOKING_VIDCON : -1;
  g_autoptr(TamuFeed) feed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;

  feed = tamu_store_add_feed (self->store, name, type, room, &token, &error);
  if (feed == NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->name_row), "error");
      toast (self, error->message);
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), "");
  reload_feeds (self);
  show_link (self, feed->name, token);
}

/* ---- this desk serves ------------------------------------------------ */

static gboolean
serve_set_cb (GtkSwitch    *widget,
              gboolean      state,
              TamuFeedPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!tamu_desk_feed_settings_set_serve (state, &error))
    {
      toast (self, error->message);
      return TRUE;
    }
  gtk_switch_set_state (widget, state);
  toast (self, state ? _("Tamu serves the feeds from its next start") : _("Tamu stops serving the feeds at its next start"));
  return TRUE;
}

static void
listen_apply_cb (AdwEntryRow  *row,
                 TamuFeedPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!tamu_desk_feed_settings_set_listen (gtk_editable_get_text (GTK_EDITABLE (row)), &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      toast (self, error->message);
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  toast (self, _("Saved: used from Tamu's next start"));
}

/* ---- building ---------------------------------------------------------- */

static GtkWidget *
new_dropdown_row (const char  *title,
                  GtkDropDown *dropdown)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_valign (GTK_WIDGET (dropdown), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (dropdown));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (dropdown));
  return row;
}

static void
build (TamuFeedPage *self)
{
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (self);
  GtkWidget *group, *row, *button;
  const char *types[] = { _("Visits and video conferences"), _("Tatap muka"), _("Video conference"), NULL };
  const char *any_room[] = { _("Any room"), NULL };

  adw_preferences_page_set_title (page, _("Outlook Calendar"));
  adw_preferences_page_set_icon_name (page, "x-office-calendar-symbolic");
  adw_preferences_page_set_name (page, "outlook-calendar");

  /* The feeds. */
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Subscribed Calendars"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Outlook, Thunderbird and GNOME Calendar subscribe to a feed's link "
                                           "and follow every change, move and cancellation on their own. "
                                           "A link is shown once, when it is made."));
  self->feeds_group = ADW_PREFERENCES_GROUP (group);
  self->empty_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->empty_row), _("No feeds yet"));
  adw_preferences_group_add (self->feeds_group, self->empty_row);
  adw_preferences_page_add (page, self->feeds_group);

  /* Adding one. */
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("New Feed"));
  self->name_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->name_row), _("Feed name"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->name_row));
  self->type_dropdown = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (types));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), new_dropdown_row (_("Bookings"), self->type_dropdown));
  self->rooms = gtk_string_list_new (any_room);
  self->room_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->rooms)), NULL));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), new_dropdown_row (_("Room"), self->room_dropdown));
  button = gtk_button_new_with_mnemonic (_("_Add Feed"));
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  gtk_widget_set_margin_top (button, 12);
  gtk_widget_add_css_class (button, "suggested-action");
  g_signal_connect (button, "clicked", G_CALLBACK (add_clicked_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), button);
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (group));

  /* Serving from this desk. */
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Serve From This Desk"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("One program on the office network serves the feeds: this app while "
                                           "it runs, or “tamu-cli serve” on a server. Changes apply from the next start."));
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Serve calendar feeds while Tamu runs"));
  self->serve_switch = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->serve_switch), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->serve_switch), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Serve calendar feeds while Tamu runs"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->serve_switch));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (self->serve_switch));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  self->listen_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->listen_row), _("Listen address"));
  adw_entry_row_set_show_apply_button (self->listen_row, TRUE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->listen_row));
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (group));
}

static void
tamu_feed_page_dispose (GObject *object)
{
  TamuFeedPage *self = TAMU_FEED_PAGE (object);

  g_clear_object (&self->store);
  g_clear_object (&self->rooms);
  g_clear_pointer (&self->feed_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (tamu_feed_page_parent_class)->dispose (object);
}

static void
tamu_feed_page_class_init (TamuFeedPageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = tamu_feed_page_dispose;
}

static void
tamu_feed_page_init (TamuFeedPage *self)
{
  self->feed_rows = g_ptr_array_new ();
  build (self);
}

GtkWidget *
tamu_feed_page_new (TamuStore *store)
{
  TamuFeedPage *self;

  g_return_val_if_fail (TAMU_IS_STORE (store), NULL);

  self = g_object_new (TAMU_TYPE_FEED_PAGE, NULL);
  self->store = g_object_ref (store);
  reload (self);
  /* Connected after the first reload, so setting the saved values is not
   * taken for a change. */
  g_signal_connect (self->serve_switch, "state-set", G_CALLBACK (serve_set_cb), self);
  g_signal_connect (self->listen_row, "apply", G_CALLBACK (listen_apply_cb), self);
  return GTK_WIDGET (self);
}
