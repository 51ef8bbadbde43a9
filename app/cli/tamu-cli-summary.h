/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tamu-cli.h"

G_BEGIN_DECLS

/*
 * tamu-cli summary --month YYYY-MM [--format text|json|csv|xlsx|png|svg]
 *                  [--chart tatap-muka|vidcon|ppid|topics] [-o FILE]
 * tamu-cli summary --year YYYY [--format text|json|csv|xlsx] [-o FILE]
 */
int tamu_cli_summary (TamuCliContext *ctx,
                      int             argc,
                      char          **argv);

G_END_DECLS
