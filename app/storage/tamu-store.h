/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "tamu-booking.h"
#include "tamu-calendar.h"
#include "tamu-policy.h"
#include "tamu-rules.h"
#include "tamu-slots.h"
#include "tamu-store-types.h"
#include "tamu-topics.h"

G_BEGIN_DECLS

/*
 * The booking store: the service the window, the command-line tool, the
 * reports and the notifier use, with domain verbs.  Every write is one
 * transaction that re-checks the rules inside it, under the backend's locks
 * for the day or the year it touches, so two desks cannot double-book a
 * room; every change is audited; nothing is deleted for real.  The rows
 * live in a backend (tamu-backend.h): a SQLite file or a PostgreSQL server.
 */

#define TAMU_TYPE_STORE (tamu_store_get_type ())
G_DECLARE_FINAL_TYPE (TamuStore, tamu_store, TAMU, STORE, GObject)

/* $XDG_DATA_HOME/tamu/tamu.db, or $TAMU_DB when set. */
char         *tamu_store_dup_default_path (void);

/*
 * Opens the database named by @address — a SQLite file path (creating a
 * 0700 folder and a 0600 file) or a PostgreSQL address, see
 * tamu-store-address.h — and creates or migrates its schema.
 */
TamuStore    *tamu_store_open (const char *address,
                                GError    **error);
/* What the database is, for people and as a key: the file path, or the
 * server address without any password. */
const char   *tamu_store_get_identity (TamuStore *self);
/* "sqlite" or "postgresql". */
const char   *tamu_store_get_backend_name (TamuStore *self);
int           tamu_store_get_schema_version (TamuStore *self);
/* Records of one kind, all of them (deleted bookings too). */
gboolean      tamu_store_count_records (TamuStore *self,
                                        TamuTable  table,
                                        gint64    *out_count,
                                        GError   **error);

/* Who the audit log names: the agent-name setting, else the OS user. */
void          tamu_store_set_actor (TamuStore  *self,
                                    const char *actor);
const char   *tamu_store_get_actor (TamuStore *self);

/* Whether the database changed since the last call, from this or another
 * connection (another desk, the command-line tool): for refreshing views. */
gboolean      tamu_store_poll_changed (TamuStore *self);
/* A descriptor readable when another desk changed something, or -1 when
 * the database has none and tamu_store_poll_changed() needs a timer. */
int           tamu_store_get_change_fd (TamuStore *self);

/*
 * Watches, in the thread-default main context, for what other desks and
 * programs change, and emits ::changed for it: at once on PostgreSQL
 * (LISTEN/NOTIFY on the connection's socket, no polling loop), within a
 * second on SQLite (its data_version).  Also keeps :available current:
 * when the server goes away it turns FALSE, the store tries again every
 * few seconds, and when the server is back it turns TRUE and ::changed
 * makes every view reload.
 */
void          tamu_store_watch (TamuStore *self);
/* FALSE while the database server cannot be reached (see tamu_store_watch()). */
gboolean      tamu_store_get_available (TamuStore *self);

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

/* ---- audit ---- */
/* @entity "booking", "ppid", "setting", "holiday", "topic". */
GPtrArray    *tamu_store_list_history (TamuStore  *self,
                                       const char *entity,
                                       gint64      id,
                                       GError    **error);

G_END_DECLS
