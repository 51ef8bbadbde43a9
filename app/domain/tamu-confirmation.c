/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tamu-limits.h"
#include "tamu-confirmation.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "tamu-error.h"
#include "tamu-parse.h"
#include "tamu-regions.h"

#define OFFICE_ZONE "Asia/Jakarta"
#define MAX_TEMPLATE_CHARS TAMU_MAX_NOTE_CHARS

/* The guests read Indonesian: the values are not translated. */
static const char * const placeholders[] = {
  "tanggal",           /* Rabu, 20 Maret 2024 */
  "jam",               /* 10:00 WIB / 11:00 WITA, or 10:00 WIB */
  "jam_wib",           /* 10:00 WIB */
  "jam_lokal",         /* 11:00 WITA: the guests' own zone */
  "zona",              /* WITA */
  "durasi",            /* 60 menit */
  "jenis",             /* konsultasi tatap muka | video conference */
  "daerah",
  "instansi",
  "ruang_atau_tautan", /* the room, or the meeting link */
  "batas_tamu",        /* maksimal 5 orang (empty for a video conference) */
  "jumlah_tamu",       /* 3 orang */
  "topik",
  "kontak",            /* the contact person, else "Bapak/Ibu" */
  "tiket",
  "kontak_cc",         /* the contact-phone setting */
  NULL,
};

const char * const *
tamu_confirmation_get_placeholders (void)
{
  return placeholders;
}

static gboolean
is_placeholder (const char *name)
{
  return g_strv_contains (placeholders, name);
}

static gboolean
is_name_char (char c)
{
  return g_ascii_isalnum (c) || c == '_' || c == '-';
}

/*
 * Finds the next "{name}" at or after @p; returns its opening brace and sets
 * @out_name (owned) and @out_end (after the closing brace), or NULL.
 */
static const char *
next_placeholder (const char  *p,
                  char       **out_name,
                  const char **out_end)
{
  for (; (p = strchr (p, '{')) != NULL; p++)
    {
      const char *q = p + 1;

      while (is_name_char (*q))
        q++;
      if (*q == '}' && q > p + 1)
        {
          *out_name = g_strndup (p + 1, q - p - 1);
          *out_end = q + 1;
          return p;
        }
    }
  return NULL;
}

gboolean
tamu_confirmation_check_template (const char *field,
                                  const char *template,
                                  GError    **error)
{
  g_autoptr(GPtrArray) unknown = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *stripped = NULL;
  const char *p;
  char *name;
  const char *end;

  if (template == NULL || !g_utf8_validate (template, -1, NULL))
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID, _("%s: the text is not valid UTF-8"), field);
      return FALSE;
    }
  stripped = g_strstrip (g_strdup (template));
  if (*stripped == '\0')
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID, _("%s: the template is empty"), field);
      return FALSE;
    }
  if (g_utf8_strlen (template, -1) > MAX_TEMPLATE_CHARS)
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                   _("%s: the template is longer than %d characters"), field, MAX_TEMPLATE_CHARS);
      return FALSE;
    }

  for (p = template; (p = next_placeholder (p, &name, &end)) != NULL; p = end)
    {
      g_autofree char *braced = g_strdup_printf ("{%s}", name);

      if (!is_placeholder (name) &&
          !g_ptr_array_find_with_equal_func (unknown, braced, g_str_equal, NULL))
        g_ptr_array_add (unknown, g_steal_pointer (&braced));
      g_free (name);
    }

  if (unknown->len > 0)
    {
      g_autoptr(GString) known = g_string_new (NULL);
      g_autofree char *names = NULL;

      g_ptr_array_add (unknown, NULL);
      names = g_strjoinv (", ", (char **) unknown->pdata);
      for (guint i = 0; placeholders[i] != NULL; i++)
        g_string_append_printf (known, "%s{%s}", i > 0 ? ", " : "", placeholders[i]);
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE, "%s: unknown placeholder %s (known: %s)",
                               "%s: unknown placeholders %s (known: %s)", unknown->len - 1),
                   field, names, known->str);
      return FALSE;
    }
  return TRUE;
}

