/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tamu-store.h"

G_BEGIN_DECLS

/*
 * Subscribed calendar feeds (issue 11): named, secret links to the
 * schedule that Outlook, Thunderbird or GNOME Calendar poll.  The token is
 * 32 random bytes from the kernel, base64url (43 characters); it is handed
 * out once by tamu_store_add_feed() and only its SHA-256 is stored, so a
 * copy of the database does not give the links away.  Nothing here writes
 * or logs a token.
 */

#define TAMU_FEED_TOKEN_LENGTH 43



/* Whether @token has the shape of a token (43 base64url characters). */
gboolean   tamu_feed_token_is_well_formed (const char *token);

/*
 * Creates a live feed named @name (unique among live feeds) for bookings of
 * @type (-1 = both) in @room (NULL = any; must be one of the rooms).
 * @out_token receives the token: the only time it exists outside a client.
 * Audited as entity "feed".
 */
TamuFeed  *tamu_store_add_feed (TamuStore  *self,
                                const char *name,
                                int         type,
                                const char *room,
                                char      **out_token,
                                GError    **error);
/* TamuFeed*, by name; @include_revoked adds revoked ones. */
GPtrArray *tamu_store_list_feeds (TamuStore *self,
                                  gboolean   include_revoked,
                                  GError   **error);
/* Revokes the live feed named @name ("name: no feed “x”" when none). */
gboolean   tamu_store_revoke_feed (TamuStore  *self,
                                   const char *name,
                                   GError    **error);
/*
 * "New link": revokes the live feed named @name and makes it again with the
 * same filters and a new token (@out_token), in one transaction.
 */
TamuFeed  *tamu_store_renew_feed (TamuStore  *self,
                                  const char *name,
                                  char      **out_token,
                                  GError    **error);
/*
 * The live feed whose token is @token, comparing hashes in constant time;
 * NULL with TAMU_ERROR_NOT_FOUND for an unknown, malformed or revoked token.
 */
TamuFeed  *tamu_store_lookup_feed (TamuStore  *self,
                                   const char *token,
                                   GError    **error);
/* Records when and from where a feed was last fetched (not audited: it is
 * not a change of data, and the poll must not disturb the change stamp). */
gboolean   tamu_store_record_feed_fetch (TamuStore  *self,
                                         gint64      id,
                                         const char *from,
                                         GError    **error);

/*
 * A short text that changes whenever any booking, setting or holiday
 * changes (the last audit row and the latest updated_at): the feed's ETag
 * is derived from it without reading the bookings.
 */
char      *tamu_store_dup_change_stamp (TamuStore *self,
                                        GError   **error);

G_END_DECLS
