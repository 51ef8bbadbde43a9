#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The booking command-line contract of issue 2, driven as a script would.

Every command runs the real tamu-cli on a real database file.  The table of
bad inputs checks, for each, the exit status (1 refused/invalid, 2 usage), a
message that names the rule or field, and that the database is unchanged.
"""

import hashlib
import json
import os
import stat
import subprocess
import sys
import tempfile
import unittest

CLI = sys.argv.pop(1) if len(sys.argv) > 1 else "tamu-cli"
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import testdb  # noqa: E402


class Cli:
    def __init__(self, directory):
        self.testdb = testdb.TestDb(directory)
        self.db = self.testdb.address
        self.env = dict(os.environ)
        self.env.update({
            "TAMU_NOW": "2024-03-01T08:00",
            "LC_ALL": "C.UTF-8",
            "LANGUAGE": "",
            "XDG_CONFIG_HOME": os.path.join(directory, "config"),
            "XDG_DATA_HOME": os.path.join(directory, "data"),
        })
        self.env.pop("TAMU_DB", None)

    def run(self, *args, now=None, db=True):
        env = dict(self.env)
        if now:
            env["TAMU_NOW"] = now
        argv = [CLI] + (["--db", self.db] if db else []) + list(args)
        return subprocess.run(argv, env=env, capture_output=True, text=True, timeout=60)

    def ok(self, *args, **kw):
        r = self.run(*args, **kw)
        if r.returncode != 0:
            raise AssertionError(f"{args} failed ({r.returncode}): {r.stderr}")
        return r

    def add(self, *extra, **kw):
        base = ["booking", "add", "--type", "tatap-muka", "--date", "2024-03-20", "--time", "09:00",
                "--daerah", "Kab. Bandung", "--topic", "TKD", "--guests", "3"]
        return self.ok(*(base + list(extra)), **kw)

    def state(self):
        """A digest of every table, to prove a refused command changed nothing."""
        return self.testdb.digest()


class BookingCli(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.cli = Cli(self.tmp.name)

    def tearDown(self):
        self.cli.testdb.drop()
        self.tmp.cleanup()

    def test_add_prints_id_alone_and_json(self):
        r = self.cli.add()
        self.assertRegex(r.stdout, r"^\d+\n$")
        r = self.cli.add("--time", "10:00", "--format", "json")
        booking = json.loads(r.stdout)
        for key in ["id", "uid", "sequence", "type", "date", "start", "end", "daerah", "region_code",
                    "province", "timezone", "topics", "guests", "actual_guests", "guest_limit", "status",
                    "room", "instansi", "contact", "phone", "email", "ticket", "pic", "link", "notes",
                    "override_reason"]:
            self.assertIn(key, booking)
        self.assertEqual(booking["daerah"], "Kab. Bandung")
        self.assertEqual(booking["region_code"], "32.04")
        self.assertEqual(booking["province"], "Jawa Barat")
        self.assertEqual(booking["timezone"], "Asia/Jakarta")
        self.assertEqual(booking["topics"], ["TKD"])
        self.assertEqual(booking["guest_limit"], 5)
        self.assertEqual(booking["status"], "requested")
        self.assertIsNone(booking["actual_guests"])

    @unittest.skipUnless(testdb.backend() == "sqlite", "a SQLite file's own promise")
    def test_database_is_private(self):
        self.cli.add()
        self.assertEqual(stat.S_IMODE(os.stat(self.cli.db).st_mode), 0o600)

    @unittest.skipUnless(testdb.backend() == "sqlite", "a SQLite file's own promise")
    def test_default_database_location(self):
        r = self.cli.run("holiday", "list", "--year", "2024", db=False)
        self.assertEqual(r.returncode, 0, r.stderr)
        default = os.path.join(self.tmp.name, "data", "tamu", "tamu.db")
        self.assertTrue(os.path.exists(default))
        self.assertEqual(stat.S_IMODE(os.stat(os.path.dirname(default)).st_mode), 0o700)
        # TAMU_DB overrides it.
        other = os.path.join(self.tmp.name, "other.db")
        env = dict(self.cli.env, TAMU_DB=other)
        subprocess.run([CLI, "holiday", "list"], env=env, capture_output=True, check=True)
        self.assertTrue(os.path.exists(other))

    def test_warnings_go_to_stderr(self):
        r = self.cli.add("--daerah", "Kab. Tidore Kepulauan")
        self.assertRegex(r.stdout, r"^\d+\n$")
        self.assertIn("Kota Tidore Kepulauan", r.stderr)
        r = self.cli.add("--daerah", "Bank Kalbar", "--time", "10:00")
        self.assertIn("unknown-daerah", r.stderr)
        booking = json.loads(self.cli.ok("booking", "show", r.stdout.strip(), "--format", "json").stdout)
        self.assertEqual(booking["daerah"], "Bank Kalbar")
        self.assertIsNone(booking["region_code"])
        r = self.cli.add("--daerah", "Bank Kalbar", "--time", "13:00")
        self.assertIn("duplicate-daerah", r.stderr)

    def test_override_reason_books_over_limit(self):
        r = self.cli.run("booking", "add", "--type", "tatap-muka", "--date", "2024-03-20", "--time", "09:00",
                         "--daerah", "Prov. Sumatera Utara", "--topic", "SHSR", "--guests", "10")
        self.assertEqual(r.returncode, 1)
        self.assertTrue(r.stderr.startswith("tamu-cli: guest-limit:"), r.stderr)
        r = self.cli.add("--guests", "10", "--override-reason", "Kepala daerah hadir", "--format", "json")
        booking = json.loads(r.stdout)
        self.assertEqual(booking["override_reason"], "Kepala daerah hadir")
        self.assertIn("over-limit", r.stderr)

    def test_lifecycle(self):
        bid = self.cli.add().stdout.strip()
        self.cli.ok("booking", "confirm", bid)
        self.cli.ok("booking", "update", bid, "--time", "10:00", "--guests", "4")
        shown = json.loads(self.cli.ok("booking", "show", bid, "--format", "json").stdout)
        self.assertEqual(shown["status"], "confirmed")
        self.assertEqual(shown["start"], "10:00")
        self.assertEqual(shown["sequence"], 2)

        r = self.cli.run("booking", "checkin", bid, "--guests", "7", now="2024-03-20T10:05")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("over-limit", r.stderr)
        shown = json.loads(self.cli.ok("booking", "show", bid, "--format", "json").stdout)
        self.assertEqual(shown["status"], "done")
        self.assertEqual(shown["actual_guests"], 7)
        self.assertTrue(shown["over_limit"])

        history = self.cli.ok("booking", "history", bid).stdout
        for action in ["create", "confirm", "update", "check-in"]:
            self.assertIn(action, history)
        self.assertIn("guests: 3 → 4", history)
        self.assertIn("time: 09:00 → 10:00", history)

        other = self.cli.add("--time", "14:00").stdout.strip()
        self.cli.ok("booking", "cancel", other, "--reason", "Jadwal bentrok")
        shown = json.loads(self.cli.ok("booking", "show", other, "--format", "json").stdout)
        self.assertEqual(shown["status"], "cancelled")
        third = self.cli.add("--time", "15:00").stdout.strip()
        self.cli.ok("booking", "noshow", third, now="2024-03-20T16:00")
        shown = json.loads(self.cli.ok("booking", "show", third, "--format", "json").stdout)
        self.assertEqual(shown["status"], "no-show")

    def test_list_formats_and_filters(self):
        self.cli.add()
        self.cli.add("--type", "vidcon", "--time", "13:00", "--daerah", "Kota Tomohon", "--topic", "Pembiayaan",
                     "--link", "https://teams.microsoft.com/l/meetup-join/abc")
        self.cli.add("--date", "2024-03-21")
        rows = json.loads(self.cli.ok("booking", "list", "--from", "2024-03-20", "--to", "2024-03-20",
                                      "--format", "json").stdout)
        self.assertEqual([r["start"] for r in rows], ["09:00", "13:00"])
        rows = json.loads(self.cli.ok("booking", "list", "--type", "vidcon", "--format", "json").stdout)
        self.assertEqual(len(rows), 1)
        self.assertEqual(rows[0]["timezone"], "Asia/Makassar")
        table = self.cli.ok("booking", "list").stdout
        self.assertIn("Kota Tomohon", table)
        self.assertEqual(len(table.strip().splitlines()), 4)
        csv = self.cli.ok("booking", "list", "--format", "csv").stdout
        self.assertTrue(csv.startswith("\ufeff"))
        self.assertIn("Kab. Bandung", csv)

    def test_slots(self):
        self.cli.add("--time", "08:00", "--room", "Ruang Konsultasi 1")
        self.cli.add("--time", "08:00", "--room", "Ruang Konsultasi 2")
        slots = json.loads(self.cli.ok("slots", "--date", "2024-03-20", "--format", "json").stdout)
        self.assertEqual(slots[0], {"date": "2024-03-20", "start": "09:00", "end": "10:00",
                                    "room": "Ruang Konsultasi 1"})
        slots = json.loads(self.cli.ok("slots", "--date", "2024-03-08", "--days", "3", "--duration", "90",
                                       "--format", "json").stdout)
        self.assertEqual(sorted({s["date"] for s in slots}), ["2024-03-08", "2024-03-13", "2024-03-14"])
        r = self.cli.run("slots", "--date", "2024-03-11")
        self.assertEqual(r.returncode, 1)
        self.assertIn("closed-day", r.stderr)

    def test_import_csv(self):
        path = os.path.join(self.tmp.name, "log.csv")
        with open(path, "w", encoding="utf-8") as f:
            f.write("Tanggal,Daerah,Topik,Jumlah Tamu,type\n"
                    "1 Maret 2024,Kab. Bandung,TKD,9,Tatap Muka\n"
                    "20 Maret 2024,Kab. Jepara,\"DAU, DAK NF\",2,tatap-muka\n")
        r = self.cli.ok("import", "csv", path, "--dry-run", now="2024-04-01T08:00")
        self.assertIn("Would import 2 visits", r.stdout)
        self.assertEqual(json.loads(self.cli.ok("booking", "list", "--format", "json").stdout), [])
        r = self.cli.ok("import", "csv", path, now="2024-04-01T08:00")
        rows = json.loads(self.cli.ok("booking", "list", "--format", "json").stdout)
        self.assertEqual(len(rows), 2)
        self.assertEqual(rows[0]["status"], "done")
        self.assertEqual(rows[0]["actual_guests"], 9)
        self.assertTrue(rows[0]["over_limit"])
        self.assertEqual(rows[1]["topics"], ["DAU", "DAK Non Fisik"])

    def test_import_reports_every_bad_row(self):
        path = os.path.join(self.tmp.name, "bad.csv")
        with open(path, "w", encoding="utf-8") as f:
            f.write("type,date,time,daerah,topic,guests\n"
                    "tatap-muka,2024-03-20,09:00,Kab. Bandung,TKD,2\n"
                    "tatap-muka,2024-02-30,09:00,Kab. Bandung,TKD,2\n"
                    "tatap-muka,2024-03-20,10:00,Kab. Bandung,Zakat,2\n"
                    "tatap-muka,2024-03-23,10:00,Kab. Bandung,TKD,2\n")
        self.cli.ok("holiday", "list")  # creates the database
        before = self.cli.state()
        r = self.cli.run("import", "csv", path)
        self.assertEqual(r.returncode, 1)
        self.assertIn("line 3: date:", r.stderr)
        self.assertIn("line 4: topic:", r.stderr)
        self.assertIn("line 5: closed-day:", r.stderr)
        self.assertEqual(self.cli.state(), before)

    def test_daerah_search(self):
        rows = json.loads(self.cli.ok("daerah", "search", "Kota Pematang Siantar", "--format", "json").stdout)
        self.assertEqual(rows[0]["name"], "Kota Pematangsiantar")
        self.assertTrue(rows[0]["exact"])
        r = self.cli.ok("daerah", "search", "Kab. Tidore Kepulauan")
        self.assertIn("Kota Tidore Kepulauan", r.stdout + r.stderr)

    def test_holidays_and_settings(self):
        self.cli.ok("holiday", "add", "2024-03-21", "Libur", "kantor")
        r = self.cli.run("booking", "add", "--type", "tatap-muka", "--date", "2024-03-21", "--time", "09:00",
                         "--daerah", "Kab. Bandung", "--topic", "TKD", "--guests", "3")
        self.assertEqual(r.returncode, 1)
        self.assertIn("closed-day", r.stderr)
        self.assertIn("2024-03-21", self.cli.ok("holiday", "list", "--year", "2024").stdout)
        self.cli.ok("holiday", "remove", "2024-03-21")
        self.assertNotIn("2024-03-21", self.cli.ok("holiday", "list", "--year", "2024").stdout)

        self.cli.ok("settings", "set", "guest-limit", "8")
        self.assertEqual(self.cli.ok("settings", "get", "guest-limit").stdout.strip(), "8")
        self.cli.ok("settings", "set", "daily-cap", "1")
        self.cli.add()
        r = self.cli.run("booking", "add", "--type", "tatap-muka", "--date", "2024-03-20", "--time", "13:00",
                         "--daerah", "Kab. Bandung", "--topic", "TKD", "--guests", "3")
        self.assertIn("daily-cap", r.stderr)
        self.cli.ok("settings", "set", "agent-name", "Hanna")
        self.assertIn("Hanna", self.cli.ok("settings", "list").stdout)
        bid = self.cli.add("--type", "vidcon", "--time", "14:00").stdout.strip()
        self.assertIn("Hanna", self.cli.ok("booking", "history", bid).stdout)

    def test_format_json_anywhere(self):
        bid = self.cli.add().stdout.strip()
        r = self.cli.ok("booking", "show", "--format", "json", bid)
        self.assertEqual(json.loads(r.stdout)["id"], int(bid))

    def test_demo_load(self):
        # The demo month loads as records even when "now" lies inside it.
        self.cli.ok("demo", "load", now="2024-03-20T08:00")
        rows = json.loads(self.cli.ok("booking", "list", "--from", "2024-03-20", "--to", "2024-03-20",
                                      "--type", "tatap-muka", "--format", "json").stdout)
        self.assertEqual(len(rows), 4)
        r = self.cli.run("demo", "load")
        self.assertEqual(r.returncode, 1)


# command, expected exit status, text the message must contain (the rule or field).
BASE = ["booking", "add", "--type", "tatap-muka", "--date", "2024-03-20", "--time", "09:00",
        "--daerah", "Kab. Bandung", "--topic", "TKD", "--guests", "3"]


def with_option(name, value):
    args = list(BASE)
    i = args.index(name)
    args[i + 1] = value
    return args


def without_option(name):
    args = list(BASE)
    i = args.index(name)
    del args[i:i + 2]
    return args


BAD_INPUTS = [
    (with_option("--date", "2024-02-30"), 1, "date"),
    (with_option("--date", "2023-02-29"), 1, "date"),
    (with_option("--date", "2024-13-01"), 1, "date"),
    (with_option("--date", "20-03-2024x"), 1, "date"),
    (with_option("--date", "kemarin"), 1, "date"),
    (with_option("--time", "25:61"), 1, "time"),
    (with_option("--time", "24:00"), 1, "time"),
    (with_option("--time", "9"), 1, "time"),
    (with_option("--time", "noon"), 1, "time"),
    (with_option("--guests", "0"), 1, "guests"),
    (with_option("--guests", "-2"), 1, "guests"),
    (with_option("--guests", "abc"), 1, "guests"),
    (with_option("--guests", "2.5"), 1, "guests"),
    (with_option("--guests", "9"), 1, "guest-limit"),
    (with_option("--type", "webinar"), 1, "type"),
    (with_option("--topic", "Zakat"), 1, "topic"),
    (with_option("--topic", "DAU, Zakat"), 1, "topic"),
    (with_option("--topic", ","), 1, "topic"),
    (with_option("--date", "2024-03-16"), 1, "closed-day"),
    (with_option("--date", "2024-03-17"), 1, "closed-day"),
    (with_option("--date", "2024-03-11"), 1, "closed-day"),
    (with_option("--date", "2024-03-12"), 1, "closed-day"),
    (with_option("--date", "2024-02-14"), 1, "closed-day"),
    (with_option("--time", "07:00"), 1, "service-hours"),
    (with_option("--time", "15:30"), 1, "service-hours"),
    (with_option("--time", "12:00"), 1, "break"),
    (with_option("--time", "11:30"), 1, "break"),
    (with_option("--date", "2024-02-29"), 1, "past-start"),
    (BASE + ["--room", "Aula"], 1, "unknown-room"),
    (BASE + ["--duration", "0"], 1, "duration"),
    (BASE + ["--duration", "lama"], 1, "duration"),
    (BASE + ["--duration", "900"], 1, "duration"),
    (BASE + ["--email", "bukan-email"], 1, "email"),
    (BASE + ["--link", "javascript:alert(1)"], 1, "link"),
    (BASE + ["--status", "done"], 1, "status"),
    (with_option("--daerah", "   "), 1, "daerah"),
    (without_option("--date"), 2, "--date"),
    (without_option("--time"), 2, "--time"),
    (without_option("--type"), 2, "--type"),
    (without_option("--topic"), 2, "--topic"),
    (without_option("--guests"), 1, "guests"),
    (BASE + ["--colour", "red"], 2, "--colour"),
    (BASE + ["--format", "xml"], 2, "--format"),
    (["booking", "frobnicate"], 2, "frobnicate"),
    (["bookings"], 2, "bookings"),
    (["booking", "show", "abc"], 1, "id"),
    (["booking", "show", "999"], 1, "booking"),
    (["booking", "cancel", "999"], 1, "booking"),
    (["booking", "checkin", "1"], 2, "--guests"),
    (["booking", "checkin", "999", "--guests", "x"], 1, "guests"),
    (["booking", "list", "--from", "2024-02-30"], 1, "from"),
    (["booking", "list", "--status", "lost"], 1, "status"),
    (["slots", "--date", "2024-03-20", "--guests", "nine"], 1, "guests"),
    (["slots"], 2, "--date"),
    (["settings", "set", "guest-limit", "many"], 1, "guest-limit"),
    (["settings", "set", "service-hours", "16:00-08:00"], 1, "service-hours"),
    (["settings", "set", "colour", "red"], 1, "colour"),
    (["settings", "set", "reminder-minutes", "-5"], 1, "reminder-minutes"),
    (["holiday", "add", "2024-02-30", "Libur"], 1, "date"),
    (["holiday", "remove", "2024-03-20"], 1, "date"),
    (["import", "csv", "/nonexistent/file.csv"], 1, "file"),
    (["import", "xls", "x"], 2, "xls"),
]


class BadInputs(unittest.TestCase):
    def test_bad_inputs_refused_cleanly(self):
        self.assertGreaterEqual(len(BAD_INPUTS), 40)
        with tempfile.TemporaryDirectory() as tmp:
            cli = Cli(tmp)
            self.addCleanup(cli.testdb.drop)
            cli.add("--time", "14:00")  # a booking, so the database is not empty
            before = cli.state()
            for args, status, needle in BAD_INPUTS:
                with self.subTest(args=" ".join(args)):
                    r = cli.run(*args)
                    self.assertEqual(r.returncode, status, f"stderr: {r.stderr}")
                    self.assertEqual(r.stdout, "")
                    lines = [l for l in r.stderr.splitlines() if l.strip()]
                    self.assertTrue(lines, "no message on stderr")
                    self.assertIn(needle, r.stderr)
                    if status == 1:
                        # One clear line, starting with the rule or field.
                        self.assertTrue(lines[-1].startswith("tamu-cli: "), lines)
                    self.assertEqual(cli.state(), before, "the database changed")


if __name__ == "__main__":
    unittest.main(verbosity=2)
