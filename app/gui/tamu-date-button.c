/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tamu-date-button.h"

#include <glib/gi18n.h>

#include "tamu-field-labels.h"
#include "tamu-gui-util.h"
#include "tamu-parse.h"

struct _TamuDateButton
{
  GtkWidget  parent_instance;

  GtkWidget *menu_button;
  GtkWidget *calendar;
  GtkWidget *entry;   /* a date typed: "22 Maret 2024", "2024-03-22" */
  GtkWidget *entry_error;
  GDate      date;
  gboolean   syncing;
  gboolean   day_pressed; /* the pointer went down on a day */
};

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TamuDateButton, tamu_date_button, GTK_TYPE_WIDGET)

GtkWidget *
tamu_date_button_new (void)
{
  return g_object_new (TAMU_TYPE_DATE_BUTTON, NULL);
}

const GDate *
tamu_date_button_get_date (TamuDateButton *self)
{
  g_return_val_if_fail (TAMU_IS_DATE_BUTTON (self), NULL);

  return g_date_valid (&self->date) ? &self->date : NULL;
}

static void
update_label (TamuDateButton *self)
{
  g_autofree char *text = NULL;

  if (g_date_valid (&self->date))
    text = tamu_gui_format_date_long (&self->date);
  gtk_menu_button_set_label (GTK_MENU_BUTTON (self->menu_button),
                             text != NULL ? text : _("Pick a Date"));
}

void
tamu_date_button_set_date (TamuDateButton *self,
                           const GDate    *date)
{
  g_return_if_fail (TAMU_IS_DATE_BUTTON (self));

  if (date == NULL || !g_date_valid (date))
    g_date_clear (&self->date, 1);
  else if (g_date_valid (&self->date) && g_date_compare (&self->date, date) == 0)
    return;
  else
    self->date = *date;

  update_label (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

void
tamu_date_button_set_accessible_name (TamuDateButton *self,
                                      const char     *name)
{
  g_return_if_fail (TAMU_IS_DATE_BUTTON (self));

  tamu_gui_name_internal_buttons (self->menu_button, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->calendar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
day_selected_cb (TamuDateButton *self)
{
  g_autoptr(GDateTime) picked = NULL;
  GDate date;

  if (self->syncing)
    return;
  picked = gtk_calendar_get_date (GTK_CALENDAR (self->calendar));
  tamu_gui_date_from_date_time (picked, &date);
  tamu_date_button_set_date (self, &date);
  if (self->day_pressed)
    {
      self->day_pressed = FALSE;
      gtk_menu_button_popdown (GTK_MENU_BUTTON (self->menu_button));
    }
}

static void
popover_show_cb (TamuDateButton *self)
{
  g_autoptr(GDateTime) shown = NULL;

  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
  self->day_pressed = FALSE;
  if (!g_date_valid (&self->date))
    return;
  shown = tamu_gui_date_time_from_date (&self->date);
  self->syncing = TRUE;
  gtk_calendar_select_day (GTK_CALENDAR (self->calendar), shown);
  self->syncing = FALSE;
}

/* A date typed in the popover: the keyboard's fast way (GTK 4.8's calendar
 * starts its keyboard focus on the first cell, not on the selected day). */
static void
entry_activate_cb (TamuDateButton *self)
{
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  GDate date;

  if (!tamu_parse_date_loose ("date", text, &date, &error))
    {
      g_autofree char *message = tamu_gui_format_message (error->message);

      gtk_label_set_label (GTK_LABEL (self->entry_error), message);
      gtk_widget_set_visible (self->entry_error, TRUE);
      gtk_widget_add_css_class (self->entry, "error");
      return;
    }
  tamu_date_button_set_date (self, &date);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->menu_button));
}

static void
entry_changed_cb (TamuDateButton *self)
{
  gtk_widget_remove_css_class (self->entry, "error");
  gtk_widget_set_visible (self->entry_error, FALSE);
}

/* A click on a day (not on the month and year arrows) picks it and closes:
 * seen before the calendar's own gesture selects the day. */
static void
calendar_pressed_cb (GtkGestureClick *gesture,
                     int              n_press,
                     double           x,
                     double           y,
                     TamuDateButton  *self)
{
  GtkWidget *picked = gtk_widget_pick (self->calendar, x, y, GTK_PICK_DEFAULT);

  self->day_pressed = picked != NULL && gtk_widget_has_css_class (picked, "day-number");
}

static gboolean
calendar_key_cb (GtkEventControllerKey *controller,
                 guint                  keyval,
                 guint                  keycode,
                 GdkModifierType        state,
                 TamuDateButton        *self)
{
  if (keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter)
    {
      gtk_menu_button_popdown (GTK_MENU_BUTTON (self->menu_button));
      return TRUE;
    }
  return FALSE;
}

static void
tamu_date_button_dispose (GObject *object)
{
  TamuDateButton *self = TAMU_DATE_BUTTON (object);

  g_clear_pointer (&self->menu_button, gtk_widget_unparent);

  G_OBJECT_CLASS (tamu_date_button_parent_class)->dispose (object);
}

static gboolean
tamu_date_button_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (TAMU_DATE_BUTTON (widget)->menu_button);
}

static void
tamu_date_button_class_init (TamuDateButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tamu_date_button_dispose;
  widget_class->grab_focus = tamu_date_button_grab_focus;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
tamu_date_button_init (TamuDateButton *self)
{
  GtkWidget *popover, *box;
  GtkGesture *click;
  GtkEventController *keys;

  g_date_clear (&self->date, 1);

  self->menu_button = gtk_menu_button_new ();
  gtk_menu_button_set_always_show_arrow (GTK_MENU_BUTTON (self->menu_button), TRUE);
  gtk_widget_set_parent (self->menu_button, GTK_WIDGET (self));

  self->calendar = gtk_calendar_new ();
  g_signal_connect_swapped (self->calendar, "day-selected", G_CALLBACK (day_selected_cb), self);
  click = gtk_gesture_click_new ();
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect (click, "pressed", G_CALLBACK (calendar_pressed_cb), self);
  gtk_widget_add_controller (self->calendar, GTK_EVENT_CONTROLLER (click));
  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (calendar_key_cb), self);
  gtk_widget_add_controller (self->calendar, keys);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  self->entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->entry), _("Type a date: 22 Maret 2024, 2024-03-22"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Type a date"), -1);
  g_signal_connect_swapped (self->entry, "activate", G_CALLBACK (entry_activate_cb), self);
  g_signal_connect_swapped (self->entry, "changed", G_CALLBACK (entry_changed_cb), self);
  gtk_box_append (GTK_BOX (box), self->entry);
  self->entry_error = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->entry_error), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (self->entry_error), 30);
  gtk_label_set_xalign (GTK_LABEL (self->entry_error), 0);
  gtk_widget_add_css_class (self->entry_error, "error");
  gtk_widget_add_css_class (self->entry_error, "caption");
  gtk_widget_set_visible (self->entry_error, FALSE);
  gtk_box_append (GTK_BOX (box), self->entry_error);
  gtk_box_append (GTK_BOX (box), self->calendar);

  popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  g_signal_connect_swapped (popover, "show", G_CALLBACK (popover_show_cb), self);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->menu_button), popover);

  update_label (self);
}
