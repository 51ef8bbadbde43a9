/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tamu-store"

#include "config.h"

#include "tamu-store-copy.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "tamu-error.h"
#include "tamu-store-address.h"
#include "tamu-store-private.h"

const TamuTable tamu_copy_order[TAMU_N_TABLES] = {
  TAMU_TABLE_SETTINGS,
  TAMU_TABLE_HOLIDAYS,
  TAMU_TABLE_TOPICS,
  TAMU_TABLE_BOOKINGS,
  TAMU_TABLE_BOOKING_TOPICS,
  TAMU_TABLE_PPID_REQUESTS,
  TAMU_TABLE_AUDIT,
  TAMU_TABLE_FEEDS,
};

/* What one side's rows of one kind add up to. */
typedef struct
{
  GChecksum *digest;
  gint64     rows;
} Tally;

static void
tally_init (Tally *tally)
{
  tally->digest = g_checksum_new (G_CHECKSUM_SHA256);
  tally->rows = 0;
}

static void
tally_clear (Tally *tally)
{
  g_clear_pointer (&tally->digest, g_checksum_free);
}

static void
tally_add (Tally              *tally,
           const char * const *values,
           guint               n_values)
{
  /* NULL and "" differ; a value cannot run into the next one. */
  for (guint i = 0; i < n_values; i++)
    {
      if (values[i] == NULL)
        g_checksum_update (tally->digest, (const guchar *) "\1", 1);
      else
        {
          g_checksum_update (tally->digest, (const guchar *) "\2", 1);
          g_checksum_update (tally->digest, (const guchar *) values[i], -1);
        }
      g_checksum_update (tally->digest, (const guchar *) "\37", 1);
    }
  g_checksum_update (tally->digest, (const guchar *) "\36", 1);
  tally->rows++;
}

typedef struct
{
  TamuBackend *dest;
  TamuTable    table;
  Tally        tally;
} CopyRows;

static gboolean
copy_row_cb (const char * const *values,
             guint               n_values,
             gpointer            data,
             GError            **error)
{
  CopyRows *copy = data;

  tally_add (&copy->tally, values, n_values);
  return copy->dest->klass->insert_row (copy->dest, copy->table, values, n_values, error);
}

static gboolean
tally_row_cb (const char * const *values,
              guint               n_values,
              gpointer            data,
              GError            **error)
{
  tally_add (data, values, n_values);
  return TRUE;
}

static gboolean
check_empty (TamuBackend *dest,
             GError     **error)
{
  gint64 bookings = 0, ppid = 0, audit = 0;

  if (!dest->klass->count_rows (dest, TAMU_TABLE_BOOKINGS, &bookings, error) ||
      !dest->klass->count_rows (dest, TAMU_TABLE_PPID_REQUESTS, &ppid, error) ||
      !dest->klass->count_rows (dest, TAMU_TABLE_AUDIT, &audit, error))
    return FALSE;
  if (bookings == 0 && ppid == 0 && audit == 0)
    return TRUE;

  g_set_error (error, TAMU_ERROR, TAMU_ERROR_REFUSED,
               _("db copy: %s is not empty (%lld bookings, %lld PPID requests, %lld audit entries); "
                 "copy into a new database"),
               dest->klass->get_identity (dest), (long long) bookings, (long long) ppid,
               (long long) audit);
  return FALSE;
}

/* Reads back what was written, inside the destination's transaction, and
 * compares it with what was read from the source. */
static gboolean
verify (TamuBackend *source,
        TamuBackend *dest,
        TamuTable    table,
        Tally       *written,
        GError     **error)
{
  const char *name = tamu_table_get_info (table)->name;
  gint64 source_rows = 0, dest_rows = 0;
  Tally reread;
  gboolean same;

  if (!source->klass->count_rows (source, table, &source_rows, error) ||
      !dest->klass->count_rows (dest, table, &dest_rows, error))
    return FALSE;

  tally_init (&reread);
  if (!dest->klass->read_rows (dest, table, tally_row_cb, &reread, error))
    {
      tally_clear (&reread);
      return FALSE;
    }
  same = source_rows == written->rows && dest_rows == written->rows && reread.rows == written->rows &&
         g_strcmp0 (g_checksum_get_string (reread.digest), g_checksum_get_string (written->digest)) == 0;
  tally_clear (&reread);
  if (same)
    return TRUE;

  g_set_error (error, TAMU_ERROR, TAMU_ERROR_STORAGE,
               _("db copy: %s read back differently from %s (%lld rows there, %lld copied, %lld here); "
                 "nothing was copied"),
               name, source->klass->get_identity (source), (long long) source_rows,
               (long long) written->rows, (long long) dest_rows);
  return FALSE;
}

