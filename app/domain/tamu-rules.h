/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "tamu-booking.h"
#include "tamu-calendar.h"
#include "tamu-policy.h"

G_BEGIN_DECLS

/* A warning does not refuse: the booking is saved and the warning shown. */
typedef struct
{
  char *code;       /* "duplicate-daerah", "unknown-daerah", "no-holidays-for-year", "over-limit" */
  char *message;    /* translated, for people */
  char *suggestion; /* "Kota Tidore Kepulauan" for "did you mean", or NULL */
} TamuWarning;

TamuWarning *tamu_warning_new (const char *code,
                               const char *suggestion,
                               const char *format,
                               ...) G_GNUC_PRINTF (3, 4);
void         tamu_warning_free (TamuWarning *warning);
/* A GPtrArray that frees its TamuWarnings. */
GPtrArray   *tamu_warnings_new (void);

typedef enum
{
  TAMU_CHECK_DEFAULT    = 0,
  TAMU_CHECK_NEW        = 1 << 0, /* a new booking: a start in the past is refused */
  TAMU_CHECK_HISTORICAL = 1 << 1, /* a record of what happened: values only, no rules */
} TamuCheckFlags;

/* What the rules need to know besides the booking itself. */
typedef struct
{
  const TamuPolicy *policy;
  TamuCalendar     *calendar;
  GPtrArray        *same_day; /* TamuBooking*: the other bookings on the booking's date */
  GDateTime        *now;      /* office time */
} TamuRuleContext;

/*
 * Matches booking->daerah against the region list: a match becomes the
 * canonical short name and fills region_code; anything else is kept as typed
 * with an "unknown-daerah" warning, and a "did you mean" when one is close.
 */
void     tamu_rules_resolve_daerah (TamuBooking *booking,
                                    GPtrArray   *warnings);

/*
 * Checks @booking against every rule; the first broken rule refuses with
 * TAMU_ERROR_REFUSED (or TAMU_ERROR_INVALID for a malformed value) and a
 * message that starts with the rule's name:
 *   guest-limit, closed-day, service-hours, break, past-start, unknown-room,
 *   room-conflict, daily-cap; and the fields type, date, time, duration,
 *   daerah, topic, guests, actual_guests.
 * On success it may fill what the rules decide: the guest limit in force and,
 * for a visit without a room, the first free room.  Warnings are appended.
 */
gboolean tamu_rules_check (const TamuRuleContext *ctx,
                           TamuBooking           *booking,
                           TamuCheckFlags         flags,
                           GPtrArray             *warnings,
                           GError               **error);

/* Whether two bookings' times overlap (half-open intervals). */
gboolean tamu_rules_overlap (const TamuBooking *a,
                             const TamuBooking *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TamuWarning, tamu_warning_free)

G_END_DECLS
