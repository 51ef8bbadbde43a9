#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The calendar feed under load (issue 11): 200 clients polling one feed at
once for 60 s against a database of ten years of bookings (over 50,000),
first without ETag (every poll a full body), then with If-None-Match (what
Outlook does: 304 until something changes).  Prints requests per second
and p50/p99 latency for each; exits non-zero only on an error (a status
other than 200/304, a refused or dropped connection), never on time.
Loopback only, bounded in clients and seconds.

    bench-feed.py TAMU_CLI [SECONDS] [CLIENTS]
    (or TAMU_FEED_BENCH_SECONDS / TAMU_FEED_BENCH_CLIENTS)
"""

import atexit
import csv
import datetime
import http.client
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

CLI = sys.argv[1]
SECONDS = float(sys.argv[2] if len(sys.argv) > 2 else os.environ.get('TAMU_FEED_BENCH_SECONDS', 60))
CLIENTS = int(sys.argv[3] if len(sys.argv) > 3 else os.environ.get('TAMU_FEED_BENCH_CLIENTS', 200))
DAERAH = ['Kab. Bandung', 'Kab. Boyolali', 'Kab. Sintang', 'Bank Kalbar', 'Kota Ternate',
          'Kab. Brebes', 'Kota Pematangsiantar', 'Kab. Kupang', 'Prov. Jawa Barat', 'Kota Bogor']
TOPICS = ['TKD', 'DAU', 'DBH', 'PDRD', 'SHSR', 'Hibah', 'DAU, DAK NF']

tmp = tempfile.mkdtemp(prefix='tamu-bench-feed-')
env = dict(os.environ, TAMU_DB=os.path.join(tmp, 'tamu.db'), LC_ALL='C.UTF-8',
           XDG_CONFIG_HOME=os.path.join(tmp, 'config'))


def run(*args, now):
    result = subprocess.run([CLI, *args], env=dict(env, TAMU_NOW=now), capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f'tamu-cli {args[0]} failed: {result.stderr}')
    return result.stdout


# Ten years of weekdays, 20 bookings a day, as the office's CSV log.  "Now"
# is after them all while importing, so every row is a record.
path = os.path.join(tmp, 'log.csv')
rows = 0
with open(path, 'w', newline='', encoding='utf-8') as f:
    out = csv.writer(f)
    out.writerow(['type', 'date', 'time', 'duration', 'daerah', 'topic', 'guests', 'status',
                  'room', 'contact', 'ticket'])
    day = datetime.date(2016, 1, 1)
    while day <= datetime.date(2025, 12, 31):
        if day.weekday() < 5:
            for k in range(20):
                vid = k % 7 == 0
                hour = 8 + k % 8
                out.writerow(['vidcon' if vid else 'tatap-muka', day.isoformat(), f'{hour:02d}:{(k % 2) * 30:02d}',
                              30, DAERAH[(k + day.toordinal()) % len(DAERAH)], TOPICS[k % len(TOPICS)],
                              1 + k % 5, 'cancelled' if k % 23 == 0 else 'done',
                              '' if vid else f'Ruang Konsultasi {1 + k % 2}', f'Kontak {rows}',
                              f'TKT-{rows:06d}'])
                rows += 1
        day += datetime.timedelta(days=1)

started = time.monotonic()
run('import', 'csv', path, now='2027-01-01T08:00')
print(f'database: {rows} bookings imported in {time.monotonic() - started:.1f} s')

NOW = '2025-06-02T08:00'   # the feed holds 2025-03-04 … 2026-06-02
token_url = run('feed', 'add', 'Semua', now=NOW).strip()
feed_path = '/feed/' + token_url.rsplit('/', 1)[1]

server = subprocess.Popen([CLI, 'serve', '--listen', '127.0.0.1:0'], env=dict(env, TAMU_NOW=NOW),
                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
atexit.register(lambda: server.poll() is None and server.kill())
line = server.stdout.readline()
port = int(re.search(r'127\.0\.0\.1:(\d+)', line).group(1))


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * p / 100))] if values else float('nan')


def phase(name, use_etag):
    latencies = [[] for _ in range(CLIENTS)]
    errors = []
    statuses = {}
    deadline = time.monotonic() + SECONDS
    start_barrier = threading.Barrier(CLIENTS)
    lock = threading.Lock()

    def client(i):
        conn = http.client.HTTPConnection('127.0.0.1', port, timeout=60)
        etag = None
        start_barrier.wait()
        while time.monotonic() < deadline:
            headers = {'If-None-Match': etag} if use_etag and etag else {}
            t0 = time.monotonic()
            try:
                conn.request('GET', feed_path, headers=headers)
                resp = conn.getresponse()
                body = resp.read()
            except Exception as e:  # a refused or dropped connection is an error
                with lock:
                    errors.append(repr(e))
                conn.close()
                conn = http.client.HTTPConnection('127.0.0.1', port, timeout=60)
                continue
            latencies[i].append(time.monotonic() - t0)
            with lock:
                statuses[resp.status] = statuses.get(resp.status, 0) + 1
            if resp.status == 200 and b'END:VCALENDAR' in body:
                etag = resp.headers['ETag']
            elif resp.status != 304:
                with lock:
                    errors.append(f'status {resp.status}')
        conn.close()

    threads = [threading.Thread(target=client, args=(i,)) for i in range(CLIENTS)]
    t0 = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - t0
    flat = [x for l in latencies for x in l]
    print(f'{name}: {CLIENTS} clients, {elapsed:.0f} s: {len(flat)} requests = {len(flat) / elapsed:.0f} req/s, '
          f'p50 {percentile(flat, 50) * 1000:.1f} ms, p99 {percentile(flat, 99) * 1000:.1f} ms, '
          f'statuses {dict(sorted(statuses.items()))}, errors {len(errors)}')
    for e in sorted(set(errors))[:5]:
        print('  error:', e)
    return len(errors)


conn = http.client.HTTPConnection('127.0.0.1', port, timeout=60)
conn.request('GET', feed_path)
resp = conn.getresponse()
size = len(resp.read())
conn.close()
print(f'feed body: {size / 1024:.0f} KiB (window of 455 days)')

failed = phase('without ETag (full body every poll)', False)
# The first phase's 200 connections close as it ends; give the server a
# moment to see them go, as Outlook's clients do not all reconnect at once.
time.sleep(5)
failed += phase('with ETag (If-None-Match, 304)', True)

server.send_signal(signal.SIGTERM)
code = server.wait(timeout=30)
shutil.rmtree(tmp, ignore_errors=True)
print(f'server exit status {code}; {failed} errors')
sys.exit(1 if failed or code != 0 else 0)
