/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tamu-error.h"

G_DEFINE_QUARK (tamu-error-quark, tamu_error)

gboolean
tamu_error_is_refusal (const GError *error)
{
  if (error == NULL || error->domain != TAMU_ERROR)
    return FALSE;
  return error->code == TAMU_ERROR_REFUSED ||
         (error->code >= TAMU_ERROR_GUEST_LIMIT && error->code <= TAMU_ERROR_DAILY_CAP);
}
