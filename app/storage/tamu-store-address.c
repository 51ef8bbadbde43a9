/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tamu-store"

#include "config.h"

#include "tamu-store-address.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "tamu-error.h"

void
tamu_store_address_free (TamuStoreAddress *address)
{
  if (address == NULL)
    return;
  g_free (address->target);
  g_free (address->display);
  g_free (address);
}

/* "scheme://…": the scheme, lowercased, or NULL when @text is no URI. */
static char *
dup_uri_scheme (const char *text)
{
  const char *p = text;

  if (!g_ascii_isalpha (*p))
    return NULL;
  while (g_ascii_isalnum (*p) || *p == '+' || *p == '-' || *p == '.')
    p++;
  if (!g_str_has_prefix (p, "://"))
    return NULL;
  return g_ascii_strdown (text, p - text);
}

/* libpq's key/value form: "host=… dbname=…", "service=tamu". */
static gboolean
is_keyword_value (const char *text)
{
  const char *p = text;

  while (g_ascii_isspace (*p))
    p++;
  if (!g_ascii_isalpha (*p))
    return FALSE;
  while (g_ascii_isalnum (*p) || *p == '_')
    p++;
  while (g_ascii_isspace (*p))
    p++;
  return *p == '=';
}

/* A URI without "user:password@" and without "password=…" parameters. */
static char *
redact_uri (const char *text)
{
  const char *authority = strstr (text, "://") + 3;
  const char *end = authority + strcspn (authority, "/?#");
  const char *at = g_strstr_len (authority, end - authority, "@");
  GString *out = g_string_new_len (text, authority - text);
  const char *query;

  if (at != NULL)
    {
      const char *colon = memchr (authority, ':', at - authority);

      g_string_append_len (out, authority, (colon != NULL ? colon : at) - authority);
      g_string_append_c (out, '@');
      authority = at + 1;
    }

  query = strchr (authority, '?');
  if (query == NULL)
    {
      g_string_append (out, authority);
      return g_string_free (out, FALSE);
    }

  g_string_append_len (out, authority, query - authority);
  {
    g_auto(GStrv) params = g_strsplit (query + 1, "&", -1);
    gboolean first = TRUE;

    for (guint i = 0; params[i] != NULL; i++)
      {
        if (g_ascii_strncasecmp (params[i], "password=", 9) == 0 || *params[i] == '\0')
          continue;
        g_string_append_c (out, first ? '?' : '&');
        g_string_append (out, params[i]);
        first = FALSE;
      }
  }
  return g_string_free (out, FALSE);
}

/* Key/value text without its password: "password=x", "password = 'a b'". */
static char *
redact_keyword_value (const char *text)
{
  GString *out = g_string_new (NULL);
  const char *p = text;

  while (*p != '\0')
    {
      const char *key = p;
      const char *value;
      gboolean is_password;

      while (g_ascii_isspace (*p))
        p++;
      key = p;
      while (*p != '\0' && *p != '=' && !g_ascii_isspace (*p))
        p++;
      is_password = (p - key) == 8 && g_ascii_strncasecmp (key, "password", 8) == 0;
      while (g_ascii_isspace (*p))
        p++;
      if (*p == '=')
        p++;
      while (g_ascii_isspace (*p))
        p++;
      value = p;
      if (*p == '\'')
        {
          for (p++; *p != '\0' && *p != '\''; p++)
            if (*p == '\\' && p[1] != '\0')
              p++;
          if (*p == '\'')
            p++;
        }
      else
        while (*p != '\0' && !g_ascii_isspace (*p))
          p++;

      if (key == value || is_password)
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append_len (out, key, p - key);
    }
  return g_string_free (out, FALSE);
}

char *
tamu_store_address_dup_redacted (const char *text)
{
  g_autofree char *scheme = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  scheme = dup_uri_scheme (text);
  if (scheme != NULL)
    return redact_uri (text);
  if (is_keyword_value (text))
    return redact_keyword_value (text);
  return g_strdup (text);
}

TamuStoreAddress *
tamu_store_address_parse (const char *text,
                          GError    **error)
{
  g_autoptr(TamuStoreAddress) address = g_new0 (TamuStoreAddress, 1);
  g_autofree char *scheme = NULL;

  if (text == NULL || *text == '\0')
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID, _("db: no database was named"));
      return NULL;
    }
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID, _("db: the database name is not valid UTF-8"));
      return NULL;
    }

  scheme = dup_uri_scheme (text);
  if (scheme != NULL)
    {
      g_autofree char *redacted = redact_uri (text);

      /* A URI is never a file name, so a mistyped one is never created as a file. */
      if (!g_str_equal (scheme, "postgresql") && !g_str_equal (scheme, "postgres"))
        {
          g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                       _("db: %s is not a database address Tamu knows "
                         "(postgresql://…, a libpq “key=value” string, or a file)"),
                       redacted);
          return NULL;
        }
      address->kind = TAMU_BACKEND_POSTGRESQL;
      address->target = g_strdup (text);
      address->display = g_steal_pointer (&redacted);
    }
  else if (is_keyword_value (text))
    {
      address->kind = TAMU_BACKEND_POSTGRESQL;
      address->target = g_strdup (text);
      address->display = redact_keyword_value (text);
    }
  else
    {
      address->kind = TAMU_BACKEND_SQLITE;
      address->target = g_strdup (text);
      address->display = g_strdup (text);
    }

  return g_steal_pointer (&address);
}
