/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "tamu-booking.h"
#include "tamu-calendar.h"
#include "tamu-ppid.h"

G_BEGIN_DECLS

/* The records and filters that travel between the store's callers, the
 * store and its backends. */

/* Visits and video conferences per day in [from, to]: for the month view. */
typedef struct
{
  GDate date;
  int   visits;
  int   vidcons;
} TamuDayCount;

/* One cell of the grouped count: bookings of one month, type and status. */
typedef struct
{
  int               year;
  int               month;   /* 1–12 */
  TamuBookingType   type;
  TamuBookingStatus status;
  int               count;
  int               guests;  /* sum of actual guests (checked-in bookings only) */
} TamuMonthCount;

/* What list_bookings selects (filled by tamu_booking_filter_init()). */
typedef struct
{
  GDate             from;         /* invalid (g_date_clear) = open-ended */
  GDate             to;
  int               type;         /* -1 = any, else TamuBookingType */
  int               status;       /* -1 = any, else TamuBookingStatus */
  const char       *text;         /* search over daerah, contact, ticket, topics, notes, instansi */
  gboolean          include_cancelled; /* default TRUE when status is -1 */
} TamuBookingFilter;

/* What list_ppid selects (filled by tamu_ppid_filter_init()). */
typedef struct
{
  GDate       from;         /* received on or after; cleared = open-ended */
  GDate       to;           /* received on or before; cleared = open-ended */
  gboolean    open_only;    /* awaiting the written answer */
  gboolean    overdue_only; /* a pending deadline passed before today (TAMU_NOW) */
  int         status;       /* -1 = any, else TamuPpidStatus */
  int         decision;     /* -1 = any, else TamuPpidDecision */
  const char *text;         /* search: number, name, information, contact, occupation, purpose */
} TamuPpidFilter;

/* The kinds of record, for counting (tests, db copy). */
typedef enum
{
  TAMU_TABLE_BOOKINGS,      /* every booking, deleted ones too */
  TAMU_TABLE_AUDIT,
  TAMU_TABLE_SETTINGS,
  TAMU_TABLE_HOLIDAYS,      /* removed ones too */
  TAMU_TABLE_TOPICS,        /* removed ones too */
  TAMU_TABLE_PPID_REQUESTS,
  TAMU_TABLE_BOOKING_TOPICS, /* a booking's topics, one row each */
  TAMU_TABLE_FEEDS,         /* calendar feeds, revoked ones too (token hashes only) */
  TAMU_N_TABLES
} TamuTable;

/* How a column of a whole-table row (tamu_table_get_columns()) is written
 * as text, the same on every backend. */
typedef enum
{
  TAMU_COLUMN_TEXT,
  TAMU_COLUMN_INT,       /* decimal */
  TAMU_COLUMN_DATE,      /* YYYY-MM-DD */
  TAMU_COLUMN_TIMESTAMP, /* ISO 8601 UTC, "2024-03-01T01:00:00Z" */
  TAMU_COLUMN_LIST,      /* items joined by ';' (a topic's aliases) */
} TamuColumnType;

typedef struct
{
  const char    *name;
  TamuColumnType type;
} TamuColumn;

/* A kind's table as db copy reads and writes it: its name in the schema,
 * its columns in order, and the columns (first @n_keys) it is ordered by. */
typedef struct
{
  const char       *name;
  const TamuColumn *columns;
  guint             n_columns;
  guint             n_keys;
} TamuTableInfo;

const TamuTableInfo *tamu_table_get_info (TamuTable table);

typedef struct
{
  char  *at;        /* ISO 8601 UTC */
  char  *actor;
  char  *action;    /* "create", "update", "confirm", "cancel", "no-show", "check-in", "delete" */
  char  *field;     /* NULL for a whole-record action */
  char  *old_value;
  char  *new_value;
  char  *db_user;   /* the server's login that wrote it; NULL on SQLite */
} TamuAuditEntry;

void tamu_audit_entry_free (TamuAuditEntry *entry);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TamuAuditEntry, tamu_audit_entry_free)

/* A subscribed calendar feed (tamu-store-feeds.h). */
typedef struct
{
  gint64  id;
  char   *name;
  int     type;              /* -1 = both, else TamuBookingType */
  char   *room;              /* NULL = every room */
  char   *token_hash;        /* SHA-256 of the token, hex; never the token */
  char   *created_at;        /* ISO 8601 UTC */
  char   *revoked_at;        /* NULL while live */
  char   *last_fetched_at;   /* NULL = never fetched */
  char   *last_fetched_from; /* the peer's address */
} TamuFeed;

void tamu_feed_free (TamuFeed *feed);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TamuFeed, tamu_feed_free)

G_END_DECLS
