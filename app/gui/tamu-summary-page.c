/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tamu-gui"

#include "config.h"

#include "tamu-summary-page.h"

#include <glib/gi18n.h>
#include <math.h>

#include "tamu-booking-object.h"
#include "tamu-clock.h"
#include "tamu-gui-util.h"
#include "tamu-summary.h"
#include "tamu-summary-chart.h"

struct _TamuSummaryPage
{
  AdwBin        parent_instance;

  TamuWindow   *window;    /* not owned: the window owns the page */
  TamuSummary  *summary;
  int           year;
  int           month;
  gboolean      updating;  /* the picker is being set from code */

  GtkDropDown  *month_dropdown;
  GtkSpinButton *year_spin;
  GtkLabel     *title_label;
  GtkGrid      *figures_grid;
  GtkLabel     *totals_label;
  GtkSpinButton *since_spin;
  GtkDropDown  *chart_dropdown;
  GtkDrawingArea *chart_area;
  GtkLabel     *narrative_label;
  GtkLabel     *visits_heading;
  GtkColumnView *visits_view;
  GtkLabel     *vidcon_heading;
  GtkColumnView *vidcon_view;
  GtkLabel     *breaches_label;
  GtkLabel     *warnings_label;
};

G_DEFINE_FINAL_TYPE (TamuSummaryPage, tamu_summary_page, ADW_TYPE_BIN)

/* ---- the figures -------------------------------------------------- */

static char *
dup_month_name (int year,
                int month)
{
  g_autoptr(GDateTime) when = g_date_time_new_local (year, month, 1, 0, 0, 0);

  /* Translators: a month and its year, as in "March 2024" (strftime format) */
  return g_date_time_format (when, _("%B %Y"));
}

static char *
dup_change (double pct,
            int    current)
{
  g_autofree char *number = NULL;

  if (isnan (pct) && current == 0)
    return g_strdup ("–");
  if (isnan (pct))
    /* Translators: a change against a base of 0 */
    return g_strdup (_("new"));
  number = tamu_summary_format_pct (fabs (pct));
  if (pct > 0)
    return g_strdup_printf ("+%s%%", number);
  if (pct < 0)
    return g_strdup_printf ("−%s%%", number);
  return g_strdup ("0%");
}

static GtkWidget *
grid_label (const char *text,
            gboolean    heading,
            float       xalign)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  if (heading)
    gtk_widget_add_css_class (label, "heading");
  else
    gtk_widget_add_css_class (label, "numeric");
  return label;
}

static void
add_figures_row (TamuSummaryPage *self,
                 int              row,
                 const char      *name,
                 int              previous,
                 int              last_year,
                 int              current,
                 double           vs_previous,
                 double           vs_last_year)
{
  g_autofree char *a = g_strdup_printf ("%d", previous);
  g_autofree char *b = g_strdup_printf ("%d", last_year);
  g_autofree char *c = g_strdup_printf ("%d", current);
  g_autofree char *d = dup_change (vs_previous, current);
  g_autofree char *e = dup_change (vs_last_year, current);

  gtk_grid_attach (self->figures_grid, grid_label (name, TRUE, 0), 0, row, 1, 1);
  gtk_grid_attach (self->figures_grid, grid_label (a, FALSE, 1), 1, row, 1, 1);
  gtk_grid_attach (self->figures_grid, grid_label (b, FALSE, 1), 2, row, 1, 1);
  gtk_grid_attach (self->figures_grid, grid_label (c, TRUE, 1), 3, row, 1, 1);
  gtk_grid_attach (self->figures_grid, grid_label (d, FALSE, 1), 4, row, 1, 1);
  gtk_grid_attach (self->figures_grid, grid_label (e, FALSE, 1), 5, row, 1, 1);
}

