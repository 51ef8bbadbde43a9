/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "tamu-booking.h"

G_BEGIN_DECLS

/*
 * One set of rules for the text fields of a booking, whatever path the
 * value came by (the command line, the CSV and iCalendar importers, the
 * editor): tamu_rules_check() applies them, so every path that stores a
 * booking refuses the same values with the same message.  Lengths are in
 * tamu-limits.h.
 *
 *   daerah, instansi, contact, pic, room, ticket: one line, UTF-8, no
 *     control character, at most TAMU_MAX_NAME_CHARS (ticket
 *     TAMU_MAX_TICKET_CHARS);
 *   phone: a phone number (starts with a digit, "+" or "(", at least five
 *     digits, only digits, spaces and + - ( ) . /), so "=1+1" is refused;
 *   email: one address (local@domain.tld), no blanks;
 *   link: http:// or https://, no blanks or control characters;
 *   notes, override_reason, cancel_reason: several lines allowed,
 *     at most TAMU_MAX_NOTE_CHARS.
 */

/* Every problem of @booking's text fields, one message each ("phone: …"). */
GPtrArray *tamu_fields_list_problems (const TamuBooking *booking);

/* The first problem of tamu_fields_list_problems() as TAMU_ERROR_INVALID. */
gboolean   tamu_fields_check_booking (const TamuBooking *booking,
                                      GError           **error);

/* The single-field checks the booking check is made of. */
gboolean   tamu_fields_is_phone (const char *text);
gboolean   tamu_fields_is_email (const char *text);
gboolean   tamu_fields_is_link (const char *text);

/*
 * A name someone types outside a booking — a holiday, a topic or alias, a
 * room, the agent's name: one line, UTF-8, no control character, not blank,
 * at most TAMU_MAX_NAME_CHARS.  The message starts with @field.
 */
gboolean   tamu_fields_check_name (const char *field,
                                   const char *text,
                                   GError    **error);

G_END_DECLS
