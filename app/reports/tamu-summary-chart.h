/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "tamu-summary.h"

G_BEGIN_DECLS

/* The charts of the monthly report, drawn with cairo (window, PNG, SVG). */
typedef enum
{
  TAMU_SUMMARY_CHART_TATAP_MUKA, /* previous month / same month last year / this month */
  TAMU_SUMMARY_CHART_VIDCON,
  TAMU_SUMMARY_CHART_PPID,
  TAMU_SUMMARY_CHART_TOPICS,     /* held bookings per topic, horizontal bars */
} TamuSummaryChart;

/* "tatap-muka", "vidcon", "ppid", "topics" */
const char *tamu_summary_chart_to_string (TamuSummaryChart chart);
gboolean    tamu_summary_chart_from_string (const char       *text,
                                            TamuSummaryChart *out);

/* The chart's title as in the report: "Grafik Jumlah Video Conference Maret". */
char       *tamu_summary_chart_dup_title (const TamuSummary *self,
                                          TamuSummaryChart   chart);

/* Draws @chart into @cr over (0, 0, @width, @height), on a white background. */
void        tamu_summary_chart_draw (const TamuSummary *self,
                                     TamuSummaryChart   chart,
                                     cairo_t           *cr,
                                     double             width,
                                     double             height);

/*
 * Writes @chart to @path as PNG or SVG (by @path's extension, ".png" or
 * ".svg"), @width × @height (points for SVG, pixels for PNG).  Written like
 * every export (tamu_file_write_private()): 0600, into a new file renamed
 * over @path, so a symlink there is replaced, not followed.
 */
gboolean    tamu_summary_chart_write (const TamuSummary *self,
                                      TamuSummaryChart   chart,
                                      const char        *path,
                                      int                width,
                                      int                height,
                                      GError           **error);

G_END_DECLS
