/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The hardening of issue 12 below the command line: text checks and
 * terminal escaping, the field rules every path shares, the private file
 * writer and the bounded import reader, and the bookings a holiday or a
 * removed room affects.  Real files in a temporary folder.
 */
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tamu-affected.h"
#include "tamu-booking-csv.h"
#include "tamu-error.h"
#include "tamu-fields.h"
#include "tamu-file.h"
#include "tamu-limits.h"
#include "tamu-text.h"
#include "tamu-topics.h"

static void
assert_text_error (const char *field,
                   const char *text,
                   gsize       max,
                   TamuTextFlags flags,
                   const char *expected)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (tamu_text_check (field, text, max, flags, &error));
  g_assert_error (error, TAMU_ERROR, TAMU_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, expected);
}

static void
test_text_check (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (tamu_text_check ("name", NULL, 10, TAMU_TEXT_ONE_LINE, &error));
  g_assert_true (tamu_text_check ("name", "Kab. Bandung", 12, TAMU_TEXT_ONE_LINE, &error));
  /* Characters, not bytes: "Ñ" is one. */
  g_assert_true (tamu_text_check ("name", "ÑÑÑ", 3, TAMU_TEXT_ONE_LINE, &error));
  g_assert_no_error (error);

  assert_text_error ("name", "Kab. \xff", 0, TAMU_TEXT_ONE_LINE, "name: not valid UTF-8");
  assert_text_error ("rooms", "A\xc3\x28", 0, TAMU_TEXT_ONE_LINE, "rooms: not valid UTF-8");
  assert_text_error ("daerah", "a\x1b[2J", 0, TAMU_TEXT_ONE_LINE,
                     "daerah: contains the control character \\x1b");
  assert_text_error ("daerah", "a\nb", 0, TAMU_TEXT_ONE_LINE,
                     "daerah: contains the control character \\x0a");
  assert_text_error ("notes", "a\x7f", 0, TAMU_TEXT_MULTILINE,
                     "notes: contains the control character \\x7f");
  assert_text_error ("notes", "a\xc2\x9b" "31m", 0, TAMU_TEXT_MULTILINE,
                     "notes: contains the control character \\u009b");
  assert_text_error ("notes", "bell\a", 0, TAMU_TEXT_MULTILINE,
                     "notes: contains the control character \\x07");
  assert_text_error ("daerah", "abcd", 3, TAMU_TEXT_ONE_LINE, "daerah: longer than 3 characters");

  /* Several lines where they are allowed. */
  g_assert_true (tamu_text_check ("notes", "one\r\ntwo\tthree", 0, TAMU_TEXT_MULTILINE, &error));
  g_assert_no_error (error);
}

static void
test_escape (void)
{
  const char raw[] = "a\x1b[31mb\a\n\tc\r\xc2\x9b" "d\xff\x7f";
  g_autofree char *lines = tamu_text_escape_controls (raw, -1, TRUE);
  g_autofree char *one = tamu_text_escape_controls (raw, -1, FALSE);
  g_autofree char *with_nul = tamu_text_escape_controls ("a\0b", 3, TRUE);
  g_autofree char *clean = tamu_text_escape_controls ("Kota Tomohon · 10:00 WITA", -1, FALSE);

  g_assert_cmpstr (lines, ==, "a\\x1b[31mb\\x07\n\tc\\x0d\\u009bd\\xff\\x7f");
  g_assert_cmpstr (one, ==, "a\\x1b[31mb\\x07\\x0a\\x09c\\x0d\\u009bd\\xff\\x7f");
  g_assert_cmpstr (with_nul, ==, "a\\x00b");
  g_assert_cmpstr (clean, ==, "Kota Tomohon · 10:00 WITA");
  g_assert_true (g_utf8_validate (one, -1, NULL));

  /* JSON: json-glib leaves DEL and C1 raw; they become \u escapes. */
  {
    g_autofree char *json = tamu_text_escape_json ("{\"a\": \"x\xc2\x9b" "31m\x7f \xc2\xa0\u00e9\"}");

    g_assert_cmpstr (json, ==, "{\"a\": \"x\\u009b31m\\u007f \xc2\xa0\u00e9\"}");
  }

  g_assert_true (tamu_text_has_controls (raw, -1, TRUE));
  g_assert_false (tamu_text_has_controls ("one\ntwo", -1, TRUE));
  g_assert_true (tamu_text_has_controls ("one\ntwo", -1, FALSE));
}

static TamuBooking *
new_booking (void)
{
  TamuBooking *b = tamu_booking_new ();

  b->daerah = g_strdup ("Kab. Bandung");
  return b;
}

