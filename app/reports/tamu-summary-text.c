/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tamu-summary"

#include "config.h"

#include <math.h>

#include "tamu-parse.h"
#include "tamu-regions.h"
#include "tamu-summary-private.h"

/*
 * The narrative of the monthly report.  It is written in Indonesian whatever
 * the locale, in the report's own wording, because it is pasted into the
 * Indonesian report: these strings are content, not interface, and are
 * deliberately not marked for translation.
 */

char *
tamu_summary_format_pct (double pct)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  double rounded = round (pct * 10.0) / 10.0;
  char *dot;

  if (isnan (pct))
    return g_strdup ("-");

  if (rounded == floor (rounded))
    return g_strdup_printf ("%.0f", rounded);

  g_ascii_formatd (buffer, sizeof buffer, "%.1f", rounded);
  dot = strchr (buffer, '.');
  if (dot != NULL)
    *dot = ',';

  return g_strdup (buffer);
}

char *
tamu_summary_format_days (double days)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char *dot;

  if (isnan (days))
    return g_strdup ("-");

  g_ascii_formatd (buffer, sizeof buffer, "%.2f", days);
  dot = strchr (buffer, '.');
  if (dot != NULL)
    *dot = ',';

  return g_strdup (buffer);
}

char *
tamu_summary_format_change (int current,
                            int base)
{
  double pct;
  g_autofree char *text = NULL;

  if (current == base)
    return g_strdup ("sama");
  if (base == 0)
    return g_strdup ("meningkat signifikan");

  pct = tamu_summary_change_pct (current, base);
  if (pct == 0.0)
    return g_strdup ("relatif sama");

  text = tamu_summary_format_pct (fabs (pct));
  return g_strdup_printf ("%s %s%%", pct > 0 ? "meningkat" : "menurun", text);
}

char *
tamu_summary_dup_month_label (int year,
                              int month)
{
  return g_strdup_printf ("%s %d", tamu_month_name_indonesian (month), year);
}

/* "A", "A dan B", "A, B, dan C" */
static void
append_list (GString   *out,
             GPtrArray *items)
{
  for (guint i = 0; i < items->len; i++)
    {
      if (i > 0 && items->len == 2)
        g_string_append (out, " dan ");
      else if (i > 0 && i == items->len - 1)
        g_string_append (out, ", dan ");
      else if (i > 0)
        g_string_append (out, ", ");
      g_string_append (out, g_ptr_array_index (items, i));
    }
}

/* "Jumlah tersebut meningkat 300% dibandingkan layanan pada bulan sebelumnya
 * (1 layanan). Jika dibandingkan dengan Maret 2023 (16 layanan), jumlah
 * tersebut menurun 75%." */
static void
append_comparisons (GString    *out,
                    int         year,
                    int         month,
                    int         current,
                    int         previous,
                    int         last_year,
                    const char *what,
                    const char *unit)
{
  g_autofree char *vs_previous = tamu_summary_format_change (current, previous);
  g_autofree char *vs_last_year = tamu_summary_format_change (current, last_year);
  g_autofree char *last_year_label = tamu_summary_dup_month_label (year - 1, month);

  g_string_append_printf (out,
                          " Jumlah tersebut %s dibandingkan %s pada bulan sebelumnya (%d %s).",
                          vs_previous, what, previous, unit);
  g_string_append_printf (out,
                          " Jika dibandingkan dengan %s (%d %s), jumlah tersebut %s.",
                          last_year_label, last_year, unit, vs_last_year);
}

