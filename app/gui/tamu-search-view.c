/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tamu-search-view"

#include "config.h"

#include "tamu-search-view.h"

#include <glib/gi18n.h>

#include "tamu-booking-object.h"
#include "tamu-booking-row.h"

struct _TamuSearchView
{
  GtkWidget      parent_instance;

  GtkWidget     *entry;
  GtkWidget     *stack;
  GtkWidget     *list_view;
  GtkWidget     *status_page;
  GtkWidget     *count_label;
  GListStore    *model;

  TamuWindow    *window; /* unowned */
};

G_DEFINE_FINAL_TYPE (TamuSearchView, tamu_search_view, GTK_TYPE_WIDGET)

void
tamu_search_view_focus (TamuSearchView *self)
{
  g_return_if_fail (TAMU_IS_SEARCH_VIEW (self));

  gtk_widget_grab_focus (self->entry);
  gtk_editable_select_region (GTK_EDITABLE (self->entry), 0, -1);
}

static void
run_search (TamuSearchView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  g_autoptr(GPtrArray) bookings = NULL;
  g_autoptr(GListStore) model = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;
  TamuBookingFilter filter;
  guint n;

  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));

  if (*stripped == '\0')
    {
      g_list_store_remove_all (self->model);
      adw_status_page_set_title (ADW_STATUS_PAGE (self->status_page), _("Search Bookings"));
      adw_status_page_set_description (ADW_STATUS_PAGE (self->status_page),
                                       _("Type a daerah, contact, ticket number, topic or words from the notes."));
      gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "empty");
      gtk_label_set_label (GTK_LABEL (self->count_label), "");
      return;
    }

  tamu_booking_filter_init (&filter);
  filter.text = stripped;
  bookings = tamu_store_list_bookings (tamu_window_get_store (self->window), &filter, &error);
  if (bookings == NULL)
    {
      tamu_window_toast (self->window, error->message);
      return;
    }

  /* Newest first: what the front desk looks for is usually upcoming. */
  for (guint i = 0; i < bookings->len / 2; i++)
    {
      gpointer tmp = bookings->pdata[i];

      bookings->pdata[i] = bookings->pdata[bookings->len - 1 - i];
      bookings->pdata[bookings->len - 1 - i] = tmp;
    }

  model = tamu_booking_object_store_new (bookings);
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_list_store_remove_all (self->model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (model), i);

      g_list_store_append (self->model, item);
    }

  count = g_strdup_printf (ngettext ("%u booking found", "%u bookings found", n), n);
  gtk_label_set_label (GTK_LABEL (self->count_label), count);

  if (n == 0)
    {
      adw_status_page_set_title (ADW_STATUS_PAGE (self->status_page), _("No Results"));
      adw_status_page_set_description (ADW_STATUS_PAGE (self->status_page),
                                       _("No booking matches what you typed."));
      gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "empty");
    }
  else
    gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "list");
}

static void
activate_cb (GtkListView    *list_view,
             guint           position,
             TamuSearchView *self)
{
  g_autoptr(TamuBookingObject) item = g_list_model_get_item (G_LIST_MODEL (self->model), position);

  if (item != NULL)
    tamu_window_edit_booking (self->window, tamu_booking_object_get_booking (item));
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          gpointer                  user_data)
{
  GtkWidget *row = tamu_booking_row_new ();

  g_object_set (row, "show-date", TRUE, NULL);
  gtk_list_item_set_child (list_item, row);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         gpointer                  user_data)
{
  tamu_booking_row_set_item (TAMU_BOOKING_ROW (gtk_list_item_get_child (list_item)),
                             gtk_list_item_get_item (list_item));
}

GtkWidget *
tamu_search_view_new (TamuWindow *window)
{
  TamuSearchView *self;

  g_return_val_if_fail (TAMU_IS_WINDOW (window), NULL);

  self = g_object_new (TAMU_TYPE_SEARCH_VIEW, NULL);
  self->window = window;

  g_signal_connect_object (window, "refresh", G_CALLBACK (run_search), self, G_CONNECT_SWAPPED);
  run_search (self);

  return GTK_WIDGET (self);
}

static void
tamu_search_view_dispose (GObject *object)
{
  TamuSearchView *self = TAMU_SEARCH_VIEW (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (tamu_search_view_parent_class)->dispose (object);
}

static void
tamu_search_view_class_init (TamuSearchViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tamu_search_view_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
tamu_search_view_init (TamuSearchView *self)
{
  GtkWidget *box, *clamp, *scrolled;
  GtkListItemFactory *factory;

  self->model = g_list_store_new (TAMU_TYPE_BOOKING_OBJECT);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_parent (box, GTK_WIDGET (self));

  clamp = adw_clamp_new ();
  gtk_widget_set_margin_top (clamp, 12);
  gtk_widget_set_margin_start (clamp, 12);
  gtk_widget_set_margin_end (clamp, 12);
  gtk_box_append (GTK_BOX (box), clamp);

  self->entry = gtk_search_entry_new ();
  g_object_set (self->entry, "placeholder-text", _("Daerah, contact, ticket, topic, notes…"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search Bookings"),
                                  -1);
  g_signal_connect_swapped (self->entry, "search-changed", G_CALLBACK (run_search), self);
  adw_clamp_set_child (ADW_CLAMP (clamp), self->entry);

  self->count_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->count_label, "dim-label");
  gtk_box_append (GTK_BOX (box), self->count_label);

  self->stack = gtk_stack_new ();
  gtk_widget_set_vexpand (self->stack, TRUE);
  gtk_box_append (GTK_BOX (box), self->stack);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), NULL);
  self->list_view = gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->model)))),
                                       factory);
  gtk_widget_add_css_class (self->list_view, "separators");
  /* A result is a link to its booking: one click opens it. */
  gtk_list_view_set_single_click_activate (GTK_LIST_VIEW (self->list_view), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search Results"),
                                  -1);
  g_signal_connect (self->list_view, "activate", G_CALLBACK (activate_cb), self);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->list_view);
  gtk_stack_add_named (GTK_STACK (self->stack), scrolled, "list");

  self->status_page = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (self->status_page), "system-search-symbolic");
  gtk_stack_add_named (GTK_STACK (self->stack), self->status_page, "empty");
}
