/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "tamu-confirmation.h"
#include "tamu-error.h"
#include "tamu-limits.h"
#include "tamu-parse.h"
#include "tamu-policy.h"
#include "tamu-text.h"

#define ROOM_SEPARATOR ";"

static const TamuSettingSpec setting_specs[] = {
  { "guest-limit", "5", N_("Most guests allowed at one tatap muka visit") },
  { "service-hours", "08:00-16:00", N_("Service hours, Monday to Friday (office time, WIB)") },
  { "break", "12:00-13:00", N_("Break, Monday to Thursday; “none” for no break") },
  { "friday-break", "11:30-13:00", N_("Break on Friday; “none” for no break") },
  { "daily-cap", "", N_("Most tatap muka visits on one day; empty for no cap") },
  { "default-duration", "60", N_("Length of a booking in minutes when none is given") },
  { "slot-step", "30", N_("Minutes between the start times the slot finder proposes") },
  { "rooms", "Ruang Konsultasi 1;Ruang Konsultasi 2", N_("Rooms for tatap muka visits, separated by “;”") },
  { "count-since-year", "2023", N_("Year from which the monthly summary counts visits cumulatively") },
  { "feed-base-url", "http://127.0.0.1:8787", N_("Start of the calendar feed links: http(s)://HOST:PORT as clients reach the server") },
  { "organizer-email", "", N_("The contact center's mailbox, the ORGANIZER of Add to Outlook files; empty for none") },
  { "confirmation-template", TAMU_CONFIRMATION_DEFAULT_TEMPLATE,
    N_("The confirmation sent to the guests, with placeholders such as {tanggal} and {jam}") },
  { "contact-phone", "150420 / WA 0811-150420-7", N_("The contact center's number, for {kontak_cc}") },
  { NULL, NULL, NULL },
};

const TamuSettingSpec *
tamu_policy_get_setting_specs (void)
{
  return setting_specs;
}

const TamuSettingSpec *
tamu_policy_find_setting (const char *key)
{
  g_return_val_if_fail (key != NULL, NULL);

  for (const TamuSettingSpec *spec = setting_specs; spec->key != NULL; spec++)
    if (g_str_equal (spec->key, key))
      return spec;
  return NULL;
}

TamuPolicy *
tamu_policy_new_default (void)
{
  TamuPolicy *self = g_new0 (TamuPolicy, 1);

  self->rooms = g_new0 (char *, 1);
  self->confirmation_template = g_strdup ("");
  self->contact_phone = g_strdup ("");
  for (const TamuSettingSpec *spec = setting_specs; spec->key != NULL; spec++)
    {
      g_autoptr(GError) error = NULL;

      if (!tamu_policy_apply_setting (self, spec->key, spec->default_value, NULL, &error))
        g_error ("default of %s is invalid: %s", spec->key, error->message);
    }
  return self;
}

TamuPolicy *
tamu_policy_copy (const TamuPolicy *self)
{
  TamuPolicy *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->rooms = g_strdupv (self->rooms);
  copy->feed_base_url = g_strdup (self->feed_base_url);
  copy->organizer_email = g_strdup (self->organizer_email);
  copy->confirmation_template = g_strdup (self->confirmation_template);
  copy->contact_phone = g_strdup (self->contact_phone);
  return copy;
}

void
tamu_policy_free (TamuPolicy *self)
{
  if (self == NULL)
    return;
  g_strfreev (self->rooms);
  g_free (self->feed_base_url);
  g_free (self->organizer_email);
  g_free (self->confirmation_template);
  g_free (self->contact_phone);
  g_free (self);
}

void
tamu_policy_get_break (const TamuPolicy *self,
                       const GDate      *date,
                       int              *out_start,
                       int              *out_end)
{
  if (g_date_get_weekday (date) == G_DATE_FRIDAY)
    {
      *out_start = self->friday_break_start;
      *out_end = self->friday_break_end;
    }
  else
    {
      *out_start = self->break_start;
      *out_end = self->break_end;
    }
}

gboolean
tamu_policy_has_room (const TamuPolicy *self,
                      const char       *room)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return room != NULL && g_strv_contains ((const char * const *) self->rooms, room);
}

static gboolean
is_none (const char *value)
{
  return value == NULL || *value == '\0' || g_ascii_strcasecmp (value, "none") == 0;
}

static gboolean
apply_break (const char *key,
             const char *value,
             int        *start,
             int        *end,
             char      **normalized,
             GError    **error)
{
  if (is_none (value))
    {
      *start = *end = 0;
      *normalized = g_strdup ("none");
      return TRUE;
    }
  if (!tamu_parse_time_range (key, value, start, end, error))
    return FALSE;
  *normalized = g_strdup_printf ("%02d:%02d-%02d:%02d", *start / 60, *start % 60, *end / 60, *end % 60);
  return TRUE;
}

