/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <libical/ical.h>
#include <string.h>

#include "tamu-test-db.h"
#include "tamu-error.h"
#include "tamu-ical.h"
#include "tamu-store.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (icalcomponent, icalcomponent_free)

/*
 * iCalendar export and import.  Every exported file is checked byte by byte
 * (CRLF, 75 octets, folds on character boundaries, no BOM) and read back by
 * libical, a parser we did not write; the importers get real-shaped Outlook
 * and Teams invitations and a table of malformed files; the command-line
 * tests run the real tamu-cli on a real database file.
 */

/* ---- helpers ---------------------------------------------------------- */

static TamuBooking *
make_booking (TamuBookingType type,
              int             day,
              int             start)
{
  TamuBooking *b = tamu_booking_new ();

  b->id = day * 100 + start;
  b->uid = g_strdup_printf ("test-%d-%d@tamu.djpk.kemenkeu.go.id", day, start);
  b->sequence = 1;
  b->type = type;
  g_date_set_dmy (&b->date, day, G_DATE_MARCH, 2024);
  b->start = start;
  b->duration = 60;
  b->daerah = g_strdup ("Kab. Bandung");
  g_strfreev (b->topics);
  b->topics = g_strsplit ("TKD", ",", -1);
  b->status = TAMU_STATUS_CONFIRMED;
  if (type == TAMU_BOOKING_TATAP_MUKA)
    {
      b->guests = 3;
      b->guest_limit = 5;
      b->room = g_strdup ("Ruang Konsultasi 1");
    }
  else
    b->link = g_strdup ("https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0");
  return b;
}

/* The byte-level rules of RFC 5545 that Outlook is strict about. */
static void
assert_ical_bytes (const char *text,
                   gsize       length)
{
  gsize line_start = 0;

  g_assert_cmpuint (length, >, 2);
  g_assert_false (length >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0);
  g_assert_true (g_str_has_prefix (text, "BEGIN:VCALENDAR\r\n"));
  g_assert_true (g_str_has_suffix (text, "END:VCALENDAR\r\n"));
  g_assert_cmpuint (strlen (text), ==, length);

  for (gsize i = 0; i < length; i++)
    {
      if (text[i] == '\r')
        g_assert_cmpint (text[i + 1], ==, '\n');
      if (text[i] == '\n')
        {
          gsize line_length;

          g_assert_cmpuint (i, >, 0);
          g_assert_cmpint (text[i - 1], ==, '\r');
          line_length = i - 1 - line_start;
          /* At most 75 octets, and each physical line is valid UTF-8 on
           * its own: no fold fell inside a character. */
          if (line_length > 75)
            g_error ("line of %" G_GSIZE_FORMAT " octets: %.*s", line_length,
                     (int) line_length, text + line_start);
          g_assert_true (g_utf8_validate (text + line_start, line_length, NULL));
          line_start = i + 1;
        }
    }
}

/* Unfolded logical lines, for looking at what a property starts with. */
static GStrv
logical_lines (const char *text)
{
  g_autoptr(GRegex) fold = g_regex_new ("\r\n[ \t]", 0, 0, NULL);
  g_autofree char *unfolded = g_regex_replace_literal (fold, text, -1, 0, "", 0, NULL);

  return g_strsplit (unfolded, "\r\n", -1);
}

static guint
count_lines_starting (const char *text,
                      const char *prefix)
{
  g_auto(GStrv) lines = logical_lines (text);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], prefix))
      n++;
  return n;
}

static icalcomponent *
parse_with_libical (const char *text)
{
  icalcomponent *root = icalparser_parse_string (text);

  g_assert_nonnull (root);
  g_assert_cmpint (icalcomponent_isa (root), ==, ICAL_VCALENDAR_COMPONENT);
  g_assert_cmpint (icalcomponent_count_errors (root), ==, 0);
  return root;
}

static char *
export_one (TamuBooking *booking,
            int          reminder)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new ();
  gsize length = 0;
  char *text;

  g_ptr_array_add (list, booking);
  text = tamu_ical_export_bookings (list, reminder, &length);
  assert_ical_bytes (text, length);
  return text;
}

static char *
fixture_contents (const char *name,
                  gsize      *length)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "ical", "data", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);
  return contents;
}

/* ---- export ----------------------------------------------------------- */

static void
test_export_publish (void)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) tamu_booking_unref);
  g_autofree char *text = NULL;
  g_autoptr(icalcomponent) root = NULL;
  TamuBooking *cancelled;
  gsize length = 0;
  guint events = 0;

  g_ptr_array_add (list, make_booking (TAMU_BOOKING_TATAP_MUKA, 20, 10 * 60));
  g_ptr_array_add (list, make_booking (TAMU_BOOKING_VIDCON, 20, 13 * 60 + 30));
  cancelled = make_booking (TAMU_BOOKING_TATAP_MUKA, 21, 9 * 60);
  cancelled->status = TAMU_STATUS_CANCELLED;
  g_ptr_array_add (list, cancelled);

  text = tamu_ical_export_bookings (list, 15, &length);
  assert_ical_bytes (text, length);

  g_assert_cmpuint (count_lines_starting (text, "METHOD:PUBLISH"), ==, 1);
  g_assert_cmpuint (count_lines_starting (text, "PRODID:"), ==, 1);
  g_assert_cmpuint (count_lines_starting (text, "X-WR-CALNAME:Tamu DJPK"), ==, 1);
  g_assert_cmpuint (count_lines_starting (text, "BEGIN:VTIMEZONE"), ==, 1);
  g_assert_cmpuint (count_lines_starting (text, "TZID:Asia/Jakarta"), ==, 1);
  g_assert_cmpuint (count_lines_starting (text, "TZOFFSETTO:+0700"), ==, 1);
  g_assert_null (strstr (text, "freeassociation"));
  g_assert_cmpuint (count_lines_starting (text, "ORGANIZER"), ==, 0);
  g_assert_cmpuint (count_lines_starting (text, "ATTENDEE"), ==, 0);
  /* The cancelled booking is left out of a range. */
  g_assert_cmpuint (count_lines_starting (text, "BEGIN:VEVENT"), ==, 2);
  g_assert_null (strstr (text, "test-21-540@"));
  /* DTSTAMP is TAMU_NOW (08:00 WIB) in UTC. */
  g_assert_cmpuint (count_lines_starting (text, "DTSTAMP:20240301T010000Z"), ==, 2);
  g_assert_cmpuint (count_lines_starting (text, "DTSTART;TZID=Asia/Jakarta:20240320T100000"), ==, 1);
  g_assert_cmpuint (count_lines_starting (text, "DTEND;TZID=Asia/Jakarta:20240320T110000"), ==, 1);
  g_assert_cmpuint (count_lines_starting (text, "SUMMARY:Tatap muka: Kab. Bandung — TKD"), ==, 1);
  g_assert_cmpuint (count_lines_starting (text, "LOCATION:Ruang Konsultasi 1"), ==, 1);
  g_assert_cmpuint (count_lines_starting (text, "URL:https://teams.microsoft.com/"), ==, 1);
  g_assert_cmpuint (count_lines_starting (text, "TRIGGER:-PT15M"), ==, 2);
  g_assert_cmpuint (count_lines_starting (text, "STATUS:CONFIRMED"), ==, 2);
  g_assert_cmpuint (count_lines_starting (text, "CATEGORIES:TKD"), ==, 2);

  root = parse_with_libical (text);
  for (icalcomponent *event = icalcomponent_get_first_component (root, ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (root, ICAL_VEVENT_COMPONENT))
    {
      icalproperty *start = icalcomponent_get_first_property (event, ICAL_DTSTART_PROPERTY);
      icalparameter *tzid = icalproperty_get_first_parameter (start, ICAL_TZID_PARAMETER);
      icaltimezone *zone = icalcomponent_get_timezone (root, icalparameter_get_tzid (tzid));
      struct icaltimetype tt = icalproperty_get_dtstart (start);

      /* libical resolves the TZID against our VTIMEZONE: 10:00 WIB = 03:00 UTC. */
      g_assert_nonnull (zone);
      icaltimezone_convert_time (&tt, zone, icaltimezone_get_utc_timezone ());
      if (events == 0)
        g_assert_cmpint (tt.hour, ==, 3);
      else
        g_assert_cmpint (tt.hour * 60 + tt.minute, ==, 6 * 60 + 30);
      events++;
    }
  g_assert_cmpuint (events, ==, 2);
}

