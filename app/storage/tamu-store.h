/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "tamu-booking.h"
#include "tamu-calendar.h"
#include "tamu-policy.h"
#include "tamu-rules.h"
#include "tamu-slots.h"
#include "tamu-topics.h"

G_BEGIN_DECLS

/*
 * The booking store: the only code that talks SQL.  It is the service the
 * window and the command-line tool use, with domain verbs.  Every write is
 * one transaction that re-checks the rules inside it, so two desks cannot
 * double-book a room; every change is audited; nothing is deleted for real.
 */

#define TAMU_TYPE_STORE (tamu_store_get_type ())
G_DECLARE_FINAL_TYPE (TamuStore, tamu_store, TAMU, STORE, GObject)

/* $XDG_DATA_HOME/tamu/tamu.db, or $TAMU_DB when set. */
char         *tamu_store_dup_default_path (void);

/* Opens (creating 0700 folder / 0600 file) and migrates the database. */
TamuStore    *tamu_store_open (const char *path,
                                GError    **error);
const char   *tamu_store_get_path (TamuStore *self);

/* Who the audit log names: the agent-name setting, else the OS user. */
void          tamu_store_set_actor (TamuStore  *self,
                                    const char *actor);
const char   *tamu_store_get_actor (TamuStore *self);

/* Whether the database changed since the last call, from this or another
 * connection (another desk, the command-line tool): for refreshing views. */
gboolean      tamu_store_poll_changed (TamuStore *self);

/* ---- policy ------------------------------------------------------- */
TamuPolicy   *tamu_store_load_policy (TamuStore *self,
                                      GError   **error);
char         *tamu_store_get_setting (TamuStore  *self,
                                      const char *key,
                                      GError    **error);
/* Validates through tamu_policy_apply_setting() and audits the change. */
gboolean      tamu_store_set_setting (TamuStore  *self,
                                      const char *key,
                                      const char *value,
                                      GError    **error);

/* ---- holidays ----------------------------------------------------- */
TamuCalendar *tamu_store_load_calendar (TamuStore *self,
                                        GError   **error);
/* TamuHoliday*, by date; @year 0 = all years. */
GPtrArray    *tamu_store_list_holidays (TamuStore *self,
                                        int        year,
                                        GError   **error);
gboolean      tamu_store_add_holiday (TamuStore      *self,
                                      const GDate    *date,
                                      const char     *name,
                                      TamuHolidayKind kind,
                                      GError        **error);
gboolean      tamu_store_remove_holiday (TamuStore   *self,
                                         const GDate *date,
                                         GError     **error);
/* All or nothing; replaces holidays on the same dates. */
gboolean      tamu_store_add_holidays (TamuStore *self,
                                       GPtrArray *holidays,
                                       GError   **error);

/* ---- topics ------------------------------------------------------- */
GPtrArray    *tamu_store_load_topics (TamuStore *self,
                                      GError   **error);
gboolean      tamu_store_add_topic (TamuStore          *self,
                                    const char         *name,
                                    const char         *full_name,
                                    const char * const *aliases,
                                    GError            **error);
gboolean      tamu_store_remove_topic (TamuStore  *self,
                                       const char *name,
                                       GError    **error);

/* ---- bookings ----------------------------------------------------- */
typedef struct
{
  GDate             from;         /* invalid (g_date_clear) = open-ended */
  GDate             to;
  int               type;         /* -1 = any, else TamuBookingType */
  int               status;       /* -1 = any, else TamuBookingStatus */
  const char       *text;         /* search over daerah, contact, ticket, topics, notes, instansi */
  gboolean          include_cancelled; /* default TRUE when status is -1 */
} TamuBookingFilter;

void          tamu_booking_filter_init (TamuBookingFilter *filter);

/*
 * Validates @draft against every rule inside a write transaction and stores
 * it.  Returns the stored booking (id, uid, sequence, room and limit filled).
 * Warnings (may be NULL) receive TamuWarning*.
 */
