/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tamu-window"

#include "config.h"

#include <glib/gi18n.h>

#include "tamu-booking-editor.h"
#include "tamu-clock.h"
#include "tamu-database-page.h"
#include "tamu-field-labels.h"
#include "tamu-gui-util.h"
#include "tamu-limits.h"
#include "tamu-parse.h"
#include "tamu-rules.h"
#include "tamu-search-view.h"
#include "tamu-window-private.h"
#include "tamu-window-ical.h"

#if __has_include("tamu-preferences-window.h")
# include "tamu-preferences-window.h"
# define HAVE_PREFERENCES_WINDOW 1
#endif
#if __has_include("tamu-demo.h")
# include "tamu-demo.h"
# define HAVE_DEMO 1
#endif

/* ---- window actions ------------------------------------------------ */

static void
new_booking_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  tamu_window_edit_booking (TAMU_WINDOW (widget), NULL);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TamuWindow *self = TAMU_WINDOW (widget);

  tamu_window_show_view (self, "search");
  if (self->search_view != NULL)
    tamu_search_view_focus (TAMU_SEARCH_VIEW (self->search_view));
}

static void
move_date_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TamuWindow *self = TAMU_WINDOW (widget);
  GDate date = self->date;

  if (g_str_equal (action_name, "win.today"))
    tamu_clock_today (&date);
  else if (g_str_equal (action_name, "win.previous-day"))
    g_date_subtract_days (&date, 1);
  else
    g_date_add_days (&date, 1);

  tamu_window_set_date (self, &date);
}

static void
show_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  tamu_window_show_view (TAMU_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
open_booking_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  tamu_window_open_booking_id (TAMU_WINDOW (widget), g_variant_get_int64 (parameter));
}

static void
preferences_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
#ifdef HAVE_PREFERENCES_WINDOW
  TamuWindow *self = TAMU_WINDOW (widget);
  GtkWindow *preferences = tamu_preferences_window_new (GTK_WINDOW (self), self->store);

  /* Where this desk's data lives (tamu-database-page.c). */
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (preferences),
                              ADW_PREFERENCES_PAGE (tamu_database_page_new (self)));
  tamu_gui_present_dialog (preferences);
#endif
}

/*
 * Ctrl+?: the keyboard shortcuts, built each time and destroyed on close.
 * Not GtkApplication's automatic help overlay, which stays as a hidden
 * window and crashes GTK 4.8 under AT-SPI (tamu_gui_present_dialog()).
 */
static void
shortcuts_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  g_autoptr(GtkBuilder) builder =
    gtk_builder_new_from_resource ("/id/go/kemenkeu/djpk/Tamu/ui/tamu-shortcuts-window.ui");
  GtkWindow *shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "shortcuts_window"));

  gtk_window_set_transient_for (shortcuts, GTK_WINDOW (widget));
  tamu_gui_present_dialog (shortcuts);
}

/* Ctrl+E: the shown day, week or month as an .ics file (tamu-window-ical.c). */
static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  _tamu_window_ical_export_shown_range (TAMU_WINDOW (widget));
}

void
_tamu_window_actions_update (TamuWindow *self)
{
  const char *view = adw_view_stack_get_visible_child_name (self->stack);
  gboolean dated = view == NULL || !g_str_equal (view, "search");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export",
                                 view == NULL || g_str_equal (view, "day") ||
                                 g_str_equal (view, "week") || g_str_equal (view, "month"));
#ifdef HAVE_PREFERENCES_WINDOW
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.preferences", TRUE);
#else
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.preferences", FALSE);
#endif
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.previous-day", dated);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.next-day", dated);
}

void
_tamu_window_class_actions_init (TamuWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.new-booking", NULL, new_booking_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.preferences", NULL, preferences_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, shortcuts_action);
  gtk_widget_class_install_action (widget_class, "win.previous-day", NULL, move_date_action);
  gtk_widget_class_install_action (widget_class, "win.next-day", NULL, move_date_action);
  gtk_widget_class_install_action (widget_class, "win.today", NULL, move_date_action);
  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_action);
  gtk_widget_class_install_action (widget_class, "win.open-booking", "x", open_booking_action);
}

/* ---- booking actions ----------------------------------------------- */

void
tamu_window_edit_booking (TamuWindow  *self,
                          TamuBooking *booking)
{
  GtkWindow *editor;

  g_return_if_fail (TAMU_IS_WINDOW (self));

  editor = tamu_booking_editor_new (self, booking, &self->date);
  tamu_gui_present_dialog (editor);
}

