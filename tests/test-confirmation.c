/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "tamu-confirmation.h"
#include "tamu-error.h"
#include "tamu-parse.h"
#include "tamu-regions.h"
#include "tamu-store-confirmation.h"

/* The guests' confirmation: dates, the three zones, room or link, the limit. */

static TamuBooking *
make_booking (TamuBookingType type,
              const char     *daerah,
              const char     *time)
{
  TamuBooking *booking = tamu_booking_new ();
  const TamuRegion *region = tamu_regions_match (daerah);

  booking->type = type;
  g_assert_true (tamu_parse_date ("date", "2024-03-20", &booking->date, NULL));
  g_assert_true (tamu_parse_time ("time", time, &booking->start, NULL));
  booking->duration = 60;
  booking->daerah = g_strdup (daerah);
  booking->region_code = region != NULL ? g_strdup (region->code) : NULL;
  g_strfreev (booking->topics);
  booking->topics = g_strsplit ("DAU,DAK Non Fisik", ",", -1);
  booking->guests = type == TAMU_BOOKING_TATAP_MUKA ? 3 : 0;
  return booking;
}

static TamuConfirmation *
render (const TamuBooking *booking,
        const char        *template)
{
  g_autoptr(TamuPolicy) policy = tamu_policy_new_default ();
  g_autoptr(GError) error = NULL;
  TamuConfirmation *confirmation = tamu_confirmation_render (booking, policy, template, &error);

  g_assert_no_error (error);
  g_assert_nonnull (confirmation);
  return confirmation;
}

static void
test_visit_wib (void)
{
  g_autoptr(TamuBooking) booking = make_booking (TAMU_BOOKING_TATAP_MUKA, "Kab. Bandung", "09:00");
  g_autoptr(TamuConfirmation) c = NULL;

  booking->room = g_strdup ("Ruang Konsultasi 2");
  booking->contact = g_strdup ("Pak Budi");
  booking->guest_limit = 5;
  c = render (booking, NULL);

  g_assert_nonnull (strstr (c->body, "Yth. Pak Budi,"));
  g_assert_nonnull (strstr (c->body, "Hari, tanggal: Rabu, 20 Maret 2024\n"));
  /* Same zone as the office: one time, not "09:00 WIB / 09:00 WIB". */
  g_assert_nonnull (strstr (c->body, "Waktu: 09:00 WIB\n"));
  g_assert_nonnull (strstr (c->body, "Tempat: Ruang Konsultasi 2\n"));
  g_assert_nonnull (strstr (c->body, "Topik: DAU, DAK Non Fisik\n"));
  g_assert_nonnull (strstr (c->body, "maksimal 5 orang"));
  g_assert_nonnull (strstr (c->body, "tidak dapat kami terima"));
  g_assert_nonnull (strstr (c->body, "150420"));
  g_assert_null (strchr (c->body, '{'));
  g_assert_cmpstr (c->subject, ==, "Konfirmasi konsultasi tatap muka DJPK: Rabu, 20 Maret 2024, 09:00 WIB");
  g_assert_null (c->to);
}

static void
test_limit_in_force (void)
{
  g_autoptr(TamuBooking) booking = make_booking (TAMU_BOOKING_TATAP_MUKA, "Kab. Bandung", "09:00");
  g_autoptr(TamuConfirmation) c = NULL;

  /* The limit stored on the booking wins over today's setting. */
  booking->guest_limit = 7;
  c = render (booking, "{batas_tamu} ({jumlah_tamu})");
  g_assert_cmpstr (c->body, ==, "maksimal 7 orang (3 orang)");
}

static void
test_vidcon_wita (void)
{
  g_autoptr(TamuBooking) booking = make_booking (TAMU_BOOKING_VIDCON, "Kota Tomohon", "10:00");
  g_autoptr(TamuConfirmation) c = NULL;

  booking->link = g_strdup ("https://teams.microsoft.com/l/meetup-join/abc");
  booking->email = g_strdup ("budi@tomohonkota.go.id");
  c = render (booking, NULL);

  g_assert_nonnull (strstr (c->body, "Waktu: 10:00 WIB / 11:00 WITA\n"));
  g_assert_nonnull (strstr (c->body, "Tempat: Microsoft Teams, https://teams.microsoft.com/l/meetup-join/abc\n"));
  g_assert_nonnull (strstr (c->body, "video conference Kota Tomohon"));
  /* No guest limit for a video conference: its line is left out. */
  g_assert_null (strstr (c->body, "Jumlah tamu"));
  g_assert_null (strstr (c->body, "maksimal"));
  g_assert_nonnull (strstr (c->body, "Yth. Bapak/Ibu,"));
  g_assert_cmpstr (c->to, ==, "budi@tomohonkota.go.id");
}

