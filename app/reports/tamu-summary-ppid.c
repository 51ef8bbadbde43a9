/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tamu-summary"

#include "config.h"

#include <math.h>

#include "tamu-ppid-recap.h"
#include "tamu-summary-private.h"

/*
 * PPID figures for the summary, from the PPID register's recap
 * (tamu-ppid-recap.h): a request counts in the month it was received.
 */

gboolean
tamu_summary_fill_ppid (TamuStore       *store,
                        int              year,
                        int              month,
                        TamuPpidSummary *ppid,
                        GError         **error)
{
  g_autoptr(TamuPpidRecap) recap = NULL;
  const TamuPpidRecapRow *row;

  recap = tamu_ppid_recap_load (store, year, error);
  if (recap == NULL)
    return FALSE;

  row = tamu_ppid_recap_get_month (recap, month);
  ppid->row = *row;
  ppid->received = row->received;
  ppid->average_service_days = tamu_ppid_recap_row_get_average (row);
  ppid->granted = row->granted;
  ppid->partial = row->partial;
  ppid->refused = tamu_ppid_recap_row_get_refused (row);
  ppid->objections = row->objections;
  ppid->disputes = row->disputes;

  if (month > 1)
    ppid->previous_month = tamu_ppid_recap_get_month (recap, month - 1)->received;
  else if (!tamu_ppid_count_received (store, year - 1, 12, &ppid->previous_month, error))
    return FALSE;
  if (!tamu_ppid_count_received (store, year - 1, month, &ppid->same_month_last_year, error))
    return FALSE;

  ppid->change_vs_previous_pct = tamu_summary_change_pct (ppid->received, ppid->previous_month);
  ppid->change_vs_last_year_pct = tamu_summary_change_pct (ppid->received, ppid->same_month_last_year);
  ppid->year_recap = g_steal_pointer (&recap);
  ppid->available = TRUE;

  return TRUE;
}

gboolean
tamu_year_summary_fill_ppid (TamuStore       *store,
                             TamuYearSummary *self,
                             GError         **error)
{
  g_autoptr(TamuPpidRecap) recap = NULL;

  recap = tamu_ppid_recap_load (store, self->year, error);
  if (recap == NULL)
    return FALSE;

  for (int m = 1; m <= 12; m++)
    {
      const TamuPpidRecapRow *row = tamu_ppid_recap_get_month (recap, m);

      self->months[m - 1].ppid_received = row->received;
      self->months[m - 1].ppid_average_days = tamu_ppid_recap_row_get_average (row);
    }
  /* The recap's own total: the average over every answered request. */
  self->total.ppid_average_days = tamu_ppid_recap_row_get_average (tamu_ppid_recap_get_totals (recap));
  self->ppid_available = TRUE;

  return TRUE;
}
