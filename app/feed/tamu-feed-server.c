/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tamu-feed"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>
#include <string.h>
#include <sys/socket.h>

#include "tamu-feed-server.h"
#include "tamu-feed-render.h"

#include "tamu-error.h"
#include "tamu-store-feeds.h"

/* A client idle this long (no byte in or out) is dropped. */
#define IDLE_TIMEOUT_SECONDS 30
/* No connection lives longer, however busy: bounds a client that trickles
 * its headers one byte at a time. */
#define MAX_CONNECTION_SECONDS 300
#define MAX_HEADERS 50
#define LISTEN_BACKLOG 512
/* How often ended connections are looked for when none is arriving. */
#define REAP_SECONDS 5
#define MAX_URI_LENGTH 512
/* The last fetch of a feed is written at most this often. */
#define RECORD_FETCH_SECONDS 60

#define FEED_PREFIX "/feed/"
#define FEED_SUFFIX ".ics"

struct _TamuFeedServer
{
  GObject          parent_instance;

  TamuStore       *store;
  int              reminder_minutes;
  guint            max_connections;
  guint            active;      /* open connections within the cap */
  GTlsCertificate *tls;
  SoupServer      *soup;
  gboolean         listening;
  guint16          port;
  char            *host;
  GHashTable      *connections; /* GSocket* → Connection */
  guint            reap_id;
  GHashTable      *cache;       /* feed id → Cached */
  GHashTable      *recorded;    /* feed id → monotonic µs of the last write */
};

G_DEFINE_FINAL_TYPE (TamuFeedServer, tamu_feed_server, G_TYPE_OBJECT)

typedef struct
{
  char   *etag;
  GBytes *body;
} Cached;

static void
cached_free (Cached *cached)
{
  g_free (cached->etag);
  g_bytes_unref (cached->body);
  g_free (cached);
}

typedef struct
{
  TamuFeedServer *self;
  GSocket        *socket;    /* a reference */
  guint           lifetime_id;
  gboolean        over_cap;  /* answered 503, then closed */
  gboolean        busy;      /* a request is being answered */
  gint64          last_active; /* monotonic µs: opened, or last request done */
} Connection;

/* ---- requests ------------------------------------------------------- */

static gboolean
method_allowed (const char *method)
{
  return g_str_equal (method, SOUP_METHOD_GET) || g_str_equal (method, SOUP_METHOD_HEAD);
}

/* The token of "/feed/TOKEN.ics", nothing else: no extra segment, no
 * encoding, no dot-segments (a token has none of those characters). */
static char *
dup_token_from_path (const char *path)
{
  gsize length;

  if (path == NULL || !g_str_has_prefix (path, FEED_PREFIX) || !g_str_has_suffix (path, FEED_SUFFIX))
    return NULL;
  length = strlen (path) - strlen (FEED_PREFIX) - strlen (FEED_SUFFIX);
  if (length != TAMU_FEED_TOKEN_LENGTH)
    return NULL;
  return g_strndup (path + strlen (FEED_PREFIX), length);
}

static gboolean
etag_matches (const char *if_none_match,
              const char *etag)
{
  g_auto(GStrv) tags = NULL;

  if (if_none_match == NULL)
    return FALSE;
  tags = g_strsplit (if_none_match, ",", -1);
  for (guint i = 0; tags[i] != NULL; i++)
    {
      const char *tag = g_strstrip (tags[i]);

      if (g_str_equal (tag, "*") || g_str_equal (tag, etag))
        return TRUE;
    }
  return FALSE;
}

static void
count_header_cb (const char *name,
                 const char *value,
                 gpointer    user_data)
{
  (*(guint *) user_data)++;
}

/* Before the body is read: refuse what a feed request never is, so a
 * client cannot make the server read or buffer a body. */
