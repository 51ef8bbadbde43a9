/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Files Tamu writes and reads for people: exports hold guests' names and
 * phone numbers, imports come from anywhere.  Every export goes through
 * these, so all of them are written the same safe way.
 */

/*
 * Writes @length bytes of @data to @path, readable by its owner only (0600):
 * into a new file created exclusively in @path's folder, then renamed over
 * @path.  A symlink at @path is replaced, never followed, and a reader never
 * sees half a file.  Messages start with @field ("output", "chart").
 */
gboolean tamu_file_write_private (const char *field,
                                  const char *path,
                                  const void *data,
                                  gsize       length,
                                  GError    **error);

/*
 * For writers that need a file name (libxlsxwriter): creates a private
 * folder (0700) beside @path holding an empty file (0600, created
 * exclusively) and returns that file's name.  Write it, then
 * tamu_file_commit_private() renames it over @path and removes the folder;
 * tamu_file_discard_private() removes both instead.
 */
char    *tamu_file_begin_private (const char *field,
                                  const char *path,
                                  GError    **error);
gboolean tamu_file_commit_private (const char *field,
                                   const char *tmp,
                                   const char *path,
                                   GError    **error);
void     tamu_file_discard_private (const char *tmp);

/*
 * Reads a file to import: a regular file (not a device, pipe or folder) of
 * at most TAMU_MAX_IMPORT_BYTES, else "file: /dev/zero is not a regular
 * file" or "file: … is larger than 32 MiB".  The contents are
 * NUL-terminated.
 */
gboolean tamu_file_read_import (const char *path,
                                char      **out_data,
                                gsize      *out_length,
                                GError    **error);

G_END_DECLS
