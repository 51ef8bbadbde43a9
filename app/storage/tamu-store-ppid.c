/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tamu-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "tamu-clock.h"
#include "tamu-error.h"
#include "tamu-parse.h"
#include "tamu-ppid-fields.h"
#include "tamu-store-ppid.h"
#include "tamu-store-private.h"

void
tamu_ppid_filter_init (TamuPpidFilter *filter)
{
  memset (filter, 0, sizeof *filter);
  g_date_clear (&filter->from, 1);
  g_date_clear (&filter->to, 1);
  filter->status = -1;
  filter->decision = -1;
}

TamuPpidRequest *
tamu_store_get_ppid (TamuStore *self,
                     gint64     id,
                     GError   **error)
{
  GError *local_error = NULL;
  TamuPpidRequest *request;

  g_return_val_if_fail (TAMU_IS_STORE (self), NULL);

  request = TAMU_BACKEND_CALL (self, get_ppid, id, &local_error);
  if (request == NULL && local_error == NULL)
    {
      g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      g_set_error (error, TAMU_ERROR, TAMU_ERROR_NOT_FOUND,
                   _("id: there is no PPID request %s"), text);
      return NULL;
    }
  if (local_error != NULL)
    g_propagate_error (error, local_error);
  return request;
}

GPtrArray *
tamu_store_list_ppid (TamuStore            *self,
                      const TamuPpidFilter *filter,
                      GError              **error)
{
  g_autoptr(GPtrArray) requests = NULL;
  g_autoptr(TamuCalendar) calendar = NULL;
  TamuPpidFilter defaults;
  GDate today;

  g_return_val_if_fail (TAMU_IS_STORE (self), NULL);

  if (filter == NULL)
    {
      tamu_ppid_filter_init (&defaults);
      filter = &defaults;
    }

  requests = TAMU_BACKEND_CALL (self, list_ppid, filter, error);
  if (requests == NULL || !filter->overdue_only)
    return g_steal_pointer (&requests);

  /* Overdue depends on the holiday calendar: the backend selected the
   * states that run against a deadline, the calendar decides the rest. */
  calendar = tamu_store_load_calendar (self, error);
  if (calendar == NULL)
    return NULL;
  tamu_clock_today (&today);
  for (guint i = requests->len; i > 0; i--)
    if (!tamu_ppid_request_is_overdue (g_ptr_array_index (requests, i - 1), calendar, &today))
      g_ptr_array_remove_index (requests, i - 1);
  return g_steal_pointer (&requests);
}

/* One audit row per column that differs between @before and @after. */
static gboolean
audit_changes (TamuStore             *self,
               const char            *action,
               const TamuPpidRequest *before,
               const TamuPpidRequest *after,
               GError               **error)
{
  for (int i = 0; i < TAMU_PPID_N_FIELDS; i++)
    {
      g_autofree char *old_value = tamu_ppid_field_dup_value (before, i);
      g_autofree char *new_value = tamu_ppid_field_dup_value (after, i);

      if (g_strcmp0 (old_value, new_value) == 0)
        continue;
      if (!tamu_store_audit (self, "ppid", after->id, action, tamu_ppid_field_name (i),
                             old_value ? old_value : "", new_value ? new_value : "", error))
        return FALSE;
    }
  return TRUE;
}

static char *
dup_stripped (const char *text)
{
  g_autofree char *copy = NULL;

  if (text == NULL)
    return NULL;
  copy = g_strstrip (g_strdup (text));
  return *copy != '\0' ? g_steal_pointer (&copy) : NULL;
}

/* Copies the register fields (not the state) of @from into @to, trimmed. */
static void
copy_register_fields (TamuPpidRequest       *to,
                      const TamuPpidRequest *from)
{
#define TAKE(field) G_STMT_START { g_free (to->field); to->field = dup_stripped (from->field); } G_STMT_END
  TAKE (channel);
  TAKE (name);
  TAKE (address);
  TAKE (contact);
  TAKE (occupation);
  TAKE (identity_number);
  TAKE (information);
  TAKE (purpose);
  TAKE (obtain_method);
  TAKE (delivery_method);
  TAKE (notes);
#undef TAKE
  to->received = from->received;
  to->category = from->category;
  to->form = from->form;
  to->kind = from->kind;
  to->info_status = from->info_status;
  to->fee = from->fee;
}

