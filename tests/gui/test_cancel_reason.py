#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Cancelling asks for the reason; without one the dialog cannot cancel, and
the reason shows on the cancelled row."""

import time

from tamugui import (App, click, create_booking, day_rows_text, run, tr, type_into,
                     wait_for)


def test_cancel_with_reason():
    app = App(args=['--date', '2024-03-21'], now='2024-03-18T08:00')
    try:
        create_booking(app, 'Kota Banjar', '13:00', 4, topics='TKD')
        wait_for(lambda: 'Kota Banjar' in day_rows_text(app), description='the booking row')

        click(app.find(app.window, tr('Cancel Booking'), 'push button'))
        dialog = app.dialog(tr('Cancel the Booking?'))
        confirm = app.find(dialog, tr('Cancel _Booking'), 'push button')
        time.sleep(0.3)
        assert not confirm.sensitive, 'cancelling without a reason must not be possible'

        type_into(app.find(dialog, tr('Cancellation reason'), 'text'),
                  'Pemda menunda kunjungan')
        wait_for(lambda: confirm.sensitive, description='the cancel response to be enabled')
        click(confirm)
        wait_for(lambda: app.frame(tr('Cancel the Booking?')) is None,
                 description='the dialog to close')

        rows = wait_for(lambda: tr('Cancelled') in day_rows_text(app) and day_rows_text(app),
                        description='the row to show the cancelled status')
        reason = tr('Reason: %s') % 'Pemda menunda kunjungan'
        assert reason in rows, rows
        # A cancelled visit no longer offers a check-in.
        assert not app.find_all(app.window, tr('Check In'), 'push button', showing=True) or \
            not any(b.sensitive for b in app.find_all(app.window, tr('Check In'), 'push button'))
    finally:
        app.close()


if __name__ == '__main__':
    run(test_cancel_with_reason)
