/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tamu-application.h"
#include "tamu-store.h"

G_BEGIN_DECLS

#define TAMU_TYPE_WINDOW (tamu_window_get_type ())
G_DECLARE_FINAL_TYPE (TamuWindow, tamu_window, TAMU, WINDOW, AdwApplicationWindow)

/*
 * The main window: a header bar with a view switcher over an AdwViewStack of
 * named pages ("day", "week", "month", "search", and pages other parts of
 * Tamu add with tamu_window_add_page()).
 *
 * A page is any widget.  It reads what it shows through the window:
 *   - tamu_window_get_store() for the data,
 *   - tamu_window_get_date() and the "notify::date" signal for the day the
 *     user is looking at,
 *   - the "refresh" signal, emitted when the database changed (this window,
 *     another desk, or tamu-cli), to reload.
 * Booking actions any page may offer go through the tamu_window_*_booking()
 * functions below, so every page behaves the same.
 */

TamuWindow  *tamu_window_new (TamuApplication *application,
                              TamuStore       *store);
TamuStore   *tamu_window_get_store (TamuWindow *self);

/* The date the views show (office time); borrowed. */
const GDate *tamu_window_get_date (TamuWindow *self);
void         tamu_window_set_date (TamuWindow  *self,
                                   const GDate *date);
/* Sets the date and shows the day view. */
void         tamu_window_show_date (TamuWindow  *self,
                                    const GDate *date);

/* Adds a page to the view stack; @name is what "win.show-view" takes. */
AdwViewStackPage *tamu_window_add_page (TamuWindow *self,
                                        GtkWidget  *page,
                                        const char *name,
                                        const char *title,
                                        const char *icon_name);
void         tamu_window_show_view (TamuWindow *self,
                                    const char *name);

/* Asks every page to reload (emits "refresh"). */
void         tamu_window_refresh (TamuWindow *self);

/* A short message at the bottom of the window. */
void         tamu_window_toast (TamuWindow *self,
                                const char *message);
/* Shows an error in words, in a dialog that names the rule or field. */
void         tamu_window_show_error (TamuWindow   *self,
                                     const char   *heading,
                                     const GError *error);

/* ---- booking actions (tamu-window-actions.c) ---------------------- */
/* Opens the editor on @booking, or on a new booking for the shown date when NULL. */
void         tamu_window_edit_booking (TamuWindow  *self,
                                       TamuBooking *booking);
void         tamu_window_open_booking_id (TamuWindow *self,
                                          gint64      id);
/* Asks the actual guest count, then checks in. */
void         tamu_window_check_in_booking (TamuWindow  *self,
                                           TamuBooking *booking);
/* Asks the reason, then cancels. */
void         tamu_window_cancel_booking (TamuWindow  *self,
                                         TamuBooking *booking);
void         tamu_window_no_show_booking (TamuWindow  *self,
                                          TamuBooking *booking);
void         tamu_window_confirm_booking (TamuWindow  *self,
                                          TamuBooking *booking);
void         tamu_window_copy_booking_link (TamuWindow  *self,
                                            TamuBooking *booking);

G_END_DECLS
