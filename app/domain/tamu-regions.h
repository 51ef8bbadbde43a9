/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * The official list of Indonesian provinces and kabupaten/kota (Kemendagri
 * codes), shipped in data/regions.csv and compiled in as a resource.
 * Region data: idn-area-data (ODbL).
 */

typedef enum
{
  TAMU_REGION_PROVINCE,
  TAMU_REGION_KABUPATEN,
  TAMU_REGION_KOTA,
} TamuRegionKind;

typedef struct
{
  const char    *code;          /* "33.01"; provinces "33" */
  TamuRegionKind kind;
  const char    *name;          /* official: "Kabupaten Cilacap" */
  const char    *short_name;    /* as people write it: "Kab. Cilacap", "Prov. Jawa Tengah" */
  const char    *province_code; /* "33" */
  const char    *province_name; /* "Jawa Tengah" */
  const char    *timezone;      /* IANA: "Asia/Jakarta" */
} TamuRegion;

/* All 552 regions (38 provinces first, then kabupaten/kota by code); borrowed. */
const TamuRegion *tamu_regions_get_all (guint *out_count);

/* By Kemendagri code ("33.01", "33"); NULL when unknown. */
const TamuRegion *tamu_regions_lookup_code (const char *code);

/*
 * Finds the region someone meant, ignoring case, spaces and punctuation,
 * knowing "Prov."/"Provinsi", "Kab."/"Kabupaten" and "Kota" and the long
 * forms: "Kota Pematang Siantar" and "kab.. lamongan" both match.  A name
 * without a prefix matches when only one region has it.  NULL when no
 * region matches exactly.
 */
const TamuRegion *tamu_regions_match (const char *text);

/*
 * For a name that does not match: the closest region, if one is close
 * enough to be a likely typo ("Kab. Tidore Kepulauan" → Kota Tidore
 * Kepulauan), else NULL.
 */
const TamuRegion *tamu_regions_suggest (const char *text);

/*
 * Regions whose short name or official name contains @text (normalized as
 * for matching), best first, at most @limit.  For completion and
 * `tamu-cli daerah search`.  Free the array only, not the elements.
 */
GPtrArray        *tamu_regions_search (const char *text,
                                       guint       limit);

/* "WIB", "WITA" or "WIT" for an Indonesian IANA zone. */
const char       *tamu_timezone_abbreviation (const char *iana_zone);
/* Offset from UTC in minutes for an Indonesian IANA zone (WIB 420, WITA 480, WIT 540). */
int               tamu_timezone_offset_minutes (const char *iana_zone);

const char       *tamu_region_kind_to_string (TamuRegionKind kind); /* "province", "kabupaten", "kota" */

G_END_DECLS
