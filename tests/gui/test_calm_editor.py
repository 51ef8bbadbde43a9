#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The editor is calm until the user acts (issue 12): Ctrl+N opens without a
message; leaving the start time empty brings its message, in Indonesian
with the field's Indonesian name; the date is picked from a calendar and
reads "Jumat, 22 Maret 2024"; topics are toggles; and Copy Confirmation puts
the guests' confirmation on the clipboard and into the booking's history."""

import os
import subprocess
import time
import urllib.parse

from dogtail import rawinput

from tamugui import (App, center_click, click, day_rows_text, fill_editor, normalize, run,
                     save_editor, tr, type_into, wait_for)

FIELD_KEYS = ('time', 'date', 'daerah', 'topic', 'guests', 'type')
FIELD_LABELS = tuple(tr(label, 'field') + ':' for label in
                     ('Start', 'Date', 'Daerah', 'Topics', 'Guests', 'Type'))

READ_CLIPBOARD = r'''
import sys
import gi
gi.require_version("Gdk", "4.0")
gi.require_version("Gtk", "4.0")
from gi.repository import GLib, Gtk
Gtk.init()
from gi.repository import Gdk
clipboard = Gdk.Display.get_default().get_clipboard()
loop = GLib.MainLoop()
result = {}
def done(source, res):
    result["text"] = source.read_text_finish(res)
    loop.quit()
clipboard.read_text_async(None, done)
GLib.timeout_add_seconds(10, loop.quit)
loop.run()
sys.stdout.write(result.get("text") or "")
'''


def read_clipboard():
    env = dict(os.environ, GDK_BACKEND='x11', NO_AT_BRIDGE='1', GTK_A11Y='none')
    return subprocess.run(['/usr/bin/python3', '-c', READ_CLIPBOARD], env=env,
                          capture_output=True, text=True, timeout=30).stdout


def field_messages(editor):
    """Labels that hold a message about a field, in either language (a message
    not shown is also emptied, so this holds under Xvfb where AT-SPI reports
    no label as showing)."""
    return [normalize(n.name) for n in App.find_all(editor, role='label')
            if normalize(n.name).startswith(tuple(k + ':' for k in FIELD_KEYS) + FIELD_LABELS)]


def button(app, node, name):
    """A toggle button: GTK 4.8 reports it as a push button, later ones as a toggle button."""
    return wait_for(lambda: (App.find_all(node, name, 'toggle button') +
                             App.find_all(node, name, 'push button') or [None])[0],
                    description='button “%s”' % name)


def click_when_live(app, node, name, role):
    """Finds and clicks; a list rebuilt under the search (the day view after
    the store changed) leaves dead nodes behind, so it finds again."""
    def attempt():
        try:
            click(app.find(node, name, role))
            return True
        except Exception as error:
            if 'DEAD' not in str(error) and 'no longer exists' not in str(error):
                raise
            return False
    wait_for(attempt, description='a live “%s” to click' % name)


def install_fake_mail_app(app):
    """The desktop's mail composer, for the test: a mailto: handler that
    writes the URI it was given to a file."""
    out = os.path.join(app.tmp, 'mailto.txt')
    script = os.path.join(app.tmp, 'fake-mail.sh')
    with open(script, 'w') as f:
        f.write('#!/bin/sh\nprintf %%s "$1" > %s.part && mv %s.part %s\n' % (out, out, out))
    os.chmod(script, 0o755)
    applications = os.path.join(app.tmp, 'data', 'applications')
    os.makedirs(applications, exist_ok=True)
    with open(os.path.join(applications, 'tamu-test-mail.desktop'), 'w') as f:
        f.write('[Desktop Entry]\nType=Application\nName=Test Mail\nExec=%s %%u\n'
                'MimeType=x-scheme-handler/mailto;\nNoDisplay=true\n' % script)
    config = os.path.join(app.tmp, 'config')
    os.makedirs(config, exist_ok=True)
    with open(os.path.join(config, 'mimeapps.list'), 'w') as f:
        f.write('[Default Applications]\nx-scheme-handler/mailto=tamu-test-mail.desktop\n')
    return out


def read_file(path):
    try:
        with open(path) as f:
            return f.read()
    except FileNotFoundError:
        return None


def test_calm_editor_and_confirmation():
    app = App(args=['--date', '2024-03-20'], now='2024-03-18T08:00')
    try:
        mailto_file = install_fake_mail_app(app)
        wait_for(lambda: app.find_all(app.window, tr('No Bookings')),
                 description='the empty day')
        center_click(app.find(app.window, tr('No Bookings')))
        rawinput.keyCombo('<Control>n')
        editor = app.dialog(tr('New Booking'))
        save = app.find(editor, tr('_Save'), 'push button')
        time.sleep(1.0)  # past the check's typing pause
        assert field_messages(editor) == [], field_messages(editor)
        assert not save.sensitive, 'Save waits for the required fields'

        # Visit the start time and leave it empty: now it says so, in Indonesian.
        start = app.find(editor, tr('_Start'), 'text')
        center_click(start)
        time.sleep(0.3)
        center_click(app.find(editor, tr('_Instansi'), 'text'))
        messages = wait_for(lambda: field_messages(editor), description='the start time message')
        assert messages[0].startswith(tr('Start', 'field') + ': '), messages
        assert not any(m.startswith('time:') for m in messages), messages
        assert tr('Start', 'field') != 'Start', 'the test runs in Indonesian'

        # The date: a calendar in a popover; the field reads as people write it.
        assert app.find_all(editor, 'Rabu, 20 Maret 2024', 'label'), 'the date as people read it'
        date_button = [b for b in App.find_all(editor, role='toggle button') + App.find_all(editor, role='push button')
                       if normalize(b.name).startswith(tr('Date'))][-1]
        click(date_button)
        wait_for(lambda: App.find_all(editor, '22', 'label'), description='day 22 in the calendar')
        time.sleep(0.5)
        # By keyboard: the popover takes a date typed the way people write it.
        rawinput.typeText('22 maret 2024')
        rawinput.pressKey('Return')
        wait_for(lambda: app.find_all(editor, 'Jumat, 22 Maret 2024', 'label'),
                 description='the picked date shown as “Jumat, 22 Maret 2024”')
        assert not app.find_all(editor, 'Rabu, 20 Maret 2024', 'label')

        # Topics: toggles, with the typed field following them.
        print('# topics', flush=True)
        pick = [b for b in App.find_all(editor, role='toggle button') + App.find_all(editor, role='push button')
                if normalize(b.name).startswith(tr('Pick Topics'))][-1]
        click(pick)
        click(button(app, editor, 'DAU'))
        click(button(app, editor, 'PDRD'))
        wait_for(lambda: app.find_all(editor, '→ DAU, PDRD', 'label'),
                 description='both toggled topics taken')
        click(pick)  # closes the popover
        time.sleep(0.5)

        fill_editor(app, editor, 'Kota Tomohon', '10:00', 2, topics='DAU, PDRD')
        try:
            wait_for(lambda: not field_messages(editor), description='the messages to go once fixed')
        except AssertionError:
            print('# still shown:', field_messages(editor), [normalize(n.name) for n in App.find_all(editor, role='label')][:30])
            raise
        save_editor(app, editor)

        rows = wait_for(lambda: 'Kota Tomohon' in day_rows_text(app) and day_rows_text(app),
                        description='the booking on 22 March')
        assert 'DAU, PDRD' in ' '.join(rows), rows

        # Copy Confirmation from the day view: one click.
        print('# copy confirmation from the day view', flush=True)
        click_when_live(app, app.window, tr('Copy Confirmation'), 'push button')
        text = wait_for(read_clipboard, timeout=30, description='the confirmation on the clipboard')
        assert 'Jumat, 22 Maret 2024' in text, text
        assert '10:00 WIB / 11:00 WITA' in text, text
        assert 'maksimal 5 orang' in text, text
        assert 'Kota Tomohon' in text, text

        # E-mail: the mail app gets a mailto: with subject and body.
        click_when_live(app, app.window, tr('E-mail Confirmation'), 'push button')
        uri = wait_for(lambda: read_file(mailto_file), timeout=30, description='the mailto: URI')
        parts = urllib.parse.urlsplit(uri)
        assert parts.scheme == 'mailto', uri
        query = urllib.parse.parse_qs(parts.query)
        assert query['subject'][0].startswith('Konfirmasi konsultasi tatap muka DJPK: Jumat, 22 Maret 2024'), query
        # The same text as copied; lines end in CRLF in a mailto: body (RFC 6068).
        assert query['body'][0] == text.replace('\n', '\r\n'), (query['body'][0], text)

        # The history records both.
        print('# history', flush=True)
        click_when_live(app, app.window, tr('Edit Booking'), 'push button')
        edit = app.dialog(tr('Edit Booking'))
        # The history label is in the tree even while its expander is closed.
        sent = tr('%s · %s · confirmation sent (%s)').split('%s · %s · ')[-1] % tr('copied')
        emailed = tr('%s · %s · confirmation sent (%s)').split('%s · %s · ')[-1] % tr('e-mail')
        # Copy from the editor too: the history opens on all three entries.
        click(app.find(edit, tr('Copy _Confirmation'), 'push button'))
        wait_for(lambda: [n for n in App.find_all(edit, role='label')
                          if (n.name or '').count(sent) == 2 and emailed in n.name],
                 description='the copies (“%s”) and the e-mail (“%s”) in the history' % (sent, emailed))
    finally:
        app.close()


if __name__ == '__main__':
    run(test_calm_editor_and_confirmation)
