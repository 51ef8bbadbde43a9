#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Ctrl+? opens the Keyboard Shortcuts window; the main menu's About window
carries the region list's attribution, "Region data: idn-area-data (ODbL)"."""

from dogtail import rawinput

from tamugui import App, center_click, click, normalize, run, tr, wait_for


def test_about_and_shortcuts():
    app = App(args=['--date', '2024-03-20'], now='2024-03-18T08:00')
    try:
        rawinput.keyCombo('<Control><Shift>question')
        shortcuts = wait_for(lambda: [c for c in app.node.children
                                      if c.roleName == 'frame' and c.name == 'GtkShortcutsWindow'],
                             description='the Keyboard Shortcuts window')[0]
        titles = [normalize(n.name) for n in App.find_all(shortcuts, role='label')]
        for title in ('New booking', 'Search bookings', 'Previous day', 'Today'):
            assert tr(title, 'shortcut window') in titles, (title, titles)
        rawinput.pressKey('Escape')
        wait_for(lambda: not [c for c in app.node.children if c.name == 'GtkShortcutsWindow'],
                 description='the shortcuts window to close')

        center_click(app.find(app.window, tr('Main Menu'), 'push button'))
        click(app.find(app.node, tr('_About Tamu'), 'menu item'))
        # libadwaita titles the window and the section in its own catalog.
        about = wait_for(lambda: [c for c in app.node.children
                                  if c.roleName == 'frame' and c.name != 'Tamu'],
                         description='the About window')[0]
        legal = [n for n in App.find_all(about) if normalize(n.name) == 'Legal']
        assert legal, [normalize(n.name) for n in App.find_all(about)][:40]
        center_click(legal[0])
        wait_for(lambda: App.find_all(about, tr('Region data: idn-area-data (ODbL)')),
                 description='the ODbL attribution in the About window')
    finally:
        app.close()


if __name__ == '__main__':
    run(test_about_and_shortcuts)