TamuBooking  *tamu_store_add_booking (TamuStore   *self,
                                      TamuBooking *draft,
                                      GPtrArray   *warnings,
                                      GError     **error);
/* Checks without writing, for live checks in the editor (id 0 = new). */
gboolean      tamu_store_check_booking (TamuStore   *self,
                                        TamuBooking *draft,
                                        GPtrArray   *warnings,
                                        GError     **error);
/*
 * Replaces the booking @edited->id with @edited after the rules; raises
 * SEQUENCE and audits each changed field.  Only active bookings change,
 * except notes.
 */
TamuBooking  *tamu_store_update_booking (TamuStore   *self,
                                         TamuBooking *edited,
                                         GPtrArray   *warnings,
                                         GError     **error);
TamuBooking  *tamu_store_confirm_booking (TamuStore *self,
                                          gint64     id,
                                          GError   **error);
TamuBooking  *tamu_store_cancel_booking (TamuStore  *self,
                                         gint64      id,
                                         const char *reason,
                                         GError    **error);
TamuBooking  *tamu_store_mark_no_show (TamuStore *self,
                                       gint64     id,
                                       GError   **error);
/* Records who actually came; more than the limit is kept and flagged (warning "over-limit"). */
TamuBooking  *tamu_store_check_in (TamuStore *self,
                                   gint64     id,
                                   int        actual_guests,
                                   GPtrArray *warnings,
                                   GError   **error);
/* Soft delete: the row stays, marked deleted, and leaves every list. */
gboolean      tamu_store_delete_booking (TamuStore *self,
                                         gint64     id,
                                         GError   **error);

TamuBooking  *tamu_store_get_booking (TamuStore *self,
                                      gint64     id,
                                      GError   **error);
TamuBooking  *tamu_store_get_booking_by_uid (TamuStore  *self,
                                             const char *uid,
                                             GError    **error);
/* TamuBooking*, by date then start. */
GPtrArray    *tamu_store_list_bookings (TamuStore               *self,
                                        const TamuBookingFilter *filter,
                                        GError                 **error);
/* Visits and video conferences per day in [from, to]: for the month view. */
typedef struct
{
  GDate date;
  int   visits;
  int   vidcons;
} TamuDayCount;
GArray       *tamu_store_count_by_day (TamuStore   *self,
                                       const GDate *from,
                                       const GDate *to,
                                       GError     **error);

GPtrArray    *tamu_store_find_slots (TamuStore           *self,
                                     const GDate         *from,
                                     const TamuSlotQuery *query,
                                     GError             **error);

/*
 * Imports rows all or nothing in one transaction.  Rows with a final status
 * (done, cancelled, no-show) are records: values are checked, rules are not.
 * Other rows are new bookings and pass every rule (against the database and
 * the rows before them).  On failure nothing is written and @problems
 * receives one "line N: field: message" string per bad row, where
 * @line_numbers[i] is row i's line in the file.  @dry_run checks only.
 */
gboolean      tamu_store_import_bookings (TamuStore    *self,
                                          GPtrArray    *rows,
                                          const guint  *line_numbers,
                                          gboolean      dry_run,
                                          GPtrArray    *warnings,
                                          GPtrArray    *problems,
                                          GError      **error);

/* ---- audit -------------------------------------------------------- */
typedef struct
{
  char  *at;        /* ISO 8601 UTC */
  char  *actor;
  char  *action;    /* "create", "update", "confirm", "cancel", "no-show", "check-in", "delete" */
  char  *field;     /* NULL for a whole-record action */
  char  *old_value;
  char  *new_value;
} TamuAuditEntry;

void          tamu_audit_entry_free (TamuAuditEntry *entry);
/* @entity "booking", "ppid", "setting", "holiday", "topic". */
GPtrArray    *tamu_store_list_history (TamuStore  *self,
                                       const char *entity,
                                       gint64      id,
                                       GError    **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TamuAuditEntry, tamu_audit_entry_free)

G_END_DECLS
