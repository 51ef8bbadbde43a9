/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tamu-regions"

#include "config.h"

#include "tamu-regions.h"

#include <gio/gio.h>
#include <string.h>

#include "tamu-data-resources.h"

/*
 * The region list (data/regions.csv, derived from idn-area-data by
 * tools/gen-regions.py) is compiled into the program as a resource and parsed
 * once, on first use, into hash tables: matching a name costs one
 * normalization and one or two lookups, whatever the size of an import.
 *
 * Names are compared by a key: ASCII-folded, lower case, letters and digits
 * only ("Kota Pematang Siantar" and "KOTA PEMATANGSIANTAR" both become
 * "pematangsiantar" under the kind kota).  A leading "Prov."/"Provinsi",
 * "Kab."/"Kabupaten" or "Kota" word, written any way, gives the kind.
 *
 * Region data: idn-area-data (ODbL).
 */

#define REGIONS_PATH "/id/go/kemenkeu/djpk/Tamu/data/regions.csv"
#define REGIONS_HEADER "code,kind,name,short_name,province_code,province_name,timezone"
#define N_KINDS 3
/* Names are short; longer input is not a region and is not worth a distance. */
#define MAX_DISTANCE_LEN 64
/* An import repeats the same few unknown names: remember that many answers. */
#define CLOSEST_CACHE_SIZE 4096

typedef struct
{
  char *short_base; /* "cilacap" */
  char *name_base;  /* "cilacap"; provinces: "daerahkhususibukotajakarta" */
  char *short_full; /* "kabcilacap" */
  char *name_full;  /* "kabupatencilacap" */
} RegionKeys;

typedef struct
{
  char       *buffer; /* the CSV text, cut in place into the fields below */
  TamuRegion *regions;
  RegionKeys *keys;
  guint       n_regions;
  GHashTable *by_code;          /* code → TamuRegion */
  GHashTable *by_kind[N_KINDS]; /* key → TamuRegion, or &ambiguous */
  GHashTable *by_base;          /* key → GPtrArray of distinct TamuRegion */
  GHashTable *aliases;          /* alias key → TamuRegion */
  GMutex      cache_lock;
  GHashTable *closest_cache;    /* "kind:base" → TamuRegion or NULL */
} RegionData;

typedef struct
{
  gboolean       has_kind;
  TamuRegionKind kind;
  char          *base; /* the name after the kind word */
  char          *full; /* every word, the kind word included */
} ParsedName;

/* Two regions of one kind whose names normalize alike: matches neither. */
static const TamuRegion ambiguous;

/*
 * Names people use besides the official and short ones, as keys: province
 * abbreviations (Sumut, Jabar, NTB…) and a few kota known by theirs.
 * "yogyakarta" is also Kota Yogyakarta, so without a prefix it is ambiguous
 * and matches neither; with "Prov." it is the province.  Kept to names that
 * do not collide with another region's: "Solo" stays out, "Kab. Solo" being
 * more likely Kab. Solok than Kota Surakarta.
 */
static const struct
{
  const char *code;
  const char *aliases;
} region_aliases[] = {
  { "11", "nad nanggroeacehdarussalam" },
  { "12", "sumut" },
  { "13", "sumbar" },
  { "16", "sumsel" },
  { "19", "babel kepbabel bangkabelitung kepulauanbabel" },
  { "21", "kepri" },
  { "31", "dki jakarta dkj daerahkhususjakarta" },
  { "32", "jabar" },
  { "33", "jateng" },
  { "34", "diy yogyakarta" },
  { "35", "jatim" },
  { "52", "ntb" },
  { "53", "ntt" },
  { "61", "kalbar" },
  { "62", "kalteng" },
  { "63", "kalsel" },
  { "64", "kaltim" },
  { "65", "kaltara" },
  { "71", "sulut" },
  { "72", "sulteng" },
  { "73", "sulsel" },
  { "74", "sultra" },
  { "76", "sulbar" },
  { "82", "malut" },
  { "92", "pabar" },
  { "96", "pbd" },
  { "31.71", "jakpus" },
  { "31.72", "jakut" },
  { "31.73", "jakbar" },
  { "31.74", "jaksel" },
  { "31.75", "jaktim" },
  { "36.74", "tangsel" },
};

