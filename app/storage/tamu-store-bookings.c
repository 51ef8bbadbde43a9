/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tamu-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "tamu-clock.h"
#include "tamu-error.h"
#include "tamu-parse.h"
#include "tamu-store-private.h"

/* Bookings: the rules are checked inside the same write transaction that
 * stores the booking, so what was checked is what is committed. */

#define TOPIC_SEPARATOR "\x1f"

#define BOOKING_COLUMNS \
  "b.id, b.uid, b.sequence, b.type, b.date, b.start, b.duration, b.daerah, b.region_code, " \
  "b.guests, b.actual_guests, b.guest_limit, b.status, b.room, b.instansi, b.contact, b.phone, " \
  "b.email, b.ticket, b.pic, b.link, b.notes, b.override_reason, b.cancel_reason, b.created_at, " \
  "b.updated_at, (SELECT group_concat (t.topic, char(31)) FROM booking_topics t " \
  "WHERE t.booking_id = b.id)"

#define ACTIVE_STATUSES "('requested', 'confirmed', 'done')"

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

static TamuBooking *
booking_from_row (sqlite3_stmt *stmt)
{
  TamuBooking *booking = tamu_booking_new ();
  const char *topics;
  int col = 0;

  booking->id = sqlite3_column_int64 (stmt, col++);
  booking->uid = tamu_store_dup_column_text (stmt, col++);
  booking->sequence = sqlite3_column_int (stmt, col++);
  tamu_booking_type_from_string ((const char *) sqlite3_column_text (stmt, col++), &booking->type);
  tamu_parse_date ("date", (const char *) sqlite3_column_text (stmt, col++), &booking->date, NULL);
  booking->start = sqlite3_column_type (stmt, col) == SQLITE_NULL
                   ? TAMU_TIME_UNKNOWN : sqlite3_column_int (stmt, col);
  col++;
  booking->duration = sqlite3_column_int (stmt, col++);
  booking->daerah = tamu_store_dup_column_text (stmt, col++);
  booking->region_code = tamu_store_dup_column_text (stmt, col++);
  booking->guests = sqlite3_column_int (stmt, col++);
  booking->actual_guests = sqlite3_column_type (stmt, col) == SQLITE_NULL
                           ? -1 : sqlite3_column_int (stmt, col);
  col++;
  booking->guest_limit = sqlite3_column_int (stmt, col++);
  tamu_booking_status_from_string ((const char *) sqlite3_column_text (stmt, col++), &booking->status);
  booking->room = tamu_store_dup_column_text (stmt, col++);
  booking->instansi = tamu_store_dup_column_text (stmt, col++);
  booking->contact = tamu_store_dup_column_text (stmt, col++);
  booking->phone = tamu_store_dup_column_text (stmt, col++);
  booking->email = tamu_store_dup_column_text (stmt, col++);
  booking->ticket = tamu_store_dup_column_text (stmt, col++);
  booking->pic = tamu_store_dup_column_text (stmt, col++);
  booking->link = tamu_store_dup_column_text (stmt, col++);
  booking->notes = tamu_store_dup_column_text (stmt, col++);
  booking->override_reason = tamu_store_dup_column_text (stmt, col++);
  booking->cancel_reason = tamu_store_dup_column_text (stmt, col++);
  booking->created_at = tamu_store_dup_column_text (stmt, col++);
  booking->updated_at = tamu_store_dup_column_text (stmt, col++);
  topics = (const char *) sqlite3_column_text (stmt, col++);
  if (topics != NULL)
    {
      g_strfreev (booking->topics);
      booking->topics = g_strsplit (topics, TOPIC_SEPARATOR, -1);
    }

  return booking;
}

static GPtrArray *
collect_rows (TamuStore    *self,
              sqlite3_stmt *stmt,
              GError      **error)
{
  g_autoptr(GPtrArray) bookings = g_ptr_array_new_with_free_func ((GDestroyNotify) tamu_booking_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (bookings, booking_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      tamu_store_set_error (self, error);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&bookings);
}

/* The one live booking the prepared, bound @stmt selects, or NOT_FOUND with
 * @what naming it. */
static TamuBooking *
get_one (TamuStore    *self,
         sqlite3_stmt *stmt,
         const char   *what,
         GError      **error)
{
  TamuBooking *booking;

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_NOT_FOUND, "%s", what);
      return NULL;
    }
  booking = booking_from_row (stmt);
  sqlite3_reset (stmt);
  return booking;
}

