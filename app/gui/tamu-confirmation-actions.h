/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "tamu-booking.h"
#include "tamu-window.h"

G_BEGIN_DECLS

/*
 * Sends the guests' confirmation of @booking: to the clipboard (for
 * WhatsApp), or to the desktop's mail composer as a mailto: URI with subject
 * and body.  Each records in the audit log that the confirmation went out,
 * and how; @parent is the window the action came from.
 */
void tamu_gui_copy_confirmation (TamuWindow  *window,
                                 GtkWidget   *parent,
                                 TamuBooking *booking);
void tamu_gui_email_confirmation (TamuWindow  *window,
                                  GtkWidget   *parent,
                                  TamuBooking *booking);

G_END_DECLS
