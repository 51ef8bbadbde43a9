/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "tamu-booking.h"
#include "tamu-calendar.h"
#include "tamu-policy.h"

G_BEGIN_DECLS

typedef struct
{
  GDate date;
  int   start; /* minutes since midnight, office time */
  int   end;
  char *room;  /* NULL for a video conference without a room */
} TamuSlot;

void tamu_slot_free (TamuSlot *slot);

typedef struct
{
  TamuBookingType type;
  int             duration;  /* minutes; 0 = the policy's default */
  int             guests;    /* 0 = not given */
  const char     *room;      /* NULL = any room */
  int             days;      /* working days to search, from the date on; 1 = that date only */
  guint           max_slots; /* stop after this many; 0 = no limit */
} TamuSlotQuery;

/*
 * Free slots from @from on that obey every rule of tamu_rules_check(): each
 * candidate is checked as a booking would be.  @bookings holds the active
 * bookings of the searched days (any order).  Fails with the rule's error
 * when no slot can ever fit (more guests than the limit, an unknown room).
 */
GPtrArray *tamu_slots_find (const TamuPolicy    *policy,
                            TamuCalendar        *calendar,
                            GDateTime           *now,
                            GPtrArray           *bookings,
                            const GDate         *from,
                            const TamuSlotQuery *query,
                            GError             **error);

/* The last date tamu_slots_find() may look at: @days working days from @from on. */
void       tamu_slots_get_search_end (TamuCalendar *calendar,
                                      const GDate  *from,
                                      int           days,
                                      GDate        *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TamuSlot, tamu_slot_free)

G_END_DECLS
