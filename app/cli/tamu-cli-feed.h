/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tamu-cli.h"

G_BEGIN_DECLS

/* tamu-cli feed add NAME [--type tatap-muka|vidcon] [--room ROOM] | list [--format json] | revoke NAME */
int tamu_cli_feed (TamuCliContext *ctx,
                   int             argc,
                   char          **argv);

/* tamu-cli serve [--listen ADDR:PORT] [--tls-cert FILE --tls-key FILE] [--max-connections N] */
int tamu_cli_serve (TamuCliContext *ctx,
                    int             argc,
                    char          **argv);

G_END_DECLS