static void
show_figures (TamuSummaryPage *self)
{
  const TamuSummary *s = self->summary;
  g_autofree char *previous = dup_month_name (s->month == 1 ? s->year - 1 : s->year,
                                              s->month == 1 ? 12 : s->month - 1);
  g_autofree char *last_year = dup_month_name (s->year - 1, s->month);
  g_autofree char *current = dup_month_name (s->year, s->month);
  g_autofree char *title = g_strdup_printf (_("Summary of %s"), current);
  g_autofree char *totals = NULL;
  GtkWidget *child;

  gtk_label_set_label (self->title_label, title);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->figures_grid))) != NULL)
    gtk_grid_remove (self->figures_grid, child);

  gtk_grid_attach (self->figures_grid, grid_label ("", TRUE, 0), 0, 0, 1, 1);
  gtk_grid_attach (self->figures_grid, grid_label (previous, TRUE, 1), 1, 0, 1, 1);
  gtk_grid_attach (self->figures_grid, grid_label (last_year, TRUE, 1), 2, 0, 1, 1);
  gtk_grid_attach (self->figures_grid, grid_label (current, TRUE, 1), 3, 0, 1, 1);
  gtk_grid_attach (self->figures_grid, grid_label (_("vs previous month"), TRUE, 1), 4, 0, 1, 1);
  gtk_grid_attach (self->figures_grid, grid_label (_("vs last year"), TRUE, 1), 5, 0, 1, 1);

  add_figures_row (self, 1, _("Face-to-face visits"), s->tatap_muka.previous_month,
                   s->tatap_muka.same_month_last_year, s->tatap_muka.held,
                   s->tatap_muka.change_vs_previous_pct, s->tatap_muka.change_vs_last_year_pct);
  add_figures_row (self, 2, _("Video conferences"), s->vidcon.previous_month,
                   s->vidcon.same_month_last_year, s->vidcon.held,
                   s->vidcon.change_vs_previous_pct, s->vidcon.change_vs_last_year_pct);
  if (s->ppid.available)
    add_figures_row (self, 3, _("PPID requests"), s->ppid.previous_month,
                     s->ppid.same_month_last_year, s->ppid.received,
                     s->ppid.change_vs_previous_pct, s->ppid.change_vs_last_year_pct);

  totals = g_strdup_printf (_("Visits held since %d: %d · Guests this month: %d · "
                              "Cancelled: %d · No-show: %d · Guest limit: %d"),
                            s->tatap_muka.cumulative_since, s->tatap_muka.cumulative,
                            s->tatap_muka.guests, s->tatap_muka.cancelled + s->vidcon.cancelled,
                            s->tatap_muka.no_show + s->vidcon.no_show, s->guest_limit);
  gtk_label_set_label (self->totals_label, totals);

  self->updating = TRUE;
  gtk_spin_button_set_value (self->since_spin, s->tatap_muka.cumulative_since);
  self->updating = FALSE;
}

static void
show_lists (TamuSummaryPage *self)
{
  const TamuSummary *s = self->summary;
  g_autoptr(GListStore) visits = tamu_booking_object_store_new (s->tatap_muka.rows);
  g_autoptr(GListStore) vidcons = tamu_booking_object_store_new (s->vidcon.rows);
  g_autofree char *visits_heading = g_strdup_printf (_("Face-to-Face Visits (%d)"), s->tatap_muka.held);
  g_autofree char *vidcon_heading = g_strdup_printf (_("Video Conferences (%d)"), s->vidcon.held);
  g_autoptr(GtkNoSelection) visits_model = gtk_no_selection_new (G_LIST_MODEL (g_steal_pointer (&visits)));
  g_autoptr(GtkNoSelection) vidcon_model = gtk_no_selection_new (G_LIST_MODEL (g_steal_pointer (&vidcons)));
  GString *breaches = g_string_new (NULL);
  GString *warnings = g_string_new (NULL);
  g_autofree char *breaches_text = NULL;
  g_autofree char *warnings_text = NULL;

  gtk_label_set_label (self->visits_heading, visits_heading);
  gtk_label_set_label (self->vidcon_heading, vidcon_heading);
  gtk_column_view_set_model (self->visits_view, GTK_SELECTION_MODEL (visits_model));
  gtk_column_view_set_model (self->vidcon_view, GTK_SELECTION_MODEL (vidcon_model));

  for (guint i = 0; i < s->tatap_muka.over_limit->len; i++)
    {
      const TamuBooking *b = g_ptr_array_index (s->tatap_muka.over_limit, i);
      char date[64];

      g_date_strftime (date, sizeof date, "%-d %B %Y", &b->date);
      if (breaches->len > 0)
        g_string_append_c (breaches, '\n');
      /* Translators: date, daerah, the guests who came, the limit in force */
      g_string_append_printf (breaches, _("%s · %s: %d guests, limit %d"),
                              date, b->daerah, b->actual_guests, b->guest_limit);
      if (b->override_reason != NULL && *b->override_reason != '\0')
        g_string_append_printf (breaches, _(" (allowed: %s)"), b->override_reason);
    }
  breaches_text = g_string_free (breaches, FALSE);
  gtk_label_set_label (self->breaches_label,
                       *breaches_text ? breaches_text : _("No visit brought more guests than its limit."));

  for (guint i = 0; i < s->warnings->len; i++)
    {
      if (warnings->len > 0)
        g_string_append_c (warnings, '\n');
      g_string_append (warnings, g_ptr_array_index (s->warnings, i));
    }
  warnings_text = g_string_free (warnings, FALSE);
  gtk_label_set_label (self->warnings_label, *warnings_text ? warnings_text : _("No warnings."));
}

