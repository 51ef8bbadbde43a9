/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tamu-window"

#include "config.h"

#include "tamu-window.h"

#include <glib/gi18n.h>

#include "tamu-clock.h"
#include "tamu-field-labels.h"
#include "tamu-gui-util.h"
#include "tamu-day-view.h"
#include "tamu-month-view.h"
#include "tamu-ppid-page.h"
#include "tamu-summary-page.h"
#include "tamu-search-view.h"
#include "tamu-unavailable-banner.h"
#include "tamu-week-view.h"
#include "tamu-window-private.h"
#include "tamu-window-ical.h"

/* How often to ask the database whether another process wrote to it. */

enum
{
  PROP_0,
  PROP_STORE,
  PROP_DATE,
  N_PROPS
};

enum
{
  REFRESH,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TamuWindow, tamu_window, ADW_TYPE_APPLICATION_WINDOW)

/*
 * The pages of the window, in the order of the view switcher.  Another part
 * of Tamu adds a page with one line here: a name for "win.show-view", a
 * translatable title, an icon and a constructor taking the window.
 */
typedef GtkWidget *(*TamuWindowPageNew) (TamuWindow *window);

static const struct
{
  const char       *name;
  const char       *title;
  const char       *icon_name;
  TamuWindowPageNew new_page;
} window_pages[] = {
  /* Translators: the day view's tab; it shows the date picked, today by default. */
  { "day", N_("Today"), "view-list-symbolic", tamu_day_view_new },
  { "week", N_("Week"), "view-paged-symbolic", tamu_week_view_new },
  { "month", N_("Month"), "view-grid-symbolic", tamu_month_view_new },
  { "search", N_("Search"), "system-search-symbolic", tamu_search_view_new },
  /* Translators: the PPID register's tab (public information requests). */
  { "ppid", N_("PPID"), "folder-documents-symbolic", tamu_ppid_page_new },
  /* Translators: the monthly summary's tab ("Ringkasan"): figures, charts, report text. */
  { "summary", N_("Summary"), "x-office-spreadsheet-symbolic", tamu_summary_page_new },
};

G_STATIC_ASSERT (G_N_ELEMENTS (window_pages) <= TAMU_WINDOW_MAX_PAGES);

TamuWindow *
tamu_window_new (TamuApplication *application,
                 TamuStore       *store)
{
  return g_object_new (TAMU_TYPE_WINDOW,
                       "application", application,
                       "store", store,
                       NULL);
}

TamuStore *
tamu_window_get_store (TamuWindow *self)
{
  g_return_val_if_fail (TAMU_IS_WINDOW (self), NULL);

  return self->store;
}

const GDate *
tamu_window_get_date (TamuWindow *self)
{
  g_return_val_if_fail (TAMU_IS_WINDOW (self), NULL);

  return &self->date;
}