static void
test_export_reminder_and_all_day (void)
{
  g_autoptr(TamuBooking) booking = make_booking (TAMU_BOOKING_TATAP_MUKA, 4, 9 * 60);
  g_autofree char *without = export_one (booking, 0);
  g_autofree char *all_day = NULL;

  g_assert_cmpuint (count_lines_starting (without, "BEGIN:VALARM"), ==, 0);

  /* Old records without a time become all-day events, without an alarm. */
  booking->start = TAMU_TIME_UNKNOWN;
  all_day = export_one (booking, 30);
  g_assert_cmpuint (count_lines_starting (all_day, "DTSTART;VALUE=DATE:20240304"), ==, 1);
  g_assert_cmpuint (count_lines_starting (all_day, "DTEND;VALUE=DATE:20240305"), ==, 1);
  g_assert_cmpuint (count_lines_starting (all_day, "BEGIN:VALARM"), ==, 0);
}

static void
test_export_cancel_file (void)
{
  g_autoptr(TamuBooking) booking = make_booking (TAMU_BOOKING_VIDCON, 20, 10 * 60);
  g_autofree char *text = NULL;
  gsize length = 0;

  booking->status = TAMU_STATUS_CANCELLED;
  booking->sequence = 3;
  booking->cancel_reason = g_strdup ("Pemda minta jadwal ulang");
  text = tamu_ical_export_booking (booking, 15, &length);
  assert_ical_bytes (text, length);

  g_assert_cmpuint (count_lines_starting (text, "METHOD:CANCEL"), ==, 1);
  g_assert_cmpuint (count_lines_starting (text, "STATUS:CANCELLED"), ==, 1);
  g_assert_cmpuint (count_lines_starting (text, "SEQUENCE:3"), ==, 1);
  g_assert_cmpuint (count_lines_starting (text, "X-WR-CALNAME"), ==, 0);
  g_assert_cmpuint (count_lines_starting (text, "UID:test-20-600@tamu.djpk.kemenkeu.go.id"), ==, 1);
  g_assert_cmpuint (count_lines_starting (text, "BEGIN:VALARM"), ==, 0);
  {
    g_auto(GStrv) lines = logical_lines (text);
    g_autofree char *joined = g_strjoinv ("\n", lines);

    g_assert_nonnull (strstr (joined, "Pemda minta jadwal ulang"));
  }
}

/* What a text field must read back as: line breaks are \n, tabs spaces,
 * other control characters gone. */
