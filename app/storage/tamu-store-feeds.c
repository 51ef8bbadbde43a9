/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tamu-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <string.h>
#include <unistd.h>

#include "tamu-error.h"
#include "tamu-store-feeds.h"
#include "tamu-store-private.h"

#define TOKEN_BYTES 32
#define NAME_MAX_CHARS 80

void
tamu_feed_free (TamuFeed *feed)
{
  if (feed == NULL)
    return;
  g_free (feed->name);
  g_free (feed->room);
  g_free (feed->token_hash);
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

/* The feed with @id, revoked or not; NULL with an error when there is none. */
static TamuFeed *
get_feed_by_id (TamuStore *self,
                gint64     id,
                GError   **error)
{
  g_autoptr(GPtrArray) feeds = TAMU_BACKEND_CALL (self, list_feeds, TRUE, error);

  if (feeds == NULL)
    return NULL;
  for (guint i = 0; i < feeds->len; i++)
    {
      TamuFeed *feed = g_ptr_array_index (feeds, i);

      if (feed->id == id)
        return g_ptr_array_steal_index (feeds, i);
    }
  g_set_error (error, TAMU_ERROR, TAMU_ERROR_NOT_FOUND, _("token: no such feed"));
  return NULL;
}

/* The live feed named @name, or NULL (no error) when there is none. */
static TamuFeed *
find_live_feed (TamuStore  *self,
                const char *name,
                GError    **error)
{
  g_autoptr(GPtrArray) feeds = TAMU_BACKEND_CALL (self, list_feeds, FALSE, error);

  if (feeds == NULL)
    return NULL;
  for (guint i = 0; i < feeds->len; i++)
    {
      TamuFeed *feed = g_ptr_array_index (feeds, i);

      if (g_strcmp0 (feed->name, name) == 0)
        return g_ptr_array_steal_index (feeds, i);
    }
  return NULL;
}

static char *
describe_filters (int         type,
                  const char *room)
{
  return g_strdup_printf ("type=%s room=%s",
                          type >= 0 ? tamu_booking_type_to_string (type) : "*",
                          room != NULL ? room : "*");
}

typedef struct
{
  TamuFeed *feed; /* name, filters, hash and time set; id set here */
} AddFeed;

static TamuWriteResult
add_feed (TamuStore *self,
          gpointer   user_data,
          GError   **error)
{
  AddFeed *data = user_data;
  TamuFeed *feed = data->feed;
  g_autoptr(TamuPolicy) policy = NULL;
  g_autoptr(TamuFeed) existing = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *filters = NULL;

  /* Names and rooms are the office's: one writer at a time. */
  if (!tamu_store_lock (self, TAMU_LOCK_OFFICE, 0, error))
    return TAMU_WRITE_FAILED;
  policy = tamu_store_load_policy (self, error);
  if (policy == NULL)
    return TAMU_WRITE_FAILED;
  if (feed->room != NULL && !tamu_policy_has_room (policy, feed->room))
    {
      g_autofree char *rooms = g_strjoinv (", ", policy->rooms);

      g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                   _("room: “%s” is not one of the rooms (%s)"), feed->room, rooms);
      return TAMU_WRITE_FAILED;
    }

  existing = find_live_feed (self, feed->name, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return TAMU_WRITE_FAILED;
    }
  if (existing != NULL)
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_REFUSED,
                   _("name: a feed named “%s” exists already (revoke it first for a new link)"),
                   feed->name);
      return TAMU_WRITE_FAILED;
    }

  if (!TAMU_BACKEND_CALL (self, insert_feed, feed, error))
    return TAMU_WRITE_FAILED;

  /* The audit names the feed and its filters, never the token or its hash. */
  filters = describe_filters (feed->type, feed->room);
  if (!tamu_store_audit (self, "feed", feed->id, "add", NULL, NULL, filters, error) ||
      !tamu_store_audit (self, "feed", feed->id, "add", "name", NULL, feed->name, error))
    return TAMU_WRITE_FAILED;
  return TAMU_WRITE_COMMIT;
}

TamuFeed *
tamu_store_add_feed (TamuStore  *self,
                     const char *name,
                     int         type,
                     const char *room,
                     char      **out_token,
                     GError    **error)
{
  g_autoptr(TamuFeed) feed = g_new0 (TamuFeed, 1);
  g_autofree char *token = NULL;
  AddFeed data = { feed };

  g_return_val_if_fail (TAMU_IS_STORE (self), NULL);
  g_return_val_if_fail (out_token != NULL, NULL);

  if (!check_name (name, error))
    return NULL;
  if (room != NULL && *room == '\0')
    room = NULL;

  token = new_token (error);
  if (token == NULL)
    return NULL;

  feed->name = g_strdup (name);
  feed->type = type;
  feed->room = g_strdup (room);
  feed->token_hash = hash_token (token);
  feed->created_at = tamu_store_dup_timestamp ();
  if (!tamu_store_write (self, add_feed, &data, error))
    return NULL;

  *out_token = g_steal_pointer (&token);
  return get_feed_by_id (self, feed->id, error);
}

GPtrArray *
tamu_store_list_feeds (TamuStore *self,
                       gboolean   include_revoked,
                       GError   **error)
{
  g_return_val_if_fail (TAMU_IS_STORE (self), NULL);

  return TAMU_BACKEND_CALL (self, list_feeds, include_revoked, error);
}

