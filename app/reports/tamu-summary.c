/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tamu-summary"

#include "config.h"

#include "tamu-summary.h"

#include <glib/gi18n.h>
#include <math.h>

#include "tamu-clock.h"
#include "tamu-error.h"
#include "tamu-parse.h"
#include "tamu-policy.h"
#include "tamu-regions.h"
#include "tamu-store-reports.h"
#include "tamu-summary-private.h"

#define TOP_LIMIT 10

double
tamu_summary_change_pct (int current,
                         int base)
{
  if (base == 0)
    return NAN;

  return round ((double) (current - base) * 1000.0 / base) / 10.0;
}

gboolean
tamu_summary_parse_month (const char *field,
                          const char *text,
                          int        *out_year,
                          int        *out_month,
                          GError    **error)
{
  int year = 0;
  int month = 0;

  g_return_val_if_fail (field != NULL, FALSE);

  if (text == NULL || strlen (text) != 7 || text[4] != '-'
      || !g_ascii_isdigit (text[0]) || !g_ascii_isdigit (text[1])
      || !g_ascii_isdigit (text[2]) || !g_ascii_isdigit (text[3])
      || !g_ascii_isdigit (text[5]) || !g_ascii_isdigit (text[6]))
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                   /* Translators: %s is the option name, then the text given */
                   _("%s: “%s” is not a month; write it as YYYY-MM, e.g. 2024-03"),
                   field, text ? text : "");
      return FALSE;
    }

  year = (int) g_ascii_strtoll (text, NULL, 10);
  month = (int) g_ascii_strtoll (text + 5, NULL, 10);
  if (year < 2000 || year > 2999 || month < 1 || month > 12)
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                   _("%s: “%s” is not a month between 2000-01 and 2999-12"),
                   field, text);
      return FALSE;
    }

  *out_year = year;
  *out_month = month;
  return TRUE;
}

static void
summary_count_free (TamuSummaryCount *count)
{
  g_free (count->name);
  g_free (count);
}

static int
compare_counts (gconstpointer a,
                gconstpointer b)
{
  const TamuSummaryCount *ca = *(const TamuSummaryCount * const *) a;
  const TamuSummaryCount *cb = *(const TamuSummaryCount * const *) b;

  if (ca->count != cb->count)
    return cb->count - ca->count;

  return g_utf8_collate (ca->name, cb->name);
}

/* A GHashTable name → count into a sorted GPtrArray of TamuSummaryCount, at most @limit (0 = all). */
static GPtrArray *
counts_from_table (GHashTable *table,
                   guint       limit)
{
  GPtrArray *result = g_ptr_array_new_with_free_func ((GDestroyNotify) summary_count_free);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      TamuSummaryCount *count = g_new0 (TamuSummaryCount, 1);

      count->name = g_strdup (key);
      count->count = GPOINTER_TO_INT (value);
      g_ptr_array_add (result, count);
    }

  g_ptr_array_sort (result, compare_counts);
  if (limit > 0 && result->len > limit)
    g_ptr_array_set_size (result, limit);

  return result;
}

static void
table_increment (GHashTable *table,
                 const char *name)
{
  int count = GPOINTER_TO_INT (g_hash_table_lookup (table, name));

  g_hash_table_insert (table, g_strdup (name), GINT_TO_POINTER (count + 1));
}

/* The name a booking's daerah is counted under: the region list's short
 * name when it matched, so "Kab.. Lamongan" and "Kab. Lamongan" count together. */
const char *
tamu_summary_daerah_name (const TamuBooking *booking)
{
  const TamuRegion *region = NULL;

  if (booking->region_code != NULL)
    region = tamu_regions_lookup_code (booking->region_code);
  if (region != NULL)
    return region->short_name;

  return booking->daerah ? booking->daerah : "";
}

static int
compare_bookings_by_date (gconstpointer a,
                          gconstpointer b)
{
  const TamuBooking *ba = *(TamuBooking * const *) a;
  const TamuBooking *bb = *(TamuBooking * const *) b;
  int cmp = g_date_compare (&ba->date, &bb->date);

  if (cmp != 0)
    return cmp;
  if (ba->start != bb->start)
    return ba->start < bb->start ? -1 : 1;

  return ba->id < bb->id ? -1 : (ba->id > bb->id ? 1 : 0);
}

static void
service_init (TamuServiceSummary *service,
              TamuBookingType     type)
{
  service->type = type;
  service->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) tamu_booking_unref);
  service->over_limit = g_ptr_array_new_with_free_func ((GDestroyNotify) tamu_booking_unref);
  service->change_vs_previous_pct = NAN;
  service->change_vs_last_year_pct = NAN;
}