static gboolean
copy_locked (TamuBackend    *source,
             TamuBackend    *dest,
             TamuCopyCounts *counts,
             GError        **error)
{
  if (!check_empty (dest, error))
    return FALSE;

  /* The seeded holidays and topics make way for the source's; children first. */
  for (int i = TAMU_N_TABLES - 1; i >= 0; i--)
    if (!dest->klass->clear_rows (dest, tamu_copy_order[i], error))
      return FALSE;

  for (guint i = 0; i < TAMU_N_TABLES; i++)
    {
      CopyRows copy = { dest, tamu_copy_order[i] };
      gboolean ok;

      tally_init (&copy.tally);
      ok = source->klass->read_rows (source, copy.table, copy_row_cb, &copy, error) &&
           dest->klass->finish_rows (dest, copy.table, error) &&
           verify (source, dest, copy.table, &copy.tally, error);
      counts->rows[copy.table] = copy.tally.rows;
      tally_clear (&copy.tally);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

gboolean
tamu_store_copy_to (TamuStore      *self,
                    TamuStore      *dest,
                    TamuCopyCounts *out_counts,
                    GError        **error)
{
  TamuCopyCounts counts = { { 0 } };
  TamuBackend *from, *to;
  gboolean ok;

  g_return_val_if_fail (TAMU_IS_STORE (self), FALSE);
  g_return_val_if_fail (TAMU_IS_STORE (dest), FALSE);
  g_return_val_if_fail (self->tx_depth == 0 && dest->tx_depth == 0, FALSE);

  from = self->backend;
  to = dest->backend;
  if (from->klass == to->klass &&
      g_strcmp0 (from->klass->get_identity (from), to->klass->get_identity (to)) == 0)
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                   _("db copy: %s is the database being copied"), to->klass->get_identity (to));
      return FALSE;
    }

  if (!from->klass->begin_snapshot (from, error))
    return FALSE;
  if (!to->klass->begin (to, error))
    {
      from->klass->rollback (from);
      return FALSE;
    }

  /* The office lock keeps every other writer of the destination out until
   * the copy is committed or gone. */
  ok = to->klass->lock (to, TAMU_LOCK_OFFICE, 0, error) &&
       copy_locked (from, to, &counts, error) &&
       to->klass->commit (to, error);
  if (!ok)
    to->klass->rollback (to);
  from->klass->rollback (from);

  if (ok && out_counts != NULL)
    *out_counts = counts;
  if (ok)
    tamu_store_emit_changed (dest);
  return ok;
}

static void
remove_database_files (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (wal);
  g_unlink (shm);
  g_unlink (path);
}

static gboolean
set_file_error (const char *path,
                int         saved_errno,
                GError    **error)
{
  g_set_error (error, TAMU_ERROR, TAMU_ERROR_FAILED, _("backup: cannot write %s: %s"),
               path, g_strerror (saved_errno));
  return FALSE;
}

/* Flushes the finished snapshot to disk before it takes its name. */
static gboolean
sync_file (const char *path,
           GError    **error)
{
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  int saved_errno;

  if (fd >= 0 && fsync (fd) == 0)
    {
      close (fd);
      return TRUE;
    }
  saved_errno = errno;
  if (fd >= 0)
    close (fd);
  return set_file_error (path, saved_errno, error);
}

/* Gives @tmp the name @path unless something has it already. */
static gboolean
publish (const char *tmp,
         const char *path,
         GError    **error)
{
  if (link (tmp, path) == 0)
    {
      g_unlink (tmp);
      return TRUE;
    }
  if (errno == EEXIST)
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_REFUSED,
                   _("backup: %s exists already; a backup never replaces a file"), path);
      return FALSE;
    }
  /* File systems without hard links: the check before the copy stands. */
  if (g_rename (tmp, path) == 0)
    return TRUE;
  return set_file_error (path, errno, error);
}

gboolean
tamu_store_backup (TamuStore      *self,
                   const char     *path,
                   TamuCopyCounts *out_counts,
                   GError        **error)
{
  g_autoptr(TamuStoreAddress) address = NULL;
  g_autoptr(TamuStore) snapshot = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp = NULL;
  gboolean ok;
  int fd;

  g_return_val_if_fail (TAMU_IS_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  address = tamu_store_address_parse (path, NULL);
  if (address == NULL || address->kind != TAMU_BACKEND_SQLITE || *path == '\0')
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                   _("backup: give a file name for the SQLite snapshot"));
      return FALSE;
    }
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_REFUSED,
                   _("backup: %s exists already; a backup never replaces a file"), path);
      return FALSE;
    }

  /* In the target folder, so that the last step is a link, not a copy. */
  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  tmp = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    return set_file_error (path, errno, error);
  close (fd);

  snapshot = tamu_store_open (tmp, error);
  ok = snapshot != NULL && tamu_store_copy_to (self, snapshot, out_counts, error);
  /* Closing checkpoints the WAL into the file and removes it. */
  g_clear_object (&snapshot);
  ok = ok && sync_file (tmp, error) && publish (tmp, path, error);
  if (!ok)
    remove_database_files (tmp);
  return ok;
}
