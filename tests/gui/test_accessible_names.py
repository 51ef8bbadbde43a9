#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every interactive control has an accessible name: the main window on each
of its pages (with the demo month loaded, so rows and their actions exist)
and the booking editor.  A name that is empty or only GTK's class-name
fallback ("GtkToggleButton") counts as missing."""

from tamugui import App, click, normalize, open_editor, run, tr, wait_for

INTERACTIVE = {'push button', 'toggle button', 'text', 'spin button', 'combo box',
               'check box', 'radio button', 'menu item', 'page tab', 'entry',
               'password text', 'slider', 'switch'}


def unnamed(node):
    """Controls under @node whose name is empty or only GTK's class-name fallback."""
    missing = []
    for child in App.find_all(node):
        try:
            role = child.roleName
            name = normalize(child.name).strip()
        except Exception:
            continue
        if role not in INTERACTIVE:
            continue
        if not name or name.startswith(('Gtk', 'Adw')):
            missing.append('%s %r under %r' % (role, child.name, child.parent.name))
    return missing


def test_every_control_is_named():
    app = App(args=['--date', '2024-03-20'], now='2024-04-01T08:00', load_demo=True)
    try:
        wait_for(lambda: app.find_all(app.window, tr('Edit Booking'), 'push button'),
                 description='the rows of 20 March')
        problems = []
        controls = 0
        for page in ('Today', 'Week', 'Month', 'Search'):
            tab = app.find(app.window, tr(page), 'page tab')
            click(tab)
            problems += ['%s page: %s' % (page, p) for p in unnamed(app.window)]
        controls += len([c for c in App.find_all(app.window) if c.roleName in INTERACTIVE])

        click(app.find(app.window, tr('Today'), 'page tab'))
        editor = open_editor(app)
        problems += ['editor: %s' % p for p in unnamed(editor)]
        controls += len([c for c in App.find_all(editor) if c.roleName in INTERACTIVE])

        assert controls > 60, 'the walk found only %d controls' % controls
        assert not problems, '\n'.join(problems)
    finally:
        app.close()


if __name__ == '__main__':
    run(test_every_control_is_named)
