/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tamu-ical"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tamu-ical-private.h"

#include "tamu-error.h"

/*
 * Everything an importer reads passes through here first, so libical only
 * ever sees text whose encoding, nesting and line structure are known good:
 * a hostile file is refused with one message naming the line, before any
 * component is built.
 */

#define MAX_LOGICAL_LINE (1024 * 1024)
#define MAX_DEPTH        8
#define MAX_COMPONENTS   200000

typedef struct
{
  GString   *out;
  GPtrArray *stack;      /* component names (char*) */
  GArray    *stack_line; /* the line each was opened on */
  guint      lines;      /* logical lines seen */
  guint      components;
  gboolean   calendar_done;
} Scan;

static gboolean
is_name_char (char c)
{
  return g_ascii_isalnum (c) || c == '-';
}

/* Property names: RFC 5545 allows letters, digits and '-', but Lotus Notes
 * and Entourage write "X-LOTUS-CHILD_UID" and "X-ENTOURAGE_UUID": an
 * unknown property is not a reason to refuse an invitation. */
static gboolean
is_property_name_char (char c)
{
  return is_name_char (c) || c == '_';
}

/* The value of @line after the first ':' outside quoted parameter values,
 * or NULL when there is none. */
static const char *
find_value (const char *line)
{
  gboolean quoted = FALSE;

  for (const char *p = line; *p != '\0'; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (*p == ':' && !quoted)
        return p + 1;
    }
  return NULL;
}

/* Up to 40 characters of @line for a message, control characters (C0, DEL
 * and C1, which terminals may obey) replaced by spaces. */
static char *
dup_excerpt (const char *line)
{
  g_autofree char *valid = g_utf8_make_valid (line, MIN (strlen (line), 40));
  GString *out = g_string_new (NULL);

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c))
        g_string_append_c (out, ' ');
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static gboolean
scan_logical_line (Scan       *scan,
                   const char *line,
                   gsize       length,
                   guint       line_no,
                   GError    **error)
{
  gsize name_len = 0;
  const char *value;

  if (length == 0)
    return TRUE;

  if (length > MAX_LOGICAL_LINE)
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                   _("format: line %u is longer than 1 MiB"), line_no);
      return FALSE;
    }
  if (!g_utf8_validate (line, length, NULL))
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                   _("encoding: line %u is not valid UTF-8 (save the file as UTF-8 or UTF-16)"),
                   line_no);
      return FALSE;
    }

  while (name_len < length && is_property_name_char (line[name_len]))
    name_len++;
  value = find_value (line);
  if (name_len == 0 || (line[name_len] != ':' && line[name_len] != ';') || value == NULL)
    {
      g_autofree char *excerpt = dup_excerpt (line);

      g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                   _("format: line %u is not an iCalendar property (NAME:value): “%s”"),
                   line_no, excerpt);
      return FALSE;
    }

  scan->lines++;
  if (scan->lines == 1 &&
      !(name_len == 5 && g_ascii_strncasecmp (line, "BEGIN", 5) == 0 &&
        g_ascii_strcasecmp (value, "VCALENDAR") == 0))
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                   _("format: not an iCalendar file: it must start with BEGIN:VCALENDAR"));
      return FALSE;
    }

  if (name_len == 5 && g_ascii_strncasecmp (line, "BEGIN", 5) == 0)
    {
      const char *p;

      for (p = value; *p != '\0' && is_name_char (*p); p++)
        ;
      if (*p != '\0' || p == value)
        {
          g_autofree char *excerpt = dup_excerpt (value);

          g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                       _("format: line %u: “%s” is not a component name"), line_no, excerpt);
          return FALSE;
        }
      if (scan->calendar_done)
        {
          g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                       _("format: line %u: a second calendar follows the first; import one calendar per file"),
                       line_no);
          return FALSE;
        }
      if (scan->stack->len >= MAX_DEPTH)
        {
          g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                       _("format: line %u: components are nested more than %d deep"),
                       line_no, MAX_DEPTH);
          return FALSE;
        }
      if (++scan->components > MAX_COMPONENTS)
        {
          g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                       _("format: more than %d components in one file"), MAX_COMPONENTS);
          return FALSE;
        }
      g_ptr_array_add (scan->stack, g_ascii_strup (value, -1));
      g_array_append_val (scan->stack_line, line_no);
    }
  else if (name_len == 3 && g_ascii_strncasecmp (line, "END", 3) == 0)
    {
      const char *open;

      if (scan->stack->len == 0)
        {
          g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                       _("format: line %u: END without a BEGIN"), line_no);
          return FALSE;
        }
      open = g_ptr_array_index (scan->stack, scan->stack->len - 1);
      if (g_ascii_strcasecmp (open, value) != 0)
        {
          g_autofree char *excerpt = dup_excerpt (value);

          g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                       _("format: line %u: END:%s does not close BEGIN:%s of line %u"),
                       line_no, excerpt, open,
                       g_array_index (scan->stack_line, guint, scan->stack_line->len - 1));
          return FALSE;
        }
      g_ptr_array_remove_index (scan->stack, scan->stack->len - 1);
      g_array_remove_index (scan->stack_line, scan->stack_line->len - 1);
      if (scan->stack->len == 0)
        scan->calendar_done = TRUE;
    }
  else if (scan->stack->len == 0)
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                   _("format: line %u is outside BEGIN:VCALENDAR … END:VCALENDAR"), line_no);
      return FALSE;
    }

  g_string_append_len (scan->out, line, length);
  g_string_append (scan->out, "\r\n");
  return TRUE;
}

