/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "tamu-error.h"
#include "tamu-parse.h"
#include "tamu-ppid.h"

G_DEFINE_BOXED_TYPE (TamuPpidRequest, tamu_ppid_request,
                     tamu_ppid_request_ref, tamu_ppid_request_unref)

TamuPpidRequest *
tamu_ppid_request_new (void)
{
  TamuPpidRequest *self = g_new0 (TamuPpidRequest, 1);

  g_atomic_ref_count_init (&self->ref_count);
  g_date_clear (&self->received, 1);
  g_date_clear (&self->extended_on, 1);
  g_date_clear (&self->responded, 1);
  g_date_clear (&self->objected, 1);
  g_date_clear (&self->objection_answered, 1);
  g_date_clear (&self->disputed, 1);
  g_date_clear (&self->withdrawn, 1);
  self->status = TAMU_PPID_RECEIVED;
  self->category = TAMU_PPID_CATEGORY_INDIVIDUAL;
  self->form = TAMU_PPID_FORM_SOFTCOPY;
  self->kind = TAMU_PPID_KIND_COPY;
  self->info_status = TAMU_PPID_INFO_UNKNOWN;
  return self;
}

TamuPpidRequest *
tamu_ppid_request_ref (TamuPpidRequest *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

static void
free_strings (TamuPpidRequest *self)
{
  g_clear_pointer (&self->channel, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->address, g_free);
  g_clear_pointer (&self->contact, g_free);
  g_clear_pointer (&self->occupation, g_free);
  g_clear_pointer (&self->identity_number, g_free);
  g_clear_pointer (&self->information, g_free);
  g_clear_pointer (&self->purpose, g_free);
  g_clear_pointer (&self->obtain_method, g_free);
  g_clear_pointer (&self->delivery_method, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->extension_reason, g_free);
  g_clear_pointer (&self->holder, g_free);
  g_clear_pointer (&self->objection_reason, g_free);
  g_clear_pointer (&self->created_at, g_free);
  g_clear_pointer (&self->updated_at, g_free);
}

void
tamu_ppid_request_unref (TamuPpidRequest *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      free_strings (self);
      g_free (self);
    }
}

TamuPpidRequest *
tamu_ppid_request_copy (const TamuPpidRequest *self)
{
  TamuPpidRequest *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new (TamuPpidRequest, 1);
  *copy = *self;
  g_atomic_ref_count_init (&copy->ref_count);
  copy->channel = g_strdup (self->channel);
  copy->name = g_strdup (self->name);
  copy->address = g_strdup (self->address);
  copy->contact = g_strdup (self->contact);
  copy->occupation = g_strdup (self->occupation);
  copy->identity_number = g_strdup (self->identity_number);
  copy->information = g_strdup (self->information);
  copy->purpose = g_strdup (self->purpose);
  copy->obtain_method = g_strdup (self->obtain_method);
  copy->delivery_method = g_strdup (self->delivery_method);
  copy->notes = g_strdup (self->notes);
  copy->extension_reason = g_strdup (self->extension_reason);
  copy->holder = g_strdup (self->holder);
  copy->objection_reason = g_strdup (self->objection_reason);
  copy->created_at = g_strdup (self->created_at);
  copy->updated_at = g_strdup (self->updated_at);
  return copy;
}

const char *
tamu_ppid_roman_month (int month)
{
  static const char * const roman[] = {
    "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII",
  };

  g_return_val_if_fail (month >= 1 && month <= 12, "");
  return roman[month - 1];
}

char *
tamu_ppid_request_dup_number (const TamuPpidRequest *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->sequence <= 0 || !g_date_valid (&self->received))
    return NULL;

  return g_strdup_printf ("%03d/PPID-DJPK/%s/%d",
                          self->sequence,
                          tamu_ppid_roman_month (g_date_get_month (&self->received)),
                          g_date_get_year (&self->received));
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

/* A printable reference to a request in messages: its number, else its id. */
static char *
dup_reference (const TamuPpidRequest *self)
{
  char *number = tamu_ppid_request_dup_number (self);

  if (number != NULL)
    return number;
  if (self->id > 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT, self->id);
  return g_strdup (_("new request"));
}

static gboolean
check_not_future (const char  *field,
                  const GDate *date,
                  const GDate *today,
                  GError     **error)
{
  if (today != NULL && g_date_valid (today) && g_date_compare (date, today) > 0)
    {
      g_autofree char *text = tamu_format_date_iso (date);
      g_autofree char *today_text = tamu_format_date_iso (today);

      g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                   _("%s: %s is in the future (today is %s)"),
                   field, text, today_text);
      return FALSE;
    }
  return TRUE;
}

