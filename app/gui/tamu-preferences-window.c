/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tamu-preferences"

#include "config.h"

#include "tamu-preferences-window.h"

#include <glib/gi18n.h>

#include "tamu-clock.h"
#include "tamu-confirmation-page.h"
#include "tamu-desk-settings.h"
#include "tamu-error.h"
#include "tamu-feed-page.h"
#include "tamu-gui-util.h"
#include "tamu-parse.h"

/* The setting key a row edits, set on the row. */
#define KEY_DATA "tamu-setting-key"

struct _TamuPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  TamuStore           *store;

  /* Rows built from the store, removed before each rebuild. */
  GPtrArray           *room_rows;
  GPtrArray           *topic_rows;
  GPtrArray           *holiday_rows;

  /* Template children */
  AdwEntryRow         *guest_limit_row;
  AdwEntryRow         *daily_cap_row;
  AdwEntryRow         *default_duration_row;
  AdwEntryRow         *service_hours_row;
  AdwEntryRow         *break_row;
  AdwEntryRow         *friday_break_row;
  AdwPreferencesGroup *rooms_group;
  AdwEntryRow         *new_room_row;
  AdwEntryRow         *topic_name_row;
  AdwEntryRow         *topic_full_name_row;
  AdwEntryRow         *topic_aliases_row;
  AdwPreferencesGroup *topics_group;
  AdwEntryRow         *holiday_date_row;
  AdwEntryRow         *holiday_name_row;
  AdwComboRow         *holiday_kind_row;
  AdwPreferencesGroup *holidays_group;
  GtkSpinButton       *year_spin;
  AdwEntryRow         *agent_name_row;
  AdwEntryRow         *reminder_minutes_row;
};

G_DEFINE_FINAL_TYPE (TamuPreferencesWindow, tamu_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void reload_rooms (TamuPreferencesWindow *self);
static void reload_topics (TamuPreferencesWindow *self);
static void reload_holidays (TamuPreferencesWindow *self);

/* ---- feedback ------------------------------------------------------ */

static void
show_error (TamuPreferencesWindow *self,
            GtkWidget             *field,
            const GError          *error)
{
  g_autofree char *escaped = g_markup_escape_text (error->message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  /* The message stays on the field too, for screen readers and for
   * whoever missed the toast. */
  if (field != NULL)
    {
      gtk_widget_add_css_class (field, "error");
      gtk_widget_set_tooltip_text (field, error->message);
      gtk_accessible_update_property (GTK_ACCESSIBLE (field),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, error->message,
                                      -1);
    }

  /* A refusal replaces whatever toast is showing: it answers what was
   * just done. */
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 8);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
}

static void
clear_error (GtkWidget *field)
{
  gtk_widget_remove_css_class (field, "error");
  gtk_widget_set_tooltip_text (field, NULL);
  gtk_accessible_reset_property (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static void
show_done (TamuPreferencesWindow *self,
           const char            *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (escaped));
}

static GtkWidget *
new_remove_button (const char *accessible_label)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, accessible_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label,
                                  -1);
  return button;
}

static GtkWidget *
new_item_row (const char *title,
              const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  /* Names come from people: never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL && *subtitle != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  return row;
}

static void
clear_rows (AdwPreferencesGroup *group,
            GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

/* ---- office settings ---------------------------------------------- */

static void
reload_settings (TamuPreferencesWindow *self)
{
  AdwEntryRow *rows[] = {
    self->guest_limit_row, self->daily_cap_row, self->default_duration_row,
    self->service_hours_row, self->break_row, self->friday_break_row,
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      const char *key = g_object_get_data (G_OBJECT (rows[i]), KEY_DATA);
      g_autoptr(GError) error = NULL;
      g_autofree char *value = tamu_store_get_setting (self->store, key, &error);

      if (value == NULL)
        {
          show_error (self, GTK_WIDGET (rows[i]), error);
          continue;
        }
      gtk_editable_set_text (GTK_EDITABLE (rows[i]), value);
      clear_error (GTK_WIDGET (rows[i]));
    }
}

static void
setting_row_apply_cb (AdwEntryRow           *row,
                      TamuPreferencesWindow *self)
{
  const char *key = g_object_get_data (G_OBJECT (row), KEY_DATA);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autoptr(GError) error = NULL;
  g_autofree char *normalized = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (text));

  g_assert (key != NULL);

  if (!tamu_store_set_setting (self->store, key, trimmed, &error))
    {
      show_error (self, GTK_WIDGET (row), error);
      return;
    }

  clear_error (GTK_WIDGET (row));
  /* Show the value as the store keeps it ("8:00 - 16:00" → "08:00-16:00"). */
  normalized = tamu_store_get_setting (self->store, key, NULL);
  if (normalized != NULL && g_strcmp0 (normalized, text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), normalized);
}

