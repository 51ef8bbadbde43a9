/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "tamu-error.h"
#include "tamu-fields.h"
#include "tamu-limits.h"
#include "tamu-parse.h"
#include "tamu-regions.h"
#include "tamu-rules.h"
#include "tamu-text.h"

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

TamuWarning *
tamu_warning_new (const char *code,
                  const char *suggestion,
                  const char *format,
                  ...)
{
  TamuWarning *warning = g_new0 (TamuWarning, 1);
  va_list args;

  warning->code = g_strdup (code);
  warning->suggestion = g_strdup (suggestion);
  va_start (args, format);
  warning->message = g_strdup_vprintf (format, args);
  va_end (args);
  return warning;
}

void
tamu_warning_free (TamuWarning *warning)
{
  if (warning == NULL)
    return;
  g_free (warning->code);
  g_free (warning->message);
  g_free (warning->suggestion);
  g_free (warning);
}

GPtrArray *
tamu_warnings_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) tamu_warning_free);
}

static void
add_warning (GPtrArray   *warnings,
             TamuWarning *warning)
{
  if (warnings != NULL)
    g_ptr_array_add (warnings, warning);
  else
    tamu_warning_free (warning);
}

void
tamu_rules_resolve_daerah (TamuBooking *booking,
                           GPtrArray   *warnings)
{
  const TamuRegion *region;
  const TamuRegion *suggestion;
  g_autofree char *typed = NULL;

  g_return_if_fail (booking != NULL);

  /* Blank, not text or too long: the check refuses it, once, naming the
   * field (and a megabyte is never compared with every region). */
  if (is_blank (booking->daerah) ||
      !tamu_text_check ("daerah", booking->daerah, TAMU_MAX_NAME_CHARS, TAMU_TEXT_ONE_LINE, NULL))
    return;

  typed = g_strstrip (g_strdup (booking->daerah));
  region = tamu_regions_match (typed);
  if (region != NULL)
    {
      g_free (booking->daerah);
      booking->daerah = g_strdup (region->short_name);
      g_free (booking->region_code);
      booking->region_code = g_strdup (region->code);
      return;
    }

  /* Not a region we know: a bank or a university visits too.  Keep it as
   * typed, and point out a likely typo. */
  g_free (booking->daerah);
  booking->daerah = g_steal_pointer (&typed);
  g_clear_pointer (&booking->region_code, g_free);

  suggestion = tamu_regions_suggest (booking->daerah);
  if (suggestion != NULL)
    add_warning (warnings,
                 tamu_warning_new ("unknown-daerah", suggestion->short_name,
                                   _("unknown-daerah: “%s” is not in the region list; did you mean “%s”?"),
                                   booking->daerah, suggestion->short_name));
  else
    add_warning (warnings,
                 tamu_warning_new ("unknown-daerah", NULL,
                                   _("unknown-daerah: “%s” is not in the region list; it is kept as typed"),
                                   booking->daerah));
}

gboolean
tamu_rules_overlap (const TamuBooking *a,
                    const TamuBooking *b)
{
  if (a->start == TAMU_TIME_UNKNOWN || b->start == TAMU_TIME_UNKNOWN)
    return FALSE;
  if (g_date_compare (&a->date, &b->date) != 0)
    return FALSE;
  return a->start < tamu_booking_get_end (b) && b->start < tamu_booking_get_end (a);
}

static gboolean
refuse (GError    **error,
        TamuErrorCode code,
        const char *format,
        ...) G_GNUC_PRINTF (3, 4);

static gboolean
refuse (GError    **error,
        TamuErrorCode code,
        const char *format,
        ...)
{
  va_list args;

  va_start (args, format);
  if (error != NULL)
    *error = g_error_new_valist (TAMU_ERROR, code, format, args);
  va_end (args);
  return FALSE;
}

