/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "tamu-calendar.h"

G_BEGIN_DECLS

/*
 * PPID: requests for public information under UU 14/2008 (KIP) and
 * PerKI 1/2021.  Every period is in working days over the office calendar
 * (weekends, national holidays and cuti bersama closed), the day the period
 * starts from not counted.
 */

/* Working-day periods of the law. */
#define TAMU_PPID_ANSWER_DAYS           10 /* written answer after receipt */
#define TAMU_PPID_MAX_EXTENSION_DAYS     7 /* one extension, with a reason */
#define TAMU_PPID_OBJECTION_WINDOW_DAYS 30 /* objection after the answer */
#define TAMU_PPID_OBJECTION_ANSWER_DAYS 30 /* the superior answers the objection */
#define TAMU_PPID_DISPUTE_WINDOW_DAYS   14 /* dispute at the Komisi Informasi */

typedef enum
{
  TAMU_PPID_RECEIVED,           /* awaiting the written answer */
  TAMU_PPID_EXTENDED,           /* awaiting it, the deadline extended once */
  TAMU_PPID_ANSWERED,           /* written notice sent: decision known */
  TAMU_PPID_OBJECTION_FILED,    /* keberatan to the PPID's superior */
  TAMU_PPID_OBJECTION_ANSWERED,
  TAMU_PPID_DISPUTE_FILED,      /* sengketa at the Komisi Informasi */
  TAMU_PPID_WITHDRAWN,
} TamuPpidStatus;

typedef enum
{
  TAMU_PPID_DECISION_NONE,
  TAMU_PPID_DECISION_GRANTED, /* dikabulkan seluruhnya */
  TAMU_PPID_DECISION_PARTIAL, /* dikabulkan sebagian */
  TAMU_PPID_DECISION_REFUSED, /* ditolak, with a reason */
} TamuPpidDecision;

typedef enum
{
  TAMU_PPID_REFUSAL_NONE,
  TAMU_PPID_REFUSAL_EXEMPT,         /* informasi dikecualikan (UU KIP art. 17) */
  TAMU_PPID_REFUSAL_NOT_HELD,       /* tidak dikuasai: name the holder */
  TAMU_PPID_REFUSAL_NOT_DOCUMENTED, /* belum didokumentasikan */
} TamuPpidRefusal;

typedef enum
{
  TAMU_PPID_CATEGORY_INDIVIDUAL,   /* perorangan */
  TAMU_PPID_CATEGORY_LEGAL_ENTITY, /* badan hukum */
  TAMU_PPID_CATEGORY_GROUP,        /* kelompok orang */
} TamuPpidCategory;

typedef enum
{
  TAMU_PPID_FORM_SOFTCOPY,
  TAMU_PPID_FORM_HARDCOPY,
} TamuPpidForm;

typedef enum
{
  TAMU_PPID_KIND_COPY, /* mendapatkan salinan */
  TAMU_PPID_KIND_VIEW, /* melihat / mengetahui */
} TamuPpidKind;

typedef enum
{
  TAMU_PPID_INFO_UNKNOWN,        /* not yet established */
  TAMU_PPID_INFO_HELD,           /* dikuasai */
  TAMU_PPID_INFO_NOT_HELD,       /* tidak dikuasai */
  TAMU_PPID_INFO_NOT_DOCUMENTED, /* belum didokumentasikan */
} TamuPpidInfoStatus;

#define TAMU_TYPE_PPID_REQUEST (tamu_ppid_request_get_type ())

/*
 * One line of the register (buku register permohonan).  A plain,
 * reference-counted record like TamuBooking; strings are owned and NULL
 * when empty; a date not (yet) known is cleared (g_date_valid() is FALSE).
 */
typedef struct _TamuPpidRequest TamuPpidRequest;

struct _TamuPpidRequest
{
  /*< private >*/
  gatomicrefcount ref_count;

  /*< public >*/
  gint64             id;               /* 0 until stored */
  int                sequence;         /* per year of receipt, from 1; 0 until stored */
  GDate              received;         /* the request was complete on this day */
  char              *channel;          /* website, e-mail, letter, in person, … */
  char              *name;
  char              *address;
  char              *contact;          /* phone and/or e-mail */
  char              *occupation;
  TamuPpidCategory   category;
  char              *identity_number;  /* NIK, or the deed number of a legal entity */
  char              *information;      /* the information requested */
  char              *purpose;          /* purpose of use */
  char              *obtain_method;    /* how it is to be obtained (collect, e-mail, post…) */
  char              *delivery_method;  /* how it is to be sent */
  TamuPpidForm       form;
  TamuPpidKind       kind;
  TamuPpidInfoStatus info_status;
  gint64             fee;              /* rupiah; 0 = free */
  char              *notes;

