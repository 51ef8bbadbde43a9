/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "tamu-error.h"
#include "tamu-parse.h"

static const char * const month_names_id[] = {
  NULL, "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli",
  "Agustus", "September", "Oktober", "November", "Desember",
};

static const char * const day_names_id[] = {
  NULL, "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu",
};

/* Month names people write in the office's logs: Indonesian and English,
 * full and abbreviated ("Agu", "Agt", "Des", "Okt"). */
static const struct
{
  const char *name;
  int         month;
} month_words[] = {
  { "januari", 1 }, { "january", 1 }, { "jan", 1 },
  { "februari", 2 }, { "pebruari", 2 }, { "february", 2 }, { "feb", 2 }, { "peb", 2 },
  { "maret", 3 }, { "march", 3 }, { "mar", 3 },
  { "april", 4 }, { "apr", 4 },
  { "mei", 5 }, { "may", 5 },
  { "juni", 6 }, { "june", 6 }, { "jun", 6 },
  { "juli", 7 }, { "july", 7 }, { "jul", 7 },
  { "agustus", 8 }, { "august", 8 }, { "agu", 8 }, { "agt", 8 }, { "ags", 8 }, { "aug", 8 },
  { "september", 9 }, { "sep", 9 }, { "sept", 9 },
  { "oktober", 10 }, { "october", 10 }, { "okt", 10 }, { "oct", 10 },
  { "november", 11 }, { "nopember", 11 }, { "nov", 11 }, { "nop", 11 },
  { "desember", 12 }, { "december", 12 }, { "des", 12 }, { "dec", 12 },
};

static gboolean
all_digits (const char *s,
            gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (s[i]))
      return FALSE;
  return len > 0;
}

static gboolean
set_valid_date (const char *field,
                const char *text,
                int         year,
                int         month,
                int         day,
                GDate      *out,
                GError    **error)
{
  if (year < 1900 || year > 2999)
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                   _("%s: “%s” is not a date: the year must be between 1900 and 2999"),
                   field, text);
      return FALSE;
    }
  if (month < 1 || month > 12)
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                   _("%s: “%s” is not a date: there is no month %d"),
                   field, text, month);
      return FALSE;
    }
  if (day < 1 || day > g_date_get_days_in_month (month, year))
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                   _("%s: “%s” is not a date: %s %d has %d days"),
                   field, text, month_names_id[month], year,
                   g_date_get_days_in_month (month, year));
      return FALSE;
    }

  g_date_clear (out, 1);
  g_date_set_dmy (out, day, month, year);
  return TRUE;
}

gboolean
tamu_parse_date (const char *field,
                 const char *text,
                 GDate      *out,
                 GError    **error)
{
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (field != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (text == NULL || *text == '\0')
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                   _("%s: a date is required (YYYY-MM-DD)"), field);
      return FALSE;
    }

  trimmed = g_strstrip (g_strdup (text));
  if (strlen (trimmed) != 10 || trimmed[4] != '-' || trimmed[7] != '-' ||
      !all_digits (trimmed, 4) || !all_digits (trimmed + 5, 2) || !all_digits (trimmed + 8, 2))
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                   _("%s: “%s” is not a date of the form YYYY-MM-DD"), field, text);
      return FALSE;
    }

  return set_valid_date (field, text,
                         atoi (trimmed), atoi (trimmed + 5), atoi (trimmed + 8),
                         out, error);
}

static int
lookup_month_word (const char *word)
{
  g_autofree char *lower = g_utf8_strdown (word, -1);
  gsize len = strlen (lower);

  /* "Mar." and "Des." */
  if (len > 0 && lower[len - 1] == '.')
    lower[len - 1] = '\0';

  for (guint i = 0; i < G_N_ELEMENTS (month_words); i++)
    if (g_str_equal (lower, month_words[i].name))
      return month_words[i].month;
  return 0;
}

gboolean
tamu_parse_date_loose (const char *field,
                       const char *text,
                       GDate      *out,
                       GError    **error)
{
  g_autofree char *trimmed = NULL;
  g_auto(GStrv) words = NULL;
  int day, month, year;

  g_return_val_if_fail (field != NULL, FALSE);

  if (text == NULL || *text == '\0')
    return tamu_parse_date (field, text, out, error);

  trimmed = g_strstrip (g_strdup (text));
  if (g_ascii_isdigit (trimmed[0]) && strlen (trimmed) == 10 && trimmed[4] == '-')
    return tamu_parse_date (field, trimmed, out, error);

  /* "1 Maret 2024", "01 Mar 2024", and the slashes of Excel: "20/03/2024". */
  if (strchr (trimmed, '/') != NULL)
    {
      words = g_strsplit (trimmed, "/", -1);
      if (g_strv_length (words) == 3 &&
          all_digits (words[0], strlen (words[0])) && strlen (words[0]) <= 2 &&
          all_digits (words[1], strlen (words[1])) && strlen (words[1]) <= 2 &&
          all_digits (words[2], strlen (words[2])) && strlen (words[2]) == 4)
        return set_valid_date (field, text, atoi (words[2]), atoi (words[1]), atoi (words[0]),
                               out, error);
    }
  else
    {
      static GRegex *spaces;
      static gsize spaces_once;

      /* Built once: imports parse tens of thousands of dates. */
      if (g_once_init_enter (&spaces_once))
        {
          spaces = g_regex_new ("\\s+", G_REGEX_OPTIMIZE, 0, NULL);
          g_once_init_leave (&spaces_once, 1);
        }
      words = g_regex_split (spaces, trimmed, 0);
      if (g_strv_length (words) == 3 &&
          all_digits (words[0], strlen (words[0])) && strlen (words[0]) <= 2 &&
          all_digits (words[2], strlen (words[2])) && strlen (words[2]) == 4)
        {
          day = atoi (words[0]);
          month = lookup_month_word (words[1]);
          year = atoi (words[2]);
          if (month == 0)
            {
              g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                           _("%s: “%s” is not a date: “%s” is not a month"),
                           field, text, words[1]);
              return FALSE;
            }
          return set_valid_date (field, text, year, month, day, out, error);
        }
    }

  g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
               _("%s: “%s” is not a date (write 2024-03-20 or 20 Maret 2024)"),
               field, text);
  return FALSE;
}

