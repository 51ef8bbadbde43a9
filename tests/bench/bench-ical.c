/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <time.h>

#include "tamu-ical.h"

/*
 * Export and import throughput: 10,000 bookings written as one calendar,
 * then read back by the invitation importer (libical plus zone conversion
 * and the region and topic matchers).  Prints events per second; the
 * figures go into the notes, the benchmark never fails on time.
 *
 *   bench-ical [N]
 */

int
main (int    argc,
      char **argv)
{
  int n = argc > 1 ? atoi (argv[1]) : 10000;
  g_autoptr(GPtrArray) bookings = g_ptr_array_new_with_free_func ((GDestroyNotify) tamu_booking_unref);
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  static const char *daerah[] = { "Kab. Bandung", "Kota Tomohon", "Kab. Jepara", "Prov. Jawa Timur",
                                  "Sumatera Utara — Ñ ž 😀" };
  gsize length = 0;
  gint64 t0, t1, t2;
  clock_t c0, c1, c2;

  g_setenv ("TAMU_NOW", "2024-03-01T08:00", TRUE);
  for (int i = 0; i < n; i++)
    {
      TamuBooking *b = tamu_booking_new ();

      b->id = i + 1;
      b->uid = tamu_booking_new_uid ();
      b->sequence = i % 4;
      b->type = i % 3 ? TAMU_BOOKING_TATAP_MUKA : TAMU_BOOKING_VIDCON;
      g_date_set_dmy (&b->date, 1, G_DATE_JANUARY, 2020);
      g_date_add_days (&b->date, i / 8);
      b->start = 8 * 60 + (i % 8) * 60;
      b->duration = 60;
      b->daerah = g_strdup (daerah[i % G_N_ELEMENTS (daerah)]);
      g_strfreev (b->topics);
      b->topics = g_strsplit (i % 2 ? "TKD,DAU" : "DAK Non Fisik", ",", -1);
      b->guests = 1 + i % 5;
      b->guest_limit = 5;
      b->status = TAMU_STATUS_CONFIRMED;
      b->contact = g_strdup_printf ("Kontak %d, Bagian Keuangan; Sub-bagian\\Anggaran", i);
      b->phone = g_strdup ("0812-3456-7890");
      b->ticket = g_strdup_printf ("#%d", 40000 + i);
      b->pic = g_strdup ("Agus");
      b->notes = g_strdup ("Membawa dokumen APBD\nPerlu ruang dengan proyektor");
      if (b->type == TAMU_BOOKING_VIDCON)
        b->link = g_strdup_printf ("https://teams.microsoft.com/l/meetup-join/19%%3ameeting_%d%%40thread.v2/0", i);
      else
        b->room = g_strdup ("Ruang Konsultasi 1");
      g_ptr_array_add (bookings, b);
    }

  t0 = g_get_monotonic_time ();
  c0 = clock ();
  text = tamu_ical_export_bookings (bookings, 15, &length);
  t1 = g_get_monotonic_time ();
  c1 = clock ();
  drafts = tamu_ical_import_invitation (text, length, NULL, NULL, &error);
  t2 = g_get_monotonic_time ();
  c2 = clock ();
  if (drafts == NULL)
    g_error ("import: %s", error->message);
  if (drafts->len != (guint) n)
    g_error ("import: %u events, expected %d", drafts->len, n);

  g_print ("bench-ical: %d events, %.1f MiB of iCalendar\n", n, length / (1024.0 * 1024.0));
  /* Wall time and CPU time: on a shared, loaded machine the second is the
   * steadier figure. */
  g_print ("export: %.0f ms wall, %.0f events/s; %.0f ms CPU, %.0f events/s\n",
           (t1 - t0) / 1000.0, n / ((t1 - t0) / 1e6),
           (c1 - c0) * 1000.0 / CLOCKS_PER_SEC, n / ((double) (c1 - c0) / CLOCKS_PER_SEC));
  g_print ("import: %.0f ms wall, %.0f events/s; %.0f ms CPU, %.0f events/s\n",
           (t2 - t1) / 1000.0, n / ((t2 - t1) / 1e6),
           (c2 - c1) * 1000.0 / CLOCKS_PER_SEC, n / ((double) (c2 - c1) / CLOCKS_PER_SEC));
  return 0;
}
