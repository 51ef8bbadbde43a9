/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tamu-pg"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tamu-error.h"
#include "tamu-pg-private.h"

/* The PPID register's rows; numbering and the state machine are the store's
 * and the domain's. */

#define SELECT_COLUMNS \
  "id, sequence, " TAMU_PG_ISO ("created_at") ", " TAMU_PG_ISO ("updated_at") ", " \
  "received, channel, name, address, contact, " \
  "occupation, category, identity_number, information, purpose, obtain_method, " \
  "delivery_method, form, kind, info_status, fee, notes, status, extended_on, " \
  "extension_days, extension_reason, decision, refusal_reason, holder, responded, " \
  "objected, objection_reason, objection_answered, disputed, withdrawn"

/* The register's fields, $first… in the order of SELECT_COLUMNS from "received". */
#define FIELD_VALUES(a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q, r, s, t, u, v, w, x, y, z, \
                     aa, bb, cc, dd) \
  a "::date, " b ", " c ", " d ", " e ", " f ", " g ", " h ", " i ", " j ", " k ", " l ", " m ", " \
  n ", " o ", " p "::bigint, " q ", " r ", " s "::date, " t "::int, " u ", " v ", " w ", " x ", " \
  y "::date, " z "::date, " aa ", " bb "::date, " cc "::date, " dd "::date"

static void
add_fields (TamuPgParams          *params,
            const TamuPpidRequest *r)
{
  tamu_pg_params_date (params, &r->received);
  tamu_pg_params_text (params, r->channel);
  tamu_pg_params_text (params, r->name);
  tamu_pg_params_text (params, r->address);
  tamu_pg_params_text (params, r->contact);
  tamu_pg_params_text (params, r->occupation);
  tamu_pg_params_text (params, tamu_ppid_category_to_string (r->category));
  tamu_pg_params_text (params, r->identity_number);
  tamu_pg_params_text (params, r->information);
  tamu_pg_params_text (params, r->purpose);
  tamu_pg_params_text (params, r->obtain_method);
  tamu_pg_params_text (params, r->delivery_method);
  tamu_pg_params_text (params, tamu_ppid_form_to_string (r->form));
  tamu_pg_params_text (params, tamu_ppid_kind_to_string (r->kind));
  tamu_pg_params_text (params, tamu_ppid_info_status_to_string (r->info_status));
  tamu_pg_params_int (params, r->fee);
  tamu_pg_params_text (params, r->notes);
  tamu_pg_params_text (params, tamu_ppid_status_to_string (r->status));
  tamu_pg_params_date (params, &r->extended_on);
  tamu_pg_params_int (params, r->extension_days);
  tamu_pg_params_text (params, r->extension_reason);
  tamu_pg_params_text (params, tamu_ppid_decision_to_string (r->decision));
  tamu_pg_params_text (params, tamu_ppid_refusal_to_string (r->refusal));
  tamu_pg_params_text (params, r->holder);
  tamu_pg_params_date (params, &r->responded);
  tamu_pg_params_date (params, &r->objected);
  tamu_pg_params_text (params, r->objection_reason);
  tamu_pg_params_date (params, &r->objection_answered);
  tamu_pg_params_date (params, &r->disputed);
  tamu_pg_params_date (params, &r->withdrawn);
}

