/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tamu-booking.h"

G_BEGIN_DECLS

/* What the benchmarks share: a clock, a median, and synthetic bookings. */

double       tamu_bench_now_ms (void);
/* Sorts @values. */
double       tamu_bench_median (double *values,
                                int     n);
/*
 * The @i-th booking of ten years of history on @date, a record of what
 * happened (done, some cancelled or no-show): a rotation of daerah, topics,
 * hours and guests.  No room: each benchmark places its visits itself.
 */
TamuBooking *tamu_bench_synthetic (const GDate *date,
                                   int          i);

G_END_DECLS