  TamuPpidStatus     status;
  GDate              extended_on;      /* may stay cleared when the date was not noted */
  int                extension_days;   /* 0 = not extended, else 1–7 */
  char              *extension_reason;
  TamuPpidDecision   decision;
  TamuPpidRefusal    refusal;
  char              *holder;           /* the body that holds it (refusal "not-held") */
  GDate              responded;        /* date of the written notice */
  GDate              objected;
  char              *objection_reason;
  GDate              objection_answered;
  GDate              disputed;
  GDate              withdrawn;        /* may stay cleared when the date was not noted */

  char              *created_at;       /* ISO 8601 UTC, set by the store */
  char              *updated_at;
};

GType            tamu_ppid_request_get_type (void) G_GNUC_CONST;
TamuPpidRequest *tamu_ppid_request_new (void);
TamuPpidRequest *tamu_ppid_request_ref (TamuPpidRequest *self);
void             tamu_ppid_request_unref (TamuPpidRequest *self);
TamuPpidRequest *tamu_ppid_request_copy (const TamuPpidRequest *self);

/*
 * The printable registration number: "007/PPID-DJPK/III/2024" — the
 * sequence within the year of receipt (three digits at least), the office,
 * the month of receipt in Roman numerals, the year.  NULL before storing.
 */
char            *tamu_ppid_request_dup_number (const TamuPpidRequest *self);

/* Checks a new or edited request's register fields (name, information, dates). */
gboolean         tamu_ppid_request_validate (const TamuPpidRequest *self,
                                             const GDate           *today,
                                             GError               **error);

/* Awaiting the written answer (received or extended). */
gboolean         tamu_ppid_request_is_open (const TamuPpidRequest *self);
gboolean         tamu_ppid_request_is_extended (const TamuPpidRequest *self);

/* Every deadline of the request; a date that does not apply (yet) is cleared. */
typedef struct
{
  GDate original_due;     /* received + 10 */
  GDate answer_due;       /* received + 10 + the extension, if any */
  GDate objection_window; /* answer + 30: the last day to object */
  GDate objection_due;    /* objection + 30: the superior's answer */
  GDate dispute_window;   /* objection answer + 14: the last day to file a dispute */
} TamuPpidDeadlines;

void             tamu_ppid_request_get_deadlines (const TamuPpidRequest *self,
                                                  TamuCalendar          *calendar,
                                                  TamuPpidDeadlines     *out);
/* received + 10 working days, + the extension: the deadline of the answer. */
void             tamu_ppid_request_get_due (const TamuPpidRequest *self,
                                            TamuCalendar          *calendar,
                                            GDate                 *out);
/*
 * FALSE with a message naming the year when the calendar holds no holiday
 * for a year the request's deadlines run through: they would count weekends
 * only, so the desk is told rather than trusting them.
 */
gboolean         tamu_ppid_request_check_calendar (const TamuPpidRequest *self,
                                                   TamuCalendar          *calendar,
                                                   GError               **error);
/* Working days from receipt to the written answer; -1 when not answered. */
int              tamu_ppid_request_get_service_days (const TamuPpidRequest *self,
                                                     TamuCalendar          *calendar);
/* The answer came after its deadline. */
gboolean         tamu_ppid_request_was_answered_late (const TamuPpidRequest *self,
                                                      TamuCalendar          *calendar);

/*
 * The deadline the office is now running against: the answer (received,
 * extended) or the objection's answer (objection filed).  FALSE when none.
 */
gboolean         tamu_ppid_request_get_pending_deadline (const TamuPpidRequest *self,
                                                         TamuCalendar          *calendar,
                                                         GDate                 *out);
/*
 * Working days from @today to the pending deadline: 0 = due today, 1 = due
 * the next working day, negative = that many working days late (at least
 * -1 once the day has passed).  Returns FALSE when nothing is pending.
 */
gboolean         tamu_ppid_request_get_days_left (const TamuPpidRequest *self,
                                                  TamuCalendar          *calendar,
                                                  const GDate           *today,
                                                  int                   *out_days);
/* A pending deadline passed before @today. */
gboolean         tamu_ppid_request_is_overdue (const TamuPpidRequest *self,
                                               TamuCalendar          *calendar,
                                               const GDate           *today);

