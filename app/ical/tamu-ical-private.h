/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tamu-ical.h"

G_BEGIN_DECLS

/* Shared by the tamu-ical-*.c files; nothing outside app/ical/ includes it. */

/* Appends @text escaped as an RFC 5545 TEXT value (\\ \; \, \n; other
 * control characters dropped, invalid UTF-8 replaced). */
void   tamu_ical_escape_text (GString    *out,
                              const char *text);

/* "Tatap muka: Kab. Bandung — TKD" */
char  *tamu_ical_dup_summary (const TamuBooking *booking);
/* Guests/limit, contact, ticket, PIC, notes: one "Label: value" per line. */
char  *tamu_ical_dup_description (const TamuBooking *booking);

/* tamu_ical_export_bookings() that also counts the events written. */
char  *tamu_ical_export_bookings_counted (GPtrArray *bookings,
                                          int        reminder_minutes,
                                          gsize     *out_length,
                                          guint     *out_count);

/*
 * Decodes @data (UTF-8 with or without BOM, UTF-16 LE/BE with or without
 * BOM), unfolds it and checks its structure line by line (BEGIN/END nesting,
 * property names, sizes) before libical sees it.  Returns clean UTF-8 with
 * one logical line per CRLF line, or NULL with an error naming the line.
 */
char  *tamu_ical_normalize_input (const char *data,
                                  gsize       length,
                                  GError    **error);

G_END_DECLS
