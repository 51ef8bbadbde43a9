/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tamu-ical"

#include "config.h"

#include <glib/gi18n.h>
#include <libical/ical.h>
#include <string.h>

#include "tamu-ical.h"
#include "tamu-ical-private.h"

#include "tamu-clock.h"
#include "tamu-error.h"
#include "tamu-regions.h"
#include "tamu-topics.h"

#define MAX_HOLIDAY_DAYS  31
#define MAX_HOLIDAYS      5000
#define MAX_NAME          TAMU_MAX_NAME_CHARS
#define MAX_LINK          TAMU_MAX_LINK_CHARS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (icalcomponent, icalcomponent_free)

/* ---- reading the calendar ------------------------------------------- */

static char *dup_one_line (const char *text,
                           gsize       max_chars);

/* libical keeps going past what it cannot read (an empty value, an unknown
 * value type, Evolution's own X-LIC-ERROR lines) and leaves X-LIC-ERROR
 * notes.  None of them is fatal: what matters (a start) is checked where it
 * is read.  Counts the notes and keeps the first. */
static void
count_parse_notes (icalcomponent *component,
                   guint         *count,
                   char         **first)
{
  icalcomponent *child;

  for (icalproperty *prop = icalcomponent_get_first_property (component, ICAL_XLICERROR_PROPERTY);
       prop != NULL;
       prop = icalcomponent_get_next_property (component, ICAL_XLICERROR_PROPERTY))
    {
      if (*first == NULL)
        *first = dup_one_line (icalproperty_get_xlicerror (prop), 120);
      (*count)++;
    }

  for (child = icalcomponent_get_first_component (component, ICAL_ANY_COMPONENT);
       child != NULL;
       child = icalcomponent_get_next_component (component, ICAL_ANY_COMPONENT))
    count_parse_notes (child, count, first);
}

icalcomponent *
tamu_ical_parse_calendar (const char *data,
                          gsize       length,
                          GPtrArray  *warnings,
                          GError    **error)
{
  g_autofree char *first_note = NULL;
  guint notes = 0;
  g_autofree char *text = tamu_ical_normalize_input (data, length, error);
  g_autoptr(icalcomponent) root = NULL;

  if (text == NULL)
    return NULL;

  root = icalparser_parse_string (text);
  if (root == NULL || icalcomponent_isa (root) != ICAL_VCALENDAR_COMPONENT)
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                   _("format: not an iCalendar file: it must start with BEGIN:VCALENDAR"));
      return NULL;
    }
  count_parse_notes (root, &notes, &first_note);
  if (notes > 0 && warnings != NULL)
    g_ptr_array_add (warnings,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "format: %u value could not be read and was left out (%s)",
                                                   "format: %u values could not be read and were left out (first: %s)",
                                                   notes),
                                      notes, first_note != NULL ? first_note : "?"));

  return g_steal_pointer (&root);
}

static const char *
get_text (icalcomponent *event,
          icalproperty_kind kind)
{
  icalproperty *prop = icalcomponent_get_first_property (event, kind);
  const char *value;

  if (prop == NULL)
    return NULL;
  switch (kind)
    {
    case ICAL_SUMMARY_PROPERTY:
      value = icalproperty_get_summary (prop);
      break;
    case ICAL_DESCRIPTION_PROPERTY:
      value = icalproperty_get_description (prop);
      break;
    case ICAL_LOCATION_PROPERTY:
      value = icalproperty_get_location (prop);
      break;
    case ICAL_URL_PROPERTY:
      value = icalproperty_get_url (prop);
      break;
    case ICAL_UID_PROPERTY:
      value = icalproperty_get_uid (prop);
      break;
    default:
      value = icalproperty_get_value_as_string (prop);
      break;
    }
  return value != NULL && *value != '\0' ? value : NULL;
}

static const char *
get_x_text (icalcomponent *event,
            const char    *name)
{
  for (icalproperty *prop = icalcomponent_get_first_property (event, ICAL_X_PROPERTY);
       prop != NULL;
       prop = icalcomponent_get_next_property (event, ICAL_X_PROPERTY))
    {
      const char *x_name = icalproperty_get_x_name (prop);

      if (x_name != NULL && g_ascii_strcasecmp (x_name, name) == 0)
        return icalproperty_get_x (prop);
    }
  return NULL;
}

/* A single-line copy: line breaks and other control characters become
 * spaces, runs of spaces one, and ends trimmed. */
static char *
dup_one_line (const char *text,
              gsize       max_chars)
{
  GString *out;
  gboolean space = FALSE;
  gsize chars = 0;

  if (text == NULL)
    return NULL;

  out = g_string_new (NULL);
  for (const char *p = text; *p != '\0' && chars < max_chars; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c) || g_unichar_isspace (c))
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        {
          g_string_append_c (out, ' ');
          chars++;
          space = FALSE;
        }
      g_string_append_unichar (out, c);
      chars++;
    }

  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

/* ---- times ------------------------------------------------------------ */

/* GLib reads the zone file on every g_time_zone_new_identifier(): keep the
 * few zones an import meets. */
G_LOCK_DEFINE_STATIC (zones);

