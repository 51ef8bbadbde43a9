#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs one GUI test in its own virtual X server and D-Bus session, where the
# AT-SPI bus starts on demand.  Usage: run-gui-test.sh TEST.py
#
# dogtail refuses to run unless org.gnome.desktop.interface
# toolkit-accessibility is true, which the memory GSettings backend of the
# unit tests cannot remember: the test process gets a throw-away keyfile
# backend instead (the app itself runs on the memory backend, see tamugui.py).
set -e
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export XDG_CONFIG_HOME="$scratch/config"
export GSETTINGS_BACKEND=keyfile

xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- sh -c '
  GSETTINGS_SCHEMA_DIR= gsettings set org.gnome.desktop.interface toolkit-accessibility true 2>/dev/null
  exec /usr/bin/python3 -u "$@"' sh "$@"
