/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo.h>
#include <dlfcn.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>

#include "tamu-test-db.h"
#include "tamu-booking-csv.h"
#include "tamu-error.h"
#include "tamu-regions.h"
#include "tamu-store.h"
#include "tamu-store-ppid.h"
#include "tamu-store-reports.h"
#include "tamu-summary.h"
#include "tamu-summary-chart.h"

/*
 * The monthly summary against the March 2024 report: the demo month (the
 * report's own tables, data/demo-2024-03.csv) imported into a real SQLite
 * file, plus generated history, must give the report's figures.
 *
 * History: 22 visits in February 2024, 8 in March 2023, 25 in January 2024
 * and 216 over the other months of 2023, so that 29 + 22 + 25 + 8 + 216 =
 * 300 visits since 2023; video conferences 1 in February 2024 and 16 in
 * March 2023.  Visits that must not count: 5 in December 2022 (before
 * count-since-year), one in April 2024 (after the month), cancelled and
 * no-show ones, and a deleted one.
 */

static TamuTestDb *test_db;
static const char *tmp_dir; /* the test database's private folder, for exports too */
static TamuStore *store;

static const char *history_codes[] = {
  "32.01", "33.09", "35.24", "12.01", "61.03", "73.71", "82.71", "51.71", "64.72", "11.71",
};

static TamuBooking *
make_record (TamuBookingType   type,
             int               year,
             int               month,
             int               day,
             guint             serial,
             int               guests,
             TamuBookingStatus status)
{
  TamuBooking *b = tamu_booking_new ();
  const char *code = history_codes[serial % G_N_ELEMENTS (history_codes)];
  const TamuRegion *region = tamu_regions_lookup_code (code);

  g_assert_nonnull (region);
  b->uid = tamu_booking_new_uid ();
  b->type = type;
  g_date_set_dmy (&b->date, day, month, year);
  b->start = TAMU_TIME_UNKNOWN;
  b->duration = 60;
  b->daerah = g_strdup (region->short_name);
  b->region_code = g_strdup (code);
  g_strfreev (b->topics);
  b->topics = g_strsplit (serial % 2 ? "DAU" : "TKD", ",", -1);
  b->guests = type == TAMU_BOOKING_VIDCON ? 0 : guests;
  b->actual_guests = status == TAMU_STATUS_DONE ? b->guests : -1;
  b->guest_limit = 5;
  b->status = status;
  if (status == TAMU_STATUS_CANCELLED)
    b->cancel_reason = g_strdup ("Jadwal bentrok");
  if (type == TAMU_BOOKING_VIDCON)
    b->link = g_strdup ("https://teams.microsoft.com/l/meetup-join/history");
  return b;
}

static void
add_month (GPtrArray      *rows,
           TamuBookingType type,
           int             year,
           int             month,
           int             count,
           TamuBookingStatus status)
{
  for (int i = 0; i < count; i++)
    g_ptr_array_add (rows, make_record (type, year, month, 1 + i % 28, rows->len, 2 + i % 3, status));
}

static void
import_rows (GPtrArray *rows)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  gboolean ok;

  ok = tamu_store_import_bookings (store, rows, NULL, FALSE, NULL, problems, &error);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s", (char *) g_ptr_array_index (problems, i));
  g_assert_no_error (error);
  g_assert_true (ok);
}

static gint64
add_ppid (int year,
          int month,
          int day,
          guint serial)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TamuPpidRequest) draft = tamu_ppid_request_new ();
  g_autoptr(TamuPpidRequest) stored = NULL;

  g_date_set_dmy (&draft->received, day, month, year);
  draft->name = g_strdup_printf ("Pemohon %u", serial);
  draft->information = g_strdup ("Data realisasi APBD");
  draft->purpose = g_strdup ("Penelitian");
  stored = tamu_store_add_ppid (store, draft, &error);
  g_assert_no_error (error);
  return stored->id;
}

static void
answer_ppid (gint64           id,
             int              day,
             TamuPpidDecision decision)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TamuPpidRequest) answered = NULL;
  TamuPpidStep step;

  tamu_ppid_step_init (&step, TAMU_PPID_STEP_RESPOND);
  g_date_set_dmy (&step.date, day, 3, 2024);
  step.decision = decision;
  answered = tamu_store_apply_ppid_step (store, id, &step, &error);
  g_assert_no_error (error);
}