/* ---- values ---------------------------------------------------------- */

/* One line of text: control characters (a newline in a contact name) become spaces. */
static char *
one_line (const char *text)
{
  char *copy = g_strdup (text != NULL ? text : "");

  for (char *p = copy; *p != '\0'; p++)
    if ((guchar) *p < 0x20 || *p == 0x7f)
      *p = ' ';
  return g_strstrip (copy);
}

static const char *
guest_zone (const TamuBooking *booking)
{
  const TamuRegion *region = booking->region_code != NULL
                             ? tamu_regions_lookup_code (booking->region_code) : NULL;

  return region != NULL && region->timezone != NULL ? region->timezone : OFFICE_ZONE;
}

static char *
format_clock (int         minutes,
              const char *zone)
{
  int local = minutes + tamu_timezone_offset_minutes (zone) - tamu_timezone_offset_minutes (OFFICE_ZONE);

  local = (local + 24 * 60) % (24 * 60);
  return g_strdup_printf ("%02d:%02d %s", local / 60, local % 60, tamu_timezone_abbreviation (zone));
}

static GHashTable *
collect_values (const TamuBooking *booking,
                const TamuPolicy  *policy)
{
  GHashTable *values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  const char *zone = guest_zone (booking);
  gboolean visit = booking->type == TAMU_BOOKING_TATAP_MUKA;
  int limit = booking->guest_limit > 0 ? booking->guest_limit : policy->guest_limit;
  g_autofree char *topics = NULL;

  g_hash_table_insert (values, "tanggal", tamu_format_date_long_indonesian (&booking->date));
  if (booking->start == TAMU_TIME_UNKNOWN)
    {
      g_hash_table_insert (values, "jam", g_strdup ("(jam belum ditentukan)"));
      g_hash_table_insert (values, "jam_wib", g_strdup ("(jam belum ditentukan)"));
      g_hash_table_insert (values, "jam_lokal", g_strdup ("(jam belum ditentukan)"));
    }
  else
    {
      g_autofree char *office = format_clock (booking->start, OFFICE_ZONE);
      g_autofree char *local = format_clock (booking->start, zone);

      g_hash_table_insert (values, "jam",
                           g_str_equal (office, local) ? g_strdup (office)
                                                       : g_strdup_printf ("%s / %s", office, local));
      g_hash_table_insert (values, "jam_wib", g_steal_pointer (&office));
      g_hash_table_insert (values, "jam_lokal", g_steal_pointer (&local));
    }
  g_hash_table_insert (values, "zona", g_strdup (tamu_timezone_abbreviation (zone)));
  g_hash_table_insert (values, "durasi", g_strdup_printf ("%d menit", booking->duration));
  g_hash_table_insert (values, "jenis", g_strdup (visit ? "konsultasi tatap muka" : "video conference"));
  g_hash_table_insert (values, "daerah", one_line (booking->daerah));
  g_hash_table_insert (values, "instansi", one_line (booking->instansi));
  if (visit)
    g_hash_table_insert (values, "ruang_atau_tautan",
                         booking->room != NULL && *booking->room
                         ? one_line (booking->room) : g_strdup ("Ruang Konsultasi DJPK"));
  else
    g_hash_table_insert (values, "ruang_atau_tautan",
                         booking->link != NULL && *booking->link
                         ? g_strdup_printf ("Microsoft Teams, %s", booking->link)
                         : g_strdup ("Microsoft Teams (tautan akan kami kirimkan)"));
  g_hash_table_insert (values, "batas_tamu",
                       visit ? g_strdup_printf ("maksimal %d orang", limit) : g_strdup (""));
  g_hash_table_insert (values, "jumlah_tamu",
                       booking->guests > 0 ? g_strdup_printf ("%d orang", booking->guests) : g_strdup (""));
  topics = tamu_booking_dup_topics_text (booking);
  g_hash_table_insert (values, "topik", one_line (topics));
  g_hash_table_insert (values, "kontak",
                       booking->contact != NULL && *booking->contact
                       ? one_line (booking->contact) : g_strdup ("Bapak/Ibu"));
  g_hash_table_insert (values, "tiket", one_line (booking->ticket));
  g_hash_table_insert (values, "kontak_cc", one_line (policy->contact_phone));

  return values;
}

