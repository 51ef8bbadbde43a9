/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tamu-ppid-fields.h"


#include "tamu-parse.h"

static const char * const field_names[TAMU_PPID_N_FIELDS] = {
  "received", "channel", "name", "address", "contact", "occupation", "category",
  "identity_number", "information", "purpose", "obtain_method", "delivery_method",
  "form", "kind", "info_status", "fee", "notes", "status", "extended_on",
  "extension_days", "extension_reason", "decision", "refusal_reason", "holder",
  "responded", "objected", "objection_reason", "objection_answered", "disputed",
  "withdrawn",
};

const char *
tamu_ppid_field_name (TamuPpidField field)
{
  g_return_val_if_fail (field < TAMU_PPID_N_FIELDS, NULL);

  return field_names[field];
}

static char *
dup_date (const GDate *date)
{
  return g_date_valid (date) ? tamu_format_date_iso (date) : NULL;
}

static char *
dup_nonempty (const char *text)
{
  return text != NULL && *text != '\0' ? g_strdup (text) : NULL;
}

char *
tamu_ppid_field_dup_value (const TamuPpidRequest *request,
                           TamuPpidField          field)
{
  switch (field)
    {
    case TAMU_PPID_FIELD_RECEIVED: return dup_date (&request->received);
    case TAMU_PPID_FIELD_CHANNEL: return dup_nonempty (request->channel);
    case TAMU_PPID_FIELD_NAME: return dup_nonempty (request->name);
    case TAMU_PPID_FIELD_ADDRESS: return dup_nonempty (request->address);
    case TAMU_PPID_FIELD_CONTACT: return dup_nonempty (request->contact);
    case TAMU_PPID_FIELD_OCCUPATION: return dup_nonempty (request->occupation);
    case TAMU_PPID_FIELD_CATEGORY: return g_strdup (tamu_ppid_category_to_string (request->category));
    case TAMU_PPID_FIELD_IDENTITY_NUMBER: return dup_nonempty (request->identity_number);
    case TAMU_PPID_FIELD_INFORMATION: return dup_nonempty (request->information);
    case TAMU_PPID_FIELD_PURPOSE: return dup_nonempty (request->purpose);
    case TAMU_PPID_FIELD_OBTAIN_METHOD: return dup_nonempty (request->obtain_method);
    case TAMU_PPID_FIELD_DELIVERY_METHOD: return dup_nonempty (request->delivery_method);
    case TAMU_PPID_FIELD_FORM: return g_strdup (tamu_ppid_form_to_string (request->form));
    case TAMU_PPID_FIELD_KIND: return g_strdup (tamu_ppid_kind_to_string (request->kind));
    case TAMU_PPID_FIELD_INFO_STATUS: return g_strdup (tamu_ppid_info_status_to_string (request->info_status));
    case TAMU_PPID_FIELD_FEE: return g_strdup_printf ("%" G_GINT64_FORMAT, request->fee);
    case TAMU_PPID_FIELD_NOTES: return dup_nonempty (request->notes);
    case TAMU_PPID_FIELD_STATUS: return g_strdup (tamu_ppid_status_to_string (request->status));
    case TAMU_PPID_FIELD_EXTENDED_ON: return dup_date (&request->extended_on);
    case TAMU_PPID_FIELD_EXTENSION_DAYS: return g_strdup_printf ("%d", request->extension_days);
    case TAMU_PPID_FIELD_EXTENSION_REASON: return dup_nonempty (request->extension_reason);
    case TAMU_PPID_FIELD_DECISION: return g_strdup (tamu_ppid_decision_to_string (request->decision));
    case TAMU_PPID_FIELD_REFUSAL_REASON: return g_strdup (tamu_ppid_refusal_to_string (request->refusal));
    case TAMU_PPID_FIELD_HOLDER: return dup_nonempty (request->holder);
    case TAMU_PPID_FIELD_RESPONDED: return dup_date (&request->responded);
    case TAMU_PPID_FIELD_OBJECTED: return dup_date (&request->objected);
    case TAMU_PPID_FIELD_OBJECTION_REASON: return dup_nonempty (request->objection_reason);
    case TAMU_PPID_FIELD_OBJECTION_ANSWERED: return dup_date (&request->objection_answered);
    case TAMU_PPID_FIELD_DISPUTED: return dup_date (&request->disputed);
    case TAMU_PPID_FIELD_WITHDRAWN: return dup_date (&request->withdrawn);
    case TAMU_PPID_N_FIELDS:
    default:
      g_assert_not_reached ();
    }
}

