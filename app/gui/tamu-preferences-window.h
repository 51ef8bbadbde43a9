/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tamu-store.h"

G_BEGIN_DECLS

#define TAMU_TYPE_PREFERENCES_WINDOW (tamu_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (TamuPreferencesWindow, tamu_preferences_window, TAMU, PREFERENCES_WINDOW, AdwPreferencesWindow)

/*
 * The office's rules (guest limit, service hours and breaks, daily cap,
 * rooms), topics, holidays, and this desk's agent name and reminder lead
 * time.  Every change is validated by the store or the desk settings; a
 * refusal is shown in words (a toast naming the rule) and the field keeps
 * what was typed, marked as an error.
 */
GtkWindow *tamu_preferences_window_new (GtkWindow *parent,
                                        TamuStore *store);

G_END_DECLS