/* A row of SELECT_COLUMNS; NULL with an error when the row is damaged. */
static TamuPpidRequest *
read_row (TamuPgBackend  *self,
          const PGresult *result,
          int             row,
          GError        **error)
{
  g_autoptr(TamuPpidRequest) request = tamu_ppid_request_new ();
  int c = 4;
  gboolean ok = TRUE;

  request->id = tamu_pg_get_int (result, row, 0, 0);
  request->sequence = (int) tamu_pg_get_int (result, row, 1, 0);
  request->created_at = tamu_pg_dup_text (result, row, 2);
  request->updated_at = tamu_pg_dup_text (result, row, 3);

  ok &= tamu_pg_get_date (result, row, c++, &request->received) && g_date_valid (&request->received);
  request->channel = tamu_pg_dup_text (result, row, c++);
  request->name = tamu_pg_dup_text (result, row, c++);
  request->address = tamu_pg_dup_text (result, row, c++);
  request->contact = tamu_pg_dup_text (result, row, c++);
  request->occupation = tamu_pg_dup_text (result, row, c++);
  ok &= tamu_ppid_category_from_string (PQgetvalue (result, row, c++), &request->category);
  request->identity_number = tamu_pg_dup_text (result, row, c++);
  request->information = tamu_pg_dup_text (result, row, c++);
  request->purpose = tamu_pg_dup_text (result, row, c++);
  request->obtain_method = tamu_pg_dup_text (result, row, c++);
  request->delivery_method = tamu_pg_dup_text (result, row, c++);
  ok &= tamu_ppid_form_from_string (PQgetvalue (result, row, c++), &request->form);
  ok &= tamu_ppid_kind_from_string (PQgetvalue (result, row, c++), &request->kind);
  ok &= tamu_ppid_info_status_from_string (PQgetvalue (result, row, c++), &request->info_status);
  request->fee = tamu_pg_get_int (result, row, c++, 0);
  request->notes = tamu_pg_dup_text (result, row, c++);
  ok &= tamu_ppid_status_from_string (PQgetvalue (result, row, c++), &request->status);
  ok &= tamu_pg_get_date (result, row, c++, &request->extended_on);
  request->extension_days = (int) tamu_pg_get_int (result, row, c++, 0);
  request->extension_reason = tamu_pg_dup_text (result, row, c++);
  if (!PQgetisnull (result, row, c))
    ok &= tamu_ppid_decision_from_string (PQgetvalue (result, row, c), &request->decision);
  c++;
  if (!PQgetisnull (result, row, c))
    ok &= tamu_ppid_refusal_from_string (PQgetvalue (result, row, c), &request->refusal);
  c++;
  request->holder = tamu_pg_dup_text (result, row, c++);
  ok &= tamu_pg_get_date (result, row, c++, &request->responded);
  ok &= tamu_pg_get_date (result, row, c++, &request->objected);
  request->objection_reason = tamu_pg_dup_text (result, row, c++);
  ok &= tamu_pg_get_date (result, row, c++, &request->objection_answered);
  ok &= tamu_pg_get_date (result, row, c++, &request->disputed);
  ok &= tamu_pg_get_date (result, row, c++, &request->withdrawn);

  if (!ok)
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, request->id);

      g_set_error (error, TAMU_ERROR, TAMU_ERROR_STORAGE,
                   _("ppid: request %s in %s has a damaged field"), id, self->identity);
      return NULL;
    }
  return g_steal_pointer (&request);
}

static GPtrArray *
collect_rows (TamuPgBackend      *self,
              const char         *sql,
              const TamuPgParams *params,
              GError            **error)
{
  g_autoptr(GPtrArray) requests = g_ptr_array_new_with_free_func ((GDestroyNotify) tamu_ppid_request_unref);
  g_autoptr(PGresult) result = tamu_pg_exec (self, sql, params, error);

  if (result == NULL)
    return NULL;
  for (int i = 0; i < PQntuples (result); i++)
    {
      TamuPpidRequest *request = read_row (self, result, i, error);

      if (request == NULL)
        return NULL;
      g_ptr_array_add (requests, request);
    }
  return g_steal_pointer (&requests);
}

static TamuPpidRequest *
pg_get_ppid (TamuBackend *backend,
             gint64       id,
             GError     **error)
{
  g_auto(TamuPgParams) params = { 0 };
  g_autoptr(GPtrArray) rows = NULL;

  tamu_pg_params_int (&params, id);
  rows = collect_rows (TAMU_PG (backend),
                       "SELECT " SELECT_COLUMNS " FROM ppid_requests WHERE id = $1::bigint",
                       &params, error);
  if (rows == NULL || rows->len == 0)
    return NULL;
  return tamu_ppid_request_ref (g_ptr_array_index (rows, 0));
}

static GPtrArray *
pg_list_ppid (TamuBackend          *backend,
              const TamuPpidFilter *filter,
              GError              **error)
{
  g_auto(TamuPgParams) params = { 0 };
  g_autofree char *stripped = NULL;
  g_autofree char *pattern = NULL;

  if (filter->text != NULL)
    stripped = g_strstrip (g_strdup (filter->text));
  if (stripped != NULL && *stripped != '\0')
    pattern = tamu_backend_dup_like_pattern (stripped);

  tamu_pg_params_date (&params, &filter->from);
  tamu_pg_params_date (&params, &filter->to);
  tamu_pg_params_bool (&params, filter->open_only);
  tamu_pg_params_text (&params, filter->status >= 0 ? tamu_ppid_status_to_string (filter->status) : NULL);
  tamu_pg_params_text (&params, filter->decision > 0 ? tamu_ppid_decision_to_string (filter->decision) : NULL);
  tamu_pg_params_text (&params, pattern);
  tamu_pg_params_bool (&params, filter->overdue_only);

  return collect_rows (TAMU_PG (backend),
                       "SELECT " SELECT_COLUMNS " FROM ppid_requests"
                       " WHERE ($1::date IS NULL OR received >= $1::date)"
                       "   AND ($2::date IS NULL OR received <= $2::date)"
                       "   AND (NOT $3::boolean OR status IN ('received', 'extended'))"
                       /* Only these states run against a deadline. */
                       "   AND (NOT $7::boolean OR status IN ('received', 'extended', 'objection-filed'))"
                       "   AND ($4::text IS NULL OR status = $4::text)"
                       "   AND ($5::text IS NULL OR decision = $5::text)"
                       "   AND ($6::text IS NULL OR number ILIKE $6::text"
                       "        OR name ILIKE $6::text OR information ILIKE $6::text"
                       "        OR contact ILIKE $6::text OR occupation ILIKE $6::text"
                       "        OR purpose ILIKE $6::text)"
                       " ORDER BY received, year, sequence",
                       &params, error);
}

