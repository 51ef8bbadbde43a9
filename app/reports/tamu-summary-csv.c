/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tamu-summary"

#include "config.h"

#include <math.h>

#include "tamu-csv.h"
#include "tamu-parse.h"
#include "tamu-summary-private.h"

/*
 * The summary as one CSV file of sections (figures, then each table), for
 * Excel with Indonesian settings: ';' between cells and a decimal comma, a
 * UTF-8 BOM, every cell through tamu-csv's writer so that a daerah typed as
 * "=HYPERLINK(…)" stays text.  Headers are the report's Indonesian ones.
 */
#define SEP ';'

static void
row (GString *out,
     ...)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();
  va_list args;
  const char *cell;

  va_start (args, out);
  while ((cell = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (cells, (gpointer) cell);
  va_end (args);

  tamu_csv_append_row (out, (const char * const *) cells->pdata, cells->len, SEP);
}

static void
blank (GString *out)
{
  g_string_append (out, "\r\n");
}

static void
figures_row (GString    *out,
             const char *label,
             int         previous,
             int         last_year,
             int         current,
             double      vs_previous,
             double      vs_last_year)
{
  g_autofree char *a = g_strdup_printf ("%d", previous);
  g_autofree char *b = g_strdup_printf ("%d", last_year);
  g_autofree char *c = g_strdup_printf ("%d", current);
  g_autofree char *d = isnan (vs_previous) ? g_strdup ("") : tamu_summary_format_pct (vs_previous);
  g_autofree char *e = isnan (vs_last_year) ? g_strdup ("") : tamu_summary_format_pct (vs_last_year);

  row (out, label, a, b, c, d, e, NULL);
}

static void
service_table (GString                  *out,
               const char               *title,
               const TamuServiceSummary *service,
               gboolean                  with_guests)
{
  blank (out);
  row (out, title, NULL);
  if (with_guests)
    row (out, "Tanggal", "Daerah", "Topik", "Jumlah Tamu", NULL);
  else
    row (out, "Tanggal", "Daerah", "Topik", NULL);

  for (guint i = 0; i < service->rows->len; i++)
    {
      const TamuBooking *b = g_ptr_array_index (service->rows, i);
      g_autofree char *date = tamu_format_date_iso (&b->date);
      g_autofree char *topics = tamu_booking_dup_topics_text (b);
      g_autofree char *guests = g_strdup_printf ("%d", b->actual_guests >= 0 ? b->actual_guests : b->guests);

      if (with_guests)
        row (out, date, tamu_summary_daerah_name (b), topics, guests, NULL);
      else
        row (out, date, tamu_summary_daerah_name (b), topics, NULL);
    }
}

static void
counts_table (GString    *out,
              const char *title,
              const char *name_header,
              GPtrArray  *counts)
{
  blank (out);
  row (out, title, NULL);
  row (out, name_header, "Jumlah", NULL);
  for (guint i = 0; i < counts->len; i++)
    {
      const TamuSummaryCount *c = g_ptr_array_index (counts, i);
      g_autofree char *n = g_strdup_printf ("%d", c->count);

      row (out, c->name, n, NULL);
    }
}

char *
tamu_summary_dup_csv (const TamuSummary *self)
{
  GString *out = g_string_new (TAMU_CSV_BOM);
  g_autofree char *this_month = tamu_summary_dup_month_label (self->year, self->month);
  g_autofree char *prev_month = tamu_summary_dup_month_label (self->month == 1 ? self->year - 1 : self->year,
                                                              self->month == 1 ? 12 : self->month - 1);
  g_autofree char *last_year = tamu_summary_dup_month_label (self->year - 1, self->month);
  g_autofree char *cumulative = g_strdup_printf ("%d", self->tatap_muka.cumulative);
  g_autofree char *since = g_strdup_printf ("Kumulatif tatap muka sejak %d", self->tatap_muka.cumulative_since);
  g_autofree char *guests = g_strdup_printf ("%d", self->tatap_muka.guests);
  g_autofree char *limit = g_strdup_printf ("%d", self->guest_limit);
  const TamuServiceSummary *tm = &self->tatap_muka;
  const TamuServiceSummary *vc = &self->vidcon;

  g_return_val_if_fail (self != NULL, NULL);

  row (out, "Ringkasan", this_month, NULL);
  row (out, "Layanan", prev_month, last_year, this_month,
       "Perubahan vs bulan sebelumnya (%)", "Perubahan vs tahun lalu (%)", NULL);
  figures_row (out, "Konsultasi Tatap Muka", tm->previous_month, tm->same_month_last_year,
               tm->held, tm->change_vs_previous_pct, tm->change_vs_last_year_pct);
  figures_row (out, "Video Conference", vc->previous_month, vc->same_month_last_year,
               vc->held, vc->change_vs_previous_pct, vc->change_vs_last_year_pct);
  if (self->ppid.available)
    figures_row (out, "Permohonan PPID", self->ppid.previous_month, self->ppid.same_month_last_year,
                 self->ppid.received, self->ppid.change_vs_previous_pct,
                 self->ppid.change_vs_last_year_pct);
  row (out, since, cumulative, NULL);
  row (out, "Jumlah tamu tatap muka", guests, NULL);
  row (out, "Batas jumlah tamu", limit, NULL);
  {
    g_autofree char *c1 = g_strdup_printf ("%d", tm->cancelled);
    g_autofree char *c2 = g_strdup_printf ("%d", tm->no_show);
    g_autofree char *c3 = g_strdup_printf ("%d", vc->cancelled);
    g_autofree char *c4 = g_strdup_printf ("%d", vc->no_show);

    row (out, "Tatap muka dibatalkan", c1, NULL);
    row (out, "Tatap muka tidak hadir", c2, NULL);
    row (out, "Video conference dibatalkan", c3, NULL);
    row (out, "Video conference tidak hadir", c4, NULL);
  }
  if (self->ppid.available && !isnan (self->ppid.average_service_days))
    {
      g_autofree char *days = tamu_summary_format_days (self->ppid.average_service_days);

      row (out, "Rata-rata waktu layanan PPID (hari kerja)", days, NULL);
    }

  service_table (out, "Konsultasi Tatap Muka", tm, TRUE);
  service_table (out, "Video Conference", vc, FALSE);

  blank (out);
  row (out, "Jumlah tamu melebihi ketentuan", NULL);
  row (out, "Tanggal", "Daerah", "Jumlah Tamu", "Batas", "Alasan Persetujuan", NULL);
  for (guint i = 0; i < tm->over_limit->len; i++)
    {
      const TamuBooking *b = g_ptr_array_index (tm->over_limit, i);
      g_autofree char *date = tamu_format_date_iso (&b->date);
      g_autofree char *n = g_strdup_printf ("%d", b->actual_guests);
      g_autofree char *l = g_strdup_printf ("%d", b->guest_limit);

      row (out, date, tamu_summary_daerah_name (b), n, l,
           b->override_reason ? b->override_reason : "", NULL);
    }

  counts_table (out, "Topik", "Topik", self->by_topic);
  counts_table (out, "Pemda pengguna terbanyak", "Daerah", self->top_daerah);
  counts_table (out, "Provinsi terbanyak", "Provinsi", self->top_provinces);

  blank (out);
  row (out, "Peringatan", NULL);
  for (guint i = 0; i < self->warnings->len; i++)
    row (out, g_ptr_array_index (self->warnings, i), NULL);

  return g_string_free (out, FALSE);
}

char *
tamu_year_summary_dup_csv (const TamuYearSummary *self)
{
  GString *out = g_string_new (TAMU_CSV_BOM);

  g_return_val_if_fail (self != NULL, NULL);

  if (self->ppid_available)
    row (out, "Bulan", "Tatap Muka", "Jumlah Tamu", "Video Conference", "Dibatalkan",
         "Tidak Hadir", "Permohonan PPID", "Rata-rata Hari Layanan PPID", NULL);
  else
    row (out, "Bulan", "Tatap Muka", "Jumlah Tamu", "Video Conference", "Dibatalkan",
         "Tidak Hadir", NULL);

  for (int m = 0; m <= 12; m++)
    {
      const TamuYearRow *r = m < 12 ? &self->months[m] : &self->total;
      g_autofree char *label = m < 12 ? tamu_summary_dup_month_label (self->year, m + 1)
                                      : g_strdup ("Total");
      g_autofree char *a = g_strdup_printf ("%d", r->tatap_muka);
      g_autofree char *b = g_strdup_printf ("%d", r->tatap_muka_guests);
      g_autofree char *c = g_strdup_printf ("%d", r->vidcon);
      g_autofree char *d = g_strdup_printf ("%d", r->cancelled);
      g_autofree char *e = g_strdup_printf ("%d", r->no_show);
      g_autofree char *f = g_strdup_printf ("%d", r->ppid_received);
      g_autofree char *g = isnan (r->ppid_average_days) ? g_strdup ("")
                                                         : tamu_summary_format_days (r->ppid_average_days);

      if (self->ppid_available)
        row (out, label, a, b, c, d, e, f, g, NULL);
      else
        row (out, label, a, b, c, d, e, NULL);
    }

  return g_string_free (out, FALSE);
}
