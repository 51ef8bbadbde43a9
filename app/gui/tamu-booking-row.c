/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tamu-booking-row"

#include "config.h"

#include "tamu-booking-row.h"

#include <glib/gi18n.h>

#include "tamu-confirmation-actions.h"
#include "tamu-gui-util.h"
#include "tamu-window.h"
#include "tamu-window-ical.h"

struct _TamuBookingRow
{
  GtkWidget          parent_instance;

  GtkWidget         *box;
  GtkLabel          *date_label;
  GtkLabel          *time_label;
  GtkLabel          *local_time_label;
  GtkLabel          *daerah_label;
  GtkLabel          *type_label;
  GtkLabel          *topics_label;
  GtkLabel          *guests_label;
  GtkLabel          *place_label;
  GtkLabel          *pic_label;
  GtkLabel          *status_label;
  GtkWidget         *check_in_button;

  TamuBookingObject *item;
  gboolean           show_date;
};

enum
{
  PROP_0,
  PROP_ITEM,
  PROP_SHOW_DATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (TamuBookingRow, tamu_booking_row, GTK_TYPE_WIDGET)

GtkWidget *
tamu_booking_row_new (void)
{
  return g_object_new (TAMU_TYPE_BOOKING_ROW, NULL);
}

TamuBookingObject *
tamu_booking_row_get_item (TamuBookingRow *self)
{
  g_return_val_if_fail (TAMU_IS_BOOKING_ROW (self), NULL);

  return self->item;
}

static void
set_status_class (TamuBookingRow   *self,
                  TamuBookingStatus status)
{
  static const TamuBookingStatus all[] = {
    TAMU_STATUS_REQUESTED, TAMU_STATUS_CONFIRMED, TAMU_STATUS_DONE,
    TAMU_STATUS_CANCELLED, TAMU_STATUS_NO_SHOW,
  };

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label),
                                 tamu_gui_status_css_class (all[i]));
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label),
                            tamu_gui_status_css_class (status));
}

