# SPDX-License-Identifier: GPL-3.0-or-later
"""A fresh database for one test, on the backend the test run names.

TAMU_TEST_DB=sqlite (the default): a file in the test's folder.
TAMU_TEST_DB=postgresql: a new database on the server PGHOST/PGPORT/PGUSER
name (tools/pg-test-cluster), made with createdb and dropped at the end.
The same command-line suites thus run on every backend.
"""
import hashlib
import os
import sqlite3
import subprocess
import uuid


def backend():
    return os.environ.get("TAMU_TEST_DB") or "sqlite"


def pg_available():
    """Whether a server is named (tools/test and --setup postgres export PGHOST)."""
    return bool(os.environ.get("PGHOST"))


class TestDb:
    def __init__(self, directory, name="tamu.db", kind=None):
        """@kind: "sqlite" or "postgresql"; the run's backend when None."""
        kind = kind or backend()
        self.pg_name = None
        if kind == "sqlite":
            self.address = os.path.join(directory, name)
        elif kind == "postgresql":
            self.pg_name = "tamu_t_" + uuid.uuid4().hex[:16]
            subprocess.run(["createdb", "--no-password", self.pg_name], check=True,
                           capture_output=True)
            self.address = f"dbname={self.pg_name}"
        else:
            raise ValueError(f"TAMU_TEST_DB={kind}: sqlite or postgresql")

    def drop(self):
        if self.pg_name is not None:
            subprocess.run(["dropdb", "--no-password", "--force", self.pg_name], check=True,
                           capture_output=True)
            self.pg_name = None

    def digest(self):
        """A digest of every table's rows: what a refused command must leave alone."""
        digest = hashlib.sha256()
        if self.pg_name is None:
            con = sqlite3.connect(self.address)
            tables = [r[0] for r in con.execute(
                "SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
            for table in tables:
                for row in con.execute(f'SELECT * FROM "{table}" ORDER BY 1'):
                    digest.update(repr(row).encode())
            con.close()
            return digest.hexdigest()

        psql = self.psql
        tables = psql("SELECT table_name FROM information_schema.tables "
                      "WHERE table_schema = 'tamu' ORDER BY 1").split()
        for table in tables:
            digest.update(table.encode())
            digest.update(psql(f'SELECT * FROM tamu."{table}" ORDER BY 1').encode())
        return digest.hexdigest()

    def psql(self, sql):
        """One statement on this PostgreSQL database, its rows as psql -At prints them."""
        return subprocess.run(["psql", "--no-password", "-X", "-At", "-d", self.pg_name, "-c", sql],
                              check=True, capture_output=True, text=True).stdout
