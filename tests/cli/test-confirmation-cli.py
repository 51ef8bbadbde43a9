#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""`tamu-cli booking confirmation ID [--format text|json]` (issue 12), driven
as a script would, on a real database file: text and JSON, the exit statuses
(1 unknown booking, 2 usage), the template setting refusing unknown
placeholders, and that printing records nothing in the audit log."""

import json
import os
import subprocess
import sys
import tempfile
import unittest
import urllib.parse

CLI = sys.argv.pop(1) if len(sys.argv) > 1 else "tamu-cli"


class ConfirmationCli(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.db = os.path.join(self.tmp.name, "tamu.db")
        self.env = dict(os.environ)
        self.env.update({
            "TAMU_NOW": "2024-03-01T08:00",
            "LC_ALL": "C.UTF-8",
            "LANGUAGE": "",
            "XDG_CONFIG_HOME": os.path.join(self.tmp.name, "config"),
        })
        self.env.pop("TAMU_DB", None)
        self.visit = self.ok("booking", "add", "--type", "tatap-muka", "--date", "2024-03-20",
                             "--time", "09:00", "--daerah", "Kab. Bandung", "--topic", "TKD",
                             "--guests", "3", "--contact", "Pak Budi").stdout.strip()
        self.vidcon = self.ok("booking", "add", "--type", "vidcon", "--date", "2024-03-20",
                              "--time", "10:00", "--daerah", "Kota Tomohon", "--topic", "DAU, dak nf",
                              "--email", "budi@tomohonkota.go.id",
                              "--link", "https://teams.microsoft.com/l/meetup-join/x").stdout.strip()

    def tearDown(self):
        self.tmp.cleanup()

    def run_cli(self, *args):
        return subprocess.run([CLI, "--db", self.db] + list(args), env=self.env,
                              capture_output=True, text=True, timeout=60)

    def ok(self, *args):
        r = self.run_cli(*args)
        self.assertEqual(r.returncode, 0, f"{args}: {r.stderr}")
        return r

    def test_text(self):
        r = self.ok("booking", "confirmation", self.visit)
        self.assertEqual(r.stderr, "")
        self.assertIn("Yth. Pak Budi,", r.stdout)
        self.assertIn("Hari, tanggal: Rabu, 20 Maret 2024\n", r.stdout)
        self.assertIn("Waktu: 09:00 WIB\n", r.stdout)
        self.assertIn("Tempat: Ruang Konsultasi 1\n", r.stdout)
        self.assertIn("maksimal 5 orang", r.stdout)
        self.assertNotIn("{", r.stdout)

        r = self.ok("booking", "confirmation", self.vidcon, "--format", "text")
        self.assertIn("Waktu: 10:00 WIB / 11:00 WITA\n", r.stdout)
        self.assertIn("https://teams.microsoft.com/l/meetup-join/x", r.stdout)
        self.assertNotIn("maksimal", r.stdout)

    def test_json(self):
        r = self.ok("booking", "confirmation", self.vidcon, "--format", "json")
        doc = json.loads(r.stdout)
        self.assertEqual(set(doc), {"id", "subject", "body", "to", "mailto"})
        self.assertEqual(doc["id"], int(self.vidcon))
        self.assertEqual(doc["to"], "budi@tomohonkota.go.id")
        self.assertEqual(doc["subject"], "Konfirmasi video conference DJPK: Rabu, 20 Maret 2024, 10:00 WIB")
        self.assertIn("10:00 WIB / 11:00 WITA", doc["body"])
        mailto = urllib.parse.urlsplit(doc["mailto"])
        self.assertEqual(mailto.scheme, "mailto")
        self.assertEqual(urllib.parse.unquote(mailto.path), "budi@tomohonkota.go.id")
        query = urllib.parse.parse_qs(mailto.query)
        self.assertEqual(query["subject"], [doc["subject"]])
        self.assertEqual(query["body"], [doc["body"].replace("\n", "\r\n")])
        self.assertNotIn(" ", doc["mailto"])

        r = self.ok("booking", "confirmation", self.visit, "--format", "json")
        self.assertIsNone(json.loads(r.stdout)["to"])

    def test_exit_statuses(self):
        r = self.run_cli("booking", "confirmation", "999")
        self.assertEqual(r.returncode, 1)
        self.assertEqual(r.stdout, "")
        self.assertIn("999", r.stderr)
        for args in (["--format", "xml"], ["--format", "table"], ["--bogus"], []):
            r = self.run_cli("booking", "confirmation", *([self.visit] if args else []), *args)
            self.assertEqual(r.returncode, 2, f"{args}: {r.stderr}")
            self.assertEqual(r.stdout, "")
        r = self.run_cli("booking", "confirmation", "abc")
        self.assertIn(r.returncode, (1, 2))

    def test_template_setting(self):
        r = self.run_cli("settings", "set", "confirmation-template", "Tanggal {tanggal} di {ruang}, {hari}")
        self.assertEqual(r.returncode, 1)
        self.assertTrue(r.stderr.startswith("tamu-cli: confirmation-template: unknown placeholders {ruang}, {hari}"),
                        r.stderr)
        self.ok("settings", "set", "confirmation-template", "{tanggal} · {jam} · {kontak_cc}")
        self.ok("settings", "set", "contact-phone", "(021) 150420")
        r = self.ok("booking", "confirmation", self.vidcon)
        self.assertEqual(r.stdout, "Rabu, 20 Maret 2024 · 10:00 WIB / 11:00 WITA · (021) 150420\n")
        r = self.ok("settings", "get", "confirmation-template")
        self.assertEqual(r.stdout, "{tanggal} · {jam} · {kontak_cc}\n")

    def test_printing_records_nothing(self):
        before = self.ok("booking", "history", self.visit).stdout
        self.ok("booking", "confirmation", self.visit)
        self.assertEqual(self.ok("booking", "history", self.visit).stdout, before)
        self.assertNotIn("confirmation", before)


if __name__ == "__main__":
    unittest.main(verbosity=2)