static void
service_clear (TamuServiceSummary *service)
{
  g_clear_pointer (&service->rows, g_ptr_array_unref);
  g_clear_pointer (&service->over_limit, g_ptr_array_unref);
}

static void
service_fill_counts (TamuServiceSummary *service,
                     GArray             *counts,
                     int                 year,
                     int                 month)
{
  int prev_year = month == 1 ? year - 1 : year;
  int prev_month = month == 1 ? 12 : month - 1;

  service->previous_month = tamu_month_counts_get (counts, prev_year, prev_month,
                                                   service->type, TAMU_STATUS_DONE);
  service->same_month_last_year = tamu_month_counts_get (counts, year - 1, month,
                                                         service->type, TAMU_STATUS_DONE);
  service->change_vs_previous_pct = tamu_summary_change_pct (service->held, service->previous_month);
  service->change_vs_last_year_pct = tamu_summary_change_pct (service->held, service->same_month_last_year);

}

/* Held from 1 January of @since_year to the end of the month, both services in one count. */
static gboolean
fill_cumulative (TamuSummary *self,
                 TamuStore   *store,
                 int          since_year,
                 GError     **error)
{
  int counts[2] = { 0, 0 };
  GDate from;

  self->tatap_muka.cumulative_since = since_year;
  self->vidcon.cumulative_since = since_year;
  if (since_year <= self->year)
    {
      g_date_set_dmy (&from, 1, G_DATE_JANUARY, since_year);
      if (!tamu_store_count_by_type (store, &from, &self->last, TAMU_STATUS_DONE, counts, error))
        return FALSE;
    }
  self->tatap_muka.cumulative = counts[TAMU_BOOKING_TATAP_MUKA];
  self->vidcon.cumulative = counts[TAMU_BOOKING_VIDCON];
  return TRUE;
}

static void
add_unresolved_warning (GPtrArray         *warnings,
                        const TamuBooking *booking)
{
  g_autofree char *date = tamu_format_date_iso (&booking->date);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, booking->id);

  g_ptr_array_add (warnings,
                   g_strdup_printf (booking->type == TAMU_BOOKING_VIDCON
                                    ? _("unresolved: the video conference with %s on %s (booking %s) was never checked in or marked no-show")
                                    : _("unresolved: the visit of %s on %s (booking %s) was never checked in or marked no-show"),
                                    booking->daerah ? booking->daerah : "?", date, id));
}

static void
add_region_warning (GPtrArray         *warnings,
                    const TamuBooking *booking)
{
  g_autofree char *date = tamu_format_date_iso (&booking->date);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, booking->id);
  const TamuRegion *suggestion = NULL;

  if (booking->daerah != NULL)
    suggestion = tamu_regions_suggest (booking->daerah);

  if (suggestion != NULL)
    g_ptr_array_add (warnings,
                     g_strdup_printf (_("daerah: “%s” on %s (booking %s) is not in the region list (did you mean %s?) and is left out of the province counts"),
                                      booking->daerah, date, id, suggestion->short_name));
  else
    g_ptr_array_add (warnings,
                     g_strdup_printf (_("daerah: “%s” on %s (booking %s) is not in the region list and is left out of the province counts"),
                                      booking->daerah ? booking->daerah : "", date, id));
}

static void
add_duplicate_warnings (GPtrArray *warnings,
                        GPtrArray *rows)
{
  for (guint i = 1; i < rows->len; i++)
    {
      const TamuBooking *a = g_ptr_array_index (rows, i - 1);
      const TamuBooking *b = g_ptr_array_index (rows, i);

      /* Rows are by date: a duplicate is the same daerah twice on one day. */
      for (guint j = i; j < rows->len; j++)
        {
          b = g_ptr_array_index (rows, j);
          if (g_date_compare (&a->date, &b->date) != 0)
            break;
          if (g_utf8_collate (tamu_summary_daerah_name (a), tamu_summary_daerah_name (b)) == 0)
            {
              g_autofree char *date = tamu_format_date_iso (&a->date);
              g_autofree char *id_a = g_strdup_printf ("%" G_GINT64_FORMAT, a->id);
              g_autofree char *id_b = g_strdup_printf ("%" G_GINT64_FORMAT, b->id);

              g_ptr_array_add (warnings,
                               g_strdup_printf (_("duplicate: %s is recorded twice on %s (bookings %s and %s)"),
                                                tamu_summary_daerah_name (a), date, id_a, id_b));
            }
        }
    }
}

