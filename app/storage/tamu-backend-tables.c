/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tamu-store-types.h"

/*
 * The office's tables as whole rows, for `db copy` and `db backup`: every
 * column of every kind, in one order and one text form whatever the engine,
 * so that rows read from one backend are written as they were into another
 * and the two sides can be compared byte for byte.  Each backend builds its
 * SQL from these lists (tamu-sqlite-rows.c, tamu-pg-rows.c).
 */

#define T TAMU_COLUMN_TEXT
#define I TAMU_COLUMN_INT
#define D TAMU_COLUMN_DATE
#define S TAMU_COLUMN_TIMESTAMP
#define L TAMU_COLUMN_LIST

static const TamuColumn settings[] = {
  { "key", T }, { "value", T }, { "updated_at", S },
};

static const TamuColumn holidays[] = {
  { "date", D }, { "name", T }, { "kind", T }, { "removed_at", S },
};

static const TamuColumn topics[] = {
  { "name", T }, { "full_name", T }, { "aliases", L }, { "position", I }, { "removed_at", S },
};

static const TamuColumn bookings[] = {
  { "id", I }, { "uid", T }, { "sequence", I }, { "type", T }, { "date", D }, { "start", I },
  { "duration", I }, { "daerah", T }, { "region_code", T }, { "guests", I },
  { "actual_guests", I }, { "guest_limit", I }, { "status", T }, { "room", T },
  { "instansi", T }, { "contact", T }, { "phone", T }, { "email", T }, { "ticket", T },
  { "pic", T }, { "link", T }, { "notes", T }, { "override_reason", T },
  { "cancel_reason", T }, { "created_at", S }, { "updated_at", S }, { "deleted_at", S },
};

static const TamuColumn booking_topics[] = {
  { "booking_id", I }, { "position", I }, { "topic", T },
};

/* PostgreSQL's db_user is not copied: it names who wrote the row on that
 * server, and a copy's rows are written by whoever runs the copy. */
static const TamuColumn audit[] = {
  { "id", I }, { "entity", T }, { "entity_id", I }, { "action", T }, { "field", T },
  { "old_value", T }, { "new_value", T }, { "actor", T }, { "at", S },
};

static const TamuColumn ppid_requests[] = {
  { "id", I }, { "year", I }, { "sequence", I }, { "number", T }, { "received", D },
  { "channel", T }, { "name", T }, { "address", T }, { "contact", T }, { "occupation", T },
  { "category", T }, { "identity_number", T }, { "information", T }, { "purpose", T },
  { "obtain_method", T }, { "delivery_method", T }, { "form", T }, { "kind", T },
  { "info_status", T }, { "fee", I }, { "notes", T }, { "status", T }, { "extended_on", D },
  { "extension_days", I }, { "extension_reason", T }, { "decision", T },
  { "refusal_reason", T }, { "holder", T }, { "responded", D }, { "objected", D },
  { "objection_reason", T }, { "objection_answered", D }, { "disputed", D },
  { "withdrawn", D }, { "created_at", S }, { "updated_at", S },
};

/* Subscriptions survive a move: only the tokens' hashes exist to copy. */
static const TamuColumn feeds[] = {
  { "id", I }, { "name", T }, { "type", T }, { "room", T }, { "token_hash", T },
  { "created_at", S }, { "revoked_at", S }, { "last_fetched_at", S }, { "last_fetched_from", T },
};

#define TABLE(name, n_keys) { #name, name, G_N_ELEMENTS (name), n_keys }

static const TamuTableInfo tables[TAMU_N_TABLES] = {
  [TAMU_TABLE_BOOKINGS] = TABLE (bookings, 1),
  [TAMU_TABLE_AUDIT] = TABLE (audit, 1),
  [TAMU_TABLE_SETTINGS] = TABLE (settings, 1),
  [TAMU_TABLE_HOLIDAYS] = TABLE (holidays, 1),
  [TAMU_TABLE_TOPICS] = TABLE (topics, 1),
  [TAMU_TABLE_PPID_REQUESTS] = TABLE (ppid_requests, 1),
  [TAMU_TABLE_BOOKING_TOPICS] = TABLE (booking_topics, 2),
  [TAMU_TABLE_FEEDS] = TABLE (feeds, 1),
};

const TamuTableInfo *
tamu_table_get_info (TamuTable table)
{
  g_return_val_if_fail (table < TAMU_N_TABLES, NULL);

  return &tables[table];
}
