/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The office server's address in the Database preferences (fields ↔ libpq
 * key/value text, the user, the password added only in memory) and the
 * desk's "database" setting in desk.ini, on a real config folder. */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "tamu-desk-database.h"
#include "tamu-error.h"
#include "tamu-server-address.h"
#include "tamu-store-address.h"

static void
test_fields_round_trip (void)
{
  TamuServerFields fields = { "db.kantor", "5432", "tamu", "meja 1" };
  g_autofree char *address = tamu_server_fields_to_address (&fields);
  g_auto(TamuServerFields) back = { NULL };

  g_assert_cmpstr (address, ==, "host=db.kantor port=5432 dbname=tamu user='meja 1'");
  g_assert_true (tamu_server_address_is_server (address));
  g_assert_true (tamu_server_fields_parse (address, &back));
  g_assert_cmpstr (back.host, ==, "db.kantor");
  g_assert_cmpstr (back.port, ==, "5432");
  g_assert_cmpstr (back.dbname, ==, "tamu");
  g_assert_cmpstr (back.user, ==, "meja 1");
}

static void
test_fields_refuse_other_addresses (void)
{
  g_auto(TamuServerFields) fields = { NULL };

  /* A URI, or keys the fields cannot show, stay a full address. */
  g_assert_false (tamu_server_fields_parse ("postgresql://tamu@db/tamu", &fields));
  g_assert_false (tamu_server_fields_parse ("host=db dbname=tamu sslmode=require", &fields));
  g_assert_false (tamu_server_fields_parse ("/home/meja/tamu.db", &fields));
  g_assert_false (tamu_server_address_is_server ("/home/meja/tamu.db"));
  g_assert_false (tamu_server_address_is_server (""));
}

static void
test_user (void)
{
  g_autofree char *a = tamu_server_address_dup_user ("postgresql://meja1:rahasia@db:5432/tamu");
  g_autofree char *b = tamu_server_address_dup_user ("postgresql://db/tamu?user=meja%202");
  g_autofree char *c = tamu_server_address_dup_user ("host=db user=meja3 dbname=tamu");
  g_autofree char *d = tamu_server_address_dup_user ("postgresql://db/tamu");

  g_assert_cmpstr (a, ==, "meja1");
  g_assert_cmpstr (b, ==, "meja 2");
  g_assert_cmpstr (c, ==, "meja3");
  g_assert_null (d);
}

static void
test_with_password (void)
{
  g_autofree char *uri = tamu_server_address_with_password ("postgresql://meja1@db/tamu", "a b&c");
  g_autofree char *uri2 = tamu_server_address_with_password ("postgresql://meja1@db/tamu?sslmode=require", "x");
  g_autofree char *kv = tamu_server_address_with_password ("host=db dbname=tamu", "it's");
  g_autofree char *none = tamu_server_address_with_password ("host=db dbname=tamu", NULL);
  g_autofree char *uri_shown = tamu_store_address_dup_redacted (uri);
  g_autofree char *kv_shown = tamu_store_address_dup_redacted (kv);

  g_assert_cmpstr (uri, ==, "postgresql://meja1@db/tamu?password=a%20b%26c");
  g_assert_cmpstr (uri2, ==, "postgresql://meja1@db/tamu?sslmode=require&password=x");
  g_assert_cmpstr (kv, ==, "host=db dbname=tamu password='it\\'s'");
  g_assert_cmpstr (none, ==, "host=db dbname=tamu");
  /* What people see has it removed again. */
  g_assert_cmpstr (uri_shown, ==, "postgresql://meja1@db/tamu");
  g_assert_cmpstr (kv_shown, ==, "host=db dbname=tamu");
}

static void
test_desk_setting (void)
{
  g_autofree char *config = g_dir_make_tmp ("tamu-desk-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (config, "tamu", "desk.ini", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  char *value;
  GStatBuf st;

  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_unsetenv ("TAMU_DB");

  value = tamu_desk_database_dup ();
  g_assert_cmpstr (value, ==, "");
  g_free (value);

  g_assert_true (tamu_desk_database_set ("host=db.kantor dbname=tamu user=meja1", &error));
  g_assert_no_error (error);
  value = tamu_desk_database_dup ();
  g_assert_cmpstr (value, ==, "host=db.kantor dbname=tamu user=meja1");
  g_free (value);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* --db, then TAMU_DB, come before the desk's server.  (The desk's server
   * itself is opened by the window tests: it asks the desktop keyring.) */
  value = tamu_desk_database_dup_connect_address ("/tmp/lain.db");
  g_assert_cmpstr (value, ==, "/tmp/lain.db");
  tamu_desk_database_free_connect_address (value);
  g_setenv ("TAMU_DB", "/tmp/env.db", TRUE);
  value = tamu_desk_database_dup_connect_address (NULL);
  g_assert_cmpstr (value, ==, "/tmp/env.db");
  tamu_desk_database_free_connect_address (value);
  g_unsetenv ("TAMU_DB");

  /* A password never reaches the file. */
  g_assert_false (tamu_desk_database_set ("postgresql://meja1:rahasia@db/tamu", &error));
  g_assert_error (error, TAMU_ERROR, TAMU_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "address: "));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_null (strstr (contents, "rahasia"));
  g_assert_nonnull (strstr (contents, "host=db.kantor"));

  /* Back to this computer. */
  g_assert_true (tamu_desk_database_set ("", NULL));
  value = tamu_desk_database_dup ();
  g_assert_cmpstr (value, ==, "");
  g_free (value);

  g_remove (path);
  {
    g_autofree char *dir = g_path_get_dirname (path);

    g_rmdir (dir);
  }
  g_rmdir (config);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/desk-database/fields/round-trip", test_fields_round_trip);
  g_test_add_func ("/desk-database/fields/other-addresses", test_fields_refuse_other_addresses);
  g_test_add_func ("/desk-database/address/user", test_user);
  g_test_add_func ("/desk-database/address/with-password", test_with_password);
  g_test_add_func ("/desk-database/desk-setting", test_desk_setting);

  return g_test_run ();
}
