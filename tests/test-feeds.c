/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "tamu-test-db.h"
#include "tamu-error.h"
#include "tamu-feed-render.h"
#include "tamu-parse.h"
#include "tamu-store-feeds.h"
#include "tamu-store-private.h"

/* The feed store verbs and the feed body, on a real SQLite file. */

typedef struct
{
  TamuTestDb *db;   /* on the backend TAMU_TEST_DB names */
  const char *path; /* its address */
  TamuStore  *store;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  g_setenv ("TAMU_NOW", "2024-03-01T08:00", TRUE);
  f->db = tamu_test_db_new ();
  f->path = f->db->address;
  f->store = tamu_store_open (f->path, &error);
  g_assert_no_error (error);
  tamu_store_set_actor (f->store, "siti");
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  g_clear_pointer (&f->db, tamu_test_db_free);
}

static TamuBooking *
add_visit (TamuStore  *store,
           const char *date,
           const char *time,
           const char *room)
{
  g_autoptr(TamuBooking) b = tamu_booking_new ();
  g_autoptr(GError) error = NULL;
  TamuBooking *stored;

  b->type = TAMU_BOOKING_TATAP_MUKA;
  g_assert_true (tamu_parse_date ("date", date, &b->date, NULL));
  g_assert_true (tamu_parse_time ("time", time, &b->start, NULL));
  b->duration = 60;
  b->daerah = g_strdup ("kab bandung");
  g_strfreev (b->topics);
  b->topics = g_strsplit ("TKD", ",", -1);
  b->guests = 3;
  b->room = g_strdup (room);
  stored = tamu_store_add_booking (store, b, NULL, &error);
  g_assert_no_error (error);
  return stored;
}

static char *
read_file_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  /* The database is binary: make every NUL a space so strstr sees it all. */
  for (gsize i = 0; i < length; i++)
    if (contents[i] == '\0')
      contents[i] = ' ';
  return contents;
}

static void
test_add_returns_token_once (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TamuFeed) feed = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autofree char *token = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *db = NULL;
  g_autofree char *wal_path = g_strconcat (f->path, "-wal", NULL);

  feed = tamu_store_add_feed (f->store, "Semua", -1, NULL, &token, &error);
  g_assert_no_error (error);
  g_assert_nonnull (feed);
  g_assert_cmpstr (feed->name, ==, "Semua");
  g_assert_cmpint (feed->type, ==, -1);
  g_assert_null (feed->room);
  g_assert_null (feed->revoked_at);
  g_assert_null (feed->last_fetched_at);
  g_assert_true (tamu_feed_token_is_well_formed (token));
  g_assert_cmpuint (strlen (token), ==, TAMU_FEED_TOKEN_LENGTH);

  /* Only the hash is stored: neither the file nor its WAL holds the token
   * (a server's rows are read back through the store). */
  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, token, -1);
  {
    g_autoptr(GPtrArray) stored = tamu_store_list_feeds (f->store, TRUE, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (stored->len, ==, 1);
    g_assert_cmpstr (((TamuFeed *) g_ptr_array_index (stored, 0))->token_hash, ==, hash);
  }
  g_clear_object (&f->store);
  if (tamu_test_db_is_sqlite ())
    {
      db = read_file_text (f->path);
      g_assert_null (strstr (db, token));
      g_assert_nonnull (strstr (db, hash));
      if (g_file_test (wal_path, G_FILE_TEST_EXISTS))
        {
          g_autofree char *wal = read_file_text (wal_path);

          g_assert_null (strstr (wal, token));
        }
    }

  f->store = tamu_store_open (f->path, &error);
  g_assert_no_error (error);
  history = tamu_store_list_history (f->store, "feed", feed->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, >=, 1);
  for (guint i = 0; i < history->len; i++)
    {
      TamuAuditEntry *entry = g_ptr_array_index (history, i);

      g_assert_cmpstr (entry->actor, ==, "siti");
      g_assert_true (entry->new_value == NULL || strstr (entry->new_value, token) == NULL);
      g_assert_true (entry->new_value == NULL || strstr (entry->new_value, hash) == NULL);
    }
}

static void
test_tokens_differ (Fixture *f, gconstpointer data)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (int i = 0; i < 20; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TamuFeed) feed = NULL;
      g_autofree char *name = g_strdup_printf ("feed %d", i);
      char *token = NULL;

      feed = tamu_store_add_feed (f->store, name, -1, NULL, &token, &error);
      g_assert_no_error (error);
      g_assert_false (g_hash_table_contains (seen, token));
      g_hash_table_add (seen, token);
    }
}