static void
got_headers_cb (SoupServerMessage *msg,
                gpointer           user_data)
{
  TamuFeedServer *self = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  g_autofree char *uri = g_uri_to_string (soup_server_message_get_uri (msg));
  GSocket *socket = soup_server_message_get_socket (msg);
  Connection *conn = socket != NULL ? g_hash_table_lookup (self->connections, socket) : NULL;
  guint count = 0;

  if (conn != NULL)
    conn->busy = TRUE;
  soup_message_headers_foreach (headers, count_header_cb, &count);

  if (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (msg), "tamu-over-cap")))
    {
      soup_server_message_set_status (msg, SOUP_STATUS_SERVICE_UNAVAILABLE, NULL);
      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Retry-After", "60");
    }
  else if (!method_allowed (soup_server_message_get_method (msg)))
    {
      soup_server_message_set_status (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, NULL);
      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Allow", "GET, HEAD");
    }
  else if (count > MAX_HEADERS)
    soup_server_message_set_status (msg, 431, "Request Header Fields Too Large");
  else if (uri != NULL && strlen (uri) > MAX_URI_LENGTH)
    soup_server_message_set_status (msg, SOUP_STATUS_REQUEST_URI_TOO_LONG, NULL);
  else if (soup_message_headers_get_content_length (headers) > 0 ||
           soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CHUNKED)
    soup_server_message_set_status (msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, NULL);
  else
    return;

  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Connection", "close");
}

static gboolean
lifetime_over_cb (gpointer user_data)
{
  Connection *conn = user_data;

  conn->lifetime_id = 0;
  g_debug ("closing a connection open for %d s", MAX_CONNECTION_SECONDS);
  g_socket_shutdown (conn->socket, TRUE, TRUE, NULL);
  return G_SOURCE_REMOVE;
}

static void
connection_free (Connection *conn)
{
  g_clear_handle_id (&conn->lifetime_id, g_source_remove);
  g_object_unref (conn->socket);
  g_free (conn);
}

/* Whether the client has closed its end: readable, and a peek reads EOF. */
static gboolean
peer_closed (GSocket *socket)
{
  GIOCondition condition = g_socket_condition_check (socket, G_IO_IN | G_IO_HUP | G_IO_ERR);
  char byte;

  if (condition & (G_IO_HUP | G_IO_ERR))
    return TRUE;
  if (!(condition & G_IO_IN))
    return FALSE;
  return recv (g_socket_get_fd (socket), &byte, 1, MSG_PEEK | MSG_DONTWAIT) == 0;
}

/*
 * Counts out connections that have ended.  libsoup 3.2 closes a socket when
 * it ends a connection, but between two requests of a keep-alive
 * connection it notices neither a client that closed (the socket stays in
 * CLOSE-WAIT for good) nor one that stays idle (its time-out never fires):
 * both are closed here, so neither the cap nor the file descriptors fill
 * up with clients long gone or holding a connection open.
 */
static void
forget_closed_connections (TamuFeedServer *self)
{
  gint64 now = g_get_monotonic_time ();
  GHashTableIter iter;
  gpointer socket, value;

  g_hash_table_iter_init (&iter, self->connections);
  while (g_hash_table_iter_next (&iter, &socket, &value))
    {
      Connection *conn = value;

      if (!g_socket_is_closed (socket))
        {
          /* A connection answering a request is left alone: libsoup ends
           * it.  Between requests, one the client closed or left idle too
           * long is closed here. */
          if (conn->busy ||
              (!peer_closed (socket) && now - conn->last_active < IDLE_TIMEOUT_SECONDS * G_USEC_PER_SEC))
            continue;
          g_socket_shutdown (socket, TRUE, TRUE, NULL);
          g_socket_close (socket, NULL);
        }
      if (!conn->over_cap)
        self->active--;
      g_hash_table_iter_remove (&iter);
    }
}

static gboolean
reap_cb (gpointer user_data)
{
  forget_closed_connections (user_data);
  return G_SOURCE_CONTINUE;
}

static void
request_done_cb (SoupServer        *soup,
                 SoupServerMessage *msg,
                 gpointer           user_data)
{
  TamuFeedServer *self = user_data;
  GSocket *socket = soup_server_message_get_socket (msg);
  Connection *conn = socket != NULL ? g_hash_table_lookup (self->connections, socket) : NULL;

  if (conn != NULL)
    {
      conn->busy = FALSE;
      conn->last_active = g_get_monotonic_time ();
    }
}

/* Every message of a connection starts here, the first one before a byte
 * is read: a socket not seen before is a new connection. */
