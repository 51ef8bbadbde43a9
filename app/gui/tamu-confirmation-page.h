/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tamu-store.h"

G_BEGIN_DECLS

/*
 * The Preferences page where the team lead edits the guests' confirmation:
 * the contact center's number and the template with its placeholders, with
 * a preview on a sample booking.  Both are office settings in @store.
 */
GtkWidget *tamu_confirmation_page_new (TamuStore *store);

G_END_DECLS
