/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/*
 * A date picked from a calendar in a popover, shown the way people read it:
 * "Rabu, 20 Maret 2024".  A click on a day picks it and closes the popover;
 * by keyboard, a date typed at the top of the popover ("22 Maret 2024",
 * "2024-03-22") and Enter, or the calendar's arrows, Space and Enter.
 * Emits ::changed when the date changes.
 */
#define TAMU_TYPE_DATE_BUTTON (tamu_date_button_get_type ())
G_DECLARE_FINAL_TYPE (TamuDateButton, tamu_date_button, TAMU, DATE_BUTTON, GtkWidget)

GtkWidget   *tamu_date_button_new (void);
/* NULL while no date is set. */
const GDate *tamu_date_button_get_date (TamuDateButton *self);
void         tamu_date_button_set_date (TamuDateButton *self,
                                        const GDate    *date);
/* Names the button for screen readers (the field's label). */
void         tamu_date_button_set_accessible_name (TamuDateButton *self,
                                                   const char     *name);

G_END_DECLS
