/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Database passwords typed in the app, kept in the desktop keyring
 * (libsecret, schema id.go.kemenkeu.djpk.Tamu.Database, attributes
 * "address" — the server address without password, as
 * tamu_store_get_identity() shows it — and "user").  Never in a file.
 */
gboolean  tamu_keyring_store_password (const char *address,
                                       const char *password,
                                       GError    **error);
/* The password kept for @address, or NULL (none, or no keyring). */
char     *tamu_keyring_lookup_password (const char *address);
/* Frees a password returned above, wiping it first. */
void      tamu_keyring_password_free (char *password);

G_END_DECLS