static void
test_zones (void)
{
  struct { const char *daerah; const char *expected; } cases[] = {
    { "Kota Jayapura", "10:00 WIB / 12:00 WIT|12:00 WIT|WIT" },
    { "Kota Makassar", "10:00 WIB / 11:00 WITA|11:00 WITA|WITA" },
    { "Kota Pontianak", "10:00 WIB|10:00 WIB|WIB" },
    { "Bank Kalbar", "10:00 WIB|10:00 WIB|WIB" }, /* not a region: office time */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(TamuBooking) booking = make_booking (TAMU_BOOKING_VIDCON, cases[i].daerah, "10:00");
      g_autoptr(TamuConfirmation) c = render (booking, "{jam}|{jam_lokal}|{zona}");

      g_assert_cmpstr (c->body, ==, cases[i].expected);
    }
}

static void
test_late_evening_wraps (void)
{
  g_autoptr(TamuBooking) booking = make_booking (TAMU_BOOKING_VIDCON, "Kota Jayapura", "22:30");
  g_autoptr(TamuConfirmation) c = render (booking, "{jam_wib} → {jam_lokal}");

  g_assert_cmpstr (c->body, ==, "22:30 WIB → 00:30 WIT");
}

static void
test_room_and_link_fallbacks (void)
{
  g_autoptr(TamuBooking) visit = make_booking (TAMU_BOOKING_TATAP_MUKA, "Kab. Bandung", "09:00");
  g_autoptr(TamuBooking) vidcon = make_booking (TAMU_BOOKING_VIDCON, "Kab. Bandung", "09:00");
  g_autoptr(TamuConfirmation) a = render (visit, "{ruang_atau_tautan}");
  g_autoptr(TamuConfirmation) b = render (vidcon, "{ruang_atau_tautan}");

  g_assert_cmpstr (a->body, ==, "Ruang Konsultasi DJPK");
  g_assert_cmpstr (b->body, ==, "Microsoft Teams (tautan akan kami kirimkan)");
}

static void
test_unknown_placeholders_refused (void)
{
  g_autoptr(TamuPolicy) policy = tamu_policy_new_default ();
  g_autoptr(TamuBooking) booking = make_booking (TAMU_BOOKING_TATAP_MUKA, "Kab. Bandung", "09:00");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = g_strdup (policy->confirmation_template);

  g_assert_false (tamu_confirmation_check_template ("confirmation-template",
                                                    "Hari {hari}, {tanggal}, di {ruang} {hari}", &error));
  g_assert_error (error, TAMU_ERROR, TAMU_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "confirmation-template: unknown placeholders {hari}, {ruang} ("));
  g_clear_error (&error);

  /* Through the setting: refused, and the template in force is unchanged. */
  g_assert_false (tamu_policy_apply_setting (policy, "confirmation-template", "Jam {jam_wita}", NULL, &error));
  g_assert_nonnull (strstr (error->message, "{jam_wita}"));
  g_assert_cmpstr (policy->confirmation_template, ==, before);
  g_clear_error (&error);

  g_assert_false (tamu_policy_apply_setting (policy, "confirmation-template", "  \n ", NULL, &error));
  g_assert_true (g_str_has_prefix (error->message, "confirmation-template: "));
  g_clear_error (&error);

  g_assert_null (tamu_confirmation_render (booking, policy, "{nama}", &error));
  g_assert_nonnull (strstr (error->message, "{nama}"));
  g_clear_error (&error);

  /* Braces that are not a placeholder stay as written. */
  g_assert_true (tamu_policy_apply_setting (policy, "confirmation-template", "{ } {tanggal} {", NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr(TamuConfirmation) c = render (booking, policy->confirmation_template);

    g_assert_cmpstr (c->body, ==, "{ } Rabu, 20 Maret 2024 {");
  }
}

static void
test_contact_phone_setting (void)
{
  g_autoptr(TamuPolicy) policy = tamu_policy_new_default ();
  g_autoptr(GError) error = NULL;
  g_autofree char *normalized = NULL;

  g_assert_true (tamu_policy_apply_setting (policy, "contact-phone", " (021) 150420 ", &normalized, &error));
  g_assert_cmpstr (normalized, ==, "(021) 150420");
  g_assert_cmpstr (policy->contact_phone, ==, "(021) 150420");
  g_assert_false (tamu_policy_apply_setting (policy, "contact-phone", "021\n\033[2J", NULL, &error));
  g_assert_true (g_str_has_prefix (error->message, "contact-phone: "));
  g_clear_error (&error);
  g_assert_false (tamu_policy_apply_setting (policy, "contact-phone", "", NULL, &error));
  g_assert_cmpstr (policy->contact_phone, ==, "(021) 150420");
}

