/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "tamu-store-types.h"
#include "tamu-topics.h"

G_BEGIN_DECLS

/*
 * What a storage engine gives TamuStore: row-level operations on the
 * office's tables, transactions, and the locks behind the store's
 * guarantees.  The service (tamu-store-*.c) holds everything that does not
 * depend on the engine — the rules, the state machines, the audit diffs —
 * written once; each backend (app/storage/sqlite/, app/storage/postgres/)
 * fills this table and is the only code that speaks its engine's SQL.
 *
 * Conventions for every operation:
 * - errors are TAMU_ERROR_STORAGE with a message starting "database: ", never
 *   carrying a password; TAMU_ERROR_RETRY when the engine aborted the
 *   transaction for a conflict with another desk (serialization failure,
 *   deadlock): the store rolls back and runs the whole write again;
 *   TAMU_ERROR_UNAVAILABLE when the server cannot be reached;
 * - "not found" is not an error: lookups return NULL (or FALSE in @found)
 *   with no error set, and the service words the message;
 * - dates are office days (GDate), times minutes since midnight, timestamps
 *   ISO 8601 UTC text ("2024-03-01T01:00:00Z") as the records carry them.
 */

typedef struct _TamuBackend      TamuBackend;
typedef struct _TamuBackendClass TamuBackendClass;

/*
 * The store's guarantees, as locks a write transaction takes before it
 * reads what it checks.  Each holds until the transaction ends.
 *
 * SQLite: every write transaction already holds the database-wide write
 * lock (BEGIN IMMEDIATE), so all of these are free.  A server engine must
 * serialize exactly what is named and nothing more, so that desks working
 * on different days do not wait for each other.
 */
typedef enum
{
  /* Reading the office's rules (settings, holidays, topics) to check a
   * write against them: shared, so bookings on many days run in parallel. */
  TAMU_LOCK_OFFICE_SHARED,
  /* Changing the office's rules: excludes every writer holding the above. */
  TAMU_LOCK_OFFICE,
  /* One office day (@key: the Julian day number): its room conflicts, daily
   * cap and duplicate-daerah warning are checked against a day no other
   * writer can change until commit. */
  TAMU_LOCK_DAY,
  /* PPID numbering of one year (@key: the year): the next number is read
   * and taken by one writer at a time. */
  TAMU_LOCK_PPID_YEAR,
  /* One record (@key: its id) read, checked and rewritten by a state verb,
   * so that two desks changing the same record cannot both succeed. */
  TAMU_LOCK_BOOKING,
  TAMU_LOCK_PPID_REQUEST,
} TamuLock;

/* One audit row (what tamu_store_audit() appends). */
typedef struct
{
  const char *entity;    /* "booking", "ppid", "setting", "holiday", "topic" */
  gint64      entity_id;
  const char *action;
  const char *field;     /* NULL for a whole-record action */
  const char *old_value; /* NULL = none; "" is kept as "" */
  const char *new_value;
  const char *actor;     /* the agent's name */
  const char *at;        /* ISO 8601 UTC */
} TamuAuditRow;

/* A setting as stored (keys the policy does not know are kept). */
typedef struct
{
  char *key;
  char *value;
} TamuSettingRow;

void tamu_setting_row_free (TamuSettingRow *row);

/* One whole row of a kind (read_rows): @values[i] is column i of
 * tamu_table_get_info(), as text, NULL for SQL NULL.  FALSE (with @error)
 * stops the reading. */
typedef gboolean (*TamuRowFunc) (const char * const *values,
                                 guint               n_values,
                                 gpointer            data,
                                 GError            **error);

struct _TamuBackendClass
{
  const char *name; /* "sqlite", "postgresql" */

  void          (*free)              (TamuBackend *self);

  /* ---- identity and change tracking ---- */
  /* What the user named, for messages and as a key (the notifier's state):
   * a file path, or a server address with any password removed. */
  const char   *(*get_identity)      (TamuBackend *self);
  /* Whether anything changed, by any connection, since the last call. */
  gboolean      (*poll_changed)      (TamuBackend *self);
  /* A file descriptor that becomes readable when another connection
   * committed a change (PostgreSQL: the LISTEN socket), so the app wakes
   * without a polling loop; -1 when the engine has none, and the app then
   * calls poll_changed on a timer (SQLite: data_version is one cheap read). */
  int           (*get_change_fd)     (TamuBackend *self);
  /* Whether the database answers now; a server backend reconnects (and
   * listens again) here when its connection was lost. */
  gboolean      (*check_connection)  (TamuBackend *self,
                                      GError     **error);
  /* The schema version the database is at. */
  int           (*get_schema_version) (TamuBackend *self);

