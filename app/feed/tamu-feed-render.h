/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "tamu-store.h"
#include "tamu-store-feeds.h"

G_BEGIN_DECLS

/* What a feed holds: from this many days before today to this many after. */
#define TAMU_FEED_DAYS_BACK 90
#define TAMU_FEED_DAYS_AHEAD 365

/*
 * The strong entity tag of @feed's body as it would be rendered now: a hash
 * of the store's change stamp, the window of days, the feed's filters and
 * @reminder_minutes, so it is known without reading a booking.  Quoted.
 */
char   *tamu_feed_dup_etag (TamuStore      *store,
                            const TamuFeed *feed,
                            int             reminder_minutes,
                            GError        **error);

/*
 * The feed's calendar: the bookings of the window that match the feed's
 * type and room, cancelled and deleted ones left out, as METHOD:PUBLISH
 * named after the feed.
 */
GBytes *tamu_feed_render (TamuStore      *store,
                          const TamuFeed *feed,
                          int             reminder_minutes,
                          GError        **error);

G_END_DECLS
