/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tamu-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tamu-booking-csv.h"
#include "tamu-clock.h"
#include "tamu-data.h"
#include "tamu-demo.h"
#include "tamu-error.h"
#include "tamu-store.h"

gboolean
tamu_demo_store_is_empty (TamuStore *store)
{
  gint64 count = 0;

  /* Deleted bookings count: a database someone worked in is not offered the demo. */
  return tamu_store_count_records (store, TAMU_TABLE_BOOKINGS, &count, NULL) && count == 0;
}

gboolean
tamu_demo_load (TamuStore *store,
                GError   **error)
{
  g_autoptr(GBytes) bytes = tamu_data_load ("demo-2024-03.csv");
  g_autoptr(GPtrArray) topics = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  TamuBookingCsv *csv;
  gboolean ok;
  GDate today;
  gsize length;
  const char *data;

  g_return_val_if_fail (TAMU_IS_STORE (store), FALSE);

  if (bytes == NULL)
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_FAILED, _("demo: the demo data is missing"));
      return FALSE;
    }

  topics = tamu_store_load_topics (store, error);
  if (topics == NULL)
    return FALSE;

  /* The demo is a month that happened: its visits are records of what was
   * done, even when TAMU_NOW puts "today" inside that month for a demo. */
  tamu_clock_today (&today);
  {
    GDate after_demo;

    g_date_clear (&after_demo, 1);
    g_date_set_dmy (&after_demo, 1, G_DATE_APRIL, 2024);
    if (g_date_compare (&today, &after_demo) < 0)
      today = after_demo;
  }
  data = g_bytes_get_data (bytes, &length);
  csv = tamu_booking_csv_parse (data, length, topics, &today, error);
  if (csv == NULL)
    return FALSE;

  if (csv->problems->len > 0)
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_FAILED, _("demo: %s"),
                   (const char *) g_ptr_array_index (csv->problems, 0));
      tamu_booking_csv_free (csv);
      return FALSE;
    }

  ok = tamu_store_import_bookings (store, csv->rows, (const guint *) csv->line_numbers->data,
                                   FALSE, NULL, problems, error);
  if (!ok && problems->len > 0)
    g_prefix_error (error, "%s: ", (const char *) g_ptr_array_index (problems, 0));
  tamu_booking_csv_free (csv);
  return ok;
}
