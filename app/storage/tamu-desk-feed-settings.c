/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "tamu-desk-feed-settings.h"
#include "tamu-desk-settings.h"
#include "tamu-error.h"

#define GROUP "feed"

gboolean
tamu_desk_feed_settings_get_serve (void)
{
  g_autoptr(GKeyFile) file = tamu_desk_settings_load_file ();

  return g_key_file_get_boolean (file, GROUP, "serve-feeds", NULL);
}

gboolean
tamu_desk_feed_settings_set_serve (gboolean serve,
                                   GError **error)
{
  g_autoptr(GKeyFile) file = tamu_desk_settings_load_file ();

  g_key_file_set_boolean (file, GROUP, "serve-feeds", serve);
  return tamu_desk_settings_save_file (file, "serve-feeds", error);
}

char *
tamu_desk_feed_settings_dup_listen (void)
{
  g_autoptr(GKeyFile) file = tamu_desk_settings_load_file ();
  char *value = g_key_file_get_string (file, GROUP, "feed-listen", NULL);

  if (value == NULL || *value == '\0')
    {
      g_free (value);
      return g_strdup (TAMU_DESK_FEED_DEFAULT_LISTEN);
    }
  return value;
}

gboolean
tamu_desk_feed_settings_set_listen (const char *listen,
                                    GError    **error)
{
  g_autoptr(GKeyFile) file = NULL;
  g_autoptr(GInetAddress) address = NULL;
  g_autofree char *clean = g_strstrip (g_strdup (listen != NULL ? listen : ""));
  g_autofree char *host = NULL;
  const char *colon = strrchr (clean, ':');
  guint64 port = 0;

  if (colon != NULL && colon > clean)
    {
      host = clean[0] == '[' && colon[-1] == ']' ? g_strndup (clean + 1, colon - clean - 2)
                                                 : g_strndup (clean, colon - clean);
      address = g_inet_address_new_from_string (host);
    }
  if (address == NULL || !g_ascii_string_to_unsigned (colon + 1, 10, 1, 65535, &port, NULL))
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                   _("feed-listen: “%s” is not ADDRESS:PORT (127.0.0.1:8787, or 0.0.0.0:8787 for the office network)"),
                   clean);
      return FALSE;
    }

  file = tamu_desk_settings_load_file ();
  g_key_file_set_string (file, GROUP, "feed-listen", clean);
  return tamu_desk_settings_save_file (file, "feed-listen", error);
}