static void
build_database (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *csv_path = NULL;
  g_autofree char *data = NULL;
  g_autoptr(GPtrArray) topics = NULL;
  g_autoptr(TamuBookingCsv) demo = NULL;
  g_autoptr(GPtrArray) history = g_ptr_array_new_with_free_func ((GDestroyNotify) tamu_booking_unref);
  g_autoptr(TamuBooking) draft = NULL;
  g_autoptr(TamuBooking) stored = NULL;
  g_autoptr(TamuBooking) deleted = NULL;
  gsize length;
  GDate today;

  test_db = tamu_test_db_new ();
  tmp_dir = test_db->dir;
  store = tamu_store_open (test_db->address, &error);
  g_assert_no_error (error);

  /* The demo month, as the csv importer reads it. */
  csv_path = g_test_build_filename (G_TEST_DIST, "..", "data", "demo-2024-03.csv", NULL);
  g_file_get_contents (csv_path, &data, &length, &error);
  g_assert_no_error (error);
  topics = tamu_store_load_topics (store, &error);
  g_assert_no_error (error);
  g_date_set_dmy (&today, 1, 4, 2024);
  demo = tamu_booking_csv_parse (data, length, topics, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (demo->problems->len, ==, 0);
  g_assert_cmpuint (demo->rows->len, ==, 33);
  {
    g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);

    tamu_store_import_bookings (store, demo->rows, (const guint *) demo->line_numbers->data,
                                FALSE, NULL, problems, &error);
    for (guint i = 0; i < problems->len; i++)
      g_test_message ("%s", (char *) g_ptr_array_index (problems, i));
    g_assert_no_error (error);
  }

  /* Generated history. */
  add_month (history, TAMU_BOOKING_TATAP_MUKA, 2024, 2, 22, TAMU_STATUS_DONE);
  add_month (history, TAMU_BOOKING_TATAP_MUKA, 2024, 1, 25, TAMU_STATUS_DONE);
  add_month (history, TAMU_BOOKING_TATAP_MUKA, 2023, 3, 8, TAMU_STATUS_DONE);
  for (int m = 1; m <= 12; m++)
    if (m != 3)
      add_month (history, TAMU_BOOKING_TATAP_MUKA, 2023, m, m == 12 ? 16 : 20, TAMU_STATUS_DONE);
  add_month (history, TAMU_BOOKING_VIDCON, 2024, 2, 1, TAMU_STATUS_DONE);
  add_month (history, TAMU_BOOKING_VIDCON, 2023, 3, 16, TAMU_STATUS_DONE);
  /* Not held, or outside the counted span. */
  add_month (history, TAMU_BOOKING_TATAP_MUKA, 2022, 12, 5, TAMU_STATUS_DONE);
  add_month (history, TAMU_BOOKING_TATAP_MUKA, 2024, 4, 1, TAMU_STATUS_DONE);
  add_month (history, TAMU_BOOKING_TATAP_MUKA, 2024, 3, 2, TAMU_STATUS_CANCELLED);
  add_month (history, TAMU_BOOKING_TATAP_MUKA, 2024, 3, 1, TAMU_STATUS_NO_SHOW);
  add_month (history, TAMU_BOOKING_VIDCON, 2024, 2, 3, TAMU_STATUS_CANCELLED);
  add_month (history, TAMU_BOOKING_TATAP_MUKA, 2023, 3, 1, TAMU_STATUS_DONE); /* deleted below */
  {
    /* A daerah someone typed as a formula, in April 2024. */
    TamuBooking *formula = make_record (TAMU_BOOKING_TATAP_MUKA, 2024, 4, 2, 0, 3, TAMU_STATUS_DONE);

    g_free (formula->daerah);
    formula->daerah = g_strdup ("=HYPERLINK(\"http://example.com\",\"klik\")");
    g_clear_pointer (&formula->region_code, g_free);
    g_ptr_array_add (history, formula);
  }
  import_rows (history);

  /* Delete the extra March 2023 visit: deleted rows count nowhere. */
  {
    TamuBookingFilter filter;
    g_autoptr(GPtrArray) march_2023 = NULL;
    TamuBooking *last;

    tamu_booking_filter_init (&filter);
    g_date_set_dmy (&filter.from, 1, 3, 2023);
    g_date_set_dmy (&filter.to, 31, 3, 2023);
    filter.type = TAMU_BOOKING_TATAP_MUKA;
    march_2023 = tamu_store_list_bookings (store, &filter, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (march_2023->len, ==, 9);
    last = g_ptr_array_index (march_2023, march_2023->len - 1);
    g_assert_true (tamu_store_delete_booking (store, last->id, &error));
    g_assert_no_error (error);
  }

  /* A confirmed visit in April that nobody checked in: booked while it was
   * still ahead, then the clock moves past it. */
  g_setenv ("TAMU_NOW", "2024-04-01T08:00", TRUE);
  draft = make_record (TAMU_BOOKING_TATAP_MUKA, 2024, 4, 3, 1, 3, TAMU_STATUS_CONFIRMED);
  draft->start = 10 * 60;
  draft->actual_guests = -1;
  stored = tamu_store_add_booking (store, draft, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (stored);
  g_setenv ("TAMU_NOW", "2024-04-20T08:00", TRUE);

  /* PPID as in the report's chart: 12 in February 2024, 15 in March 2023,
   * 14 in March 2024; two of March's answered after 1 and 10 working days
   * (received Friday 1 March: 4 March is the next working day, 19 March the
   * tenth, past the holiday of 11 March and the cuti bersama of 12 March). */
  for (int i = 0; i < 12; i++)
    add_ppid (2024, 2, 1 + i, i);
  for (int i = 0; i < 15; i++)
    add_ppid (2023, 3, 1 + i, i);
  {
    gint64 quick = add_ppid (2024, 3, 1, 100);
    gint64 slow = add_ppid (2024, 3, 1, 101);

    for (int i = 2; i < 14; i++)
      add_ppid (2024, 3, 1 + i, 100 + i);
    answer_ppid (quick, 4, TAMU_PPID_DECISION_GRANTED);
    answer_ppid (slow, 19, TAMU_PPID_DECISION_PARTIAL);
  }
}

/* ---- formatting --------------------------------------------------- */

static void
assert_change (int         current,
               int         base,
               const char *expected)
{
  g_autofree char *text = tamu_summary_format_change (current, base);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_format_change (void)
{
  assert_change (4, 1, "meningkat 300%");
  assert_change (29, 22, "meningkat 31,8%");
  assert_change (4, 16, "menurun 75%");
  assert_change (81, 55, "meningkat 47,3%");
  assert_change (26, 41, "menurun 36,6%");
  assert_change (17, 13, "meningkat 30,8%");
  assert_change (5, 5, "sama");
  assert_change (3, 0, "meningkat signifikan");
  assert_change (0, 0, "sama");
  assert_change (0, 4, "menurun 100%");

  g_assert_true (isnan (tamu_summary_change_pct (3, 0)));
  g_assert_cmpfloat (tamu_summary_change_pct (29, 22), ==, 31.8);
  g_assert_cmpfloat (tamu_summary_change_pct (4, 16), ==, -75.0);
}

static void
test_parse_month (void)
{
  g_autoptr(GError) error = NULL;
  int year = 0, month = 0;

  g_assert_true (tamu_summary_parse_month ("month", "2024-03", &year, &month, &error));
  g_assert_cmpint (year, ==, 2024);
  g_assert_cmpint (month, ==, 3);

  g_assert_false (tamu_summary_parse_month ("month", "2024-13", &year, &month, &error));
  g_assert_error (error, TAMU_ERROR, TAMU_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "month: "));
  g_clear_error (&error);

  g_assert_false (tamu_summary_parse_month ("month", "Maret 2024", &year, &month, &error));
  g_assert_true (g_str_has_prefix (error->message, "month: "));
}

/* ---- the March 2024 report ---------------------------------------- */

static TamuSummary *
march_2024 (void)
{
  g_autoptr(GError) error = NULL;
  TamuSummary *summary = tamu_summary_new (store, 2024, 3, &error);

  g_assert_no_error (error);
  g_assert_nonnull (summary);
  return summary;
}

static void
test_report_figures (void)
{
  g_autoptr(TamuSummary) s = march_2024 ();
  const TamuBooking *first;
  int guests = 0;

  g_assert_cmpint (s->tatap_muka.held, ==, 29);
  g_assert_cmpint (s->tatap_muka.previous_month, ==, 22);
  g_assert_cmpint (s->tatap_muka.same_month_last_year, ==, 8);
  g_assert_cmpint (s->tatap_muka.cumulative, ==, 300);
  g_assert_cmpint (s->tatap_muka.cumulative_since, ==, 2023);
  g_assert_cmpfloat (s->tatap_muka.change_vs_previous_pct, ==, 31.8);
  g_assert_cmpfloat (s->tatap_muka.change_vs_last_year_pct, ==, 262.5);
  g_assert_cmpint (s->tatap_muka.guests, ==, 121);
  g_assert_cmpint (s->tatap_muka.cancelled, ==, 2);
  g_assert_cmpint (s->tatap_muka.no_show, ==, 1);

  g_assert_cmpint (s->vidcon.held, ==, 4);
  g_assert_cmpint (s->vidcon.previous_month, ==, 1);
  g_assert_cmpint (s->vidcon.same_month_last_year, ==, 16);
  g_assert_cmpfloat (s->vidcon.change_vs_previous_pct, ==, 300.0);
  g_assert_cmpfloat (s->vidcon.change_vs_last_year_pct, ==, -75.0);
  g_assert_cmpint (s->vidcon.cancelled, ==, 0);

  /* PPID: 14 received against 12 and 15. */
  g_assert_true (s->ppid.available);
  g_assert_cmpint (s->ppid.received, ==, 14);
  g_assert_cmpint (s->ppid.previous_month, ==, 12);
  g_assert_cmpint (s->ppid.same_month_last_year, ==, 15);
  g_assert_cmpfloat (s->ppid.change_vs_previous_pct, ==, 16.7);
  g_assert_cmpfloat (s->ppid.change_vs_last_year_pct, ==, -6.7);
  g_assert_cmpfloat (s->ppid.average_service_days, ==, 5.5);
  g_assert_cmpint (s->ppid.granted, ==, 1);
  g_assert_cmpint (s->ppid.partial, ==, 1);
  g_assert_cmpint (s->ppid.refused, ==, 0);

  /* The tables, in date order, with the report's guests. */
  g_assert_cmpuint (s->tatap_muka.rows->len, ==, 29);
  g_assert_cmpuint (s->vidcon.rows->len, ==, 4);
  first = g_ptr_array_index (s->tatap_muka.rows, 0);
  g_assert_cmpint (g_date_get_day (&first->date), ==, 1);
  g_assert_cmpstr (first->daerah, ==, "Kab. Bandung");
  for (guint i = 0; i < s->tatap_muka.rows->len; i++)
    {
      const TamuBooking *b = g_ptr_array_index (s->tatap_muka.rows, i);

      guests += b->actual_guests;
      if (i > 0)
        g_assert_cmpint (g_date_compare (&((TamuBooking *) g_ptr_array_index (s->tatap_muka.rows, i - 1))->date,
                                         &b->date), <=, 0);
    }
  g_assert_cmpint (guests, ==, 121);
  g_assert_cmpstr (((TamuBooking *) g_ptr_array_index (s->vidcon.rows, 3))->daerah, ==, "Kota Tomohon");

  /* Topics of both services; "DAK NF" counted under its canonical name. */
  g_assert_cmpstr (((TamuSummaryCount *) g_ptr_array_index (s->by_topic, 0))->name, ==, "TKD");
  g_assert_cmpint (((TamuSummaryCount *) g_ptr_array_index (s->by_topic, 0))->count, ==, 12);
  g_assert_cmpstr (((TamuSummaryCount *) g_ptr_array_index (s->by_topic, 1))->name, ==, "DAU");
  g_assert_cmpint (((TamuSummaryCount *) g_ptr_array_index (s->by_topic, 1))->count, ==, 8);

  /* Two daerah came twice (Kab. Kupang by visit and by video conference). */
  g_assert_cmpint (((TamuSummaryCount *) g_ptr_array_index (s->top_daerah, 0))->count, ==, 2);
  g_assert_cmpstr (((TamuSummaryCount *) g_ptr_array_index (s->top_daerah, 0))->name, ==, "Kab. Kupang");
  g_assert_cmpstr (((TamuSummaryCount *) g_ptr_array_index (s->top_daerah, 1))->name, ==, "Kota Banjar");
  g_assert_cmpuint (s->top_provinces->len, >, 0);
}

static void
test_report_breaches (void)
{
  g_autoptr(TamuSummary) s = march_2024 ();
  static const struct { const char *daerah; int guests; int day; } expected[] = {
    { "Kab. Bandung", 9, 1 },
    { "Kab. Sintang", 6, 4 },
    { "Kota Ternate", 6, 15 },
    { "Kota Pematangsiantar", 7, 19 },
    { "Prov. Sumatera Utara", 10, 20 },
    { "Kab. Bengkalis", 6, 20 },
    { "Kab. Kuningan", 7, 21 },
    { "Kab. Mempawah", 7, 25 },
  };

  g_assert_cmpint (s->guest_limit, ==, 5);
  g_assert_cmpuint (s->tatap_muka.over_limit->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < s->tatap_muka.over_limit->len; j++)
        {
          const TamuBooking *b = g_ptr_array_index (s->tatap_muka.over_limit, j);

          if (g_str_equal (b->daerah, expected[i].daerah))
            {
              g_assert_cmpint (b->actual_guests, ==, expected[i].guests);
              g_assert_cmpint (b->guest_limit, ==, 5);
              g_assert_cmpint (g_date_get_day (&b->date), ==, expected[i].day);
              found = TRUE;
            }
        }
      if (!found)
        g_error ("breach of %s missing", expected[i].daerah);
    }
}

static void
test_report_text (void)
{
  g_autoptr(TamuSummary) s = march_2024 ();
  g_autofree char *text = tamu_summary_dup_text (s);

  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text,
                            "Selama bulan Maret, telah dilaksanakan 29 kali konsultasi tatap muka "
                            "sehingga jumlah konsultasi tatap muka yang telah dilaksanakan sejak "
                            "2023 sebanyak 300."));
  g_assert_nonnull (strstr (text,
                            "Jumlah tersebut meningkat 31,8% dibandingkan layanan pada bulan "
                            "sebelumnya (22 layanan). Jika dibandingkan dengan Maret 2023 "
                            "(8 layanan), jumlah tersebut meningkat 262,5%."));
  g_assert_nonnull (strstr (text,
                            "Namun, dalam pelaksanaannya, beberapa Pemerintah Daerah belum "
                            "mematuhi ketentuan pelaksanaan konsultasi tatap muka, seperti "
                            "jumlah tamu yang hadir melebihi ketentuan."));
  g_assert_nonnull (strstr (text, "Kab. Bandung (1 Maret 2024, 9 tamu dari batas 5)"));
  g_assert_nonnull (strstr (text, "Terdapat 8 kunjungan dengan jumlah tamu melebihi batas"));
  g_assert_nonnull (strstr (text,
                            "Selama bulan Maret, telah dilaksanakan Video Conference melalui "
                            "aplikasi Ms. Team sebanyak 4 kali. Jumlah tersebut meningkat 300% "
                            "dibandingkan layanan pada bulan sebelumnya (1 layanan). Jika "
                            "dibandingkan dengan Maret 2023 (16 layanan), jumlah tersebut menurun 75%."));
  g_assert_nonnull (strstr (text, "Jumlah tamu yang hadir sebanyak 121 orang."));
  g_assert_nonnull (strstr (text,
                            "Selama bulan Maret, DJPK menerima 14 permohonan informasi melalui "
                            "Pejabat Pengelola Informasi dan Dokumentasi (PPID) DJPK. Jumlah "
                            "tersebut meningkat 16,7% dibandingkan permohonan pada bulan "
                            "sebelumnya (12 permohonan). Jika dibandingkan dengan Maret 2023 "
                            "(15 permohonan), jumlah tersebut menurun 6,7%. Rata-rata waktu "
                            "layanan permohonan adalah 5,50 hari kerja."));
  g_assert_nonnull (strstr (text, "Pemda pengguna terbanyak adalah Kab. Kupang (2 kali), Kota Banjar (2 kali)"));
}

