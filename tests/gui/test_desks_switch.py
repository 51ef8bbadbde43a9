#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Preferences → Database: a desk on its own file moves to the office server.
The window comes back on the same date and view, on the server (a booking
made there by another program appears), and desk.ini keeps the address but
never the password typed."""
import os

import pyatspi
from desks import app_texts, cli
from pgserver import PgServer
from tamugui import App, center_click, click, fail, run, tr, type_into, wait_for

PASSWORD = 'Rahasia-77'


def page_tab(app, title):
    tabs = [n for n in App.find_all(app.window, title) if n.roleName == 'page tab']
    return tabs[0] if tabs else None


def selected(node):
    return node.getState().contains(pyatspi.STATE_SELECTED)


def test_switch_to_the_office_server():
    server = PgServer()
    app = None
    try:
        app = App(args=['--date', '2024-03-20'])
        click(wait_for(lambda: page_tab(app, tr('Week')), description='the Week tab'))
        wait_for(lambda: selected(page_tab(app, tr('Week'))), description='the week view')
        old_window = app.window

        center_click(app.find(app.window, tr('Main Menu'), 'push button'))
        click(app.find(app.node, tr('_Preferences'), 'menu item'))
        preferences = app.dialog(tr('Preferences'))
        click(wait_for(lambda: [n for n in App.find_all(preferences, tr('Database'))
                                if n.roleName == 'page tab'], description='the Database tab')[0])
        center_click(app.find(preferences, tr('Office server'), 'check box'))
        type_into(app.find(preferences, tr('Host'), 'text'), server.dir)
        type_into(app.find(preferences, tr('Port'), 'text'), server.port)
        type_into(app.find(preferences, tr('Database name'), 'text'), 'tamu_test')
        type_into(app.find(preferences, tr('User'), 'text'), 'tamu')
        type_into(app.find(preferences, tr('Password'), 'text'), PASSWORD)

        click(app.find(preferences, tr('_Test Connection'), 'push button'))
        connected = tr('Connected: schema version %d').split('%d')[0]
        wait_for(lambda: [t for t in app_texts(app) if t.startswith(connected)],
                 description='Test Connection to give the schema version (texts: %s)'
                 % [t for t in app_texts(app) if ':' in t][-5:])

        click(app.find(preferences, tr('_Use This Database'), 'push button'))
        wait_for(lambda: app.frame(tr('Preferences')) is None, description='Preferences to close')
        # A new window on the server; an empty database offers the demo month.
        app.answer_demo(False)
        app.window = wait_for(lambda: app.frame('Tamu'), description='the window on the server')
        assert app.window != old_window or len([c for c in app.node.children if c.name == 'Tamu']) == 1
        wait_for(lambda: selected(page_tab(app, tr('Week'))), description='the week view kept')

        # The same date: the day view shows it.
        click(page_tab(app, tr('Today')))
        wait_for(lambda: App.find_all(app.window, 'Rabu, 20 Maret 2024', 'label'),
                 description='the day kept (20 March 2024)')

        # On the server: a booking another program makes there appears.
        result = cli(server.conninfo, 'booking', 'add', '--type', 'tatap-muka', '--date', '2024-03-20',
                     '--time', '09:00', '--daerah', 'Kab. Bantul', '--topic', 'DAU', '--guests', '2')
        assert result.returncode == 0, result.stderr
        wait_for(lambda: App.find_all(app.window, 'Kab. Bantul', 'label'),
                 description='the server\'s booking in the window')

        desk_ini = os.path.join(app.tmp, 'config', 'tamu', 'desk.ini')
        with open(desk_ini, encoding='utf-8') as f:
            contents = f.read()
        assert 'database=host=%s port=%s dbname=tamu_test user=tamu' % (server.dir, server.port) \
            in contents, contents
        assert PASSWORD not in contents, 'the password is not in desk.ini'
        assert os.stat(desk_ini).st_mode & 0o777 == 0o600
        leaks = [t for t in app_texts(app) if PASSWORD in t]
        if leaks:
            fail('the password shows: %s' % leaks)
    finally:
        if app is not None:
            app.close()
        server.close()


if __name__ == '__main__':
    run(test_switch_to_the_office_server)