static const struct
{
  const char    *word;
  TamuRegionKind kind;
} kind_words[] = {
  { "prov", TAMU_REGION_PROVINCE },
  { "provinsi", TAMU_REGION_PROVINCE },
  { "propinsi", TAMU_REGION_PROVINCE },
  { "prop", TAMU_REGION_PROVINCE },
  { "pemprov", TAMU_REGION_PROVINCE },
  { "kab", TAMU_REGION_KABUPATEN },
  { "kabupaten", TAMU_REGION_KABUPATEN },
  { "pemkab", TAMU_REGION_KABUPATEN },
  { "kota", TAMU_REGION_KOTA },
  { "kotamadya", TAMU_REGION_KOTA },
  { "kodya", TAMU_REGION_KOTA },
  { "pemkot", TAMU_REGION_KOTA },
};

static gboolean
lookup_kind_word (const char     *word,
                  TamuRegionKind *out_kind)
{
  for (gsize i = 0; i < G_N_ELEMENTS (kind_words); i++)
    {
      if (strcmp (word, kind_words[i].word) == 0)
        {
          *out_kind = kind_words[i].kind;
          return TRUE;
        }
    }
  return FALSE;
}

/* ASCII-folded, lower-case words of letters and digits. */
static GPtrArray *
split_words (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  g_autofree char *ascii = g_str_to_ascii (valid, "C");
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  GString *word = g_string_new (NULL);

  for (const char *p = ascii;; p++)
    {
      if (*p != '\0' && g_ascii_isalnum (*p))
        {
          g_string_append_c (word, g_ascii_tolower (*p));
          continue;
        }
      if (word->len > 0)
        {
          g_ptr_array_add (words, g_strdup (word->str));
          g_string_truncate (word, 0);
        }
      if (*p == '\0')
        break;
    }

  g_string_free (word, TRUE);
  return words;
}

static char *
join_words (GPtrArray *words,
            guint      from)
{
  GString *joined = g_string_new (NULL);

  for (guint i = from; i < words->len; i++)
    g_string_append (joined, g_ptr_array_index (words, i));
  return g_string_free (joined, FALSE);
}

