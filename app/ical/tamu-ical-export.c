/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tamu-ical"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tamu-ical.h"
#include "tamu-ical-private.h"

#include "tamu-clock.h"

/*
 * The writer builds the text itself rather than through libical's
 * serializer: libical folds on octets (it can split a UTF-8 character) and
 * its built-in zones carry a TZID prefix Outlook does not know.  Every byte
 * that leaves here goes through append_text() or a fixed format, and every
 * line through fold_line(); the tests read the result back with libical,
 * python-icalendar and ical.js.
 */

#define OFFICE_TZID "Asia/Jakarta"
#define LINE_OCTETS 75

/* Appends @line (no CR or LF inside) to @out, folded at 75 octets without
 * splitting a UTF-8 sequence, and ends it with CRLF. */
static void
fold_line (GString    *out,
           const char *line,
           gsize       length)
{
  gsize pos = 0;
  gsize room = LINE_OCTETS;

  while (length - pos > room)
    {
      gsize cut = pos + room;

      /* Back off to the first byte of the character the limit falls in. */
      while (cut > pos && ((guchar) line[cut] & 0xC0) == 0x80)
        cut--;
      g_assert (cut > pos);

      g_string_append_len (out, line + pos, cut - pos);
      g_string_append (out, "\r\n ");
      pos = cut;
      room = LINE_OCTETS - 1; /* the leading space counts */
    }

  g_string_append_len (out, line + pos, length - pos);
  g_string_append (out, "\r\n");
}

void
tamu_ical_escape_text (GString    *out,
                       const char *text)
{
  g_autofree char *valid = NULL;
  const char *p;

  if (text == NULL)
    return;

  valid = g_utf8_make_valid (text, -1);
  for (p = valid; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case ';':
          g_string_append (out, "\\;");
          break;
        case ',':
          g_string_append (out, "\\,");
          break;
        case '\r':
          /* CRLF, CR and LF are each one line break. */
          if (p[1] == '\n')
            p++;
          g_string_append (out, "\\n");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\t':
          g_string_append_c (out, ' ');
          break;
        default:
          /* Other control characters are not allowed in TEXT (RFC 5545 §3.3.11). */
          if (c < 0x20 || c == 0x7F)
            break;
          g_string_append_c (out, (char) c);
          break;
        }
    }
}

/* A link for URL:, which is a URI and not TEXT (no backslash escapes): only
 * http(s), with every byte that may not appear in a URI percent-encoded, so
 * no space, quote or line break survives.  NULL when not a web link. */
static char *
dup_safe_uri (const char *link)
{
  GString *uri;
  const char *p;

  if (link == NULL)
    return NULL;
  while (g_ascii_isspace (*link))
    link++;
  if (g_ascii_strncasecmp (link, "https://", 8) != 0 &&
      g_ascii_strncasecmp (link, "http://", 7) != 0)
    return NULL;

  uri = g_string_new (NULL);
  for (p = link; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c <= 0x20 || c >= 0x7F || strchr ("\"<>\\^`{|}", c) != NULL)
        g_string_append_printf (uri, "%%%02X", c);
      else
        g_string_append_c (uri, (char) c);
    }

  /* Trailing whitespace became %20…: drop it. */
  while (g_str_has_suffix (uri->str, "%20") || g_str_has_suffix (uri->str, "%0A") ||
         g_str_has_suffix (uri->str, "%0D") || g_str_has_suffix (uri->str, "%09"))
    g_string_truncate (uri, uri->len - 3);

  return g_string_free (uri, FALSE);
}

typedef struct
{
  GString *out;  /* the file */
  GString *line; /* the content line being built */
} Writer;

static void
begin_line (Writer     *w,
            const char *name)
{
  g_string_assign (w->line, name);
}

static void
end_line (Writer *w)
{
  fold_line (w->out, w->line->str, w->line->len);
  g_string_truncate (w->line, 0);
}

/* NAME:value with @value already in its final form (no user text). */
static void
write_raw (Writer     *w,
           const char *name,
           const char *value)
{
  begin_line (w, name);
  g_string_append_c (w->line, ':');
  g_string_append (w->line, value);
  end_line (w);
}

static void
write_text (Writer     *w,
            const char *name,
            const char *text)
{
  if (text == NULL || *text == '\0')
    return;
  begin_line (w, name);
  g_string_append_c (w->line, ':');
  tamu_ical_escape_text (w->line, text);
  end_line (w);
}