static JsonObject *
parse_object (JsonParser *parser,
              const char *json)
{
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_node_get_object (json_parser_get_root (parser));
}

static void
test_report_json (void)
{
  g_autoptr(TamuSummary) s = march_2024 ();
  g_autofree char *json = tamu_summary_dup_json (s);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root = parse_object (parser, json);
  JsonObject *tm = json_object_get_object_member (root, "tatap_muka");
  JsonObject *vc = json_object_get_object_member (root, "vidcon");
  JsonObject *ppid = json_object_get_object_member (root, "ppid");
  JsonArray *over = json_object_get_array_member (tm, "over_limit");
  JsonArray *rows = json_object_get_array_member (tm, "rows");
  JsonObject *row;
  static const char *service_keys[] = {
    "held", "previous_month", "same_month_last_year", "change_vs_previous_pct",
    "change_vs_last_year_pct", "cumulative", "cumulative_since", "guests", "cancelled",
    "no_show", "over_limit", "rows",
  };

  g_assert_cmpstr (json_object_get_string_member (root, "month"), ==, "2024-03");
  for (guint i = 0; i < G_N_ELEMENTS (service_keys); i++)
    {
      g_assert_true (json_object_has_member (tm, service_keys[i]));
      g_assert_true (json_object_has_member (vc, service_keys[i]));
    }
  g_assert_cmpint (json_object_get_int_member (tm, "held"), ==, 29);
  g_assert_cmpint (json_object_get_int_member (tm, "cumulative"), ==, 300);
  g_assert_cmpint (json_object_get_int_member (tm, "cumulative_since"), ==, 2023);
  g_assert_cmpfloat (json_object_get_double_member (tm, "change_vs_previous_pct"), ==, 31.8);
  g_assert_cmpfloat (json_object_get_double_member (vc, "change_vs_previous_pct"), ==, 300.0);
  g_assert_cmpfloat (json_object_get_double_member (vc, "change_vs_last_year_pct"), ==, -75.0);
  g_assert_cmpint (json_object_get_int_member (vc, "held"), ==, 4);

  g_assert_cmpuint (json_array_get_length (over), ==, 8);
  row = json_array_get_object_element (over, 0);
  g_assert_cmpstr (json_object_get_string_member (row, "date"), ==, "2024-03-01");
  g_assert_cmpstr (json_object_get_string_member (row, "daerah"), ==, "Kab. Bandung");
  g_assert_cmpint (json_object_get_int_member (row, "guests"), ==, 9);
  g_assert_cmpint (json_object_get_int_member (row, "limit"), ==, 5);
  g_assert_true (json_object_has_member (row, "override_reason"));

  g_assert_cmpuint (json_array_get_length (rows), ==, 29);
  row = json_array_get_object_element (rows, 0);
  g_assert_cmpstr (json_object_get_string_member (row, "topics"), ==, "TKD");
  g_assert_cmpint (json_object_get_int_member (row, "guests"), ==, 9);

  for (guint i = 0; i < 5; i++)
    g_assert_true (json_object_has_member (ppid, (const char *[]) { "received", "previous_month",
                                                                   "same_month_last_year",
                                                                   "change_vs_previous_pct",
                                                                   "average_service_days" }[i]));
  g_assert_cmpint (json_object_get_int_member (ppid, "received"), ==, 14);
  g_assert_cmpfloat (json_object_get_double_member (ppid, "average_service_days"), ==, 5.5);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (root, "by_topic"), "TKD"), ==, 12);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "top_daerah")), >, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "top_provinces")), >, 0);
  g_assert_true (json_object_has_member (root, "warnings"));
  g_assert_nonnull (strstr (json_object_get_string_member (root, "text"), "sejak 2023 sebanyak 300."));
}

