#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The PPID editor while the office server is away: Register disabled with
the reason, what was typed kept; when the server is back the request is
registered and really stored."""
from desks import banner_showing, cli
from pgserver import PgServer
from tamugui import App, click, run, tr, type_into, wait_for

NOW = '2024-03-18T08:00'


def test_ppid_editor_waits_for_the_server():
    server = PgServer()
    app = None
    try:
        app = App(now=NOW, db=server.conninfo)
        click(app.find(app.window, tr('PPID')))
        click(app.find(app.window, tr('_New Request'), 'push button'))
        editor = app.dialog(tr('New PPID Request'))
        type_into(app.find(editor, tr('Received'), 'text'), '2024-03-04')
        type_into(app.find(editor, tr('Requester'), 'text'), 'Rina Hapsari')
        type_into(app.find(editor, tr('Information requested'), 'text'), 'Realisasi DAU 2023 per daerah')
        register = app.find(editor, tr('_Register'), 'push button')
        assert register.sensitive

        server.stop_server()
        wait_for(lambda: banner_showing(app), timeout=15, description='the banner')
        reason = tr('server unreachable: the request is not saved yet')
        wait_for(lambda: app.find_all(editor, reason, 'label'), description='the reason in the editor')
        assert not register.sensitive, 'Register is disabled while the server is away'

        server.start_server()
        wait_for(lambda: not banner_showing(app), timeout=20, description='the banner to go')
        wait_for(lambda: register.sensitive, description='Register enabled again')
        wait_for(lambda: not app.find_all(editor, reason, 'label'), description='the reason to go')
        click(register)
        wait_for(lambda: app.frame(tr('New PPID Request')) is None, description='the editor to close')

        # Saved without typing again: what was typed was kept.
        listed = cli(server.conninfo, 'ppid', 'list', '--format', 'json', now=NOW)
        assert listed.returncode == 0, listed.stderr
        assert 'Rina Hapsari' in listed.stdout and 'Realisasi DAU 2023 per daerah' in listed.stdout, \
            listed.stdout
    finally:
        if app is not None:
            app.close()
        server.close()


if __name__ == '__main__':
    run(test_ppid_editor_waits_for_the_server)