TamuBooking *
tamu_store_get_booking (TamuStore *self,
                        gint64     id,
                        GError   **error)
{
  g_autofree char *what = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TAMU_IS_STORE (self), NULL);

  stmt = tamu_store_prepare (self,
                             "SELECT " BOOKING_COLUMNS " FROM bookings b "
                             "WHERE b.id = ? AND b.deleted_at IS NULL", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);

  what = g_strdup_printf (_("booking: there is no booking %lld"), (long long) id);
  return get_one (self, stmt, what, error);
}

TamuBooking *
tamu_store_get_booking_by_uid (TamuStore  *self,
                               const char *uid,
                               GError    **error)
{
  g_autofree char *what = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TAMU_IS_STORE (self), NULL);

  stmt = tamu_store_prepare (self,
                             "SELECT " BOOKING_COLUMNS " FROM bookings b "
                             "WHERE b.uid = ? AND b.deleted_at IS NULL", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, uid, -1, SQLITE_TRANSIENT);

  what = g_strdup_printf (_("booking: there is no booking with UID %s"), uid);
  return get_one (self, stmt, what, error);
}

static char *
like_pattern (const char *text)
{
  GString *pattern = g_string_new ("%");

  for (const char *p = text; *p; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');
  return g_string_free (pattern, FALSE);
}

GPtrArray *
tamu_store_list_bookings (TamuStore               *self,
                          const TamuBookingFilter *filter,
                          GError                 **error)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *pattern = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TAMU_IS_STORE (self), NULL);
  g_return_val_if_fail (filter != NULL, NULL);

  /* Open ends become bounds every ISO date sorts between, so the date
   * index always serves the query. */
  from = g_date_valid (&filter->from) ? tamu_format_date_iso (&filter->from) : g_strdup ("0000-00-00");
  to = g_date_valid (&filter->to) ? tamu_format_date_iso (&filter->to) : g_strdup ("9999-99-99");
  if (filter->text != NULL && *filter->text != '\0')
    pattern = like_pattern (filter->text);

  stmt = tamu_store_prepare (self,
                             "SELECT " BOOKING_COLUMNS " FROM bookings b "
                             "WHERE b.deleted_at IS NULL AND b.date BETWEEN ?1 AND ?2 "
                             "AND (?3 IS NULL OR b.type = ?3) "
                             "AND (?4 IS NULL OR b.status = ?4) "
                             "AND (?5 OR b.status != 'cancelled') "
                             "AND (?6 IS NULL OR b.daerah LIKE ?6 ESCAPE '\\' "
                             "  OR b.contact LIKE ?6 ESCAPE '\\' OR b.ticket LIKE ?6 ESCAPE '\\' "
                             "  OR b.notes LIKE ?6 ESCAPE '\\' OR b.instansi LIKE ?6 ESCAPE '\\' "
                             "  OR EXISTS (SELECT 1 FROM booking_topics t WHERE t.booking_id = b.id "
                             "             AND t.topic LIKE ?6 ESCAPE '\\')) "
                             "ORDER BY b.date, coalesce (b.start, -1), b.id",
                             error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_TRANSIENT);
  if (filter->type >= 0)
    sqlite3_bind_text (stmt, 3, tamu_booking_type_to_string (filter->type), -1, SQLITE_STATIC);
  if (filter->status >= 0)
    sqlite3_bind_text (stmt, 4, tamu_booking_status_to_string (filter->status), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 5, filter->include_cancelled || filter->status >= 0);
  if (pattern != NULL)
    sqlite3_bind_text (stmt, 6, pattern, -1, SQLITE_TRANSIENT);

  return collect_rows (self, stmt, error);
}

/* The active bookings of one day: what the rules compare a booking with. */
static GPtrArray *
list_active_on (TamuStore   *self,
                const GDate *date,
                GError     **error)
{
  g_autofree char *iso = tamu_format_date_iso (date);
  sqlite3_stmt *stmt;

  stmt = tamu_store_prepare (self,
                             "SELECT " BOOKING_COLUMNS " FROM bookings b "
                             "WHERE b.deleted_at IS NULL AND b.date = ? "
                             "AND b.status IN " ACTIVE_STATUSES " ORDER BY b.start", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, iso, -1, SQLITE_TRANSIENT);
  return collect_rows (self, stmt, error);
}

