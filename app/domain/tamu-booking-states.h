/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tamu-booking.h"

G_BEGIN_DECLS

/*
 * The booking's state machine: requested → confirmed → done (check-in) |
 * cancelled (with a reason) | no-show.  Which verb may happen in which
 * state, and what it changes; the store runs these inside the write that
 * stores the result.
 */
typedef enum
{
  TAMU_BOOKING_VERB_CONFIRM,
  TAMU_BOOKING_VERB_CANCEL,
  TAMU_BOOKING_VERB_NO_SHOW,
  TAMU_BOOKING_VERB_CHECK_IN,
  TAMU_BOOKING_VERB_DELETE,
} TamuBookingVerb;

/* The audit log's action: "confirm", "cancel", "no-show", "check-in", "delete". */
const char  *tamu_booking_verb_to_action (TamuBookingVerb verb);

/* Whether @verb may happen to @booking on @today; if not, says why. */
gboolean     tamu_booking_verb_allowed (TamuBookingVerb    verb,
                                        const TamuBooking *booking,
                                        const GDate       *today,
                                        GError           **error);

/*
 * @current after @verb (allowed already): a new record with the status,
 * the reason or the actual guests; the sequence is not raised here.
 * A check-in over the limit is kept and adds the warning "over-limit".
 */
TamuBooking *tamu_booking_apply_verb (TamuBookingVerb    verb,
                                      const TamuBooking *current,
                                      const char        *reason,
                                      int                actual_guests,
                                      GPtrArray         *warnings,
                                      GError           **error);

/* An edit may move a booking between requested and confirmed only; the
 * other states are reached through the verbs. */
gboolean     tamu_booking_edit_status_allowed (const TamuBooking *current,
                                               TamuBookingStatus  wanted,
                                               GError           **error);

/* A new booking starts requested or confirmed. */
gboolean     tamu_booking_new_status_allowed (TamuBookingStatus status,
                                              GError          **error);

/* Whether @booking's fields other than the notes may still change: a done,
 * cancelled or no-show booking is history. */
gboolean     tamu_booking_is_editable (const TamuBooking *booking);

G_END_DECLS
