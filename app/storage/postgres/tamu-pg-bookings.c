/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tamu-pg"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tamu-error.h"
#include "tamu-pg-private.h"

/* Bookings, as rows: the rules around them are the store's. */

#define TOPIC_SEPARATOR "\x1f"

#define BOOKING_COLUMNS \
  "b.id, b.uid, b.sequence, b.type, b.date, b.start, b.duration, b.daerah, b.region_code, " \
  "b.guests, b.actual_guests, b.guest_limit, b.status, b.room, b.instansi, b.contact, b.phone, " \
  "b.email, b.ticket, b.pic, b.link, b.notes, b.override_reason, b.cancel_reason, " \
  TAMU_PG_ISO ("b.created_at") ", " TAMU_PG_ISO ("b.updated_at") ", " \
  "array_to_string(ARRAY(SELECT t.topic FROM booking_topics t WHERE t.booking_id = b.id " \
  "ORDER BY t.position), chr(31))"

#define ACTIVE_STATUSES "('requested', 'confirmed', 'done')"

static TamuBooking *
booking_from_row (const PGresult *result,
                  int             row)
{
  TamuBooking *booking = tamu_booking_new ();
  const char *topics;
  int col = 0;

  booking->id = tamu_pg_get_int (result, row, col++, 0);
  booking->uid = tamu_pg_dup_text (result, row, col++);
  booking->sequence = (int) tamu_pg_get_int (result, row, col++, 0);
  tamu_booking_type_from_string (PQgetvalue (result, row, col++), &booking->type);
  tamu_pg_get_date (result, row, col++, &booking->date);
  booking->start = (int) tamu_pg_get_int (result, row, col++, TAMU_TIME_UNKNOWN);
  booking->duration = (int) tamu_pg_get_int (result, row, col++, 0);
  booking->daerah = tamu_pg_dup_text (result, row, col++);
  booking->region_code = tamu_pg_dup_text (result, row, col++);
  booking->guests = (int) tamu_pg_get_int (result, row, col++, 0);
  booking->actual_guests = (int) tamu_pg_get_int (result, row, col++, -1);
  booking->guest_limit = (int) tamu_pg_get_int (result, row, col++, 0);
  tamu_booking_status_from_string (PQgetvalue (result, row, col++), &booking->status);
  booking->room = tamu_pg_dup_text (result, row, col++);
  booking->instansi = tamu_pg_dup_text (result, row, col++);
  booking->contact = tamu_pg_dup_text (result, row, col++);
  booking->phone = tamu_pg_dup_text (result, row, col++);
  booking->email = tamu_pg_dup_text (result, row, col++);
  booking->ticket = tamu_pg_dup_text (result, row, col++);
  booking->pic = tamu_pg_dup_text (result, row, col++);
  booking->link = tamu_pg_dup_text (result, row, col++);
  booking->notes = tamu_pg_dup_text (result, row, col++);
  booking->override_reason = tamu_pg_dup_text (result, row, col++);
  booking->cancel_reason = tamu_pg_dup_text (result, row, col++);
  booking->created_at = tamu_pg_dup_text (result, row, col++);
  booking->updated_at = tamu_pg_dup_text (result, row, col++);
  topics = PQgetvalue (result, row, col++);
  if (topics != NULL && *topics != '\0')
    {
      g_strfreev (booking->topics);
      booking->topics = g_strsplit (topics, TOPIC_SEPARATOR, -1);
    }
  return booking;
}

static GPtrArray *
collect_rows (TamuPgBackend      *self,
              const char         *sql,
              const TamuPgParams *params,
              GError            **error)
{
  g_autoptr(GPtrArray) bookings = g_ptr_array_new_with_free_func ((GDestroyNotify) tamu_booking_unref);
  g_autoptr(PGresult) result = tamu_pg_exec (self, sql, params, error);

  if (result == NULL)
    return NULL;
  for (int i = 0; i < PQntuples (result); i++)
    g_ptr_array_add (bookings, booking_from_row (result, i));
  return g_steal_pointer (&bookings);
}