/* Fills one line; FALSE when it held placeholders and all came out empty. */
static gboolean
fill_line (GString    *out,
           const char *line,
           GHashTable *values)
{
  gsize mark = out->len;
  guint found = 0, filled = 0;
  const char *p = line;
  const char *start, *end;
  char *name;

  while ((start = next_placeholder (p, &name, &end)) != NULL)
    {
      const char *value = g_hash_table_lookup (values, name);

      g_string_append_len (out, p, start - p);
      found++;
      if (value != NULL && *value != '\0')
        {
          g_string_append (out, value);
          filled++;
        }
      g_free (name);
      p = end;
    }
  g_string_append (out, p);

  if (found > 0 && filled == 0)
    {
      g_string_truncate (out, mark);
      return FALSE;
    }
  return TRUE;
}

TamuConfirmation *
tamu_confirmation_render (const TamuBooking *booking,
                          const TamuPolicy  *policy,
                          const char        *template,
                          GError           **error)
{
  g_autoptr(TamuConfirmation) self = g_new0 (TamuConfirmation, 1);
  g_autoptr(GHashTable) values = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(GString) subject = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;

  g_return_val_if_fail (booking != NULL, NULL);
  g_return_val_if_fail (policy != NULL, NULL);

  if (template == NULL)
    template = policy->confirmation_template;
  if (!tamu_confirmation_check_template ("confirmation-template", template, error))
    return NULL;

  values = collect_values (booking, policy);
  lines = g_strsplit (template, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      gsize len = strlen (lines[i]);

      /* A template pasted from Windows keeps its lines. */
      if (len > 0 && lines[i][len - 1] == '\r')
        lines[i][len - 1] = '\0';
      if (fill_line (body, lines[i], values) && lines[i + 1] != NULL)
        g_string_append_c (body, '\n');
    }

  fill_line (subject, "Konfirmasi {jenis} DJPK: {tanggal}, {jam_wib}", values);

  self->subject = g_string_free (g_steal_pointer (&subject), FALSE);
  self->body = g_string_free (g_steal_pointer (&body), FALSE);
  self->to = booking->email != NULL && *booking->email ? one_line (booking->email) : NULL;

  return g_steal_pointer (&self);
}

static void
append_encoded (GString    *out,
                const char *text,
                const char *allowed)
{
  g_autofree char *crlf = NULL;
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autofree char *escaped = NULL;

  /* RFC 6068: line breaks in a body are CRLF. */
  crlf = g_strjoinv ("\r\n", lines);
  escaped = g_uri_escape_string (crlf, allowed, FALSE);
  g_string_append (out, escaped);
}

char *
tamu_confirmation_dup_mailto (const TamuConfirmation *self)
{
  GString *uri = g_string_new ("mailto:");

  g_return_val_if_fail (self != NULL, NULL);

  if (self->to != NULL)
    append_encoded (uri, self->to, "@");
  g_string_append (uri, "?subject=");
  append_encoded (uri, self->subject, NULL);
  g_string_append (uri, "&body=");
  append_encoded (uri, self->body, NULL);

  return g_string_free (uri, FALSE);
}

void
tamu_confirmation_free (TamuConfirmation *self)
{
  if (self == NULL)
    return;
  g_free (self->subject);
  g_free (self->body);
  g_free (self->to);
  g_free (self);
}
