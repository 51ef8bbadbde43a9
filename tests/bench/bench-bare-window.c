/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The baseline for bench-startup: a bare libadwaita window built the way
 * tamu is (an AdwApplication with an application id on the session bus, an
 * AdwApplicationWindow with a header bar), printing "painted <monotonic µs>"
 * when its first frame has been painted, then quitting.
 */
#include <adwaita.h>

static void
after_paint_cb (GdkFrameClock *clock,
                GtkWindow     *window)
{
  g_print ("painted %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, window);
  g_application_quit (G_APPLICATION (gtk_window_get_application (window)));
}

static void
map_cb (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (after_paint_cb), window);
}

static void
activate_cb (GtkApplication *app)
{
  GtkWidget *window = adw_application_window_new (app);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), adw_status_page_new ());
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  g_signal_connect (window, "map", G_CALLBACK (map_cb), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(AdwApplication) app = adw_application_new ("id.go.kemenkeu.djpk.TamuBench",
                                                       G_APPLICATION_DEFAULT_FLAGS);

  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