GArray *
tamu_store_count_by_day (TamuStore   *self,
                         const GDate *from,
                         const GDate *to,
                         GError     **error)
{
  g_autoptr(GArray) counts = g_array_new (FALSE, TRUE, sizeof (TamuDayCount));
  g_autofree char *from_iso = tamu_format_date_iso (from);
  g_autofree char *to_iso = tamu_format_date_iso (to);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TAMU_IS_STORE (self), NULL);

  stmt = tamu_store_prepare (self,
                             "SELECT date, sum (type = 'tatap-muka'), sum (type = 'vidcon') "
                             "FROM bookings WHERE deleted_at IS NULL AND date BETWEEN ? AND ? "
                             "AND status IN " ACTIVE_STATUSES " GROUP BY date ORDER BY date", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, from_iso, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to_iso, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TamuDayCount count = { 0 };

      if (!tamu_parse_date ("date", (const char *) sqlite3_column_text (stmt, 0), &count.date, NULL))
        continue;
      count.visits = sqlite3_column_int (stmt, 1);
      count.vidcons = sqlite3_column_int (stmt, 2);
      g_array_append_val (counts, count);
    }
  if (rc != SQLITE_DONE)
    {
      tamu_store_set_error (self, error);
      return NULL;
    }
  return g_steal_pointer (&counts);
}

/* ---- writing ---- */

