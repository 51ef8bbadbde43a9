/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tamu-reports"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "tamu-csv.h"
#include "tamu-parse.h"
#include "tamu-ppid-recap.h"
#include "tamu-store-ppid.h"

struct _TamuPpidRecap
{
  int              year;
  TamuPpidRecapRow months[12];
  TamuPpidRecapRow totals;
};

double
tamu_ppid_recap_row_get_average (const TamuPpidRecapRow *row)
{
  g_return_val_if_fail (row != NULL, NAN);

  if (row->answered == 0)
    return NAN;
  return (double) row->service_days / row->answered;
}

int
tamu_ppid_recap_row_get_refused (const TamuPpidRecapRow *row)
{
  return row->refused_exempt + row->refused_not_held + row->refused_not_documented;
}

char *
tamu_ppid_format_average (double average)
{
  char *text;
  char *dot;

  if (isnan (average))
    return g_strdup ("-");
  text = g_strdup_printf ("%.2f", average);
  dot = strchr (text, '.');
  if (dot != NULL)
    *dot = ',';
  return text;
}

static void
count_request (TamuPpidRecapRow      *row,
               const TamuPpidRequest *request,
               TamuCalendar          *calendar)
{
  int days = tamu_ppid_request_get_service_days (request, calendar);

  row->received++;
  if (days >= 0)
    {
      row->answered++;
      row->service_days += days;
      if (tamu_ppid_request_was_answered_late (request, calendar))
        row->late++;
    }
  switch (request->decision)
    {
    case TAMU_PPID_DECISION_GRANTED:
      row->granted++;
      break;
    case TAMU_PPID_DECISION_PARTIAL:
      row->partial++;
      break;
    case TAMU_PPID_DECISION_REFUSED:
      if (request->refusal == TAMU_PPID_REFUSAL_EXEMPT)
        row->refused_exempt++;
      else if (request->refusal == TAMU_PPID_REFUSAL_NOT_HELD)
        row->refused_not_held++;
      else
        row->refused_not_documented++;
      break;
    case TAMU_PPID_DECISION_NONE:
    default:
      break;
    }
  if (g_date_valid (&request->objected))
    row->objections++;
  if (g_date_valid (&request->disputed))
    row->disputes++;
  if (request->status == TAMU_PPID_WITHDRAWN)
    row->withdrawn++;
  if (tamu_ppid_request_is_open (request))
    row->open++;
}

TamuPpidRecap *
tamu_ppid_recap_new (int           year,
                     GPtrArray    *requests,
                     TamuCalendar *calendar)
{
  TamuPpidRecap *self = g_new0 (TamuPpidRecap, 1);

  g_return_val_if_fail (requests != NULL, self);
  g_return_val_if_fail (calendar != NULL, self);

  self->year = year;
  for (int m = 0; m < 12; m++)
    {
      self->months[m].year = year;
      self->months[m].month = m + 1;
    }
  self->totals.year = year;

  for (guint i = 0; i < requests->len; i++)
    {
      const TamuPpidRequest *request = g_ptr_array_index (requests, i);

      if (!g_date_valid (&request->received) || g_date_get_year (&request->received) != year)
        continue;
      count_request (&self->months[g_date_get_month (&request->received) - 1], request, calendar);
      count_request (&self->totals, request, calendar);
    }
  return self;
}

static GPtrArray *
list_received (TamuStore *store,
               int        year,
               int        month_from,
               int        month_to,
               GError   **error)
{
  TamuPpidFilter filter;

  tamu_ppid_filter_init (&filter);
  g_date_set_dmy (&filter.from, 1, month_from, year);
  g_date_set_dmy (&filter.to, g_date_get_days_in_month (month_to, year), month_to, year);
  return tamu_store_list_ppid (store, &filter, error);
}

TamuPpidRecap *
tamu_ppid_recap_load (TamuStore *store,
                      int        year,
                      GError   **error)
{
  g_autoptr(GPtrArray) requests = NULL;
  g_autoptr(TamuCalendar) calendar = NULL;

  g_return_val_if_fail (TAMU_IS_STORE (store), NULL);
  g_return_val_if_fail (year >= 1900 && year <= 2999, NULL);

  calendar = tamu_store_load_calendar (store, error);
  if (calendar == NULL)
    return NULL;
  requests = list_received (store, year, 1, 12, error);
  if (requests == NULL)
    return NULL;
  return tamu_ppid_recap_new (year, requests, calendar);
}