static void
write_vtimezone (Writer *w)
{
  /* WIB has had +0700 since 1964 and no daylight saving time: one STANDARD
   * block is exact for every booking Tamu holds. */
  write_raw (w, "BEGIN", "VTIMEZONE");
  write_raw (w, "TZID", OFFICE_TZID);
  write_raw (w, "BEGIN", "STANDARD");
  write_raw (w, "DTSTART", "19700101T000000");
  write_raw (w, "TZOFFSETFROM", "+0700");
  write_raw (w, "TZOFFSETTO", "+0700");
  write_raw (w, "TZNAME", "WIB");
  write_raw (w, "END", "STANDARD");
  write_raw (w, "END", "VTIMEZONE");
}

/* @calname: the name of a calendar of its own (a range, a feed), or NULL
 * for a one-event file; @refresh: a subscribed feed's polling interval. */
static void
write_header (Writer     *w,
              const char *method,
              const char *calname,
              gboolean    refresh)
{
  write_raw (w, "BEGIN", "VCALENDAR");
  write_raw (w, "VERSION", "2.0");
  write_raw (w, "PRODID", "-//DJPK Kemenkeu//Tamu " PACKAGE_VERSION "//EN");
  write_raw (w, "CALSCALE", "GREGORIAN");
  write_raw (w, "METHOD", method);
  if (calname != NULL)
    {
      /* A range opens as a calendar of its own in Outlook: give it a name.
       * A one-event file must not carry one, so it adds to the calendar. */
      write_text (w, "X-WR-CALNAME", calname);
      write_raw (w, "X-WR-TIMEZONE", OFFICE_TZID);
    }
  if (refresh)
    {
      /* RFC 7986 and the older name Outlook reads: poll every 15 minutes. */
      write_raw (w, "REFRESH-INTERVAL;VALUE=DURATION", "PT15M");
      write_raw (w, "X-PUBLISHED-TTL", "PT15M");
    }
  write_vtimezone (w);
}

static char *
format_utc (GDateTime *time)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (time);

  return g_date_time_format (utc, "%Y%m%dT%H%M%SZ");
}

/* "2024-03-01T01:00:00Z" from the store → "20240301T010000Z", or NULL. */
static char *
format_store_timestamp (const char *iso)
{
  g_autoptr(GTimeZone) utc = NULL;
  g_autoptr(GDateTime) time = NULL;

  if (iso == NULL || *iso == '\0')
    return NULL;
  utc = g_time_zone_new_utc ();
  time = g_date_time_new_from_iso8601 (iso, utc);
  if (time == NULL)
    return NULL;
  return format_utc (time);
}

static void
write_local_time (Writer      *w,
                  const char  *name,
                  const GDate *date,
                  int          minutes)
{
  GDate day = *date;

  if (minutes >= 24 * 60)
    {
      g_date_add_days (&day, minutes / (24 * 60));
      minutes %= 24 * 60;
    }

  begin_line (w, name);
  g_string_append_printf (w->line, ";TZID=%s:%04d%02d%02dT%02d%02d00",
                          OFFICE_TZID,
                          g_date_get_year (&day), g_date_get_month (&day),
                          g_date_get_day (&day), minutes / 60, minutes % 60);
  end_line (w);
}

static void
write_date (Writer      *w,
            const char  *name,
            const GDate *date)
{
  begin_line (w, name);
  g_string_append_printf (w->line, ";VALUE=DATE:%04d%02d%02d",
                          g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
  end_line (w);
}

char *
tamu_ical_dup_summary (const TamuBooking *booking)
{
  GString *summary = g_string_new (tamu_booking_type_to_label (booking->type));
  g_autofree char *topics = tamu_booking_dup_topics_text (booking);

  if (booking->daerah != NULL && *booking->daerah != '\0')
    g_string_append_printf (summary, ": %s", booking->daerah);
  if (topics != NULL && *topics != '\0')
    g_string_append_printf (summary, " — %s", topics);

  return g_string_free (summary, FALSE);
}

static void
append_field (GString    *text,
              const char *label,
              const char *value)
{
  if (value == NULL || *value == '\0')
    return;
  if (text->len > 0)
    g_string_append_c (text, '\n');
  g_string_append_printf (text, "%s: %s", label, value);
}

char *
tamu_ical_dup_description (const TamuBooking *booking)
{
  GString *text = g_string_new (NULL);
  g_autofree char *guests = NULL;
  g_autofree char *came = NULL;
  g_autoptr(GString) contact = g_string_new (NULL);
  const char *parts[3] = { booking->contact, booking->phone, booking->email };

  if (booking->type == TAMU_BOOKING_TATAP_MUKA && booking->guest_limit > 0)
    /* Translators: planned guests and the guest limit in force: "3 (limit 5)" */
    guests = g_strdup_printf (_("%d (limit %d)"), booking->guests, booking->guest_limit);
  else if (booking->guests > 0)
    guests = g_strdup_printf ("%d", booking->guests);
  append_field (text, _("Guests"), guests);

  if (booking->actual_guests >= 0)
    {
      came = g_strdup_printf ("%d", booking->actual_guests);
      append_field (text, _("Guests who came"), came);
    }
  append_field (text, _("Over the guest limit because"), booking->override_reason);
  append_field (text, _("Instansi"), booking->instansi);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      if (parts[i] == NULL || *parts[i] == '\0')
        continue;
      if (contact->len > 0)
        g_string_append (contact, " · ");
      g_string_append (contact, parts[i]);
    }
  append_field (text, _("Contact"), contact->str);
  append_field (text, _("Ticket"), booking->ticket);
  append_field (text, _("PIC"), booking->pic);
  if (booking->type == TAMU_BOOKING_VIDCON)
    append_field (text, _("Meeting link"), booking->link);
  append_field (text, _("Status"), tamu_booking_status_to_label (booking->status));
  append_field (text, _("Cancelled because"), booking->cancel_reason);
  append_field (text, _("Notes"), booking->notes);

  return g_string_free (text, FALSE);
}