static GStrv
split_rooms (const char *key,
             const char *value,
             GError    **error)
{
  g_auto(GStrv) parts = g_strsplit (value != NULL ? value : "", ROOM_SEPARATOR, -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *room = g_strstrip (parts[i]);

      if (*room == '\0')
        continue;
      if (g_hash_table_contains (seen, room))
        {
          g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                       _("%s: the room “%s” is listed twice"), key, room);
          return NULL;
        }
      g_hash_table_add (seen, room);
      g_strv_builder_add (builder, room);
    }

  return g_strv_builder_end (builder);
}

/* "http(s)://host[:port]" with nothing after it but an optional "/". */
static char *
tamu_policy_normalize_base_url (const char *key,
                                const char *value,
                                GError    **error)
{
  g_autoptr(GUri) uri = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (value != NULL ? value : ""));
  const char *scheme;
  const char *path;

  uri = g_uri_parse (trimmed, G_URI_FLAGS_NONE, NULL);
  scheme = uri != NULL ? g_uri_get_scheme (uri) : NULL;
  path = uri != NULL ? g_uri_get_path (uri) : NULL;
  if (uri == NULL || scheme == NULL ||
      (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0) ||
      g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0' ||
      g_uri_get_userinfo (uri) != NULL || g_uri_get_query (uri) != NULL ||
      g_uri_get_fragment (uri) != NULL || (path != NULL && *path != '\0' && !g_str_equal (path, "/")))
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                   _("%s: “%s” is not a base address like http://192.168.1.10:8787"), key, trimmed);
      return NULL;
    }
  if (g_str_has_suffix (trimmed, "/"))
    trimmed[strlen (trimmed) - 1] = '\0';
  return g_steal_pointer (&trimmed);
}

static char *
tamu_policy_normalize_email (const char *key,
                             const char *value,
                             GError    **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (value != NULL ? value : ""));
  const char *at = strchr (trimmed, '@');

  if (*trimmed == '\0')
    return g_steal_pointer (&trimmed);
  if (at == NULL || at == trimmed || at[1] == '\0' || strchr (at + 1, '@') != NULL ||
      strchr (at + 1, '.') == NULL || strpbrk (trimmed, " \t\r\n\",;:<>()[]\\") != NULL)
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                   _("%s: “%s” is not an e-mail address"), key, trimmed);
      return NULL;
    }
  return g_steal_pointer (&trimmed);
}

/* A number people can read: not empty, one line, printable, short. */
static gboolean
check_contact_phone (const char *key,
                     const char *value,
                     GError    **error)
{
  if (value == NULL || !g_utf8_validate (value, -1, NULL))
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID, _("%s: the text is not valid UTF-8"), key);
      return FALSE;
    }
  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isprint (g_utf8_get_char (p)))
      {
        g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                     _("%s: one line of printable text, without control characters"), key);
        return FALSE;
      }
  if (*value == '\0' || g_utf8_strlen (value, -1) > 100)
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                   _("%s: give the number, at most 100 characters"), key);
      return FALSE;
    }
  return TRUE;
}

