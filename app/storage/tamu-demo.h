/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tamu-store.h"

G_BEGIN_DECLS

/* Whether the store holds no booking yet (a first run). */
gboolean tamu_demo_store_is_empty (TamuStore *store);

/*
 * Loads the demo month shipped in data/demo-2024-03.csv: the 29 visits and
 * 4 video conferences of the March 2024 report, as records of what happened.
 * All or nothing.
 */
gboolean tamu_demo_load (TamuStore *store,
                         GError   **error);

G_END_DECLS
