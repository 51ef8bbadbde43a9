/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "tamu-booking.h"
#include "tamu-policy.h"

G_BEGIN_DECLS

/*
 * The confirmation a front desk sends the guests before they come, in
 * Indonesian whatever the desk's language: it is written to the guests.
 * The body comes from the `confirmation-template` setting, whose
 * {placeholders} are filled from the booking; a line whose placeholders all
 * come out empty (the guest limit of a video conference) is left out.
 */
#define TAMU_CONFIRMATION_DEFAULT_TEMPLATE \
  "Yth. {kontak},\n" \
  "\n" \
  "Dengan hormat, kami konfirmasikan jadwal {jenis} {daerah} dengan DJPK:\n" \
  "\n" \
  "Hari, tanggal: {tanggal}\n" \
  "Waktu: {jam}\n" \
  "Tempat: {ruang_atau_tautan}\n" \
  "Topik: {topik}\n" \
  "Jumlah tamu: {batas_tamu}. Tamu di atas batas tersebut tidak dapat kami terima di ruang konsultasi; mohon sesuaikan rombongan.\n" \
  "\n" \
  "Mohon membawa surat tugas, identitas diri, dan data pendukung sesuai topik konsultasi, serta hadir 15 menit sebelum jadwal.\n" \
  "\n" \
  "Pertanyaan dan perubahan jadwal: Dering DJPK {kontak_cc}.\n" \
  "\n" \
  "Terima kasih.\n" \
  "Contact Center DJPK"

typedef struct
{
  char *subject; /* one line */
  char *body;
  char *to;      /* the contact's e-mail, or NULL */
} TamuConfirmation;

/* The placeholder names, without braces, NULL-terminated. */
const char * const *tamu_confirmation_get_placeholders (void);

/*
 * Checks a template: valid UTF-8, not empty, and every {name} one of the
 * placeholders.  Errors name @field and every unknown placeholder:
 * "confirmation-template: unknown placeholders {hari}, {ruang} (known: …)".
 */
gboolean          tamu_confirmation_check_template (const char *field,
                                                    const char *template,
                                                    GError    **error);

/* Fills @template (NULL: the policy's) for @booking. */
TamuConfirmation *tamu_confirmation_render (const TamuBooking *booking,
                                            const TamuPolicy  *policy,
                                            const char        *template,
                                            GError           **error);

/* "mailto:addr?subject=…&body=…", every reserved byte percent-encoded. */
char             *tamu_confirmation_dup_mailto (const TamuConfirmation *self);

void              tamu_confirmation_free (TamuConfirmation *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TamuConfirmation, tamu_confirmation_free)

G_END_DECLS