static TamuSummaryChart
get_chart (TamuSummaryPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->chart_dropdown);

  return selected <= TAMU_SUMMARY_CHART_TOPICS ? (TamuSummaryChart) selected
                                              : TAMU_SUMMARY_CHART_TATAP_MUKA;
}

static void
draw_chart_cb (GtkDrawingArea *area,
               cairo_t        *cr,
               int             width,
               int             height,
               gpointer        user_data)
{
  TamuSummaryPage *self = user_data;

  if (self->summary != NULL)
    tamu_summary_chart_draw (self->summary, get_chart (self), cr, width, height);
}

static void
update_chart_description (TamuSummaryPage *self)
{
  g_autofree char *title = NULL;

  if (self->summary == NULL)
    return;
  title = tamu_summary_chart_dup_title (self->summary, get_chart (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart_area),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
}

static void
chart_changed_cb (TamuSummaryPage *self)
{
  update_chart_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->chart_area));
}

void
tamu_summary_page_reload (TamuSummaryPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  TamuSummary *summary;

  g_return_if_fail (TAMU_IS_SUMMARY_PAGE (self));

  summary = tamu_summary_new (tamu_window_get_store (self->window), self->year, self->month, &error);
  if (summary == NULL)
    {
      tamu_window_show_error (self->window, _("Cannot Build the Summary"), error);
      return;
    }
  g_clear_pointer (&self->summary, tamu_summary_free);
  self->summary = summary;

  show_figures (self);
  show_lists (self);
  text = tamu_summary_dup_text (summary);
  g_strchomp (text);
  gtk_label_set_label (self->narrative_label, text);
  update_chart_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->chart_area));
}

void
tamu_summary_page_set_month (TamuSummaryPage *self,
                             int              year,
                             int              month)
{
  g_return_if_fail (TAMU_IS_SUMMARY_PAGE (self));
  g_return_if_fail (month >= 1 && month <= 12);

  self->year = CLAMP (year, 2000, 2999);
  self->month = month;

  self->updating = TRUE;
  gtk_drop_down_set_selected (self->month_dropdown, month - 1);
  gtk_spin_button_set_value (self->year_spin, self->year);
  self->updating = FALSE;

  tamu_summary_page_reload (self);
}

static void
picker_changed_cb (TamuSummaryPage *self)
{
  guint selected;

  if (self->updating)
    return;
  selected = gtk_drop_down_get_selected (self->month_dropdown);
  if (selected == GTK_INVALID_LIST_POSITION)
    return;
  tamu_summary_page_set_month (self, gtk_spin_button_get_value_as_int (self->year_spin), selected + 1);
}

/* The count-since-year setting, validated and audited by the store. */
static void
since_changed_cb (TamuSummaryPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;

  if (self->updating || self->summary == NULL)
    return;
  value = g_strdup_printf ("%d", gtk_spin_button_get_value_as_int (self->since_spin));
  if (!tamu_store_set_setting (tamu_window_get_store (self->window), "count-since-year", value, &error))
    {
      tamu_window_show_error (self->window, _("Cannot Change the Setting"), error);
      self->updating = TRUE;
      gtk_spin_button_set_value (self->since_spin, self->summary->tatap_muka.cumulative_since);
      self->updating = FALSE;
      return;
    }
  tamu_summary_page_reload (self);
}

/* ---- actions ------------------------------------------------------ */

static void
step_month_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TamuSummaryPage *self = TAMU_SUMMARY_PAGE (widget);
  int year = self->year;
  int month = self->month;

  if (g_str_equal (action_name, "summary.this-month"))
    {
      GDate today;

      tamu_clock_today (&today);
      year = g_date_get_year (&today);
      month = g_date_get_month (&today);
    }
  else if (g_str_equal (action_name, "summary.previous"))
    {
      month--;
      if (month == 0)
        {
          month = 12;
          year--;
        }
    }
  else
    {
      month++;
      if (month == 13)
        {
          month = 1;
          year++;
        }
    }

  tamu_summary_page_set_month (self, year, month);
}

