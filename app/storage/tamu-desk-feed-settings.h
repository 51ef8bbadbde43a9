/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Whether this desk's app serves the calendar feeds while it runs, and on
 * which address: desk preferences (group [feed] of the desk.ini of
 * tamu-desk-settings.h, 0600), not office policy, since only one program
 * on the office network should serve.
 *
 * Keys: "serve-feeds" (true/false, default false), "feed-listen"
 * (ADDRESS:PORT, default 127.0.0.1:8787).
 */

#define TAMU_DESK_FEED_DEFAULT_LISTEN "127.0.0.1:8787"

gboolean tamu_desk_feed_settings_get_serve (void);
gboolean tamu_desk_feed_settings_set_serve (gboolean serve,
                                            GError **error);
/* Never NULL. */
char    *tamu_desk_feed_settings_dup_listen (void);
/* Validates ("feed-listen: “x” is not ADDRESS:PORT") and saves. */
gboolean tamu_desk_feed_settings_set_listen (const char *listen,
                                             GError    **error);

G_END_DECLS