void
tamu_ppid_recap_free (TamuPpidRecap *self)
{
  g_free (self);
}

int
tamu_ppid_recap_get_year (const TamuPpidRecap *self)
{
  return self->year;
}

const TamuPpidRecapRow *
tamu_ppid_recap_get_month (const TamuPpidRecap *self,
                           int                  month)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (month >= 1 && month <= 12, NULL);

  return &self->months[month - 1];
}

const TamuPpidRecapRow *
tamu_ppid_recap_get_totals (const TamuPpidRecap *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return &self->totals;
}

gboolean
tamu_ppid_recap_load_month (TamuStore        *store,
                            int               year,
                            int               month,
                            TamuPpidRecapRow *out,
                            GError          **error)
{
  g_autoptr(GPtrArray) requests = NULL;
  g_autoptr(TamuCalendar) calendar = NULL;
  g_autoptr(TamuPpidRecap) recap = NULL;

  g_return_val_if_fail (TAMU_IS_STORE (store), FALSE);
  g_return_val_if_fail (month >= 1 && month <= 12, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  calendar = tamu_store_load_calendar (store, error);
  if (calendar == NULL)
    return FALSE;
  requests = list_received (store, year, month, month, error);
  if (requests == NULL)
    return FALSE;
  recap = tamu_ppid_recap_new (year, requests, calendar);
  *out = recap->months[month - 1];
  return TRUE;
}

gboolean
tamu_ppid_count_received (TamuStore *store,
                          int        year,
                          int        month,
                          int       *out_count,
                          GError   **error)
{
  g_autoptr(GPtrArray) requests = NULL;

  g_return_val_if_fail (TAMU_IS_STORE (store), FALSE);
  g_return_val_if_fail (month >= 1 && month <= 12, FALSE);

  requests = list_received (store, year, month, month, error);
  if (requests == NULL)
    return FALSE;
  *out_count = (int) requests->len;
  return TRUE;
}

/* ---- text ---------------------------------------------------------- */

static void
append_cells (GString     *out,
              const char  *first,
              const char **cells,
              const int   *widths,
              guint        n)
{
  /* Widths count characters, not bytes: month names are ASCII but the
   * translated headers may not be. */
  g_string_append (out, first);
  for (glong pad = 10 - g_utf8_strlen (first, -1); pad > 0; pad--)
    g_string_append_c (out, ' ');
  for (guint i = 0; i < n; i++)
    {
      glong len = g_utf8_strlen (cells[i], -1);

      g_string_append_c (out, ' ');
      for (glong pad = widths[i] - len; pad > 0; pad--)
        g_string_append_c (out, ' ');
      g_string_append (out, cells[i]);
    }
  g_string_append_c (out, '\n');
}

#define N_VALUES 10

static void
row_values (const TamuPpidRecapRow *row,
            char                  **values)
{
  values[0] = g_strdup_printf ("%d", row->received);
  values[1] = tamu_ppid_format_average (tamu_ppid_recap_row_get_average (row));
  values[2] = g_strdup_printf ("%d", row->granted);
  values[3] = g_strdup_printf ("%d", row->partial);
  values[4] = g_strdup_printf ("%d", row->refused_exempt);
  values[5] = g_strdup_printf ("%d", row->refused_not_held);
  values[6] = g_strdup_printf ("%d", row->refused_not_documented);
  values[7] = g_strdup_printf ("%d", row->objections);
  values[8] = g_strdup_printf ("%d", row->disputes);
  values[9] = g_strdup_printf ("%d", row->open);
}

char *
tamu_ppid_recap_to_text (const TamuPpidRecap *self)
{
  const char *headers[N_VALUES] = {
    /* Translators: column headers of the PPID recap; keep them short. */
    _("Received"), _("Avg days"), _("Granted"), _("Partial"), _("Exempt"),
    _("Not held"), _("Not doc."), _("Objections"), _("Disputes"), _("Open"),
  };
  int widths[N_VALUES];
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < N_VALUES; i++)
    widths[i] = MAX (5, (int) g_utf8_strlen (headers[i], -1));

  g_string_append_printf (out, _("Public information requests, %d"), self->year);
  g_string_append (out, "\n");
  append_cells (out, _("Month"), headers, widths, N_VALUES);
  for (int m = 0; m <= 12; m++)
    {
      const TamuPpidRecapRow *row = m < 12 ? &self->months[m] : &self->totals;
      char *values[N_VALUES];

      row_values (row, values);
      append_cells (out, m < 12 ? tamu_month_name_indonesian (m + 1) : _("Total"),
                    (const char **) values, widths, N_VALUES);
      for (guint i = 0; i < N_VALUES; i++)
        g_free (values[i]);
    }
  return g_string_free (out, FALSE);
}

