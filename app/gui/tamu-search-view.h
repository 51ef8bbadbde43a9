/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "tamu-window.h"

G_BEGIN_DECLS

#define TAMU_TYPE_SEARCH_VIEW (tamu_search_view_get_type ())
G_DECLARE_FINAL_TYPE (TamuSearchView, tamu_search_view, TAMU, SEARCH_VIEW, GtkWidget)

/* Search over daerah, contact, ticket, topics, notes and instansi; a result opens the booking. */
GtkWidget *tamu_search_view_new (TamuWindow *window);
/* Focuses the search entry, selecting what it holds. */
void       tamu_search_view_focus (TamuSearchView *self);

G_END_DECLS
