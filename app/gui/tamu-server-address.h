/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * The office server's address as the Database preferences edit it: the
 * fields of a libpq key/value string, or a full URI.  The password never
 * goes into an address the app keeps or shows; it lives in the desktop
 * keyring (tamu-keyring.h) and joins the address only in memory, at open.
 */
typedef struct
{
  char *host;
  char *port;
  char *dbname;
  char *user;
} TamuServerFields;

void      tamu_server_fields_clear (TamuServerFields *fields);
/* Reads "host=… port=… dbname=… user=…"; FALSE for a URI or other keys only. */
gboolean  tamu_server_fields_parse (const char       *address,
                                    TamuServerFields *fields);
/* "host=db.kantor port=5432 dbname=tamu user=meja1", values quoted as libpq wants. */
char     *tamu_server_fields_to_address (const TamuServerFields *fields);

/* Whether @address names a PostgreSQL server (a URI or key/value string). */
gboolean  tamu_server_address_is_server (const char *address);
/* The role @address logs in as, or NULL when it names none. */
char     *tamu_server_address_dup_user (const char *address);
/* @address with password @password added, for libpq only: never show it. */
char     *tamu_server_address_with_password (const char *address,
                                             const char *password);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TamuServerFields, tamu_server_fields_clear)

G_END_DECLS
