/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "tamu-affected.h"
#include "tamu-parse.h"

GPtrArray *
tamu_affected_by_closed_day (GPtrArray   *bookings,
                             const GDate *date)
{
  GPtrArray *affected = g_ptr_array_new_with_free_func ((GDestroyNotify) tamu_booking_unref);

  for (guint i = 0; bookings != NULL && i < bookings->len; i++)
    {
      TamuBooking *b = g_ptr_array_index (bookings, i);

      if (tamu_booking_is_active (b) && g_date_valid (&b->date) && g_date_compare (&b->date, date) == 0)
        g_ptr_array_add (affected, tamu_booking_ref (b));
    }
  return affected;
}

GPtrArray *
tamu_affected_by_room_removal (GPtrArray          *bookings,
                               const char * const *old_rooms,
                               const char * const *new_rooms)
{
  GPtrArray *affected = g_ptr_array_new_with_free_func ((GDestroyNotify) tamu_booking_unref);

  for (guint i = 0; bookings != NULL && i < bookings->len; i++)
    {
      TamuBooking *b = g_ptr_array_index (bookings, i);

      if (b->room == NULL ||
          (b->status != TAMU_STATUS_REQUESTED && b->status != TAMU_STATUS_CONFIRMED))
        continue;
      if (old_rooms != NULL && g_strv_contains (old_rooms, b->room) &&
          (new_rooms == NULL || !g_strv_contains (new_rooms, b->room)))
        g_ptr_array_add (affected, tamu_booking_ref (b));
    }
  return affected;
}

char *
tamu_affected_describe (const TamuBooking *b)
{
  g_autofree char *date = tamu_format_date_iso (&b->date);
  g_autofree char *start = b->start >= 0 ? tamu_format_time (b->start) : g_strdup ("-");
  g_autofree char *end = b->start >= 0 ? tamu_format_time (tamu_booking_get_end (b)) : g_strdup ("-");

  /* Translators: booking ID, date, start–end, daerah, room */
  return g_strdup_printf (_("booking %lld, %s %s–%s, %s, %s"), (long long) b->id, date, start, end,
                          b->daerah != NULL ? b->daerah : "-", b->room != NULL ? b->room : "-");
}
