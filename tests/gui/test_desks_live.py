#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Two desks on one PostgreSQL database (tamu --db, two processes, each with
its own session bus and folders): a booking saved in one window
appears in the other's day view within 2 s, with no refresh by hand
(LISTEN/NOTIFY), and one added with tamu-cli appears in both."""
import time

from desks import cli, second_desk
from pgserver import PgServer
from tamugui import App, create_booking, day_rows_text, fail, normalize, run, tr, wait_for

DEADLINE_S = 2.0


def day_list(app):
    """The day view's list, found once: each look then walks only its rows."""
    return wait_for(lambda: (App.find_all(app.window, tr('Bookings of the Day')) or [None])[0],
                    description='the day view\'s list')


def row_texts(day_list_node):
    return [normalize(n.name) for n in App.find_all(day_list_node, role='label')]


def wait_for_row(day_list_node, daerah, started):
    """Polls the day view for @daerah; a look that began within the deadline counts."""
    while True:
        began = time.monotonic() - started
        if daerah in row_texts(day_list_node):
            print('# %s appeared on the other desk after %.2f s' % (daerah, time.monotonic() - started),
                  flush=True)
            return
        if began > DEADLINE_S:
            fail('%s not in the other desk\'s day view %.1f s after it was saved' % (daerah, DEADLINE_S))
        time.sleep(0.05)


def test_booking_appears_on_the_other_desk():
    server = PgServer()
    desk_a = desk_b = None
    try:
        # Two ways to name one database: the socket's key/value string, and a
        # URI over the loopback port.
        uri = 'postgresql://tamu@127.0.0.1:%s/tamu_test' % server.port
        desk_a = App(args=['--date', '2024-03-20', '--db', server.conninfo], db=server.conninfo)
        desk_b = second_desk(uri, args=['--date', '2024-03-20', '--db', uri])
        assert desk_a.app_pid != desk_b.app_pid, 'two processes'

        list_a, list_b = day_list(desk_a), day_list(desk_b)

        create_booking(desk_a, 'kab cilacap', '10:00', 3)
        saved = time.monotonic()
        wait_for_row(list_b, 'Kab. Cilacap', saved)
        wait_for(lambda: 'Kab. Cilacap' in day_rows_text(desk_a), description='the row on desk A')

        # A booking from the command line, a third program on the same server.
        result = cli(server.conninfo, 'booking', 'add', '--type', 'tatap-muka', '--date', '2024-03-20',
                     '--time', '13:30', '--daerah', 'Kota Bandung', '--topic', 'DAU', '--guests', '2',
                     '--contact', 'Bu Sari')
        assert result.returncode == 0, result.stderr
        added = time.monotonic()
        wait_for_row(list_b, 'Kota Bandung', added)
        wait_for_row(list_a, 'Kota Bandung', added)

        rows = server.psql("SELECT count(*) FROM tamu.bookings WHERE date = '2024-03-20'")
        assert rows.strip() == '2', rows
    finally:
        for desk in (desk_b, desk_a):
            if desk is not None:
                desk.close()
        server.close()


if __name__ == '__main__':
    run(test_booking_appears_on_the_other_desk)