static GTimeZone *
zone_for_identifier (const char *name)
{
  static GHashTable *zones;
  GTimeZone *zone;

  G_LOCK (zones);
  if (zones == NULL)
    zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                   (GDestroyNotify) g_time_zone_unref);
  zone = g_hash_table_lookup (zones, name);
  if (zone == NULL && g_hash_table_size (zones) < 64)
    {
      zone = g_time_zone_new_identifier (name);
      if (zone != NULL)
        g_hash_table_insert (zones, g_strdup (name), zone);
    }
  else if (zone == NULL)
    {
      G_UNLOCK (zones);
      return g_time_zone_new_identifier (name);
    }
  if (zone != NULL)
    g_time_zone_ref (zone);
  G_UNLOCK (zones);
  return zone;
}

/* A zone name safe to hand to GLib: GLib reads a file for an identifier that
 * starts with '/', so only plain IANA-looking names pass. */
static GTimeZone *
lookup_iana (const char *name)
{
  if (name == NULL || *name == '\0' || *name == '/' || strlen (name) > 64 ||
      strstr (name, "..") != NULL)
    return NULL;
  for (const char *p = name; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && strchr ("/_+-", *p) == NULL)
      return NULL;
  if (strchr (name, '/') == NULL && g_ascii_strcasecmp (name, "UTC") != 0)
    return NULL; /* "EST", "WIB"…: abbreviations are ambiguous or not in tzdata */

  return zone_for_identifier (name);
}

/* "(UTC+07:00) Bangkok, Hanoi, Jakarta", as some Outlook versions write TZID. */
static GTimeZone *
lookup_offset_label (const char *tzid)
{
  g_autoptr(GRegex) regex = g_regex_new ("^\\s*\\(?\\s*(?:UTC|GMT)\\s*(?:([+-])\\s*(\\d{1,2})(?:[:.]?(\\d{2}))?)?\\s*\\)",
                                         G_REGEX_CASELESS, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *sign = NULL;
  g_autofree char *hours = NULL;
  g_autofree char *minutes = NULL;
  int seconds;

  if (!g_regex_match (regex, tzid, 0, &match))
    return NULL;

  sign = g_match_info_fetch (match, 1);
  hours = g_match_info_fetch (match, 2);
  minutes = g_match_info_fetch (match, 3);
  if (sign == NULL || *sign == '\0')
    return g_time_zone_new_utc ();

  seconds = atoi (hours) * 3600 + (minutes != NULL && *minutes ? atoi (minutes) : 0) * 60;
  if (seconds > 14 * 3600)
    return NULL;
  return g_time_zone_new_offset (*sign == '-' ? -seconds : seconds);
}

/* The instant of @tt written in the file's VTIMEZONE @tzid, through libical;
 * NULL when the file does not define it. */
static GDateTime *
convert_with_vtimezone (icalcomponent      *root,
                        const char         *tzid,
                        const char         *tzid_clean,
                        struct icaltimetype tt,
                        GError            **error)
{
  icaltimezone *zone = icalcomponent_get_timezone (root, tzid);
  g_autoptr(GTimeZone) utc = NULL;

  /* "TZID= 1" against "TZID: 1": libical keeps the spaces on one side only. */
  if (zone == NULL)
    {
      g_autofree char *wanted = g_strstrip (g_strdup (tzid));

      for (icalcomponent *vtz = icalcomponent_get_first_component (root, ICAL_VTIMEZONE_COMPONENT);
           vtz != NULL && zone == NULL;
           vtz = icalcomponent_get_next_component (root, ICAL_VTIMEZONE_COMPONENT))
        {
          icalproperty *prop = icalcomponent_get_first_property (vtz, ICAL_TZID_PROPERTY);
          g_autofree char *name = prop != NULL ? g_strstrip (g_strdup (icalproperty_get_tzid (prop))) : NULL;

          if (name != NULL && g_str_equal (name, wanted))
            zone = icalcomponent_get_timezone (root, icalproperty_get_tzid (prop));
        }
    }
  if (zone == NULL)
    return NULL;
  /* libical expands every rule of the zone from its start to the year
   * asked for: a rule repeating hourly would hold the importer. */
  if (!tamu_ical_vtimezone_is_sane (icaltimezone_get_component (zone)))
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                   _("TZID: the time zone “%s” in the file has rules Tamu does not expand "
                     "(only yearly changes between standard and daylight time are read)"), tzid_clean);
      return NULL;
    }

  icaltimezone_convert_time (&tt, zone, icaltimezone_get_utc_timezone ());
  utc = g_time_zone_new_utc ();
  return g_date_time_new (utc, tt.year, tt.month, tt.day, tt.hour, tt.minute, tt.second);
}

void
tamu_ical_event_time_clear (TamuIcalEventTime *t)
{
  g_clear_pointer (&t->instant, g_date_time_unref);
}

