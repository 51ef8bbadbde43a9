/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  TAMU_HOLIDAY_NATIONAL,     /* hari libur nasional */
  TAMU_HOLIDAY_CUTI_BERSAMA, /* collective leave (SKB 3 Menteri) */
} TamuHolidayKind;

typedef struct
{
  GDate           date;
  char           *name;
  TamuHolidayKind kind;
} TamuHoliday;

TamuHoliday *tamu_holiday_new (const GDate    *date,
                               const char     *name,
                               TamuHolidayKind kind);
void         tamu_holiday_free (TamuHoliday *holiday);
const char  *tamu_holiday_kind_to_string (TamuHolidayKind kind); /* "holiday", "cuti-bersama" */
gboolean     tamu_holiday_kind_from_string (const char      *text,
                                            TamuHolidayKind *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TamuHoliday, tamu_holiday_free)

#define TAMU_TYPE_CALENDAR (tamu_calendar_get_type ())

/*
 * The office calendar: weekends, national holidays and cuti bersama are
 * closed.  Bookings and PPID deadlines both count working days on it.
 */
typedef struct _TamuCalendar TamuCalendar;

GType               tamu_calendar_get_type (void) G_GNUC_CONST;
TamuCalendar       *tamu_calendar_new (void);
TamuCalendar       *tamu_calendar_ref (TamuCalendar *self);
void                tamu_calendar_unref (TamuCalendar *self);

void                tamu_calendar_add (TamuCalendar   *self,
                                       const GDate    *date,
                                       const char     *name,
                                       TamuHolidayKind kind);
/* The holiday on @date, or NULL. */
const TamuHoliday  *tamu_calendar_lookup (TamuCalendar *self,
                                          const GDate  *date);
gboolean            tamu_calendar_is_weekend (const GDate *date);
gboolean            tamu_calendar_is_working_day (TamuCalendar *self,
                                                  const GDate  *date);
/* Whether any holiday is known in @year: a year without is flagged, not trusted. */
gboolean            tamu_calendar_has_year (TamuCalendar *self,
                                            int           year);

/* The @n-th working day after @from (@from itself is not counted). */
void                tamu_calendar_add_working_days (TamuCalendar *self,
                                                    const GDate  *from,
                                                    int           n,
                                                    GDate        *out);
/* Working days in (from, to]: 0 when @to is not after @from. */
int                 tamu_calendar_count_working_days (TamuCalendar *self,
                                                      const GDate  *from,
                                                      const GDate  *to);
/* The first working day on or after @from. */
void                tamu_calendar_next_working_day (TamuCalendar *self,
                                                    const GDate  *from,
                                                    GDate        *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TamuCalendar, tamu_calendar_unref)

G_END_DECLS