/* ---- rooms --------------------------------------------------------- */

static GStrv
dup_rooms (TamuPreferencesWindow *self,
           GError               **error)
{
  g_autoptr(TamuPolicy) policy = tamu_store_load_policy (self->store, error);

  if (policy == NULL)
    return NULL;

  return g_strdupv (policy->rooms);
}

static gboolean
save_rooms (TamuPreferencesWindow *self,
            GPtrArray             *rooms,
            GError               **error)
{
  g_autofree char *value = NULL;

  g_ptr_array_add (rooms, NULL);
  value = g_strjoinv (";", (GStrv) rooms->pdata);
  g_ptr_array_remove_index (rooms, rooms->len - 1);

  return tamu_store_set_setting (self->store, "rooms", value, error);
}

static void
remove_room_clicked_cb (GtkButton             *button,
                        TamuPreferencesWindow *self)
{
  const char *room = g_object_get_data (G_OBJECT (button), "tamu-room");
  g_autoptr(GPtrArray) rooms = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) current = dup_rooms (self, &error);
  g_autofree char *done = NULL;

  if (current == NULL)
    {
      show_error (self, NULL, error);
      return;
    }

  for (guint i = 0; current[i] != NULL; i++)
    if (!g_str_equal (current[i], room))
      g_ptr_array_add (rooms, g_strdup (current[i]));

  if (!save_rooms (self, rooms, &error))
    {
      show_error (self, NULL, error);
      return;
    }

  done = g_strdup_printf (_("Removed room “%s”"), room);
  show_done (self, done);
  reload_rooms (self);
}

static void
new_room_apply_cb (TamuPreferencesWindow *self)
{
  g_autofree char *room = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->new_room_row))));
  g_autoptr(GPtrArray) rooms = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) current = dup_rooms (self, &error);

  if (current == NULL)
    {
      show_error (self, NULL, error);
      return;
    }
  if (*room == '\0')
    {
      g_set_error (&error, TAMU_ERROR, TAMU_ERROR_INVALID, _("rooms: type the new room’s name"));
      show_error (self, GTK_WIDGET (self->new_room_row), error);
      return;
    }
  if (g_strv_contains ((const char * const *) current, room))
    {
      g_set_error (&error, TAMU_ERROR, TAMU_ERROR_INVALID, _("rooms: “%s” is already a room"), room);
      show_error (self, GTK_WIDGET (self->new_room_row), error);
      return;
    }

  for (guint i = 0; current[i] != NULL; i++)
    g_ptr_array_add (rooms, g_strdup (current[i]));
  g_ptr_array_add (rooms, g_strdup (room));

  if (!save_rooms (self, rooms, &error))
    {
      show_error (self, GTK_WIDGET (self->new_room_row), error);
      return;
    }

  clear_error (GTK_WIDGET (self->new_room_row));
  gtk_editable_set_text (GTK_EDITABLE (self->new_room_row), "");
  reload_rooms (self);
}

static void
reload_rooms (TamuPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) rooms = dup_rooms (self, &error);

  clear_rows (self->rooms_group, self->room_rows);
  if (rooms == NULL)
    {
      show_error (self, NULL, error);
      return;
    }

  for (guint i = 0; rooms[i] != NULL; i++)
    {
      g_autofree char *label = g_strdup_printf (_("Remove room “%s”"), rooms[i]);
      GtkWidget *row = new_item_row (rooms[i], NULL);
      GtkWidget *button = new_remove_button (label);

      g_object_set_data_full (G_OBJECT (button), "tamu-room", g_strdup (rooms[i]), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (remove_room_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_preferences_group_add (self->rooms_group, row);
      g_ptr_array_add (self->room_rows, row);
    }
}

/* ---- topics -------------------------------------------------------- */

static void
remove_topic_clicked_cb (GtkButton             *button,
                         TamuPreferencesWindow *self)
{
  const char *name = g_object_get_data (G_OBJECT (button), "tamu-topic");
  g_autoptr(GError) error = NULL;
  g_autofree char *done = NULL;

  if (!tamu_store_remove_topic (self->store, name, &error))
    {
      show_error (self, NULL, error);
      return;
    }

  done = g_strdup_printf (_("Removed topic “%s”"), name);
  show_done (self, done);
  reload_topics (self);
}

static void
add_topic_clicked_cb (TamuPreferencesWindow *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->topic_name_row))));
  g_autofree char *full_name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->topic_full_name_row))));
  const char *aliases_text = gtk_editable_get_text (GTK_EDITABLE (self->topic_aliases_row));
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) parts = g_strsplit (aliases_text, ",", -1);
  g_auto(GStrv) aliases = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (*parts[i] != '\0')
        g_strv_builder_add (builder, parts[i]);
    }
  aliases = g_strv_builder_end (builder);

  if (*name == '\0')
    {
      g_set_error (&error, TAMU_ERROR, TAMU_ERROR_INVALID, _("topic: type the topic’s name"));
      show_error (self, GTK_WIDGET (self->topic_name_row), error);
      return;
    }

  if (!tamu_store_add_topic (self->store, name, *full_name != '\0' ? full_name : NULL,
                             (const char * const *) aliases, &error))
    {
      show_error (self, GTK_WIDGET (self->topic_name_row), error);
      return;
    }

  clear_error (GTK_WIDGET (self->topic_name_row));
  gtk_editable_set_text (GTK_EDITABLE (self->topic_name_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->topic_full_name_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->topic_aliases_row), "");
  reload_topics (self);
}