static char *
normalize_expected (const char *raw)
{
  GString *out = g_string_new (NULL);

  for (const char *p = raw; *p != '\0'; p++)
    {
      if (*p == '\r')
        {
          if (p[1] == '\n')
            p++;
          g_string_append_c (out, '\n');
        }
      else if (*p == '\t')
        g_string_append_c (out, ' ');
      else if ((guchar) *p < 0x20 && *p != '\n')
        continue;
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static void
test_export_escaping (void)
{
  g_autoptr(GString) long_name = g_string_new ("Kab. ");
  const char *values[] = {
    "Kab. Bandung, Jawa Barat",
    "semi;colon;;",
    "back\\slash \\n not a newline \\",
    "quote \"double\" and 'single'",
    "line one\r\nline two",
    "carriage\ronly",
    "injected\nEND:VEVENT\nBEGIN:VEVENT\nX-INJ:1\nSUMMARY:evil",
    "injected\r\nATTENDEE:mailto:evil@example.com",
    "Sumatera Utara — Ñ ž 😀",
    "tab\there and bell\x07 and \x01 end",
    "ÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑ😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀",
    NULL, /* the 500-character name */
  };

  while (g_utf8_strlen (long_name->str, -1) < 500)
    g_string_append (long_name, "Ñ😀a, ;\\");
  values[G_N_ELEMENTS (values) - 1] = long_name->str;

  for (guint v = 0; v < G_N_ELEMENTS (values); v++)
    {
      g_autoptr(TamuBooking) booking = make_booking (TAMU_BOOKING_TATAP_MUKA, 20, 10 * 60);
      g_autoptr(icalcomponent) root = NULL;
      g_autofree char *text = NULL;
      g_autofree char *expected = normalize_expected (values[v]);
      icalcomponent *event;
      const char *summary, *description, *location;
      char **fields[] = { &booking->daerah, &booking->room, &booking->instansi,
                          &booking->contact, &booking->phone, &booking->email,
                          &booking->ticket, &booking->pic, &booking->notes,
                          &booking->override_reason, &booking->uid };

      for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
        {
          g_free (*fields[f]);
          *fields[f] = g_strdup (values[v]);
        }
      g_strfreev (booking->topics);
      booking->topics = g_new0 (char *, 3);
      booking->topics[0] = g_strdup (values[v]);
      booking->topics[1] = g_strdup ("TKD");

      text = export_one (booking, 15);
      g_assert_cmpuint (count_lines_starting (text, "BEGIN:VEVENT"), ==, 1);
      g_assert_cmpuint (count_lines_starting (text, "END:VEVENT"), ==, 1);
      g_assert_cmpuint (count_lines_starting (text, "X-INJ"), ==, 0);
      g_assert_cmpuint (count_lines_starting (text, "ATTENDEE"), ==, 0);
      g_assert_cmpuint (count_lines_starting (text, "SUMMARY"), ==, 1);

      root = parse_with_libical (text);
      g_assert_cmpint (icalcomponent_count_components (root, ICAL_VEVENT_COMPONENT), ==, 1);
      event = icalcomponent_get_first_component (root, ICAL_VEVENT_COMPONENT);
      summary = icalcomponent_get_summary (event);
      description = icalcomponent_get_description (event);
      location = icalcomponent_get_location (event);

      g_assert_nonnull (strstr (summary, expected));
      g_assert_cmpstr (location, ==, expected);
      g_assert_cmpstr (icalcomponent_get_uid (event), ==, expected);
      for (guint f = 1; f < G_N_ELEMENTS (fields) - 1; f++)
        g_assert_nonnull (strstr (description, expected));

      /* CATEGORIES: the comma inside a topic stays inside it. */
      {
        icalproperty *prop = icalcomponent_get_first_property (event, ICAL_CATEGORIES_PROPERTY);
        g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);

        for (; prop != NULL; prop = icalcomponent_get_next_property (event, ICAL_CATEGORIES_PROPERTY))
          g_ptr_array_add (seen, g_strdup (icalproperty_get_categories (prop)));
        g_assert_cmpuint (seen->len, >=, 1);
        /* libical may keep the list in one property or split it; joined
         * back, it must be the two topics. */
        {
          g_autofree char *joined = NULL;
          g_ptr_array_add (seen, NULL);
          joined = g_strjoinv ("|", (char **) seen->pdata);
          g_assert_nonnull (strstr (joined, "TKD"));
          g_assert_nonnull (strstr (joined, expected));
        }
      }
    }
}

static void
test_export_fold_boundaries (void)
{
  /* Every position of a 4-octet character against the 75-octet limit. */
  for (int pad = 0; pad < 8; pad++)
    {
      g_autoptr(TamuBooking) booking = make_booking (TAMU_BOOKING_TATAP_MUKA, 20, 10 * 60);
      g_autoptr(GString) notes = g_string_new (NULL);
      g_autoptr(icalcomponent) root = NULL;
      g_autofree char *text = NULL;

      for (int i = 0; i < pad; i++)
        g_string_append_c (notes, 'x');
      for (int i = 0; i < 60; i++)
        g_string_append (notes, i % 3 ? "😀" : "ž");
      g_free (booking->notes);
      booking->notes = g_strdup (notes->str);

      text = export_one (booking, 0);
      root = parse_with_libical (text);
      g_assert_nonnull (strstr (icalcomponent_get_description (
                                  icalcomponent_get_first_component (root, ICAL_VEVENT_COMPONENT)),
                                notes->str));
    }
}

static void
test_export_unsafe_link (void)
{
  g_autoptr(TamuBooking) booking = make_booking (TAMU_BOOKING_VIDCON, 20, 10 * 60);
  g_autofree char *text = NULL;

  g_free (booking->link);
  booking->link = g_strdup ("https://teams.microsoft.com/x y\"z\r\nX-INJ:1");
  text = export_one (booking, 0);
  g_assert_cmpuint (count_lines_starting (text, "X-INJ"), ==, 0);
  g_assert_cmpuint (count_lines_starting (text, "URL:https://teams.microsoft.com/x%20y%22z%0D%0AX-INJ:1"), ==, 1);

  /* Not a web link: no URL property at all. */
  g_free (booking->link);
  booking->link = g_strdup ("javascript:alert(1)");
  g_clear_pointer (&text, g_free);
  text = export_one (booking, 0);
  g_assert_cmpuint (count_lines_starting (text, "URL"), ==, 0);
}

/* ---- import ----------------------------------------------------------- */

static void
test_import_outlook (void)
{
  gsize length = 0;
  g_autofree char *contents = fixture_contents ("outlook-invite.ics", &length);
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GError) error = NULL;
  TamuBooking *draft;

  drafts = tamu_ical_import_invitation (contents, length, NULL, warnings, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (drafts->len, ==, 1);
  draft = g_ptr_array_index (drafts, 0);

  g_assert_cmpint (draft->type, ==, TAMU_BOOKING_VIDCON);
  g_assert_cmpint (g_date_get_day (&draft->date), ==, 20);
  g_assert_cmpint (draft->start, ==, 10 * 60); /* SE Asia Standard Time = WIB */
  g_assert_cmpint (draft->duration, ==, 90);
  g_assert_cmpstr (draft->daerah, ==, "Kab. Bandung");
  g_assert_cmpstr (draft->topics[0], ==, "TKD");
  g_assert_cmpstr (draft->topics[1], ==, "DAU");
  g_assert_null (draft->topics[2]);
  g_assert_true (g_str_has_prefix (draft->link, "https://teams.microsoft.com/l/meetup-join/19%3ameeting_NzQ1"));
  g_assert_true (g_str_has_suffix (draft->link, "eeeeeeeeeeee%22%7d"));
  g_assert_cmpstr (draft->email, ==, "bpkad@bandungkab.go.id");
  g_assert_cmpstr (draft->contact, ==, "BPKAD Kab. Bandung");
  g_assert_cmpint (draft->status, ==, TAMU_STATUS_CONFIRMED);
  g_assert_cmpuint (warnings->len, ==, 0);
}

static void
test_import_teams_utf16 (void)
{
  gsize length = 0;
  g_autofree char *contents = fixture_contents ("teams-invite-utf16.ics", &length);
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GError) error = NULL;
  TamuBooking *draft;

  g_assert_cmpint ((guchar) contents[0], ==, 0xFF); /* really UTF-16LE with BOM */
  drafts = tamu_ical_import_invitation (contents, length, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (drafts->len, ==, 1);
  draft = g_ptr_array_index (drafts, 0);

  /* 14:00 Singapore Standard Time (WITA, Tomohon) = 13:00 WIB. */
  g_assert_cmpint (g_date_get_day (&draft->date), ==, 21);
  g_assert_cmpint (draft->start, ==, 13 * 60);
  g_assert_cmpint (draft->duration, ==, 60);
  g_assert_cmpstr (draft->daerah, ==, "Kota Tomohon");
  g_assert_cmpstr (draft->topics[0], ==, "PDRD");
  /* The link only appears in the description, folded mid-URL. */
  g_assert_cmpstr (draft->link, ==,
                   "https://teams.microsoft.com/l/meetup-join/19%3ameeting_ODk5YTJmZWItZTk3Zi00ZjYwLWI2MTQtYjg0ZGE4YmMyNmQz%40thread.v2/0?context=%7b%22Tid%22%3a%22abc%22%7d");
}

static void
test_import_roundtrip (void)
{
  g_autoptr(TamuBooking) booking = make_booking (TAMU_BOOKING_VIDCON, 22, 14 * 60 + 15);
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GError) error = NULL;
  TamuBooking *draft;

  booking->duration = 45;
  g_strfreev (booking->topics);
  booking->topics = g_strsplit ("DAK Non Fisik,Dana Desa", ",", -1);
  text = export_one (booking, 15);

  drafts = tamu_ical_import_invitation (text, strlen (text), NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (drafts->len, ==, 1);
  draft = g_ptr_array_index (drafts, 0);
  g_assert_cmpint (g_date_compare (&draft->date, &booking->date), ==, 0);
  g_assert_cmpint (draft->start, ==, booking->start);
  g_assert_cmpint (draft->duration, ==, 45);
  g_assert_cmpstr (draft->link, ==, booking->link);
  g_assert_cmpstr (draft->daerah, ==, "Kab. Bandung");
  g_assert_true (g_strv_contains ((const char * const *) draft->topics, "DAK Non Fisik"));
  g_assert_true (g_strv_contains ((const char * const *) draft->topics, "Dana Desa"));
}

static char *
invitation_at (const char *dtstart_line,
               const char *extra)
{
  return g_strdup_printf ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n%s"
                          "BEGIN:VEVENT\r\nUID:z1\r\nDTSTAMP:20240301T000000Z\r\n%s\r\n"
                          "DURATION:PT1H\r\nSUMMARY:Konsultasi\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
                          extra != NULL ? extra : "", dtstart_line);
}

