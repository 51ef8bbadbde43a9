#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""After loading the demo month on a first run, `tamu --date 2024-03-20`
shows exactly that day's four visits (the March 2024 report); a second
launch presents the same window on its date."""

import subprocess

from tamugui import TAMU, App, day_rows_text, normalize, ntr, run, tr, wait_for


def test_demo_shows_20_march():
    app = App(args=['--date', '2024-03-20'], now='2024-04-01T08:00', load_demo=True)
    try:
        date_button = app.find(app.window, 'Rabu, 20 Maret 2024', 'push button')
        assert date_button is not None

        def visits():
            rows = day_rows_text(app)
            return [r for r in rows if r == tr('Tatap muka')]

        found = wait_for(lambda: len(visits()) == 4 and visits(),
                         description='four visits on 20 March 2024 (rows: %s)' % day_rows_text(app))
        assert len(found) == 4
        rows = day_rows_text(app)
        assert 'Kab. Jepara' in rows, rows
        # The day's summary counts the same four visits.
        summary = ntr('%d visit', '%d visits', 4) % 4
        labels = [normalize(n.name) for n in App.find_all(app.window, role='label')]
        assert any(label.startswith(summary + ' ·') for label in labels), (summary, labels)

        # Single instance: a second launch hands its date to the running
        # window and exits; a date that does not exist is refused in words.
        second = subprocess.run([TAMU, '--date', '2024-03-21'], env=app.env, timeout=30)
        assert second.returncode == 0, second
        app.find(app.window, 'Kamis, 21 Maret 2024', 'push button')
        assert len([c for c in app.node.children if c.roleName == 'frame']) == 1
        bad = subprocess.run([TAMU, '--date', '2024-02-30'], env=app.env, timeout=30,
                             capture_output=True, text=True)
        assert bad.returncode == 2 and bad.stderr.startswith('date:'), (bad.returncode, bad.stderr)
    finally:
        app.close()


if __name__ == '__main__':
    run(test_demo_shows_20_march)
