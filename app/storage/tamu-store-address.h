/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * What --db, TAMU_DB and the app's preferences name: a PostgreSQL server
 * ("postgresql://user@host:5432/tamu?sslmode=require", "postgres://…", or a
 * libpq key/value string such as "host=db.kantor dbname=tamu" or
 * "service=tamu"), or else a SQLite file path.  A text that looks like a URI
 * of any other scheme is refused, never created as a file.
 */
typedef enum
{
  TAMU_BACKEND_SQLITE,
  TAMU_BACKEND_POSTGRESQL,
} TamuBackendKind;

typedef struct
{
  TamuBackendKind kind;
  /* What the engine opens: the file path, or the libpq connection string
   * (which may carry a password: never show or log it). */
  char           *target;
  /* What people may see: the path, or the server address without any
   * password ("postgresql://tamu@db.kantor:5432/tamu"). */
  char           *display;
} TamuStoreAddress;

TamuStoreAddress *tamu_store_address_parse (const char *text,
                                            GError    **error);
void              tamu_store_address_free  (TamuStoreAddress *address);

/* @text with every password removed, for any message that quotes it. */
char             *tamu_store_address_dup_redacted (const char *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TamuStoreAddress, tamu_store_address_free)

G_END_DECLS