  /* ---- transactions ---- */
  /* Starts a write transaction (one at a time per backend; the store
   * counts nesting).  Reads inside see a consistent state. */
  gboolean      (*begin)             (TamuBackend *self,
                                      GError     **error);
  gboolean      (*commit)            (TamuBackend *self,
                                      GError     **error);
  /* Never fails: a broken connection has rolled back already. */
  void          (*rollback)          (TamuBackend *self);
  gboolean      (*lock)              (TamuBackend *self,
                                      TamuLock     lock,
                                      gint64       key,
                                      GError     **error);

  /* Rows of one kind. */
  gboolean      (*count_rows)        (TamuBackend *self,
                                      TamuTable    table,
                                      gint64      *out_count,
                                      GError     **error);

  /* ---- audit ---- */
  gboolean      (*insert_audit)      (TamuBackend        *self,
                                      const TamuAuditRow *row,
                                      GError            **error);
  /* TamuAuditEntry*, oldest first. */
  GPtrArray    *(*list_audit)        (TamuBackend *self,
                                      const char  *entity,
                                      gint64       entity_id,
                                      GError     **error);

  /* ---- settings ---- */
  /* TamuSettingRow*, every stored key. */
  GPtrArray    *(*list_settings)     (TamuBackend *self,
                                      GError     **error);
  /* Inserts or replaces. */
  gboolean      (*put_setting)       (TamuBackend *self,
                                      const char  *key,
                                      const char  *value,
                                      const char  *updated_at,
                                      GError     **error);

  /* ---- holidays ---- */
  /* TamuHoliday*, by date, not removed; @year 0 = all years. */
  GPtrArray    *(*list_holidays)     (TamuBackend *self,
                                      int          year,
                                      GError     **error);
  /* Inserts, or replaces the holiday on the same date (also a removed one). */
  gboolean      (*put_holiday)       (TamuBackend       *self,
                                      const TamuHoliday *holiday,
                                      GError           **error);
  /* Soft delete: the row stays for the audit trail. */
  gboolean      (*remove_holiday)    (TamuBackend *self,
                                      const GDate *date,
                                      const char  *removed_at,
                                      GError     **error);

  /* ---- topics ---- */
  /* TamuTopic*, not removed, in their order. */
  GPtrArray    *(*list_topics)       (TamuBackend *self,
                                      GError     **error);
  /* Inserts at the end of the order, or revives and replaces one of that name. */
  gboolean      (*put_topic)         (TamuBackend        *self,
                                      const char         *name,
                                      const char         *full_name,
                                      const char * const *aliases,
                                      GError            **error);
  gboolean      (*remove_topic)      (TamuBackend *self,
                                      const char  *name,
                                      const char  *removed_at,
                                      GError     **error);

  /* ---- bookings ---- */
  /* The live (not deleted) booking with @id, or with @uid when @uid is not NULL. */
  TamuBooking  *(*get_booking)       (TamuBackend *self,
                                      gint64       id,
                                      const char  *uid,
                                      GError     **error);
  /* TamuBooking*, by date, start (unknown first), id. */
  GPtrArray    *(*list_bookings)     (TamuBackend             *self,
                                      const TamuBookingFilter *filter,
                                      GError                 **error);
  /* The active (requested, confirmed, done) bookings of one day, by start. */
  GPtrArray    *(*list_active_on)    (TamuBackend *self,
                                      const GDate *date,
                                      GError     **error);
  /* Stores a new booking with every field as given (uid, sequence,
   * created_at, updated_at set by the caller) and its topics; sets
   * @booking->id.  A UID taken already fails with TAMU_ERROR_REFUSED. */
  gboolean      (*insert_booking)    (TamuBackend *self,
                                      TamuBooking *booking,
                                      GError     **error);
  /* Rewrites every field but id, uid and created_at, and the topics. */
  gboolean      (*update_booking)    (TamuBackend       *self,
                                      const TamuBooking *booking,
                                      GError           **error);
  /* Soft delete: marks the row and raises its sequence. */
  gboolean      (*delete_booking)    (TamuBackend *self,
                                      gint64       id,
                                      const char  *deleted_at,
                                      GError     **error);
  /* TamuDayCount, active bookings per day with any, in date order. */
  GArray       *(*count_by_day)      (TamuBackend *self,
                                      const GDate *from,
                                      const GDate *to,
                                      GError     **error);
  /* TamuMonthCount, bookings (not deleted) in [from, to] (NULL = open)
   * grouped by month, type and status, in month order. */
  GArray       *(*count_by_month)    (TamuBackend *self,
                                      const GDate *from,
                                      const GDate *to,
                                      GError     **error);
  /* Bookings with @status in [from, to] per type. */
  gboolean      (*count_by_type)     (TamuBackend      *self,
                                      const GDate      *from,
                                      const GDate      *to,
                                      TamuBookingStatus status,
                                      int               out_counts[2],
                                      GError          **error);

