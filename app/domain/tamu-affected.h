/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "tamu-booking.h"

G_BEGIN_DECLS

/*
 * Bookings a change of the calendar or the rooms leaves standing on
 * something that no longer holds: the command line warns with them, and the
 * preferences can list them the same way.
 */

/* The active bookings of @bookings (TamuBooking*) on @date: a new holiday there. */
GPtrArray *tamu_affected_by_closed_day (GPtrArray   *bookings,
                                        const GDate *date);

/* The requested and confirmed bookings of @bookings in a room of @old_rooms
 * that @new_rooms no longer has. */
GPtrArray *tamu_affected_by_room_removal (GPtrArray          *bookings,
                                          const char * const *old_rooms,
                                          const char * const *new_rooms);

/* "booking 12, 2024-03-20 09:00–10:30, Kab. Bandung, Ruang Konsultasi 1" */
char      *tamu_affected_describe (const TamuBooking *booking);

G_END_DECLS
