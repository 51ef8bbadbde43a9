#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Preferences window, driven through AT-SPI as a person would, in
Indonesian: a refused value shows the rule's message and changes nothing; an
accepted one reaches the database (or the desk's key file); rooms, topics and
holidays are added and removed.

usage: test_preferences.py WORKDIR COMMAND...   (run by run-test.sh under
Xvfb and a private D-Bus session with accessibility on)
"""
import configparser
import os
import sqlite3
import subprocess
import sys
import time

from dogtail import config, rawinput
from dogtail.tree import root

config.searchShowingOnly = True
config.defaultDelay = 0.2
config.searchCutoffCount = 5

WORKDIR = sys.argv[1]
COMMAND = sys.argv[2:]
DB = os.path.join(WORKDIR, "tamu.db")
DESK = os.path.join(os.environ["XDG_CONFIG_HOME"], "tamu", "desk.ini")


def wait_for(what, find, timeout=20):
    end = time.time() + timeout
    while time.time() < end:
        try:
            found = find()
            if found:
                return found
        except Exception:  # the tree changes under us while the app works
            pass
        time.sleep(0.2)
    raise AssertionError("timed out waiting for " + what)


def setting(key):
    with sqlite3.connect("file:%s?mode=ro" % DB, uri=True) as db:
        row = db.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None


def query(sql, *args):
    with sqlite3.connect("file:%s?mode=ro" % DB, uri=True) as db:
        return db.execute(sql, args).fetchall()


def app_node():
    name = os.path.basename(COMMAND[0])
    return wait_for("the application on AT-SPI", lambda: root.application(name))


def preferences():
    return wait_for("the Preferences window",
                    lambda: app_node().findChild(
                        lambda n: n.roleName == "frame" and n.name == "Preferensi",
                        retry=False, recursive=False))


def attached(node):
    """GTK 4.8 leaves a removed widget's accessible reachable for a while,
    with no parent: only nodes still in the window count."""
    for _ in range(60):
        node = node.parent
        if node is None:
            return False
        if node.roleName == "frame":
            return True
    return False


def labels(window, prefix):
    return [n.name for n in window.findChildren(
        lambda n: n.roleName == "label" and n.name.startswith(prefix) and attached(n))]


def expect_label(window, prefix):
    return wait_for("a label starting with %r" % prefix, lambda: labels(window, prefix))[0]


def expect_toast(window, prefix):
    """Waits for a toast starting with @prefix, then dismisses it as a person
    who has read it would, so it covers nothing after."""
    node = wait_for("a toast starting with %r" % prefix,
                    lambda: window.findChild(lambda n: n.roleName == "label"
                                             and n.name.startswith(prefix) and attached(n),
                                             retry=False))
    message = node.name
    # The field's tooltip may say the same: count, and wait for one fewer.
    shown = len(labels(window, prefix))
    toast = node.parent
    try:
        for _ in range(4):
            buttons = [c for c in toast.children if c.roleName == "push button"]
            if buttons:
                buttons[-1].doActionNamed("click")  # the toast's close button
                break
            toast = toast.parent
    except Exception:  # gone already, or replaced: it times out by itself
        pass
    # A toast may already have timed out (or been replaced) by the time it
    # is counted: it was seen above, so count at least that one.
    shown = max(shown, 1)
    wait_for("the toast %r to go" % prefix, lambda: len(labels(window, prefix)) < shown)
    return message


def text_field(window, name):
    return wait_for("the field %r" % name,
                    lambda: window.findChild(lambda n: n.roleName == "text" and n.name == name,
                                             retry=False))


def read_text(field):
    # GTK 4.8 answers GetText(0, -1) with nothing: ask for the exact range.
    text = field.queryText()
    return text.getText(0, text.characterCount)


def scroll_into_view(window, node):
    """Turns the mouse wheel over the window until @node is on screen."""
    wx, wy = window.position
    ww, wh = window.size
    for _ in range(40):
        x, y = node.position
        w, h = node.size
        if y >= wy + 60 and y + h <= wy + wh - 10:
            return
        wheel = 5 if y + h > wy + wh - 10 else 4  # X buttons 5/4: wheel down/up
        rawinput.click(wx + ww // 2, wy + wh // 2, wheel)
        time.sleep(0.1)
    raise AssertionError("could not scroll %r into view" % node.name)


def focus(window, field):
    # GTK 4.8 does not take focus over AT-SPI: click into the field.
    scroll_into_view(window, field)
    field.click()


def type_into(window, name, value):
    """Replaces the field's text by typing, as a person would."""
    field = text_field(window, name)
    focus(window, field)
    rawinput.keyCombo("<Control>a")
    rawinput.pressKey("BackSpace")
    rawinput.typeText(value)
    wait_for("%r typed into %r" % (value, name), lambda: read_text(field) == value)
    return field


def type_and_apply(window, name, value):
    field = type_into(window, name, value)
    rawinput.pressKey("Return")
    return field


def click(window, role, name):
    # GTK 4.8 names a labelled button by its accessible label followed by
    # its label's text ("Tambah Topik Tambah Topik"): accept either.
    button = wait_for("%s %r" % (role, name),
                      lambda: window.findChild(lambda n: n.roleName == role
                                               and (n.name == name
                                                    or n.name == name + " " + name),
                                               retry=False))
    if role != "page tab":  # the header does not scroll
        scroll_into_view(window, button)
    button.doActionNamed("click")


def main():
    process = subprocess.Popen(COMMAND)
    try:
        run()
    except Exception:
        shot = os.environ.get("TAMU_TEST_SHOT")
        if shot:
            subprocess.run(["import", "-window", "root", shot])
        raise
    finally:
        process.terminate()
        process.wait(10)
    print("ok - preferences")


def run():
    app = app_node()
    # The real app: a first run on an empty database offers the demo month
    # (start empty), then Preferences open with their shortcut (Ctrl+,).
    if not app.findChildren(lambda n: n.roleName == "frame" and n.name == "Preferensi",
                            recursive=False):
        start_empty = wait_for("the demo offer",
                               lambda: app.findChild(lambda n: n.roleName == "push button"
                                                     and n.name.replace("_", "").startswith(
                                                         "Mulai Kosong"),
                                                     retry=False))
        start_empty.doActionNamed("click")
        time.sleep(0.5)
        rawinput.keyCombo("<Control>comma")
    window = preferences()

    # Every button of the window has a name a screen reader can say.
    unnamed = [n for n in window.findChildren(lambda n: n.roleName == "push button")
               if not n.name or n.name == "GtkImage" and not n.description]
    assert not unnamed, "buttons without an accessible name: %d" % len(unnamed)

    # -- guest limit: refused in words, nothing saved; then accepted ------
    shown = read_text(text_field(window, "Batas tamu per kunjungan tatap muka"))
    assert shown == "5", repr(shown)
    type_and_apply(window, "Batas tamu per kunjungan tatap muka", "abc")
    message = expect_toast(window, "guest-limit: ")
    assert "abc" in message, message
    assert setting("guest-limit") in (None, "5"), setting("guest-limit")

    type_and_apply(window, "Batas tamu per kunjungan tatap muka", "7")
    wait_for("guest-limit 7 in the database", lambda: setting("guest-limit") == "7")

    # -- a break outside the service hours is refused by the rule --------
    type_and_apply(window, "Istirahat hari Jumat", "17:00-18:00")
    expect_toast(window, "friday-break: ")
    assert setting("friday-break") in (None, "11:30-13:00"), setting("friday-break")
    # …and a loosely typed one is saved and shown as the store keeps it.
    field = type_and_apply(window, "Istirahat hari Jumat", "11.00-13.00")
    wait_for("friday-break saved", lambda: setting("friday-break") == "11:00-13:00")
    wait_for("the normalized value shown", lambda: read_text(field) == "11:00-13:00")

    # -- rooms ------------------------------------------------------------
    type_and_apply(window, "Ruang baru", "Ruang Konsultasi 3")
    wait_for("the new room in the database",
             lambda: "Ruang Konsultasi 3" in (setting("rooms") or ""))
    click(window, "push button", "Hapus ruang “Ruang Konsultasi 3”")
    wait_for("the room removed",
             lambda: "Ruang Konsultasi 3" not in (setting("rooms") or ""))
    expect_toast(window, "Ruang “Ruang Konsultasi 3” dihapus")

    # -- topics -----------------------------------------------------------
    click(window, "page tab", "Topik")
    type_into(window, "Nama topik", "KUR")
    type_into(window, "Nama lengkap", "Kredit Usaha Rakyat")
    type_into(window, "Alias", "Kredit UMKM, KUR Mikro")
    click(window, "push button", "Tambah Topik")
    wait_for("the topic in the database",
             lambda: query("SELECT full_name, aliases FROM topics WHERE name = 'KUR' "
                           "AND removed_at IS NULL"))
    full_name, aliases = query("SELECT full_name, aliases FROM topics WHERE name = 'KUR'")[0]
    assert full_name == "Kredit Usaha Rakyat", full_name
    assert "Kredit UMKM" in aliases and "KUR Mikro" in aliases, aliases
    expect_label(window, "Kredit Usaha Rakyat · juga: Kredit UMKM, KUR Mikro")
    # A name that is taken is refused with the rule's name.
    type_into(window, "Nama topik", "DAU")
    click(window, "push button", "Tambah Topik")
    expect_toast(window, "topic: ")
    click(window, "push button", "Hapus topik “KUR”")
    wait_for("the topic removed",
             lambda: query("SELECT 1 FROM topics WHERE name = 'KUR' AND removed_at IS NULL") == [])

    # -- holidays ---------------------------------------------------------
    click(window, "page tab", "Hari Libur")
    # 2024 is the year of TAMU_NOW: its shipped holidays are listed.
    expect_label(window, "Senin, 11 Maret 2024")
    type_into(window, "Tanggal (YYYY-MM-DD)", "2024-02-30")
    type_into(window, "Nama hari libur", "Libur Uji")
    click(window, "push button", "Tambah Hari Libur")
    expect_toast(window, "date: ")
    assert query("SELECT 1 FROM holidays WHERE name = 'Libur Uji'") == []

    type_into(window, "Tanggal (YYYY-MM-DD)", "2024-12-31")
    click(window, "push button", "Tambah Hari Libur")
    wait_for("the holiday in the database",
             lambda: query("SELECT kind FROM holidays WHERE date = '2024-12-31' "
                           "AND removed_at IS NULL") == [("holiday",)])
    expect_label(window, "Selasa, 31 Desember 2024")
    click(window, "push button", "Hapus hari libur pada Selasa, 31 Desember 2024")
    wait_for("the holiday removed",
             lambda: query("SELECT 1 FROM holidays WHERE date = '2024-12-31' "
                           "AND removed_at IS NULL") == [])

    # -- this desk --------------------------------------------------------
    click(window, "page tab", "Meja Ini")
    type_and_apply(window, "Pengingat, menit sebelumnya (0 jika tanpa pengingat)", "9999")
    expect_toast(window, "reminder-minutes: ")
    type_and_apply(window, "Pengingat, menit sebelumnya (0 jika tanpa pengingat)", "10")
    type_and_apply(window, "Nama agen", "Sari")

    def desk_saved():
        desk = configparser.ConfigParser(interpolation=None)
        desk.read(DESK)
        values = {k: v for s in desk.sections() for k, v in desk[s].items()}
        return values.get("reminder-minutes") == "10" and values.get("agent-name") == "Sari"

    wait_for("the desk settings saved", desk_saved)



if __name__ == "__main__":
    main()
