/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib.h>
#include <string.h>

#include "tamu-regions.h"

/* @text must give the region with @code; @code NULL: no region at all. */
static void
check_region (const char       *what,
              const char       *text,
              const TamuRegion *region,
              const char       *code)
{
  if (code == NULL && region != NULL)
    g_error ("%s \"%s\": expected nothing, got %s (%s)", what, text, region->code,
             region->short_name);
  if (code != NULL && region == NULL)
    g_error ("%s \"%s\": expected %s, got nothing", what, text, code);
  if (code != NULL && strcmp (region->code, code) != 0)
    g_error ("%s \"%s\": expected %s, got %s (%s)", what, text, code, region->code,
             region->short_name);
}

static void
assert_match (const char *text,
              const char *code)
{
  check_region ("match", text, tamu_regions_match (text), code);
}

static void
assert_suggest (const char *text,
                const char *code)
{
  check_region ("suggest", text, tamu_regions_suggest (text), code);
}

static gpointer
match_in_thread (gpointer user_data)
{
  const TamuRegion *region = tamu_regions_match (user_data);

  /* Suggestions share a cache between threads: fill and read it at once. */
  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *typo = g_strdup_printf ("Kab. Cilacep %u", i % 50);

      g_assert_null (tamu_regions_suggest (typo));
      g_assert_cmpstr (tamu_regions_suggest ("Kab. Lamogan")->code, ==, "35.24");
    }
  return (gpointer) region;
}

/* Runs first: several threads racing to load the list must all see it whole. */
static void
test_threads_first_use (void)
{
  GThread *threads[8];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("match", match_in_thread,
                               (gpointer) (i % 2 ? "Kab. Cilacap" : "Kota Tomohon"));
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    {
      const TamuRegion *region = g_thread_join (threads[i]);

      g_assert_nonnull (region);
      g_assert_cmpstr (region->code, ==, i % 2 ? "33.01" : "71.73");
    }
}

static void
test_list_counts (void)
{
  guint n = 0;
  const TamuRegion *all = tamu_regions_get_all (&n);
  guint counts[3] = { 0 };

  g_assert_cmpuint (n, ==, 552);
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpint (all[i].kind, >=, TAMU_REGION_PROVINCE);
      g_assert_cmpint (all[i].kind, <=, TAMU_REGION_KOTA);
      counts[all[i].kind]++;
    }
  g_assert_cmpuint (counts[TAMU_REGION_PROVINCE], ==, 38);
  g_assert_cmpuint (counts[TAMU_REGION_KABUPATEN], ==, 416);
  g_assert_cmpuint (counts[TAMU_REGION_KOTA], ==, 98);
}

