/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The office is in Jakarta: every date and time Tamu stores is office time. */
GTimeZone *tamu_office_timezone (void);

/*
 * Now, in office time.  TAMU_NOW=2024-03-01T08:00 in the environment fixes
 * it, so tests and demos are deterministic.
 */
GDateTime *tamu_clock_now (void);

/* Today in office time (honours TAMU_NOW). */
void tamu_clock_today (GDate *out);

/* Minutes since midnight of now, in office time (honours TAMU_NOW). */
int tamu_clock_minutes_now (void);

G_END_DECLS
