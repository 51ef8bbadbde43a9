#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The subscribed calendar feed, from outside: `tamu-cli serve` on a free
loopback port, fetched with urllib and raw sockets, the body read by
python-icalendar and ical.js (Thunderbird's parser).

    test-feed-server.py TAMU_CLI ICAL_TEST_DIR WORK_DIR
"""

import atexit
import http.client
import importlib.util
import json
import os
import re
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

CLI, ICAL_DIR, WORK = (os.path.abspath(a) for a in sys.argv[1:4])
FAILURES = []


def check(condition, what):
    if condition:
        print('ok -', what)
    else:
        print('FAIL -', what)
        FAILURES.append(what)


# check-readers.py has the readers: python-icalendar and the ical.js install.
spec = importlib.util.spec_from_file_location('check_readers', os.path.join(ICAL_DIR, 'check-readers.py'))
readers = importlib.util.module_from_spec(spec)
spec.loader.exec_module(readers)

tmp = tempfile.mkdtemp(prefix='tamu-feed-')
env = dict(os.environ)
env.update({'TAMU_DB': os.path.join(tmp, 'tamu.db'), 'TAMU_NOW': '2024-03-01T08:00',
            'XDG_CONFIG_HOME': os.path.join(tmp, 'config'), 'LC_ALL': 'C.UTF-8',
            'G_MESSAGES_DEBUG': 'all'})


def cli(*args, expect=0):
    result = subprocess.run([CLI, *args], env=env, capture_output=True, text=True)
    if result.returncode != expect:
        print(result.stdout, result.stderr)
    check(result.returncode == expect, f'tamu-cli {" ".join(args)} exits {expect}')
    return result


RUNNING = []


@atexit.register
def stop_leftovers():
    """A failed check must not leave a server behind."""
    for proc in RUNNING:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


class Server:
    def __init__(self, *extra):
        self.log = open(os.path.join(tmp, f'serve-{len(extra)}-{time.monotonic_ns()}.log'), 'w+')
        self.proc = subprocess.Popen([CLI, 'serve', '--listen', '127.0.0.1:0', *extra], env=env,
                                     stdout=subprocess.PIPE, stderr=self.log, text=True)
        RUNNING.append(self.proc)
        # GLib's debug lines (G_MESSAGES_DEBUG) share stdout: skip to ours.
        match = None
        while match is None:
            line = self.proc.stdout.readline()
            if line == '':
                sys.exit('serve did not start')
            match = re.search(r'Serving .*(https?)://127\.0\.0\.1:(\d+)', line)
        self.scheme, self.port = match.group(1), int(match.group(2))
        self.base = f'{self.scheme}://127.0.0.1:{self.port}'

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        rest, _ = self.proc.communicate(timeout=20)
        self.log.seek(0)
        return self.proc.returncode, rest + self.log.read()


def request(server, method, path, headers=None, body=None, context=None):
    """(status, headers, body) through http.client, the path sent as is."""
    if server.scheme == 'https':
        conn = http.client.HTTPSConnection('127.0.0.1', server.port, timeout=20, context=context)
    else:
        conn = http.client.HTTPConnection('127.0.0.1', server.port, timeout=20)
    conn.putrequest(method, path, skip_accept_encoding=True)
    for k, v in (headers or {}).items():
        conn.putheader(k, v)
    if body is not None:
        conn.putheader('Content-Length', str(len(body)))
    conn.endheaders(body)
    resp = conn.getresponse()
    data = resp.read()
    conn.close()
    return resp.status, resp.headers, data


def events_of(body):
    path = os.path.join(tmp, 'feed.ics')
    with open(path, 'wb') as f:
        f.write(body)
    return readers.read_python(path)


# ---- data and feeds -----------------------------------------------------
cli('demo', 'load')
bookings = json.loads(cli('booking', 'list', '--from', '2024-03-01', '--to', '2024-03-31',
                          '--format', 'json').stdout)
active = [b for b in bookings if b['status'] != 'cancelled']
url_all = cli('feed', 'add', 'Semua').stdout.strip()
url_vid = cli('feed', 'add', 'Vidcon', '--type', 'vidcon').stdout.strip()
url_room = cli('feed', 'add', 'Ruang 1', '--room', 'Ruang Konsultasi 1').stdout.strip()
url_gone = cli('feed', 'add', 'Lama').stdout.strip()
pattern = r'^http://127\.0\.0\.1:8787/feed/[A-Za-z0-9_-]{43}\.ics$'
check(all(re.match(pattern, u) for u in (url_all, url_vid, url_room, url_gone)),
      'feed add prints http://HOST:PORT/feed/TOKEN.ics with a 43-character token')
tokens = [u.rsplit('/', 1)[1][:-4] for u in (url_all, url_vid, url_room, url_gone)]
path_all, path_vid, path_room, path_gone = ('/feed/%s.ics' % t for t in tokens)
cli('feed', 'revoke', 'Lama')

server = Server()

# A client that trickles a request, and one that keeps an idle keep-alive
# connection after its answer: both are dropped after the idle time-out
# (30 s), checked at the end of this server's checks.
slow = socket.create_connection(('127.0.0.1', server.port), timeout=90)
slow.sendall(b'GET / HTTP/1.1\r\nHost: x\r\n')
idle = http.client.HTTPConnection('127.0.0.1', server.port, timeout=90)
idle.request('GET', path_all)
idle_resp = idle.getresponse()
idle_resp.read()
check(idle_resp.status == 200 and not idle_resp.will_close, 'a keep-alive answer')

# ---- 200 and the body ---------------------------------------------------
status, headers, body = request(server, 'GET', path_all)
check(status == 200, 'GET of a feed: 200')
check(headers['Content-Type'] == 'text/calendar; charset=utf-8', 'Content-Type text/calendar; charset=utf-8')
etag = headers['ETag']
check(etag is not None and re.match(r'^"[0-9a-f]{32}"$', etag) is not None, f'a strong ETag ({etag})')
check('private' in (headers['Cache-Control'] or ''), 'Cache-Control: private')
text = body.decode('utf-8')
for line in ('METHOD:PUBLISH', 'X-WR-CALNAME:Semua', 'REFRESH-INTERVAL;VALUE=DURATION:PT15M',
             'X-PUBLISHED-TTL:PT15M', 'BEGIN:VTIMEZONE'):
    check(f'\r\n{line}\r\n' in text, f'the body has {line}')
cal = events_of(body)
uids = {e['uid'] for e in cal['events']}
check(uids == {b['uid'] for b in active},
      f'python-icalendar reads every active booking of the demo month ({len(uids)} of {len(active)})')
check(all(e['tzid'] == 'Asia/Jakarta' for e in cal['events']), 'every event in Asia/Jakarta')
check(all(e['categories'] for e in cal['events']), 'every event has CATEGORIES')
check(all(e['alarm_minutes'] == 15 for e in cal['events']), 'every event has the 15-minute reminder')

os.makedirs(WORK, exist_ok=True)
readers.ensure_icaljs(ICAL_DIR, WORK)
reader = shutil.copy(os.path.join(ICAL_DIR, 'read-icaljs.mjs'), WORK)
feed_file = os.path.join(tmp, 'feed-icaljs.ics')
with open(feed_file, 'wb') as f:
    f.write(body)
node = subprocess.run(['node', reader, feed_file], cwd=WORK, capture_output=True, text=True)
check(node.returncode == 0, 'ical.js reads the feed' + ('' if node.returncode == 0 else ': ' + node.stderr[-500:]))
icaljs = json.loads(node.stdout)['feed-icaljs.ics'] if node.returncode == 0 else {'events': []}
by_uid = {e['uid']: e for e in cal['events']}
check({e['uid'] for e in icaljs['events']} == uids, 'ical.js sees the same events')
check(all(by_uid[e['uid']]['start_utc'] == e['start_utc'] and
          by_uid[e['uid']]['sequence'] == e['sequence'] for e in icaljs['events']),
      'ical.js and python-icalendar agree on starts and SEQUENCE')

# HEAD: the same headers, no body.
status, headers, body = request(server, 'HEAD', path_all)
check(status == 200 and headers['ETag'] == etag and body == b'', 'HEAD: 200, same ETag, no body')

# 304 on a matching If-None-Match, 200 on another.
status, headers, body = request(server, 'GET', path_all, {'If-None-Match': etag})
check(status == 304 and body == b'' and headers['ETag'] == etag, 'If-None-Match with the ETag: 304, no body')
status, _, _ = request(server, 'GET', path_all, {'If-None-Match': '"0000"'})
check(status == 200, 'If-None-Match with another tag: 200')

# Filters.
_, _, body = request(server, 'GET', path_vid)
vid = events_of(body)['events']
check(len(vid) == len([b for b in active if b['type'] == 'vidcon']) and
      all(e['summary'].startswith('Video') for e in vid), f'the vidcon feed holds only video conferences ({len(vid)})')
_, _, body = request(server, 'GET', path_room)
room = events_of(body)['events']
check(len(room) == len([b for b in active if b.get('room') == 'Ruang Konsultasi 1']) and
      all(e['location'] == 'Ruang Konsultasi 1' for e in room),
      f'the room feed holds only Ruang Konsultasi 1 ({len(room)})')

# ---- a change moves the event, a cancellation removes it ----------------
def add_booking(date, time_):
    out = cli('booking', 'add', '--type', 'tatap-muka', '--date', date, '--time', time_,
              '--daerah', 'Kab. Bandung', '--topic', 'DAU', '--guests', '3', '--contact', 'Pak Budi').stdout
    return json.loads(cli('booking', 'show', out.strip(), '--format', 'json').stdout)


moved = add_booking('2024-04-22', '09:00')
gone = add_booking('2024-04-23', '10:00')
_, headers, body = request(server, 'GET', path_all)
etag = headers['ETag']
by_uid = {e['uid']: e for e in events_of(body)['events']}
check(moved['uid'] in by_uid and gone['uid'] in by_uid, 'new bookings appear in the feed')
before = by_uid[moved['uid']]
cli('booking', 'update', str(moved['id']), '--date', '2024-04-29', '--time', '14:00')
status, headers, body = request(server, 'GET', path_all, {'If-None-Match': etag})
check(status == 200 and headers['ETag'] != etag, 'after a change: 200 with a new ETag')
after = {e['uid']: e for e in events_of(body)['events']}
check(after[moved['uid']]['sequence'] > before['sequence'], 'the changed booking has a higher SEQUENCE')
check(after[moved['uid']]['start_utc'] == '2024-04-29T07:00:00Z', 'the changed booking starts at its new time')
etag2 = headers['ETag']

cli('booking', 'cancel', str(gone['id']), '--reason', 'Jadwal bentrok')
status, headers, body = request(server, 'GET', path_all, {'If-None-Match': etag2})
check(status == 200 and headers['ETag'] not in (etag, etag2), 'after a cancellation: a new ETag')
check(gone['uid'] not in {e['uid'] for e in events_of(body)['events']}, 'the cancelled booking is gone from the feed')
etag3 = headers['ETag']
cli('booking', 'delete', str(moved['id']))
status, headers, body = request(server, 'GET', path_all, {'If-None-Match': etag3})
check(status == 200 and moved['uid'] not in {e['uid'] for e in events_of(body)['events']},
      'a deleted booking is gone from the feed')

# ---- what is not a feed ---------------------------------------------------
unknown = '/feed/%s.ics' % ('A' * 43)
for path, what in ((unknown, 'an unknown token'), (path_gone, 'a revoked token'), ('/', '/'),
                   ('/feed/', '/feed/'), ('/feed/../x', '/feed/../x'), ('/feed/%2e%2e/x', '%2e%2e'),
                   ('/feed/%2E%2E/%2E%2E/etc/passwd', 'encoded walk'),
                   (path_all + '/x', 'an extra segment'), (path_all + '?x=1', 'a query'),
                   (path_all[:-4], 'no .ics'), ('/feed/' + tokens[0].upper() + '.ics', 'another case'),
                   ('//feed/' + tokens[0] + '.ics', 'a double slash'), ('/README.md', 'a file')):
    status, _, body = request(server, 'GET', path)
    check(status == 404 and tokens[0].encode() not in body and b'VEVENT' not in body, f'404 and no data for {what}')

# libsoup parses the request target as RFC 3986 says (§6.2.2: "%2e" is
# ".", dot segments are removed) before Tamu sees it: these are the same
# URI as the feed's, so they can only reach that feed, with its token.
for path, what in ((path_all.replace('/feed/', '/feed/%2e/'), 'an encoded dot segment'),
                   (path_all.replace('.ics', '%2eics'), 'an encoded dot')):
    current = request(server, 'HEAD', path_all)[1]['ETag']
    status, headers, _ = request(server, 'GET', path)
    check(status == 200 and headers['ETag'] == current or status == 404,
          f'{what}: normalized to the same feed or 404, never another resource ({status})')

for method in ('POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH'):
    status, headers, _ = request(server, method, path_all, body=b'x' if method in ('POST', 'PUT') else None)
    check(status == 405 and headers['Allow'] == 'GET, HEAD', f'{method}: 405 with Allow: GET, HEAD')

status, _, _ = request(server, 'POST', path_all, body=b'x' * (8 * 1024 * 1024))
check(status == 405, 'a POST with an 8 MB body: 405 (the body is not read)')
status, _, _ = request(server, 'GET', path_all, body=b'x' * 1000)
check(status == 413, 'a GET with a body: 413')
status, _, _ = request(server, 'GET', path_all, {f'X-H{i}': '1' for i in range(80)})
check(status == 431, 'eighty headers: 431')
status, _, _ = request(server, 'GET', '/feed/' + 'a' * 4000 + '.ics')
check(status in (404, 414), f'a 4000-character path: {status}')

# An oversized header block: refused, and the server still answers.
raw = socket.create_connection(('127.0.0.1', server.port), timeout=20)
raw.sendall(b'GET / HTTP/1.1\r\nHost: x\r\nX-Big: ' + b'a' * (200 * 1024) + b'\r\n\r\n')
try:
    reply = raw.recv(100)
except (ConnectionResetError, BrokenPipeError):
    reply = b''
raw.close()
check(not reply.startswith(b'HTTP/1.1 200'), f'a 200 KB header is not served ({reply[:20]!r})')
status, _, _ = request(server, 'GET', path_all)
check(status == 200, 'the server still serves after the attacks')

# ---- fetch recorded, no token in the log, SIGTERM ----------------------------
listing = json.loads(cli('feed', 'list', '--format', 'json').stdout)
semua = next(f for f in listing if f['name'] == 'Semua')
check(semua['last_fetched'] is not None and semua['last_fetched_from'] == '127.0.0.1',
      'feed list shows when and from where Semua was fetched')
check({f['name'] for f in listing} == {'Semua', 'Vidcon', 'Ruang 1'}, 'feed list leaves the revoked feed out')

for what, sock in (('a trickled request', slow), ('an idle keep-alive connection', idle.sock)):
    try:
        rest = sock.recv(100)
    except OSError:
        rest = b''
    check(rest == b'', f'{what} is closed by the server')
idle.close()
slow.close()

code, log = server.stop()
check(code == 0, f'SIGTERM: the server exits 0 ({code})')
check('Semua' in log, 'the log names feeds')
check(not any(t in log for t in tokens), 'no token in any line the server wrote')

# ---- the connection cap: the excess get 503 ----------------------------
capped = Server('--max-connections', '2')
idle = [socket.create_connection(('127.0.0.1', capped.port), timeout=20) for _ in range(2)]
time.sleep(0.3)
status, headers, _ = request(capped, 'GET', path_all)
check(status == 503, f'over --max-connections: 503 ({status})')
for s in idle:
    s.close()
time.sleep(0.3)
status, _, _ = request(capped, 'GET', path_all)
check(status == 200, 'once the idle connections closed: 200 again')
# Keep-alive clients that close count out at once (libsoup 3.2 leaves such
# sockets in CLOSE-WAIT; the server reaps them), so the cap never fills
# with clients long gone, and their descriptors are given back.
fds_before = len(os.listdir(f'/proc/{capped.proc.pid}/fd'))
statuses = []
for _ in range(12):
    conn = http.client.HTTPConnection('127.0.0.1', capped.port, timeout=20)
    for _ in range(2):
        conn.request('GET', path_all)
        resp = conn.getresponse()
        resp.read()
        statuses.append(resp.status)
    conn.close()
check(statuses == [200] * 24, f'twelve keep-alive clients in turn under a cap of 2: all 200 ({set(statuses)})')
time.sleep(6)
fds_after = len(os.listdir(f'/proc/{capped.proc.pid}/fd'))
check(fds_after <= fds_before + 1, f'closed connections give their descriptors back ({fds_before} → {fds_after})')
code, _ = capped.stop()
check(code == 0, 'SIGINT/SIGTERM: clean exit')

# ---- TLS ---------------------------------------------------------------------
cert, key = os.path.join(tmp, 'cert.pem'), os.path.join(tmp, 'key.pem')
made = subprocess.run(['openssl', 'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key,
                       '-out', cert, '-days', '2', '-subj', '/CN=127.0.0.1'], capture_output=True)
check(made.returncode == 0, 'a test certificate')
tls = Server('--tls-cert', cert, '--tls-key', key)
check(tls.scheme == 'https', 'with --tls-cert the server says https')
context = ssl.create_default_context(cafile=cert)
context.check_hostname = False
status, headers, body = request(tls, 'GET', path_all, context=context)
check(status == 200 and b'BEGIN:VCALENDAR' in body, 'the feed over TLS: 200')
code, _ = tls.stop()
check(code == 0, 'the TLS server exits 0')

shutil.rmtree(tmp, ignore_errors=True)
print(f'{len(FAILURES)} failures')
sys.exit(1 if FAILURES else 0)
