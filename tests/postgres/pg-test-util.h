/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "tamu-pg-backend.h"

G_BEGIN_DECLS

/*
 * For the tests on a real PostgreSQL server (tools/pg-test-cluster): the
 * server named by TAMU_TEST_PG, a fresh database per test, and psql to look
 * at what the backend wrote without going through it.
 */

/* TAMU_TEST_PG, or NULL; with NULL a test program prints a TAP skip. */
const char *pg_test_server (void);
/* Prints the TAP plan of a program that cannot run ("1..0 # SKIP …"). */
void        pg_test_skip_all (const char *reason);

/* Creates a new, empty database; returns its conninfo (TAMU_TEST_PG with
 * dbname replaced).  @out_name: its name, for pg_test_drop_database(). */
char       *pg_test_create_database (char **out_name);
void        pg_test_drop_database (const char *name);

/* Runs @sql with psql on @conninfo; returns its unaligned output, trimmed. */
char       *pg_test_psql (const char *conninfo,
                          const char *sql);

/* Opens the backend on @conninfo, asserting success. */
TamuBackend *pg_test_open (const char *conninfo);

/*
 * Adds @booking the way the store writes one through the backend: begin,
 * the office's rules shared, the day's lock (unless @day_lock is FALSE, as
 * a buggy service would), read the day, refuse a room already taken, insert,
 * audit, commit; a RETRY runs it all again (bounded).  FALSE with @error for
 * anything but the room refusal, which sets @out_booked to FALSE.
 */
gboolean     pg_test_add_booking (TamuBackend *backend,
                                  TamuBooking *booking,
                                  gboolean     day_lock,
                                  gboolean    *out_booked,
                                  int         *retries,
                                  GError     **error);

G_END_DECLS
