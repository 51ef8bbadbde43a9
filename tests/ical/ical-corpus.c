/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>

#include "tamu-ical.h"

/*
 * Writes the files Tamu exports for a set of bookings chosen to be awkward
 * (escaping, long and non-Latin text, all-day records, a meeting across
 * midnight, a cancellation), and expected.json with each booking's raw
 * values and its times in UTC, computed here by hand rather than by the
 * exporter.  check-readers.py reads the files with python-icalendar and
 * ical.js and compares.
 *
 *   ical-corpus DIR
 */

typedef struct
{
  TamuBooking *booking;
  const char  *start_utc; /* NULL for all-day */
  const char  *end_utc;
  const char  *date;      /* all-day: first day */
  const char  *end_date;
} Case;

static TamuBooking *
booking_new (int              n,
             TamuBookingType  type,
             int              day,
             int              start,
             int              duration,
             const char      *text)
{
  TamuBooking *b = tamu_booking_new ();

  b->id = n;
  b->uid = g_strdup_printf ("corpus-%d@tamu.djpk.kemenkeu.go.id", n);
  b->sequence = n % 3;
  b->type = type;
  g_date_set_dmy (&b->date, day, G_DATE_MARCH, 2024);
  b->start = start;
  b->duration = duration;
  b->daerah = g_strdup (text != NULL ? text : "Kab. Bandung");
  g_strfreev (b->topics);
  b->topics = g_new0 (char *, 3);
  b->topics[0] = g_strdup ("TKD");
  b->topics[1] = g_strdup (text != NULL ? text : "DAK Non Fisik");
  b->status = TAMU_STATUS_CONFIRMED;
  b->contact = g_strdup (text != NULL ? text : "Ibu Sari");
  b->phone = g_strdup ("0812-3456-7890");
  b->email = g_strdup ("sari@bandungkab.go.id");
  b->ticket = g_strdup (text != NULL ? text : "#48213");
  b->pic = g_strdup (text != NULL ? text : "Agus");
  b->notes = g_strdup (text != NULL ? text : "Membawa dokumen");
  b->instansi = g_strdup (text);
  if (type == TAMU_BOOKING_TATAP_MUKA)
    {
      b->guests = 3;
      b->guest_limit = 5;
      b->room = g_strdup (text != NULL ? text : "Ruang Konsultasi 1");
    }
  else
    b->link = g_strdup ("https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0?context=%7b%22Tid%22%7d");
  return b;
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_event (JsonBuilder *builder,
           const Case  *c,
           int          alarm)
{
  const TamuBooking *b = c->booking;
  const char *fields[] = { b->contact, b->phone, b->email, b->ticket, b->pic, b->notes, b->instansi };

  json_builder_begin_object (builder);
  add_string (builder, "uid", b->uid);
  json_builder_set_member_name (builder, "sequence");
  json_builder_add_int_value (builder, b->sequence);
  add_string (builder, "status", b->status == TAMU_STATUS_CANCELLED ? "CANCELLED" : "CONFIRMED");
  add_string (builder, "start_utc", c->start_utc);
  add_string (builder, "end_utc", c->end_utc);
  add_string (builder, "date", c->date);
  add_string (builder, "end_date", c->end_date);
  add_string (builder, "daerah", b->daerah);
  add_string (builder, "location", b->type == TAMU_BOOKING_VIDCON ? b->link : b->room);
  add_string (builder, "link", b->link);
  json_builder_set_member_name (builder, "description_contains");
  json_builder_begin_array (builder);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (fields[i] != NULL)
      json_builder_add_string_value (builder, fields[i]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "categories");
  json_builder_begin_array (builder);
  for (guint i = 0; b->topics[i] != NULL; i++)
    json_builder_add_string_value (builder, b->topics[i]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "alarm_minutes");
  if (alarm > 0 && c->start_utc != NULL && b->status != TAMU_STATUS_CANCELLED)
    json_builder_add_int_value (builder, alarm);
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
}

static void
write_file (const char *dir,
            const char *name,
            const char *text,
            gsize       length)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  if (!g_file_set_contents (path, text, length, &error))
    g_error ("%s", error->message);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) range = g_ptr_array_new ();
  g_autoptr(GString) long_name = g_string_new ("Kab. ");
  g_autofree char *json = NULL;
  const char *texts[] = {
    "Kab. Bandung, Jawa Barat; “quoted” \"double\" 'single'",
    "back\\slash \\n not a newline, trailing \\ end",
    "line one\r\nline two\nline three\rline four",
    "injected\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nX-INJ:1\r\nSUMMARY:evil",
    "Sumatera Utara — Ñ ž 😀",
    NULL,
  };
  Case cases[16];
  guint n_cases = 0;
  const int alarm = 15;
  g_autofree char *text = NULL;
  gsize length = 0;

  if (argc != 2)
    {
      g_printerr ("usage: ical-corpus DIR\n");
      return 2;
    }
  g_setenv ("TAMU_NOW", "2024-03-01T08:00", TRUE);

  while (g_utf8_strlen (long_name->str, -1) < 500)
    g_string_append (long_name, "Ñ😀a,;\\ ");
  g_string_append (long_name, "end");
  texts[G_N_ELEMENTS (texts) - 1] = long_name->str;

  /* Plain ones: 10:00 WIB = 03:00 UTC. */
  cases[n_cases++] = (Case) { booking_new (1, TAMU_BOOKING_TATAP_MUKA, 20, 10 * 60, 60, NULL),
                              "2024-03-20T03:00:00Z", "2024-03-20T04:00:00Z", NULL, NULL };
  cases[n_cases++] = (Case) { booking_new (2, TAMU_BOOKING_VIDCON, 20, 13 * 60 + 30, 90, NULL),
                              "2024-03-20T06:30:00Z", "2024-03-20T08:00:00Z", NULL, NULL };
  /* 06:00 WIB is 23:00 UTC the day before. */
  cases[n_cases++] = (Case) { booking_new (3, TAMU_BOOKING_VIDCON, 21, 6 * 60, 30, NULL),
                              "2024-03-20T23:00:00Z", "2024-03-20T23:30:00Z", NULL, NULL };
  /* Across midnight WIB. */
  cases[n_cases++] = (Case) { booking_new (4, TAMU_BOOKING_VIDCON, 21, 23 * 60 + 30, 60, NULL),
                              "2024-03-21T16:30:00Z", "2024-03-21T17:30:00Z", NULL, NULL };
  /* An old record without a time: all day. */
  cases[n_cases++] = (Case) { booking_new (5, TAMU_BOOKING_TATAP_MUKA, 4, TAMU_TIME_UNKNOWN, 60, NULL),
                              NULL, NULL, "2024-03-04", "2024-03-05" };
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    cases[n_cases++] = (Case) { booking_new (10 + i, i % 2 ? TAMU_BOOKING_VIDCON : TAMU_BOOKING_TATAP_MUKA,
                                             22, 9 * 60, 60, texts[i]),
                                "2024-03-22T02:00:00Z", "2024-03-22T03:00:00Z", NULL, NULL };

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "files");
  json_builder_begin_array (builder);

  /* One range, every event. */
  for (guint i = 0; i < n_cases; i++)
    g_ptr_array_add (range, cases[i].booking);
  text = tamu_ical_export_bookings (range, alarm, &length);
  write_file (argv[1], "range.ics", text, length);
  g_clear_pointer (&text, g_free);
  json_builder_begin_object (builder);
  add_string (builder, "name", "range.ics");
  add_string (builder, "method", "PUBLISH");
  json_builder_set_member_name (builder, "events");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_cases; i++)
    add_event (builder, &cases[i], alarm);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  /* One booking per file, and its cancellation. */
  for (int cancelled = 0; cancelled <= 1; cancelled++)
    {
      Case c = cases[1];

      if (cancelled)
        {
          c.booking->status = TAMU_STATUS_CANCELLED;
          c.booking->sequence++;
          c.booking->cancel_reason = g_strdup ("Pemda minta jadwal ulang, maaf");
        }
      text = tamu_ical_export_booking (c.booking, alarm, &length);
      write_file (argv[1], cancelled ? "cancel.ics" : "one.ics", text, length);
      g_clear_pointer (&text, g_free);
      json_builder_begin_object (builder);
      add_string (builder, "name", cancelled ? "cancel.ics" : "one.ics");
      add_string (builder, "method", cancelled ? "CANCEL" : "PUBLISH");
      json_builder_set_member_name (builder, "events");
      json_builder_begin_array (builder);
      add_event (builder, &c, alarm);
      json_builder_end_array (builder);
      json_builder_end_object (builder);

      /* Add to Outlook with organizer-email set: a meeting message. */
      text = tamu_ical_export_booking_full (c.booking, alarm, "dering@djpk.example.go.id", &length);
      write_file (argv[1], cancelled ? "request-cancel.ics" : "request.ics", text, length);
      g_clear_pointer (&text, g_free);
      json_builder_begin_object (builder);
      add_string (builder, "name", cancelled ? "request-cancel.ics" : "request.ics");
      add_string (builder, "method", cancelled ? "CANCEL" : "REQUEST");
      add_string (builder, "organizer", "mailto:dering@djpk.example.go.id");
      json_builder_set_member_name (builder, "events");
      json_builder_begin_array (builder);
      add_event (builder, &c, alarm);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }

  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json = json_generator_to_data (generator, &length);
  write_file (argv[1], "expected.json", json, length);

  for (guint i = 0; i < n_cases; i++)
    tamu_booking_unref (cases[i].booking);
  return 0;
}
