/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tamu-summary"

#include "config.h"

#include <math.h>

#include "tamu-parse.h"
#include "tamu-summary-private.h"

/*
 * A small pretty-printing JSON writer.  json-glib prints doubles with 17
 * significant digits (31.800000000000001); the issue wants percentages
 * rounded to one decimal, so numbers are formatted here.
 */
typedef struct
{
  GString *out;
  int      depth;
  gboolean first;   /* no member written yet at this depth */
  gboolean in_member; /* a key was just written: the value follows inline */
} JsonOut;

static void
json_newline (JsonOut *j)
{
  g_string_append_c (j->out, '\n');
  for (int i = 0; i < j->depth; i++)
    g_string_append (j->out, "  ");
}

static void
json_escape (GString    *out,
             const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text ? text : ""; *p; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char) c);
        }
    }
  g_string_append_c (out, '"');
}

/* Before any value: a comma and a new line unless it follows its key. */
static void
json_before_value (JsonOut *j)
{
  if (j->in_member)
    {
      j->in_member = FALSE;
      return;
    }
  if (j->depth > 0)
    {
      if (!j->first)
        g_string_append_c (j->out, ',');
      json_newline (j);
    }
  j->first = FALSE;
}

static void
json_key (JsonOut    *j,
          const char *key)
{
  json_before_value (j);
  json_escape (j->out, key);
  g_string_append (j->out, ": ");
  j->in_member = TRUE;
}

static void
json_open (JsonOut *j,
           char     bracket)
{
  json_before_value (j);
  g_string_append_c (j->out, bracket);
  j->depth++;
  j->first = TRUE;
}

static void
json_close (JsonOut *j,
            char     bracket)
{
  gboolean empty = j->first;

  j->depth--;
  if (!empty)
    json_newline (j);
  g_string_append_c (j->out, bracket);
  j->first = FALSE;
}

static void
json_string (JsonOut    *j,
             const char *text)
{
  json_before_value (j);
  if (text == NULL)
    g_string_append (j->out, "null");
  else
    json_escape (j->out, text);
}

static void
json_int (JsonOut *j,
          gint64   value)
{
  json_before_value (j);
  g_string_append_printf (j->out, "%" G_GINT64_FORMAT, value);
}

static void
json_fixed (JsonOut    *j,
            double      value,
            const char *format)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  json_before_value (j);
  if (isnan (value))
    g_string_append (j->out, "null");
  else
    g_string_append (j->out, g_ascii_formatd (buffer, sizeof buffer, format, value));
}

static void
member_int (JsonOut    *j,
            const char *key,
            gint64      value)
{
  json_key (j, key);
  json_int (j, value);
}

static void
member_pct (JsonOut    *j,
            const char *key,
            double      value)
{
  json_key (j, key);
  json_fixed (j, value, "%.1f");
}

static void
member_string (JsonOut    *j,
               const char *key,
               const char *value)
{
  json_key (j, key);
  json_string (j, value);
}

static void
write_counts (JsonOut    *j,
              const char *key,
              const char *name_key,
              GPtrArray  *counts)
{
  json_key (j, key);
  json_open (j, '[');
  for (guint i = 0; i < counts->len; i++)
    {
      const TamuSummaryCount *c = g_ptr_array_index (counts, i);

      json_open (j, '{');
      member_string (j, name_key, c->name);
      member_int (j, "count", c->count);
      json_close (j, '}');
    }
  json_close (j, ']');
}

static void
write_service (JsonOut                  *j,
               const char               *key,
               const TamuServiceSummary *service)
{
  json_key (j, key);
  json_open (j, '{');
  member_int (j, "held", service->held);
  member_int (j, "previous_month", service->previous_month);
  member_int (j, "same_month_last_year", service->same_month_last_year);
  member_pct (j, "change_vs_previous_pct", service->change_vs_previous_pct);
  member_pct (j, "change_vs_last_year_pct", service->change_vs_last_year_pct);
  member_int (j, "cumulative", service->cumulative);
  member_int (j, "cumulative_since", service->cumulative_since);
  member_int (j, "guests", service->guests);
  member_int (j, "cancelled", service->cancelled);
  member_int (j, "no_show", service->no_show);

  json_key (j, "over_limit");
  json_open (j, '[');
  for (guint i = 0; i < service->over_limit->len; i++)
    {
      const TamuBooking *b = g_ptr_array_index (service->over_limit, i);
      g_autofree char *date = tamu_format_date_iso (&b->date);

      json_open (j, '{');
      member_int (j, "id", b->id);
      member_string (j, "date", date);
      member_string (j, "daerah", tamu_summary_daerah_name (b));
      member_int (j, "guests", b->actual_guests);
      member_int (j, "limit", b->guest_limit);
      member_string (j, "override_reason",
                     b->override_reason && *b->override_reason ? b->override_reason : NULL);
      json_close (j, '}');
    }
  json_close (j, ']');

  json_key (j, "rows");
  json_open (j, '[');
  for (guint i = 0; i < service->rows->len; i++)
    {
      const TamuBooking *b = g_ptr_array_index (service->rows, i);
      g_autofree char *date = tamu_format_date_iso (&b->date);
      g_autofree char *topics = tamu_booking_dup_topics_text (b);

      json_open (j, '{');
      member_int (j, "id", b->id);
      member_string (j, "date", date);
      member_string (j, "daerah", tamu_summary_daerah_name (b));
      member_string (j, "region_code", b->region_code);
      member_string (j, "topics", topics);
      member_int (j, "guests", b->actual_guests >= 0 ? b->actual_guests : b->guests);
      json_close (j, '}');
    }
  json_close (j, ']');
  json_close (j, '}');
}

