#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Ctrl+F searches the bookings (daerah, contact, ticket, topics, notes);
clicking a result opens that booking in the editor."""

from dogtail import rawinput

from tamugui import App, center_click, normalize, ntr, run, tr, wait_for


def test_search_opens_booking():
    app = App(args=['--date', '2024-03-01'], now='2024-04-01T08:00', load_demo=True)
    try:
        rawinput.keyCombo('<Control>f')
        entry = wait_for(lambda: [n for n in App.find_all(app.window, tr('Search Bookings'))
                                  if n.roleName in ('text', 'entry')],
                         description='the search entry')[0]
        center_click(entry)
        rawinput.typeText('jepara')

        results = app.find(app.window, tr('Search Results'))
        found = ntr('%u booking found', '%u bookings found', 1) % 1
        wait_for(lambda: app.find_all(app.window, found, 'label'),
                 description='“%s”' % found)
        labels = [normalize(n.name) for n in App.find_all(results, role='label')]
        assert 'Kab. Jepara' in labels, labels
        assert 'DAU, DAK Non Fisik' in labels, labels

        center_click(app.find(results, 'Kab. Jepara', 'label'))
        editor = app.dialog(tr('Edit Booking'))
        wait_for(lambda: app.find_all(editor, 'Kab. Jepara · Jawa Tengah · WIB', 'label'),
                 description='the editor on Kab. Jepara')
    finally:
        app.close()


if __name__ == '__main__':
    run(test_search_opens_booking)
