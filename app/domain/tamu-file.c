/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tamu-error.h"
#include "tamu-file.h"
#include "tamu-limits.h"

static gboolean
fail_errno (GError    **error,
            const char *field,
            const char *path,
            int         saved_errno)
{
  g_set_error (error, TAMU_ERROR, TAMU_ERROR_FAILED, _("%s: cannot write %s: %s"),
               field, path, g_strerror (saved_errno));
  return FALSE;
}

/* "DIR/.NAME.XXXXXX": hidden, in the target's folder so rename() is atomic. */
static char *
dup_template (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *name = g_strdup_printf (".%s.XXXXXX", base);

  return g_build_filename (dir, name, NULL);
}

static gboolean
write_all (int         fd,
           const char *data,
           gsize       length)
{
  while (length > 0)
    {
      gssize n = write (fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      data += n;
      length -= n;
    }
  return TRUE;
}

gboolean
tamu_file_write_private (const char *field,
                         const char *path,
                         const void *data,
                         gsize       length,
                         GError    **error)
{
  g_autofree char *tmp = NULL;
  int fd;

  g_return_val_if_fail (field != NULL && path != NULL, FALSE);

  /* O_EXCL: a file (or a planted link) already of that name is never opened. */
  tmp = dup_template (path);
  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    return fail_errno (error, field, path, errno);

  if (!write_all (fd, data, length) || fsync (fd) != 0)
    {
      int saved = errno;

      close (fd);
      g_unlink (tmp);
      return fail_errno (error, field, path, saved);
    }
  if (close (fd) != 0 || g_rename (tmp, path) != 0)
    {
      int saved = errno;

      g_unlink (tmp);
      return fail_errno (error, field, path, saved);
    }
  return TRUE;
}

char *
tamu_file_begin_private (const char *field,
                         const char *path,
                         GError    **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *file = NULL;
  int fd;

  g_return_val_if_fail (field != NULL && path != NULL, NULL);

  dir = dup_template (path);
  if (g_mkdtemp_full (dir, 0700) == NULL)
    {
      fail_errno (error, field, path, errno);
      return NULL;
    }

  /* Only this user can enter the folder, so the name stays ours. */
  base = g_path_get_basename (path);
  file = g_build_filename (dir, base, NULL);
  fd = g_open (file, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;

      g_rmdir (dir);
      fail_errno (error, field, path, saved);
      return NULL;
    }
  close (fd);
  return g_steal_pointer (&file);
}

void
tamu_file_discard_private (const char *tmp)
{
  g_autofree char *dir = NULL;

  if (tmp == NULL)
    return;
  dir = g_path_get_dirname (tmp);
  g_unlink (tmp);
  g_rmdir (dir);
}

gboolean
tamu_file_commit_private (const char *field,
                          const char *tmp,
                          const char *path,
                          GError    **error)
{
  g_autofree char *dir = g_path_get_dirname (tmp);

  /* Whatever the writer did, the file ends readable by its owner only. */
  if (g_chmod (tmp, 0600) != 0 || g_rename (tmp, path) != 0)
    {
      int saved = errno;

      tamu_file_discard_private (tmp);
      return fail_errno (error, field, path, saved);
    }
  g_rmdir (dir);
  return TRUE;
}

gboolean
tamu_file_read_import (const char *path,
                       char      **out_data,
                       gsize      *out_length,
                       GError    **error)
{
  g_autoptr(GByteArray) bytes = NULL;
  struct stat st;
  int fd;

  g_return_val_if_fail (path != NULL && out_data != NULL, FALSE);

  /* O_NONBLOCK: opening a pipe with no writer must not hang. */
  fd = g_open (path, O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, TAMU_ERROR, TAMU_ERROR_FAILED, _("file: cannot read %s: %s"),
                   path, g_strerror (saved));
      return FALSE;
    }
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      close (fd);
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID, _("file: %s is not a regular file"), path);
      return FALSE;
    }
  if (st.st_size > TAMU_MAX_IMPORT_BYTES)
    {
      close (fd);
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID, _("file: %s is larger than %d MiB"),
                   path, TAMU_MAX_IMPORT_MIB);
      return FALSE;
    }

  /* Read to the limit, not to the size: the file may grow meanwhile. */
  bytes = g_byte_array_sized_new (st.st_size + 1);
  for (;;)
    {
      guint8 buffer[65536];
      gssize n = read (fd, buffer, sizeof buffer);

      if (n < 0 && (errno == EINTR || errno == EAGAIN))
        continue;
      if (n < 0)
        {
          int saved = errno;

          close (fd);
          g_set_error (error, TAMU_ERROR, TAMU_ERROR_FAILED, _("file: cannot read %s: %s"),
                       path, g_strerror (saved));
          return FALSE;
        }
      if (n == 0)
        break;
      if (bytes->len + (gsize) n > TAMU_MAX_IMPORT_BYTES)
        {
          close (fd);
          g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID, _("file: %s is larger than %d MiB"),
                       path, TAMU_MAX_IMPORT_MIB);
          return FALSE;
        }
      g_byte_array_append (bytes, buffer, n);
    }
  close (fd);

  if (out_length != NULL)
    *out_length = bytes->len;
  g_byte_array_append (bytes, (const guint8 *) "", 1);
  *out_data = (char *) g_byte_array_free (g_steal_pointer (&bytes), FALSE);
  return TRUE;
}
