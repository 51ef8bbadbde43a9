/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct
{
  char *name;      /* canonical, as stored on bookings: "DAK Non Fisik" */
  char *full_name; /* "Dana Alokasi Khusus Non Fisik", may be NULL */
  GStrv aliases;   /* "DAK NF"; never NULL */
} TamuTopic;

TamuTopic *tamu_topic_new (const char         *name,
                           const char         *full_name,
                           const char * const *aliases);
void       tamu_topic_free (TamuTopic *topic);

/* The topics of DOMAIN.md, seeded into a new database. */
GPtrArray *tamu_topics_new_default (void);

/*
 * Finds a topic by its name, full name or alias, ignoring case, spaces and
 * punctuation ("dak nf", "JFAKPD", "Ev. Keuda").  NULL when none matches.
 */
const TamuTopic *tamu_topics_match (GPtrArray  *topics,
                                    const char *text);

/*
 * Splits "DAU, DAK NF" on commas and maps each to its canonical name.
 * Errors name the field: "topic: “XYZ” is not a known topic (known: TKD, …)".
 */
GStrv tamu_topics_resolve_list (GPtrArray  *topics,
                                const char *text,
                                GError    **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TamuTopic, tamu_topic_free)

G_END_DECLS
