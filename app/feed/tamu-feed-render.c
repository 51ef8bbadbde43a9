/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tamu-feed"

#include "config.h"

#include "tamu-feed-render.h"

#include "tamu-clock.h"
#include "tamu-ical.h"

static void
get_window (GDate *from,
            GDate *to)
{
  tamu_clock_today (from);
  *to = *from;
  g_date_subtract_days (from, TAMU_FEED_DAYS_BACK);
  g_date_add_days (to, TAMU_FEED_DAYS_AHEAD);
}

char *
tamu_feed_dup_etag (TamuStore      *store,
                    const TamuFeed *feed,
                    int             reminder_minutes,
                    GError        **error)
{
  g_autofree char *stamp = NULL;
  g_autofree char *key = NULL;
  g_autofree char *hash = NULL;
  GDate from, to;

  g_return_val_if_fail (feed != NULL, NULL);

  stamp = tamu_store_dup_change_stamp (store, error);
  if (stamp == NULL)
    return NULL;
  get_window (&from, &to);
  key = g_strdup_printf ("tamu-feed-1|%s|%u|%u|%lld|%d|%s|%s|%d", stamp,
                         g_date_get_julian (&from), g_date_get_julian (&to), (long long) feed->id,
                         feed->type, feed->room != NULL ? feed->room : "", feed->name,
                         reminder_minutes);
  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, key, -1);
  /* 128 bits of the hash are plenty to tell two versions apart. */
  hash[32] = '\0';
  return g_strdup_printf ("\"%s\"", hash);
}

GBytes *
tamu_feed_render (TamuStore      *store,
                  const TamuFeed *feed,
                  int             reminder_minutes,
                  GError        **error)
{
  TamuBookingFilter filter;
  g_autoptr(GPtrArray) bookings = NULL;
  g_autoptr(GPtrArray) kept = NULL;
  char *text;
  gsize length = 0;

  g_return_val_if_fail (feed != NULL, NULL);

  tamu_booking_filter_init (&filter);
  get_window (&filter.from, &filter.to);
  filter.type = feed->type;
  filter.include_cancelled = FALSE;
  bookings = tamu_store_list_bookings (store, &filter, error);
  if (bookings == NULL)
    return NULL;

  kept = g_ptr_array_new ();
  for (guint i = 0; i < bookings->len; i++)
    {
      TamuBooking *booking = g_ptr_array_index (bookings, i);

      if (booking->status == TAMU_STATUS_CANCELLED)
        continue;
      if (feed->room != NULL && g_strcmp0 (booking->room, feed->room) != 0)
        continue;
      g_ptr_array_add (kept, booking);
    }

  text = tamu_ical_export_feed (kept, feed->name, reminder_minutes, &length);
  return g_bytes_new_take (text, length);
}