static void
reload_topics (TamuPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) topics = tamu_store_load_topics (self->store, &error);

  clear_rows (self->topics_group, self->topic_rows);
  if (topics == NULL)
    {
      show_error (self, NULL, error);
      return;
    }

  for (guint i = 0; i < topics->len; i++)
    {
      const TamuTopic *topic = g_ptr_array_index (topics, i);
      g_autoptr(GString) subtitle = g_string_new (topic->full_name);
      g_autofree char *label = g_strdup_printf (_("Remove topic “%s”"), topic->name);
      GtkWidget *row, *button;

      if (topic->aliases != NULL && topic->aliases[0] != NULL)
        {
          g_autofree char *aliases = g_strjoinv (", ", topic->aliases);

          if (subtitle->len > 0)
            g_string_append (subtitle, " · ");
          /* Translators: a topic's other names, "also: DAK NF" */
          g_string_append_printf (subtitle, _("also: %s"), aliases);
        }

      row = new_item_row (topic->name, subtitle->str);
      button = new_remove_button (label);
      g_object_set_data_full (G_OBJECT (button), "tamu-topic", g_strdup (topic->name), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (remove_topic_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_preferences_group_add (self->topics_group, row);
      g_ptr_array_add (self->topic_rows, row);
    }
}

/* ---- holidays ------------------------------------------------------ */

static void
remove_holiday_clicked_cb (GtkButton             *button,
                           TamuPreferencesWindow *self)
{
  const GDate *date = g_object_get_data (G_OBJECT (button), "tamu-date");
  g_autoptr(GError) error = NULL;
  g_autofree char *when = tamu_gui_format_date_long (date);
  g_autofree char *done = NULL;

  if (!tamu_store_remove_holiday (self->store, date, &error))
    {
      show_error (self, NULL, error);
      return;
    }

  done = g_strdup_printf (_("Removed the holiday on %s"), when);
  show_done (self, done);
  reload_holidays (self);
}

static void
add_holiday_clicked_cb (TamuPreferencesWindow *self)
{
  const char *date_text = gtk_editable_get_text (GTK_EDITABLE (self->holiday_date_row));
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->holiday_name_row))));
  TamuHolidayKind kind = adw_combo_row_get_selected (self->holiday_kind_row) == 1
                         ? TAMU_HOLIDAY_CUTI_BERSAMA : TAMU_HOLIDAY_NATIONAL;
  g_autoptr(GError) error = NULL;
  GDate date;

  if (!tamu_parse_date_loose ("date", date_text, &date, &error))
    {
      show_error (self, GTK_WIDGET (self->holiday_date_row), error);
      return;
    }
  clear_error (GTK_WIDGET (self->holiday_date_row));

  if (*name == '\0')
    {
      g_set_error (&error, TAMU_ERROR, TAMU_ERROR_INVALID, _("name: type the holiday’s name"));
      show_error (self, GTK_WIDGET (self->holiday_name_row), error);
      return;
    }

  if (!tamu_store_add_holiday (self->store, &date, name, kind, &error))
    {
      show_error (self, GTK_WIDGET (self->holiday_date_row), error);
      return;
    }

  clear_error (GTK_WIDGET (self->holiday_name_row));
  gtk_editable_set_text (GTK_EDITABLE (self->holiday_date_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->holiday_name_row), "");

  /* Show the year the new holiday is in. */
  if (gtk_spin_button_get_value_as_int (self->year_spin) != g_date_get_year (&date))
    gtk_spin_button_set_value (self->year_spin, g_date_get_year (&date));
  else
    reload_holidays (self);
}

