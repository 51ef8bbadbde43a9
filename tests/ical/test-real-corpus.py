#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Real invitations from public test suites, imported as a person would.

    test-real-corpus.py TAMU_CLI CORPUS_DIR WORK_DIR

For every file in CORPUS_DIR/expected.tsv (written by derive-expected.py
from two readers Tamu did not write) runs

    tamu-cli --db WORK_DIR/corpus.db import ics FILE --as vidcon --dry-run --format json

with "now" before every meeting (TAMU_NOW=1971-01-01T08:00), and checks the
number of bookings it would create, the earliest one's start in office time
and its meeting link.  The booking rules (service hours, closed days) may
refuse most of these meetings: the dry run reports what it read all the
same, and that is what is checked here.  Files listed in
CORPUS_DIR/expected-failures.tsv are known failures, with the reason; the
test fails when fewer than 95% of the files import correctly, when a file
fails that is not listed, or when a listed one passes (the list must be
kept true).
"""

import json
import os
import subprocess
import sys


def read_tsv(path):
    rows = {}
    if not os.path.exists(path):
        return rows
    for line in open(path, encoding='utf-8'):
        if line.startswith('#') or not line.strip():
            continue
        cols = line.rstrip('\n').split('\t')
        rows[cols[0]] = cols[1:]
    return rows


def import_dry_run(cli, db, path):
    env = dict(os.environ, TAMU_NOW='1971-01-01T08:00', LC_ALL='C.UTF-8', LANGUAGE='')
    run = subprocess.run([cli, '--db', db, 'import', 'ics', path, '--as', 'vidcon',
                          '--dry-run', '--format', 'json'],
                         capture_output=True, text=True, env=env, timeout=60)
    if not run.stdout.strip():
        return None, run.stderr.strip()
    return json.loads(run.stdout), run.stderr.strip()


def main():
    cli, corpus, work = sys.argv[1:4]
    os.makedirs(work, exist_ok=True)
    db = os.path.join(work, 'corpus.db')
    expected = read_tsv(os.path.join(corpus, 'expected.tsv'))
    known = read_tsv(os.path.join(corpus, 'expected-failures.tsv'))
    if len(expected) < 40:
        sys.exit('the corpus must hold at least 40 files, not %d' % len(expected))

    good, failed, unexpected = 0, [], []
    for name, (count, start, link) in sorted(expected.items()):
        result, stderr = import_dry_run(cli, db, os.path.join(corpus, name))
        if result is None:
            problem = 'refused: %s' % stderr
        else:
            creates = [a['booking'] for a in result['actions'] if a['action'] == 'create']
            if not creates:
                problem = 'nothing to create: %s' % stderr
            else:
                first = min(creates, key=lambda b: (b['date'], b['start'], b['link'] or ''))
                got = (str(len(creates)), '%s %s' % (first['date'], first['start']), first['link'] or '-')
                want = (count, start, link)
                problem = None if got == want else 'got %s, expected %s' % (got, want)
        if problem is None:
            good += 1
            if name in known:
                unexpected.append('%s: passes but is listed in expected-failures.tsv' % name)
        else:
            failed.append('%s: %s' % (name, problem))
            if name not in known:
                unexpected.append('%s: %s' % (name, problem))

    total = len(expected)
    print('%d of %d real invitations import with the right start, link and count (%.1f%%)'
          % (good, total, 100.0 * good / total))
    for line in failed:
        print('  expected failure: ' + line if line.split(':')[0] in known else '  FAILED: ' + line)
    if unexpected:
        print('\n'.join(['not as listed:'] + unexpected), file=sys.stderr)
        sys.exit(1)
    if good * 100 < total * 95:
        sys.exit('fewer than 95% of the corpus imports correctly')


if __name__ == '__main__':
    main()
