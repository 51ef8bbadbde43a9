#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""tamu-cli on a real PostgreSQL server (issue 10), driven as desks would.

- Four desks (processes) add 200 bookings each, competing for the same rooms
  and hours: afterwards no two active bookings overlap in a room (asked of
  the server with SQL), every acknowledged id is there, and every failure was
  a room-conflict refusal.
- A connection URI with a password never shows it in an error.

The server is TAMU_TEST_PG (tools/test starts one).  These run once tamu-cli
opens PostgreSQL addresses (tamu_store_open → tamu_pg_backend_open, issue 9's
address parser); until then the CLI still takes the address for a SQLite
file path, which the probe below sees as a file created in an empty folder,
and the whole test reports a TAP skip naming that.
"""

import os
import subprocess
import sys
import tempfile
import threading

CLI = sys.argv[1] if len(sys.argv) > 1 else "tamu-cli"
SERVER = os.environ.get("TAMU_TEST_PG", "")
DESKS = 4
PER_DESK = 200
ROOMS = ["Ruang Konsultasi 1", "Ruang Konsultasi 2"]
DAYS = ["2024-03-18", "2024-03-19", "2024-03-20", "2024-03-21", "2024-03-22"]
# Inside the service hours and outside every break (Friday's 11:30 too).
TIMES = ["08:00", "08:30", "09:00", "09:30", "10:00", "10:30", "13:00", "13:30", "14:00", "14:30", "15:00"]


def psql(conninfo, sql):
    r = subprocess.run(["psql", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-d", conninfo, "-c", sql],
                       capture_output=True, text=True, check=True)
    return r.stdout.strip()


class Desks:
    def __init__(self, home):
        self.env = dict(os.environ)
        self.env.update({
            "TAMU_NOW": "2024-03-01T08:00",
            "LC_ALL": "C.UTF-8",
            "LANGUAGE": "",
            "XDG_CONFIG_HOME": os.path.join(home, "config"),
            "XDG_DATA_HOME": os.path.join(home, "data"),
        })
        self.env.pop("TAMU_DB", None)

    def run(self, db, *args, cwd=None, env=None):
        argv = [CLI] + (["--db", db] if db is not None else []) + list(args)
        return subprocess.run(argv, env=env or self.env, capture_output=True, text=True, timeout=120, cwd=cwd)


def opens_postgresql(desks, conninfo):
    """Whether tamu-cli opens @conninfo as a server, not as a file path."""
    with tempfile.TemporaryDirectory() as cwd:
        desks.run(conninfo, "settings", "list", cwd=cwd)
        return not os.listdir(cwd)


def refused_for_room(stderr):
    """One refusal line naming room-conflict, after any warnings (a daerah
    outside the region list, the same daerah twice in a day)."""
    lines = stderr.strip().splitlines()
    return (bool(lines) and lines[-1].startswith("tamu-cli: room-conflict: ")
            and all(line.startswith("warning: ") for line in lines[:-1]))


def test_four_desks(desks, conninfo):
    acknowledged = []
    failures = []
    refused = [0]
    lock = threading.Lock()

    def desk(d):
        for i in range(PER_DESK):
            n = (i + 3 * d) % (len(DAYS) * len(TIMES) * len(ROOMS))
            day, n = DAYS[n % len(DAYS)], n // len(DAYS)
            room, n = ROOMS[n % len(ROOMS)], n // len(ROOMS)
            time = TIMES[n % len(TIMES)]
            duration = "90" if (i + d) % 3 == 0 else "60"
            if time in ("10:30", "15:00") and duration == "90":
                duration = "60"  # 12:00 is the break, 16:00 the close
            r = desks.run(conninfo, "booking", "add", "--type", "tatap-muka", "--date", day,
                          "--time", time, "--duration", duration, "--room", room,
                          "--daerah", f"Kab. Bandung {d}-{i}", "--topic", "DAU, TKD", "--guests", "3",
                          "--contact", f"Desk {d}")
            with lock:
                if r.returncode == 0:
                    acknowledged.append(int(r.stdout.strip().splitlines()[0]))
                elif r.returncode == 1 and refused_for_room(r.stderr):
                    refused[0] += 1
                else:
                    failures.append(f"desk {d} #{i}: exit {r.returncode}: {r.stderr.strip()}")

    threads = [threading.Thread(target=desk, args=(d,)) for d in range(DESKS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    problems = list(failures[:5])
    print(f"# {len(acknowledged)} booked, {refused[0]} refused (room-conflict), {len(failures)} other failures")
    if len(acknowledged) + refused[0] != DESKS * PER_DESK:
        problems.append("not every attempt was answered")
    if refused[0] == 0:
        problems.append("the desks never competed")
    overlaps = psql(conninfo,
                    "SELECT count(*) FROM tamu.bookings a JOIN tamu.bookings b"
                    " ON a.id < b.id AND a.room = b.room AND a.date = b.date"
                    " AND a.start < b.start + b.duration AND b.start < a.start + a.duration"
                    " WHERE a.deleted_at IS NULL AND b.deleted_at IS NULL"
                    " AND a.status IN ('requested', 'confirmed', 'done')"
                    " AND b.status IN ('requested', 'confirmed', 'done')")
    if overlaps != "0":
        problems.append(f"{overlaps} overlapping bookings")
    ids = ",".join(str(i) for i in acknowledged) or "0"
    missing = psql(conninfo, f"SELECT count(*) FROM unnest('{{{ids}}}'::bigint[]) AS ack(id)"
                             " WHERE NOT EXISTS (SELECT 1 FROM tamu.bookings b"
                             "   WHERE b.id = ack.id AND b.deleted_at IS NULL)")
    if missing != "0":
        problems.append(f"{missing} acknowledged bookings missing")
    stored = psql(conninfo, "SELECT count(*) FROM tamu.bookings")
    if stored != str(len(acknowledged)):
        problems.append(f"{stored} bookings stored, {len(acknowledged)} acknowledged")
    return problems


def test_password_never_shown(desks, conninfo):
    problems = []
    secret_uri = "postgresql://u:SECRET@127.0.0.1:1/x"
    env = dict(desks.env, TAMU_DB=secret_uri)
    for db, run_env in ((secret_uri, None), (None, env)):
        for args in (("booking", "list"), ("settings", "list")):
            r = desks.run(db, *args, env=run_env)
            shown = r.stdout + r.stderr
            if r.returncode != 1:
                problems.append(f"{args}: exit {r.returncode}")
            if "SECRET" in shown:
                problems.append(f"{args}: the password is shown: {shown.strip()}")
            if "cannot reach the database server at 127.0.0.1:1" not in r.stderr:
                problems.append(f"{args}: {r.stderr.strip()}")
            if len(r.stderr.strip().splitlines()) != 1:
                problems.append(f"{args}: not one line: {r.stderr.strip()}")
    return problems


def main():
    if not SERVER:
        print("1..0 # SKIP TAMU_TEST_PG is not set (tools/test starts a server: tools/pg-test-cluster)")
        return 0

    name = f"tamu_cli_{os.getpid()}"
    psql(SERVER, f"CREATE DATABASE {name}")
    conninfo = f"{SERVER} dbname={name}"
    try:
        with tempfile.TemporaryDirectory() as home:
            desks = Desks(home)
            if not opens_postgresql(desks, conninfo):
                print("1..0 # SKIP tamu-cli does not open PostgreSQL addresses yet "
                      "(tamu_store_open must hand them to tamu_pg_backend_open)")
                return 0

            tests = [("four desks x 200 bookings, no double booking", test_four_desks),
                     ("a password in the URI is never shown", test_password_never_shown)]
            print(f"1..{len(tests)}")
            failed = 0
            for number, (title, test) in enumerate(tests, 1):
                problems = test(desks, conninfo)
                for problem in problems:
                    print(f"# {problem}")
                print(f"{'not ok' if problems else 'ok'} {number} - {title}")
                failed += bool(problems)
            return 1 if failed else 0
    finally:
        psql(SERVER, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


if __name__ == "__main__":
    sys.exit(main())