static char *
decode (const char *data,
        gsize       length,
        gsize      *out_length,
        GError    **error)
{
  const guchar *bytes = (const guchar *) data;
  const char *from = NULL;
  gsize skip = 0;
  g_autoptr(GError) local_error = NULL;
  char *text;

  if (length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
    skip = 3;
  else if (length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
    from = "UTF-16LE", skip = 2;
  else if (length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
    from = "UTF-16BE", skip = 2;
  else if (length >= 2 && bytes[0] != 0 && bytes[1] == 0)
    from = "UTF-16LE"; /* "B\0E\0G\0…": UTF-16 without a BOM */
  else if (length >= 2 && bytes[0] == 0 && bytes[1] != 0)
    from = "UTF-16BE";

  if (from == NULL)
    {
      *out_length = length - skip;
      text = g_malloc (length - skip + 1);
      memcpy (text, data + skip, length - skip);
      text[length - skip] = '\0';
      return text;
    }

  text = g_convert (data + skip, length - skip, "UTF-8", from, NULL, out_length, &local_error);
  if (text == NULL)
    g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                 _("encoding: the file looks like UTF-16 but is not valid UTF-16"));
  return text;
}

char *
tamu_ical_normalize_input (const char *data,
                           gsize       length,
                           GError    **error)
{
  g_autofree char *text = NULL;
  g_autoptr(GString) logical = g_string_new (NULL);
  Scan scan = { 0 };
  gsize text_length = 0;
  guint line_no = 0;
  guint logical_line_no = 0;
  const char *p, *end;
  gboolean ok = TRUE;

  if (data == NULL || length == 0)
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID, _("file: the file is empty"));
      return NULL;
    }
  if (length > TAMU_ICAL_MAX_INPUT)
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                   _("file: the file is larger than %d MiB"), TAMU_ICAL_MAX_INPUT / (1024 * 1024));
      return NULL;
    }

  text = decode (data, length, &text_length, error);
  if (text == NULL)
    return NULL;
  if (memchr (text, '\0', text_length) != NULL)
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                   _("encoding: the file contains NUL bytes: it is not a text calendar"));
      return NULL;
    }

  scan.out = g_string_sized_new (text_length + 64);
  scan.stack = g_ptr_array_new_with_free_func (g_free);
  scan.stack_line = g_array_new (FALSE, FALSE, sizeof (guint));

  /* Physical lines end in CRLF, LF or CR; a line starting with a space or a
   * tab continues the one before (RFC 5545 §3.1).  Unfolding comes before
   * the UTF-8 check because other writers fold inside characters. */
  p = text;
  end = text + text_length;
  while (ok && p < end)
    {
      const char *eol = p;
      gsize len;

      while (eol < end && *eol != '\r' && *eol != '\n')
        eol++;
      len = eol - p;
      line_no++;

      if (len > 0 && (*p == ' ' || *p == '\t'))
        {
          if (logical_line_no == 0)
            {
              g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                           _("format: line %u continues a line that does not exist"), line_no);
              ok = FALSE;
              break;
            }
          if (logical->len + len > MAX_LOGICAL_LINE + 1)
            {
              g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                           _("format: line %u is longer than 1 MiB"), logical_line_no);
              ok = FALSE;
              break;
            }
          g_string_append_len (logical, p + 1, len - 1);
        }
      else
        {
          if (logical_line_no != 0)
            ok = scan_logical_line (&scan, logical->str, logical->len, logical_line_no, error);
          g_string_truncate (logical, 0);
          g_string_append_len (logical, p, len);
          logical_line_no = line_no;
        }

      p = eol;
      if (p < end && *p == '\r')
        {
          p++;
          if (p < end && *p == '\n')
            p++;
        }
      else if (p < end && *p == '\n')
        p++;
    }
  if (ok && logical_line_no != 0)
    ok = scan_logical_line (&scan, logical->str, logical->len, logical_line_no, error);

  if (ok && scan.lines == 0)
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                   _("format: not an iCalendar file: it must start with BEGIN:VCALENDAR"));
      ok = FALSE;
    }
  if (ok && scan.stack->len > 0)
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                   _("format: BEGIN:%s of line %u is never closed (is the file cut short?)"),
                   (const char *) g_ptr_array_index (scan.stack, scan.stack->len - 1),
                   g_array_index (scan.stack_line, guint, scan.stack_line->len - 1));
      ok = FALSE;
    }

  g_ptr_array_unref (scan.stack);
  g_array_unref (scan.stack_line);
  if (!ok)
    {
      g_string_free (scan.out, TRUE);
      return NULL;
    }
  return g_string_free (scan.out, FALSE);
}
