#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""What importing each real invitation must give, by two readers Tamu did not write.

    derive-expected.py ICALJS_DIR [FILE.ics...] > expected.tsv
    derive-expected.py --check ICALJS_DIR

(--check, as the test suite runs it: installs ical.js into ICALJS_DIR from
../package.json when missing, derives again and fails unless the result is
expected.tsv as committed.)

For every file (default: every .ics beside this script) works out, once with
python-icalendar (Debian's python3-icalendar, zones by zoneinfo) and once
with ical.js (npm, Thunderbird's parser; read-expected.mjs, installed in
ICALJS_DIR), what `tamu-cli import ics FILE --as vidcon` must book when "now"
is before every meeting:

  count   bookings: one per timed event that is not cancelled, lasts 0 to 24
          hours, and, for a series (RRULE), one for its first meeting (after
          EXDATE; a RECURRENCE-ID override replaces its meeting, a cancelled
          one removes it);
  start   the earliest booking's start in office time (Asia/Jakarta, WIB);
  link    that booking's meeting link (the rules of tamu_ical_find_link:
          X-MICROSOFT-SKYPETEAMSMEETINGURL, X-GOOGLE-CONFERENCE, CONFERENCE,
          then Teams, Zoom, Google Meet or Webex links (with a path) in DESCRIPTION,
          LOCATION, URL, SUMMARY, X-ALT-DESC, then URL or LOCATION when it
          is a plain link), or "-".

Time zones as Tamu reads them: Windows names and display names through
CLDR's windowsZones table (app/ical/data/windowsZones.xml), IANA names
through the system's tzdata, else the file's VTIMEZONE; no zone = office
time.  A file a reader refuses (not iCalendar, an event without a start, an
unknown zone, a date before 1970) or with nothing to book is left out, with
the reason on stderr.  A line is written only when both readers agree on
every column; a disagreement is printed on stderr and the file left out.
"""

import json
import os
import re
import shutil
import subprocess
import sys
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from dateutil import rrule as du_rrule
from icalendar import Calendar
from icalendar.prop import vDDDTypes
from icalendar.timezone_cache import _timezone_cache
from icalendar.windows_to_olson import WINDOWS_TO_OLSON

HERE = os.path.dirname(os.path.abspath(__file__))
OFFICE = ZoneInfo('Asia/Jakarta')
XML = os.path.join(HERE, '..', '..', '..', 'app', 'ical', 'data', 'windowsZones.xml')


class Refused(Exception):
    pass


def cldr_tables():
    """Windows id → golden IANA zone, and "(UTC-05:00) Eastern Time (US &
    Canada)" (offset, label) → IANA zone, from windowsZones.xml."""
    ids, display = {}, {}
    label = None
    for line in open(XML, encoding='utf-8'):
        m = re.match(r'\s*<!-- \(UTC([+-]\d\d:\d\d)?\) (.*) -->', line)
        if m:
            label = (m.group(1) or '+00:00', m.group(2).lower())
            continue
        m = re.match(r'\s*<mapZone other="([^"]+)" territory="001" type="([^"]+)"/>', line)
        if m:
            ids[m.group(1).lower()] = m.group(2)
            if label:
                display[label] = m.group(2)
    return ids, display


CLDR_IDS, CLDR_DISPLAY = cldr_tables()


def zone_by_name(tzid):
    name = tzid.strip()
    iana = WINDOWS_TO_OLSON.get(name) or CLDR_IDS.get(name.lower())
    if iana is None:
        m = re.match(r'\((?:UTC|GMT)([+-]\d\d[:.]?\d\d)?\)\s*(.*)$', name, re.I)
        if m:
            offset = (m.group(1) or '+00:00').replace('.', ':')
            if ':' not in offset:
                offset = offset[:3] + ':' + offset[3:]
            iana = CLDR_DISPLAY.get((offset, m.group(2).lower()))
    for candidate in ([iana] if iana else []) + [name]:
        if candidate and ('/' in candidate or candidate.upper() == 'UTC') and not candidate.startswith('/'):
            try:
                return ZoneInfo(candidate)
            except Exception:
                pass
    parts = name.split('/')
    for i in range(1, len(parts)):
        try:
            if parts[i:] and '/' in '/'.join(parts[i:]):
                return ZoneInfo('/'.join(parts[i:]))
        except Exception:
            pass
    return None


