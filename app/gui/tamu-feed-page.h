/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tamu-store.h"

G_BEGIN_DECLS

#define TAMU_TYPE_FEED_PAGE (tamu_feed_page_get_type ())
G_DECLARE_FINAL_TYPE (TamuFeedPage, tamu_feed_page, TAMU, FEED_PAGE, AdwPreferencesPage)

/*
 * Preferences → Outlook calendar: the subscribed feeds (add with filters,
 * revoke, replace the link) and whether this desk serves them while Tamu
 * runs.  A feed's link holds a secret kept only as a hash, so it is shown
 * once, when made, with a Copy button; a lost link is replaced ("New
 * Link": revoke and make again under the same name).
 */
GtkWidget *tamu_feed_page_new (TamuStore *store);

G_END_DECLS
