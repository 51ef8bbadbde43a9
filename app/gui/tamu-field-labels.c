/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tamu-field-labels.h"

#include <glib/gi18n.h>
#include <string.h>

typedef struct
{
  const char *key;
  const char *label; /* NC_("field", …) */
} FieldLabel;

static const FieldLabel labels[] = {
  { "type", NC_("field", "Type") },
  { "date", NC_("field", "Date") },
  { "time", NC_("field", "Start") },
  { "duration", NC_("field", "Duration") },
  { "daerah", NC_("field", "Daerah") },
  { "instansi", NC_("field", "Instansi") },
  { "topic", NC_("field", "Topics") },
  { "guests", NC_("field", "Guests") },
  { "room", NC_("field", "Room") },
  { "link", NC_("field", "Meeting link") },
  { "contact", NC_("field", "Contact") },
  { "phone", NC_("field", "Phone") },
  { "email", NC_("field", "E-mail") },
  { "ticket", NC_("field", "Ticket") },
  { "pic", NC_("field", "PIC") },
  { "notes", NC_("field", "Notes") },
  { "status", NC_("field", "Status") },
  { "override-reason", NC_("field", "Override reason") },
  { "guest-limit", NC_("field", "Guest limit") },
  { "over-limit", NC_("field", "Over the limit") },
  { "service-hours", NC_("field", "Service hours") },
  { "break", NC_("field", "Break") },
  { "closed-day", NC_("field", "Closed day") },
  { "past-start", NC_("field", "Already past") },
  { "room-conflict", NC_("field", "Room taken") },
  { "unknown-room", NC_("field", "Unknown room") },
  { "daily-cap", NC_("field", "Daily cap") },
  { "duplicate-daerah", NC_("field", "Same daerah") },
  { "unknown-daerah", NC_("field", "Unknown daerah") },
  { "no-holidays-for-year", NC_("field", "Holidays missing") },
  { "booking", NC_("field", "Booking") },
  { "database", NC_("field", "Database") },
  { "channel", NC_("field", "Channel") },
  { "confirmation-template", NC_("field", "Confirmation template") },
  { "contact-phone", NC_("field", "Contact center number") },
};

static const FieldLabel *
find (const char *message)
{
  const char *colon;

  if (message == NULL || (colon = strstr (message, ": ")) == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (strlen (labels[i].key) == (gsize) (colon - message) &&
        strncmp (labels[i].key, message, colon - message) == 0)
      return &labels[i];
  return NULL;
}

const char *
tamu_gui_message_key (const char *message)
{
  const FieldLabel *label = find (message);

  return label != NULL ? label->key : NULL;
}

const char *
tamu_gui_field_label (const char *key)
{
  for (guint i = 0; key != NULL && i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i].key, key))
      return g_dpgettext2 (NULL, "field", labels[i].label);
  return NULL;
}

char *
tamu_gui_format_message (const char *message)
{
  const FieldLabel *label = find (message);

  if (label == NULL)
    return g_strdup (message);

  /* Translators: a message about a field: "Start: a start time is required". */
  return g_strdup_printf (_("%s: %s"), g_dpgettext2 (NULL, "field", label->label),
                          message + strlen (label->key) + 2);
}
