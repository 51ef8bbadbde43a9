/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tamu-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <string.h>
#include <unistd.h>

#include "tamu-store-feeds.h"
#include "tamu-store-private.h"

#include "tamu-error.h"

#define TOKEN_BYTES 32
#define NAME_MAX_CHARS 80

void
tamu_feed_free (TamuFeed *feed)
{
  if (feed == NULL)
    return;
  g_free (feed->name);
  g_free (feed->room);
  g_free (feed->created_at);
  g_free (feed->revoked_at);
  g_free (feed->last_fetched_at);
  g_free (feed->last_fetched_from);
  g_free (feed);
}

gboolean
tamu_feed_token_is_well_formed (const char *token)
{
  if (token == NULL || strlen (token) != TAMU_FEED_TOKEN_LENGTH)
    return FALSE;
  for (const char *p = token; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
      return FALSE;
  return TRUE;
}

/* 32 bytes from the kernel's CSPRNG (GLib's g_random is not one). */
static gboolean
read_random (guint8  *buffer,
             gsize    length,
             GError **error)
{
  gsize done = 0;
  int fd = open ("/dev/urandom", O_RDONLY | O_CLOEXEC);

  if (fd < 0)
    goto failed;
  while (done < length)
    {
      ssize_t n = read (fd, buffer + done, length - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          close (fd);
          goto failed;
        }
      done += (gsize) n;
    }
  close (fd);
  return TRUE;

failed:
  g_set_error (error, TAMU_ERROR, TAMU_ERROR_FAILED,
               _("token: no random bytes from /dev/urandom: %s"), g_strerror (errno));
  return FALSE;
}

static char *
new_token (GError **error)
{
  guint8 bytes[TOKEN_BYTES];
  g_autofree char *base64 = NULL;
  GString *token;

  if (!read_random (bytes, sizeof bytes, error))
    return NULL;
  base64 = g_base64_encode (bytes, sizeof bytes);
  memset (bytes, 0, sizeof bytes);

  /* base64url without padding: safe in a URL path as it stands. */
  token = g_string_new (NULL);
  for (const char *p = base64; *p != '\0'; p++)
    {
      if (*p == '+')
        g_string_append_c (token, '-');
      else if (*p == '/')
        g_string_append_c (token, '_');
      else if (*p != '=')
        g_string_append_c (token, *p);
    }
  g_assert (token->len == TAMU_FEED_TOKEN_LENGTH);
  return g_string_free (token, FALSE);
}

static char *
hash_token (const char *token)
{
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, token, -1);
}

/* Equal-length strings compared without an early exit. */
static gboolean
equal_constant_time (const char *a,
                     const char *b)
{
  gsize length = strlen (a);
  guint8 diff = 0;

  if (length != strlen (b))
    return FALSE;
  for (gsize i = 0; i < length; i++)
    diff |= (guint8) (a[i] ^ b[i]);
  return diff == 0;
}

static gboolean
check_name (const char *name,
            GError    **error)
{
  if (name == NULL || *name == '\0' || g_ascii_isspace (*name))
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                   _("name: a feed needs a name that does not start with a space"));
      return FALSE;
    }
  if (!g_utf8_validate (name, -1, NULL) || g_utf8_strlen (name, -1) > NAME_MAX_CHARS)
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                   _("name: at most %d characters of UTF-8 text"), NAME_MAX_CHARS);
      return FALSE;
    }
  for (const char *p = name; *p != '\0'; p++)
    if ((guchar) *p < 0x20 || *p == 0x7F)
      {
        g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                     _("name: control characters are not allowed"));
        return FALSE;
      }
  return TRUE;
}

static TamuFeed *
feed_from_row (sqlite3_stmt *stmt)
{
  TamuFeed *feed = g_new0 (TamuFeed, 1);
  g_autofree char *type = NULL;
  TamuBookingType parsed;

  feed->id = sqlite3_column_int64 (stmt, 0);
  feed->name = tamu_store_dup_column_text (stmt, 1);
  type = tamu_store_dup_column_text (stmt, 2);
  feed->type = type != NULL && tamu_booking_type_from_string (type, &parsed) ? (int) parsed : -1;
  feed->room = tamu_store_dup_column_text (stmt, 3);
  feed->created_at = tamu_store_dup_column_text (stmt, 4);
  feed->revoked_at = tamu_store_dup_column_text (stmt, 5);
  feed->last_fetched_at = tamu_store_dup_column_text (stmt, 6);
  feed->last_fetched_from = tamu_store_dup_column_text (stmt, 7);
  return feed;
}

#define FEED_COLUMNS "id, name, type, room, created_at, revoked_at, last_fetched_at, last_fetched_from"

