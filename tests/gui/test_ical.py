#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Outlook from the window: "Add to Outlook" on a row and Ctrl+E on the day
write .ics files (0600) that python-icalendar reads back with the booking's
time in UTC; "Import Invitation…" from the main menu turns a Teams
invitation into a video conference row after a confirmation, and the same
invitation a second time is refused."""

import os
import shutil
import stat
import subprocess
import tempfile
import time
from datetime import timezone

from icalendar import Calendar

from tamugui import (BUILD_ROOT, App, click, day_rows_text, rawinput, run, tr, type_into,
                     wait_for)

HERE = os.path.dirname(os.path.abspath(__file__))
TEAMS = os.path.join(HERE, '..', 'ical', 'data', 'teams-invite-utf16.ics')


def save_as(app, title, path):
    """Answers GTK's save dialog: the path goes into its name entry."""
    chooser = app.dialog(title)
    # GTK 4.8 does not report "showing" reliably: the save dialog's only
    # text field is the name entry.
    entries = wait_for(lambda: App.find_all(chooser, role='text'), description='the file name entry')
    type_into(entries[0], path)
    time.sleep(0.3)
    rawinput.pressKey('Return')
    wait_for(lambda: os.path.exists(path), description=path)
    wait_for(lambda: app.frame(title) is None, description='the file chooser to close')


def open_file(app, title, path):
    """Answers GTK's open dialog: Ctrl+L opens the location entry."""
    app.dialog(title)
    time.sleep(0.5)
    rawinput.keyCombo('<Control>l')
    time.sleep(0.5)
    rawinput.typeText(path)
    time.sleep(0.5)
    rawinput.pressKey('Return')
    wait_for(lambda: app.frame(title) is None, description='the file chooser to close')


class PrefilledApp(App):
    """The booking is made with tamu-cli before the window opens (the
    editor is other tests' subject), so no demo month is offered."""

    def answer_demo(self, load):
        pass


def prefilled_database(now):
    folder = tempfile.mkdtemp(prefix='tamu-gui-ical-')
    db = os.path.join(folder, 'tamu.db')
    env = dict(os.environ, TAMU_NOW=now, XDG_CONFIG_HOME=folder, LC_ALL='C.UTF-8')
    subprocess.run([os.path.join(BUILD_ROOT, 'app', 'tamu-cli'), '--db', db, 'booking', 'add',
                    '--type', 'tatap-muka', '--date', '2024-03-21', '--time', '13:00',
                    '--daerah', 'Kota Banjar', '--topic', 'TKD', '--guests', '4'],
                   env=env, check=True, stdout=subprocess.DEVNULL)
    return folder, db


def import_invitation(app, menu_button, first=False):
    """Main menu → Import Invitation… → the Teams file → Import."""
    click(menu_button)
    item = wait_for(lambda: [n for n in App.find_all(app.node, tr('Import _Invitation…'))
                             if 'click' in n.actions], description='the Import Invitation item')
    click(item[0])
    open_file(app, tr('Import Invitation'), os.path.abspath(TEAMS))
    dialog = app.dialog(tr('Import Video Conferences?'))
    if first:  # nothing is stored before the confirmation
        assert 'Kota Tomohon' not in ' '.join(day_rows_text(app))
    click(app.find(dialog, tr('_Import'), 'push button'))
    wait_for(lambda: app.frame(tr('Import Video Conferences?')) is None,
             description='the confirmation to close')


def read_events(path):
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600, oct(os.stat(path).st_mode)
    with open(path, 'rb') as f:
        data = f.read()
    assert b'\r\n' in data and not data.startswith(b'\xef\xbb\xbf')
    cal = Calendar.from_ical(data)
    return str(cal.get('METHOD')), list(cal.walk('VEVENT'))


def test_ical_window():
    os.environ['GTK_USE_PORTAL'] = '0'
    folder, db = prefilled_database('2024-03-18T08:00')
    app = PrefilledApp(args=['--date', '2024-03-21'], now='2024-03-18T08:00', db=db)
    try:
        wait_for(lambda: 'Kota Banjar' in ' '.join(day_rows_text(app)), description='the booking row')

        # Add to Outlook: one booking, its own PUBLISH file.
        one = os.path.join(app.tmp, 'banjar.ics')
        click(app.find(app.window, tr('Add to Outlook'), 'push button'))
        save_as(app, tr('Add to Outlook'), one)
        method, events = read_events(one)
        assert method == 'PUBLISH', method
        assert len(events) == 1, events
        start = events[0]['DTSTART'].dt.astimezone(timezone.utc)
        assert (start.hour, start.minute) == (6, 0), start  # 13:00 WIB
        assert 'Kota Banjar' in str(events[0]['SUMMARY']), events[0]['SUMMARY']

        # Ctrl+E: the shown day.
        day = os.path.join(app.tmp, 'day.ics')
        rawinput.keyCombo('<Control>e')
        save_as(app, tr('Export for Outlook'), day)
        method, events = read_events(day)
        assert method == 'PUBLISH' and len(events) == 1, (method, events)

        # Import an invitation from the main menu; nothing is stored before
        # the confirmation.
        # The menu button and the toggle inside it share the name; the
        # toggle is the one that clicks.
        menu = wait_for(lambda: [n for n in App.find_all(app.window, tr('Main Menu'), 'push button')
                                 if 'click' in n.actions], description='the main menu button')
        import_invitation(app, menu[0], first=True)
        rows = wait_for(lambda: 'Kota Tomohon' in ' '.join(day_rows_text(app)) and day_rows_text(app),
                        description='the imported video conference row')
        assert any('13:00' in r for r in rows), rows

        # The same invitation again: its UID is that booking; refused, nothing added.
        import_invitation(app, menu[0])
        error = app.dialog(tr('Could not import'))
        texts = [n.name for n in App.find_all(error, role='label')]
        assert any(t.startswith('uid:') for t in texts), texts
        assert ' '.join(day_rows_text(app)).count('Kota Tomohon') == 1
    finally:
        app.close()
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == '__main__':
    run(test_ical_window)
