/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "tamu-cli.h"
#include "tamu-error.h"
#include "tamu-store-copy.h"

/* `tamu-cli db copy DEST` and `tamu-cli db backup FILE`. */

/* One line per kind, in the order copied: "  bookings          63". */
static void
print_counts (const TamuCopyCounts *counts)
{
  for (guint i = 0; i < TAMU_N_TABLES; i++)
    {
      TamuTable table = tamu_copy_order[i];

      g_print ("  %-16s %lld\n", tamu_table_get_info (table)->name, (long long) counts->rows[table]);
    }
}

static int
db_copy (TamuCliContext *ctx,
         int             argc,
         char          **argv)
{
  g_autoptr(TamuStore) dest = NULL;
  g_autoptr(GError) error = NULL;
  TamuCopyCounts counts;
  TamuStore *store;

  if (!tamu_cli_parse ("db copy", "DEST", NULL, &argc, &argv))
    return TAMU_CLI_USAGE;
  if (argc != 2)
    return tamu_cli_usage ("db copy", _("give one destination: a new SQLite file or a server address"));

  store = tamu_cli_get_store (ctx);
  if (store == NULL)
    return TAMU_CLI_FAILED;
  dest = tamu_store_open (argv[1], &error);
  if (dest == NULL)
    return tamu_cli_fail (error);
  if (!tamu_store_copy_to (store, dest, &counts, &error))
    return tamu_cli_fail (error);

  g_print (_("Copied %s to %s, read back and verified:\n"), tamu_store_get_identity (store),
           tamu_store_get_identity (dest));
  print_counts (&counts);
  return TAMU_CLI_OK;
}

static int
db_backup (TamuCliContext *ctx,
           int             argc,
           char          **argv)
{
  g_autoptr(GError) error = NULL;
  TamuCopyCounts counts;
  TamuStore *store;

  if (!tamu_cli_parse ("db backup", "FILE", NULL, &argc, &argv))
    return TAMU_CLI_USAGE;
  if (argc != 2)
    return tamu_cli_usage ("db backup", _("give the new backup file's name"));

  store = tamu_cli_get_store (ctx);
  if (store == NULL)
    return TAMU_CLI_FAILED;
  if (!tamu_store_backup (store, argv[1], &counts, &error))
    return tamu_cli_fail (error);

  g_print (_("Backed up %s to %s (SQLite, owner only):\n"), tamu_store_get_identity (store), argv[1]);
  print_counts (&counts);
  return TAMU_CLI_OK;
}

int
tamu_cli_db (TamuCliContext *ctx,
             int             argc,
             char          **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], "copy"))
    return db_copy (ctx, argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "backup"))
    return db_backup (ctx, argc - 1, argv + 1);
  return tamu_cli_usage ("db", _("say what to do: copy DEST or backup FILE"));
}
