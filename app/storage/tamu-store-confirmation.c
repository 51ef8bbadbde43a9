/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tamu-store"

#include "config.h"

#include "tamu-store-confirmation.h"

#include <glib/gi18n-lib.h>

#include "tamu-error.h"
#include "tamu-store-private.h"

gboolean
tamu_store_record_confirmation (TamuStore  *self,
                                gint64      id,
                                const char *channel,
                                GError    **error)
{
  g_autoptr(TamuBooking) booking = NULL;

  g_return_val_if_fail (TAMU_IS_STORE (self), FALSE);

  if (g_strcmp0 (channel, "copy") != 0 && g_strcmp0 (channel, "email") != 0)
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                   _("channel: “%s” is not a way to send a confirmation (copy or email)"),
                   channel != NULL ? channel : "");
      return FALSE;
    }

  if (!tamu_store_begin (self, error))
    return FALSE;

  /* The booking must exist (and not be deleted) inside the transaction. */
  booking = tamu_store_get_booking (self, id, error);
  if (booking == NULL ||
      !tamu_store_audit (self, "booking", id, "confirmation", "channel", NULL, channel, error) ||
      !tamu_store_commit (self, error))
    {
      tamu_store_rollback (self);
      return FALSE;
    }

  tamu_store_emit_changed (self);
  return TRUE;
}
