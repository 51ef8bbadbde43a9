/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "tamu-cli-json.h"
#include "tamu-parse.h"
#include "tamu-regions.h"
#include "tamu-text.h"

static void
add_text (JsonBuilder *builder,
          const char  *name,
          const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_owned_text (JsonBuilder *builder,
                const char  *name,
                char        *value)
{
  add_text (builder, name, value);
  g_free (value);
}

static void
build_booking (JsonBuilder       *builder,
               const TamuBooking *booking)
{
  const TamuRegion *region = booking->region_code != NULL
                             ? tamu_regions_lookup_code (booking->region_code) : NULL;

  json_builder_begin_object (builder);

  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, booking->id);
  add_text (builder, "uid", booking->uid);
  json_builder_set_member_name (builder, "sequence");
  json_builder_add_int_value (builder, booking->sequence);
  add_text (builder, "type", tamu_booking_type_to_string (booking->type));
  add_owned_text (builder, "date", tamu_format_date_iso (&booking->date));
  add_owned_text (builder, "start", booking->start >= 0 ? tamu_format_time (booking->start) : NULL);
  add_owned_text (builder, "end", booking->start >= 0 ? tamu_format_time (tamu_booking_get_end (booking)) : NULL);
  json_builder_set_member_name (builder, "duration");
  json_builder_add_int_value (builder, booking->duration);
  add_text (builder, "daerah", booking->daerah);
  add_text (builder, "region_code", booking->region_code);
  add_text (builder, "province", region != NULL ? region->province_name : NULL);
  add_text (builder, "timezone", region != NULL ? region->timezone : NULL);

  json_builder_set_member_name (builder, "topics");
  json_builder_begin_array (builder);
  for (guint i = 0; booking->topics[i] != NULL; i++)
    json_builder_add_string_value (builder, booking->topics[i]);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "guests");
  json_builder_add_int_value (builder, booking->guests);
  json_builder_set_member_name (builder, "actual_guests");
  if (booking->actual_guests >= 0)
    json_builder_add_int_value (builder, booking->actual_guests);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "guest_limit");
  json_builder_add_int_value (builder, booking->guest_limit);
  json_builder_set_member_name (builder, "over_limit");
  json_builder_add_boolean_value (builder, tamu_booking_is_over_limit (booking));
  add_text (builder, "status", tamu_booking_status_to_string (booking->status));
  add_text (builder, "room", booking->room);
  add_text (builder, "instansi", booking->instansi);
  add_text (builder, "contact", booking->contact);
  add_text (builder, "phone", booking->phone);
  add_text (builder, "email", booking->email);
  add_text (builder, "ticket", booking->ticket);
  add_text (builder, "pic", booking->pic);
  add_text (builder, "link", booking->link);
  add_text (builder, "notes", booking->notes);
  add_text (builder, "override_reason", booking->override_reason);
  add_text (builder, "cancel_reason", booking->cancel_reason);
  add_text (builder, "created_at", booking->created_at);
  add_text (builder, "updated_at", booking->updated_at);

  json_builder_end_object (builder);
}

JsonNode *
tamu_cli_booking_to_json (const TamuBooking *booking)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  build_booking (builder, booking);
  return json_builder_get_root (builder);
}

JsonNode *
tamu_cli_bookings_to_json (GPtrArray *bookings)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < bookings->len; i++)
    build_booking (builder, g_ptr_array_index (bookings, i));
  json_builder_end_array (builder);
  return json_builder_get_root (builder);
}

JsonNode *
tamu_cli_slots_to_json (GPtrArray *slots)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < slots->len; i++)
    {
      TamuSlot *slot = g_ptr_array_index (slots, i);

      json_builder_begin_object (builder);
      add_owned_text (builder, "date", tamu_format_date_iso (&slot->date));
      add_owned_text (builder, "start", tamu_format_time (slot->start));
      add_owned_text (builder, "end", tamu_format_time (slot->end));
      add_text (builder, "room", slot->room);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return json_builder_get_root (builder);
}

void
tamu_cli_print_json (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *shown = NULL;
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, NULL);
  shown = tamu_text_escape_json (text);
  fwrite (shown, 1, strlen (shown), stdout);
  fputc ('\n', stdout);
}