/* A month whose comparison bases are 0: percentages are null, wording "signifikan". */
static void
test_zero_base (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TamuSummary) s = tamu_summary_new (store, 2022, 12, &error);
  g_autofree char *json = NULL;
  g_autofree char *text = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *tm;

  g_assert_no_error (error);
  g_assert_cmpint (s->tatap_muka.held, ==, 5);
  g_assert_cmpint (s->tatap_muka.previous_month, ==, 0);
  /* count-since-year is 2023: December 2022 is before it. */
  g_assert_cmpint (s->tatap_muka.cumulative, ==, 0);
  json = tamu_summary_dup_json (s);
  tm = json_object_get_object_member (parse_object (parser, json), "tatap_muka");
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (tm, "change_vs_previous_pct")));
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (tm, "change_vs_last_year_pct")));
  text = tamu_summary_dup_text (s);
  g_assert_nonnull (strstr (text, "Jumlah tersebut meningkat signifikan dibandingkan layanan pada bulan sebelumnya (0 layanan)."));
}

static void
test_count_since_setting (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TamuSummary) s = NULL;

  g_assert_true (tamu_store_set_setting (store, "count-since-year", "2024", &error));
  g_assert_no_error (error);
  s = tamu_summary_new (store, 2024, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpint (s->tatap_muka.cumulative, ==, 29 + 22 + 25);
  g_assert_cmpint (s->tatap_muka.cumulative_since, ==, 2024);
  g_assert_true (tamu_store_set_setting (store, "count-since-year", "2023", &error));
  g_assert_no_error (error);
}