/* Values every booking needs, whatever rules apply to it. */
static gboolean
check_values (TamuBooking   *booking,
              TamuCheckFlags flags,
              GError       **error)
{
  if (booking->type != TAMU_BOOKING_TATAP_MUKA && booking->type != TAMU_BOOKING_VIDCON)
    return refuse (error, TAMU_ERROR_INVALID, _("type: must be tatap-muka or vidcon"));

  if (!g_date_valid (&booking->date))
    return refuse (error, TAMU_ERROR_INVALID, _("date: a date is required (YYYY-MM-DD)"));

  if (booking->start == TAMU_TIME_UNKNOWN)
    {
      if (!(flags & TAMU_CHECK_HISTORICAL))
        return refuse (error, TAMU_ERROR_INVALID, _("time: a start time is required (HH:MM)"));
    }
  else if (booking->start < 0 || booking->start >= 24 * 60)
    return refuse (error, TAMU_ERROR_INVALID, _("time: the start must be from 00:00 to 23:59"));

  if (booking->duration < TAMU_MIN_DURATION || booking->duration > TAMU_MAX_DURATION)
    return refuse (error, TAMU_ERROR_INVALID,
                   _("duration: %d minutes is out of range: it must be from %d to %d"),
                   booking->duration, TAMU_MIN_DURATION, TAMU_MAX_DURATION);

  if (booking->start != TAMU_TIME_UNKNOWN && booking->start + booking->duration > 24 * 60)
    return refuse (error, TAMU_ERROR_INVALID, _("duration: the booking would end after midnight"));

  if (is_blank (booking->daerah))
    return refuse (error, TAMU_ERROR_INVALID, _("daerah: the visiting region or institution is required"));

  if (booking->topics == NULL || booking->topics[0] == NULL)
    return refuse (error, TAMU_ERROR_INVALID, _("topic: at least one topic is required"));

  if (booking->type == TAMU_BOOKING_TATAP_MUKA && booking->guests <= 0)
    return refuse (error, TAMU_ERROR_INVALID,
                   _("guests: a tatap muka visit needs the number of guests (1 or more)"));
  if (booking->guests < 0 || booking->guests > TAMU_MAX_GUESTS)
    return refuse (error, TAMU_ERROR_INVALID,
                   _("guests: %d is out of range: it must be from 1 to %d"), booking->guests, TAMU_MAX_GUESTS);

  if (booking->status == TAMU_STATUS_DONE &&
      (booking->actual_guests < 0 || booking->actual_guests > TAMU_MAX_GUESTS))
    return refuse (error, TAMU_ERROR_INVALID,
                   _("actual_guests: a checked-in booking needs the number of guests who came (0 to %d)"),
                   TAMU_MAX_GUESTS);

  /* Text fields: one set of rules for every path (tamu-fields.h). */
  return tamu_fields_check_booking (booking, error);
}

static char *
describe_slot (const TamuBooking *booking)
{
  g_autofree char *start = tamu_format_time (booking->start);
  g_autofree char *end = tamu_format_time (tamu_booking_get_end (booking));

  return g_strdup_printf ("%s–%s", start, end);
}

static gboolean
check_calendar (const TamuRuleContext *ctx,
                TamuBooking           *booking,
                GError               **error)
{
  g_autofree char *day = tamu_format_date_long_indonesian (&booking->date);
  const TamuHoliday *holiday;

  if (tamu_calendar_is_weekend (&booking->date))
    return refuse (error, TAMU_ERROR_CLOSED_DAY,
                   _("closed-day: %s is a weekend; the office is closed"), day);

  holiday = tamu_calendar_lookup (ctx->calendar, &booking->date);
  if (holiday != NULL && holiday->kind == TAMU_HOLIDAY_CUTI_BERSAMA)
    return refuse (error, TAMU_ERROR_CLOSED_DAY,
                   _("closed-day: %s is cuti bersama (%s); the office is closed"), day, holiday->name);
  if (holiday != NULL)
    return refuse (error, TAMU_ERROR_CLOSED_DAY,
                   _("closed-day: %s is a holiday (%s); the office is closed"), day, holiday->name);

  return TRUE;
}

static gboolean
check_hours (const TamuRuleContext *ctx,
             TamuBooking           *booking,
             GError               **error)
{
  const TamuPolicy *policy = ctx->policy;
  int end = tamu_booking_get_end (booking);
  int break_start, break_end;

  if (booking->start < policy->open || end > policy->close)
    {
      g_autofree char *slot = describe_slot (booking);
      g_autofree char *open = tamu_format_time (policy->open);
      g_autofree char *close = tamu_format_time (policy->close);

      return refuse (error, TAMU_ERROR_SERVICE_HOURS,
                     _("service-hours: %s is outside the service hours %s–%s"), slot, open, close);
    }

  tamu_policy_get_break (policy, &booking->date, &break_start, &break_end);
  if (break_end > break_start && booking->start < break_end && break_start < end)
    {
      g_autofree char *slot = describe_slot (booking);
      g_autofree char *bstart = tamu_format_time (break_start);
      g_autofree char *bend = tamu_format_time (break_end);

      return refuse (error, TAMU_ERROR_BREAK,
                     _("break: %s overlaps the break %s–%s"), slot, bstart, bend);
    }

  return TRUE;
}

