/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  TAMU_BOOKING_TATAP_MUKA, /* a face-to-face consultation at the office */
  TAMU_BOOKING_VIDCON,     /* a video conference (MS Teams) */
} TamuBookingType;

typedef enum
{
  TAMU_STATUS_REQUESTED,
  TAMU_STATUS_CONFIRMED,
  TAMU_STATUS_DONE,      /* checked in: actual_guests is known */
  TAMU_STATUS_CANCELLED, /* with a reason */
  TAMU_STATUS_NO_SHOW,
} TamuBookingStatus;

/* A booking's start is unknown for old records imported without a time. */
#define TAMU_TIME_UNKNOWN (-1)

#define TAMU_TYPE_BOOKING (tamu_booking_get_type ())

/*
 * A booking is a plain, reference-counted record: the engine, the stores and
 * the exporters read and write its fields directly.  The GUI wraps it in a
 * GObject of its own for list models.  Strings are owned and may be NULL
 * where the field is empty.
 */
typedef struct _TamuBooking TamuBooking;

struct _TamuBooking
{
  /*< private >*/
  gatomicrefcount ref_count;

  /*< public >*/
  gint64            id;            /* 0 until stored */
  char             *uid;           /* globally unique, stable: feeds iCalendar */
  int               sequence;      /* raised on every change: feeds iCalendar */
  TamuBookingType   type;
  GDate             date;          /* office time */
  int               start;         /* minutes since midnight, or TAMU_TIME_UNKNOWN */
  int               duration;      /* minutes */
  char             *daerah;        /* as matched (canonical short name) or as typed */
  char             *region_code;   /* Kemendagri code when daerah is in the list */
  GStrv             topics;        /* canonical topic names, never NULL */
  int               guests;        /* planned; 0 = not given (video conferences) */
  int               actual_guests; /* -1 until checked in */
  int               guest_limit;   /* the limit in force when booked */
  TamuBookingStatus status;
  char             *room;
  char             *instansi;
  char             *contact;
  char             *phone;
  char             *email;
  char             *ticket;
  char             *pic;
  char             *link;
  char             *notes;
  char             *override_reason; /* why a booking over the guest limit was allowed */
  char             *cancel_reason;
  char             *created_at;      /* ISO 8601 UTC, set by the store */
  char             *updated_at;      /* ISO 8601 UTC, set by the store */
};

GType        tamu_booking_get_type (void) G_GNUC_CONST;
TamuBooking *tamu_booking_new (void);
TamuBooking *tamu_booking_ref (TamuBooking *self);
void         tamu_booking_unref (TamuBooking *self);
TamuBooking *tamu_booking_copy (const TamuBooking *self);

/* End in minutes since midnight (start + duration), or TAMU_TIME_UNKNOWN. */
int          tamu_booking_get_end (const TamuBooking *self);

/* Active bookings hold their room and count against the daily cap. */
gboolean     tamu_booking_is_active (const TamuBooking *self);

/* More guests came (or are planned) than the limit in force allowed. */
gboolean     tamu_booking_is_over_limit (const TamuBooking *self);

/* A fresh globally unique UID: "<uuid>@tamu.djpk.kemenkeu.go.id". */
char        *tamu_booking_new_uid (void);

/* Machine names used on the command line, in CSV and JSON. */
const char  *tamu_booking_type_to_string (TamuBookingType type);     /* "tatap-muka" */
const char  *tamu_booking_status_to_string (TamuBookingStatus status); /* "no-show" */
/* Accepts the machine names and the human ones ("Tatap Muka", "Video Conference"). */
gboolean     tamu_booking_type_from_string (const char      *text,
                                            TamuBookingType *out);
gboolean     tamu_booking_status_from_string (const char        *text,
                                              TamuBookingStatus *out);
/* Translated, for people: "Tatap muka", "Video conference", "Checked in". */
const char  *tamu_booking_type_to_label (TamuBookingType type);
const char  *tamu_booking_status_to_label (TamuBookingStatus status);

/* "DAU, DAK Non Fisik" */
char        *tamu_booking_dup_topics_text (const TamuBooking *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TamuBooking, tamu_booking_unref)

G_END_DECLS
