/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tamu-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "tamu-booking-states.h"
#include "tamu-clock.h"
#include "tamu-error.h"
#include "tamu-parse.h"
#include "tamu-store-private.h"

/* Bookings: the rules are checked inside the same write transaction that
 * stores the booking, under the lock of its day, so what was checked is
 * what is committed. */

void
tamu_booking_filter_init (TamuBookingFilter *filter)
{
  memset (filter, 0, sizeof *filter);
  g_date_clear (&filter->from, 1);
  g_date_clear (&filter->to, 1);
  filter->type = -1;
  filter->status = -1;
  filter->include_cancelled = TRUE;
}

/* The live booking with @id (or @uid), or NOT_FOUND naming it. */
static TamuBooking *
get_booking (TamuStore  *self,
             gint64      id,
             const char *uid,
             GError    **error)
{
  GError *local_error = NULL;
  TamuBooking *booking = TAMU_BACKEND_CALL (self, get_booking, id, uid, &local_error);

  if (booking != NULL || local_error != NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      return booking;
    }
  if (uid != NULL)
    g_set_error (error, TAMU_ERROR, TAMU_ERROR_NOT_FOUND,
                 _("booking: there is no booking with UID %s"), uid);
  else
    g_set_error (error, TAMU_ERROR, TAMU_ERROR_NOT_FOUND,
                 _("booking: there is no booking %lld"), (long long) id);
  return NULL;
}

TamuBooking *
tamu_store_get_booking (TamuStore *self,
                        gint64     id,
                        GError   **error)
{
  g_return_val_if_fail (TAMU_IS_STORE (self), NULL);

  return get_booking (self, id, NULL, error);
}

TamuBooking *
tamu_store_get_booking_by_uid (TamuStore  *self,
                               const char *uid,
                               GError    **error)
{
  g_return_val_if_fail (TAMU_IS_STORE (self), NULL);
  g_return_val_if_fail (uid != NULL, NULL);

  return get_booking (self, 0, uid, error);
}

GPtrArray *
tamu_store_list_bookings (TamuStore               *self,
                          const TamuBookingFilter *filter,
                          GError                 **error)
{
  g_return_val_if_fail (TAMU_IS_STORE (self), NULL);
  g_return_val_if_fail (filter != NULL, NULL);

  return TAMU_BACKEND_CALL (self, list_bookings, filter, error);
}

GArray *
tamu_store_count_by_day (TamuStore   *self,
                         const GDate *from,
                         const GDate *to,
                         GError     **error)
{
  g_return_val_if_fail (TAMU_IS_STORE (self), NULL);

  return TAMU_BACKEND_CALL (self, count_by_day, from, to, error);
}

/* Field by field, as text, for the audit log's old → new. */
typedef struct
{
  const char *name;
  char     *(*text) (const TamuBooking *booking);
} FieldSpec;

static char *f_type (const TamuBooking *b) { return g_strdup (tamu_booking_type_to_string (b->type)); }
static char *f_date (const TamuBooking *b) { return tamu_format_date_iso (&b->date); }
static char *f_time (const TamuBooking *b) { return b->start < 0 ? g_strdup ("") : tamu_format_time (b->start); }
static char *f_duration (const TamuBooking *b) { return g_strdup_printf ("%d", b->duration); }
static char *f_daerah (const TamuBooking *b) { return g_strdup (b->daerah); }
static char *f_topics (const TamuBooking *b) { return tamu_booking_dup_topics_text (b); }
static char *f_guests (const TamuBooking *b) { return g_strdup_printf ("%d", b->guests); }
static char *f_actual (const TamuBooking *b) { return b->actual_guests < 0 ? g_strdup ("") : g_strdup_printf ("%d", b->actual_guests); }
static char *f_limit (const TamuBooking *b) { return g_strdup_printf ("%d", b->guest_limit); }
static char *f_status (const TamuBooking *b) { return g_strdup (tamu_booking_status_to_string (b->status)); }
static char *f_room (const TamuBooking *b) { return g_strdup (b->room); }
static char *f_instansi (const TamuBooking *b) { return g_strdup (b->instansi); }
static char *f_contact (const TamuBooking *b) { return g_strdup (b->contact); }
static char *f_phone (const TamuBooking *b) { return g_strdup (b->phone); }
static char *f_email (const TamuBooking *b) { return g_strdup (b->email); }
static char *f_ticket (const TamuBooking *b) { return g_strdup (b->ticket); }
static char *f_pic (const TamuBooking *b) { return g_strdup (b->pic); }
static char *f_link (const TamuBooking *b) { return g_strdup (b->link); }
static char *f_notes (const TamuBooking *b) { return g_strdup (b->notes); }
static char *f_override (const TamuBooking *b) { return g_strdup (b->override_reason); }
static char *f_cancel (const TamuBooking *b) { return g_strdup (b->cancel_reason); }

