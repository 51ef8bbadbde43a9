/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "tamu-application.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(TamuApplication) app = NULL;
  const char *localedir = g_getenv ("TAMU_LOCALEDIR");

  /* TAMU_LOCALEDIR lets tests and uninstalled runs use the build's catalogs. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = tamu_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
