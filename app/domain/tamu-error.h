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
} TamuErrorCode;

GQuark tamu_error_quark (void);

G_END_DECLS
