/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Settings of one desk, not of the office: who is working here and how early
 * this person wants reminders.  They live in a key file in
 * $XDG_CONFIG_HOME/tamu/desk.ini (0600), read by the app and the
 * command-line tool alike; the office's rules live in the database.
 *
 * Keys: "agent-name" (default: empty → the OS user), "reminder-minutes"
 * (default 15, 0 = no reminders).
 */

gboolean tamu_desk_settings_is_desk_key (const char *key);
/* NULL-terminated list of the keys. */
const char * const *tamu_desk_settings_list_keys (void);
const char *tamu_desk_settings_describe (const char *key);

/* The value, or the default; never NULL for a desk key. */
char    *tamu_desk_settings_dup (const char *key);
/* Validates ("reminder-minutes: “x” is not a whole number from 0 to 1440") and saves. */
gboolean tamu_desk_settings_set (const char *key,
                                 const char *value,
                                 GError    **error);

/* The agent-name setting, else the OS user: who the audit log names. */
char    *tamu_desk_settings_dup_actor (void);

/*
 * desk.ini itself, for the desk preferences of other concerns (the feed
 * server, the database this desk opens), each in a group of its own.
 * Loading a missing file gives an empty one; saving writes the whole file
 * 0600 (its folder 0700) and replaces it in one step.  @key names what is
 * saved, for the message.
 */
GKeyFile *tamu_desk_settings_load_file (void);
gboolean  tamu_desk_settings_save_file (GKeyFile   *file,
                                        const char *key,
                                        GError    **error);
int      tamu_desk_settings_get_reminder_minutes (void);

G_END_DECLS
