/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "bench-data.h"

#include <stdlib.h>

static const char * const daerah[] = {
  "Kab. Bandung", "Kab. Boyolali", "Kab. Sintang", "Bank Kalbar", "Kab. Konawe Kepulauan",
  "Kab. Banjar", "Kota Ternate", "Kab. Brebes", "Kota Pematangsiantar", "Kab. Kupang",
  "Prov. Sumatera Utara", "Kota Banjar", "Kab. Kuningan", "Prov. Jawa Barat", "Kota Bogor",
};
static const char * const topics[] = { "TKD", "DAU", "DBH", "PDRD", "SHSR", "JF AKPD", "Hibah" };

double
tamu_bench_now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

double
tamu_bench_median (double *values,
                   int     n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

TamuBooking *
tamu_bench_synthetic (const GDate *date,
                      int          i)
{
  TamuBooking *b = tamu_booking_new ();

  b->type = i % 7 == 0 ? TAMU_BOOKING_VIDCON : TAMU_BOOKING_TATAP_MUKA;
  b->date = *date;
  b->start = 8 * 60 + (i % 7) * 60;
  if (b->start >= 12 * 60)
    b->start += 60; /* after the break */
  b->duration = 60;
  b->daerah = g_strdup (daerah[(i * 7 + g_date_get_julian (date)) % G_N_ELEMENTS (daerah)]);
  g_strfreev (b->topics);
  b->topics = g_strsplit (topics[i % G_N_ELEMENTS (topics)], ",", -1);
  b->guests = 1 + i % 7;
  b->status = i % 23 == 0 ? TAMU_STATUS_CANCELLED : (i % 31 == 0 ? TAMU_STATUS_NO_SHOW : TAMU_STATUS_DONE);
  b->actual_guests = b->status == TAMU_STATUS_DONE ? b->guests : -1;
  b->contact = g_strdup_printf ("Kontak %d", i);
  b->ticket = g_strdup_printf ("TKT-%06d", i);
  return b;
}