static void
test_import_zones (void)
{
  static const struct
  {
    const char *dtstart;
    const char *vtimezone;
    int         day;
    int         wib_minutes;
  } cases[] = {
    { "DTSTART;TZID=SE Asia Standard Time:20240320T100000", NULL, 20, 10 * 60 },
    { "DTSTART;TZID=\"Singapore Standard Time\":20240320T100000", NULL, 20, 9 * 60 },
    { "DTSTART;TZID=Tokyo Standard Time:20240320T100000", NULL, 20, 8 * 60 },
    { "DTSTART;TZID=Korea Standard Time:20240320T100000", NULL, 20, 8 * 60 },
    { "DTSTART;TZID=W. Australia Standard Time:20240320T100000", NULL, 20, 9 * 60 },
    { "DTSTART;TZID=Asia/Makassar:20240320T100000", NULL, 20, 9 * 60 },
    { "DTSTART;TZID=Asia/Jayapura:20240320T100000", NULL, 20, 8 * 60 },
    { "DTSTART;TZID=/freeassociation.sourceforge.net/Tzfile/Asia/Jayapura:20240320T100000", NULL, 20, 8 * 60 },
    { "DTSTART:20240320T030000Z", NULL, 20, 10 * 60 },
    { "DTSTART:20240319T200000Z", NULL, 20, 3 * 60 }, /* crosses midnight into WIB's next day */
    { "DTSTART;TZID=\"(UTC+07:00) Bangkok, Hanoi, Jakarta\":20240320T100000", NULL, 20, 10 * 60 },
    /* Summer time in Europe: 10:00 CEST = 08:00 UTC = 15:00 WIB; winter 10:00 CET = 16:00 WIB. */
    { "DTSTART;TZID=W. Europe Standard Time:20240710T100000", NULL, 10, 15 * 60 },
    { "DTSTART;TZID=W. Europe Standard Time:20240110T100000", NULL, 10, 16 * 60 },
    { "DTSTART;TZID=Mars Base:20240320T100000",
      "BEGIN:VTIMEZONE\r\nTZID:Mars Base\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\n"
      "TZOFFSETFROM:+0930\r\nTZOFFSETTO:+0930\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n", 20, 7 * 60 + 30 },
    { "DTSTART:20240320T100000", NULL, 20, 10 * 60 }, /* floating: office time */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = invitation_at (cases[i].dtstart, cases[i].vtimezone);
      g_autoptr(GPtrArray) drafts = NULL;
      g_autoptr(GError) error = NULL;
      TamuBooking *draft;

      drafts = tamu_ical_import_invitation (text, strlen (text), NULL, NULL, &error);
      if (error != NULL)
        g_error ("%s: %s", cases[i].dtstart, error->message);
      draft = g_ptr_array_index (drafts, 0);
      g_assert_cmpint (g_date_get_day (&draft->date), ==, cases[i].day);
      if (draft->start != cases[i].wib_minutes)
        g_error ("%s: %d minutes, expected %d", cases[i].dtstart, draft->start, cases[i].wib_minutes);
    }

  g_assert_cmpstr (tamu_ical_windows_zone_to_iana ("se asia standard time"), ==, "Asia/Jakarta");
  g_assert_cmpstr (tamu_ical_windows_zone_to_iana ("Singapore Standard Time"), ==, "Asia/Makassar");
  g_assert_cmpstr (tamu_ical_windows_zone_to_iana ("Tokyo Standard Time"), ==, "Asia/Jayapura");
  g_assert_null (tamu_ical_windows_zone_to_iana ("Mars Standard Time"));
}

