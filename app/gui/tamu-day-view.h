/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "tamu-window.h"

G_BEGIN_DECLS

#define TAMU_TYPE_DAY_VIEW (tamu_day_view_get_type ())
G_DECLARE_FINAL_TYPE (TamuDayView, tamu_day_view, TAMU, DAY_VIEW, GtkWidget)

/* The agents' screen: the bookings of the window's date, in time order. */
GtkWidget *tamu_day_view_new (TamuWindow *window);

/* The bookings shown (TamuBookingObject). */
GListModel *tamu_day_view_get_model (TamuDayView *self);

G_END_DECLS
