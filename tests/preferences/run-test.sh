#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs a GUI test script under Xvfb and a private D-Bus session with
# accessibility on, in Indonesian, in a scratch home.
# usage: run-test.sh TEST.py BUILD_ROOT COMMAND...
set -eu
test_script=$1
build_root=$2
shift 2

work=$(mktemp -d "${TMPDIR:-/tmp}/tamu-gui-XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
mkdir -p "$work/home" "$work/config" "$work/data" "$work/state" "$work/cache"

export HOME="$work/home" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"
export XDG_STATE_HOME="$work/state" XDG_CACHE_HOME="$work/cache"
export TAMU_NOW=2024-03-20T09:00 TAMU_DB="$work/tamu.db" TAMU_LOCALEDIR="$build_root/po"
export LANG=id_ID.UTF-8 LC_ALL=id_ID.UTF-8 LANGUAGE=id
export GSK_RENDERER=cairo GSETTINGS_SCHEMA_DIR="$build_root/data"
unset GSETTINGS_BACKEND NO_AT_BRIDGE

exec xvfb-run -a -s "-screen 0 1280x900x24" dbus-run-session -- sh -c '
  gsettings set org.gnome.desktop.interface toolkit-accessibility true
  /usr/libexec/at-spi-bus-launcher --launch-immediately &
  sleep 1
  exec /usr/bin/python3 "$@"' sh "$test_script" "$work" "$@" --db "$work/tamu.db"
