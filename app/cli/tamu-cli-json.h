/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "tamu-booking.h"
#include "tamu-rules.h"
#include "tamu-slots.h"

G_BEGIN_DECLS

/* The booking JSON of the command-line contract. */
JsonNode *tamu_cli_booking_to_json (const TamuBooking *booking);
JsonNode *tamu_cli_bookings_to_json (GPtrArray *bookings);
JsonNode *tamu_cli_slots_to_json (GPtrArray *slots);

/* Pretty-printed, UTF-8, with a final newline, on stdout. */
void      tamu_cli_print_json (JsonNode *node);

G_END_DECLS
