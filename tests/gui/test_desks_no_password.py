#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""An address that carries a password (postgresql://tamu:SECRET@…) opens the
office server, and the password shows nowhere: not in the window, not in
Preferences → Database (which shows the address in use, tests the
connection and gives the schema version), not in the banner."""
from desks import app_texts, banner_showing
from pgserver import PgServer
from dogtail import rawinput
from tamugui import App, center_click, click, run, tr, wait_for

SECRET = 'Rahasia-4821'


def assert_no_secret(app, where):
    texts = app_texts(app)
    assert texts, 'texts read from the window'
    leaks = [t for t in texts if SECRET in t]
    assert not leaks, 'the password shows in %s: %s' % (where, leaks)
    return texts


def test_password_never_shows():
    server = PgServer()
    app = None
    try:
        uri = 'postgresql://tamu:%s@127.0.0.1:%s/tamu_test' % (SECRET, server.port)
        app = App(args=['--date', '2024-03-20'], db=uri)
        texts = assert_no_secret(app, 'the main window')
        assert 'Rabu, 20 Maret 2024' in texts, 'the window shows the day'

        center_click(app.find(app.window, tr('Main Menu'), 'push button'))
        click(app.find(app.node, tr('_Preferences'), 'menu item'))
        preferences = app.dialog(tr('Preferences'))
        tab = wait_for(lambda: [n for n in App.find_all(preferences, tr('Database'))
                                if n.roleName == 'page tab'],
                       description='the Database page\'s tab')
        click(tab[0])
        in_use = tr('In use: %s') % ('postgresql://tamu@127.0.0.1:%s/tamu_test' % server.port)
        wait_for(lambda: any(in_use in t for t in app_texts(app)),
                 description='the address in use, without its password')
        assert_no_secret(app, 'Preferences → Database')

        button = app.find(preferences, tr('_Test Connection'), 'push button')
        click(button)
        connected = tr('Connected: schema version %d').split('%d')[0]
        wait_for(lambda: [t for t in app_texts(app) if t.startswith(connected)],
                 description='the schema version after Test Connection')
        assert_no_secret(app, 'the result of Test Connection')
        rawinput.pressKey('Escape')
        wait_for(lambda: app.frame(tr('Preferences')) is None, description='Preferences to close')

        server.stop_server()
        wait_for(lambda: banner_showing(app), timeout=15, description='the banner')
        assert_no_secret(app, 'the window with its banner')
        server.start_server()
        wait_for(lambda: not banner_showing(app), timeout=20, description='the banner to go')
    finally:
        if app is not None:
            app.close()
        server.close()


if __name__ == '__main__':
    run(test_password_never_shows)
