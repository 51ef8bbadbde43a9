/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "tamu-booking.h"

G_BEGIN_DECLS

/* "Rabu, 20 Maret 2024" in an Indonesian locale, "Wednesday, 20 March 2024" in English. */
char       *tamu_gui_format_date_long (const GDate *date);
/* "20 Mar" */
char       *tamu_gui_format_date_short (const GDate *date);

/*
 * "10:00–11:00 WIB", and where the guests' region is in another zone the
 * guests' local start too: "10:00 WIB · 11:00 WITA".  Unknown times say so.
 */
char       *tamu_gui_format_booking_time (const TamuBooking *booking);
/* The guests' local start when their zone differs from the office's ("11:00 WITA"), else NULL. */
char       *tamu_gui_dup_local_time (const TamuBooking *booking);

/* "9/5 guests", "3 of 5 came", "—" */
char       *tamu_gui_format_guests (const TamuBooking *booking);
/*
 * A booking as a screen reader reads it in the week and month views:
 * "09:00 Kab. Jepara, tatap muka, 2 tamu" (the guests who came once checked in).
 */
char       *tamu_gui_describe_booking (const TamuBooking *booking);
/* The room, the meeting link or "—". */
const char *tamu_gui_booking_place (const TamuBooking *booking);
/* CSS class for the status pill: "requested", "confirmed", "done", "cancelled", "no-show". */
const char *tamu_gui_status_css_class (TamuBookingStatus status);

/* Fills a GDate from a GDateTime (its own date, whatever its zone). */
void        tamu_gui_date_from_date_time (GDateTime *date_time,
                                          GDate     *out);
GDateTime  *tamu_gui_date_time_from_date (const GDate *date);

/*
 * Names the buttons a composite widget keeps inside (the toggle of a
 * GtkDropDown or a GtkMenuButton), which screen readers otherwise announce
 * without a name.
 */
void        tamu_gui_name_internal_buttons (GtkWidget  *widget,
                                            const char *name);

/*
 * Presents a dialog or secondary window; closing it destroys it.  Every
 * dialog of Tamu goes through here, because GTK 4.8 crashes on a hidden
 * toplevel under AT-SPI (see tamu-gui-util.c).
 */
void        tamu_gui_present_dialog (GtkWindow *dialog);

G_END_DECLS
