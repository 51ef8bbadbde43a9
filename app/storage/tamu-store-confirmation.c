/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tamu-store"

#include "config.h"

#include "tamu-store-confirmation.h"

#include <glib/gi18n-lib.h>

#include "tamu-error.h"
#include "tamu-store-private.h"

typedef struct
{
  gint64      id;
  const char *channel;
} RecordConfirmation;

static TamuWriteResult
record_confirmation (TamuStore *self,
                     gpointer   user_data,
                     GError   **error)
{
  RecordConfirmation *data = user_data;
  g_autoptr(TamuBooking) booking = NULL;

  /* The booking must exist (and not be deleted) inside the transaction. */
  if (!tamu_store_lock (self, TAMU_LOCK_BOOKING, data->id, error))
    return TAMU_WRITE_FAILED;
  booking = tamu_store_get_booking (self, data->id, error);
  if (booking == NULL ||
      !tamu_store_audit (self, "booking", data->id, "confirmation", "channel", NULL, data->channel, error))
    return TAMU_WRITE_FAILED;
  return TAMU_WRITE_COMMIT;
}

gboolean
tamu_store_record_confirmation (TamuStore  *self,
                                gint64      id,
                                const char *channel,
                                GError    **error)
{
  RecordConfirmation data = { id, channel };

  g_return_val_if_fail (TAMU_IS_STORE (self), FALSE);

  if (g_strcmp0 (channel, "copy") != 0 && g_strcmp0 (channel, "email") != 0)
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                   _("channel: “%s” is not a way to send a confirmation (copy or email)"),
                   channel != NULL ? channel : "");
      return FALSE;
    }

  return tamu_store_write (self, record_confirmation, &data, error);
}
