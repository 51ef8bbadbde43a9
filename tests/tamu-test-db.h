/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "tamu-store.h"

G_BEGIN_DECLS

/*
 * A fresh, empty database for one test, on the backend the test run names:
 * TAMU_TEST_DB=sqlite (the default) gives a file in a new temporary folder;
 * TAMU_TEST_DB=postgresql a new database on the server that PGHOST, PGPORT
 * and PGUSER name (tools/pg-test-cluster), created with createdb and dropped
 * again at the end.  The same suites thus run on every backend.
 */
typedef struct
{
  char *dir;     /* a private temporary folder, for the test's own files too */
  char *address; /* what tamu_store_open() and --db take */
  char *pg_name; /* the PostgreSQL database's name, or NULL */
} TamuTestDb;

TamuTestDb *tamu_test_db_new        (void);
void        tamu_test_db_free       (TamuTestDb *db);
gboolean    tamu_test_db_is_sqlite  (void);

/* Rows of one table (deleted ones too), through the store. */
gint64      tamu_test_count_rows    (TamuStore  *store,
                                     const char *table);

/* Removes a folder and everything in it. */
void        tamu_test_remove_tree   (const char *path);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TamuTestDb, tamu_test_db_free)

G_END_DECLS