static const char *
ical_status (TamuBookingStatus status)
{
  switch (status)
    {
    case TAMU_STATUS_REQUESTED:
      return "TENTATIVE";
    case TAMU_STATUS_CANCELLED:
      return "CANCELLED";
    case TAMU_STATUS_CONFIRMED:
    case TAMU_STATUS_DONE:
    case TAMU_STATUS_NO_SHOW:
    default:
      return "CONFIRMED";
    }
}

static gboolean
write_event (Writer            *w,
             const TamuBooking *booking,
             const char        *dtstamp,
             int                reminder_minutes)
{
  g_autofree char *uid = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *description = NULL;
  g_autofree char *url = NULL;
  g_autofree char *created = NULL;
  g_autofree char *modified = NULL;
  const char *location;
  gboolean timed;

  if (!g_date_valid (&booking->date))
    return FALSE;

  timed = booking->start != TAMU_TIME_UNKNOWN && booking->start >= 0;
  uid = booking->uid != NULL && *booking->uid != '\0'
            ? g_strdup (booking->uid)
            : g_strdup_printf ("tamu-booking-%" G_GINT64_FORMAT "@tamu.djpk.kemenkeu.go.id",
                               booking->id);

  write_raw (w, "BEGIN", "VEVENT");
  write_text (w, "UID", uid);
  begin_line (w, "SEQUENCE");
  g_string_append_printf (w->line, ":%d", MAX (booking->sequence, 0));
  end_line (w);
  write_raw (w, "DTSTAMP", dtstamp);

  created = format_store_timestamp (booking->created_at);
  if (created != NULL)
    write_raw (w, "CREATED", created);
  modified = format_store_timestamp (booking->updated_at);
  if (modified != NULL)
    write_raw (w, "LAST-MODIFIED", modified);

  if (timed)
    {
      int duration = booking->duration > 0 ? booking->duration : 60;

      write_local_time (w, "DTSTART", &booking->date, booking->start);
      write_local_time (w, "DTEND", &booking->date, booking->start + duration);
    }
  else
    {
      GDate next = booking->date;

      /* Old records imported without a time: an all-day event. */
      g_date_add_days (&next, 1);
      write_date (w, "DTSTART", &booking->date);
      write_date (w, "DTEND", &next);
    }

  summary = tamu_ical_dup_summary (booking);
  write_text (w, "SUMMARY", summary);

  if (booking->type == TAMU_BOOKING_VIDCON && booking->link != NULL && *booking->link != '\0')
    location = booking->link;
  else
    location = booking->room;
  write_text (w, "LOCATION", location);

  url = dup_safe_uri (booking->link);
  if (url != NULL)
    write_raw (w, "URL", url);

  description = tamu_ical_dup_description (booking);
  write_text (w, "DESCRIPTION", description);

  if (booking->topics != NULL && booking->topics[0] != NULL)
    {
      begin_line (w, "CATEGORIES");
      g_string_append_c (w->line, ':');
      for (guint i = 0; booking->topics[i] != NULL; i++)
        {
          if (i > 0)
            g_string_append_c (w->line, ',');
          tamu_ical_escape_text (w->line, booking->topics[i]);
        }
      end_line (w);
    }

  write_raw (w, "STATUS", ical_status (booking->status));
  write_raw (w, "TRANSP", "OPAQUE");

  if (timed && reminder_minutes > 0 && booking->status != TAMU_STATUS_CANCELLED)
    {
      write_raw (w, "BEGIN", "VALARM");
      write_raw (w, "ACTION", "DISPLAY");
      write_text (w, "DESCRIPTION", summary);
      begin_line (w, "TRIGGER");
      g_string_append_printf (w->line, ":-PT%dM", reminder_minutes);
      end_line (w);
      write_raw (w, "END", "VALARM");
    }

  write_raw (w, "END", "VEVENT");
  return TRUE;
}