static void
request_started_cb (SoupServer        *soup,
                    SoupServerMessage *msg,
                    gpointer           user_data)
{
  TamuFeedServer *self = user_data;
  GSocket *socket = soup_server_message_get_socket (msg);
  Connection *conn = socket != NULL ? g_hash_table_lookup (self->connections, socket) : NULL;

  if (socket != NULL && conn == NULL)
    {
      forget_closed_connections (self);
      conn = g_new0 (Connection, 1);
      conn->self = self;
      conn->socket = g_object_ref (socket);
      conn->over_cap = self->active >= self->max_connections;
      conn->last_active = g_get_monotonic_time ();
      if (!conn->over_cap)
        self->active++;
      g_socket_set_timeout (socket, IDLE_TIMEOUT_SECONDS);
      conn->lifetime_id = g_timeout_add_seconds (conn->over_cap ? IDLE_TIMEOUT_SECONDS : MAX_CONNECTION_SECONDS,
                                                 lifetime_over_cb, conn);
      g_hash_table_insert (self->connections, socket, conn);
    }
  if (conn != NULL && conn->over_cap)
    g_object_set_data (G_OBJECT (msg), "tamu-over-cap", GINT_TO_POINTER (TRUE));

  g_signal_connect (msg, "got-headers", G_CALLBACK (got_headers_cb), self);
}

static void
maybe_record_fetch (TamuFeedServer *self,
                    TamuFeed       *feed,
                    const char     *peer)
{
  g_autoptr(GError) error = NULL;
  gint64 now = g_get_monotonic_time ();
  gpointer last;

  /* Outlook polls every few minutes from every desk: one write a minute
   * per feed at most, not one per request. */
  if (g_hash_table_lookup_extended (self->recorded, &feed->id, NULL, &last) &&
      now - *(gint64 *) last < RECORD_FETCH_SECONDS * G_USEC_PER_SEC)
    return;

  if (!tamu_store_record_feed_fetch (self->store, feed->id, peer, &error))
    {
      g_warning ("feed “%s”: cannot record the fetch: %s", feed->name, error->message);
      return;
    }
  g_hash_table_insert (self->recorded, g_memdup2 (&feed->id, sizeof feed->id),
                       g_memdup2 (&now, sizeof now));
}

static GBytes *
get_body (TamuFeedServer *self,
          TamuFeed       *feed,
          const char     *etag,
          GError        **error)
{
  Cached *cached = g_hash_table_lookup (self->cache, &feed->id);
  GBytes *body;

  if (cached != NULL && g_str_equal (cached->etag, etag))
    return g_bytes_ref (cached->body);

  body = tamu_feed_render (self->store, feed, self->reminder_minutes, error);
  if (body == NULL)
    return NULL;
  cached = g_new0 (Cached, 1);
  cached->etag = g_strdup (etag);
  cached->body = g_bytes_ref (body);
  g_hash_table_insert (self->cache, g_memdup2 (&feed->id, sizeof feed->id), cached);
  return body;
}

static void
serve_feed (TamuFeedServer    *self,
            SoupServerMessage *msg,
            const char        *token)
{
  SoupMessageHeaders *response = soup_server_message_get_response_headers (msg);
  const char *peer = soup_server_message_get_remote_host (msg);
  g_autoptr(TamuFeed) feed = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autofree char *etag = NULL;

  feed = tamu_store_lookup_feed (self->store, token, &error);
  if (feed == NULL)
    {
      if (!g_error_matches (error, TAMU_ERROR, TAMU_ERROR_NOT_FOUND))
        {
          g_warning ("feed lookup failed: %s", error->message);
          soup_server_message_set_status (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, NULL);
          return;
        }
      g_debug ("404 to %s: unknown or revoked token", peer);
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
      return;
    }

  etag = tamu_feed_dup_etag (self->store, feed, self->reminder_minutes, &error);
  if (etag == NULL)
    goto failed;

  soup_message_headers_replace (response, "ETag", etag);
  soup_message_headers_replace (response, "Cache-Control", "private, max-age=0, must-revalidate");
  soup_message_headers_replace (response, "X-Content-Type-Options", "nosniff");
  maybe_record_fetch (self, feed, peer);

  if (etag_matches (soup_message_headers_get_list (soup_server_message_get_request_headers (msg),
                                                   "If-None-Match"), etag))
    {
      g_debug ("feed “%s”: 304 to %s", feed->name, peer);
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_MODIFIED, NULL);
      return;
    }

  body = get_body (self, feed, etag, &error);
  if (body == NULL)
    goto failed;

  soup_message_headers_replace (response, "Content-Type", "text/calendar; charset=utf-8");
  soup_message_body_append_bytes (soup_server_message_get_response_body (msg), body);
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  g_debug ("feed “%s”: 200 to %s, %" G_GSIZE_FORMAT " bytes", feed->name, peer, g_bytes_get_size (body));
  return;

