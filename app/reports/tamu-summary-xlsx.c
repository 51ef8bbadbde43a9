/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tamu-summary"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "tamu-error.h"
#include "tamu-file.h"
#include "tamu-parse.h"
#include "tamu-summary-private.h"

/*
 * The summary as an Excel workbook: a "Ringkasan" sheet with the figures and
 * the narrative, then one sheet per service with its comparison (and a
 * native column chart of it, like the report's), its table as an Excel table
 * and, for tatap muka, the guest-limit breaches.  Text cells are always
 * written as strings, so nothing typed into a daerah becomes a formula.
 *
 * libxlsxwriter writes to a path; the workbook is written next to the target
 * and renamed over it, so a failure leaves no half-written file behind.
 */

typedef struct
{
  lxw_workbook *workbook;
  lxw_format   *title;
  lxw_format   *bold;
  lxw_format   *date;
  lxw_format   *pct;
  lxw_format   *days;
  lxw_format   *wrap;
  int           table_serial;
} Book;

static void
book_init (Book         *book,
           lxw_workbook *workbook)
{
  book->workbook = workbook;
  book->title = workbook_add_format (workbook);
  format_set_bold (book->title);
  format_set_font_size (book->title, 14);
  book->bold = workbook_add_format (workbook);
  format_set_bold (book->bold);
  book->date = workbook_add_format (workbook);
  format_set_num_format (book->date, "d mmmm yyyy");
  format_set_align (book->date, LXW_ALIGN_LEFT);
  book->pct = workbook_add_format (workbook);
  format_set_num_format (book->pct, "0.0%");
  book->days = workbook_add_format (workbook);
  format_set_num_format (book->days, "0.00");
  book->wrap = workbook_add_format (workbook);
  format_set_text_wrap (book->wrap);
  format_set_align (book->wrap, LXW_ALIGN_VERTICAL_TOP);
}

static void
write_date (Book          *book,
            lxw_worksheet *sheet,
            int            r,
            int            c,
            const GDate   *date)
{
  lxw_datetime when = { g_date_get_year (date), g_date_get_month (date),
                        g_date_get_day (date), 0, 0, 0 };

  worksheet_write_datetime (sheet, r, c, &when, book->date);
}

static void
write_pct (Book          *book,
           lxw_worksheet *sheet,
           int            r,
           int            c,
           double         pct)
{
  if (isnan (pct))
    worksheet_write_string (sheet, r, c, "-", NULL);
  else
    worksheet_write_number (sheet, r, c, pct / 100.0, book->pct);
}

/* An Excel table over rows [first, last] (first = header) and @n columns. */
static void
add_table (Book          *book,
           lxw_worksheet *sheet,
           int            first,
           int            last,
           const char   **headers,
           int            n)
{
  lxw_table_column columns[12] = { 0 };
  lxw_table_column *pointers[13] = { 0 };
  lxw_table_options options = { 0 };
  g_autofree char *name = g_strdup_printf ("Tabel%d", ++book->table_serial);

  g_assert (n <= 12);
  for (int i = 0; i < n; i++)
    {
      columns[i].header = (char *) headers[i];
      pointers[i] = &columns[i];
    }
  options.name = name;
  options.style_type = LXW_TABLE_STYLE_TYPE_MEDIUM;
  options.style_type_number = 2;
  options.columns = pointers;

  if (last <= first)
    {
      /* An empty table: headers only, as plain bold cells. */
      for (int i = 0; i < n; i++)
        worksheet_write_string (sheet, first, i, headers[i], book->bold);
      return;
    }
  worksheet_add_table (sheet, first, 0, last, n - 1, &options);
}

/*
 * The report's comparison block: previous month, same month last year,
 * this month, and a column chart of the three (A..B from @r).  Returns the
 * next free row.
 */
