/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "tamu-booking.h"

G_DEFINE_BOXED_TYPE (TamuBooking, tamu_booking, tamu_booking_ref, tamu_booking_unref)

TamuBooking *
tamu_booking_new (void)
{
  TamuBooking *self = g_new0 (TamuBooking, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->type = TAMU_BOOKING_TATAP_MUKA;
  self->status = TAMU_STATUS_REQUESTED;
  self->start = TAMU_TIME_UNKNOWN;
  self->actual_guests = -1;
  self->topics = g_new0 (char *, 1);
  g_date_clear (&self->date, 1);

  return self;
}

TamuBooking *
tamu_booking_ref (TamuBooking *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

static void
tamu_booking_free (TamuBooking *self)
{
  g_free (self->uid);
  g_free (self->daerah);
  g_free (self->region_code);
  g_strfreev (self->topics);
  g_free (self->room);
  g_free (self->instansi);
  g_free (self->contact);
  g_free (self->phone);
  g_free (self->email);
  g_free (self->ticket);
  g_free (self->pic);
  g_free (self->link);
  g_free (self->notes);
  g_free (self->override_reason);
  g_free (self->cancel_reason);
  g_free (self->created_at);
  g_free (self->updated_at);
  g_free (self);
}

void
tamu_booking_unref (TamuBooking *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    tamu_booking_free (self);
}

TamuBooking *
tamu_booking_copy (const TamuBooking *self)
{
  TamuBooking *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (TamuBooking, 1);
  /* Copy the plain values at once, then give the copy its own strings. */
  *copy = *self;
  g_atomic_ref_count_init (&copy->ref_count);
  copy->uid = g_strdup (self->uid);
  copy->daerah = g_strdup (self->daerah);
  copy->region_code = g_strdup (self->region_code);
  copy->topics = g_strdupv (self->topics);
  copy->room = g_strdup (self->room);
  copy->instansi = g_strdup (self->instansi);
  copy->contact = g_strdup (self->contact);
  copy->phone = g_strdup (self->phone);
  copy->email = g_strdup (self->email);
  copy->ticket = g_strdup (self->ticket);
  copy->pic = g_strdup (self->pic);
  copy->link = g_strdup (self->link);
  copy->notes = g_strdup (self->notes);
  copy->override_reason = g_strdup (self->override_reason);
  copy->cancel_reason = g_strdup (self->cancel_reason);
  copy->created_at = g_strdup (self->created_at);
  copy->updated_at = g_strdup (self->updated_at);
  if (copy->topics == NULL)
    copy->topics = g_new0 (char *, 1);

  return copy;
}

int
tamu_booking_get_end (const TamuBooking *self)
{
  g_return_val_if_fail (self != NULL, TAMU_TIME_UNKNOWN);

  if (self->start == TAMU_TIME_UNKNOWN)
    return TAMU_TIME_UNKNOWN;
  return self->start + self->duration;
}

gboolean
tamu_booking_is_active (const TamuBooking *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->status == TAMU_STATUS_REQUESTED ||
         self->status == TAMU_STATUS_CONFIRMED ||
         self->status == TAMU_STATUS_DONE;
}

gboolean
tamu_booking_is_over_limit (const TamuBooking *self)
{
  int guests;

  g_return_val_if_fail (self != NULL, FALSE);

  if (self->type != TAMU_BOOKING_TATAP_MUKA || self->guest_limit <= 0)
    return FALSE;
  if (self->status == TAMU_STATUS_CANCELLED || self->status == TAMU_STATUS_NO_SHOW)
    return FALSE;

  guests = self->status == TAMU_STATUS_DONE && self->actual_guests >= 0
           ? self->actual_guests : self->guests;
  return guests > self->guest_limit;
}

char *
tamu_booking_new_uid (void)
{
  g_autofree char *uuid = g_uuid_string_random ();

  return g_strconcat (uuid, "@tamu.djpk.kemenkeu.go.id", NULL);
}

const char *
tamu_booking_type_to_string (TamuBookingType type)
{
  switch (type)
    {
    case TAMU_BOOKING_TATAP_MUKA: return "tatap-muka";
    case TAMU_BOOKING_VIDCON: return "vidcon";
    default: g_return_val_if_reached ("tatap-muka");
    }
}

const char *
tamu_booking_status_to_string (TamuBookingStatus status)
{
  switch (status)
    {
    case TAMU_STATUS_REQUESTED: return "requested";
    case TAMU_STATUS_CONFIRMED: return "confirmed";
    case TAMU_STATUS_DONE: return "done";
    case TAMU_STATUS_CANCELLED: return "cancelled";
    case TAMU_STATUS_NO_SHOW: return "no-show";
    default: g_return_val_if_reached ("requested");
    }
}

/* Lower case with spaces, dashes and underscores removed: "Tatap Muka" =
 * "tatap-muka" = "TATAP_MUKA". */
static char *
fold_word (const char *text)
{
  g_autofree char *lower = g_utf8_strdown (text, -1);
  GString *folded = g_string_new (NULL);

  for (const char *p = lower; *p; p++)
    if (*p != ' ' && *p != '-' && *p != '_' && *p != '.')
      g_string_append_c (folded, *p);

  return g_string_free (folded, FALSE);
}

gboolean
tamu_booking_type_from_string (const char      *text,
                               TamuBookingType *out)
{
  g_autofree char *folded = NULL;

  if (text == NULL)
    return FALSE;

  folded = fold_word (text);
  if (g_str_equal (folded, "tatapmuka") || g_str_equal (folded, "tm") ||
      g_str_equal (folded, "kunjungan") || g_str_equal (folded, "visit"))
    {
      *out = TAMU_BOOKING_TATAP_MUKA;
      return TRUE;
    }
  if (g_str_equal (folded, "vidcon") || g_str_equal (folded, "videoconference") ||
      g_str_equal (folded, "vicon") || g_str_equal (folded, "videokonferensi") ||
      g_str_equal (folded, "vc"))
    {
      *out = TAMU_BOOKING_VIDCON;
      return TRUE;
    }
  return FALSE;
}

gboolean
tamu_booking_status_from_string (const char        *text,
                                 TamuBookingStatus *out)
{
  static const struct { const char *word; TamuBookingStatus status; } words[] = {
    { "requested", TAMU_STATUS_REQUESTED },
    { "confirmed", TAMU_STATUS_CONFIRMED },
    { "done", TAMU_STATUS_DONE },
    { "cancelled", TAMU_STATUS_CANCELLED },
    { "canceled", TAMU_STATUS_CANCELLED },
    { "noshow", TAMU_STATUS_NO_SHOW },
  };
  g_autofree char *folded = NULL;

  if (text == NULL)
    return FALSE;

  folded = fold_word (text);
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_str_equal (folded, words[i].word))
      {
        *out = words[i].status;
        return TRUE;
      }
  return FALSE;
}

const char *
tamu_booking_type_to_label (TamuBookingType type)
{
  switch (type)
    {
    case TAMU_BOOKING_TATAP_MUKA: return _("Tatap muka");
    case TAMU_BOOKING_VIDCON: return _("Video conference");
    default: g_return_val_if_reached ("");
    }
}

const char *
tamu_booking_status_to_label (TamuBookingStatus status)
{
  switch (status)
    {
    case TAMU_STATUS_REQUESTED: return _("Requested");
    case TAMU_STATUS_CONFIRMED: return _("Confirmed");
    case TAMU_STATUS_DONE: return _("Checked in");
    case TAMU_STATUS_CANCELLED: return _("Cancelled");
    case TAMU_STATUS_NO_SHOW: return _("No-show");
    default: g_return_val_if_reached ("");
    }
}

char *
tamu_booking_dup_topics_text (const TamuBooking *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_strjoinv (", ", self->topics);
}