static void
test_mailto (void)
{
  g_autoptr(TamuBooking) booking = make_booking (TAMU_BOOKING_TATAP_MUKA, "Kab. Bandung", "09:00");
  g_autoptr(TamuConfirmation) c = NULL;
  g_autofree char *uri = NULL;

  booking->email = g_strdup ("budi+dinas@bandungkab.go.id");
  c = render (booking, "Baris 1 & 2?\nBaris #3 = 100%");
  uri = tamu_confirmation_dup_mailto (c);

  g_assert_cmpstr (uri, ==,
                   "mailto:budi%2Bdinas@bandungkab.go.id"
                   "?subject=Konfirmasi%20konsultasi%20tatap%20muka%20DJPK%3A%20Rabu%2C%2020%20Maret%202024%2C%2009%3A00%20WIB"
                   "&body=Baris%201%20%26%202%3F%0D%0ABaris%20%233%20%3D%20100%25");
}

static void
test_policy_copy_keeps_template (void)
{
  g_autoptr(TamuPolicy) policy = tamu_policy_new_default ();
  g_autoptr(TamuPolicy) copy = NULL;

  g_assert_true (tamu_policy_apply_setting (policy, "confirmation-template", "{tanggal}", NULL, NULL));
  copy = tamu_policy_copy (policy);
  g_assert_cmpstr (copy->confirmation_template, ==, "{tanggal}");
  g_assert_true (copy->confirmation_template != policy->confirmation_template);
  g_assert_nonnull (strstr (tamu_policy_find_setting ("confirmation-template")->default_value, "{batas_tamu}"));
}

/* The store verb: an audit row "confirmation" with its channel and actor, in a real database file. */
static void
test_store_records_confirmation (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tamu-confirmation-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "tamu.db", NULL);
  g_autoptr(TamuStore) store = NULL;
  g_autoptr(TamuBooking) draft = make_booking (TAMU_BOOKING_TATAP_MUKA, "Kab. Bandung", "09:00");
  g_autoptr(TamuBooking) stored = NULL;
  g_autoptr(GPtrArray) history = NULL;
  TamuAuditEntry *last;
  guint before;

  g_setenv ("TAMU_NOW", "2024-03-01T08:00", TRUE);
  store = tamu_store_open (path, &error);
  g_assert_no_error (error);
  tamu_store_set_actor (store, "siti");
  stored = tamu_store_add_booking (store, draft, NULL, &error);
  g_assert_no_error (error);
  history = tamu_store_list_history (store, "booking", stored->id, &error);
  g_assert_no_error (error);
  before = history->len;
  g_clear_pointer (&history, g_ptr_array_unref);

  g_assert_true (tamu_store_record_confirmation (store, stored->id, "email", &error));
  g_assert_no_error (error);
  history = tamu_store_list_history (store, "booking", stored->id, &error);
  g_assert_cmpuint (history->len, ==, before + 1);
  last = g_ptr_array_index (history, history->len - 1);
  g_assert_cmpstr (last->action, ==, "confirmation");
  g_assert_cmpstr (last->actor, ==, "siti");
  g_assert_cmpstr (last->field, ==, "channel");
  g_assert_cmpstr (last->new_value, ==, "email");
  g_assert_nonnull (last->at);

  g_assert_false (tamu_store_record_confirmation (store, stored->id, "fax", &error));
  g_assert_true (g_str_has_prefix (error->message, "channel: "));
  g_clear_error (&error);
  g_assert_false (tamu_store_record_confirmation (store, stored->id + 100, "copy", &error));
  g_assert_error (error, TAMU_ERROR, TAMU_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_ptr_array_unref (history);
  history = tamu_store_list_history (store, "booking", stored->id, NULL);
  g_assert_cmpuint (history->len, ==, before + 1);

  g_clear_object (&store);
  for (const char * const *suffix = (const char * const[]) { "", "-wal", "-shm", NULL }; *suffix != NULL; suffix++)
    {
      g_autofree char *file = g_strconcat (path, *suffix, NULL);

      g_unlink (file);
    }
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/confirmation/visit-wib", test_visit_wib);
  g_test_add_func ("/confirmation/limit-in-force", test_limit_in_force);
  g_test_add_func ("/confirmation/vidcon-wita", test_vidcon_wita);
  g_test_add_func ("/confirmation/zones", test_zones);
  g_test_add_func ("/confirmation/late-evening-wraps", test_late_evening_wraps);
  g_test_add_func ("/confirmation/room-and-link-fallbacks", test_room_and_link_fallbacks);
  g_test_add_func ("/confirmation/unknown-placeholders-refused", test_unknown_placeholders_refused);
  g_test_add_func ("/confirmation/contact-phone-setting", test_contact_phone_setting);
  g_test_add_func ("/confirmation/mailto", test_mailto);
  g_test_add_func ("/confirmation/policy-copy-keeps-template", test_policy_copy_keeps_template);
  g_test_add_func ("/confirmation/store-records-confirmation", test_store_records_confirmation);

  return g_test_run ();
}