GDateTime *
tamu_ical_local_to_office (icalcomponent      *root,
                           struct icaltimetype tt,
                           const char         *tzid,
                           const char         *field,
                           guint               event_no,
                           GPtrArray          *warnings,
                           GError            **error)
{
  g_autoptr(GTimeZone) office = tamu_office_timezone ();
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) instant = NULL;

  if (tt.hour > 23 || tt.minute > 59 || tt.second > 60)
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                   _("%s: event %u: %02d:%02d is not a valid time"), field, event_no, tt.hour, tt.minute);
      return NULL;
    }

  if (icaltime_is_utc (tt))
    zone = g_time_zone_new_utc ();
  else if (tzid != NULL)
    {
      const char *iana = tamu_ical_windows_zone_to_iana (tzid);
      g_autofree char *name = dup_one_line (tzid, 60);
      const char *slash;

      if (iana != NULL)
        zone = zone_for_identifier (iana);
      if (zone == NULL)
        zone = lookup_iana (tzid);
      /* libical's own zones: "/freeassociation.sourceforge.net/Tzfile/Asia/Jakarta" */
      for (slash = strchr (tzid, '/'); zone == NULL && slash != NULL; slash = strchr (slash + 1, '/'))
        zone = lookup_iana (slash + 1);
      if (zone == NULL)
        {
          GError *zone_error = NULL;

          instant = convert_with_vtimezone (root, tzid, name != NULL ? name : "", tt, &zone_error);
          if (zone_error != NULL)
            {
              g_propagate_error (error, zone_error);
              return NULL;
            }
          if (instant == NULL)
            zone = lookup_offset_label (tzid);
        }
      if (zone == NULL && instant == NULL)
        {
          g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                       _("%s: event %u: unknown time zone “%s” (no VTIMEZONE for it in the file)"),
                       field, event_no, name != NULL ? name : "");
          return NULL;
        }
    }
  else
    {
      /* A floating time: the sender's wall clock, which for us is the office. */
      if (warnings != NULL && g_strcmp0 (field, "DTSTART") == 0)
        g_ptr_array_add (warnings,
                         g_strdup_printf (_("%s: event %u has no time zone; taken as office time (WIB)"),
                                          field, event_no));
      zone = g_time_zone_ref (office);
    }

  if (instant == NULL)
    instant = g_date_time_new (zone, tt.year, tt.month, tt.day, tt.hour, tt.minute,
                               MIN (tt.second, 59));
  if (instant == NULL)
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                   _("%s: event %u: not a valid date and time"), field, event_no);
      return NULL;
    }
  return g_date_time_to_timezone (instant, office);
}

const char *
tamu_ical_get_tzid (icalproperty *prop)
{
  icalparameter *param = icalproperty_get_first_parameter (prop, ICAL_TZID_PARAMETER);

  return param != NULL ? icalparameter_get_tzid (param) : NULL;
}

gboolean
tamu_ical_read_time (icalcomponent     *root,
                     icalproperty      *prop,
                     const char        *field,
                     guint              event_no,
                     GPtrArray         *warnings,
                     TamuIcalEventTime *out,
                     GError           **error)
{
  icalvalue *value = icalproperty_get_value (prop);
  struct icaltimetype tt;
  icalvalue_kind kind;

  memset (out, 0, sizeof *out);
  kind = value != NULL ? icalvalue_isa (value) : ICAL_NO_VALUE;
  if (kind != ICAL_DATETIME_VALUE && kind != ICAL_DATE_VALUE)
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                   _("%s: event %u: the value is not a date or a date and time"), field, event_no);
      return FALSE;
    }
  tt = kind == ICAL_DATE_VALUE ? icalvalue_get_date (value) : icalvalue_get_datetime (value);

  if (tt.year < 1970 || tt.year > 2200 || !g_date_valid_dmy (tt.day, tt.month, tt.year))
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                   _("%s: event %u: %04d-%02d-%02d is not a valid date"),
                   field, event_no, tt.year, tt.month, tt.day);
      return FALSE;
    }

  if (tt.is_date)
    {
      out->is_date = TRUE;
      g_date_clear (&out->date, 1);
      g_date_set_dmy (&out->date, tt.day, tt.month, tt.year);
      return TRUE;
    }

  out->instant = tamu_ical_local_to_office (root, tt, tamu_ical_get_tzid (prop), field, event_no,
                                            warnings, error);
  if (out->instant == NULL)
    return FALSE;
  g_date_clear (&out->date, 1);
  g_date_set_dmy (&out->date,
                  g_date_time_get_day_of_month (out->instant),
                  g_date_time_get_month (out->instant),
                  g_date_time_get_year (out->instant));
  return TRUE;
}

/* ---- what an invitation tells about the visit ------------------------- */

static gboolean
is_link_char (char c)
{
  return (guchar) c > 0x20 && (guchar) c < 0x7F && strchr ("<>\"'`{}|\\^[]", c) == NULL;
}

/* Meeting hosts, in the order a link is preferred when a text names
 * several: Teams, Zoom (any subdomain: us04web.zoom.us, a vanity
 * acme.zoom.us, zoomgov.com), Google Meet, Webex (any site). */
static const char * const meeting_hosts[] = {
  "(?:[a-z0-9-]+\\.)*teams\\.(?:microsoft\\.com|live\\.com|microsoft\\.us)",
  "(?:[a-z0-9-]+\\.)*zoom(?:gov)?\\.(?:us|com)",
  "meet\\.google\\.com",
  "(?:[a-z0-9-]+\\.)*webex\\.com",
};

