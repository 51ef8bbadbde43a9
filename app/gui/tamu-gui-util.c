/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tamu-gui"

#include "config.h"

#include "tamu-gui-util.h"

#include <glib/gi18n.h>

#include "tamu-parse.h"
#include "tamu-regions.h"

#define OFFICE_ZONE "Asia/Jakarta"

GDateTime *
tamu_gui_date_time_from_date (const GDate *date)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  return g_date_time_new (utc, g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date), 12, 0, 0);
}

void
tamu_gui_date_from_date_time (GDateTime *date_time,
                              GDate     *out)
{
  g_date_clear (out, 1);
  g_date_set_dmy (out, g_date_time_get_day_of_month (date_time),
                  g_date_time_get_month (date_time),
                  g_date_time_get_year (date_time));
}

char *
tamu_gui_format_date_long (const GDate *date)
{
  g_autoptr(GDateTime) date_time = tamu_gui_date_time_from_date (date);

  /* Translators: a long date, as in "Wednesday, 20 March 2024"; see g_date_time_format(). */
  return g_date_time_format (date_time, _("%A, %-d %B %Y"));
}

char *
tamu_gui_format_date_short (const GDate *date)
{
  g_autoptr(GDateTime) date_time = tamu_gui_date_time_from_date (date);

  /* Translators: a short date, as in "Wed 20 Mar"; see g_date_time_format(). */
  return g_date_time_format (date_time, _("%a %-d %b"));
}

char *
tamu_gui_dup_local_time (const TamuBooking *booking)
{
  const TamuRegion *region;
  int offset, local;

  if (booking->start == TAMU_TIME_UNKNOWN || booking->region_code == NULL)
    return NULL;

  region = tamu_regions_lookup_code (booking->region_code);
  if (region == NULL || region->timezone == NULL)
    return NULL;

  offset = tamu_timezone_offset_minutes (region->timezone)
           - tamu_timezone_offset_minutes (OFFICE_ZONE);
  if (offset == 0)
    return NULL;

  local = (booking->start + offset + 24 * 60) % (24 * 60);

  return g_strdup_printf ("%02d:%02d %s", local / 60, local % 60,
                          tamu_timezone_abbreviation (region->timezone));
}

char *
tamu_gui_format_booking_time (const TamuBooking *booking)
{
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *local = NULL;

  if (booking->start == TAMU_TIME_UNKNOWN)
    return g_strdup (_("Time unknown"));

  start = tamu_format_time (booking->start);
  local = tamu_gui_dup_local_time (booking);
  if (local != NULL)
    /* Translators: office time, then the guests' local time: "10:00 WIB · 11:00 WITA". */
    return g_strdup_printf (_("%s WIB · %s"), start, local);

  end = tamu_format_time (tamu_booking_get_end (booking));
  /* Translators: a time range in office time: "10:00–11:00 WIB". */
  return g_strdup_printf (_("%s–%s WIB"), start, end);
}

char *
tamu_gui_format_guests (const TamuBooking *booking)
{
  if (booking->actual_guests >= 0)
    {
      if (booking->guest_limit > 0)
        /* Translators: actual guests who came / the guest limit. */
        return g_strdup_printf (_("%d/%d came"), booking->actual_guests, booking->guest_limit);
      return g_strdup_printf (ngettext ("%d came", "%d came", booking->actual_guests),
                              booking->actual_guests);
    }

  if (booking->guests <= 0)
    return g_strdup ("—");

  if (booking->guest_limit > 0 && booking->type == TAMU_BOOKING_TATAP_MUKA)
    /* Translators: planned guests / the guest limit. */
    return g_strdup_printf (_("%d/%d guests"), booking->guests, booking->guest_limit);

  return g_strdup_printf (ngettext ("%d guest", "%d guests", booking->guests), booking->guests);
}

char *
tamu_gui_describe_booking (const TamuBooking *booking)
{
  g_autofree char *start = NULL;
  g_autofree char *type = NULL;
  g_autofree char *guests = NULL;
  const char *daerah = booking->daerah != NULL && *booking->daerah ? booking->daerah : "—";
  int count = booking->actual_guests >= 0 ? booking->actual_guests : booking->guests;

  start = booking->start != TAMU_TIME_UNKNOWN ? tamu_format_time (booking->start) : g_strdup ("—");
  type = g_utf8_strdown (tamu_booking_type_to_label (booking->type), -1);
  if (count <= 0)
    /* Translators: a booking for screen readers: start, daerah, type ("09:00 Kab. Jepara, video conference"). */
    return g_strdup_printf (_("%s %s, %s"), start, daerah, type);

  guests = g_strdup_printf (ngettext ("%d guest", "%d guests", count), count);
  /* Translators: a booking for screen readers: start, daerah, type, guests ("09:00 Kab. Jepara, tatap muka, 2 tamu"). */
  return g_strdup_printf (_("%s %s, %s, %s"), start, daerah, type, guests);
}

const char *
tamu_gui_booking_place (const TamuBooking *booking)
{
  if (booking->type == TAMU_BOOKING_VIDCON && booking->link != NULL && *booking->link)
    return booking->link;
  if (booking->room != NULL && *booking->room)
    return booking->room;
  if (booking->link != NULL && *booking->link)
    return booking->link;

  return "—";
}

const char *
tamu_gui_status_css_class (TamuBookingStatus status)
{
  switch (status)
    {
    case TAMU_STATUS_REQUESTED:
      return "requested";
    case TAMU_STATUS_CONFIRMED:
      return "confirmed";
    case TAMU_STATUS_DONE:
      return "done";
    case TAMU_STATUS_CANCELLED:
      return "cancelled";
    case TAMU_STATUS_NO_SHOW:
      return "no-show";
    default:
      g_assert_not_reached ();
    }
}

void
tamu_gui_name_internal_buttons (GtkWidget  *widget,
                                const char *name)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child))
        gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                        -1);
      else if (!GTK_IS_POPOVER (child))
        tamu_gui_name_internal_buttons (child, name);
    }
}

/*
 * GTK 4.8's AT-SPI root answers GetChildAtIndex for an index past its visible
 * windows with the last toplevel in gtk_window_get_toplevels(), shown or not.
 * A hidden window whose accessible was never realized has no object path,
 * the reply asserts in g_variant_new_object_path() and the app dies.  A
 * screen reader meets it when it lists the windows while a dialog closes:
 * it counts two windows, the dialog goes, it asks for the second.  GTK's own
 * help overlay is such a window (hidden, kept, created after the main
 * window), and so is any dialog with hide-on-close.  So Tamu keeps no hidden
 * toplevel: a dialog is destroyed when it closes, and the shortcuts window
 * is built each time it is asked for.  Reproducer: tests/gui/at-spi-hidden-window.c.
 */
void
tamu_gui_present_dialog (GtkWindow *dialog)
{
  g_return_if_fail (GTK_IS_WINDOW (dialog));

  gtk_window_set_hide_on_close (dialog, FALSE);
  gtk_window_present (dialog);
}
