/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tamu-ppid.h"
#include "tamu-store.h"

G_BEGIN_DECLS

/*
 * The yearly recap of the PPID register (Rekapitulasi Permintaan Informasi
 * Publik), the table of the December report rebuilt from the register's
 * fields.  Each request counts in the month it was received: its decision,
 * its service days, its objection and dispute, whenever they came.
 */

typedef struct
{
  int year;
  int month;                  /* 1–12; 0 for the totals row */
  int received;
  int answered;               /* requests with a written answer */
  int service_days;           /* the sum over the answered ones */
  int late;                   /* answered after the deadline */
  int granted;                /* dikabulkan seluruhnya */
  int partial;                /* dikabulkan sebagian */
  int refused_exempt;
  int refused_not_held;
  int refused_not_documented;
  int objections;
  int disputes;
  int withdrawn;
  int open;                   /* still awaiting the answer */
} TamuPpidRecapRow;

/* Average working days from receipt to answer; NAN when none was answered. */
double        tamu_ppid_recap_row_get_average (const TamuPpidRecapRow *row);
int           tamu_ppid_recap_row_get_refused (const TamuPpidRecapRow *row);
/* The average for text: "6,93" (decimal comma, two places); "-" when NAN. */
char         *tamu_ppid_format_average (double average);

typedef struct _TamuPpidRecap TamuPpidRecap;

/* The recap of @year from @requests (any years; others are skipped). */
TamuPpidRecap *tamu_ppid_recap_new (int           year,
                                    GPtrArray    *requests,
                                    TamuCalendar *calendar);
/* The recap of @year from the register in @store. */
TamuPpidRecap *tamu_ppid_recap_load (TamuStore *store,
                                     int        year,
                                     GError   **error);
void           tamu_ppid_recap_free (TamuPpidRecap *self);

int                     tamu_ppid_recap_get_year (const TamuPpidRecap *self);
/* @month 1–12. */
const TamuPpidRecapRow *tamu_ppid_recap_get_month (const TamuPpidRecap *self,
                                                   int                  month);
const TamuPpidRecapRow *tamu_ppid_recap_get_totals (const TamuPpidRecap *self);

/* For the monthly summary: one month's row straight from the store. */
gboolean       tamu_ppid_recap_load_month (TamuStore        *store,
                                           int               year,
                                           int               month,
                                           TamuPpidRecapRow *out,
                                           GError          **error);
/* Requests received in one month (@month 1–12). */
gboolean       tamu_ppid_count_received (TamuStore *store,
                                         int        year,
                                         int        month,
                                         int       *out_count,
                                         GError   **error);

/* A table for the terminal: Indonesian month names, averages "6,93". */
char          *tamu_ppid_recap_to_text (const TamuPpidRecap *self);
/*
 * {"year": 2024, "months": [{"month": "2024-03", "received": …,
 * "average_service_days": 6.93 | null, "granted", "partial",
 * "refused_exempt", "refused_not_held", "refused_not_documented",
 * "objections", "disputes", "answered", "late", "withdrawn", "open"}, …],
 * "totals": {the same keys, "month": "total"}}
 */
char          *tamu_ppid_recap_to_json (const TamuPpidRecap *self);
/* For Excel with Indonesian settings: UTF-8 BOM, ';', decimal comma, CRLF. */
char          *tamu_ppid_recap_to_csv (const TamuPpidRecap *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TamuPpidRecap, tamu_ppid_recap_free)

G_END_DECLS
