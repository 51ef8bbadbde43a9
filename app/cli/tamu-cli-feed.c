/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib-unix.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <signal.h>
#include <stdio.h>

#include "tamu-cli-feed.h"
#include "tamu-cli-json.h"

#include "tamu-desk-settings.h"
#include "tamu-error.h"
#include "tamu-feed-server.h"
#include "tamu-store-feeds.h"

/* ---- feed add | list | revoke ----------------------------------------- */

static int
feed_add (TamuCliContext *ctx,
          int             argc,
          char          **argv)
{
  g_autofree char *type_text = NULL;
  g_autofree char *room = NULL;
  GOptionEntry entries[] = {
    { "type", 0, 0, G_OPTION_ARG_STRING, &type_text, N_("Only tatap-muka or vidcon"), "T" },
    { "room", 0, 0, G_OPTION_ARG_STRING, &room, N_("Only bookings in this room"), "ROOM" },
    { NULL }
  };
  g_autoptr(TamuPolicy) policy = NULL;
  g_autoptr(TamuFeed) feed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  TamuBookingType type;
  TamuStore *store;

  if (!tamu_cli_parse ("feed add", "NAME", entries, &argc, &argv))
    return TAMU_CLI_USAGE;
  if (argc < 2)
    return tamu_cli_usage ("feed add", _("a NAME is required"));
  if (argc > 2)
    return tamu_cli_usage ("feed add", _("unexpected argument “%s”"), argv[2]);
  if (type_text != NULL && !tamu_booking_type_from_string (type_text, &type))
    {
      g_set_error (&error, TAMU_ERROR, TAMU_ERROR_INVALID,
                   _("type: “%s” is not a booking type (tatap-muka or vidcon)"), type_text);
      return tamu_cli_fail (error);
    }

  if ((store = tamu_cli_get_store (ctx)) == NULL)
    return TAMU_CLI_FAILED;
  policy = tamu_store_load_policy (store, &error);
  if (policy == NULL)
    return tamu_cli_fail (error);
  feed = tamu_store_add_feed (store, argv[1], type_text != NULL ? (int) type : -1, room, &token, &error);
  if (feed == NULL)
    return tamu_cli_fail (error);

  g_print ("%s/feed/%s.ics\n", policy->feed_base_url, token);
  g_printerr ("%s\n", _("note: this link is shown only once; keep it like a password. "
                        "A lost link is replaced by revoking the feed and adding it again."));
  return TAMU_CLI_OK;
}

static JsonNode *
feeds_to_json (GPtrArray *feeds)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < feeds->len; i++)
    {
      TamuFeed *feed = g_ptr_array_index (feeds, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, feed->name);
      json_builder_set_member_name (builder, "type");
      if (feed->type >= 0)
        json_builder_add_string_value (builder, tamu_booking_type_to_string (feed->type));
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "room");
      if (feed->room != NULL)
        json_builder_add_string_value (builder, feed->room);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "created");
      json_builder_add_string_value (builder, feed->created_at);
      json_builder_set_member_name (builder, "last_fetched");
      if (feed->last_fetched_at != NULL)
        json_builder_add_string_value (builder, feed->last_fetched_at);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "last_fetched_from");
      if (feed->last_fetched_from != NULL)
        json_builder_add_string_value (builder, feed->last_fetched_from);
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return json_builder_get_root (builder);
}

static int
feed_list (TamuCliContext *ctx,
           int             argc,
           char          **argv)
{
  g_autofree char *format_option = NULL;
  const char *format;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_option, N_("table or json"), "FORMAT" },
    { NULL }
  };
  g_autoptr(GPtrArray) feeds = NULL;
  g_autoptr(GError) error = NULL;
  TamuStore *store;

  if (!tamu_cli_parse ("feed list", "", entries, &argc, &argv))
    return TAMU_CLI_USAGE;
  if (argc > 1)
    return tamu_cli_usage ("feed list", _("unexpected argument “%s”"), argv[1]);
  format = format_option;
  if (!tamu_cli_check_format ("feed list", &format, "table|json"))
    return TAMU_CLI_USAGE;

  if ((store = tamu_cli_get_store (ctx)) == NULL)
    return TAMU_CLI_FAILED;
  feeds = tamu_store_list_feeds (store, FALSE, &error);
  if (feeds == NULL)
    return tamu_cli_fail (error);

  if (g_str_equal (format, "json"))
    {
      g_autoptr(JsonNode) node = feeds_to_json (feeds);

      tamu_cli_print_json (node);
      return TAMU_CLI_OK;
    }

  if (feeds->len == 0)
    {
      g_print ("%s\n", _("No feeds."));
      return TAMU_CLI_OK;
    }
  for (guint i = 0; i < feeds->len; i++)
    {
      TamuFeed *feed = g_ptr_array_index (feeds, i);

      g_print ("%-24s %-10s %-22s %s  %s %s\n", feed->name,
               feed->type >= 0 ? tamu_booking_type_to_string (feed->type) : "*",
               feed->room != NULL ? feed->room : "*", feed->created_at,
               feed->last_fetched_at != NULL ? feed->last_fetched_at : _("never fetched"),
               feed->last_fetched_from != NULL ? feed->last_fetched_from : "");
    }
  return TAMU_CLI_OK;
}

