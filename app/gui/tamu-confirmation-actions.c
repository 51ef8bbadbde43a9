/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tamu-confirmation"

#include "config.h"

#include "tamu-confirmation-actions.h"

#include <glib/gi18n.h>

#include "tamu-confirmation.h"
#include "tamu-field-labels.h"
#include "tamu-store-confirmation.h"

static TamuConfirmation *
render (TamuWindow  *window,
        TamuBooking *booking)
{
  TamuStore *store = tamu_window_get_store (window);
  g_autoptr(TamuPolicy) policy = NULL;
  g_autoptr(GError) error = NULL;
  TamuConfirmation *confirmation = NULL;

  policy = tamu_store_load_policy (store, &error);
  if (policy != NULL)
    confirmation = tamu_confirmation_render (booking, policy, NULL, &error);
  if (confirmation == NULL)
    {
      g_autofree char *message = tamu_gui_format_message (error->message);

      tamu_window_toast (window, message);
    }
  return confirmation;
}

static void
record (TamuWindow  *window,
        gint64       id,
        const char  *channel)
{
  g_autoptr(GError) error = NULL;

  if (!tamu_store_record_confirmation (tamu_window_get_store (window), id, channel, &error))
    {
      g_autofree char *message = tamu_gui_format_message (error->message);

      tamu_window_toast (window, message);
    }
}

void
tamu_gui_copy_confirmation (TamuWindow  *window,
                            GtkWidget   *parent,
                            TamuBooking *booking)
{
  g_autoptr(TamuConfirmation) confirmation = NULL;

  g_return_if_fail (TAMU_IS_WINDOW (window));
  g_return_if_fail (booking != NULL);

  confirmation = render (window, booking);
  if (confirmation == NULL)
    return;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (parent), confirmation->body);
  record (window, booking->id, "copy");
  tamu_window_toast (window, _("Confirmation copied: paste it into WhatsApp or an e-mail"));
}

typedef struct
{
  TamuWindow *window;
  gint64      id;
} EmailData;

static void
email_shown_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  EmailData *data = user_data;
  g_autoptr(GError) error = NULL;

  /* Recorded only once the desktop took the message to a mail composer. */
  if (gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error))
    {
      record (data->window, data->id, "email");
      tamu_window_toast (data->window, _("Confirmation opened in the mail app"));
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *message = g_strdup_printf (_("E-mail: no mail app could open the confirmation (%s); "
                                                    "use Copy Confirmation instead"), error->message);

      tamu_window_toast (data->window, message);
    }

  g_object_unref (data->window);
  g_free (data);
}

void
tamu_gui_email_confirmation (TamuWindow  *window,
                             GtkWidget   *parent,
                             TamuBooking *booking)
{
  g_autoptr(TamuConfirmation) confirmation = NULL;
  g_autofree char *uri = NULL;
  EmailData *data;
  GtkRoot *root;

  g_return_if_fail (TAMU_IS_WINDOW (window));
  g_return_if_fail (booking != NULL);

  confirmation = render (window, booking);
  if (confirmation == NULL)
    return;

  uri = tamu_confirmation_dup_mailto (confirmation);
  data = g_new0 (EmailData, 1);
  data->window = g_object_ref (window);
  data->id = booking->id;
  root = gtk_widget_get_root (parent);
  gtk_show_uri_full (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : GTK_WINDOW (window), uri,
                     GDK_CURRENT_TIME, NULL, email_shown_cb, data);
}
