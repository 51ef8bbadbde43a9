#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Derive data/regions.csv from the idn-area-data province and regency lists.

Usage:
    tools/gen-regions.py [IDN_AREA_DIR] [OUTPUT]

IDN_AREA_DIR defaults to ../shared/data/idn-area (beside the repository),
OUTPUT to data/regions.csv.  The output is deterministic: the same input
always gives the same bytes, so a diff of data/regions.csv shows exactly what
changed upstream.  Region data: idn-area-data (ODbL).

Columns: code,kind,name,short_name,province_code,province_name,timezone
  - the 38 provinces by code, then the kabupaten and kota together by code;
  - kind is province, kabupaten or kota;
  - name is the official name ("Kabupaten Cilacap", "Provinsi Jawa Tengah");
  - short_name is the way people write it ("Kab. Cilacap", "Kota Dumai",
    "Prov. Jawa Timur", "Prov. DKI Jakarta", "Prov. DI Yogyakarta");
  - timezone is the IANA zone by province code (Keppres 41/1987).

The program that reads the file (app/domain/tamu-regions.c) splits lines on
commas without a quoting layer, so this script refuses any field containing a
comma, a quote or a line break rather than writing something it would misread.
"""

import csv
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

EXPECTED = {"province": 38, "kabupaten": 416, "kota": 98}

# Short forms of the two provinces whose official names are long titles.
PROVINCE_SHORT = {
    "31": "DKI Jakarta",
    "34": "DI Yogyakarta",
}

# WIB, WITA and WIT by province code (Keppres 41/1987), as IANA zones.
ZONES = [
    ("Asia/Pontianak", ["61", "62"]),
    ("Asia/Jakarta", ["11", "12", "13", "14", "15", "16", "17", "18", "19",
                      "21", "31", "32", "33", "34", "35", "36"]),
    ("Asia/Makassar", ["51", "52", "53", "63", "64", "65",
                       "71", "72", "73", "74", "75", "76"]),
    ("Asia/Jayapura", ["81", "82", "91", "92", "93", "94", "95", "96"]),
]
ZONE_BY_PROVINCE = {code: zone for zone, codes in ZONES for code in codes}

KIND_PREFIX = {
    "kabupaten": ("Kabupaten ", "Kab. "),
    "kota": ("Kota ", "Kota "),
}
ADMINISTRASI = "Administrasi "


def die(message):
    sys.stderr.write("gen-regions: %s\n" % message)
    sys.exit(1)


def read_rows(path, header):
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        first = next(reader, None)
        if first != header:
            die("%s: expected header %s, found %s" % (path, header, first))
        rows = []
        for number, row in enumerate(reader, start=2):
            if not row:
                continue
            if len(row) != len(header):
                die("%s:%d: expected %d fields, found %d"
                    % (path, number, len(header), len(row)))
            rows.append([field.strip() for field in row])
        return rows


def code_key(code):
    return tuple(int(part) for part in code.split("."))


def derive(idn_dir):
    provinces = read_rows(os.path.join(idn_dir, "provinces.csv"),
                          ["code", "name"])
    regencies = read_rows(os.path.join(idn_dir, "regencies.csv"),
                          ["code", "province_code", "name"])

    province_names = {}
    out = []
    for code, name in sorted(provinces, key=lambda r: code_key(r[0])):
        if code not in ZONE_BY_PROVINCE:
            die("province %s (%s) has no time zone" % (code, name))
        province_names[code] = name
        short = PROVINCE_SHORT.get(code, name)
        out.append([code, "province", "Provinsi " + name, "Prov. " + short,
                    code, name, ZONE_BY_PROVINCE[code]])

    for code, province_code, name in sorted(regencies,
                                            key=lambda r: code_key(r[0])):
        if province_code not in province_names:
            die("%s (%s): unknown province %s" % (code, name, province_code))
        if not code.startswith(province_code + "."):
            die("%s (%s): code does not start with its province %s"
                % (code, name, province_code))
        for kind, (long_prefix, short_prefix) in KIND_PREFIX.items():
            if name.startswith(long_prefix):
                base = name[len(long_prefix):]
                break
        else:
            die("%s (%s): neither Kabupaten nor Kota" % (code, name))
        # "Kota Administrasi Jakarta Pusat" is written "Kota Jakarta Pusat".
        if base.startswith(ADMINISTRASI):
            base = base[len(ADMINISTRASI):]
        out.append([code, kind, name, short_prefix + base, province_code,
                    province_names[province_code],
                    ZONE_BY_PROVINCE[province_code]])

    counts = {kind: sum(1 for row in out if row[1] == kind)
              for kind in EXPECTED}
    if counts != EXPECTED:
        die("expected %s regions, found %s" % (EXPECTED, counts))
    for row in out:
        for field in row:
            if not field or any(c in field for c in ',"\r\n'):
                die("%s: field %r is empty or contains a comma, quote or "
                    "line break" % (row[0], field))
    short_names = [row[3].lower() for row in out]
    if len(set(short_names)) != len(short_names):
        die("two regions share a short name")
    return out


def main(argv):
    idn_dir = argv[1] if len(argv) > 1 else os.path.join(
        ROOT, "..", "shared", "data", "idn-area")
    output = argv[2] if len(argv) > 2 else os.path.join(
        ROOT, "data", "regions.csv")
    rows = derive(idn_dir)
    tmp = output + ".tmp"
    with open(tmp, "w", newline="", encoding="utf-8") as f:
        f.write("code,kind,name,short_name,province_code,province_name,"
                "timezone\n")
        for row in rows:
            f.write(",".join(row) + "\n")
    os.replace(tmp, output)
    print("gen-regions: wrote %d regions to %s" % (len(rows), output))


if __name__ == "__main__":
    main(sys.argv)