void
tamu_window_open_booking_id (TamuWindow *self,
                             gint64      id)
{
  g_autoptr(TamuBooking) booking = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (TAMU_IS_WINDOW (self));

  booking = tamu_store_get_booking (self->store, id, &error);
  if (booking == NULL)
    {
      tamu_window_show_error (self, _("Cannot Open the Booking"), error);
      return;
    }

  tamu_window_set_date (self, &booking->date);
  tamu_window_edit_booking (self, booking);
}

/* Toasts the warnings a write returned (a breach of the limit at check-in). */
static void
toast_warnings (TamuWindow *self,
                GPtrArray  *warnings)
{
  for (guint i = 0; i < warnings->len; i++)
    {
      TamuWarning *warning = g_ptr_array_index (warnings, i);

      tamu_window_toast (self, warning->message);
    }
}

static char *
describe_booking (TamuBooking *booking)
{
  g_autofree char *date = tamu_format_date_long_indonesian (&booking->date);
  g_autofree char *start = booking->start != TAMU_TIME_UNKNOWN ? tamu_format_time (booking->start) : NULL;

  return g_strdup_printf ("%s · %s%s%s", booking->daerah != NULL ? booking->daerah : "—",
                          date, start != NULL ? " " : "", start != NULL ? start : "");
}

typedef struct
{
  TamuWindow  *window;
  TamuBooking *booking;
  GtkWidget   *spin;
  GtkWidget   *breach_label;
  GtkWidget   *entry;
} DialogData;

static void
dialog_data_free (gpointer  user_data,
                  GClosure *closure)
{
  DialogData *data = user_data;

  g_clear_object (&data->window);
  g_clear_pointer (&data->booking, tamu_booking_unref);
  g_free (data);
}

static void
check_in_value_changed_cb (GtkSpinButton *spin,
                           DialogData    *data)
{
  int guests = gtk_spin_button_get_value_as_int (spin);
  int limit = data->booking->guest_limit;

  if (data->booking->type == TAMU_BOOKING_TATAP_MUKA && limit > 0 && guests > limit)
    {
      g_autofree char *text =
        g_strdup_printf (ngettext ("guest-limit: %d guests is over the limit of %d guest: the check-in will be recorded as a breach.",
                                   "guest-limit: %d guests is over the limit of %d guests: the check-in will be recorded as a breach.",
                                   limit),
                         guests, limit);
      g_autofree char *shown = tamu_gui_format_message (text);

      gtk_label_set_label (GTK_LABEL (data->breach_label), shown);
      gtk_widget_set_visible (data->breach_label, TRUE);
    }
  else
    gtk_widget_set_visible (data->breach_label, FALSE);
}

static void
check_in_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      DialogData       *data)
{
  g_autoptr(GPtrArray) warnings = tamu_warnings_new ();
  g_autoptr(TamuBooking) done = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "check-in"))
    return;

  done = tamu_store_check_in (data->window->store, data->booking->id,
                              gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (data->spin)),
                              warnings, &error);
  if (done == NULL)
    {
      tamu_window_show_error (data->window, _("Check-In Refused"), error);
      return;
    }

  toast_warnings (data->window, warnings);
  tamu_window_refresh (data->window);
}

void
tamu_window_check_in_booking (TamuWindow  *self,
                              TamuBooking *booking)
{
  GtkWidget *dialog, *box, *row, *label;
  g_autofree char *body = NULL;
  DialogData *data;

  g_return_if_fail (TAMU_IS_WINDOW (self));
  g_return_if_fail (booking != NULL);

  body = describe_booking (booking);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Check In Guests"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "check-in", _("C_heck In"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "check-in",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "check-in");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  data = g_new0 (DialogData, 1);
  data->window = g_object_ref (self);
  data->booking = tamu_booking_ref (booking);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  label = gtk_label_new_with_mnemonic (_("_Guests who came"));
  gtk_widget_set_hexpand (label, TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  data->spin = gtk_spin_button_new_with_range (0, TAMU_MAX_GUESTS, 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (data->spin),
                             booking->guests > 0 ? booking->guests : 1);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), data->spin);
  gtk_box_append (GTK_BOX (row), label);
  gtk_box_append (GTK_BOX (row), data->spin);
  gtk_box_append (GTK_BOX (box), row);

  data->breach_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (data->breach_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (data->breach_label), 0);
  gtk_widget_add_css_class (data->breach_label, "error");
  gtk_widget_set_visible (data->breach_label, FALSE);
  gtk_box_append (GTK_BOX (box), data->breach_label);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  g_signal_connect (data->spin, "value-changed", G_CALLBACK (check_in_value_changed_cb), data);
  check_in_value_changed_cb (GTK_SPIN_BUTTON (data->spin), data);
  g_signal_connect_data (dialog, "response", G_CALLBACK (check_in_response_cb), data,
                         dialog_data_free, 0);

  tamu_gui_present_dialog (GTK_WINDOW (dialog));
}

