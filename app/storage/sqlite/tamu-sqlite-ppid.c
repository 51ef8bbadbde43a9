/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tamu-sqlite"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tamu-error.h"
#include "tamu-ppid-fields.h"
#include "tamu-sqlite-private.h"

/* The PPID register on SQLite: one row per request, its register fields
 * in the columns named by tamu-ppid-fields.h, in that order. */

#define SELECT_COLUMNS \
  "id, sequence, created_at, updated_at, received, channel, name, address, contact, " \
  "occupation, category, identity_number, information, purpose, obtain_method, " \
  "delivery_method, form, kind, info_status, fee, notes, status, extended_on, " \
  "extension_days, extension_reason, decision, refusal_reason, holder, responded, " \
  "objected, objection_reason, objection_answered, disputed, withdrawn"
#define FIRST_FIELD 4 /* the column index of "received" in SELECT_COLUMNS */

static void
bind_fields (sqlite3_stmt          *stmt,
             int                    first,
             const TamuPpidRequest *request)
{
  for (int i = 0; i < TAMU_PPID_N_FIELDS; i++)
    {
      if (i == TAMU_PPID_FIELD_FEE)
        sqlite3_bind_int64 (stmt, first + i, request->fee);
      else if (i == TAMU_PPID_FIELD_EXTENSION_DAYS)
        sqlite3_bind_int (stmt, first + i, request->extension_days);
      else
        {
          g_autofree char *value = tamu_ppid_field_dup_value (request, i);

          tamu_sqlite_bind_text (stmt, first + i, value);
        }
    }
}

/* A row of SELECT_COLUMNS; NULL with an error when the row is damaged. */
static TamuPpidRequest *
read_row (TamuSqliteBackend *self,
          sqlite3_stmt      *stmt,
          GError           **error)
{
  g_autoptr(TamuPpidRequest) request = tamu_ppid_request_new ();
  gboolean ok = TRUE;

  request->id = sqlite3_column_int64 (stmt, 0);
  request->sequence = sqlite3_column_int (stmt, 1);
  request->created_at = tamu_sqlite_dup_text (stmt, 2);
  request->updated_at = tamu_sqlite_dup_text (stmt, 3);
  for (int i = 0; i < TAMU_PPID_N_FIELDS; i++)
    ok &= tamu_ppid_field_set_value (request, i,
                                     (const char *) sqlite3_column_text (stmt, FIRST_FIELD + i));

  if (!ok)
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, request->id);

      g_set_error (error, TAMU_ERROR, TAMU_ERROR_STORAGE,
                   _("ppid: request %s in %s has a damaged field"), id, self->path);
      return NULL;
    }
  return g_steal_pointer (&request);
}

