/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tamu-ical"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tamu-ical-private.h"

#include "tamu-clock.h"
#include "tamu-error.h"
#include "tamu-parse.h"
#include "tamu-topics.h"

/* Meetings of one series looked at before giving up (a daily series from
 * 2010 is ~6,000 by now); bookings one series may make in a period. */
#define MAX_OCCURRENCES      100000
#define MAX_SERIES_BOOKINGS  400
#define MAX_EVENTS           50000

G_DEFINE_AUTOPTR_CLEANUP_FUNC (icalcomponent, icalcomponent_free)

void
tamu_ical_read_options_init (TamuIcalReadOptions *options)
{
  memset (options, 0, sizeof *options);
  g_date_clear (&options->from, 1);
  g_date_clear (&options->to, 1);
}

static void
cancel_free (TamuIcalCancel *cancel)
{
  g_free (cancel->uid);
  g_free (cancel->field);
  g_free (cancel);
}

void
tamu_ical_invitation_free (TamuIcalInvitation *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->drafts, g_ptr_array_unref);
  g_clear_pointer (&self->cancels, g_ptr_array_unref);
  g_free (self);
}

static gboolean
check_method (icalcomponent *root,
              gboolean      *out_cancel,
              GError       **error)
{
  icalproperty *prop = icalcomponent_get_first_property (root, ICAL_METHOD_PROPERTY);
  icalproperty_method method;

  *out_cancel = FALSE;
  if (prop == NULL)
    return TRUE;
  method = icalproperty_get_method (prop);
  if (method == ICAL_METHOD_CANCEL)
    *out_cancel = TRUE;
  if (method == ICAL_METHOD_REPLY || method == ICAL_METHOD_COUNTER ||
      method == ICAL_METHOD_DECLINECOUNTER || method == ICAL_METHOD_REFRESH)
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_REFUSED,
                   _("METHOD: the file is an answer to an invitation (METHOD:%s), not an invitation"),
                   icalproperty_method_to_string (method));
      return FALSE;
    }
  return TRUE;
}

static const char *
event_uid (icalcomponent *event)
{
  const char *uid = icalcomponent_get_uid (event);

  return uid != NULL && *uid != '\0' ? uid : NULL;
}

static int
event_sequence (icalcomponent *event)
{
  icalproperty *prop = icalcomponent_get_first_property (event, ICAL_SEQUENCE_PROPERTY);

  return prop != NULL ? icalproperty_get_sequence (prop) : 0;
}

static gboolean
is_cancelled (icalcomponent *event)
{
  icalproperty *prop = icalcomponent_get_first_property (event, ICAL_STATUS_PROPERTY);

  return prop != NULL && icalproperty_get_status (prop) == ICAL_STATUS_CANCELLED;
}

/* "UID#20240320T030000Z": one meeting of a series, by its original start. */
static char *
dup_occurrence_uid (const char *uid,
                    GDateTime  *original)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autofree char *stamp = NULL;

  if (uid == NULL)
    return NULL;
  utc = g_date_time_to_utc (original);
  stamp = g_date_time_format (utc, "%Y%m%dT%H%M%SZ");
  return g_strdup_printf ("%s#%s", uid, stamp);
}

/* The original start of a moved meeting, in office time; a date-only
 * RECURRENCE-ID gives its date at midnight. */
static GDateTime *
read_recurrence_id (icalcomponent *root,
                    icalcomponent *event,
                    guint          event_no,
                    GError       **error)
{
  icalproperty *prop = icalcomponent_get_first_property (event, ICAL_RECURRENCEID_PROPERTY);
  TamuIcalEventTime t = { 0 };
  g_autoptr(GTimeZone) office = NULL;

  if (prop == NULL)
    return NULL;
  if (!tamu_ical_read_time (root, prop, "RECURRENCE-ID", event_no, NULL, &t, error))
    return NULL;
  if (t.is_date)
    {
      office = tamu_office_timezone ();
      return g_date_time_new (office, g_date_get_year (&t.date), g_date_get_month (&t.date),
                              g_date_get_day (&t.date), 0, 0, 0);
    }
  return t.instant;
}

static void
add_cancel (TamuIcalInvitation *invitation,
            char               *uid,
            gboolean            series,
            const char         *field,
            guint               event_no)
{
  TamuIcalCancel *cancel = g_new0 (TamuIcalCancel, 1);

  cancel->uid = uid;
  cancel->series = series;
  cancel->field = g_strdup (field);
  cancel->event_no = event_no;
  g_ptr_array_add (invitation->cancels, cancel);
}