failed:
  g_warning ("feed “%s”: %s", feed->name, error->message);
  soup_server_message_set_status (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, NULL);
}

static void
handle_cb (SoupServer        *soup,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  TamuFeedServer *self = user_data;
  GUri *uri = soup_server_message_get_uri (msg);
  g_autofree char *token = NULL;

  /* got_headers_cb has answered what it refused. */
  if (soup_server_message_get_status (msg) != 0)
    return;

  if (!method_allowed (soup_server_message_get_method (msg)))
    {
      soup_server_message_set_status (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, NULL);
      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Allow", "GET, HEAD");
      return;
    }

  /* The path is raw (not decoded): anything but the exact feed path,
   * with no query and no fragment, is 404 — and never logged, since a
   * path may hold a token. */
  token = dup_token_from_path (path);
  if (token == NULL || g_uri_get_query (uri) != NULL || g_uri_get_fragment (uri) != NULL)
    {
      g_debug ("404 to %s: not a feed path", soup_server_message_get_remote_host (msg));
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
      return;
    }

  serve_feed (self, msg, token);
}

/* ---- the object ----------------------------------------------------- */

static void
tamu_feed_server_dispose (GObject *object)
{
  TamuFeedServer *self = TAMU_FEED_SERVER (object);

  tamu_feed_server_stop (self);
  g_clear_object (&self->soup);
  g_clear_object (&self->tls);
  g_clear_object (&self->store);
  g_clear_pointer (&self->cache, g_hash_table_unref);
  g_clear_pointer (&self->connections, g_hash_table_unref);
  g_clear_pointer (&self->recorded, g_hash_table_unref);
  g_clear_pointer (&self->host, g_free);

  G_OBJECT_CLASS (tamu_feed_server_parent_class)->dispose (object);
}

static void
tamu_feed_server_class_init (TamuFeedServerClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = tamu_feed_server_dispose;
}

static void
tamu_feed_server_init (TamuFeedServer *self)
{
  self->max_connections = TAMU_FEED_DEFAULT_MAX_CONNECTIONS;
  self->connections = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) connection_free);
  self->cache = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) cached_free);
  self->recorded = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
}

TamuFeedServer *
tamu_feed_server_new (TamuStore *store,
                      int        reminder_minutes)
{
  TamuFeedServer *self;

  g_return_val_if_fail (TAMU_IS_STORE (store), NULL);

  self = g_object_new (TAMU_TYPE_FEED_SERVER, NULL);
  self->store = g_object_ref (store);
  self->reminder_minutes = reminder_minutes;
  return self;
}

void
tamu_feed_server_set_max_connections (TamuFeedServer *self,
                                      guint           max_connections)
{
  g_return_if_fail (TAMU_IS_FEED_SERVER (self));
  g_return_if_fail (max_connections > 0);

  self->max_connections = max_connections;
}

gboolean
tamu_feed_server_set_tls_files (TamuFeedServer *self,
                                const char     *cert_file,
                                const char     *key_file,
                                GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  GTlsCertificate *tls;

  g_return_val_if_fail (TAMU_IS_FEED_SERVER (self), FALSE);

  tls = g_tls_certificate_new_from_files (cert_file, key_file, &local_error);
  if (tls == NULL)
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                   _("tls-cert: cannot use %s and %s: %s"), cert_file, key_file, local_error->message);
      return FALSE;
    }
  g_clear_object (&self->tls);
  self->tls = tls;
  return TRUE;
}