static gboolean
check_not_past (const TamuRuleContext *ctx,
                TamuBooking           *booking,
                GError               **error)
{
  GDate today;
  int minutes_now;
  int cmp;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today,
                  g_date_time_get_day_of_month (ctx->now),
                  g_date_time_get_month (ctx->now),
                  g_date_time_get_year (ctx->now));
  minutes_now = g_date_time_get_hour (ctx->now) * 60 + g_date_time_get_minute (ctx->now);

  cmp = g_date_compare (&booking->date, &today);
  if (cmp < 0 || (cmp == 0 && booking->start < minutes_now))
    {
      g_autofree char *date = tamu_format_date_iso (&booking->date);
      g_autofree char *start = tamu_format_time (booking->start);
      g_autofree char *now = g_date_time_format (ctx->now, "%Y-%m-%d %H:%M");

      return refuse (error, TAMU_ERROR_PAST_START,
                     _("past-start: %s %s has already passed (it is now %s)"), date, start, now);
    }
  return TRUE;
}

static gboolean
check_guest_limit (const TamuRuleContext *ctx,
                   TamuBooking           *booking,
                   GPtrArray             *warnings,
                   GError               **error)
{
  int limit = ctx->policy->guest_limit;

  booking->guest_limit = limit;
  if (booking->type != TAMU_BOOKING_TATAP_MUKA || booking->guests <= limit)
    return TRUE;

  if (is_blank (booking->override_reason))
    return refuse (error, TAMU_ERROR_GUEST_LIMIT,
                   _("guest-limit: %d guests are more than the limit of %d per tatap muka visit; "
                     "give an override reason to book anyway"),
                   booking->guests, limit);

  add_warning (warnings,
               tamu_warning_new ("over-limit", NULL,
                                 _("over-limit: %d guests are more than the limit of %d; booked "
                                   "with the override reason “%s”, reported as a breach"),
                                 booking->guests, limit, booking->override_reason));
  return TRUE;
}

static const TamuBooking *
find_room_conflict (const TamuRuleContext *ctx,
                    const TamuBooking     *booking,
                    const char            *room)
{
  if (ctx->same_day == NULL)
    return NULL;

  for (guint i = 0; i < ctx->same_day->len; i++)
    {
      const TamuBooking *other = g_ptr_array_index (ctx->same_day, i);

      if (other == booking || (booking->id != 0 && other->id == booking->id))
        continue;
      if (!tamu_booking_is_active (other) || g_strcmp0 (other->room, room) != 0)
        continue;
      if (tamu_rules_overlap (booking, other))
        return other;
    }
  return NULL;
}

static gboolean
check_room (const TamuRuleContext *ctx,
            TamuBooking           *booking,
            GError               **error)
{
  const TamuPolicy *policy = ctx->policy;
  const TamuBooking *other;

  if (is_blank (booking->room))
    {
      g_clear_pointer (&booking->room, g_free);
      if (booking->type != TAMU_BOOKING_TATAP_MUKA)
        return TRUE;

      /* A visit needs a room: take the first one free. */
      for (guint i = 0; policy->rooms[i] != NULL; i++)
        if (find_room_conflict (ctx, booking, policy->rooms[i]) == NULL)
          {
            booking->room = g_strdup (policy->rooms[i]);
            return TRUE;
          }

      {
        g_autofree char *slot = describe_slot (booking);

        return refuse (error, TAMU_ERROR_ROOM_CONFLICT,
                       _("room-conflict: every room is taken at %s"), slot);
      }
    }

  if (!tamu_policy_has_room (policy, booking->room))
    {
      g_autofree char *rooms = g_strjoinv (", ", policy->rooms);

      return refuse (error, TAMU_ERROR_UNKNOWN_ROOM,
                     _("unknown-room: “%s” is not one of the rooms (%s)"), booking->room, rooms);
    }

  other = find_room_conflict (ctx, booking, booking->room);
  if (other != NULL)
    {
      g_autofree char *slot = describe_slot (other);

      return refuse (error, TAMU_ERROR_ROOM_CONFLICT,
                     _("room-conflict: %s is taken %s by %s (booking %lld)"),
                     booking->room, slot, other->daerah, (long long) other->id);
    }

  return TRUE;
}