static void
copy_text_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TamuSummaryPage *self = TAMU_SUMMARY_PAGE (widget);
  g_autofree char *text = NULL;

  if (self->summary == NULL)
    return;
  text = tamu_summary_dup_text (self->summary);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  tamu_window_toast (self->window, _("Summary text copied"));
}

/* An export: the summary it writes (owned) and where. */
typedef struct
{
  TamuSummary     *summary;
  TamuYearSummary *year;  /* kind "year-xlsx" */
  char            *kind;  /* "xlsx", "csv", "text", "chart", "year-xlsx" */
  TamuSummaryChart chart;
  GFile           *file;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_pointer (&job->summary, tamu_summary_free);
  g_clear_pointer (&job->year, tamu_year_summary_free);
  g_free (job->kind);
  g_clear_object (&job->file);
  g_free (job);
}

/* In the worker thread: the summary is the job's own copy, nobody else reads it. */
static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (job->file);
  gboolean ok;

  if (path == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("export: only local files can be written"));
      return;
    }

  if (g_str_equal (job->kind, "year-xlsx"))
    ok = tamu_year_summary_write_xlsx (job->year, path, &error);
  else if (g_str_equal (job->kind, "xlsx"))
    ok = tamu_summary_write_xlsx (job->summary, path, &error);
  else if (g_str_equal (job->kind, "csv") || g_str_equal (job->kind, "text"))
    {
      g_autofree char *data = g_str_equal (job->kind, "csv") ? tamu_summary_dup_csv (job->summary)
                                                             : tamu_summary_dup_text (job->summary);

      ok = g_file_replace_contents (job->file, data, strlen (data), NULL, FALSE,
                                    G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                                    NULL, cancellable, &error);
    }
  else
    ok = tamu_summary_chart_write (job->summary, job->chart, path, 960, 600, &error);

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  TamuSummaryPage *self = TAMU_SUMMARY_PAGE (source);
  g_autoptr(GError) error = NULL;

  if (g_task_propagate_boolean (G_TASK (result), &error))
    tamu_window_toast (self->window, _("Summary exported"));
  else
    tamu_window_show_error (self->window, _("Cannot Export the Summary"), error);
}

static void
save_response_cb (GtkNativeDialog *chooser,
                  int              response,
                  gpointer         user_data)
{
  TamuSummaryPage *self = TAMU_SUMMARY_PAGE (user_data);
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  ExportJob *job;

  if (response != GTK_RESPONSE_ACCEPT)
    goto out;

  job = g_new0 (ExportJob, 1);
  job->kind = g_strdup (g_object_get_data (G_OBJECT (chooser), "kind"));
  job->chart = get_chart (self);
  job->file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  /* A fresh summary for the thread: the page's own keeps being drawn here. */
  if (g_str_equal (job->kind, "year-xlsx"))
    job->year = tamu_year_summary_new (tamu_window_get_store (self->window), self->year, &error);
  else
    job->summary = tamu_summary_new (tamu_window_get_store (self->window), self->year, self->month, &error);
  if (job->summary == NULL && job->year == NULL)
    {
      export_job_free (job);
      tamu_window_show_error (self->window, _("Cannot Export the Summary"), error);
      goto out;
    }

  task = g_task_new (self, NULL, export_done_cb, NULL);
  g_task_set_source_tag (task, save_response_cb);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_thread);