def wall_time(prop):
    """The value as written: a date, or a naive or UTC datetime."""
    return vDDDTypes.from_ical(prop.to_ical().decode())


def to_office(prop, field):
    value = wall_time(prop)
    if isinstance(value, date) and not isinstance(value, datetime):
        if value.year < 1970 or value.year > 2200:
            raise Refused('%s: year %d' % (field, value.year))
        return value
    if value.year < 1970 or value.year > 2200:
        raise Refused('%s: year %d' % (field, value.year))
    return localize(value, prop.params.get('TZID'), field)


def localize(value, tzid, field):
    if value.tzinfo is not None:
        return value.astimezone(OFFICE)
    if tzid is None:
        return value.replace(tzinfo=OFFICE)
    zone = zone_by_name(tzid)
    if zone is not None:
        return value.replace(tzinfo=zone).astimezone(OFFICE)
    tz = _timezone_cache.get(tzid)
    if tz is None:
        raise Refused('%s: unknown zone %r' % (field, tzid))
    return tz.localize(value).astimezone(OFFICE)


def is_link_char(c):
    return 0x20 < ord(c) < 0x7f and c not in '<>"\'`{}|\\^[]'


HOSTS = [
    r'(?:[a-z0-9-]+\.)*teams\.(?:microsoft\.com|live\.com|microsoft\.us)',
    r'(?:[a-z0-9-]+\.)*zoom(?:gov)?\.(?:us|com)',
    r'meet\.google\.com',
    r'(?:[a-z0-9-]+\.)*webex\.com',
]


def meeting_link(text):
    if not text:
        return None
    for host in HOSTS:
        m = re.search(r'https://' + host + r'[/?#][^\s<>"\'`{}|\\^\[\]]+', text, re.I)
        if m:
            link = m.group(0).rstrip('.,;:)')
            return link if len(link) <= 2048 else None
    return None


def plain_link(text):
    if not text:
        return None
    t = text.strip()
    if t.startswith('<') and t.endswith('>'):
        t = t[1:-1]
    if not re.match(r'(?i)https?://', t) or len(t) > 2048 or not all(is_link_char(c) for c in t):
        return None
    return t


def text_of(ev, name):
    v = ev.get(name)
    if isinstance(v, list):
        v = v[0]
    if v is None:
        return None
    s = str(v)
    return s if s else None


def find_link(ev):
    for name in ('X-MICROSOFT-SKYPETEAMSMEETINGURL', 'X-GOOGLE-CONFERENCE'):
        link = plain_link(text_of(ev, name))
        if link:
            return link
    confs = ev.get('CONFERENCE')
    for c in (confs if isinstance(confs, list) else [confs] if confs is not None else []):
        link = plain_link(str(c))
        if link:
            return link
    for name in ('DESCRIPTION', 'LOCATION', 'URL', 'SUMMARY', 'X-ALT-DESC'):
        link = meeting_link(text_of(ev, name))
        if link:
            return link
    return plain_link(text_of(ev, 'URL')) or plain_link(text_of(ev, 'LOCATION'))


def status(ev):
    return str(ev.get('STATUS', '')).upper()


def read_event(ev):
    """(start in office time, link) or None when the event is skipped."""
    if 'DTSTART' not in ev:
        raise Refused('event without DTSTART')
    start = to_office(ev['DTSTART'], 'DTSTART')
    if not isinstance(start, datetime):
        return None
    if 'DTEND' in ev:
        end = to_office(ev['DTEND'], 'DTEND')
        if not isinstance(end, datetime):
            return None
        seconds = (end - start).total_seconds()
    elif 'DURATION' in ev:
        seconds = ev['DURATION'].dt.total_seconds()
    else:
        seconds = 3600
    if seconds < 0 or seconds > 86400:
        return None
    return start, find_link(ev)


