/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "tamu-booking.h"
#include "tamu-calendar.h"
#include "tamu-store.h"

G_BEGIN_DECLS

/*
 * iCalendar for Outlook, Thunderbird and phones (RFC 5545).  Domain records
 * in, bytes out, and back: no store, no GTK.  The writer emits CRLF lines
 * folded at 75 octets on UTF-8 character boundaries, escapes every text
 * field, and describes the one zone it uses (Asia/Jakarta, WIB) in a
 * VTIMEZONE of its own.  The readers accept UTF-8 (with or without BOM) and
 * UTF-16, and refuse anything malformed with one error naming the field.
 */

/* The largest file the importers read: a year of bookings is far below. */
#define TAMU_ICAL_MAX_INPUT (32 * 1024 * 1024)

/*
 * Every booking in @bookings (TamuBooking*) except cancelled ones, as one
 * METHOD:PUBLISH calendar.  @reminder_minutes > 0 adds a VALARM that many
 * minutes before each timed event.  Returns NUL-terminated UTF-8;
 * @out_length (may be NULL) receives its length.
 */
char      *tamu_ical_export_bookings (GPtrArray *bookings,
                                      int        reminder_minutes,
                                      gsize     *out_length);

/*
 * A subscribed feed's body: tamu_ical_export_bookings() under the calendar
 * name @calname (X-WR-CALNAME), with REFRESH-INTERVAL and X-PUBLISHED-TTL of
 * 15 minutes so clients poll it.
 */
char      *tamu_ical_export_feed (GPtrArray  *bookings,
                                  const char *calname,
                                  int         reminder_minutes,
                                  gsize      *out_length);

/*
 * One booking as its own file: METHOD:PUBLISH, or METHOD:CANCEL with
 * STATUS:CANCELLED when the booking is cancelled (same UID; the store has
 * already raised its SEQUENCE).
 */
char      *tamu_ical_export_booking (const TamuBooking *booking,
                                     int                reminder_minutes,
                                     gsize             *out_length);
/*
 * "Add to Outlook": with @organizer_email (the organizer-email setting; NULL
 * or "" = none) the file is a meeting message, METHOD:REQUEST with an
 * ORGANIZER, or METHOD:CANCEL with one when the booking is cancelled, so
 * Outlook replaces or removes the event it added from an earlier file of
 * the same booking.  Without one it is tamu_ical_export_booking().
 */
char      *tamu_ical_export_booking_full (const TamuBooking *booking,
                                          int                reminder_minutes,
                                          const char        *organizer_email,
                                          gsize             *out_length);

/*
 * Reads an invitation (from Outlook, Teams, Thunderbird…) into
 * video-conference drafts, one per VEVENT: start and duration in office time
 * (WIB), whatever zone the sender used (Windows zone names included); the
 * Teams link from X-MICROSOFT-SKYPETEAMSMEETINGURL, URL, LOCATION or the
 * description; daerah from the organizer's institution where it names a
 * region; topics matched in CATEGORIES and the subject against @topics
 * (TamuTopic*; NULL = the default list), else "Lainnya".  @warnings (may be
 * NULL) receives strings (char*) for what was guessed or left out.
 * Returns TamuBooking* drafts (id 0), or NULL with one error.
 */
GPtrArray *tamu_ical_import_invitation (const char *data,
                                        gsize       length,
                                        GPtrArray  *topics,
                                        GPtrArray  *warnings,
                                        GError    **error);

/*
 * Reads a holidays calendar (one all-day VEVENT per holiday or range of
 * days) into TamuHoliday*s; "cuti bersama" in the name or categories marks
 * collective leave.  Returns NULL with one error on anything malformed.
 */
GPtrArray *tamu_ical_import_holidays (const char *data,
                                      gsize       length,
                                      GError    **error);

/*
 * The IANA zone for a Windows zone name as Outlook writes it ("SE Asia
 * Standard Time" → "Asia/Jakarta"), preferring Indonesia's zones where the
 * Windows zone covers Indonesia; NULL when unknown.
 */
const char *tamu_ical_windows_zone_to_iana (const char *windows_name);

/* ---- with the store ------------------------------------------------ */

/*
 * Refuses ("link: this meeting is booked already, as booking N") a draft
 * from an invitation whose meeting (same date, start and link) is an active
 * booking already, so importing an invitation twice does not double-book.
 */
gboolean   tamu_ical_check_not_booked (TamuStore   *store,
                                       TamuBooking *draft,
                                       GError     **error);

/* ---- off the main thread, for the window ---------------------------- */

typedef enum
{
  TAMU_ICAL_IMPORT_VIDCON,   /* an invitation → TamuBooking* drafts */
  TAMU_ICAL_IMPORT_HOLIDAYS, /* a holidays calendar → TamuHoliday* */
} TamuIcalImportKind;

/* Writes tamu_ical_export_bookings() of @bookings to @file (mode 0600). */
void       tamu_ical_export_bookings_to_file_async (GPtrArray          *bookings,
                                                    int                 reminder_minutes,
                                                    GFile              *file,
                                                    GCancellable       *cancellable,
                                                    GAsyncReadyCallback callback,
                                                    gpointer            user_data);
/* Writes tamu_ical_export_booking_full() of @booking to @file (mode 0600). */
void       tamu_ical_export_booking_to_file_async (const TamuBooking  *booking,
                                                   int                 reminder_minutes,
                                                   const char         *organizer_email,
                                                   GFile              *file,
                                                   GCancellable       *cancellable,
                                                   GAsyncReadyCallback callback,
                                                   gpointer            user_data);
/* Finishes either export; returns the number of events written, or -1. */
int        tamu_ical_export_file_finish (GAsyncResult *result,
                                         GError      **error);

/*
 * Reads and parses @file in a thread.  @topics (TamuTopic*, may be NULL) is
 * referenced and must not change until the callback ran.  Nothing is stored:
 * the caller shows the drafts and stores them (tamu_store_add_booking,
 * tamu_store_add_holidays) on the main thread.
 */
void       tamu_ical_import_file_async (GFile              *file,
                                        TamuIcalImportKind  kind,
                                        GPtrArray          *topics,
                                        GCancellable       *cancellable,
                                        GAsyncReadyCallback callback,
                                        gpointer            user_data);
/* TamuBooking* or TamuHoliday* as for the kind; @out_warnings (may be NULL) gets char*. */
GPtrArray *tamu_ical_import_file_finish (GAsyncResult *result,
                                         GPtrArray   **out_warnings,
                                         GError      **error);

G_END_DECLS