static TamuBooking *
pg_get_booking (TamuBackend *backend,
                gint64       id,
                const char  *uid,
                GError     **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_auto(TamuPgParams) params = { 0 };

  if (uid != NULL)
    {
      tamu_pg_params_text_raw (&params, uid);
      rows = collect_rows (TAMU_PG (backend),
                           "SELECT " BOOKING_COLUMNS " FROM bookings b"
                           " WHERE b.uid = $1 AND b.deleted_at IS NULL",
                           &params, error);
    }
  else
    {
      tamu_pg_params_int (&params, id);
      rows = collect_rows (TAMU_PG (backend),
                           "SELECT " BOOKING_COLUMNS " FROM bookings b"
                           " WHERE b.id = $1::bigint AND b.deleted_at IS NULL",
                           &params, error);
    }
  if (rows == NULL || rows->len == 0)
    return NULL;
  return tamu_booking_ref (g_ptr_array_index (rows, 0));
}

static GPtrArray *
pg_list_bookings (TamuBackend             *backend,
                  const TamuBookingFilter *filter,
                  GError                 **error)
{
  g_auto(TamuPgParams) params = { 0 };
  g_autofree char *pattern = NULL;

  if (filter->text != NULL && *filter->text != '\0')
    pattern = tamu_backend_dup_like_pattern (filter->text);

  tamu_pg_params_date (&params, &filter->from);
  tamu_pg_params_date (&params, &filter->to);
  tamu_pg_params_text (&params, filter->type >= 0 ? tamu_booking_type_to_string (filter->type) : NULL);
  tamu_pg_params_text (&params, filter->status >= 0 ? tamu_booking_status_to_string (filter->status) : NULL);
  tamu_pg_params_bool (&params, filter->include_cancelled || filter->status >= 0);
  tamu_pg_params_text (&params, pattern);

  /* ILIKE: SQLite's LIKE ignores case too.  A NULL parameter leaves its
   * condition out. */
  return collect_rows (TAMU_PG (backend),
                       "SELECT " BOOKING_COLUMNS " FROM bookings b"
                       " WHERE b.deleted_at IS NULL"
                       " AND ($1::date IS NULL OR b.date >= $1::date)"
                       " AND ($2::date IS NULL OR b.date <= $2::date)"
                       " AND ($3::text IS NULL OR b.type = $3::text)"
                       " AND ($4::text IS NULL OR b.status = $4::text)"
                       " AND ($5::boolean OR b.status <> 'cancelled')"
                       " AND ($6::text IS NULL OR b.daerah ILIKE $6::text"
                       "   OR b.contact ILIKE $6::text OR b.ticket ILIKE $6::text"
                       "   OR b.notes ILIKE $6::text OR b.instansi ILIKE $6::text"
                       "   OR EXISTS (SELECT 1 FROM booking_topics t WHERE t.booking_id = b.id"
                       "              AND t.topic ILIKE $6::text))"
                       " ORDER BY b.date, coalesce(b.start, -1), b.id",
                       &params, error);
}

static GPtrArray *
pg_list_active_on (TamuBackend *backend,
                   const GDate *date,
                   GError     **error)
{
  g_auto(TamuPgParams) params = { 0 };

  tamu_pg_params_date (&params, date);
  return collect_rows (TAMU_PG (backend),
                       "SELECT " BOOKING_COLUMNS " FROM bookings b"
                       " WHERE b.deleted_at IS NULL AND b.date = $1::date"
                       " AND b.status IN " ACTIVE_STATUSES
                       " ORDER BY b.start NULLS FIRST, b.id",
                       &params, error);
}

