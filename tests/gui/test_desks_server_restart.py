#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The office server goes away while the app is open: the window says so in
a banner, an open editor keeps what was typed with Save disabled and the
reason shown, and when the server is back the banner goes, Save works again
and the booking is really stored."""
from desks import banner_showing, cli
from pgserver import PgServer
from tamugui import (App, click, day_rows_text, editor_messages, fill_editor, open_editor, run,
                     tr, wait_for)


def test_server_restart_while_editing():
    server = PgServer()
    app = None
    try:
        app = App(args=['--date', '2024-03-20'], db=server.conninfo)
        assert not banner_showing(app), 'no banner while the server is there'

        editor = open_editor(app)
        fill_editor(app, editor, 'kab cilacap', '10:00', 3)
        save = app.find(editor, tr('_Save'), 'push button')
        wait_for(lambda: save.sensitive, description='Save enabled before the server goes')

        server.stop_server()
        wait_for(lambda: banner_showing(app), timeout=15, description='the banner')
        reason = tr('server unreachable: the booking is not saved yet')
        wait_for(lambda: reason in editor_messages(app, editor), description='the reason in the editor')
        assert not save.sensitive, 'Save is disabled while the server is away'
        # What was typed stays.
        # (GTK 4.8 does not expose an entry's text over AT-SPI: that what was
        # typed is kept shows below, in the booking saved without retyping.)
        assert app.frame(tr('New Booking')) is not None, 'the editor stays open'

        server.start_server()
        # The store tries again every few seconds.
        wait_for(lambda: not banner_showing(app), timeout=20, description='the banner to go')
        wait_for(lambda: save.sensitive, timeout=10, description='Save enabled again')
        wait_for(lambda: reason not in editor_messages(app, editor), description='the reason to go')
        click(save)
        wait_for(lambda: app.frame(tr('New Booking')) is None, description='the editor to close')
        wait_for(lambda: 'Kab. Cilacap' in day_rows_text(app), description='the saved row')

        listed = cli(server.conninfo, 'booking', 'list', '--from', '2024-03-20', '--to', '2024-03-20',
                     '--format', 'csv')
        assert listed.returncode == 0, listed.stderr
        rows = [line for line in listed.stdout.splitlines() if 'Kab. Cilacap' in line]
        assert len(rows) == 1, listed.stdout
        assert '10:00' in rows[0] and ';3;' in rows[0].replace(',', ';'), rows[0]
    finally:
        if app is not None:
            app.close()
        server.close()


if __name__ == '__main__':
    run(test_server_restart_while_editing)
