#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Real organizers change and cancel their meetings: the booking follows.

    test-real-updates.py TAMU_CLI CORPUS_DIR WORK_DIR

Two chains of real files (real/SOURCES.md): Outlook's invitation, its update
(same UID, SEQUENCE 1, a new time) and its cancellation, from BlueMind's
tests; Outlook's invitation (SEQUENCE 1) and its rescheduling (SEQUENCE 4),
from Tine 2.0's tests.  Each is imported for real into a fresh database
whose service hours take any time (these meetings are in Europe's working
hours, at night in WIB), and the booking must move to the start that
python-icalendar and ical.js found for the update (expected.tsv), refuse the
same or an older invitation, and be cancelled by the cancellation.
"""

import json
import os
import subprocess
import sys


def main():
    cli, corpus, work = sys.argv[1:4]
    os.makedirs(work, exist_ok=True)
    expected = {}
    for line in open(os.path.join(corpus, 'expected.tsv'), encoding='utf-8'):
        if not line.startswith('#'):
            cols = line.rstrip('\n').split('\t')
            expected[cols[0]] = cols[2]

    def run(db, now, *args):
        env = dict(os.environ, TAMU_NOW=now, LC_ALL='C.UTF-8', LANGUAGE='',
                   XDG_CONFIG_HOME=work)
        return subprocess.run([cli, '--db', db] + list(args), capture_output=True, text=True,
                              env=env, timeout=60)

    def fresh(name, now):
        db = os.path.join(work, name)
        if os.path.exists(db):
            os.unlink(db)
        for key, value in (('service-hours', '00:00-23:59'), ('break', 'none'),
                           ('friday-break', 'none')):
            r = run(db, now, 'settings', 'set', key, value)
            assert r.returncode == 0, r.stderr
        return db

    def import_ics(db, now, name, expect_status):
        path = os.path.join(corpus, name)
        if not os.path.exists(path):
            path = os.path.join(corpus, 'updates', name)
        r = run(db, now, 'import', 'ics', path, '--as', 'vidcon', '--daerah', 'Kab. Bandung')
        assert r.returncode == expect_status, '%s: exit %d\n%s%s' % (name, r.returncode, r.stdout, r.stderr)
        return r

    def show(db, now, booking_id):
        r = run(db, now, 'booking', 'show', str(booking_id), '--format', 'json')
        assert r.returncode == 0, r.stderr
        return json.loads(r.stdout)

    def start_of(booking):
        return '%s %s' % (booking['date'], booking['start'])

    # BlueMind: Outlook invitation → update → cancellation.
    now = '2012-05-01T08:00'
    db = fresh('bluemind.db', now)
    r = import_ics(db, now, 'bluemind--outlook.invite.new.ics', 0)
    booking_id = int(r.stdout.strip())
    booking = show(db, now, booking_id)
    assert start_of(booking) == expected['bluemind--outlook.invite.new.ics'], booking
    assert booking['uid'] == 'A93D8AAF-53FE-40D1-990B-C056E13727F2', booking['uid']

    r = import_ics(db, now, 'bluemind--outlook.invite.new.ics', 1)
    assert r.stderr.startswith('tamu-cli: uid: this invitation is booking #%d already' % booking_id), r.stderr

    r = import_ics(db, now, 'bluemind--outlook.invite.update.ics', 0)
    assert r.stdout.startswith('Updated booking %d:' % booking_id), r.stdout
    moved = show(db, now, booking_id)
    assert start_of(moved) == expected['bluemind--outlook.invite.update.ics'], moved
    assert start_of(moved) != start_of(booking)

    r = import_ics(db, now, 'bluemind--outlook.invite.new.ics', 1)
    assert r.stderr.startswith('tamu-cli: SEQUENCE:'), r.stderr
    assert start_of(show(db, now, booking_id)) == start_of(moved)

    r = import_ics(db, now, 'bluemind--outlook.invite.cancel.ics', 0)
    assert r.stdout.startswith('Cancelled booking %d:' % booking_id), r.stdout
    assert show(db, now, booking_id)['status'] == 'cancelled'
    history = run(db, now, 'booking', 'history', str(booking_id)).stdout
    assert 'invitation sequence: 0 → 1' in history, history

    # Tine 2.0: Outlook invitation (SEQUENCE 1) → rescheduled (SEQUENCE 4).
    now = '2017-08-01T08:00'
    db = fresh('tine20.db', now)
    r = import_ics(db, now, 'tine20--outlook_invitation.ics', 0)
    booking_id = int(r.stdout.strip())
    assert start_of(show(db, now, booking_id)) == expected['tine20--outlook_invitation.ics']
    r = import_ics(db, now, 'tine20--outlook_reschedule.ics', 0)
    assert r.stdout.startswith('Updated booking %d:' % booking_id), r.stdout
    assert start_of(show(db, now, booking_id)) == expected['tine20--outlook_reschedule.ics']

    print('2 real update chains: moved, refused when not newer, cancelled')


if __name__ == '__main__':
    main()
