/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "tamu-cli.h"
#include "tamu-cli-json.h"
#include "tamu-confirmation.h"

/*
 * `tamu-cli booking confirmation ID [--format text|json]`: prints the
 * guests' confirmation.  It only prints: the audit log records a
 * confirmation when the app copies or e-mails it.
 */
int
tamu_cli_booking_confirmation (TamuCliContext *ctx,
                               int             argc,
                               char          **argv)
{
  g_autoptr(TamuBooking) booking = NULL;
  g_autoptr(TamuPolicy) policy = NULL;
  g_autoptr(TamuConfirmation) confirmation = NULL;
  g_autoptr(GError) error = NULL;
  const char *format;
  int status = tamu_cli_read_booking (ctx, "booking confirmation", argc, argv, &format, &booking);

  if (status != TAMU_CLI_OK)
    return status;
  policy = tamu_store_load_policy (tamu_cli_get_store (ctx), &error);
  if (policy == NULL)
    return tamu_cli_fail (error);
  confirmation = tamu_confirmation_render (booking, policy, NULL, &error);
  if (confirmation == NULL)
    return tamu_cli_fail (error);

  if (g_str_equal (format, "json"))
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *mailto = tamu_confirmation_dup_mailto (confirmation);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, booking->id);
      json_builder_set_member_name (builder, "subject");
      json_builder_add_string_value (builder, confirmation->subject);
      json_builder_set_member_name (builder, "body");
      json_builder_add_string_value (builder, confirmation->body);
      json_builder_set_member_name (builder, "to");
      if (confirmation->to != NULL)
        json_builder_add_string_value (builder, confirmation->to);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "mailto");
      json_builder_add_string_value (builder, mailto);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      tamu_cli_print_json (root);
    }
  else
    g_print ("%s\n", confirmation->body);

  return TAMU_CLI_OK;
}
