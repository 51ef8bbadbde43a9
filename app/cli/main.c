/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tamu-cli.h"

int
main (int    argc,
      char **argv)
{
  return tamu_cli_run (argc, argv);
}
