/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "tamu-store.h"

G_BEGIN_DECLS

/*
 * The subscribed calendar feed's HTTP server (issue 11), on the GLib main
 * loop.  It answers GET and HEAD of /feed/TOKEN.ics from the store and
 * nothing else: other methods get 405, every other path 404, an unknown or
 * revoked token 404.  A server on an office network is attacked, so what a
 * client can make it do is bounded: header size and count, no request
 * bodies, a cap on open connections (the excess get 503), an idle time-out
 * and a longest life per connection.  Log lines name the feed, never the
 * token.
 */

#define TAMU_FEED_DEFAULT_LISTEN "127.0.0.1:8787"
#define TAMU_FEED_DEFAULT_MAX_CONNECTIONS 256

#define TAMU_TYPE_FEED_SERVER (tamu_feed_server_get_type ())
G_DECLARE_FINAL_TYPE (TamuFeedServer, tamu_feed_server, TAMU, FEED_SERVER, GObject)

/* @reminder_minutes: the VALARM of each event (this desk's setting). */
TamuFeedServer *tamu_feed_server_new (TamuStore *store,
                                      int        reminder_minutes);

void            tamu_feed_server_set_max_connections (TamuFeedServer *self,
                                                      guint           max_connections);
/* TLS from PEM files; call before listening. */
gboolean        tamu_feed_server_set_tls_files (TamuFeedServer *self,
                                                const char     *cert_file,
                                                const char     *key_file,
                                                GError        **error);

/* "ADDR:PORT" ("127.0.0.1:8787", "0.0.0.0:8787", "[::1]:8787"; port 0 = any). */
gboolean        tamu_feed_server_listen (TamuFeedServer *self,
                                         const char     *address,
                                         GError        **error);
/* The port listened on (useful after port 0), 0 before listening. */
guint16         tamu_feed_server_get_port (TamuFeedServer *self);
/* "http://127.0.0.1:8787" as listened on. */
char           *tamu_feed_server_dup_url (TamuFeedServer *self);
/* Closes the listening socket and every connection. */
void            tamu_feed_server_stop (TamuFeedServer *self);

G_END_DECLS
