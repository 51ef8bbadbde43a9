/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tamu-month-view"

#include "config.h"

#include "tamu-month-view.h"

#include <glib/gi18n.h>

#include "tamu-calendar.h"
#include "tamu-clock.h"
#include "tamu-gui-util.h"

#define N_WEEKS 6

struct _TamuMonthView
{
  GtkWidget   parent_instance;

  GtkWidget  *title_label;
  GtkWidget  *grid;
  GtkWidget  *day_buttons[N_WEEKS * 7];
  GtkWidget  *number_labels[N_WEEKS * 7];
  GtkWidget  *count_labels[N_WEEKS * 7];
  GtkWidget  *holiday_labels[N_WEEKS * 7];
  GDate       first_shown;

  TamuWindow *window; /* unowned */
};

G_DEFINE_FINAL_TYPE (TamuMonthView, tamu_month_view, GTK_TYPE_WIDGET)

/*
 * What a screen reader says after a day's name: its bookings, "09:00 Kab.
 * Jepara, tatap muka, 2 tamu; 10:00 …", one string per day shown.  The day
 * view, which Enter opens, has each booking as a row.
 */
static GStrv
describe_days (TamuMonthView *self,
               TamuStore     *store,
               const GDate   *last)
{
  g_autoptr(GPtrArray) bookings = NULL;
  GString *texts[N_WEEKS * 7];
  GStrv result;
  TamuBookingFilter filter;

  tamu_booking_filter_init (&filter);
  filter.from = self->first_shown;
  filter.to = *last;
  filter.include_cancelled = FALSE;
  bookings = tamu_store_list_bookings (store, &filter, NULL);
  if (bookings == NULL)
    return NULL;

  for (int i = 0; i < N_WEEKS * 7; i++)
    texts[i] = g_string_new (NULL);
  for (guint i = 0; i < bookings->len; i++)
    {
      TamuBooking *booking = g_ptr_array_index (bookings, i);
      int day = g_date_days_between (&self->first_shown, &booking->date);
      g_autofree char *text = NULL;
      GString *line;

      if (day < 0 || day >= N_WEEKS * 7
          || booking->status == TAMU_STATUS_CANCELLED || booking->status == TAMU_STATUS_NO_SHOW)
        continue;
      line = texts[day];
      text = tamu_gui_describe_booking (booking);
      if (line->len > 0)
        g_string_append (line, "; ");
      g_string_append (line, text);
    }

  result = g_new0 (char *, N_WEEKS * 7 + 1);
  for (int i = 0; i < N_WEEKS * 7; i++)
    result[i] = g_string_free (texts[i], FALSE);
  return result;
}

