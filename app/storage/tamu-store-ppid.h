/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tamu-ppid.h"
#include "tamu-store.h"

G_BEGIN_DECLS

/*
 * The PPID register on TamuStore.  Every write is one transaction with an
 * audit row per changed field (entity "ppid"); deadlines are computed on the
 * holiday calendar in the same database, so a holiday added after the isbat
 * moves every open deadline.
 */


void             tamu_ppid_filter_init (TamuPpidFilter *filter);

/*
 * Registers a new request: checks its fields, gives it the next number of
 * its year of receipt and audits it.  Returns the stored request.
 */
TamuPpidRequest *tamu_store_add_ppid (TamuStore             *self,
                                      const TamuPpidRequest *draft,
                                      GError               **error);
/*
 * Replaces the register fields of the request @edited->id (requester,
 * information, form, fee, notes, the reasons already given; the receipt
 * date within its month, as the number carries the month).  The state and
 * the dates of steps change only through tamu_store_apply_ppid_step().
 */
TamuPpidRequest *tamu_store_update_ppid (TamuStore             *self,
                                         const TamuPpidRequest *edited,
                                         GError               **error);
/* Takes a step (extend, answer, objection…) when the rules allow it. */
TamuPpidRequest *tamu_store_apply_ppid_step (TamuStore          *self,
                                             gint64              id,
                                             const TamuPpidStep *step,
                                             GError            **error);

TamuPpidRequest *tamu_store_get_ppid (TamuStore *self,
                                      gint64     id,
                                      GError   **error);
/* TamuPpidRequest*, by date of receipt then number. */
GPtrArray       *tamu_store_list_ppid (TamuStore            *self,
                                       const TamuPpidFilter *filter,
                                       GError              **error);

G_END_DECLS
