#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The fence between the layers of app/ (HACKING.md), checked on the sources.

usage: check-layers.py SRCDIR [BUILDDIR]
       check-layers.py --self-test

Fails when:
- a file outside app/storage/sqlite/ includes sqlite3.h, outside
  app/storage/postgres/ libpq-fe.h, outside app/ical/ libical, outside
  app/gui/ (and app/main.c) GTK or libadwaita, outside app/feed/ libsoup;
- app/domain/ includes anything but GLib/GIO, the C library and its own headers;
- a layer includes a header of a layer it may not use;
- SQL text stands outside app/storage/;
- an include reaches around the include paths ("../x.h", "app/…");
- (with BUILDDIR) a file of app/ is compiled with the source or build root,
  or the app/ folder itself, on its include path: from there any header of
  any layer could be reached.
--self-test plants each violation in a scratch tree and checks that it is
caught, so this test cannot pass by checking nothing.
"""
import json
import os
import re
import sys
import tempfile

# What each layer may include, itself included.  Order of the layers:
# domain < storage < ical < reports < feed < notify < gui; the command-line
# tool sits beside the GUI and uses no GUI or notifications.
ALLOWED = {
    "domain": {"domain"},
    "storage": {"domain", "storage"},
    "storage/sqlite": {"domain", "storage", "storage/sqlite"},
    "storage/postgres": {"domain", "storage", "storage/postgres"},
    "ical": {"domain", "storage", "ical"},
    "reports": {"domain", "storage", "ical", "reports"},
    "feed": {"domain", "storage", "ical", "reports", "feed"},
    "notify": {"domain", "storage", "ical", "reports", "notify"},
    "gui": {"domain", "storage", "ical", "reports", "feed", "notify", "gui"},
    "cli": {"domain", "storage", "ical", "reports", "feed", "cli"},
}
# The service may open its backends through their public headers only.
BACKEND_ENTRY_HEADERS = {"sqlite/tamu-sqlite-backend.h", "postgres/tamu-pg-backend.h"}

# System headers owned by one folder.
OWNED = [
    (re.compile(r"^sqlite3\.h$"), ("storage/sqlite",), "sqlite3.h"),
    (re.compile(r"^libpq-fe\.h$|^libpq/"), ("storage/postgres",), "libpq"),
    (re.compile(r"^libical/|^ical\.h$"), ("ical",), "libical"),
    (re.compile(r"^gtk/|^gdk/|^adwaita\.h$"), ("gui", "main.c"), "GTK/libadwaita"),
    (re.compile(r"^libsoup/"), ("feed",), "libsoup"),
]

C_LIBRARY = {
    "assert.h", "ctype.h", "errno.h", "fcntl.h", "float.h", "inttypes.h", "limits.h", "locale.h",
    "math.h", "stdarg.h", "stdbool.h", "stddef.h", "stdint.h", "stdio.h", "stdlib.h", "string.h",
    "strings.h", "time.h", "unistd.h", "sys/stat.h", "sys/types.h",
}
GLIB = re.compile(r"^(glib\.h|glib-object\.h|glib/|gio/|gobject/)")

INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]', re.M)
SQL = re.compile(r'"[^"\n]*\b(SELECT\s+\S+.*\bFROM|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|'
                 r'CREATE\s+(TABLE|INDEX|SCHEMA)|ALTER\s+TABLE|DROP\s+TABLE|PRAGMA\s+\w+|'
                 r'BEGIN\s+(IMMEDIATE|TRANSACTION|ISOLATION)|LISTEN\s+\w+)\b')


def layer_of(relpath):
    """'app/storage/sqlite/x.c' -> 'storage/sqlite'; 'app/main.c' -> 'main.c'."""
    parts = relpath.split("/")[1:]
    if len(parts) == 1:
        return parts[0]
    if parts[0] == "storage" and len(parts) > 2:
        return "storage/" + parts[1]
    if parts[0] == "cli" and parts[-1] == "main.c":
        return "cli"
    return parts[0]


def sources(srcdir):
    for folder, _dirs, files in os.walk(os.path.join(srcdir, "app")):
        for name in sorted(files):
            if name.endswith((".c", ".h")):
                path = os.path.join(folder, name)
                yield os.path.relpath(path, srcdir).replace(os.sep, "/"), path


def header_index(srcdir):
    """Header name -> the layers holding a header of that name."""
    index = {}
    for rel, _path in sources(srcdir):
        if rel.endswith(".h"):
            index.setdefault(os.path.basename(rel), set()).add(layer_of(rel))
    return index


def check_tree(srcdir):
    problems = []
    index = header_index(srcdir)
    for rel, path in sources(srcdir):
        layer = layer_of(rel)
        with open(path, encoding="utf-8") as f:
            text = f.read()
        allowed = ALLOWED.get("gui" if layer == "main.c" else layer)
        if allowed is None:
            problems.append(f"{rel}: in no known layer (add it to ALLOWED in {os.path.basename(__file__)})")
            continue

        for bracket, name in INCLUDE.findall(text):
            for pattern, owners, what in OWNED:
                if pattern.search(name) and layer not in owners:
                    problems.append(f"{rel}: includes {what} ({name}); only {', '.join(owners)} may")
            if name.startswith("../") or "/../" in name or name.startswith("app/"):
                problems.append(f"{rel}: includes {name} around the include paths")
                continue
            if layer == "domain" and bracket == "<" and not GLIB.match(name) and name not in C_LIBRARY:
                problems.append(f"{rel}: the domain may use GLib/GIO only, not <{name}>")
            if bracket != '"' or name == "config.h":
                continue
            if layer == "storage" and name in BACKEND_ENTRY_HEADERS:
                continue
            owners = index.get(os.path.basename(name))
            if owners is None:
                continue  # a generated header (resources, enums)
            if "/" in name and layer == "storage":
                problems.append(f"{rel}: includes {name}, a backend's private header")
            elif not owners & allowed:
                problems.append(f"{rel}: layer {layer} includes {name} of layer {', '.join(sorted(owners))}")

        if not layer.startswith("storage"):
            for match in SQL.finditer(text):
                line = text.count("\n", 0, match.start()) + 1
                problems.append(f"{rel}:{line}: SQL outside app/storage/: {match.group(1)[:40]}")
    return problems


def check_build(srcdir, builddir):
    """No app/ object is compiled with a root (or app/ itself) on its include path."""
    problems = []
    path = os.path.join(builddir, "compile_commands.json")
    with open(path, encoding="utf-8") as f:
        commands = json.load(f)
    forbidden = {os.path.realpath(p) for p in (srcdir, builddir, os.path.join(srcdir, "app"),
                                                os.path.join(builddir, "app"))}
    checked = 0
    for entry in commands:
        source = os.path.realpath(os.path.join(entry["directory"], entry["file"]))
        if not source.startswith(os.path.realpath(os.path.join(srcdir, "app")) + os.sep):
            continue
        checked += 1
        args = entry.get("arguments") or entry["command"].split()
        for i, arg in enumerate(args):
            inc = arg[2:] if arg.startswith("-I") else (args[i + 1] if arg == "-I" and i + 1 < len(args) else None)
            if inc is None or inc == "":
                continue
            if os.path.realpath(os.path.join(entry["directory"], inc)) in forbidden:
                problems.append(f"{os.path.relpath(source, srcdir)}: compiled with -I{inc}, "
                                "from which any layer's header can be reached")
    if checked == 0:
        problems.append(f"{path}: no file of app/ is compiled: nothing was checked")
    return problems


def self_test():
    """Each planted violation is caught; the clean tree passes."""
    plants = {
        "app/domain/tamu-bad-gtk.c": ('#include <gtk/gtk.h>\n', "GTK"),
        "app/domain/tamu-bad-json.c": ('#include <json-glib/json-glib.h>\n', "GLib/GIO only"),
        "app/reports/tamu-bad-sqlite.c": ('#include <sqlite3.h>\n', "sqlite3.h"),
        "app/storage/tamu-bad-pq.c": ('#include <libpq-fe.h>\n', "libpq"),
        "app/gui/tamu-bad-ical.c": ('#include <libical/ical.h>\n', "libical"),
        "app/storage/tamu-bad-up.c": ('#include "tamu-window.h"\n', "layer storage includes"),
        "app/cli/tamu-bad-notify.c": ('#include "tamu-notifier.h"\n', "layer cli includes"),
        "app/ical/tamu-bad-sql.c": ('static const char *q = "SELECT id FROM bookings";\n', "SQL outside"),
        "app/reports/tamu-bad-path.c": ('#include "../gui/tamu-window.h"\n', "around the include paths"),
        "app/storage/tamu-bad-private.c": ('#include "sqlite/tamu-sqlite-private.h"\n', "private header"),
    }
    base = {
        "app/gui/tamu-window.h": "", "app/notify/tamu-notifier.h": "",
        "app/storage/sqlite/tamu-sqlite-private.h": "#include <sqlite3.h>\n",
        "app/storage/tamu-store.c": '#include "sqlite/tamu-sqlite-backend.h"\n#include <glib.h>\n',
        "app/storage/sqlite/tamu-sqlite-backend.h": "", "app/domain/tamu-ok.c": "#include <glib.h>\n#include <string.h>\n",
    }
    failures = 0
    with tempfile.TemporaryDirectory() as root:
        for rel, text in base.items():
            os.makedirs(os.path.dirname(os.path.join(root, rel)), exist_ok=True)
            with open(os.path.join(root, rel), "w") as f:
                f.write(text)
        clean = check_tree(root)
        if clean:
            print("self-test: the clean tree was refused:", clean)
            failures += 1
        for rel, (text, expected) in plants.items():
            path = os.path.join(root, rel)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w") as f:
                f.write(text)
            found = check_tree(root)
            os.unlink(path)
            if not any(expected in p and rel in p for p in found):
                print(f"self-test: {rel} ({text.strip()}) was not caught as “{expected}”: {found}")
                failures += 1
            else:
                print(f"self-test: caught {rel}: {expected}")
    return failures


def main():
    if sys.argv[1:] == ["--self-test"]:
        failures = self_test()
        print("self-test passed" if failures == 0 else f"self-test: {failures} failure(s)")
        return 1 if failures else 0
    if len(sys.argv) not in (2, 3):
        print(__doc__)
        return 2
    srcdir = sys.argv[1]
    problems = check_tree(srcdir)
    if len(sys.argv) == 3:
        problems += check_build(srcdir, sys.argv[2])
    for p in problems:
        print(p, file=sys.stderr)
    n = sum(1 for _ in sources(srcdir))
    print(f"{n} files of app/ checked, {len(problems)} problem(s)")
    return 1 if problems else 0


sys.exit(main())
