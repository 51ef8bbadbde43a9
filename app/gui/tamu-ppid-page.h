/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tamu-window.h"

G_BEGIN_DECLS

#define TAMU_TYPE_PPID_PAGE (tamu_ppid_page_get_type ())
G_DECLARE_FINAL_TYPE (TamuPpidPage, tamu_ppid_page, TAMU, PPID_PAGE, GtkWidget)

/*
 * The PPID register: number, date, requester, information, due date and a
 * badge counting the working days left or late; filters (open, overdue,
 * decision, month), search, the editor and the year's recap.
 */
GtkWidget *tamu_ppid_page_new (TamuWindow *window);

/* Reloads the list from the store with the filters shown. */
void       tamu_ppid_page_reload (TamuPpidPage *self);

/* Opens the editor on request @id (a notification was activated). */
void       tamu_ppid_page_open_request (TamuPpidPage *self,
                                        gint64        id);

G_END_DECLS