/* The first meeting link in @text, by host preference. */
static char *
find_meeting_link (const char *text)
{
  static GRegex *regexes[G_N_ELEMENTS (meeting_hosts)];
  static gsize initialized;

  if (text == NULL)
    return NULL;

  if (g_once_init_enter (&initialized))
    {
      for (guint i = 0; i < G_N_ELEMENTS (meeting_hosts); i++)
        {
          /* A path is required: "https://zoom.us/" alone is Zoom's logo
           * link at the top of its invitations, not the meeting. */
          g_autofree char *pattern = g_strdup_printf ("https://%s[/?#][^\\s<>\"'`{}|\\\\^\\[\\]]+",
                                                      meeting_hosts[i]);

          regexes[i] = g_regex_new (pattern, G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
          g_assert (regexes[i] != NULL);
        }
      g_once_init_leave (&initialized, 1);
    }

  for (guint i = 0; i < G_N_ELEMENTS (meeting_hosts); i++)
    {
      g_autoptr(GMatchInfo) match = NULL;
      int start, end;

      if (!g_regex_match_full (regexes[i], text, -1, 0, 0, &match, NULL))
        continue;
      g_match_info_fetch_pos (match, 0, &start, &end);
      while (end > start && strchr (".,;:)", text[end - 1]) != NULL)
        end--;
      if (end - start > MAX_LINK)
        return NULL;
      return g_strndup (text + start, end - start);
    }
  return NULL;
}

/* @text itself when it is a plain web link, else NULL. */
static char *
dup_link (const char *text)
{
  g_autofree char *trimmed = NULL;

  if (text == NULL)
    return NULL;
  trimmed = g_strstrip (g_strdup (text));
  if (*trimmed == '<' && g_str_has_suffix (trimmed, ">"))
    {
      memmove (trimmed, trimmed + 1, strlen (trimmed));
      trimmed[strlen (trimmed) - 1] = '\0';
    }
  if (g_ascii_strncasecmp (trimmed, "https://", 8) != 0 &&
      g_ascii_strncasecmp (trimmed, "http://", 7) != 0)
    return NULL;
  if (strlen (trimmed) > MAX_LINK)
    return NULL;
  for (const char *p = trimmed; *p != '\0'; p++)
    if (!is_link_char (*p))
      return NULL;
  return g_steal_pointer (&trimmed);
}

char *
tamu_ical_find_link (icalcomponent *event)
{
  static const icalproperty_kind texts[] = {
    ICAL_DESCRIPTION_PROPERTY, ICAL_LOCATION_PROPERTY, ICAL_URL_PROPERTY, ICAL_SUMMARY_PROPERTY,
  };
  char *link;

  if ((link = dup_link (get_x_text (event, "X-MICROSOFT-SKYPETEAMSMEETINGURL"))) != NULL)
    return link;
  if ((link = dup_link (get_x_text (event, "X-GOOGLE-CONFERENCE"))) != NULL)
    return link;
  for (icalproperty *prop = icalcomponent_get_first_property (event, ICAL_CONFERENCE_PROPERTY);
       prop != NULL;
       prop = icalcomponent_get_next_property (event, ICAL_CONFERENCE_PROPERTY))
    if ((link = dup_link (icalproperty_get_value_as_string (prop))) != NULL)
      return link;
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if ((link = find_meeting_link (get_text (event, texts[i]))) != NULL)
      return link;
  if ((link = find_meeting_link (get_x_text (event, "X-ALT-DESC"))) != NULL)
    return link;
  if ((link = dup_link (get_text (event, ICAL_URL_PROPERTY))) != NULL)
    return link;
  return dup_link (get_text (event, ICAL_LOCATION_PROPERTY));
}

/* "Bappeda Kab. Bandung", "Pemkot Banjar", "BPKAD Provinsi Jawa Timur" → a region. */
static const TamuRegion *
match_region_in_text (const char *text)
{
  static GRegex *regex;
  g_autoptr(GMatchInfo) match = NULL;

  if (text == NULL)
    return NULL;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex,
                               g_regex_new ("(?<![[:alnum:]])(kabupaten|kab\\.*|kota|provinsi|prov\\.*|pemkab|pemkot|pemko|pemprov)\\s+([[:alpha:]][^,;:()\\[\\]|/\\r\\n—–]*)",
                                            G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL));

  g_regex_match (regex, text, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *kind = g_match_info_fetch (match, 1);
      g_autofree char *rest = g_match_info_fetch (match, 2);
      g_auto(GStrv) words = g_strsplit_set (rest, " \t", -1);
      g_autoptr(GPtrArray) kept = g_ptr_array_new ();
      const char *prefix;
      char first = g_ascii_tolower (kind[0]);

      if (first == 'k' && g_ascii_tolower (kind[1]) == 'a')
        prefix = "Kab.";
      else if (first == 'k')
        prefix = "Kota";
      else if (g_ascii_strncasecmp (kind, "pemkab", 6) == 0)
        prefix = "Kab.";
      else if (g_ascii_strncasecmp (kind, "pemko", 5) == 0)
        prefix = "Kota";
      else
        prefix = "Prov.";

      for (guint i = 0; words[i] != NULL && kept->len < 5; i++)
        if (*words[i] != '\0')
          g_ptr_array_add (kept, words[i]);

      /* Longest first: "Kab. Bandung Barat" before "Kab. Bandung". */
      for (guint n = kept->len; n > 0; n--)
        {
          g_autoptr(GString) candidate = g_string_new (prefix);
          const TamuRegion *region;

          for (guint i = 0; i < n; i++)
            g_string_append_printf (candidate, " %s", (const char *) g_ptr_array_index (kept, i));
          region = tamu_regions_match (candidate->str);
          if (region != NULL)
            return region;
        }
      g_match_info_next (match, NULL);
    }
  return NULL;
}