static char *
dup_dtstamp (void)
{
  g_autoptr(GDateTime) now = tamu_clock_now ();

  return format_utc (now);
}

static char *
export_calendar (GPtrArray  *bookings,
                 const char *calname,
                 gboolean    refresh,
                 int         reminder_minutes,
                 gsize      *out_length,
                 guint      *out_count)
{
  Writer w = { g_string_sized_new (1024 + 900 * (bookings ? bookings->len : 0)),
               g_string_new (NULL) };
  g_autofree char *dtstamp = dup_dtstamp ();
  guint count = 0;

  write_header (&w, "PUBLISH", calname, refresh);
  for (guint i = 0; bookings != NULL && i < bookings->len; i++)
    {
      const TamuBooking *booking = g_ptr_array_index (bookings, i);

      if (booking->status == TAMU_STATUS_CANCELLED)
        continue;
      if (write_event (&w, booking, dtstamp, reminder_minutes))
        count++;
    }
  write_raw (&w, "END", "VCALENDAR");

  g_string_free (w.line, TRUE);
  if (out_length != NULL)
    *out_length = w.out->len;
  if (out_count != NULL)
    *out_count = count;
  return g_string_free (w.out, FALSE);
}

char *
tamu_ical_export_bookings_counted (GPtrArray *bookings,
                                   int        reminder_minutes,
                                   gsize     *out_length,
                                   guint     *out_count)
{
  return export_calendar (bookings, "Tamu DJPK", FALSE, reminder_minutes, out_length, out_count);
}

char *
tamu_ical_export_feed (GPtrArray  *bookings,
                       const char *calname,
                       int         reminder_minutes,
                       gsize      *out_length)
{
  g_return_val_if_fail (calname != NULL, NULL);

  return export_calendar (bookings, calname, TRUE, reminder_minutes, out_length, NULL);
}

char *
tamu_ical_export_bookings (GPtrArray *bookings,
                           int        reminder_minutes,
                           gsize     *out_length)
{
  return tamu_ical_export_bookings_counted (bookings, reminder_minutes, out_length, NULL);
}

/* "mailto:" + @email, the address part of an ORGANIZER (a URI, not TEXT:
 * the policy has checked it holds no space, quote, comma or colon). */
static void
write_organizer (Writer     *w,
                 const char *email)
{
  begin_line (w, "ORGANIZER;CN=Dering DJPK:mailto:");
  g_string_append (w->line, email);
  end_line (w);
}

char *
tamu_ical_export_booking_full (const TamuBooking *booking,
                               int                reminder_minutes,
                               const char        *organizer_email,
                               gsize             *out_length)
{
  Writer w = { g_string_new (NULL), g_string_new (NULL) };
  g_autofree char *dtstamp = dup_dtstamp ();
  gboolean cancelled;
  gboolean organized;
  g_autofree char *event = NULL;

  g_return_val_if_fail (booking != NULL, NULL);

  cancelled = booking->status == TAMU_STATUS_CANCELLED;
  organized = organizer_email != NULL && *organizer_email != '\0' &&
              strpbrk (organizer_email, " \t\r\n\",;:<>\\") == NULL;

  /* With an organizer, Outlook treats the file as a meeting message
   * (MS-OXCICAL): a REQUEST is matched to the item it added before by UID
   * and replaces it when SEQUENCE is higher, and a CANCEL removes it.
   * Without one, PUBLISH adds a plain appointment each time. */
  if (organized)
    write_header (&w, cancelled ? "CANCEL" : "REQUEST", NULL, FALSE);
  else
    write_header (&w, cancelled ? "CANCEL" : "PUBLISH", NULL, FALSE);
  write_event (&w, booking, dtstamp, reminder_minutes);

  if (organized)
    {
      /* The ORGANIZER goes inside the VEVENT, after its first line. */
      Writer e = { g_string_new (NULL), g_string_new (NULL) };
      const char *begin = strstr (w.out->str, "BEGIN:VEVENT\r\n");
      gsize at;

      g_assert (begin != NULL);
      at = (gsize) (begin - w.out->str) + strlen ("BEGIN:VEVENT\r\n");
      write_organizer (&e, organizer_email);
      g_string_insert_len (w.out, at, e.out->str, e.out->len);
      g_string_free (e.out, TRUE);
      g_string_free (e.line, TRUE);
    }
  write_raw (&w, "END", "VCALENDAR");

  g_string_free (w.line, TRUE);
  if (out_length != NULL)
    *out_length = w.out->len;
  return g_string_free (w.out, FALSE);
}

char *
tamu_ical_export_booking (const TamuBooking *booking,
                          int                reminder_minutes,
                          gsize             *out_length)
{
  return tamu_ical_export_booking_full (booking, reminder_minutes, NULL, out_length);
}