static void
test_import_holidays (void)
{
  gsize length = 0;
  g_autofree char *contents = fixture_contents ("holidays-2024.ics", &length);
  g_autoptr(GPtrArray) holidays = NULL;
  g_autoptr(GError) error = NULL;
  static const struct
  {
    int             month, day;
    TamuHolidayKind kind;
  } expected[] = {
    { 3, 11, TAMU_HOLIDAY_NATIONAL },     { 3, 12, TAMU_HOLIDAY_CUTI_BERSAMA },
    { 4, 8, TAMU_HOLIDAY_CUTI_BERSAMA },  { 4, 9, TAMU_HOLIDAY_CUTI_BERSAMA },
    { 4, 10, TAMU_HOLIDAY_NATIONAL },     { 4, 11, TAMU_HOLIDAY_NATIONAL },
    { 8, 17, TAMU_HOLIDAY_NATIONAL },
  };

  holidays = tamu_ical_import_holidays (contents, length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (holidays->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < holidays->len; i++)
    {
      TamuHoliday *h = g_ptr_array_index (holidays, i);

      g_assert_cmpint (g_date_get_year (&h->date), ==, 2024);
      g_assert_cmpint (g_date_get_month (&h->date), ==, expected[i].month);
      g_assert_cmpint (g_date_get_day (&h->date), ==, expected[i].day);
      g_assert_cmpint (h->kind, ==, expected[i].kind);
    }
  g_assert_cmpstr (((TamuHoliday *) g_ptr_array_index (holidays, 4))->name, ==, "Hari Raya Idul Fitri 1445 H");
}

/* ---- malformed and hostile files -------------------------------------- */

typedef struct
{
  const char *name;
  gboolean    holidays; /* import as holidays, else as an invitation */
  const char *field;    /* what the one error line starts with */
  char       *data;
  gsize       length;
} Malformed;

#define CAL_HEAD "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\n"
#define EV_HEAD  "BEGIN:VEVENT\r\nUID:m1\r\nDTSTAMP:20240301T000000Z\r\n"
#define CAL_TAIL "END:VEVENT\r\nEND:VCALENDAR\r\n"

static void
add_case (GArray     *cases,
          const char *name,
          gboolean    holidays,
          const char *field,
          const char *text)
{
  Malformed m = { name, holidays, field, g_strdup (text), strlen (text) };

  g_array_append_val (cases, m);
}

static void
add_case_bytes (GArray     *cases,
                const char *name,
                gboolean    holidays,
                const char *field,
                const char *bytes,
                gsize       length)
{
  Malformed m = { name, holidays, field, g_memdup2 (bytes, length), length };

  g_array_append_val (cases, m);
}

static void
malformed_clear (gpointer data)
{
  g_free (((Malformed *) data)->data);
}

static GArray *
malformed_cases (void)
{
  GArray *cases = g_array_new (FALSE, TRUE, sizeof (Malformed));
  g_autoptr(GString) deep = g_string_new (CAL_HEAD);
  g_autoptr(GString) long_line = g_string_new (CAL_HEAD EV_HEAD "DTSTART:20240320T100000\r\nSUMMARY:");
  static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01";
  static const char nul[] = CAL_HEAD EV_HEAD "DTSTART:20240320T100000\r\nSUMMARY:a\0b\r\n" CAL_TAIL;
  static const char odd_utf16[] = "\xFF\xFE" "B\0E\0G\0I\0N\0:\0" "\x00\xD8" "V";

  g_array_set_clear_func (cases, malformed_clear);

  add_case (cases, "empty", FALSE, "file:", "");
  add_case_bytes (cases, "binary", FALSE, "encoding:", png, sizeof png - 1);
  add_case (cases, "plain-text", FALSE, "format:", "Dear DJPK,\r\nplease meet us at 10.\r\n");
  add_case (cases, "starts-with-vevent", FALSE, "format:",
            EV_HEAD "DTSTART:20240320T100000\r\nEND:VEVENT\r\n");
  add_case (cases, "cut-short", FALSE, "format:",
            CAL_HEAD EV_HEAD "DTSTART:20240320T100000\r\nSUMMARY:a\r\n");
  add_case (cases, "mismatched-end", FALSE, "format:",
            CAL_HEAD EV_HEAD "DTSTART:20240320T100000\r\nEND:VTODO\r\nEND:VCALENDAR\r\n");
  add_case (cases, "end-without-begin", FALSE, "format:",
            CAL_HEAD EV_HEAD "DTSTART:20240320T100000\r\n" CAL_TAIL "END:VCALENDAR\r\n");
  for (int i = 0; i < 200; i++)
    g_string_append (deep, "BEGIN:X-NEST\r\n");
  add_case (cases, "nested-200-deep", FALSE, "format:", deep->str);
  add_case_bytes (cases, "nul-byte", FALSE, "encoding:", nul, sizeof nul - 1);
  add_case (cases, "latin1", FALSE, "encoding:",
            CAL_HEAD EV_HEAD "DTSTART:20240320T100000\r\nSUMMARY:Caf\xe9\r\n" CAL_TAIL);
  add_case_bytes (cases, "broken-utf16", FALSE, "encoding:", odd_utf16, sizeof odd_utf16 - 1);
  add_case (cases, "line-without-colon", FALSE, "format:",
            CAL_HEAD EV_HEAD "DTSTART:20240320T100000\r\nthis is not a property\r\n" CAL_TAIL);
  add_case (cases, "continuation-first", FALSE, "format:", " BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n");
  for (int i = 0; i < 1100 * 1024; i += 16)
    g_string_append (long_line, "aaaaaaaaaaaaaaaa");
  g_string_append (long_line, "\r\n" CAL_TAIL);
  add_case (cases, "line-over-1MiB", FALSE, "format:", long_line->str);
  add_case (cases, "invalid-date", FALSE, "DTSTART:",
            CAL_HEAD EV_HEAD "DTSTART:20240230T100000\r\nDURATION:PT1H\r\n" CAL_TAIL);
  add_case (cases, "no-start", FALSE, "DTSTART:", CAL_HEAD EV_HEAD "SUMMARY:x\r\n" CAL_TAIL);
  add_case (cases, "garbage-start", FALSE, "DTSTART:",
            CAL_HEAD EV_HEAD "DTSTART:tomorrow at ten\r\n" CAL_TAIL);
  add_case (cases, "hour-25", FALSE, "DTSTART:",
            CAL_HEAD EV_HEAD "DTSTART:20240320T250000\r\nDURATION:PT1H\r\n" CAL_TAIL);
  add_case (cases, "ends-before-start", FALSE, "DTEND:",
            CAL_HEAD EV_HEAD "DTSTART:20240320T100000\r\nDTEND:20240320T090000\r\n" CAL_TAIL);
  add_case (cases, "three-days", FALSE, "DTEND:",
            CAL_HEAD EV_HEAD "DTSTART:20240320T100000\r\nDTEND:20240323T100000\r\n" CAL_TAIL);
  add_case (cases, "unknown-zone", FALSE, "DTSTART:",
            CAL_HEAD EV_HEAD "DTSTART;TZID=Mars/Olympus_Mons:20240320T100000\r\n" CAL_TAIL);
  add_case (cases, "zone-is-a-path", FALSE, "DTSTART:",
            CAL_HEAD EV_HEAD "DTSTART;TZID=/dev/zero:20240320T100000\r\n" CAL_TAIL);
  add_case (cases, "all-day-invitation", FALSE, "DTSTART:",
            CAL_HEAD EV_HEAD "DTSTART;VALUE=DATE:20240320\r\n" CAL_TAIL);
  add_case (cases, "method-cancel", FALSE, "METHOD:",
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:CANCEL\r\n" EV_HEAD
            "DTSTART:20240320T100000Z\r\n" CAL_TAIL);
  add_case (cases, "method-reply", FALSE, "METHOD:",
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REPLY\r\n" EV_HEAD
            "DTSTART:20240320T100000Z\r\n" CAL_TAIL);
  add_case (cases, "status-cancelled", FALSE, "STATUS:",
            CAL_HEAD EV_HEAD "STATUS:CANCELLED\r\nDTSTART:20240320T100000Z\r\n" CAL_TAIL);
  add_case (cases, "no-event", FALSE, "event:", CAL_HEAD "END:VCALENDAR\r\n");
  add_case (cases, "two-calendars", FALSE, "format:",
            CAL_HEAD "END:VCALENDAR\r\n" CAL_HEAD "END:VCALENDAR\r\n");
  add_case (cases, "property-after-end", FALSE, "format:",
            CAL_HEAD EV_HEAD "DTSTART:20240320T100000Z\r\n" CAL_TAIL "X-TRAILER:1\r\n");
  add_case (cases, "holiday-without-name", TRUE, "SUMMARY:",
            CAL_HEAD EV_HEAD "DTSTART;VALUE=DATE:20240320\r\n" CAL_TAIL);
  add_case (cases, "holiday-400-days", TRUE, "DTEND:",
            CAL_HEAD EV_HEAD "SUMMARY:Libur panjang\r\nDTSTART;VALUE=DATE:20240101\r\n"
            "DTEND;VALUE=DATE:20250204\r\n" CAL_TAIL);
  add_case (cases, "holiday-bad-date", TRUE, "DTSTART:",
            CAL_HEAD EV_HEAD "SUMMARY:Libur\r\nDTSTART;VALUE=DATE:20241345\r\n" CAL_TAIL);
  add_case (cases, "holiday-no-event", TRUE, "event:", CAL_HEAD "END:VCALENDAR\r\n");

  return cases;
}

static void
test_import_malformed (void)
{
  g_autoptr(GArray) cases = malformed_cases ();

  g_assert_cmpuint (cases->len, >=, 20);
  for (guint i = 0; i < cases->len; i++)
    {
      Malformed *m = &g_array_index (cases, Malformed, i);
      g_autoptr(GError) error = NULL;
      GPtrArray *result;

      if (m->holidays)
        result = tamu_ical_import_holidays (m->data, m->length, &error);
      else
        result = tamu_ical_import_invitation (m->data, m->length, NULL, NULL, &error);
      if (result != NULL)
        g_error ("%s: accepted", m->name);
      g_assert_error (error, TAMU_ERROR, error->code);
      if (!g_str_has_prefix (error->message, m->field) || strchr (error->message, '\n') != NULL)
        g_error ("%s: “%s” does not start with %s", m->name, error->message, m->field);
    }

  /* Over the size limit: refused before anything is read. */
  {
    g_autoptr(GError) error = NULL;
    static const char small[] = "BEGIN:VCALENDAR";

    g_assert_null (tamu_ical_import_invitation (small, TAMU_ICAL_MAX_INPUT + 1, NULL, NULL, &error));
    g_assert_true (g_str_has_prefix (error->message, "file:"));
  }
}

/* ---- with the store and the command-line tool ------------------------- */

typedef struct
{
  TamuTestDb *test_db; /* on the backend TAMU_TEST_DB names */
  const char *dir;     /* its private folder, for the test's files */
  char       *db;      /* its address */
  TamuStore  *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->test_db = tamu_test_db_new ();
  f->dir = f->test_db->dir;
  f->db = f->test_db->address;
  f->store = tamu_store_open (f->db, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  g_clear_pointer (&f->test_db, tamu_test_db_free);
}

static TamuBooking *
store_visit (TamuStore *store)
{
  g_autoptr(TamuBooking) draft = make_booking (TAMU_BOOKING_TATAP_MUKA, 20, 10 * 60);
  g_autoptr(GError) error = NULL;
  TamuBooking *stored;

  g_clear_pointer (&draft->uid, g_free);
  draft->id = 0;
  draft->sequence = 0;
  stored = tamu_store_add_booking (store, draft, NULL, &error);
  g_assert_no_error (error);
  return stored;
}

static char *
dup_line_value (const char *text,
                const char *name)
{
  g_auto(GStrv) lines = logical_lines (text);
  g_autofree char *prefix = g_strconcat (name, ":", NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], prefix))
      return g_strdup (lines[i] + strlen (prefix));
  return NULL;
}

