/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "tamu-store.h"

G_BEGIN_DECLS

/*
 * A banner for the top of the main window: "Server unreachable — trying
 * again…" while @store cannot reach its database server (its :available
 * property is FALSE), gone when the server is back.  The store reconnects
 * by itself and its ::changed makes the views reload; the banner only says
 * what is happening.  A plain label, so screen readers read it.
 */
GtkWidget *tamu_unavailable_banner_new (TamuStore *store);

/*
 * A line for an editor's form.  While @store cannot reach its server it
 * shows @reason and keeps @save_button insensitive, whatever else would
 * enable it, so nothing typed is lost and nothing looks saved.  When the
 * server is back it calls @recheck (@editor) so the editor's own checks
 * decide about Save again, or, when @recheck is NULL, enables Save.
 */
GtkWidget *tamu_unavailable_notice_new (TamuStore   *store,
                                        GtkWidget   *save_button,
                                        const char  *reason,
                                        GSourceFunc  recheck,
                                        gpointer     editor);

G_END_DECLS
