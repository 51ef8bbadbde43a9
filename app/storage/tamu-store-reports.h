/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tamu-store.h"

G_BEGIN_DECLS

/*
 * Aggregates for the monthly summary and the year view.  The database
 * counts (grouped, over the date index) so that a month summary on ten
 * years of bookings does not load ten years of rows.
 */

/*
 * Bookings (not deleted) with a date in [@from, @to], grouped by month, type
 * and status: a GArray of TamuMonthCount in month order.
 */
GArray   *tamu_store_count_by_month (TamuStore   *self,
                                     const GDate *from,
                                     const GDate *to,
                                     GError     **error);

/*
 * Bookings with @status in [@from, @to], per type in one pass over the
 * index: @out_counts[TAMU_BOOKING_TATAP_MUKA] and [TAMU_BOOKING_VIDCON].
 */
gboolean  tamu_store_count_by_type (TamuStore        *self,
                                    const GDate      *from,
                                    const GDate      *to,
                                    TamuBookingStatus status,
                                    int               out_counts[2],
                                    GError          **error);

/* Sums TamuMonthCount cells of @type and @status for one month (0 if none). */
int       tamu_month_counts_get (GArray           *counts,
                                 int               year,
                                 int               month,
                                 TamuBookingType   type,
                                 TamuBookingStatus status);

G_END_DECLS
