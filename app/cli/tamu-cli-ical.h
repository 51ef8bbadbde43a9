/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tamu-cli.h"

G_BEGIN_DECLS

/* tamu-cli export ics --from DATE --to DATE [--type T] -o FILE | --booking ID -o FILE */
int tamu_cli_export (TamuCliContext *ctx,
                     int             argc,
                     char          **argv);

/* tamu-cli import ics FILE --as vidcon|holidays [--dry-run] [--daerah TEXT] [--topic TEXT] */
int tamu_cli_import_ics (TamuCliContext *ctx,
                         int             argc,
                         char          **argv);

G_END_DECLS