static void
append_tatap_muka (GString           *out,
                   const TamuSummary *self)
{
  const TamuServiceSummary *tm = &self->tatap_muka;
  const char *month_name = tamu_month_name_indonesian (self->month);

  if (tm->held > 0)
    g_string_append_printf (out,
                            "Selama bulan %s, telah dilaksanakan %d kali konsultasi tatap muka "
                            "sehingga jumlah konsultasi tatap muka yang telah dilaksanakan "
                            "sejak %d sebanyak %d.",
                            month_name, tm->held, tm->cumulative_since, tm->cumulative);
  else
    g_string_append_printf (out,
                            "Selama bulan %s, tidak ada konsultasi tatap muka yang dilaksanakan; "
                            "jumlah konsultasi tatap muka yang telah dilaksanakan sejak %d "
                            "sebanyak %d.",
                            month_name, tm->cumulative_since, tm->cumulative);

  append_comparisons (out, self->year, self->month, tm->held, tm->previous_month,
                      tm->same_month_last_year, "layanan", "layanan");

  if (tm->held > 0)
    g_string_append_printf (out, " Jumlah tamu yang hadir sebanyak %d orang.", tm->guests);
  if (tm->cancelled > 0 || tm->no_show > 0)
    g_string_append_printf (out,
                            " Selain itu, %d reservasi dibatalkan dan %d reservasi tidak dihadiri.",
                            tm->cancelled, tm->no_show);

  if (tm->over_limit->len > 0)
    {
      g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);

      g_string_append (out, "\n\n");
      g_string_append_printf (out,
                              "Namun, dalam pelaksanaannya, %s belum mematuhi ketentuan "
                              "pelaksanaan konsultasi tatap muka, seperti jumlah tamu yang "
                              "hadir melebihi ketentuan.",
                              tm->over_limit->len > 1 ? "beberapa Pemerintah Daerah"
                                                      : "terdapat Pemerintah Daerah yang");

      for (guint i = 0; i < tm->over_limit->len; i++)
        {
          const TamuBooking *b = g_ptr_array_index (tm->over_limit, i);
          g_autofree char *date = tamu_format_date_indonesian (&b->date);

          if (b->override_reason != NULL && *b->override_reason != '\0')
            g_ptr_array_add (items,
                             g_strdup_printf ("%s (%s, %d tamu dari batas %d; dengan persetujuan: %s)",
                                              tamu_summary_daerah_name (b), date,
                                              b->actual_guests, b->guest_limit,
                                              b->override_reason));
          else
            g_ptr_array_add (items,
                             g_strdup_printf ("%s (%s, %d tamu dari batas %d)",
                                              tamu_summary_daerah_name (b), date,
                                              b->actual_guests, b->guest_limit));
        }

      g_string_append_printf (out,
                              " Terdapat %u kunjungan dengan jumlah tamu melebihi batas, yaitu ",
                              tm->over_limit->len);
      append_list (out, items);
      g_string_append_c (out, '.');
    }
}

static void
append_vidcon (GString           *out,
               const TamuSummary *self)
{
  const TamuServiceSummary *vc = &self->vidcon;
  const char *month_name = tamu_month_name_indonesian (self->month);

  if (vc->held > 0)
    g_string_append_printf (out,
                            "Selama bulan %s, telah dilaksanakan Video Conference melalui "
                            "aplikasi Ms. Team sebanyak %d kali.",
                            month_name, vc->held);
  else
    g_string_append_printf (out,
                            "Selama bulan %s, tidak ada Video Conference yang dilaksanakan.",
                            month_name);

  append_comparisons (out, self->year, self->month, vc->held, vc->previous_month,
                      vc->same_month_last_year, "layanan", "layanan");
}

static void
append_ppid (GString           *out,
             const TamuSummary *self)
{
  const TamuPpidSummary *ppid = &self->ppid;

  if (ppid->received > 0)
    g_string_append_printf (out,
                            "Selama bulan %s, DJPK menerima %d permohonan informasi melalui "
                            "Pejabat Pengelola Informasi dan Dokumentasi (PPID) DJPK.",
                            tamu_month_name_indonesian (self->month), ppid->received);
  else
    g_string_append_printf (out,
                            "Selama bulan %s, tidak ada permohonan informasi yang diterima melalui "
                            "Pejabat Pengelola Informasi dan Dokumentasi (PPID) DJPK.",
                            tamu_month_name_indonesian (self->month));
  append_comparisons (out, self->year, self->month, ppid->received, ppid->previous_month,
                      ppid->same_month_last_year, "permohonan", "permohonan");

  if (!isnan (ppid->average_service_days))
    {
      g_autofree char *days = tamu_summary_format_days (ppid->average_service_days);

      g_string_append_printf (out,
                              " Rata-rata waktu layanan permohonan adalah %s hari kerja.", days);
    }
}

