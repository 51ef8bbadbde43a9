/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tamu-data.h"
#include "tamu-data-resources.h"

#define DATA_PREFIX "/id/go/kemenkeu/djpk/Tamu/data/"

GBytes *
tamu_data_load (const char *name)
{
  g_autofree char *path = g_strconcat (DATA_PREFIX, name, NULL);
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  /* Look up in the resource itself rather than the global registry: a
   * static library may drop the constructor that registers it. */
  bytes = g_resource_lookup_data (tamu_data_get_resource (), path,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    g_critical ("shipped data %s is missing: %s", name, error->message);
  return bytes;
}