static gboolean
write_topics (TamuStore         *self,
              const TamuBooking *booking,
              GError           **error)
{
  sqlite3_stmt *stmt;

  stmt = tamu_store_prepare (self, "DELETE FROM booking_topics WHERE booking_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, booking->id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return tamu_store_set_error (self, error);

  for (guint i = 0; booking->topics[i] != NULL; i++)
    {
      stmt = tamu_store_prepare (self,
                                 "INSERT INTO booking_topics (booking_id, position, topic) "
                                 "VALUES (?, ?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, booking->id);
      sqlite3_bind_int (stmt, 2, (int) i);
      sqlite3_bind_text (stmt, 3, booking->topics[i], -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        return tamu_store_set_error (self, error);
    }
  return TRUE;
}

/* Binds every column but id, uid and created_at, from parameter 1 on, in
 * the order of the INSERT and UPDATE statements below. */
static void
bind_fields (sqlite3_stmt      *stmt,
             const TamuBooking *booking)
{
  g_autofree char *date = tamu_format_date_iso (&booking->date);
  int i = 1;

  sqlite3_bind_int (stmt, i++, booking->sequence);
  sqlite3_bind_text (stmt, i++, tamu_booking_type_to_string (booking->type), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, i++, date, -1, SQLITE_TRANSIENT);
  if (booking->start == TAMU_TIME_UNKNOWN)
    sqlite3_bind_null (stmt, i++);
  else
    sqlite3_bind_int (stmt, i++, booking->start);
  sqlite3_bind_int (stmt, i++, booking->duration);
  tamu_store_bind_text (stmt, i++, booking->daerah);
  tamu_store_bind_text (stmt, i++, booking->region_code);
  sqlite3_bind_int (stmt, i++, booking->guests);
  if (booking->actual_guests < 0)
    sqlite3_bind_null (stmt, i++);
  else
    sqlite3_bind_int (stmt, i++, booking->actual_guests);
  sqlite3_bind_int (stmt, i++, booking->guest_limit);
  sqlite3_bind_text (stmt, i++, tamu_booking_status_to_string (booking->status), -1, SQLITE_STATIC);
  tamu_store_bind_text (stmt, i++, booking->room);
  tamu_store_bind_text (stmt, i++, booking->instansi);
  tamu_store_bind_text (stmt, i++, booking->contact);
  tamu_store_bind_text (stmt, i++, booking->phone);
  tamu_store_bind_text (stmt, i++, booking->email);
  tamu_store_bind_text (stmt, i++, booking->ticket);
  tamu_store_bind_text (stmt, i++, booking->pic);
  tamu_store_bind_text (stmt, i++, booking->link);
  tamu_store_bind_text (stmt, i++, booking->notes);
  tamu_store_bind_text (stmt, i++, booking->override_reason);
  tamu_store_bind_text (stmt, i++, booking->cancel_reason);
  tamu_store_bind_text (stmt, i++, booking->updated_at);
}

static gboolean
insert_booking (TamuStore   *self,
                TamuBooking *booking,
                GError     **error)
{
  sqlite3_stmt *stmt;

  g_free (booking->updated_at);
  booking->updated_at = tamu_store_dup_timestamp ();
  if (booking->created_at == NULL)
    booking->created_at = g_strdup (booking->updated_at);
  if (booking->uid == NULL)
    booking->uid = tamu_booking_new_uid ();

  stmt = tamu_store_prepare (self,
                             "INSERT INTO bookings (sequence, type, date, start, duration, daerah, "
                             "region_code, guests, actual_guests, guest_limit, status, room, instansi, "
                             "contact, phone, email, ticket, pic, link, notes, override_reason, "
                             "cancel_reason, updated_at, uid, created_at) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, "
                             "?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25)", error);
  if (stmt == NULL)
    return FALSE;
  bind_fields (stmt, booking);
  sqlite3_bind_text (stmt, 24, booking->uid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 25, booking->created_at, -1, SQLITE_TRANSIENT);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      if (sqlite3_extended_errcode (self->db) == SQLITE_CONSTRAINT_UNIQUE)
        {
          g_set_error (error, TAMU_ERROR, TAMU_ERROR_REFUSED,
                       _("uid: a booking with UID %s exists already"), booking->uid);
          return FALSE;
        }
      return tamu_store_set_error (self, error);
    }

  booking->id = sqlite3_last_insert_rowid (self->db);
  return write_topics (self, booking, error);
}

static gboolean
rewrite_booking (TamuStore   *self,
                 TamuBooking *booking,
                 GError     **error)
{
  sqlite3_stmt *stmt;

  g_free (booking->updated_at);
  booking->updated_at = tamu_store_dup_timestamp ();

  stmt = tamu_store_prepare (self,
                             "UPDATE bookings SET sequence = ?1, type = ?2, date = ?3, start = ?4, "
                             "duration = ?5, daerah = ?6, region_code = ?7, guests = ?8, "
                             "actual_guests = ?9, guest_limit = ?10, status = ?11, room = ?12, "
                             "instansi = ?13, contact = ?14, phone = ?15, email = ?16, ticket = ?17, "
                             "pic = ?18, link = ?19, notes = ?20, override_reason = ?21, "
                             "cancel_reason = ?22, updated_at = ?23 WHERE id = ?24", error);
  if (stmt == NULL)
    return FALSE;
  bind_fields (stmt, booking);
  sqlite3_bind_int64 (stmt, 24, booking->id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return tamu_store_set_error (self, error);

  return write_topics (self, booking, error);
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

static gboolean
rules_load (TamuStore *self,
            Rules     *rules,
            GError   **error)
{
  rules->policy = tamu_store_load_policy (self, error);
  if (rules->policy == NULL)
    return FALSE;
  rules->calendar = tamu_store_load_calendar (self, error);
  if (rules->calendar == NULL)
    return FALSE;
  rules->now = tamu_clock_now ();
  return TRUE;
}

/* Resolves the daerah and runs every rule against the day's other bookings. */
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
      same_day = list_active_on (self, &booking->date, error);
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

static gboolean
check_new_status (TamuBooking *draft,
                  GError     **error)
{
  if (draft->status != TAMU_STATUS_REQUESTED && draft->status != TAMU_STATUS_CONFIRMED)
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                   _("status: a new booking is requested or confirmed; check in, cancel or mark a "
                     "no-show once it exists"));
      return FALSE;
    }
  return TRUE;
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
  else if (!check_new_status (draft, error))
    return FALSE;

  candidate = tamu_booking_copy (draft);
  return check_against_day (self, &rules, candidate, NULL, flags, warnings, error);
}

TamuBooking *
tamu_store_add_booking (TamuStore   *self,
                        TamuBooking *draft,
                        GPtrArray   *warnings,
                        GError     **error)
{
  g_auto(Rules) rules = { 0 };
  g_autoptr(TamuBooking) booking = NULL;
  g_autofree char *summary = NULL;

  g_return_val_if_fail (TAMU_IS_STORE (self), NULL);
  g_return_val_if_fail (draft != NULL, NULL);

  if (!check_new_status (draft, error))
    return NULL;

  booking = tamu_booking_copy (draft);
  booking->id = 0;
  booking->sequence = 0;
  booking->actual_guests = -1;
  g_clear_pointer (&booking->created_at, g_free);
  if (booking->duration == 0)
    booking->duration = -1; /* replaced by the default below, once the policy is read */

  if (!tamu_store_begin (self, error))
    return NULL;

  if (!rules_load (self, &rules, error))
    goto failed;
  if (booking->duration == -1)
    booking->duration = rules.policy->default_duration;

  if (!check_against_day (self, &rules, booking, NULL, TAMU_CHECK_NEW, warnings, error) ||
      !insert_booking (self, booking, error) ||
      !audit_changes (self, "create", NULL, booking, NULL, error) ||
      !tamu_store_commit (self, error))
    goto failed;

  tamu_store_emit_changed (self);
  return g_steal_pointer (&booking);

failed:
  tamu_store_rollback (self);
  return NULL;
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

TamuBooking *
tamu_store_update_booking (TamuStore   *self,
                           TamuBooking *edited,
                           GPtrArray   *warnings,
                           GError     **error)
{
  g_auto(Rules) rules = { 0 };
  g_autoptr(TamuBooking) current = NULL;
  g_autoptr(TamuBooking) booking = NULL;
  TamuCheckFlags flags = TAMU_CHECK_DEFAULT;
  guint changes = 0;

  g_return_val_if_fail (TAMU_IS_STORE (self), NULL);
  g_return_val_if_fail (edited != NULL && edited->id > 0, NULL);

  if (!tamu_store_begin (self, error))
    return NULL;

  current = tamu_store_get_booking (self, edited->id, error);
  if (current == NULL || !rules_load (self, &rules, error))
    goto failed;

  booking = tamu_booking_copy (edited);
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
  if (booking->status != current->status &&
      !((current->status == TAMU_STATUS_REQUESTED || current->status == TAMU_STATUS_CONFIRMED) &&
        (booking->status == TAMU_STATUS_REQUESTED || booking->status == TAMU_STATUS_CONFIRMED)))
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_REFUSED,
                   _("status: use check-in, cancel or no-show to change booking %lld from %s to %s"),
                   (long long) current->id, tamu_booking_status_to_string (current->status),
                   tamu_booking_status_to_string (booking->status));
      goto failed;
    }

  if (!tamu_booking_is_active (current) || current->status == TAMU_STATUS_DONE)
    {
      /* What happened is history: only the notes may still be written. */
      if (!only_notes_differ (current, booking))
        {
          g_set_error (error, TAMU_ERROR, TAMU_ERROR_REFUSED,
                       _("status: booking %lld is %s; only its notes can change"),
                       (long long) current->id, tamu_booking_status_to_string (current->status));
          goto failed;
        }
    }
  else
    {
      /* Moving a booking into the past is refused; keeping its time is not. */
      if (g_date_compare (&current->date, &booking->date) != 0 || current->start != booking->start)
        flags = TAMU_CHECK_NEW;
      if (!check_against_day (self, &rules, booking, NULL, flags, warnings, error))
        goto failed;
    }

  if (!audit_changes (self, "update", current, booking, &changes, error))
    goto failed;
  if (changes == 0)
    {
      tamu_store_rollback (self);
      return g_steal_pointer (&current);
    }

  booking->sequence = current->sequence + 1;
  if (!rewrite_booking (self, booking, error) || !tamu_store_commit (self, error))
    goto failed;

  tamu_store_emit_changed (self);
  return g_steal_pointer (&booking);

failed:
  tamu_store_rollback (self);
  return NULL;
}

typedef enum
{
  VERB_CONFIRM,
  VERB_CANCEL,
  VERB_NO_SHOW,
  VERB_CHECK_IN,
  VERB_DELETE,
} Verb;

static const char *
verb_action (Verb verb)
{
  static const char * const actions[] = { "confirm", "cancel", "no-show", "check-in", "delete" };

  return actions[verb];
}

/* Whether @verb may happen to @booking now; if not, says why. */
static gboolean
verb_allowed (Verb               verb,
              const TamuBooking *booking,
              GError           **error)
{
  GDate today;
  const char *status = tamu_booking_status_to_string (booking->status);

  switch (verb)
    {
    case VERB_DELETE:
      return TRUE;

    case VERB_CONFIRM:
      if (booking->status == TAMU_STATUS_REQUESTED)
        return TRUE;
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_REFUSED,
                   _("status: booking %lld is %s; only a requested booking can be confirmed"),
                   (long long) booking->id, status);
      return FALSE;

    case VERB_CANCEL:
      if (booking->status == TAMU_STATUS_REQUESTED || booking->status == TAMU_STATUS_CONFIRMED)
        return TRUE;
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_REFUSED,
                   _("status: booking %lld is %s and can no longer be cancelled"),
                   (long long) booking->id, status);
      return FALSE;

    case VERB_NO_SHOW:
    case VERB_CHECK_IN:
      if (booking->status != TAMU_STATUS_REQUESTED && booking->status != TAMU_STATUS_CONFIRMED)
        {
          g_set_error (error, TAMU_ERROR, TAMU_ERROR_REFUSED,
                       _("status: booking %lld is %s already"), (long long) booking->id, status);
          return FALSE;
        }
      /* Nobody can have come, or failed to come, to a visit still ahead. */
      tamu_clock_today (&today);
      if (g_date_compare (&booking->date, &today) > 0)
        {
          g_autofree char *date = tamu_format_date_iso (&booking->date);

          g_set_error (error, TAMU_ERROR, TAMU_ERROR_REFUSED,
                       verb == VERB_CHECK_IN
                       ? _("check-in: booking %lld is on %s; guests are checked in on the day")
                       : _("no-show: booking %lld is on %s; it cannot be missed yet"),
                       (long long) booking->id, date);
          return FALSE;
        }
      return TRUE;

    default:
      g_assert_not_reached ();
    }
}