static void
test_refusals (Fixture *f, gconstpointer data)
{
  g_autoptr(TamuFeed) first = NULL;
  g_autofree char *token = NULL;
  struct { const char *name; const char *room; int code; const char *prefix; } cases[] = {
    { "", NULL, TAMU_ERROR_INVALID, "name: " },
    { " padded", NULL, TAMU_ERROR_INVALID, "name: " },
    { "tab\there", NULL, TAMU_ERROR_INVALID, "name: " },
    { "Semua", NULL, TAMU_ERROR_REFUSED, "name: " },
    { "Ruang", "Ruang Tidak Ada", TAMU_ERROR_INVALID, "room: " },
  };

  first = tamu_store_add_feed (f->store, "Semua", -1, NULL, &token, NULL);
  g_assert_nonnull (first);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *other = NULL;
      g_autoptr(TamuFeed) feed = tamu_store_add_feed (f->store, cases[i].name, -1, cases[i].room,
                                                      &other, &error);

      g_assert_null (feed);
      g_assert_null (other);
      g_assert_error (error, TAMU_ERROR, cases[i].code);
      g_assert_true (g_str_has_prefix (error->message, cases[i].prefix));
    }
}

static void
test_lookup_and_revoke (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TamuFeed) added = NULL;
  g_autoptr(TamuFeed) found = NULL;
  g_autoptr(TamuFeed) again = NULL;
  g_autoptr(TamuFeed) renewed = NULL;
  g_autoptr(GPtrArray) live = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autofree char *token = NULL;
  g_autofree char *token2 = NULL;
  g_autofree char *wrong = NULL;

  added = tamu_store_add_feed (f->store, "Vidcon", TAMU_BOOKING_VIDCON, NULL, &token, &error);
  g_assert_no_error (error);

  found = tamu_store_lookup_feed (f->store, token, &error);
  g_assert_no_error (error);
  g_assert_cmpint (found->id, ==, added->id);
  g_assert_cmpint (found->type, ==, TAMU_BOOKING_VIDCON);

  /* One character off, malformed, empty: not found. */
  wrong = g_strdup (token);
  wrong[0] = wrong[0] == 'A' ? 'B' : 'A';
  g_assert_null (tamu_store_lookup_feed (f->store, wrong, &error));
  g_assert_error (error, TAMU_ERROR, TAMU_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (tamu_store_lookup_feed (f->store, "../../etc/passwd", &error));
  g_assert_error (error, TAMU_ERROR, TAMU_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (tamu_store_lookup_feed (f->store, "", &error));
  g_assert_error (error, TAMU_ERROR, TAMU_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (tamu_store_revoke_feed (f->store, "Vidcon", &error));
  g_assert_no_error (error);
  g_assert_null (tamu_store_lookup_feed (f->store, token, &error));
  g_assert_error (error, TAMU_ERROR, TAMU_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Revoking twice: there is no live feed of that name any more. */
  g_assert_false (tamu_store_revoke_feed (f->store, "Vidcon", &error));
  g_assert_error (error, TAMU_ERROR, TAMU_ERROR_NOT_FOUND);
  g_assert_true (g_str_has_prefix (error->message, "name: "));
  g_clear_error (&error);

  /* "New link": the name is free again, with a different token. */
  renewed = tamu_store_add_feed (f->store, "Vidcon", TAMU_BOOKING_VIDCON, NULL, &token2, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (token2, !=, token);
  again = tamu_store_lookup_feed (f->store, token2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (again->id, ==, renewed->id);

  live = tamu_store_list_feeds (f->store, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (live->len, ==, 1);
  all = tamu_store_list_feeds (f->store, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 2);
}

static void
test_renew_keeps_filters (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TamuFeed) added = NULL;
  g_autoptr(TamuFeed) renewed = NULL;
  g_autoptr(TamuFeed) found = NULL;
  g_autofree char *token = NULL;
  g_autofree char *token2 = NULL;
  g_autofree char *none = NULL;

  added = tamu_store_add_feed (f->store, "Ruang 2", TAMU_BOOKING_TATAP_MUKA, "Ruang Konsultasi 2",
                               &token, &error);
  g_assert_no_error (error);
  renewed = tamu_store_renew_feed (f->store, "Ruang 2", &token2, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (token2, !=, token);
  g_assert_cmpint (renewed->type, ==, TAMU_BOOKING_TATAP_MUKA);
  g_assert_cmpstr (renewed->room, ==, "Ruang Konsultasi 2");
  g_assert_null (tamu_store_lookup_feed (f->store, token, NULL));
  found = tamu_store_lookup_feed (f->store, token2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (found->id, ==, renewed->id);

  g_assert_null (tamu_store_renew_feed (f->store, "Tidak Ada", &none, &error));
  g_assert_error (error, TAMU_ERROR, TAMU_ERROR_NOT_FOUND);
  g_assert_null (none);
}

static void
test_record_fetch_keeps_stamp (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TamuFeed) feed = NULL;
  g_autoptr(GPtrArray) feeds = NULL;
  g_autoptr(TamuBooking) visit = NULL;
  g_autofree char *token = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after_fetch = NULL;
  g_autofree char *after_booking = NULL;
  TamuFeed *listed;

  feed = tamu_store_add_feed (f->store, "Semua", -1, NULL, &token, &error);
  g_assert_no_error (error);
  before = tamu_store_dup_change_stamp (f->store, &error);
  g_assert_no_error (error);

  g_assert_true (tamu_store_record_feed_fetch (f->store, feed->id, "192.168.1.20", &error));
  g_assert_no_error (error);
  feeds = tamu_store_list_feeds (f->store, FALSE, &error);
  listed = g_ptr_array_index (feeds, 0);
  g_assert_cmpstr (listed->last_fetched_from, ==, "192.168.1.20");
  g_assert_nonnull (listed->last_fetched_at);

  /* A poll is not a change: the ETag's stamp stays; a booking changes it. */
  after_fetch = tamu_store_dup_change_stamp (f->store, &error);
  g_assert_cmpstr (after_fetch, ==, before);
  visit = add_visit (f->store, "2024-03-04", "09:00", NULL);
  after_booking = tamu_store_dup_change_stamp (f->store, &error);
  g_assert_cmpstr (after_booking, !=, before);
}

static void
test_render_filters (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TamuFeed) all = NULL;
  g_autoptr(TamuFeed) room1 = NULL;
  g_autoptr(TamuBooking) a = NULL;
  g_autoptr(TamuBooking) b = NULL;
  g_autoptr(TamuBooking) c = NULL;
  g_autoptr(TamuBooking) cancelled = NULL;
  g_autoptr(GBytes) body_all = NULL;
  g_autoptr(GBytes) body_room = NULL;
  g_autofree char *t1 = NULL;
  g_autofree char *t2 = NULL;
  g_autofree char *etag1 = NULL;
  g_autofree char *etag2 = NULL;
  g_autofree char *etag3 = NULL;
  const char *text;

  a = add_visit (f->store, "2024-03-04", "09:00", "Ruang Konsultasi 1");
  b = add_visit (f->store, "2024-03-04", "09:00", "Ruang Konsultasi 2");
  c = add_visit (f->store, "2024-03-05", "10:00", "Ruang Konsultasi 1");
  cancelled = tamu_store_cancel_booking (f->store, c->id, "Jadwal bentrok", &error);
  g_assert_no_error (error);

  all = tamu_store_add_feed (f->store, "Semua", -1, NULL, &t1, &error);
  room1 = tamu_store_add_feed (f->store, "Ruang 1", -1, "Ruang Konsultasi 1", &t2, &error);
  g_assert_no_error (error);

  body_all = tamu_feed_render (f->store, all, 15, &error);
  g_assert_no_error (error);
  text = g_bytes_get_data (body_all, NULL);
  g_assert_nonnull (strstr (text, "METHOD:PUBLISH\r\n"));
  g_assert_nonnull (strstr (text, "X-WR-CALNAME:Semua\r\n"));
  g_assert_nonnull (strstr (text, "REFRESH-INTERVAL;VALUE=DURATION:PT15M\r\n"));
  g_assert_nonnull (strstr (text, "X-PUBLISHED-TTL:PT15M\r\n"));
  g_assert_nonnull (strstr (text, a->uid));
  g_assert_nonnull (strstr (text, b->uid));
  g_assert_null (strstr (text, c->uid));

  body_room = tamu_feed_render (f->store, room1, 15, &error);
  text = g_bytes_get_data (body_room, NULL);
  g_assert_nonnull (strstr (text, a->uid));
  g_assert_null (strstr (text, b->uid));

  etag1 = tamu_feed_dup_etag (f->store, all, 15, &error);
  etag2 = tamu_feed_dup_etag (f->store, all, 15, &error);
  g_assert_cmpstr (etag1, ==, etag2);
  g_assert_true (etag1[0] == '"' && etag1[strlen (etag1) - 1] == '"');
  /* Another reminder is another body, so another tag. */
  etag3 = tamu_feed_dup_etag (f->store, all, 30, &error);
  g_assert_cmpstr (etag3, !=, etag1);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *config = g_dir_make_tmp ("tamu-config-XXXXXX", NULL);

  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/feeds/add/token-once-hash-only", test_add_returns_token_once);
  ADD ("/feeds/add/tokens-differ", test_tokens_differ);
  ADD ("/feeds/add/refusals-name-the-field", test_refusals);
  ADD ("/feeds/lookup-revoke-renew", test_lookup_and_revoke);
  ADD ("/feeds/renew-keeps-filters", test_renew_keeps_filters);
  ADD ("/feeds/record-fetch-keeps-stamp", test_record_fetch_keeps_stamp);
  ADD ("/feeds/render/filters", test_render_filters);
#undef ADD

  return g_test_run ();
}
