/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tamu-booking-states.h"

#include <glib/gi18n-lib.h>

#include "tamu-error.h"
#include "tamu-limits.h"
#include "tamu-parse.h"
#include "tamu-rules.h"

const char *
tamu_booking_verb_to_action (TamuBookingVerb verb)
{
  static const char * const actions[] = { "confirm", "cancel", "no-show", "check-in", "delete" };

  g_return_val_if_fail (verb <= TAMU_BOOKING_VERB_DELETE, NULL);
  return actions[verb];
}

static gboolean
is_open (const TamuBooking *booking)
{
  return booking->status == TAMU_STATUS_REQUESTED || booking->status == TAMU_STATUS_CONFIRMED;
}

gboolean
tamu_booking_verb_allowed (TamuBookingVerb    verb,
                           const TamuBooking *booking,
                           const GDate       *today,
                           GError           **error)
{
  const char *status = tamu_booking_status_to_string (booking->status);

  switch (verb)
    {
    case TAMU_BOOKING_VERB_DELETE:
      return TRUE;

    case TAMU_BOOKING_VERB_CONFIRM:
      if (booking->status == TAMU_STATUS_REQUESTED)
        return TRUE;
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_REFUSED,
                   _("status: booking %lld is %s; only a requested booking can be confirmed"),
                   (long long) booking->id, status);
      return FALSE;

    case TAMU_BOOKING_VERB_CANCEL:
      if (is_open (booking))
        return TRUE;
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_REFUSED,
                   _("status: booking %lld is %s and can no longer be cancelled"),
                   (long long) booking->id, status);
      return FALSE;

    case TAMU_BOOKING_VERB_NO_SHOW:
    case TAMU_BOOKING_VERB_CHECK_IN:
      if (!is_open (booking))
        {
          g_set_error (error, TAMU_ERROR, TAMU_ERROR_REFUSED,
                       _("status: booking %lld is %s already"), (long long) booking->id, status);
          return FALSE;
        }
      /* Nobody can have come, or failed to come, to a visit still ahead. */
      if (g_date_compare (&booking->date, today) > 0)
        {
          g_autofree char *date = tamu_format_date_iso (&booking->date);

          g_set_error (error, TAMU_ERROR, TAMU_ERROR_REFUSED,
                       verb == TAMU_BOOKING_VERB_CHECK_IN
                       ? _("check-in: booking %lld is on %s; guests are checked in on the day")
                       : _("no-show: booking %lld is on %s; it cannot be missed yet"),
                       (long long) booking->id, date);
          return FALSE;
        }
      return TRUE;

    default:
      g_assert_not_reached ();
    }
}

TamuBooking *
tamu_booking_apply_verb (TamuBookingVerb    verb,
                         const TamuBooking *current,
                         const char        *reason,
                         int                actual_guests,
                         GPtrArray         *warnings,
                         GError           **error)
{
  g_autoptr(TamuBooking) booking = tamu_booking_copy (current);

  switch (verb)
    {
    case TAMU_BOOKING_VERB_CONFIRM:
      booking->status = TAMU_STATUS_CONFIRMED;
      break;
    case TAMU_BOOKING_VERB_CANCEL:
      booking->status = TAMU_STATUS_CANCELLED;
      g_free (booking->cancel_reason);
      booking->cancel_reason = reason != NULL ? g_strstrip (g_strdup (reason)) : NULL;
      break;
    case TAMU_BOOKING_VERB_NO_SHOW:
      booking->status = TAMU_STATUS_NO_SHOW;
      break;
    case TAMU_BOOKING_VERB_CHECK_IN:
      if (actual_guests <= 0 || actual_guests > TAMU_MAX_GUESTS)
        {
          g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                       actual_guests == 0
                       ? _("guests: nobody came: mark the booking as a no-show instead")
                       : _("guests: %d is out of range: it must be from 1 to %d"),
                       actual_guests, TAMU_MAX_GUESTS);
          return NULL;
        }
      booking->status = TAMU_STATUS_DONE;
      booking->actual_guests = actual_guests;
      if (tamu_booking_is_over_limit (booking) && warnings != NULL)
        g_ptr_array_add (warnings,
                         tamu_warning_new ("over-limit", NULL,
                                           _("over-limit: %d guests came, more than the limit of %d; "
                                             "recorded as a breach"),
                                           actual_guests, booking->guest_limit));
      break;
    case TAMU_BOOKING_VERB_DELETE:
      break;
    default:
      g_assert_not_reached ();
    }

  return g_steal_pointer (&booking);
}

gboolean
tamu_booking_edit_status_allowed (const TamuBooking *current,
                                  TamuBookingStatus  wanted,
                                  GError           **error)
{
  if (wanted == current->status ||
      (is_open (current) && (wanted == TAMU_STATUS_REQUESTED || wanted == TAMU_STATUS_CONFIRMED)))
    return TRUE;

  g_set_error (error, TAMU_ERROR, TAMU_ERROR_REFUSED,
               _("status: use check-in, cancel or no-show to change booking %lld from %s to %s"),
               (long long) current->id, tamu_booking_status_to_string (current->status),
               tamu_booking_status_to_string (wanted));
  return FALSE;
}

gboolean
tamu_booking_new_status_allowed (TamuBookingStatus status,
                                 GError          **error)
{
  if (status == TAMU_STATUS_REQUESTED || status == TAMU_STATUS_CONFIRMED)
    return TRUE;

  g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
               _("status: a new booking is requested or confirmed; check in, cancel or mark a "
                 "no-show once it exists"));
  return FALSE;
}

gboolean
tamu_booking_is_editable (const TamuBooking *booking)
{
  return tamu_booking_is_active (booking) && booking->status != TAMU_STATUS_DONE;
}
