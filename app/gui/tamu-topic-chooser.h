/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/*
 * The store's topics as toggle buttons, each named by the topic (its full
 * name as tooltip), under a search that narrows them by name, full name or
 * alias.  Emits ::changed when the person toggles one (not when
 * set_selected() changes them).
 */
#define TAMU_TYPE_TOPIC_CHOOSER (tamu_topic_chooser_get_type ())
G_DECLARE_FINAL_TYPE (TamuTopicChooser, tamu_topic_chooser, TAMU, TOPIC_CHOOSER, GtkWidget)

/* @topics: TamuTopic*, in the order shown. */
GtkWidget *tamu_topic_chooser_new (GPtrArray *topics);
/* The chosen topics' canonical names, in the order shown. */
GStrv      tamu_topic_chooser_dup_selected (TamuTopicChooser *self);
void       tamu_topic_chooser_set_selected (TamuTopicChooser   *self,
                                            const char * const *names);

G_END_DECLS
