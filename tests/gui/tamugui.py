# SPDX-License-Identifier: GPL-3.0-or-later
"""Helpers for driving Tamu's window through AT-SPI (dogtail) under Xvfb.

Each test starts the real `tamu` binary on its own temporary database, in
Indonesian, with a fixed clock (TAMU_NOW), and finds widgets by their
accessible names.  Names are looked up through the build's own message
catalog (tr()), so a test reads like the English source and still finds the
Indonesian label the user sees.
"""

import gettext
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

os.environ.setdefault('NO_AT_BRIDGE', '0')
from dogtail import config as dogtail_config  # noqa: E402

dogtail_config.config.searchShowingOnly = False
dogtail_config.config.defaultDelay = 0.05
dogtail_config.config.actionDelay = 0.1
dogtail_config.config.typingDelay = 0.01
dogtail_config.config.searchBackoffDuration = 0.2
dogtail_config.config.searchCutoffCount = 5
dogtail_config.config.logDebugToStdOut = False
dogtail_config.config.logDebugToFile = False

from dogtail import tree, rawinput  # noqa: E402
from dogtail.predicate import GenericPredicate  # noqa: E402

BUILD_ROOT = os.environ.get('TAMU_BUILD_ROOT',
                            os.path.join(os.path.dirname(__file__), '..', '..', 'build'))
TAMU = os.environ.get('TAMU_EXE', os.path.join(BUILD_ROOT, 'app', 'tamu'))
LOCALEDIR = os.path.join(BUILD_ROOT, 'po')

_catalog = gettext.translation('tamu', LOCALEDIR, languages=['id'], fallback=True)


def tr(msgid, context=None):
    """The Indonesian text the app shows for @msgid, mnemonics removed."""
    if context is not None:
        text = _catalog.pgettext(context, msgid)
    else:
        text = _catalog.gettext(msgid)
    return text.replace('_', '')


def normalize(name):
    """GTK 4.8 names a button by its label property and its label child:
    "_Load Demo Load Demo".  Reduce that to what a person reads."""
    name = (name or '').replace('_', '')
    half = len(name) // 2
    if len(name) % 2 == 1 and name[half] == ' ' and name[:half] == name[half + 1:]:
        return name[:half]
    return name


def ntr(singular, plural, n):
    return _catalog.ngettext(singular, plural, n).replace('_', '')


def fail(message):
    print('FAIL: ' + message, flush=True)
    raise AssertionError(message)


def wait_for(what, timeout=20.0, interval=0.1, description='condition'):
    """Polls @what until it returns something true; fails after @timeout seconds."""
    deadline = time.monotonic() + timeout
    last_error = None
    while time.monotonic() < deadline:
        try:
            result = what()
            if result:
                return result
        except Exception as error:  # the tree changes under our feet
            last_error = error
        time.sleep(interval)
    fail('timed out waiting for %s%s' % (description,
                                         (' (%s)' % last_error) if last_error else ''))