static gboolean
check_daily_cap (const TamuRuleContext *ctx,
                 TamuBooking           *booking,
                 GError               **error)
{
  int visits = 0;

  if (ctx->policy->daily_cap <= 0 || booking->type != TAMU_BOOKING_TATAP_MUKA || ctx->same_day == NULL)
    return TRUE;

  for (guint i = 0; i < ctx->same_day->len; i++)
    {
      const TamuBooking *other = g_ptr_array_index (ctx->same_day, i);

      if (other == booking || (booking->id != 0 && other->id == booking->id))
        continue;
      if (other->type == TAMU_BOOKING_TATAP_MUKA && tamu_booking_is_active (other) &&
          g_date_compare (&other->date, &booking->date) == 0)
        visits++;
    }

  if (visits >= ctx->policy->daily_cap)
    {
      g_autofree char *day = tamu_format_date_indonesian (&booking->date);

      return refuse (error, TAMU_ERROR_DAILY_CAP,
                     _("daily-cap: %s already has %d visits, the most allowed in one day"),
                     day, visits);
    }
  return TRUE;
}

static void
warn_duplicates (const TamuRuleContext *ctx,
                 TamuBooking           *booking,
                 GPtrArray             *warnings)
{
  if (ctx->same_day == NULL)
    return;

  for (guint i = 0; i < ctx->same_day->len; i++)
    {
      const TamuBooking *other = g_ptr_array_index (ctx->same_day, i);

      if (other == booking || (booking->id != 0 && other->id == booking->id))
        continue;
      if (!tamu_booking_is_active (other) || g_date_compare (&other->date, &booking->date) != 0)
        continue;
      if (g_utf8_collate (other->daerah, booking->daerah) == 0 ||
          (other->region_code != NULL && g_strcmp0 (other->region_code, booking->region_code) == 0))
        {
          g_autofree char *start = tamu_format_time (other->start);

          add_warning (warnings,
                       tamu_warning_new ("duplicate-daerah", NULL,
                                         _("duplicate-daerah: %s is already booked on this day "
                                           "(%s, booking %lld); a possible duplicate"),
                                         booking->daerah, start, (long long) other->id));
          return;
        }
    }
}

gboolean
tamu_rules_check (const TamuRuleContext *ctx,
                  TamuBooking           *booking,
                  TamuCheckFlags         flags,
                  GPtrArray             *warnings,
                  GError               **error)
{
  g_return_val_if_fail (ctx != NULL && ctx->policy != NULL && ctx->calendar != NULL, FALSE);
  g_return_val_if_fail (booking != NULL, FALSE);

  if (!check_values (booking, flags, error))
    return FALSE;

  if (flags & TAMU_CHECK_HISTORICAL)
    {
      /* A record of what happened: breaches stay as data. */
      if (booking->guest_limit <= 0)
        booking->guest_limit = ctx->policy->guest_limit;
      if (is_blank (booking->room))
        g_clear_pointer (&booking->room, g_free);
      return TRUE;
    }

  if (!tamu_calendar_has_year (ctx->calendar, g_date_get_year (&booking->date)))
    add_warning (warnings,
                 tamu_warning_new ("no-holidays-for-year", NULL,
                                   _("no-holidays-for-year: no holidays are known for %d; add them "
                                     "before trusting this date"),
                                   g_date_get_year (&booking->date)));

  if (!check_calendar (ctx, booking, error))
    return FALSE;
  if (!check_hours (ctx, booking, error))
    return FALSE;
  if ((flags & TAMU_CHECK_NEW) && ctx->now != NULL && !check_not_past (ctx, booking, error))
    return FALSE;
  if (!check_guest_limit (ctx, booking, warnings, error))
    return FALSE;
  if (!check_room (ctx, booking, error))
    return FALSE;
  if (!check_daily_cap (ctx, booking, error))
    return FALSE;

  warn_duplicates (ctx, booking, warnings);
  return TRUE;
}