/* bandungkab.go.id → Kab. Bandung; banjarkota.go.id → Kota Banjar. */
static const TamuRegion *
match_region_in_email (const char *email)
{
  const char *at;
  g_auto(GStrv) labels = NULL;

  if (email == NULL || (at = strchr (email, '@')) == NULL)
    return NULL;

  labels = g_strsplit (at + 1, ".", 8);
  for (guint i = 0; labels[i] != NULL; i++)
    {
      g_autofree char *label = g_ascii_strdown (labels[i], -1);
      g_autofree char *candidate = NULL;
      gsize len = strlen (label);
      const TamuRegion *region;

      if (len > 3 && g_str_has_suffix (label, "kab"))
        candidate = g_strdup_printf ("Kab. %.*s", (int) (len - 3), label);
      else if (len > 4 && g_str_has_suffix (label, "kota"))
        candidate = g_strdup_printf ("Kota %.*s", (int) (len - 4), label);
      else if (len > 4 && g_str_has_suffix (label, "prov"))
        candidate = g_strdup_printf ("Prov. %.*s", (int) (len - 4), label);
      else if (len > 6 && g_str_has_prefix (label, "pemkab"))
        candidate = g_strdup_printf ("Kab. %s", label + 6);
      else if (len > 6 && g_str_has_prefix (label, "pemkot"))
        candidate = g_strdup_printf ("Kota %s", label + 6);
      else if (len > 5 && g_str_has_prefix (label, "pemko"))
        candidate = g_strdup_printf ("Kota %s", label + 5);
      else
        continue;

      region = tamu_regions_match (candidate);
      if (region != NULL)
        return region;
    }
  return NULL;
}

static void
add_topic (GPtrArray  *found,
           const char *name)
{
  for (guint i = 0; i < found->len; i++)
    if (g_strcmp0 (g_ptr_array_index (found, i), name) == 0)
      return;
  g_ptr_array_add (found, g_strdup (name));
}

/* Topics named in the subject: the longest run of up to four words that
 * matches a topic wins ("DAK Non Fisik" before "DAK"). */
static void
match_topics_in_text (GPtrArray  *topics,
                      const char *text,
                      GPtrArray  *found)
{
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  GString *word = g_string_new (NULL);

  if (text == NULL)
    {
      g_string_free (word, TRUE);
      return;
    }

  for (const char *p = text;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && g_unichar_isalnum (c))
        {
          g_string_append_unichar (word, c);
          continue;
        }
      if (word->len > 0 && words->len < 200)
        g_ptr_array_add (words, g_strdup (word->str));
      g_string_truncate (word, 0);
      if (c == 0)
        break;
    }
  g_string_free (word, TRUE);

  for (guint i = 0; i < words->len;)
    {
      guint advance = 1;

      for (guint n = MIN (4, words->len - i); n > 0; n--)
        {
          g_autoptr(GString) phrase = g_string_new (NULL);
          const TamuTopic *topic;

          for (guint k = 0; k < n; k++)
            g_string_append_printf (phrase, "%s%s", k ? " " : "",
                                    (const char *) g_ptr_array_index (words, i + k));
          topic = tamu_topics_match (topics, phrase->str);
          if (topic != NULL)
            {
              add_topic (found, topic->name);
              advance = n;
              break;
            }
        }
      i += advance;
    }
}

static GStrv
find_topics (icalcomponent *event,
             GPtrArray     *topics,
             const char    *summary)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);

  for (icalproperty *prop = icalcomponent_get_first_property (event, ICAL_CATEGORIES_PROPERTY);
       prop != NULL;
       prop = icalcomponent_get_next_property (event, ICAL_CATEGORIES_PROPERTY))
    {
      const char *value = icalproperty_get_categories (prop);
      g_auto(GStrv) parts = value != NULL ? g_strsplit (value, ",", 32) : NULL;

      for (guint i = 0; parts != NULL && parts[i] != NULL; i++)
        {
          const TamuTopic *topic = tamu_topics_match (topics, g_strstrip (parts[i]));

          if (topic != NULL)
            add_topic (found, topic->name);
        }
    }

  /* Categories the sender chose win; the subject is only searched without. */
  if (found->len == 0)
    match_topics_in_text (topics, summary, found);

  if (found->len == 0)
    {
      const TamuTopic *other = tamu_topics_match (topics, "Lainnya");

      if (other != NULL)
        add_topic (found, other->name);
    }

  g_ptr_array_add (found, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&found), FALSE);
}

static char *
dup_email (const char *address)
{
  g_autofree char *email = NULL;

  if (address == NULL)
    return NULL;
  if (g_ascii_strncasecmp (address, "mailto:", 7) == 0)
    address += 7;
  email = g_strstrip (g_strdup (address));
  if (strchr (email, '@') == NULL || strlen (email) > 254)
    return NULL;
  for (const char *p = email; *p != '\0'; p++)
    if ((guchar) *p <= 0x20 || *p == 0x7F || strchr ("<>\"(),;:\\[]", *p) != NULL)
      return NULL;
  return g_steal_pointer (&email);
}

/* ---- invitations ------------------------------------------------------ */

