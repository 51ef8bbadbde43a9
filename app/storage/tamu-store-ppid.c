/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tamu-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "tamu-clock.h"
#include "tamu-error.h"
#include "tamu-parse.h"
#include "tamu-store-ppid.h"
#include "tamu-store-private.h"

/*
 * The columns of ppid_requests that hold the record's fields, in the order
 * they are bound and read.  The same list drives the audit: every changed
 * column becomes one audit row.
 */
typedef enum
{
  COL_RECEIVED,
  COL_CHANNEL,
  COL_NAME,
  COL_ADDRESS,
  COL_CONTACT,
  COL_OCCUPATION,
  COL_CATEGORY,
  COL_IDENTITY_NUMBER,
  COL_INFORMATION,
  COL_PURPOSE,
  COL_OBTAIN_METHOD,
  COL_DELIVERY_METHOD,
  COL_FORM,
  COL_KIND,
  COL_INFO_STATUS,
  COL_FEE,
  COL_NOTES,
  COL_STATUS,
  COL_EXTENDED_ON,
  COL_EXTENSION_DAYS,
  COL_EXTENSION_REASON,
  COL_DECISION,
  COL_REFUSAL_REASON,
  COL_HOLDER,
  COL_RESPONDED,
  COL_OBJECTED,
  COL_OBJECTION_REASON,
  COL_OBJECTION_ANSWERED,
  COL_DISPUTED,
  COL_WITHDRAWN,
  N_COLUMNS
} Column;

static const char * const column_names[N_COLUMNS] = {
  "received", "channel", "name", "address", "contact", "occupation", "category",
  "identity_number", "information", "purpose", "obtain_method", "delivery_method",
  "form", "kind", "info_status", "fee", "notes", "status", "extended_on",
  "extension_days", "extension_reason", "decision", "refusal_reason", "holder",
  "responded", "objected", "objection_reason", "objection_answered", "disputed",
  "withdrawn",
};

#define SELECT_COLUMNS \
  "id, sequence, created_at, updated_at, received, channel, name, address, contact, " \
  "occupation, category, identity_number, information, purpose, obtain_method, " \
  "delivery_method, form, kind, info_status, fee, notes, status, extended_on, " \
  "extension_days, extension_reason, decision, refusal_reason, holder, responded, " \
  "objected, objection_reason, objection_answered, disputed, withdrawn"
#define FIRST_FIELD 4 /* the column index of "received" in SELECT_COLUMNS */

static char *
dup_date (const GDate *date)
{
  return g_date_valid (date) ? tamu_format_date_iso (date) : NULL;
}

static char *
dup_nonempty (const char *text)
{
  return text != NULL && *text != '\0' ? g_strdup (text) : NULL;
}

