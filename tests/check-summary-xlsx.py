#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Reads the March 2024 summary workbook back with openpyxl (a reader Tamu
did not write) and checks its sheets, tables, cells and charts.

Usage: check-summary-xlsx.py FILE.xlsx   (prints "ok" or fails with a message)
"""
import datetime
import sys

import openpyxl


def table_rows(ws, name_prefix="Tabel"):
    """The Excel tables of a sheet as lists of row value lists."""
    out = []
    for table in ws.tables.values():
        rows = [[c.value for c in r] for r in ws[table.ref]]
        out.append(rows)
    return out


def fail(message):
    print("FAIL: " + message)
    sys.exit(1)


def main(path):
    wb = openpyxl.load_workbook(path)
    expected = ["Ringkasan", "Tatap Muka", "Video Conference", "PPID", "Topik"]
    for name in expected:
        if name not in wb.sheetnames:
            fail("sheet %r missing: %r" % (name, wb.sheetnames))

    # Tatap muka: the comparison table, the visits table, the breaches.
    tm = wb["Tatap Muka"]
    tables = table_rows(tm)
    if len(tables) != 3:
        fail("Tatap Muka has %d tables, expected 3" % len(tables))
    comparison, visits, breaches = tables
    if comparison != [["Periode", "Jumlah"], ["Februari 2024", 22], ["Maret 2023", 8], ["Maret 2024", 29]]:
        fail("comparison table: %r" % comparison)
    if visits[0] != ["Tanggal", "Daerah", "Topik", "Jumlah Tamu"]:
        fail("visits header: %r" % visits[0])
    if len(visits) != 30:
        fail("visits table has %d data rows" % (len(visits) - 1))
    first = visits[1]
    if first[0] != datetime.datetime(2024, 3, 1) or first[1:] != ["Kab. Bandung", "TKD", 9]:
        fail("first visit row: %r" % first)
    if sum(r[3] for r in visits[1:]) != 121:
        fail("guests do not add up to 121")
    jepara = [r for r in visits[1:] if r[1] == "Kab. Jepara"]
    if not jepara or jepara[0][2] != "DAU, DAK Non Fisik":
        fail("Kab. Jepara row: %r" % jepara)
    if breaches[0] != ["Tanggal", "Daerah", "Jumlah Tamu", "Batas", "Alasan Persetujuan"]:
        fail("breaches header: %r" % breaches[0])
    got = sorted((r[1], r[2], r[3]) for r in breaches[1:])
    want = sorted([("Kab. Bandung", 9, 5), ("Kab. Sintang", 6, 5), ("Kota Ternate", 6, 5),
                   ("Kota Pematangsiantar", 7, 5), ("Prov. Sumatera Utara", 10, 5),
                   ("Kab. Bengkalis", 6, 5), ("Kab. Kuningan", 7, 5), ("Kab. Mempawah", 7, 5)])
    if got != want:
        fail("breaches: %r" % got)
    if len(tm._charts) != 1:
        fail("Tatap Muka has %d charts" % len(tm._charts))

    # Percentages are numbers, formatted as percent.
    labels = {tm.cell(row=r, column=1).value: tm.cell(row=r, column=2) for r in range(1, 20)}
    change = labels.get("Perubahan dibandingkan bulan sebelumnya")
    if change is None or abs(change.value - 0.318) > 1e-9 or "%" not in change.number_format:
        fail("change vs previous month: %r" % (change and change.value))
    if labels.get("Kumulatif sejak 2023") is None or labels["Kumulatif sejak 2023"].value != 300:
        fail("cumulative since 2023")

    vc = wb["Video Conference"]
    comparison, visits = table_rows(vc)
    if [r[1] for r in comparison[1:]] != [1, 16, 4]:
        fail("video conference comparison: %r" % comparison)
    if [r[1] for r in visits[1:]] != ["Kab. Lamongan", "Kab. Banyumas", "Kab. Kupang", "Kota Tomohon"]:
        fail("video conference rows: %r" % visits)
    if len(vc._charts) != 1:
        fail("Video Conference has no chart")

    ppid = wb["PPID"]
    comparison, recap = table_rows(ppid)
    if [r[1] for r in comparison[1:]] != [12, 15, 14]:
        fail("PPID comparison: %r" % comparison)
    if len(recap) != 14 or recap[0][:3] != ["Bulan", "Jumlah", "Rata-rata Hari"]:
        fail("PPID recap header/rows: %r" % recap[:2])
    march = recap[3]
    if march[0] != "Maret" or march[1] != 14 or abs(march[2] - 5.5) > 1e-9 or march[3:5] != [1, 1]:
        fail("PPID recap, March: %r" % march)
    if recap[13][0] != "Total" or recap[13][1] != 26:
        fail("PPID recap, total: %r" % recap[13])
    if len(ppid._charts) != 1:
        fail("PPID has no chart")

    topics = wb["Topik"]
    first_table = table_rows(topics)[0]
    if first_table[1] != ["TKD", 12]:
        fail("topic table: %r" % first_table[:3])
    if len(topics._charts) != 1:
        fail("Topik has no chart")

    summary = wb["Ringkasan"]
    texts = [summary.cell(row=r, column=1).value or "" for r in range(1, 30)]
    if not any("sejak 2023 sebanyak 300." in t for t in texts):
        fail("narrative missing from Ringkasan")
    print("ok")


if __name__ == "__main__":
    main(sys.argv[1])