gboolean
tamu_ppid_request_validate (const TamuPpidRequest *self,
                            const GDate           *today,
                            GError               **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (!g_date_valid (&self->received))
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                   _("received: the date the request was received is required"));
      return FALSE;
    }
  if (g_date_get_year (&self->received) < 2008)
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                   _("received: %d is before UU 14/2008 on public information"),
                   g_date_get_year (&self->received));
      return FALSE;
    }
  if (!check_not_future (_("received"), &self->received, today, error))
    return FALSE;
  if (is_blank (self->name))
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                   _("name: the requester’s name is required"));
      return FALSE;
    }
  if (is_blank (self->information))
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                   _("information: say which information is requested"));
      return FALSE;
    }
  if (self->fee < 0)
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                   _("fee: a fee cannot be negative"));
      return FALSE;
    }

  /* A step recorded before the request was received (an edit of the
   * receipt date) would make every period meaningless. */
  {
    const GDate *steps[] = {
      &self->extended_on, &self->responded, &self->objected,
      &self->objection_answered, &self->disputed, &self->withdrawn,
    };

    for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
      if (g_date_valid (steps[i]) && g_date_compare (steps[i], &self->received) < 0)
        {
          g_autofree char *text = tamu_format_date_iso (steps[i]);

          g_set_error (error, TAMU_ERROR, TAMU_ERROR_REFUSED,
                       _("received: a step of this request is dated %s, before the day of receipt"),
                       text);
          return FALSE;
        }
  }

  return TRUE;
}

gboolean
tamu_ppid_request_is_open (const TamuPpidRequest *self)
{
  return self->status == TAMU_PPID_RECEIVED || self->status == TAMU_PPID_EXTENDED;
}

gboolean
tamu_ppid_request_is_extended (const TamuPpidRequest *self)
{
  return self->extension_days > 0;
}

void
tamu_ppid_request_get_deadlines (const TamuPpidRequest *self,
                                 TamuCalendar          *calendar,
                                 TamuPpidDeadlines     *out)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (calendar != NULL);
  g_return_if_fail (out != NULL);

  g_date_clear (&out->original_due, 1);
  g_date_clear (&out->answer_due, 1);
  g_date_clear (&out->objection_window, 1);
  g_date_clear (&out->objection_due, 1);
  g_date_clear (&out->dispute_window, 1);

  if (!g_date_valid (&self->received))
    return;

  tamu_calendar_add_working_days (calendar, &self->received, TAMU_PPID_ANSWER_DAYS,
                                  &out->original_due);
  tamu_calendar_add_working_days (calendar, &self->received,
                                  TAMU_PPID_ANSWER_DAYS + MAX (self->extension_days, 0),
                                  &out->answer_due);
  if (g_date_valid (&self->responded))
    tamu_calendar_add_working_days (calendar, &self->responded,
                                    TAMU_PPID_OBJECTION_WINDOW_DAYS, &out->objection_window);
  if (g_date_valid (&self->objected))
    tamu_calendar_add_working_days (calendar, &self->objected,
                                    TAMU_PPID_OBJECTION_ANSWER_DAYS, &out->objection_due);
  if (g_date_valid (&self->objection_answered))
    tamu_calendar_add_working_days (calendar, &self->objection_answered,
                                    TAMU_PPID_DISPUTE_WINDOW_DAYS, &out->dispute_window);
}

void
tamu_ppid_request_get_due (const TamuPpidRequest *self,
                           TamuCalendar          *calendar,
                           GDate                 *out)
{
  TamuPpidDeadlines deadlines;

  tamu_ppid_request_get_deadlines (self, calendar, &deadlines);
  *out = deadlines.answer_due;
}

gboolean
tamu_ppid_request_check_calendar (const TamuPpidRequest *self,
                                  TamuCalendar          *calendar,
                                  GError               **error)
{
  TamuPpidDeadlines deadlines;
  GDate last;
  int from, to;

  g_return_val_if_fail (self != NULL, FALSE);

  if (!g_date_valid (&self->received))
    return TRUE;
  tamu_ppid_request_get_deadlines (self, calendar, &deadlines);
  last = deadlines.answer_due;
  if (g_date_valid (&deadlines.dispute_window))
    last = deadlines.dispute_window;
  else if (g_date_valid (&deadlines.objection_due))
    last = deadlines.objection_due;
  else if (g_date_valid (&deadlines.objection_window))
    last = deadlines.objection_window;

  from = g_date_get_year (&self->received);
  to = g_date_get_year (&last);
  for (int year = from; year <= to; year++)
    if (!tamu_calendar_has_year (calendar, year))
      {
        g_set_error (error, TAMU_ERROR, TAMU_ERROR_FAILED,
                     _("holidays: no holiday is recorded for %d, so its deadlines count weekends only; add or import that year’s holidays"),
                     year);
        return FALSE;
      }
  return TRUE;
}

