/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tamu-ppid-page"

#include "config.h"

#include "tamu-ppid-page.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tamu-clock.h"
#include "tamu-gui-util.h"
#include "tamu-parse.h"
#include "tamu-ppid-editor.h"
#include "tamu-ppid-recap.h"
#include "tamu-store-ppid.h"

/*
 * One line of the register for the list model: the request and the texts
 * computed on the calendar when the list was loaded.
 */
#define TAMU_TYPE_PPID_ITEM (tamu_ppid_item_get_type ())
G_DECLARE_FINAL_TYPE (TamuPpidItem, tamu_ppid_item, TAMU, PPID_ITEM, GObject)

struct _TamuPpidItem
{
  GObject          parent_instance;
  TamuPpidRequest *request;
  char            *number;
  char            *received;
  char            *due;
  char            *badge;
  const char      *badge_class; /* a .booking-status colour */
};

G_DEFINE_FINAL_TYPE (TamuPpidItem, tamu_ppid_item, G_TYPE_OBJECT)

static void
tamu_ppid_item_finalize (GObject *object)
{
  TamuPpidItem *self = TAMU_PPID_ITEM (object);

  g_clear_pointer (&self->request, tamu_ppid_request_unref);
  g_clear_pointer (&self->number, g_free);
  g_clear_pointer (&self->received, g_free);
  g_clear_pointer (&self->due, g_free);
  g_clear_pointer (&self->badge, g_free);

  G_OBJECT_CLASS (tamu_ppid_item_parent_class)->finalize (object);
}

static void
tamu_ppid_item_class_init (TamuPpidItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tamu_ppid_item_finalize;
}

static void
tamu_ppid_item_init (TamuPpidItem *self)
{
}

static TamuPpidItem *
tamu_ppid_item_new (TamuPpidRequest *request,
                    TamuCalendar    *calendar,
                    const GDate     *today)
{
  TamuPpidItem *self = g_object_new (TAMU_TYPE_PPID_ITEM, NULL);
  GDate due;
  int days_left;

  self->request = tamu_ppid_request_ref (request);
  self->number = tamu_ppid_request_dup_number (request);
  self->received = tamu_gui_format_date_short (&request->received);
  if (!tamu_ppid_request_get_pending_deadline (request, calendar, &due))
    tamu_ppid_request_get_due (request, calendar, &due);
  /* Translators: the due date in the PPID register, "due 19 Mar" */
  {
    g_autofree char *short_due = tamu_gui_format_date_short (&due);

    self->due = g_strdup_printf (_("due %s"), short_due);
  }

  if (tamu_ppid_request_get_days_left (request, calendar, today, &days_left))
    {
      if (days_left < 0)
        {
          self->badge = g_strdup_printf (ngettext ("%d day late", "%d days late", -days_left), -days_left);
          self->badge_class = "cancelled";
        }
      else if (days_left == 0)
        {
          self->badge = g_strdup (_("Due today"));
          self->badge_class = "requested";
        }
      else
        {
          /* Working days: the law counts them, so the badge does too. */
          self->badge = g_strdup_printf (ngettext ("%d day left", "%d days left", days_left), days_left);
          self->badge_class = days_left <= 2 ? "requested" : "confirmed";
        }
    }
  else if (request->status == TAMU_PPID_ANSWERED)
    {
      self->badge = g_strdup (tamu_ppid_decision_to_label (request->decision));
      self->badge_class = request->decision == TAMU_PPID_DECISION_REFUSED ? "cancelled" : "done";
    }
  else
    {
      self->badge = g_strdup (tamu_ppid_status_to_label (request->status));
      self->badge_class = "done";
    }
  return self;
}

/* ---- the page ------------------------------------------------------ */

struct _TamuPpidPage
{
  GtkWidget    parent_instance;

  GtkWidget   *search_entry;
  GtkWidget   *state_filter;
  GtkWidget   *decision_filter;
  GtkWidget   *month_filter;
  GtkWidget   *year_spin;
  GtkWidget   *count_label;
  GtkWidget   *stack;
  GtkWidget   *list_view;
  GtkWidget   *status_page;

  GListStore  *model;
  TamuWindow  *window; /* unowned: the window owns the page */
};

G_DEFINE_FINAL_TYPE (TamuPpidPage, tamu_ppid_page, GTK_TYPE_WIDGET)

enum
{
  STATE_ALL,
  STATE_OPEN,
  STATE_OVERDUE,
};

