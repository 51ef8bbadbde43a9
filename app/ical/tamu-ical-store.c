/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tamu-ical"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tamu-ical.h"

#include "tamu-clock.h"
#include "tamu-error.h"
#include "tamu-rules.h"
#include "tamu-store-invitations.h"

gboolean
tamu_ical_check_not_booked (TamuStore   *store,
                            TamuBooking *draft,
                            GError     **error)
{
  TamuBookingFilter filter;
  g_autoptr(GPtrArray) existing = NULL;

  g_return_val_if_fail (TAMU_IS_STORE (store), FALSE);
  g_return_val_if_fail (draft != NULL, FALSE);

  if (draft->uid != NULL)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(TamuBooking) same = tamu_store_get_booking_by_uid (store, draft->uid, &local_error);

      if (same != NULL)
        {
          g_set_error (error, TAMU_ERROR, TAMU_ERROR_REFUSED,
                       _("uid: this invitation is booking #%lld already; nothing changed"),
                       (long long) same->id);
          return FALSE;
        }
      if (!g_error_matches (local_error, TAMU_ERROR, TAMU_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }

  if (draft->link == NULL || !g_date_valid (&draft->date))
    return TRUE;

  tamu_booking_filter_init (&filter);
  filter.from = draft->date;
  filter.to = draft->date;
  filter.include_cancelled = FALSE;
  existing = tamu_store_list_bookings (store, &filter, error);
  if (existing == NULL)
    return FALSE;

  for (guint i = 0; i < existing->len; i++)
    {
      TamuBooking *other = g_ptr_array_index (existing, i);

      if (other->start == draft->start && g_strcmp0 (other->link, draft->link) == 0)
        {
          g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, other->id);

          g_set_error (error, TAMU_ERROR, TAMU_ERROR_REFUSED,
                       _("link: this meeting is booked already, as booking %s"), id);
          return FALSE;
        }
    }
  return TRUE;
}

/* ---- planning ----------------------------------------------------------- */

static void
step_free (TamuIcalStep *step)
{
  g_clear_pointer (&step->booking, tamu_booking_unref);
  g_free (step->message);
  g_free (step->problem);
  g_clear_pointer (&step->warnings, g_ptr_array_unref);
  g_free (step);
}

static TamuIcalStep *
add_step (GPtrArray        *plan,
          TamuIcalStepKind  kind,
          TamuBooking      *booking)
{
  TamuIcalStep *step = g_new0 (TamuIcalStep, 1);

  step->kind = kind;
  step->booking = booking != NULL ? tamu_booking_ref (booking) : NULL;
  step->warnings = tamu_warnings_new ();
  g_ptr_array_add (plan, step);
  return step;
}

/* What an invitation decides about a booking: when, how long, where. */
static gboolean
same_meeting (const TamuBooking *stored,
              const TamuBooking *draft)
{
  return g_date_compare (&stored->date, &draft->date) == 0 &&
         stored->start == draft->start &&
         (draft->duration <= 0 || stored->duration == draft->duration) &&
         g_strcmp0 (stored->link, draft->link) == 0;
}

static void
check_rules (TamuStore    *store,
             TamuIcalStep *step)
{
  g_autoptr(GError) rule_error = NULL;

  if (!tamu_store_check_booking (store, step->booking, step->warnings, &rule_error))
    step->problem = g_strdup (rule_error->message);
}

/* The booking @uid names, NULL when there is none (without an error). */
static TamuBooking *
find_by_uid (TamuStore  *store,
             const char *uid,
             GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  TamuBooking *booking;

  if (uid == NULL)
    return NULL;
  booking = tamu_store_get_booking_by_uid (store, uid, &local_error);
  if (booking == NULL && !g_error_matches (local_error, TAMU_ERROR, TAMU_ERROR_NOT_FOUND))
    g_propagate_error (error, g_steal_pointer (&local_error));
  return booking;
}

