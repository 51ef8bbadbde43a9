#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Moving and keeping data (issue 10): `tamu-cli --db SOURCE db copy DEST` and
`tamu-cli db backup FILE`, driven as a script would, on real databases.

The source is on the backend TAMU_TEST_DB names (testdb.py); the copies go
to the other backend and back, on the server PGHOST names (tools/test and
`meson test --setup postgres` export it; without one, the tests that need a
server are skipped, saying so).  What the office reads — booking list and
history, the PPID register and recap, the month's summary, holidays, topics,
settings — must read the same on every copy.
"""

import json
import os
import signal
import sqlite3
import stat
import subprocess
import sys
import tempfile
import time
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import testdb  # noqa: E402

CLI = sys.argv.pop(1) if len(sys.argv) > 1 else "tamu-cli"
OTHER = {"sqlite": "postgresql", "postgresql": "sqlite"}
KINDS = ["settings", "holidays", "topics", "bookings", "booking_topics", "ppid_requests", "audit", "feeds"]
NEEDS_SERVER = "no PostgreSQL server (PGHOST unset; tools/pg-test-cluster starts one)"


class Cli:
    def __init__(self, directory):
        self.env = dict(os.environ)
        self.env.update({
            "TAMU_NOW": "2024-04-20T08:00",
            "LC_ALL": "C.UTF-8",
            "LANGUAGE": "",
            "XDG_CONFIG_HOME": os.path.join(directory, "config"),
            "XDG_DATA_HOME": os.path.join(directory, "data"),
        })
        self.env.pop("TAMU_DB", None)

    def run(self, db, *args, now=None):
        env = dict(self.env)
        if now:
            env["TAMU_NOW"] = now
        return subprocess.run([CLI, "--db", db, *args], env=env, capture_output=True, text=True)

    def ok(self, db, *args, now=None):
        r = self.run(db, *args, now=now)
        if r.returncode != 0:
            raise AssertionError(f"{args} on {db} failed ({r.returncode}): {r.stderr}")
        return r.stdout

    def popen_niced(self, db, *args):
        # At the lowest priority, so that on a busy machine the test watching
        # it still sees it half-way.
        return subprocess.Popen([CLI, "--db", db, *args], env=self.env, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, preexec_fn=lambda: os.nice(19))


def fill(cli, db):
    """The demo month, a cancelled and a deleted booking, PPID requests through
    their steps, a changed setting, a removed topic and holiday.  Returns the
    ids whose history is compared."""
    cli.ok(db, "demo", "load")
    add = ["booking", "add", "--type", "tatap-muka", "--date", "2024-04-22", "--daerah", "Kab. Bandung",
           "--topic", "TKD", "--guests", "3"]
    kept = cli.ok(db, *add, "--time", "09:00", "--notes", "Rombongan; membawa \"berkas\"").strip()
    cancelled = cli.ok(db, *add, "--time", "10:00").strip()
    deleted = cli.ok(db, *add, "--time", "13:00").strip()
    cli.ok(db, "booking", "update", kept, "--guests", "4")
    cli.ok(db, "booking", "cancel", cancelled, "--reason", "Jadwal bentrok")
    cli.ok(db, "booking", "delete", deleted)
    cli.ok(db, "settings", "set", "guest-limit", "8")
    cli.ok(db, "topic", "add", "BARU", "--full-name", "Topik Baru; uji", "--alias", "B1,B2")
    cli.ok(db, "topic", "add", "LAMA")
    cli.ok(db, "topic", "remove", "LAMA")
    cli.ok(db, "holiday", "add", "2024-04-26", "Libur kantor")
    cli.ok(db, "holiday", "add", "2024-04-29", "Libur kedua")
    cli.ok(db, "holiday", "remove", "2024-04-29")
    # A subscribed feed and a revoked one: their links must keep working after a move.
    cli.ok(db, "feed", "add", "Ruang 1", "--type", "tatap-muka", "--room", "Ruang Konsultasi 1")
    cli.ok(db, "feed", "add", "Lama")
    cli.ok(db, "feed", "revoke", "Lama")

    def ppid(received, name, *steps):
        rid = cli.ok(db, "ppid", "add", "--received", received, "--name", name, "--info", "Realisasi DAU",
                     now="2024-06-28T08:00").strip()
        for step in steps:
            cli.ok(db, "ppid", step[0], rid, *step[1:], now="2024-06-28T08:00")
        return rid

    p1 = ppid("2024-03-01", "Rina Hapsari", ("extend", "--reason", "Data dihimpun dari daerah"),
              ("respond", "--date", "2024-03-20", "--decision", "refused", "--reason", "exempt"),
              ("object", "--date", "2024-04-02", "--reason", "Bukan informasi yang dikecualikan"))
    p2 = ppid("2024-03-05", "Budi", ("respond", "--date", "2024-03-12", "--decision", "partial"))
    p3 = ppid("2024-04-04", "Citra", ("withdraw",))
    ppid("2024-04-18", "Dewi")
    return {"bookings": ["1", kept, cancelled], "ppid": [p1, p2, p3]}


def views(cli, db, ids):
    """What the office reads, as text."""
    out = {
        "booking list": cli.ok(db, "booking", "list", "--format", "json"),
        "ppid list": cli.ok(db, "ppid", "list", "--format", "json"),
        "ppid recap": cli.ok(db, "ppid", "recap", "--year", "2024", "--format", "json"),
        "summary": cli.ok(db, "summary", "--month", "2024-03", "--format", "json"),
        "summary april": cli.ok(db, "summary", "--month", "2024-04", "--format", "json"),
        "holidays": cli.ok(db, "holiday", "list"),
        "topics": cli.ok(db, "topic", "list"),
        "settings": cli.ok(db, "settings", "list"),
        "feeds": cli.ok(db, "feed", "list", "--format", "json"),
    }
    for bid in ids["bookings"]:
        out[f"booking history {bid}"] = cli.ok(db, "booking", "history", bid)
    for rid in ids["ppid"]:
        out[f"ppid history {rid}"] = cli.ok(db, "ppid", "history", rid)
    return out


def parse_counts(stdout):
    counts = {}
    for line in stdout.splitlines()[1:]:
        kind, number = line.split()
        counts[kind] = int(number)
    return counts


def read_bytes(path):
    with open(path, "rb") as f:
        return f.read()


def sqlite_count(path, table):
    con = sqlite3.connect(path)
    try:
        return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        con.close()


class DbCopy(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.dir = cls.tmp.name
        cls.cli = Cli(cls.dir)
        cls.dbs = []
        cls.source = cls.new_db(testdb.backend())
        cls.ids = fill(cls.cli, cls.source.address)
        cls.expected = views(cls.cli, cls.source.address, cls.ids)

    @classmethod
    def tearDownClass(cls):
        for db in cls.dbs:
            db.drop()
        cls.tmp.cleanup()

    @classmethod
    def new_db(cls, kind):
        db = testdb.TestDb(cls.dir, f"copy-{len(cls.dbs)}.db", kind=kind)
        cls.dbs.append(db)
        return db

    def copy(self, source, dest):
        out = self.cli.ok(source, "db", "copy", dest)
        self.assertRegex(out.splitlines()[0], r"^Copied .* read back and verified:$")
        counts = parse_counts(out)
        self.assertEqual(list(counts), KINDS)
        return counts

    def assert_same_views(self, db, hop):
        got = views(self.cli, db, self.ids)
        for name, text in self.expected.items():
            self.assertEqual(got[name], text, f"{hop}: {name} differs")

    @unittest.skipUnless(testdb.pg_available(), NEEDS_SERVER)
    def test_round_trip_reads_the_same(self):
        there = self.new_db(OTHER[testdb.backend()])
        back = self.new_db(testdb.backend())

        counts = self.copy(self.source.address, there.address)
        # 33 demo bookings and 3 added (one of them deleted: it is copied too).
        self.assertEqual(counts["bookings"], 36)
        self.assertEqual(counts["ppid_requests"], 4)
        self.assertGreater(counts["audit"], 36)
        self.assert_same_views(there.address, f"{testdb.backend()} → {OTHER[testdb.backend()]}")

        self.assertEqual(self.copy(there.address, back.address), counts)
        self.assert_same_views(back.address, "and back")

        # New records number on after the copied ones, on both engines.
        for db in (there.address, back.address):
            bid = self.cli.ok(db, "booking", "add", "--type", "vidcon", "--date", "2024-04-23",
                              "--time", "10:00", "--daerah", "Kab. Sleman", "--topic", "TKD").strip()
            self.assertEqual(bid, "37")
            rid = self.cli.ok(db, "ppid", "add", "--received", "2024-04-19", "--name", "Eka",
                              "--info", "DAK").strip()
            self.assertEqual(rid, "5")
            shown = json.loads(self.cli.ok(db, "ppid", "show", rid, "--format", "json"))
            self.assertTrue(shown["number"].startswith("005/"), shown["number"])

    def test_copy_to_a_new_file_on_the_same_backend(self):
        dest = self.new_db("sqlite")
        counts = self.copy(self.source.address, dest.address)
        self.assertEqual(counts["bookings"], sqlite_count(dest.address, "bookings"))
        self.assertEqual(counts["audit"], sqlite_count(dest.address, "audit"))
        self.assert_same_views(dest.address, "copy to a file")

    def refused_into(self, kind):
        dest = self.new_db(kind)
        self.cli.ok(dest.address, "booking", "add", "--type", "vidcon", "--date", "2024-04-23",
                    "--time", "10:00", "--daerah", "Kab. Sleman", "--topic", "TKD")
        before = dest.digest()
        r = self.cli.run(self.source.address, "db", "copy", dest.address)
        self.assertEqual(r.returncode, 1, r.stdout + r.stderr)
        self.assertEqual(r.stdout, "")
        self.assertEqual(len(r.stderr.splitlines()), 1, r.stderr)
        self.assertRegex(r.stderr, r"^tamu-cli: db copy: .* is not empty \(1 bookings, 0 PPID requests, "
                                   r"[0-9]+ audit entries\)")
        if kind == "sqlite":
            self.assertIn(dest.address, r.stderr)
        else:
            self.assertIn(dest.pg_name, r.stderr)
        self.assertEqual(dest.digest(), before)

    def test_a_database_in_use_is_refused_and_unchanged(self):
        self.refused_into("sqlite")

    @unittest.skipUnless(testdb.pg_available(), NEEDS_SERVER)
    def test_a_server_database_in_use_is_refused_and_unchanged(self):
        self.refused_into("postgresql")

    @unittest.skipUnless(testdb.pg_available(), NEEDS_SERVER)
    def test_a_password_in_the_address_is_never_shown(self):
        dest = self.new_db("postgresql")
        secret = "s3cret-Pw"
        uri = (f"postgresql://{os.environ.get('PGUSER', 'tamu')}:{secret}@/{dest.pg_name}"
               f"?host={os.environ['PGHOST']}&port={os.environ.get('PGPORT', '5432')}")
        copied = self.cli.run(self.source.address, "db", "copy", uri)
        self.assertEqual(copied.returncode, 0, copied.stderr)
        self.assertIn(dest.pg_name, copied.stdout)
        refused = self.cli.run(self.source.address, "db", "copy", uri)
        self.assertEqual(refused.returncode, 1)
        backup = os.path.join(self.dir, "from-uri.db")
        backed_up = self.cli.run(uri, "db", "backup", backup)
        self.assertEqual(backed_up.returncode, 0, backed_up.stderr)
        for r in (copied, refused, backed_up):
            self.assertNotIn(secret, r.stdout + r.stderr)
        self.assertNotIn(secret.encode(), read_bytes(backup))

    def test_copy_into_itself_is_refused(self):
        r = self.cli.run(self.source.address, "db", "copy", self.source.address)
        self.assertEqual(r.returncode, 1)
        self.assertIn("db copy:", r.stderr)

    def test_usage(self):
        self.assertEqual(self.cli.run(self.source.address, "db", "copy").returncode, 2)
        self.assertEqual(self.cli.run(self.source.address, "db", "backup").returncode, 2)
        self.assertEqual(self.cli.run(self.source.address, "db", "move", "x").returncode, 2)

    def backup_of(self, source, name):
        path = os.path.join(self.dir, name)
        out = self.cli.ok(source, "db", "backup", path)
        self.assertEqual(list(parse_counts(out)), KINDS)
        self.assertEqual(stat.S_IMODE(os.stat(path).st_mode), 0o600)
        leftovers = [f for f in os.listdir(self.dir) if f.startswith("." + name)]
        self.assertEqual(leftovers, [])
        self.assertEqual(read_bytes(path)[:16], b"SQLite format 3\0")
        self.assert_same_views(path, f"backup {name}")

        # Never over another file, even an empty one; the file stays as it was.
        empty = os.path.join(self.dir, name + ".empty")
        open(empty, "w").close()
        for existing in (path, empty):
            before = read_bytes(existing)
            r = self.cli.run(source, "db", "backup", existing)
            self.assertEqual(r.returncode, 1)
            self.assertRegex(r.stderr, r"^tamu-cli: backup: .* exists already")
            self.assertEqual(read_bytes(existing), before)

    def test_backup(self):
        self.backup_of(self.source.address, f"backup-{testdb.backend()}.db")

    @unittest.skipUnless(testdb.pg_available(), NEEDS_SERVER)
    def test_backup_from_the_other_backend(self):
        other = self.new_db(OTHER[testdb.backend()])
        self.copy(self.source.address, other.address)
        self.backup_of(other.address, f"backup-{OTHER[testdb.backend()]}.db")


class AllOrNothing(unittest.TestCase):
    """A copy that dies or fails half-way leaves the destination as it was."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.dir = cls.tmp.name
        cls.cli = Cli(cls.dir)
        cls.dbs = []
        # A big SQLite source: a few bookings, then 300,000 audit rows written
        # straight into the file (copying them takes seconds, not milliseconds).
        cls.big = os.path.join(cls.dir, "big.db")
        fill(cls.cli, cls.big)
        con = sqlite3.connect(cls.big)
        con.executemany(
            "INSERT INTO audit (entity, entity_id, action, field, old_value, new_value, actor, at)"
            " VALUES ('booking', ?, 'update', 'notes', 'lama', 'baru', 'Hanna', '2024-03-01T01:00:00Z')",
            ((i % 30 + 1,) for i in range(300000)))
        con.commit()
        con.close()

    @classmethod
    def tearDownClass(cls):
        for db in cls.dbs:
            db.drop()
        cls.tmp.cleanup()

    def new_db(self, kind):
        db = testdb.TestDb(self.dir, f"dest-{len(self.dbs)}.db", kind=kind)
        self.dbs.append(db)
        # Created (schema and seeded defaults) before the copy starts.
        self.cli.ok(db.address, "holiday", "list")
        return db

    def kill_when(self, dest, writing):
        copy = self.cli.popen_niced(self.big, "db", "copy", dest.address)
        try:
            while not writing():
                if copy.poll() is not None:
                    self.fail(f"the copy ended ({copy.returncode}) before it could be killed: "
                              f"{copy.stdout.read()} {copy.stderr.read()}")
                time.sleep(0.01)
            os.kill(copy.pid, signal.SIGKILL)
        finally:
            copy.wait()
            copy.stdout.close()
            copy.stderr.close()
        self.assertEqual(copy.returncode, -signal.SIGKILL)

    def assert_still_empty(self, dest, before):
        self.assertEqual(dest.digest(), before)
        # Still empty: a later copy goes through.
        small = os.path.join(self.dir, f"small-{len(self.dbs)}.db")
        self.cli.ok(small, "booking", "add", "--type", "vidcon", "--date", "2024-04-23",
                    "--time", "10:00", "--daerah", "Kab. Sleman", "--topic", "TKD")
        self.cli.ok(small, "db", "copy", dest.address)
        rows = json.loads(self.cli.ok(dest.address, "booking", "list", "--format", "json"))
        self.assertEqual(len(rows), 1)

    def test_killed_copy_to_a_file_keeps_nothing(self):
        dest = self.new_db("sqlite")
        before = dest.digest()
        wal = dest.address + "-wal"
        # Rows spill into the WAL long before the copy commits.
        self.kill_when(dest, lambda: os.path.exists(wal) and os.path.getsize(wal) > 2 * 1024 * 1024)
        self.assertEqual(sqlite_count(dest.address, "audit"), 0)
        self.assert_still_empty(dest, before)

    @unittest.skipUnless(testdb.pg_available(), NEEDS_SERVER)
    def test_killed_copy_to_a_server_keeps_nothing(self):
        dest = self.new_db("postgresql")
        before = dest.digest()
        # The audit log is copied last: every other kind is written by then.
        activity = ("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                    " AND pid <> pg_backend_pid() AND query LIKE 'INSERT INTO audit%'")
        self.kill_when(dest, lambda: dest.psql(activity).strip() != "0")
        self.assertEqual(dest.psql("SELECT count(*) FROM tamu.bookings").strip(), "0")
        self.assert_still_empty(dest, before)

    @unittest.skipUnless(testdb.pg_available(), NEEDS_SERVER)
    def test_a_constraint_failure_keeps_nothing(self):
        # Two active bookings in one room at one time: SQLite has no
        # constraint against it, the server refuses the second.
        source = os.path.join(self.dir, "overlap.db")
        self.cli.ok(source, "booking", "add", "--type", "tatap-muka", "--date", "2024-04-22",
                    "--time", "09:00", "--daerah", "Kab. Bandung", "--topic", "TKD", "--guests", "3")
        con = sqlite3.connect(source)
        columns = [r[1] for r in con.execute("PRAGMA table_info(bookings)") if r[1] not in ("id", "uid")]
        con.execute(f"INSERT INTO bookings (uid, {', '.join(columns)})"
                    f" SELECT uid || '-twin', {', '.join(columns)} FROM bookings")
        con.commit()
        con.close()
        dest = self.new_db("postgresql")
        before = dest.digest()
        r = self.cli.run(source, "db", "copy", dest.address)
        self.assertEqual(r.returncode, 1, r.stdout)
        self.assertEqual(len(r.stderr.splitlines()), 1, r.stderr)
        self.assertRegex(r.stderr, r"^tamu-cli: database: two active bookings hold one room at one time "
                                   r"\(.*Ruang Konsultasi 1.*\); the server refuses overlapping bookings")
        self.assertEqual(dest.digest(), before)


if __name__ == "__main__":
    unittest.main(verbosity=2)