static void
test_warnings (void)
{
  g_autoptr(TamuSummary) march = march_2024 ();
  g_autoptr(TamuSummary) april = NULL;
  g_autoptr(GError) error = NULL;
  gboolean bank = FALSE, tidore = FALSE, banjar = FALSE, unresolved = FALSE;

  for (guint i = 0; i < march->warnings->len; i++)
    {
      const char *w = g_ptr_array_index (march->warnings, i);

      g_test_message ("%s", w);
      if (g_str_has_prefix (w, "daerah: “Bank Kalbar”"))
        bank = TRUE;
      if (g_str_has_prefix (w, "daerah: “Kab. Tidore Kepulauan”") && strstr (w, "Kota Tidore Kepulauan"))
        tidore = TRUE;
      if (g_str_has_prefix (w, "duplicate: Kota Banjar"))
        banjar = TRUE;
    }
  g_assert_true (bank);
  g_assert_true (tidore);
  g_assert_true (banjar);

  april = tamu_summary_new (store, 2024, 4, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < april->warnings->len; i++)
    if (g_str_has_prefix (g_ptr_array_index (april->warnings, i), "unresolved: "))
      unresolved = TRUE;
  g_assert_true (unresolved);
  /* The confirmed visit was not held. */
  g_assert_cmpint (april->tatap_muka.held, ==, 2);
}

