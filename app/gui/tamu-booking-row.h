/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "tamu-booking-object.h"

G_BEGIN_DECLS

#define TAMU_TYPE_BOOKING_ROW (tamu_booking_row_get_type ())
G_DECLARE_FINAL_TYPE (TamuBookingRow, tamu_booking_row, TAMU, BOOKING_ROW, GtkWidget)

/*
 * One booking in a list: time (and the guests' local time), daerah, type,
 * topics, guests/limit, room or link, PIC, status, and the row actions
 * ("row.check-in", "row.no-show", "row.cancel", "row.copy-link",
 * "row.edit"), which go through the window's booking functions.
 */
GtkWidget         *tamu_booking_row_new (void);
TamuBookingObject *tamu_booking_row_get_item (TamuBookingRow *self);
void               tamu_booking_row_set_item (TamuBookingRow    *self,
                                              TamuBookingObject *item);

G_END_DECLS
