#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The PPID page: a request registered in the editor shows in the register
with its due badge in working days, one entered with tamu-cli shows as
overdue, and answering the request replaces the badge by the decision."""

import json
import os
import shutil
import subprocess
import tempfile

import tamugui
from tamugui import App, center_click, click, run, tr, type_into, wait_for

NOW = '2024-03-18T08:00'


def ntr(singular, plural, n):
    return tamugui._catalog.ngettext(singular, plural, n) % n


def register_labels(app):
    """Every label in the register's list."""
    lists = App.find_all(app.window, tr('PPID Register'))
    return [n.name for n in App.find_all(lists[0], role='label')] if lists else []


def label_shown(app, node, text):
    return text in register_labels(app)


def test_ppid_register_answer():
    # A request already in the register, entered by a script: received
    # 26 February 2024, due 13 March, so three working days late on 18 March.
    db_dir = tempfile.mkdtemp(prefix='tamu-ppid-gui-')
    db = os.path.join(db_dir, 'tamu.db')
    cli = os.path.join(tamugui.BUILD_ROOT, 'app', 'tamu-cli')
    env = dict(os.environ, TAMU_DB=db, TAMU_NOW=NOW)
    subprocess.run([cli, 'ppid', 'add', '--received', '2024-02-26', '--name', 'Eko Prasetyo',
                    '--info', 'Realisasi DAK Fisik 2023'], env=env, check=True, capture_output=True)

    app = App(now=NOW, db=db)
    try:
        click(app.find(app.window, tr('PPID')))
        late = ntr('%d day late', '%d days late', 3)
        wait_for(lambda: label_shown(app, app.window, late),
                 description='the overdue badge “%s”' % late)

        click(app.find(app.window, tr('_New Request'), 'push button'))
        editor = app.dialog(tr('New PPID Request'))
        type_into(app.find(editor, tr('Received'), 'text'), '2024-03-04')
        type_into(app.find(editor, tr('Requester'), 'text'), 'Rina Hapsari')
        type_into(app.find(editor, tr('Information requested'), 'text'), 'Realisasi DAU 2023 per daerah')
        type_into(app.find(editor, tr('Purpose of use'), 'text'), 'Penelitian')
        click(app.find(editor, tr('_Register'), 'push button'))
        wait_for(lambda: app.frame(tr('New PPID Request')) is None, description='the editor to close')

        # Received Monday 4 March: due Wednesday 20 March (11 and 12 March
        # closed), two working days after Monday 18 March.
        left = ntr('%d day left', '%d days left', 2)
        wait_for(lambda: label_shown(app, app.window, left),
                 description='the due badge “%s”' % left)
        assert label_shown(app, app.window, 'Rina Hapsari')
        assert label_shown(app, app.window, '002/PPID-DJPK/III/2024')

        # Open it (a click on its row) and record a full grant dated today.
        register = app.find(app.window, tr('PPID Register'))
        center_click(app.find(register, 'Rina Hapsari', 'label'))
        number = '002/PPID-DJPK/III/2024'
        editor = app.dialog(tr('PPID Request %s') % number)
        timeline_due = app.find_all(editor, tr('Answer due'))
        assert timeline_due, 'the timeline shows the deadline'
        click(app.find(editor, tr('Record _Answer…'), 'push button'))
        dialog = app.dialog(tr('Record the Written Answer'))
        click(app.find(dialog, tr('_Record'), 'push button'))
        answered = tr('Answered: %s') % tr('Granted in full')
        wait_for(lambda: app.find_all(editor, answered), description='the answer in the timeline')
        click(app.find(editor, tr('_Cancel'), 'push button'))

        granted = tr('Granted in full')
        wait_for(lambda: label_shown(app, app.window, granted) and not label_shown(app, app.window, left),
                 description='the badge to show the decision')
    finally:
        app.close()

    # What the window recorded is in the database, as tamu-cli reads it.
    try:
        out = subprocess.run([cli, 'ppid', 'show', '2', '--format', 'json'],
                             env=env, capture_output=True, text=True, check=True)
        request = json.loads(out.stdout)
        assert request['status'] == 'answered', request
        assert request['decision'] == 'granted', request
        assert request['responded'] == '2024-03-18', request
        assert request['service_days'] == 8, request
        assert request['purpose'] == 'Penelitian', request
    finally:
        shutil.rmtree(db_dir, ignore_errors=True)


if __name__ == '__main__':
    run(test_ppid_register_answer)
