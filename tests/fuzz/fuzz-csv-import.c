/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tamu-booking-csv.h"
#include "tamu-topics.h"

/*
 * libFuzzer target over the CSV importer: whatever the bytes, it returns rows
 * and problems or one error, never crashes, hangs or leaks.  And the
 * property the README promises, "an export imports again": a file whose
 * every row parses is written back with the export code and parsed again,
 * and the rows must come back the same; anything else aborts, so libFuzzer
 * keeps the input.  Built with -Dfuzzing=true and clang; see
 * tests/fuzz/meson.build.
 */

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
differ (guint       row,
        const char *field)
{
  g_printerr ("fuzz-csv-import: row %u: %s differs after export and import\n", row, field);
  abort ();
}

static void
same_text (guint       row,
           const char *field,
           const char *a,
           const char *b)
{
  if (g_strcmp0 (a, b) != 0)
    differ (row, field);
}

static void
same_booking (guint              row,
              const TamuBooking *a,
              const TamuBooking *b)
{
  if (a->type != b->type)
    differ (row, "type");
  if (g_date_valid (&a->date) != g_date_valid (&b->date) ||
      (g_date_valid (&a->date) && g_date_compare (&a->date, &b->date) != 0))
    differ (row, "date");
  if (a->start != b->start)
    differ (row, "time");
  if (a->duration != b->duration)
    differ (row, "duration");
  if (a->guests != b->guests)
    differ (row, "guests");
  if (a->actual_guests != b->actual_guests)
    differ (row, "actual_guests");
  if (a->status != b->status)
    differ (row, "status");
  if (!g_strv_equal ((const char * const *) a->topics, (const char * const *) b->topics))
    differ (row, "topic");
  same_text (row, "daerah", a->daerah, b->daerah);
  same_text (row, "room", a->room, b->room);
  same_text (row, "instansi", a->instansi, b->instansi);
  same_text (row, "contact", a->contact, b->contact);
  same_text (row, "phone", a->phone, b->phone);
  same_text (row, "email", a->email, b->email);
  same_text (row, "ticket", a->ticket, b->ticket);
  same_text (row, "pic", a->pic, b->pic);
  same_text (row, "link", a->link, b->link);
  same_text (row, "notes", a->notes, b->notes);
  same_text (row, "override_reason", a->override_reason, b->override_reason);
  same_text (row, "cancel_reason", a->cancel_reason, b->cancel_reason);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static GPtrArray *topics;
  static GDate today;
  TamuBookingCsv *first;
  TamuBookingCsv *again;
  GError *error = NULL;
  char *exported;

  if (topics == NULL)
    {
      g_setenv ("TAMU_NOW", "2024-03-01T08:00", TRUE);
      topics = tamu_topics_new_default ();
      g_date_clear (&today, 1);
      g_date_set_dmy (&today, 1, 3, 2024);
    }

  first = tamu_booking_csv_parse ((const char *) data, size, topics, &today, &error);
  g_assert ((first == NULL) == (error != NULL));
  if (first == NULL)
    {
      g_clear_error (&error);
      return 0;
    }
  g_assert (first->rows->len == first->line_numbers->len);

  if (first->problems->len > 0 || first->rows->len == 0)
    {
      tamu_booking_csv_free (first);
      return 0;
    }

  /* An export must import again, in either separator. */
  exported = tamu_booking_csv_write_full (first->rows, TRUE, tamu_booking_csv_get_separator (first));
  again = tamu_booking_csv_parse (exported, strlen (exported), topics, &today, &error);
  if (again == NULL)
    {
      g_printerr ("fuzz-csv-import: the export does not import again: %s\n", error->message);
      abort ();
    }
  if (again->problems->len > 0)
    {
      g_printerr ("fuzz-csv-import: the export imports with problems: %s\n",
                  (const char *) g_ptr_array_index (again->problems, 0));
      abort ();
    }
  if (again->rows->len != first->rows->len)
    {
      g_printerr ("fuzz-csv-import: %u rows became %u\n", first->rows->len, again->rows->len);
      abort ();
    }
  for (guint i = 0; i < first->rows->len; i++)
    same_booking (i, g_ptr_array_index (first->rows, i), g_ptr_array_index (again->rows, i));

  tamu_booking_csv_free (again);
  g_free (exported);
  tamu_booking_csv_free (first);
  return 0;
}
