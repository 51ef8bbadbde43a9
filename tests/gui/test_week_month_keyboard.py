#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The week and month views work from the keyboard and read well to a screen
reader: Tab reaches a booking of the week named "09:00 Kab. Jepara, tatap
muka, 2 tamu", the arrows move to the next booking, Enter opens it; in the
month, Tab and the arrows reach a day named by its date and counts, with
its bookings as the description, and Enter opens that day."""

import os
import subprocess
import time

from dogtail import rawinput

from tamugui import (App, BUILD_ROOT, center_click, day_rows_text, normalize, ntr, run,
                     tr, wait_for)

TAMU_CLI = os.path.join(BUILD_ROOT, 'app', 'tamu-cli')


def add_booking(app, date, start, daerah, guests):
    subprocess.run([TAMU_CLI, 'booking', 'add', '--type', 'tatap-muka', '--date', date,
                    '--time', start, '--daerah', daerah, '--topic', 'DAU',
                    '--guests', str(guests), '--contact', 'Pak Budi'],
                   env=app.env, check=True, stdout=subprocess.DEVNULL)


def focused(node):
    """The widget under @node that has the keyboard focus, or None."""
    for child in App.find_all(node):
        try:
            if child.focused:
                return child
        except Exception:
            continue
    return None


def press_until(app, key, wanted, limit=60, description='the focus'):
    """Presses @key until the focused widget's name satisfies @wanted."""
    seen = []
    for _ in range(limit):
        rawinput.pressKey(key)
        time.sleep(0.15)
        node = focused(app.window)
        name = normalize(node.name) if node is not None else None
        seen.append(name)
        if name is not None and wanted(name):
            return node
    raise AssertionError('%s: %s never reached a wanted widget; focus went %s'
                         % (description, key, seen[-12:]))


def today_tab_checked(app):
    import pyatspi
    for tab in App.find_all(app.window, tr('Today'), 'page tab'):
        states = tab.getState()
        if states.contains(pyatspi.STATE_CHECKED) or states.contains(pyatspi.STATE_SELECTED) \
                or states.contains(pyatspi.STATE_PRESSED):
            return True
    return False


def booking_name(start, daerah, guests):
    # Translators' format in the catalog; the Indonesian is checked literally below.
    return tr('%s %s, %s, %s') % (start, daerah, tr('Tatap muka').lower(),
                                  ntr('%d guest', '%d guests', guests) % guests)


def test_week_and_month_by_keyboard():
    app = App(args=['--date', '2024-03-20'], now='2024-03-18T08:00')
    try:
        add_booking(app, '2024-03-20', '09:00', 'Kab. Jepara', 2)
        add_booking(app, '2024-03-21', '10:00', 'Kota Ternate', 3)
        wait_for(lambda: 'Kab. Jepara' in day_rows_text(app), description='the booking row')

        jepara = booking_name('09:00', 'Kab. Jepara', 2)
        ternate = booking_name('10:00', 'Kota Ternate', 3)
        assert jepara == '09:00 Kab. Jepara, tatap muka, 2 tamu', jepara

        # Week: from the navigation buttons, Tab reaches the first booking.
        center_click(app.find(app.window, tr('Week'), 'page tab'))
        wait_for(lambda: App.find_all(app.window, jepara, 'push button'),
                 description='the booking button of the week view')
        center_click(app.find(app.window, tr('Previous Week'), 'push button'))
        center_click(app.find(app.window, tr('Next Week'), 'push button'))
        press_until(app, 'Tab', lambda name: name == jepara, description='week view')
        # An arrow moves on to the booking of the next day.
        press_until(app, 'Right', lambda name: name == ternate, limit=4,
                    description='week view, arrow')
        press_until(app, 'Left', lambda name: name == jepara, limit=4,
                    description='week view, arrow back')
        rawinput.pressKey('Return')
        editor = app.dialog(tr('Edit Booking'))
        wait_for(lambda: app.find_all(editor, 'Kab. Jepara · Jawa Tengah · WIB', 'label'),
                 description='the editor on the booking of Kab. Jepara')
        rawinput.pressKey('Escape')
        wait_for(lambda: app.frame(tr('Edit Booking')) is None, description='the editor to close')

        # Month: Tab into the grid, the arrows to 20 March, Enter opens the day.
        center_click(app.find(app.window, tr('Month'), 'page tab'))
        center_click(app.find(app.window, tr('Previous Month'), 'push button'))
        center_click(app.find(app.window, tr('Next Month'), 'push button'))
        day_prefix = 'Rabu, 20 Maret 2024: '
        first_day = press_until(app, 'Tab', lambda name: name.startswith(('Senin, ', 'Selasa, ', 'Rabu, ',
                                                                         'Kamis, ', 'Jumat, ',
                                                                         'Sabtu, ', 'Minggu, ')),
                                description='month view')
        day = press_until(app, 'Right', lambda name: name.startswith(day_prefix),
                          limit=40, description='month view, arrows')
        expected = day_prefix + ntr('%d visit', '%d visits', 1) % 1
        assert normalize(day.name) == expected, (normalize(day.name), expected, first_day.name)
        # A screen reader then reads the day's bookings.
        assert day.description == jepara, (day.description, jepara)
        # The other day of the week is reached from there with the arrows too.
        press_until(app, 'Right', lambda name: name.startswith('Kamis, 21 Maret 2024: '), limit=2,
                    description='month view, next day')
        rawinput.pressKey('Return')
        wait_for(lambda: today_tab_checked(app), description='the day view to open')
        wait_for(lambda: 'Kota Ternate' in day_rows_text(app)
                 and 'Kab. Jepara' not in day_rows_text(app),
                 description='the day of 21 March with its booking')
    finally:
        app.close()


if __name__ == '__main__':
    run(test_week_and_month_by_keyboard)