static void
update (TamuBookingRow *self)
{
  TamuBooking *booking;
  g_autofree char *time_text = NULL;
  g_autofree char *local = NULL;
  g_autofree char *topics = NULL;
  g_autofree char *guests = NULL;
  g_autofree char *pic = NULL;
  gboolean active;
  gboolean open;

  if (self->item == NULL)
    return;

  booking = tamu_booking_object_get_booking (self->item);
  active = tamu_booking_is_active (booking);
  /* Only a booking still waiting for its guests can be checked in, missed or cancelled. */
  open = booking->status == TAMU_STATUS_REQUESTED || booking->status == TAMU_STATUS_CONFIRMED;

  if (self->show_date)
    {
      g_autofree char *date = tamu_gui_format_date_short (&booking->date);

      gtk_label_set_label (self->date_label, date);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->date_label), self->show_date);

  time_text = tamu_gui_format_booking_time (booking);
  local = tamu_gui_dup_local_time (booking);
  if (local != NULL)
    {
      g_autofree char *start = g_strndup (time_text, 5);

      gtk_label_set_label (self->time_label, start);
      gtk_label_set_label (self->local_time_label, time_text + 6);
    }
  else
    {
      char *dash = strstr (time_text, "–");

      /* "10:00–11:00 WIB": the start stands out, the rest below it. */
      if (dash != NULL && booking->start != TAMU_TIME_UNKNOWN)
        {
          g_autofree char *start = g_strndup (time_text, dash - time_text);

          gtk_label_set_label (self->time_label, start);
          gtk_label_set_label (self->local_time_label, time_text);
        }
      else
        {
          gtk_label_set_label (self->time_label, time_text);
          gtk_label_set_label (self->local_time_label, "");
        }
    }

  gtk_label_set_label (self->daerah_label,
                       booking->daerah != NULL ? booking->daerah : _("Unknown daerah"));
  gtk_label_set_label (self->type_label, tamu_booking_type_to_label (booking->type));

  topics = tamu_booking_dup_topics_text (booking);
  if (booking->instansi != NULL && *booking->instansi)
    {
      g_autofree char *text = g_strdup_printf ("%s · %s", topics, booking->instansi);

      gtk_label_set_label (self->topics_label, text);
    }
  else
    gtk_label_set_label (self->topics_label, topics);

  guests = tamu_gui_format_guests (booking);
  if (tamu_booking_is_over_limit (booking))
    {
      /* Translators: appended to "9/5 guests" when more came than the limit allows. */
      g_autofree char *text = g_strdup_printf (_("%s — over the limit"), guests);

      gtk_label_set_label (self->guests_label, text);
      gtk_widget_add_css_class (GTK_WIDGET (self->guests_label), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->guests_label), booking->override_reason);
    }
  else
    {
      gtk_label_set_label (self->guests_label, guests);
      gtk_widget_remove_css_class (GTK_WIDGET (self->guests_label), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->guests_label), NULL);
    }

  gtk_label_set_label (self->place_label, tamu_gui_booking_place (booking));

  if (booking->status == TAMU_STATUS_CANCELLED && booking->cancel_reason != NULL)
    pic = g_strdup_printf (_("Reason: %s"), booking->cancel_reason);
  else if (booking->pic != NULL && *booking->pic)
    pic = g_strdup_printf (_("PIC: %s"), booking->pic);
  gtk_label_set_label (self->pic_label, pic != NULL ? pic : "");

  gtk_label_set_label (self->status_label, tamu_booking_status_to_label (booking->status));
  set_status_class (self, booking->status);

  if (active)
    gtk_widget_remove_css_class (self->box, "inactive");
  else
    gtk_widget_add_css_class (self->box, "inactive");

  gtk_widget_set_visible (self->check_in_button, open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.check-in", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.no-show", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.cancel", open);
  /* A confirmation is for guests still to come. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.copy-confirmation", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.email-confirmation", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.copy-link",
                                 booking->link != NULL && *booking->link);
}

void
tamu_booking_row_set_item (TamuBookingRow    *self,
                           TamuBookingObject *item)
{
  g_return_if_fail (TAMU_IS_BOOKING_ROW (self));

  if (g_set_object (&self->item, item))
    {
      update (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
    }
}

static TamuWindow *
get_window (TamuBookingRow *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return TAMU_IS_WINDOW (root) ? TAMU_WINDOW (root) : NULL;
}

static void
row_action_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TamuBookingRow *self = TAMU_BOOKING_ROW (widget);
  TamuWindow *window = get_window (self);
  TamuBooking *booking;

  if (window == NULL || self->item == NULL)
    return;

  booking = tamu_booking_object_get_booking (self->item);

  if (g_str_equal (action_name, "row.check-in"))
    tamu_window_check_in_booking (window, booking);
  else if (g_str_equal (action_name, "row.no-show"))
    tamu_window_no_show_booking (window, booking);
  else if (g_str_equal (action_name, "row.cancel"))
    tamu_window_cancel_booking (window, booking);
  else if (g_str_equal (action_name, "row.copy-link"))
    tamu_window_copy_booking_link (window, booking);
  else if (g_str_equal (action_name, "row.edit"))
    tamu_window_edit_booking (window, booking);
  else if (g_str_equal (action_name, "row.add-to-outlook"))
    tamu_window_add_to_outlook (window, booking);
  else if (g_str_equal (action_name, "row.copy-confirmation"))
    tamu_gui_copy_confirmation (window, widget, booking);
  else if (g_str_equal (action_name, "row.email-confirmation"))
    tamu_gui_email_confirmation (window, widget, booking);
  else
    g_assert_not_reached ();
}

static void
tamu_booking_row_dispose (GObject *object)
{
  TamuBookingRow *self = TAMU_BOOKING_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TAMU_TYPE_BOOKING_ROW);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (tamu_booking_row_parent_class)->dispose (object);
}

static void
tamu_booking_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  TamuBookingRow *self = TAMU_BOOKING_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;

    case PROP_SHOW_DATE:
      g_value_set_boolean (value, self->show_date);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tamu_booking_row_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  TamuBookingRow *self = TAMU_BOOKING_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      tamu_booking_row_set_item (self, g_value_get_object (value));
      break;

    case PROP_SHOW_DATE:
      self->show_date = g_value_get_boolean (value);
      update (self);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tamu_booking_row_class_init (TamuBookingRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tamu_booking_row_dispose;
  object_class->get_property = tamu_booking_row_get_property;
  object_class->set_property = tamu_booking_row_set_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL,
                         TAMU_TYPE_BOOKING_OBJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_DATE] =
    g_param_spec_boolean ("show-date", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/id/go/kemenkeu/djpk/Tamu/ui/tamu-booking-row.ui");
  gtk_widget_class_bind_template_child (widget_class, TamuBookingRow, box);
  gtk_widget_class_bind_template_child (widget_class, TamuBookingRow, date_label);
  gtk_widget_class_bind_template_child (widget_class, TamuBookingRow, time_label);
  gtk_widget_class_bind_template_child (widget_class, TamuBookingRow, local_time_label);
  gtk_widget_class_bind_template_child (widget_class, TamuBookingRow, daerah_label);
  gtk_widget_class_bind_template_child (widget_class, TamuBookingRow, type_label);
  gtk_widget_class_bind_template_child (widget_class, TamuBookingRow, topics_label);
  gtk_widget_class_bind_template_child (widget_class, TamuBookingRow, guests_label);
  gtk_widget_class_bind_template_child (widget_class, TamuBookingRow, place_label);
  gtk_widget_class_bind_template_child (widget_class, TamuBookingRow, pic_label);
  gtk_widget_class_bind_template_child (widget_class, TamuBookingRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, TamuBookingRow, check_in_button);

  gtk_widget_class_install_action (widget_class, "row.check-in", NULL, row_action_cb);
  gtk_widget_class_install_action (widget_class, "row.no-show", NULL, row_action_cb);
  gtk_widget_class_install_action (widget_class, "row.cancel", NULL, row_action_cb);
  gtk_widget_class_install_action (widget_class, "row.copy-link", NULL, row_action_cb);
  gtk_widget_class_install_action (widget_class, "row.edit", NULL, row_action_cb);
  gtk_widget_class_install_action (widget_class, "row.add-to-outlook", NULL, row_action_cb);
  gtk_widget_class_install_action (widget_class, "row.copy-confirmation", NULL, row_action_cb);
  gtk_widget_class_install_action (widget_class, "row.email-confirmation", NULL, row_action_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
tamu_booking_row_init (TamuBookingRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