  /* ---- PPID register ---- */
  TamuPpidRequest *(*get_ppid)       (TamuBackend *self,
                                      gint64       id,
                                      GError     **error);
  /* TamuPpidRequest*, by date of receipt then number; overdue_only is the
   * service's (it needs the calendar): backends select the states that run
   * against a deadline. */
  GPtrArray    *(*list_ppid)         (TamuBackend          *self,
                                      const TamuPpidFilter *filter,
                                      GError              **error);
  /* The next free sequence number of @year (1 for the first). */
  gboolean      (*next_ppid_sequence) (TamuBackend *self,
                                       int          year,
                                       int         *out_sequence,
                                       GError     **error);
  /* Stores a new request with its year, sequence, number and timestamps
   * as given; sets @request->id. */
  gboolean      (*insert_ppid)       (TamuBackend     *self,
                                      TamuPpidRequest *request,
                                      GError         **error);
  /* Rewrites every field (number and updated_at included) but id. */
  gboolean      (*update_ppid)       (TamuBackend           *self,
                                      const TamuPpidRequest *request,
                                      GError               **error);

  /* ---- subscribed calendar feeds ---- */
  /* TamuFeed* (token_hash filled), by name then id; live ones unless
   * @include_revoked. */
  GPtrArray    *(*list_feeds)        (TamuBackend *self,
                                      gboolean     include_revoked,
                                      GError     **error);
  /* Stores a new feed as given; sets @feed->id. */
  gboolean      (*insert_feed)       (TamuBackend *self,
                                      TamuFeed    *feed,
                                      GError     **error);
  gboolean      (*revoke_feed)       (TamuBackend *self,
                                      gint64       id,
                                      const char  *revoked_at,
                                      GError     **error);
  /* Bookkeeping of the feed server: changes no data a desk shows, so a
   * server backend must not wake the other desks for it. */
  gboolean      (*record_feed_fetch) (TamuBackend *self,
                                      gint64       id,
                                      const char  *fetched_at,
                                      const char  *fetched_from,
                                      GError     **error);
  /* A short text that changes whenever a booking, setting or holiday
   * changes (the newest audit row and booking update), read from indexes
   * only: what the feed's ETag is derived from. */
  char         *(*dup_change_stamp)  (TamuBackend *self,
                                      GError     **error);

  /* ---- whole tables (db copy, db backup) ---- */
  /* Starts a read-only transaction whose reads all see one consistent
   * state of the database, however long they take and whatever other
   * desks commit meanwhile (PostgreSQL: REPEATABLE READ); rollback ends it. */
  gboolean      (*begin_snapshot)    (TamuBackend *self,
                                      GError     **error);
  /* Every row of @table, in the order of its key columns, each as the
   * columns of tamu_table_get_info() in their text form, to @func. */
  gboolean      (*read_rows)         (TamuBackend *self,
                                      TamuTable    table,
                                      TamuRowFunc  func,
                                      gpointer     data,
                                      GError     **error);
  /* Inside a write: removes every row of @table (the seeded defaults a
   * copy replaces). */
  gboolean      (*clear_rows)        (TamuBackend *self,
                                      TamuTable    table,
                                      GError     **error);
  /* Inside a write: stores one row exactly as read_rows gives it, ids
   * included; no rule, no audit.  A backend may hold rows back to send
   * several at once: nothing but more rows of @table may follow until
   * finish_rows, and a refused row may be reported there. */
  gboolean      (*insert_row)        (TamuBackend        *self,
                                      TamuTable           table,
                                      const char * const *values,
                                      guint               n_values,
                                      GError            **error);
  /* Inside a write, after the rows of @table: writes any held back, and
   * ids given to new records of @table from now on come after the copied
   * ones. */
  gboolean      (*finish_rows)       (TamuBackend *self,
                                      TamuTable    table,
                                      GError     **error);
};

struct _TamuBackend
{
  const TamuBackendClass *klass;
};

/*
 * Opens the database named by @address (see tamu_store_address_parse())
 * with the backend that serves it, creating and migrating its schema.
 */
TamuBackend *tamu_backend_open (const char *address,
                                GError    **error);
void         tamu_backend_free (TamuBackend *self);

/*
 * What a new database starts with, written through @self's own operations
 * inside the transaction that creates the schema: the shipped holidays and
 * the topics of DOMAIN.md.  Settings need no seed: a missing key reads as
 * its default.
 */
gboolean     tamu_backend_seed_defaults (TamuBackend *self,
                                         GError     **error);

/* A LIKE pattern matching @text anywhere, with "%", "_" and "\" taken
 * literally under ESCAPE '\' (both engines' searches use it). */
char        *tamu_backend_dup_like_pattern (const char *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TamuBackend, tamu_backend_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TamuSettingRow, tamu_setting_row_free)

G_END_DECLS
