#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The monthly summary's command-line contract (issue 6), driven as a script would.

`tamu-cli summary --month YYYY-MM [--format text|json|csv|xlsx|png|svg] [-o FILE]`
and `tamu-cli summary --year YYYY [...]` on a real database: the demo month
of the March 2024 report imported with `tamu-cli import csv`, plus history
imported the same way, must give the report's figures.  Files are read back
by readers we did not write (json, csv, openpyxl).
"""

import csv
import io
import json
import os
import subprocess
import sys
import tempfile
import unittest

import openpyxl

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import testdb  # noqa: E402

CLI = sys.argv.pop(1) if len(sys.argv) > 1 else "tamu-cli"
SRCDIR = os.path.dirname(os.path.abspath(__file__))
DEMO = os.path.join(SRCDIR, "..", "..", "data", "demo-2024-03.csv")

BREACHES = {
    ("Kab. Bandung", 9), ("Kab. Sintang", 6), ("Kota Ternate", 6), ("Kota Pematangsiantar", 7),
    ("Prov. Sumatera Utara", 10), ("Kab. Bengkalis", 6), ("Kab. Kuningan", 7), ("Kab. Mempawah", 7),
}


def read_bytes(path):
    with open(path, "rb") as f:
        return f.read()


def history_csv():
    """Done visits: 22 in February 2024, 25 in January 2024, 8 in March 2023 and
    216 over the rest of 2023 (29 + 22 + 25 + 8 + 216 = 300 since 2023); video
    conferences 1 in February 2024 and 16 in March 2023; and, in April 2024, a
    visit whose daerah was typed as a formula."""
    out = io.StringIO()
    w = csv.writer(out)
    w.writerow(["Tanggal", "Jenis", "Daerah", "Topik", "Jumlah Tamu", "Tamu Hadir", "Status"])

    def month(year, mon, n, kind="Tatap Muka"):
        for i in range(n):
            guests = "" if kind != "Tatap Muka" else str(2 + i % 3)
            w.writerow([f"{year}-{mon:02d}-{1 + i % 28:02d}", kind, "Kab. Cilacap", "DAU", guests, guests, "done"])

    month(2024, 2, 22)
    month(2024, 1, 25)
    month(2023, 3, 8)
    for m in range(1, 13):
        if m != 3:
            month(2023, m, 16 if m == 12 else 20)
    month(2024, 2, 1, "Video Conference")
    month(2023, 3, 16, "Video Conference")
    w.writerow(["2024-04-02", "Tatap Muka", '=HYPERLINK("http://example.com","klik")', "TKD", "3", "3", "done"])
    return out.getvalue()


class SummaryCli(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        d = cls.tmp.name
        cls.testdb = testdb.TestDb(d)
        cls.db = cls.testdb.address
        cls.env = dict(os.environ)
        cls.env.update({
            "TAMU_NOW": "2024-04-20T08:00",
            "LC_ALL": "C.UTF-8",
            "LANGUAGE": "",
            "XDG_CONFIG_HOME": os.path.join(d, "config"),
            "XDG_DATA_HOME": os.path.join(d, "data"),
        })
        cls.env.pop("TAMU_DB", None)
        history = os.path.join(d, "history.csv")
        with open(history, "w", encoding="utf-8") as f:
            f.write(history_csv())
        cls.ok("import", "csv", DEMO)
        cls.ok("import", "csv", history)

    @classmethod
    def tearDownClass(cls):
        cls.testdb.drop()
        cls.tmp.cleanup()

    @classmethod
    def run_cli(cls, *args):
        return subprocess.run([CLI, "--db", cls.db] + list(args), env=cls.env,
                              capture_output=True, timeout=60)

    @classmethod
    def ok(cls, *args):
        r = cls.run_cli(*args)
        if r.returncode != 0:
            raise AssertionError(f"{args} failed ({r.returncode}): {r.stderr.decode()}")
        return r

    def path(self, name):
        return os.path.join(self.tmp.name, name)

    # ---- the report's figures ----------------------------------------

    def test_json_figures(self):
        data = json.loads(self.ok("summary", "--month", "2024-03", "--format", "json").stdout)
        self.assertEqual(data["month"], "2024-03")
        tm, vc = data["tatap_muka"], data["vidcon"]
        for key in ("held", "previous_month", "same_month_last_year", "change_vs_previous_pct",
                    "change_vs_last_year_pct", "cumulative", "cumulative_since", "guests",
                    "cancelled", "no_show", "over_limit", "rows"):
            self.assertIn(key, tm)
            self.assertIn(key, vc)
        self.assertEqual((tm["held"], tm["previous_month"], tm["same_month_last_year"]), (29, 22, 8))
        self.assertEqual((tm["cumulative"], tm["cumulative_since"]), (300, 2023))
        self.assertEqual(tm["change_vs_previous_pct"], 31.8)
        self.assertEqual(tm["change_vs_last_year_pct"], 262.5)
        self.assertEqual(tm["guests"], 121)
        self.assertEqual((vc["held"], vc["previous_month"], vc["same_month_last_year"]), (4, 1, 16))
        self.assertEqual(vc["change_vs_previous_pct"], 300.0)
        self.assertEqual(vc["change_vs_last_year_pct"], -75.0)
        self.assertEqual({(b["daerah"], b["guests"]) for b in tm["over_limit"]}, BREACHES)
        self.assertTrue(all(b["limit"] == 5 for b in tm["over_limit"]))
        self.assertEqual(len(tm["rows"]), 29)
        self.assertEqual(tm["rows"][0], {**tm["rows"][0], "date": "2024-03-01", "daerah": "Kab. Bandung",
                                          "topics": "TKD", "guests": 9})
        dates = [r["date"] for r in tm["rows"]]
        self.assertEqual(dates, sorted(dates))
        for key in ("received", "previous_month", "same_month_last_year", "change_vs_previous_pct",
                    "change_vs_last_year_pct", "average_service_days"):
            self.assertIn(key, data["ppid"])
        self.assertEqual(data["by_topic"]["TKD"], 12)
        self.assertEqual(data["top_daerah"][0], {"daerah": "Kab. Kupang", "count": 2})
        self.assertTrue(data["top_provinces"])
        self.assertTrue(any(w.startswith("daerah: “Bank Kalbar”") for w in data["warnings"]))
        self.assertIn("sejak 2023 sebanyak 300.", data["text"])

    def test_text(self):
        text = self.ok("summary", "--month", "2024-03").stdout.decode()
        self.assertIn("Selama bulan Maret, telah dilaksanakan 29 kali konsultasi tatap muka sehingga "
                      "jumlah konsultasi tatap muka yang telah dilaksanakan sejak 2023 sebanyak 300.", text)
        self.assertIn("Jumlah tersebut meningkat 300% dibandingkan layanan pada bulan sebelumnya (1 layanan).",
                      text)
        self.assertIn("beberapa Pemerintah Daerah belum mematuhi ketentuan", text)
        # -o writes the same text to a file.
        out = self.path("ringkasan.txt")
        self.ok("summary", "--month", "2024-03", "--format", "text", "-o", out)
        with open(out, encoding="utf-8") as f:
            self.assertEqual(f.read(), text)

    def test_empty_base_is_null(self):
        data = json.loads(self.ok("summary", "--month", "2023-01", "--format", "json").stdout)
        self.assertEqual(data["tatap_muka"]["held"], 20)
        self.assertIsNone(data["tatap_muka"]["change_vs_previous_pct"])
        self.assertIsNone(data["tatap_muka"]["change_vs_last_year_pct"])
        self.assertIn("meningkat signifikan", data["text"])

    # ---- exports -------------------------------------------------------

    def test_csv(self):
        out = self.path("ringkasan.csv")
        self.ok("summary", "--month", "2024-03", "--format", "csv", "-o", out)
        raw = read_bytes(out)
        self.assertTrue(raw.startswith(b"\xef\xbb\xbf"))
        rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
        self.assertIn(["Konsultasi Tatap Muka", "22", "8", "29", "31,8", "262,5"], rows)
        self.assertIn(["2024-03-01", "Kab. Bandung", "TKD", "9"], rows)

        april = self.ok("summary", "--month", "2024-04", "--format", "csv").stdout.decode("utf-8-sig")
        cells = [c for row in csv.reader(io.StringIO(april), delimiter=";") for c in row]
        self.assertIn("'=HYPERLINK(\"http://example.com\",\"klik\")", cells)
        self.assertFalse(any(c.startswith(("=", "+", "@")) for c in cells))

    def test_xlsx(self):
        out = self.path("ringkasan.xlsx")
        self.ok("summary", "--month", "2024-03", "--format", "xlsx", "-o", out)
        wb = openpyxl.load_workbook(out)
        self.assertEqual(wb.sheetnames, ["Ringkasan", "Tatap Muka", "Video Conference", "PPID", "Topik"])
        tm = wb["Tatap Muka"]
        self.assertEqual(len(tm._charts), 1)
        tables = {t.name: t.ref for t in tm.tables.values()}
        self.assertEqual(len(tables), 3)
        values = [[c.value for c in row] for ref in tables.values() for row in tm[ref]]
        self.assertIn(["Maret 2024", 29], values)
        self.assertIn(["Februari 2024", 22], values)
        self.assertIn(["Maret 2023", 8], values)
        self.assertEqual(len(wb["Video Conference"]._charts), 1)

        year = self.path("rekap-2023.xlsx")
        self.ok("summary", "--year", "2023", "--format", "xlsx", "-o", year)
        sheet = openpyxl.load_workbook(year)["Rekap 2023"]
        self.assertEqual(len(sheet._charts), 1)
        rows = [[c.value for c in row] for row in sheet[list(sheet.tables.values())[0].ref]]
        self.assertEqual(rows[3][:4], ["Maret", 8, rows[3][2], 16])
        self.assertEqual(rows[-1][0], "Total")
        self.assertEqual(rows[-1][1], 224)

    def test_charts(self):
        png = self.path("vidcon.png")
        svg = self.path("topik.svg")
        self.ok("summary", "--month", "2024-03", "--format", "png", "--chart", "vidcon", "-o", png)
        self.assertTrue(read_bytes(png).startswith(b"\x89PNG\r\n\x1a\n"))
        self.ok("summary", "--month", "2024-03", "--format", "svg", "--chart", "topics", "-o", svg)
        self.assertIn(b"<svg", read_bytes(svg))

    def test_year(self):
        data = json.loads(self.ok("summary", "--year", "2023", "--format", "json").stdout)
        self.assertEqual(data["year"], 2023)
        self.assertEqual(len(data["months"]), 12)
        self.assertEqual(data["months"][2]["month"], "2023-03")
        self.assertEqual((data["months"][2]["tatap_muka"], data["months"][2]["vidcon"]), (8, 16))
        self.assertEqual(data["total"]["tatap_muka"], 224)
        text = self.ok("summary", "--year", "2023").stdout.decode()
        self.assertIn("Sepanjang tahun 2023, telah dilaksanakan 224 kali konsultasi tatap muka", text)

    # ---- refusals ------------------------------------------------------

    def test_usage_errors(self):
        for args in (["summary"],
                     ["summary", "--month", "2024-03", "--year", "2024"],
                     ["summary", "--month", "2024-03", "--format", "pdf"],
                     ["summary", "--month", "2024-03", "--format", "xlsx"],
                     ["summary", "--month", "2024-03", "--format", "png", "-o", "-"],
                     ["summary", "--month", "2024-03", "--chart", "vidcon"],
                     ["summary", "--year", "2024", "--format", "png", "-o", self.path("x.png")],
                     ["summary", "--month", "2024-03", "extra"]):
            r = self.run_cli(*args)
            self.assertEqual(r.returncode, 2, f"{args}: {r.stderr}")
            self.assertTrue(r.stderr.strip(), args)

    def test_invalid_values(self):
        for args, field in ((["summary", "--month", "2024-13"], "month: "),
                            (["summary", "--month", "Maret"], "month: "),
                            (["summary", "--year", "20x4"], "year: ")):
            r = self.run_cli(*args)
            self.assertEqual(r.returncode, 1, args)
            self.assertIn(field, r.stderr.decode(), args)
            self.assertEqual(r.stdout, b"")

    def test_unwritable_output_leaves_nothing(self):
        target = os.path.join(self.tmp.name, "missing-dir", "x.xlsx")
        r = self.run_cli("summary", "--month", "2024-03", "--format", "xlsx", "-o", target)
        self.assertEqual(r.returncode, 1)
        self.assertIn("xlsx: ", r.stderr.decode())
        self.assertFalse(os.path.exists(os.path.dirname(target)))


if __name__ == "__main__":
    unittest.main(verbosity=2)