static gboolean
pg_next_ppid_sequence (TamuBackend *backend,
                       int          year,
                       int         *out_sequence,
                       GError     **error)
{
  g_auto(TamuPgParams) params = { 0 };
  g_autoptr(PGresult) result = NULL;

  tamu_pg_params_int (&params, year);
  result = tamu_pg_exec (TAMU_PG (backend),
                         "SELECT coalesce(max(sequence), 0) + 1 FROM ppid_requests WHERE year = $1::int",
                         &params, error);
  if (result == NULL)
    return FALSE;
  *out_sequence = (int) tamu_pg_get_int (result, 0, 0, 1);
  return TRUE;
}

static gboolean
pg_insert_ppid (TamuBackend     *backend,
                TamuPpidRequest *request,
                GError         **error)
{
  g_auto(TamuPgParams) params = { 0 };
  g_autoptr(PGresult) result = NULL;
  g_autofree char *number = tamu_ppid_request_dup_number (request);

  tamu_pg_params_int (&params, g_date_get_year (&request->received));
  tamu_pg_params_int (&params, request->sequence);
  tamu_pg_params_text (&params, number);
  tamu_pg_params_text (&params, request->created_at);
  tamu_pg_params_text (&params, request->updated_at);
  add_fields (&params, request);
  result = tamu_pg_exec (TAMU_PG (backend),
                         "INSERT INTO ppid_requests (year, sequence, number, created_at,"
                         " updated_at, received, channel, name, address, contact, occupation,"
                         " category, identity_number, information, purpose, obtain_method,"
                         " delivery_method, form, kind, info_status, fee, notes, status,"
                         " extended_on, extension_days, extension_reason, decision,"
                         " refusal_reason, holder, responded, objected, objection_reason,"
                         " objection_answered, disputed, withdrawn)"
                         " VALUES ($1::int, $2::int, $3, coalesce($4::timestamptz, now()),"
                         " coalesce($5::timestamptz, now()), "
                         FIELD_VALUES ("$6", "$7", "$8", "$9", "$10", "$11", "$12", "$13", "$14",
                                       "$15", "$16", "$17", "$18", "$19", "$20", "$21", "$22",
                                       "$23", "$24", "$25", "$26", "$27", "$28", "$29", "$30",
                                       "$31", "$32", "$33", "$34", "$35") ")"
                         " RETURNING id, " TAMU_PG_ISO ("created_at") ", " TAMU_PG_ISO ("updated_at"),
                         &params, error);
  if (result == NULL)
    return FALSE;
  request->id = tamu_pg_get_int (result, 0, 0, 0);
  g_free (request->created_at);
  request->created_at = tamu_pg_dup_text (result, 0, 1);
  g_free (request->updated_at);
  request->updated_at = tamu_pg_dup_text (result, 0, 2);
  return TRUE;
}

static gboolean
pg_update_ppid (TamuBackend           *backend,
                const TamuPpidRequest *request,
                GError               **error)
{
  g_auto(TamuPgParams) params = { 0 };
  g_autofree char *number = tamu_ppid_request_dup_number (request);

  tamu_pg_params_text (&params, number);
  tamu_pg_params_text (&params, request->updated_at);
  add_fields (&params, request);
  tamu_pg_params_int (&params, request->id);
  return tamu_pg_run (TAMU_PG (backend),
                      "UPDATE ppid_requests SET (number, updated_at,"
                      " received, channel, name, address, contact, occupation,"
                      " category, identity_number, information, purpose, obtain_method,"
                      " delivery_method, form, kind, info_status, fee, notes, status,"
                      " extended_on, extension_days, extension_reason, decision,"
                      " refusal_reason, holder, responded, objected, objection_reason,"
                      " objection_answered, disputed, withdrawn)"
                      " = ($1, coalesce($2::timestamptz, now()), "
                      FIELD_VALUES ("$3", "$4", "$5", "$6", "$7", "$8", "$9", "$10", "$11",
                                    "$12", "$13", "$14", "$15", "$16", "$17", "$18", "$19",
                                    "$20", "$21", "$22", "$23", "$24", "$25", "$26", "$27",
                                    "$28", "$29", "$30", "$31", "$32") ")"
                      " WHERE id = $33::bigint",
                      &params, error);
}

void
tamu_pg_ppid_fill (TamuBackendClass *klass)
{
  klass->get_ppid = pg_get_ppid;
  klass->list_ppid = pg_list_ppid;
  klass->next_ppid_sequence = pg_next_ppid_sequence;
  klass->insert_ppid = pg_insert_ppid;
  klass->update_ppid = pg_update_ppid;
}