static int
write_comparison (Book          *book,
                  lxw_worksheet *sheet,
                  const char    *sheet_name,
                  const char    *chart_title,
                  int            r,
                  int            year,
                  int            month,
                  int            previous,
                  int            last_year,
                  int            current,
                  double         vs_previous,
                  double         vs_last_year)
{
  g_autofree char *prev_label = tamu_summary_dup_month_label (month == 1 ? year - 1 : year,
                                                              month == 1 ? 12 : month - 1);
  g_autofree char *last_label = tamu_summary_dup_month_label (year - 1, month);
  g_autofree char *this_label = tamu_summary_dup_month_label (year, month);
  g_autofree char *categories = NULL;
  g_autofree char *values = NULL;
  g_autofree char *vs_last_label = g_strdup_printf ("Perubahan dibandingkan %s", last_label);
  lxw_chart *chart;
  lxw_chart_series *series;
  lxw_chart_font font = { 0 };
  const char *headers[] = { "Periode", "Jumlah" };
  int first = r;

  worksheet_write_string (sheet, r, 0, "Periode", NULL);
  worksheet_write_string (sheet, r, 1, "Jumlah", NULL);
  worksheet_write_string (sheet, r + 1, 0, prev_label, NULL);
  worksheet_write_number (sheet, r + 1, 1, previous, NULL);
  worksheet_write_string (sheet, r + 2, 0, last_label, NULL);
  worksheet_write_number (sheet, r + 2, 1, last_year, NULL);
  worksheet_write_string (sheet, r + 3, 0, this_label, NULL);
  worksheet_write_number (sheet, r + 3, 1, current, NULL);
  add_table (book, sheet, first, r + 3, headers, 2);

  worksheet_write_string (sheet, r + 4, 0, "Perubahan dibandingkan bulan sebelumnya", NULL);
  write_pct (book, sheet, r + 4, 1, vs_previous);
  worksheet_write_string (sheet, r + 5, 0, vs_last_label, NULL);
  write_pct (book, sheet, r + 5, 1, vs_last_year);

  chart = workbook_add_chart (book->workbook, LXW_CHART_COLUMN);
  categories = g_strdup_printf ("='%s'!$A$%d:$A$%d", sheet_name, r + 2, r + 4);
  values = g_strdup_printf ("='%s'!$B$%d:$B$%d", sheet_name, r + 2, r + 4);
  series = chart_add_series (chart, categories, values);
  chart_series_set_name (series, chart_title);
  chart_series_set_labels (series);
  chart_title_set_name (chart, chart_title);
  font.size = 12;
  chart_title_set_name_font (chart, &font);
  chart_legend_set_position (chart, LXW_CHART_LEGEND_NONE);
  worksheet_insert_chart (sheet, first, 3, chart);

  /* The chart is 15 rows high. */
  return MAX (r + 7, first + 16);
}

