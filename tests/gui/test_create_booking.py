#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Creating a booking in the editor shows it in the day view."""

from tamugui import App, create_booking, day_rows_text, run, tr, wait_for


def test_create_booking_shows_in_day_view():
    app = App(args=['--date', '2024-03-20'], now='2024-03-18T08:00')
    try:
        wait_for(lambda: app.find_all(app.window, tr('No Bookings')),
                 description='the empty state of an empty day')
        create_booking(app, 'kab cilacap', '10:00', 3, topics='dau, dak nf')
        # The daerah typed loosely is stored as the region list's short name,
        # the alias "dak nf" as its canonical topic.
        rows = wait_for(lambda: [t for t in day_rows_text(app) if t] or None,
                        description='a row in the day view')
        assert 'Kab. Cilacap' in rows, rows
        assert '10:00' in rows, rows
        assert 'DAU, DAK Non Fisik' in rows, rows
        assert '3/5 ' + tr('guests').split()[-1] in ' '.join(rows) or any(r.startswith('3/5') for r in rows), rows
        assert not app.find_all(app.window, tr('No Bookings'), showing=True)
    finally:
        app.close()


if __name__ == '__main__':
    run(test_create_booking_shows_in_day_view)