static const FieldSpec audited_fields[] = {
  { "type", f_type }, { "date", f_date }, { "time", f_time }, { "duration", f_duration },
  { "daerah", f_daerah }, { "topics", f_topics }, { "guests", f_guests },
  { "actual_guests", f_actual }, { "guest_limit", f_limit }, { "status", f_status },
  { "room", f_room }, { "instansi", f_instansi }, { "contact", f_contact }, { "phone", f_phone },
  { "email", f_email }, { "ticket", f_ticket }, { "pic", f_pic }, { "link", f_link },
  { "notes", f_notes }, { "override_reason", f_override }, { "cancel_reason", f_cancel },
};

/* One audit row per changed field; NULL @before audits a creation, field by
 * field with the empty ones left out. */
static gboolean
audit_changes (TamuStore         *self,
               const char        *action,
               const TamuBooking *before,
               const TamuBooking *after,
               guint             *out_changes,
               GError           **error)
{
  guint changes = 0;

  for (guint i = 0; i < G_N_ELEMENTS (audited_fields); i++)
    {
      g_autofree char *old_text = before != NULL ? audited_fields[i].text (before) : NULL;
      g_autofree char *new_text = audited_fields[i].text (after);

      if (g_strcmp0 (old_text != NULL ? old_text : "", new_text != NULL ? new_text : "") == 0)
        continue;
      changes++;
      if (!tamu_store_audit (self, "booking", after->id, action, audited_fields[i].name,
                             old_text != NULL ? old_text : "", new_text != NULL ? new_text : "",
                             error))
        return FALSE;
    }

  if (out_changes != NULL)
    *out_changes = changes;
  return TRUE;
}

typedef struct
{
  TamuPolicy   *policy;
  TamuCalendar *calendar;
  GDateTime    *now;
} Rules;