static void
write_service_sheet (Book                     *book,
                     const TamuSummary        *self,
                     const TamuServiceSummary *service,
                     const char               *sheet_name,
                     const char               *title)
{
  lxw_worksheet *sheet = workbook_add_worksheet (book->workbook, sheet_name);
  g_autofree char *month_label = tamu_summary_dup_month_label (self->year, self->month);
  g_autofree char *heading = g_strdup_printf ("%s %s", title, month_label);
  g_autofree char *chart_title = g_strdup_printf ("Jumlah %s %s", title,
                                                  tamu_month_name_indonesian (self->month));
  gboolean tatap_muka = service->type == TAMU_BOOKING_TATAP_MUKA;
  const char *headers_tm[] = { "Tanggal", "Daerah", "Topik", "Jumlah Tamu" };
  const char *headers_vc[] = { "Tanggal", "Daerah", "Topik" };
  const char *headers_over[] = { "Tanggal", "Daerah", "Jumlah Tamu", "Batas", "Alasan Persetujuan" };
  int r = 0;
  int first;

  worksheet_set_column (sheet, 0, 0, 42, NULL);
  worksheet_set_column (sheet, 1, 1, 28, NULL);
  worksheet_set_column (sheet, 2, 2, 22, NULL);
  worksheet_set_column (sheet, 3, 4, 14, NULL);

  worksheet_write_string (sheet, r, 0, heading, book->title);
  r += 2;
  r = write_comparison (book, sheet, sheet_name, chart_title, r, self->year, self->month,
                        service->previous_month, service->same_month_last_year, service->held,
                        service->change_vs_previous_pct, service->change_vs_last_year_pct);

  if (tatap_muka)
    {
      g_autofree char *since = g_strdup_printf ("Kumulatif sejak %d", service->cumulative_since);

      worksheet_write_string (sheet, r, 0, since, NULL);
      worksheet_write_number (sheet, r++, 1, service->cumulative, NULL);
      worksheet_write_string (sheet, r, 0, "Jumlah tamu", NULL);
      worksheet_write_number (sheet, r++, 1, service->guests, NULL);
    }
  worksheet_write_string (sheet, r, 0, "Dibatalkan", NULL);
  worksheet_write_number (sheet, r++, 1, service->cancelled, NULL);
  worksheet_write_string (sheet, r, 0, "Tidak hadir", NULL);
  worksheet_write_number (sheet, r++, 1, service->no_show, NULL);
  r++;

  worksheet_write_string (sheet, r++, 0, title, book->bold);
  first = r;
  for (guint i = 0; i < service->rows->len; i++)
    {
      const TamuBooking *b = g_ptr_array_index (service->rows, i);
      g_autofree char *topics = tamu_booking_dup_topics_text (b);

      r++;
      write_date (book, sheet, r, 0, &b->date);
      worksheet_write_string (sheet, r, 1, tamu_summary_daerah_name (b), NULL);
      worksheet_write_string (sheet, r, 2, topics, NULL);
      if (tatap_muka)
        worksheet_write_number (sheet, r, 3, b->actual_guests >= 0 ? b->actual_guests : b->guests, NULL);
    }
  add_table (book, sheet, first, r, tatap_muka ? headers_tm : headers_vc, tatap_muka ? 4 : 3);
  r += 2;

  if (!tatap_muka)
    return;

  worksheet_write_string (sheet, r++, 0, "Jumlah tamu melebihi ketentuan", book->bold);
  first = r;
  for (guint i = 0; i < service->over_limit->len; i++)
    {
      const TamuBooking *b = g_ptr_array_index (service->over_limit, i);

      r++;
      write_date (book, sheet, r, 0, &b->date);
      worksheet_write_string (sheet, r, 1, tamu_summary_daerah_name (b), NULL);
      worksheet_write_number (sheet, r, 2, b->actual_guests, NULL);
      worksheet_write_number (sheet, r, 3, b->guest_limit, NULL);
      worksheet_write_string (sheet, r, 4, b->override_reason ? b->override_reason : "", NULL);
    }
  add_table (book, sheet, first, r, headers_over, 5);
}

static void
write_counts (Book          *book,
              lxw_worksheet *sheet,
              int           *r,
              const char    *title,
              const char    *name_header,
              GPtrArray     *counts)
{
  const char *headers[] = { name_header, "Jumlah" };
  int first;

  worksheet_write_string (sheet, (*r)++, 0, title, book->bold);
  first = *r;
  for (guint i = 0; i < counts->len; i++)
    {
      const TamuSummaryCount *c = g_ptr_array_index (counts, i);

      (*r)++;
      worksheet_write_string (sheet, *r, 0, c->name, NULL);
      worksheet_write_number (sheet, *r, 1, c->count, NULL);
    }
  add_table (book, sheet, first, *r, headers, 2);
  *r += 2;
}