int
tamu_ppid_request_get_service_days (const TamuPpidRequest *self,
                                    TamuCalendar          *calendar)
{
  g_return_val_if_fail (self != NULL, -1);

  if (!g_date_valid (&self->received) || !g_date_valid (&self->responded))
    return -1;
  return tamu_calendar_count_working_days (calendar, &self->received, &self->responded);
}

gboolean
tamu_ppid_request_was_answered_late (const TamuPpidRequest *self,
                                     TamuCalendar          *calendar)
{
  GDate due;

  if (!g_date_valid (&self->responded))
    return FALSE;
  tamu_ppid_request_get_due (self, calendar, &due);
  return g_date_compare (&self->responded, &due) > 0;
}

gboolean
tamu_ppid_request_get_pending_deadline (const TamuPpidRequest *self,
                                        TamuCalendar          *calendar,
                                        GDate                 *out)
{
  TamuPpidDeadlines deadlines;

  g_return_val_if_fail (self != NULL, FALSE);

  tamu_ppid_request_get_deadlines (self, calendar, &deadlines);
  if (tamu_ppid_request_is_open (self))
    *out = deadlines.answer_due;
  else if (self->status == TAMU_PPID_OBJECTION_FILED)
    *out = deadlines.objection_due;
  else
    return FALSE;
  return g_date_valid (out);
}

gboolean
tamu_ppid_request_get_days_left (const TamuPpidRequest *self,
                                 TamuCalendar          *calendar,
                                 const GDate           *today,
                                 int                   *out_days)
{
  GDate due;

  if (!tamu_ppid_request_get_pending_deadline (self, calendar, &due))
    return FALSE;

  if (g_date_compare (today, &due) <= 0)
    *out_days = tamu_calendar_count_working_days (calendar, today, &due);
  else
    /* Late even when only a weekend has passed since the deadline. */
    *out_days = -MAX (1, tamu_calendar_count_working_days (calendar, &due, today));
  return TRUE;
}

gboolean
tamu_ppid_request_is_overdue (const TamuPpidRequest *self,
                              TamuCalendar          *calendar,
                              const GDate           *today)
{
  GDate due;

  if (!tamu_ppid_request_get_pending_deadline (self, calendar, &due))
    return FALSE;
  return g_date_compare (today, &due) > 0;
}

void
tamu_ppid_step_init (TamuPpidStep  *step,
                     TamuPpidAction action)
{
  memset (step, 0, sizeof *step);
  step->action = action;
  g_date_clear (&step->date, 1);
}

/* Why a step cannot be taken from the request's present state. */
static void
set_state_error (const TamuPpidRequest *self,
                 const char            *rule,
                 GError               **error)
{
  g_autofree char *ref = dup_reference (self);

  switch (self->status)
    {
    case TAMU_PPID_WITHDRAWN:
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_REFUSED,
                   _("%s: request %s was withdrawn"), rule, ref);
      break;
    case TAMU_PPID_RECEIVED:
    case TAMU_PPID_EXTENDED:
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_REFUSED,
                   _("%s: request %s has no written answer yet"), rule, ref);
      break;
    case TAMU_PPID_ANSWERED:
    case TAMU_PPID_OBJECTION_FILED:
    case TAMU_PPID_OBJECTION_ANSWERED:
    case TAMU_PPID_DISPUTE_FILED:
    default:
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_REFUSED,
                   _("%s: request %s is %s"), rule, ref,
                   tamu_ppid_status_to_label (self->status));
      break;
    }
}

/*
 * A step's date: required or not, never before @after (the previous step,
 * named @after_what) and never in the future.
 */
static gboolean
check_step_date (const char  *rule,
                 const GDate *date,
                 gboolean     required,
                 const GDate *after,
                 const char  *after_what,
                 const GDate *today,
                 GError     **error)
{
  if (!g_date_valid (date))
    {
      if (!required)
        return TRUE;
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                   _("date: the date of the %s is required"), rule);
      return FALSE;
    }
  if (g_date_compare (date, after) < 0)
    {
      g_autofree char *text = tamu_format_date_iso (date);
      g_autofree char *after_text = tamu_format_date_iso (after);

      g_set_error (error, TAMU_ERROR, TAMU_ERROR_REFUSED,
                   _("date: %s is before the %s on %s"), text, after_what, after_text);
      return FALSE;
    }
  return check_not_future (_("date"), date, today, error);
}

