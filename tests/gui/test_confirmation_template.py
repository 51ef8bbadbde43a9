#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The team lead edits the guests' confirmation in Preferences (issue 12): a
template with an unknown placeholder is refused naming it, in Indonesian; a
valid one is saved to the database and previewed on a sample booking."""

import sqlite3
import time

from dogtail import rawinput

from tamugui import App, center_click, click, normalize, run, tr, wait_for


def setting(app, key):
    con = sqlite3.connect(app.db)
    try:
        row = con.execute('SELECT value FROM settings WHERE key = ?', (key,)).fetchone()
        return row[0] if row else None
    finally:
        con.close()


def labels(node):
    return [normalize(n.name) for n in App.find_all(node, role='label')]


def test_confirmation_template():
    app = App(args=['--date', '2024-03-20'], now='2024-03-18T08:00')
    try:
        center_click(app.find(app.window, tr('No Bookings')))
        rawinput.keyCombo('<Control>comma')
        prefs = app.dialog(tr('Preferences'))
        click(app.find(prefs, tr('Confirmation'), 'page tab'))
        editor = app.find(prefs, tr('Confirmation template'), 'text')
        # The default template, previewed: both zones and the guest limit.
        wait_for(lambda: [t for t in labels(prefs) if '10:00 WIB / 11:00 WITA' in t and 'maksimal 5 orang' in t],
                 description='the preview of the default template')

        time.sleep(0.5)
        center_click(editor)
        rawinput.keyCombo('<Control>a')
        rawinput.typeText('Jadwal {tanggal} di {ruang}')
        click(app.find(prefs, tr('_Save Template'), 'push button'))
        prefix = tr('Confirmation template', 'field') + ': '
        refusal = wait_for(lambda: [t for t in labels(prefs) if t.startswith(prefix)],
                           description='the refusal naming the placeholder')[0]
        assert '{ruang}' in refusal, refusal
        assert not refusal.startswith('confirmation-template'), refusal
        assert setting(app, 'confirmation-template') is None, 'a refused template is not stored'

        center_click(editor)
        rawinput.keyCombo('<Control>a')
        rawinput.typeText('Jadwal {tanggal}, {jam}')
        click(app.find(prefs, tr('_Save Template'), 'push button'))
        wait_for(lambda: setting(app, 'confirmation-template') == 'Jadwal {tanggal}, {jam}',
                 description='the template in the database')
        wait_for(lambda: 'Jadwal Rabu, 20 Maret 2024, 10:00 WIB / 11:00 WITA' in labels(prefs),
                 description='the preview of the new template')
        assert tr('Template saved.') in labels(prefs)
    finally:
        app.close()


if __name__ == '__main__':
    run(test_confirmation_template)
