/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tamu-cli"

#include "config.h"

#include "tamu-cli-summary.h"

#include <glib/gi18n.h>

#include "tamu-error.h"
#include "tamu-parse.h"
#include "tamu-summary.h"
#include "tamu-summary-chart.h"
#include "tamu-text.h"

#define CHART_WIDTH  640
#define CHART_HEIGHT 400

static int
write_text (const char *output,
            const char *format,
            char       *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *owned = text;

  /* Text for people on the terminal goes through g_print(), which escapes
   * control characters; JSON and CSV carry their own escaping. */
  if ((output == NULL || g_str_equal (output, "-")) && g_str_equal (format, "text"))
    {
      g_print ("%s", owned);
      return TAMU_CLI_OK;
    }
  if (g_str_equal (format, "json"))
    {
      char *escaped = tamu_text_escape_json (owned);

      g_free (owned);
      owned = escaped;
    }
  if (!tamu_cli_write_output (output ? output : "-", owned, strlen (owned), &error))
    return tamu_cli_fail (error);
  return TAMU_CLI_OK;
}

static int
run_month (TamuStore  *store,
           int         year,
           int         month,
           const char *format,
           const char *chart_name,
           const char *output)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TamuSummary) summary = NULL;
  TamuSummaryChart chart = TAMU_SUMMARY_CHART_TATAP_MUKA;

  if (chart_name != NULL && !tamu_summary_chart_from_string (chart_name, &chart))
    return tamu_cli_usage ("summary",
                           _("--chart: “%s” is not a chart (tatap-muka, vidcon, ppid, topics)"),
                           chart_name);

  summary = tamu_summary_new (store, year, month, &error);
  if (summary == NULL)
    return tamu_cli_fail (error);

  if (g_str_equal (format, "text"))
    return write_text (output, format, tamu_summary_dup_text (summary));
  if (g_str_equal (format, "json"))
    return write_text (output, format, tamu_summary_dup_json (summary));
  if (g_str_equal (format, "csv"))
    return write_text (output, format, tamu_summary_dup_csv (summary));
  if (g_str_equal (format, "xlsx"))
    {
      if (!tamu_summary_write_xlsx (summary, output, &error))
        return tamu_cli_fail (error);
      return TAMU_CLI_OK;
    }

  /* png or svg: the file's extension must agree with the format. */
  if (!g_str_has_suffix (output, g_str_equal (format, "png") ? ".png" : ".svg"))
    return tamu_cli_usage ("summary", _("-o: a %s chart needs a file name ending in .%s"),
                           format, format);
  if (!tamu_summary_chart_write (summary, chart, output, CHART_WIDTH, CHART_HEIGHT, &error))
    return tamu_cli_fail (error);
  return TAMU_CLI_OK;
}

static int
run_year (TamuStore  *store,
          int         year,
          const char *format,
          const char *output)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TamuYearSummary) summary = NULL;

  summary = tamu_year_summary_new (store, year, &error);
  if (summary == NULL)
    return tamu_cli_fail (error);

  if (g_str_equal (format, "text"))
    return write_text (output, format, tamu_year_summary_dup_text (summary));
  if (g_str_equal (format, "json"))
    return write_text (output, format, tamu_year_summary_dup_json (summary));
  if (g_str_equal (format, "csv"))
    return write_text (output, format, tamu_year_summary_dup_csv (summary));

  if (!tamu_year_summary_write_xlsx (summary, output, &error))
    return tamu_cli_fail (error);
  return TAMU_CLI_OK;
}

int
tamu_cli_summary (TamuCliContext *ctx,
                  int             argc,
                  char          **argv)
{
  g_autofree char *month_text = NULL;
  g_autofree char *year_text = NULL;
  g_autofree char *format_option = NULL;
  g_autofree char *chart = NULL;
  g_autofree char *output = NULL;
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = {
    { "month", 0, 0, G_OPTION_ARG_STRING, &month_text, N_("The month to summarise"), "YYYY-MM" },
    { "year", 0, 0, G_OPTION_ARG_STRING, &year_text, N_("The year to recapitulate, month by month"), "YYYY" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_option, N_("Output format"), "text|json|csv|xlsx|png|svg" },
    { "chart", 0, 0, G_OPTION_ARG_STRING, &chart, N_("The chart for png and svg"), "tatap-muka|vidcon|ppid|topics" },
    { "output", 'o', 0, G_OPTION_ARG_STRING, &output, N_("Write to FILE instead of standard output"), "FILE" },
    { NULL }
  };
  const char *format;
  TamuStore *store;
  int year = 0;
  int month = 0;

  if (!tamu_cli_parse ("summary", "", entries, &argc, &argv))
    return TAMU_CLI_USAGE;
  if (argc > 1)
    return tamu_cli_usage ("summary", _("unexpected argument “%s”"), argv[1]);

  if ((month_text == NULL) == (year_text == NULL))
    return tamu_cli_usage ("summary", _("give either --month YYYY-MM or --year YYYY"));

  format = format_option ? format_option : "text";
  if (month_text != NULL)
    {
      if (!tamu_cli_check_format ("summary", &format, "text|json|csv|xlsx|png|svg"))
        return TAMU_CLI_USAGE;
    }
  else if (!tamu_cli_check_format ("summary", &format, "text|json|csv|xlsx"))
    return TAMU_CLI_USAGE;

  if (chart != NULL && !(g_str_equal (format, "png") || g_str_equal (format, "svg")))
    return tamu_cli_usage ("summary", _("--chart goes with --format png or svg"));

  /* Binary formats are never written to a terminal or a pipe. */
  if ((g_str_equal (format, "xlsx") || g_str_equal (format, "png") || g_str_equal (format, "svg"))
      && (output == NULL || g_str_equal (output, "-")))
    return tamu_cli_usage ("summary", _("--format %s needs -o FILE"), format);

  if (month_text != NULL)
    {
      if (!tamu_summary_parse_month ("month", month_text, &year, &month, &error))
        return tamu_cli_fail (error);
    }
  else if (!tamu_parse_int ("year", year_text, 2000, 2999, &year, &error))
    return tamu_cli_fail (error);

  store = tamu_cli_get_store (ctx);
  if (store == NULL)
    return TAMU_CLI_FAILED;

  if (month_text != NULL)
    return run_month (store, year, month, format, chart, output);
  return run_year (store, year, format, output);
}
