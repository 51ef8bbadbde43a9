/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "tamu-booking.h"

G_BEGIN_DECLS

#define TAMU_TYPE_BOOKING_OBJECT (tamu_booking_object_get_type ())
G_DECLARE_FINAL_TYPE (TamuBookingObject, tamu_booking_object, TAMU, BOOKING_OBJECT, GObject)

/* A TamuBooking as an item of a GListModel. */
TamuBookingObject *tamu_booking_object_new (TamuBooking *booking);
TamuBooking       *tamu_booking_object_get_booking (TamuBookingObject *self);

/* A GListStore of TamuBookingObject from a GPtrArray of TamuBooking. */
GListStore        *tamu_booking_object_store_new (GPtrArray *bookings);

G_END_DECLS