static void
write_topics_sheet (Book              *book,
                    const TamuSummary *self)
{
  lxw_worksheet *sheet = workbook_add_worksheet (book->workbook, "Topik");
  int r = 0;
  int topics_first;

  worksheet_set_column (sheet, 0, 0, 30, NULL);
  worksheet_set_column (sheet, 1, 1, 10, NULL);

  topics_first = r + 1;
  write_counts (book, sheet, &r, "Topik konsultasi", "Topik", self->by_topic);
  if (self->by_topic->len > 0)
    {
      lxw_chart *chart = workbook_add_chart (book->workbook, LXW_CHART_BAR);
      g_autofree char *categories = g_strdup_printf ("='Topik'!$A$%d:$A$%d", topics_first + 2,
                                                     topics_first + 1 + self->by_topic->len);
      g_autofree char *values = g_strdup_printf ("='Topik'!$B$%d:$B$%d", topics_first + 2,
                                                 topics_first + 1 + self->by_topic->len);
      lxw_chart_series *series = chart_add_series (chart, categories, values);

      chart_series_set_name (series, "Topik");
      chart_series_set_labels (series);
      chart_title_set_name (chart, "Topik Konsultasi");
      chart_legend_set_position (chart, LXW_CHART_LEGEND_NONE);
      chart_axis_set_reverse (chart->y_axis);
      worksheet_insert_chart (sheet, 0, 3, chart);
    }
  write_counts (book, sheet, &r, "Pemda pengguna terbanyak", "Daerah", self->top_daerah);
  write_counts (book, sheet, &r, "Provinsi terbanyak", "Provinsi", self->top_provinces);
}

static void
write_summary_sheet (Book              *book,
                     const TamuSummary *self)
{
  lxw_worksheet *sheet = workbook_add_worksheet (book->workbook, "Ringkasan");
  g_autofree char *month_label = tamu_summary_dup_month_label (self->year, self->month);
  g_autofree char *heading = g_strdup_printf ("Ringkasan %s", month_label);
  g_autofree char *text = tamu_summary_dup_text (self);
  g_auto(GStrv) paragraphs = g_strsplit (text, "\n\n", -1);
  int r = 0;

  worksheet_set_column (sheet, 0, 0, 110, book->wrap);
  worksheet_write_string (sheet, r, 0, heading, book->title);
  r += 2;
  for (guint i = 0; paragraphs[i]; i++)
    {
      g_strstrip (paragraphs[i]);
      if (*paragraphs[i] == '\0')
        continue;
      worksheet_write_string (sheet, r++, 0, paragraphs[i], book->wrap);
    }
  r++;

  if (self->warnings->len > 0)
    {
      worksheet_write_string (sheet, r++, 0, "Peringatan kualitas data", book->bold);
      for (guint i = 0; i < self->warnings->len; i++)
        worksheet_write_string (sheet, r++, 0, g_ptr_array_index (self->warnings, i), book->wrap);
    }
}