static TamuBooking *
apply_verb (TamuStore  *self,
            gint64      id,
            Verb        verb,
            const char *reason,
            int         actual_guests,
            GPtrArray  *warnings,
            GError    **error)
{
  g_autoptr(TamuBooking) current = NULL;
  g_autoptr(TamuBooking) booking = NULL;
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TAMU_IS_STORE (self), NULL);

  if (!tamu_store_begin (self, error))
    return NULL;

  current = tamu_store_get_booking (self, id, error);
  if (current == NULL || !verb_allowed (verb, current, error))
    goto failed;

  booking = tamu_booking_copy (current);
  switch (verb)
    {
    case VERB_CONFIRM:
      booking->status = TAMU_STATUS_CONFIRMED;
      break;
    case VERB_CANCEL:
      booking->status = TAMU_STATUS_CANCELLED;
      g_free (booking->cancel_reason);
      booking->cancel_reason = reason != NULL ? g_strstrip (g_strdup (reason)) : NULL;
      break;
    case VERB_NO_SHOW:
      booking->status = TAMU_STATUS_NO_SHOW;
      break;
    case VERB_CHECK_IN:
      if (actual_guests <= 0 || actual_guests > 1000)
        {
          g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                       actual_guests == 0
                       ? _("guests: nobody came: mark the booking as a no-show instead")
                       : _("guests: %d is out of range: it must be from 1 to 1000"),
                       actual_guests);
          goto failed;
        }
      booking->status = TAMU_STATUS_DONE;
      booking->actual_guests = actual_guests;
      if (tamu_booking_is_over_limit (booking) && warnings != NULL)
        g_ptr_array_add (warnings,
                         tamu_warning_new ("over-limit", NULL,
                                           _("over-limit: %d guests came, more than the limit of %d; "
                                             "recorded as a breach"),
                                           actual_guests, booking->guest_limit));
      break;
    case VERB_DELETE:
      break;
    default:
      g_assert_not_reached ();
    }

  if (verb == VERB_DELETE)
    {
      now = tamu_store_dup_timestamp ();
      stmt = tamu_store_prepare (self, "UPDATE bookings SET deleted_at = ?, sequence = sequence + 1 "
                                       "WHERE id = ?", error);
      if (stmt == NULL)
        goto failed;
      sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, id);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          tamu_store_set_error (self, error);
          goto failed;
        }
      if (!tamu_store_audit (self, "booking", id, "delete", NULL, NULL, NULL, error))
        goto failed;
    }
  else
    {
      booking->sequence = current->sequence + 1;
      if (!rewrite_booking (self, booking, error) ||
          !audit_changes (self, verb_action (verb), current, booking, NULL, error))
        goto failed;
    }

  if (!tamu_store_commit (self, error))
    goto failed;

  tamu_store_emit_changed (self);
  return g_steal_pointer (&booking);

