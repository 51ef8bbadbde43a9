/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tamu-rules.h"
#include "tamu-slots.h"

void
tamu_slot_free (TamuSlot *slot)
{
  if (slot == NULL)
    return;
  g_free (slot->room);
  g_free (slot);
}

void
tamu_slots_get_search_end (TamuCalendar *calendar,
                           const GDate  *from,
                           int           days,
                           GDate        *out)
{
  GDate first;

  if (days <= 1)
    {
      *out = *from;
      return;
    }

  tamu_calendar_next_working_day (calendar, from, &first);
  tamu_calendar_add_working_days (calendar, &first, days - 1, out);
}

static GPtrArray *
bookings_on (GPtrArray   *bookings,
             const GDate *date)
{
  GPtrArray *same_day = g_ptr_array_new ();

  for (guint i = 0; bookings != NULL && i < bookings->len; i++)
    {
      TamuBooking *booking = g_ptr_array_index (bookings, i);

      if (g_date_compare (&booking->date, date) == 0)
        g_ptr_array_add (same_day, booking);
    }
  return same_day;
}

GPtrArray *
tamu_slots_find (const TamuPolicy    *policy,
                 TamuCalendar        *calendar,
                 GDateTime           *now,
                 GPtrArray           *bookings,
                 const GDate         *from,
                 const TamuSlotQuery *query,
                 GError             **error)
{
  g_autoptr(GPtrArray) slots = g_ptr_array_new_with_free_func ((GDestroyNotify) tamu_slot_free);
  g_autoptr(GError) first_error = NULL;
  int duration;
  int step;
  GDate day, last;

  g_return_val_if_fail (policy != NULL && calendar != NULL && from != NULL && query != NULL, NULL);

  duration = query->duration > 0 ? query->duration : policy->default_duration;
  step = policy->slot_step > 0 ? policy->slot_step : 30;
  tamu_slots_get_search_end (calendar, from, query->days, &last);

  for (day = *from; g_date_compare (&day, &last) <= 0; g_date_add_days (&day, 1))
    {
      g_autoptr(GPtrArray) same_day = NULL;
      TamuRuleContext ctx;

      /* Closed days are skipped over a range; a single asked-for day says why. */
      if (query->days > 1 && !tamu_calendar_is_working_day (calendar, &day))
        continue;

      same_day = bookings_on (bookings, &day);
      ctx = (TamuRuleContext) {
        .policy = policy, .calendar = calendar, .same_day = same_day, .now = now,
      };

      for (int start = policy->open; start + duration <= policy->close; start += step)
        {
          g_autoptr(TamuBooking) candidate = tamu_booking_new ();
          g_autoptr(GError) local_error = NULL;
          TamuSlot *slot;

          /* Only the rules are asked, so the candidate carries placeholders
           * for what a person would fill in. */
          candidate->type = query->type;
          candidate->date = day;
          candidate->start = start;
          candidate->duration = duration;
          candidate->daerah = g_strdup ("-");
          g_strfreev (candidate->topics);
          candidate->topics = g_strsplit ("-", ",", -1);
          candidate->guests = query->guests > 0 ? query->guests
                              : (query->type == TAMU_BOOKING_TATAP_MUKA ? 1 : 0);
          candidate->room = g_strdup (query->room);

          if (!tamu_rules_check (&ctx, candidate, TAMU_CHECK_NEW, NULL, &local_error))
            {
              if (first_error == NULL)
                first_error = g_steal_pointer (&local_error);
              continue;
            }

          slot = g_new0 (TamuSlot, 1);
          slot->date = day;
          slot->start = start;
          slot->end = start + duration;
          slot->room = g_steal_pointer (&candidate->room);
          g_ptr_array_add (slots, slot);

          if (query->max_slots > 0 && slots->len >= query->max_slots)
            return g_steal_pointer (&slots);
        }
    }

  /* No slot at all: the reason is the rule that refused (a holiday, more
   * guests than allowed, an unknown room, …). */
  if (slots->len == 0 && first_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&first_error));
      return NULL;
    }

  return g_steal_pointer (&slots);
}
