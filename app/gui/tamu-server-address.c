/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tamu-server-address"

#include "config.h"

#include "tamu-server-address.h"

#include <string.h>

#include "tamu-store-address.h"

void
tamu_server_fields_clear (TamuServerFields *fields)
{
  g_clear_pointer (&fields->host, g_free);
  g_clear_pointer (&fields->port, g_free);
  g_clear_pointer (&fields->dbname, g_free);
  g_clear_pointer (&fields->user, g_free);
}

static gboolean
is_uri (const char *address)
{
  return g_str_has_prefix (address, "postgresql://") || g_str_has_prefix (address, "postgres://");
}

gboolean
tamu_server_address_is_server (const char *address)
{
  g_autoptr(TamuStoreAddress) parsed = NULL;

  if (address == NULL || *address == '\0')
    return FALSE;
  parsed = tamu_store_address_parse (address, NULL);
  return parsed != NULL && parsed->kind == TAMU_BACKEND_POSTGRESQL;
}

/* Calls @func for each key and (unquoted) value of a libpq key/value string. */
static void
foreach_keyword (const char *address,
                 void      (*func) (const char *key, const char *value, gpointer data),
                 gpointer    data)
{
  const char *p = address;

  while (*p != '\0')
    {
      g_autofree char *key = NULL;
      g_autoptr(GString) value = g_string_new (NULL);
      const char *start;

      while (g_ascii_isspace (*p))
        p++;
      if (*p == '\0')
        break;
      start = p;
      while (*p != '\0' && *p != '=' && !g_ascii_isspace (*p))
        p++;
      key = g_strndup (start, p - start);
      while (g_ascii_isspace (*p))
        p++;
      if (*p == '=')
        p++;
      while (g_ascii_isspace (*p))
        p++;
      if (*p == '\'')
        {
          for (p++; *p != '\0' && *p != '\''; p++)
            {
              if (*p == '\\' && p[1] != '\0')
                p++;
              g_string_append_c (value, *p);
            }
          if (*p == '\'')
            p++;
        }
      else
        while (*p != '\0' && !g_ascii_isspace (*p))
          g_string_append_c (value, *p++);
      func (key, value->str, data);
    }
}

static void
take_field_cb (const char *key,
               const char *value,
               gpointer    data)
{
  TamuServerFields *fields = data;
  char **slot = NULL;

  if (g_str_equal (key, "host"))
    slot = &fields->host;
  else if (g_str_equal (key, "port"))
    slot = &fields->port;
  else if (g_str_equal (key, "dbname"))
    slot = &fields->dbname;
  else if (g_str_equal (key, "user"))
    slot = &fields->user;
  else
    return;
  g_free (*slot);
  *slot = g_strdup (value);
}

static void
other_key_cb (const char *key,
              const char *value,
              gpointer    data)
{
  gboolean *other = data;

  if (!g_str_equal (key, "host") && !g_str_equal (key, "port") && !g_str_equal (key, "dbname")
      && !g_str_equal (key, "user"))
    *other = TRUE;
}

gboolean
tamu_server_fields_parse (const char       *address,
                          TamuServerFields *fields)
{
  gboolean other = FALSE;

  g_return_val_if_fail (fields != NULL, FALSE);

  if (address == NULL || is_uri (address) || !tamu_server_address_is_server (address))
    return FALSE;
  /* Other keys (sslmode, service…) only a full address keeps. */
  foreach_keyword (address, other_key_cb, &other);
  if (other)
    return FALSE;
  foreach_keyword (address, take_field_cb, fields);
  return TRUE;
}

static void
append_keyword (GString    *out,
                const char *key,
                const char *value)
{
  if (value == NULL || *value == '\0')
    return;
  if (out->len > 0)
    g_string_append_c (out, ' ');
  g_string_append_printf (out, "%s=", key);
  if (strpbrk (value, " \t\n'\\") == NULL)
    {
      g_string_append (out, value);
      return;
    }
  g_string_append_c (out, '\'');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '\'' || *p == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '\'');
}

char *
tamu_server_fields_to_address (const TamuServerFields *fields)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (fields != NULL, NULL);

  append_keyword (out, "host", fields->host);
  append_keyword (out, "port", fields->port);
  append_keyword (out, "dbname", fields->dbname);
  append_keyword (out, "user", fields->user);
  return g_string_free (out, FALSE);
}

char *
tamu_server_address_dup_user (const char *address)
{
  g_auto(TamuServerFields) fields = { NULL };

  g_return_val_if_fail (address != NULL, NULL);

  if (is_uri (address))
    {
      const char *authority = strstr (address, "://") + 3;
      const char *end = authority + strcspn (authority, "/?#");
      const char *at = g_strstr_len (authority, end - authority, "@");
      const char *query = strchr (authority, '?');

      if (at != NULL && at > authority)
        {
          const char *colon = memchr (authority, ':', at - authority);
          g_autofree char *user = g_strndup (authority, (colon != NULL ? colon : at) - authority);

          return g_uri_unescape_string (user, NULL);
        }
      if (query != NULL)
        {
          g_auto(GStrv) params = g_strsplit (query + 1, "&", -1);

          for (guint i = 0; params[i] != NULL; i++)
            if (g_str_has_prefix (params[i], "user="))
              return g_uri_unescape_string (params[i] + 5, NULL);
        }
      return NULL;
    }

  foreach_keyword (address, take_field_cb, &fields);
  return g_steal_pointer (&fields.user);
}

char *
tamu_server_address_with_password (const char *address,
                                   const char *password)
{
  g_return_val_if_fail (address != NULL, NULL);

  if (password == NULL || *password == '\0')
    return g_strdup (address);

  if (is_uri (address))
    {
      g_autofree char *escaped = g_uri_escape_string (password, NULL, FALSE);
      const char *fragment = strchr (address, '#');
      gsize length = fragment != NULL ? (gsize) (fragment - address) : strlen (address);
      g_autofree char *base = g_strndup (address, length);
      char *result = g_strdup_printf ("%s%cpassword=%s", base,
                                      strchr (base, '?') != NULL ? '&' : '?', escaped);

      memset (escaped, 0, strlen (escaped));
      return result;
    }

  {
    GString *out = g_string_new (address);
    GString *tail = g_string_new (NULL);

    append_keyword (tail, "password", password);
    g_string_append_c (out, ' ');
    g_string_append (out, tail->str);
    memset (tail->str, 0, tail->len);
    g_string_free (tail, TRUE);
    return g_string_free (out, FALSE);
  }
}