failed:
  tamu_store_rollback (self);
  return NULL;
}

TamuBooking *
tamu_store_confirm_booking (TamuStore *self,
                            gint64     id,
                            GError   **error)
{
  return apply_verb (self, id, VERB_CONFIRM, NULL, 0, NULL, error);
}

TamuBooking *
tamu_store_cancel_booking (TamuStore  *self,
                           gint64      id,
                           const char *reason,
                           GError    **error)
{
  return apply_verb (self, id, VERB_CANCEL, reason, 0, NULL, error);
}

TamuBooking *
tamu_store_mark_no_show (TamuStore *self,
                         gint64     id,
                         GError   **error)
{
  return apply_verb (self, id, VERB_NO_SHOW, NULL, 0, NULL, error);
}

TamuBooking *
tamu_store_check_in (TamuStore *self,
                     gint64     id,
                     int        actual_guests,
                     GPtrArray *warnings,
                     GError   **error)
{
  return apply_verb (self, id, VERB_CHECK_IN, NULL, actual_guests, warnings, error);
}

gboolean
tamu_store_delete_booking (TamuStore *self,
                           gint64     id,
                           GError   **error)
{
  g_autoptr(TamuBooking) deleted = apply_verb (self, id, VERB_DELETE, NULL, 0, NULL, error);

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

gboolean
tamu_store_import_bookings (TamuStore   *self,
                            GPtrArray   *rows,
                            const guint *line_numbers,
                            gboolean     dry_run,
                            GPtrArray   *warnings,
                            GPtrArray   *problems,
                            GError     **error)
{
  g_auto(Rules) rules = { 0 };
  g_autoptr(GPtrArray) accepted = g_ptr_array_new_with_free_func ((GDestroyNotify) tamu_booking_unref);
  guint n_bad = 0;

  g_return_val_if_fail (TAMU_IS_STORE (self), FALSE);
  g_return_val_if_fail (rows != NULL, FALSE);

  if (!tamu_store_begin (self, error))
    return FALSE;
  if (!rules_load (self, &rules, error))
    goto failed;

  for (guint i = 0; i < rows->len; i++)
    {
      g_autoptr(TamuBooking) booking = tamu_booking_copy (g_ptr_array_index (rows, i));
      g_autoptr(GPtrArray) row_warnings = tamu_warnings_new ();
      g_autoptr(GError) row_error = NULL;
      guint line = line_numbers != NULL ? line_numbers[i] : i + 2;
      gboolean record = booking->status == TAMU_STATUS_DONE ||
                        booking->status == TAMU_STATUS_CANCELLED ||
                        booking->status == TAMU_STATUS_NO_SHOW;

      if (booking->duration <= 0)
        booking->duration = rules.policy->default_duration;

      /* A record of what happened keeps its breaches as data; a new booking
       * passes every rule, also against the rows imported before it. */
      if (!check_against_day (self, &rules, booking, accepted,
                              record ? TAMU_CHECK_HISTORICAL : TAMU_CHECK_NEW,
                              row_warnings, &row_error))
        {
          n_bad++;
          if (problems != NULL)
            g_ptr_array_add (problems, g_strdup_printf ("line %u: %s", line, row_error->message));
          continue;
        }

      for (guint j = 0; warnings != NULL && j < row_warnings->len; j++)
        {
          TamuWarning *warning = g_ptr_array_index (row_warnings, j);
          g_autofree char *message = g_strdup_printf ("line %u: %s", line, warning->message);

          g_ptr_array_add (warnings, tamu_warning_new (warning->code, warning->suggestion, "%s", message));
        }

      if (n_bad == 0 && !dry_run)
        {
          if (!insert_booking (self, booking, error) ||
              !audit_changes (self, "import", NULL, booking, NULL, error))
            goto failed;
        }
      g_ptr_array_add (accepted, g_steal_pointer (&booking));
    }

  if (n_bad > 0)
    {
      tamu_store_rollback (self);
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "import: %u row is invalid; nothing was imported",
                                "import: %u rows are invalid; nothing was imported", n_bad),
                   n_bad);
      return FALSE;
    }

  if (dry_run)
    {
      tamu_store_rollback (self);
      return TRUE;
    }

  if (!tamu_store_commit (self, error))
    goto failed;
  tamu_store_emit_changed (self);
  return TRUE;

failed:
  tamu_store_rollback (self);
  return FALSE;
}
