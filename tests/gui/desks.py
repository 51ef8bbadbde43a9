# SPDX-License-Identifier: GPL-3.0-or-later
"""Helpers for the window tests of several desks on one PostgreSQL server
(tests/gui/test_desks_*.py): a second app process, the banner, every text
the window shows."""
import os
import subprocess

from tamugui import App, tr


def a11y_bus_address():
    """The AT-SPI bus of this test's session: a second desk on a session bus
    of its own still shows its widgets to this test through it."""
    out = subprocess.run(['dbus-send', '--session', '--print-reply=literal', '--dest=org.a11y.Bus',
                          '/org/a11y/bus', 'org.a11y.Bus.GetAddress'],
                         check=True, capture_output=True, text=True).stdout
    return out.strip()


def second_desk(db, args=(), now='2024-03-18T08:00'):
    """Another `tamu` process on @db, as on another PC: its own session bus
    (so it is not the first one's single instance), its own config and data
    folders (App makes them), the same AT-SPI bus."""
    return App(args=args, now=now, db=db, launcher=['dbus-run-session', '--'],
               env_extra={'AT_SPI_BUS_ADDRESS': a11y_bus_address()})


def banner_text():
    return tr('Server unreachable — trying again…')


def banner_showing(app):
    """GTK 4.8 does not set SHOWING on labels; a hidden widget leaves the tree."""
    return bool(App.find_all(app.window, banner_text(), 'label'))


def all_texts(node):
    """Names, descriptions and text contents of @node and everything under it,
    shown or not: whatever a person or a screen reader could come across."""
    texts = []

    def visit(n, depth=0):
        if depth > 60:
            return
        for getter in (lambda: n.name, lambda: n.description, lambda: n.text):
            try:
                value = getter()
            except Exception:
                continue
            if value:
                texts.append(str(value))
        try:
            children = n.children
        except Exception:
            return
        for child in children:
            visit(child, depth + 1)

    visit(node)
    return texts


def app_texts(app):
    """Every text of every window of @app (main window, dialogs, preferences)."""
    texts = []
    for window in app.node.children:
        texts += all_texts(window)
    return texts


def cli(db, *args, now='2024-03-18T08:00'):
    env = dict(os.environ, TAMU_DB=db, TAMU_NOW=now, LANGUAGE='C', LC_ALL='C.UTF-8')
    build_root = os.environ.get('TAMU_BUILD_ROOT',
                                os.path.join(os.path.dirname(__file__), '..', '..', 'build'))
    return subprocess.run([os.path.join(build_root, 'app', 'tamu-cli')] + list(args),
                          capture_output=True, text=True, env=env)