static void
cancel_reason_changed_cb (GtkEditable      *entry,
                          AdwMessageDialog *dialog)
{
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "cancel-booking", *reason != '\0');
}

static void
cancel_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    DialogData       *data)
{
  g_autofree char *reason = NULL;
  g_autoptr(TamuBooking) cancelled = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "cancel-booking"))
    return;

  reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (data->entry))));
  cancelled = tamu_store_cancel_booking (data->window->store, data->booking->id, reason, &error);
  if (cancelled == NULL)
    {
      tamu_window_show_error (data->window, _("Cancellation Refused"), error);
      return;
    }

  tamu_window_toast (data->window, _("Booking cancelled"));
  tamu_window_refresh (data->window);
}

void
tamu_window_cancel_booking (TamuWindow  *self,
                            TamuBooking *booking)
{
  GtkWidget *dialog;
  g_autofree char *body = NULL;
  DialogData *data;

  g_return_if_fail (TAMU_IS_WINDOW (self));
  g_return_if_fail (booking != NULL);

  body = describe_booking (booking);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Cancel the Booking?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Booking"),
                                    "cancel-booking", _("Cancel _Booking"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "cancel-booking",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "cancel-booking", FALSE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");

  data = g_new0 (DialogData, 1);
  data->window = g_object_ref (self);
  data->booking = tamu_booking_ref (booking);
  data->entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (data->entry), _("Reason (required)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (data->entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Cancellation reason"),
                                  -1);
  g_signal_connect (data->entry, "changed", G_CALLBACK (cancel_reason_changed_cb), dialog);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), data->entry);

  g_signal_connect_data (dialog, "response", G_CALLBACK (cancel_response_cb), data,
                         dialog_data_free, 0);

  tamu_gui_present_dialog (GTK_WINDOW (dialog));
}

void
tamu_window_no_show_booking (TamuWindow  *self,
                             TamuBooking *booking)
{
  g_autoptr(TamuBooking) done = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (TAMU_IS_WINDOW (self));

  done = tamu_store_mark_no_show (self->store, booking->id, &error);
  if (done == NULL)
    {
      tamu_window_show_error (self, _("Cannot Mark as No-Show"), error);
      return;
    }

  tamu_window_toast (self, _("Marked as no-show"));
  tamu_window_refresh (self);
}

void
tamu_window_confirm_booking (TamuWindow  *self,
                             TamuBooking *booking)
{
  g_autoptr(TamuBooking) done = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (TAMU_IS_WINDOW (self));

  done = tamu_store_confirm_booking (self->store, booking->id, &error);
  if (done == NULL)
    {
      tamu_window_show_error (self, _("Cannot Confirm the Booking"), error);
      return;
    }

  tamu_window_refresh (self);
}

void
tamu_window_copy_booking_link (TamuWindow  *self,
                               TamuBooking *booking)
{
  g_return_if_fail (TAMU_IS_WINDOW (self));

  if (booking->link == NULL || *booking->link == '\0')
    return;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), booking->link);
  tamu_window_toast (self, _("Meeting link copied"));
}

/* ---- first run ------------------------------------------------------ */

#ifdef HAVE_DEMO
static void
demo_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  TamuWindow       *self)
{
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "load"))
    return;

  if (!tamu_demo_load (self->store, &error))
    {
      tamu_window_show_error (self, _("Cannot Load the Demo Month"), error);
      return;
    }

  /* Show the demo month unless a date in it was asked for. */
  if (g_date_get_year (&self->date) != 2024 || g_date_get_month (&self->date) != G_DATE_MARCH)
    {
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, 1, G_DATE_MARCH, 2024);
      tamu_window_set_date (self, &date);
      tamu_window_show_view (self, "month");
    }
  tamu_window_refresh (self);
}
#endif

void
_tamu_window_offer_demo (TamuWindow *self)
{
#ifdef HAVE_DEMO
  GtkWidget *dialog;

  if (!tamu_demo_store_is_empty (self->store))
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Load the Demo Month?"),
                                   _("The database is empty. Tamu can load the visits and video conferences of March 2024 from the contact center's report, so you can try every view on a real month."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "skip", _("_Start Empty"),
                                    "load", _("_Load Demo"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "load",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "load");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "skip");
  g_signal_connect_object (dialog, "response", G_CALLBACK (demo_response_cb), self, 0);
  tamu_gui_present_dialog (GTK_WINDOW (dialog));
#endif
}
