/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "tamu-booking.h"
#include "tamu-calendar.h"
#include "tamu-limits.h"
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
#define TAMU_ICAL_MAX_INPUT TAMU_MAX_IMPORT_BYTES

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

/* How an invitation is read. */
typedef struct
{
  GPtrArray *topics; /* TamuTopic*; NULL = the default list */
  GDate      from;   /* both valid: every meeting of a series in [from, to]; */
  GDate      to;     /* else (g_date_clear) only its next meeting after now */
} TamuIcalReadOptions;

void tamu_ical_read_options_init (TamuIcalReadOptions *options);

/* A meeting the file cancels: METHOD:CANCEL, or STATUS:CANCELLED. */
typedef struct
{
  char  *uid;      /* the booking's UID: the invitation's, or "UID#20240320T030000Z" for one meeting of a series */
  gboolean series; /* the whole series: also every "UID#…" booking */
  char  *field;    /* "METHOD" or "STATUS": what the messages about it start with */
  guint  event_no;
} TamuIcalCancel;

typedef struct
{
  GPtrArray *drafts;  /* TamuBooking* (id 0) */
  GPtrArray *cancels; /* TamuIcalCancel* */
} TamuIcalInvitation;

void tamu_ical_invitation_free (TamuIcalInvitation *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TamuIcalInvitation, tamu_ical_invitation_free)

/*
 * Reads an invitation (from Outlook, Teams, Google, Apple, Thunderbird…)
 * into video-conference drafts, one per meeting: start and duration in
 * office time (WIB), whatever zone the sender used (Windows zone names
 * included); the meeting link (Teams, Zoom, Google Meet, Webex); daerah from
 * the organizer's institution where it names a region; topics matched in
 * CATEGORIES and the subject against the topics, else "Lainnya".
 *
 * Each draft keeps the invitation's UID and SEQUENCE (uid, sequence), so the
 * store finds the booking an updated or cancelled invitation is about.  A
 * series (RRULE) gives its next meeting from now, or each meeting in the
 * options' period, as "UID#<original start in UTC>"; EXDATE is honoured and
 * a moved meeting (RECURRENCE-ID) replaces its occurrence.  Cancelled
 * events, and all-day or over-long ones in a file with other meetings, are
 * skipped with a note in @warnings (char*; may be NULL).  Refused with one
 * error: a file that is not iCalendar, an event without a start or in an
 * unknown zone, a zone with rules Tamu does not expand, an answer
 * (METHOD:REPLY…), and a file with nothing to book or cancel.
 */
TamuIcalInvitation *tamu_ical_read_invitation (const char                *data,
                                               gsize                      length,
                                               const TamuIcalReadOptions *options,
                                               GPtrArray                 *warnings,
                                               GError                   **error);

/*
 * tamu_ical_read_invitation() for the window: the drafts only, a file that
 * only cancels refused ("METHOD: …").  Returns TamuBooking* drafts, or NULL
 * with one error.
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
 * The same, and: a repeating entry (RRULE, e.g. yearly) gives its days from
 * its start through the end of next year, saying so in @warnings (char*,
 * may be NULL); an entry that is not a day off (an observance: CATEGORIES or
 * DESCRIPTION "Observance", or TRANSP:TRANSPARENT) is skipped with a note
 * unless @include_observances.
 */
GPtrArray *tamu_ical_read_holidays (const char *data,
                                    gsize       length,
                                    gboolean    include_observances,
                                    GPtrArray  *warnings,
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

/*
 * What importing an invitation does to the store, worked out before
 * anything is written:
 *  CREATE    a new booking (@booking: the draft);
 *  UPDATE    the booking with the invitation's UID moves or changes
 *            (@booking: the edited booking, id set) because the invitation's
 *            SEQUENCE is higher than the booking's sequence;
 *  CANCEL    the booking (@booking: as stored) is cancelled by the file;
 *  SKIP      nothing: the same invitation is that booking already, an older
 *            SEQUENCE, or a cancellation of nothing (@message says which).
 * The booking's own sequence is Tamu's (0, raised by the store on every
 * change, for the files Tamu exports); the invitation's SEQUENCE the booking
 * follows is kept in its history (tamu-store-invitations.h) and an
 * invitation updates it only when its SEQUENCE is higher, so edits made at
 * the desk do not hide an update and an old copy does not undo a newer one.
 * @problem: for CREATE and UPDATE, the rule that would refuse it (NULL = it
 * passes every rule).
 */
typedef enum
{
  TAMU_ICAL_STEP_CREATE,
  TAMU_ICAL_STEP_UPDATE,
  TAMU_ICAL_STEP_CANCEL,
  TAMU_ICAL_STEP_SKIP,
} TamuIcalStepKind;

typedef struct
{
  TamuIcalStepKind kind;
  TamuBooking     *booking;
  char            *message; /* SKIP: why, naming the field */
  char            *problem; /* CREATE/UPDATE: the refusing rule's message */
  int              sequence; /* CREATE/UPDATE: the invitation's SEQUENCE */
  GPtrArray       *warnings; /* TamuWarning* of the rules check */
} TamuIcalStep;

/* TamuIcalStep*, in the file's order; NULL with an error only when the store fails. */
GPtrArray *tamu_ical_plan_invitation (TamuStore          *store,
                                      TamuIcalInvitation *invitation,
                                      GError            **error);

/*
 * Carries out @plan (from tamu_ical_plan_invitation): the new bookings all
 * together or none, then each update (audited by the store) and
 * cancellation.  Refused with the first problem when any step breaks a rule,
 * nothing written.  @warnings receives TamuWarning*.
 */
gboolean   tamu_ical_apply_plan (TamuStore *store,
                                 GPtrArray *plan,
                                 GPtrArray *warnings,
                                 GError   **error);

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
/* TamuBooking* or TamuHoliday* as for the kind; @out_warnings (may be NULL) gets char*:
 * for holidays, the repeating entries expanded and the observances left out. */
GPtrArray *tamu_ical_import_file_finish (GAsyncResult *result,
                                         GPtrArray   **out_warnings,
                                         GError      **error);

G_END_DECLS