static TamuPpidRequest *
sqlite_get_ppid (TamuBackend *backend,
                 gint64       id,
                 GError     **error)
{
  TamuSqliteBackend *self = TAMU_SQLITE (backend);
  TamuPpidRequest *request = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = tamu_sqlite_prepare (self, "SELECT " SELECT_COLUMNS " FROM ppid_requests WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    request = read_row (self, stmt, error);
  else if (rc != SQLITE_DONE)
    tamu_sqlite_set_error (self, error);
  sqlite3_reset (stmt);
  return request;
}

static GPtrArray *
sqlite_list_ppid (TamuBackend          *backend,
                  const TamuPpidFilter *filter,
                  GError              **error)
{
  TamuSqliteBackend *self = TAMU_SQLITE (backend);
  g_autoptr(GPtrArray) requests = g_ptr_array_new_with_free_func ((GDestroyNotify) tamu_ppid_request_unref);
  g_autofree char *pattern = NULL;
  g_autofree char *stripped = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (filter->text != NULL)
    stripped = g_strstrip (g_strdup (filter->text));
  if (stripped != NULL && *stripped != '\0')
    pattern = tamu_backend_dup_like_pattern (stripped);

  /* One statement for every filter: a NULL parameter leaves its condition out. */
  stmt = tamu_sqlite_prepare (self,
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
  tamu_sqlite_bind_date (stmt, 1, &filter->from);
  tamu_sqlite_bind_date (stmt, 2, &filter->to);
  sqlite3_bind_int (stmt, 3, filter->open_only ? 1 : 0);
  tamu_sqlite_bind_text (stmt, 4, filter->status >= 0 ? tamu_ppid_status_to_string (filter->status) : NULL);
  tamu_sqlite_bind_text (stmt, 5, filter->decision > 0 ? tamu_ppid_decision_to_string (filter->decision) : NULL);
  tamu_sqlite_bind_text (stmt, 6, pattern);
  sqlite3_bind_int (stmt, 7, filter->overdue_only ? 1 : 0);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TamuPpidRequest *request = read_row (self, stmt, error);

      if (request == NULL)
        {
          sqlite3_reset (stmt);
          return NULL;
        }
      g_ptr_array_add (requests, request);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      tamu_sqlite_set_error (self, error);
      return NULL;
    }
  return g_steal_pointer (&requests);
}

static gboolean
sqlite_next_ppid_sequence (TamuBackend *backend,
                           int          year,
                           int         *out_sequence,
                           GError     **error)
{
  TamuSqliteBackend *self = TAMU_SQLITE (backend);
  sqlite3_stmt *stmt;

  stmt = tamu_sqlite_prepare (self,
                              "SELECT COALESCE (MAX (sequence), 0) + 1 FROM ppid_requests WHERE year = ?",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, year);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return tamu_sqlite_set_error (self, error);
    }
  *out_sequence = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
sqlite_insert_ppid (TamuBackend     *backend,
                    TamuPpidRequest *request,
                    GError         **error)
{
  TamuSqliteBackend *self = TAMU_SQLITE (backend);
  g_autofree char *number = tamu_ppid_request_dup_number (request);
  sqlite3_stmt *stmt;

  stmt = tamu_sqlite_prepare (self,
                              "INSERT INTO ppid_requests (year, sequence, number, created_at,"
                              " updated_at, received, channel, name, address, contact, occupation,"
                              " category, identity_number, information, purpose, obtain_method,"
                              " delivery_method, form, kind, info_status, fee, notes, status,"
                              " extended_on, extension_days, extension_reason, decision,"
                              " refusal_reason, holder, responded, objected, objection_reason,"
                              " objection_answered, disputed, withdrawn)"
                              " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14,"
                              " ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27,"
                              " ?28, ?29, ?30, ?31, ?32, ?33, ?34, ?35)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, g_date_get_year (&request->received));
  sqlite3_bind_int (stmt, 2, request->sequence);
  sqlite3_bind_text (stmt, 3, number, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, request->created_at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, request->updated_at, -1, SQLITE_TRANSIENT);
  bind_fields (stmt, 6, request);
  if (!tamu_sqlite_step_done (self, stmt, error))
    return FALSE;
  request->id = sqlite3_last_insert_rowid (self->db);
  return TRUE;
}

static gboolean
sqlite_update_ppid (TamuBackend           *backend,
                    const TamuPpidRequest *request,
                    GError               **error)
{
  TamuSqliteBackend *self = TAMU_SQLITE (backend);
  g_autofree char *number = tamu_ppid_request_dup_number (request);
  sqlite3_stmt *stmt;

  stmt = tamu_sqlite_prepare (self,
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
  sqlite3_bind_text (stmt, 2, request->updated_at, -1, SQLITE_TRANSIENT);
  bind_fields (stmt, 3, request);
  sqlite3_bind_int64 (stmt, 33, request->id);
  return tamu_sqlite_step_done (self, stmt, error);
}

void
tamu_sqlite_ppid_init_class (TamuBackendClass *klass)
{
  klass->get_ppid = sqlite_get_ppid;
  klass->list_ppid = sqlite_list_ppid;
  klass->next_ppid_sequence = sqlite_next_ppid_sequence;
  klass->insert_ppid = sqlite_insert_ppid;
  klass->update_ppid = sqlite_update_ppid;
}