static TamuFeed *
get_feed_by_id (TamuStore *self,
                gint64     id,
                GError   **error)
{
  sqlite3_stmt *stmt = tamu_store_prepare (self, "SELECT " FEED_COLUMNS " FROM feeds WHERE id = ?",
                                           error);
  TamuFeed *feed;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      tamu_store_set_error (self, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  feed = feed_from_row (stmt);
  /* A statement left on a row keeps its read snapshot open. */
  sqlite3_reset (stmt);
  return feed;
}

static char *
describe_filters (int         type,
                  const char *room)
{
  return g_strdup_printf ("type=%s room=%s",
                          type >= 0 ? tamu_booking_type_to_string (type) : "*",
                          room != NULL ? room : "*");
}

TamuFeed *
tamu_store_add_feed (TamuStore  *self,
                     const char *name,
                     int         type,
                     const char *room,
                     char      **out_token,
                     GError    **error)
{
  g_autoptr(TamuPolicy) policy = NULL;
  g_autofree char *token = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *now = tamu_store_dup_timestamp ();
  g_autofree char *filters = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (TAMU_IS_STORE (self), NULL);
  g_return_val_if_fail (out_token != NULL, NULL);

  if (!check_name (name, error))
    return NULL;
  if (room != NULL && *room == '\0')
    room = NULL;

  token = new_token (error);
  if (token == NULL)
    return NULL;
  hash = hash_token (token);

  if (!tamu_store_begin (self, error))
    return NULL;

  policy = tamu_store_load_policy (self, error);
  if (policy == NULL)
    goto failed;
  if (room != NULL && !tamu_policy_has_room (policy, room))
    {
      g_autofree char *rooms = g_strjoinv (", ", policy->rooms);

      g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                   _("room: “%s” is not one of the rooms (%s)"), room, rooms);
      goto failed;
    }

  stmt = tamu_store_prepare (self, "SELECT 1 FROM feeds WHERE name = ? AND revoked_at IS NULL", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_REFUSED,
                   _("name: a feed named “%s” exists already (revoke it first for a new link)"), name);
      goto failed;
    }

  stmt = tamu_store_prepare (self,
                             "INSERT INTO feeds (name, type, room, token_hash, created_at) "
                             "VALUES (?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  tamu_store_bind_text (stmt, 2, type >= 0 ? tamu_booking_type_to_string (type) : NULL);
  tamu_store_bind_text (stmt, 3, room);
  sqlite3_bind_text (stmt, 4, hash, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      tamu_store_set_error (self, error);
      goto failed;
    }
  id = sqlite3_last_insert_rowid (self->db);

  /* The audit names the feed and its filters, never the token or its hash. */
  filters = describe_filters (type, room);
  if (!tamu_store_audit (self, "feed", id, "add", NULL, NULL, filters, error) ||
      !tamu_store_audit (self, "feed", id, "add", "name", NULL, name, error) ||
      !tamu_store_commit (self, error))
    goto failed;

  tamu_store_emit_changed (self);
  *out_token = g_steal_pointer (&token);
  return get_feed_by_id (self, id, error);

failed:
  tamu_store_rollback (self);
  return NULL;
}

GPtrArray *
tamu_store_list_feeds (TamuStore *self,
                       gboolean   include_revoked,
                       GError   **error)
{
  g_autoptr(GPtrArray) feeds = g_ptr_array_new_with_free_func ((GDestroyNotify) tamu_feed_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TAMU_IS_STORE (self), NULL);

  stmt = tamu_store_prepare (self,
                             "SELECT " FEED_COLUMNS " FROM feeds "
                             "WHERE ? OR revoked_at IS NULL ORDER BY name, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, include_revoked ? 1 : 0);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (feeds, feed_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      tamu_store_set_error (self, error);
      return NULL;
    }
  return g_steal_pointer (&feeds);
}

gboolean
tamu_store_revoke_feed (TamuStore  *self,
                        const char *name,
                        GError    **error)
{
  g_autofree char *now = tamu_store_dup_timestamp ();
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (TAMU_IS_STORE (self), FALSE);

  if (!tamu_store_begin (self, error))
    return FALSE;

  stmt = tamu_store_prepare (self, "SELECT id FROM feeds WHERE name = ? AND revoked_at IS NULL", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, name != NULL ? name : "", -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_NOT_FOUND,
                   _("name: no live feed named “%s”"), name != NULL ? name : "");
      goto failed;
    }
  id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  stmt = tamu_store_prepare (self, "UPDATE feeds SET revoked_at = ? WHERE id = ?", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      tamu_store_set_error (self, error);
      goto failed;
    }

  if (!tamu_store_audit (self, "feed", id, "revoke", "name", name, NULL, error) ||
      !tamu_store_commit (self, error))
    goto failed;

  tamu_store_emit_changed (self);
  return TRUE;

