/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tamu-window.h"

G_BEGIN_DECLS

/*
 * The window's iCalendar side (tamu-window-ical.c): export of the shown
 * range (win.export, Ctrl+E), "Add to Outlook" for one booking
 * (win.add-to-outlook(ID)), import of an invitation or a holidays file by
 * file chooser (win.import-ics('vidcon'|'holidays')) or by dropping an .ics
 * on the window.  All file work runs in a thread (tamu-ical.h).
 */

/* Installs win.add-to-outlook (x) and win.import-ics (s); from class_init. */
void _tamu_window_ical_class_init (GtkWidgetClass *widget_class);
/* Adds the drop target for .ics files; from init. */
void _tamu_window_ical_init (TamuWindow *self);

/* Asks where, then writes every booking of the range the visible view shows. */
void _tamu_window_ical_export_shown_range (TamuWindow *self);

/* Asks where, then writes @booking as its own file (METHOD:CANCEL when cancelled). */
void tamu_window_add_to_outlook (TamuWindow  *self,
                                 TamuBooking *booking);

G_END_DECLS
