/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tamu-backend.h"

G_BEGIN_DECLS

/*
 * The embedded backend: one SQLite file, for one desk and for trying Tamu
 * out.  Opens (creating a 0700 folder and a 0600 file) and migrates @path
 * up to schema @version (G_MAXINT = the latest; lower ones build old
 * databases in tests).
 */
TamuBackend *tamu_sqlite_backend_open (const char *path,
                                       int         version,
                                       GError    **error);

G_END_DECLS
