/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tamu-unavailable"

#include "config.h"

#include "tamu-unavailable-banner.h"

#include <glib/gi18n.h>

/* ---- the window's banner ---------------------------------------------- */

static void
banner_update (GtkRevealer *revealer,
               TamuStore   *store)
{
  gboolean unavailable = !tamu_store_get_available (store);

  /* Hidden, not just folded away: AT-SPI lists it as showing only when it is. */
  if (unavailable)
    gtk_widget_set_visible (GTK_WIDGET (revealer), TRUE);
  gtk_revealer_set_reveal_child (revealer, unavailable);
}

static void
banner_available_cb (TamuStore  *store,
                     GParamSpec *pspec,
                     GtkWidget  *revealer)
{
  banner_update (GTK_REVEALER (revealer), store);
}

static void
banner_revealed_cb (GtkRevealer *revealer)
{
  if (!gtk_revealer_get_child_revealed (revealer) && !gtk_revealer_get_reveal_child (revealer))
    gtk_widget_set_visible (GTK_WIDGET (revealer), FALSE);
}

GtkWidget *
tamu_unavailable_banner_new (TamuStore *store)
{
  GtkWidget *revealer, *box, *icon, *label;

  g_return_val_if_fail (TAMU_IS_STORE (store), NULL);

  revealer = gtk_revealer_new ();
  gtk_revealer_set_transition_type (GTK_REVEALER (revealer), GTK_REVEALER_TRANSITION_TYPE_SLIDE_DOWN);
  gtk_widget_set_visible (revealer, FALSE);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  gtk_widget_add_css_class (box, "server-banner");
  icon = gtk_image_new_from_icon_name ("network-error-symbolic");
  gtk_accessible_update_state (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_box_append (GTK_BOX (box), icon);
  label = gtk_label_new (_("Server unreachable — trying again…"));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_revealer_set_child (GTK_REVEALER (revealer), box);

  g_signal_connect (revealer, "notify::child-revealed", G_CALLBACK (banner_revealed_cb), NULL);
  g_signal_connect_object (store, "notify::available", G_CALLBACK (banner_available_cb),
                           revealer, 0);
  banner_update (GTK_REVEALER (revealer), store);

  return revealer;
}

/* ---- an editor's notice ------------------------------------------------ */

typedef struct
{
  TamuStore   *store;
  GtkWidget   *save_button;
  GSourceFunc  recheck;
  gpointer     editor;
} Notice;

static void
notice_free (gpointer data)
{
  Notice *notice = data;

  g_clear_object (&notice->store);
  g_clear_weak_pointer (&notice->save_button);
  g_free (notice);
}

static void
notice_update (GtkWidget *label,
               gboolean   coming_back)
{
  Notice *notice = g_object_get_data (G_OBJECT (label), "tamu-notice");
  gboolean available = tamu_store_get_available (notice->store);

  gtk_widget_set_visible (label, !available);
  if (notice->save_button == NULL)
    return;
  if (!available)
    gtk_widget_set_sensitive (notice->save_button, FALSE);
  else if (coming_back && notice->recheck != NULL)
    notice->recheck (notice->editor);
  else if (coming_back)
    gtk_widget_set_sensitive (notice->save_button, TRUE);
}

static void
notice_available_cb (TamuStore  *store,
                     GParamSpec *pspec,
                     GtkWidget  *label)
{
  notice_update (label, tamu_store_get_available (store));
}

/* Whatever the editor's checks decide, not while the server is away. */
static void
notice_sensitive_cb (GtkWidget  *save_button,
                     GParamSpec *pspec,
                     GtkWidget  *label)
{
  Notice *notice = g_object_get_data (G_OBJECT (label), "tamu-notice");

  if (!tamu_store_get_available (notice->store) && gtk_widget_get_sensitive (save_button))
    gtk_widget_set_sensitive (save_button, FALSE);
}

GtkWidget *
tamu_unavailable_notice_new (TamuStore   *store,
                             GtkWidget   *save_button,
                             const char  *reason,
                             GSourceFunc  recheck,
                             gpointer     editor)
{
  GtkWidget *label;
  Notice *notice;

  g_return_val_if_fail (TAMU_IS_STORE (store), NULL);
  g_return_val_if_fail (GTK_IS_WIDGET (save_button), NULL);
  g_return_val_if_fail (reason != NULL, NULL);

  label = gtk_label_new (reason);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "editor-message");
  gtk_widget_add_css_class (label, "error");

  notice = g_new0 (Notice, 1);
  notice->store = g_object_ref (store);
  g_set_weak_pointer (&notice->save_button, save_button);
  notice->recheck = recheck;
  notice->editor = editor;
  g_object_set_data_full (G_OBJECT (label), "tamu-notice", notice, notice_free);

  g_signal_connect_object (store, "notify::available", G_CALLBACK (notice_available_cb), label, 0);
  g_signal_connect_object (save_button, "notify::sensitive", G_CALLBACK (notice_sensitive_cb), label, 0);
  notice_update (label, FALSE);

  return label;
}