out:
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TamuSummaryPage *self = TAMU_SUMMARY_PAGE (widget);
  const char *kind = g_variant_get_string (parameter, NULL);
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;
  const char *title;

  if (g_str_equal (kind, "xlsx"))
    {
      title = _("Export Summary as Excel");
      name = g_strdup_printf ("ringkasan-%04d-%02d.xlsx", self->year, self->month);
    }
  else if (g_str_equal (kind, "csv"))
    {
      title = _("Export Summary as CSV");
      name = g_strdup_printf ("ringkasan-%04d-%02d.csv", self->year, self->month);
    }
  else if (g_str_equal (kind, "text"))
    {
      title = _("Export Summary Text");
      name = g_strdup_printf ("ringkasan-%04d-%02d.txt", self->year, self->month);
    }
  else if (g_str_equal (kind, "year-xlsx"))
    {
      title = _("Export Year Recap as Excel");
      name = g_strdup_printf ("rekap-%04d.xlsx", self->year);
    }
  else
    {
      title = _("Save Chart (.png or .svg)");
      name = g_strdup_printf ("grafik-%s-%04d-%02d.png",
                              tamu_summary_chart_to_string (get_chart (self)), self->year, self->month);
    }

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self->window),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data_full (G_OBJECT (chooser), "kind", g_strdup (kind), g_free);
  g_signal_connect (chooser, "response", G_CALLBACK (save_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
year_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  TamuSummaryPage  *self)
{
  if (g_str_equal (response, "export"))
    gtk_widget_activate_action (GTK_WIDGET (self), "summary.export", "s", "year-xlsx");
}

/* The year view: each month's counts of every service, like the December recap. */
static void
year_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TamuSummaryPage *self = TAMU_SUMMARY_PAGE (widget);
  g_autoptr(TamuYearSummary) year = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *heading = NULL;
  GtkWidget *dialog, *label, *scrolled;

  year = tamu_year_summary_new (tamu_window_get_store (self->window), self->year, &error);
  if (year == NULL)
    {
      tamu_window_show_error (self->window, _("Cannot Build the Year Recap"), error);
      return;
    }
  text = tamu_year_summary_dup_text (year);
  g_strchomp (text);
  heading = g_strdup_printf (_("Year Recap %d"), self->year);

  dialog = adw_message_dialog_new (GTK_WINDOW (self->window), heading, NULL);
  label = gtk_label_new (text);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), FALSE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "monospace");
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), label);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "close", _("_Close"),
                                    "export", _("_Export Excel…"),
                                    NULL);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_set_default_size (GTK_WINDOW (dialog), 900, -1);
  g_signal_connect_object (dialog, "response", G_CALLBACK (year_response_cb), self, 0);
  tamu_gui_present_dialog (GTK_WINDOW (dialog));
}

/* ---- the tables' cells -------------------------------------------- */

typedef enum
{
  COLUMN_DATE,
  COLUMN_DAERAH,
  COLUMN_TOPICS,
  COLUMN_GUESTS,
} Column;

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), GPOINTER_TO_INT (user_data) == COLUMN_GUESTS ? 1 : 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  TamuBooking *b = tamu_booking_object_get_booking (gtk_list_item_get_item (item));
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  g_autofree char *text = NULL;
  char date[64];

  switch ((Column) GPOINTER_TO_INT (user_data))
    {
    case COLUMN_DATE:
      g_date_strftime (date, sizeof date, "%-d %B %Y", &b->date);
      text = g_strdup (date);
      break;
    case COLUMN_DAERAH:
      text = g_strdup (b->daerah);
      break;
    case COLUMN_TOPICS:
      text = tamu_booking_dup_topics_text (b);
      break;
    case COLUMN_GUESTS:
    default:
      text = g_strdup_printf ("%d", b->actual_guests >= 0 ? b->actual_guests : b->guests);
      break;
    }
  gtk_label_set_label (label, text);
}

static void
add_column (GtkColumnView *view,
            const char    *title,
            Column         column,
            gboolean       expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *view_column;

  g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), GINT_TO_POINTER (column));
  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_append_column (view, view_column);
  g_object_unref (view_column);
}

/* ---- life cycle --------------------------------------------------- */

/* The page follows the month of the day the user is looking at. */
static void
window_date_changed_cb (TamuSummaryPage *self)
{
  const GDate *date = tamu_window_get_date (self->window);

  if (date == NULL || !g_date_valid (date))
    return;
  if (g_date_get_year (date) == self->year && (int) g_date_get_month (date) == self->month)
    return;
  tamu_summary_page_set_month (self, g_date_get_year (date), g_date_get_month (date));
}

GtkWidget *
tamu_summary_page_new (TamuWindow *window)
{
  TamuSummaryPage *self;
  const GDate *date;
  GDate today;

  g_return_val_if_fail (TAMU_IS_WINDOW (window), NULL);

  self = g_object_new (TAMU_TYPE_SUMMARY_PAGE, NULL);
  self->window = window;

  date = tamu_window_get_date (window);
  if (date == NULL || !g_date_valid (date))
    {
      tamu_clock_today (&today);
      date = &today;
    }

  g_signal_connect_object (window, "refresh", G_CALLBACK (tamu_summary_page_reload), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (window, "notify::date", G_CALLBACK (window_date_changed_cb), self,
                           G_CONNECT_SWAPPED);
  tamu_summary_page_set_month (self, g_date_get_year (date), g_date_get_month (date));
  return GTK_WIDGET (self);
}

static void
tamu_summary_page_dispose (GObject *object)
{
  TamuSummaryPage *self = TAMU_SUMMARY_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TAMU_TYPE_SUMMARY_PAGE);

  G_OBJECT_CLASS (tamu_summary_page_parent_class)->dispose (object);
}

