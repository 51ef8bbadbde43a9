#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""“Suggest a Free Slot” fills the time from the slot finder: with the
morning's first hour taken in both rooms, the first slot offered is later,
and the booking saved from it lands there in the day view."""

import re
import time

from tamugui import (App, center_click, click, create_booking, day_rows_text, normalize,
                     open_editor, run, save_editor, tr, type_into, wait_for)


SLOT = re.compile(r'(\d\d:\d\d)–\d\d:\d\d')


def test_suggest_free_slot():
    app = App(args=['--date', '2024-03-20'], now='2024-03-18T08:00')
    try:
        create_booking(app, 'Kota Bogor', '08:00', 2)
        create_booking(app, 'Kab. Brebes', '08:00', 2)
        wait_for(lambda: 'Kab. Brebes' in day_rows_text(app), description='both morning visits')

        editor = open_editor(app)
        type_into(app.find(editor, tr('Dae_rah'), 'text'), 'Kota Ternate')
        time.sleep(0.3)
        topics = app.find(editor, tr('T_opics'), 'text')
        center_click(topics)
        time.sleep(0.3)
        type_into(topics, 'PDRD')
        # No time yet, and the time field never visited: Save waits, calmly.
        save = app.find(editor, tr('_Save'), 'push button')
        time.sleep(0.5)
        assert not save.sensitive, 'Save must wait for a start time'
        assert not [n for n in App.find_all(editor, role='label', showing=True)
                    if normalize(n.name).startswith(('time:', tr('Start', 'field') + ':'))], \
            'no message about a field the user has not visited yet'

        center_click(app.find(editor, tr('Suggest a Free Slot'), 'push button'))
        slots = wait_for(lambda: [n for n in App.find_all(editor, role='push button')
                                  if SLOT.search(normalize(n.name))],
                         description='the free slots offered')
        offered = normalize(slots[0].name)
        start = SLOT.search(offered).group(1)
        # Both rooms are taken at 08:00 on the 20th: the first slot is later.
        click(slots[0])
        save_editor(app, editor)

        wait_for(lambda: 'Kota Ternate' in day_rows_text(app) and start in day_rows_text(app),
                 description='Kota Ternate at %s (offered “%s”)' % (start, offered))
        assert start != '08:00', offered
    finally:
        app.close()


if __name__ == '__main__':
    run(test_suggest_free_slot)