/* The value of one column as text (NULL = SQL NULL). */
static char *
dup_column_value (const TamuPpidRequest *request,
                  Column                 column)
{
  switch (column)
    {
    case COL_RECEIVED: return dup_date (&request->received);
    case COL_CHANNEL: return dup_nonempty (request->channel);
    case COL_NAME: return dup_nonempty (request->name);
    case COL_ADDRESS: return dup_nonempty (request->address);
    case COL_CONTACT: return dup_nonempty (request->contact);
    case COL_OCCUPATION: return dup_nonempty (request->occupation);
    case COL_CATEGORY: return g_strdup (tamu_ppid_category_to_string (request->category));
    case COL_IDENTITY_NUMBER: return dup_nonempty (request->identity_number);
    case COL_INFORMATION: return dup_nonempty (request->information);
    case COL_PURPOSE: return dup_nonempty (request->purpose);
    case COL_OBTAIN_METHOD: return dup_nonempty (request->obtain_method);
    case COL_DELIVERY_METHOD: return dup_nonempty (request->delivery_method);
    case COL_FORM: return g_strdup (tamu_ppid_form_to_string (request->form));
    case COL_KIND: return g_strdup (tamu_ppid_kind_to_string (request->kind));
    case COL_INFO_STATUS: return g_strdup (tamu_ppid_info_status_to_string (request->info_status));
    case COL_FEE: return g_strdup_printf ("%" G_GINT64_FORMAT, request->fee);
    case COL_NOTES: return dup_nonempty (request->notes);
    case COL_STATUS: return g_strdup (tamu_ppid_status_to_string (request->status));
    case COL_EXTENDED_ON: return dup_date (&request->extended_on);
    case COL_EXTENSION_DAYS: return g_strdup_printf ("%d", request->extension_days);
    case COL_EXTENSION_REASON: return dup_nonempty (request->extension_reason);
    case COL_DECISION: return g_strdup (tamu_ppid_decision_to_string (request->decision));
    case COL_REFUSAL_REASON: return g_strdup (tamu_ppid_refusal_to_string (request->refusal));
    case COL_HOLDER: return dup_nonempty (request->holder);
    case COL_RESPONDED: return dup_date (&request->responded);
    case COL_OBJECTED: return dup_date (&request->objected);
    case COL_OBJECTION_REASON: return dup_nonempty (request->objection_reason);
    case COL_OBJECTION_ANSWERED: return dup_date (&request->objection_answered);
    case COL_DISPUTED: return dup_date (&request->disputed);
    case COL_WITHDRAWN: return dup_date (&request->withdrawn);
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

static void
bind_columns (sqlite3_stmt          *stmt,
              int                    first,
              const TamuPpidRequest *request)
{
  for (int i = 0; i < N_COLUMNS; i++)
    {
      if (i == COL_FEE)
        sqlite3_bind_int64 (stmt, first + i, request->fee);
      else if (i == COL_EXTENSION_DAYS)
        sqlite3_bind_int (stmt, first + i, request->extension_days);
      else
        {
          g_autofree char *value = dup_column_value (request, i);

          tamu_store_bind_text (stmt, first + i, value);
        }
    }
}

static gboolean
read_date (sqlite3_stmt *stmt,
           int           column,
           GDate        *out)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  g_date_clear (out, 1);
  if (text == NULL)
    return TRUE;
  return tamu_parse_date ("date", text, out, NULL);
}

/* A row of SELECT_COLUMNS; NULL with an error when the row is damaged. */
static TamuPpidRequest *
read_row (TamuStore    *self,
          sqlite3_stmt *stmt,
          GError      **error)
{
  g_autoptr(TamuPpidRequest) request = tamu_ppid_request_new ();
  const int f = FIRST_FIELD;
  const char *text;
  gboolean ok = TRUE;

  request->id = sqlite3_column_int64 (stmt, 0);
  request->sequence = sqlite3_column_int (stmt, 1);
  request->created_at = tamu_store_dup_column_text (stmt, 2);
  request->updated_at = tamu_store_dup_column_text (stmt, 3);

  ok &= read_date (stmt, f + COL_RECEIVED, &request->received) && g_date_valid (&request->received);
  request->channel = tamu_store_dup_column_text (stmt, f + COL_CHANNEL);
  request->name = tamu_store_dup_column_text (stmt, f + COL_NAME);
  request->address = tamu_store_dup_column_text (stmt, f + COL_ADDRESS);
  request->contact = tamu_store_dup_column_text (stmt, f + COL_CONTACT);
  request->occupation = tamu_store_dup_column_text (stmt, f + COL_OCCUPATION);
  ok &= tamu_ppid_category_from_string ((const char *) sqlite3_column_text (stmt, f + COL_CATEGORY),
                                        &request->category);
  request->identity_number = tamu_store_dup_column_text (stmt, f + COL_IDENTITY_NUMBER);
  request->information = tamu_store_dup_column_text (stmt, f + COL_INFORMATION);
  request->purpose = tamu_store_dup_column_text (stmt, f + COL_PURPOSE);
  request->obtain_method = tamu_store_dup_column_text (stmt, f + COL_OBTAIN_METHOD);
  request->delivery_method = tamu_store_dup_column_text (stmt, f + COL_DELIVERY_METHOD);
  ok &= tamu_ppid_form_from_string ((const char *) sqlite3_column_text (stmt, f + COL_FORM),
                                    &request->form);
  ok &= tamu_ppid_kind_from_string ((const char *) sqlite3_column_text (stmt, f + COL_KIND),
                                    &request->kind);
  ok &= tamu_ppid_info_status_from_string ((const char *) sqlite3_column_text (stmt, f + COL_INFO_STATUS),
                                           &request->info_status);
  request->fee = sqlite3_column_int64 (stmt, f + COL_FEE);
  request->notes = tamu_store_dup_column_text (stmt, f + COL_NOTES);
  ok &= tamu_ppid_status_from_string ((const char *) sqlite3_column_text (stmt, f + COL_STATUS),
                                      &request->status);
  ok &= read_date (stmt, f + COL_EXTENDED_ON, &request->extended_on);
  request->extension_days = sqlite3_column_int (stmt, f + COL_EXTENSION_DAYS);
  request->extension_reason = tamu_store_dup_column_text (stmt, f + COL_EXTENSION_REASON);
  text = (const char *) sqlite3_column_text (stmt, f + COL_DECISION);
  if (text != NULL)
    ok &= tamu_ppid_decision_from_string (text, &request->decision);
  text = (const char *) sqlite3_column_text (stmt, f + COL_REFUSAL_REASON);
  if (text != NULL)
    ok &= tamu_ppid_refusal_from_string (text, &request->refusal);
  request->holder = tamu_store_dup_column_text (stmt, f + COL_HOLDER);
  ok &= read_date (stmt, f + COL_RESPONDED, &request->responded);
  ok &= read_date (stmt, f + COL_OBJECTED, &request->objected);
  request->objection_reason = tamu_store_dup_column_text (stmt, f + COL_OBJECTION_REASON);
  ok &= read_date (stmt, f + COL_OBJECTION_ANSWERED, &request->objection_answered);
  ok &= read_date (stmt, f + COL_DISPUTED, &request->disputed);
  ok &= read_date (stmt, f + COL_WITHDRAWN, &request->withdrawn);

  if (!ok)
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, request->id);

      g_set_error (error, TAMU_ERROR, TAMU_ERROR_STORAGE,
                   _("ppid: request %s in %s has a damaged field"),
                   id, tamu_store_get_path (self));
      return NULL;
    }
  return g_steal_pointer (&request);
}

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
  sqlite3_stmt *stmt;
  TamuPpidRequest *request;
  int rc;

  g_return_val_if_fail (TAMU_IS_STORE (self), NULL);

  stmt = tamu_store_prepare (self, "SELECT " SELECT_COLUMNS " FROM ppid_requests WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      sqlite3_reset (stmt);
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_NOT_FOUND,
                   _("id: there is no PPID request %s"), text);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      tamu_store_set_error (self, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  request = read_row (self, stmt, error);
  sqlite3_reset (stmt);
  return request;
}

