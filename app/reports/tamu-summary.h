/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "tamu-booking.h"
#include "tamu-ppid-recap.h"
#include "tamu-store.h"

G_BEGIN_DECLS

/*
 * The monthly summary of the contact center report ("Layanan Konsultasi
 * Tatap Muka", "Layanan Video Conference", "Layanan PPID") and the year
 * view, as plain data built from the store; the writers below turn it into
 * the report's Indonesian sentences, JSON, CSV and Excel.
 *
 * "Held" means status done on a date in the month.  A change in percent is
 * rounded to one decimal and is NAN where its base is 0.
 */

/* One service (tatap muka or video conference) in one month. */
typedef struct
{
  TamuBookingType type;
  int             held;
  int             previous_month;
  int             same_month_last_year;
  double          change_vs_previous_pct;  /* NAN when previous_month is 0 */
  double          change_vs_last_year_pct; /* NAN when same_month_last_year is 0 */
  int             cumulative;              /* held from 1 January of cumulative_since to the month's end */
  int             cumulative_since;
  int             guests;                  /* actual guests of held bookings */
  int             cancelled;
  int             no_show;
  GPtrArray      *rows;                    /* TamuBooking*, held, by date and start */
  GPtrArray      *over_limit;              /* TamuBooking*, held with actual guests over their limit */
} TamuServiceSummary;

/* PPID requests received in the month and the month's recap row. */
typedef struct
{
  gboolean available;               /* TRUE once the PPID register was read */
  int      received;
  int      previous_month;
  int      same_month_last_year;
  double   change_vs_previous_pct;
  double   change_vs_last_year_pct;
  double   average_service_days;    /* NAN when no request was answered */
  int      granted;                 /* dikabulkan seluruhnya */
  int      partial;                 /* dikabulkan sebagian */
  int      refused;                 /* ditolak, any reason */
  int      objections;
  int      disputes;
  TamuPpidRecapRow row;             /* the month's recap row, every column */
  TamuPpidRecap   *year_recap;      /* the recap of the month's year, for the PPID sheet */
} TamuPpidSummary;

typedef struct
{
  char *name;
  int   count;
} TamuSummaryCount;

typedef struct
{
  int                year;
  int                month;
  GDate              first;           /* the month's first and last day */
  GDate              last;
  TamuServiceSummary tatap_muka;
  TamuServiceSummary vidcon;
  TamuPpidSummary    ppid;
  int                guest_limit;     /* the current guest-limit setting */
  GPtrArray         *by_topic;        /* TamuSummaryCount*, held bookings of both services, most first */
  GPtrArray         *top_daerah;      /* TamuSummaryCount*, held bookings of both services, most first */
  GPtrArray         *top_provinces;   /* TamuSummaryCount*, by province of the region list */
  GPtrArray         *warnings;        /* char*: "unresolved: …", "daerah: …" */
} TamuSummary;

/* Builds the summary of @year-@month from @store. */
TamuSummary *tamu_summary_new (TamuStore *store,
                               int        year,
                               int        month,
                               GError   **error);
void         tamu_summary_free (TamuSummary *self);

/* "2024-03" → year 2024, month 3; errors name the field @field. */
gboolean     tamu_summary_parse_month (const char *field,
                                       const char *text,
                                       int        *out_year,
                                       int        *out_month,
                                       GError    **error);

/* The Indonesian narrative, ready to paste (paragraphs separated by a blank line). */
char        *tamu_summary_dup_text (const TamuSummary *self);
/* The JSON (pretty-printed, UTF-8). */
char        *tamu_summary_dup_json (const TamuSummary *self);
/* Excel-safe CSV (UTF-8 BOM, formulas neutralised): the figures and the tables. */
char        *tamu_summary_dup_csv (const TamuSummary *self);
/* An .xlsx workbook: a sheet per service with its tables and native bar charts. */
gboolean     tamu_summary_write_xlsx (const TamuSummary *self,
                                      const char        *path,
                                      GError           **error);

/* The change wording of the report: "meningkat 300%", "menurun 6,7%", "sama", "meningkat signifikan". */
char        *tamu_summary_format_change (int current,
                                         int base);
/* A percentage with a decimal comma, one decimal, none when whole: "47,3", "300". */
char        *tamu_summary_format_pct (double pct);
/* (current − base) / base × 100 rounded to one decimal; NAN when @base is 0. */
double       tamu_summary_change_pct (int current,
                                      int base);

/* ---- the year view ------------------------------------------------ */
typedef struct
{
  int    month;
  int    tatap_muka;          /* held */
  int    tatap_muka_guests;
  int    vidcon;              /* held */
  int    cancelled;           /* both services */
  int    no_show;
  int    ppid_received;
  double ppid_average_days;   /* NAN when none answered */
} TamuYearRow;

typedef struct
{
  int          year;
  gboolean     ppid_available;
  TamuYearRow  months[12];
  TamuYearRow  total;         /* month 0; average days over the year */
} TamuYearSummary;

TamuYearSummary *tamu_year_summary_new (TamuStore *store,
                                        int        year,
                                        GError   **error);
void             tamu_year_summary_free (TamuYearSummary *self);
char            *tamu_year_summary_dup_text (const TamuYearSummary *self);
char            *tamu_year_summary_dup_json (const TamuYearSummary *self);
char            *tamu_year_summary_dup_csv (const TamuYearSummary *self);
gboolean         tamu_year_summary_write_xlsx (const TamuYearSummary *self,
                                               const char            *path,
                                               GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TamuSummary, tamu_summary_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TamuYearSummary, tamu_year_summary_free)

G_END_DECLS
