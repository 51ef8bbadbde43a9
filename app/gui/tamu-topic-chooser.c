/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tamu-topic-chooser.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tamu-topics.h"

#define TOPIC_DATA "tamu-topic-name"

struct _TamuTopicChooser
{
  GtkWidget  parent_instance;

  GtkWidget *box;
  GtkWidget *search_entry;
  GtkWidget *flow_box;
  GPtrArray *toggles; /* GtkToggleButton*, borrowed */
  gboolean   syncing;
};

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TamuTopicChooser, tamu_topic_chooser, GTK_TYPE_WIDGET)

static void
toggled_cb (TamuTopicChooser *self)
{
  if (!self->syncing)
    g_signal_emit (self, signals[CHANGED], 0);
}

GtkWidget *
tamu_topic_chooser_new (GPtrArray *topics)
{
  TamuTopicChooser *self = g_object_new (TAMU_TYPE_TOPIC_CHOOSER, NULL);

  for (guint i = 0; topics != NULL && i < topics->len; i++)
    {
      TamuTopic *topic = g_ptr_array_index (topics, i);
      GtkWidget *toggle = gtk_toggle_button_new_with_label (topic->name);

      g_autofree char *aliases = g_strjoinv (" ", topic->aliases);
      g_autofree char *haystack = g_strdup_printf ("%s %s %s", topic->name,
                                                   topic->full_name != NULL ? topic->full_name : "",
                                                   aliases);

      g_object_set_data_full (G_OBJECT (toggle), TOPIC_DATA, g_strdup (topic->name), g_free);
      g_object_set_data_full (G_OBJECT (toggle), "tamu-topic-search", g_utf8_casefold (haystack, -1), g_free);
      if (topic->full_name != NULL)
        gtk_widget_set_tooltip_text (toggle, topic->full_name);
      gtk_widget_add_css_class (toggle, "topic-toggle");
      g_signal_connect_swapped (toggle, "toggled", G_CALLBACK (toggled_cb), self);
      gtk_flow_box_append (GTK_FLOW_BOX (self->flow_box), toggle);
      /* One tab stop per topic: the button, not its flow box child too. */
      gtk_widget_set_focusable (gtk_widget_get_parent (toggle), FALSE);
      g_ptr_array_add (self->toggles, toggle);
    }

  return GTK_WIDGET (self);
}

GStrv
tamu_topic_chooser_dup_selected (TamuTopicChooser *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (TAMU_IS_TOPIC_CHOOSER (self), NULL);

  for (guint i = 0; i < self->toggles->len; i++)
    {
      GtkToggleButton *toggle = g_ptr_array_index (self->toggles, i);

      if (gtk_toggle_button_get_active (toggle))
        g_strv_builder_add (builder, g_object_get_data (G_OBJECT (toggle), TOPIC_DATA));
    }
  return g_strv_builder_end (builder);
}

void
tamu_topic_chooser_set_selected (TamuTopicChooser   *self,
                                 const char * const *names)
{
  g_return_if_fail (TAMU_IS_TOPIC_CHOOSER (self));

  self->syncing = TRUE;
  for (guint i = 0; i < self->toggles->len; i++)
    {
      GtkToggleButton *toggle = g_ptr_array_index (self->toggles, i);
      const char *name = g_object_get_data (G_OBJECT (toggle), TOPIC_DATA);

      gtk_toggle_button_set_active (toggle, names != NULL && g_strv_contains (names, name));
    }
  self->syncing = FALSE;
}

/* The search narrows the toggles to topics whose name, full name or alias holds it. */
static void
search_changed_cb (TamuTopicChooser *self)
{
  g_autofree char *needle = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), -1);

  g_strstrip (needle);
  for (guint i = 0; i < self->toggles->len; i++)
    {
      GtkWidget *toggle = g_ptr_array_index (self->toggles, i);
      const char *haystack = g_object_get_data (G_OBJECT (toggle), "tamu-topic-search");

      gtk_widget_set_visible (gtk_widget_get_parent (toggle), strstr (haystack, needle) != NULL);
    }
}

static void
tamu_topic_chooser_dispose (GObject *object)
{
  TamuTopicChooser *self = TAMU_TOPIC_CHOOSER (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (tamu_topic_chooser_parent_class)->dispose (object);
}

static void
tamu_topic_chooser_finalize (GObject *object)
{
  TamuTopicChooser *self = TAMU_TOPIC_CHOOSER (object);

  g_ptr_array_unref (self->toggles);

  G_OBJECT_CLASS (tamu_topic_chooser_parent_class)->finalize (object);
}

static void
tamu_topic_chooser_class_init (TamuTopicChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tamu_topic_chooser_dispose;
  object_class->finalize = tamu_topic_chooser_finalize;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
tamu_topic_chooser_init (TamuTopicChooser *self)
{
  self->toggles = g_ptr_array_new ();
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  self->search_entry = gtk_search_entry_new ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Search topics"), -1);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self);
  gtk_box_append (GTK_BOX (self->box), self->search_entry);
  self->flow_box = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (self->flow_box), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (self->flow_box), FALSE);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (self->flow_box), 3);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (self->flow_box), 3);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (self->flow_box), 4);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (self->flow_box), 4);
  gtk_box_append (GTK_BOX (self->box), self->flow_box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Topic choices"), -1);
}
