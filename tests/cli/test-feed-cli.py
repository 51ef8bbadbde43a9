#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The `tamu-cli feed` and `serve` contract of issue 11, and Add to Outlook
with an organizer, driven as a script would: exit statuses (0 done, 1
refused, invalid or not found with one line naming the field, 2 usage),
the subscription URL, the feed list JSON.

usage: test-feed-cli.py PATH/TO/tamu-cli
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import unittest

TAMU_CLI = None
URL = r"^http://127\.0\.0\.1:8787/feed/[A-Za-z0-9_-]{43}\.ics\n$"


class FeedCli(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory(prefix="tamu-feed-cli-")
        self.env = dict(os.environ, TAMU_DB=os.path.join(self.dir.name, "tamu.db"),
                        TAMU_NOW="2024-03-01T08:00", LC_ALL="C.UTF-8",
                        XDG_CONFIG_HOME=os.path.join(self.dir.name, "config"))

    def tearDown(self):
        self.dir.cleanup()

    def run_cli(self, *args):
        return subprocess.run([TAMU_CLI, *args], env=self.env, capture_output=True, text=True)

    def ok(self, *args):
        result = self.run_cli(*args)
        self.assertEqual(result.returncode, 0, f"{args}: {result.stderr}")
        return result.stdout

    def fails(self, status, prefix, *args):
        result = self.run_cli(*args)
        self.assertEqual(result.returncode, status, f"{args}: {result.stdout} {result.stderr}")
        if prefix is not None:
            self.assertIn(prefix, result.stderr.splitlines()[0])
        self.assertEqual(result.stdout, "", "a refused command prints nothing on stdout")
        return result

    def test_add_prints_the_url_alone(self):
        out = self.ok("feed", "add", "Semua")
        self.assertRegex(out, URL)
        other = self.ok("feed", "add", "Vidcon", "--type", "vidcon")
        self.assertRegex(other, URL)
        self.assertNotEqual(out, other, "every feed has its own token")
        room = self.ok("feed", "add", "Ruang 1", "--room", "Ruang Konsultasi 1")
        self.assertRegex(room, URL)

    def test_add_refusals_name_the_field(self):
        self.ok("feed", "add", "Semua")
        self.fails(1, "name:", "feed", "add", "Semua")
        self.fails(1, "type:", "feed", "add", "X", "--type", "rapat")
        self.fails(1, "room:", "feed", "add", "X", "--room", "Ruang Rahasia")
        self.fails(2, None, "feed", "add")
        self.fails(2, None, "feed", "add", "A", "B")
        self.fails(2, None, "feed", "add", "A", "--colour", "red")
        self.fails(2, None, "feed")
        self.fails(2, None, "feed", "rename", "A")
        names = [f["name"] for f in json.loads(self.ok("feed", "list", "--format", "json"))]
        self.assertEqual(names, ["Semua"], "a refused add changes nothing")

    def test_list_json(self):
        self.assertEqual(json.loads(self.ok("feed", "list", "--format", "json")), [])
        self.ok("feed", "add", "Vidcon", "--type", "vidcon")
        self.ok("feed", "add", "Ruang 2", "--room", "Ruang Konsultasi 2")
        feeds = json.loads(self.ok("feed", "list", "--format", "json"))
        self.assertEqual([f["name"] for f in feeds], ["Ruang 2", "Vidcon"])
        ruang, vidcon = feeds
        self.assertEqual((vidcon["type"], vidcon["room"]), ("vidcon", None))
        self.assertEqual((ruang["type"], ruang["room"]), (None, "Ruang Konsultasi 2"))
        for f in feeds:
            self.assertEqual(set(f), {"name", "type", "room", "created", "last_fetched",
                                      "last_fetched_from"})
            self.assertRegex(f["created"], r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")
            self.assertIsNone(f["last_fetched"])
            self.assertIsNone(f["last_fetched_from"])
        table = self.ok("feed", "list")
        self.assertIn("Vidcon", table)
        self.assertIn("never fetched", table)
        self.fails(2, None, "feed", "list", "--format", "xml")

    def test_revoke(self):
        first = self.ok("feed", "add", "Semua")
        self.ok("feed", "revoke", "Semua")
        self.assertEqual(json.loads(self.ok("feed", "list", "--format", "json")), [])
        self.fails(1, "name:", "feed", "revoke", "Semua")
        self.fails(1, "name:", "feed", "revoke", "Tidak Ada")
        self.fails(2, None, "feed", "revoke")
        # A new link under the same name: a new token.
        second = self.ok("feed", "add", "Semua")
        self.assertRegex(second, URL)
        self.assertNotEqual(first, second)

    def test_base_url_setting(self):
        self.assertEqual(self.ok("settings", "get", "feed-base-url"), "http://127.0.0.1:8787\n")
        self.ok("settings", "set", "feed-base-url", "https://kalender.djpk.example:8443/")
        self.assertEqual(self.ok("settings", "get", "feed-base-url"), "https://kalender.djpk.example:8443\n")
        out = self.ok("feed", "add", "Semua")
        self.assertRegex(out, r"^https://kalender\.djpk\.example:8443/feed/[A-Za-z0-9_-]{43}\.ics\n$")
        for bad in ("ftp://x", "kalender", "http://x/path", "http://x?a=1", "http://u:p@x", ""):
            self.fails(1, "feed-base-url:", "settings", "set", "feed-base-url", bad)

    def test_serve_usage(self):
        self.fails(1, "listen:", "serve", "--listen", "kalender")
        self.fails(1, "listen:", "serve", "--listen", "127.0.0.1:99999")
        self.fails(1, "listen:", "serve", "--listen", "localhost:8787")
        self.fails(2, None, "serve", "--tls-cert", "/nonexistent.pem")
        self.fails(1, "tls-cert:", "serve", "--tls-cert", "/nonexistent.pem", "--tls-key", "/nonexistent.key")
        self.fails(1, "max-connections:", "serve", "--max-connections", "0")
        self.fails(2, None, "serve", "extra")

    def test_add_to_outlook_with_organizer(self):
        """MS-OXCICAL: a REQUEST with an ORGANIZER updates the item Outlook
        added from the same UID; a CANCEL with one removes it."""
        bid = self.ok("booking", "add", "--type", "tatap-muka", "--date", "2024-03-20",
                      "--time", "09:00", "--daerah", "Kab. Bandung", "--topic", "DAU",
                      "--guests", "3", "--contact", "Pak Budi").strip()
        path = os.path.join(self.dir.name, "k.ics")

        self.ok("export", "ics", "--booking", bid, "-o", path)
        with open(path, encoding="utf-8") as f:
            text = f.read()
        self.assertIn("METHOD:PUBLISH\n", text, "without organizer-email: PUBLISH as before")
        self.assertNotIn("ORGANIZER", text)

        self.fails(1, "organizer-email:", "settings", "set", "organizer-email", "not an address")
        self.ok("settings", "set", "organizer-email", "dering@djpk.example.go.id")
        self.ok("export", "ics", "--booking", bid, "-o", path)
        with open(path, encoding="utf-8") as f:
            first = f.read()
        self.assertIn("METHOD:REQUEST\n", first)
        self.assertIn("ORGANIZER;CN=Dering DJPK:mailto:dering@djpk.example.go.id\n", first)
        uid = re.search(r"^UID:(.*)$", first, re.M).group(1)
        seq = int(re.search(r"^SEQUENCE:(\d+)$", first, re.M).group(1))

        self.ok("booking", "update", bid, "--time", "10:00")
        self.ok("export", "ics", "--booking", bid, "-o", path)
        with open(path, encoding="utf-8") as f:
            update = f.read()
        self.assertIn("METHOD:REQUEST\n", update)
        self.assertEqual(re.search(r"^UID:(.*)$", update, re.M).group(1), uid)
        self.assertGreater(int(re.search(r"^SEQUENCE:(\d+)$", update, re.M).group(1)), seq)

        self.ok("booking", "cancel", bid, "--reason", "Jadwal bentrok")
        self.ok("export", "ics", "--booking", bid, "-o", path)
        with open(path, encoding="utf-8") as f:
            cancel = f.read()
        self.assertIn("METHOD:CANCEL\n", cancel)
        self.assertIn("STATUS:CANCELLED\n", cancel)
        self.assertIn("ORGANIZER;CN=Dering DJPK:mailto:dering@djpk.example.go.id\n", cancel)
        self.assertEqual(re.search(r"^UID:(.*)$", cancel, re.M).group(1), uid)

        self.ok("settings", "set", "organizer-email", "")
        self.assertEqual(self.ok("settings", "get", "organizer-email"), "\n")


if __name__ == "__main__":
    TAMU_CLI = sys.argv.pop(1)
    unittest.main(verbosity=2)