static void
rules_clear (Rules *rules)
{
  g_clear_pointer (&rules->policy, tamu_policy_free);
  g_clear_pointer (&rules->calendar, tamu_calendar_unref);
  g_clear_pointer (&rules->now, g_date_time_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Rules, rules_clear)

/* The office's rules as they stand; inside a write, under the shared
 * office lock, so no desk changes them before this write commits. */
static gboolean
rules_load (TamuStore *self,
            Rules     *rules,
            GError   **error)
{
  rules_clear (rules);
  if (self->tx_depth > 0 && !tamu_store_lock (self, TAMU_LOCK_OFFICE_SHARED, 0, error))
    return FALSE;
  rules->policy = tamu_store_load_policy (self, error);
  if (rules->policy == NULL)
    return FALSE;
  rules->calendar = tamu_store_load_calendar (self, error);
  if (rules->calendar == NULL)
    return FALSE;
  rules->now = tamu_clock_now ();
  return TRUE;
}

/* Resolves the daerah and runs every rule against the day's other bookings
 * (inside a write, the caller holds the day's lock). */
static gboolean
check_against_day (TamuStore     *self,
                   Rules         *rules,
                   TamuBooking   *booking,
                   GPtrArray     *extra_same_day,
                   TamuCheckFlags flags,
                   GPtrArray     *warnings,
                   GError       **error)
{
  g_autoptr(GPtrArray) same_day = NULL;
  TamuRuleContext ctx;

  tamu_rules_resolve_daerah (booking, warnings);

  if (!(flags & TAMU_CHECK_HISTORICAL) && g_date_valid (&booking->date))
    {
      same_day = TAMU_BACKEND_CALL (self, list_active_on, &booking->date, error);
      if (same_day == NULL)
        return FALSE;
      for (guint i = 0; extra_same_day != NULL && i < extra_same_day->len; i++)
        {
          TamuBooking *other = g_ptr_array_index (extra_same_day, i);

          if (g_date_compare (&other->date, &booking->date) == 0 && tamu_booking_is_active (other))
            g_ptr_array_add (same_day, tamu_booking_ref (other));
        }
    }

  ctx = (TamuRuleContext) {
    .policy = rules->policy,
    .calendar = rules->calendar,
    .same_day = same_day,
    .now = rules->now,
  };
  return tamu_rules_check (&ctx, booking, flags, warnings, error);
}

/* A write may run again (tamu_store_write()): what it warned on a try that
 * did not commit is taken back before the next. */
static void
warnings_truncate (GPtrArray *warnings,
                   guint      length)
{
  if (warnings != NULL && warnings->len > length)
    g_ptr_array_set_size (warnings, length);
}

gboolean
tamu_store_check_booking (TamuStore   *self,
                          TamuBooking *draft,
                          GPtrArray   *warnings,
                          GError     **error)
{
  g_auto(Rules) rules = { 0 };
  g_autoptr(TamuBooking) candidate = NULL;
  g_autoptr(TamuBooking) current = NULL;
  TamuCheckFlags flags = TAMU_CHECK_NEW;

  g_return_val_if_fail (TAMU_IS_STORE (self), FALSE);
  g_return_val_if_fail (draft != NULL, FALSE);

  if (!rules_load (self, &rules, error))
    return FALSE;

  /* An edit that keeps its date and time is not refused for having started. */
  if (draft->id != 0)
    {
      current = tamu_store_get_booking (self, draft->id, error);
      if (current == NULL)
        return FALSE;
      if (g_date_compare (&current->date, &draft->date) == 0 && current->start == draft->start)
        flags = TAMU_CHECK_DEFAULT;
    }
  else if (!tamu_booking_new_status_allowed (draft->status, error))
    return FALSE;

  candidate = tamu_booking_copy (draft);
  return check_against_day (self, &rules, candidate, NULL, flags, warnings, error);
}

/* Fills what the store, not the caller, decides for a new row. */
static void
stamp_new (TamuBooking *booking)
{
  g_free (booking->updated_at);
  booking->updated_at = tamu_store_dup_timestamp ();
  if (booking->created_at == NULL)
    booking->created_at = g_strdup (booking->updated_at);
  if (booking->uid == NULL)
    booking->uid = tamu_booking_new_uid ();
}

typedef struct
{
  const TamuBooking *draft;
  GPtrArray         *warnings;
  guint              n_warnings;
  TamuBooking       *result;
} AddBooking;

static TamuWriteResult
add_booking (TamuStore *self,
             gpointer   user_data,
             GError   **error)
{
  AddBooking *data = user_data;
  g_auto(Rules) rules = { 0 };
  g_autoptr(TamuBooking) booking = tamu_booking_copy (data->draft);

  warnings_truncate (data->warnings, data->n_warnings);
  booking->id = 0;
  booking->sequence = 0;
  booking->actual_guests = -1;
  g_clear_pointer (&booking->created_at, g_free);

  if (!rules_load (self, &rules, error) ||
      !tamu_store_lock_day (self, &booking->date, error))
    return TAMU_WRITE_FAILED;
  if (booking->duration == 0)
    booking->duration = rules.policy->default_duration;

  stamp_new (booking);
  if (!check_against_day (self, &rules, booking, NULL, TAMU_CHECK_NEW, data->warnings, error) ||
      !TAMU_BACKEND_CALL (self, insert_booking, booking, error) ||
      !audit_changes (self, "create", NULL, booking, NULL, error))
    return TAMU_WRITE_FAILED;

  data->result = g_steal_pointer (&booking);
  return TAMU_WRITE_COMMIT;
}

TamuBooking *
tamu_store_add_booking (TamuStore   *self,
                        TamuBooking *draft,
                        GPtrArray   *warnings,
                        GError     **error)
{
  AddBooking data = { draft, warnings, warnings != NULL ? warnings->len : 0, NULL };

  g_return_val_if_fail (TAMU_IS_STORE (self), NULL);
  g_return_val_if_fail (draft != NULL, NULL);

  if (!tamu_booking_new_status_allowed (draft->status, error))
    return NULL;

  if (!tamu_store_write (self, add_booking, &data, error))
    {
      g_clear_pointer (&data.result, tamu_booking_unref);
      return NULL;
    }
  return data.result;
}

static gboolean
only_notes_differ (const TamuBooking *a,
                   const TamuBooking *b)
{
  for (guint i = 0; i < G_N_ELEMENTS (audited_fields); i++)
    {
      g_autofree char *x = NULL;
      g_autofree char *y = NULL;

      if (g_str_equal (audited_fields[i].name, "notes"))
        continue;
      x = audited_fields[i].text (a);
      y = audited_fields[i].text (b);
      if (g_strcmp0 (x != NULL ? x : "", y != NULL ? y : "") != 0)
        return FALSE;
    }
  return TRUE;
}

/* Both days a booking touches, in one order for every writer (no deadlock). */
static gboolean
lock_days (TamuStore   *self,
           const GDate *a,
           const GDate *b,
           GError     **error)
{
  if (!g_date_valid (a) || !g_date_valid (b) || g_date_compare (a, b) == 0)
    return tamu_store_lock_day (self, g_date_valid (a) ? a : b, error);
  if (g_date_compare (a, b) > 0)
    {
      const GDate *swap = a;

      a = b;
      b = swap;
    }
  return tamu_store_lock_day (self, a, error) && tamu_store_lock_day (self, b, error);
}

typedef struct
{
  const TamuBooking *edited;
  GPtrArray         *warnings;
  guint              n_warnings;
  TamuBooking       *result;
} UpdateBooking;

static TamuWriteResult
update_booking (TamuStore *self,
                gpointer   user_data,
                GError   **error)
{
  UpdateBooking *data = user_data;
  g_auto(Rules) rules = { 0 };
  g_autoptr(TamuBooking) current = NULL;
  g_autoptr(TamuBooking) booking = NULL;
  TamuCheckFlags flags = TAMU_CHECK_DEFAULT;
  guint changes = 0;

  warnings_truncate (data->warnings, data->n_warnings);
  g_clear_pointer (&data->result, tamu_booking_unref);

  if (!rules_load (self, &rules, error) ||
      !tamu_store_lock (self, TAMU_LOCK_BOOKING, data->edited->id, error))
    return TAMU_WRITE_FAILED;
  current = tamu_store_get_booking (self, data->edited->id, error);
  if (current == NULL || !lock_days (self, &current->date, &data->edited->date, error))
    return TAMU_WRITE_FAILED;

  booking = tamu_booking_copy (data->edited);
  /* What identifies the booking and what only the state verbs change is
   * taken from the stored row, whatever the caller sent. */
  g_free (booking->uid);
  booking->uid = g_strdup (current->uid);
  g_free (booking->created_at);
  booking->created_at = g_strdup (current->created_at);
  booking->sequence = current->sequence;
  booking->actual_guests = current->actual_guests;
  g_free (booking->cancel_reason);
  booking->cancel_reason = g_strdup (current->cancel_reason);
  if (!tamu_booking_edit_status_allowed (current, booking->status, error))
    return TAMU_WRITE_FAILED;

  if (!tamu_booking_is_editable (current))
    {
      /* What happened is history: only the notes may still be written. */
      if (!only_notes_differ (current, booking))
        {
          g_set_error (error, TAMU_ERROR, TAMU_ERROR_REFUSED,
                       _("status: booking %lld is %s; only its notes can change"),
                       (long long) current->id, tamu_booking_status_to_string (current->status));
          return TAMU_WRITE_FAILED;
        }
    }
  else
    {
      /* Moving a booking into the past is refused; keeping its time is not. */
      if (g_date_compare (&current->date, &booking->date) != 0 || current->start != booking->start)
        flags = TAMU_CHECK_NEW;
      if (!check_against_day (self, &rules, booking, NULL, flags, data->warnings, error))
        return TAMU_WRITE_FAILED;
    }

  if (!audit_changes (self, "update", current, booking, &changes, error))
    return TAMU_WRITE_FAILED;
  if (changes == 0)
    {
      data->result = g_steal_pointer (&current);
      return TAMU_WRITE_DISCARD;
    }

  booking->sequence = current->sequence + 1;
  g_free (booking->updated_at);
  booking->updated_at = tamu_store_dup_timestamp ();
  if (!TAMU_BACKEND_CALL (self, update_booking, booking, error))
    return TAMU_WRITE_FAILED;

  data->result = g_steal_pointer (&booking);
  return TAMU_WRITE_COMMIT;
}

TamuBooking *
tamu_store_update_booking (TamuStore   *self,
                           TamuBooking *edited,
                           GPtrArray   *warnings,
                           GError     **error)
{
  UpdateBooking data = { edited, warnings, warnings != NULL ? warnings->len : 0, NULL };

  g_return_val_if_fail (TAMU_IS_STORE (self), NULL);
  g_return_val_if_fail (edited != NULL && edited->id > 0, NULL);

  if (!tamu_store_write (self, update_booking, &data, error))
    {
      g_clear_pointer (&data.result, tamu_booking_unref);
      return NULL;
    }
  return data.result;
}

typedef struct
{
  gint64          id;
  TamuBookingVerb verb;
  const char     *reason;
  int             actual_guests;
  GPtrArray      *warnings;
  guint           n_warnings;
  TamuBooking    *result;
} ApplyVerb;

static TamuWriteResult
apply_verb (TamuStore *self,
            gpointer   user_data,
            GError   **error)
{
  ApplyVerb *data = user_data;
  g_autoptr(TamuBooking) current = NULL;
  g_autoptr(TamuBooking) booking = NULL;
  GDate today;

  warnings_truncate (data->warnings, data->n_warnings);
  g_clear_pointer (&data->result, tamu_booking_unref);

  if (!tamu_store_lock (self, TAMU_LOCK_BOOKING, data->id, error))
    return TAMU_WRITE_FAILED;
  current = tamu_store_get_booking (self, data->id, error);
  if (current == NULL)
    return TAMU_WRITE_FAILED;
  tamu_clock_today (&today);
  if (!tamu_booking_verb_allowed (data->verb, current, &today, error))
    return TAMU_WRITE_FAILED;

  booking = tamu_booking_apply_verb (data->verb, current, data->reason, data->actual_guests,
                                     data->warnings, error);
  if (booking == NULL)
    return TAMU_WRITE_FAILED;

  if (data->verb == TAMU_BOOKING_VERB_DELETE)
    {
      g_autofree char *now = tamu_store_dup_timestamp ();

      if (!TAMU_BACKEND_CALL (self, delete_booking, data->id, now, error) ||
          !tamu_store_audit (self, "booking", data->id, "delete", NULL, NULL, NULL, error))
        return TAMU_WRITE_FAILED;
    }
  else
    {
      booking->sequence = current->sequence + 1;
      g_free (booking->updated_at);
      booking->updated_at = tamu_store_dup_timestamp ();
      if (!TAMU_BACKEND_CALL (self, update_booking, booking, error) ||
          !audit_changes (self, tamu_booking_verb_to_action (data->verb), current, booking, NULL, error))
        return TAMU_WRITE_FAILED;
    }

  data->result = g_steal_pointer (&booking);
  return TAMU_WRITE_COMMIT;
}

static TamuBooking *
run_verb (TamuStore       *self,
          gint64           id,
          TamuBookingVerb  verb,
          const char      *reason,
          int              actual_guests,
          GPtrArray       *warnings,
          GError         **error)
{
  ApplyVerb data = { id, verb, reason, actual_guests, warnings,
                     warnings != NULL ? warnings->len : 0, NULL };

  g_return_val_if_fail (TAMU_IS_STORE (self), NULL);

  if (!tamu_store_write (self, apply_verb, &data, error))
    {
      g_clear_pointer (&data.result, tamu_booking_unref);
      return NULL;
    }
  return data.result;
}

TamuBooking *
tamu_store_confirm_booking (TamuStore *self,
                            gint64     id,
                            GError   **error)
{
  return run_verb (self, id, TAMU_BOOKING_VERB_CONFIRM, NULL, 0, NULL, error);
}

TamuBooking *
tamu_store_cancel_booking (TamuStore  *self,
                           gint64      id,
                           const char *reason,
                           GError    **error)
{
  return run_verb (self, id, TAMU_BOOKING_VERB_CANCEL, reason, 0, NULL, error);
}

TamuBooking *
tamu_store_mark_no_show (TamuStore *self,
                         gint64     id,
                         GError   **error)
{
  return run_verb (self, id, TAMU_BOOKING_VERB_NO_SHOW, NULL, 0, NULL, error);
}

TamuBooking *
tamu_store_check_in (TamuStore *self,
                     gint64     id,
                     int        actual_guests,
                     GPtrArray *warnings,
                     GError   **error)
{
  return run_verb (self, id, TAMU_BOOKING_VERB_CHECK_IN, NULL, actual_guests, warnings, error);
}

gboolean
tamu_store_delete_booking (TamuStore *self,
                           gint64     id,
                           GError   **error)
{
  g_autoptr(TamuBooking) deleted = run_verb (self, id, TAMU_BOOKING_VERB_DELETE, NULL, 0, NULL, error);

  return deleted != NULL;
}

GPtrArray *
tamu_store_find_slots (TamuStore           *self,
                       const GDate         *from,
                       const TamuSlotQuery *query,
                       GError             **error)
{
  g_auto(Rules) rules = { 0 };
  g_autoptr(GPtrArray) bookings = NULL;
  TamuBookingFilter filter;

  g_return_val_if_fail (TAMU_IS_STORE (self), NULL);

  if (!rules_load (self, &rules, error))
    return NULL;

  tamu_booking_filter_init (&filter);
  filter.from = *from;
  tamu_slots_get_search_end (rules.calendar, from, query->days, &filter.to);
  filter.include_cancelled = FALSE;
  bookings = tamu_store_list_bookings (self, &filter, error);
  if (bookings == NULL)
    return NULL;

  return tamu_slots_find (rules.policy, rules.calendar, rules.now, bookings, from, query, error);
}

typedef struct
{
  GPtrArray   *rows;
  const guint *line_numbers;
  gboolean     dry_run;
  GPtrArray   *warnings;
  guint        n_warnings;
  GPtrArray   *problems;
  guint        n_problems;
} ImportBookings;

static TamuWriteResult
import_bookings (TamuStore *self,
                 gpointer   user_data,
                 GError   **error)
{
  ImportBookings *data = user_data;
  g_auto(Rules) rules = { 0 };
  g_autoptr(GPtrArray) accepted = g_ptr_array_new_with_free_func ((GDestroyNotify) tamu_booking_unref);
  guint n_bad = 0;

  warnings_truncate (data->warnings, data->n_warnings);
  if (data->problems != NULL && data->problems->len > data->n_problems)
    g_ptr_array_set_size (data->problems, data->n_problems);

  if (!rules_load (self, &rules, error))
    return TAMU_WRITE_FAILED;

  for (guint i = 0; i < data->rows->len; i++)
    {
      g_autoptr(TamuBooking) booking = tamu_booking_copy (g_ptr_array_index (data->rows, i));
      g_autoptr(GPtrArray) row_warnings = tamu_warnings_new ();
      g_autoptr(GError) row_error = NULL;
      guint line = data->line_numbers != NULL ? data->line_numbers[i] : i + 2;
      gboolean record = booking->status == TAMU_STATUS_DONE ||
                        booking->status == TAMU_STATUS_CANCELLED ||
                        booking->status == TAMU_STATUS_NO_SHOW;

      if (booking->duration <= 0)
        booking->duration = rules.policy->default_duration;
      if (!record && !tamu_store_lock_day (self, &booking->date, error))
        return TAMU_WRITE_FAILED;

      /* A record of what happened keeps its breaches as data; a new booking
       * passes every rule, also against the rows imported before it. */
      if (!check_against_day (self, &rules, booking, accepted,
                              record ? TAMU_CHECK_HISTORICAL : TAMU_CHECK_NEW,
                              row_warnings, &row_error))
        {
          n_bad++;
          if (data->problems != NULL)
            g_ptr_array_add (data->problems, g_strdup_printf ("line %u: %s", line, row_error->message));
          continue;
        }

      for (guint j = 0; data->warnings != NULL && j < row_warnings->len; j++)
        {
          TamuWarning *warning = g_ptr_array_index (row_warnings, j);
          g_autofree char *message = g_strdup_printf ("line %u: %s", line, warning->message);

          g_ptr_array_add (data->warnings, tamu_warning_new (warning->code, warning->suggestion, "%s", message));
        }

      if (n_bad == 0 && !data->dry_run)
        {
          stamp_new (booking);
          if (!TAMU_BACKEND_CALL (self, insert_booking, booking, error) ||
              !audit_changes (self, "import", NULL, booking, NULL, error))
            return TAMU_WRITE_FAILED;
        }
      g_ptr_array_add (accepted, g_steal_pointer (&booking));
    }

  if (n_bad > 0)
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "import: %u row is invalid; nothing was imported",
                                "import: %u rows are invalid; nothing was imported", n_bad),
                   n_bad);
      return TAMU_WRITE_FAILED;
    }

  return data->dry_run ? TAMU_WRITE_DISCARD : TAMU_WRITE_COMMIT;
}

gboolean
tamu_store_import_bookings (TamuStore   *self,
                            GPtrArray   *rows,
                            const guint *line_numbers,
                            gboolean     dry_run,
                            GPtrArray   *warnings,
                            GPtrArray   *problems,
                            GError     **error)
{
  ImportBookings data = {
    rows, line_numbers, dry_run,
    warnings, warnings != NULL ? warnings->len : 0,
    problems, problems != NULL ? problems->len : 0,
  };

  g_return_val_if_fail (TAMU_IS_STORE (self), FALSE);
  g_return_val_if_fail (rows != NULL, FALSE);

  return tamu_store_write (self, import_bookings, &data, error);
}