static void
write_ppid_sheet (Book              *book,
                  const TamuSummary *self)
{
  lxw_worksheet *sheet = workbook_add_worksheet (book->workbook, "PPID");
  g_autofree char *chart_title = g_strdup_printf ("Jumlah Permohonan Data melalui PPID %s",
                                                  tamu_month_name_indonesian (self->month));
  g_autofree char *month_label = tamu_summary_dup_month_label (self->year, self->month);
  g_autofree char *heading = g_strdup_printf ("Layanan PPID %s", month_label);
  const TamuPpidSummary *ppid = &self->ppid;
  const char *headers[] = { "Bulan", "Jumlah", "Rata-rata Hari", "Dikabulkan Seluruhnya",
                            "Dikabulkan Sebagian", "Ditolak: Dikecualikan",
                            "Ditolak: Tidak Dikuasai", "Ditolak: Belum Didokumentasikan",
                            "Keberatan", "Sengketa" };
  int r = 0;

  worksheet_set_column (sheet, 0, 0, 42, NULL);
  worksheet_set_column (sheet, 1, 9, 14, NULL);
  worksheet_write_string (sheet, r, 0, heading, book->title);
  r += 2;
  r = write_comparison (book, sheet, "PPID", chart_title, r, self->year, self->month,
                        ppid->previous_month, ppid->same_month_last_year, ppid->received,
                        ppid->change_vs_previous_pct, ppid->change_vs_last_year_pct);

  {
    g_autofree char *recap_title = g_strdup_printf ("Rekapitulasi Permintaan Informasi Publik Tahun %d",
                                                    self->year);
    int first;

    worksheet_write_string (sheet, r++, 0, recap_title, book->bold);
    first = r;
    for (int m = 1; m <= 13; m++)
      {
        const TamuPpidRecapRow *row = m <= 12 ? tamu_ppid_recap_get_month (ppid->year_recap, m)
                                              : tamu_ppid_recap_get_totals (ppid->year_recap);
        double average = tamu_ppid_recap_row_get_average (row);
        const int counts[] = { row->granted, row->partial, row->refused_exempt,
                               row->refused_not_held, row->refused_not_documented,
                               row->objections, row->disputes };

        r++;
        worksheet_write_string (sheet, r, 0, m <= 12 ? tamu_month_name_indonesian (m) : "Total",
                                m <= 12 ? NULL : book->bold);
        worksheet_write_number (sheet, r, 1, row->received, NULL);
        if (isnan (average))
          worksheet_write_string (sheet, r, 2, "-", NULL);
        else
          worksheet_write_number (sheet, r, 2, round (average * 100) / 100, book->days);
        for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
          worksheet_write_number (sheet, r, 3 + i, counts[i], NULL);
      }
    add_table (book, sheet, first, r, headers, G_N_ELEMENTS (headers));
  }
}

/* Closes @workbook (writing @tmp) and moves it over @path. */
static gboolean
finish (lxw_workbook *workbook,
        const char   *tmp,
        const char   *path,
        GError      **error)
{
  lxw_error status = workbook_close (workbook);

  if (status != LXW_NO_ERROR)
    {
      tamu_file_discard_private (tmp);
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_FAILED,
                   _("xlsx: could not write “%s”: %s"), path, lxw_strerror (status));
      return FALSE;
    }
  return tamu_file_commit_private ("xlsx", tmp, path, error);
}

/* The workbook is written into a private folder beside @path (tamu-file.h):
 * no other user can plant a link under the name libxlsxwriter opens. */
static lxw_workbook *
open_workbook (const char *path,
               char      **out_tmp,
               GError    **error)
{
  lxw_workbook_options options = { .constant_memory = LXW_FALSE, .tmpdir = NULL };
  g_autofree char *dir = g_path_get_dirname (path);
  lxw_workbook *workbook;

  /* Checked here so the message is ours rather than libxlsxwriter's on stderr. */
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR) || g_access (dir, W_OK) != 0)
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_FAILED,
                   _("xlsx: could not write “%s”: the folder “%s” does not exist or is not writable"),
                   path, dir);
      return NULL;
    }

  *out_tmp = tamu_file_begin_private ("xlsx", path, error);
  if (*out_tmp == NULL)
    return NULL;

  workbook = workbook_new_opt (*out_tmp, &options);

  if (workbook == NULL)
    {
      tamu_file_discard_private (*out_tmp);
      g_clear_pointer (out_tmp, g_free);
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_FAILED,
                   _("xlsx: could not create “%s”"), path);
    }
  return workbook;
}

gboolean
tamu_summary_write_xlsx (const TamuSummary *self,
                         const char        *path,
                         GError           **error)
{
  g_autofree char *tmp = NULL;
  lxw_workbook *workbook;
  Book book = { 0 };

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  workbook = open_workbook (path, &tmp, error);
  if (workbook == NULL)
    return FALSE;
  book_init (&book, workbook);

  write_summary_sheet (&book, self);
  write_service_sheet (&book, self, &self->tatap_muka, "Tatap Muka", "Konsultasi Tatap Muka");
  write_service_sheet (&book, self, &self->vidcon, "Video Conference", "Video Conference");
  if (self->ppid.available)
    write_ppid_sheet (&book, self);
  write_topics_sheet (&book, self);

  return finish (workbook, tmp, path, error);
}