class App:
    def __init__(self, args=(), now='2024-03-18T08:00', db=None, load_demo=False,
                 launcher=(), env_extra=None):
        """@launcher runs before the binary (a session bus of its own for a
        second desk, see desks.py); @env_extra adds to its environment."""
        self.tmp = tempfile.mkdtemp(prefix='tamu-gui-')
        self.db = db or os.path.join(self.tmp, 'tamu.db')
        env = dict(os.environ)
        env.update({
            'TAMU_DB': self.db,
            'TAMU_NOW': now,
            'LANGUAGE': 'id',
            'LANG': 'id_ID.UTF-8',
            'LC_ALL': 'id_ID.UTF-8',
            'TAMU_LOCALEDIR': LOCALEDIR,
            'XDG_CONFIG_HOME': os.path.join(self.tmp, 'config'),
            'XDG_DATA_HOME': os.path.join(self.tmp, 'data'),
            'GSETTINGS_BACKEND': 'memory',
            'GTK_A11Y': 'atspi',
        })
        env.pop('NO_AT_BRIDGE', None)
        env.update(env_extra or {})
        self.env = env
        # A launcher starts helpers of its own (dbus-run-session: a bus
        # daemon): they get a process group of their own, so that close()
        # ends them all and none keeps the test's output open.
        self.group = bool(launcher)
        self.proc = subprocess.Popen(list(launcher) + [TAMU] + list(args), env=env,
                                     start_new_session=self.group)
        self.app_pid = None
        self.node = wait_for(self._find_app, timeout=30, description='the tamu application on AT-SPI')
        self.window = wait_for(lambda: self.frame('Tamu'), description='the main window')
        self.answer_demo(load_demo)

    def _is_ours(self, pid):
        """The process started, or one it started (through a launcher)."""
        while pid > 1:
            if pid == self.proc.pid:
                return True
            try:
                with open('/proc/%d/stat' % pid) as f:
                    pid = int(f.read().rsplit(')', 1)[1].split()[1])
            except OSError:
                return False
        return False

    def _find_app(self):
        for app in tree.root.applications():
            try:
                if app.name == 'tamu' and self._is_ours(app.get_process_id()):
                    self.app_pid = app.get_process_id()
                    return app
            except Exception:
                continue
        return None

    def frame(self, title):
        for child in self.node.children:
            if normalize(child.name) == title:
                return child
        return None

    def dialog(self, title, timeout=20.0):
        """A window or dialog of the app by its title."""
        return wait_for(lambda: self.frame(title), timeout=timeout,
                        description='window “%s”' % title)

    def answer_demo(self, load):
        dialog = wait_for(lambda: self.find_all(self.node, tr('Load the Demo Month?')),
                          description='the demo offer')
        name = tr('_Load Demo') if load else tr('_Start Empty')
        click(self.find(self.node, name, 'push button'))
        wait_for(lambda: not self.find_all(self.node, tr('Load the Demo Month?')),
                 description='the demo offer to close')

    @staticmethod
    def find_all(node, name=None, role=None, showing=False):
        def match(n):
            try:
                if name is not None and normalize(n.name) != name:
                    return False
                if role is not None and n.roleName != role:
                    return False
                if showing and not n.showing:
                    return False
                return True
            except Exception:
                return False
        return node.findChildren(match, recursive=True, isLambda=True)

    def find(self, node, name, role=None, timeout=20.0, showing=False):
        return wait_for(lambda: (self.find_all(node, name, role, showing) or [None])[0],
                        timeout=timeout,
                        description='%s “%s”' % (role or 'widget', name))

    def labels(self, node, showing=True):
        return [n.name for n in self.find_all(node, role='label', showing=showing)]

    def close(self):
        if self.app_pid is not None and self.app_pid != self.proc.pid and self.proc.poll() is None:
            try:
                os.kill(self.app_pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        if self.group:
            try:
                os.killpg(self.proc.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
        shutil.rmtree(self.tmp, ignore_errors=True)


def click(node):
    node.doActionNamed('click')


def center_click(node):
    """Clicks the middle of @node with the pointer.  Without a window manager
    every toplevel sits at (0, 0), so window coordinates are screen ones."""
    import pyatspi
    extents = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    rawinput.click(extents.x + extents.width // 2, extents.y + extents.height // 2)


def type_into(node, text, commit=False):
    """Types @text into an entry or spin button as a person would: click,
    select all, type.  GTK 4.8 does not implement EditableText over AT-SPI."""
    center_click(node)
    time.sleep(0.2)
    rawinput.keyCombo('<Control>a')
    rawinput.typeText(text)
    if commit:
        rawinput.pressKey('Tab')
    time.sleep(0.1)


def run(test):
    """Runs @test(), printing a TAP-like line; exit status 1 on failure."""
    try:
        test()
    except Exception as error:
        print('not ok - %s: %s' % (test.__name__, error), flush=True)
        sys.exit(1)
    print('ok - %s' % test.__name__, flush=True)


def open_editor(app):
    click(app.find(app.window, tr('_New Booking'), 'push button'))
    return app.dialog(tr('New Booking'))


def fill_editor(app, editor, daerah, start, guests, topics='DAU'):
    """Fills the fields a booking needs.  The daerah goes first: the click on
    the next field closes its completion popover (Escape would close the
    editor once the popover is gone)."""
    type_into(app.find(editor, tr('Dae_rah'), 'text'), daerah)
    time.sleep(0.3)
    start_entry = app.find(editor, tr('_Start'), 'text')
    center_click(start_entry)
    time.sleep(0.3)
    type_into(start_entry, start)
    type_into(app.find(editor, tr('T_opics'), 'text'), topics)
    type_into(app.find(editor, tr('_Guests'), 'spin button'), str(guests), commit=True)


def editor_messages(app, editor):
    """The texts of the labels the editor shows (errors, warnings, field notes)."""
    return [normalize(n.name) for n in App.find_all(editor, role='label')]


def save_editor(app, editor):
    save = app.find(editor, tr('_Save'), 'push button')
    wait_for(lambda: save.sensitive, description='Save to be enabled (messages: %s)'
             % [m for m in editor_messages(app, editor) if ':' in m])
    click(save)
    wait_for(lambda: app.frame(tr('New Booking')) is None, description='the editor to close')


def create_booking(app, daerah, start, guests, topics='DAU'):
    editor = open_editor(app)
    fill_editor(app, editor, daerah, start, guests, topics)
    save_editor(app, editor)


def day_rows_text(app):
    """Every label in the day view's list, as one list of strings."""
    lists = App.find_all(app.window, tr('Bookings of the Day'))
    if not lists:
        return []
    return [normalize(n.name) for n in App.find_all(lists[0], role='label')]