static gboolean
apply_extend (TamuPpidRequest    *self,
              TamuCalendar       *calendar,
              const TamuPpidStep *step,
              const GDate        *today,
              GError            **error)
{
  g_autofree char *ref = dup_reference (self);
  TamuPpidDeadlines deadlines;
  int days = step->days == 0 ? TAMU_PPID_MAX_EXTENSION_DAYS : step->days;

  if (self->status == TAMU_PPID_EXTENDED || self->extension_days > 0)
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_REFUSED,
                   _("extension: request %s was already extended; the law allows one extension"),
                   ref);
      return FALSE;
    }
  if (self->status != TAMU_PPID_RECEIVED)
    {
      set_state_error (self, _("extension"), error);
      return FALSE;
    }
  if (days < 1 || days > TAMU_PPID_MAX_EXTENSION_DAYS)
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                   _("extension: %d working days; an extension is at most %d working days"),
                   days, TAMU_PPID_MAX_EXTENSION_DAYS);
      return FALSE;
    }
  if (is_blank (step->reason))
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_REFUSED,
                   _("reason: an extension needs a written reason"));
      return FALSE;
    }
  if (!check_step_date (_("extension"), &step->date, FALSE, &self->received,
                        _("receipt"), today, error))
    return FALSE;

  tamu_ppid_request_get_deadlines (self, calendar, &deadlines);
  if (g_date_valid (&step->date) && g_date_compare (&step->date, &deadlines.original_due) > 0)
    {
      g_autofree char *due = tamu_format_date_iso (&deadlines.original_due);

      g_set_error (error, TAMU_ERROR, TAMU_ERROR_REFUSED,
                   _("extension: the answer was due on %s; a deadline that has passed cannot be extended"),
                   due);
      return FALSE;
    }

  self->status = TAMU_PPID_EXTENDED;
  self->extension_days = days;
  self->extended_on = step->date;
  g_free (self->extension_reason);
  self->extension_reason = g_strstrip (g_strdup (step->reason));
  return TRUE;
}

static gboolean
apply_respond (TamuPpidRequest    *self,
               const TamuPpidStep *step,
               const GDate        *today,
               GError            **error)
{
  if (!tamu_ppid_request_is_open (self))
    {
      g_autofree char *ref = dup_reference (self);

      if (g_date_valid (&self->responded))
        {
          g_autofree char *when = tamu_format_date_iso (&self->responded);

          g_set_error (error, TAMU_ERROR, TAMU_ERROR_REFUSED,
                       _("answer: request %s was already answered on %s"), ref, when);
        }
      else
        set_state_error (self, _("answer"), error);
      return FALSE;
    }
  if (step->decision == TAMU_PPID_DECISION_NONE)
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                   _("decision: say whether the request is granted, granted in part or refused"));
      return FALSE;
    }
  if (step->decision == TAMU_PPID_DECISION_REFUSED && step->refusal == TAMU_PPID_REFUSAL_NONE)
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_REFUSED,
                   _("refusal-reason: a refusal needs a reason: exempt, not-held or not-documented"));
      return FALSE;
    }
  if (step->decision == TAMU_PPID_DECISION_GRANTED && step->refusal != TAMU_PPID_REFUSAL_NONE)
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_REFUSED,
                   _("refusal-reason: a request granted in full has no refusal reason"));
      return FALSE;
    }
  if (!is_blank (step->holder) && step->refusal != TAMU_PPID_REFUSAL_NOT_HELD)
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_REFUSED,
                   _("holder: the holder is named only when the information is not held"));
      return FALSE;
    }
  if (!check_step_date (_("answer"), &step->date, TRUE, &self->received,
                        _("receipt"), today, error))
    return FALSE;
  if (g_date_valid (&self->extended_on) && g_date_compare (&step->date, &self->extended_on) < 0)
    {
      g_autofree char *text = tamu_format_date_iso (&step->date);
      g_autofree char *when = tamu_format_date_iso (&self->extended_on);

      g_set_error (error, TAMU_ERROR, TAMU_ERROR_REFUSED,
                   _("date: %s is before the extension on %s"), text, when);
      return FALSE;
    }

  self->status = TAMU_PPID_ANSWERED;
  self->responded = step->date;
  self->decision = step->decision;
  self->refusal = step->refusal;
  g_free (self->holder);
  self->holder = is_blank (step->holder) ? NULL : g_strstrip (g_strdup (step->holder));
  /* The answer establishes whether the body holds the information. */
  switch (step->refusal)
    {
    case TAMU_PPID_REFUSAL_NOT_HELD:
      self->info_status = TAMU_PPID_INFO_NOT_HELD;
      break;
    case TAMU_PPID_REFUSAL_NOT_DOCUMENTED:
      self->info_status = TAMU_PPID_INFO_NOT_DOCUMENTED;
      break;
    case TAMU_PPID_REFUSAL_EXEMPT:
    case TAMU_PPID_REFUSAL_NONE:
    default:
      self->info_status = TAMU_PPID_INFO_HELD;
      break;
    }
  return TRUE;
}

