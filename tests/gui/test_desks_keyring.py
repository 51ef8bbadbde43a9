#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The office server asks for a password.  Test Connection without it gives
the one-line reason; with it, the schema version.  Use This Database keeps
the password in the desktop keyring, and the next start of the app opens
the server with it, from the keyring alone: desk.ini has the address, never
the password.

The keyring is libsecret's own encrypted file backend (SECRET_BACKEND=file
with its test key, SECRET_FILE_TEST_PASSWORD): the same secret_password_*
calls as with GNOME Keyring, without a keyring daemon that would prompt."""
import os
import shutil
import tempfile

from desks import app_texts
from pgserver import PgServer
from tamugui import App, center_click, click, run, tr, type_into, wait_for

PASSWORD = 'Kunci-Meja-55'


def open_database_page(app):
    center_click(app.find(app.window, tr('Main Menu'), 'push button'))
    click(app.find(app.node, tr('_Preferences'), 'menu item'))
    preferences = app.dialog(tr('Preferences'))
    click(wait_for(lambda: [n for n in App.find_all(preferences, tr('Database'))
                            if n.roleName == 'page tab'], description='the Database tab')[0])
    return preferences


def status_texts(app, prefix):
    return [t for t in app_texts(app) if t.startswith(prefix)]


def test_password_from_the_keyring():
    server = PgServer()
    server.require_password(PASSWORD)
    desk = tempfile.mkdtemp(prefix='tamu-gui-desk-')
    keyring = os.path.join(desk, 'keyring', 'default.keyring')
    os.makedirs(os.path.dirname(keyring))
    env = {
        'XDG_CONFIG_HOME': os.path.join(desk, 'config'),
        'SECRET_BACKEND': 'file',
        'SECRET_FILE_TEST_PATH': keyring,
        'SECRET_FILE_TEST_PASSWORD': 'kunci-uji',
    }
    app = None
    try:
        app = App(args=['--date', '2024-03-20'], env_extra=env)
        preferences = open_database_page(app)
        center_click(app.find(preferences, tr('Office server'), 'check box'))
        type_into(app.find(preferences, tr('Host'), 'text'), '127.0.0.1')
        type_into(app.find(preferences, tr('Port'), 'text'), server.port)
        type_into(app.find(preferences, tr('Database name'), 'text'), 'tamu_test')
        type_into(app.find(preferences, tr('User'), 'text'), 'tamu')

        # No password: the server refuses, in one line, naming it.
        test = app.find(preferences, tr('_Test Connection'), 'push button')
        click(test)
        refused = wait_for(lambda: [t for t in app_texts(app)
                                    if t.startswith('database: ') and 'no password supplied' in t
                                    and '127.0.0.1:%s' % server.port in t],
                           description='the one-line refusal')
        assert all('\n' not in t for t in refused), refused

        type_into(app.find(preferences, tr('Password'), 'text'), PASSWORD)
        click(test)
        connected = tr('Connected: schema version %d').split('%d')[0]
        wait_for(lambda: status_texts(app, connected), description='the schema version')

        click(app.find(preferences, tr('_Use This Database'), 'push button'))
        wait_for(lambda: app.frame(tr('Preferences')) is None, description='Preferences to close')
        app.answer_demo(False)
        app.close()
        app = None

        with open(os.path.join(desk, 'config', 'tamu', 'desk.ini'), encoding='utf-8') as f:
            contents = f.read()
        assert 'database=host=127.0.0.1 port=%s dbname=tamu_test user=tamu' % server.port in contents, contents
        assert PASSWORD not in contents
        with open(keyring, 'rb') as f:
            assert PASSWORD.encode() not in f.read(), 'the keyring file is encrypted'

        # Started again without --db or TAMU_DB: desk.ini names the server, the
        # keyring gives the password; without it the server would refuse.
        app = App(args=['--date', '2024-03-20'], env_extra=dict(env, TAMU_DB=''), load_demo=False)
        preferences = open_database_page(app)
        in_use = tr('In use: %s') % ''
        shown = wait_for(lambda: [t for t in app_texts(app) if t.startswith(in_use)],
                         description='the database in use')
        assert '127.0.0.1' in shown[0] and PASSWORD not in shown[0], shown
        assert not [t for t in app_texts(app) if PASSWORD in t], 'the password never shows'
    finally:
        if app is not None:
            app.close()
        server.close()
        shutil.rmtree(desk, ignore_errors=True)


if __name__ == '__main__':
    run(test_password_from_the_keyring)