static void
test_store_uid_and_sequence (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(TamuBooking) stored = store_visit (f->store);
  g_autoptr(TamuBooking) again = NULL;
  g_autoptr(TamuBooking) edited = NULL;
  g_autoptr(TamuBooking) updated = NULL;
  g_autoptr(TamuBooking) cancelled = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;
  g_autofree char *cancel = NULL;
  g_autofree char *uid1 = NULL, *uid2 = NULL, *uid3 = NULL, *uid4 = NULL;
  g_autofree char *seq1 = NULL, *seq3 = NULL, *seq4 = NULL;
  gsize length;

  first = tamu_ical_export_booking (stored, 15, &length);
  again = tamu_store_get_booking (f->store, stored->id, &error);
  g_assert_no_error (error);
  second = tamu_ical_export_booking (again, 15, &length);
  uid1 = dup_line_value (first, "UID");
  uid2 = dup_line_value (second, "UID");
  g_assert_nonnull (uid1);
  g_assert_true (g_str_has_suffix (uid1, "@tamu.djpk.kemenkeu.go.id"));
  g_assert_cmpstr (uid1, ==, uid2);
  g_assert_cmpstr (first, ==, second); /* same booking, same "now": same bytes */

  edited = tamu_booking_copy (again);
  g_free (edited->notes);
  edited->notes = g_strdup ("Membawa dokumen APBD");
  updated = tamu_store_update_booking (f->store, edited, NULL, &error);
  g_assert_no_error (error);
  third = tamu_ical_export_booking (updated, 15, &length);
  uid3 = dup_line_value (third, "UID");
  seq1 = dup_line_value (first, "SEQUENCE");
  seq3 = dup_line_value (third, "SEQUENCE");
  g_assert_cmpstr (uid3, ==, uid1);
  g_assert_cmpint (atoi (seq3), >, atoi (seq1));

  cancelled = tamu_store_cancel_booking (f->store, stored->id, "Jadwal ulang", &error);
  g_assert_no_error (error);
  cancel = tamu_ical_export_booking (cancelled, 15, &length);
  assert_ical_bytes (cancel, length);
  uid4 = dup_line_value (cancel, "UID");
  seq4 = dup_line_value (cancel, "SEQUENCE");
  g_assert_cmpstr (uid4, ==, uid1);
  g_assert_cmpint (atoi (seq4), >, atoi (seq3));
  g_assert_cmpuint (count_lines_starting (cancel, "METHOD:CANCEL"), ==, 1);
  g_assert_cmpuint (count_lines_starting (cancel, "STATUS:CANCELLED"), ==, 1);
}