static TamuWriteResult
revoke_feed (TamuStore *self,
             gpointer   user_data,
             GError   **error)
{
  const char *name = user_data;
  g_autofree char *now = tamu_store_dup_timestamp ();
  g_autoptr(TamuFeed) feed = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!tamu_store_lock (self, TAMU_LOCK_OFFICE, 0, error))
    return TAMU_WRITE_FAILED;
  feed = find_live_feed (self, name, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return TAMU_WRITE_FAILED;
    }
  if (feed == NULL)
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_NOT_FOUND,
                   _("name: no live feed named “%s”"), name);
      return TAMU_WRITE_FAILED;
    }

  if (!TAMU_BACKEND_CALL (self, revoke_feed, feed->id, now, error) ||
      !tamu_store_audit (self, "feed", feed->id, "revoke", "name", name, NULL, error))
    return TAMU_WRITE_FAILED;
  return TAMU_WRITE_COMMIT;
}

gboolean
tamu_store_revoke_feed (TamuStore  *self,
                        const char *name,
                        GError    **error)
{
  g_return_val_if_fail (TAMU_IS_STORE (self), FALSE);

  return tamu_store_write (self, revoke_feed, (gpointer) (name != NULL ? name : ""), error);
}

typedef struct
{
  const char *name;
  TamuFeed   *feed; /* the new link: hash and time set; filters taken from the old one here */
} RenewFeed;

static TamuWriteResult
renew_feed (TamuStore *self,
            gpointer   user_data,
            GError   **error)
{
  RenewFeed *data = user_data;
  g_autoptr(TamuFeed) old = NULL;
  g_autoptr(GError) local_error = NULL;
  AddFeed add = { data->feed };

  if (!tamu_store_lock (self, TAMU_LOCK_OFFICE, 0, error))
    return TAMU_WRITE_FAILED;
  old = find_live_feed (self, data->name, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return TAMU_WRITE_FAILED;
    }
  if (old == NULL)
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_NOT_FOUND,
                   _("name: no live feed named “%s”"), data->name);
      return TAMU_WRITE_FAILED;
    }

  data->feed->type = old->type;
  g_free (data->feed->room);
  data->feed->room = g_strdup (old->room);
  /* One transaction: the old link never dies without the new one. */
  if (revoke_feed (self, (gpointer) data->name, error) == TAMU_WRITE_FAILED ||
      add_feed (self, &add, error) == TAMU_WRITE_FAILED)
    return TAMU_WRITE_FAILED;
  return TAMU_WRITE_COMMIT;
}

TamuFeed *
tamu_store_renew_feed (TamuStore  *self,
                       const char *name,
                       char      **out_token,
                       GError    **error)
{
  g_autoptr(TamuFeed) feed = g_new0 (TamuFeed, 1);
  g_autofree char *token = NULL;
  RenewFeed data = { name != NULL ? name : "", feed };

  g_return_val_if_fail (TAMU_IS_STORE (self), NULL);
  g_return_val_if_fail (out_token != NULL, NULL);

  token = new_token (error);
  if (token == NULL)
    return NULL;
  feed->name = g_strdup (data.name);
  feed->token_hash = hash_token (token);
  feed->created_at = tamu_store_dup_timestamp ();
  if (!tamu_store_write (self, renew_feed, &data, error))
    return NULL;

  *out_token = g_steal_pointer (&token);
  return get_feed_by_id (self, feed->id, error);
}

TamuFeed *
tamu_store_lookup_feed (TamuStore  *self,
                        const char *token,
                        GError    **error)
{
  g_autoptr(GPtrArray) feeds = NULL;
  g_autofree char *hash = NULL;
  TamuFeed *found = NULL;

  g_return_val_if_fail (TAMU_IS_STORE (self), NULL);

  if (!tamu_feed_token_is_well_formed (token))
    goto not_found;

  /* Every live hash is compared, each without an early exit, so the time
   * taken says nothing about how close a guess came.  Feeds are few. */
  hash = hash_token (token);
  feeds = TAMU_BACKEND_CALL (self, list_feeds, FALSE, error);
  if (feeds == NULL)
    return NULL;
  for (guint i = 0; i < feeds->len; i++)
    {
      TamuFeed *feed = g_ptr_array_index (feeds, i);

      if (feed->token_hash != NULL && equal_constant_time (feed->token_hash, hash) && found == NULL)
        found = feed;
    }
  if (found != NULL)
    return get_feed_by_id (self, found->id, error);

not_found:
  g_set_error (error, TAMU_ERROR, TAMU_ERROR_NOT_FOUND, _("token: no such feed"));
  return NULL;
}

typedef struct
{
  gint64      id;
  const char *from;
} RecordFetch;

static TamuWriteResult
record_fetch (TamuStore *self,
              gpointer   user_data,
              GError   **error)
{
  RecordFetch *data = user_data;
  g_autofree char *now = tamu_store_dup_timestamp ();

  if (!TAMU_BACKEND_CALL (self, record_feed_fetch, data->id, now, data->from, error))
    return TAMU_WRITE_FAILED;
  /* Not audited and no ::changed: a poll is not a change of data. */
  return TAMU_WRITE_COMMIT_QUIETLY;
}

gboolean
tamu_store_record_feed_fetch (TamuStore  *self,
                              gint64      id,
                              const char *from,
                              GError    **error)
{
  RecordFetch data = { id, from };

  g_return_val_if_fail (TAMU_IS_STORE (self), FALSE);

  return tamu_store_write (self, record_fetch, &data, error);
}

char *
tamu_store_dup_change_stamp (TamuStore *self,
                             GError   **error)
{
  g_return_val_if_fail (TAMU_IS_STORE (self), NULL);

  return TAMU_BACKEND_CALL (self, dup_change_stamp, error);
}