/* ---- JSON ---------------------------------------------------------- */

static void
append_json_row (GString                *out,
                 const TamuPpidRecapRow *row,
                 const char             *indent)
{
  double average = tamu_ppid_recap_row_get_average (row);

  if (row->month > 0)
    g_string_append_printf (out, "%s{\"month\": \"%04d-%02d\"", indent, row->year, row->month);
  else
    g_string_append_printf (out, "{\"month\": \"total\"");
  g_string_append_printf (out, ", \"received\": %d", row->received);
  if (isnan (average))
    g_string_append (out, ", \"average_service_days\": null");
  else
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      /* Rounded as printed: 6.93, not 6.9266…; "C" locale decimal point. */
      g_string_append_printf (out, ", \"average_service_days\": %s",
                              g_ascii_formatd (buffer, sizeof buffer, "%.2f", average));
    }
  g_string_append_printf (out,
                          ", \"granted\": %d, \"partial\": %d, \"refused_exempt\": %d,"
                          " \"refused_not_held\": %d, \"refused_not_documented\": %d,"
                          " \"objections\": %d, \"disputes\": %d, \"answered\": %d,"
                          " \"service_days\": %d, \"late\": %d, \"withdrawn\": %d, \"open\": %d}",
                          row->granted, row->partial, row->refused_exempt,
                          row->refused_not_held, row->refused_not_documented,
                          row->objections, row->disputes, row->answered,
                          row->service_days, row->late, row->withdrawn, row->open);
}

char *
tamu_ppid_recap_to_json (const TamuPpidRecap *self)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (self != NULL, NULL);

  g_string_append_printf (out, "{\"year\": %d, \"months\": [\n", self->year);
  for (int m = 0; m < 12; m++)
    {
      append_json_row (out, &self->months[m], "  ");
      g_string_append (out, m < 11 ? ",\n" : "\n");
    }
  g_string_append (out, "], \"totals\": ");
  append_json_row (out, &self->totals, "");
  g_string_append (out, "}\n");
  return g_string_free (out, FALSE);
}

/* ---- CSV ----------------------------------------------------------- */

char *
tamu_ppid_recap_to_csv (const TamuPpidRecap *self)
{
  static const char * const header[] = {
    "month", "received", "average_service_days", "granted", "partial",
    "refused_exempt", "refused_not_held", "refused_not_documented",
    "objections", "disputes", "open",
  };
  GString *out = g_string_new (TAMU_CSV_BOM);

  g_return_val_if_fail (self != NULL, NULL);

  /* Machine names in the header, so that a script and a person read the
   * same file; months as 2024-03 sort and filter in Excel. */
  tamu_csv_append_row (out, header, G_N_ELEMENTS (header), ';');
  for (int m = 0; m <= 12; m++)
    {
      const TamuPpidRecapRow *row = m < 12 ? &self->months[m] : &self->totals;
      char *values[N_VALUES + 1];

      values[0] = m < 12 ? g_strdup_printf ("%04d-%02d", self->year, m + 1) : g_strdup ("total");
      row_values (row, values + 1);
      if (g_str_equal (values[2], "-"))
        values[2][0] = '\0';
      tamu_csv_append_row (out, (const char * const *) values, G_N_ELEMENTS (values), ';');
      for (guint i = 0; i < G_N_ELEMENTS (values); i++)
        g_free (values[i]);
    }
  return g_string_free (out, FALSE);
}
