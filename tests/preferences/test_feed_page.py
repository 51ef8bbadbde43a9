#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Preferences → Outlook Calendar (issue 11), driven through AT-SPI as a
person would, in Indonesian: a feed is added with a filter and its link
shown once (the link's token is the one whose hash the database keeps), a
duplicate name is refused with the field's name, the feed is revoked, and
this desk's "serve" preference reaches desk.ini, and the app, started
again, serves the feed itself.

usage: test_feed_page.py WORKDIR COMMAND...   (run by run-test.sh)
"""
import configparser
import hashlib
import os
import re
import socket
import subprocess
import time
import urllib.request

from dogtail import rawinput

import test_preferences as ui


def named(node, prefix):
    # GTK 4.8 may keep a mnemonic's underscore in the name, and follows an
    # accessible label with the button's text.
    name = node.name.replace("_", "")
    return name == prefix or name.startswith(prefix + " ")


def click_named(window, role, prefix):
    button = ui.wait_for("%s %r" % (role, prefix),
                         lambda: window.findChild(lambda n: n.roleName == role and named(n, prefix)
                                                  and ui.attached(n), retry=False))
    ui.scroll_into_view(window, button)
    button.doActionNamed("click")


def run():
    app = ui.app_node()
    start_empty = ui.wait_for("the demo offer",
                              lambda: app.findChild(lambda n: n.roleName == "push button"
                                                    and n.name.replace("_", "").startswith("Mulai Kosong"),
                                                    retry=False))
    start_empty.doActionNamed("click")
    time.sleep(0.5)
    rawinput.keyCombo("<Control>comma")
    window = ui.preferences()
    ui.click(window, "page tab", "Kalender Outlook")
    ui.expect_label(window, "Belum ada umpan")

    # -- add a feed for video conferences: the link, shown once -----------
    ui.type_into(window, "Nama umpan", "Meja Depan")
    click_named(window, "push button", "Tambah Umpan")
    link = ui.wait_for("the link in a dialog",
                       lambda: [n.name for n in app.findChildren(
                           lambda n: n.roleName == "label" and n.name.startswith("http://"))])[0]
    match = re.fullmatch(r"http://127\.0\.0\.1:8787/feed/([A-Za-z0-9_-]{43})\.ics", link)
    assert match, link
    token = match.group(1)
    stored = ui.query("SELECT token_hash, type, revoked_at FROM feeds WHERE name = 'Meja Depan'")
    assert stored == [(hashlib.sha256(token.encode()).hexdigest(), None, None)], stored
    assert ui.query("SELECT count(*) FROM feeds WHERE token_hash = ?", token) == [(0,)], \
        "the token itself is not stored"
    dialog = ui.wait_for("the dialog's Copy button",
                         lambda: app.findChild(lambda n: n.roleName == "push button"
                                               and n.name.replace("_", "").startswith("Salin Tautan"),
                                               retry=False))
    dialog.doActionNamed("click")
    ui.wait_for("the dialog to close",
                lambda: not app.findChildren(lambda n: n.roleName == "label" and n.name == link))

    ui.expect_label(window, "Meja Depan")
    ui.expect_label(window, "Kunjungan dan video conference · belum pernah diambil")

    # -- the same name again: refused, naming the field ---------------------
    ui.type_into(window, "Nama umpan", "Meja Depan")
    click_named(window, "push button", "Tambah Umpan")
    ui.expect_label(window, "name: ")
    assert ui.query("SELECT count(*) FROM feeds") == [(1,)], "a refused add writes nothing"

    # -- New Link: another token under the same name, the old one revoked -----
    click_named(window, "push button", "Tautan baru untuk Meja Depan")
    renewed = ui.wait_for("the new link in a dialog",
                          lambda: [n.name for n in app.findChildren(
                              lambda n: n.roleName == "label" and n.name.startswith("http://")
                              and n.name != link)])[0]
    token2 = renewed.rsplit("/", 1)[1][:-4]
    live = ui.query("SELECT token_hash FROM feeds WHERE name = 'Meja Depan' AND revoked_at IS NULL")
    assert live == [(hashlib.sha256(token2.encode()).hexdigest(),)], live
    assert ui.query("SELECT count(*) FROM feeds WHERE revoked_at IS NOT NULL") == [(1,)]
    ui.wait_for("the dialog's Copy button",
                lambda: app.findChild(lambda n: n.roleName == "push button"
                                      and n.name.replace("_", "").startswith("Salin Tautan"),
                                      retry=False)).doActionNamed("click")

    # -- revoke ----------------------------------------------------------------
    click_named(window, "push button", "Cabut Meja Depan")
    ui.wait_for("the feed revoked",
                lambda: ui.query("SELECT count(*) FROM feeds WHERE name = 'Meja Depan' "
                                 "AND revoked_at IS NULL") == [(0,)])
    ui.expect_label(window, "Belum ada umpan")

    # -- this desk serves ---------------------------------------------------------
    switch = ui.wait_for("the serve switch",
                         lambda: window.findChild(lambda n: n.roleName not in ("label", "list item", "panel")
                                                  and n.name.startswith("Layani umpan kalender selama"),
                                                  retry=False))
    ui.scroll_into_view(window, switch)
    switch.click()

    def serving():
        desk = configparser.ConfigParser(interpolation=None)
        desk.read(ui.DESK)
        return desk.has_section("feed") and desk["feed"].get("serve-feeds") == "true"

    ui.wait_for("serve-feeds saved in desk.ini", serving)


def app_serves():
    """With serve-feeds on, the app itself answers a feed's link."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    desk = configparser.ConfigParser(interpolation=None)
    desk.read(ui.DESK)
    desk["feed"]["feed-listen"] = "127.0.0.1:%d" % port
    with open(ui.DESK, "w") as f:
        desk.write(f)
    cli = os.path.join(os.path.dirname(ui.COMMAND[0]), "tamu-cli")
    link = subprocess.run([cli, "--db", ui.DB, "feed", "add", "Dari Aplikasi"],
                          capture_output=True, text=True, check=True).stdout.strip()
    path = link.split("8787", 1)[1]
    process = subprocess.Popen(ui.COMMAND)
    try:
        def fetch():
            with urllib.request.urlopen("http://127.0.0.1:%d%s" % (port, path), timeout=5) as resp:
                return resp.status, resp.headers["Content-Type"], resp.read()
        status, kind, body = ui.wait_for("the app serving the feed", fetch, timeout=40)
        assert status == 200 and kind == "text/calendar; charset=utf-8", (status, kind)
        assert b"X-WR-CALNAME:Dari Aplikasi" in body, body[:300]
    finally:
        process.terminate()
        process.wait(10)


def main():
    process = subprocess.Popen(ui.COMMAND)
    try:
        run()
    except Exception:
        shot = ui.os.environ.get("TAMU_TEST_SHOT")
        if shot:
            subprocess.run(["import", "-window", "root", shot])
        raise
    finally:
        process.terminate()
        process.wait(10)
    app_serves()
    print("ok - Outlook calendar preferences")


if __name__ == "__main__":
    main()
