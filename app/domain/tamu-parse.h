/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Strict parsers for what people type.  @field names the field in the error
 * message ("date: “2024-02-30” is not a day: February 2024 has 29 days").
 */

/* YYYY-MM-DD only. */
gboolean tamu_parse_date (const char *field,
                          const char *text,
                          GDate      *out,
                          GError    **error);

/* YYYY-MM-DD, or Indonesian "1 Maret 2024" / "01 Mar 2024" (also English month names). */
gboolean tamu_parse_date_loose (const char *field,
                                const char *text,
                                GDate      *out,
                                GError    **error);

/* HH:MM (also H:MM and HH.MM), 00:00–23:59; @out_minutes is minutes since midnight. */
gboolean tamu_parse_time (const char *field,
                          const char *text,
                          int        *out_minutes,
                          GError    **error);

/* A whole number in [min, max]. */
gboolean tamu_parse_int (const char *field,
                         const char *text,
                         int         min,
                         int         max,
                         int        *out,
                         GError    **error);

/* "HH:MM-HH:MM", end after start. */
gboolean tamu_parse_time_range (const char *field,
                                const char *text,
                                int        *out_start,
                                int        *out_end,
                                GError    **error);

/* Formatting helpers. */
char *tamu_format_date_iso (const GDate *date);            /* 2024-03-20 */
char *tamu_format_time (int minutes);                       /* 09:30 */
char *tamu_format_date_indonesian (const GDate *date);      /* 20 Maret 2024 */
char *tamu_format_date_long_indonesian (const GDate *date); /* Rabu, 20 Maret 2024 */
const char *tamu_month_name_indonesian (int month);         /* 1 → "Januari" */

G_END_DECLS
