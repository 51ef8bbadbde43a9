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
  g_free (entry->db_user);
  g_free (entry);
}

GPtrArray *
tamu_store_list_history (TamuStore  *self,
                         const char *entity,
                         gint64      id,
                         GError    **error)
{
  g_return_val_if_fail (TAMU_IS_STORE (self), NULL);

  return TAMU_BACKEND_CALL (self, list_audit, entity, id, error);
}