static gboolean
apply_object (TamuPpidRequest    *self,
              TamuCalendar       *calendar,
              const TamuPpidStep *step,
              const GDate        *today,
              GError            **error)
{
  TamuPpidDeadlines deadlines;

  if (self->status != TAMU_PPID_ANSWERED)
    {
      g_autofree char *ref = dup_reference (self);

      if (g_date_valid (&self->objected))
        {
          g_autofree char *when = tamu_format_date_iso (&self->objected);

          g_set_error (error, TAMU_ERROR, TAMU_ERROR_REFUSED,
                       _("objection: an objection to request %s was already filed on %s"),
                       ref, when);
        }
      else
        set_state_error (self, _("objection"), error);
      return FALSE;
    }
  if (!check_step_date (_("objection"), &step->date, TRUE, &self->responded,
                        _("answer"), today, error))
    return FALSE;

  tamu_ppid_request_get_deadlines (self, calendar, &deadlines);
  if (g_date_compare (&step->date, &deadlines.objection_window) > 0)
    {
      g_autofree char *text = tamu_format_date_iso (&step->date);
      g_autofree char *last = tamu_format_date_iso (&deadlines.objection_window);

      g_set_error (error, TAMU_ERROR, TAMU_ERROR_REFUSED,
                   _("objection: %s is too late; the window of %d working days after the answer closed on %s"),
                   text, TAMU_PPID_OBJECTION_WINDOW_DAYS, last);
      return FALSE;
    }

  self->status = TAMU_PPID_OBJECTION_FILED;
  self->objected = step->date;
  g_free (self->objection_reason);
  self->objection_reason = is_blank (step->reason) ? NULL : g_strstrip (g_strdup (step->reason));
  return TRUE;
}

static gboolean
apply_answer_objection (TamuPpidRequest    *self,
                        const TamuPpidStep *step,
                        const GDate        *today,
                        GError            **error)
{
  if (self->status != TAMU_PPID_OBJECTION_FILED)
    {
      g_autofree char *ref = dup_reference (self);

      if (g_date_valid (&self->objection_answered))
        {
          g_autofree char *when = tamu_format_date_iso (&self->objection_answered);

          g_set_error (error, TAMU_ERROR, TAMU_ERROR_REFUSED,
                       _("objection-answer: the objection to request %s was already answered on %s"),
                       ref, when);
        }
      else
        g_set_error (error, TAMU_ERROR, TAMU_ERROR_REFUSED,
                     _("objection-answer: no objection to request %s was filed"), ref);
      return FALSE;
    }
  if (!check_step_date (_("objection answer"), &step->date, TRUE, &self->objected,
                        _("objection"), today, error))
    return FALSE;

  self->status = TAMU_PPID_OBJECTION_ANSWERED;
  self->objection_answered = step->date;
  return TRUE;
}

static gboolean
apply_dispute (TamuPpidRequest    *self,
               TamuCalendar       *calendar,
               const TamuPpidStep *step,
               const GDate        *today,
               GError            **error)
{
  TamuPpidDeadlines deadlines;
  g_autofree char *ref = dup_reference (self);

  if (self->status == TAMU_PPID_DISPUTE_FILED)
    {
      g_autofree char *when = tamu_format_date_iso (&self->disputed);

      g_set_error (error, TAMU_ERROR, TAMU_ERROR_REFUSED,
                   _("dispute: a dispute over request %s was already filed on %s"), ref, when);
      return FALSE;
    }
  if (self->status != TAMU_PPID_OBJECTION_ANSWERED)
    {
      if (self->status == TAMU_PPID_OBJECTION_FILED)
        g_set_error (error, TAMU_ERROR, TAMU_ERROR_REFUSED,
                     _("dispute: the objection to request %s has no answer yet"), ref);
      else if (self->status == TAMU_PPID_WITHDRAWN || tamu_ppid_request_is_open (self))
        set_state_error (self, _("dispute"), error);
      else
        g_set_error (error, TAMU_ERROR, TAMU_ERROR_REFUSED,
                     _("dispute: a dispute follows an answered objection; request %s has none"),
                     ref);
      return FALSE;
    }
  if (!check_step_date (_("dispute"), &step->date, TRUE, &self->objection_answered,
                        _("objection answer"), today, error))
    return FALSE;

  tamu_ppid_request_get_deadlines (self, calendar, &deadlines);
  if (g_date_compare (&step->date, &deadlines.dispute_window) > 0)
    {
      g_autofree char *text = tamu_format_date_iso (&step->date);
      g_autofree char *last = tamu_format_date_iso (&deadlines.dispute_window);

      g_set_error (error, TAMU_ERROR, TAMU_ERROR_REFUSED,
                   _("dispute: %s is too late; the window of %d working days after the objection answer closed on %s"),
                   text, TAMU_PPID_DISPUTE_WINDOW_DAYS, last);
      return FALSE;
    }

  self->status = TAMU_PPID_DISPUTE_FILED;
  self->disputed = step->date;
  return TRUE;
}

