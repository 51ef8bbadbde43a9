#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A visit over the guest limit is refused in the editor, in words, with Save
disabled until an override reason is written."""

import time

from tamugui import (App, day_rows_text, editor_messages, fill_editor, open_editor,
                     run, save_editor, tr, type_into, wait_for)


def test_over_limit_refused_with_message():
    app = App(args=['--date', '2024-03-20'], now='2024-03-18T08:00')
    try:
        editor = open_editor(app)
        fill_editor(app, editor, 'Kota Dumai', '09:00', 9)

        message = wait_for(lambda: [m for m in editor_messages(app, editor)
                                    if m.startswith(tr('Guest limit', 'field') + ':')],
                           description='the guest-limit message in the editor')[0]
        assert '9' in message and '5' in message, message
        save = app.find(editor, tr('_Save'), 'push button')
        time.sleep(0.5)  # a check still pending would re-enable it
        assert not save.sensitive, 'Save must stay disabled over the limit'

        # The way out the rule allows: a written reason.
        reason = app.find(editor, tr('O_verride reason'), 'text')
        type_into(reason, 'Rombongan Sekda dan Bappeda')
        save_editor(app, editor)

        rows = wait_for(lambda: [t for t in day_rows_text(app) if t] or None,
                        description='the booking in the day view')
        assert 'Kota Dumai' in rows, rows
        assert any(r.startswith('9/5') for r in rows), rows
    finally:
        app.close()


if __name__ == '__main__':
    run(test_over_limit_refused_with_message)
