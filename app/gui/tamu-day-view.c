/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tamu-day-view"

#include "config.h"

#include "tamu-day-view.h"

#include <glib/gi18n.h>

#include "tamu-booking-object.h"
#include "tamu-booking-row.h"
#include "tamu-calendar.h"
#include "tamu-clock.h"
#include "tamu-gui-util.h"

struct _TamuDayView
{
  GtkWidget       parent_instance;

  /* Template widgets */
  GtkMenuButton  *date_button;
  GtkPopover     *date_popover;
  GtkCalendar    *calendar; /* built when the date popover first shows */
  GtkLabel       *summary_label;
  GtkLabel       *banner_label;
  GtkStack       *content_stack;
  GtkListView    *list_view;
  AdwStatusPage  *empty_page;

  TamuWindow     *window; /* unowned: the window owns the view */
  GListStore     *model;
  gboolean        syncing_calendar;
  gboolean        before_first_frame; /* rows wait for the window's first frame */
};

G_DEFINE_FINAL_TYPE (TamuDayView, tamu_day_view, GTK_TYPE_WIDGET)

GListModel *
tamu_day_view_get_model (TamuDayView *self)
{
  g_return_val_if_fail (TAMU_IS_DAY_VIEW (self), NULL);

  return G_LIST_MODEL (self->model);
}

static void
update_banner (TamuDayView  *self,
               const GDate  *date,
               TamuCalendar *calendar)
{
  const TamuHoliday *holiday = calendar != NULL ? tamu_calendar_lookup (calendar, date) : NULL;
  g_autofree char *text = NULL;

  if (holiday != NULL && holiday->kind == TAMU_HOLIDAY_CUTI_BERSAMA)
    text = g_strdup_printf (_("Cuti bersama: %s. The office is closed."), holiday->name);
  else if (holiday != NULL)
    text = g_strdup_printf (_("Public holiday: %s. The office is closed."), holiday->name);
  else if (tamu_calendar_is_weekend (date))
    text = g_strdup (_("Weekend: the office is closed."));
  else if (calendar != NULL && !tamu_calendar_has_year (calendar, g_date_get_year (date)))
    text = g_strdup_printf (_("No holidays are known for %d: add them in Preferences."),
                            g_date_get_year (date));

  gtk_label_set_label (self->banner_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->banner_label), text != NULL);
}

static void
update_summary (TamuDayView *self,
                GPtrArray   *bookings)
{
  int visits = 0, vidcons = 0;
  g_autofree char *visits_text = NULL;
  g_autofree char *vidcons_text = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; bookings != NULL && i < bookings->len; i++)
    {
      TamuBooking *booking = g_ptr_array_index (bookings, i);

      if (booking->status == TAMU_STATUS_CANCELLED)
        continue;
      if (booking->type == TAMU_BOOKING_VIDCON)
        vidcons++;
      else
        visits++;
    }

  visits_text = g_strdup_printf (ngettext ("%d visit", "%d visits", visits), visits);
  vidcons_text = g_strdup_printf (ngettext ("%d video conference", "%d video conferences", vidcons), vidcons);
  text = g_strdup_printf ("%s · %s", visits_text, vidcons_text);
  gtk_label_set_label (self->summary_label, text);
}

static void
sync_calendar (TamuDayView *self)
{
  g_autoptr(GDateTime) date_time = NULL;

  if (self->calendar == NULL)
    return;

  date_time = tamu_gui_date_time_from_date (tamu_window_get_date (self->window));
  self->syncing_calendar = TRUE;
  gtk_calendar_select_day (self->calendar, date_time);
  self->syncing_calendar = FALSE;
}

static void
reload (TamuDayView *self)
{
  TamuStore *store = tamu_window_get_store (self->window);
  const GDate *date = tamu_window_get_date (self->window);
  g_autoptr(GPtrArray) bookings = NULL;
  g_autoptr(TamuCalendar) calendar = NULL;
  g_autoptr(GListStore) model = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkNoSelection) selection = NULL;
  g_autofree char *date_text = NULL;
  TamuBookingFilter filter;

  date_text = tamu_gui_format_date_long (date);
  gtk_menu_button_set_label (self->date_button, date_text);
  tamu_gui_name_internal_buttons (GTK_WIDGET (self->date_button), date_text);

  tamu_booking_filter_init (&filter);
  filter.from = *date;
  filter.to = *date;

  bookings = tamu_store_list_bookings (store, &filter, &error);
  if (bookings == NULL)
    {
      g_warning ("%s", error->message);
      tamu_window_toast (self->window, error->message);
    }

  calendar = tamu_store_load_calendar (store, NULL);
  update_banner (self, date, calendar);
  update_summary (self, bookings);

  model = tamu_booking_object_store_new (bookings);
  g_set_object (&self->model, model);
  if (!self->before_first_frame)
    {
      selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (model)));
      gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
      g_object_set_data (G_OBJECT (self->window), "tamu-day-rows-shown", GINT_TO_POINTER (TRUE));
    }

  if (g_list_model_get_n_items (G_LIST_MODEL (model)) == 0)
    {
      adw_status_page_set_description (self->empty_page,
                                       gtk_widget_get_visible (GTK_WIDGET (self->banner_label))
                                       ? gtk_label_get_label (self->banner_label)
                                       : _("Nothing is booked for this day yet."));
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
    }
  else
    gtk_stack_set_visible_child_name (self->content_stack, "list");

  sync_calendar (self);
}

