#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every dialog opens and closes 200 times under AT-SPI without the app
dying.  GTK 4.8 crashed now and then while a dialog closed
("g_variant_new_object_path: assertion … failed"): its AT-SPI root answers a
request for a window past the visible ones with the last toplevel, and a
hidden window without an object path made the reply fail.  Tamu keeps no
hidden window (tamu_gui_present_dialog(), tamu-gui-util.c).

Dialogs open the way a person opens them (a keyboard shortcut, a row's
button, the application's About action) and close with a button clicked
over AT-SPI or Escape.  After each close the test also asks the application
for a window past the last one, which is what a screen reader does when a
dialog closes while it lists the windows: the app must answer, not die.
TAMU_DIALOG_CYCLES sets the number of cycles (default 200)."""

import os
import subprocess
import time

from dogtail import rawinput
from gi.repository import Gio, GLib

from tamugui import App, BUILD_ROOT, fail, normalize, run, tr, wait_for

CYCLES = int(os.environ.get('TAMU_DIALOG_CYCLES', '200'))
TAMU_CLI = os.path.join(BUILD_ROOT, 'app', 'tamu-cli')
APP_ID = 'id.go.kemenkeu.djpk.Tamu'


def toplevels(app):
    names = []
    for child in app.node.children:
        try:
            names.append((normalize(child.name), child))
        except Exception:
            continue
    return names


def dialog_named(app, title):
    for name, node in toplevels(app):
        if name == title:
            return node
    return None


def other_toplevel(app):
    """The one toplevel that is not the main window (About has a title of
    libadwaita's own catalog)."""
    for name, node in toplevels(app):
        if name != 'Tamu':
            return node
    return None


def alive(app, what, cycle):
    if app.proc.poll() is not None:
        fail('the app died (status %s) at cycle %d of %s' % (app.proc.returncode, cycle, what))


def probe_past_last_window(app):
    """Asks the application for a window past its last one, as a screen
    reader does when a dialog closes between its two questions."""
    try:
        app.node.getChildAtIndex(app.node.childCount + 1)
    except Exception:
        pass


def cycles(app, what, open_dialog, find_dialog, close_dialog):
    started = time.monotonic()
    for cycle in range(1, CYCLES + 1):
        open_dialog()
        dialog = wait_for(find_dialog, timeout=20, interval=0.02,
                          description='%s to open (cycle %d)' % (what, cycle))
        close_dialog(dialog)
        wait_for(lambda: find_dialog() is None, timeout=20, interval=0.02,
                 description='%s to close (cycle %d)' % (what, cycle))
        probe_past_last_window(app)
        alive(app, what, cycle)
    print('# %s: %d cycles in %.1f s' % (what, CYCLES, time.monotonic() - started), flush=True)


def click(node):
    """The button's own action over AT-SPI (dogtail's click() waits after it)."""
    node.queryAction().doAction(0)


def button_of(app, node, name):
    """The push button @name under @node, breadth first, without dogtail's pauses."""
    def search():
        queue = [node]
        while queue:
            current = queue.pop(0)
            try:
                if current.getRoleName() == 'push button' and normalize(current.name) == name:
                    return current
                queue.extend(current.getChildAtIndex(i) for i in range(current.childCount))
            except Exception:
                continue
        return None
    return wait_for(search, timeout=10, interval=0.02, description='button “%s”' % name)


def escape(_dialog):
    rawinput.pressKey('Escape')


def activate_app_action(name):
    bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)
    bus.call_sync(APP_ID, '/' + APP_ID.replace('.', '/'), 'org.gtk.Actions', 'Activate',
                  GLib.Variant('(sava{sv})', (name, [], {})), None,
                  Gio.DBusCallFlags.NONE, 5000, None)


def test_dialog_cycles():
    app = App(args=['--date', '2024-03-18'], now='2024-03-18T08:00')
    try:
        env = dict(app.env)
        subprocess.run([TAMU_CLI, 'booking', 'add', '--type', 'tatap-muka', '--date', '2024-03-18',
                        '--time', '13:00', '--daerah', 'Kab. Jepara', '--topic', 'DAU',
                        '--guests', '2', '--contact', 'Pak Budi'],
                       env=env, check=True, stdout=subprocess.DEVNULL)
        wait_for(lambda: app.find_all(app.window, tr('Cancel Booking'), 'push button'),
                 description='the booking row')
        cancel_button = app.find(app.window, tr('Cancel Booking'), 'push button')
        check_in_button = app.find(app.window, tr('Check In'), 'push button')

        cycles(app, 'the cancel dialog',
               lambda: click(cancel_button),
               lambda: dialog_named(app, tr('Cancel the Booking?')),
               lambda d: click(button_of(app, d, tr('_Keep Booking'))))

        cycles(app, 'the check-in dialog',
               lambda: click(check_in_button),
               lambda: dialog_named(app, tr('Check In Guests')),
               escape)

        cycles(app, 'the booking editor',
               lambda: rawinput.keyCombo('<Control>n'),
               lambda: dialog_named(app, tr('New Booking')),
               escape)

        cycles(app, 'the preferences',
               lambda: rawinput.keyCombo('<Control>comma'),
               lambda: dialog_named(app, tr('Preferences')),
               escape)

        cycles(app, 'the keyboard shortcuts',
               lambda: rawinput.keyCombo('<Control><Shift>question'),
               lambda: dialog_named(app, 'GtkShortcutsWindow'),
               escape)

        cycles(app, 'the about window',
               lambda: activate_app_action('about'),
               lambda: other_toplevel(app),
               escape)

        app.find(app.window, tr('PPID'), 'page tab').doActionNamed('click')
        new_request = app.find(app.window, tr('_New Request'), 'push button')
        cycles(app, 'the PPID editor',
               lambda: click(new_request),
               lambda: dialog_named(app, tr('New PPID Request')),
               escape)

        alive(app, 'the end', CYCLES)
    finally:
        app.close()


if __name__ == '__main__':
    run(test_dialog_cycles)