/* "%" and "_" in a search are literal. */
static char *
dup_like_pattern (const char *text)
{
  GString *pattern = g_string_new ("%");

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');
  return g_string_free (pattern, FALSE);
}

GPtrArray *
tamu_store_list_ppid (TamuStore            *self,
                      const TamuPpidFilter *filter,
                      GError              **error)
{
  g_autoptr(GPtrArray) requests = g_ptr_array_new_with_free_func ((GDestroyNotify) tamu_ppid_request_unref);
  g_autoptr(TamuCalendar) calendar = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *pattern = NULL;
  g_autofree char *stripped = NULL;
  TamuPpidFilter defaults;
  sqlite3_stmt *stmt;
  GDate today;
  int rc;

  g_return_val_if_fail (TAMU_IS_STORE (self), NULL);

  if (filter == NULL)
    {
      tamu_ppid_filter_init (&defaults);
      filter = &defaults;
    }
  if (filter->overdue_only)
    {
      calendar = tamu_store_load_calendar (self, error);
      if (calendar == NULL)
        return NULL;
      tamu_clock_today (&today);
    }

  from = dup_date (&filter->from);
  to = dup_date (&filter->to);
  if (filter->text != NULL)
    stripped = g_strstrip (g_strdup (filter->text));
  if (stripped != NULL && *stripped != '\0')
    pattern = dup_like_pattern (stripped);

  /* One statement for every filter: a NULL parameter leaves its condition out. */
  stmt = tamu_store_prepare (self,
                             "SELECT " SELECT_COLUMNS " FROM ppid_requests"
                             " WHERE (?1 IS NULL OR received >= ?1)"
                             "   AND (?2 IS NULL OR received <= ?2)"
                             "   AND (?3 = 0 OR status IN ('received', 'extended'))"
                             /* Only these states run against a deadline. */
                             "   AND (?7 = 0 OR status IN ('received', 'extended', 'objection-filed'))"
                             "   AND (?4 IS NULL OR status = ?4)"
                             "   AND (?5 IS NULL OR decision = ?5)"
                             "   AND (?6 IS NULL OR number LIKE ?6 ESCAPE '\\'"
                             "        OR name LIKE ?6 ESCAPE '\\' OR information LIKE ?6 ESCAPE '\\'"
                             "        OR contact LIKE ?6 ESCAPE '\\' OR occupation LIKE ?6 ESCAPE '\\'"
                             "        OR purpose LIKE ?6 ESCAPE '\\')"
                             " ORDER BY received, year, sequence",
                             error);
  if (stmt == NULL)
    return NULL;
  tamu_store_bind_text (stmt, 1, from);
  tamu_store_bind_text (stmt, 2, to);
  sqlite3_bind_int (stmt, 3, filter->open_only ? 1 : 0);
  tamu_store_bind_text (stmt, 4, filter->status >= 0 ? tamu_ppid_status_to_string (filter->status) : NULL);
  tamu_store_bind_text (stmt, 5, filter->decision > 0 ? tamu_ppid_decision_to_string (filter->decision) : NULL);
  tamu_store_bind_text (stmt, 6, pattern);
  sqlite3_bind_int (stmt, 7, filter->overdue_only ? 1 : 0);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TamuPpidRequest *request = read_row (self, stmt, error);

      if (request == NULL)
        {
          sqlite3_reset (stmt);
          return NULL;
        }
      if (calendar != NULL && !tamu_ppid_request_is_overdue (request, calendar, &today))
        {
          tamu_ppid_request_unref (request);
          continue;
        }
      g_ptr_array_add (requests, request);
    }
  if (rc != SQLITE_DONE)
    {
      tamu_store_set_error (self, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
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
  for (int i = 0; i < N_COLUMNS; i++)
    {
      g_autofree char *old_value = dup_column_value (before, i);
      g_autofree char *new_value = dup_column_value (after, i);

      if (g_strcmp0 (old_value, new_value) == 0)
        continue;
      if (!tamu_store_audit (self, "ppid", after->id, action, column_names[i],
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

static gboolean
write_request (TamuStore       *self,
               TamuPpidRequest *request,
               GError         **error)
{
  g_autofree char *now = tamu_store_dup_timestamp ();
  g_autofree char *number = tamu_ppid_request_dup_number (request);
  sqlite3_stmt *stmt;

  stmt = tamu_store_prepare (self,
                             "UPDATE ppid_requests SET number = ?1, updated_at = ?2,"
                             " received = ?3, channel = ?4, name = ?5, address = ?6, contact = ?7,"
                             " occupation = ?8, category = ?9, identity_number = ?10,"
                             " information = ?11, purpose = ?12, obtain_method = ?13,"
                             " delivery_method = ?14, form = ?15, kind = ?16, info_status = ?17,"
                             " fee = ?18, notes = ?19, status = ?20, extended_on = ?21,"
                             " extension_days = ?22, extension_reason = ?23, decision = ?24,"
                             " refusal_reason = ?25, holder = ?26, responded = ?27, objected = ?28,"
                             " objection_reason = ?29, objection_answered = ?30, disputed = ?31,"
                             " withdrawn = ?32"
                             " WHERE id = ?33",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, number, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  bind_columns (stmt, 3, request);
  sqlite3_bind_int64 (stmt, 33, request->id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return tamu_store_set_error (self, error);
  g_free (request->updated_at);
  request->updated_at = g_steal_pointer (&now);
  return TRUE;
}

TamuPpidRequest *
tamu_store_add_ppid (TamuStore             *self,
                     const TamuPpidRequest *draft,
                     GError               **error)
{
  g_autoptr(TamuPpidRequest) request = tamu_ppid_request_new ();
  g_autofree char *now = tamu_store_dup_timestamp ();
  g_autofree char *number = NULL;
  sqlite3_stmt *stmt;
  GDate today;
  int year;

  g_return_val_if_fail (TAMU_IS_STORE (self), NULL);
  g_return_val_if_fail (draft != NULL, NULL);

  /* A new request starts at the beginning: only its register fields count. */
  copy_register_fields (request, draft);
  if (request->channel == NULL)
    request->channel = g_strdup ("website");
  tamu_clock_today (&today);
  if (!tamu_ppid_request_validate (request, &today, error))
    return NULL;
  year = g_date_get_year (&request->received);

  if (!tamu_store_begin (self, error))
    return NULL;

  stmt = tamu_store_prepare (self,
                             "SELECT COALESCE (MAX (sequence), 0) + 1 FROM ppid_requests WHERE year = ?",
                             error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int (stmt, 1, year);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      tamu_store_set_error (self, error);
      goto failed;
    }
  request->sequence = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  number = tamu_ppid_request_dup_number (request);

  stmt = tamu_store_prepare (self,
                             "INSERT INTO ppid_requests (year, sequence, number, created_at,"
                             " updated_at, received, channel, name, address, contact, occupation,"
                             " category, identity_number, information, purpose, obtain_method,"
                             " delivery_method, form, kind, info_status, fee, notes, status,"
                             " extended_on, extension_days, extension_reason, decision,"
                             " refusal_reason, holder, responded, objected, objection_reason,"
                             " objection_answered, disputed, withdrawn)"
                             " VALUES (?1, ?2, ?3, ?4, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
                             " ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26,"
                             " ?27, ?28, ?29, ?30, ?31, ?32, ?33, ?34)",
                             error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int (stmt, 1, year);
  sqlite3_bind_int (stmt, 2, request->sequence);
  sqlite3_bind_text (stmt, 3, number, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_TRANSIENT);
  bind_columns (stmt, 5, request);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      tamu_store_set_error (self, error);
      goto failed;
    }
  request->id = sqlite3_last_insert_rowid (self->db);
  request->created_at = g_strdup (now);
  request->updated_at = g_strdup (now);

  if (!tamu_store_audit (self, "ppid", request->id, "create", NULL, NULL, number, error) ||
      !tamu_store_commit (self, error))
    goto failed;

  tamu_store_emit_changed (self);
  return g_steal_pointer (&request);

failed:
  tamu_store_rollback (self);
  return NULL;
}

TamuPpidRequest *
tamu_store_update_ppid (TamuStore             *self,
                        const TamuPpidRequest *edited,
                        GError               **error)
{
  g_autoptr(TamuPpidRequest) stored = NULL;
  g_autoptr(TamuPpidRequest) request = NULL;
  GDate today;

  g_return_val_if_fail (TAMU_IS_STORE (self), NULL);
  g_return_val_if_fail (edited != NULL, NULL);

  if (!tamu_store_begin (self, error))
    return NULL;

  stored = tamu_store_get_ppid (self, edited->id, error);
  if (stored == NULL)
    goto failed;
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
      goto failed;
    }
  tamu_clock_today (&today);
  if (!tamu_ppid_request_validate (request, &today, error))
    goto failed;

  if (!write_request (self, request, error) ||
      !audit_changes (self, "update", stored, request, error) ||
      !tamu_store_commit (self, error))
    goto failed;

  tamu_store_emit_changed (self);
  return g_steal_pointer (&request);

failed:
  tamu_store_rollback (self);
  return NULL;
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

TamuPpidRequest *
tamu_store_apply_ppid_step (TamuStore          *self,
                            gint64              id,
                            const TamuPpidStep *step,
                            GError            **error)
{
  g_autoptr(TamuPpidRequest) stored = NULL;
  g_autoptr(TamuPpidRequest) request = NULL;
  g_autoptr(TamuCalendar) calendar = NULL;
  GDate today;

  g_return_val_if_fail (TAMU_IS_STORE (self), NULL);
  g_return_val_if_fail (step != NULL, NULL);

  /* Read, check and write under the write lock: two desks answering the
   * same request cannot both succeed. */
  if (!tamu_store_begin (self, error))
    return NULL;

  stored = tamu_store_get_ppid (self, id, error);
  if (stored == NULL)
    goto failed;
  calendar = tamu_store_load_calendar (self, error);
  if (calendar == NULL)
    goto failed;

  request = tamu_ppid_request_copy (stored);
  tamu_clock_today (&today);
  if (!tamu_ppid_request_apply (request, calendar, step, &today, error))
    goto failed;

  if (!write_request (self, request, error) ||
      !audit_changes (self, action_name (step->action), stored, request, error) ||
      !tamu_store_commit (self, error))
    goto failed;

  tamu_store_emit_changed (self);
  return g_steal_pointer (&request);

failed:
  tamu_store_rollback (self);
  return NULL;
}