static char *
format_day (GDateTime *instant)
{
  return g_date_time_format (instant, "%Y-%m-%d");
}

/* ---- series ----------------------------------------------------------- */

typedef struct
{
  icalcomponent *event;
  guint          event_no;
  GDateTime     *original; /* RECURRENCE-ID, office time */
  gboolean       used;
} Override;

static void
override_free (Override *o)
{
  g_clear_pointer (&o->original, g_date_time_unref);
  g_free (o);
}

/* EXDATE values: instants (office time) and, for DATE values, days. */
typedef struct
{
  GPtrArray *instants; /* GDateTime* */
  GArray    *days;     /* guint julian */
} Exclusions;

static gboolean
read_exclusions (icalcomponent *root,
                 icalcomponent *event,
                 guint          event_no,
                 Exclusions    *out,
                 GError       **error)
{
  out->instants = g_ptr_array_new_with_free_func ((GDestroyNotify) g_date_time_unref);
  out->days = g_array_new (FALSE, FALSE, sizeof (guint));

  for (icalproperty *prop = icalcomponent_get_first_property (event, ICAL_EXDATE_PROPERTY);
       prop != NULL;
       prop = icalcomponent_get_next_property (event, ICAL_EXDATE_PROPERTY))
    {
      TamuIcalEventTime t = { 0 };

      if (!tamu_ical_read_time (root, prop, "EXDATE", event_no, NULL, &t, error))
        return FALSE;
      if (t.is_date)
        {
          guint julian = g_date_get_julian (&t.date);

          g_array_append_val (out->days, julian);
        }
      else
        g_ptr_array_add (out->instants, g_steal_pointer (&t.instant));
      if (out->instants->len + out->days->len > MAX_SERIES_BOOKINGS * 10)
        break;
    }
  return TRUE;
}

static void
exclusions_clear (Exclusions *e)
{
  g_clear_pointer (&e->instants, g_ptr_array_unref);
  g_clear_pointer (&e->days, g_array_unref);
}

static gboolean
is_excluded (Exclusions *e,
             GDateTime  *instant)
{
  GDate day;
  guint julian;

  for (guint i = 0; i < e->instants->len; i++)
    if (g_date_time_equal (g_ptr_array_index (e->instants, i), instant))
      return TRUE;
  if (e->days->len == 0)
    return FALSE;
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, g_date_time_get_day_of_month (instant), g_date_time_get_month (instant),
                  g_date_time_get_year (instant));
  julian = g_date_get_julian (&day);
  for (guint i = 0; i < e->days->len; i++)
    if (g_array_index (e->days, guint, i) == julian)
      return TRUE;
  return FALSE;
}

static gboolean
in_period (const TamuIcalReadOptions *options,
           const TamuBooking         *draft)
{
  return g_date_compare (&draft->date, &options->from) >= 0 &&
         g_date_compare (&draft->date, &options->to) <= 0;
}

static GDateTime *
draft_start (const TamuBooking *draft)
{
  g_autoptr(GTimeZone) office = tamu_office_timezone ();

  return g_date_time_new (office, g_date_get_year (&draft->date), g_date_get_month (&draft->date),
                          g_date_get_day (&draft->date), draft->start / 60, draft->start % 60, 0);
}

/* The series' master @draft moved to the meeting that starts at @instant. */
static TamuBooking *
occurrence_of (const TamuBooking *draft,
               const char        *uid,
               GDateTime         *instant)
{
  TamuBooking *copy = tamu_booking_copy (draft);

  g_date_clear (&copy->date, 1);
  g_date_set_dmy (&copy->date, g_date_time_get_day_of_month (instant),
                  g_date_time_get_month (instant), g_date_time_get_year (instant));
  copy->start = g_date_time_get_hour (instant) * 60 + g_date_time_get_minute (instant);
  g_free (copy->uid);
  copy->uid = dup_occurrence_uid (uid, instant);
  return copy;
}

/*
 * The bookings of the series @master (already read as @draft): the next
 * meeting from now, or each one in the options' period.  Overrides of the
 * series replace their meeting; a cancelled override removes it.
 */
