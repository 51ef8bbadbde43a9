/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tamu-csv"

#include "config.h"

#include "tamu-csv.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "tamu-error.h"

void
tamu_csv_record_free (TamuCsvRecord *record)
{
  if (record == NULL)
    return;
  g_strfreev (record->fields);
  g_free (record);
}

/* The line (1-based) that the byte at @stop is on; CRLF, LF and CR end lines. */
static guint
count_line (const char *start,
            const char *stop)
{
  guint line = 1;

  for (const char *p = start; p < stop; p++)
    {
      if (*p == '\n')
        line++;
      else if (*p == '\r' && !(p + 1 < stop && p[1] == '\n'))
        line++;
    }
  return line;
}

char
tamu_csv_detect_separator (const char *data,
                           gsize       length)
{
  gboolean quoted = FALSE;
  guint commas = 0;
  guint semicolons = 0;

  g_return_val_if_fail (data != NULL || length == 0, ',');

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (c == '"')
        quoted = !quoted;
      else if (quoted)
        continue;
      else if (c == '\n' || c == '\r')
        break;
      else if (c == ',')
        commas++;
      else if (c == ';')
        semicolons++;
    }
  return semicolons > commas ? ';' : ',';
}

GPtrArray *
tamu_csv_parse (const char *data,
                gssize      length,
                char        separator,
                char       *out_separator,
                GError    **error)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GString) field = NULL;
  const char *start;
  const char *p;
  const char *end;
  const char *invalid = NULL;
  guint line = 1;

  g_return_val_if_fail (data != NULL || length <= 0, NULL);
  g_return_val_if_fail (separator == 0 || separator == ',' || separator == ';', NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (data == NULL)
    data = "";
  if (length < 0)
    length = strlen (data);

  start = data;
  end = data + length;
  if (length >= 3 && memcmp (data, TAMU_CSV_BOM, 3) == 0)
    start += 3;

  /* Validating first means the error names the line of the bad byte, and
   * everything below can rely on UTF-8 (a NUL byte also fails here). */
  if (!g_utf8_validate_len (start, end - start, &invalid))
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                   /* Translators: "encoding" names what is wrong; keep it. */
                   _("line %u: encoding: the file is not UTF-8 text "
                     "(in Excel, save it as “CSV UTF-8”)"),
                   count_line (start, invalid));
      return NULL;
    }

  /* Excel writes, and honours, a first line "sep=;" naming the separator. */
  if (end - start >= 5 && g_ascii_strncasecmp (start, "sep=", 4) == 0
      && (start[4] == ',' || start[4] == ';')
      && (end - start == 5 || start[5] == '\r' || start[5] == '\n'))
    {
      if (separator == 0)
        separator = start[4];
      start += 5;
      if (start < end && *start == '\r')
        start++;
      if (start < end && *start == '\n')
        start++;
      line = 2;
    }

  if (separator == 0)
    separator = tamu_csv_detect_separator (start, end - start);
  if (out_separator != NULL)
    *out_separator = separator;

  records = g_ptr_array_new_with_free_func ((GDestroyNotify) tamu_csv_record_free);
  field = g_string_new (NULL);
  p = start;

  while (p < end)
    {
      g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
      TamuCsvRecord *record;
      guint record_line = line;

      for (;;)
        {
          g_string_truncate (field, 0);

          if (p < end && *p == '"')
            {
              guint open_line = line;

              p++;
              for (;;)
                {
                  if (p >= end)
                    {
                      g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                                   /* Translators: "quote" names what is wrong; keep it. */
                                   _("line %u: quote: a quoted field starts here "
                                     "and is never closed"),
                                   open_line);
                      return NULL;
                    }
                  if (*p == '"')
                    {
                      if (p + 1 < end && p[1] == '"')
                        {
                          g_string_append_c (field, '"');
                          p += 2;
                          continue;
                        }
                      p++;
                      break;
                    }
                  if (*p == '\r' || *p == '\n')
                    {
                      /* Line breaks inside a cell come out as "\n" whatever the file used. */
                      if (*p == '\r' && p + 1 < end && p[1] == '\n')
                        p++;
                      p++;
                      line++;
                      g_string_append_c (field, '\n');
                      continue;
                    }
                  g_string_append_c (field, *p);
                  p++;
                }

              if (p < end && *p != separator && *p != '\r' && *p != '\n')
                {
                  g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                               _("line %u: quote: text follows the closing quote "
                                 "of a field (a quote inside a quoted field is "
                                 "written twice: \"\")"),
                               line);
                  return NULL;
                }
            }
          else
            {
              /* An unquoted field runs to the separator or the line end; a
               * quote inside it is kept as text, as Excel does. */
              const char *stop = p;

              while (stop < end && *stop != separator && *stop != '\r' && *stop != '\n')
                stop++;
              g_string_append_len (field, p, stop - p);
              p = stop;
            }

          g_ptr_array_add (fields, g_strndup (field->str, field->len));

          if (p < end && *p == separator)
            {
              p++;
              continue;
            }

          /* The record ends here: consume its line end. */
          if (p < end && *p == '\r')
            {
              p++;
              if (p < end && *p == '\n')
                p++;
              line++;
            }
          else if (p < end && *p == '\n')
            {
              p++;
              line++;
            }
          break;
        }

      g_ptr_array_add (fields, NULL);
      record = g_new0 (TamuCsvRecord, 1);
      record->line = record_line;
      record->fields = (GStrv) g_ptr_array_free (g_steal_pointer (&fields), FALSE);
      g_ptr_array_add (records, record);
    }

  return g_steal_pointer (&records);
}

