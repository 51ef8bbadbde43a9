/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tamu-confirmation"

#include "config.h"

#include "tamu-confirmation-page.h"

#include <glib/gi18n.h>

#include "tamu-confirmation.h"
#include "tamu-field-labels.h"
#include "tamu-parse.h"
#include "tamu-regions.h"

typedef struct
{
  TamuStore *store;
  GtkWidget *phone_row;
  GtkWidget *template_view;
  GtkWidget *message_label;
  GtkWidget *preview_label;
} Page;

static void
page_free (Page *page)
{
  g_clear_object (&page->store);
  g_free (page);
}

static char *
dup_template (Page *page)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (page->template_view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
show_message (Page       *page,
              const char *message,
              gboolean    is_error)
{
  g_autofree char *text = message != NULL ? tamu_gui_format_message (message) : NULL;

  gtk_label_set_label (GTK_LABEL (page->message_label), text != NULL ? text : "");
  gtk_widget_set_visible (page->message_label, text != NULL);
  if (is_error)
    gtk_widget_add_css_class (page->message_label, "error");
  else
    gtk_widget_remove_css_class (page->message_label, "error");
}

/* A visit of Kota Tomohon: both zones and the guest limit show. */
static TamuBooking *
sample_booking (void)
{
  TamuBooking *booking = tamu_booking_new ();
  const TamuRegion *region = tamu_regions_match ("Kota Tomohon");

  booking->type = TAMU_BOOKING_TATAP_MUKA;
  tamu_parse_date ("date", "2024-03-20", &booking->date, NULL);
  booking->start = 10 * 60;
  booking->duration = 60;
  booking->daerah = g_strdup ("Kota Tomohon");
  booking->region_code = region != NULL ? g_strdup (region->code) : NULL;
  g_strfreev (booking->topics);
  booking->topics = g_strsplit ("DAU,DAK Non Fisik", ",", -1);
  booking->guests = 3;
  booking->room = g_strdup ("Ruang Konsultasi 1");
  booking->contact = g_strdup ("Bapak Budi");
  return booking;
}

/* The preview follows the typing while the template is valid; errors wait for Save. */
static void
update_preview (Page *page)
{
  g_autoptr(TamuPolicy) policy = tamu_store_load_policy (page->store, NULL);
  g_autoptr(TamuBooking) booking = sample_booking ();
  g_autoptr(TamuConfirmation) confirmation = NULL;
  g_autofree char *template = dup_template (page);

  if (policy == NULL)
    return;
  confirmation = tamu_confirmation_render (booking, policy, template, NULL);
  if (confirmation != NULL)
    gtk_label_set_label (GTK_LABEL (page->preview_label), confirmation->body);
}

static void
load (Page *page)
{
  g_autofree char *template = tamu_store_get_setting (page->store, "confirmation-template", NULL);
  g_autofree char *phone = tamu_store_get_setting (page->store, "contact-phone", NULL);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (page->template_view)),
                            template != NULL ? template : "", -1);
  gtk_editable_set_text (GTK_EDITABLE (page->phone_row), phone != NULL ? phone : "");
  update_preview (page);
}

static void
save_template_cb (Page *page)
{
  g_autofree char *template = dup_template (page);
  g_autoptr(GError) error = NULL;

  if (!tamu_store_set_setting (page->store, "confirmation-template", template, &error))
    {
      show_message (page, error->message, TRUE);
      return;
    }
  show_message (page, NULL, FALSE);
  gtk_label_set_label (GTK_LABEL (page->message_label), _("Template saved."));
  gtk_widget_set_visible (page->message_label, TRUE);
  update_preview (page);
}

static void
restore_default_cb (Page *page)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (page->template_view)),
                            TAMU_CONFIRMATION_DEFAULT_TEMPLATE, -1);
  save_template_cb (page);
}