static gboolean
expand_series (icalcomponent             *root,
               icalcomponent             *master,
               TamuBooking               *draft,
               guint                      event_no,
               GPtrArray                 *overrides,
               const TamuIcalReadOptions *options,
               GPtrArray                 *topics,
               GPtrArray                 *warnings,
               GPtrArray                 *out,
               GError                   **error)
{
  icalproperty *dtstart = icalcomponent_get_first_property (master, ICAL_DTSTART_PROPERTY);
  icalproperty *rrule = icalcomponent_get_first_property (master, ICAL_RRULE_PROPERTY);
  const char *tzid = tamu_ical_get_tzid (dtstart);
  const char *uid = event_uid (master);
  gboolean period = g_date_valid (&options->from) && g_date_valid (&options->to);
  struct icalrecurrencetype rule = icalproperty_get_rrule (rrule);
  struct icaltimetype start = icalproperty_get_dtstart (dtstart);
  g_autoptr(GDateTime) now = tamu_clock_now ();
  g_autoptr(TamuBooking) first = NULL;
  Exclusions exclusions = { 0 };
  icalrecur_iterator *iter;
  guint found = 0;
  guint steps = 0;
  gboolean ok = FALSE;
  gboolean is_utc;

  if (!read_exclusions (root, master, event_no, &exclusions, error))
    goto out;

  is_utc = icaltime_is_utc (start);
  start.zone = NULL; /* iterate wall-clock times; each is converted below */
  iter = icalrecur_iterator_new (rule, start);
  if (iter == NULL)
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                   _("RRULE: event %u repeats by a rule that cannot be read"), event_no);
      goto out;
    }

  for (struct icaltimetype next = icalrecur_iterator_next (iter);
       !icaltime_is_null_time (next) && steps < MAX_OCCURRENCES;
       next = icalrecur_iterator_next (iter), steps++)
    {
      g_autoptr(GDateTime) instant = NULL;
      g_autoptr(TamuBooking) meeting = NULL;
      g_autoptr(GDateTime) meeting_start = NULL;
      Override *moved = NULL;

      if (next.year > 2200)
        break;
      if (is_utc)
        next.zone = icaltimezone_get_utc_timezone ();
      instant = tamu_ical_local_to_office (root, next, tzid, "RRULE", event_no, NULL, error);
      if (instant == NULL)
        goto out_iter;
      if (period && g_date_time_get_year (instant) > g_date_get_year (&options->to) + 1)
        break;
      if (is_excluded (&exclusions, instant))
        continue;

      for (guint i = 0; i < overrides->len && moved == NULL; i++)
        {
          Override *o = g_ptr_array_index (overrides, i);

          if (g_date_time_equal (o->original, instant))
            moved = o;
        }
      if (moved != NULL)
        {
          gboolean skippable;

          moved->used = TRUE;
          if (is_cancelled (moved->event))
            continue;
          meeting = tamu_ical_read_event (root, moved->event, moved->event_no, topics, NULL,
                                          &skippable, NULL);
          if (meeting == NULL)
            continue;
          g_free (meeting->uid);
          meeting->uid = dup_occurrence_uid (uid, instant);
        }
      else
        meeting = occurrence_of (draft, uid, instant);

      if (first == NULL)
        first = tamu_booking_ref (meeting);
      meeting_start = draft_start (meeting);
      if (period)
        {
          if (!in_period (options, meeting))
            continue;
          if (++found > MAX_SERIES_BOOKINGS)
            {
              g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                           _("RRULE: event %u has more than %d meetings between --from and --to"),
                           event_no, MAX_SERIES_BOOKINGS);
              goto out_iter;
            }
          g_ptr_array_add (out, g_steal_pointer (&meeting));
        }
      else if (g_date_time_compare (meeting_start, now) >= 0)
        {
          g_autofree char *day = format_day (meeting_start);

          if (warnings != NULL)
            g_ptr_array_add (warnings,
                             g_strdup_printf (_("RRULE: event %u repeats; only its next meeting (%s) is "
                                                "imported (--from and --to import each meeting in a period)"),
                                              event_no, day));
          g_ptr_array_add (out, g_steal_pointer (&meeting));
          found = 1;
          break;
        }
    }

  if (!period && found == 0 && first != NULL)
    {
      g_autoptr(GDateTime) first_start = draft_start (first);
      g_autofree char *day = format_day (first_start);

      if (warnings != NULL)
        g_ptr_array_add (warnings,
                         g_strdup_printf (_("RRULE: event %u repeats but has no meeting after now; "
                                            "its first meeting (%s) is taken"),
                                          event_no, day));
      g_ptr_array_add (out, g_steal_pointer (&first));
      found = 1;
    }
  else if (period && warnings != NULL)
    {
      g_autofree char *from = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&options->from),
                                               g_date_get_month (&options->from),
                                               g_date_get_day (&options->from));
      g_autofree char *to = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&options->to),
                                             g_date_get_month (&options->to),
                                             g_date_get_day (&options->to));

      g_ptr_array_add (warnings,
                       g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "RRULE: event %u repeats; %u meeting from %s to %s is imported",
                                                     "RRULE: event %u repeats; %u meetings from %s to %s are imported",
                                                     found),
                                        event_no, found, from, to));
    }
  ok = TRUE;

