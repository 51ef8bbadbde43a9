/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tamu-store"

#include "config.h"

#include "tamu-store-invitations.h"
#include "tamu-store-private.h"

int
tamu_store_get_invitation_sequence (TamuStore *self,
                                    gint64     id,
                                    GError   **error)
{
  g_autoptr(GPtrArray) history = NULL;

  g_return_val_if_fail (TAMU_IS_STORE (self), -2);

  history = tamu_store_list_history (self, "booking", id, error);
  if (history == NULL)
    return -2;

  /* The newest record of it counts. */
  for (guint i = history->len; i > 0; i--)
    {
      TamuAuditEntry *entry = g_ptr_array_index (history, i - 1);
      gint64 value;

      if (g_strcmp0 (entry->action, "invitation") != 0 || g_strcmp0 (entry->field, "sequence") != 0)
        continue;
      if (entry->new_value != NULL &&
          g_ascii_string_to_signed (entry->new_value, 10, 0, G_MAXINT, &value, NULL))
        return (int) value;
      return -1;
    }
  return -1;
}

typedef struct
{
  gint64 id;
  int    sequence;
} NoteSequence;

static TamuWriteResult
note_sequence (TamuStore *self,
               gpointer   user_data,
               GError   **error)
{
  NoteSequence *data = user_data;
  g_autofree char *old_text = NULL;
  g_autofree char *new_text = NULL;
  int old;

  if (!tamu_store_lock (self, TAMU_LOCK_BOOKING, data->id, error))
    return TAMU_WRITE_FAILED;
  old = tamu_store_get_invitation_sequence (self, data->id, error);
  if (old == -2)
    return TAMU_WRITE_FAILED;
  if (old == data->sequence)
    return TAMU_WRITE_DISCARD;

  old_text = old >= 0 ? g_strdup_printf ("%d", old) : NULL;
  new_text = g_strdup_printf ("%d", data->sequence);
  if (!tamu_store_audit (self, "booking", data->id, "invitation", "sequence", old_text, new_text, error))
    return TAMU_WRITE_FAILED;
  return TAMU_WRITE_COMMIT;
}

gboolean
tamu_store_note_invitation_sequence (TamuStore *self,
                                     gint64     id,
                                     int        sequence,
                                     GError   **error)
{
  NoteSequence data = { id, sequence };

  g_return_val_if_fail (TAMU_IS_STORE (self), FALSE);
  g_return_val_if_fail (sequence >= 0, FALSE);

  return tamu_store_write (self, note_sequence, &data, error);
}
