/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "tamu-booking.h"

G_BEGIN_DECLS

/*
 * The office's booking log as CSV (issue 2, "CSV import"): a header row,
 * columns in any order, names case-insensitive, English or Indonesian
 * ("Tanggal", "Jenis", "Jumlah Tamu", …; see tamu-booking-csv.c for the list).
 *
 * Required columns: type, date, daerah, topic.  guests is required on every
 * tatap-muka row.  Optional: time (also a range "09:00-10:30"), duration,
 * status, actual_guests, room, instansi, contact, phone, email, ticket, pic,
 * link, notes, override_reason, cancel_reason.  Unknown columns ("No.") are
 * ignored and listed by tamu_booking_csv_get_ignored_columns().
 *
 * Each row checks formats only; the office's rules are the importer's job
 * (tamu_rules_check() with TAMU_CHECK_HISTORICAL for done, cancelled and
 * no-show rows, TAMU_CHECK_NEW for the others).
 */
typedef struct {
  GPtrArray *rows;         /* TamuBooking*, in file order */
  GArray    *line_numbers; /* guint: the file line each row starts on */
  GPtrArray *problems;     /* char*: "line 7: date: “2024-02-30” is not a day …" */
} TamuBookingCsv;

/*
 * Parses @data (@length bytes) into bookings.  @topics is the topic list
 * (TamuTopic*) that topic cells are resolved against; @today decides the
 * default status (done, with actual_guests = guests, for a date before
 * @today; requested otherwise); NULL means tamu_clock_today().
 *
 * Rows with a problem are left out of @rows; every problem of every row is in
 * @problems, in file order.  Blank rows are skipped.  A row's duration is 0
 * when the file gives none: the importer fills in the policy's
 * default_duration.  guest_limit is left 0 for the rules to fill.
 */
TamuBookingCsv *tamu_booking_csv_parse (const char *data, gsize length, GPtrArray *topics, const GDate *today, GError **error); /* error only when the file as a whole is unreadable: not UTF-8, no header, missing required columns */
void            tamu_booking_csv_free (TamuBookingCsv *self);
/* Bookings as CSV in the import's own column names (so an export re-imports), Excel-safe; with_bom for Excel. */
char           *tamu_booking_csv_write (GPtrArray *bookings, gboolean with_bom);

/* As tamu_booking_csv_write(), with ';' as @separator for Excel set to Indonesian. */
char           *tamu_booking_csv_write_full (GPtrArray *bookings,
                                             gboolean   with_bom,
                                             char       separator);

/* The header cells that matched no column, as written ("No.", "Paraf"). */
const char * const *tamu_booking_csv_get_ignored_columns (const TamuBookingCsv *self);

/* The separator the file used: ',' or ';'. */
char            tamu_booking_csv_get_separator (const TamuBookingCsv *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TamuBookingCsv, tamu_booking_csv_free)

G_END_DECLS