/* Rewrites @request with a fresh updated_at. */
static gboolean
write_request (TamuStore       *self,
               TamuPpidRequest *request,
               GError         **error)
{
  g_free (request->updated_at);
  request->updated_at = tamu_store_dup_timestamp ();
  return TAMU_BACKEND_CALL (self, update_ppid, request, error);
}

typedef struct
{
  TamuPpidRequest *request; /* register fields checked; id, number and times set here */
} AddPpid;

static TamuWriteResult
add_ppid (TamuStore *self,
          gpointer   user_data,
          GError   **error)
{
  AddPpid *data = user_data;
  TamuPpidRequest *request = data->request;
  int year = g_date_get_year (&request->received);
  g_autofree char *number = NULL;

  /* The year's numbering is taken by one writer at a time: two desks
   * registering at once get consecutive numbers, never the same one. */
  if (!tamu_store_lock (self, TAMU_LOCK_PPID_YEAR, year, error) ||
      !TAMU_BACKEND_CALL (self, next_ppid_sequence, year, &request->sequence, error))
    return TAMU_WRITE_FAILED;
  number = tamu_ppid_request_dup_number (request);

  g_free (request->created_at);
  request->created_at = tamu_store_dup_timestamp ();
  g_free (request->updated_at);
  request->updated_at = g_strdup (request->created_at);
  if (!TAMU_BACKEND_CALL (self, insert_ppid, request, error) ||
      !tamu_store_audit (self, "ppid", request->id, "create", NULL, NULL, number, error))
    return TAMU_WRITE_FAILED;
  return TAMU_WRITE_COMMIT;
}

TamuPpidRequest *
tamu_store_add_ppid (TamuStore             *self,
                     const TamuPpidRequest *draft,
                     GError               **error)
{
  g_autoptr(TamuPpidRequest) request = tamu_ppid_request_new ();
  AddPpid data = { request };
  GDate today;

  g_return_val_if_fail (TAMU_IS_STORE (self), NULL);
  g_return_val_if_fail (draft != NULL, NULL);

  /* A new request starts at the beginning: only its register fields count. */
  copy_register_fields (request, draft);
  if (request->channel == NULL)
    request->channel = g_strdup ("website");
  tamu_clock_today (&today);
  if (!tamu_ppid_request_validate (request, &today, error))
    return NULL;

  if (!tamu_store_write (self, add_ppid, &data, error))
    return NULL;
  return g_steal_pointer (&request);
}

typedef struct
{
  const TamuPpidRequest *edited;
  TamuPpidRequest       *result;
} UpdatePpid;

static TamuWriteResult
update_ppid (TamuStore *self,
             gpointer   user_data,
             GError   **error)
{
  UpdatePpid *data = user_data;
  const TamuPpidRequest *edited = data->edited;
  g_autoptr(TamuPpidRequest) stored = NULL;
  g_autoptr(TamuPpidRequest) request = NULL;
  GDate today;

  g_clear_pointer (&data->result, tamu_ppid_request_unref);
  if (!tamu_store_lock (self, TAMU_LOCK_PPID_REQUEST, edited->id, error))
    return TAMU_WRITE_FAILED;
  stored = tamu_store_get_ppid (self, edited->id, error);
  if (stored == NULL)
    return TAMU_WRITE_FAILED;
  request = tamu_ppid_request_copy (stored);
  copy_register_fields (request, edited);
  if (request->channel == NULL)
    request->channel = g_strdup (stored->channel);

  /* The reasons already given may be corrected, not added or removed:
   * that is what the steps are for. */
  if (stored->extension_days > 0)
    {
      char *reason = dup_stripped (edited->extension_reason);

      /* The law wants a written reason: a blank one keeps the old. */
      if (reason != NULL)
        {
          g_free (request->extension_reason);
          request->extension_reason = reason;
        }
    }
  if (stored->refusal == TAMU_PPID_REFUSAL_NOT_HELD)
    {
      g_free (request->holder);
      request->holder = dup_stripped (edited->holder);
    }
  if (g_date_valid (&stored->objected))
    {
      g_free (request->objection_reason);
      request->objection_reason = dup_stripped (edited->objection_reason);
    }

  if (g_date_valid (&request->received) &&
      (g_date_get_year (&request->received) != g_date_get_year (&stored->received) ||
       g_date_get_month (&request->received) != g_date_get_month (&stored->received)))
    {
      g_autofree char *number = tamu_ppid_request_dup_number (stored);

      g_set_error (error, TAMU_ERROR, TAMU_ERROR_REFUSED,
                   _("received: the number %s carries the month of receipt; a date in another month needs a new registration"),
                   number);
      return TAMU_WRITE_FAILED;
    }
  tamu_clock_today (&today);
  if (!tamu_ppid_request_validate (request, &today, error) ||
      !write_request (self, request, error) ||
      !audit_changes (self, "update", stored, request, error))
    return TAMU_WRITE_FAILED;

  data->result = g_steal_pointer (&request);
  return TAMU_WRITE_COMMIT;
}

