/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tamu-ppid.h"

G_BEGIN_DECLS

/*
 * The register fields of a PPID request as named text values, in one
 * order: the order the backends store them in and the audit log compares
 * them by (every changed field becomes one audit row).
 */
typedef enum
{
  TAMU_PPID_FIELD_RECEIVED,
  TAMU_PPID_FIELD_CHANNEL,
  TAMU_PPID_FIELD_NAME,
  TAMU_PPID_FIELD_ADDRESS,
  TAMU_PPID_FIELD_CONTACT,
  TAMU_PPID_FIELD_OCCUPATION,
  TAMU_PPID_FIELD_CATEGORY,
  TAMU_PPID_FIELD_IDENTITY_NUMBER,
  TAMU_PPID_FIELD_INFORMATION,
  TAMU_PPID_FIELD_PURPOSE,
  TAMU_PPID_FIELD_OBTAIN_METHOD,
  TAMU_PPID_FIELD_DELIVERY_METHOD,
  TAMU_PPID_FIELD_FORM,
  TAMU_PPID_FIELD_KIND,
  TAMU_PPID_FIELD_INFO_STATUS,
  TAMU_PPID_FIELD_FEE,
  TAMU_PPID_FIELD_NOTES,
  TAMU_PPID_FIELD_STATUS,
  TAMU_PPID_FIELD_EXTENDED_ON,
  TAMU_PPID_FIELD_EXTENSION_DAYS,
  TAMU_PPID_FIELD_EXTENSION_REASON,
  TAMU_PPID_FIELD_DECISION,
  TAMU_PPID_FIELD_REFUSAL_REASON,
  TAMU_PPID_FIELD_HOLDER,
  TAMU_PPID_FIELD_RESPONDED,
  TAMU_PPID_FIELD_OBJECTED,
  TAMU_PPID_FIELD_OBJECTION_REASON,
  TAMU_PPID_FIELD_OBJECTION_ANSWERED,
  TAMU_PPID_FIELD_DISPUTED,
  TAMU_PPID_FIELD_WITHDRAWN,
  TAMU_PPID_N_FIELDS
} TamuPpidField;

/* The field's name ("received", "extension_days"…): the column and the audit field. */
const char *tamu_ppid_field_name (TamuPpidField field);

/* The value as text: dates YYYY-MM-DD, numbers in decimal, NULL when unset. */
char       *tamu_ppid_field_dup_value (const TamuPpidRequest *request,
                                       TamuPpidField          field);

/* Sets the field from stored text (NULL = unset); FALSE when the text is damaged. */
gboolean    tamu_ppid_field_set_value (TamuPpidRequest *request,
                                       TamuPpidField    field,
                                       const char      *value);

G_END_DECLS