static void
parsed_name_clear (ParsedName *parsed)
{
  g_clear_pointer (&parsed->base, g_free);
  g_clear_pointer (&parsed->full, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ParsedName, parsed_name_clear)

/*
 * "Pemerintah Kab.. Lamongan" → kind kabupaten, base "lamongan", full
 * "pemerintahkablamongan".  A kind word alone is not taken as one, so that
 * "Kota" by itself is a (non-matching) name, not an empty one.
 */
static void
parse_name (const char *text,
            ParsedName *out)
{
  g_autoptr(GPtrArray) words = split_words (text);
  guint first = 0;

  memset (out, 0, sizeof *out);
  out->full = join_words (words, 0);

  if (words->len > 1
      && (strcmp (g_ptr_array_index (words, 0), "pemerintah") == 0
          || strcmp (g_ptr_array_index (words, 0), "pemda") == 0))
    first = 1;

  if (first + 1 < words->len
      && lookup_kind_word (g_ptr_array_index (words, first), &out->kind))
    {
      out->has_kind = TRUE;
      first++;
      /* "Kota Administrasi Jakarta Pusat", "Kab. Adm. Kepulauan Seribu" */
      if (out->kind != TAMU_REGION_PROVINCE
          && first + 1 < words->len
          && (strcmp (g_ptr_array_index (words, first), "administrasi") == 0
              || strcmp (g_ptr_array_index (words, first), "adm") == 0))
        first++;
    }
  else
    {
      first = 0;
    }

  out->base = join_words (words, first);
}

static void
add_kind_key (RegionData       *data,
              const char       *key,
              const TamuRegion *region)
{
  GHashTable *table = data->by_kind[region->kind];
  const TamuRegion *existing = g_hash_table_lookup (table, key);

  if (existing == NULL)
    g_hash_table_insert (table, g_strdup (key), (gpointer) region);
  else if (existing != region)
    g_hash_table_insert (table, g_strdup (key), (gpointer) &ambiguous);
}

static void
add_base_key (RegionData       *data,
              const char       *key,
              const TamuRegion *region)
{
  GPtrArray *list = g_hash_table_lookup (data->by_base, key);

  if (list == NULL)
    {
      list = g_ptr_array_new ();
      g_hash_table_insert (data->by_base, g_strdup (key), list);
    }
  if (!g_ptr_array_find (list, region, NULL))
    g_ptr_array_add (list, (gpointer) region);
}

static void
add_keys (RegionData       *data,
          const char       *key,
          const TamuRegion *region)
{
  if (*key == '\0')
    return;
  add_kind_key (data, key, region);
  add_base_key (data, key, region);
}

static gboolean
parse_kind (const char     *text,
            TamuRegionKind *out_kind)
{
  if (strcmp (text, "province") == 0)
    *out_kind = TAMU_REGION_PROVINCE;
  else if (strcmp (text, "kabupaten") == 0)
    *out_kind = TAMU_REGION_KABUPATEN;
  else if (strcmp (text, "kota") == 0)
    *out_kind = TAMU_REGION_KOTA;
  else
    return FALSE;
  return TRUE;
}

/*
 * The list is part of the program, so a malformed one is a broken build, not
 * bad input: abort naming the line at fault rather than run with half a list.
 * tools/gen-regions.py guarantees that no field holds a comma or a quote, so
 * a line is split at its commas; the fields point into data->buffer.
 */
static void
parse_csv (RegionData *data,
           GBytes     *bytes)
{
  gsize size;
  const char *contents = g_bytes_get_data (bytes, &size);
  char *line;
  char *next;
  guint line_number = 0;
  guint max_rows = 1;

  data->buffer = g_strndup (contents, size);
  for (const char *p = data->buffer; *p != '\0'; p++)
    if (*p == '\n')
      max_rows++;
  data->regions = g_new0 (TamuRegion, max_rows);
  data->keys = g_new0 (RegionKeys, max_rows);

  for (line = data->buffer; line != NULL; line = next)
    {
      const char *fields[7];
      TamuRegion *region = &data->regions[data->n_regions];
      char *cursor = line;
      guint n_fields = 0;
      gsize len;

      next = strchr (line, '\n');
      if (next != NULL)
        *next++ = '\0';
      len = strlen (line);
      if (len > 0 && line[len - 1] == '\r')
        line[--len] = '\0';
      line_number++;

      if (line_number == 1)
        {
          if (strcmp (line, REGIONS_HEADER) != 0)
            g_error ("regions.csv:1: the header is not \"%s\"", REGIONS_HEADER);
          continue;
        }
      if (len == 0)
        continue;

      while (cursor != NULL)
        {
          char *comma = strchr (cursor, ',');

          if (comma != NULL)
            *comma++ = '\0';
          if (n_fields == G_N_ELEMENTS (fields))
            g_error ("regions.csv:%u: more than 7 fields", line_number);
          if (*cursor == '\0')
            g_error ("regions.csv:%u: field %u is empty", line_number, n_fields + 1);
          fields[n_fields++] = cursor;
          cursor = comma;
        }
      if (n_fields != G_N_ELEMENTS (fields))
        g_error ("regions.csv:%u: expected 7 fields, found %u", line_number, n_fields);

      region->code = fields[0];
      if (!parse_kind (fields[1], &region->kind))
        g_error ("regions.csv:%u: unknown kind \"%s\"", line_number, fields[1]);
      region->name = fields[2];
      region->short_name = fields[3];
      region->province_code = fields[4];
      region->province_name = fields[5];
      region->timezone = fields[6];
      data->n_regions++;
    }
}

static RegionData *
load_regions (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  RegionData *data = g_new0 (RegionData, 1);

  /* Look the resource up directly: a static library may drop the
   * constructor that would register it. */
  bytes = g_resource_lookup_data (tamu_data_get_resource (), REGIONS_PATH,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    g_error ("regions.csv: cannot read the compiled-in region list: %s", error->message);

  parse_csv (data, bytes);

  data->by_code = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint k = 0; k < N_KINDS; k++)
    data->by_kind[k] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  data->by_base = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) g_ptr_array_unref);
  data->aliases = g_hash_table_new (g_str_hash, g_str_equal);
  g_mutex_init (&data->cache_lock);
  data->closest_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < data->n_regions; i++)
    {
      const TamuRegion *region = &data->regions[i];
      RegionKeys *keys = &data->keys[i];
      g_auto(ParsedName) by_short = { 0 };
      g_auto(ParsedName) by_name = { 0 };

      if (!g_hash_table_insert (data->by_code, (gpointer) region->code, (gpointer) region))
        g_error ("regions.csv: the code %s appears twice", region->code);

      parse_name (region->short_name, &by_short);
      parse_name (region->name, &by_name);
      keys->short_base = g_steal_pointer (&by_short.base);
      keys->name_base = g_steal_pointer (&by_name.base);
      keys->short_full = g_steal_pointer (&by_short.full);
      keys->name_full = g_steal_pointer (&by_name.full);

      add_keys (data, keys->short_base, region);
      add_keys (data, keys->name_base, region);
    }

  for (gsize i = 0; i < G_N_ELEMENTS (region_aliases); i++)
    {
      const TamuRegion *region = g_hash_table_lookup (data->by_code, region_aliases[i].code);
      g_auto(GStrv) aliases = g_strsplit (region_aliases[i].aliases, " ", -1);

      g_assert (region != NULL);
      for (guint j = 0; aliases[j] != NULL; j++)
        {
          add_keys (data, aliases[j], region);
          g_hash_table_insert (data->aliases, g_strdup (aliases[j]), (gpointer) region);
        }
    }

  return data;
}