static gboolean
pg_count_rows (TamuBackend *backend,
               TamuTable    table,
               gint64      *out_count,
               GError     **error)
{
  static const char * const queries[TAMU_N_TABLES] = {
    [TAMU_TABLE_BOOKINGS] = "SELECT count(*) FROM bookings",
    [TAMU_TABLE_AUDIT] = "SELECT count(*) FROM audit",
    [TAMU_TABLE_SETTINGS] = "SELECT count(*) FROM settings",
    [TAMU_TABLE_HOLIDAYS] = "SELECT count(*) FROM holidays",
    [TAMU_TABLE_TOPICS] = "SELECT count(*) FROM topics",
    [TAMU_TABLE_PPID_REQUESTS] = "SELECT count(*) FROM ppid_requests",
    [TAMU_TABLE_BOOKING_TOPICS] = "SELECT count(*) FROM booking_topics",
    [TAMU_TABLE_FEEDS] = "SELECT count(*) FROM feeds",
  };
  g_autoptr(PGresult) result = NULL;

  g_return_val_if_fail (table < TAMU_N_TABLES, FALSE);

  result = tamu_pg_exec (TAMU_PG (backend), queries[table], NULL, error);
  if (result == NULL)
    return FALSE;
  *out_count = tamu_pg_get_int (result, 0, 0, 0);
  return TRUE;
}

/* ---- writing ---- */

static gboolean
write_topics (TamuPgBackend     *self,
              const TamuBooking *booking,
              GError           **error)
{
  g_auto(TamuPgParams) params = { 0 };

  tamu_pg_params_int (&params, booking->id);
  if (!tamu_pg_run (self, "DELETE FROM booking_topics WHERE booking_id = $1::bigint", &params, error))
    return FALSE;

  for (guint i = 0; booking->topics != NULL && booking->topics[i] != NULL; i++)
    {
      g_auto(TamuPgParams) row = { 0 };

      tamu_pg_params_int (&row, booking->id);
      tamu_pg_params_int (&row, i);
      tamu_pg_params_text_raw (&row, booking->topics[i]);
      if (!tamu_pg_run (self,
                        "INSERT INTO booking_topics (booking_id, position, topic)"
                        " VALUES ($1::bigint, $2::int, $3)",
                        &row, error))
        return FALSE;
    }
  return TRUE;
}

/* Every column but id, uid and created_at, as $1…$23, in the order of the
 * INSERT and UPDATE statements below. */
static void
add_fields (TamuPgParams      *params,
            const TamuBooking *booking)
{
  tamu_pg_params_int (params, booking->sequence);
  tamu_pg_params_text (params, tamu_booking_type_to_string (booking->type));
  tamu_pg_params_date (params, &booking->date);
  if (booking->start == TAMU_TIME_UNKNOWN)
    tamu_pg_params_text (params, NULL);
  else
    tamu_pg_params_int (params, booking->start);
  tamu_pg_params_int (params, booking->duration);
  tamu_pg_params_text (params, booking->daerah);
  tamu_pg_params_text (params, booking->region_code);
  tamu_pg_params_int (params, booking->guests);
  if (booking->actual_guests < 0)
    tamu_pg_params_text (params, NULL);
  else
    tamu_pg_params_int (params, booking->actual_guests);
  tamu_pg_params_int (params, booking->guest_limit);
  tamu_pg_params_text (params, tamu_booking_status_to_string (booking->status));
  tamu_pg_params_text (params, booking->room);
  tamu_pg_params_text (params, booking->instansi);
  tamu_pg_params_text (params, booking->contact);
  tamu_pg_params_text (params, booking->phone);
  tamu_pg_params_text (params, booking->email);
  tamu_pg_params_text (params, booking->ticket);
  tamu_pg_params_text (params, booking->pic);
  tamu_pg_params_text (params, booking->link);
  tamu_pg_params_text (params, booking->notes);
  tamu_pg_params_text (params, booking->override_reason);
  tamu_pg_params_text (params, booking->cancel_reason);
  tamu_pg_params_text (params, booking->updated_at);
}

