#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The hardening items of issue 12, driven as a script (or an attacker) would.

Every command runs the real tamu-cli on a real database file.  Arguments and
outputs are bytes: some of them are deliberately not UTF-8.
"""

import hashlib
import json
import os
import sqlite3
import stat
import subprocess
import sys
import tempfile
import unittest

CLI = sys.argv.pop(1) if len(sys.argv) > 1 else "tamu-cli"

ESC = b"\x1b"
NOT_UTF8 = b"Kab. \xff\xfe Bandung"


class Cli:
    def __init__(self, directory):
        self.dir = directory
        self.db = os.path.join(directory, "tamu.db")
        self.env = dict(os.environ)
        self.env.update({
            "TAMU_NOW": "2024-03-01T08:00",
            "LC_ALL": "C.UTF-8",
            "LANGUAGE": "",
            "XDG_CONFIG_HOME": os.path.join(directory, "config"),
            "XDG_DATA_HOME": os.path.join(directory, "data"),
        })
        self.env.pop("TAMU_DB", None)

    def run(self, *args, timeout=60):
        argv = [CLI, "--db", self.db] + [a if isinstance(a, bytes) else a.encode() for a in args]
        return subprocess.run(argv, env=self.env, capture_output=True, timeout=timeout)

    def ok(self, *args):
        r = self.run(*args)
        if r.returncode != 0:
            raise AssertionError(f"{args} failed ({r.returncode}): {r.stderr!r}")
        return r

    def add(self, *extra):
        base = ["booking", "add", "--type", "tatap-muka", "--date", "2024-03-20", "--time", "09:00",
                "--daerah", "Kab. Bandung", "--topic", "TKD", "--guests", "3"]
        return self.ok(*(base + list(extra)))

    def state(self):
        """A digest of every table, to prove a refused command changed nothing."""
        con = sqlite3.connect(self.db)
        digest = hashlib.sha256()
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        for table in tables:
            for row in con.execute(f"SELECT * FROM \"{table}\" ORDER BY 1"):
                digest.update(repr(row).encode())
        con.close()
        return digest.hexdigest()

    def path(self, name):
        return os.path.join(self.dir, name)


def one_line(test, r, prefix):
    """Exit status 1 and exactly one line on stderr starting with @prefix."""
    test.assertEqual(r.returncode, 1, r.stderr)
    lines = r.stderr.decode("utf-8").splitlines()
    test.assertEqual(len(lines), 1, lines)
    test.assertTrue(lines[0].startswith(prefix), f"{lines[0]!r} does not start with {prefix!r}")


def assert_no_controls(test, data):
    """No raw C0 (but tab and line feed), DEL or C1 in what reached the terminal."""
    text = data.decode("utf-8")  # also proves the output is UTF-8
    for ch in text:
        code = ord(ch)
        if ch in "\t\n":
            continue
        test.assertFalse(code < 0x20 or code == 0x7f or 0x80 <= code <= 0x9f,
                         f"raw control U+{code:04X} in {text!r}")


class Case(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.cli = Cli(self.tmp.name)
        self.cli.add()  # booking 1, so the database exists and is not empty

    def tearDown(self):
        self.tmp.cleanup()


class ChartAndExcelFiles(Case):
    """Items 1 and 2: exports are private and replace a planted link."""

    def check_replaced(self, name, magic):
        victim = self.cli.path("victim.txt")
        with open(victim, "w") as f:
            f.write("do not touch\n")
        os.chmod(victim, 0o644)
        target = self.cli.path(name)
        os.symlink(victim, target)
        fmt = name.rsplit(".", 1)[1]
        self.cli.ok("summary", "--month", "2024-03", "--format", fmt, "-o", target)
        with open(victim) as f:
            self.assertEqual(f.read(), "do not touch\n", "the link's target was written")
        st = os.lstat(target)
        self.assertTrue(stat.S_ISREG(st.st_mode), "the link was followed, not replaced")
        self.assertEqual(stat.S_IMODE(st.st_mode), 0o600)
        with open(target, "rb") as f:
            self.assertTrue(f.read(8).startswith(magic))
        # Nothing left behind beside it: no temporary file or folder.
        leftovers = [n for n in os.listdir(self.cli.dir) if n.startswith(".") or ".tmp" in n]
        self.assertEqual(leftovers, [])

    def test_png_chart_replaces_link_and_is_private(self):
        self.check_replaced("chart.png", b"\x89PNG")

    def test_svg_chart_replaces_link_and_is_private(self):
        self.check_replaced("chart.svg", b"<?xml")

    def test_xlsx_replaces_link_and_is_private(self):
        self.check_replaced("book.xlsx", b"PK")

    def test_xlsx_ignores_the_old_predictable_temporary_name(self):
        # The old code wrote OUT.tmp-PID; a link planted for every likely pid
        # must not be written through.
        victim = self.cli.path("victim.txt")
        with open(victim, "w") as f:
            f.write("do not touch\n")
        target = self.cli.path("book.xlsx")
        with open("/proc/sys/kernel/pid_max") as f:
            pid_max = int(f.read())
        # Only the next few hundred pids: enough for the command about to run.
        start = os.getpid()
        for pid in range(start, min(start + 400, pid_max)):
            os.symlink(victim, f"{target}.tmp-{pid}")
        self.cli.ok("summary", "--month", "2024-03", "--format", "xlsx", "-o", target)
        with open(victim) as f:
            self.assertEqual(f.read(), "do not touch\n")
        self.assertEqual(stat.S_IMODE(os.stat(target).st_mode), 0o600)

    def test_xlsx_in_a_missing_folder_is_one_line(self):
        r = self.cli.run("summary", "--month", "2024-03", "--format", "xlsx",
                         "-o", self.cli.path("no/such/book.xlsx"))
        one_line(self, r, "tamu-cli: xlsx: ")


class NotUtf8(Case):
    """Item 4: bytes that are not UTF-8 are refused where they enter."""

    def test_refused_naming_the_field(self):
        before = self.cli.state()
        cases = [
            (["settings", "set", "rooms", b"Ruang \xff"], "tamu-cli: rooms: not valid UTF-8"),
            (["holiday", "add", "2025-12-24", b"Cuti \xc3\x28"], "tamu-cli: name: not valid UTF-8"),
            (["topic", "add", b"Dana \xff"], "tamu-cli: topic: not valid UTF-8"),
            (["topic", "add", "Dana Otsus", "--alias", b"Ot\xffsus"], "tamu-cli: alias: not valid UTF-8"),
            (["settings", "set", "agent-name", b"Rina \xff"], "tamu-cli: agent-name: not valid UTF-8"),
            (["booking", "update", "1", "--daerah", NOT_UTF8], "tamu-cli: daerah: not valid UTF-8"),
            (["booking", "update", "1", b"--contact=\xff"], "tamu-cli: contact: not valid UTF-8"),
            (["daerah", "search", b"kab \xff"], "tamu-cli: text: not valid UTF-8"),
        ]
        for args, prefix in cases:
            with self.subTest(args=args):
                r = self.cli.run(*args)
                one_line(self, r, prefix)
                self.assertEqual(r.stdout, b"")
                self.assertEqual(self.cli.state(), before, "the database changed")
        # The desk setting kept its old value.
        self.assertNotIn(b"\xff", self.cli.ok("settings", "get", "agent-name").stdout)

    def test_json_and_csv_stay_valid(self):
        self.cli.run("settings", "set", "rooms", b"Ruang \xff")
        self.cli.run("booking", "update", "1", "--daerah", NOT_UTF8)
        data = json.loads(self.cli.ok("booking", "list", "--format", "json").stdout.decode("utf-8"))
        self.assertEqual(data[0]["daerah"], "Kab. Bandung")
        self.cli.ok("booking", "list", "--format", "csv").stdout.decode("utf-8")


class ControlCharacters(Case):
    """Item 5: control characters never reach the terminal raw."""

    def plant(self):
        # Text stored before these rules (or by another program).
        con = sqlite3.connect(self.cli.db)
        con.execute("UPDATE bookings SET daerah = ?, notes = ? WHERE id = 1",
                    ("Kab. \x1b[2JBandung\x07", "one\nline\x1b]0;owned\x07 \u009b31m"))
        con.commit()
        con.close()

    def test_list_and_show_escape(self):
        self.plant()
        for args in (["booking", "list"], ["booking", "list", "--format", "table"],
                     ["booking", "show", "1"], ["booking", "list", "--search", "Bandung"]):
            with self.subTest(args=args):
                r = self.cli.run(*args)
                self.assertEqual(r.returncode, 0, r.stderr)
                assert_no_controls(self, r.stdout)
                assert_no_controls(self, r.stderr)
        shown = self.cli.ok("booking", "show", "1").stdout.decode()
        self.assertIn("Kab. \\x1b[2JBandung\\x07", shown)
        self.assertIn("\\u009b31m", shown)
        table = self.cli.ok("booking", "list").stdout.decode()
        self.assertIn("\\x1b[2J", table)

    def test_json_escapes_every_control(self):
        self.plant()
        r = self.cli.ok("booking", "show", "1", "--format", "json")
        assert_no_controls(self, r.stdout)
        booking = json.loads(r.stdout.decode("utf-8"))
        self.assertEqual(booking["daerah"], "Kab. \x1b[2JBandung\x07")
        self.assertEqual(booking["notes"], "one\nline\x1b]0;owned\x07 \u009b31m")
        self.assertIn(b"\\u009b", r.stdout)

    def test_summary_text_and_json_escape(self):
        con = sqlite3.connect(self.cli.db)
        con.execute("UPDATE bookings SET daerah = ?, region_code = NULL, status = 'done', actual_guests = 3 WHERE id = 1",
                    ("Kab. \x1b[2JBandung\u009b",))
        con.commit()
        con.close()
        r = self.cli.ok("summary", "--month", "2024-03")
        assert_no_controls(self, r.stdout)
        r = self.cli.ok("summary", "--month", "2024-03", "--format", "json")
        assert_no_controls(self, r.stdout)
        summary = json.loads(r.stdout.decode("utf-8"))
        self.assertEqual(summary["tatap_muka"]["rows"][0]["daerah"], "Kab. \x1b[2JBandung\u009b")
        self.assertIn(b"\\u009b", r.stdout)

    def test_errors_and_warnings_escape(self):
        self.plant()
        # An error quoting stored text (the daerah is now refused on update).
        r = self.cli.run("booking", "update", "1", "--time", "10:00")
        self.assertEqual(r.returncode, 1)
        assert_no_controls(self, r.stderr)
        self.assertIn(b"\\x1b", r.stderr)
        # An imported file's bad cell, echoed in the problem list.
        csv = self.cli.path("log.csv")
        with open(csv, "wb") as f:
            f.write(b"type,date,time,daerah,topic,guests\n"
                    b"tatap-muka,2024-03-2\x1b[31m0,09:00,Kab. Bandung,TKD,2\n")
        r = self.cli.run("import", "csv", csv)
        self.assertEqual(r.returncode, 1)
        assert_no_controls(self, r.stderr)
        self.assertIn(b"\\x1b[31m", r.stderr)

    def test_new_text_with_controls_is_refused(self):
        before = self.cli.state()
        for field in ("--daerah", "--notes", "--contact", "--ticket", "--instansi"):
            with self.subTest(field=field):
                r = self.cli.run("booking", "update", "1", field, "abc\x1b[31mdef")
                one_line(self, r, f"tamu-cli: {field[2:]}: contains the control character \\x1b")
        self.assertEqual(self.cli.state(), before)
        # Notes may have several lines.
        self.cli.ok("booking", "update", "1", "--notes", "baris satu\nbaris dua")


class ImportLimits(Case):
    """Item 6: imports read regular files up to 32 MiB only."""

    def test_devices_and_pipes_are_refused(self):
        fifo = self.cli.path("pipe.csv")
        os.mkfifo(fifo)
        for args, name in ((["import", "csv", "/dev/zero"], "/dev/zero"),
                           (["import", "ics", "/dev/zero", "--as", "vidcon"], "/dev/zero"),
                           (["import", "ics", "/dev/urandom", "--as", "holidays"], "/dev/urandom"),
                           (["import", "csv", fifo], fifo),
                           (["import", "csv", self.cli.dir], self.cli.dir)):
            with self.subTest(args=args):
                r = self.cli.run(*args, timeout=20)
                one_line(self, r, f"tamu-cli: file: {name} is not a regular file")

    def test_larger_than_the_limit(self):
        big = self.cli.path("big.csv")
        with open(big, "wb") as f:
            f.truncate(32 * 1024 * 1024 + 1)  # sparse: no disk used
        for args in (["import", "csv", big], ["import", "ics", big, "--as", "vidcon"]):
            with self.subTest(args=args):
                r = self.cli.run(*args)
                one_line(self, r, f"tamu-cli: file: {big} is larger than 32 MiB")


class OneSetOfFieldRules(Case):
    """Item 7: the command line and the importers refuse the same values."""

    CSV_HEAD = b"type,date,time,daerah,topic,guests,phone,email,link\n"

    def import_row(self, row):
        path = self.cli.path("row.csv")
        with open(path, "wb") as f:
            f.write(self.CSV_HEAD + row + b"\n")
        return self.cli.run("import", "csv", path, "--dry-run")

    def test_phone_formula_refused_on_every_path(self):
        r = self.cli.run("booking", "add", "--type", "tatap-muka", "--date", "2024-03-21", "--time", "09:00",
                         "--daerah", "Kab. Bandung", "--topic", "TKD", "--guests", "2", "--phone", "=1+1")
        one_line(self, r, "tamu-cli: phone: ")
        r = self.import_row(b"tatap-muka,2024-03-21,09:00,Kab. Bandung,TKD,2,=1+1,,")
        self.assertEqual(r.returncode, 1)
        self.assertIn(b"line 2: phone: ", r.stderr)
        self.cli.ok("booking", "update", "1", "--phone", "+62 812-3456-7890")

    def test_line_breaks_in_link_and_email_refused(self):
        for option, value in (("--link", "https://teams.example/x\r\nBcc: a@b.c"),
                              ("--email", "budi@example.go.id\nBcc: x@y.z")):
            with self.subTest(option=option):
                r = self.cli.run("booking", "update", "1", option, value)
                one_line(self, r, f"tamu-cli: {option[2:]}: ")
        r = self.import_row(b'vidcon,2024-03-21,09:00,Kab. Bandung,TKD,,,,"https://x.example/a\nb"')
        self.assertEqual(r.returncode, 1)
        self.assertIn(b"line 2: link: ", r.stderr)

    def test_one_length_limit_for_daerah(self):
        long_name = "Kab. " + "a" * 300
        r = self.cli.run("booking", "update", "1", "--daerah", long_name)
        one_line(self, r, "tamu-cli: daerah: longer than 200 characters")
        r = self.import_row(b"tatap-muka,2024-03-21,09:00," + b"x" * (1024 * 1024) + b",TKD,2,,,")
        self.assertEqual(r.returncode, 1)
        self.assertIn(b"line 2: daerah: longer than 200 characters", r.stderr)
        # At the limit it is accepted (kept as typed, with a warning).
        self.cli.ok("booking", "update", "1", "--daerah", "B" * 200)

    def test_ics_import_follows_the_same_rules(self):
        invite = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fuzz", "corpus-ical",
                              "outlook-invite.ics")
        r = self.cli.run("import", "ics", invite, "--as", "vidcon", "--dry-run", "--daerah", "x" * 201)
        self.assertEqual(r.returncode, 1)
        self.assertIn(b"daerah: longer than 200 characters", r.stderr)
        r = self.cli.run("import", "ics", invite, "--as", "vidcon", "--dry-run", "--daerah", "x" * 200)
        self.assertEqual(r.returncode, 0, r.stderr)

    def test_guest_ceiling_is_the_same(self):
        r = self.cli.run("booking", "update", "1", "--guests", "1001")
        one_line(self, r, "tamu-cli: guests: ")
        r = self.import_row(b"tatap-muka,2024-03-21,09:00,Kab. Bandung,TKD,1001,,,")
        self.assertIn(b"line 2: guests: ", r.stderr)
        r = self.cli.run("settings", "set", "guest-limit", "1001")
        one_line(self, r, "tamu-cli: guest-limit: ")


class HolidayAndRoomWarnings(Case):
    """Item 8: a change that leaves bookings standing says so."""

    def test_rename_warns(self):
        r = self.cli.ok("holiday", "add", "2024-03-11", "Hari Suci Nyepi (diubah)")
        err = r.stderr.decode()
        self.assertRegex(err, r"^warning: holiday: 2024-03-11 was already “[^”]+”; renamed\n$")
        listed = self.cli.ok("holiday", "list", "--year", "2024").stdout.decode()
        self.assertIn("2024-03-11  holiday      Hari Suci Nyepi (diubah)", listed)
        # The same name again is no rename.
        r = self.cli.ok("holiday", "add", "2024-03-11", "Hari Suci Nyepi (diubah)")
        self.assertEqual(r.stderr, b"")

    def test_holiday_on_a_day_with_bookings_lists_them(self):
        second = self.cli.add("--time", "13:00", "--daerah", "Kab. Jepara").stdout.decode().strip()
        r = self.cli.ok("holiday", "add", "2024-03-20", "Libur mendadak")
        lines = r.stderr.decode().splitlines()
        self.assertEqual(lines[0], "warning: holiday: 2024-03-20 has 2 bookings; they are not moved or cancelled")
        self.assertIn("warning: holiday: booking 1, 2024-03-20 09:00–10:00, Kab. Bandung, Ruang Konsultasi 1",
                      lines)
        self.assertTrue(any(l.startswith(f"warning: holiday: booking {second}, 2024-03-20 13:00–14:00, Kab. Jepara")
                            for l in lines), lines)
        # A day without bookings: no warning.
        self.assertEqual(self.cli.ok("holiday", "add", "2024-03-21", "Libur lain").stderr, b"")

    def test_removing_a_used_room_lists_the_bookings(self):
        r = self.cli.ok("settings", "set", "rooms", "Ruang Konsultasi 2; Ruang Rapat")
        lines = r.stderr.decode().splitlines()
        self.assertEqual(lines, [
            "warning: rooms: 1 upcoming booking is in a room no longer listed",
            "warning: rooms: booking 1, 2024-03-20 09:00–10:00, Kab. Bandung, Ruang Konsultasi 1",
        ])
        # Adding a room back or keeping the used ones says nothing.
        r = self.cli.ok("settings", "set", "rooms", "Ruang Konsultasi 1; Ruang Konsultasi 2")
        self.assertEqual(r.stderr, b"")


class Messages(Case):
    """Item 9: one line naming the field and the problem, exit status 1."""

    def test_blank_daerah_refused_once(self):
        r = self.cli.run("booking", "add", "--type", "tatap-muka", "--date", "2024-03-21", "--time", "09:00",
                         "--daerah", "   ", "--topic", "TKD", "--guests", "2")
        one_line(self, r, "tamu-cli: daerah: ")
        self.assertNotIn(b"kept as typed", r.stderr)

    def test_ids(self):
        before = self.cli.state()
        for args, line in (
                (["booking", "update", "-1"], "tamu-cli: id: -1 is not a booking id"),
                (["booking", "update", "-1", "--time", "10:00"], "tamu-cli: id: -1 is not a booking id"),
                (["booking", "show", "0"], "tamu-cli: id: 0 is not a booking id"),
                (["booking", "update", "abc"], "tamu-cli: id: abc is not a booking id"),
                (["booking", "update", "99999999999999999999"],
                 "tamu-cli: id: 99999999999999999999 is out of range"),
                (["booking", "cancel", "99999999999999999999", "--reason", "x"],
                 "tamu-cli: id: 99999999999999999999 is out of range"),
                (["ppid", "show", "-3"], "tamu-cli: id: -3 is not a request id")):
            with self.subTest(args=args):
                r = self.cli.run(*args)
                one_line(self, r, line)
                self.assertEqual(r.stderr.decode().strip(), line)
        self.assertEqual(self.cli.state(), before)

    def test_unknown_options_are_still_usage_errors(self):
        r = self.cli.run("booking", "update", "1", "--bogus")
        self.assertEqual(r.returncode, 2)
        self.assertIn(b"unknown option --bogus", r.stderr)
        r = self.cli.run("booking", "list", "-x")
        self.assertEqual(r.returncode, 2)


if __name__ == "__main__":
    unittest.main(verbosity=2)
