/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tamu-store.h"

G_BEGIN_DECLS

#define TAMU_TYPE_APPLICATION (tamu_application_get_type ())
G_DECLARE_FINAL_TYPE (TamuApplication, tamu_application, TAMU, APPLICATION, AdwApplication)

TamuApplication *tamu_application_new (void);

/* The store the window shows; NULL until the first window opened it. */
TamuStore       *tamu_application_get_store (TamuApplication *self);

/* The GSettings of the window, or NULL when the schema is not installed. */
GSettings       *tamu_application_get_settings (TamuApplication *self);

/* Switches to another database: the window is rebuilt on @store at the same date and view. */
void             tamu_application_set_store (TamuApplication *self,
                                             TamuStore       *store);

G_END_DECLS