static void
test_csv (void)
{
  g_autoptr(TamuSummary) march = march_2024 ();
  g_autoptr(TamuSummary) april = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = tamu_summary_dup_csv (march);
  g_autofree char *april_csv = NULL;

  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBF"));
  g_assert_nonnull (strstr (csv, "Tanggal;Daerah;Topik;Jumlah Tamu\r\n"));
  g_assert_nonnull (strstr (csv, "2024-03-01;Kab. Bandung;TKD;9\r\n"));
  g_assert_nonnull (strstr (csv, "Video Conference;1;16;4;300;-75\r\n"));

  april = tamu_summary_new (store, 2024, 4, &error);
  g_assert_no_error (error);
  april_csv = tamu_summary_dup_csv (april);
  g_assert_true (g_str_has_prefix (april_csv, "\xEF\xBB\xBF"));
  /* The daerah "=HYPERLINK(…)" is text: an apostrophe leads, quotes doubled. */
  g_assert_nonnull (strstr (april_csv, ";\"'=HYPERLINK(\"\"http://example.com\"\",\"\"klik\"\")\";"));
  g_assert_null (strstr (april_csv, ";=HYPERLINK"));
  g_assert_null (strstr (april_csv, "\n=HYPERLINK"));
}

static void
test_xlsx (void)
{
  g_autoptr(TamuSummary) s = march_2024 ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmp_dir, "ringkasan-2024-03.xlsx", NULL);
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "check-summary-xlsx.py", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;
  const char *argv[] = { "/usr/bin/python3", script, path, NULL };

  g_assert_true (tamu_summary_write_xlsx (s, path, &error));
  g_assert_no_error (error);

  /* Read back by openpyxl, a reader we did not write. */
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_test_message ("%s%s", out, err);
  g_assert_true (g_spawn_check_wait_status (status, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (out, "ok"));

  /* A path that cannot be written is an error naming the format, and leaves nothing. */
  g_assert_false (tamu_summary_write_xlsx (s, "/nonexistent-dir/x.xlsx", &error));
  g_assert_error (error, TAMU_ERROR, TAMU_ERROR_FAILED);
  g_assert_true (g_str_has_prefix (error->message, "xlsx: "));
}