static gboolean
parse_address (const char    *text,
               GInetAddress **out_address,
               guint16       *out_port,
               GError       **error)
{
  g_autofree char *host = NULL;
  const char *colon;
  guint64 port;
  char *end = NULL;

  if (text == NULL)
    goto invalid;
  colon = strrchr (text, ':');
  if (colon == NULL || colon == text)
    goto invalid;
  if (text[0] == '[')
    {
      if (colon[-1] != ']')
        goto invalid;
      host = g_strndup (text + 1, colon - text - 2);
    }
  else
    host = g_strndup (text, colon - text);

  port = g_ascii_strtoull (colon + 1, &end, 10);
  if (colon[1] == '\0' || *end != '\0' || port > 65535)
    goto invalid;
  *out_address = g_inet_address_new_from_string (host);
  if (*out_address == NULL)
    goto invalid;
  *out_port = (guint16) port;
  return TRUE;

invalid:
  g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
               _("listen: “%s” is not ADDRESS:PORT (127.0.0.1:8787, or 0.0.0.0:8787 for the office network)"),
               text != NULL ? text : "");
  return FALSE;
}

gboolean
tamu_feed_server_listen (TamuFeedServer *self,
                         const char     *address,
                         GError        **error)
{
  g_autoptr(GInetAddress) inet = NULL;
  g_autoptr(GSocketAddress) socket_address = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GSocket) listener = NULL;
  g_autoptr(GSocketAddress) bound = NULL;
  guint16 port;

  g_return_val_if_fail (TAMU_IS_FEED_SERVER (self), FALSE);
  g_return_val_if_fail (!self->listening, FALSE);

  if (!parse_address (address, &inet, &port, error))
    return FALSE;

  if (self->soup == NULL)
    {
      /* raw-paths: the handler sees the path as sent, not decoded. */
      self->soup = g_object_new (SOUP_TYPE_SERVER, "server-header", "Tamu", "raw-paths", TRUE,
                                 "tls-certificate", self->tls, NULL);
      soup_server_add_handler (self->soup, NULL, handle_cb, self, NULL);
      g_signal_connect (self->soup, "request-started", G_CALLBACK (request_started_cb), self);
      g_signal_connect (self->soup, "request-finished", G_CALLBACK (request_done_cb), self);
      g_signal_connect (self->soup, "request-aborted", G_CALLBACK (request_done_cb), self);
    }

  /* Our own socket for a deeper accept queue than GLib's 10: after a
   * burst of reconnections (every desk's Outlook at 08:00) the kernel
   * would otherwise drop SYNs and clients wait seconds to connect. */
  socket_address = g_inet_socket_address_new (inet, port);
  listener = g_socket_new (g_inet_address_get_family (inet), G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP,
                           &local_error);
  if (listener != NULL)
    g_socket_set_listen_backlog (listener, LISTEN_BACKLOG);
  if (listener == NULL ||
      !g_socket_bind (listener, socket_address, TRUE, &local_error) ||
      !g_socket_listen (listener, &local_error) ||
      !soup_server_listen_socket (self->soup, listener, self->tls != NULL ? SOUP_SERVER_LISTEN_HTTPS : 0,
                                  &local_error))
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_FAILED,
                   _("listen: cannot listen on %s: %s"), address, local_error->message);
      return FALSE;
    }
  bound = g_socket_get_local_address (listener, NULL);
  self->port = bound != NULL ? g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)) : port;
  g_free (self->host);
  self->host = g_inet_address_to_string (inet);
  self->listening = TRUE;
  self->reap_id = g_timeout_add_seconds (REAP_SECONDS, reap_cb, self);
  return TRUE;
}

guint16
tamu_feed_server_get_port (TamuFeedServer *self)
{
  g_return_val_if_fail (TAMU_IS_FEED_SERVER (self), 0);

  return self->listening ? self->port : 0;
}

char *
tamu_feed_server_dup_url (TamuFeedServer *self)
{
  g_return_val_if_fail (TAMU_IS_FEED_SERVER (self), NULL);

  if (self->host == NULL)
    return NULL;
  return g_strdup_printf (strchr (self->host, ':') != NULL ? "%s://[%s]:%u" : "%s://%s:%u",
                          self->tls != NULL ? "https" : "http", self->host, self->port);
}

void
tamu_feed_server_stop (TamuFeedServer *self)
{
  g_return_if_fail (TAMU_IS_FEED_SERVER (self));

  g_clear_handle_id (&self->reap_id, g_source_remove);
  if (self->soup != NULL)
    soup_server_disconnect (self->soup);
  self->listening = FALSE;
}