gboolean
tamu_year_summary_write_xlsx (const TamuYearSummary *self,
                              const char            *path,
                              GError               **error)
{
  g_autofree char *tmp = NULL;
  g_autofree char *sheet_name = g_strdup_printf ("Rekap %d", self->year);
  g_autofree char *title = g_strdup_printf ("Rekapitulasi Layanan Tahun %d", self->year);
  const char *headers[] = { "Bulan", "Tatap Muka", "Jumlah Tamu", "Video Conference",
                            "Dibatalkan", "Tidak Hadir", "Permohonan PPID",
                            "Rata-rata Hari Layanan PPID" };
  int n_columns = self->ppid_available ? 8 : 6;
  lxw_workbook *workbook;
  lxw_worksheet *sheet;
  lxw_chart *chart;
  Book book = { 0 };
  int first = 2;
  int r = first;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  workbook = open_workbook (path, &tmp, error);
  if (workbook == NULL)
    return FALSE;
  book_init (&book, workbook);

  sheet = workbook_add_worksheet (workbook, sheet_name);
  worksheet_set_column (sheet, 0, 0, 14, NULL);
  worksheet_set_column (sheet, 1, 7, 16, NULL);
  worksheet_write_string (sheet, 0, 0, title, book.title);

  for (int m = 0; m <= 12; m++)
    {
      const TamuYearRow *row = m < 12 ? &self->months[m] : &self->total;

      r++;
      worksheet_write_string (sheet, r, 0, m < 12 ? tamu_month_name_indonesian (m + 1) : "Total",
                              m < 12 ? NULL : book.bold);
      worksheet_write_number (sheet, r, 1, row->tatap_muka, NULL);
      worksheet_write_number (sheet, r, 2, row->tatap_muka_guests, NULL);
      worksheet_write_number (sheet, r, 3, row->vidcon, NULL);
      worksheet_write_number (sheet, r, 4, row->cancelled, NULL);
      worksheet_write_number (sheet, r, 5, row->no_show, NULL);
      if (self->ppid_available)
        {
          worksheet_write_number (sheet, r, 6, row->ppid_received, NULL);
          if (isnan (row->ppid_average_days))
            worksheet_write_string (sheet, r, 7, "-", NULL);
          else
            worksheet_write_number (sheet, r, 7, round (row->ppid_average_days * 100) / 100, book.days);
        }
    }
  add_table (&book, sheet, first, r, headers, n_columns);

  chart = workbook_add_chart (workbook, LXW_CHART_COLUMN);
  for (int column = 1; column <= (self->ppid_available ? 6 : 3); column++)
    {
      g_autofree char *categories = NULL;
      g_autofree char *values = NULL;
      g_autofree char *name = NULL;
      char letter = (char) ('A' + column);
      lxw_chart_series *series;

      if (column == 2 || column == 4 || column == 5)
        continue; /* guests, cancellations and no-shows stay in the table */
      categories = g_strdup_printf ("='%s'!$A$%d:$A$%d", sheet_name, first + 2, first + 13);
      values = g_strdup_printf ("='%s'!$%c$%d:$%c$%d", sheet_name, letter, first + 2, letter, first + 13);
      name = g_strdup_printf ("='%s'!$%c$%d", sheet_name, letter, first + 1);
      series = chart_add_series (chart, categories, values);
      chart_series_set_name (series, name);
    }
  chart_title_set_name (chart, title);
  chart_legend_set_position (chart, LXW_CHART_LEGEND_BOTTOM);
  worksheet_insert_chart (sheet, r + 2, 0, chart);

  return finish (workbook, tmp, path, error);
}