static void
reload (TamuMonthView *self)
{
  TamuStore *store = tamu_window_get_store (self->window);
  const GDate *date = tamu_window_get_date (self->window);
  g_autoptr(TamuCalendar) calendar = NULL;
  g_autoptr(GArray) counts = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) month_time = NULL;
  g_autofree char *title = NULL;
  g_auto(GStrv) descriptions = NULL;
  GDate first, last, today;
  guint next_count = 0;

  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 1, g_date_get_month (date), g_date_get_year (date));
  self->first_shown = first;
  g_date_subtract_days (&self->first_shown, g_date_get_weekday (&first) - G_DATE_MONDAY);
  last = self->first_shown;
  g_date_add_days (&last, N_WEEKS * 7 - 1);
  tamu_clock_today (&today);

  month_time = tamu_gui_date_time_from_date (&first);
  /* Translators: the month shown, as in "March 2024"; see g_date_time_format(). */
  title = g_date_time_format (month_time, _("%B %Y"));
  gtk_label_set_label (GTK_LABEL (self->title_label), title);

  calendar = tamu_store_load_calendar (store, NULL);
  counts = tamu_store_count_by_day (store, &self->first_shown, &last, &error);
  if (counts == NULL)
    tamu_window_toast (self->window, error->message);
  descriptions = describe_days (self, store, &last);

  for (int i = 0; i < N_WEEKS * 7; i++)
    {
      GDate day = self->first_shown;
      const TamuHoliday *holiday;
      int visits = 0, vidcons = 0;
      g_autofree char *number = NULL;
      g_autofree char *count_text = NULL;
      g_autofree char *long_date = NULL;
      g_autofree char *accessible = NULL;
      GtkWidget *button = self->day_buttons[i];

      g_date_add_days (&day, i);
      holiday = calendar != NULL ? tamu_calendar_lookup (calendar, &day) : NULL;

      /* Counts come sorted by date. */
      while (counts != NULL && next_count < counts->len
             && g_date_compare (&g_array_index (counts, TamuDayCount, next_count).date, &day) < 0)
        next_count++;
      if (counts != NULL && next_count < counts->len
          && g_date_compare (&g_array_index (counts, TamuDayCount, next_count).date, &day) == 0)
        {
          visits = g_array_index (counts, TamuDayCount, next_count).visits;
          vidcons = g_array_index (counts, TamuDayCount, next_count).vidcons;
        }

      number = g_strdup_printf ("%d", g_date_get_day (&day));
      gtk_label_set_label (GTK_LABEL (self->number_labels[i]), number);

      if (visits > 0 && vidcons > 0)
        /* Translators: a day in the month view: visits and video conferences, short. */
        count_text = g_strdup_printf (_("%d visits · %d vidcon"), visits, vidcons);
      else if (visits > 0)
        count_text = g_strdup_printf (ngettext ("%d visit", "%d visits", visits), visits);
      else if (vidcons > 0)
        count_text = g_strdup_printf (ngettext ("%d vidcon", "%d vidcons", vidcons), vidcons);
      gtk_label_set_label (GTK_LABEL (self->count_labels[i]), count_text != NULL ? count_text : "");

      gtk_label_set_label (GTK_LABEL (self->holiday_labels[i]), holiday != NULL ? holiday->name : "");
      gtk_widget_set_visible (self->holiday_labels[i], holiday != NULL);

      if (g_date_get_month (&day) != g_date_get_month (date))
        gtk_widget_add_css_class (button, "other-month");
      else
        gtk_widget_remove_css_class (button, "other-month");
      if (holiday != NULL || tamu_calendar_is_weekend (&day))
        gtk_widget_add_css_class (button, "closed");
      else
        gtk_widget_remove_css_class (button, "closed");
      if (g_date_compare (&day, &today) == 0)
        gtk_widget_add_css_class (button, "today");
      else
        gtk_widget_remove_css_class (button, "today");

      long_date = tamu_gui_format_date_long (&day);
      if (holiday != NULL)
        accessible = g_strdup_printf ("%s: %s, %s", long_date, holiday->name,
                                      count_text != NULL ? count_text : _("no bookings"));
      else
        accessible = g_strdup_printf ("%s: %s", long_date,
                                      count_text != NULL ? count_text : _("no bookings"));
      /* The tooltip sets GTK's description too: the day's bookings go after it. */
      gtk_widget_set_tooltip_text (button, accessible);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      descriptions != NULL ? descriptions[i] : "",
                                      -1);
    }
}

static void
day_clicked_cb (GtkButton     *button,
                TamuMonthView *self)
{
  int index = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "day-index"));
  GDate date = self->first_shown;

  g_date_add_days (&date, index);
  tamu_window_show_date (self->window, &date);
}

/*
 * Arrows move between days as on a calendar: Left and Right a day, Up and
 * Down a week; Home and End to the first and last day shown.  Enter or
 * Space opens the day (the day is a button).
 */
static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                TamuMonthView         *self)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));
  int index = -1, target;

  for (int i = 0; focus != NULL && i < N_WEEKS * 7; i++)
    if (focus == self->day_buttons[i] || gtk_widget_is_ancestor (focus, self->day_buttons[i]))
      index = i;
  if (index < 0 || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_Right: case GDK_KEY_KP_Right: target = index + 1; break;
    case GDK_KEY_Left: case GDK_KEY_KP_Left: target = index - 1; break;
    case GDK_KEY_Down: case GDK_KEY_KP_Down: target = index + 7; break;
    case GDK_KEY_Up: case GDK_KEY_KP_Up: target = index - 7; break;
    case GDK_KEY_Home: case GDK_KEY_KP_Home: target = 0; break;
    case GDK_KEY_End: case GDK_KEY_KP_End: target = N_WEEKS * 7 - 1; break;
    default: return GDK_EVENT_PROPAGATE;
    }

  gtk_widget_grab_focus (self->day_buttons[CLAMP (target, 0, N_WEEKS * 7 - 1)]);
  return GDK_EVENT_STOP;
}

static void
month_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  TamuMonthView *self = TAMU_MONTH_VIEW (widget);
  GDate date = *tamu_window_get_date (self->window);

  g_date_set_day (&date, 1);
  if (g_str_equal (action_name, "month.previous"))
    g_date_subtract_months (&date, 1);
  else
    g_date_add_months (&date, 1);

  tamu_window_set_date (self->window, &date);
}

