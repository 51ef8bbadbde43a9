/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tamu-booking-object"

#include "config.h"

#include "tamu-booking-object.h"

#include <gio/gio.h>

struct _TamuBookingObject
{
  GObject      parent_instance;

  TamuBooking *booking;
};

enum
{
  PROP_0,
  PROP_BOOKING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (TamuBookingObject, tamu_booking_object, G_TYPE_OBJECT)

TamuBookingObject *
tamu_booking_object_new (TamuBooking *booking)
{
  g_return_val_if_fail (booking != NULL, NULL);

  return g_object_new (TAMU_TYPE_BOOKING_OBJECT, "booking", booking, NULL);
}

TamuBooking *
tamu_booking_object_get_booking (TamuBookingObject *self)
{
  g_return_val_if_fail (TAMU_IS_BOOKING_OBJECT (self), NULL);

  return self->booking;
}

GListStore *
tamu_booking_object_store_new (GPtrArray *bookings)
{
  GListStore *store = g_list_store_new (TAMU_TYPE_BOOKING_OBJECT);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; bookings != NULL && i < bookings->len; i++)
    g_ptr_array_add (items, tamu_booking_object_new (g_ptr_array_index (bookings, i)));

  /* One items-changed for the whole day, not one per row. */
  g_list_store_splice (store, 0, 0, items->pdata, items->len);

  return store;
}

static void
tamu_booking_object_finalize (GObject *object)
{
  TamuBookingObject *self = TAMU_BOOKING_OBJECT (object);

  g_clear_pointer (&self->booking, tamu_booking_unref);

  G_OBJECT_CLASS (tamu_booking_object_parent_class)->finalize (object);
}

static void
tamu_booking_object_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  TamuBookingObject *self = TAMU_BOOKING_OBJECT (object);

  switch (prop_id)
    {
    case PROP_BOOKING:
      g_value_set_boxed (value, self->booking);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tamu_booking_object_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  TamuBookingObject *self = TAMU_BOOKING_OBJECT (object);

  switch (prop_id)
    {
    case PROP_BOOKING:
      self->booking = g_value_dup_boxed (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tamu_booking_object_class_init (TamuBookingObjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tamu_booking_object_finalize;
  object_class->get_property = tamu_booking_object_get_property;
  object_class->set_property = tamu_booking_object_set_property;

  properties[PROP_BOOKING] =
    g_param_spec_boxed ("booking", NULL, NULL,
                        TAMU_TYPE_BOOKING,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tamu_booking_object_init (TamuBookingObject *self)
{
}
