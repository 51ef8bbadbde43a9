/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tamu-week-view"

#include "config.h"

#include "tamu-week-view.h"

#include <glib/gi18n.h>

#include "tamu-calendar.h"
#include "tamu-clock.h"
#include "tamu-gui-util.h"
#include "tamu-parse.h"

#define HEADER_HEIGHT 44.0
#define HOURS_WIDTH   52.0
#define N_DAYS        7

struct _TamuWeekView
{
  GtkWidget       parent_instance;

  GtkWidget      *title_label;
  GtkWidget      *legend_box;
  GtkWidget      *overlay;
  GtkWidget      *drawing_area;
  GPtrArray      *booking_buttons; /* GtkButton*, one per drawn booking, in time order */

  TamuWindow     *window; /* unowned */
  GDate           monday;
  GPtrArray      *bookings; /* TamuBooking* of the week, active or done */
  TamuPolicy     *policy;
  TamuCalendar   *calendar;
  int             first_hour;
  int             last_hour;
};

G_DEFINE_FINAL_TYPE (TamuWeekView, tamu_week_view, GTK_TYPE_WIDGET)

/* Room colours (GNOME palette), then the video-conference colour. */
static const GdkRGBA lane_colors[] = {
  { 0.208, 0.518, 0.894, 1 }, /* blue 3 */
  { 0.180, 0.761, 0.494, 1 }, /* green 4 */
  { 0.898, 0.647, 0.039, 1 }, /* yellow 5 */
  { 0.753, 0.380, 0.796, 1 }, /* purple 2 */
  { 0.878, 0.106, 0.141, 1 }, /* red 3 */
  { 0.596, 0.416, 0.267, 1 }, /* brown 3 */
};
static const GdkRGBA vidcon_color = { 0.902, 0.380, 0.000, 1 }; /* orange 4 */

static int
n_lanes (TamuWeekView *self)
{
  return (self->policy != NULL ? (int) g_strv_length (self->policy->rooms) : 0) + 1;
}

/* The lane of a booking: its room's index, or the last lane for a video conference. */
static int
booking_lane (TamuWeekView *self,
              TamuBooking  *booking)
{
  if (self->policy != NULL && booking->room != NULL)
    for (guint i = 0; self->policy->rooms[i] != NULL; i++)
      if (g_strcmp0 (self->policy->rooms[i], booking->room) == 0)
        return i;

  return n_lanes (self) - 1;
}

static const GdkRGBA *
lane_color (TamuWeekView *self,
            int           lane)
{
  if (lane == n_lanes (self) - 1)
    return &vidcon_color;

  return &lane_colors[lane % G_N_ELEMENTS (lane_colors)];
}

static void
geometry (TamuWeekView *self,
          int           width,
          int           height,
          double       *day_width,
          double       *minute_height)
{
  *day_width = (width - HOURS_WIDTH) / N_DAYS;
  *minute_height = (height - HEADER_HEIGHT) / ((self->last_hour - self->first_hour) * 60.0);
}

/* Where @booking is drawn in a grid of @width × @height; FALSE if it is not drawn. */
static gboolean
booking_rect (TamuWeekView      *self,
              const TamuBooking *booking,
              int                width,
              int                height,
              graphene_rect_t   *out)
{
  double day_width, minute_height, lane_width;
  int d = g_date_days_between (&self->monday, &booking->date);

  if (d < 0 || d >= N_DAYS || booking->start == TAMU_TIME_UNKNOWN)
    return FALSE;

  geometry (self, width, height, &day_width, &minute_height);
  lane_width = day_width / n_lanes (self);
  graphene_rect_init (out,
                      HOURS_WIDTH + d * day_width + booking_lane (self, (TamuBooking *) booking) * lane_width + 1,
                      HEADER_HEIGHT + (booking->start - self->first_hour * 60) * minute_height,
                      lane_width,
                      MAX (booking->duration, 15) * minute_height);
  return TRUE;
}

