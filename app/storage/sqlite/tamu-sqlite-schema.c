/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tamu-sqlite-private.h"

/*
 * The schema's history.  A database records the last step it ran in
 * PRAGMA user_version; opening runs the steps after it, each in its own
 * transaction.  Append new steps; never edit one that has shipped.
 */
static const TamuSqliteMigration migrations[] = {
  {
    1,
    /* Policy settings; absent keys take the defaults of tamu-policy.c. */
    "CREATE TABLE settings ("
    "  key        TEXT PRIMARY KEY,"
    "  value      TEXT NOT NULL,"
    "  updated_at TEXT NOT NULL"
    ");"
    "CREATE TABLE holidays ("
    "  date       TEXT PRIMARY KEY CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),"
    "  name       TEXT NOT NULL,"
    "  kind       TEXT NOT NULL CHECK (kind IN ('holiday', 'cuti-bersama')),"
    "  removed_at TEXT"
    ");"
    "CREATE TABLE topics ("
    "  name       TEXT PRIMARY KEY,"
    "  full_name  TEXT,"
    "  aliases    TEXT NOT NULL DEFAULT '',"   /* separated by ';' */
    "  position   INTEGER NOT NULL,"
    "  removed_at TEXT"
    ");"
    "CREATE TABLE bookings ("
    "  id              INTEGER PRIMARY KEY,"
    "  uid             TEXT NOT NULL UNIQUE,"
    "  sequence        INTEGER NOT NULL DEFAULT 0,"
    "  type            TEXT NOT NULL CHECK (type IN ('tatap-muka', 'vidcon')),"
    "  date            TEXT NOT NULL,"
    "  start           INTEGER,"                 /* minutes since midnight; NULL = not recorded */
    "  duration        INTEGER NOT NULL CHECK (duration > 0),"
    "  daerah          TEXT NOT NULL,"
    "  region_code     TEXT,"
    "  guests          INTEGER NOT NULL CHECK (guests >= 0),"
    "  actual_guests   INTEGER,"
    "  guest_limit     INTEGER NOT NULL,"
    "  status          TEXT NOT NULL CHECK (status IN ('requested', 'confirmed', 'done', 'cancelled', 'no-show')),"
    "  room            TEXT,"
    "  instansi        TEXT,"
    "  contact         TEXT,"
    "  phone           TEXT,"
    "  email           TEXT,"
    "  ticket          TEXT,"
    "  pic             TEXT,"
    "  link            TEXT,"
    "  notes           TEXT,"
    "  override_reason TEXT,"
    "  cancel_reason   TEXT,"
    "  created_at      TEXT NOT NULL,"
    "  updated_at      TEXT NOT NULL,"
    "  deleted_at      TEXT"
    ");"
    "CREATE INDEX bookings_by_date ON bookings (date, start) WHERE deleted_at IS NULL;"
    "CREATE TABLE booking_topics ("
    "  booking_id INTEGER NOT NULL REFERENCES bookings (id),"
    "  position   INTEGER NOT NULL,"
    "  topic      TEXT NOT NULL,"
    "  PRIMARY KEY (booking_id, position)"
    ") WITHOUT ROWID;"
    "CREATE INDEX booking_topics_by_topic ON booking_topics (topic);"
    "CREATE TABLE audit ("
    "  id        INTEGER PRIMARY KEY,"
    "  entity    TEXT NOT NULL,"
    "  entity_id INTEGER NOT NULL,"
    "  action    TEXT NOT NULL,"
    "  field     TEXT,"
    "  old_value TEXT,"
    "  new_value TEXT,"
    "  actor     TEXT NOT NULL,"
    "  at        TEXT NOT NULL"
    ");"
    "CREATE INDEX audit_by_entity ON audit (entity, entity_id);"
  },
  {
    2,
    /* The PPID register (issue 5).  Dates are YYYY-MM-DD office days;
     * deadlines are not stored: they follow the holiday calendar. */
    "CREATE TABLE ppid_requests ("
    "  id                 INTEGER PRIMARY KEY,"
    "  year               INTEGER NOT NULL,"
    "  sequence           INTEGER NOT NULL CHECK (sequence > 0),"
    "  number             TEXT NOT NULL UNIQUE,"
    "  received           TEXT NOT NULL CHECK (received GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),"
    "  channel            TEXT,"
    "  name               TEXT NOT NULL,"
    "  address            TEXT,"
    "  contact            TEXT,"
    "  occupation         TEXT,"
    "  category           TEXT NOT NULL CHECK (category IN ('individual', 'legal-entity', 'group')),"
    "  identity_number    TEXT,"
    "  information        TEXT NOT NULL,"
    "  purpose            TEXT,"
    "  obtain_method      TEXT,"
    "  delivery_method    TEXT,"
    "  form               TEXT NOT NULL CHECK (form IN ('softcopy', 'hardcopy')),"
    "  kind               TEXT NOT NULL CHECK (kind IN ('view', 'copy')),"
    "  info_status        TEXT NOT NULL CHECK (info_status IN ('unknown', 'held', 'not-held', 'not-documented')),"
    "  fee                INTEGER NOT NULL DEFAULT 0 CHECK (fee >= 0),"
    "  notes              TEXT,"
    "  status             TEXT NOT NULL CHECK (status IN ('received', 'extended', 'answered',"
    "                       'objection-filed', 'objection-answered', 'dispute-filed', 'withdrawn')),"
    "  extended_on        TEXT,"
    "  extension_days     INTEGER NOT NULL DEFAULT 0 CHECK (extension_days BETWEEN 0 AND 7),"
    "  extension_reason   TEXT,"
    "  decision           TEXT CHECK (decision IN ('granted', 'partial', 'refused')),"
    "  refusal_reason     TEXT CHECK (refusal_reason IN ('exempt', 'not-held', 'not-documented')),"
    "  holder             TEXT,"
    "  responded          TEXT,"
    "  objected           TEXT,"
    "  objection_reason   TEXT,"
    "  objection_answered TEXT,"
    "  disputed           TEXT,"
    "  withdrawn          TEXT,"
    "  created_at         TEXT NOT NULL,"
    "  updated_at         TEXT NOT NULL,"
    "  UNIQUE (year, sequence),"
    "  CHECK (decision <> 'refused' OR refusal_reason IS NOT NULL)"
    ");"
    "CREATE INDEX ppid_requests_by_received ON ppid_requests (received);"
  },
  {
    3,
    /* The monthly summary's counts (issue 6): a covering index, so that
     * counting a month or ten years reads only the index, never the rows. */
    "CREATE INDEX bookings_for_reports ON bookings (date, type, status, actual_guests)"
    "  WHERE deleted_at IS NULL;"
  },
  {
    4,
    /* Subscribed calendar feeds (issue 11).  The token is a secret shown
     * once; only its SHA-256 is kept.  An index on updated_at lets the feed
     * server tell in one index probe whether anything changed. */
    "CREATE TABLE feeds ("
    "  id                INTEGER PRIMARY KEY,"
    "  name              TEXT NOT NULL,"
    "  type              TEXT CHECK (type IN ('tatap-muka', 'vidcon')),"
    "  room              TEXT,"
    "  token_hash        TEXT NOT NULL UNIQUE,"
    "  created_at        TEXT NOT NULL,"
    "  revoked_at        TEXT,"
    "  last_fetched_at   TEXT,"
    "  last_fetched_from TEXT"
    ");"
    /* A name is unique among live feeds: a revoked one's name can be
     * given to a new link ("new link" = revoke + add). */
    "CREATE UNIQUE INDEX feeds_by_name ON feeds (name) WHERE revoked_at IS NULL;"
    "CREATE INDEX bookings_by_updated ON bookings (updated_at);"
  },
};

const TamuSqliteMigration *
tamu_sqlite_get_migrations (guint *out_count)
{
  *out_count = G_N_ELEMENTS (migrations);
  return migrations;
}

int
tamu_sqlite_get_latest_version (void)
{
  return migrations[G_N_ELEMENTS (migrations) - 1].version;
}
