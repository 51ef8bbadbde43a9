/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "tamu-window.h"

G_BEGIN_DECLS

#define TAMU_TYPE_WEEK_VIEW (tamu_week_view_get_type ())
G_DECLARE_FINAL_TYPE (TamuWeekView, tamu_week_view, TAMU, WEEK_VIEW, GtkWidget)

/*
 * The front desk's week: Monday to Sunday across, service hours down; each
 * day split into one lane per room and one for video conferences, so a room
 * is a colour and a column and free time is the empty space.
 */
GtkWidget *tamu_week_view_new (TamuWindow *window);

G_END_DECLS
