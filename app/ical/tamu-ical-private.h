/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libical/ical.h>

#include "tamu-ical.h"

G_BEGIN_DECLS

/* Shared by the tamu-ical-*.c files; nothing outside app/ical/ includes it. */

/* Appends @text escaped as an RFC 5545 TEXT value (\\ \; \, \n; other
 * control characters dropped, invalid UTF-8 replaced). */
void   tamu_ical_escape_text (GString    *out,
                              const char *text);

/* "Tatap muka: Kab. Bandung — TKD" */
char  *tamu_ical_dup_summary (const TamuBooking *booking);
/* Guests/limit, contact, ticket, PIC, notes: one "Label: value" per line. */
char  *tamu_ical_dup_description (const TamuBooking *booking);

/* tamu_ical_export_bookings() that also counts the events written. */
char  *tamu_ical_export_bookings_counted (GPtrArray *bookings,
                                          int        reminder_minutes,
                                          gsize     *out_length,
                                          guint     *out_count);

/*
 * Decodes @data (UTF-8 with or without BOM, UTF-16 LE/BE with or without
 * BOM), unfolds it and checks its structure line by line (BEGIN/END nesting,
 * property names, sizes) before libical sees it.  Returns clean UTF-8 with
 * one logical line per CRLF line, or NULL with an error naming the line.
 */
char  *tamu_ical_normalize_input (const char *data,
                                  gsize       length,
                                  GError    **error);

/* ---- reading (only app/ical/ includes libical) ---------------------- */

/* Normalizes and parses @data; libical's notes about values it could not
 * read become one warning in @warnings (may be NULL), never an error. */
icalcomponent *tamu_ical_parse_calendar (const char *data,
                                         gsize       length,
                                         GPtrArray  *warnings,
                                         GError    **error);

typedef struct
{
  gboolean   is_date;
  GDate      date;    /* office time (or the date as written, for DATE) */
  GDateTime *instant; /* office time; NULL for DATE */
} TamuIcalEventTime;

void        tamu_ical_event_time_clear (TamuIcalEventTime *t);
const char *tamu_ical_get_tzid (icalproperty *prop);
/* DTSTART, DTEND, EXDATE, RECURRENCE-ID… read in office time. */
gboolean    tamu_ical_read_time (icalcomponent     *root,
                                 icalproperty      *prop,
                                 const char        *field,
                                 guint              event_no,
                                 GPtrArray         *warnings,
                                 TamuIcalEventTime *out,
                                 GError           **error);
/* A wall-clock time written in @tzid (NULL = floating) as office time. */
GDateTime  *tamu_ical_local_to_office (icalcomponent      *root,
                                       struct icaltimetype tt,
                                       const char         *tzid,
                                       const char         *field,
                                       guint               event_no,
                                       GPtrArray          *warnings,
                                       GError            **error);

/* FALSE for a VTIMEZONE whose expansion libical could not bound: rules
 * finer than yearly, too many rules or dates (tamu-ical-vtimezone.c). */
gboolean    tamu_ical_vtimezone_is_sane (icalcomponent *vtimezone);

/*
 * One VEVENT as a video-conference draft (uid and sequence from the event).
 * On failure @skippable tells whether the event is only unusable (all-day,
 * longer than a day, ends before it starts: skipped in a file with other
 * events) or the file is wrong (no start, unknown zone: refused).
 */
TamuBooking *tamu_ical_read_event (icalcomponent *root,
                                   icalcomponent *event,
                                   guint          event_no,
                                   GPtrArray     *topics,
                                   GPtrArray     *warnings,
                                   gboolean      *skippable,
                                   GError       **error);

/* The meeting link of an event: the dedicated properties first
 * (X-MICROSOFT-SKYPETEAMSMEETINGURL, X-GOOGLE-CONFERENCE, CONFERENCE, URL),
 * then Teams, Zoom, Google Meet and Webex links in the text. */
char        *tamu_ical_find_link (icalcomponent *event);

G_END_DECLS
