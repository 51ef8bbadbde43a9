/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tamu-window.h"

G_BEGIN_DECLS

#define TAMU_TYPE_DATABASE_PAGE (tamu_database_page_get_type ())
G_DECLARE_FINAL_TYPE (TamuDatabasePage, tamu_database_page, TAMU, DATABASE_PAGE, AdwPreferencesPage)

/*
 * Preferences → Database: where this desk's data lives, "this computer"
 * (the SQLite file) or "office server" (a PostgreSQL address: host, port,
 * database and user, or a full URI), with Test Connection (the server's
 * schema version, or the one-line reason) and a password kept in the
 * desktop keyring.  Using another database rebuilds @window on it, on the
 * same date and view.
 */
GtkWidget *tamu_database_page_new (TamuWindow *window);

G_END_DECLS