TamuBooking *
tamu_ical_read_event (icalcomponent *root,
                      icalcomponent *event,
                      guint          event_no,
                      GPtrArray     *topics,
                      GPtrArray     *warnings,
                      gboolean      *skippable,
                      GError       **error)
{
  g_autoptr(TamuBooking) draft = NULL;
  icalproperty *prop;
  TamuIcalEventTime start = { 0 };
  TamuIcalEventTime end = { 0 };
  gint64 seconds;
  const char *summary;
  const char *cn = NULL;
  g_autofree char *email = NULL;
  g_autofree char *subject = NULL;
  const TamuRegion *region;

  *skippable = FALSE;

  prop = icalcomponent_get_first_property (event, ICAL_DTSTART_PROPERTY);
  if (prop == NULL)
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                   _("DTSTART: event %u has no start"), event_no);
      return NULL;
    }
  if (!tamu_ical_read_time (root, prop, "DTSTART", event_no, warnings, &start, error))
    return NULL;
  if (start.is_date)
    {
      *skippable = TRUE;
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                   _("DTSTART: event %u is an all-day event; a video conference needs a start time"),
                   event_no);
      return NULL;
    }

  if ((prop = icalcomponent_get_first_property (event, ICAL_DTEND_PROPERTY)) != NULL)
    {
      if (!tamu_ical_read_time (root, prop, "DTEND", event_no, warnings, &end, error))
        {
          tamu_ical_event_time_clear (&start);
          return NULL;
        }
      if (end.is_date)
        {
          tamu_ical_event_time_clear (&start);
          *skippable = TRUE;
          g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                       _("DTEND: event %u ends on a date without a time but starts at a time"),
                       event_no);
          return NULL;
        }
      seconds = g_date_time_difference (end.instant, start.instant) / G_TIME_SPAN_SECOND;
      tamu_ical_event_time_clear (&end);
    }
  else if ((prop = icalcomponent_get_first_property (event, ICAL_DURATION_PROPERTY)) != NULL)
    {
      struct icaldurationtype duration = icalproperty_get_duration (prop);

      seconds = duration.is_neg ? -1 : (gint64) duration.weeks * 7 * 86400 +
                (gint64) duration.days * 86400 + (gint64) duration.hours * 3600 +
                (gint64) duration.minutes * 60 + duration.seconds;
    }
  else
    {
      seconds = 60 * 60;
      if (warnings != NULL)
        g_ptr_array_add (warnings,
                         g_strdup_printf (_("DTEND: event %u has no end; taken as one hour"), event_no));
    }

  if (seconds < 0)
    {
      tamu_ical_event_time_clear (&start);
      *skippable = TRUE;
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                   _("DTEND: event %u ends before it starts"), event_no);
      return NULL;
    }
  if (seconds > 24 * 3600)
    {
      tamu_ical_event_time_clear (&start);
      *skippable = TRUE;
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                   _("DTEND: event %u lasts more than a day; a video conference is one meeting"),
                   event_no);
      return NULL;
    }

  draft = tamu_booking_new ();
  draft->type = TAMU_BOOKING_VIDCON;
  draft->date = start.date;
  draft->start = g_date_time_get_hour (start.instant) * 60 + g_date_time_get_minute (start.instant);
  /* No length (DTEND = DTSTART): the office's default length. */
  draft->duration = (int) ((seconds + 59) / 60);
  draft->guests = 0;
  draft->actual_guests = -1;
  g_clear_pointer (&draft->uid, g_free);
  draft->uid = dup_one_line (get_text (event, ICAL_UID_PROPERTY), MAX_NAME);
  prop = icalcomponent_get_first_property (event, ICAL_SEQUENCE_PROPERTY);
  draft->sequence = prop != NULL ? MAX (0, icalproperty_get_sequence (prop)) : 0;
  tamu_ical_event_time_clear (&start);

  prop = icalcomponent_get_first_property (event, ICAL_STATUS_PROPERTY);
  draft->status = prop != NULL && icalproperty_get_status (prop) == ICAL_STATUS_TENTATIVE
                      ? TAMU_STATUS_REQUESTED
                      : TAMU_STATUS_CONFIRMED;

  prop = icalcomponent_get_first_property (event, ICAL_ORGANIZER_PROPERTY);
  if (prop != NULL)
    {
      icalparameter *param = icalproperty_get_first_parameter (prop, ICAL_CN_PARAMETER);

      if (param != NULL)
        cn = icalparameter_get_cn (param);
      email = dup_email (icalproperty_get_organizer (prop));
    }
  draft->contact = dup_one_line (cn, MAX_NAME);
  draft->email = g_steal_pointer (&email);

  summary = get_text (event, ICAL_SUMMARY_PROPERTY);
  subject = dup_one_line (summary, MAX_NAME);

  region = match_region_in_text (cn);
  if (region == NULL)
    region = match_region_in_text (subject);
  if (region == NULL)
    region = match_region_in_email (draft->email);
  if (region != NULL)
    {
      draft->daerah = g_strdup (region->short_name);
      draft->region_code = g_strdup (region->code);
    }
  else if (warnings != NULL)
    g_ptr_array_add (warnings,
                     g_strdup_printf (_("daerah: event %u names no region in its organizer or subject; fill it in"),
                                      event_no));

  g_clear_pointer (&draft->topics, g_strfreev);
  draft->topics = find_topics (event, topics, subject);

  draft->link = tamu_ical_find_link (event);
  if (draft->link == NULL && warnings != NULL)
    g_ptr_array_add (warnings,
                     g_strdup_printf (_("link: event %u has no meeting link"), event_no));

  if (subject != NULL)
    /* Translators: notes of a booking imported from an invitation; %s is its subject */
    draft->notes = g_strdup_printf (_("Invitation: %s"), subject);

  return g_steal_pointer (&draft);
}

/* ---- holidays --------------------------------------------------------- */

