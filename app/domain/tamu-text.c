/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "tamu-error.h"
#include "tamu-text.h"

static gboolean
is_control (gunichar c,
            gboolean keep_lines)
{
  if (keep_lines && (c == '\t' || c == '\n' || c == '\r'))
    return FALSE;
  return c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f);
}

static void
append_escaped (GString *out,
                gunichar c)
{
  if (c < 0x80)
    g_string_append_printf (out, "\\x%02x", c);
  else
    g_string_append_printf (out, "\\u%04x", c);
}

gboolean
tamu_text_check (const char    *field,
                 const char    *text,
                 gsize          max_chars,
                 TamuTextFlags  flags,
                 GError       **error)
{
  gboolean keep_lines = (flags & TAMU_TEXT_MULTILINE) != 0;
  gsize chars = 0;

  g_return_val_if_fail (field != NULL, FALSE);

  if (text == NULL)
    return TRUE;

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID, _("%s: not valid UTF-8"), field);
      return FALSE;
    }

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_control (c, keep_lines))
        {
          g_autoptr(GString) shown = g_string_new (NULL);

          append_escaped (shown, c);
          g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                       _("%s: contains the control character %s"), field, shown->str);
          return FALSE;
        }
      chars++;
    }

  if (max_chars > 0 && chars > max_chars)
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                   _("%s: longer than %u characters"), field, (guint) max_chars);
      return FALSE;
    }
  return TRUE;
}

char *
tamu_text_escape_controls (const char *text,
                           gssize      length,
                           gboolean    keep_lines)
{
  GString *out;
  const char *p, *end;

  if (text == NULL)
    return NULL;
  if (length < 0)
    length = strlen (text);

  out = g_string_sized_new (length);
  p = text;
  end = text + length;
  while (p < end)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          /* Not UTF-8: show the byte, go on with the next one. */
          g_string_append_printf (out, "\\x%02x", (guchar) *p);
          p++;
          continue;
        }
      /* A carriage return would let text overwrite its own line: escaped too. */
      if (c == 0 || c == '\r' || is_control (c, keep_lines))
        append_escaped (out, c);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
      p = g_utf8_next_char (p);
    }
  return g_string_free (out, FALSE);
}

gboolean
tamu_text_has_controls (const char *text,
                        gssize      length,
                        gboolean    keep_lines)
{
  g_autofree char *escaped = NULL;

  if (text == NULL)
    return FALSE;
  if (length < 0)
    length = strlen (text);
  escaped = tamu_text_escape_controls (text, length, keep_lines);
  return strlen (escaped) != (gsize) length || memcmp (escaped, text, length) != 0;
}

char *
tamu_text_escape_json (const char *json)
{
  GString *out;

  if (json == NULL)
    return NULL;

  out = g_string_sized_new (strlen (json));
  for (const guchar *p = (const guchar *) json; *p != '\0'; p++)
    {
      if (*p == 0x7f)
        g_string_append (out, "\\u007f");
      else if (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f)
        {
          g_string_append_printf (out, "\\u%04x", p[1]);
          p++;
        }
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}
