/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "tamu-window.h"

G_BEGIN_DECLS

#define TAMU_TYPE_MONTH_VIEW (tamu_month_view_get_type ())
G_DECLARE_FINAL_TYPE (TamuMonthView, tamu_month_view, TAMU, MONTH_VIEW, GtkWidget)

/* The month of the window's date: per day the count of visits and video
 * conferences, holidays marked; clicking a day opens it. */
GtkWidget *tamu_month_view_new (TamuWindow *window);

G_END_DECLS