failed:
  tamu_store_rollback (self);
  return FALSE;
}

TamuFeed *
tamu_store_renew_feed (TamuStore  *self,
                       const char *name,
                       char      **out_token,
                       GError    **error)
{
  g_autoptr(GPtrArray) feeds = NULL;
  TamuFeed *old = NULL;
  TamuFeed *renewed;

  g_return_val_if_fail (TAMU_IS_STORE (self), NULL);
  g_return_val_if_fail (out_token != NULL, NULL);

  if (!tamu_store_begin (self, error))
    return NULL;
  feeds = tamu_store_list_feeds (self, FALSE, error);
  for (guint i = 0; feeds != NULL && i < feeds->len; i++)
    if (g_strcmp0 (((TamuFeed *) g_ptr_array_index (feeds, i))->name, name) == 0)
      old = g_ptr_array_index (feeds, i);
  if (feeds == NULL)
    goto failed;
  if (old == NULL)
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_NOT_FOUND,
                   _("name: no live feed named “%s”"), name != NULL ? name : "");
      goto failed;
    }

  /* One transaction: the old link never dies without the new one. */
  if (!tamu_store_revoke_feed (self, name, error) ||
      (renewed = tamu_store_add_feed (self, name, old->type, old->room, out_token, error)) == NULL)
    goto failed;
  if (!tamu_store_commit (self, error))
    {
      g_clear_pointer (out_token, g_free);
      tamu_feed_free (renewed);
      goto failed;
    }
  return renewed;

failed:
  tamu_store_rollback (self);
  return NULL;
}

TamuFeed *
tamu_store_lookup_feed (TamuStore  *self,
                        const char *token,
                        GError    **error)
{
  g_autofree char *hash = NULL;
  sqlite3_stmt *stmt;
  gint64 found = 0;
  int rc;

  g_return_val_if_fail (TAMU_IS_STORE (self), NULL);

  if (!tamu_feed_token_is_well_formed (token))
    goto not_found;

  /* Every live hash is compared, each without an early exit, so the time
   * taken says nothing about how close a guess came.  Feeds are few. */
  hash = hash_token (token);
  stmt = tamu_store_prepare (self, "SELECT id, token_hash FROM feeds WHERE revoked_at IS NULL", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *stored = (const char *) sqlite3_column_text (stmt, 1);

      if (stored != NULL && equal_constant_time (stored, hash) && found == 0)
        found = sqlite3_column_int64 (stmt, 0);
    }
  if (rc != SQLITE_DONE)
    {
      tamu_store_set_error (self, error);
      return NULL;
    }
  if (found != 0)
    return get_feed_by_id (self, found, error);

not_found:
  g_set_error (error, TAMU_ERROR, TAMU_ERROR_NOT_FOUND, _("token: no such feed"));
  return NULL;
}

gboolean
tamu_store_record_feed_fetch (TamuStore  *self,
                              gint64      id,
                              const char *from,
                              GError    **error)
{
  g_autofree char *now = tamu_store_dup_timestamp ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TAMU_IS_STORE (self), FALSE);

  if (!tamu_store_begin (self, error))
    return FALSE;
  stmt = tamu_store_prepare (self,
                             "UPDATE feeds SET last_fetched_at = ?, last_fetched_from = ? WHERE id = ?",
                             error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
  tamu_store_bind_text (stmt, 2, from);
  sqlite3_bind_int64 (stmt, 3, id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      tamu_store_set_error (self, error);
      goto failed;
    }
  return tamu_store_commit (self, error);

failed:
  tamu_store_rollback (self);
  return FALSE;
}

char *
tamu_store_dup_change_stamp (TamuStore *self,
                             GError   **error)
{
  sqlite3_stmt *stmt;
  char *stamp;

  g_return_val_if_fail (TAMU_IS_STORE (self), NULL);

  /* Both are index probes: the audit's rowid and bookings_by_updated. */
  stmt = tamu_store_prepare (self,
                             "SELECT (SELECT ifnull (max (id), 0) FROM audit), "
                             "(SELECT ifnull (max (updated_at), '') FROM bookings)", error);
  if (stmt == NULL)
    return NULL;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      tamu_store_set_error (self, error);
      return NULL;
    }
  stamp = g_strdup_printf ("%lld/%s", (long long) sqlite3_column_int64 (stmt, 0),
                           (const char *) sqlite3_column_text (stmt, 1));
  sqlite3_reset (stmt);
  return stamp;
}