static void
tamu_summary_page_finalize (GObject *object)
{
  TamuSummaryPage *self = TAMU_SUMMARY_PAGE (object);

  g_clear_pointer (&self->summary, tamu_summary_free);

  G_OBJECT_CLASS (tamu_summary_page_parent_class)->finalize (object);
}

static void
tamu_summary_page_class_init (TamuSummaryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tamu_summary_page_dispose;
  object_class->finalize = tamu_summary_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/go/kemenkeu/djpk/Tamu/ui/tamu-summary-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TamuSummaryPage, month_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TamuSummaryPage, year_spin);
  gtk_widget_class_bind_template_child (widget_class, TamuSummaryPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, TamuSummaryPage, figures_grid);
  gtk_widget_class_bind_template_child (widget_class, TamuSummaryPage, totals_label);
  gtk_widget_class_bind_template_child (widget_class, TamuSummaryPage, since_spin);
  gtk_widget_class_bind_template_child (widget_class, TamuSummaryPage, chart_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TamuSummaryPage, chart_area);
  gtk_widget_class_bind_template_child (widget_class, TamuSummaryPage, narrative_label);
  gtk_widget_class_bind_template_child (widget_class, TamuSummaryPage, visits_heading);
  gtk_widget_class_bind_template_child (widget_class, TamuSummaryPage, visits_view);
  gtk_widget_class_bind_template_child (widget_class, TamuSummaryPage, vidcon_heading);
  gtk_widget_class_bind_template_child (widget_class, TamuSummaryPage, vidcon_view);
  gtk_widget_class_bind_template_child (widget_class, TamuSummaryPage, breaches_label);
  gtk_widget_class_bind_template_child (widget_class, TamuSummaryPage, warnings_label);

  gtk_widget_class_install_action (widget_class, "summary.previous", NULL, step_month_action);
  gtk_widget_class_install_action (widget_class, "summary.next", NULL, step_month_action);
  gtk_widget_class_install_action (widget_class, "summary.this-month", NULL, step_month_action);
  gtk_widget_class_install_action (widget_class, "summary.copy-text", NULL, copy_text_action);
  gtk_widget_class_install_action (widget_class, "summary.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "summary.year", NULL, year_action);
}

static void
tamu_summary_page_init (TamuSummaryPage *self)
{
  g_autoptr(GtkStringList) months = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (int m = 1; m <= 12; m++)
    {
      g_autoptr(GDateTime) when = g_date_time_new_local (2024, m, 1, 0, 0, 0);
      g_autofree char *name = g_date_time_format (when, "%B");

      gtk_string_list_append (months, name);
    }
  gtk_drop_down_set_model (self->month_dropdown, G_LIST_MODEL (months));
  tamu_gui_name_internal_buttons (GTK_WIDGET (self->month_dropdown), _("Month"));
  tamu_gui_name_internal_buttons (GTK_WIDGET (self->chart_dropdown), _("Chart"));

  gtk_drawing_area_set_draw_func (self->chart_area, draw_chart_cb, self, NULL);

  add_column (self->visits_view, _("Date"), COLUMN_DATE, FALSE);
  add_column (self->visits_view, _("Daerah"), COLUMN_DAERAH, TRUE);
  add_column (self->visits_view, _("Topics"), COLUMN_TOPICS, TRUE);
  add_column (self->visits_view, _("Guests"), COLUMN_GUESTS, FALSE);
  add_column (self->vidcon_view, _("Date"), COLUMN_DATE, FALSE);
  add_column (self->vidcon_view, _("Daerah"), COLUMN_DAERAH, TRUE);
  add_column (self->vidcon_view, _("Topics"), COLUMN_TOPICS, TRUE);

  g_signal_connect_swapped (self->month_dropdown, "notify::selected", G_CALLBACK (picker_changed_cb), self);
  g_signal_connect_swapped (self->year_spin, "value-changed", G_CALLBACK (picker_changed_cb), self);
  g_signal_connect_swapped (self->chart_dropdown, "notify::selected", G_CALLBACK (chart_changed_cb), self);
  g_signal_connect_swapped (self->since_spin, "value-changed", G_CALLBACK (since_changed_cb), self);
}