static gboolean
apply_withdraw (TamuPpidRequest    *self,
                const TamuPpidStep *step,
                const GDate        *today,
                GError            **error)
{
  if (!tamu_ppid_request_is_open (self))
    {
      g_autofree char *ref = dup_reference (self);

      if (self->status == TAMU_PPID_WITHDRAWN)
        g_set_error (error, TAMU_ERROR, TAMU_ERROR_REFUSED,
                     _("withdraw: request %s was already withdrawn"), ref);
      else
        g_set_error (error, TAMU_ERROR, TAMU_ERROR_REFUSED,
                     _("withdraw: request %s is already answered; only a request awaiting its answer can be withdrawn"),
                     ref);
      return FALSE;
    }
  if (!check_step_date (_("withdrawal"), &step->date, FALSE, &self->received,
                        _("receipt"), today, error))
    return FALSE;

  self->status = TAMU_PPID_WITHDRAWN;
  self->withdrawn = step->date;
  return TRUE;
}

gboolean
tamu_ppid_request_apply (TamuPpidRequest    *self,
                         TamuCalendar       *calendar,
                         const TamuPpidStep *step,
                         const GDate        *today,
                         GError            **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (calendar != NULL, FALSE);
  g_return_val_if_fail (step != NULL, FALSE);
  g_return_val_if_fail (g_date_valid (&self->received), FALSE);

  switch (step->action)
    {
    case TAMU_PPID_STEP_EXTEND:
      return apply_extend (self, calendar, step, today, error);
    case TAMU_PPID_STEP_RESPOND:
      return apply_respond (self, step, today, error);
    case TAMU_PPID_STEP_OBJECT:
      return apply_object (self, calendar, step, today, error);
    case TAMU_PPID_STEP_ANSWER_OBJECTION:
      return apply_answer_objection (self, step, today, error);
    case TAMU_PPID_STEP_DISPUTE:
      return apply_dispute (self, calendar, step, today, error);
    case TAMU_PPID_STEP_WITHDRAW:
      return apply_withdraw (self, step, today, error);
    default:
      g_return_val_if_reached (FALSE);
    }
}

/* ---- timeline ------------------------------------------------------ */

void
tamu_ppid_timeline_entry_free (TamuPpidTimelineEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->label);
  g_free (entry);
}

static void
add_entry (GPtrArray   *timeline,
           const GDate *date,
           char        *label,
           gboolean     is_deadline,
           gboolean     is_done,
           gboolean     is_late)
{
  TamuPpidTimelineEntry *entry;

  if (!g_date_valid (date))
    {
      g_free (label);
      return;
    }
  entry = g_new0 (TamuPpidTimelineEntry, 1);
  entry->date = *date;
  entry->label = label;
  entry->is_deadline = is_deadline;
  entry->is_done = is_done;
  entry->is_late = is_late;
  g_ptr_array_add (timeline, entry);
}

/* A deadline line: met when @met_on is on or before it; late when @met_on is
 * after it, or nothing met it and @today is after it while it is pending. */
static void
add_deadline (GPtrArray   *timeline,
              const GDate *due,
              const char  *label,
              const GDate *met_on,
              gboolean     pending,
              const GDate *today)
{
  gboolean done = met_on != NULL && g_date_valid (met_on);
  gboolean late;

  if (!g_date_valid (due))
    return;
  if (done)
    late = g_date_compare (met_on, due) > 0;
  else
    late = pending && today != NULL && g_date_compare (today, due) > 0;
  add_entry (timeline, due, g_strdup (label), TRUE, done && !late, late);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const TamuPpidTimelineEntry *x = *(TamuPpidTimelineEntry * const *) a;
  const TamuPpidTimelineEntry *y = *(TamuPpidTimelineEntry * const *) b;
  int by_date = g_date_compare (&x->date, &y->date);

  if (by_date != 0)
    return by_date;
  return (int) x->is_deadline - (int) y->is_deadline;
}

