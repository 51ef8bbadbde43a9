/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define TAMU_ERROR (tamu_error_quark ())

/*
 * Every error that reaches a person starts with the name of the rule or the
 * field it is about ("guest-limit: …", "date: …"), so the command-line tool,
 * the window and the tests can all show or check which rule refused.
 */
typedef enum
{
  TAMU_ERROR_INVALID,   /* a value is malformed: a date like 2024-02-30 */
  TAMU_ERROR_REFUSED,   /* a valid request that a rule of the office refuses */
  TAMU_ERROR_NOT_FOUND, /* no booking, holiday or setting of that name */
  TAMU_ERROR_STORAGE,   /* the database could not be read or written */
  TAMU_ERROR_FAILED,    /* anything else (files, formats) */

  /* A rule of the office refused: each rule its own code, so callers tell
   * them apart without reading the message.  All count as refusals
   * (tamu_error_is_refusal()). */
  TAMU_ERROR_GUEST_LIMIT,
  TAMU_ERROR_CLOSED_DAY,
  TAMU_ERROR_SERVICE_HOURS,
  TAMU_ERROR_BREAK,
  TAMU_ERROR_PAST_START,
  TAMU_ERROR_ROOM_CONFLICT,
  TAMU_ERROR_UNKNOWN_ROOM,
  TAMU_ERROR_DAILY_CAP,

  /* The storage engine aborted a write for a conflict with another desk
   * (serialization failure, deadlock): the whole write may run again. */
  TAMU_ERROR_RETRY,
  /* The database server cannot be reached (now). */
  TAMU_ERROR_UNAVAILABLE,
} TamuErrorCode;

GQuark   tamu_error_quark      (void);

/* Whether @error is a rule's refusal (TAMU_ERROR_REFUSED or one rule's code). */
gboolean tamu_error_is_refusal (const GError *error);

G_END_DECLS
