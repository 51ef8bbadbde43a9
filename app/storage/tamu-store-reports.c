/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tamu-store"

#include "config.h"

#include "tamu-store-reports.h"

#include "tamu-error.h"
#include "tamu-parse.h"
#include "tamu-store-private.h"

GArray *
tamu_store_count_by_month (TamuStore   *self,
                           const GDate *from,
                           const GDate *to,
                           GError     **error)
{
  g_return_val_if_fail (TAMU_IS_STORE (self), NULL);

  return TAMU_BACKEND_CALL (self, count_by_month, from, to, error);
}

gboolean
tamu_store_count_by_type (TamuStore        *self,
                          const GDate      *from,
                          const GDate      *to,
                          TamuBookingStatus status,
                          int               out_counts[2],
                          GError          **error)
{
  g_return_val_if_fail (TAMU_IS_STORE (self), FALSE);
  g_return_val_if_fail (out_counts != NULL, FALSE);

  return TAMU_BACKEND_CALL (self, count_by_type, from, to, status, out_counts, error);
}

int
tamu_month_counts_get (GArray           *counts,
                       int               year,
                       int               month,
                       TamuBookingType   type,
                       TamuBookingStatus status)
{
  int total = 0;

  g_return_val_if_fail (counts != NULL, 0);

  for (guint i = 0; i < counts->len; i++)
    {
      const TamuMonthCount *cell = &g_array_index (counts, TamuMonthCount, i);

      if (cell->year == year && cell->month == month
          && cell->type == type && cell->status == status)
        total += cell->count;
    }

  return total;
}
