/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tamu-pg"

#include "config.h"

#include "tamu-pg-private.h"

/* Subscribed calendar feeds on PostgreSQL (schema 2): only the token's hash is kept. */

static GPtrArray *
pg_list_feeds (TamuBackend *backend,
               gboolean     include_revoked,
               GError     **error)
{
  g_autoptr(GPtrArray) feeds = g_ptr_array_new_with_free_func ((GDestroyNotify) tamu_feed_free);
  g_auto(TamuPgParams) params = { 0 };
  g_autoptr(PGresult) result = NULL;

  tamu_pg_params_bool (&params, include_revoked);
  result = tamu_pg_exec (TAMU_PG (backend),
                         "SELECT id, name, type, room, token_hash, " TAMU_PG_ISO ("created_at") ", "
                         TAMU_PG_ISO ("revoked_at") ", " TAMU_PG_ISO ("last_fetched_at") ", "
                         "last_fetched_from FROM feeds"
                         " WHERE $1::boolean OR revoked_at IS NULL ORDER BY name, id",
                         &params, error);
  if (result == NULL)
    return NULL;

  for (int i = 0; i < PQntuples (result); i++)
    {
      TamuFeed *feed = g_new0 (TamuFeed, 1);
      g_autofree char *type = tamu_pg_dup_text (result, i, 2);
      TamuBookingType parsed;

      feed->id = tamu_pg_get_int (result, i, 0, 0);
      feed->name = tamu_pg_dup_text (result, i, 1);
      feed->type = type != NULL && tamu_booking_type_from_string (type, &parsed) ? (int) parsed : -1;
      feed->room = tamu_pg_dup_text (result, i, 3);
      feed->token_hash = tamu_pg_dup_text (result, i, 4);
      feed->created_at = tamu_pg_dup_text (result, i, 5);
      feed->revoked_at = tamu_pg_dup_text (result, i, 6);
      feed->last_fetched_at = tamu_pg_dup_text (result, i, 7);
      feed->last_fetched_from = tamu_pg_dup_text (result, i, 8);
      g_ptr_array_add (feeds, feed);
    }
  return g_steal_pointer (&feeds);
}

static gboolean
pg_insert_feed (TamuBackend *backend,
                TamuFeed    *feed,
                GError     **error)
{
  g_auto(TamuPgParams) params = { 0 };
  g_autoptr(PGresult) result = NULL;

  tamu_pg_params_text (&params, feed->name);
  tamu_pg_params_text (&params, feed->type >= 0 ? tamu_booking_type_to_string (feed->type) : NULL);
  tamu_pg_params_text (&params, feed->room);
  tamu_pg_params_text (&params, feed->token_hash);
  tamu_pg_params_text (&params, feed->created_at);
  result = tamu_pg_exec (TAMU_PG (backend),
                         "INSERT INTO feeds (name, type, room, token_hash, created_at)"
                         " VALUES ($1, $2, $3, $4, $5::timestamptz) RETURNING id",
                         &params, error);
  if (result == NULL)
    return FALSE;
  feed->id = tamu_pg_get_int (result, 0, 0, 0);
  return TRUE;
}

static gboolean
pg_revoke_feed (TamuBackend *backend,
                gint64       id,
                const char  *revoked_at,
                GError     **error)
{
  g_auto(TamuPgParams) params = { 0 };

  tamu_pg_params_text (&params, revoked_at);
  tamu_pg_params_int (&params, id);
  return tamu_pg_run (TAMU_PG (backend),
                      "UPDATE feeds SET revoked_at = $1::timestamptz WHERE id = $2::bigint",
                      &params, error);
}

static gboolean
pg_record_feed_fetch (TamuBackend *backend,
                      gint64       id,
                      const char  *fetched_at,
                      const char  *fetched_from,
                      GError     **error)
{
  g_auto(TamuPgParams) params = { 0 };

  tamu_pg_params_text (&params, fetched_at);
  tamu_pg_params_text (&params, fetched_from);
  tamu_pg_params_int (&params, id);
  return tamu_pg_run (TAMU_PG (backend),
                      "UPDATE feeds SET last_fetched_at = $1::timestamptz, last_fetched_from = $2"
                      " WHERE id = $3::bigint",
                      &params, error);
}

static char *
pg_dup_change_stamp (TamuBackend *backend,
                     GError     **error)
{
  g_autoptr(PGresult) result = NULL;
  g_autofree char *updated = NULL;

  /* Both are index probes: the audit's key and bookings_by_updated. */
  result = tamu_pg_exec (TAMU_PG (backend),
                         "SELECT (SELECT coalesce (max (id), 0) FROM audit),"
                         " (SELECT " TAMU_PG_ISO ("max (updated_at)") " FROM bookings)",
                         NULL, error);
  if (result == NULL)
    return NULL;
  updated = tamu_pg_dup_text (result, 0, 1);
  return g_strdup_printf ("%lld/%s", (long long) tamu_pg_get_int (result, 0, 0, 0),
                          updated != NULL ? updated : "");
}

void
tamu_pg_feeds_fill (TamuBackendClass *klass)
{
  klass->list_feeds = pg_list_feeds;
  klass->insert_feed = pg_insert_feed;
  klass->revoke_feed = pg_revoke_feed;
  klass->record_feed_fetch = pg_record_feed_fetch;
  klass->dup_change_stamp = pg_dup_change_stamp;
}