static gboolean
is_cuti_bersama (icalcomponent *event,
                 const char    *name)
{
  static const char *markers[] = { "cuti bersama", "collective leave", "joint leave" };
  g_autoptr(GString) text = g_string_new (name);

  for (icalproperty *prop = icalcomponent_get_first_property (event, ICAL_CATEGORIES_PROPERTY);
       prop != NULL;
       prop = icalcomponent_get_next_property (event, ICAL_CATEGORIES_PROPERTY))
    {
      const char *value = icalproperty_get_categories (prop);

      if (value != NULL)
        g_string_append_printf (text, " %s", value);
    }

  {
    g_autofree char *lower = g_utf8_strdown (text->str, -1);
    g_autofree char *dashless = g_strdelimit (g_strdup (lower), "-_", ' ');

    for (guint i = 0; i < G_N_ELEMENTS (markers); i++)
      if (strstr (dashless, markers[i]) != NULL)
        return TRUE;
  }
  return FALSE;
}

static int
compare_holidays (gconstpointer a,
                  gconstpointer b)
{
  const TamuHoliday *ha = *(TamuHoliday * const *) a;
  const TamuHoliday *hb = *(TamuHoliday * const *) b;

  return g_date_compare (&ha->date, &hb->date);
}

/* An entry that is not a day off: Google's "Observance" (CATEGORIES or
 * DESCRIPTION), or TRANSP:TRANSPARENT in a file that marks its days off
 * OPAQUE.  Most holiday calendars (Google's, Thunderbird's) mark every
 * entry transparent, days off included: there transparency says nothing. */
static gboolean
is_observance (icalcomponent *event,
               gboolean       file_marks_opaque)
{
  icalproperty *prop = icalcomponent_get_first_property (event, ICAL_TRANSP_PROPERTY);
  g_autoptr(GString) text = g_string_new (get_text (event, ICAL_DESCRIPTION_PROPERTY));
  g_autofree char *lower = NULL;

  for (icalproperty *cat = icalcomponent_get_first_property (event, ICAL_CATEGORIES_PROPERTY);
       cat != NULL;
       cat = icalcomponent_get_next_property (event, ICAL_CATEGORIES_PROPERTY))
    {
      const char *value = icalproperty_get_categories (cat);

      if (value != NULL)
        g_string_append_printf (text, " %s", value);
    }
  lower = g_utf8_strdown (text->str, -1);
  if (strstr (lower, "observance") != NULL)
    return TRUE;
  return file_marks_opaque && prop != NULL &&
         icalproperty_get_transp (prop) == ICAL_TRANSP_TRANSPARENT;
}