gboolean
tamu_policy_apply_setting (TamuPolicy *self,
                           const char *key,
                           const char *value,
                           char      **out_normalized,
                           GError    **error)
{
  g_autofree char *normalized = NULL;
  TamuPolicy candidate;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (tamu_policy_find_setting (key) == NULL)
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_NOT_FOUND,
                   _("%s: no such setting"), key);
      return FALSE;
    }

  /* A value enters the database here: UTF-8, one line, bounded — but the
   * guests' confirmation, a message of several lines. */
  if (g_str_equal (key, "confirmation-template")
      ? !tamu_text_check (key, value, TAMU_MAX_NOTE_CHARS, TAMU_TEXT_MULTILINE, error)
      : !tamu_text_check (key, value, TAMU_MAX_SETTING_CHARS, TAMU_TEXT_ONE_LINE, error))
    return FALSE;

  /* Work on a copy of the plain values so a refused value changes nothing,
   * and so combined checks (the break inside the hours) see the new value. */
  candidate = *self;

  if (g_str_equal (key, "guest-limit"))
    {
      if (!tamu_parse_int (key, value, 1, TAMU_MAX_GUESTS, &candidate.guest_limit, error))
        return FALSE;
      normalized = g_strdup_printf ("%d", candidate.guest_limit);
    }
  else if (g_str_equal (key, "service-hours"))
    {
      if (!tamu_parse_time_range (key, value, &candidate.open, &candidate.close, error))
        return FALSE;
      normalized = g_strdup_printf ("%02d:%02d-%02d:%02d", candidate.open / 60, candidate.open % 60,
                                    candidate.close / 60, candidate.close % 60);
    }
  else if (g_str_equal (key, "break"))
    {
      if (!apply_break (key, value, &candidate.break_start, &candidate.break_end, &normalized, error))
        return FALSE;
    }
  else if (g_str_equal (key, "friday-break"))
    {
      if (!apply_break (key, value, &candidate.friday_break_start, &candidate.friday_break_end,
                        &normalized, error))
        return FALSE;
    }
  else if (g_str_equal (key, "daily-cap"))
    {
      if (is_none (value) || g_strcmp0 (value, "0") == 0)
        {
          candidate.daily_cap = 0;
          normalized = g_strdup ("");
        }
      else
        {
          if (!tamu_parse_int (key, value, 1, TAMU_MAX_DAILY_CAP, &candidate.daily_cap, error))
            return FALSE;
          normalized = g_strdup_printf ("%d", candidate.daily_cap);
        }
    }
  else if (g_str_equal (key, "default-duration"))
    {
      if (!tamu_parse_int (key, value, TAMU_MIN_DURATION, TAMU_MAX_DURATION,
                           &candidate.default_duration, error))
        return FALSE;
      normalized = g_strdup_printf ("%d", candidate.default_duration);
    }
  else if (g_str_equal (key, "slot-step"))
    {
      if (!tamu_parse_int (key, value, 5, 240, &candidate.slot_step, error))
        return FALSE;
      normalized = g_strdup_printf ("%d", candidate.slot_step);
    }
  else if (g_str_equal (key, "count-since-year"))
    {
      if (!tamu_parse_int (key, value, 2000, 2999, &candidate.count_since_year, error))
        return FALSE;
      normalized = g_strdup_printf ("%d", candidate.count_since_year);
    }
  else if (g_str_equal (key, "rooms"))
    {
      g_auto(GStrv) rooms = split_rooms (key, value, error);

      if (rooms == NULL)
        return FALSE;
      if (rooms[0] == NULL)
        {
          g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                       _("%s: at least one room is needed"), key);
          return FALSE;
        }
      normalized = g_strjoinv (ROOM_SEPARATOR, rooms);
      g_strfreev (self->rooms);
      self->rooms = g_steal_pointer (&rooms);
      candidate.rooms = self->rooms;
    }
  else if (g_str_equal (key, "feed-base-url"))
    {
      normalized = tamu_policy_normalize_base_url (key, value, error);
      if (normalized == NULL)
        return FALSE;
      g_free (self->feed_base_url);
      self->feed_base_url = g_strdup (normalized);
      candidate.feed_base_url = self->feed_base_url;
    }
  else if (g_str_equal (key, "organizer-email"))
    {
      normalized = tamu_policy_normalize_email (key, value, error);
      if (normalized == NULL)
        return FALSE;
      g_free (self->organizer_email);
      self->organizer_email = g_strdup (normalized);
      candidate.organizer_email = self->organizer_email;
    }
  else if (g_str_equal (key, "confirmation-template"))
    {
      if (!tamu_confirmation_check_template (key, value, error))
        return FALSE;
      normalized = g_strdup (value);
      g_free (self->confirmation_template);
      self->confirmation_template = g_strdup (value);
      candidate.confirmation_template = self->confirmation_template;
    }
  else if (g_str_equal (key, "contact-phone"))
    {
      normalized = g_strstrip (g_strdup (value != NULL ? value : ""));
      if (!check_contact_phone (key, normalized, error))
        return FALSE;
      g_free (self->contact_phone);
      self->contact_phone = g_strdup (normalized);
      candidate.contact_phone = self->contact_phone;
    }
  else
    g_assert_not_reached ();

  /* A break must lie inside the service hours (checked once both are known). */
  if (candidate.close > 0)
    {
      if ((candidate.break_end > candidate.break_start &&
           (candidate.break_start < candidate.open || candidate.break_end > candidate.close)) ||
          (candidate.friday_break_end > candidate.friday_break_start &&
           (candidate.friday_break_start < candidate.open ||
            candidate.friday_break_end > candidate.close)))
        {
          g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                       _("%s: the break must lie inside the service hours"), key);
          return FALSE;
        }
    }

  *self = candidate;
  if (out_normalized != NULL)
    *out_normalized = g_steal_pointer (&normalized);
  return TRUE;
}
