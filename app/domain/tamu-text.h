/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Text as it enters and leaves Tamu.  Whatever is stored must be UTF-8
 * without control characters (C0 but tab and line feed where lines are
 * allowed, DEL, C1); whatever goes to a terminal has them escaped, so a
 * stored or imported value can never move the cursor, ring the bell or
 * rewrite the screen.
 */

typedef enum
{
  TAMU_TEXT_ONE_LINE  = 0,      /* no control character at all */
  TAMU_TEXT_MULTILINE = 1 << 0, /* tab, line feed and carriage return allowed */
} TamuTextFlags;

/*
 * Checks @text (NULL passes) for @field: valid UTF-8, no control character
 * outside @flags, at most @max_chars characters (0 = no limit).  The message
 * starts with @field: "name: not valid UTF-8", "notes: contains the control
 * character \x1b", "daerah: longer than 200 characters".
 */
gboolean tamu_text_check (const char    *field,
                          const char    *text,
                          gsize          max_chars,
                          TamuTextFlags  flags,
                          GError       **error);

/*
 * A copy of @text (@length bytes, or -1 for NUL-terminated) for a terminal:
 * every control character and every byte that is not UTF-8 shown as \xNN
 * (C1 characters as \u0080…\u009f); tab and line feed are kept when
 * @keep_lines is TRUE (a carriage return is always escaped).
 */
char    *tamu_text_escape_controls (const char *text,
                                    gssize      length,
                                    gboolean    keep_lines);

/* Whether tamu_text_escape_controls() would change @text. */
gboolean tamu_text_has_controls (const char *text,
                                 gssize      length,
                                 gboolean    keep_lines);

/*
 * @json (a JSON text) with DEL and the C1 controls written as \u007f and
 * \u0080…\u009f: json-glib escapes C0 controls but leaves these raw, and
 * terminals obey them too.
 */
char    *tamu_text_escape_json (const char *json);

G_END_DECLS
