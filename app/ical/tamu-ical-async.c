/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tamu-ical"

#include "config.h"

#include <glib/gi18n.h>

#include "tamu-ical.h"
#include "tamu-ical-private.h"

#include "tamu-error.h"
#include "tamu-file.h"

/*
 * The window's way in: the bookings are copied on the calling thread, then
 * the text is built and written (or read and parsed) in a GTask thread, so
 * a big range never freezes the window.
 */

typedef struct
{
  GPtrArray *bookings; /* copies, TamuBooking* */
  gboolean   single;
  int        reminder_minutes;
  char      *organizer_email;
  GFile     *file;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_clear_pointer (&data->bookings, g_ptr_array_unref);
  g_clear_object (&data->file);
  g_free (data->organizer_email);
  g_free (data);
}

static gboolean
write_file (GFile        *file,
            const char   *text,
            gsize         length,
            GCancellable *cancellable,
            GError      **error)
{
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = g_file_get_parse_name (file);
  g_autofree char *path = g_file_get_path (file);

  /* The schedule names people and phone numbers: owner-readable only,
   * written like every other export (tamu-file.h) when it is a local file. */
  if (path != NULL)
    return tamu_file_write_private ("file", path, text, length, error);

  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                           cancellable, &local_error);
  if (stream == NULL ||
      !g_output_stream_write_all (G_OUTPUT_STREAM (stream), text, length, NULL, cancellable, &local_error) ||
      !g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, &local_error))
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_FAILED,
                   _("file: cannot write %s: %s"), name, local_error->message);
      return FALSE;
    }
  return TRUE;
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *data = task_data;
  g_autofree char *text = NULL;
  gsize length = 0;
  guint count = 0;
  GError *error = NULL;

  if (data->single)
    {
      text = tamu_ical_export_booking_full (g_ptr_array_index (data->bookings, 0),
                                            data->reminder_minutes, data->organizer_email, &length);
      count = 1;
    }
  else
    text = tamu_ical_export_bookings_counted (data->bookings, data->reminder_minutes, &length, &count);

  if (!write_file (data->file, text, length, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_int (task, count);
}

static void
start_export (GPtrArray          *copies,
              gboolean            single,
              int                 reminder_minutes,
              const char         *organizer_email,
              GFile              *file,
              GCancellable       *cancellable,
              GAsyncReadyCallback callback,
              gpointer            user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  ExportData *data = g_new0 (ExportData, 1);

  data->bookings = copies;
  data->single = single;
  data->reminder_minutes = reminder_minutes;
  data->organizer_email = g_strdup (organizer_email);
  data->file = g_object_ref (file);
  g_task_set_source_tag (task, tamu_ical_export_file_finish);
  g_task_set_task_data (task, data, (GDestroyNotify) export_data_free);
  g_task_run_in_thread (task, export_thread);
}

void
tamu_ical_export_bookings_to_file_async (GPtrArray          *bookings,
                                         int                 reminder_minutes,
                                         GFile              *file,
                                         GCancellable       *cancellable,
                                         GAsyncReadyCallback callback,
                                         gpointer            user_data)
{
  GPtrArray *copies;

  g_return_if_fail (bookings != NULL);
  g_return_if_fail (G_IS_FILE (file));

  copies = g_ptr_array_new_full (bookings->len, (GDestroyNotify) tamu_booking_unref);
  for (guint i = 0; i < bookings->len; i++)
    g_ptr_array_add (copies, tamu_booking_copy (g_ptr_array_index (bookings, i)));

  start_export (copies, FALSE, reminder_minutes, NULL, file, cancellable, callback, user_data);
}

void
tamu_ical_export_booking_to_file_async (const TamuBooking  *booking,
                                        int                 reminder_minutes,
                                        const char         *organizer_email,
                                        GFile              *file,
                                        GCancellable       *cancellable,
                                        GAsyncReadyCallback callback,
                                        gpointer            user_data)
{
  GPtrArray *copies;

  g_return_if_fail (booking != NULL);
  g_return_if_fail (G_IS_FILE (file));

  copies = g_ptr_array_new_full (1, (GDestroyNotify) tamu_booking_unref);
  g_ptr_array_add (copies, tamu_booking_copy (booking));

  start_export (copies, TRUE, reminder_minutes, organizer_email, file, cancellable, callback, user_data);
}

int
tamu_ical_export_file_finish (GAsyncResult *result,
                              GError      **error)
{
  gssize count;

  g_return_val_if_fail (g_task_is_valid (result, NULL), -1);

  count = g_task_propagate_int (G_TASK (result), error);
  return (int) count;
}

typedef struct
{
  GFile             *file;
  TamuIcalImportKind kind;
  GPtrArray         *topics;
  GPtrArray         *warnings;
} ImportData;

static void
import_data_free (ImportData *data)
{
  g_clear_object (&data->file);
  g_clear_pointer (&data->topics, g_ptr_array_unref);
  g_clear_pointer (&data->warnings, g_ptr_array_unref);
  g_free (data);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportData *data = task_data;
  g_autofree char *contents = NULL;
  g_autofree char *name = g_file_get_parse_name (data->file);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  GError *error = NULL;
  GPtrArray *result;
  gsize length = 0;
  g_autofree char *path = g_file_get_path (data->file);

  /* A local file: regular and within the limit, like every import. */
  if (path != NULL)
    {
      if (!tamu_file_read_import (path, &contents, &length, &error))
        {
          g_task_return_error (task, error);
          return;
        }
    }
  else
    {
      /* Refuse a huge file before reading it into memory. */
      info = g_file_query_info (data->file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
      if (info != NULL && g_file_info_get_size (info) > TAMU_ICAL_MAX_INPUT)
        {
          g_task_return_new_error (task, TAMU_ERROR, TAMU_ERROR_INVALID,
                                   _("file: the file is larger than %d MiB"),
                                   TAMU_ICAL_MAX_INPUT / (1024 * 1024));
          return;
        }
      if (!g_file_load_contents (data->file, cancellable, &contents, &length, NULL, &local_error))
        {
          g_task_return_new_error (task, TAMU_ERROR, TAMU_ERROR_FAILED,
                                   _("file: cannot read %s: %s"), name, local_error->message);
          return;
        }
    }

  if (data->kind == TAMU_ICAL_IMPORT_HOLIDAYS)
    result = tamu_ical_read_holidays (contents, length, FALSE, data->warnings, &error);
  else
    result = tamu_ical_import_invitation (contents, length, data->topics, data->warnings, &error);

  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, (GDestroyNotify) g_ptr_array_unref);
}

void
tamu_ical_import_file_async (GFile              *file,
                             TamuIcalImportKind  kind,
                             GPtrArray          *topics,
                             GCancellable       *cancellable,
                             GAsyncReadyCallback callback,
                             gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportData *data;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  data = g_new0 (ImportData, 1);
  data->file = g_object_ref (file);
  data->kind = kind;
  data->topics = topics != NULL ? g_ptr_array_ref (topics) : NULL;
  data->warnings = g_ptr_array_new_with_free_func (g_free);
  g_task_set_source_tag (task, tamu_ical_import_file_async);
  g_task_set_task_data (task, data, (GDestroyNotify) import_data_free);
  g_task_run_in_thread (task, import_thread);
}

GPtrArray *
tamu_ical_import_file_finish (GAsyncResult *result,
                              GPtrArray   **out_warnings,
                              GError      **error)
{
  ImportData *data;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  data = g_task_get_task_data (G_TASK (result));
  if (out_warnings != NULL)
    *out_warnings = g_ptr_array_ref (data->warnings);
  return g_task_propagate_pointer (G_TASK (result), error);
}
