/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tamu-store.h"

G_BEGIN_DECLS

/*
 * Moving and keeping a whole database: `tamu-cli db copy` and `db backup`.
 *
 * A copy takes every record — bookings with their ids, UIDs and SEQUENCEs
 * (deleted ones too), their topics, the audit log as it was written (actor,
 * time, values), settings, topics (removed ones too, in their order),
 * holidays (removed ones too), the PPID register with its numbers and
 * steps — from one consistent snapshot of the source into an empty
 * destination, in one transaction on the destination: all or nothing.
 * Before committing it reads the destination back and compares, per kind,
 * the number of rows and a SHA-256 digest of their contents with the
 * source's; any difference rolls everything back.
 *
 * "Empty" means no bookings, no PPID requests and no audit entries: a new
 * database, with only the schema and the seeded holidays and topics (which
 * the copy replaces with the source's).  Every change to settings,
 * holidays or topics is audited, so a database someone worked in is never
 * empty.
 */

/* Rows per kind (TamuTable), as copied and verified. */
typedef struct
{
  gint64 rows[TAMU_N_TABLES];
} TamuCopyCounts;

/* The kinds in the order a copy writes them (parents before children). */
extern const TamuTable tamu_copy_order[TAMU_N_TABLES];

/* Copies @self into @dest (see above); @out_counts may be NULL.  A @dest
 * that is not empty fails with TAMU_ERROR_REFUSED and stays as it was. */
gboolean tamu_store_copy_to (TamuStore      *self,
                             TamuStore      *dest,
                             TamuCopyCounts *out_counts,
                             GError        **error);

/*
 * Writes a SQLite snapshot of @self, whichever its backend, to @path: a
 * file any desk opens without the server.  The file is made 0600 next to
 * @path under a temporary name, filled by tamu_store_copy_to() and only
 * then linked to @path, so a reader never meets half a backup.  An
 * existing @path, even an empty one, is refused (TAMU_ERROR_REFUSED):
 * a backup never replaces another.
 */
gboolean tamu_store_backup (TamuStore      *self,
                            const char     *path,
                            TamuCopyCounts *out_counts,
                            GError        **error);

G_END_DECLS