static void
calendar_day_selected_cb (TamuDayView *self)
{
  g_autoptr(GDateTime) date_time = NULL;
  GDate date;

  if (self->syncing_calendar)
    return;

  date_time = gtk_calendar_get_date (self->calendar);
  tamu_gui_date_from_date_time (date_time, &date);
  gtk_popover_popdown (self->date_popover);
  tamu_window_set_date (self->window, &date);
}

/* Start-up does not pay for a calendar nobody opened. */
static void
date_popover_show_cb (TamuDayView *self)
{
  if (self->calendar != NULL)
    return;

  self->calendar = GTK_CALENDAR (gtk_calendar_new ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->calendar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Date"),
                                  -1);
  g_signal_connect_object (self->calendar, "day-selected",
                           G_CALLBACK (calendar_day_selected_cb), self, G_CONNECT_SWAPPED);
  gtk_popover_set_child (self->date_popover, GTK_WIDGET (self->calendar));
  sync_calendar (self);
}

static void
list_view_activate_cb (TamuDayView *self,
                       guint        position)
{
  g_autoptr(TamuBookingObject) item = g_list_model_get_item (G_LIST_MODEL (self->model), position);

  if (item != NULL)
    tamu_window_edit_booking (self->window, tamu_booking_object_get_booking (item));
}

/*
 * Start-up: the window's first frame shows the day's header, summary and
 * banner; the rows, the costliest widgets of the window, are built for the
 * frame right after it.  The benchmark (TAMU_BENCH, tamu-window.c) reads
 * "tamu-day-rows-shown" to time that second frame too.
 */
static void
first_frame_painted_cb (GdkFrameClock *clock,
                        TamuDayView   *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  if (clock != NULL)
    g_signal_handlers_disconnect_by_func (clock, first_frame_painted_cb, self);
  self->before_first_frame = FALSE;

  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  g_object_set_data (G_OBJECT (self->window), "tamu-day-rows-shown", GINT_TO_POINTER (TRUE));
  gtk_widget_queue_draw (GTK_WIDGET (self->window));
}

static void
window_mapped_cb (TamuDayView *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self->window));

  g_signal_handlers_disconnect_by_func (self->window, window_mapped_cb, self);
  if (clock != NULL)
    g_signal_connect_object (clock, "after-paint", G_CALLBACK (first_frame_painted_cb), self, 0);
  else
    first_frame_painted_cb (NULL, self);
}

GtkWidget *
tamu_day_view_new (TamuWindow *window)
{
  TamuDayView *self;

  g_return_val_if_fail (TAMU_IS_WINDOW (window), NULL);

  self = g_object_new (TAMU_TYPE_DAY_VIEW, NULL);
  self->window = window;
  if (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    {
      self->before_first_frame = TRUE;
      g_signal_connect_object (window, "map", G_CALLBACK (window_mapped_cb), self,
                               G_CONNECT_SWAPPED | G_CONNECT_AFTER);
    }

  g_signal_connect_object (window, "notify::date", G_CALLBACK (reload), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (window, "refresh", G_CALLBACK (reload), self, G_CONNECT_SWAPPED);
  reload (self);

  return GTK_WIDGET (self);
}

static void
tamu_day_view_dispose (GObject *object)
{
  TamuDayView *self = TAMU_DAY_VIEW (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), TAMU_TYPE_DAY_VIEW);
  /* The template's unnamed box too: the view is destroyed when the window is
   * built again on another database. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (tamu_day_view_parent_class)->dispose (object);
}

static void
tamu_day_view_class_init (TamuDayViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tamu_day_view_dispose;

  g_type_ensure (TAMU_TYPE_BOOKING_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, "/id/go/kemenkeu/djpk/Tamu/ui/tamu-day-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TamuDayView, date_button);
  gtk_widget_class_bind_template_child (widget_class, TamuDayView, date_popover);
  gtk_widget_class_bind_template_child (widget_class, TamuDayView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, TamuDayView, banner_label);
  gtk_widget_class_bind_template_child (widget_class, TamuDayView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, TamuDayView, list_view);
  gtk_widget_class_bind_template_child (widget_class, TamuDayView, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, date_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_view_activate_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
tamu_day_view_init (TamuDayView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