GPtrArray *
tamu_ppid_request_build_timeline (const TamuPpidRequest *self,
                                  TamuCalendar          *calendar,
                                  const GDate           *today)
{
  GPtrArray *timeline = g_ptr_array_new_with_free_func ((GDestroyNotify) tamu_ppid_timeline_entry_free);
  TamuPpidDeadlines deadlines;
  gboolean open = tamu_ppid_request_is_open (self);

  g_return_val_if_fail (self != NULL, timeline);

  tamu_ppid_request_get_deadlines (self, calendar, &deadlines);

  add_entry (timeline, &self->received, g_strdup (_("Received")), FALSE, TRUE, FALSE);
  if (self->extension_days > 0)
    {
      const GDate *when = g_date_valid (&self->extended_on) ? &self->extended_on : &self->received;

      add_entry (timeline, when,
                 g_strdup_printf (ngettext ("Extended by %d working day: %s",
                                            "Extended by %d working days: %s",
                                            self->extension_days),
                                  self->extension_days,
                                  self->extension_reason ? self->extension_reason : ""),
                 FALSE, TRUE, FALSE);
      /* Superseded by the extension, which is given before it passes. */
      add_entry (timeline, &deadlines.original_due, g_strdup (_("Answer due before the extension")),
                 TRUE, TRUE, FALSE);
    }
  add_deadline (timeline, &deadlines.answer_due, _("Answer due"),
                g_date_valid (&self->responded) ? &self->responded : NULL, open, today);
  if (g_date_valid (&self->responded))
    {
      g_autofree char *what = NULL;

      if (self->refusal != TAMU_PPID_REFUSAL_NONE)
        what = g_strdup_printf ("%s (%s)", tamu_ppid_decision_to_label (self->decision),
                                tamu_ppid_refusal_to_label (self->refusal));
      else
        what = g_strdup (tamu_ppid_decision_to_label (self->decision));
      add_entry (timeline, &self->responded,
                 g_strdup_printf (_("Answered: %s"), what),
                 FALSE, TRUE, tamu_ppid_request_was_answered_late (self, calendar));
      /* The window is the requester's, not a deadline the office can miss. */
      add_entry (timeline, &deadlines.objection_window, g_strdup (_("Last day to file an objection")),
                 TRUE, g_date_valid (&self->objected), FALSE);
    }
  if (g_date_valid (&self->objected))
    {
      add_entry (timeline, &self->objected, g_strdup (_("Objection filed")), FALSE, TRUE, FALSE);
      add_deadline (timeline, &deadlines.objection_due, _("Objection answer due"),
                    g_date_valid (&self->objection_answered) ? &self->objection_answered : NULL,
                    self->status == TAMU_PPID_OBJECTION_FILED, today);
    }
  if (g_date_valid (&self->objection_answered))
    {
      add_entry (timeline, &self->objection_answered, g_strdup (_("Objection answered")),
                 FALSE, TRUE, g_date_compare (&self->objection_answered, &deadlines.objection_due) > 0);
      add_entry (timeline, &deadlines.dispute_window, g_strdup (_("Last day to file a dispute")),
                 TRUE, g_date_valid (&self->disputed), FALSE);
    }
  add_entry (timeline, &self->disputed, g_strdup (_("Dispute filed at the Komisi Informasi")),
             FALSE, TRUE, FALSE);
  if (self->status == TAMU_PPID_WITHDRAWN)
    add_entry (timeline,
               g_date_valid (&self->withdrawn) ? &self->withdrawn : &self->received,
               g_strdup (_("Withdrawn")), FALSE, TRUE, FALSE);

  g_ptr_array_sort (timeline, compare_entries);
  return timeline;
}

/* ---- names --------------------------------------------------------- */

typedef struct
{
  int         value;
  const char *name;
  const char *label;
} NameEntry;

static const NameEntry status_names[] = {
  { TAMU_PPID_RECEIVED, "received", N_("Awaiting answer") },
  { TAMU_PPID_EXTENDED, "extended", N_("Extended") },
  { TAMU_PPID_ANSWERED, "answered", N_("Answered") },
  { TAMU_PPID_OBJECTION_FILED, "objection-filed", N_("Objection filed") },
  { TAMU_PPID_OBJECTION_ANSWERED, "objection-answered", N_("Objection answered") },
  { TAMU_PPID_DISPUTE_FILED, "dispute-filed", N_("Dispute filed") },
  { TAMU_PPID_WITHDRAWN, "withdrawn", N_("Withdrawn") },
};