TamuSummary *
tamu_summary_new (TamuStore *store,
                  int        year,
                  int        month,
                  GError   **error)
{
  g_autoptr(TamuSummary) self = NULL;
  g_autoptr(TamuPolicy) policy = NULL;
  g_autoptr(GArray) counts = NULL;
  g_autoptr(GPtrArray) bookings = NULL;
  g_autoptr(GHashTable) topics = NULL;
  g_autoptr(GHashTable) daerah = NULL;
  g_autoptr(GHashTable) provinces = NULL;
  g_autoptr(GPtrArray) region_warnings = NULL;
  TamuBookingFilter filter;
  GDate from;
  GDate today;
  int since_year;

  g_return_val_if_fail (TAMU_IS_STORE (store), NULL);
  g_return_val_if_fail (month >= 1 && month <= 12, NULL);

  policy = tamu_store_load_policy (store, error);
  if (policy == NULL)
    return NULL;

  self = g_new0 (TamuSummary, 1);
  self->year = year;
  self->month = month;
  g_date_set_dmy (&self->first, 1, month, year);
  g_date_set_dmy (&self->last, g_date_get_days_in_month (month, year), month, year);
  self->guest_limit = policy->guest_limit;
  service_init (&self->tatap_muka, TAMU_BOOKING_TATAP_MUKA);
  service_init (&self->vidcon, TAMU_BOOKING_VIDCON);
  self->warnings = g_ptr_array_new_with_free_func (g_free);
  self->ppid.average_service_days = NAN;
  self->ppid.change_vs_previous_pct = NAN;
  self->ppid.change_vs_last_year_pct = NAN;

  /* Grouped counts of the previous month with this one, and of the same
   * month last year: three months of the index, not thirteen.  The
   * cumulative figure is one count of its own. */
  since_year = policy->count_since_year;
  g_date_set_dmy (&from, 1, month == 1 ? 12 : month - 1, month == 1 ? year - 1 : year);
  counts = tamu_store_count_by_month (store, &from, &self->last, error);
  if (counts == NULL)
    return NULL;
  {
    g_autoptr(GArray) last_year = NULL;
    GDate to;

    g_date_set_dmy (&from, 1, month, year - 1);
    g_date_set_dmy (&to, g_date_get_days_in_month (month, year - 1), month, year - 1);
    last_year = tamu_store_count_by_month (store, &from, &to, error);
    if (last_year == NULL)
      return NULL;
    g_array_append_vals (counts, last_year->data, last_year->len);
  }

  /* The month's own bookings, every status, for the tables and warnings. */
  tamu_booking_filter_init (&filter);
  filter.from = self->first;
  filter.to = self->last;
  filter.type = -1;
  filter.status = -1;
  filter.include_cancelled = TRUE;
  bookings = tamu_store_list_bookings (store, &filter, error);
  if (bookings == NULL)
    return NULL;

  tamu_clock_today (&today);
  topics = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  daerah = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  provinces = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  region_warnings = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < bookings->len; i++)
    {
      TamuBooking *booking = g_ptr_array_index (bookings, i);
      TamuServiceSummary *service = booking->type == TAMU_BOOKING_VIDCON
                                    ? &self->vidcon : &self->tatap_muka;

      switch (booking->status)
        {
        case TAMU_STATUS_DONE:
          {
            const TamuRegion *region = NULL;

            service->held++;
            if (booking->actual_guests > 0)
              service->guests += booking->actual_guests;
            g_ptr_array_add (service->rows, tamu_booking_ref (booking));
            if (booking->type == TAMU_BOOKING_TATAP_MUKA
                && booking->guest_limit > 0
                && booking->actual_guests > booking->guest_limit)
              g_ptr_array_add (service->over_limit, tamu_booking_ref (booking));

            for (guint t = 0; booking->topics && booking->topics[t]; t++)
              table_increment (topics, booking->topics[t]);
            table_increment (daerah, tamu_summary_daerah_name (booking));

            if (booking->region_code != NULL)
              region = tamu_regions_lookup_code (booking->region_code);
            if (region != NULL)
              table_increment (provinces, region->province_name);
            else
              add_region_warning (region_warnings, booking);
          }
          break;

        case TAMU_STATUS_CANCELLED:
          service->cancelled++;
          break;

        case TAMU_STATUS_NO_SHOW:
          service->no_show++;
          break;

        case TAMU_STATUS_REQUESTED:
        case TAMU_STATUS_CONFIRMED:
        default:
          if (g_date_compare (&booking->date, &today) < 0)
            add_unresolved_warning (self->warnings, booking);
          break;
        }
    }

  g_ptr_array_sort (self->tatap_muka.rows, compare_bookings_by_date);
  g_ptr_array_sort (self->vidcon.rows, compare_bookings_by_date);
  g_ptr_array_sort (self->tatap_muka.over_limit, compare_bookings_by_date);

  /* The store's count and the listed rows agree; the count is the one the
   * other months come from, so the month uses the same source. */
  service_fill_counts (&self->tatap_muka, counts, year, month);
  service_fill_counts (&self->vidcon, counts, year, month);
  if (!fill_cumulative (self, store, since_year, error))
    return NULL;

  for (guint i = 0; i < region_warnings->len; i++)
    g_ptr_array_add (self->warnings, g_strdup (g_ptr_array_index (region_warnings, i)));
  add_duplicate_warnings (self->warnings, self->tatap_muka.rows);
  add_duplicate_warnings (self->warnings, self->vidcon.rows);

  self->by_topic = counts_from_table (topics, 0);
  self->top_daerah = counts_from_table (daerah, TOP_LIMIT);
  self->top_provinces = counts_from_table (provinces, TOP_LIMIT);

  if (!tamu_summary_fill_ppid (store, year, month, &self->ppid, error))
    return NULL;

  return g_steal_pointer (&self);
}