static guint
count_dark_pixels (cairo_surface_t *surface,
                   int              x0,
                   int              x1)
{
  unsigned char *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  int height = cairo_image_surface_get_height (surface);
  guint n = 0;

  for (int y = 0; y < height; y++)
    for (int x = x0; x < x1; x++)
      {
        guint32 pixel = *(guint32 *) (data + y * stride + x * 4);

        if ((pixel & 0xffffff) != 0xffffff)
          n++;
      }
  return n;
}

static void
test_charts (void)
{
  g_autoptr(TamuSummary) s = march_2024 ();
  g_autoptr(GError) error = NULL;
  g_autofree char *png = g_build_filename (tmp_dir, "vidcon.png", NULL);
  g_autofree char *svg = g_build_filename (tmp_dir, "topics.svg", NULL);
  g_autofree char *svg_text = NULL;
  g_autofree char *title = tamu_summary_chart_dup_title (s, TAMU_SUMMARY_CHART_VIDCON);
  cairo_surface_t *surface;
  guint prev, last_year, current;

  g_assert_cmpstr (title, ==, "Grafik Jumlah Video Conference Maret");
  g_assert_true (tamu_summary_chart_write (s, TAMU_SUMMARY_CHART_VIDCON, png, 600, 400, &error));
  g_assert_no_error (error);
  surface = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 600);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 400);
  /* Three columns, 1 / 16 / 4: the middle one is the tallest, the first the lowest. */
  prev = count_dark_pixels (surface, 50, 150);
  last_year = count_dark_pixels (surface, 250, 350);
  current = count_dark_pixels (surface, 450, 550);
  cairo_surface_destroy (surface);
  g_assert_cmpuint (last_year, >, current);
  g_assert_cmpuint (current, >, prev);

  g_assert_true (tamu_summary_chart_write (s, TAMU_SUMMARY_CHART_TOPICS, svg, 600, 400, &error));
  g_assert_no_error (error);
  g_file_get_contents (svg, &svg_text, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (svg_text, "<svg"));
  g_assert_nonnull (strstr (svg_text, "</svg>"));

  g_assert_false (tamu_summary_chart_write (s, TAMU_SUMMARY_CHART_TOPICS, "chart.gif", 10, 10, &error));
  g_assert_error (error, TAMU_ERROR, TAMU_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "chart: "));
}