static gboolean
set_date (GDate      *date,
          const char *value)
{
  g_date_clear (date, 1);
  return value == NULL || tamu_parse_date ("date", value, date, NULL);
}

static void
set_text (char      **field,
          const char *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

static gboolean
set_number (gint64     *out,
            const char *value)
{
  char *end = NULL;

  *out = value != NULL ? g_ascii_strtoll (value, &end, 10) : 0;
  return value == NULL || (end != value && *end == '\0');
}

gboolean
tamu_ppid_field_set_value (TamuPpidRequest *request,
                           TamuPpidField    field,
                           const char      *value)
{
  gint64 number;

  switch (field)
    {
    case TAMU_PPID_FIELD_RECEIVED:
      return set_date (&request->received, value) && g_date_valid (&request->received);
    case TAMU_PPID_FIELD_CHANNEL: set_text (&request->channel, value); return TRUE;
    case TAMU_PPID_FIELD_NAME: set_text (&request->name, value); return TRUE;
    case TAMU_PPID_FIELD_ADDRESS: set_text (&request->address, value); return TRUE;
    case TAMU_PPID_FIELD_CONTACT: set_text (&request->contact, value); return TRUE;
    case TAMU_PPID_FIELD_OCCUPATION: set_text (&request->occupation, value); return TRUE;
    case TAMU_PPID_FIELD_CATEGORY: return tamu_ppid_category_from_string (value, &request->category);
    case TAMU_PPID_FIELD_IDENTITY_NUMBER: set_text (&request->identity_number, value); return TRUE;
    case TAMU_PPID_FIELD_INFORMATION: set_text (&request->information, value); return TRUE;
    case TAMU_PPID_FIELD_PURPOSE: set_text (&request->purpose, value); return TRUE;
    case TAMU_PPID_FIELD_OBTAIN_METHOD: set_text (&request->obtain_method, value); return TRUE;
    case TAMU_PPID_FIELD_DELIVERY_METHOD: set_text (&request->delivery_method, value); return TRUE;
    case TAMU_PPID_FIELD_FORM: return tamu_ppid_form_from_string (value, &request->form);
    case TAMU_PPID_FIELD_KIND: return tamu_ppid_kind_from_string (value, &request->kind);
    case TAMU_PPID_FIELD_INFO_STATUS: return tamu_ppid_info_status_from_string (value, &request->info_status);
    case TAMU_PPID_FIELD_FEE: return set_number (&request->fee, value);
    case TAMU_PPID_FIELD_NOTES: set_text (&request->notes, value); return TRUE;
    case TAMU_PPID_FIELD_STATUS: return tamu_ppid_status_from_string (value, &request->status);
    case TAMU_PPID_FIELD_EXTENDED_ON: return set_date (&request->extended_on, value);
    case TAMU_PPID_FIELD_EXTENSION_DAYS:
      if (!set_number (&number, value))
        return FALSE;
      request->extension_days = (int) number;
      return TRUE;
    case TAMU_PPID_FIELD_EXTENSION_REASON: set_text (&request->extension_reason, value); return TRUE;
    case TAMU_PPID_FIELD_DECISION:
      return value == NULL || tamu_ppid_decision_from_string (value, &request->decision);
    case TAMU_PPID_FIELD_REFUSAL_REASON:
      return value == NULL || tamu_ppid_refusal_from_string (value, &request->refusal);
    case TAMU_PPID_FIELD_HOLDER: set_text (&request->holder, value); return TRUE;
    case TAMU_PPID_FIELD_RESPONDED: return set_date (&request->responded, value);
    case TAMU_PPID_FIELD_OBJECTED: return set_date (&request->objected, value);
    case TAMU_PPID_FIELD_OBJECTION_REASON: set_text (&request->objection_reason, value); return TRUE;
    case TAMU_PPID_FIELD_OBJECTION_ANSWERED: return set_date (&request->objection_answered, value);
    case TAMU_PPID_FIELD_DISPUTED: return set_date (&request->disputed, value);
    case TAMU_PPID_FIELD_WITHDRAWN: return set_date (&request->withdrawn, value);
    case TAMU_PPID_N_FIELDS:
    default:
      g_assert_not_reached ();
    }
}
