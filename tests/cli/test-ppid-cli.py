#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The `tamu-cli ppid` contract of issue 5, driven as a script would: exit
statuses (0 done, 1 refused or invalid, 2 usage), the messages naming the
rule or field, the request and recap JSON, and TAMU_NOW for "overdue".

usage: test-ppid-cli.py PATH/TO/tamu-cli
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import testdb  # noqa: E402

TAMU_CLI = None


class PpidCli(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory(prefix="tamu-ppid-cli-")
        self.testdb = testdb.TestDb(self.dir.name)
        self.db = self.testdb.address
        self.now = "2024-12-31T08:00"

    def tearDown(self):
        self.testdb.drop()
        self.dir.cleanup()

    def run_cli(self, *args, now=None):
        env = dict(os.environ, TAMU_DB=self.db, TAMU_NOW=now or self.now, LC_ALL="C.UTF-8")
        return subprocess.run([TAMU_CLI, "ppid", *args], env=env, capture_output=True, text=True)

    def ok(self, *args, now=None):
        result = self.run_cli(*args, now=now)
        self.assertEqual(result.returncode, 0, f"{args}: {result.stderr}")
        return result.stdout

    def fails(self, status, prefix, *args, now=None):
        """Exit @status with one stderr line naming @prefix (a rule or field)."""
        result = self.run_cli(*args, now=now)
        self.assertEqual(result.returncode, status, f"{args}: {result.stdout} {result.stderr}")
        if prefix is not None:
            self.assertIn(prefix, result.stderr.splitlines()[0])
        return result

    def add(self, received="2024-03-01", name="Rina Hapsari", info="Realisasi DAU 2023", *extra):
        out = self.ok("add", "--received", received, "--name", name, "--info", info, *extra)
        self.assertRegex(out, r"^[0-9]+\n$", "add prints the new id alone")
        return out.strip()

    def show(self, rid, now=None):
        return json.loads(self.ok("show", rid, "--format", "json", now=now))

    def test_add_and_show(self):
        rid = self.add("2024-03-01", "Rina Hapsari", "Realisasi DAU 2023",
                       "--purpose", "Penelitian", "--category", "legal-entity",
                       "--address", "Jl. Merdeka 1", "--contact", "rina@example.org",
                       "--occupation", "Peneliti", "--channel", "e-mail",
                       "--form", "hardcopy", "--kind", "view")
        second = self.add("2024-03-04", "Budi", "APBD")
        self.assertEqual(int(second), int(rid) + 1)
        request = self.show(rid)
        for key in ("id", "number", "received", "due", "extended", "decision",
                    "refusal_reason", "responded", "service_days", "status", "overdue"):
            self.assertIn(key, request)
        self.assertEqual(request["id"], int(rid))
        self.assertEqual(request["number"], "001/PPID-DJPK/III/2024")
        self.assertEqual(request["received"], "2024-03-01")
        # 11 March (Nyepi) and 12 March (cuti bersama) are closed.
        self.assertEqual(request["due"], "2024-03-19")
        self.assertIs(request["extended"], False)
        self.assertIsNone(request["decision"])
        self.assertIsNone(request["refusal_reason"])
        self.assertIsNone(request["responded"])
        self.assertIsNone(request["service_days"])
        self.assertEqual(request["status"], "received")
        self.assertEqual(request["category"], "legal-entity")
        self.assertEqual(request["form"], "hardcopy")
        self.assertEqual(request["kind"], "view")
        self.assertEqual(request["channel"], "e-mail")
        self.assertEqual(request["contact"], "rina@example.org")
        self.assertEqual(self.show(second)["number"], "002/PPID-DJPK/III/2024")
        text = self.ok("show", rid)
        self.assertIn("001/PPID-DJPK/III/2024", text)
        self.assertIn("2024-03-19", text)

    def test_add_refusals(self):
        self.fails(2, "--received", "add", "--name", "X", "--info", "Y")
        self.fails(2, "--name", "add", "--received", "2024-03-01", "--info", "Y")
        self.fails(2, "--info", "add", "--received", "2024-03-01", "--name", "X")
        self.fails(2, None, "add", "--received", "2024-03-01", "--name", "X", "--info", "Y", "--bogus")
        self.fails(1, "received:", "add", "--received", "2024-02-30", "--name", "X", "--info", "Y")
        self.fails(1, "received:", "add", "--received", "2025-01-02", "--name", "X", "--info", "Y")
        self.fails(1, "category:", "add", "--received", "2024-03-01", "--name", "X", "--info", "Y",
                   "--category", "company")
        self.fails(1, "form:", "add", "--received", "2024-03-01", "--name", "X", "--info", "Y",
                   "--form", "paper")
        self.fails(1, "name:", "add", "--received", "2024-03-01", "--name", " ", "--info", "Y")
        # Nothing half-written: the list is still empty.
        self.assertEqual(json.loads(self.ok("list", "--format", "json")), [])
        self.fails(2, None, "frobnicate")
        self.fails(2, None, "show")
        self.fails(1, "id:", "show", "abc")
        self.fails(1, "id:", "show", "42")

    def test_year_without_holidays_is_flagged(self):
        # The shipped holidays end with 2026: a deadline running into 2027
        # counts weekends only, and the command says so (and still works).
        result = self.run_cli("add", "--received", "2026-12-28", "--name", "A", "--info", "B",
                              now="2026-12-31T08:00")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertRegex(result.stdout, r"^[0-9]+\n$")
        self.assertIn("warning: holidays:", result.stderr)
        self.assertIn("2027", result.stderr)
        result = self.run_cli("add", "--received", "2026-03-02", "--name", "A", "--info", "B",
                              now="2026-12-31T08:00")
        self.assertEqual(result.stderr, "")

    def test_overdue_honours_now(self):
        rid = self.add("2024-03-01")
        self.assertIs(self.show(rid, now="2024-03-19T15:59")["overdue"], False)
        self.assertEqual(self.show(rid, now="2024-03-19T15:59")["days_left"], 0)
        self.assertIs(self.show(rid, now="2024-03-20T08:00")["overdue"], True)
        self.assertEqual(self.show(rid, now="2024-03-21T08:00")["days_left"], -2)
        listed = json.loads(self.ok("list", "--overdue", "--format", "json", now="2024-03-19T10:00"))
        self.assertEqual(listed, [])
        listed = json.loads(self.ok("list", "--overdue", "--format", "json", now="2024-03-20T10:00"))
        self.assertEqual([r["id"] for r in listed], [int(rid)])
        # Answered late: no longer overdue, but marked late.
        self.ok("respond", rid, "--date", "2024-03-20", "--decision", "granted", now="2024-03-20T10:00")
        request = self.show(rid, now="2024-03-25T10:00")
        self.assertIs(request["overdue"], False)
        self.assertIs(request["answered_late"], True)
        self.assertEqual(request["service_days"], 11)

    def test_list_filters(self):
        a = self.add("2024-03-01", "Ani", "DAU")
        b = self.add("2024-03-05", "Budi", "DAK Fisik")
        c = self.add("2024-04-04", "Citra", "Dana Desa")
        self.ok("respond", b, "--date", "2024-03-12", "--decision", "partial")
        ids = lambda *args: [r["id"] for r in json.loads(self.ok("list", "--format", "json", *args))]
        self.assertEqual(ids(), [int(a), int(b), int(c)])
        self.assertEqual(ids("--month", "2024-03"), [int(a), int(b)])
        self.assertEqual(ids("--month", "2024-04"), [int(c)])
        self.assertEqual(ids("--open"), [int(a), int(c)])
        self.assertEqual(ids("--search", "desa"), [int(c)])
        self.assertEqual(ids("--decision", "partial"), [int(b)])
        self.fails(1, "month:", "list", "--month", "2024-13")
        self.fails(1, "month:", "list", "--month", "March")
        self.fails(2, "--month", "list", "--month", "2024-03", "--year", "2024")
        self.fails(2, "--format", "list", "--format", "xml")
        table = self.ok("list")
        self.assertIn("002/PPID-DJPK/III/2024", table)
        self.assertIn("partial", table)

    def test_extension(self):
        rid = self.add("2024-03-01")
        self.fails(2, "--reason", "extend", rid)
        self.fails(1, "days:", "extend", rid, "--reason", "Data", "--days", "8")
        self.ok("extend", rid, "--reason", "Data dihimpun dari daerah")
        request = self.show(rid)
        self.assertIs(request["extended"], True)
        self.assertEqual(request["extension_days"], 7)
        self.assertEqual(request["due"], "2024-03-28")
        self.assertEqual(request["status"], "extended")
        self.fails(1, "extension:", "extend", rid, "--reason", "Lagi")
        # Overdue is measured against the extended deadline.
        self.assertIs(self.show(rid, now="2024-03-27T08:00")["overdue"], False)
        self.assertIs(self.show(rid, now="2024-03-29T08:00")["overdue"], True)

    def test_full_path_and_refused_transitions(self):
        rid = self.add("2024-03-01")
        self.fails(1, "objection:", "object", rid, "--date", "2024-03-05")
        self.fails(1, "objection-answer:", "object-answer", rid, "--date", "2024-03-05")
        self.fails(1, "dispute:", "dispute", rid, "--date", "2024-03-05")
        self.fails(2, "--decision", "respond", rid, "--date", "2024-03-15")
        self.fails(2, "--date", "respond", rid, "--decision", "granted")
        self.fails(1, "decision:", "respond", rid, "--date", "2024-03-15", "--decision", "maybe")
        self.fails(1, "refusal-reason:", "respond", rid, "--date", "2024-03-15", "--decision", "refused")
        self.fails(1, "refusal-reason:", "respond", rid, "--date", "2024-03-15", "--decision", "refused",
                   "--reason", "secret")
        self.fails(1, "date:", "respond", rid, "--date", "2024-02-28", "--decision", "granted")
        self.assertEqual(self.show(rid)["status"], "received")

        self.ok("respond", rid, "--date", "2024-03-15", "--decision", "refused", "--reason", "exempt")
        request = self.show(rid)
        self.assertEqual(request["status"], "answered")
        self.assertEqual(request["decision"], "refused")
        self.assertEqual(request["refusal_reason"], "exempt")
        self.assertEqual(request["responded"], "2024-03-15")
        self.assertEqual(request["service_days"], 8)
        self.assertEqual(request["objection_window"], "2024-05-08")
        self.fails(1, "answer:", "respond", rid, "--date", "2024-03-18", "--decision", "granted")
        self.fails(1, "withdraw:", "withdraw", rid)

        self.fails(1, "objection:", "object", rid, "--date", "2024-05-09")
        self.ok("object", rid, "--date", "2024-05-08", "--reason", "Bukan informasi yang dikecualikan")
        self.assertEqual(self.show(rid)["objection_due"], "2024-06-27")
        self.fails(1, "objection:", "object", rid, "--date", "2024-05-08")
        self.fails(1, "dispute:", "dispute", rid, "--date", "2024-05-10")
        self.ok("object-answer", rid, "--date", "2024-06-20")
        self.assertEqual(self.show(rid)["dispute_window"], "2024-07-10")
        self.fails(1, "dispute:", "dispute", rid, "--date", "2024-07-11")
        self.ok("dispute", rid, "--date", "2024-07-10")
        self.assertEqual(self.show(rid)["status"], "dispute-filed")

        history = self.ok("history", rid)
        for action in ("create", "respond", "object", "object-answer", "dispute"):
            self.assertRegex(history, rf"\s{re.escape(action)}\s")

    def test_withdraw(self):
        rid = self.add("2024-03-01")
        self.ok("withdraw", rid)
        self.assertEqual(self.show(rid)["status"], "withdrawn")
        self.assertIs(self.show(rid, now="2024-04-30T08:00")["overdue"], False)
        self.fails(1, "withdraw:", "withdraw", rid)
        self.fails(1, "answer:", "respond", rid, "--date", "2024-03-15", "--decision", "granted")

    def test_recap(self):
        steps = [
            ("2024-03-01", ["respond", "--date", "2024-03-15", "--decision", "granted"]),      # 8 days
            ("2024-03-04", ["respond", "--date", "2024-03-13", "--decision", "granted"]),      # 5 days
            ("2024-03-06", ["respond", "--date", "2024-03-18", "--decision", "partial"]),      # 6 days
            ("2024-04-05", ["respond", "--date", "2024-04-22", "--decision", "refused",
                            "--reason", "not-held", "--holder", "BPS"]),                        # 5 days
            ("2024-04-30", None),
        ]
        for received, step in steps:
            rid = self.add(received)
            if step:
                self.ok(step[0], rid, *step[1:])
        recap = json.loads(self.ok("recap", "--year", "2024", "--format", "json"))
        self.assertEqual(recap["year"], 2024)
        self.assertEqual(len(recap["months"]), 12)
        march = recap["months"][2]
        self.assertEqual(march["month"], "2024-03")
        expected = {"received": 3, "average_service_days": 6.33, "granted": 2, "partial": 1,
                    "refused_exempt": 0, "refused_not_held": 0, "refused_not_documented": 0,
                    "objections": 0, "disputes": 0}
        for key, value in expected.items():
            self.assertEqual(march[key], value, key)
        april = recap["months"][3]
        self.assertEqual(april["received"], 2)
        self.assertEqual(april["refused_not_held"], 1)
        self.assertEqual(april["average_service_days"], 5.0)
        self.assertIsNone(recap["months"][4]["average_service_days"])
        self.assertEqual(recap["totals"]["received"], 5)
        self.assertEqual(recap["totals"]["average_service_days"], 6.0)
        for key in expected:
            self.assertIn(key, recap["totals"])

        text = self.ok("recap", "--year", "2024")
        self.assertRegex(text, r"Maret\s+3\s+6,33\s")
        self.assertRegex(text, r"Total\s+5\s+6,00\s")
        csv_path = os.path.join(self.dir.name, "recap.csv")
        self.ok("recap", "--year", "2024", "--format", "csv", "-o", csv_path)
        with open(csv_path, "rb") as f:
            data = f.read()
        self.assertTrue(data.startswith(b"\xef\xbb\xbfmonth;received;average_service_days;"))
        self.assertIn(b'\r\n2024-03;3;"6,33";2;1;0;0;0;0;0;0\r\n', data)
        self.fails(2, "--year", "recap")
        self.fails(1, "year:", "recap", "--year", "24")
        self.fails(2, "--format", "recap", "--year", "2024", "--format", "xlsx")


if __name__ == "__main__":
    TAMU_CLI = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)
