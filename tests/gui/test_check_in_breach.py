#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checking in more guests than the limit shows the breach at once, in the
dialog and then in the day view's row."""

from tamugui import (App, click, create_booking, day_rows_text, normalize, run, tr,
                     type_into, wait_for)


def test_check_in_with_breach():
    # Guests are checked in on the day: the clock says 20 March, 08:00.
    app = App(args=['--date', '2024-03-20'], now='2024-03-20T08:00')
    try:
        create_booking(app, 'Kab. Jepara', '10:00', 2, topics='DAU, DAK NF')
        wait_for(lambda: 'Kab. Jepara' in day_rows_text(app), description='the booking row')

        click(app.find(app.window, tr('Check In'), 'push button'))
        dialog = app.dialog(tr('Check In Guests'))
        type_into(app.find(dialog, tr('_Guests who came'), 'spin button'), '8', commit=True)

        breach = wait_for(lambda: [normalize(n.name) for n in App.find_all(dialog, role='label')
                                   if normalize(n.name).startswith(tr('Guest limit', 'field') + ':')],
                          description='the breach shown in the dialog')[0]
        assert '8' in breach and '5' in breach, breach

        click(app.find(dialog, tr('C_heck In'), 'push button'))
        wait_for(lambda: app.frame(tr('Check In Guests')) is None, description='the dialog to close')

        rows = wait_for(lambda: [r for r in day_rows_text(app) if r.startswith('8/5')] or None,
                        description='the row to show 8 of 5 guests')
        suffix = tr('%s — over the limit').split('%s')[-1].strip()
        assert rows[0].endswith(suffix), (rows, suffix)
        assert tr('Checked in') in day_rows_text(app), day_rows_text(app)
    finally:
        app.close()


if __name__ == '__main__':
    run(test_check_in_with_breach)