gboolean
tamu_parse_time (const char *field,
                 const char *text,
                 int        *out_minutes,
                 GError    **error)
{
  g_autofree char *trimmed = NULL;
  const char *sep;
  gsize hour_len;
  int hour, minute;

  g_return_val_if_fail (field != NULL, FALSE);
  g_return_val_if_fail (out_minutes != NULL, FALSE);

  if (text == NULL || *text == '\0')
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                   _("%s: a time is required (HH:MM)"), field);
      return FALSE;
    }

  trimmed = g_strstrip (g_strdup (text));
  sep = strpbrk (trimmed, ":.");
  hour_len = sep != NULL ? (gsize) (sep - trimmed) : 0;
  if (sep == NULL || hour_len < 1 || hour_len > 2 || !all_digits (trimmed, hour_len) ||
      strlen (sep + 1) != 2 || !all_digits (sep + 1, 2))
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                   _("%s: “%s” is not a time of the form HH:MM"), field, text);
      return FALSE;
    }

  hour = atoi (trimmed);
  minute = atoi (sep + 1);
  if (hour > 23 || minute > 59)
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                   _("%s: “%s” is not a time: hours go from 00 to 23 and minutes from 00 to 59"),
                   field, text);
      return FALSE;
    }

  *out_minutes = hour * 60 + minute;
  return TRUE;
}

gboolean
tamu_parse_int (const char *field,
                const char *text,
                int         min,
                int         max,
                int        *out,
                GError    **error)
{
  g_autofree char *trimmed = NULL;
  gint64 value;
  char *end = NULL;

  g_return_val_if_fail (field != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (text != NULL)
    trimmed = g_strstrip (g_strdup (text));

  if (trimmed == NULL || *trimmed == '\0')
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                   _("%s: a number is required"), field);
      return FALSE;
    }

  value = g_ascii_strtoll (trimmed, &end, 10);
  if (end == trimmed || *end != '\0')
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                   _("%s: “%s” is not a whole number"), field, text);
      return FALSE;
    }
  if (value < min || value > max)
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                   _("%s: %s is out of range: it must be from %d to %d"),
                   field, trimmed, min, max);
      return FALSE;
    }

  *out = (int) value;
  return TRUE;
}

gboolean
tamu_parse_time_range (const char *field,
                       const char *text,
                       int        *out_start,
                       int        *out_end,
                       GError    **error)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(GError) local_error = NULL;

  if (text == NULL || strchr (text, '-') == NULL)
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                   _("%s: “%s” is not a range of the form HH:MM-HH:MM"),
                   field, text != NULL ? text : "");
      return FALSE;
    }

  parts = g_strsplit (text, "-", 2);
  if (!tamu_parse_time (field, parts[0], out_start, error) ||
      !tamu_parse_time (field, parts[1], out_end, error))
    return FALSE;

  if (*out_end <= *out_start)
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                   _("%s: “%s” ends before it starts"), field, text);
      return FALSE;
    }

  return TRUE;
}

char *
tamu_format_date_iso (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), g_strdup (""));

  return g_strdup_printf ("%04d-%02d-%02d",
                          g_date_get_year (date),
                          g_date_get_month (date),
                          g_date_get_day (date));
}

char *
tamu_format_time (int minutes)
{
  if (minutes < 0)
    return g_strdup ("--:--");
  return g_strdup_printf ("%02d:%02d", minutes / 60, minutes % 60);
}

const char *
tamu_month_name_indonesian (int month)
{
  g_return_val_if_fail (month >= 1 && month <= 12, "");
  return month_names_id[month];
}

char *
tamu_format_date_indonesian (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), g_strdup (""));

  return g_strdup_printf ("%d %s %d",
                          g_date_get_day (date),
                          month_names_id[g_date_get_month (date)],
                          g_date_get_year (date));
}

char *
tamu_format_date_long_indonesian (const GDate *date)
{
  g_autofree char *short_form = NULL;

  g_return_val_if_fail (date != NULL && g_date_valid (date), g_strdup (""));

  short_form = tamu_format_date_indonesian (date);
  return g_strdup_printf ("%s, %s", day_names_id[g_date_get_weekday (date)], short_form);
}