static void
append_top (GString           *out,
            const TamuSummary *self)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  guint limit;

  if (self->top_daerah->len > 0)
    {
      /* Pemda only: institutions such as "Bank Kalbar" stay in the table. */
      for (guint i = 0; i < self->top_daerah->len && items->len < 3; i++)
        {
          const TamuSummaryCount *c = g_ptr_array_index (self->top_daerah, i);

          if (tamu_regions_match (c->name) != NULL)
            g_ptr_array_add (items, g_strdup_printf ("%s (%d kali)", c->name, c->count));
        }
      if (items->len > 0)
        {
          g_string_append (out, "Pemda pengguna terbanyak adalah ");
          append_list (out, items);
          g_string_append (out, ". ");
        }
    }

  if (self->by_topic->len > 0)
    {
      g_ptr_array_set_size (items, 0);
      limit = MIN (self->by_topic->len, 4);
      for (guint i = 0; i < limit; i++)
        {
          const TamuSummaryCount *c = g_ptr_array_index (self->by_topic, i);

          g_ptr_array_add (items, g_strdup_printf ("%s (%d)", c->name, c->count));
        }
      g_string_append (out, "Topik konsultasi terbanyak adalah ");
      append_list (out, items);
      g_string_append_c (out, '.');
    }

  while (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
}

char *
tamu_summary_dup_text (const TamuSummary *self)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (self != NULL, NULL);

  g_string_append (out, "Layanan Konsultasi Tatap Muka DJPK\n");
  append_tatap_muka (out, self);
  g_string_append (out, "\n\n");

  g_string_append (out, "Layanan Video Conference DJPK\n");
  append_vidcon (out, self);
  g_string_append (out, "\n\n");

  if (self->by_topic->len > 0 || self->top_daerah->len > 0)
    {
      append_top (out, self);
      g_string_append (out, "\n\n");
    }

  if (self->ppid.available)
    {
      g_string_append (out, "Layanan PPID\n");
      append_ppid (out, self);
      g_string_append (out, "\n");
    }

  /* No trailing blank line. */
  while (out->len > 0 && out->str[out->len - 1] == '\n')
    g_string_truncate (out, out->len - 1);
  g_string_append_c (out, '\n');

  return g_string_free (out, FALSE);
}

char *
tamu_year_summary_dup_text (const TamuYearSummary *self)
{
  GString *out = g_string_new (NULL);
  const TamuYearRow *total = &self->total;

  g_return_val_if_fail (self != NULL, NULL);

  g_string_append_printf (out,
                          "Sepanjang tahun %d, telah dilaksanakan %d kali konsultasi tatap muka "
                          "dengan %d tamu dan %d kali Video Conference.",
                          self->year, total->tatap_muka, total->tatap_muka_guests, total->vidcon);
  if (self->ppid_available)
    {
      g_string_append_printf (out,
                              " Jumlah permohonan data melalui PPID DJPK sampai dengan Desember %d "
                              "berjumlah %d permohonan.",
                              self->year, total->ppid_received);
      if (!isnan (total->ppid_average_days))
        {
          g_autofree char *days = tamu_summary_format_days (total->ppid_average_days);

          g_string_append_printf (out, " Rata-rata waktu layanan permohonan adalah %s hari kerja.", days);
        }
    }
  g_string_append (out, "\n\n");

  g_string_append_printf (out, "%-10s %10s %10s %10s %10s %10s",
                          "Bulan", "Tatap Muka", "Tamu", "Vidcon", "Batal", "Tdk Hadir");
  if (self->ppid_available)
    g_string_append_printf (out, " %10s %10s", "PPID", "Rata2 Hari");
  g_string_append_c (out, '\n');

  for (int m = 0; m <= 12; m++)
    {
      const TamuYearRow *row = m < 12 ? &self->months[m] : total;
      const char *label = m < 12 ? tamu_month_name_indonesian (m + 1) : "Total";

      g_string_append_printf (out, "%-10s %10d %10d %10d %10d %10d",
                              label, row->tatap_muka, row->tatap_muka_guests, row->vidcon,
                              row->cancelled, row->no_show);
      if (self->ppid_available)
        {
          g_autofree char *days = tamu_summary_format_days (row->ppid_average_days);

          g_string_append_printf (out, " %10d %10s", row->ppid_received, days);
        }
      g_string_append_c (out, '\n');
    }

  return g_string_free (out, FALSE);
}
