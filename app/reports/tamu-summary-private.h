/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tamu-summary.h"

G_BEGIN_DECLS

/* Shared by the tamu-summary-*.c writers. */

/* The name a booking's daerah is counted and shown under. */
const char *tamu_summary_daerah_name (const TamuBooking *booking);

/* PPID figures from the PPID register (tamu-summary-ppid.c). */
gboolean    tamu_summary_fill_ppid (TamuStore       *store,
                                    int              year,
                                    int              month,
                                    TamuPpidSummary *ppid,
                                    GError         **error);
gboolean    tamu_year_summary_fill_ppid (TamuStore       *store,
                                         TamuYearSummary *self,
                                         GError         **error);

/* "Februari 2024" */
char       *tamu_summary_dup_month_label (int year,
                                          int month);
/* Days with two decimals and a decimal comma: "6,27"; "-" for NAN. */
char       *tamu_summary_format_days (double days);

G_END_DECLS