static void
reload_holidays (TamuPreferencesWindow *self)
{
  int year = gtk_spin_button_get_value_as_int (self->year_spin);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) holidays = tamu_store_list_holidays (self->store, year, &error);

  clear_rows (self->holidays_group, self->holiday_rows);
  if (holidays == NULL)
    {
      show_error (self, NULL, error);
      return;
    }

  if (holidays->len == 0)
    {
      g_autofree char *title = g_strdup_printf (_("No holidays known for %d"), year);
      GtkWidget *row = new_item_row (title,
                                     _("Every weekday of this year counts as a working day until its holidays and cuti bersama are added."));
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, "warning");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_preferences_group_add (self->holidays_group, row);
      g_ptr_array_add (self->holiday_rows, row);
      return;
    }

  for (guint i = 0; i < holidays->len; i++)
    {
      const TamuHoliday *holiday = g_ptr_array_index (holidays, i);
      g_autofree char *when = tamu_gui_format_date_long (&holiday->date);
      g_autofree char *subtitle = NULL;
      g_autofree char *label = NULL;
      GtkWidget *row, *button;

      subtitle = g_strdup_printf ("%s · %s", holiday->name,
                                  holiday->kind == TAMU_HOLIDAY_CUTI_BERSAMA
                                  ? _("Cuti bersama") : _("National holiday"));
      /* Translators: the accessible name of a button; %s is a date */
      label = g_strdup_printf (_("Remove the holiday on %s"), when);

      row = new_item_row (when, subtitle);
      button = new_remove_button (label);
      g_object_set_data_full (G_OBJECT (button), "tamu-date",
                              g_memdup2 (&holiday->date, sizeof holiday->date), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (remove_holiday_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_preferences_group_add (self->holidays_group, row);
      g_ptr_array_add (self->holiday_rows, row);
    }
}

static void
year_changed_cb (TamuPreferencesWindow *self)
{
  if (self->store != NULL)
    reload_holidays (self);
}

/* ---- this desk ----------------------------------------------------- */

static void
reload_desk (TamuPreferencesWindow *self)
{
  g_autofree char *agent = tamu_desk_settings_dup ("agent-name");
  g_autofree char *minutes = tamu_desk_settings_dup ("reminder-minutes");

  gtk_editable_set_text (GTK_EDITABLE (self->agent_name_row), agent);
  gtk_editable_set_text (GTK_EDITABLE (self->reminder_minutes_row), minutes);
}

static void
desk_row_apply_cb (AdwEntryRow           *row,
                   TamuPreferencesWindow *self)
{
  const char *key = g_object_get_data (G_OBJECT (row), KEY_DATA);
  g_autofree char *value = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autoptr(GError) error = NULL;

  if (!tamu_desk_settings_set (key, value, &error))
    {
      show_error (self, GTK_WIDGET (row), error);
      return;
    }
  clear_error (GTK_WIDGET (row));

  /* The history names the new agent from now on. */
  if (g_str_equal (key, "agent-name"))
    {
      g_autofree char *actor = tamu_desk_settings_dup_actor ();

      tamu_store_set_actor (self->store, actor);
    }
}

/* ---- life ---------------------------------------------------------- */

static void
reload (TamuPreferencesWindow *self)
{
  reload_settings (self);
  reload_rooms (self);
  reload_topics (self);
  reload_holidays (self);
  reload_desk (self);
}

GtkWindow *
tamu_preferences_window_new (GtkWindow *parent,
                             TamuStore *store)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TAMU_IS_STORE (store), NULL);

  return g_object_new (TAMU_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "store", store,
                       NULL);
}

static void
tamu_preferences_window_constructed (GObject *object)
{
  TamuPreferencesWindow *self = TAMU_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (tamu_preferences_window_parent_class)->constructed (object);

  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                              ADW_PREFERENCES_PAGE (tamu_feed_page_new (self->store)));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                              ADW_PREFERENCES_PAGE (tamu_confirmation_page_new (self->store)));
  reload (self);
}

static void
tamu_preferences_window_dispose (GObject *object)
{
  TamuPreferencesWindow *self = TAMU_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TAMU_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (tamu_preferences_window_parent_class)->dispose (object);
}