void
tamu_window_set_date (TamuWindow  *self,
                      const GDate *date)
{
  g_return_if_fail (TAMU_IS_WINDOW (self));
  g_return_if_fail (date != NULL && g_date_valid (date));

  if (g_date_valid (&self->date) && g_date_compare (&self->date, date) == 0)
    return;

  self->date = *date;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

void
tamu_window_show_date (TamuWindow  *self,
                       const GDate *date)
{
  g_return_if_fail (TAMU_IS_WINDOW (self));

  tamu_window_set_date (self, date);
  tamu_window_show_view (self, "day");
}

AdwViewStackPage *
tamu_window_add_page (TamuWindow *self,
                      GtkWidget  *page,
                      const char *name,
                      const char *title,
                      const char *icon_name)
{
  g_return_val_if_fail (TAMU_IS_WINDOW (self), NULL);
  g_return_val_if_fail (GTK_IS_WIDGET (page), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return adw_view_stack_add_titled_with_icon (self->stack, page, name, title, icon_name);
}

void
tamu_window_show_view (TamuWindow *self,
                       const char *name)
{
  g_return_if_fail (TAMU_IS_WINDOW (self));

  if (adw_view_stack_get_child_by_name (self->stack, name) != NULL)
    adw_view_stack_set_visible_child_name (self->stack, name);
}

void
tamu_window_refresh (TamuWindow *self)
{
  g_return_if_fail (TAMU_IS_WINDOW (self));

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_signal_emit (self, signals[REFRESH], 0);
}

void
tamu_window_toast (TamuWindow *self,
                   const char *message)
{
  g_autofree char *shown = NULL;
  AdwToast *toast;

  g_return_if_fail (TAMU_IS_WINDOW (self));

  /* "time: …" reads "Jam mulai: …" in the window's language. */
  shown = tamu_gui_format_message (message);
  toast = adw_toast_new (shown);
  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
tamu_window_show_error (TamuWindow   *self,
                        const char   *heading,
                        const GError *error)
{
  g_autofree char *message = NULL;
  GtkWidget *dialog;

  g_return_if_fail (TAMU_IS_WINDOW (self));
  g_return_if_fail (error != NULL);

  message = tamu_gui_format_message (error->message);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  tamu_gui_present_dialog (GTK_WINDOW (dialog));
}

static gboolean
refresh_idle_cb (gpointer user_data)
{
  TamuWindow *self = user_data;

  self->refresh_source = 0;
  g_signal_emit (self, signals[REFRESH], 0);

  return G_SOURCE_REMOVE;
}

/* Several writes in a row (an import) refresh the views once. */
static void
store_changed_cb (TamuWindow *self)
{
  if (self->refresh_source == 0)
    self->refresh_source = g_idle_add (refresh_idle_cb, self);
}

/*
 * Pages are built the first time they are shown: start-up pays for the day
 * view only, however many pages other parts of Tamu add.
 */
static void
ensure_page (TamuWindow *self,
             const char *name)
{
  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (window_pages); i++)
    {
      GtkWidget *page;

      if (!g_str_equal (window_pages[i].name, name) || self->page_bins[i] == NULL
          || adw_bin_get_child (ADW_BIN (self->page_bins[i])) != NULL)
        continue;

      page = window_pages[i].new_page (self);
      adw_bin_set_child (ADW_BIN (self->page_bins[i]), page);
      if (g_str_equal (name, "day"))
        self->day_view = page;
      else if (g_str_equal (name, "search"))
        self->search_view = page;
    }
}

static void
visible_page_changed_cb (TamuWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->stack);

  /* While constructed() adds the pages, the first one added becomes
   * visible for a moment: it is not built for that. */
  if (self->adding_pages)
    return;

  ensure_page (self, name);

  if (self->settings != NULL && name != NULL)
    g_settings_set_string (self->settings, "last-view", name);

  _tamu_window_actions_update (self);
}

static gboolean
tamu_window_close_request (GtkWindow *window)
{
  TamuWindow *self = TAMU_WINDOW (window);

  if (self->settings != NULL)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_boolean (self->settings, "window-maximized",
                              gtk_window_is_maximized (window));
      if (!gtk_window_is_maximized (window))
        {
          g_settings_set_int (self->settings, "window-width", width);
          g_settings_set_int (self->settings, "window-height", height);
        }
    }

  return GTK_WINDOW_CLASS (tamu_window_parent_class)->close_request (window);
}

static gboolean
offer_demo_cb (gpointer user_data)
{
  TamuWindow *self = user_data;

  self->demo_source = 0;
  _tamu_window_offer_demo (self);

  return G_SOURCE_REMOVE;
}

/*
 * Benchmark hook (tests/bench/bench-startup.c).  TAMU_BENCH=startup prints
 * "painted <monotonic µs>" when the first frame of the window has been
 * painted, then "rows <monotonic µs>" when the frame that shows the day's
 * rows has (tamu-day-view.c builds them right after the first frame), and
 * quits; TAMU_BENCH=views switches between the day, week and month views,
 * printing "switch <view> <ms>" from each switch to the frame that shows it.
 */
static const char * const bench_views[] = { "week", "month", "day" };
#define BENCH_ROUNDS 10
/* Steps: 0 first frame; then BENCH_SWITCHES view switches; then as many
 * plain redraws of the day view, the cost of a frame without a switch. */
#define BENCH_SWITCHES (BENCH_ROUNDS * (int) G_N_ELEMENTS (bench_views))

