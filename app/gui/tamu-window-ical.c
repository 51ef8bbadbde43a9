/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tamu-window"

#include "config.h"

#include <glib/gi18n.h>

#include "tamu-window-ical.h"
#include "tamu-window-private.h"

#include "tamu-desk-settings.h"
#include "tamu-error.h"
#include "tamu-gui-util.h"
#include "tamu-ical.h"
#include "tamu-parse.h"

/* ---- where the file goes ----------------------------------------------- */

typedef void (*SaveFunc) (TamuWindow *self,
                          GFile      *file,
                          gpointer    data);

typedef struct
{
  TamuWindow    *window;
  SaveFunc       func;
  gpointer       data;
  GDestroyNotify destroy;
} ChooserData;

static void
chooser_data_free (ChooserData *data)
{
  if (data->destroy != NULL)
    data->destroy (data->data);
  g_object_unref (data->window);
  g_free (data);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     ChooserData     *data)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        data->func (data->window, file, data->data);
    }
  chooser_data_free (data);
  g_object_unref (chooser);
}

static GtkFileFilter *
ics_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("iCalendar files"));
  gtk_file_filter_add_pattern (filter, "*.ics");
  gtk_file_filter_add_mime_type (filter, "text/calendar");
  return filter;
}

static void
choose_file (TamuWindow         *self,
             GtkFileChooserAction action,
             const char         *title,
             const char         *suggested_name,
             SaveFunc            func,
             gpointer            data,
             GDestroyNotify      destroy)
{
  GtkFileChooserNative *chooser;
  ChooserData *chooser_data = g_new0 (ChooserData, 1);
  g_autoptr(GtkFileFilter) filter = ics_filter ();

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action,
                                         action == GTK_FILE_CHOOSER_ACTION_SAVE ? _("_Save") : _("_Open"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (suggested_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested_name);

  chooser_data->window = g_object_ref (self);
  chooser_data->func = func;
  chooser_data->data = data;
  chooser_data->destroy = destroy;
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), chooser_data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- export ------------------------------------------------------------ */

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(TamuWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  int count;

  count = tamu_ical_export_file_finish (result, &error);
  if (count < 0)
    {
      tamu_window_show_error (self, _("Could not export"), error);
      return;
    }
  message = g_strdup_printf (ngettext ("Exported %d event for Outlook", "Exported %d events for Outlook",
                                       count),
                             count);
  tamu_window_toast (self, message);
}

static void
save_range (TamuWindow *self,
            GFile      *file,
            gpointer    data)
{
  tamu_ical_export_bookings_to_file_async (data, tamu_desk_settings_get_reminder_minutes (), file,
                                           NULL, export_done_cb, g_object_ref (self));
}

static void
shown_range (TamuWindow *self,
             GDate      *from,
             GDate      *to,
             char      **out_name)
{
  const char *view = adw_view_stack_get_visible_child_name (self->stack);
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  *from = self->date;
  *to = self->date;
  if (g_strcmp0 (view, "week") == 0)
    {
      g_date_subtract_days (from, g_date_get_weekday (&self->date) - G_DATE_MONDAY);
      *to = *from;
      g_date_add_days (to, 6);
    }
  else if (g_strcmp0 (view, "month") == 0)
    {
      g_date_set_day (from, 1);
      g_date_set_day (to, g_date_get_days_in_month (g_date_get_month (to), g_date_get_year (to)));
    }

  first = tamu_format_date_iso (from);
  last = tamu_format_date_iso (to);
  if (g_strcmp0 (view, "month") == 0)
    *out_name = g_strdup_printf ("tamu-%04d-%02d.ics", g_date_get_year (from), g_date_get_month (from));
  else if (g_date_compare (from, to) == 0)
    *out_name = g_strdup_printf ("tamu-%s.ics", first);
  else
    *out_name = g_strdup_printf ("tamu-%s-%s.ics", first, last);
}

void
_tamu_window_ical_export_shown_range (TamuWindow *self)
{
  TamuBookingFilter filter;
  g_autoptr(GPtrArray) bookings = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  g_return_if_fail (TAMU_IS_WINDOW (self));

  tamu_booking_filter_init (&filter);
  shown_range (self, &filter.from, &filter.to, &name);
  filter.include_cancelled = FALSE;
  bookings = tamu_store_list_bookings (self->store, &filter, &error);
  if (bookings == NULL)
    {
      tamu_window_show_error (self, _("Could not export"), error);
      return;
    }
  if (bookings->len == 0)
    {
      tamu_window_toast (self, _("No bookings to export in the shown days"));
      return;
    }

  choose_file (self, GTK_FILE_CHOOSER_ACTION_SAVE, _("Export for Outlook"), name,
               save_range, g_steal_pointer (&bookings), (GDestroyNotify) g_ptr_array_unref);
}

static void
save_booking (TamuWindow *self,
              GFile      *file,
              gpointer    data)
{
  g_autoptr(TamuPolicy) policy = tamu_store_load_policy (self->store, NULL);

  tamu_ical_export_booking_to_file_async (data, tamu_desk_settings_get_reminder_minutes (),
                                          policy != NULL ? policy->organizer_email : NULL, file,
                                          NULL, export_done_cb, g_object_ref (self));
}

void
tamu_window_add_to_outlook (TamuWindow  *self,
                            TamuBooking *booking)
{
  g_autofree char *date = NULL;
  g_autofree char *name = NULL;

  g_return_if_fail (TAMU_IS_WINDOW (self));
  g_return_if_fail (booking != NULL);

  date = tamu_format_date_iso (&booking->date);
  name = g_strdup_printf ("tamu-%s-%" G_GINT64_FORMAT ".ics", date, booking->id);
  choose_file (self, GTK_FILE_CHOOSER_ACTION_SAVE, _("Add to Outlook"), name,
               save_booking, tamu_booking_ref (booking), (GDestroyNotify) tamu_booking_unref);
}

static void
add_to_outlook_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  TamuWindow *self = TAMU_WINDOW (widget);
  g_autoptr(TamuBooking) booking = NULL;
  g_autoptr(GError) error = NULL;

  booking = tamu_store_get_booking (self->store, g_variant_get_int64 (parameter), &error);
  if (booking == NULL)
    {
      tamu_window_show_error (self, _("Could not export"), error);
      return;
    }
  tamu_window_add_to_outlook (self, booking);
}

