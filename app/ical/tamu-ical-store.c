/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tamu-ical"

#include "config.h"

#include <glib/gi18n.h>

#include "tamu-ical.h"

#include "tamu-error.h"

gboolean
tamu_ical_check_not_booked (TamuStore   *store,
                            TamuBooking *draft,
                            GError     **error)
{
  TamuBookingFilter filter;
  g_autoptr(GPtrArray) existing = NULL;

  g_return_val_if_fail (TAMU_IS_STORE (store), FALSE);
  g_return_val_if_fail (draft != NULL, FALSE);

  if (draft->link == NULL || !g_date_valid (&draft->date))
    return TRUE;

  tamu_booking_filter_init (&filter);
  filter.from = draft->date;
  filter.to = draft->date;
  filter.include_cancelled = FALSE;
  existing = tamu_store_list_bookings (store, &filter, error);
  if (existing == NULL)
    return FALSE;

  for (guint i = 0; i < existing->len; i++)
    {
      TamuBooking *other = g_ptr_array_index (existing, i);

      if (other->start == draft->start && g_strcmp0 (other->link, draft->link) == 0)
        {
          g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, other->id);

          g_set_error (error, TAMU_ERROR, TAMU_ERROR_REFUSED,
                       _("link: this meeting is booked already, as booking %s"), id);
          return FALSE;
        }
    }
  return TRUE;
}
