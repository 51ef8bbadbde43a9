#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A real notification server for the tests: owns org.freedesktop.Notifications
on the session bus, speaks the Desktop Notifications protocol (version 1.2),
records every Notify call and lets the test invoke an action, as a person
clicking the notification would.

Test interface on the same object, org.tamu.TestServer:
  Calls() -> a(ussasa{sv}): id, summary, body, actions, hints of each Notify
  InvokeAction(u id, s key): emits ActionInvoked(id, key), then closes it

usage: notification-server.py [--caps=actions,body,body-markup]
"""
import sys

from gi.repository import Gio, GLib

XML = """
<node>
  <interface name="org.freedesktop.Notifications">
    <method name="GetCapabilities"><arg type="as" direction="out"/></method>
    <method name="Notify">
      <arg type="s" direction="in"/><arg type="u" direction="in"/>
      <arg type="s" direction="in"/><arg type="s" direction="in"/>
      <arg type="s" direction="in"/><arg type="as" direction="in"/>
      <arg type="a{sv}" direction="in"/><arg type="i" direction="in"/>
      <arg type="u" direction="out"/>
    </method>
    <method name="CloseNotification"><arg type="u" direction="in"/></method>
    <method name="GetServerInformation">
      <arg type="s" direction="out"/><arg type="s" direction="out"/>
      <arg type="s" direction="out"/><arg type="s" direction="out"/>
    </method>
    <signal name="NotificationClosed"><arg type="u"/><arg type="u"/></signal>
    <signal name="ActionInvoked"><arg type="u"/><arg type="s"/></signal>
  </interface>
  <interface name="org.tamu.TestServer">
    <method name="Calls"><arg type="a(ussasa{sv})" direction="out"/></method>
    <method name="InvokeAction">
      <arg type="u" direction="in"/><arg type="s" direction="in"/>
    </method>
  </interface>
</node>
"""

PATH = "/org/freedesktop/Notifications"
IFACE = "org.freedesktop.Notifications"
# --caps=a,b announces other capabilities (a server without "actions").
CAPS = ["actions", "body", "body-markup"]
for arg in sys.argv[1:]:
    if arg.startswith("--caps="):
        CAPS = [c for c in arg[len("--caps="):].split(",") if c]

calls = []
live = {}
next_id = [1]
connection = [None]


def emit(name, args):
    connection[0].emit_signal(None, PATH, IFACE, name, args)


def on_call(conn, sender, path, iface, method, params, invocation):
    if method == "GetCapabilities":
        invocation.return_value(GLib.Variant("(as)", (CAPS,)))
    elif method == "GetServerInformation":
        invocation.return_value(GLib.Variant("(ssss)", ("tamu-test-server", "Tamu", "1.0", "1.2")))
    elif method == "Notify":
        app, replaces, icon, summary, body, actions, hints, timeout = params.unpack()
        nid = replaces or next_id[0]
        if not replaces:
            next_id[0] += 1
        live[nid] = actions
        hint_variants = {key: params.get_child_value(6).lookup_value(key, None) for key in hints}
        calls.append((nid, summary, body, actions, hint_variants))
        invocation.return_value(GLib.Variant("(u)", (nid,)))
    elif method == "CloseNotification":
        (nid,) = params.unpack()
        if live.pop(nid, None) is not None:
            emit("NotificationClosed", GLib.Variant("(uu)", (nid, 3)))
        invocation.return_value(None)
    elif method == "Calls":
        invocation.return_value(GLib.Variant("(a(ussasa{sv}))", (calls,)))
    elif method == "InvokeAction":
        nid, key = params.unpack()
        if key not in (live.get(nid) or [])[0::2]:
            invocation.return_dbus_error("org.tamu.TestServer.Error.NoSuchAction",
                                         "notification %d has no action %r" % (nid, key))
            return
        emit("ActionInvoked", GLib.Variant("(us)", (nid, key)))
        live.pop(nid, None)
        emit("NotificationClosed", GLib.Variant("(uu)", (nid, 2)))
        invocation.return_value(None)
    else:
        invocation.return_dbus_error("org.freedesktop.DBus.Error.UnknownMethod", method)


def on_bus(conn, name):
    connection[0] = conn
    node = Gio.DBusNodeInfo.new_for_xml(XML)
    for info in node.interfaces:
        conn.register_object(PATH, info, on_call, None, None)


def on_lost(conn, name):
    print("notification-server: could not own %s" % name, file=sys.stderr)
    loop.quit()
    sys.exit(1)


loop = GLib.MainLoop()
Gio.bus_own_name(Gio.BusType.SESSION, IFACE, Gio.BusNameOwnerFlags.DO_NOT_QUEUE,
                 on_bus, None, on_lost)
loop.run()
