/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Messages from the domain start with a machine name, the same in every
 * language so that scripts can read them: "time: a start time is
 * required".  On screen the name reads like the rest of the window:
 * "Jam mulai: waktu mulai wajib diisi".
 */

/* The field or rule a message is about ("time"), or NULL; static. */
const char *tamu_gui_message_key (const char *message);
/* The translated label of a field or rule ("Jam mulai"), or NULL when unknown. */
const char *tamu_gui_field_label (const char *key);
/* @message with its leading field or rule name translated. */
char       *tamu_gui_format_message (const char *message);

G_END_DECLS