void
tamu_ppid_page_reload (TamuPpidPage *self)
{
  TamuStore *store;
  g_autoptr(TamuCalendar) calendar = NULL;
  g_autoptr(GPtrArray) requests = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;
  g_autofree char *text = NULL;
  TamuPpidFilter filter;
  guint state, decision, month;
  int year;
  GDate today;

  g_return_if_fail (TAMU_IS_PPID_PAGE (self));

  if (self->window == NULL)
    return;
  store = tamu_window_get_store (self->window);

  tamu_ppid_filter_init (&filter);
  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
  filter.text = text;
  state = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->state_filter));
  filter.open_only = state == STATE_OPEN;
  filter.overdue_only = state == STATE_OVERDUE;
  decision = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->decision_filter));
  /* The list's order is that of TamuPpidDecision: any, granted, partial, refused. */
  filter.decision = decision > 0 && decision != GTK_INVALID_LIST_POSITION ? (int) decision : -1;
  month = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->month_filter));
  year = gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->year_spin));
  if (month >= 1 && month <= 12)
    {
      g_date_set_dmy (&filter.from, 1, month, year);
      g_date_set_dmy (&filter.to, g_date_get_days_in_month (month, year), month, year);
    }
  else
    {
      g_date_set_dmy (&filter.from, 1, 1, year);
      g_date_set_dmy (&filter.to, 31, 12, year);
    }

  calendar = tamu_store_load_calendar (store, &error);
  if (calendar != NULL)
    requests = tamu_store_list_ppid (store, &filter, &error);
  if (requests == NULL)
    {
      tamu_window_toast (self->window, error->message);
      return;
    }

  tamu_clock_today (&today);
  g_list_store_remove_all (self->model);
  /* Newest first: the desk works on what came in last. */
  for (guint i = requests->len; i > 0; i--)
    {
      g_autoptr(TamuPpidItem) item = tamu_ppid_item_new (g_ptr_array_index (requests, i - 1),
                                                         calendar, &today);

      g_list_store_append (self->model, item);
    }

  count = g_strdup_printf (ngettext ("%u request", "%u requests", requests->len), requests->len);
  gtk_label_set_label (GTK_LABEL (self->count_label), count);
  if (requests->len == 0)
    {
      adw_status_page_set_description (ADW_STATUS_PAGE (self->status_page),
                                       _("No request of the register matches the filters."));
      gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "empty");
    }
  else
    gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "list");
}

static void
open_editor (TamuPpidPage    *self,
             TamuPpidRequest *request)
{
  GtkWindow *editor = tamu_ppid_editor_new (self->window, request);

  tamu_gui_present_dialog (editor);
}

void
tamu_ppid_page_open_request (TamuPpidPage *self,
                             gint64        id)
{
  g_autoptr(TamuPpidRequest) request = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (TAMU_IS_PPID_PAGE (self));

  request = tamu_store_get_ppid (tamu_window_get_store (self->window), id, &error);
  if (request == NULL)
    {
      tamu_window_show_error (self->window, _("Cannot Open the Request"), error);
      return;
    }
  open_editor (self, request);
}

static void
row_activated_cb (TamuPpidPage *self,
                  guint         position)
{
  g_autoptr(TamuPpidItem) item = g_list_model_get_item (G_LIST_MODEL (self->model), position);

  if (item != NULL)
    open_editor (self, item->request);
}

static void
new_clicked_cb (TamuPpidPage *self)
{
  open_editor (self, NULL);
}

static void
save_recap_cb (GtkNativeDialog *chooser,
               int              response,
               gpointer         user_data)
{
  g_autoptr(TamuPpidPage) self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(TamuPpidRecap) recap = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  int year;

  if (response != GTK_RESPONSE_ACCEPT)
    goto out;
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  year = gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->year_spin));
  recap = tamu_ppid_recap_load (tamu_window_get_store (self->window), year, &error);
  if (recap != NULL)
    {
      csv = tamu_ppid_recap_to_csv (recap);
      if (g_file_replace_contents (file, csv, strlen (csv), NULL, FALSE,
                                   G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                                   NULL, NULL, &error))
        tamu_window_toast (self->window, _("Recap saved"));
    }
  if (error != NULL)
    tamu_window_show_error (self->window, _("Cannot Save the Recap"), error);
out:
  g_object_unref (chooser);
}

