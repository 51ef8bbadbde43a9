#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Ringkasan page on the March 2024 report: the demo month and history
imported with tamu-cli, the window opened on 20 March 2024.  The page shows
the report's figures, its narrative, the visits table and the breaches; the
month picker moves to February; the narrative is copied; the CSV export,
written in a worker thread, lands on disk with its BOM; the year recap
counts each month."""

import csv
import io
import os
import shutil
import subprocess
import tempfile

from dogtail import rawinput

import tamugui
from tamugui import App, click, normalize, run, tr, type_into, wait_for

NOW = '2024-04-20T08:00'


def history_csv():
    """22 visits and a video conference in February 2024, 8 visits and 16
    video conferences in March 2023, and enough of 2023–2024 for 300 visits
    since 2023 with the demo's 29."""
    out = io.StringIO()
    w = csv.writer(out)
    w.writerow(['Tanggal', 'Jenis', 'Daerah', 'Topik', 'Jumlah Tamu', 'Tamu Hadir', 'Status'])

    def month(year, mon, n, kind='Tatap Muka'):
        for i in range(n):
            guests = '' if kind != 'Tatap Muka' else '3'
            w.writerow([f'{year}-{mon:02d}-{1 + i % 28:02d}', kind, 'Kab. Cilacap', 'DAU',
                        guests, guests, 'done'])

    month(2024, 2, 22)
    month(2024, 1, 25)
    month(2023, 3, 8)
    for m in range(1, 13):
        if m != 3:
            month(2023, m, 16 if m == 12 else 20)
    month(2024, 2, 1, 'Video Conference')
    month(2023, 3, 16, 'Video Conference')
    return out.getvalue()


def labels(app):
    return [normalize(n.name) for n in App.find_all(app.window, role='label')]


def label_containing(app, text):
    return [name for name in labels(app) if text in name]


def test_summary_page():
    tmp = tempfile.mkdtemp(prefix='tamu-summary-gui-')
    db = os.path.join(tmp, 'tamu.db')
    cli = os.path.join(tamugui.BUILD_ROOT, 'app', 'tamu-cli')
    demo = os.path.join(os.path.dirname(__file__), '..', '..', 'data', 'demo-2024-03.csv')
    history = os.path.join(tmp, 'history.csv')
    with open(history, 'w', encoding='utf-8') as f:
        f.write(history_csv())
    env = dict(os.environ, TAMU_DB=db, TAMU_NOW=NOW)
    for path in (demo, history):
        subprocess.run([cli, 'import', 'csv', path], env=env, check=True, capture_output=True)

    # The database is not empty: the window offers no demo.
    App.answer_demo = lambda self, load: None
    app = App(args=['--date', '2024-03-20'], now=NOW, db=db)
    try:
        click(app.find(app.window, tr('Summary')))

        narrative = wait_for(lambda: label_containing(app, 'sejak 2023 sebanyak 300.'),
                             description='the March narrative')[0]
        assert ('Selama bulan Maret, telah dilaksanakan 29 kali konsultasi tatap muka sehingga '
                'jumlah konsultasi tatap muka yang telah dilaksanakan sejak 2023 sebanyak 300.') in narrative
        assert 'meningkat 300% dibandingkan layanan pada bulan sebelumnya (1 layanan)' in narrative

        # The figures: this month, the previous one, the same month last year.
        shown = labels(app)
        for figure in ('29', '22', '8', '+31,8%', '+262,5%', '+300%', '−75%'):
            assert figure in shown, (figure, shown)

        # The visits table and the breaches at the limit of 5.
        table = app.find(app.window, tr('Face-to-face visits held'))
        cells = [normalize(n.name) for n in App.find_all(table, role='label')]
        for daerah in ('Kab. Bandung', 'Kab. Jepara', 'Kab. Seruyan'):
            assert daerah in cells, (daerah, cells)
        breaches = [name for name in shown
                    if 'Prov. Sumatera Utara' in name and 'Kab. Mempawah' in name and 'Selama' not in name]
        assert breaches, shown
        assert breaches[0].count('\n') == 7, breaches[0]

        # The picker: back to February 2024.
        # The month view has a button of the same name; the summary's comes
        # later in the window's tree (its page is added after the month view).
        click(wait_for(lambda: App.find_all(app.window, tr('Previous Month'), 'push button'),
                       description='the Previous Month buttons')[-1])
        wait_for(lambda: label_containing(app, 'Selama bulan Februari, telah dilaksanakan 22 kali'),
                 description='the February narrative')

        # Copy the narrative.
        click(app.find(app.window, tr('_Copy Text'), 'push button'))
        wait_for(lambda: app.find_all(app.node, tr('Summary text copied')),
                 description='the copy toast')

        # Export CSV through the file chooser; the file is written in a thread.
        target = os.path.join(tmp, 'ringkasan-februari.csv')
        click(app.find(app.window, tr('C_SV…'), 'push button'))
        app.dialog(tr('Export Summary as CSV'))
        rawinput.keyCombo('<Control>a')
        rawinput.typeText(target)
        rawinput.pressKey('Return')
        wait_for(lambda: os.path.exists(target) and os.path.getsize(target) > 0,
                 description='the exported CSV')
        data = open(target, 'rb').read()
        assert data.startswith(b'\xef\xbb\xbf'), data[:10]
        assert 'Konsultasi Tatap Muka;25;20;22;' in data.decode('utf-8-sig'), data[:400]
        wait_for(lambda: app.find_all(app.node, tr('Summary exported')),
                 description='the export toast')

        # The count-since-year setting, from the page: February 2024 counts
        # January's 25 and its own 22 since 2024; the store keeps the setting.
        type_into(app.find(app.window, tr('Count visits since'), 'spin button'), '2024', commit=True)
        wait_for(lambda: label_containing(app, 'sejak 2024 sebanyak 47.'),
                 description='the narrative counting since 2024')
        got = subprocess.run([cli, 'settings', 'get', 'count-since-year'], env=env, check=True,
                             capture_output=True, text=True).stdout.strip()
        assert got.endswith('2024'), got

        # The year view: each month of 2024 (January 25 visits, February 22, March 29).
        click(app.find(app.window, tr('_Year Recap…'), 'push button'))
        recap = app.dialog(tr('Year Recap %d') % 2024)
        text = wait_for(lambda: [normalize(n.name) for n in App.find_all(recap, role='label')
                                 if 'Sepanjang tahun 2024' in (n.name or '')],
                        description='the year recap text')[0]
        assert 'telah dilaksanakan 76 kali konsultasi tatap muka' in text, text
        click(app.find(recap, tr('_Close'), 'push button'))
    finally:
        app.close()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == '__main__':
    run(test_summary_page)
