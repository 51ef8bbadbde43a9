/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tamu-summary"

#include "config.h"

#include "tamu-summary-chart.h"

#include <cairo-svg.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>

#include "tamu-error.h"
#include "tamu-file.h"
#include "tamu-parse.h"
#include "tamu-summary-private.h"

/*
 * The report's charts: three columns (previous month, same month last year,
 * this month) with the count above each, and a horizontal bar per topic.
 * Only cairo's own text API is used, so the reports layer needs no Pango;
 * the labels are short.
 */

static const char *chart_names[] = { "tatap-muka", "vidcon", "ppid", "topics" };

const char *
tamu_summary_chart_to_string (TamuSummaryChart chart)
{
  g_return_val_if_fail (chart <= TAMU_SUMMARY_CHART_TOPICS, NULL);
  return chart_names[chart];
}

gboolean
tamu_summary_chart_from_string (const char       *text,
                                TamuSummaryChart *out)
{
  for (guint i = 0; i < G_N_ELEMENTS (chart_names); i++)
    if (g_strcmp0 (text, chart_names[i]) == 0)
      {
        *out = (TamuSummaryChart) i;
        return TRUE;
      }
  return FALSE;
}

char *
tamu_summary_chart_dup_title (const TamuSummary *self,
                              TamuSummaryChart   chart)
{
  const char *month = tamu_month_name_indonesian (self->month);

  switch (chart)
    {
    case TAMU_SUMMARY_CHART_TATAP_MUKA:
      return g_strdup_printf ("Grafik Jumlah Konsultasi Tatap Muka %s", month);
    case TAMU_SUMMARY_CHART_VIDCON:
      return g_strdup_printf ("Grafik Jumlah Video Conference %s", month);
    case TAMU_SUMMARY_CHART_PPID:
      return g_strdup_printf ("Jumlah Permohonan Data melalui PPID %s", month);
    case TAMU_SUMMARY_CHART_TOPICS:
    default:
      return g_strdup_printf ("Topik Konsultasi %s %d", month, self->year);
    }
}

static void
set_rgb (cairo_t *cr,
         guint32  rgb)
{
  cairo_set_source_rgb (cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0,
                        (rgb & 0xff) / 255.0);
}

static void
show_centered (cairo_t    *cr,
               const char *text,
               double      cx,
               double      baseline)
{
  cairo_text_extents_t extents;

  cairo_text_extents (cr, text, &extents);
  cairo_move_to (cr, cx - extents.width / 2 - extents.x_bearing, baseline);
  cairo_show_text (cr, text);
}

