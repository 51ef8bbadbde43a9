/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A file of data/ compiled into the program ("regions.csv", "holidays.csv",
 * "demo-2024-03.csv"): the program needs no installed data to run. */
GBytes *tamu_data_load (const char *name);

G_END_DECLS