static void
bench_after_paint_cb (GdkFrameClock *clock,
                      TamuWindow    *self)
{
  int step = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (self), "bench-step"));
  gint64 now = g_get_monotonic_time ();
  const char *mode = g_getenv ("TAMU_BENCH");
  gint64 *started;

  if (g_strcmp0 (mode, "views") != 0)
    {
      if (step == 0)
        g_print ("painted %" G_GINT64_FORMAT "\n", now);
      g_object_set_data (G_OBJECT (self), "bench-step", GINT_TO_POINTER (1));
      if (step > 0 && g_object_get_data (G_OBJECT (self), "tamu-day-rows-shown") != NULL)
        {
          g_print ("rows %" G_GINT64_FORMAT "\n", now);
          g_signal_handlers_disconnect_by_func (clock, bench_after_paint_cb, self);
          g_application_quit (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
        }
      return;
    }

  if (step == 0)
    g_print ("painted %" G_GINT64_FORMAT "\n", now);
  else
    {
      gint64 then = *(gint64 *) g_object_get_data (G_OBJECT (self), "bench-started");

      if (step <= BENCH_SWITCHES)
        g_print ("switch %s %.3f\n", bench_views[(step - 1) % G_N_ELEMENTS (bench_views)],
                 (now - then) / 1000.0);
      else
        g_print ("switch redraw %.3f\n", (now - then) / 1000.0);
    }

  if (step == 2 * BENCH_SWITCHES)
    {
      g_signal_handlers_disconnect_by_func (clock, bench_after_paint_cb, self);
      g_application_quit (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
      return;
    }

  started = g_new (gint64, 1);
  *started = g_get_monotonic_time ();
  g_object_set_data_full (G_OBJECT (self), "bench-started", started, g_free);
  g_object_set_data (G_OBJECT (self), "bench-step", GINT_TO_POINTER (step + 1));
  if (step < BENCH_SWITCHES)
    adw_view_stack_set_visible_child_name (self->stack, bench_views[step % G_N_ELEMENTS (bench_views)]);
  else
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
tamu_window_map (GtkWidget *widget)
{
  TamuWindow *self = TAMU_WINDOW (widget);

  GTK_WIDGET_CLASS (tamu_window_parent_class)->map (widget);

  if (g_getenv ("TAMU_BENCH") != NULL)
    {
      tamu_window_show_view (self, "day");
      g_signal_connect (gtk_widget_get_frame_clock (widget), "after-paint",
                        G_CALLBACK (bench_after_paint_cb), self);
      return;
    }

  /* After the first frame: the start-up is not slowed by the check. */
  if (self->demo_source == 0 && !g_object_get_data (G_OBJECT (self), "demo-offered"))
    {
      g_object_set_data (G_OBJECT (self), "demo-offered", GINT_TO_POINTER (TRUE));
      self->demo_source = g_timeout_add (200, offer_demo_cb, self);
    }
}

static void
tamu_window_constructed (GObject *object)
{
  TamuWindow *self = TAMU_WINDOW (object);
  GtkApplication *app;

  G_OBJECT_CLASS (tamu_window_parent_class)->constructed (object);

  g_assert (self->store != NULL);

  app = gtk_window_get_application (GTK_WINDOW (self));
  if (app != NULL && TAMU_IS_APPLICATION (app))
    self->settings = tamu_application_get_settings (TAMU_APPLICATION (app));
  if (self->settings != NULL)
    {
      g_object_ref (self->settings);
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }

  for (guint i = 0; i < G_N_ELEMENTS (window_pages); i++)
    self->page_bins[i] = adw_bin_new ();
  self->adding_pages = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (window_pages); i++)
    tamu_window_add_page (self, self->page_bins[i], window_pages[i].name,
                          _(window_pages[i].title), window_pages[i].icon_name);
  self->adding_pages = FALSE;

  /* The last view is chosen before any page is built: start-up builds the
   * page shown, and only that one. */
  if (self->settings != NULL)
    {
      g_autofree char *last_view = g_settings_get_string (self->settings, "last-view");

      /* Search starts empty: coming back to it is no help. */
      if (!g_str_equal (last_view, "search"))
        tamu_window_show_view (self, last_view);
    }
  ensure_page (self, adw_view_stack_get_visible_child_name (self->stack));

  g_signal_connect_object (self->store, "changed",
                           G_CALLBACK (store_changed_cb), self,
                           G_CONNECT_SWAPPED);
  /* Other desks' changes arrive as ::changed too (LISTEN on a server). */
  tamu_store_watch (self->store);
  /* Under the header bar: says so while the server cannot be reached. */
  {
    GtkWidget *content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (self));

    if (GTK_IS_BOX (content))
      gtk_box_insert_child_after (GTK_BOX (content), tamu_unavailable_banner_new (self->store),
                                  gtk_widget_get_first_child (content));
  }

  _tamu_window_actions_update (self);
}

static void
tamu_window_dispose (GObject *object)
{
  TamuWindow *self = TAMU_WINDOW (object);

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_clear_handle_id (&self->demo_source, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), TAMU_TYPE_WINDOW);

  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (tamu_window_parent_class)->dispose (object);
}

static void
tamu_window_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  TamuWindow *self = TAMU_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_DATE:
      g_value_set_boxed (value, &self->date);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tamu_window_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  TamuWindow *self = TAMU_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_DATE:
      tamu_window_set_date (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tamu_window_class_init (TamuWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = tamu_window_constructed;
  object_class->dispose = tamu_window_dispose;
  object_class->get_property = tamu_window_get_property;
  object_class->set_property = tamu_window_set_property;

  widget_class->map = tamu_window_map;
  window_class->close_request = tamu_window_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         TAMU_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_DATE] =
    g_param_spec_boxed ("date", NULL, NULL,
                        G_TYPE_DATE,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TamuWindow::refresh:
   *
   * The database changed: pages reload what they show.
   */
  signals[REFRESH] =
    g_signal_new ("refresh",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/id/go/kemenkeu/djpk/Tamu/ui/tamu-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TamuWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, TamuWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TamuWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, TamuWindow, primary_menu_button);
  gtk_widget_class_bind_template_callback (widget_class, visible_page_changed_cb);

  _tamu_window_class_actions_init (klass);
  _tamu_window_ical_class_init (widget_class);
}

static void
tamu_window_init (TamuWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  _tamu_window_ical_init (self);

  tamu_clock_today (&self->date);
}