/* ---- import ------------------------------------------------------------ */

typedef struct
{
  TamuWindow        *window;
  TamuIcalImportKind kind;
  GPtrArray         *items; /* TamuBooking* or TamuHoliday* */
} ImportData;

static void
import_data_free (ImportData *data)
{
  g_clear_object (&data->window);
  g_clear_pointer (&data->items, g_ptr_array_unref);
  g_free (data);
}

static gboolean
store_items (ImportData *data,
             GError    **error)
{
  TamuStore *store = data->window->store;

  if (data->kind == TAMU_ICAL_IMPORT_HOLIDAYS)
    return tamu_store_add_holidays (store, data->items, error);

  /* The invitation's UID finds the booking it is about: the same
   * invitation again changes nothing, a newer one moves it. */
  {
    TamuIcalInvitation invitation = { data->items, NULL };
    g_autoptr(GPtrArray) cancels = g_ptr_array_new ();
    g_autoptr(GPtrArray) plan = NULL;
    TamuIcalStep *first_skip = NULL;
    guint actions = 0;

    invitation.cancels = cancels;
    plan = tamu_ical_plan_invitation (store, &invitation, error);
    if (plan == NULL)
      return FALSE;
    for (guint i = 0; i < plan->len; i++)
      {
        TamuIcalStep *step = g_ptr_array_index (plan, i);

        if (step->kind != TAMU_ICAL_STEP_SKIP)
          actions++;
        else if (first_skip == NULL)
          first_skip = step;
      }
    if (actions == 0)
      {
        g_set_error_literal (error, TAMU_ERROR, TAMU_ERROR_REFUSED, first_skip->message);
        return FALSE;
      }
    return tamu_ical_apply_plan (store, plan, NULL, error);
  }
}

static void
confirm_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     ImportData       *data)
{
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "import"))
    {
      if (!store_items (data, &error))
        tamu_window_show_error (data->window, _("Could not import"), error);
      else
        {
          g_autofree char *message = NULL;

          if (data->kind == TAMU_ICAL_IMPORT_HOLIDAYS)
            message = g_strdup_printf (ngettext ("Imported %u holiday", "Imported %u holidays",
                                                 data->items->len),
                                       data->items->len);
          else
            message = g_strdup_printf (ngettext ("Imported %u video conference",
                                                 "Imported %u video conferences", data->items->len),
                                       data->items->len);
          tamu_window_toast (data->window, message);
          tamu_window_refresh (data->window);
        }
    }
  import_data_free (data);
}