static void
draw_text (cairo_t     *cr,
           GtkWidget   *widget,
           const char  *text,
           double       x,
           double       y,
           double       width,
           gboolean     bold,
           const GdkRGBA *color)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);

  if (bold)
    {
      g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_layout_set_attributes (layout, attrs);
    }
  pango_layout_set_width (layout, MAX (1, (int) (width * PANGO_SCALE)));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  gdk_cairo_set_source_rgba (cr, color);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_cb (GtkDrawingArea *area,
         cairo_t        *cr,
         int             width,
         int             height,
         gpointer        user_data)
{
  TamuWeekView *self = user_data;
  GtkWidget *widget = GTK_WIDGET (area);
  GdkRGBA fg;
  GdkRGBA dim, line, closed, brk;
  double day_width, minute_height, lane_width;
  int lanes = n_lanes (self);
  GDate today;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  dim = fg; dim.alpha = 0.6;
  line = fg; line.alpha = 0.12;
  closed = fg; closed.alpha = 0.07;
  brk = fg; brk.alpha = 0.04;

  geometry (self, width, height, &day_width, &minute_height);
  lane_width = day_width / lanes;
  tamu_clock_today (&today);

  /* Hours down the left. */
  for (int hour = self->first_hour; hour <= self->last_hour; hour++)
    {
      double y = HEADER_HEIGHT + (hour - self->first_hour) * 60 * minute_height;
      g_autofree char *text = g_strdup_printf ("%02d:00", hour);

      gdk_cairo_set_source_rgba (cr, &line);
      cairo_rectangle (cr, HOURS_WIDTH, y, width - HOURS_WIDTH, 1);
      cairo_fill (cr);
      if (hour < self->last_hour)
        draw_text (cr, widget, text, 4, y + 2, HOURS_WIDTH - 8, FALSE, &dim);
    }

  for (int d = 0; d < N_DAYS; d++)
    {
      GDate date = self->monday;
      double x = HOURS_WIDTH + d * day_width;
      const TamuHoliday *holiday;
      g_autofree char *header = NULL;

      g_date_add_days (&date, d);
      holiday = self->calendar != NULL ? tamu_calendar_lookup (self->calendar, &date) : NULL;

      /* Closed time is shaded: outside service hours, the break, closed days. */
      gdk_cairo_set_source_rgba (cr, &closed);
      if (holiday != NULL || tamu_calendar_is_weekend (&date) || self->policy == NULL)
        {
          cairo_rectangle (cr, x, HEADER_HEIGHT, day_width, height - HEADER_HEIGHT);
          cairo_fill (cr);
        }
      else
        {
          int break_start, break_end;
          double open_y = HEADER_HEIGHT + (self->policy->open - self->first_hour * 60) * minute_height;
          double close_y = HEADER_HEIGHT + (self->policy->close - self->first_hour * 60) * minute_height;

          cairo_rectangle (cr, x, HEADER_HEIGHT, day_width, open_y - HEADER_HEIGHT);
          cairo_rectangle (cr, x, close_y, day_width, height - close_y);
          cairo_fill (cr);

          tamu_policy_get_break (self->policy, &date, &break_start, &break_end);
          if (break_end > break_start)
            {
              double y0 = HEADER_HEIGHT + (break_start - self->first_hour * 60) * minute_height;
              double y1 = HEADER_HEIGHT + (break_end - self->first_hour * 60) * minute_height;

              gdk_cairo_set_source_rgba (cr, &brk);
              cairo_rectangle (cr, x, y0, day_width, y1 - y0);
              cairo_fill (cr);
              cairo_save (cr);
              cairo_rectangle (cr, x, y0, day_width, y1 - y0);
              cairo_clip (cr);
              gdk_cairo_set_source_rgba (cr, &line);
              cairo_set_line_width (cr, 1);
              for (double s = x - (y1 - y0); s < x + day_width; s += 10)
                {
                  cairo_move_to (cr, s, y1);
                  cairo_line_to (cr, s + (y1 - y0), y0);
                }
              cairo_stroke (cr);
              cairo_restore (cr);
            }
        }

      gdk_cairo_set_source_rgba (cr, &line);
      cairo_rectangle (cr, x, 0, 1, height);
      cairo_fill (cr);

      header = tamu_gui_format_date_short (&date);
      draw_text (cr, widget, header, x + 6, 4, day_width - 12,
                 g_date_compare (&date, &today) == 0, &fg);
      if (holiday != NULL)
        draw_text (cr, widget, holiday->name, x + 6, 22, day_width - 12, FALSE, &dim);
      else if (tamu_calendar_is_weekend (&date))
        draw_text (cr, widget, _("Closed"), x + 6, 22, day_width - 12, FALSE, &dim);
    }

  for (guint i = 0; self->bookings != NULL && i < self->bookings->len; i++)
    {
      TamuBooking *booking = g_ptr_array_index (self->bookings, i);
      int lane = booking_lane (self, booking);
      const GdkRGBA *color = lane_color (self, lane);
      GdkRGBA fill = *color;
      graphene_rect_t rect;
      double x, y, h;
      g_autofree char *start = NULL;
      g_autofree char *text = NULL;

      if (!booking_rect (self, booking, width, height, &rect))
        continue;

      x = rect.origin.x;
      y = rect.origin.y;
      h = rect.size.height;

      /* What already happened is lighter than what is still ahead. */
      fill.alpha = booking->status == TAMU_STATUS_DONE ? 0.7 : 0.95;
      gdk_cairo_set_source_rgba (cr, &fill);
      cairo_rectangle (cr, x + 1, y + 1, lane_width - 3, h - 2);
      cairo_fill (cr);

      start = tamu_format_time (booking->start);
      text = g_strdup_printf ("%s %s", start, booking->daerah != NULL ? booking->daerah : "");
      {
        g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
        GdkRGBA white = { 1, 1, 1, 1 };

        cairo_save (cr);
        cairo_rectangle (cr, x + 1, y + 1, lane_width - 3, h - 2);
        cairo_clip (cr);
        pango_layout_set_width (layout, MAX (1, (int) ((lane_width - 8) * PANGO_SCALE)));
        pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
        gdk_cairo_set_source_rgba (cr, &white);
        cairo_move_to (cr, x + 4, y + 3);
        pango_cairo_show_layout (cr, layout);
        cairo_restore (cr);
      }
    }
}

