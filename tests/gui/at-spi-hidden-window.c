/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The smallest program that shows GTK 4.8's crash under AT-SPI (Debian 12,
 * libgtk-4-1 4.8.3): the AT-SPI root's GetChildAtIndex, asked for an index
 * past the visible windows, answers with the last toplevel, visible or not.
 * A hidden window that was never shown has no object path: the reply fails
 * in g_variant_new_object_path() and the program dies (SIGSEGV).
 *
 *   at-spi-hidden-window [with-hidden]
 *
 * then, on the same session bus with accessibility on, ask for child 5 of
 * the application (pyatspi: app.getChildAtIndex(5)).  Without an argument
 * the answer is the main window; with one, the program crashes.  Tamu's
 * workaround is tamu_gui_present_dialog() (app/gui/tamu-gui-util.c).
 */
#include <adwaita.h>

static void
activate (GtkApplication *app, gpointer data)
{
  GtkWindow *main_window = GTK_WINDOW (adw_application_window_new (app));

  gtk_window_set_title (main_window, "Main");
  gtk_window_present (main_window);
  if (data != NULL)
    {
      GtkWidget *hidden = gtk_window_new ();   /* like GtkApplicationWindow's help overlay */
      gtk_window_set_hide_on_close (GTK_WINDOW (hidden), TRUE);
      g_object_ref_sink (hidden);
    }
}

int
main (int argc, char **argv)
{
  AdwApplication *app = adw_application_new ("id.go.kemenkeu.djpk.TamuHiddenWindow", G_APPLICATION_NON_UNIQUE);

  g_signal_connect (app, "activate", G_CALLBACK (activate), argc > 1 ? (gpointer) 1 : NULL);
  return g_application_run (G_APPLICATION (app), 1, argv);
}