static gboolean
plan_draft (TamuStore   *store,
            TamuBooking *draft,
            GPtrArray   *plan,
            GError     **error)
{
  g_autoptr(TamuBooking) stored = NULL;
  g_autoptr(GError) booked = NULL;
  GError *local_error = NULL;
  TamuIcalStep *step;
  int followed;

  stored = find_by_uid (store, draft->uid, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  if (stored == NULL)
    {
      /* Bookings imported before UIDs were kept: same date, start and link. */
      if (!tamu_ical_check_not_booked (store, draft, &booked))
        {
          if (!g_error_matches (booked, TAMU_ERROR, TAMU_ERROR_REFUSED))
            {
              g_propagate_error (error, g_steal_pointer (&booked));
              return FALSE;
            }
          step = add_step (plan, TAMU_ICAL_STEP_SKIP, NULL);
          step->message = g_strdup (booked->message);
          return TRUE;
        }
      step = add_step (plan, TAMU_ICAL_STEP_CREATE, draft);
      step->sequence = draft->sequence;
      check_rules (store, step);
      return TRUE;
    }

  if (same_meeting (stored, draft))
    {
      step = add_step (plan, TAMU_ICAL_STEP_SKIP, stored);
      step->message = g_strdup_printf (_("uid: this invitation is booking #%lld already; nothing changed"),
                                       (long long) stored->id);
      return TRUE;
    }
  /* The invitation version the booking follows; a booking imported
   * before it was kept compares with its own sequence. */
  followed = tamu_store_get_invitation_sequence (store, stored->id, error);
  if (followed == -2)
    return FALSE;
  if (followed < 0)
    followed = stored->sequence;
  if (draft->sequence <= followed)
    {
      step = add_step (plan, TAMU_ICAL_STEP_SKIP, stored);
      step->message = g_strdup_printf (_("SEQUENCE: the invitation (SEQUENCE %d) is not newer than the one "
                                         "booking #%lld follows (SEQUENCE %d); nothing changed"),
                                       draft->sequence, (long long) stored->id, followed);
      return TRUE;
    }
  if (!tamu_booking_is_active (stored))
    {
      step = add_step (plan, TAMU_ICAL_STEP_SKIP, stored);
      step->message = g_strdup_printf (_("status: booking #%lld is %s; the updated invitation does not change it"),
                                       (long long) stored->id,
                                       tamu_booking_status_to_string (stored->status));
      return TRUE;
    }

  {
    g_autoptr(TamuBooking) edited = tamu_booking_copy (stored);

    /* The organizer decides when and where; what the desk filled in
     * (daerah, topics, contact, notes) stays. */
    edited->date = draft->date;
    edited->start = draft->start;
    if (draft->duration > 0)
      edited->duration = draft->duration;
    g_free (edited->link);
    edited->link = g_strdup (draft->link);
    step = add_step (plan, TAMU_ICAL_STEP_UPDATE, edited);
    step->sequence = draft->sequence;
    check_rules (store, step);
  }
  return TRUE;
}

static gboolean
plan_cancel (TamuStore      *store,
             TamuIcalCancel *cancel,
             GPtrArray      *plan,
             GError        **error)
{
  g_autoptr(TamuBooking) stored = NULL;
  GError *local_error = NULL;
  guint found = 0;
  TamuIcalStep *step;

  stored = find_by_uid (store, cancel->uid, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (stored != NULL && tamu_booking_is_active (stored))
    {
      add_step (plan, TAMU_ICAL_STEP_CANCEL, stored);
      found++;
    }

  if (cancel->series)
    {
      /* Every meeting of the series booked from today on: "UID#…". */
      g_autofree char *prefix = g_strconcat (cancel->uid, "#", NULL);
      g_autoptr(GPtrArray) bookings = NULL;
      TamuBookingFilter filter;

      tamu_booking_filter_init (&filter);
      tamu_clock_today (&filter.from);
      filter.include_cancelled = FALSE;
      bookings = tamu_store_list_bookings (store, &filter, error);
      if (bookings == NULL)
        return FALSE;
      for (guint i = 0; i < bookings->len; i++)
        {
          TamuBooking *booking = g_ptr_array_index (bookings, i);

          if (booking->uid != NULL && g_str_has_prefix (booking->uid, prefix) &&
              tamu_booking_is_active (booking))
            {
              add_step (plan, TAMU_ICAL_STEP_CANCEL, booking);
              found++;
            }
        }
    }

  if (found == 0)
    {
      step = add_step (plan, TAMU_ICAL_STEP_SKIP, stored);
      if (stored != NULL)
        step->message = g_strdup_printf (_("%s: event %u cancels booking #%lld, which is %s already"),
                                         cancel->field, cancel->event_no, (long long) stored->id,
                                         tamu_booking_status_to_string (stored->status));
      else
        step->message = g_strdup_printf (_("%s: event %u is cancelled and no booking comes from it"),
                                         cancel->field, cancel->event_no);
    }
  return TRUE;
}

GPtrArray *
tamu_ical_plan_invitation (TamuStore          *store,
                           TamuIcalInvitation *invitation,
                           GError            **error)
{
  g_autoptr(GPtrArray) plan = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);

  g_return_val_if_fail (TAMU_IS_STORE (store), NULL);
  g_return_val_if_fail (invitation != NULL, NULL);

  for (guint i = 0; i < invitation->drafts->len; i++)
    if (!plan_draft (store, g_ptr_array_index (invitation->drafts, i), plan, error))
      return NULL;
  for (guint i = 0; i < invitation->cancels->len; i++)
    if (!plan_cancel (store, g_ptr_array_index (invitation->cancels, i), plan, error))
      return NULL;
  return g_steal_pointer (&plan);
}

/* ---- applying ----------------------------------------------------------- */

gboolean
tamu_ical_apply_plan (TamuStore *store,
                      GPtrArray *plan,
                      GPtrArray *warnings,
                      GError   **error)
{
  g_autoptr(GPtrArray) creates = g_ptr_array_new_with_free_func ((GDestroyNotify) tamu_booking_unref);

  g_return_val_if_fail (TAMU_IS_STORE (store), FALSE);

  for (guint i = 0; i < plan->len; i++)
    {
      TamuIcalStep *step = g_ptr_array_index (plan, i);

      if (step->problem != NULL)
        {
          g_set_error (error, TAMU_ERROR, TAMU_ERROR_REFUSED, "%s", step->problem);
          return FALSE;
        }
      if (step->kind == TAMU_ICAL_STEP_CREATE)
        g_ptr_array_add (creates, tamu_booking_ref (step->booking));
    }

  if (creates->len == 1)
    {
      TamuIcalStep *step = NULL;
      g_autoptr(TamuBooking) stored = tamu_store_add_booking (store, g_ptr_array_index (creates, 0),
                                                              warnings, error);

      if (stored == NULL)
        return FALSE;
      for (guint i = 0; i < plan->len && step == NULL; i++)
        if (((TamuIcalStep *) g_ptr_array_index (plan, i))->kind == TAMU_ICAL_STEP_CREATE)
          step = g_ptr_array_index (plan, i);
      tamu_booking_unref (step->booking);
      step->booking = g_steal_pointer (&stored);
    }
  else if (creates->len > 1)
    {
      g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
      g_autofree guint *numbers = g_new (guint, creates->len);

      for (guint i = 0; i < creates->len; i++)
        numbers[i] = i + 1;
      /* All the new meetings or none, each against the rules and the others. */
      if (!tamu_store_import_bookings (store, creates, numbers, FALSE, warnings, problems, error))
        {
          if (problems->len > 0)
            {
              g_clear_error (error);
              g_set_error (error, TAMU_ERROR, TAMU_ERROR_REFUSED, "%s",
                           (const char *) g_ptr_array_index (problems, 0));
            }
          return FALSE;
        }
    }

  /* Each new booking follows its invitation's SEQUENCE from now on. */
  for (guint i = 0; i < plan->len; i++)
    {
      TamuIcalStep *step = g_ptr_array_index (plan, i);
      g_autoptr(TamuBooking) stored = NULL;

      if (step->kind != TAMU_ICAL_STEP_CREATE || step->booking->uid == NULL)
        continue;
      stored = tamu_store_get_booking_by_uid (store, step->booking->uid, error);
      if (stored == NULL ||
          !tamu_store_note_invitation_sequence (store, stored->id, step->sequence, error))
        return FALSE;
      tamu_booking_unref (step->booking);
      step->booking = g_steal_pointer (&stored);
    }

  for (guint i = 0; i < plan->len; i++)
    {
      TamuIcalStep *step = g_ptr_array_index (plan, i);
      TamuBooking *done = NULL;

      if (step->kind == TAMU_ICAL_STEP_UPDATE)
        {
          done = tamu_store_update_booking (store, step->booking, warnings, error);
          if (done != NULL &&
              !tamu_store_note_invitation_sequence (store, done->id, step->sequence, error))
            g_clear_pointer (&done, tamu_booking_unref);
        }
      else if (step->kind == TAMU_ICAL_STEP_CANCEL)
        {
          g_autofree char *reason = g_strdup_printf (_("Cancelled by the organizer (invitation %s)"),
                                                     step->booking->uid);

          done = tamu_store_cancel_booking (store, step->booking->id, reason, error);
        }
      else
        continue;
      if (done == NULL)
        return FALSE;
      tamu_booking_unref (step->booking);
      step->booking = done;
    }
  return TRUE;
}
