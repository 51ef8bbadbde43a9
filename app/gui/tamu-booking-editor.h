/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tamu-window.h"

G_BEGIN_DECLS

#define TAMU_TYPE_BOOKING_EDITOR (tamu_booking_editor_get_type ())
G_DECLARE_FINAL_TYPE (TamuBookingEditor, tamu_booking_editor, TAMU, BOOKING_EDITOR, AdwWindow)

/*
 * The front desk's screen: every field of a booking, checked against the
 * office's rules while typing (tamu_store_check_booking), with the region
 * list's completion, a free-slot finder and the booking's history.
 * @booking NULL makes a new booking on @date.
 */
GtkWindow *tamu_booking_editor_new (TamuWindow  *window,
                                    TamuBooking *booking,
                                    const GDate *date);

G_END_DECLS