static gpointer
load_regions_once (gpointer user_data)
{
  return load_regions ();
}

static RegionData *
get_data (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, load_regions_once, NULL);
}

const TamuRegion *
tamu_regions_get_all (guint *out_count)
{
  RegionData *data = get_data ();

  if (out_count != NULL)
    *out_count = data->n_regions;
  return data->regions;
}

const TamuRegion *
tamu_regions_lookup_code (const char *code)
{
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (code != NULL, NULL);

  trimmed = g_strstrip (g_strdup (code));
  return g_hash_table_lookup (get_data ()->by_code, trimmed);
}

/* The one region in @list, or NULL when it holds none or several. */
static const TamuRegion *
single (GPtrArray *list)
{
  if (list == NULL || list->len != 1)
    return NULL;
  return g_ptr_array_index (list, 0);
}

static const TamuRegion *
match_parsed (RegionData       *data,
              const ParsedName *parsed)
{
  const TamuRegion *region;

  if (*parsed->base == '\0')
    return NULL;

  if (!parsed->has_kind)
    return single (g_hash_table_lookup (data->by_base, parsed->base));

  region = g_hash_table_lookup (data->by_kind[parsed->kind], parsed->base);
  if (region == &ambiguous)
    return NULL;
  if (region != NULL)
    return region;

  /* "Kota Baru" is Kabupaten Kotabaru: the kind word was part of the name. */
  return single (g_hash_table_lookup (data->by_base, parsed->full));
}