gboolean
tamu_csv_record_is_blank (const TamuCsvRecord *record)
{
  g_return_val_if_fail (record != NULL, TRUE);

  for (guint i = 0; record->fields[i] != NULL; i++)
    {
      for (const char *p = record->fields[i]; *p != '\0'; p = g_utf8_next_char (p))
        if (!g_unichar_isspace (g_utf8_get_char (p)))
          return FALSE;
    }
  return TRUE;
}

/* "-5", "-2,5", "-0.75": a negative number, which Excel reads as a number. */
static gboolean
is_negative_number (const char *text)
{
  const char *p = text;
  gboolean digits = FALSE;
  gboolean decimal = FALSE;

  if (*p != '-')
    return FALSE;
  for (p++; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        digits = TRUE;
      else if ((*p == '.' || *p == ',') && digits && !decimal && g_ascii_isdigit (p[1]))
        decimal = TRUE;
      else
        return FALSE;
    }
  return digits;
}

/*
 * Excel, LibreOffice and Google Sheets run a cell as a formula when it starts
 * with = + - or @ (and tab or CR fool some of them into doing the same), so
 * an exported daerah like "=HYPERLINK(…)" or "-2+3+cmd|' /C calc'!A0" could
 * run code or leak data on the desk that opens the file (CSV injection,
 * OWASP).  Such a cell gets a leading apostrophe, which every spreadsheet
 * shows as text.
 *
 * Two exceptions keep ordinary data intact, because neither can hold a
 * formula: a plain negative number ("-5", "-2,5") stays a number, and a lone
 * "-" (the usual "nothing here" in the office's logs) stays as typed.
 *
 * Phone numbers such as "+62 812-3456-7890" are *not* exempt: unprefixed,
 * Excel reads "+6281234567890" as the number 6.28123E+12 (the plus and the
 * leading digits' meaning are gone) and "+62 812-3456-7890" as a broken
 * formula.  With the apostrophe the cell shows "'+62 812-3456-7890": every
 * digit and the plus survive, readable, and our own importer strips the
 * apostrophe again (tamu_csv_unneutralise()).
 */
gboolean
tamu_csv_needs_neutralising (const char *text)
{
  const char *p;

  if (text == NULL)
    return FALSE;

  for (p = text; *p == ' '; p++)
    ;
  if (*p != '=' && *p != '+' && *p != '-' && *p != '@' && *p != '\t' && *p != '\r')
    return FALSE;
  if (p == text && (strcmp (text, "-") == 0 || is_negative_number (text)))
    return FALSE;
  return TRUE;
}

/*
 * The writer adds one apostrophe to a value that, past any apostrophes it
 * already starts with, would be a formula ("=x", "'=x", "''=x"); the reader
 * removes one from the same values.  So the two are exact inverses, even for
 * a value that was typed with an apostrophe.
 */
static gboolean
needs_apostrophe (const char *text)
{
  if (text == NULL)
    return FALSE;
  while (*text == '\'')
    text++;
  return tamu_csv_needs_neutralising (text);
}

const char *
tamu_csv_unneutralise (const char *text)
{
  if (text != NULL && text[0] == '\'' && needs_apostrophe (text))
    return text + 1;
  return text;
}

void
tamu_csv_append_field (GString    *out,
                       const char *text,
                       char        separator)
{
  gboolean prefix;
  gboolean quote;
  gsize len;

  g_return_if_fail (out != NULL);

  if (text == NULL || *text == '\0')
    return;

  /* A value that already looks neutralised ("'=x") gets a second apostrophe,
   * so that tamu_csv_unneutralise() gives back exactly what was written. */
  prefix = needs_apostrophe (text);

  len = strlen (text);
  /* Both separators are quoted, so the file stays right when a spreadsheet
   * set to the other list separator opens it. */
  quote = strpbrk (text, ",;\"\r\n") != NULL
          || (separator != ',' && separator != ';' && strchr (text, separator) != NULL)
          || (!prefix && (text[0] == ' ' || text[0] == '\t'))
          || text[len - 1] == ' ' || text[len - 1] == '\t';

  if (quote)
    g_string_append_c (out, '"');
  if (prefix)
    g_string_append_c (out, '\'');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append (out, "\"\"");
      else
        g_string_append_c (out, *p);
    }
  if (quote)
    g_string_append_c (out, '"');
}

void
tamu_csv_append_row (GString            *out,
                     const char * const *fields,
                     gsize               n_fields,
                     char                separator)
{
  g_return_if_fail (out != NULL);
  g_return_if_fail (fields != NULL || n_fields == 0);

  for (gsize i = 0; i < n_fields; i++)
    {
      if (i > 0)
        g_string_append_c (out, separator);
      tamu_csv_append_field (out, fields[i], separator);
    }
  g_string_append (out, "\r\n");
}
