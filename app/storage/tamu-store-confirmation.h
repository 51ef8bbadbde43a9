/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tamu-store.h"

G_BEGIN_DECLS

/*
 * Writes to the audit log that a confirmation of booking @id went to the
 * guests through @channel ("copy" or "email"), by the store's actor, now.
 * The booking itself does not change.
 */
gboolean tamu_store_record_confirmation (TamuStore  *self,
                                         gint64      id,
                                         const char *channel,
                                         GError    **error);

G_END_DECLS