static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            TamuWeekView    *self)
{
  /* A booking is a button over the grid (update_booking_buttons()); a
   * day's header opens the day. */
  if (y < HEADER_HEIGHT && x > HOURS_WIDTH)
    {
      double day_width, minute_height;
      GDate date = self->monday;

      geometry (self, gtk_widget_get_width (self->drawing_area),
                gtk_widget_get_height (self->drawing_area), &day_width, &minute_height);
      g_date_add_days (&date, MIN (N_DAYS - 1, (int) ((x - HOURS_WIDTH) / day_width)));
      tamu_window_show_date (self->window, &date);
    }
}

static void
booking_clicked_cb (GtkButton    *button,
                    TamuWeekView *self)
{
  TamuBooking *booking = g_object_get_data (G_OBJECT (button), "booking");

  tamu_window_edit_booking (self->window, booking);
}

/*
 * Each drawn booking has a transparent button over it: it takes the
 * keyboard focus (Tab, arrows), opens the booking with Enter or a click, and
 * is what a screen reader reads ("09:00 Kab. Jepara, tatap muka, 2 tamu").
 * The overlay places it on the booking's block (get_child_position_cb()).
 */
static void
update_booking_buttons (TamuWeekView *self)
{
  for (guint i = 0; i < self->booking_buttons->len; i++)
    gtk_overlay_remove_overlay (GTK_OVERLAY (self->overlay),
                                g_ptr_array_index (self->booking_buttons, i));
  g_ptr_array_set_size (self->booking_buttons, 0);

  for (guint i = 0; self->bookings != NULL && i < self->bookings->len; i++)
    {
      TamuBooking *booking = g_ptr_array_index (self->bookings, i);
      g_autofree char *name = NULL;
      GtkWidget *button;

      if (booking->start == TAMU_TIME_UNKNOWN)
        continue;

      name = tamu_gui_describe_booking (booking);
      button = gtk_button_new ();
      gtk_widget_add_css_class (button, "week-booking");
      gtk_widget_set_tooltip_text (button, name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                      -1);
      g_object_set_data_full (G_OBJECT (button), "booking", tamu_booking_ref (booking),
                              (GDestroyNotify) tamu_booking_unref);
      g_signal_connect (button, "clicked", G_CALLBACK (booking_clicked_cb), self);
      gtk_overlay_add_overlay (GTK_OVERLAY (self->overlay), button);
      g_ptr_array_add (self->booking_buttons, button);
    }
}

/*
 * Arrows move between bookings in time order: Right and Down to the next,
 * Left and Up to the previous; Home and End to the first and last.
 */
