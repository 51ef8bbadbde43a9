/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tamu-desk-database"

#include "config.h"

#include "tamu-desk-database.h"
#include "tamu-desk-settings.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "tamu-error.h"
#include "tamu-keyring.h"
#include "tamu-server-address.h"
#include "tamu-store.h"
#include "tamu-store-address.h"

#define GROUP "desk"
#define KEY "database"

char *
tamu_desk_database_dup (void)
{
  g_autoptr(GKeyFile) file = tamu_desk_settings_load_file ();
  char *value;

  /* A missing file or key: the file on this computer. */
  value = g_key_file_get_string (file, GROUP, KEY, NULL);
  return value != NULL ? g_strstrip (value) : g_strdup ("");
}

gboolean
tamu_desk_database_set (const char *address,
                        GError    **error)
{
  g_autoptr(GKeyFile) file = NULL;
  g_autofree char *clean = g_strstrip (g_strdup (address != NULL ? address : ""));

  if (*clean != '\0')
    {
      g_autofree char *redacted = tamu_store_address_dup_redacted (clean);

      if (!g_str_equal (redacted, clean))
        {
          g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                       _("address: a password does not belong in the address; type it in the Password field"));
          return FALSE;
        }
    }

  file = tamu_desk_settings_load_file ();
  g_key_file_set_string (file, GROUP, KEY, clean);
  return tamu_desk_settings_save_file (file, "database", error);
}

char *
tamu_desk_database_dup_local_path (void)
{
  g_autofree char *path = tamu_store_dup_default_path ();

  /* TAMU_DB may name a server: this computer's file is then the default one. */
  if (tamu_server_address_is_server (path))
    {
      g_free (path);
      path = g_build_filename (g_get_user_data_dir (), "tamu", "tamu.db", NULL);
    }
  return g_steal_pointer (&path);
}

char *
tamu_desk_database_dup_connect_address (const char *address)
{
  g_autofree char *chosen = NULL;
  g_autofree char *redacted = NULL;
  char *password;
  char *result;

  if (address != NULL && *address != '\0')
    chosen = g_strdup (address);
  else if (g_getenv ("TAMU_DB") != NULL && *g_getenv ("TAMU_DB") != '\0')
    chosen = g_strdup (g_getenv ("TAMU_DB"));
  else
    {
      chosen = tamu_desk_database_dup ();
      if (*chosen == '\0')
        {
          g_free (chosen);
          chosen = tamu_store_dup_default_path ();
        }
    }

  /* Only a server address without a password of its own asks the keyring. */
  if (!tamu_server_address_is_server (chosen))
    return g_steal_pointer (&chosen);
  redacted = tamu_store_address_dup_redacted (chosen);
  if (!g_str_equal (redacted, chosen))
    return g_steal_pointer (&chosen);

  password = tamu_keyring_lookup_password (chosen);
  result = tamu_server_address_with_password (chosen, password);
  tamu_keyring_password_free (password);
  return result;
}

void
tamu_desk_database_free_connect_address (char *address)
{
  if (address == NULL)
    return;
  memset (address, 0, strlen (address));
  g_free (address);
}