def first_of_series(ev, overrides):
    """The first meeting of the series ev: (start, link) or None."""
    base = read_event(ev)
    if base is None:
        return None
    dtstart = ev['DTSTART']
    tzid = dtstart.params.get('TZID')
    wall = wall_time(dtstart)
    utc_wall = wall.tzinfo is not None
    naive = wall.replace(tzinfo=None)
    rrules = ev['RRULE']
    rule_text = (rrules[0] if isinstance(rrules, list) else rrules).to_ical().decode()
    # UNTIL in UTC against a wall-clock start: as a wall-clock time too.
    def fix_until(m):
        value = vDDDTypes.from_ical(m.group(1))
        if isinstance(value, datetime) and value.tzinfo is not None:
            if utc_wall:
                value = value.astimezone(timezone.utc)
            elif tzid is not None:
                zone = zone_by_name(tzid) or _timezone_cache.get(tzid)
                value = value.astimezone(zone) if zone is not None else value
            else:
                value = value.astimezone(OFFICE)
            return 'UNTIL=' + value.strftime('%Y%m%dT%H%M%S')
        return m.group(0)
    rule_text = re.sub(r'UNTIL=([0-9TZ]+)', fix_until, rule_text)
    exdates, exdays = [], []
    ex = ev.get('EXDATE')
    for prop in (ex if isinstance(ex, list) else [ex] if ex is not None else []):
        for d in prop.dts:
            v = d.dt
            if isinstance(v, datetime):
                if v.tzinfo is None:
                    v = localize(v, prop.params.get('TZID'), 'EXDATE')
                exdates.append(v.astimezone(OFFICE))
            else:
                exdays.append(v)
    duration = None
    rule = du_rrule.rrulestr(rule_text, dtstart=naive)
    for n, occ in enumerate(rule):
        if n > 100000 or occ.year > 2200:
            break
        instant = localize(occ.replace(tzinfo=timezone.utc) if utc_wall else occ,
                          None if utc_wall else tzid, 'RRULE')
        if instant in exdates or instant.date() in exdays:
            continue
        moved = next((o for o in overrides if o[0] == instant), None)
        if moved is not None:
            if status(moved[1]) == 'CANCELLED':
                continue
            got = read_event(moved[1])
            if got is None:
                continue
            return got
        return instant, base[1]
    return None


def read_python(path):
    _timezone_cache.clear()
    with open(path, 'rb') as f:
        data = f.read()
    try:
        cal = Calendar.from_ical(data)
    except Exception as e:
        raise Refused('python-icalendar: %s' % e)
    method = str(cal.get('METHOD', '')).upper()
    if method in ('REPLY', 'COUNTER', 'DECLINECOUNTER', 'REFRESH', 'CANCEL'):
        raise Refused('METHOD:%s' % method)
    events = list(cal.walk('VEVENT'))
    masters = {str(e['UID']) for e in events
               if 'UID' in e and 'RRULE' in e and 'RECURRENCE-ID' not in e}
    overrides = {}
    for e in events:
        if 'UID' in e and 'RECURRENCE-ID' in e:
            rid = to_office(e['RECURRENCE-ID'], 'RECURRENCE-ID')
            if not isinstance(rid, datetime):
                rid = datetime(rid.year, rid.month, rid.day, tzinfo=OFFICE)
            overrides.setdefault(str(e['UID']), []).append((rid, e))
    # The same event twice (no RECURRENCE-ID): the higher SEQUENCE, else the later copy.
    latest = {}
    for i, e in enumerate(events):
        if 'UID' in e and 'RECURRENCE-ID' not in e:
            uid = str(e['UID'])
            seq = int(e.get('SEQUENCE', 0))
            if uid not in latest or seq >= latest[uid][0]:
                latest[uid] = (seq, i)
    bookings = []
    for i, e in enumerate(events):
        uid = str(e['UID']) if 'UID' in e else None
        if 'RECURRENCE-ID' in e and uid in masters:
            continue
        if 'RECURRENCE-ID' not in e and uid is not None and latest[uid][1] != i:
            continue
        if status(e) == 'CANCELLED':
            continue
        if 'RRULE' in e and 'RECURRENCE-ID' not in e:
            if 'DTSTART' not in e:
                raise Refused('event without DTSTART')
            got = first_of_series(e, overrides.get(uid, []))
        else:
            got = read_event(e)
        if got is not None:
            bookings.append(got)
    return bookings