static char *
first_problem (TamuBooking *b)
{
  g_autoptr(GPtrArray) problems = tamu_fields_list_problems (b);

  return problems->len > 0 ? g_strdup (g_ptr_array_index (problems, 0)) : NULL;
}

static void
test_field_rules (void)
{
  static const struct
  {
    gsize       offset;
    const char *value;
    const char *problem; /* prefix, or NULL when accepted */
  } cases[] = {
    { G_STRUCT_OFFSET (TamuBooking, phone), "=1+1", "phone: “=1+1” is not a phone number" },
    { G_STRUCT_OFFSET (TamuBooking, phone), "+cmd|' /C calc'!A0", "phone: " },
    { G_STRUCT_OFFSET (TamuBooking, phone), "1234", "phone: " },
    { G_STRUCT_OFFSET (TamuBooking, phone), "+62 812-3456-7890", NULL },
    { G_STRUCT_OFFSET (TamuBooking, phone), "(0651) 12345", NULL },
    { G_STRUCT_OFFSET (TamuBooking, email), "budi@example.go.id", NULL },
    { G_STRUCT_OFFSET (TamuBooking, email), "budi@example.go.id\r\nBcc: x@y.z", "email: contains the control character \\x0d" },
    { G_STRUCT_OFFSET (TamuBooking, email), "budi at example", "email: " },
    { G_STRUCT_OFFSET (TamuBooking, email), "a@b@c.d", "email: " },
    { G_STRUCT_OFFSET (TamuBooking, link), "https://teams.microsoft.com/l/x", NULL },
    { G_STRUCT_OFFSET (TamuBooking, link), "https://x.example/\r\nSet-Cookie: a", "link: contains the control character \\x0d" },
    { G_STRUCT_OFFSET (TamuBooking, link), "https://x.example/a b", "link: " },
    { G_STRUCT_OFFSET (TamuBooking, link), "javascript:alert(1)", "link: " },
    { G_STRUCT_OFFSET (TamuBooking, link), "https://", "link: " },
    { G_STRUCT_OFFSET (TamuBooking, notes), "baris satu\nbaris dua", NULL },
    { G_STRUCT_OFFSET (TamuBooking, notes), "\x1b]0;owned\a", "notes: contains the control character \\x1b" },
    { G_STRUCT_OFFSET (TamuBooking, contact), "Pak\nBudi", "contact: contains the control character \\x0a" },
    { G_STRUCT_OFFSET (TamuBooking, ticket), "RSV\xff", "ticket: not valid UTF-8" },
    { G_STRUCT_OFFSET (TamuBooking, daerah), "Bank Kalbar", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(TamuBooking) b = new_booking ();
      char **field = G_STRUCT_MEMBER_P (b, cases[i].offset);
      g_autofree char *problem = NULL;

      g_free (*field);
      *field = g_strdup (cases[i].value);
      problem = first_problem (b);
      {
        g_autofree char *shown = tamu_text_escape_controls (cases[i].value, -1, FALSE);
        g_autofree char *shown_problem = tamu_text_escape_controls (problem, -1, FALSE);

        g_test_message ("%s → %s", shown, problem ? shown_problem : "(accepted)");
      }
      if (cases[i].problem == NULL)
        g_assert_null (problem);
      else
        {
          g_assert_nonnull (problem);
          g_assert_true (g_str_has_prefix (problem, cases[i].problem));
        }
    }
}

static void
test_field_lengths (void)
{
  g_autoptr(TamuBooking) b = new_booking ();
  g_autoptr(GError) error = NULL;
  g_autofree char *at_limit = g_strnfill (TAMU_MAX_NAME_CHARS, 'x');
  g_autofree char *over = g_strnfill (TAMU_MAX_NAME_CHARS + 1, 'x');
  g_autofree char *long_note = g_strnfill (TAMU_MAX_NOTE_CHARS + 1, 'n');
  g_autofree char *expected = g_strdup_printf ("daerah: longer than %d characters", TAMU_MAX_NAME_CHARS);

  g_free (b->daerah);
  b->daerah = g_strdup (at_limit);
  g_assert_true (tamu_fields_check_booking (b, &error));
  g_assert_no_error (error);

  g_free (b->daerah);
  b->daerah = g_strdup (over);
  g_assert_false (tamu_fields_check_booking (b, &error));
  g_assert_cmpstr (error->message, ==, expected);
  g_clear_error (&error);

  g_free (b->daerah);
  b->daerah = g_strdup ("Kab. Bandung");
  b->notes = g_strdup (long_note);
  g_assert_false (tamu_fields_check_booking (b, &error));
  g_assert_true (g_str_has_prefix (error->message, "notes: longer than"));
  g_clear_error (&error);

  /* Names outside a booking: holidays, topics, rooms, the agent. */
  g_assert_true (tamu_fields_check_name ("name", "Cuti bersama Natal", &error));
  g_assert_false (tamu_fields_check_name ("name", "   ", &error));
  g_assert_cmpstr (error->message, ==, "name: is required");
  g_clear_error (&error);
  g_assert_false (tamu_fields_check_name ("topic", over, &error));
  g_assert_true (g_str_has_prefix (error->message, "topic: longer than"));
}

/* The CSV importer applies the same rules: a 1 MB daerah, a formula phone. */
static void
test_csv_uses_field_rules (void)
{
  g_autoptr(GPtrArray) topics = tamu_topics_new_default ();
  g_autoptr(GString) text = g_string_new ("type,date,time,daerah,topic,guests,phone\n");
  g_autoptr(GError) error = NULL;
  TamuBookingCsv *csv;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 1, 3, 2024);
  g_string_append (text, "tatap-muka,2024-03-20,09:00,");
  for (guint i = 0; i < 1024 * 1024; i++)
    g_string_append_c (text, 'x');
  g_string_append (text, ",TKD,2,\n");
  g_string_append (text, "tatap-muka,2024-03-20,10:00,Kab. Bandung,TKD,2,=1+1\n");

  csv = tamu_booking_csv_parse (text->str, text->len, topics, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (csv->rows->len, ==, 0);
  g_assert_cmpuint (csv->problems->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (csv->problems, 0), ==, "line 2: daerah: longer than 200 characters");
  g_assert_cmpstr (g_ptr_array_index (csv->problems, 1), ==, "line 3: phone: “=1+1” is not a phone number");
  tamu_booking_csv_free (csv);
}

static char *
make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("tamu-fields-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (d != NULL && g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static void
test_write_private (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *victim = g_build_filename (dir, "victim", NULL);
  g_autofree char *target = g_build_filename (dir, "export.csv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_true (g_file_set_contents (victim, "keep", -1, &error));
  g_assert_cmpint (symlink (victim, target), ==, 0);

  g_assert_true (tamu_file_write_private ("output", target, "a;b\n", 4, &error));
  g_assert_no_error (error);

  /* The link is replaced by a private file; its target is untouched. */
  g_assert_cmpint (g_lstat (target, &st), ==, 0);
  g_assert_true (S_ISREG (st.st_mode));
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_true (g_file_get_contents (target, &contents, NULL, &error));
  g_assert_cmpstr (contents, ==, "a;b\n");
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (victim, &contents, NULL, &error));
  g_assert_cmpstr (contents, ==, "keep");
  g_assert_cmpuint (count_entries (dir), ==, 2);

  /* A folder that does not exist: one message naming the field. */
  {
    g_autofree char *missing = g_build_filename (dir, "no", "such.csv", NULL);

    g_assert_false (tamu_file_write_private ("output", missing, "x", 1, &error));
    g_assert_true (g_str_has_prefix (error->message, "output: cannot write "));
  }

  remove_dir (dir);
}

static void
test_begin_commit_private (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *victim = g_build_filename (dir, "victim", NULL);
  g_autofree char *target = g_build_filename (dir, "book.xlsx", NULL);
  g_autofree char *tmp = NULL;
  g_autofree char *tmp_dir = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_true (g_file_set_contents (victim, "keep", -1, &error));
  g_assert_cmpint (symlink (victim, target), ==, 0);

  tmp = tamu_file_begin_private ("xlsx", target, &error);
  g_assert_no_error (error);
  tmp_dir = g_path_get_dirname (tmp);
  /* A private folder of its own, beside the target, holding an empty file. */
  g_assert_cmpint (g_lstat (tmp_dir, &st), ==, 0);
  g_assert_true (S_ISDIR (st.st_mode));
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_lstat (tmp, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_assert_true (g_file_set_contents (tmp, "PK", -1, &error));
  g_assert_true (tamu_file_commit_private ("xlsx", tmp, target, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_lstat (target, &st), ==, 0);
  g_assert_true (S_ISREG (st.st_mode));
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_false (g_file_test (tmp_dir, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_get_contents (victim, &contents, NULL, &error));
  g_assert_cmpstr (contents, ==, "keep");

  /* Discarding leaves nothing behind. */
  g_clear_pointer (&tmp, g_free);
  tmp = tamu_file_begin_private ("xlsx", target, &error);
  tamu_file_discard_private (tmp);
  g_assert_cmpuint (count_entries (dir), ==, 2);

  remove_dir (dir);
}

static void
test_read_import (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *small = g_build_filename (dir, "log.csv", NULL);
  g_autofree char *big = g_build_filename (dir, "big.csv", NULL);
  g_autofree char *fifo = g_build_filename (dir, "pipe.csv", NULL);
  g_autofree char *data = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  int fd;

  g_assert_true (g_file_set_contents (small, "a,b\n", -1, &error));
  g_assert_true (tamu_file_read_import (small, &data, &length, &error));
  g_assert_cmpuint (length, ==, 4);
  g_assert_cmpstr (data, ==, "a,b\n");

  /* One byte over the limit (a sparse file). */
  fd = g_open (big, O_WRONLY | O_CREAT, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, TAMU_MAX_IMPORT_BYTES + 1), ==, 0);
  close (fd);
  g_assert_false (tamu_file_read_import (big, &data, &length, &error));
  expected = g_strdup_printf ("file: %s is larger than 32 MiB", big);
  g_assert_cmpstr (error->message, ==, expected);
  g_clear_error (&error);

  /* Devices, pipes and folders are not read at all (a pipe would block). */
  g_assert_false (tamu_file_read_import ("/dev/zero", &data, &length, &error));
  g_assert_cmpstr (error->message, ==, "file: /dev/zero is not a regular file");
  g_clear_error (&error);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_false (tamu_file_read_import (fifo, &data, &length, &error));
  g_assert_true (g_str_has_suffix (error->message, "is not a regular file"));
  g_clear_error (&error);
  g_assert_false (tamu_file_read_import (dir, &data, &length, &error));
  g_assert_true (g_str_has_suffix (error->message, "is not a regular file"));
  g_clear_error (&error);

  remove_dir (dir);
}

static TamuBooking *
booking_on (int         day,
            const char *room,
            TamuBookingStatus status)
{
  TamuBooking *b = new_booking ();

  g_date_set_dmy (&b->date, day, 3, 2024);
  b->start = 9 * 60;
  b->duration = 60;
  b->room = g_strdup (room);
  b->status = status;
  b->id = day * 10 + status;
  return b;
}

static void
test_affected (void)
{
  g_autoptr(GPtrArray) bookings = g_ptr_array_new_with_free_func ((GDestroyNotify) tamu_booking_unref);
  g_autoptr(GPtrArray) on_day = NULL;
  g_autoptr(GPtrArray) in_room = NULL;
  const char *old_rooms[] = { "Ruang 1", "Ruang 2", NULL };
  const char *new_rooms[] = { "Ruang 2", NULL };
  g_autofree char *line = NULL;
  GDate day;

  g_ptr_array_add (bookings, booking_on (20, "Ruang 1", TAMU_STATUS_REQUESTED));
  g_ptr_array_add (bookings, booking_on (20, "Ruang 2", TAMU_STATUS_CANCELLED));
  g_ptr_array_add (bookings, booking_on (20, "Ruang 2", TAMU_STATUS_DONE));
  g_ptr_array_add (bookings, booking_on (21, "Ruang 1", TAMU_STATUS_CONFIRMED));
  g_ptr_array_add (bookings, booking_on (22, "Ruang 1", TAMU_STATUS_DONE));

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 20, 3, 2024);
  on_day = tamu_affected_by_closed_day (bookings, &day);
  /* Active ones only: the cancelled booking is not affected. */
  g_assert_cmpuint (on_day->len, ==, 2);

  in_room = tamu_affected_by_room_removal (bookings, old_rooms, new_rooms);
  /* Requested and confirmed bookings in Ruang 1; history stays history. */
  g_assert_cmpuint (in_room->len, ==, 2);
  g_assert_cmpint (((TamuBooking *) g_ptr_array_index (in_room, 0))->id, ==, 200);
  g_assert_cmpint (((TamuBooking *) g_ptr_array_index (in_room, 1))->id, ==, 211);

  line = tamu_affected_describe (g_ptr_array_index (in_room, 0));
  g_assert_cmpstr (line, ==, "booking 200, 2024-03-20 09:00–10:00, Kab. Bandung, Ruang 1");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fields/text-check", test_text_check);
  g_test_add_func ("/fields/escape", test_escape);
  g_test_add_func ("/fields/rules", test_field_rules);
  g_test_add_func ("/fields/lengths", test_field_lengths);
  g_test_add_func ("/fields/csv", test_csv_uses_field_rules);
  g_test_add_func ("/file/write-private", test_write_private);
  g_test_add_func ("/file/begin-commit-private", test_begin_commit_private);
  g_test_add_func ("/file/read-import", test_read_import);
  g_test_add_func ("/affected/holiday-and-rooms", test_affected);

  return g_test_run ();
}
