/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tamu-keyring"

#include "config.h"

#include "tamu-keyring.h"

#include <glib/gi18n.h>
#include <libsecret/secret.h>

#include "tamu-server-address.h"
#include "tamu-store-address.h"

static const SecretSchema *
get_schema (void)
{
  static const SecretSchema schema = {
    "id.go.kemenkeu.djpk.Tamu.Database", SECRET_SCHEMA_NONE,
    {
      { "address", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
  };

  return &schema;
}

/* The attributes of @address: its display form and its role. */
static gboolean
get_attributes (const char *address,
                char      **out_display,
                char      **out_user)
{
  g_autoptr(TamuStoreAddress) parsed = tamu_store_address_parse (address, NULL);
  char *user;

  if (parsed == NULL || parsed->kind != TAMU_BACKEND_POSTGRESQL)
    return FALSE;
  user = tamu_server_address_dup_user (parsed->display);
  *out_user = user != NULL ? user : g_strdup (g_get_user_name ());
  *out_display = g_strdup (parsed->display);
  return TRUE;
}

gboolean
tamu_keyring_store_password (const char *address,
                             const char *password,
                             GError    **error)
{
  g_autofree char *display = NULL;
  g_autofree char *user = NULL;
  g_autofree char *label = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (address != NULL && password != NULL, FALSE);

  if (!get_attributes (address, &display, &user))
    return TRUE;
  /* Translators: how the password shows in the desktop's keyring manager. */
  label = g_strdup_printf (_("Tamu database password for %s"), display);
  if (!secret_password_store_sync (get_schema (), SECRET_COLLECTION_DEFAULT, label, password, NULL,
                                   &local_error, "address", display, "user", user, NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("password: the desktop keyring did not keep it: %s"), local_error->message);
      return FALSE;
    }
  return TRUE;
}

char *
tamu_keyring_lookup_password (const char *address)
{
  g_autofree char *display = NULL;
  g_autofree char *user = NULL;
  g_autoptr(GError) error = NULL;
  char *secret;
  char *password;

  g_return_val_if_fail (address != NULL, NULL);

  if (!get_attributes (address, &display, &user))
    return NULL;
  secret = secret_password_lookup_sync (get_schema (), NULL, &error,
                                        "address", display, "user", user, NULL);
  if (secret == NULL)
    {
      if (error != NULL)
        g_debug ("No keyring: %s", error->message);
      return NULL;
    }
  /* One allocator for the callers: g_free after tamu_keyring_password_free's wipe. */
  password = g_strdup (secret);
  secret_password_free (secret);
  return password;
}

void
tamu_keyring_password_free (char *password)
{
  if (password == NULL)
    return;
  secret_password_wipe (password);
  g_free (password);
}