static void
tamu_preferences_window_finalize (GObject *object)
{
  TamuPreferencesWindow *self = TAMU_PREFERENCES_WINDOW (object);

  g_clear_pointer (&self->room_rows, g_ptr_array_unref);
  g_clear_pointer (&self->topic_rows, g_ptr_array_unref);
  g_clear_pointer (&self->holiday_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (tamu_preferences_window_parent_class)->finalize (object);
}

static void
tamu_preferences_window_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  TamuPreferencesWindow *self = TAMU_PREFERENCES_WINDOW (object);

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
tamu_preferences_window_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  TamuPreferencesWindow *self = TAMU_PREFERENCES_WINDOW (object);

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
tamu_preferences_window_class_init (TamuPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = tamu_preferences_window_constructed;
  object_class->dispose = tamu_preferences_window_dispose;
  object_class->finalize = tamu_preferences_window_finalize;
  object_class->get_property = tamu_preferences_window_get_property;
  object_class->set_property = tamu_preferences_window_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         TAMU_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/go/kemenkeu/djpk/Tamu/ui/tamu-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TamuPreferencesWindow, guest_limit_row);
  gtk_widget_class_bind_template_child (widget_class, TamuPreferencesWindow, daily_cap_row);
  gtk_widget_class_bind_template_child (widget_class, TamuPreferencesWindow, default_duration_row);
  gtk_widget_class_bind_template_child (widget_class, TamuPreferencesWindow, service_hours_row);
  gtk_widget_class_bind_template_child (widget_class, TamuPreferencesWindow, break_row);
  gtk_widget_class_bind_template_child (widget_class, TamuPreferencesWindow, friday_break_row);
  gtk_widget_class_bind_template_child (widget_class, TamuPreferencesWindow, rooms_group);
  gtk_widget_class_bind_template_child (widget_class, TamuPreferencesWindow, new_room_row);
  gtk_widget_class_bind_template_child (widget_class, TamuPreferencesWindow, topic_name_row);
  gtk_widget_class_bind_template_child (widget_class, TamuPreferencesWindow, topic_full_name_row);
  gtk_widget_class_bind_template_child (widget_class, TamuPreferencesWindow, topic_aliases_row);
  gtk_widget_class_bind_template_child (widget_class, TamuPreferencesWindow, topics_group);
  gtk_widget_class_bind_template_child (widget_class, TamuPreferencesWindow, holiday_date_row);
  gtk_widget_class_bind_template_child (widget_class, TamuPreferencesWindow, holiday_name_row);
  gtk_widget_class_bind_template_child (widget_class, TamuPreferencesWindow, holiday_kind_row);
  gtk_widget_class_bind_template_child (widget_class, TamuPreferencesWindow, holidays_group);
  gtk_widget_class_bind_template_child (widget_class, TamuPreferencesWindow, year_spin);
  gtk_widget_class_bind_template_child (widget_class, TamuPreferencesWindow, agent_name_row);
  gtk_widget_class_bind_template_child (widget_class, TamuPreferencesWindow, reminder_minutes_row);
  gtk_widget_class_bind_template_callback (widget_class, setting_row_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, new_room_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_topic_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_holiday_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, year_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, desk_row_apply_cb);
}

static void
tamu_preferences_window_init (TamuPreferencesWindow *self)
{
  GDate today;

  self->room_rows = g_ptr_array_new ();
  self->topic_rows = g_ptr_array_new ();
  self->holiday_rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  g_object_set_data (G_OBJECT (self->guest_limit_row), KEY_DATA, (gpointer) "guest-limit");
  g_object_set_data (G_OBJECT (self->daily_cap_row), KEY_DATA, (gpointer) "daily-cap");
  g_object_set_data (G_OBJECT (self->default_duration_row), KEY_DATA, (gpointer) "default-duration");
  g_object_set_data (G_OBJECT (self->service_hours_row), KEY_DATA, (gpointer) "service-hours");
  g_object_set_data (G_OBJECT (self->break_row), KEY_DATA, (gpointer) "break");
  g_object_set_data (G_OBJECT (self->friday_break_row), KEY_DATA, (gpointer) "friday-break");
  g_object_set_data (G_OBJECT (self->agent_name_row), KEY_DATA, (gpointer) "agent-name");
  g_object_set_data (G_OBJECT (self->reminder_minutes_row), KEY_DATA, (gpointer) "reminder-minutes");

  /* Open on this year's holidays; the store is not set yet, so this does
   * not load them (constructed() does). */
  tamu_clock_today (&today);
  gtk_spin_button_set_value (self->year_spin, g_date_get_year (&today));
}
