/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tamu-store.h"

G_BEGIN_DECLS

/*
 * Which version of an organizer's invitation a booking follows: the
 * invitation's SEQUENCE, kept in the booking's history (an audit row,
 * action "invitation", field "sequence").  The booking's own sequence is
 * Tamu's (raised by every change made here, for the files Tamu exports); an
 * update from the organizer is compared with this one instead, so edits
 * made at the desk do not hide it and an old copy of the invitation does
 * not undo a newer one.
 */

/* Records that booking @id now follows the invitation's @sequence. */
gboolean tamu_store_note_invitation_sequence (TamuStore *self,
                                              gint64     id,
                                              int        sequence,
                                              GError   **error);

/* The invitation SEQUENCE booking @id follows, or -1 when none was
 * recorded (a booking made by hand, or imported before this was kept);
 * -2 with @error when the store fails. */
int      tamu_store_get_invitation_sequence (TamuStore *self,
                                             gint64     id,
                                             GError   **error);

G_END_DECLS
