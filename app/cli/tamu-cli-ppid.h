/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "tamu-cli.h"
#include "tamu-ppid.h"

G_BEGIN_DECLS

/* `tamu-cli ppid add|show|list|update|extend|respond|object|object-answer|dispute|withdraw|history|recap` */
int       tamu_cli_ppid (TamuCliContext *ctx,
                         int             argc,
                         char          **argv);

/*
 * The request JSON of the command-line contract: id, number, received, due
 * (after any extension), extended, decision, refusal_reason, responded,
 * service_days, status, overdue (as of @today), and every register field.
 */
JsonNode *tamu_cli_ppid_to_json (const TamuPpidRequest *request,
                                 TamuCalendar          *calendar,
                                 const GDate           *today);

G_END_DECLS