/* A state change.  Dates cleared where the step has none or it was not noted. */
typedef enum
{
  TAMU_PPID_STEP_EXTEND,
  TAMU_PPID_STEP_RESPOND,
  TAMU_PPID_STEP_OBJECT,
  TAMU_PPID_STEP_ANSWER_OBJECTION,
  TAMU_PPID_STEP_DISPUTE,
  TAMU_PPID_STEP_WITHDRAW,
} TamuPpidAction;

typedef struct
{
  TamuPpidAction   action;
  GDate            date;     /* required for respond, object, answer-objection, dispute */
  int              days;     /* extend: 1–7; 0 = 7 */
  TamuPpidDecision decision; /* respond */
  TamuPpidRefusal  refusal;  /* respond: required for refused, allowed for partial */
  const char      *reason;   /* extend (required), object (optional) */
  const char      *holder;   /* respond with refusal "not-held" (optional) */
} TamuPpidStep;

void             tamu_ppid_step_init (TamuPpidStep  *step,
                                      TamuPpidAction action);

/*
 * Applies @step to @self when the law and the register allow it; otherwise
 * leaves @self untouched and fails naming the rule: "answer: request
 * 001/PPID-DJPK/III/2024 was already answered on 2024-03-15".  @today
 * bounds the dates (nothing is recorded in the future).
 */
gboolean         tamu_ppid_request_apply (TamuPpidRequest    *self,
                                          TamuCalendar       *calendar,
                                          const TamuPpidStep *step,
                                          const GDate        *today,
                                          GError            **error);

/* One line of a request's timeline: a step taken or a deadline. */
typedef struct
{
  GDate    date;
  char    *label;       /* translated: "Answered: granted in full", "Answer due" */
  gboolean is_deadline;
  gboolean is_done;     /* a step taken, or a deadline met */
  gboolean is_late;     /* a deadline missed or, for a step, taken after its deadline */
} TamuPpidTimelineEntry;

void             tamu_ppid_timeline_entry_free (TamuPpidTimelineEntry *entry);
/* TamuPpidTimelineEntry*, in date order (steps before deadlines on one day). */
GPtrArray       *tamu_ppid_request_build_timeline (const TamuPpidRequest *self,
                                                   TamuCalendar          *calendar,
                                                   const GDate           *today);

/* Machine names (command line, JSON, CSV, the database). */
const char      *tamu_ppid_status_to_string (TamuPpidStatus status);       /* "objection-filed" */
const char      *tamu_ppid_decision_to_string (TamuPpidDecision decision); /* "partial", NULL for none */
const char      *tamu_ppid_refusal_to_string (TamuPpidRefusal refusal);    /* "not-held", NULL for none */
const char      *tamu_ppid_category_to_string (TamuPpidCategory category); /* "legal-entity" */
const char      *tamu_ppid_form_to_string (TamuPpidForm form);
const char      *tamu_ppid_kind_to_string (TamuPpidKind kind);
const char      *tamu_ppid_info_status_to_string (TamuPpidInfoStatus status);
gboolean         tamu_ppid_status_from_string (const char     *text,
                                               TamuPpidStatus *out);
gboolean         tamu_ppid_decision_from_string (const char       *text,
                                                 TamuPpidDecision *out);
gboolean         tamu_ppid_refusal_from_string (const char      *text,
                                                TamuPpidRefusal *out);
gboolean         tamu_ppid_category_from_string (const char       *text,
                                                 TamuPpidCategory *out);
gboolean         tamu_ppid_form_from_string (const char   *text,
                                             TamuPpidForm *out);
gboolean         tamu_ppid_kind_from_string (const char   *text,
                                             TamuPpidKind *out);
gboolean         tamu_ppid_info_status_from_string (const char         *text,
                                                    TamuPpidInfoStatus *out);

/* Translated labels for people. */
const char      *tamu_ppid_status_to_label (TamuPpidStatus status);
const char      *tamu_ppid_decision_to_label (TamuPpidDecision decision);
const char      *tamu_ppid_refusal_to_label (TamuPpidRefusal refusal);
const char      *tamu_ppid_category_to_label (TamuPpidCategory category);
const char      *tamu_ppid_form_to_label (TamuPpidForm form);
const char      *tamu_ppid_kind_to_label (TamuPpidKind kind);
const char      *tamu_ppid_info_status_to_label (TamuPpidInfoStatus status);

/* "I" … "XII" */
const char      *tamu_ppid_roman_month (int month);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TamuPpidRequest, tamu_ppid_request_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TamuPpidTimelineEntry, tamu_ppid_timeline_entry_free)

G_END_DECLS
