#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Takes the README's screenshots from the real app on the demo month:
  tests/gui/run-gui-test.sh tests/gui/screenshots.py docs/screenshots
(with TAMU_BUILD_ROOT pointing at a build).  Day view of 20 March 2024, the
week of 18 March, the month, and the editor on a booking of that day."""

import os
import subprocess
import sys
import time

from tamugui import App, center_click, click, editor_messages, fill_editor, open_editor, run, tr, wait_for

OUT = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else 'docs/screenshots')
WIDTH, HEIGHT = 1100, 720


def shot(name, width=WIDTH, height=HEIGHT):
    time.sleep(0.8)  # let the last frame reach the X server
    path = os.path.join(OUT, name)
    subprocess.run(['import', '-window', 'root', '-crop', '%dx%d+0+0' % (width, height),
                    '+repage', path], check=True)
    print('wrote', path, flush=True)


def take_screenshots():
    os.makedirs(OUT, exist_ok=True)
    app = App(args=['--date', '2024-03-20'], now='2024-03-20T08:00', load_demo=True)
    try:
        wait_for(lambda: app.find_all(app.window, tr('Edit Booking'), 'push button'),
                 description='the rows of 20 March')
        shot('day.png')
        click(app.find(app.window, tr('Week'), 'page tab'))
        shot('week.png')
        click(app.find(app.window, tr('Month'), 'page tab'))
        shot('month.png')
        click(app.find(app.window, tr('Today'), 'page tab'))
        # A new booking with the report's typo and too many guests: the
        # editor suggests the region and refuses the guest count in words.
        editor = open_editor(app)
        fill_editor(app, editor, 'Kab. Tidore Kepulauan', '10:30', 7, topics='dau, dak nf')
        wait_for(lambda: [m for m in editor_messages(app, editor) if m.startswith(tr('Guest limit', 'field') + ':')],
                 description='the guest-limit message')
        # Close the region completion so the suggestion under the field shows.
        for _ in range(2):
            center_click(app.find(editor, tr('_Instansi'), 'text'))
            time.sleep(0.4)
        shot('editor.png', 640, 720)
    finally:
        app.close()


if __name__ == '__main__':
    run(take_screenshots)