static gboolean
marks_opaque (icalcomponent *root)
{
  for (icalcomponent *event = icalcomponent_get_first_component (root, ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (root, ICAL_VEVENT_COMPONENT))
    {
      icalproperty *prop = icalcomponent_get_first_property (event, ICAL_TRANSP_PROPERTY);

      if (prop != NULL && icalproperty_get_transp (prop) == ICAL_TRANSP_OPAQUE)
        return TRUE;
    }
  return FALSE;
}

/* The first days of a yearly (or any) repeating holiday, from its start
 * through the end of next year. */
static GArray *
holiday_starts (icalcomponent *event,
                const GDate   *first,
                guint          event_no,
                const char    *name,
                GPtrArray     *warnings)
{
  GArray *starts = g_array_new (FALSE, FALSE, sizeof (GDate));
  icalproperty *prop = icalcomponent_get_first_property (event, ICAL_RRULE_PROPERTY);
  icalproperty *dtstart = icalcomponent_get_first_property (event, ICAL_DTSTART_PROPERTY);
  struct icaltimetype tt;
  icalrecur_iterator *iter;
  GDate today;
  int last_year;
  guint steps = 0;

  if (prop == NULL)
    {
      g_array_append_val (starts, *first);
      return starts;
    }

  tamu_clock_today (&today);
  last_year = g_date_get_year (&today) + 1;
  tt = icalproperty_get_dtstart (dtstart);
  tt.zone = NULL;
  iter = icalrecur_iterator_new (icalproperty_get_rrule (prop), tt);
  for (struct icaltimetype next = iter != NULL ? icalrecur_iterator_next (iter) : icaltime_null_time ();
       !icaltime_is_null_time (next) && next.year <= last_year && steps < 5000;
       next = icalrecur_iterator_next (iter), steps++)
    {
      GDate day;

      if (!g_date_valid_dmy (next.day, next.month, next.year))
        continue;
      g_date_clear (&day, 1);
      g_date_set_dmy (&day, next.day, next.month, next.year);
      g_array_append_val (starts, day);
    }
  if (iter != NULL)
    icalrecur_iterator_free (iter);
  if (starts->len == 0)
    g_array_append_val (starts, *first);
  else if (warnings != NULL)
    g_ptr_array_add (warnings,
                     g_strdup_printf (_("RRULE: event %u (“%s”) repeats; its days through %d are imported"),
                                      event_no, name, last_year));
  return starts;
}

GPtrArray *
tamu_ical_import_holidays (const char *data,
                           gsize       length,
                           GError    **error)
{
  return tamu_ical_read_holidays (data, length, FALSE, NULL, error);
}

GPtrArray *
tamu_ical_read_holidays (const char *data,
                         gsize       length,
                         gboolean    include_observances,
                         GPtrArray  *warnings,
                         GError    **error)
{
  gboolean file_marks_opaque;
  g_autoptr(icalcomponent) root = NULL;
  g_autoptr(GHashTable) by_day = NULL;
  g_autoptr(GPtrArray) holidays = NULL;
  guint event_no = 0;
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  root = tamu_ical_parse_calendar (data, length, warnings, error);
  if (root == NULL)
    return NULL;
  file_marks_opaque = marks_opaque (root);

  /* Julian day → TamuHoliday*; the table owns them until the end. */
  by_day = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                  (GDestroyNotify) tamu_holiday_free);

  for (icalcomponent *event = icalcomponent_get_first_component (root, ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (root, ICAL_VEVENT_COMPONENT))
    {
      icalproperty *prop;
      TamuIcalEventTime start = { 0 };
      TamuIcalEventTime end = { 0 };
      g_autofree char *name = NULL;
      TamuHolidayKind kind;
      int days = 1;
      const char *summary;
      g_autoptr(GArray) starts = NULL;

      event_no++;
      prop = icalcomponent_get_first_property (event, ICAL_STATUS_PROPERTY);
      if (prop != NULL && icalproperty_get_status (prop) == ICAL_STATUS_CANCELLED)
        continue;

      summary = get_text (event, ICAL_SUMMARY_PROPERTY);
      name = dup_one_line (summary, G_MAXSIZE);
      if (name == NULL)
        {
          g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                       _("SUMMARY: event %u has no name; a holiday needs one"), event_no);
          return NULL;
        }
      if (g_utf8_strlen (name, -1) > MAX_NAME)
        {
          g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                       _("SUMMARY: event %u has a name longer than %d characters"), event_no, MAX_NAME);
          return NULL;
        }

      prop = icalcomponent_get_first_property (event, ICAL_DTSTART_PROPERTY);
      if (prop == NULL)
        {
          g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                       _("DTSTART: event %u (“%s”) has no date"), event_no, name);
          return NULL;
        }
      if (!tamu_ical_read_time (root, prop, "DTSTART", event_no, NULL, &start, error))
        return NULL;
      tamu_ical_event_time_clear (&start);

      if ((prop = icalcomponent_get_first_property (event, ICAL_DTEND_PROPERTY)) != NULL)
        {
          if (!tamu_ical_read_time (root, prop, "DTEND", event_no, NULL, &end, error))
            return NULL;
          tamu_ical_event_time_clear (&end);
          /* DTEND is exclusive for all-day events; some writers repeat DTSTART. */
          days = MAX (1, g_date_days_between (&start.date, &end.date));
          if (g_date_compare (&end.date, &start.date) < 0)
            {
              g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                           _("DTEND: event %u (“%s”) ends before it starts"), event_no, name);
              return NULL;
            }
        }
      else if ((prop = icalcomponent_get_first_property (event, ICAL_DURATION_PROPERTY)) != NULL)
        {
          struct icaldurationtype duration = icalproperty_get_duration (prop);

          days = duration.is_neg ? -1 : MAX (1, (int) (duration.weeks * 7 + duration.days));
          if (days < 0)
            {
              g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                           _("DURATION: event %u (“%s”) is negative"), event_no, name);
              return NULL;
            }
        }

      if (days > MAX_HOLIDAY_DAYS)
        {
          g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                       _("DTEND: event %u (“%s”) lasts %d days; a holiday lasts at most %d"),
                       event_no, name, days, MAX_HOLIDAY_DAYS);
          return NULL;
        }

      if (!include_observances && is_observance (event, file_marks_opaque))
        {
          if (warnings != NULL)
            g_ptr_array_add (warnings,
                             g_strdup_printf (_("TRANSP: event %u (“%s”) is an observance, not a day off "
                                                "(skipped; --include-observances adds it)"),
                                              event_no, name));
          continue;
        }

      kind = is_cuti_bersama (event, name) ? TAMU_HOLIDAY_CUTI_BERSAMA : TAMU_HOLIDAY_NATIONAL;
      starts = holiday_starts (event, &start.date, event_no, name, warnings);
      for (guint n = 0; n < starts->len * days; n++)
        {
          GDate day = g_array_index (starts, GDate, n / days);
          int d = n % days;
          guint julian;
          TamuHoliday *existing;

          g_date_add_days (&day, d);
          julian = g_date_get_julian (&day);
          existing = g_hash_table_lookup (by_day, GUINT_TO_POINTER (julian));
          /* Two entries on one day: the national holiday wins over cuti bersama. */
          if (existing != NULL &&
              !(existing->kind == TAMU_HOLIDAY_CUTI_BERSAMA && kind == TAMU_HOLIDAY_NATIONAL))
            continue;
          if (existing == NULL && g_hash_table_size (by_day) >= MAX_HOLIDAYS)
            {
              g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                           _("file: more than %d holidays in one file"), MAX_HOLIDAYS);
              return NULL;
            }
          g_hash_table_replace (by_day, GUINT_TO_POINTER (julian),
                                tamu_holiday_new (&day, name, kind));
        }
    }

  if (event_no == 0)
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                   _("event: the file holds no holidays (no VEVENT)"));
      return NULL;
    }

  holidays = g_ptr_array_new_with_free_func ((GDestroyNotify) tamu_holiday_free);
  g_hash_table_iter_init (&iter, by_day);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      g_ptr_array_add (holidays, value);
      g_hash_table_iter_steal (&iter);
    }
  g_ptr_array_sort (holidays, compare_holidays);

  return g_steal_pointer (&holidays);
}
