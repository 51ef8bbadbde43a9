/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tamu-window.h"

G_BEGIN_DECLS

#define TAMU_TYPE_SUMMARY_PAGE (tamu_summary_page_get_type ())
G_DECLARE_FINAL_TYPE (TamuSummaryPage, tamu_summary_page, TAMU, SUMMARY_PAGE, AdwBin)

/*
 * The "Ringkasan" page: a month picker, the month's figures against the
 * previous month and the same month last year, the report's charts drawn
 * with cairo, the Indonesian narrative with a copy button, the tables of
 * visits and video conferences, the guest-limit breaches, data-quality
 * warnings, and exports (Excel, CSV, chart) written in a worker thread.
 */
GtkWidget *tamu_summary_page_new (TamuWindow *window);

/* Shows @year-@month (the page opens on the month of the window's date). */
void       tamu_summary_page_set_month (TamuSummaryPage *self,
                                        int              year,
                                        int              month);

/* Rebuilds the summary from the store. */
void       tamu_summary_page_reload (TamuSummaryPage *self);

G_END_DECLS