static void
test_list_order_and_fields (void)
{
  guint n = 0;
  const TamuRegion *all = tamu_regions_get_all (&n);

  for (guint i = 0; i < n; i++)
    {
      const TamuRegion *r = &all[i];
      const TamuRegion *province;

      /* Provinces first, then kabupaten/kota by code. */
      g_assert_cmpint (r->kind == TAMU_REGION_PROVINCE, ==, i < 38);
      if (i > 0 && i != 38)
        g_assert_cmpint (strcmp (all[i - 1].code, r->code), <, 0);

      g_assert_true (g_str_has_prefix (r->code, r->province_code));
      province = tamu_regions_lookup_code (r->province_code);
      g_assert_nonnull (province);
      g_assert_cmpint (province->kind, ==, TAMU_REGION_PROVINCE);
      g_assert_cmpstr (province->province_name, ==, r->province_name);
      g_assert_cmpstr (province->timezone, ==, r->timezone);

      switch (r->kind)
        {
        case TAMU_REGION_PROVINCE:
          g_assert_cmpstr (r->code, ==, r->province_code);
          g_assert_true (g_str_has_prefix (r->short_name, "Prov. "));
          g_assert_true (g_str_has_prefix (r->name, "Provinsi "));
          break;
        case TAMU_REGION_KABUPATEN:
          g_assert_cmpuint (strlen (r->code), ==, 5);
          g_assert_true (g_str_has_prefix (r->short_name, "Kab. "));
          g_assert_true (g_str_has_prefix (r->name, "Kabupaten "));
          break;
        case TAMU_REGION_KOTA:
          g_assert_cmpuint (strlen (r->code), ==, 5);
          g_assert_true (g_str_has_prefix (r->short_name, "Kota "));
          g_assert_true (g_str_has_prefix (r->name, "Kota "));
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

static void
test_lookup_code (void)
{
  const TamuRegion *r = tamu_regions_lookup_code ("33.01");

  g_assert_nonnull (r);
  g_assert_cmpstr (r->name, ==, "Kabupaten Cilacap");
  g_assert_cmpstr (r->short_name, ==, "Kab. Cilacap");
  g_assert_cmpint (r->kind, ==, TAMU_REGION_KABUPATEN);
  g_assert_cmpstr (r->province_code, ==, "33");
  g_assert_cmpstr (r->province_name, ==, "Jawa Tengah");
  g_assert_cmpstr (r->timezone, ==, "Asia/Jakarta");

  r = tamu_regions_lookup_code ("35");
  g_assert_nonnull (r);
  g_assert_cmpstr (r->short_name, ==, "Prov. Jawa Timur");
  g_assert_cmpint (r->kind, ==, TAMU_REGION_PROVINCE);

  g_assert_cmpstr (tamu_regions_lookup_code ("14.72")->short_name, ==, "Kota Dumai");
  g_assert_cmpstr (tamu_regions_lookup_code ("31")->short_name, ==, "Prov. DKI Jakarta");
  g_assert_cmpstr (tamu_regions_lookup_code ("34")->short_name, ==, "Prov. DI Yogyakarta");
  g_assert_cmpstr (tamu_regions_lookup_code ("31.71")->short_name, ==, "Kota Jakarta Pusat");
  g_assert_cmpstr (tamu_regions_lookup_code (" 33.01 ")->code, ==, "33.01");

  g_assert_null (tamu_regions_lookup_code ("33.99"));
  g_assert_null (tamu_regions_lookup_code ("99"));
  g_assert_null (tamu_regions_lookup_code (""));
  g_assert_null (tamu_regions_lookup_code ("Kab. Cilacap"));
}

static void
test_timezone_samples (void)
{
  static const struct
  {
    const char *code;
    const char *zone;
    const char *abbreviation;
    int         offset;
  } samples[] = {
    { "33.01", "Asia/Jakarta", "WIB", 420 },   /* Kab. Cilacap */
    { "11", "Asia/Jakarta", "WIB", 420 },      /* Aceh */
    { "21.71", "Asia/Jakarta", "WIB", 420 },   /* Kota Batam */
    { "61.71", "Asia/Pontianak", "WIB", 420 }, /* Kota Pontianak */
    { "62", "Asia/Pontianak", "WIB", 420 },    /* Kalimantan Tengah */
    { "51", "Asia/Makassar", "WITA", 480 },    /* Bali */
    { "64.72", "Asia/Makassar", "WITA", 480 }, /* Kota Samarinda */
    { "71.73", "Asia/Makassar", "WITA", 480 }, /* Kota Tomohon */
    { "76", "Asia/Makassar", "WITA", 480 },    /* Sulawesi Barat */
    { "82.72", "Asia/Jayapura", "WIT", 540 },  /* Kota Tidore Kepulauan */
    { "91.71", "Asia/Jayapura", "WIT", 540 },  /* Kota Jayapura */
    { "96", "Asia/Jayapura", "WIT", 540 },     /* Papua Barat Daya */
  };

  for (gsize i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      const TamuRegion *r = tamu_regions_lookup_code (samples[i].code);

      g_assert_nonnull (r);
      g_assert_cmpstr (r->timezone, ==, samples[i].zone);
      g_assert_cmpstr (tamu_timezone_abbreviation (r->timezone), ==, samples[i].abbreviation);
      g_assert_cmpint (tamu_timezone_offset_minutes (r->timezone), ==, samples[i].offset);
    }

  /* Kota Tomohon at 10:00 WIB is 11:00 WITA for the guests. */
  g_assert_cmpint (10 * 60 + tamu_timezone_offset_minutes (tamu_regions_match ("Kota Tomohon")->timezone)
                     - tamu_timezone_offset_minutes ("Asia/Jakarta"),
                   ==, 11 * 60);

  g_assert_null (tamu_timezone_abbreviation ("Europe/Paris"));
  g_assert_null (tamu_timezone_abbreviation (NULL));
  g_assert_cmpint (tamu_timezone_offset_minutes ("UTC"), ==, 0);
  g_assert_cmpint (tamu_timezone_offset_minutes ("Not/A_Zone"), ==, 420);
}

/* Every row gets the zone DOMAIN.md gives its province code. */
static void
test_timezone_every_row (void)
{
  guint n = 0;
  const TamuRegion *all = tamu_regions_get_all (&n);

  for (guint i = 0; i < n; i++)
    {
      int p = atoi (all[i].province_code);
      const char *expected;

      if (p == 61 || p == 62)
        expected = "Asia/Pontianak";
      else if ((p >= 11 && p <= 19) || p == 21 || (p >= 31 && p <= 36))
        expected = "Asia/Jakarta";
      else if ((p >= 51 && p <= 53) || (p >= 63 && p <= 65) || (p >= 71 && p <= 76))
        expected = "Asia/Makassar";
      else if (p == 81 || p == 82 || (p >= 91 && p <= 96))
        expected = "Asia/Jayapura";
      else
        g_error ("%s: unexpected province code %d", all[i].code, p);

      g_assert_cmpstr (all[i].timezone, ==, expected);
      g_assert_nonnull (tamu_timezone_abbreviation (all[i].timezone));
    }
}

/* Every region is found by its short name and its official name, as written
 * and in upper and lower case. */
static void
test_match_every_row (void)
{
  guint n = 0;
  const TamuRegion *all = tamu_regions_get_all (&n);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *upper = g_utf8_strup (all[i].short_name, -1);
      g_autofree char *lower = g_utf8_strdown (all[i].name, -1);

      assert_match (all[i].short_name, all[i].code);
      assert_match (all[i].name, all[i].code);
      assert_match (upper, all[i].code);
      assert_match (lower, all[i].code);
      assert_suggest (all[i].short_name, all[i].code);
    }
}

static void
test_match_long_form (void)
{
  assert_match ("Kabupaten Cilacap", "33.01");
  assert_match ("Kab. Cilacap", "33.01");
  assert_match ("Kab Cilacap", "33.01");
  assert_match ("Provinsi Jawa Timur", "35");
  assert_match ("Prov. Jawa Timur", "35");
  assert_match ("Prov Jawa Timur", "35");
  assert_match ("Propinsi Jawa Timur", "35");
  assert_match ("Pemprov Jawa Timur", "35");
  assert_match ("Pemerintah Kabupaten Cilacap", "33.01");
  assert_match ("Pemkab Cilacap", "33.01");
  assert_match ("Pemkot Dumai", "14.72");
  assert_match ("Kota Dumai", "14.72");
  assert_match ("Kotamadya Dumai", "14.72");
  assert_match ("Kota Administrasi Jakarta Pusat", "31.71");
  assert_match ("Kota Adm. Jakarta Pusat", "31.71");
  assert_match ("Kota Jakarta Pusat", "31.71");
  assert_match ("Jakarta Pusat", "31.71");
  assert_match ("Kabupaten Administrasi Kepulauan Seribu", "31.01");
  assert_match ("Kab. Kepulauan Seribu", "31.01");
}

/* The regions named in DOMAIN.md, issue 2 and the March 2024 report. */
static void
test_match_domain_examples (void)
{
  assert_match ("Kab. Bandung", "32.04");
  assert_match ("Kab. Jepara", "33.20");
  assert_match ("Kota Banjar", "32.79");
  assert_match ("Kab.. Lamongan", "35.24");
  assert_match ("Kota Pematang Siantar", "12.72");
  assert_match ("Kota Pematangsiantar", "12.72");
  assert_match ("Kota Tomohon", "71.73");
  assert_match ("Kota Lubuk Linggau", "16.73");
  assert_match ("Kota Lubuklinggau", "16.73");
  assert_match ("Kota Pariaman", "13.77");
  assert_match ("Kab. Kulon Progo", "34.01");
  assert_match ("Kab. Kulonprogo", "34.01");
  assert_match ("Kab. Nias Selatan", "12.14");
  assert_match ("Kab. Konawe Kepulauan", "74.12");
  assert_match ("Kab. Kepulauan Sangihe", "71.03");
  assert_match ("Prov. Sumatera Utara", "12");
  assert_match ("Prov. Jawa Barat", "32");
  assert_match ("Prov. Banten", "36");
  assert_match ("Prov. Maluku", "81");
  assert_match ("Prov. Bangka Belitung", "19");
  assert_match ("Kab. Tidore Kepulauan", NULL);
  assert_match ("Bank Kalbar", NULL);
}

static void
test_match_banjar (void)
{
  const TamuRegion *kota = tamu_regions_match ("Kota Banjar");
  const TamuRegion *kab = tamu_regions_match ("Kab. Banjar");

  g_assert_nonnull (kota);
  g_assert_nonnull (kab);
  g_assert_true (kota != kab);
  g_assert_cmpstr (kota->code, ==, "32.79");
  g_assert_cmpstr (kota->province_name, ==, "Jawa Barat");
  g_assert_cmpstr (kab->code, ==, "63.03");
  g_assert_cmpstr (kab->province_name, ==, "Kalimantan Selatan");
  /* Without the kind, "Banjar" is either: no match. */
  assert_match ("Banjar", NULL);
}

static void
test_match_case_and_punctuation (void)
{
  assert_match ("KAB. CILACAP", "33.01");
  assert_match ("kab.cilacap", "33.01");
  assert_match ("  Kab .  Cilacap  ", "33.01");
  assert_match ("Kabupaten   CILACAP!", "33.01");
  assert_match ("kab-cilacap", "33.01");
  assert_match ("Kab. Toli-Toli", "72.04");
  assert_match ("Kab. Toli Toli", "72.04");
  assert_match ("Kab. Tolitoli", "72.04");
  assert_match ("Kota Bau-Bau", "74.72");
  assert_match ("Kota Baubau", "74.72");
  assert_match ("Kota Pangkalpinang", "19.71");
  /* Accents and other Unicode fold to ASCII; invalid UTF-8 is no crash. */
  assert_match ("Kab. Cilacáp", "33.01");
  assert_match ("Kab.\u00a0Cilacap", "33.01");
  assert_match ("Kab. Cila\xff\xfe" "cap", "33.01");
}

static void
test_match_bare_name (void)
{
  assert_match ("Cilacap", "33.01");
  assert_match ("cilacap", "33.01");
  assert_match ("Tomohon", "71.73");
  assert_match ("Jawa Timur", "35");
  assert_match ("Pematang Siantar", "12.72");
  /* Names several regions share need the kind. */
  assert_match ("Bandung", NULL);
  assert_match ("Bogor", NULL);
  assert_match ("Bengkulu", NULL);  /* the province and the kota */
  assert_match ("Gorontalo", NULL); /* province, kabupaten and kota */
  assert_match ("Prov. Bengkulu", "17");
  assert_match ("Kota Bengkulu", "17.71");
  assert_match ("Kab. Gorontalo", "75.01");
  assert_match ("Kota Gorontalo", "75.71");
}

static void
test_match_kind_word_in_name (void)
{
  /* Kotabaru and Kotawaringin are kabupaten whose names begin with "Kota". */
  assert_match ("Kab. Kotabaru", "63.02");
  assert_match ("Kotabaru", "63.02");
  assert_match ("Kota Baru", "63.02");
  assert_match ("Kotawaringin Barat", "62.01");
  assert_match ("Kab. Kotawaringin Timur", "62.02");
}

static void
test_match_aliases (void)
{
  assert_match ("DKI Jakarta", "31");
  assert_match ("Prov. DKI Jakarta", "31");
  assert_match ("DKI", "31");
  assert_match ("Jakarta", "31");
  assert_match ("Provinsi Daerah Khusus Ibukota Jakarta", "31");
  assert_match ("Daerah Khusus Jakarta", "31");
  assert_match ("DIY", "34");
  assert_match ("D.I. Yogyakarta", "34");
  assert_match ("Prov. DI Yogyakarta", "34");
  assert_match ("Prov. Yogyakarta", "34");
  assert_match ("Kota Yogyakarta", "34.71");
  assert_match ("Yogyakarta", NULL); /* the province or the kota */
  assert_match ("Bangka Belitung", "19");
  assert_match ("Kepulauan Bangka Belitung", "19");
  assert_match ("Babel", "19");
  assert_match ("Prov. Kepri", "21");
  assert_match ("NTB", "52");
  assert_match ("Prov. NTT", "53");
  assert_match ("Sumut", "12");
  assert_match ("Jabar", "32");
  assert_match ("Jateng", "33");
  assert_match ("Prov. Jatim", "35");
  assert_match ("Kalbar", "61");
  assert_match ("Sulsel", "73");
  assert_match ("Malut", "82");
  /* Kota known by their abbreviations. */
  assert_match ("Jaksel", "31.74");
  assert_match ("Kota Jakpus", "31.71");
  assert_match ("Kota Tangsel", "36.74");
  assert_match ("Tangsel", "36.74");
  /* An alias keeps its kind: Jatim is a province, not a kabupaten. */
  assert_match ("Kab. Jatim", NULL);
  assert_match ("Prov. Tangsel", NULL);
}

static void
test_match_non_regions (void)
{
  assert_match ("Bank Kalbar", NULL);
  assert_match ("Universitas Indonesia", NULL);
  assert_match ("Kementerian Keuangan", NULL);
  assert_match ("BPKP", NULL);
  assert_match ("", NULL);
  assert_match ("   ", NULL);
  assert_match ("...", NULL);
  assert_match ("Kota", NULL);
  assert_match ("Kab.", NULL);
  assert_match ("Prov.", NULL);
  assert_match ("Prov. Sumatera", NULL);
  assert_match ("Prov. Nusa Tenggara", NULL);
  assert_match ("Kab. Cilacap Barat", NULL);
}

static void
test_suggest_other_kind (void)
{
  const TamuRegion *r = tamu_regions_suggest ("Kab. Tidore Kepulauan");

  g_assert_nonnull (r);
  g_assert_cmpstr (r->code, ==, "82.72");
  g_assert_cmpstr (r->short_name, ==, "Kota Tidore Kepulauan");
  g_assert_cmpint (r->kind, ==, TAMU_REGION_KOTA);

  assert_suggest ("Kota Cilacap", "33.01");
  assert_suggest ("Kab. Dumai", "14.72");
  assert_suggest ("Kota Jawa Timur", "35");
  assert_suggest ("Prov. Tomohon", "71.73");
  /* The other kind is two regions: no guess. */
  assert_suggest ("Prov. Bandung", NULL);
}

static void
test_suggest_typo (void)
{
  assert_suggest ("Kab. Cilacep", "33.01");
  assert_suggest ("Kab. Cliacap", "33.01");
  assert_suggest ("Kab. Lamogan", "35.24");
  assert_suggest ("Kota Pematangsiantr", "12.72");
  assert_suggest ("Prov. Jawa Timr", "35");
  assert_suggest ("Prov. Sumatra Utara", "12");
  assert_suggest ("Kab. Bandung Barta", "32.17");
  /* A typo in the kind word too. */
  assert_suggest ("Kab. Tidore Kepulaun", "82.72");
  /* Same-kind candidates come first: "Kab. Bandunk" is the kabupaten. */
  assert_suggest ("Kab. Bandunk", "32.04");
  assert_suggest ("Kota Bandunk", "32.73");
}

static void
test_suggest_unrelated (void)
{
  assert_suggest ("Bank Kalbar", NULL);
  assert_suggest ("Universitas Indonesia", NULL);
  assert_suggest ("Kementerian Keuangan", NULL);
  assert_suggest ("Kementerian Dalam Negeri", NULL);
  assert_suggest ("BPKP", NULL);
  assert_suggest ("Bappenas", NULL);
  assert_suggest ("", NULL);
  assert_suggest ("Kota", NULL);
  assert_suggest ("Prov. Sumatera", NULL);
  assert_suggest ("Kab. Xyzzy", NULL);
  /* Shared names and typos of them are not guessed. */
  assert_suggest ("Bandung", NULL);
  assert_suggest ("Bandunk", NULL);
}

static void
assert_search_first (const char *text,
                     const char *code)
{
  g_autoptr(GPtrArray) hits = tamu_regions_search (text, 10);

  if (hits->len == 0)
    g_error ("search \"%s\" found nothing, expected %s first", text, code);
  g_assert_cmpstr (((TamuRegion *) g_ptr_array_index (hits, 0))->code, ==, code);
}

static void
test_search_prefix_first (void)
{
  g_autoptr(GPtrArray) jakarta = tamu_regions_search ("jakarta", 0);
  g_autoptr(GPtrArray) barat = NULL;
  gboolean seen_contains = FALSE;

  assert_search_first ("cila", "33.01");
  assert_search_first ("Cilacap", "33.01");
  assert_search_first ("kab. cila", "33.01");
  assert_search_first ("Kota Tomo", "71.73");
  assert_search_first ("pematang s", "12.72");
  assert_search_first ("jatim", "35");
  assert_search_first ("tangsel", "36.74");
  assert_search_first ("Tidore", "82.72");
  /* No kabupaten is called Tidore: the kota is offered. */
  assert_search_first ("Kab. Tidore", "82.72");

  /* "Jakarta" is the province's own alias and starts the five kota: all
   * rank first, by code; the region merely containing it (none here) after. */
  g_assert_cmpuint (jakarta->len, ==, 6);
  g_assert_cmpstr (((TamuRegion *) g_ptr_array_index (jakarta, 0))->code, ==, "31");
  g_assert_cmpstr (((TamuRegion *) g_ptr_array_index (jakarta, 1))->code, ==, "31.71");
  g_assert_cmpstr (((TamuRegion *) g_ptr_array_index (jakarta, 5))->code, ==, "31.75");

  /* Prefix before substring: "pusat" starts nothing but is in Jakarta Pusat;
   * "jawa" starts four provinces. */
  assert_search_first ("pusat", "31.71");
  assert_search_first ("jawa", "32");

  /* "barat": names starting with it first, then names containing it, each by code. */
  barat = tamu_regions_search ("barat", 0);
  g_assert_cmpuint (barat->len, >, 10);
  for (guint i = 0; i < barat->len; i++)
    {
      const TamuRegion *r = g_ptr_array_index (barat, i);
      g_autofree char *lower = g_ascii_strdown (r->name, -1);
      gboolean prefix;

      g_assert_nonnull (strstr (lower, "barat"));
      prefix = g_str_has_prefix (strchr (r->short_name, ' ') + 1, "Barat");
      if (!prefix)
        seen_contains = TRUE;
      else
        g_assert_false (seen_contains);
      if (i > 0)
        {
          const TamuRegion *before = g_ptr_array_index (barat, i - 1);
          gboolean before_prefix = g_str_has_prefix (strchr (before->short_name, ' ') + 1, "Barat");

          if (before_prefix == prefix)
            g_assert_cmpint (strcmp (before->code, r->code), <, 0);
        }
    }
  g_assert_true (seen_contains);
}

static void
test_search_kind_and_limit (void)
{
  g_autoptr(GPtrArray) kota_b = tamu_regions_search ("kota b", 0);
  g_autoptr(GPtrArray) limited = tamu_regions_search ("kota b", 3);
  g_autoptr(GPtrArray) kab = tamu_regions_search ("Kab.", 0);
  g_autoptr(GPtrArray) empty = tamu_regions_search ("", 10);
  g_autoptr(GPtrArray) punct = tamu_regions_search (" .. ", 10);
  g_autoptr(GPtrArray) none = tamu_regions_search ("Bank Kalbar", 10);
  guint prefixed = 0;

  for (guint i = 0; i < kota_b->len; i++)
    {
      const TamuRegion *r = g_ptr_array_index (kota_b, i);

      if (g_str_has_prefix (r->short_name, "Kota B"))
        {
          /* All "Kota B…" come first. */
          g_assert_cmpuint (prefixed, ==, i);
          prefixed++;
        }
    }
  /* Kota Banda Aceh, Binjai, Bukittinggi, Bengkulu, Bandar Lampung, Batam,
   * Bogor, Bandung, Bekasi, Banjar, Blitar, Batu, Bima, Banjarmasin,
   * Banjarbaru, Balikpapan, Bontang, Bitung, Bau Bau. */
  g_assert_cmpuint (prefixed, ==, 19);
  g_assert_cmpstr (((TamuRegion *) g_ptr_array_index (kota_b, 0))->short_name, ==, "Kota Banda Aceh");

  g_assert_cmpuint (limited->len, ==, 3);
  for (guint i = 0; i < limited->len; i++)
    g_assert_true (g_ptr_array_index (limited, i) == g_ptr_array_index (kota_b, i));

  /* "Kab." alone: the 416 kabupaten first, then names containing "kab"
   * (Kota Sukabumi). */
  g_assert_cmpuint (kab->len, >, 416);
  for (guint i = 0; i < kab->len; i++)
    g_assert_cmpint (((TamuRegion *) g_ptr_array_index (kab, i))->kind == TAMU_REGION_KABUPATEN,
                     ==, i < 416);
  g_assert_cmpuint (empty->len, ==, 0);
  g_assert_cmpuint (punct->len, ==, 0);
  g_assert_cmpuint (none->len, ==, 0);
}

static void
test_kind_to_string (void)
{
  g_assert_cmpstr (tamu_region_kind_to_string (TAMU_REGION_PROVINCE), ==, "province");
  g_assert_cmpstr (tamu_region_kind_to_string (TAMU_REGION_KABUPATEN), ==, "kabupaten");
  g_assert_cmpstr (tamu_region_kind_to_string (TAMU_REGION_KOTA), ==, "kota");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/regions/load/threads", test_threads_first_use);
  g_test_add_func ("/regions/list/counts", test_list_counts);
  g_test_add_func ("/regions/list/order-and-fields", test_list_order_and_fields);
  g_test_add_func ("/regions/lookup/code", test_lookup_code);
  g_test_add_func ("/regions/timezone/samples", test_timezone_samples);
  g_test_add_func ("/regions/timezone/every-row", test_timezone_every_row);
  g_test_add_func ("/regions/match/every-row", test_match_every_row);
  g_test_add_func ("/regions/match/long-form", test_match_long_form);
  g_test_add_func ("/regions/match/domain-examples", test_match_domain_examples);
  g_test_add_func ("/regions/match/banjar", test_match_banjar);
  g_test_add_func ("/regions/match/case-and-punctuation", test_match_case_and_punctuation);
  g_test_add_func ("/regions/match/bare-name", test_match_bare_name);
  g_test_add_func ("/regions/match/kind-word-in-name", test_match_kind_word_in_name);
  g_test_add_func ("/regions/match/aliases", test_match_aliases);
  g_test_add_func ("/regions/match/non-regions", test_match_non_regions);
  g_test_add_func ("/regions/suggest/other-kind", test_suggest_other_kind);
  g_test_add_func ("/regions/suggest/typo", test_suggest_typo);
  g_test_add_func ("/regions/suggest/unrelated", test_suggest_unrelated);
  g_test_add_func ("/regions/search/prefix-first", test_search_prefix_first);
  g_test_add_func ("/regions/search/kind-and-limit", test_search_kind_and_limit);
  g_test_add_func ("/regions/kind-to-string", test_kind_to_string);

  return g_test_run ();
}
