/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdint.h>

#include "tamu-ical.h"
#include "tamu-topics.h"

/*
 * libFuzzer target over both iCalendar importers: whatever the bytes, they
 * return drafts or one error, never crash, hang or leak.  Built with
 * -Dfuzzing=true and clang; see tests/fuzz/meson.build for the command.
 */

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static GPtrArray *topics;
  GPtrArray *warnings;
  GPtrArray *result;
  GError *error = NULL;

  if (topics == NULL)
    {
      g_setenv ("TAMU_NOW", "2024-03-01T08:00", TRUE);
      topics = tamu_topics_new_default ();
    }

  warnings = g_ptr_array_new_with_free_func (g_free);
  result = tamu_ical_import_invitation ((const char *) data, size, topics, warnings, &error);
  g_assert ((result == NULL) == (error != NULL));
  g_clear_pointer (&result, g_ptr_array_unref);
  g_clear_error (&error);
  g_ptr_array_unref (warnings);

  result = tamu_ical_import_holidays ((const char *) data, size, &error);
  g_assert ((result == NULL) == (error != NULL));
  g_clear_pointer (&result, g_ptr_array_unref);
  g_clear_error (&error);

  /* Each meeting of a series in a month, and holidays with observances. */
  {
    TamuIcalReadOptions options;
    TamuIcalInvitation *invitation;

    tamu_ical_read_options_init (&options);
    options.topics = topics;
    g_date_set_dmy (&options.from, 1, G_DATE_MARCH, 2024);
    g_date_set_dmy (&options.to, 31, G_DATE_MARCH, 2024);
    invitation = tamu_ical_read_invitation ((const char *) data, size, &options, NULL, &error);
    g_assert ((invitation == NULL) == (error != NULL));
    g_clear_pointer (&invitation, tamu_ical_invitation_free);
    g_clear_error (&error);

    result = tamu_ical_read_holidays ((const char *) data, size, TRUE, NULL, &error);
    g_assert ((result == NULL) == (error != NULL));
    g_clear_pointer (&result, g_ptr_array_unref);
    g_clear_error (&error);
  }

  return 0;
}
