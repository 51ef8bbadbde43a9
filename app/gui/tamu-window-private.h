/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tamu-window.h"

G_BEGIN_DECLS

#define TAMU_WINDOW_MAX_PAGES 16

struct _TamuWindow
{
  AdwApplicationWindow parent_instance;

  /* Template widgets */
  AdwViewStack        *stack;
  AdwToastOverlay     *toast_overlay;
  AdwViewSwitcherTitle *switcher_title;
  GtkMenuButton       *primary_menu_button;

  TamuStore           *store;
  GSettings           *settings;
  GDate                date;
  guint                refresh_source;
  guint                demo_source;

  GtkWidget           *page_bins[TAMU_WINDOW_MAX_PAGES]; /* AdwBin per page of the table, filled on first show */
  gboolean             adding_pages; /* constructed() is adding the pages: none is built yet */
  GtkWidget           *day_view;
  GtkWidget           *search_view;
};

void _tamu_window_class_actions_init (TamuWindowClass *klass);
void _tamu_window_actions_update (TamuWindow *self);
void _tamu_window_offer_demo (TamuWindow *self);

G_END_DECLS
