/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tamu-notifier.h"
#include "tamu-store.h"

G_BEGIN_DECLS

/*
 * Once a day, PPID requests whose deadline is today or the next working day
 * and those past it: the law counts every day of delay as a breach of the
 * requester's right, so the desk hears about them before and after.
 */

/*
 * The requests (TamuPpidRequest*, by deadline) with a pending deadline
 * (the answer, or the answer to an objection) on @today or the next working
 * day, and those past it.
 */
gboolean tamu_ppid_reminders_collect (TamuStore   *store,
                                      const GDate *today,
                                      GPtrArray  **out_due,
                                      GPtrArray  **out_overdue,
                                      GError     **error);

/* The notification of @requests; @overdue selects the wording.  NULL title when empty. */
void     tamu_ppid_reminders_compose (GPtrArray    *requests,
                                      gboolean      overdue,
                                      TamuCalendar *calendar,
                                      const GDate  *today,
                                      char        **out_title,
                                      char        **out_body);

/*
 * Sends today's reminders unless they were sent today already (the date is
 * kept in $XDG_STATE_HOME/tamu/ppid-reminders, so restarting the app does
 * not repeat them).  Returns the number of notifications sent.
 */
int      tamu_ppid_reminders_send_today (TamuNotifier *notifier,
                                         GError      **error);

/* Sends today's reminders now and again each morning while @notifier lives. */
void     tamu_ppid_reminders_start (TamuNotifier *notifier);

G_END_DECLS
