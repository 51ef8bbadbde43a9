/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tamu-ppid.h"
#include "tamu-window.h"

G_BEGIN_DECLS

#define TAMU_TYPE_PPID_EDITOR (tamu_ppid_editor_get_type ())
G_DECLARE_FINAL_TYPE (TamuPpidEditor, tamu_ppid_editor, TAMU, PPID_EDITOR, AdwWindow)

/*
 * Every register field of a PPID request, its steps (extension, answer,
 * objection, dispute, withdrawal) and its timeline of steps and deadlines.
 * @request NULL registers a new request received today.
 */
GtkWindow *tamu_ppid_editor_new (TamuWindow      *window,
                                 TamuPpidRequest *request);

G_END_DECLS