#define FIELD_TYPES \
  "$1::int, $2, $3::date, $4::int, $5::int, $6, $7, $8::int, $9::int, $10::int, $11, $12, " \
  "$13, $14, $15, $16, $17, $18, $19, $20, $21, $22, coalesce($23::timestamptz, now())"

static gboolean
pg_insert_booking (TamuBackend *backend,
                   TamuBooking *booking,
                   GError     **error)
{
  TamuPgBackend *self = TAMU_PG (backend);
  g_auto(TamuPgParams) params = { 0 };
  g_autoptr(PGresult) result = NULL;
  g_autoptr(GError) local_error = NULL;

  if (booking->uid == NULL)
    booking->uid = tamu_booking_new_uid ();

  add_fields (&params, booking);
  tamu_pg_params_text_raw (&params, booking->uid);
  tamu_pg_params_text (&params, booking->created_at);
  result = tamu_pg_exec (self,
                         "INSERT INTO bookings (sequence, type, date, start, duration, daerah,"
                         " region_code, guests, actual_guests, guest_limit, status, room, instansi,"
                         " contact, phone, email, ticket, pic, link, notes, override_reason,"
                         " cancel_reason, updated_at, uid, created_at)"
                         " VALUES (" FIELD_TYPES ", $24, coalesce($25::timestamptz, now()))"
                         " RETURNING id, " TAMU_PG_ISO ("created_at") ", " TAMU_PG_ISO ("updated_at"),
                         &params, &local_error);
  if (result == NULL)
    {
      /* The only unique column a new row can collide on is the UID. */
      if (tamu_pg_last_failure_is (self, "23505", "bookings_uid_key"))
        {
          g_set_error (error, TAMU_ERROR, TAMU_ERROR_REFUSED,
                       _("uid: a booking with UID %s exists already"), booking->uid);
          return FALSE;
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  booking->id = tamu_pg_get_int (result, 0, 0, 0);
  if (booking->created_at == NULL)
    booking->created_at = tamu_pg_dup_text (result, 0, 1);
  if (booking->updated_at == NULL)
    booking->updated_at = tamu_pg_dup_text (result, 0, 2);
  return write_topics (self, booking, error);
}

static gboolean
pg_update_booking (TamuBackend       *backend,
                   const TamuBooking *booking,
                   GError           **error)
{
  TamuPgBackend *self = TAMU_PG (backend);
  g_auto(TamuPgParams) params = { 0 };

  add_fields (&params, booking);
  tamu_pg_params_int (&params, booking->id);
  if (!tamu_pg_run (self,
                    "UPDATE bookings SET (sequence, type, date, start, duration, daerah,"
                    " region_code, guests, actual_guests, guest_limit, status, room, instansi,"
                    " contact, phone, email, ticket, pic, link, notes, override_reason,"
                    " cancel_reason, updated_at) = (" FIELD_TYPES ")"
                    " WHERE id = $24::bigint",
                    &params, error))
    return FALSE;
  return write_topics (self, booking, error);
}

static gboolean
pg_delete_booking (TamuBackend *backend,
                   gint64       id,
                   const char  *deleted_at,
                   GError     **error)
{
  g_auto(TamuPgParams) params = { 0 };

  tamu_pg_params_text (&params, deleted_at);
  tamu_pg_params_int (&params, id);
  return tamu_pg_run (TAMU_PG (backend),
                      "UPDATE bookings SET deleted_at = coalesce($1::timestamptz, now()),"
                      " sequence = sequence + 1 WHERE id = $2::bigint",
                      &params, error);
}

void
tamu_pg_bookings_fill (TamuBackendClass *klass)
{
  klass->get_booking = pg_get_booking;
  klass->list_bookings = pg_list_bookings;
  klass->list_active_on = pg_list_active_on;
  klass->count_rows = pg_count_rows;
  klass->insert_booking = pg_insert_booking;
  klass->update_booking = pg_update_booking;
  klass->delete_booking = pg_delete_booking;
}
