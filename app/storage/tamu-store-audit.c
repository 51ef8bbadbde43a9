/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tamu-store"

#include "config.h"

#include "tamu-store-private.h"

void
tamu_audit_entry_free (TamuAuditEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->at);
  g_free (entry->actor);
  g_free (entry->action);
  g_free (entry->field);
  g_free (entry->old_value);
  g_free (entry->new_value);
  g_free (entry);
}

GPtrArray *
tamu_store_list_history (TamuStore  *self,
                         const char *entity,
                         gint64      id,
                         GError    **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) tamu_audit_entry_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TAMU_IS_STORE (self), NULL);

  stmt = tamu_store_prepare (self,
                             "SELECT at, actor, action, field, old_value, new_value FROM audit "
                             "WHERE entity = ? AND entity_id = ? ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, entity, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TamuAuditEntry *entry = g_new0 (TamuAuditEntry, 1);

      entry->at = tamu_store_dup_column_text (stmt, 0);
      entry->actor = tamu_store_dup_column_text (stmt, 1);
      entry->action = tamu_store_dup_column_text (stmt, 2);
      entry->field = tamu_store_dup_column_text (stmt, 3);
      entry->old_value = tamu_store_dup_column_text (stmt, 4);
      entry->new_value = tamu_store_dup_column_text (stmt, 5);
      g_ptr_array_add (entries, entry);
    }
  if (rc != SQLITE_DONE)
    {
      tamu_store_set_error (self, error);
      return NULL;
    }
  return g_steal_pointer (&entries);
}