char *
tamu_summary_dup_json (const TamuSummary *self)
{
  JsonOut j = { g_string_new (NULL), 0, TRUE, FALSE };
  g_autofree char *month = g_strdup_printf ("%04d-%02d", self->year, self->month);
  g_autofree char *text = tamu_summary_dup_text (self);

  g_return_val_if_fail (self != NULL, NULL);

  json_open (&j, '{');
  member_string (&j, "month", month);
  member_int (&j, "guest_limit", self->guest_limit);
  write_service (&j, "tatap_muka", &self->tatap_muka);
  write_service (&j, "vidcon", &self->vidcon);

  json_key (&j, "ppid");
  json_open (&j, '{');
  json_key (&j, "available");
  json_before_value (&j);
  g_string_append (j.out, self->ppid.available ? "true" : "false");
  member_int (&j, "received", self->ppid.received);
  member_int (&j, "previous_month", self->ppid.previous_month);
  member_int (&j, "same_month_last_year", self->ppid.same_month_last_year);
  member_pct (&j, "change_vs_previous_pct", self->ppid.change_vs_previous_pct);
  member_pct (&j, "change_vs_last_year_pct", self->ppid.change_vs_last_year_pct);
  json_key (&j, "average_service_days");
  json_fixed (&j, self->ppid.average_service_days, "%.2f");
  member_int (&j, "granted", self->ppid.granted);
  member_int (&j, "partial", self->ppid.partial);
  member_int (&j, "refused", self->ppid.refused);
  member_int (&j, "objections", self->ppid.objections);
  member_int (&j, "disputes", self->ppid.disputes);
  json_close (&j, '}');

  json_key (&j, "by_topic");
  json_open (&j, '{');
  for (guint i = 0; i < self->by_topic->len; i++)
    {
      const TamuSummaryCount *c = g_ptr_array_index (self->by_topic, i);

      member_int (&j, c->name, c->count);
    }
  json_close (&j, '}');
  write_counts (&j, "top_daerah", "daerah", self->top_daerah);
  write_counts (&j, "top_provinces", "province", self->top_provinces);

  json_key (&j, "warnings");
  json_open (&j, '[');
  for (guint i = 0; i < self->warnings->len; i++)
    json_string (&j, g_ptr_array_index (self->warnings, i));
  json_close (&j, ']');

  member_string (&j, "text", text);
  json_close (&j, '}');
  g_string_append_c (j.out, '\n');

  return g_string_free (j.out, FALSE);
}

char *
tamu_year_summary_dup_json (const TamuYearSummary *self)
{
  JsonOut j = { g_string_new (NULL), 0, TRUE, FALSE };
  g_autofree char *text = tamu_year_summary_dup_text (self);

  g_return_val_if_fail (self != NULL, NULL);

  json_open (&j, '{');
  member_int (&j, "year", self->year);
  json_key (&j, "ppid_available");
  json_before_value (&j);
  g_string_append (j.out, self->ppid_available ? "true" : "false");

  json_key (&j, "months");
  json_open (&j, '[');
  for (int m = 0; m <= 12; m++)
    {
      const TamuYearRow *row = m < 12 ? &self->months[m] : &self->total;
      g_autofree char *month = g_strdup_printf ("%04d-%02d", self->year, m + 1);

      if (m == 12)
        {
          json_close (&j, ']');
          json_key (&j, "total");
        }
      json_open (&j, '{');
      if (m < 12)
        member_string (&j, "month", month);
      member_int (&j, "tatap_muka", row->tatap_muka);
      member_int (&j, "tatap_muka_guests", row->tatap_muka_guests);
      member_int (&j, "vidcon", row->vidcon);
      member_int (&j, "cancelled", row->cancelled);
      member_int (&j, "no_show", row->no_show);
      member_int (&j, "ppid_received", row->ppid_received);
      json_key (&j, "ppid_average_days");
      json_fixed (&j, row->ppid_average_days, "%.2f");
      json_close (&j, '}');
    }

  member_string (&j, "text", text);
  json_close (&j, '}');
  g_string_append_c (j.out, '\n');

  return g_string_free (j.out, FALSE);
}