static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                TamuWeekView          *self)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));
  guint index, target;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0
      || focus == NULL || !g_ptr_array_find (self->booking_buttons, focus, &index))
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_Right: case GDK_KEY_KP_Right: case GDK_KEY_Down: case GDK_KEY_KP_Down:
      target = MIN (index + 1, self->booking_buttons->len - 1);
      break;
    case GDK_KEY_Left: case GDK_KEY_KP_Left: case GDK_KEY_Up: case GDK_KEY_KP_Up:
      target = index > 0 ? index - 1 : 0;
      break;
    case GDK_KEY_Home: case GDK_KEY_KP_Home:
      target = 0;
      break;
    case GDK_KEY_End: case GDK_KEY_KP_End:
      target = self->booking_buttons->len - 1;
      break;
    default:
      return GDK_EVENT_PROPAGATE;
    }

  gtk_widget_grab_focus (g_ptr_array_index (self->booking_buttons, target));
  return GDK_EVENT_STOP;
}

static gboolean
get_child_position_cb (GtkOverlay    *overlay,
                       GtkWidget     *widget,
                       GtkAllocation *allocation,
                       TamuWeekView  *self)
{
  TamuBooking *booking = g_object_get_data (G_OBJECT (widget), "booking");
  graphene_rect_t rect;

  if (booking == NULL
      || !booking_rect (self, booking,
                        gtk_widget_get_width (GTK_WIDGET (overlay)),
                        gtk_widget_get_height (GTK_WIDGET (overlay)), &rect))
    return FALSE;

  allocation->x = (int) rect.origin.x + 1;
  allocation->y = (int) rect.origin.y + 1;
  allocation->width = MAX (1, (int) rect.size.width - 3);
  allocation->height = MAX (1, (int) rect.size.height - 2);
  return TRUE;
}

