/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <errno.h>
#include <glib/gstdio.h>

#include "tamu-desk-settings.h"
#include "tamu-error.h"
#include "tamu-file.h"
#include "tamu-parse.h"

#define GROUP "desk"

static const char * const keys[] = { "agent-name", "reminder-minutes", NULL };

gboolean
tamu_desk_settings_is_desk_key (const char *key)
{
  return key != NULL && g_strv_contains (keys, key);
}

const char * const *
tamu_desk_settings_list_keys (void)
{
  return keys;
}

const char *
tamu_desk_settings_describe (const char *key)
{
  if (g_strcmp0 (key, "agent-name") == 0)
    return _("Who works at this desk, named in the audit log (empty: the system user)");
  if (g_strcmp0 (key, "reminder-minutes") == 0)
    return _("Minutes before a visit or conference to remind this desk (0: no reminders)");
  return NULL;
}

static const char *
default_value (const char *key)
{
  return g_str_equal (key, "reminder-minutes") ? "15" : "";
}

static char *
dup_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "tamu", "desk.ini", NULL);
}

GKeyFile *
tamu_desk_settings_load_file (void)
{
  g_autofree char *path = dup_path ();
  GKeyFile *file = g_key_file_new ();

  /* A missing file means every key has its default. */
  g_key_file_load_from_file (file, path, G_KEY_FILE_KEEP_COMMENTS, NULL);
  return file;
}

gboolean
tamu_desk_settings_save_file (GKeyFile   *file,
                              const char *key,
                              GError    **error)
{
  g_autofree char *path = dup_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *data = NULL;
  gsize length;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_FAILED,
                   _("%s: cannot create %s: %s"), key, dir, g_strerror (errno));
      return FALSE;
    }
  /* Private from its first byte: never readable by others, not even
   * between a write and a chmod. */
  data = g_key_file_to_data (file, &length, NULL);
  return tamu_file_write_private (key, path, data, length, error);
}

char *
tamu_desk_settings_dup (const char *key)
{
  g_autoptr(GKeyFile) file = NULL;
  char *value;

  g_return_val_if_fail (tamu_desk_settings_is_desk_key (key), NULL);

  file = tamu_desk_settings_load_file ();
  value = g_key_file_get_string (file, GROUP, key, NULL);
  return value != NULL ? value : g_strdup (default_value (key));
}

gboolean
tamu_desk_settings_set (const char *key,
                        const char *value,
                        GError    **error)
{
  g_autoptr(GKeyFile) file = NULL;
  g_autofree char *clean = g_strstrip (g_strdup (value != NULL ? value : ""));

  if (!tamu_desk_settings_is_desk_key (key))
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_NOT_FOUND, _("%s: no such setting"), key);
      return FALSE;
    }

  if (g_str_equal (key, "reminder-minutes"))
    {
      int minutes;

      if (!tamu_parse_int (key, clean, 0, 1440, &minutes, error))
        return FALSE;
      g_free (clean);
      clean = g_strdup_printf ("%d", minutes);
    }

  file = tamu_desk_settings_load_file ();
  g_key_file_set_string (file, GROUP, key, clean);
  return tamu_desk_settings_save_file (file, key, error);
}

char *
tamu_desk_settings_dup_actor (void)
{
  g_autofree char *name = tamu_desk_settings_dup ("agent-name");

  if (name != NULL && *g_strstrip (name) != '\0')
    return g_steal_pointer (&name);
  return g_strdup (g_get_user_name ());
}

int
tamu_desk_settings_get_reminder_minutes (void)
{
  g_autofree char *value = tamu_desk_settings_dup ("reminder-minutes");
  int minutes = 15;

  tamu_parse_int ("reminder-minutes", value, 0, 1440, &minutes, NULL);
  return minutes;
}
