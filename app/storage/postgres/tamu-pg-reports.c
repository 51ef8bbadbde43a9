/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tamu-pg"

#include "config.h"

#include "tamu-pg-private.h"

/* Counts for the month view and the monthly summary. */

static GArray *
pg_count_by_day (TamuBackend *backend,
                 const GDate *from,
                 const GDate *to,
                 GError     **error)
{
  g_autoptr(GArray) counts = g_array_new (FALSE, TRUE, sizeof (TamuDayCount));
  g_auto(TamuPgParams) params = { 0 };
  g_autoptr(PGresult) result = NULL;

  tamu_pg_params_date (&params, from);
  tamu_pg_params_date (&params, to);
  result = tamu_pg_exec (TAMU_PG (backend),
                         "SELECT date, count(*) FILTER (WHERE type = 'tatap-muka'),"
                         " count(*) FILTER (WHERE type = 'vidcon')"
                         " FROM bookings WHERE deleted_at IS NULL"
                         " AND date BETWEEN $1::date AND $2::date"
                         " AND status IN ('requested', 'confirmed', 'done')"
                         " GROUP BY date ORDER BY date",
                         &params, error);
  if (result == NULL)
    return NULL;

  for (int i = 0; i < PQntuples (result); i++)
    {
      TamuDayCount count = { 0 };

      if (!tamu_pg_get_date (result, i, 0, &count.date) || !g_date_valid (&count.date))
        continue;
      count.visits = (int) tamu_pg_get_int (result, i, 1, 0);
      count.vidcons = (int) tamu_pg_get_int (result, i, 2, 0);
      g_array_append_val (counts, count);
    }
  return g_steal_pointer (&counts);
}

static GArray *
pg_count_by_month (TamuBackend *backend,
                   const GDate *from,
                   const GDate *to,
                   GError     **error)
{
  g_autoptr(GArray) counts = g_array_new (FALSE, TRUE, sizeof (TamuMonthCount));
  g_auto(TamuPgParams) params = { 0 };
  g_autoptr(PGresult) result = NULL;

  tamu_pg_params_date (&params, from);
  tamu_pg_params_date (&params, to);
  result = tamu_pg_exec (TAMU_PG (backend),
                         "SELECT extract(year FROM date)::int AS y, extract(month FROM date)::int AS m,"
                         " type, status, count(*),"
                         " coalesce(sum(actual_guests) FILTER (WHERE status = 'done' AND actual_guests > 0), 0)"
                         " FROM bookings WHERE deleted_at IS NULL"
                         " AND ($1::date IS NULL OR date >= $1::date)"
                         " AND ($2::date IS NULL OR date <= $2::date)"
                         " GROUP BY y, m, type, status ORDER BY y, m, type, status",
                         &params, error);
  if (result == NULL)
    return NULL;

  for (int i = 0; i < PQntuples (result); i++)
    {
      TamuMonthCount cell = { 0 };

      cell.year = (int) tamu_pg_get_int (result, i, 0, 0);
      cell.month = (int) tamu_pg_get_int (result, i, 1, 0);
      if (!tamu_booking_type_from_string (PQgetvalue (result, i, 2), &cell.type) ||
          !tamu_booking_status_from_string (PQgetvalue (result, i, 3), &cell.status))
        continue; /* the schema's CHECK constraints make this unreachable */
      cell.count = (int) tamu_pg_get_int (result, i, 4, 0);
      cell.guests = (int) tamu_pg_get_int (result, i, 5, 0);
      g_array_append_val (counts, cell);
    }
  return g_steal_pointer (&counts);
}

static gboolean
pg_count_by_type (TamuBackend      *backend,
                  const GDate      *from,
                  const GDate      *to,
                  TamuBookingStatus status,
                  int               out_counts[2],
                  GError          **error)
{
  g_auto(TamuPgParams) params = { 0 };
  g_autoptr(PGresult) result = NULL;

  tamu_pg_params_date (&params, from);
  tamu_pg_params_date (&params, to);
  tamu_pg_params_text (&params, tamu_booking_status_to_string (status));
  result = tamu_pg_exec (TAMU_PG (backend),
                         "SELECT count(*) FILTER (WHERE type = 'tatap-muka'),"
                         " count(*) FILTER (WHERE type = 'vidcon')"
                         " FROM bookings WHERE deleted_at IS NULL"
                         " AND ($1::date IS NULL OR date >= $1::date)"
                         " AND ($2::date IS NULL OR date <= $2::date)"
                         " AND status = $3::text",
                         &params, error);
  if (result == NULL)
    return FALSE;
  out_counts[TAMU_BOOKING_TATAP_MUKA] = (int) tamu_pg_get_int (result, 0, 0, 0);
  out_counts[TAMU_BOOKING_VIDCON] = (int) tamu_pg_get_int (result, 0, 1, 0);
  return TRUE;
}

void
tamu_pg_reports_fill (TamuBackendClass *klass)
{
  klass->count_by_day = pg_count_by_day;
  klass->count_by_month = pg_count_by_month;
  klass->count_by_type = pg_count_by_type;
}
