/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tamu-sqlite"

#include "config.h"

#include "tamu-sqlite-private.h"

/* Subscribed calendar feeds on SQLite (schema 4): only the token's hash is kept. */

#define FEED_COLUMNS \
  "id, name, type, room, token_hash, created_at, revoked_at, last_fetched_at, last_fetched_from"

static TamuFeed *
feed_from_row (sqlite3_stmt *stmt)
{
  TamuFeed *feed = g_new0 (TamuFeed, 1);
  const char *type = (const char *) sqlite3_column_text (stmt, 2);
  TamuBookingType parsed;

  feed->id = sqlite3_column_int64 (stmt, 0);
  feed->name = tamu_sqlite_dup_text (stmt, 1);
  feed->type = type != NULL && tamu_booking_type_from_string (type, &parsed) ? (int) parsed : -1;
  feed->room = tamu_sqlite_dup_text (stmt, 3);
  feed->token_hash = tamu_sqlite_dup_text (stmt, 4);
  feed->created_at = tamu_sqlite_dup_text (stmt, 5);
  feed->revoked_at = tamu_sqlite_dup_text (stmt, 6);
  feed->last_fetched_at = tamu_sqlite_dup_text (stmt, 7);
  feed->last_fetched_from = tamu_sqlite_dup_text (stmt, 8);
  return feed;
}

static GPtrArray *
sqlite_list_feeds (TamuBackend *backend,
                   gboolean     include_revoked,
                   GError     **error)
{
  TamuSqliteBackend *self = TAMU_SQLITE (backend);
  g_autoptr(GPtrArray) feeds = g_ptr_array_new_with_free_func ((GDestroyNotify) tamu_feed_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = tamu_sqlite_prepare (self,
                              "SELECT " FEED_COLUMNS " FROM feeds "
                              "WHERE ? OR revoked_at IS NULL ORDER BY name, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, include_revoked ? 1 : 0);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (feeds, feed_from_row (stmt));
  /* A statement left on a row keeps its read snapshot open. */
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      tamu_sqlite_set_error (self, error);
      return NULL;
    }
  return g_steal_pointer (&feeds);
}

static gboolean
sqlite_insert_feed (TamuBackend *backend,
                    TamuFeed    *feed,
                    GError     **error)
{
  TamuSqliteBackend *self = TAMU_SQLITE (backend);
  sqlite3_stmt *stmt;

  stmt = tamu_sqlite_prepare (self,
                              "INSERT INTO feeds (name, type, room, token_hash, created_at) "
                              "VALUES (?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, feed->name, -1, SQLITE_TRANSIENT);
  tamu_sqlite_bind_text (stmt, 2, feed->type >= 0 ? tamu_booking_type_to_string (feed->type) : NULL);
  tamu_sqlite_bind_text (stmt, 3, feed->room);
  sqlite3_bind_text (stmt, 4, feed->token_hash, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, feed->created_at, -1, SQLITE_TRANSIENT);
  if (!tamu_sqlite_step_done (self, stmt, error))
    return FALSE;
  feed->id = sqlite3_last_insert_rowid (self->db);
  return TRUE;
}

static gboolean
sqlite_revoke_feed (TamuBackend *backend,
                    gint64       id,
                    const char  *revoked_at,
                    GError     **error)
{
  TamuSqliteBackend *self = TAMU_SQLITE (backend);
  sqlite3_stmt *stmt;

  stmt = tamu_sqlite_prepare (self, "UPDATE feeds SET revoked_at = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, revoked_at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, id);
  return tamu_sqlite_step_done (self, stmt, error);
}

static gboolean
sqlite_record_feed_fetch (TamuBackend *backend,
                          gint64       id,
                          const char  *fetched_at,
                          const char  *fetched_from,
                          GError     **error)
{
  TamuSqliteBackend *self = TAMU_SQLITE (backend);
  sqlite3_stmt *stmt;

  stmt = tamu_sqlite_prepare (self,
                              "UPDATE feeds SET last_fetched_at = ?, last_fetched_from = ? WHERE id = ?",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, fetched_at, -1, SQLITE_TRANSIENT);
  tamu_sqlite_bind_text (stmt, 2, fetched_from);
  sqlite3_bind_int64 (stmt, 3, id);
  return tamu_sqlite_step_done (self, stmt, error);
}

static char *
sqlite_dup_change_stamp (TamuBackend *backend,
                         GError     **error)
{
  TamuSqliteBackend *self = TAMU_SQLITE (backend);
  sqlite3_stmt *stmt;
  char *stamp;

  /* Both are index probes: the audit's rowid and bookings_by_updated. */
  stmt = tamu_sqlite_prepare (self,
                              "SELECT (SELECT ifnull (max (id), 0) FROM audit), "
                              "(SELECT ifnull (max (updated_at), '') FROM bookings)", error);
  if (stmt == NULL)
    return NULL;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      tamu_sqlite_set_error (self, error);
      return NULL;
    }
  stamp = g_strdup_printf ("%lld/%s", (long long) sqlite3_column_int64 (stmt, 0),
                           (const char *) sqlite3_column_text (stmt, 1));
  sqlite3_reset (stmt);
  return stamp;
}

void
tamu_sqlite_feeds_init_class (TamuBackendClass *klass)
{
  klass->list_feeds = sqlite_list_feeds;
  klass->insert_feed = sqlite_insert_feed;
  klass->revoke_feed = sqlite_revoke_feed;
  klass->record_feed_fetch = sqlite_record_feed_fetch;
  klass->dup_change_stamp = sqlite_dup_change_stamp;
}