static double
draw_title (cairo_t    *cr,
            const char *title,
            double      width,
            double      height)
{
  double size = CLAMP (height / 18.0, 10.0, 18.0);

  cairo_select_font_face (cr, "Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
  cairo_set_font_size (cr, size);
  set_rgb (cr, 0x1c2b4a);
  show_centered (cr, title, width / 2, size * 1.5);
  return size * 2.5;
}

static void
draw_columns (cairo_t     *cr,
              double       width,
              double       height,
              double       top,
              const char **labels,
              const int   *values,
              guint        n)
{
  static const guint32 colours[] = { 0x9bb7d4, 0xc9c9c9, 0x1f5fa8 };
  double label_size = CLAMP (height / 26.0, 8.0, 13.0);
  double bottom = height - label_size * 2.5;
  double slot = width / n;
  double bar_width = slot * 0.5;
  double usable = bottom - top - label_size * 2;
  int max = 1;

  for (guint i = 0; i < n; i++)
    max = MAX (max, values[i]);

  /* The base line. */
  set_rgb (cr, 0x888888);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, slot * 0.1, bottom + 0.5);
  cairo_line_to (cr, width - slot * 0.1, bottom + 0.5);
  cairo_stroke (cr);

  for (guint i = 0; i < n; i++)
    {
      double h = usable * values[i] / max;
      double x = slot * i + (slot - bar_width) / 2;
      g_autofree char *value = g_strdup_printf ("%d", values[i]);

      set_rgb (cr, colours[i % G_N_ELEMENTS (colours)]);
      cairo_rectangle (cr, x, bottom - h, bar_width, h);
      cairo_fill (cr);

      cairo_select_font_face (cr, "Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
      cairo_set_font_size (cr, label_size * 1.2);
      set_rgb (cr, 0x222222);
      show_centered (cr, value, x + bar_width / 2, bottom - h - label_size * 0.5);

      cairo_select_font_face (cr, "Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
      cairo_set_font_size (cr, label_size);
      show_centered (cr, labels[i], x + bar_width / 2, bottom + label_size * 1.6);
    }
}

static void
draw_topics (cairo_t   *cr,
             double     width,
             double     height,
             double     top,
             GPtrArray *counts)
{
  guint n = MIN (counts->len, 12);
  double row = n > 0 ? (height - top - 10) / n : 0;
  double size = CLAMP (row * 0.5, 7.0, 13.0);
  double name_width = 0;
  double left;
  int max = 1;

  if (n == 0)
    {
      cairo_select_font_face (cr, "Sans", CAIRO_FONT_SLANT_ITALIC, CAIRO_FONT_WEIGHT_NORMAL);
      cairo_set_font_size (cr, 12);
      set_rgb (cr, 0x666666);
      show_centered (cr, "Tidak ada data", width / 2, height / 2);
      return;
    }

  cairo_select_font_face (cr, "Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, size);
  for (guint i = 0; i < n; i++)
    {
      const TamuSummaryCount *c = g_ptr_array_index (counts, i);
      cairo_text_extents_t extents;

      cairo_text_extents (cr, c->name, &extents);
      name_width = MAX (name_width, extents.x_advance);
      max = MAX (max, c->count);
    }
  left = MIN (name_width + 16, width * 0.45);

  for (guint i = 0; i < n; i++)
    {
      const TamuSummaryCount *c = g_ptr_array_index (counts, i);
      double y = top + row * i;
      double w = (width - left - 40) * c->count / max;
      g_autofree char *value = g_strdup_printf ("%d", c->count);
      cairo_text_extents_t extents;

      set_rgb (cr, 0x222222);
      cairo_text_extents (cr, c->name, &extents);
      cairo_move_to (cr, left - 8 - extents.x_advance, y + row / 2 + size / 3);
      cairo_show_text (cr, c->name);

      set_rgb (cr, 0x1f5fa8);
      cairo_rectangle (cr, left, y + row * 0.15, w, row * 0.7);
      cairo_fill (cr);

      set_rgb (cr, 0x222222);
      cairo_move_to (cr, left + w + 6, y + row / 2 + size / 3);
      cairo_show_text (cr, value);
    }
}

void
tamu_summary_chart_draw (const TamuSummary *self,
                         TamuSummaryChart   chart,
                         cairo_t           *cr,
                         double             width,
                         double             height)
{
  g_autofree char *title = NULL;
  g_autofree char *prev_label = NULL;
  g_autofree char *last_label = NULL;
  g_autofree char *this_label = NULL;
  const char *labels[3];
  int values[3] = { 0 };
  double top;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);

  title = tamu_summary_chart_dup_title (self, chart);
  top = draw_title (cr, title, width, height);

  if (chart == TAMU_SUMMARY_CHART_TOPICS)
    {
      draw_topics (cr, width, height, top, self->by_topic);
      cairo_restore (cr);
      return;
    }

  prev_label = tamu_summary_dup_month_label (self->month == 1 ? self->year - 1 : self->year,
                                             self->month == 1 ? 12 : self->month - 1);
  last_label = tamu_summary_dup_month_label (self->year - 1, self->month);
  this_label = tamu_summary_dup_month_label (self->year, self->month);
  labels[0] = prev_label;
  labels[1] = last_label;
  labels[2] = this_label;

  switch (chart)
    {
    case TAMU_SUMMARY_CHART_TATAP_MUKA:
      values[0] = self->tatap_muka.previous_month;
      values[1] = self->tatap_muka.same_month_last_year;
      values[2] = self->tatap_muka.held;
      break;
    case TAMU_SUMMARY_CHART_VIDCON:
      values[0] = self->vidcon.previous_month;
      values[1] = self->vidcon.same_month_last_year;
      values[2] = self->vidcon.held;
      break;
    case TAMU_SUMMARY_CHART_PPID:
      values[0] = self->ppid.previous_month;
      values[1] = self->ppid.same_month_last_year;
      values[2] = self->ppid.received;
      break;
    case TAMU_SUMMARY_CHART_TOPICS:
    default:
      g_assert_not_reached ();
    }

  draw_columns (cr, width, height, top, labels, values, 3);
  cairo_restore (cr);
}

static cairo_status_t
append_cb (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

gboolean
tamu_summary_chart_write (const TamuSummary *self,
                          TamuSummaryChart   chart,
                          const char        *path,
                          int                width,
                          int                height,
                          GError           **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  gboolean svg;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (g_str_has_suffix (path, ".svg") || g_str_has_suffix (path, ".SVG"))
    svg = TRUE;
  else if (g_str_has_suffix (path, ".png") || g_str_has_suffix (path, ".PNG"))
    svg = FALSE;
  else
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                   _("chart: “%s” must end in .png or .svg"), path);
      return FALSE;
    }

  /* Drawn in memory, then written like every export (tamu-file.h). */
  if (svg)
    surface = cairo_svg_surface_create_for_stream (append_cb, bytes, width, height);
  else
    surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);

  cr = cairo_create (surface);
  tamu_summary_chart_draw (self, chart, cr, width, height);
  cairo_destroy (cr);

  if (svg)
    {
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
    }
  else
    status = cairo_surface_write_to_png_stream (surface, append_cb, bytes);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_FAILED,
                   _("chart: could not write “%s”: %s"), path, cairo_status_to_string (status));
      return FALSE;
    }

  return tamu_file_write_private ("chart", path, bytes->data, bytes->len, error);
}