def summarize(bookings):
    if not bookings:
        raise Refused('nothing to book')
    start, link = min(bookings, key=lambda b: (b[0], b[1] or ''))
    return [str(len(bookings)), start.strftime('%Y-%m-%d %H:%M'), link or '-']


def ensure_icaljs(icaljs_dir):
    if os.path.exists(os.path.join(icaljs_dir, 'node_modules', 'ical.js', 'package.json')):
        return
    os.makedirs(icaljs_dir, exist_ok=True)
    shutil.copy(os.path.join(HERE, '..', 'package.json'), icaljs_dir)
    result = subprocess.run(['npm', 'install', '--no-audit', '--no-fund', '--no-save'],
                            cwd=icaljs_dir, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit('npm install ical.js failed (the npm registry must be reachable):\n' + result.stderr)


def main():
    if sys.argv[1] == '--check':
        ensure_icaljs(sys.argv[2])
        derived = subprocess.run([sys.executable, os.path.abspath(__file__), sys.argv[2]],
                                 capture_output=True, text=True)
        if derived.returncode != 0:
            sys.exit(derived.stderr)
        committed = open(os.path.join(HERE, 'expected.tsv'), encoding='utf-8').read()
        if derived.stdout != committed:
            import difflib
            sys.stdout.writelines(difflib.unified_diff(committed.splitlines(True), derived.stdout.splitlines(True),
                                                       'expected.tsv', 'derived now'))
            sys.exit('expected.tsv is not what the two readers say now: run derive-expected.py again')
        print(derived.stderr.strip().splitlines()[-1])
        return
    icaljs_dir = sys.argv[1]
    files = sys.argv[2:] or sorted(os.path.join(HERE, f) for f in os.listdir(HERE) if f.endswith('.ics'))
    # ES modules resolve "ical.js" beside the script: run a copy in ICALJS_DIR.
    reader = os.path.join(icaljs_dir, 'read-expected.mjs')
    shutil.copy(os.path.join(HERE, 'read-expected.mjs'), reader)
    node = subprocess.run(['node', reader, XML] + files, cwd=icaljs_dir, capture_output=True, text=True)
    if node.returncode != 0:
        sys.exit('ical.js reader failed:\n' + node.stderr)
    icaljs = json.loads(node.stdout)
    print('# file\tcount\tfirst start (WIB)\tlink\t(derive-expected.py: python-icalendar and ical.js agree)')
    kept = 0
    for path in files:
        name = os.path.basename(path)
        try:
            py = summarize(read_python(path))
        except Refused as e:
            print('%s: left out (python-icalendar: %s)' % (name, e), file=sys.stderr)
            continue
        except Exception as e:
            print('%s: left out (python-icalendar failed: %r)' % (name, e), file=sys.stderr)
            continue
        js = icaljs.get(name)
        if js is None or 'refused' in js:
            print('%s: left out (ical.js: %s)' % (name, js and js['refused']), file=sys.stderr)
            continue
        js_row = [str(js['count']), js['start'], js['link'] or '-']
        if js_row != py:
            print('%s: readers disagree: python %s, ical.js %s' % (name, py, js_row), file=sys.stderr)
            continue
        print('\t'.join([name] + py))
        kept += 1
    print('%d files kept of %d' % (kept, len(files)), file=sys.stderr)


if __name__ == '__main__':
    main()
