/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tamu-summary"

#include "config.h"

#include <math.h>

#include "tamu-summary-private.h"

/*
 * PPID figures for the summary.  TODO(reports): fill from the PPID helper's
 * tamu-ppid-recap.h once it lands; until then the summary reports the
 * register as unavailable (ppid.available FALSE, zeros).
 */

gboolean
tamu_summary_fill_ppid (TamuStore       *store,
                        int              year,
                        int              month,
                        TamuPpidSummary *ppid,
                        GError         **error)
{
  ppid->available = FALSE;
  return TRUE;
}

gboolean
tamu_year_summary_fill_ppid (TamuStore       *store,
                             TamuYearSummary *self,
                             GError         **error)
{
  self->ppid_available = FALSE;
  return TRUE;
}