out_iter:
  icalrecur_iterator_free (iter);
out:
  exclusions_clear (&exclusions);
  return ok;
}

/* ---- the file --------------------------------------------------------- */

static void
note_skipped (GPtrArray *warnings,
              GError    *reason)
{
  if (warnings != NULL)
    /* Translators: %s is why an event is left out, e.g. "DTSTART: event 2 is an all-day event…" */
    g_ptr_array_add (warnings, g_strdup_printf (_("%s (skipped)"), reason->message));
}

TamuIcalInvitation *
tamu_ical_read_invitation (const char                *data,
                           gsize                      length,
                           const TamuIcalReadOptions *options,
                           GPtrArray                 *warnings,
                           GError                   **error)
{
  g_autoptr(icalcomponent) root = NULL;
  g_autoptr(TamuIcalInvitation) invitation = NULL;
  g_autoptr(GPtrArray) default_topics = NULL;
  g_autoptr(GHashTable) overrides = NULL; /* UID → GPtrArray of Override* */
  g_autoptr(GHashTable) masters = NULL;   /* UIDs of series in the file */
  g_autoptr(GHashTable) latest = NULL;    /* UID → the copy with the highest SEQUENCE */
  g_autoptr(GError) first_skip = NULL;
  TamuIcalReadOptions defaults;
  GPtrArray *topics;
  gboolean method_cancel;
  guint event_no = 0;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (options == NULL)
    {
      tamu_ical_read_options_init (&defaults);
      options = &defaults;
    }

  root = tamu_ical_parse_calendar (data, length, warnings, error);
  if (root == NULL)
    return NULL;
  if (!check_method (root, &method_cancel, error))
    return NULL;

  topics = options->topics;
  if (topics == NULL)
    topics = default_topics = tamu_topics_new_default ();

  invitation = g_new0 (TamuIcalInvitation, 1);
  invitation->drafts = g_ptr_array_new_with_free_func ((GDestroyNotify) tamu_booking_unref);
  invitation->cancels = g_ptr_array_new_with_free_func ((GDestroyNotify) cancel_free);

  /* First pass: which UIDs are series, and their moved meetings. */
  overrides = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  masters = g_hash_table_new (g_str_hash, g_str_equal);
  latest = g_hash_table_new (g_str_hash, g_str_equal);
  for (icalcomponent *event = icalcomponent_get_first_component (root, ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (root, ICAL_VEVENT_COMPONENT))
    {
      const char *uid = event_uid (event);

      if (++event_no > MAX_EVENTS)
        {
          g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                       _("file: more than %d events in one file"), MAX_EVENTS);
          return NULL;
        }
      if (uid == NULL)
        continue;
      if (icalcomponent_get_first_property (event, ICAL_RECURRENCEID_PROPERTY) != NULL)
        {
          GPtrArray *list = g_hash_table_lookup (overrides, uid);
          Override *o = g_new0 (Override, 1);

          o->event = event;
          o->event_no = event_no;
          o->original = read_recurrence_id (root, event, event_no, error);
          if (o->original == NULL)
            {
              override_free (o);
              return NULL;
            }
          if (list == NULL)
            {
              list = g_ptr_array_new_with_free_func ((GDestroyNotify) override_free);
              g_hash_table_insert (overrides, (gpointer) uid, list);
            }
          g_ptr_array_add (list, o);
        }
      else
        {
          icalcomponent *other = g_hash_table_lookup (latest, uid);

          /* The same event twice: the later SEQUENCE wins, else the later copy. */
          if (other == NULL || event_sequence (event) >= event_sequence (other))
            g_hash_table_insert (latest, (gpointer) uid, event);
          if (icalcomponent_get_first_property (event, ICAL_RRULE_PROPERTY) != NULL)
            g_hash_table_add (masters, (gpointer) uid);
        }
    }
  if (event_no == 0)
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                   _("event: the file holds no event (VEVENT)"));
      return NULL;
    }

  event_no = 0;
  for (icalcomponent *event = icalcomponent_get_first_component (root, ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (root, ICAL_VEVENT_COMPONENT))
    {
      const char *uid = event_uid (event);
      gboolean is_override = icalcomponent_get_first_property (event, ICAL_RECURRENCEID_PROPERTY) != NULL;
      gboolean cancelled = method_cancel || is_cancelled (event);
      g_autoptr(TamuBooking) draft = NULL;
      g_autoptr(GError) local_error = NULL;
      gboolean skippable = FALSE;

      event_no++;

      /* A moved meeting of a series in the file is read with its series,
       * unless the whole file cancels it. */
      if (is_override && uid != NULL && g_hash_table_contains (masters, uid) && !method_cancel)
        continue;

      if (!is_override && uid != NULL && g_hash_table_lookup (latest, uid) != event)
        {
          if (warnings != NULL)
            g_ptr_array_add (warnings,
                             g_strdup_printf (_("UID: event %u is an older copy of another event in the file (skipped)"),
                                              event_no));
          continue;
        }

      if (cancelled)
        {
          char *target = NULL;

          if (uid == NULL)
            {
              if (warnings != NULL)
                g_ptr_array_add (warnings,
                                 g_strdup_printf (_("STATUS: event %u is cancelled and has no UID (skipped)"),
                                                  event_no));
              continue;
            }
          if (is_override)
            {
              g_autoptr(GDateTime) original = read_recurrence_id (root, event, event_no, error);

              if (original == NULL)
                return NULL;
              target = dup_occurrence_uid (uid, original);
            }
          else
            target = g_strdup (uid);
          add_cancel (invitation, target, !is_override, method_cancel ? "METHOD" : "STATUS", event_no);
          continue;
        }

      draft = tamu_ical_read_event (root, event, event_no, topics, warnings, &skippable, &local_error);
      if (draft == NULL)
        {
          if (!skippable)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return NULL;
            }
          note_skipped (warnings, local_error);
          if (first_skip == NULL)
            first_skip = g_steal_pointer (&local_error);
          continue;
        }

      if (is_override)
        {
          /* One moved meeting of a series we do not have: it stands alone. */
          g_autoptr(GDateTime) original = read_recurrence_id (root, event, event_no, error);

          if (original == NULL)
            return NULL;
          g_free (draft->uid);
          draft->uid = dup_occurrence_uid (uid, original);
          if (!g_date_valid (&options->from) || in_period (options, draft))
            g_ptr_array_add (invitation->drafts, g_steal_pointer (&draft));
          continue;
        }

      if (icalcomponent_get_first_property (event, ICAL_RRULE_PROPERTY) != NULL)
        {
          g_autoptr(GPtrArray) empty = g_ptr_array_new ();
          GPtrArray *moved = uid != NULL ? g_hash_table_lookup (overrides, uid) : NULL;

          if (!expand_series (root, event, draft, event_no, moved != NULL ? moved : empty,
                              options, topics, warnings, invitation->drafts, error))
            return NULL;
          continue;
        }

      if (g_date_valid (&options->from) && !in_period (options, draft))
        {
          if (warnings != NULL)
            g_ptr_array_add (warnings,
                             g_strdup_printf (_("DTSTART: event %u is outside --from and --to (skipped)"),
                                              event_no));
          continue;
        }
      g_ptr_array_add (invitation->drafts, g_steal_pointer (&draft));
    }

  if (invitation->drafts->len == 0 && invitation->cancels->len == 0)
    {
      if (first_skip != NULL)
        g_propagate_error (error, g_steal_pointer (&first_skip));
      else
        g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                     _("event: the file holds no meeting to book"));
      return NULL;
    }

  return g_steal_pointer (&invitation);
}

GPtrArray *
tamu_ical_import_invitation (const char *data,
                             gsize       length,
                             GPtrArray  *topics,
                             GPtrArray  *warnings,
                             GError    **error)
{
  g_autoptr(TamuIcalInvitation) invitation = NULL;
  TamuIcalReadOptions options;

  tamu_ical_read_options_init (&options);
  options.topics = topics;
  invitation = tamu_ical_read_invitation (data, length, &options, warnings, error);
  if (invitation == NULL)
    return NULL;
  if (invitation->drafts->len == 0)
    {
      TamuIcalCancel *cancel = g_ptr_array_index (invitation->cancels, 0);

      if (g_str_equal (cancel->field, "METHOD"))
        g_set_error (error, TAMU_ERROR, TAMU_ERROR_REFUSED,
                     _("METHOD: the file cancels a meeting (METHOD:CANCEL); cancel the booking in Tamu instead"));
      else
        g_set_error (error, TAMU_ERROR, TAMU_ERROR_REFUSED,
                     _("STATUS: event %u is cancelled; cancel the booking in Tamu instead"),
                     cancel->event_no);
      return NULL;
    }
  return g_steal_pointer (&invitation->drafts);
}