static void
update_legend (TamuWeekView *self)
{
  GtkWidget *child;
  int lanes = n_lanes (self);

  while ((child = gtk_widget_get_first_child (self->legend_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->legend_box), child);

  for (int lane = 0; lane < lanes; lane++)
    {
      const GdkRGBA *color = lane_color (self, lane);
      const char *name = lane == lanes - 1 ? _("Video conference") : self->policy->rooms[lane];
      g_autofree char *markup = NULL;
      g_autofree char *hex = g_strdup_printf ("#%02x%02x%02x", (int) (color->red * 255),
                                              (int) (color->green * 255), (int) (color->blue * 255));
      g_autofree char *escaped = g_markup_escape_text (name, -1);
      GtkWidget *label;

      markup = g_strdup_printf ("<span foreground=\"%s\">■</span> %s", hex, escaped);
      label = gtk_label_new (NULL);
      gtk_label_set_markup (GTK_LABEL (label), markup);
      gtk_box_append (GTK_BOX (self->legend_box), label);
    }
}

static void
reload (TamuWeekView *self)
{
  TamuStore *store = tamu_window_get_store (self->window);
  const GDate *date = tamu_window_get_date (self->window);
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *title = NULL;
  TamuBookingFilter filter;
  GDate sunday;

  self->monday = *date;
  g_date_subtract_days (&self->monday, g_date_get_weekday (date) - G_DATE_MONDAY);
  sunday = self->monday;
  g_date_add_days (&sunday, N_DAYS - 1);

  g_clear_pointer (&self->policy, tamu_policy_free);
  g_clear_pointer (&self->calendar, tamu_calendar_unref);
  g_clear_pointer (&self->bookings, g_ptr_array_unref);

  self->policy = tamu_store_load_policy (store, NULL);
  self->calendar = tamu_store_load_calendar (store, NULL);

  tamu_booking_filter_init (&filter);
  filter.from = self->monday;
  filter.to = sunday;
  filter.include_cancelled = FALSE;
  self->bookings = tamu_store_list_bookings (store, &filter, &error);
  if (self->bookings == NULL)
    tamu_window_toast (self->window, error->message);
  else
    for (guint i = self->bookings->len; i > 0; i--)
      {
        TamuBooking *booking = g_ptr_array_index (self->bookings, i - 1);

        if (booking->status == TAMU_STATUS_CANCELLED || booking->status == TAMU_STATUS_NO_SHOW)
          g_ptr_array_remove_index (self->bookings, i - 1);
      }

  /* Service hours with an hour of margin, widened to fit every booking. */
  self->first_hour = self->policy != NULL ? MAX (0, self->policy->open / 60 - 1) : 7;
  self->last_hour = self->policy != NULL ? MIN (24, (self->policy->close + 59) / 60 + 1) : 17;
  for (guint i = 0; self->bookings != NULL && i < self->bookings->len; i++)
    {
      TamuBooking *booking = g_ptr_array_index (self->bookings, i);

      if (booking->start == TAMU_TIME_UNKNOWN)
        continue;
      self->first_hour = MIN (self->first_hour, booking->start / 60);
      self->last_hour = MAX (self->last_hour, MIN (24, (tamu_booking_get_end (booking) + 59) / 60));
    }

  first = tamu_gui_format_date_short (&self->monday);
  last = tamu_gui_format_date_long (&sunday);
  /* Translators: the week shown: "Mon 18 Mar – Sunday, 24 March 2024". */
  title = g_strdup_printf (_("%s – %s"), first, last);
  gtk_label_set_label (GTK_LABEL (self->title_label), title);

  update_legend (self);
  update_booking_buttons (self);
  gtk_widget_queue_draw (self->drawing_area);
}

static void
week_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TamuWeekView *self = TAMU_WEEK_VIEW (widget);
  GDate date = *tamu_window_get_date (self->window);

  if (g_str_equal (action_name, "week.previous"))
    g_date_subtract_days (&date, 7);
  else
    g_date_add_days (&date, 7);

  tamu_window_set_date (self->window, &date);
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

GtkWidget *
tamu_week_view_new (TamuWindow *window)
{
  TamuWeekView *self;

  g_return_val_if_fail (TAMU_IS_WINDOW (window), NULL);

  self = g_object_new (TAMU_TYPE_WEEK_VIEW, NULL);
  self->window = window;

  g_signal_connect_object (window, "notify::date", G_CALLBACK (reload), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (window, "refresh", G_CALLBACK (reload), self, G_CONNECT_SWAPPED);
  reload (self);

  return GTK_WIDGET (self);
}

static void
tamu_week_view_dispose (GObject *object)
{
  TamuWeekView *self = TAMU_WEEK_VIEW (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_pointer (&self->policy, tamu_policy_free);
  g_clear_pointer (&self->calendar, tamu_calendar_unref);
  g_clear_pointer (&self->bookings, g_ptr_array_unref);
  g_clear_pointer (&self->booking_buttons, g_ptr_array_unref);

  G_OBJECT_CLASS (tamu_week_view_parent_class)->dispose (object);
}

static void
tamu_week_view_class_init (TamuWeekViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tamu_week_view_dispose;

  gtk_widget_class_install_action (widget_class, "week.previous", NULL, week_action_cb);
  gtk_widget_class_install_action (widget_class, "week.next", NULL, week_action_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
tamu_week_view_init (TamuWeekView *self)
{
  GtkWidget *box, *header, *nav;
  GtkEventController *key;
  GtkGesture *click;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_parent (box, GTK_WIDGET (self));

  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_end (header, 12);
  gtk_widget_set_margin_top (header, 12);
  gtk_box_append (GTK_BOX (box), header);

  nav = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (nav, "linked");
  gtk_box_append (GTK_BOX (nav), nav_button ("go-previous-symbolic", "week.previous", _("Previous Week")));
  gtk_box_append (GTK_BOX (nav), nav_button ("go-next-symbolic", "week.next", _("Next Week")));
  gtk_box_append (GTK_BOX (header), nav);

  self->title_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->title_label, "title-3");
  gtk_box_append (GTK_BOX (header), self->title_label);

  self->legend_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_hexpand (self->legend_box, TRUE);
  gtk_widget_set_halign (self->legend_box, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (header), self->legend_box);

  self->overlay = gtk_overlay_new ();
  gtk_widget_set_vexpand (self->overlay, TRUE);
  gtk_widget_set_margin_start (self->overlay, 6);
  gtk_widget_set_margin_end (self->overlay, 12);
  gtk_widget_set_margin_bottom (self->overlay, 12);
  g_signal_connect (self->overlay, "get-child-position", G_CALLBACK (get_child_position_cb), self);
  gtk_box_append (GTK_BOX (box), self->overlay);
  self->booking_buttons = g_ptr_array_new ();
  key = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
  g_signal_connect (key, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (self->overlay, key);

  self->drawing_area = gtk_drawing_area_new ();
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self->drawing_area), 420);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->drawing_area), draw_cb, self, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->drawing_area),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Week Schedule"),
                                  -1);
  gtk_overlay_set_child (GTK_OVERLAY (self->overlay), self->drawing_area);

  click = gtk_gesture_click_new ();
  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (self->drawing_area, GTK_EVENT_CONTROLLER (click));

  self->first_hour = 7;
  self->last_hour = 17;
}