void
tamu_summary_free (TamuSummary *self)
{
  if (self == NULL)
    return;

  service_clear (&self->tatap_muka);
  service_clear (&self->vidcon);
  g_clear_pointer (&self->ppid.year_recap, tamu_ppid_recap_free);
  g_clear_pointer (&self->by_topic, g_ptr_array_unref);
  g_clear_pointer (&self->top_daerah, g_ptr_array_unref);
  g_clear_pointer (&self->top_provinces, g_ptr_array_unref);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  g_free (self);
}

/* ---- the year view ------------------------------------------------ */

TamuYearSummary *
tamu_year_summary_new (TamuStore *store,
                       int        year,
                       GError   **error)
{
  g_autoptr(TamuYearSummary) self = NULL;
  g_autoptr(GArray) counts = NULL;
  GDate from, to;
  double days_sum = 0;
  int days_n = 0;

  g_return_val_if_fail (TAMU_IS_STORE (store), NULL);

  g_date_set_dmy (&from, 1, G_DATE_JANUARY, year);
  g_date_set_dmy (&to, 31, G_DATE_DECEMBER, year);
  counts = tamu_store_count_by_month (store, &from, &to, error);
  if (counts == NULL)
    return NULL;

  self = g_new0 (TamuYearSummary, 1);
  self->year = year;
  self->total.ppid_average_days = NAN;

  for (int m = 1; m <= 12; m++)
    {
      TamuYearRow *row = &self->months[m - 1];

      row->month = m;
      row->ppid_average_days = NAN;
    }

  for (guint i = 0; i < counts->len; i++)
    {
      const TamuMonthCount *cell = &g_array_index (counts, TamuMonthCount, i);
      TamuYearRow *row;

      if (cell->year != year || cell->month < 1 || cell->month > 12)
        continue;
      row = &self->months[cell->month - 1];

      switch (cell->status)
        {
        case TAMU_STATUS_DONE:
          if (cell->type == TAMU_BOOKING_VIDCON)
            row->vidcon += cell->count;
          else
            {
              row->tatap_muka += cell->count;
              row->tatap_muka_guests += cell->guests;
            }
          break;
        case TAMU_STATUS_CANCELLED:
          row->cancelled += cell->count;
          break;
        case TAMU_STATUS_NO_SHOW:
          row->no_show += cell->count;
          break;
        case TAMU_STATUS_REQUESTED:
        case TAMU_STATUS_CONFIRMED:
        default:
          break;
        }
    }

  if (!tamu_year_summary_fill_ppid (store, self, error))
    return NULL;

  for (int m = 0; m < 12; m++)
    {
      const TamuYearRow *row = &self->months[m];

      self->total.tatap_muka += row->tatap_muka;
      self->total.tatap_muka_guests += row->tatap_muka_guests;
      self->total.vidcon += row->vidcon;
      self->total.cancelled += row->cancelled;
      self->total.no_show += row->no_show;
      self->total.ppid_received += row->ppid_received;
      if (!isnan (row->ppid_average_days) && row->ppid_received > 0)
        {
          /* Weighted like the report's total row (6,93 over 162 requests). */
          days_sum += row->ppid_average_days * row->ppid_received;
          days_n += row->ppid_received;
        }
    }
  if (isnan (self->total.ppid_average_days) && days_n > 0)
    self->total.ppid_average_days = days_sum / days_n;

  return g_steal_pointer (&self);
}

void
tamu_year_summary_free (TamuYearSummary *self)
{
  g_free (self);
}