static void
phone_apply_cb (Page *page)
{
  g_autofree char *phone = g_strdup (gtk_editable_get_text (GTK_EDITABLE (page->phone_row)));
  g_autoptr(GError) error = NULL;

  if (!tamu_store_set_setting (page->store, "contact-phone", phone, &error))
    {
      g_autofree char *message = tamu_gui_format_message (error->message);

      gtk_widget_add_css_class (page->phone_row, "error");
      gtk_widget_set_tooltip_text (page->phone_row, message);
      show_message (page, error->message, TRUE);
      return;
    }
  gtk_widget_remove_css_class (page->phone_row, "error");
  gtk_widget_set_tooltip_text (page->phone_row, NULL);
  show_message (page, NULL, FALSE);
  update_preview (page);
}

static char *
dup_placeholder_list (void)
{
  const char * const *names = tamu_confirmation_get_placeholders ();
  GString *text = g_string_new (NULL);

  for (guint i = 0; names[i] != NULL; i++)
    g_string_append_printf (text, "%s{%s}", i > 0 ? " " : "", names[i]);
  return g_string_free (text, FALSE);
}

GtkWidget *
tamu_confirmation_page_new (TamuStore *store)
{
  Page *page = g_new0 (Page, 1);
  GtkWidget *widget, *group, *template_group, *preview_group, *frame, *buttons, *button;
  g_autofree char *placeholders = dup_placeholder_list ();
  g_autofree char *description = NULL;

  page->store = g_object_ref (store);

  widget = adw_preferences_page_new ();
  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (widget), _("Confirmation"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (widget), "mail-send-symbolic");
  g_object_set_data_full (G_OBJECT (widget), "tamu-confirmation-page", page, (GDestroyNotify) page_free);

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Contact Center"));
  page->phone_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (page->phone_row), _("Contact center number"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (page->phone_row), TRUE);
  g_signal_connect_swapped (page->phone_row, "apply", G_CALLBACK (phone_apply_cb), page);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), page->phone_row);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (widget), ADW_PREFERENCES_GROUP (group));

  template_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (template_group), _("Confirmation Template"));
  description = g_strdup_printf (_("The message for the guests, in Indonesian. Placeholders: %s. "
                                   "A line whose placeholders are all empty is left out."), placeholders);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (template_group), description);
  page->template_view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (page->template_view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (page->template_view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (page->template_view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (page->template_view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (page->template_view), 8);
  gtk_widget_set_size_request (page->template_view, -1, 240);
  gtk_accessible_update_property (GTK_ACCESSIBLE (page->template_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Confirmation template"), -1);
  g_signal_connect_swapped (gtk_text_view_get_buffer (GTK_TEXT_VIEW (page->template_view)), "changed",
                            G_CALLBACK (update_preview), page);
  frame = gtk_frame_new (NULL);
  gtk_frame_set_child (GTK_FRAME (frame), page->template_view);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (template_group), frame);

  page->message_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (page->message_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (page->message_label), 0);
  gtk_widget_set_margin_top (page->message_label, 6);
  gtk_widget_set_visible (page->message_label, FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (template_group), page->message_label);

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_widget_set_margin_top (buttons, 6);
  button = gtk_button_new_with_mnemonic (_("_Restore Default"));
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (restore_default_cb), page);
  gtk_box_append (GTK_BOX (buttons), button);
  button = gtk_button_new_with_mnemonic (_("_Save Template"));
  gtk_widget_add_css_class (button, "suggested-action");
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (save_template_cb), page);
  gtk_box_append (GTK_BOX (buttons), button);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (template_group), buttons);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (widget), ADW_PREFERENCES_GROUP (template_group));

  preview_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (preview_group), _("Preview"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (preview_group),
                                         _("A visit of Kota Tomohon on Wednesday 20 March 2024 at 10:00 WIB."));
  page->preview_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (page->preview_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (page->preview_label), 0);
  gtk_label_set_selectable (GTK_LABEL (page->preview_label), TRUE);
  gtk_widget_add_css_class (page->preview_label, "card");
  gtk_widget_set_margin_top (page->preview_label, 6);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (preview_group), page->preview_label);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (widget), ADW_PREFERENCES_GROUP (preview_group));

  load (page);

  return widget;
}
