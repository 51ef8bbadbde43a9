/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Which database this desk opens, a desk setting like agent-name: the key
 * "database" in $XDG_CONFIG_HOME/tamu/desk.ini (0600).  Empty: the file on
 * this computer; else the office server's address, never with a password
 * (that is in the keyring, tamu-keyring.h).
 */
char     *tamu_desk_database_dup (void);
/* Refuses an address that carries a password ("address: …"). */
gboolean  tamu_desk_database_set (const char *address,
                                  GError    **error);
/* The file on this computer: $TAMU_DB when it is a file, else the default. */
char     *tamu_desk_database_dup_local_path (void);

/*
 * What the app opens: @address (--db) when given, else $TAMU_DB, else this
 * desk's server, else the file on this computer — with the keyring's
 * password added for a server address that has none.  The result may hold
 * a password: free it with tamu_desk_database_free_connect_address().
 */
char     *tamu_desk_database_dup_connect_address (const char *address);
void      tamu_desk_database_free_connect_address (char *address);

G_END_DECLS
