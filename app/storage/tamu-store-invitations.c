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
  sqlite3_stmt *stmt;
  int rc;
  int sequence = -1;

  g_return_val_if_fail (TAMU_IS_STORE (self), -2);

  stmt = tamu_store_prepare (self,
                             "SELECT new_value FROM audit "
                             "WHERE entity = 'booking' AND entity_id = ? "
                             "AND action = 'invitation' AND field = 'sequence' "
                             "ORDER BY id DESC LIMIT 1", error);
  if (stmt == NULL)
    return -2;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      const char *text = (const char *) sqlite3_column_text (stmt, 0);
      gint64 value;

      if (text != NULL && g_ascii_string_to_signed (text, 10, 0, G_MAXINT, &value, NULL))
        sequence = (int) value;
    }
  else if (rc != SQLITE_DONE)
    {
      tamu_store_set_error (self, error);
      sqlite3_reset (stmt);
      return -2;
    }
  sqlite3_reset (stmt);
  return sequence;
}

gboolean
tamu_store_note_invitation_sequence (TamuStore *self,
                                     gint64     id,
                                     int        sequence,
                                     GError   **error)
{
  g_autofree char *old_text = NULL;
  g_autofree char *new_text = NULL;
  int old;

  g_return_val_if_fail (TAMU_IS_STORE (self), FALSE);
  g_return_val_if_fail (sequence >= 0, FALSE);

  if (!tamu_store_begin (self, error))
    return FALSE;
  old = tamu_store_get_invitation_sequence (self, id, error);
  if (old == -2)
    goto failed;
  if (old == sequence)
    {
      tamu_store_rollback (self);
      return TRUE;
    }
  old_text = old >= 0 ? g_strdup_printf ("%d", old) : NULL;
  new_text = g_strdup_printf ("%d", sequence);
  if (!tamu_store_audit (self, "booking", id, "invitation", "sequence", old_text, new_text, error) ||
      !tamu_store_commit (self, error))
    goto failed;
  return TRUE;

failed:
  tamu_store_rollback (self);
  return FALSE;
}
