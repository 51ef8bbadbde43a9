/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/*
 * The office's rules as values.  They live in the database (settings table)
 * so every program and every desk applies the same rules; this struct is the
 * parsed form the rules engine reads.
 */
typedef struct
{
  int   guest_limit;        /* tatap muka; default 5 */
  int   open;               /* service hours, minutes since midnight */
  int   close;
  int   break_start;        /* Monday–Thursday break */
  int   break_end;
  int   friday_break_start;
  int   friday_break_end;
  int   daily_cap;          /* 0 = no cap */
  int   default_duration;   /* minutes */
  int   slot_step;          /* minutes between slot-finder candidates */
  int   count_since_year;   /* reports: cumulative count since this year */
  GStrv rooms;              /* never NULL */
  char *feed_base_url;      /* "http://127.0.0.1:8787": the host part of feed links */
  char *organizer_email;    /* "" = none: Add to Outlook writes PUBLISH */
  char *confirmation_template; /* the guests' confirmation, with {placeholders}; never NULL */
  char *contact_phone;         /* the contact center's number, for {kontak_cc}; never NULL */
} TamuPolicy;

TamuPolicy *tamu_policy_new_default (void);
TamuPolicy *tamu_policy_copy (const TamuPolicy *self);
void        tamu_policy_free (TamuPolicy *self);

/* The break on @date's weekday (Friday has its own). */
void        tamu_policy_get_break (const TamuPolicy *self,
                                   const GDate      *date,
                                   int              *out_start,
                                   int              *out_end);
gboolean    tamu_policy_has_room (const TamuPolicy *self,
                                  const char       *room);

/*
 * Settings as key/value text.  Keys that are policy live in the database;
 * the spec table names each with its default and a description.
 */
typedef struct
{
  const char *key;
  const char *default_value;
  const char *description; /* N_() */
} TamuSettingSpec;

/* NULL-terminated by a spec whose key is NULL. */
const TamuSettingSpec *tamu_policy_get_setting_specs (void);
const TamuSettingSpec *tamu_policy_find_setting (const char *key);

/*
 * Validates @value for @key and applies it to @self.  Errors name the key:
 * "guest-limit: “abc” is not a whole number from 1 to 1000".  Writes a
 * normalized value to @out_normalized (e.g. "08:00-16:00").
 */
gboolean    tamu_policy_apply_setting (TamuPolicy *self,
                                       const char *key,
                                       const char *value,
                                       char      **out_normalized,
                                       GError    **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TamuPolicy, tamu_policy_free)

G_END_DECLS
