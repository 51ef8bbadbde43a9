/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tamu-backend.h"

G_BEGIN_DECLS

/*
 * The PostgreSQL backend: opens @conninfo (a libpq URI or key/value string,
 * which may carry a password) and creates or migrates Tamu's schema
 * ("tamu") in that database.  @display is what messages may show (the
 * address without its password); NULL shows only the server's host:port.
 *
 * Errors: TAMU_ERROR_UNAVAILABLE when the server cannot be reached,
 * TAMU_ERROR_STORAGE when the schema is newer than this Tamu or cannot be
 * created.  Never a password, never libpq's multi-line text.
 */
TamuBackend *tamu_pg_backend_open (const char *conninfo,
                                   const char *display,
                                   GError    **error);

/* The schema version this Tamu creates and migrates PostgreSQL databases to. */
int          tamu_pg_backend_get_known_version (void);

G_END_DECLS