static const NameEntry decision_names[] = {
  { TAMU_PPID_DECISION_NONE, NULL, N_("Not decided") },
  { TAMU_PPID_DECISION_GRANTED, "granted", N_("Granted in full") },
  { TAMU_PPID_DECISION_PARTIAL, "partial", N_("Granted in part") },
  { TAMU_PPID_DECISION_REFUSED, "refused", N_("Refused") },
};

static const NameEntry refusal_names[] = {
  { TAMU_PPID_REFUSAL_NONE, NULL, N_("No reason") },
  { TAMU_PPID_REFUSAL_EXEMPT, "exempt", N_("Exempt information") },
  { TAMU_PPID_REFUSAL_NOT_HELD, "not-held", N_("Not held") },
  { TAMU_PPID_REFUSAL_NOT_DOCUMENTED, "not-documented", N_("Not yet documented") },
};

static const NameEntry category_names[] = {
  { TAMU_PPID_CATEGORY_INDIVIDUAL, "individual", N_("Individual") },
  { TAMU_PPID_CATEGORY_LEGAL_ENTITY, "legal-entity", N_("Legal entity") },
  { TAMU_PPID_CATEGORY_GROUP, "group", N_("Group") },
};

static const NameEntry form_names[] = {
  { TAMU_PPID_FORM_SOFTCOPY, "softcopy", N_("Softcopy") },
  { TAMU_PPID_FORM_HARDCOPY, "hardcopy", N_("Hardcopy") },
};

static const NameEntry kind_names[] = {
  { TAMU_PPID_KIND_COPY, "copy", N_("Obtain a copy") },
  { TAMU_PPID_KIND_VIEW, "view", N_("View") },
};

static const NameEntry info_status_names[] = {
  { TAMU_PPID_INFO_UNKNOWN, "unknown", N_("Not yet established") },
  { TAMU_PPID_INFO_HELD, "held", N_("Held") },
  { TAMU_PPID_INFO_NOT_HELD, "not-held", N_("Not held") },
  { TAMU_PPID_INFO_NOT_DOCUMENTED, "not-documented", N_("Not yet documented") },
};

static const NameEntry *
find_value (const NameEntry *table,
            gsize            n,
            int              value)
{
  for (gsize i = 0; i < n; i++)
    if (table[i].value == value)
      return &table[i];
  return NULL;
}

static gboolean
find_name (const NameEntry *table,
           gsize            n,
           const char      *text,
           int             *out)
{
  g_autofree char *norm = NULL;

  if (text == NULL)
    return FALSE;
  norm = g_strstrip (g_ascii_strdown (text, -1));
  g_strdelimit (norm, "_ ", '-');
  for (gsize i = 0; i < n; i++)
    if (table[i].name != NULL && g_strcmp0 (table[i].name, norm) == 0)
      {
        *out = table[i].value;
        return TRUE;
      }
  return FALSE;
}

#define NAME_FUNCS(lower, Type, table)                                   \
  const char *                                                           \
  tamu_ppid_##lower##_to_string (Type value)                             \
  {                                                                      \
    const NameEntry *e = find_value (table, G_N_ELEMENTS (table), value); \
    return e != NULL ? e->name : NULL;                                   \
  }                                                                      \
  const char *                                                           \
  tamu_ppid_##lower##_to_label (Type value)                              \
  {                                                                      \
    const NameEntry *e = find_value (table, G_N_ELEMENTS (table), value); \
    return e != NULL ? _(e->label) : "";                                 \
  }                                                                      \
  gboolean                                                               \
  tamu_ppid_##lower##_from_string (const char *text,                     \
                                   Type       *out)                      \
  {                                                                      \
    int value;                                                           \
    if (!find_name (table, G_N_ELEMENTS (table), text, &value))          \
      return FALSE;                                                      \
    *out = (Type) value;                                                 \
    return TRUE;                                                         \
  }

NAME_FUNCS (status, TamuPpidStatus, status_names)
NAME_FUNCS (decision, TamuPpidDecision, decision_names)
NAME_FUNCS (refusal, TamuPpidRefusal, refusal_names)
NAME_FUNCS (category, TamuPpidCategory, category_names)
NAME_FUNCS (form, TamuPpidForm, form_names)
NAME_FUNCS (kind, TamuPpidKind, kind_names)
NAME_FUNCS (info_status, TamuPpidInfoStatus, info_status_names)
