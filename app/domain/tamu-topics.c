/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "tamu-error.h"
#include "tamu-topics.h"

TamuTopic *
tamu_topic_new (const char         *name,
                const char         *full_name,
                const char * const *aliases)
{
  TamuTopic *topic = g_new0 (TamuTopic, 1);

  topic->name = g_strdup (name);
  topic->full_name = g_strdup (full_name);
  topic->aliases = aliases != NULL ? g_strdupv ((char **) aliases) : g_new0 (char *, 1);
  return topic;
}

void
tamu_topic_free (TamuTopic *topic)
{
  if (topic == NULL)
    return;
  g_free (topic->name);
  g_free (topic->full_name);
  g_strfreev (topic->aliases);
  g_free (topic);
}

GPtrArray *
tamu_topics_new_default (void)
{
  /* DOMAIN.md's list, with the spellings of the reports as aliases. */
  static const struct
  {
    const char *name;
    const char *full_name;
    const char *aliases[4];
  } defaults[] = {
    { "TKD", "Transfer ke Daerah", { "Transfer", NULL } },
    { "DAU", "Dana Alokasi Umum", { NULL } },
    { "DBH", "Dana Bagi Hasil", { NULL } },
    { "DAK Fisik", "Dana Alokasi Khusus Fisik", { "DAK F", NULL } },
    { "DAK Non Fisik", "Dana Alokasi Khusus Non Fisik", { "DAK NF", NULL } },
    { "Dana Desa", NULL, { "DD", NULL } },
    { "Hibah", "Hibah ke Daerah", { NULL } },
    { "PDRD", "Pajak Daerah dan Retribusi Daerah", { NULL } },
    { "SHSR", "Standar Harga Satuan Regional", { NULL } },
    { "JF AKPD", "Jabatan Fungsional Analis Keuangan Pusat dan Daerah", { NULL } },
    { "Insentif Fiskal", NULL, { "DID", "Dana Insentif Daerah", NULL } },
    { "Pembiayaan", "Pembiayaan Daerah", { NULL } },
    { "Aplikasi", NULL, { "SIKD", NULL } },
    { "Evaluasi Keuda", "Evaluasi Keuangan Daerah", { "Ev. Keuda", NULL } },
    { "Lainnya", NULL, { NULL } },
  };
  GPtrArray *topics = g_ptr_array_new_with_free_func ((GDestroyNotify) tamu_topic_free);

  for (guint i = 0; i < G_N_ELEMENTS (defaults); i++)
    g_ptr_array_add (topics, tamu_topic_new (defaults[i].name, defaults[i].full_name,
                                             defaults[i].aliases));
  return topics;
}

/* Case, spaces and punctuation do not matter: "JF AKPD" = "jfakpd" = "Jf-Akpd". */
static char *
normalize (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);
  GString *out = g_string_new (NULL);

  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

const TamuTopic *
tamu_topics_match (GPtrArray  *topics,
                   const char *text)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (topics != NULL, NULL);

  if (text == NULL)
    return NULL;
  key = normalize (text);
  if (*key == '\0')
    return NULL;

  for (guint i = 0; i < topics->len; i++)
    {
      const TamuTopic *topic = g_ptr_array_index (topics, i);
      g_autofree char *name = normalize (topic->name);

      if (g_str_equal (key, name))
        return topic;
      if (topic->full_name != NULL)
        {
          g_autofree char *full = normalize (topic->full_name);

          if (g_str_equal (key, full))
            return topic;
        }
      for (guint j = 0; topic->aliases[j] != NULL; j++)
        {
          g_autofree char *alias = normalize (topic->aliases[j]);

          if (g_str_equal (key, alias))
            return topic;
        }
    }
  return NULL;
}

GStrv
tamu_topics_resolve_list (GPtrArray  *topics,
                          const char *text,
                          GError    **error)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint count = 0;
  static GRegex *separators;
  static gsize separators_once;

  g_return_val_if_fail (topics != NULL, NULL);

  /* Built once: imports resolve tens of thousands of topic cells. */
  if (g_once_init_enter (&separators_once))
    {
      separators = g_regex_new ("\\s*(?:,|;|/|\\bdan\\b|&)\\s*",
                                G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&separators_once, 1);
    }

  /* "DAU, DAK NF", "DAU dan DBH" and "DAU; DBH" all list two topics. */
  parts = g_regex_split (separators, text != NULL ? text : "", 0);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *word = g_strstrip (parts[i]);
      const TamuTopic *topic;

      if (*word == '\0')
        continue;

      topic = tamu_topics_match (topics, word);
      if (topic == NULL)
        {
          g_autoptr(GString) known = g_string_new (NULL);

          for (guint j = 0; j < topics->len; j++)
            {
              const TamuTopic *t = g_ptr_array_index (topics, j);

              g_string_append_printf (known, "%s%s", j > 0 ? ", " : "", t->name);
            }
          g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                       _("topic: “%s” is not a known topic (known: %s)"), word, known->str);
          return NULL;
        }
      if (!g_hash_table_contains (seen, topic->name))
        {
          g_hash_table_add (seen, topic->name);
          g_strv_builder_add (builder, topic->name);
        }
      count++;
    }

  if (count == 0)
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                   _("topic: at least one topic is required"));
      return NULL;
    }

  return g_strv_builder_end (builder);
}