static void
recap_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   TamuPpidPage     *self)
{
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  if (!g_str_equal (response, "export"))
    return;

  chooser = gtk_file_chooser_native_new (_("Export Recap"), GTK_WINDOW (self->window),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  name = g_strdup_printf ("rekap-ppid-%d.csv",
                          gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->year_spin)));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (save_recap_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
recap_clicked_cb (TamuPpidPage *self)
{
  g_autoptr(TamuPpidRecap) recap = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *heading = NULL;
  GtkWidget *dialog, *label, *scrolled;
  int year = gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->year_spin));

  recap = tamu_ppid_recap_load (tamu_window_get_store (self->window), year, &error);
  if (recap == NULL)
    {
      tamu_window_show_error (self->window, _("Cannot Build the Recap"), error);
      return;
    }
  text = tamu_ppid_recap_to_text (recap);
  /* The table's first line is its title: the dialog shows it as heading. */
  {
    char *newline = strchr (text, '\n');

    heading = g_strndup (text, newline != NULL ? (gsize) (newline - text) : strlen (text));
  }

  dialog = adw_message_dialog_new (GTK_WINDOW (self->window), heading, NULL);
  label = gtk_label_new (strchr (text, '\n') != NULL ? strchr (text, '\n') + 1 : "");
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "monospace");
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, heading, -1);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), label);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "close", _("_Close"),
                                    "export", _("_Export CSV…"),
                                    NULL);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_set_default_size (GTK_WINDOW (dialog), 900, -1);
  g_signal_connect_object (dialog, "response", G_CALLBACK (recap_response_cb), self, 0);
  tamu_gui_present_dialog (GTK_WINDOW (dialog));
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          gpointer                  user_data)
{
  GtkWidget *row, *left, *middle, *number, *received, *name, *info, *due, *badge;

  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_add_css_class (row, "booking-row");

  left = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  number = gtk_label_new (NULL);
  gtk_widget_add_css_class (number, "heading");
  gtk_label_set_xalign (GTK_LABEL (number), 0);
  received = gtk_label_new (NULL);
  gtk_widget_add_css_class (received, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (received), 0);
  gtk_box_append (GTK_BOX (left), number);
  gtk_box_append (GTK_BOX (left), received);
  gtk_box_append (GTK_BOX (row), left);

  middle = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_hexpand (middle, TRUE);
  name = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  info = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (info), 0);
  gtk_label_set_ellipsize (GTK_LABEL (info), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (info, "dim-label");
  gtk_box_append (GTK_BOX (middle), name);
  gtk_box_append (GTK_BOX (middle), info);
  gtk_box_append (GTK_BOX (row), middle);

  due = gtk_label_new (NULL);
  gtk_box_append (GTK_BOX (row), due);
  badge = gtk_label_new (NULL);
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (row), badge);

  g_object_set_data (G_OBJECT (row), "number", number);
  g_object_set_data (G_OBJECT (row), "received", received);
  g_object_set_data (G_OBJECT (row), "name", name);
  g_object_set_data (G_OBJECT (row), "info", info);
  g_object_set_data (G_OBJECT (row), "due", due);
  g_object_set_data (G_OBJECT (row), "badge", badge);
  gtk_list_item_set_child (list_item, row);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         gpointer                  user_data)
{
  GtkWidget *row = gtk_list_item_get_child (list_item);
  TamuPpidItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *badge = g_object_get_data (G_OBJECT (row), "badge");
  const char *classes[] = { "booking-status", item->badge_class, NULL };

  gtk_label_set_label (g_object_get_data (G_OBJECT (row), "number"), item->number);
  gtk_label_set_label (g_object_get_data (G_OBJECT (row), "received"), item->received);
  gtk_label_set_label (g_object_get_data (G_OBJECT (row), "name"), item->request->name);
  gtk_label_set_label (g_object_get_data (G_OBJECT (row), "info"), item->request->information);
  gtk_label_set_label (g_object_get_data (G_OBJECT (row), "due"), item->due);
  gtk_label_set_label (GTK_LABEL (badge), item->badge);
  gtk_widget_set_css_classes (badge, classes);
}

GtkWidget *
tamu_ppid_page_new (TamuWindow *window)
{
  TamuPpidPage *self;
  GDate today;

  g_return_val_if_fail (TAMU_IS_WINDOW (window), NULL);

  self = g_object_new (TAMU_TYPE_PPID_PAGE, NULL);
  self->window = window;

  tamu_clock_today (&today);
  g_signal_handlers_block_by_func (self->year_spin, tamu_ppid_page_reload, self);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->year_spin), g_date_get_year (&today));
  g_signal_handlers_unblock_by_func (self->year_spin, tamu_ppid_page_reload, self);

  g_signal_connect_object (window, "refresh", G_CALLBACK (tamu_ppid_page_reload), self,
                           G_CONNECT_SWAPPED);
  tamu_ppid_page_reload (self);
  return GTK_WIDGET (self);
}

static void
tamu_ppid_page_dispose (GObject *object)
{
  TamuPpidPage *self = TAMU_PPID_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TAMU_TYPE_PPID_PAGE);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (tamu_ppid_page_parent_class)->dispose (object);
}

static void
tamu_ppid_page_class_init (TamuPpidPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tamu_ppid_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/id/go/kemenkeu/djpk/Tamu/ui/tamu-ppid-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TamuPpidPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TamuPpidPage, state_filter);
  gtk_widget_class_bind_template_child (widget_class, TamuPpidPage, decision_filter);
  gtk_widget_class_bind_template_child (widget_class, TamuPpidPage, month_filter);
  gtk_widget_class_bind_template_child (widget_class, TamuPpidPage, year_spin);
  gtk_widget_class_bind_template_child (widget_class, TamuPpidPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, TamuPpidPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TamuPpidPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, TamuPpidPage, status_page);
  gtk_widget_class_bind_template_callback (widget_class, tamu_ppid_page_reload);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, new_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, recap_clicked_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
tamu_ppid_page_init (TamuPpidPage *self)
{
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->model = g_list_store_new (TAMU_TYPE_PPID_ITEM);
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), NULL);
  gtk_list_view_set_factory (GTK_LIST_VIEW (self->list_view), factory);
  g_object_unref (factory);
  gtk_list_view_set_model (GTK_LIST_VIEW (self->list_view),
                           GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->model)))));
  tamu_gui_name_internal_buttons (self->state_filter, _("Which requests"));
  tamu_gui_name_internal_buttons (self->decision_filter, _("Decision"));
  tamu_gui_name_internal_buttons (self->month_filter, _("Month of receipt"));
}