static void
test_year (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TamuYearSummary) y = tamu_year_summary_new (store, 2023, &error);
  g_autofree char *json = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *path = g_build_filename (tmp_dir, "rekap-2023.xlsx", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;

  g_assert_no_error (error);
  g_assert_cmpint (y->months[2].tatap_muka, ==, 8);
  g_assert_cmpint (y->months[2].vidcon, ==, 16);
  g_assert_cmpint (y->months[0].tatap_muka, ==, 20);
  g_assert_cmpint (y->months[11].tatap_muka, ==, 16);
  g_assert_cmpint (y->total.tatap_muka, ==, 216 + 8);
  g_assert_cmpint (y->total.vidcon, ==, 16);
  g_assert_true (y->ppid_available);
  g_assert_cmpint (y->months[2].ppid_received, ==, 15);
  g_assert_cmpint (y->total.ppid_received, ==, 15);

  json = tamu_year_summary_dup_json (y);
  root = parse_object (parser, json);
  g_assert_cmpint (json_object_get_int_member (root, "year"), ==, 2023);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "months")), ==, 12);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (root, "total"), "tatap_muka"), ==, 224);

  csv = tamu_year_summary_dup_csv (y);
  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBF" "Bulan;Tatap Muka;"));
  g_assert_nonnull (strstr (csv, "\r\nMaret 2023;8;"));

  g_assert_true (tamu_year_summary_write_xlsx (y, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

static void
test_empty_month (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TamuSummary) s = tamu_summary_new (store, 2030, 1, &error);
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (s->tatap_muka.held, ==, 0);
  g_assert_cmpint (s->tatap_muka.cumulative, ==, 300 + 1 + 1); /* March 2024's 300, then April's two */
  g_assert_cmpuint (s->tatap_muka.rows->len, ==, 0);
  g_assert_cmpuint (s->by_topic->len, ==, 0);
  text = tamu_summary_dup_text (s);
  g_assert_nonnull (strstr (text, "tidak ada konsultasi tatap muka"));
  g_assert_nonnull (strstr (text, "jumlah tersebut sama."));
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_setenv ("TAMU_NOW", "2024-04-20T08:00", TRUE);
  g_test_init (&argc, &argv, NULL);

  build_database ();

  g_test_add_func ("/summary/format/change", test_format_change);
  g_test_add_func ("/summary/format/parse-month", test_parse_month);
  g_test_add_func ("/summary/report-2024-03/figures", test_report_figures);
  g_test_add_func ("/summary/report-2024-03/breaches", test_report_breaches);
  g_test_add_func ("/summary/report-2024-03/text", test_report_text);
  g_test_add_func ("/summary/report-2024-03/json", test_report_json);
  g_test_add_func ("/summary/zero-base", test_zero_base);
  g_test_add_func ("/summary/count-since-year", test_count_since_setting);
  g_test_add_func ("/summary/warnings", test_warnings);
  g_test_add_func ("/summary/export/csv", test_csv);
  g_test_add_func ("/summary/export/xlsx", test_xlsx);
  g_test_add_func ("/summary/export/charts", test_charts);
  g_test_add_func ("/summary/year", test_year);
  g_test_add_func ("/summary/empty-month", test_empty_month);

  status = g_test_run ();

  /* cairo keeps the fonts of its text API (fontconfig patterns) in static
   * caches; free them so the leak checkers see only our own memory. */
  cairo_debug_reset_static_data ();
  {
    /* And fontconfig its configuration: cairo loaded it, we do not link it. */
    void (*fc_fini) (void) = (void (*) (void)) dlsym (RTLD_DEFAULT, "FcFini");

    if (fc_fini != NULL)
      fc_fini ();
  }

  g_clear_object (&store);
  g_clear_pointer (&test_db, tamu_test_db_free);
  return status;
}