TamuPpidRequest *
tamu_store_update_ppid (TamuStore             *self,
                        const TamuPpidRequest *edited,
                        GError               **error)
{
  UpdatePpid data = { edited, NULL };

  g_return_val_if_fail (TAMU_IS_STORE (self), NULL);
  g_return_val_if_fail (edited != NULL, NULL);

  if (!tamu_store_write (self, update_ppid, &data, error))
    {
      g_clear_pointer (&data.result, tamu_ppid_request_unref);
      return NULL;
    }
  return data.result;
}

static const char *
action_name (TamuPpidAction action)
{
  switch (action)
    {
    case TAMU_PPID_STEP_EXTEND: return "extend";
    case TAMU_PPID_STEP_RESPOND: return "respond";
    case TAMU_PPID_STEP_OBJECT: return "object";
    case TAMU_PPID_STEP_ANSWER_OBJECTION: return "object-answer";
    case TAMU_PPID_STEP_DISPUTE: return "dispute";
    case TAMU_PPID_STEP_WITHDRAW: return "withdraw";
    default: g_assert_not_reached ();
    }
}

typedef struct
{
  gint64              id;
  const TamuPpidStep *step;
  TamuPpidRequest    *result;
} ApplyStep;

static TamuWriteResult
apply_step (TamuStore *self,
            gpointer   user_data,
            GError   **error)
{
  ApplyStep *data = user_data;
  g_autoptr(TamuPpidRequest) stored = NULL;
  g_autoptr(TamuPpidRequest) request = NULL;
  g_autoptr(TamuCalendar) calendar = NULL;
  GDate today;

  g_clear_pointer (&data->result, tamu_ppid_request_unref);

  /* Read, check and write under the request's lock: two desks answering
   * the same request cannot both succeed. */
  if (!tamu_store_lock (self, TAMU_LOCK_OFFICE_SHARED, 0, error) ||
      !tamu_store_lock (self, TAMU_LOCK_PPID_REQUEST, data->id, error))
    return TAMU_WRITE_FAILED;
  stored = tamu_store_get_ppid (self, data->id, error);
  if (stored == NULL)
    return TAMU_WRITE_FAILED;
  calendar = tamu_store_load_calendar (self, error);
  if (calendar == NULL)
    return TAMU_WRITE_FAILED;

  request = tamu_ppid_request_copy (stored);
  tamu_clock_today (&today);
  if (!tamu_ppid_request_apply (request, calendar, data->step, &today, error) ||
      !write_request (self, request, error) ||
      !audit_changes (self, action_name (data->step->action), stored, request, error))
    return TAMU_WRITE_FAILED;

  data->result = g_steal_pointer (&request);
  return TAMU_WRITE_COMMIT;
}

TamuPpidRequest *
tamu_store_apply_ppid_step (TamuStore          *self,
                            gint64              id,
                            const TamuPpidStep *step,
                            GError            **error)
{
  ApplyStep data = { id, step, NULL };

  g_return_val_if_fail (TAMU_IS_STORE (self), NULL);
  g_return_val_if_fail (step != NULL, NULL);

  if (!tamu_store_write (self, apply_step, &data, error))
    {
      g_clear_pointer (&data.result, tamu_ppid_request_unref);
      return NULL;
    }
  return data.result;
}