static char *
describe_items (ImportData *data,
                GPtrArray  *warnings)
{
  GString *body = g_string_new (NULL);
  guint shown = MIN (data->items->len, 8);

  for (guint i = 0; i < shown; i++)
    {
      if (data->kind == TAMU_ICAL_IMPORT_HOLIDAYS)
        {
          TamuHoliday *holiday = g_ptr_array_index (data->items, i);
          g_autofree char *date = tamu_format_date_indonesian (&holiday->date);

          g_string_append_printf (body, "%s — %s\n", date, holiday->name);
        }
      else
        {
          TamuBooking *draft = g_ptr_array_index (data->items, i);
          g_autofree char *date = tamu_format_date_indonesian (&draft->date);
          g_autofree char *start = tamu_format_time (draft->start);
          g_autofree char *topics = tamu_booking_dup_topics_text (draft);

          g_string_append_printf (body, "%s %s WIB — %s — %s\n", date, start,
                                  draft->daerah != NULL ? draft->daerah : _("no region"), topics);
        }
    }
  if (data->items->len > shown)
    g_string_append_printf (body, ngettext ("… and %u more\n", "… and %u more\n",
                                            data->items->len - shown),
                            data->items->len - shown);
  for (guint i = 0; warnings != NULL && i < warnings->len; i++)
    g_string_append_printf (body, "\n%s", (const char *) g_ptr_array_index (warnings, i));

  return g_string_free (body, FALSE);
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  ImportData *data = user_data;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  data->items = tamu_ical_import_file_finish (result, &warnings, &error);
  if (data->items == NULL)
    {
      tamu_window_show_error (data->window, _("Could not import"), error);
      import_data_free (data);
      return;
    }
  if (data->items->len == 0)
    {
      tamu_window_toast (data->window, _("The file holds nothing to import"));
      import_data_free (data);
      return;
    }

  /* Nothing is stored before the person has seen what would be. */
  body = describe_items (data, warnings);
  dialog = adw_message_dialog_new (GTK_WINDOW (data->window),
                                   data->kind == TAMU_ICAL_IMPORT_HOLIDAYS
                                       ? _("Import Holidays?")
                                       : _("Import Video Conferences?"),
                                   body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "import", _("_Import"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "import",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "import");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (confirm_response_cb), data);
  tamu_gui_present_dialog (GTK_WINDOW (dialog));
}

static void
import_file (TamuWindow        *self,
             GFile             *file,
             TamuIcalImportKind kind)
{
  ImportData *data = g_new0 (ImportData, 1);
  g_autoptr(GPtrArray) topics = NULL;

  data->window = g_object_ref (self);
  data->kind = kind;
  if (kind == TAMU_ICAL_IMPORT_VIDCON)
    topics = tamu_store_load_topics (self->store, NULL);
  tamu_ical_import_file_async (file, kind, topics, NULL, import_done_cb, data);
}

static void
open_chosen (TamuWindow *self,
             GFile      *file,
             gpointer    data)
{
  import_file (self, file, GPOINTER_TO_INT (data));
}

static void
import_ics_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TamuWindow *self = TAMU_WINDOW (widget);
  gboolean holidays = g_str_equal (g_variant_get_string (parameter, NULL), "holidays");

  choose_file (self, GTK_FILE_CHOOSER_ACTION_OPEN,
               holidays ? _("Import Holidays") : _("Import Invitation"), NULL, open_chosen,
               GINT_TO_POINTER (holidays ? TAMU_ICAL_IMPORT_HOLIDAYS : TAMU_ICAL_IMPORT_VIDCON), NULL);
}

/* A dropped .ics: an invitation or a holidays file — ask which. */
static void
drop_kind_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       gpointer          user_data)
{
  g_autoptr(GFile) file = user_data;
  TamuWindow *self = TAMU_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (dialog)));

  if (g_str_equal (response, "vidcon"))
    import_file (self, file, TAMU_ICAL_IMPORT_VIDCON);
  else if (g_str_equal (response, "holidays"))
    import_file (self, file, TAMU_ICAL_IMPORT_HOLIDAYS);
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         TamuWindow    *self)
{
  GFile *file;
  g_autofree char *name = NULL;
  g_autofree char *lower = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (!G_VALUE_HOLDS (value, G_TYPE_FILE))
    return FALSE;
  file = g_value_get_object (value);
  name = g_file_get_basename (file);
  lower = name != NULL ? g_ascii_strdown (name, -1) : NULL;
  if (lower == NULL || !g_str_has_suffix (lower, ".ics"))
    {
      tamu_window_toast (self, _("Only iCalendar (.ics) files can be dropped here"));
      return FALSE;
    }

  body = g_strdup_printf (_("“%s” holds:"), name);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Import Calendar File"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "holidays", _("_Holidays"),
                                    "vidcon", _("_Video Conference Invitation"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "vidcon",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (drop_kind_response_cb), g_object_ref (file));
  tamu_gui_present_dialog (GTK_WINDOW (dialog));
  return TRUE;
}

void
_tamu_window_ical_init (TamuWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_FILE, GDK_ACTION_COPY);

  g_signal_connect_object (target, "drop", G_CALLBACK (drop_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

void
_tamu_window_ical_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.add-to-outlook", "x", add_to_outlook_action);
  gtk_widget_class_install_action (widget_class, "win.import-ics", "s", import_ics_action);
}