GtkWidget *
tamu_month_view_new (TamuWindow *window)
{
  TamuMonthView *self;

  g_return_val_if_fail (TAMU_IS_WINDOW (window), NULL);

  self = g_object_new (TAMU_TYPE_MONTH_VIEW, NULL);
  self->window = window;

  g_signal_connect_object (window, "notify::date", G_CALLBACK (reload), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (window, "refresh", G_CALLBACK (reload), self, G_CONNECT_SWAPPED);
  reload (self);

  return GTK_WIDGET (self);
}

static void
tamu_month_view_dispose (GObject *object)
{
  TamuMonthView *self = TAMU_MONTH_VIEW (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (tamu_month_view_parent_class)->dispose (object);
}

static void
tamu_month_view_class_init (TamuMonthViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tamu_month_view_dispose;

  gtk_widget_class_install_action (widget_class, "month.previous", NULL, month_action_cb);
  gtk_widget_class_install_action (widget_class, "month.next", NULL, month_action_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static GtkWidget *
nav_button (const char *icon_name,
            const char *action_name,
            const char *label)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  return button;
}

static void
tamu_month_view_init (TamuMonthView *self)
{
  GtkWidget *box, *header, *nav;
  GtkEventController *key;
  GDate monday;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_parent (box, GTK_WIDGET (self));

  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_box_append (GTK_BOX (box), header);
  nav = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (nav, "linked");
  gtk_box_append (GTK_BOX (nav), nav_button ("go-previous-symbolic", "month.previous", _("Previous Month")));
  gtk_box_append (GTK_BOX (nav), nav_button ("go-next-symbolic", "month.next", _("Next Month")));
  gtk_box_append (GTK_BOX (header), nav);
  self->title_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->title_label, "title-3");
  gtk_box_append (GTK_BOX (header), self->title_label);

  self->grid = gtk_grid_new ();
  gtk_grid_set_row_homogeneous (GTK_GRID (self->grid), TRUE);
  gtk_grid_set_column_homogeneous (GTK_GRID (self->grid), TRUE);
  gtk_grid_set_row_spacing (GTK_GRID (self->grid), 4);
  gtk_grid_set_column_spacing (GTK_GRID (self->grid), 4);
  gtk_widget_set_vexpand (self->grid, TRUE);
  gtk_box_append (GTK_BOX (box), self->grid);
  key = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
  g_signal_connect (key, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (self->grid, key);

  /* Weekday names from any Monday, in the locale. */
  g_date_clear (&monday, 1);
  g_date_set_dmy (&monday, 4, 3, 2024);
  for (int d = 0; d < 7; d++)
    {
      g_autoptr(GDateTime) date_time = NULL;
      g_autofree char *name = NULL;
      GDate day = monday;
      GtkWidget *label;

      g_date_add_days (&day, d);
      date_time = tamu_gui_date_time_from_date (&day);
      name = g_date_time_format (date_time, "%A");
      label = gtk_label_new (name);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_grid_attach (GTK_GRID (self->grid), label, d, 0, 1, 1);
    }

  for (int i = 0; i < N_WEEKS * 7; i++)
    {
      GtkWidget *button = gtk_button_new ();
      GtkWidget *cell = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

      self->number_labels[i] = gtk_label_new (NULL);
      gtk_widget_add_css_class (self->number_labels[i], "day-number");
      gtk_label_set_xalign (GTK_LABEL (self->number_labels[i]), 0);
      self->count_labels[i] = gtk_label_new (NULL);
      gtk_widget_add_css_class (self->count_labels[i], "month-counts");
      gtk_label_set_xalign (GTK_LABEL (self->count_labels[i]), 0);
      gtk_label_set_ellipsize (GTK_LABEL (self->count_labels[i]), PANGO_ELLIPSIZE_END);
      self->holiday_labels[i] = gtk_label_new (NULL);
      gtk_widget_add_css_class (self->holiday_labels[i], "month-counts");
      gtk_widget_add_css_class (self->holiday_labels[i], "error");
      gtk_label_set_xalign (GTK_LABEL (self->holiday_labels[i]), 0);
      gtk_label_set_ellipsize (GTK_LABEL (self->holiday_labels[i]), PANGO_ELLIPSIZE_END);

      gtk_box_append (GTK_BOX (cell), self->number_labels[i]);
      gtk_box_append (GTK_BOX (cell), self->count_labels[i]);
      gtk_box_append (GTK_BOX (cell), self->holiday_labels[i]);
      gtk_button_set_child (GTK_BUTTON (button), cell);
      gtk_widget_add_css_class (button, "month-day");
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_valign (cell, GTK_ALIGN_START);

      g_object_set_data (G_OBJECT (button), "day-index", GINT_TO_POINTER (i));
      g_signal_connect (button, "clicked", G_CALLBACK (day_clicked_cb), self);
      self->day_buttons[i] = button;
      gtk_grid_attach (GTK_GRID (self->grid), button, i % 7, 1 + i / 7, 1, 1);
    }
}