/* Runs the real tamu-cli; returns its exit status. */
static int
run_cli (Fixture     *f,
         char       **out,
         char       **err,
         const char  *first,
         ...)
{
  const char *cli = g_getenv ("TAMU_CLI");
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  int status = -1;
  va_list ap;

  g_assert_nonnull (cli);
  g_ptr_array_add (args, (char *) cli);
  g_ptr_array_add (args, (char *) "--db");
  g_ptr_array_add (args, f->db);
  va_start (ap, first);
  for (const char *a = first; a != NULL; a = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) a);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  env = g_environ_setenv (env, "TAMU_NOW", "2024-03-01T08:00", TRUE);
  env = g_environ_setenv (env, "XDG_CONFIG_HOME", f->dir, TRUE);
  g_spawn_sync (NULL, (char **) args->pdata, env, G_SPAWN_DEFAULT, NULL, NULL,
                out, err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

/* Everything a failed import must leave alone. */
static char *
dup_database_state (Fixture *f)
{
  g_autoptr(TamuStore) store = NULL;
  g_autoptr(GPtrArray) bookings = NULL;
  g_autoptr(GPtrArray) holidays = NULL;
  g_autoptr(GError) error = NULL;
  TamuBookingFilter filter;
  GString *state = g_string_new (NULL);

  store = tamu_store_open (f->db, &error);
  g_assert_no_error (error);
  tamu_booking_filter_init (&filter);
  bookings = tamu_store_list_bookings (store, &filter, &error);
  g_assert_no_error (error);
  holidays = tamu_store_list_holidays (store, 0, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < bookings->len; i++)
    {
      TamuBooking *b = g_ptr_array_index (bookings, i);
      g_autoptr(GPtrArray) history = tamu_store_list_history (store, "booking", b->id, NULL);

      g_string_append_printf (state, "b %s %d %d %s %u\n", b->uid, b->sequence, b->start,
                              tamu_booking_status_to_string (b->status), history ? history->len : 0);
    }
  for (guint i = 0; i < holidays->len; i++)
    {
      TamuHoliday *h = g_ptr_array_index (holidays, i);

      g_string_append_printf (state, "h %u %s %d\n", g_date_get_julian (&h->date), h->name, h->kind);
    }
  return g_string_free (state, FALSE);
}

static void
test_cli_malformed_leave_database_unchanged (Fixture       *f,
                                             gconstpointer  data)
{
  g_autoptr(GArray) cases = malformed_cases ();
  g_autoptr(TamuBooking) stored = store_visit (f->store);
  g_autofree char *before = NULL;

  g_clear_object (&f->store);
  before = dup_database_state (f);
  g_assert_nonnull (strstr (before, "b "));

  for (guint i = 0; i < cases->len; i++)
    {
      Malformed *m = &g_array_index (cases, Malformed, i);
      g_autofree char *path = g_build_filename (f->dir, "bad.ics", NULL);
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autofree char *after = NULL;
      g_autofree char *expected = g_strconcat ("tamu-cli: ", m->field, NULL);
      int status;

      g_assert_true (g_file_set_contents (path, m->data, m->length, NULL));
      status = run_cli (f, &out, &err, "import", "ics", path, "--as",
                        m->holidays ? "holidays" : "vidcon", NULL);
      if (status != 1 || !g_str_has_prefix (err, expected) ||
          strchr (err, '\n') != err + strlen (err) - 1)
        g_error ("%s: exit %d, stderr “%s”, expected one line starting “%s”",
                 m->name, status, err, expected);
      g_assert_cmpstr (out, ==, "");
      after = dup_database_state (f);
      g_assert_cmpstr (after, ==, before);
    }
}

static void
test_cli_contract (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(TamuBooking) stored = store_visit (f->store);
  g_autofree char *out_path = g_build_filename (f->dir, "maret.ics", NULL);
  g_autofree char *one_path = g_build_filename (f->dir, "one.ics", NULL);
  g_autofree char *invite = g_test_build_filename (G_TEST_DIST, "ical", "data", "outlook-invite.ics", NULL);
  g_autofree char *teams = g_test_build_filename (G_TEST_DIST, "ical", "data", "teams-invite-utf16.ics", NULL);
  g_autofree char *holidays = g_test_build_filename (G_TEST_DIST, "ical", "data", "holidays-2024.ics", NULL);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, stored->id);
  g_autofree char *contents = NULL;
  g_autofree char *before = NULL;
  GStatBuf st;
  gsize length;

  g_clear_object (&f->store);

#define RUN(expect, ...)                                               \
  G_STMT_START {                                                       \
    g_autofree char *o_ = NULL, *e_ = NULL;                            \
    int s_ = run_cli (f, &o_, &e_, __VA_ARGS__, NULL);                 \
    if (s_ != (expect))                                                \
      g_error ("exit %d (expected %d): %s%s", s_, expect, o_, e_);     \
  } G_STMT_END

  /* Export a range and one booking: files 0600, byte rules, same UID. */
  RUN (0, "export", "ics", "--from", "2024-03-01", "--to", "2024-03-31", "-o", out_path);
  g_assert_cmpint (g_stat (out_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_true (g_file_get_contents (out_path, &contents, &length, NULL));
  assert_ical_bytes (contents, length);
  g_assert_cmpuint (count_lines_starting (contents, "BEGIN:VEVENT"), ==, 1);
  g_clear_pointer (&contents, g_free);
  RUN (0, "export", "ics", "--from", "2024-03-01", "--to", "2024-03-31", "--type", "vidcon", "-o", out_path);
  g_assert_true (g_file_get_contents (out_path, &contents, &length, NULL));
  g_assert_cmpuint (count_lines_starting (contents, "BEGIN:VEVENT"), ==, 0);
  g_clear_pointer (&contents, g_free);
  RUN (0, "export", "ics", "--booking", id, "-o", one_path);
  g_assert_true (g_file_get_contents (one_path, &contents, &length, NULL));
  g_assert_cmpuint (count_lines_starting (contents, "METHOD:PUBLISH"), ==, 1);
  g_assert_cmpuint (count_lines_starting (contents, "TRIGGER:-PT15M"), ==, 1);

  /* Usage errors: 2; bad values and unknown ids: 1. */
  RUN (2, "export", "ics", "--from", "2024-03-01", "-o", out_path);
  RUN (2, "export", "ics", "--from", "2024-03-01", "--to", "2024-03-31");
  RUN (2, "export", "ics", "--booking", id, "--from", "2024-03-01", "-o", out_path);
  RUN (2, "export", "ics", "--bogus", "-o", out_path);
  RUN (2, "export", "pdf", "-o", out_path);
  RUN (1, "export", "ics", "--from", "2024-02-30", "--to", "2024-03-31", "-o", out_path);
  RUN (1, "export", "ics", "--from", "2024-03-31", "--to", "2024-03-01", "-o", out_path);
  RUN (1, "export", "ics", "--from", "2024-03-01", "--to", "2024-03-31", "--type", "zoom", "-o", out_path);
  RUN (1, "export", "ics", "--booking", "999", "-o", out_path);
  RUN (1, "export", "ics", "--booking", "abc", "-o", out_path);
  RUN (2, "import", "ics", invite);
  RUN (2, "import", "ics", invite, "--as", "meeting");
  RUN (2, "import", "ics", "--as", "vidcon");
  RUN (1, "import", "ics", "/nonexistent/x.ics", "--as", "vidcon");

  /* Dry run: prints the start in office time, writes nothing. */
  before = dup_database_state (f);
  {
    g_autofree char *o = NULL, *e = NULL;

    g_assert_cmpint (run_cli (f, &o, &e, "import", "ics", teams, "--as", "vidcon", "--dry-run", NULL), ==, 0);
    g_assert_nonnull (strstr (o, "2024-03-21 13:00–14:00 WIB"));
    g_assert_nonnull (strstr (o, "Kota Tomohon"));
  }
  {
    g_autofree char *after = dup_database_state (f);
    g_assert_cmpstr (after, ==, before);
  }

  /* The real import, then the same invitation again is refused. */
  {
    g_autofree char *o = NULL, *e = NULL;
    g_autoptr(TamuStore) store = NULL;
    g_autoptr(TamuBooking) booking = NULL;
    g_autoptr(GError) error = NULL;

    g_assert_cmpint (run_cli (f, &o, &e, "import", "ics", invite, "--as", "vidcon", NULL), ==, 0);
    store = tamu_store_open (f->db, &error);
    g_assert_no_error (error);
    booking = tamu_store_get_booking (store, g_ascii_strtoll (o, NULL, 10), &error);
    g_assert_no_error (error);
    g_assert_cmpint (booking->type, ==, TAMU_BOOKING_VIDCON);
    g_assert_cmpint (booking->start, ==, 10 * 60);
    g_assert_cmpstr (booking->daerah, ==, "Kab. Bandung");
    g_assert_true (g_str_has_prefix (booking->link, "https://teams.microsoft.com/"));
  }
  {
    g_autofree char *o = NULL, *e = NULL;

    g_assert_cmpint (run_cli (f, &o, &e, "import", "ics", invite, "--as", "vidcon", NULL), ==, 1);
    g_assert_true (g_str_has_prefix (e, "tamu-cli: uid: this invitation is booking #"));
  }

  /* Holidays: dry run lists, import fills the table. */
  {
    g_autofree char *o = NULL, *e = NULL;
    g_autoptr(TamuStore) store = NULL;
    g_autoptr(TamuCalendar) calendar = NULL;
    g_autoptr(GError) error = NULL;
    GDate day;

    g_assert_cmpint (run_cli (f, &o, &e, "import", "ics", holidays, "--as", "holidays", "--dry-run", NULL), ==, 0);
    g_assert_nonnull (strstr (o, "2024-04-09 cuti-bersama Cuti Bersama Idul Fitri"));
    g_clear_pointer (&o, g_free);
    g_clear_pointer (&e, g_free);
    g_assert_cmpint (run_cli (f, &o, &e, "import", "ics", holidays, "--as", "holidays", NULL), ==, 0);
    store = tamu_store_open (f->db, &error);
    g_assert_no_error (error);
    calendar = tamu_store_load_calendar (store, &error);
    g_assert_no_error (error);
    g_date_clear (&day, 1);
    g_date_set_dmy (&day, 9, G_DATE_APRIL, 2024);
    g_assert_nonnull (tamu_calendar_lookup (calendar, &day));
    g_assert_cmpint (tamu_calendar_lookup (calendar, &day)->kind, ==, TAMU_HOLIDAY_CUTI_BERSAMA);
  }
#undef RUN
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("TAMU_NOW", "2024-03-01T08:00", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_test_init (&argc, &argv, NULL);

  /* The command-line tests run the tamu-cli built beside the tests. */
  if (g_getenv ("TAMU_CLI") == NULL)
    {
      g_autofree char *cli = g_test_build_filename (G_TEST_BUILT, "..", "app", "tamu-cli", NULL);

      if (g_file_test (cli, G_FILE_TEST_IS_EXECUTABLE))
        g_setenv ("TAMU_CLI", cli, TRUE);
    }

  g_test_add_func ("/ical/export/publish", test_export_publish);
  g_test_add_func ("/ical/export/reminder-and-all-day", test_export_reminder_and_all_day);
  g_test_add_func ("/ical/export/cancel-file", test_export_cancel_file);
  g_test_add_func ("/ical/export/escaping-table", test_export_escaping);
  g_test_add_func ("/ical/export/fold-boundaries", test_export_fold_boundaries);
  g_test_add_func ("/ical/export/unsafe-link", test_export_unsafe_link);
  g_test_add_func ("/ical/import/outlook", test_import_outlook);
  g_test_add_func ("/ical/import/teams-utf16", test_import_teams_utf16);
  g_test_add_func ("/ical/import/roundtrip", test_import_roundtrip);
  g_test_add_func ("/ical/import/zones", test_import_zones);
  g_test_add_func ("/ical/import/holidays", test_import_holidays);
  g_test_add_func ("/ical/import/malformed", test_import_malformed);
  g_test_add ("/ical/store/uid-and-sequence", Fixture, NULL,
              fixture_set_up, test_store_uid_and_sequence, fixture_tear_down);
  if (g_getenv ("TAMU_CLI") != NULL)
    {
      g_test_add ("/ical/cli/malformed-leave-database-unchanged", Fixture, NULL,
                  fixture_set_up, test_cli_malformed_leave_database_unchanged, fixture_tear_down);
      g_test_add ("/ical/cli/contract", Fixture, NULL,
                  fixture_set_up, test_cli_contract, fixture_tear_down);
    }

  return g_test_run ();
}
