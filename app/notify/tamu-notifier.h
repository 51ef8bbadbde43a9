/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "tamu-store.h"

G_BEGIN_DECLS

/*
 * Desktop notifications while the app runs: a reminder some minutes (the
 * desk's "reminder-minutes" setting) before each visit or video conference of
 * today, and a morning summary of the day once a day.  The plan is rebuilt
 * when the store changes, when the desk settings change and at midnight.
 *
 * Activating a notification (its "Open" default action, where the server
 * supports actions) emits ::activated (kind, id) and, for bookings,
 * ::open-booking (id): the window connects to them.
 */

#define TAMU_TYPE_NOTIFIER (tamu_notifier_get_type ())
G_DECLARE_FINAL_TYPE (TamuNotifier, tamu_notifier, TAMU, NOTIFIER, GObject)

/* The kind of item a notification is about; ::activated passes it back. */
#define TAMU_NOTIFY_KIND_BOOKING "booking"
#define TAMU_NOTIFY_KIND_PPID    "ppid"
#define TAMU_NOTIFY_KIND_DAY     "day" /* the morning summary; id = Julian day */

TamuNotifier *tamu_notifier_new (TamuStore *store);
TamuStore    *tamu_notifier_get_store (TamuNotifier *self);

/*
 * Connects to the notification server and plans the day.  Returns FALSE with
 * an error when there is no server (the app runs on without notifications).
 */
gboolean      tamu_notifier_start (TamuNotifier *self,
                                   GError      **error);
/* Stops every timer and withdraws nothing: sent notifications stay. */
void          tamu_notifier_stop (TamuNotifier *self);

/* Rebuilds today's plan now (the desk settings or the store changed). */
void          tamu_notifier_replan (TamuNotifier *self);

/* Whether the server announced the "actions" capability. */
gboolean      tamu_notifier_get_supports_actions (TamuNotifier *self);

/*
 * Sends one notification about an item (@kind TAMU_NOTIFY_KIND_*, @id its
 * row id; 0 = about nothing in particular).  Activating it emits ::activated
 * and, for a booking, ::open-booking.  For other layers' reminders, such as
 * PPID requests due tomorrow or overdue.
 */
gboolean      tamu_notifier_send (TamuNotifier *self,
                                  const char   *kind,
                                  gint64        id,
                                  const char   *title,
                                  const char   *body,
                                  GError      **error);

/* The summary line of a day, translated: "3 visits, 1 video conference today". */
char         *tamu_notifier_format_summary (int visits,
                                           int vidcons);

G_END_DECLS