static int
feed_revoke (TamuCliContext *ctx,
             int             argc,
             char          **argv)
{
  g_autoptr(GError) error = NULL;
  TamuStore *store;

  if (!tamu_cli_parse ("feed revoke", "NAME", NULL, &argc, &argv))
    return TAMU_CLI_USAGE;
  if (argc < 2)
    return tamu_cli_usage ("feed revoke", _("a NAME is required"));
  if (argc > 2)
    return tamu_cli_usage ("feed revoke", _("unexpected argument “%s”"), argv[2]);

  if ((store = tamu_cli_get_store (ctx)) == NULL)
    return TAMU_CLI_FAILED;
  if (!tamu_store_revoke_feed (store, argv[1], &error))
    return tamu_cli_fail (error);
  g_print (_("Revoked the feed “%s”: its link now answers 404.\n"), argv[1]);
  return TAMU_CLI_OK;
}

int
tamu_cli_feed (TamuCliContext *ctx,
               int             argc,
               char          **argv)
{
  if (argc < 2 || argv[1][0] == '-')
    return tamu_cli_usage ("feed", _("say what to do: add, list or revoke"));
  if (g_str_equal (argv[1], "add"))
    return feed_add (ctx, argc - 1, argv + 1);
  if (g_str_equal (argv[1], "list"))
    return feed_list (ctx, argc - 1, argv + 1);
  if (g_str_equal (argv[1], "revoke"))
    return feed_revoke (ctx, argc - 1, argv + 1);
  return tamu_cli_usage ("feed", _("unknown action “%s”: add, list or revoke"), argv[1]);
}

/* ---- serve ------------------------------------------------------------ */

static gboolean
quit_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_CONTINUE;
}

int
tamu_cli_serve (TamuCliContext *ctx,
                int             argc,
                char          **argv)
{
  g_autofree char *listen = NULL;
  g_autofree char *tls_cert = NULL;
  g_autofree char *tls_key = NULL;
  g_autofree char *max_text = NULL;
  GOptionEntry entries[] = {
    { "listen", 0, 0, G_OPTION_ARG_STRING, &listen, N_("Address and port (default 127.0.0.1:8787)"), "ADDR:PORT" },
    { "tls-cert", 0, 0, G_OPTION_ARG_FILENAME, &tls_cert, N_("TLS certificate (PEM)"), "FILE" },
    { "tls-key", 0, 0, G_OPTION_ARG_FILENAME, &tls_key, N_("TLS private key (PEM)"), "FILE" },
    { "max-connections", 0, 0, G_OPTION_ARG_STRING, &max_text, N_("Most open connections (default 256)"), "N" },
    { NULL }
  };
  g_autoptr(TamuFeedServer) server = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  TamuStore *store;
  guint term_id, int_id;

  if (!tamu_cli_parse ("serve", "", entries, &argc, &argv))
    return TAMU_CLI_USAGE;
  if (argc > 1)
    return tamu_cli_usage ("serve", _("unexpected argument “%s”"), argv[1]);
  if ((tls_cert == NULL) != (tls_key == NULL))
    return tamu_cli_usage ("serve", _("--tls-cert and --tls-key go together"));

  if ((store = tamu_cli_get_store (ctx)) == NULL)
    return TAMU_CLI_FAILED;
  server = tamu_feed_server_new (store, tamu_desk_settings_get_reminder_minutes ());
  if (max_text != NULL)
    {
      guint64 max = 0;

      if (!g_ascii_string_to_unsigned (max_text, 10, 1, 100000, &max, NULL))
        {
          g_set_error (&error, TAMU_ERROR, TAMU_ERROR_INVALID,
                       _("max-connections: “%s” is not a whole number from 1 to 100000"), max_text);
          return tamu_cli_fail (error);
        }
      tamu_feed_server_set_max_connections (server, (guint) max);
    }
  if (tls_cert != NULL && !tamu_feed_server_set_tls_files (server, tls_cert, tls_key, &error))
    return tamu_cli_fail (error);
  if (!tamu_feed_server_listen (server, listen != NULL ? listen : TAMU_FEED_DEFAULT_LISTEN, &error))
    return tamu_cli_fail (error);

  loop = g_main_loop_new (NULL, FALSE);
  term_id = g_unix_signal_add (SIGTERM, quit_cb, loop);
  int_id = g_unix_signal_add (SIGINT, quit_cb, loop);

  url = tamu_feed_server_dup_url (server);
  /* Translators: %s is like http://127.0.0.1:8787 */
  g_print (_("Serving calendar feeds on %s (stop with Ctrl+C)\n"), url);
  fflush (stdout);

  g_main_loop_run (loop);

  g_source_remove (term_id);
  g_source_remove (int_id);
  tamu_feed_server_stop (server);
  g_print ("%s\n", _("Stopped."));
  return TAMU_CLI_OK;
}