const TamuRegion *
tamu_regions_match (const char *text)
{
  g_auto(ParsedName) parsed = { 0 };

  g_return_val_if_fail (text != NULL, NULL);

  parse_name (text, &parsed);
  return match_parsed (get_data (), &parsed);
}

/*
 * Optimal string alignment distance (a swap of two letters costs one), or
 * @limit + 1 when it exceeds @limit.  Only the band of cells within @limit of
 * the diagonal is computed, and a row whose cells all exceed @limit ends the
 * search: a name is compared with every region, so this is what keeps a
 * suggestion cheap.
 */
static guint
edit_distance (const char *a,
               const char *b,
               guint       limit)
{
  const guint over = limit + 1;
  guint la = strlen (a);
  guint lb = strlen (b);
  guint rows[3][MAX_DISTANCE_LEN + 2];
  guint *prev2 = rows[0], *prev = rows[1], *cur = rows[2];

  g_assert (la <= MAX_DISTANCE_LEN && lb <= MAX_DISTANCE_LEN);

  if ((la > lb ? la - lb : lb - la) > limit)
    return over;

  for (guint j = 0; j <= lb + 1; j++)
    prev[j] = prev2[j] = MIN (j, over);

  for (guint i = 1; i <= la; i++)
    {
      guint jlo = i > limit ? i - limit : 1;
      guint jhi = MIN (lb, i + limit);
      guint row_min = over;
      guint *tmp;

      cur[jlo - 1] = jlo == 1 ? MIN (i, over) : over;
      for (guint j = jlo; j <= jhi; j++)
        {
          guint cost = a[i - 1] == b[j - 1] ? 0 : 1;
          guint best = MIN (MIN (prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);

          if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
            best = MIN (best, prev2[j - 2] + 1);
          cur[j] = MIN (best, over);
          row_min = MIN (row_min, cur[j]);
        }
      cur[jhi + 1] = over;
      if (row_min > limit)
        return over;

      tmp = prev2;
      prev2 = prev;
      prev = cur;
      cur = tmp;
    }

  return prev[lb];
}

/* How many typos a name of @len letters may carry and still be suggested. */
static guint
allowed_distance (gsize len)
{
  if (len <= 4)
    return 0;
  if (len <= 8)
    return 1;
  if (len <= 14)
    return 2;
  return 3;
}

/*
 * The region closest to @base within @limit, among the kind @kind when
 * @only_kind; NULL when none is close enough or two regions are equally
 * close (a guess between them would be a coin toss).
 */
static const TamuRegion *
closest (RegionData    *data,
         const char    *base,
         gboolean       only_kind,
         TamuRegionKind kind,
         guint          limit)
{
  const TamuRegion *best = NULL;
  guint best_distance = G_MAXUINT;
  gboolean tie = FALSE;
  gsize len = strlen (base);

  for (guint i = 0; i < data->n_regions; i++)
    {
      const TamuRegion *region = &data->regions[i];
      const char *candidates[] = { data->keys[i].short_base, data->keys[i].name_base };

      if (only_kind && region->kind != kind)
        continue;

      for (guint c = 0; c < G_N_ELEMENTS (candidates); c++)
        {
          gsize clen = strlen (candidates[c]);
          guint distance;

          if (clen > MAX_DISTANCE_LEN || (clen > len ? clen - len : len - clen) > limit)
            continue;
          distance = edit_distance (base, candidates[c], limit);
          if (distance > limit)
            continue;
          if (distance < best_distance)
            {
              best = region;
              best_distance = distance;
              tie = FALSE;
            }
          else if (distance == best_distance && region != best)
            {
              tie = TRUE;
            }
        }
    }

  return tie ? NULL : best;
}

/* The likely typo: within the kind typed first, then among all regions. */
static const TamuRegion *
closest_any (RegionData       *data,
             const ParsedName *parsed)
{
  gsize len = strlen (parsed->base);
  guint limit = allowed_distance (len);
  const TamuRegion *region = NULL;

  if (limit == 0 || len > MAX_DISTANCE_LEN)
    return NULL;

  if (parsed->has_kind)
    region = closest (data, parsed->base, TRUE, parsed->kind, limit);
  if (region == NULL)
    region = closest (data, parsed->base, FALSE, TAMU_REGION_PROVINCE, limit);
  return region;
}

static const TamuRegion *
closest_cached (RegionData       *data,
                const ParsedName *parsed)
{
  g_autofree char *key = g_strdup_printf ("%d:%s", parsed->has_kind ? (int) parsed->kind : -1,
                                          parsed->base);
  const TamuRegion *region;
  gpointer cached;
  gboolean found;

  g_mutex_lock (&data->cache_lock);
  found = g_hash_table_lookup_extended (data->closest_cache, key, NULL, &cached);
  g_mutex_unlock (&data->cache_lock);
  if (found)
    return cached;

  region = closest_any (data, parsed);

  g_mutex_lock (&data->cache_lock);
  if (g_hash_table_size (data->closest_cache) >= CLOSEST_CACHE_SIZE)
    g_hash_table_remove_all (data->closest_cache);
  g_hash_table_insert (data->closest_cache, g_steal_pointer (&key), (gpointer) region);
  g_mutex_unlock (&data->cache_lock);

  return region;
}

const TamuRegion *
tamu_regions_suggest (const char *text)
{
  RegionData *data;
  g_auto(ParsedName) parsed = { 0 };
  const TamuRegion *region;
  GPtrArray *same_base;

  g_return_val_if_fail (text != NULL, NULL);

  data = get_data ();
  parse_name (text, &parsed);

  /* A name that matches suggests itself, so callers need not match first. */
  region = match_parsed (data, &parsed);
  if (region != NULL || *parsed.base == '\0')
    return region;

  /* Right name, wrong kind: "Kab. Tidore Kepulauan" is Kota Tidore Kepulauan.
   * A name several regions share ("Bandung") is not a typo: no guess. */
  same_base = g_hash_table_lookup (data->by_base, parsed.base);
  if (same_base != NULL)
    return single (same_base);

  return closest_cached (data, &parsed);
}

typedef struct
{
  const TamuRegion *region;
  guint             rank;
} SearchHit;

/* 0 when @key starts with @needle, 1 when it contains it, else G_MAXUINT. */
static guint
rank_in (const char *key,
         const char *needle)
{
  if (*needle == '\0')
    return G_MAXUINT;
  if (g_str_has_prefix (key, needle))
    return 0;
  if (strstr (key, needle) != NULL)
    return 1;
  return G_MAXUINT;
}

static int
compare_hits (gconstpointer a,
              gconstpointer b)
{
  const SearchHit *ha = a;
  const SearchHit *hb = b;

  if (ha->rank != hb->rank)
    return ha->rank < hb->rank ? -1 : 1;
  return strcmp (ha->region->code, hb->region->code);
}

static void
collect_hits (RegionData       *data,
              const ParsedName *parsed,
              gboolean          by_kind,
              GArray           *hits)
{
  const TamuRegion *alias = g_hash_table_lookup (data->aliases, parsed->base);

  for (guint i = 0; i < data->n_regions; i++)
    {
      const TamuRegion *region = &data->regions[i];
      const RegionKeys *keys = &data->keys[i];
      SearchHit hit = { region, G_MAXUINT };

      if (!by_kind || region->kind == parsed->kind)
        {
          hit.rank = MIN (hit.rank, rank_in (keys->short_base, parsed->base));
          hit.rank = MIN (hit.rank, rank_in (keys->name_base, parsed->base));
          if (region == alias)
            hit.rank = 0;
        }
      hit.rank = MIN (hit.rank, rank_in (keys->short_full, parsed->full));
      hit.rank = MIN (hit.rank, rank_in (keys->name_full, parsed->full));

      if (hit.rank != G_MAXUINT)
        g_array_append_val (hits, hit);
    }
}

/*
 * Best first: names that start with what was typed, then names that contain
 * it, each group by code.  "cila" finds Kab. Cilacap; "kota b" the kota
 * whose names start with B; "jatim" Prov. Jawa Timur.  When the kind typed
 * has no such name, the other kinds are searched: "Kab. Tidore" offers Kota
 * Tidore Kepulauan.  @limit 0 means all.
 */
GPtrArray *
tamu_regions_search (const char *text,
                     guint       limit)
{
  RegionData *data;
  g_auto(ParsedName) parsed = { 0 };
  g_autoptr(GArray) hits = NULL;
  GPtrArray *result;

  g_return_val_if_fail (text != NULL, NULL);

  data = get_data ();
  parse_name (text, &parsed);
  result = g_ptr_array_new ();
  if (*parsed.full == '\0')
    return result;

  hits = g_array_new (FALSE, FALSE, sizeof (SearchHit));
  collect_hits (data, &parsed, parsed.has_kind, hits);
  if (hits->len == 0 && parsed.has_kind)
    collect_hits (data, &parsed, FALSE, hits);

  g_array_sort (hits, compare_hits);
  for (guint i = 0; i < hits->len && (limit == 0 || i < limit); i++)
    g_ptr_array_add (result, (gpointer) g_array_index (hits, SearchHit, i).region);

  return result;
}

static const struct
{
  const char *zone;
  const char *abbreviation;
  int         offset_minutes;
} indonesian_zones[] = {
  { "Asia/Jakarta", "WIB", 7 * 60 },
  { "Asia/Pontianak", "WIB", 7 * 60 },
  { "Asia/Makassar", "WITA", 8 * 60 },
  { "Asia/Ujung_Pandang", "WITA", 8 * 60 }, /* the old name of Asia/Makassar */
  { "Asia/Jayapura", "WIT", 9 * 60 },
};

static int
find_zone (const char *iana_zone)
{
  if (iana_zone == NULL)
    return -1;
  for (gsize i = 0; i < G_N_ELEMENTS (indonesian_zones); i++)
    if (strcmp (iana_zone, indonesian_zones[i].zone) == 0)
      return i;
  return -1;
}

/* NULL for a zone outside Indonesia. */
const char *
tamu_timezone_abbreviation (const char *iana_zone)
{
  int i = find_zone (iana_zone);

  return i < 0 ? NULL : indonesian_zones[i].abbreviation;
}

/*
 * Indonesia has no daylight saving time, so its zones are fixed offsets and
 * need no tzdata.  Another valid zone is asked of the system (its offset
 * now); an unknown name gets the office's WIB.
 */
int
tamu_timezone_offset_minutes (const char *iana_zone)
{
  int i = find_zone (iana_zone);
  GTimeZone *tz;
  int offset;

  if (i >= 0)
    return indonesian_zones[i].offset_minutes;
  if (iana_zone == NULL)
    return 7 * 60;

  tz = g_time_zone_new_identifier (iana_zone);
  if (tz == NULL)
    return 7 * 60;
  offset = g_time_zone_get_offset (tz, g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL,
                                                                   g_get_real_time () / G_USEC_PER_SEC))
           / 60;
  g_time_zone_unref (tz);
  return offset;
}

const char *
tamu_region_kind_to_string (TamuRegionKind kind)
{
  switch (kind)
    {
    case TAMU_REGION_PROVINCE:
      return "province";
    case TAMU_REGION_KABUPATEN:
      return "kabupaten";
    case TAMU_REGION_KOTA:
      return "kota";
    default:
      g_return_val_if_fail (FALSE, NULL);
    }
  return NULL;
}
