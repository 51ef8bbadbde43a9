/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tamu-ppid-editor"

#include "config.h"

#include "tamu-ppid-editor.h"

#include <glib/gi18n.h>

#include "tamu-clock.h"
#include "tamu-error.h"
#include "tamu-gui-util.h"
#include "tamu-parse.h"
#include "tamu-store-ppid.h"
#include "tamu-unavailable-banner.h"

/* The text fields of the register, in the order of the form. */
typedef enum
{
  FIELD_RECEIVED,
  FIELD_NAME,
  FIELD_INFORMATION,
  FIELD_PURPOSE,
  FIELD_CHANNEL,
  FIELD_ADDRESS,
  FIELD_CONTACT,
  FIELD_OCCUPATION,
  FIELD_IDENTITY,
  FIELD_OBTAIN,
  FIELD_DELIVERY,
  FIELD_FEE,
  FIELD_NOTES,
  N_FIELDS
} Field;

static const char * const field_labels[N_FIELDS] = {
  N_("Received"), N_("Requester"), N_("Information requested"), N_("Purpose of use"),
  N_("Channel"), N_("Address"), N_("Phone or e-mail"), N_("Occupation"),
  N_("NIK or deed number"), N_("How to obtain"), N_("How to send"), N_("Fee (Rp)"), N_("Notes"),
};

typedef enum
{
  CHOICE_CATEGORY,
  CHOICE_FORM,
  CHOICE_KIND,
  CHOICE_INFO_STATUS,
  N_CHOICES
} Choice;

struct _TamuPpidEditor
{
  AdwWindow        parent_instance;

  TamuWindow      *window;  /* unowned: the editor is transient for it */
  TamuPpidRequest *request; /* NULL while registering a new one */

  GtkWidget       *save_button;
  GtkWidget       *entries[N_FIELDS];
  GtkWidget       *choices[N_CHOICES];
  GtkWidget       *progress_box; /* the steps and timeline, rebuilt after each step */
};

G_DEFINE_FINAL_TYPE (TamuPpidEditor, tamu_ppid_editor, ADW_TYPE_WINDOW)

static TamuStore *
get_store (TamuPpidEditor *self)
{
  return tamu_window_get_store (self->window);
}

static void
set_entry (TamuPpidEditor *self,
           Field           field,
           const char     *text)
{
  gtk_editable_set_text (GTK_EDITABLE (self->entries[field]), text != NULL ? text : "");
}

static const char *
get_entry (TamuPpidEditor *self,
           Field           field)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->entries[field]));
}

static char *
dup_entry (TamuPpidEditor *self,
           Field           field)
{
  g_autofree char *text = g_strstrip (g_strdup (get_entry (self, field)));

  return *text != '\0' ? g_steal_pointer (&text) : NULL;
}

/* Reads the form into @request; errors name the field. */
static gboolean
read_form (TamuPpidEditor  *self,
           TamuPpidRequest *request,
           GError         **error)
{
  g_autofree char *fee = dup_entry (self, FIELD_FEE);

  if (!tamu_parse_date_loose ("received", get_entry (self, FIELD_RECEIVED), &request->received, error))
    return FALSE;
  if (fee != NULL)
    {
      int value;

      if (!tamu_parse_int ("fee", fee, 0, G_MAXINT, &value, error))
        return FALSE;
      request->fee = value;
    }
  else
    request->fee = 0;

#define TAKE(member, field) G_STMT_START { g_free (request->member); request->member = dup_entry (self, field); } G_STMT_END
  TAKE (name, FIELD_NAME);
  TAKE (information, FIELD_INFORMATION);
  TAKE (purpose, FIELD_PURPOSE);
  TAKE (channel, FIELD_CHANNEL);
  TAKE (address, FIELD_ADDRESS);
  TAKE (contact, FIELD_CONTACT);
  TAKE (occupation, FIELD_OCCUPATION);
  TAKE (identity_number, FIELD_IDENTITY);
  TAKE (obtain_method, FIELD_OBTAIN);
  TAKE (delivery_method, FIELD_DELIVERY);
  TAKE (notes, FIELD_NOTES);
#undef TAKE

  /* The drop-downs list the values in enum order. */
  request->category = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->choices[CHOICE_CATEGORY]));
  request->form = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->choices[CHOICE_FORM]));
  request->kind = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->choices[CHOICE_KIND]));
  request->info_status = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->choices[CHOICE_INFO_STATUS]));
  return TRUE;
}

static void
save_clicked_cb (TamuPpidEditor *self)
{
  g_autoptr(TamuPpidRequest) draft = self->request != NULL ? tamu_ppid_request_copy (self->request)
                                                           : tamu_ppid_request_new ();
  g_autoptr(TamuPpidRequest) stored = NULL;
  g_autoptr(GError) error = NULL;

  if (read_form (self, draft, &error))
    stored = self->request != NULL ? tamu_store_update_ppid (get_store (self), draft, &error)
                                   : tamu_store_add_ppid (get_store (self), draft, &error);
  if (stored == NULL)
    {
      tamu_window_show_error (self->window, _("Cannot Save the Request"), error);
      return;
    }
  {
    g_autofree char *number = tamu_ppid_request_dup_number (stored);
    g_autofree char *message = g_strdup_printf (_("Request %s saved"), number);

    tamu_window_toast (self->window, message);
  }
  gtk_window_destroy (GTK_WINDOW (self));
}

/* ---- steps --------------------------------------------------------- */

typedef struct
{
  TamuPpidEditor *editor;
  TamuPpidAction  action;
  GtkWidget      *date_entry;
  GtkWidget      *reason_entry;
  GtkWidget      *days_spin;
  GtkWidget      *decision_drop;
  GtkWidget      *refusal_drop;
  GtkWidget      *holder_entry;
} StepDialog;

static void
step_dialog_free (gpointer  user_data,
                  GClosure *closure)
{
  StepDialog *data = user_data;

  g_object_unref (data->editor);
  g_free (data);
}

static void rebuild_progress (TamuPpidEditor *self);

static void
step_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  StepDialog       *data)
{
  TamuPpidEditor *self = data->editor;
  g_autoptr(TamuPpidRequest) updated = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *date_text = NULL;
  TamuPpidStep step;

  if (!g_str_equal (response, "apply"))
    return;

  tamu_ppid_step_init (&step, data->action);
  date_text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (data->date_entry))));
  if (*date_text != '\0' && !tamu_parse_date_loose ("date", date_text, &step.date, &error))
    goto failed;
  if (data->reason_entry != NULL)
    step.reason = gtk_editable_get_text (GTK_EDITABLE (data->reason_entry));
  if (data->days_spin != NULL)
    step.days = gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (data->days_spin));
  if (data->decision_drop != NULL)
    {
      /* Lists in enum order, without the "none" entry. */
      step.decision = gtk_drop_down_get_selected (GTK_DROP_DOWN (data->decision_drop)) + 1;
      step.refusal = gtk_drop_down_get_selected (GTK_DROP_DOWN (data->refusal_drop));
      step.holder = gtk_editable_get_text (GTK_EDITABLE (data->holder_entry));
    }

  updated = tamu_store_apply_ppid_step (get_store (self), self->request->id, &step, &error);
  if (updated == NULL)
    goto failed;

  tamu_ppid_request_unref (self->request);
  self->request = g_steal_pointer (&updated);
  rebuild_progress (self);
  return;

failed:
  tamu_window_show_error (self->window, _("Step Refused"), error);
}

static GtkWidget *
add_labelled (GtkWidget  *grid,
              int         row,
              const char *label_text,
              GtkWidget  *widget)
{
  GtkWidget *label = gtk_label_new (label_text);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_grid_attach (GTK_GRID (grid), label, 0, row, 1, 1);
  gtk_widget_set_hexpand (widget, TRUE);
  gtk_grid_attach (GTK_GRID (grid), widget, 1, row, 1, 1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label_text, -1);
  return widget;
}

static GtkWidget *
new_drop_down (const char * const *items)
{
  GtkWidget *drop = gtk_drop_down_new_from_strings (items);

  return drop;
}

static void
open_step_dialog (TamuPpidEditor *self,
                  TamuPpidAction  action)
{
  static const char *decisions[4];
  static const char *refusals[5];
  StepDialog *data = g_new0 (StepDialog, 1);
  GtkWidget *dialog, *grid;
  const char *heading = "";
  const char *apply = _("_Record");
  g_autofree char *today_text = NULL;
  GDate today;
  int row = 0;

  decisions[0] = _("Granted in full");
  decisions[1] = _("Granted in part");
  decisions[2] = _("Refused");
  refusals[0] = _("No reason");
  refusals[1] = _("Exempt information");
  refusals[2] = _("Not held");
  refusals[3] = _("Not yet documented");

  data->editor = g_object_ref (self);
  data->action = action;

  switch (action)
    {
    case TAMU_PPID_STEP_EXTEND: heading = _("Extend the Deadline"); apply = _("_Extend"); break;
    case TAMU_PPID_STEP_RESPOND: heading = _("Record the Written Answer"); break;
    case TAMU_PPID_STEP_OBJECT: heading = _("Record an Objection"); break;
    case TAMU_PPID_STEP_ANSWER_OBJECTION: heading = _("Record the Objection’s Answer"); break;
    case TAMU_PPID_STEP_DISPUTE: heading = _("Record a Dispute"); break;
    case TAMU_PPID_STEP_WITHDRAW: heading = _("Withdraw the Request"); apply = _("_Withdraw"); break;
    default: g_assert_not_reached ();
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, NULL);
  grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);

  tamu_clock_today (&today);
  today_text = tamu_format_date_iso (&today);
  data->date_entry = add_labelled (grid, row++, _("Date"), gtk_entry_new ());
  gtk_editable_set_text (GTK_EDITABLE (data->date_entry), today_text);

  if (action == TAMU_PPID_STEP_RESPOND)
    {
      data->decision_drop = add_labelled (grid, row++, _("Decision"), new_drop_down (decisions));
      data->refusal_drop = add_labelled (grid, row++, _("Refusal reason"), new_drop_down (refusals));
      data->holder_entry = add_labelled (grid, row++, _("Holder of the information"), gtk_entry_new ());
      tamu_gui_name_internal_buttons (data->decision_drop, _("Decision"));
      tamu_gui_name_internal_buttons (data->refusal_drop, _("Refusal reason"));
    }
  if (action == TAMU_PPID_STEP_EXTEND)
    {
      data->days_spin = add_labelled (grid, row++, _("Working days"),
                                      gtk_spin_button_new_with_range (1, TAMU_PPID_MAX_EXTENSION_DAYS, 1));
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (data->days_spin), TAMU_PPID_MAX_EXTENSION_DAYS);
      data->reason_entry = add_labelled (grid, row++, _("Reason"), gtk_entry_new ());
    }
  if (action == TAMU_PPID_STEP_OBJECT)
    data->reason_entry = add_labelled (grid, row++, _("Grounds"), gtk_entry_new ());

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), grid);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "apply", apply,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "apply",
                                              action == TAMU_PPID_STEP_WITHDRAW
                                              ? ADW_RESPONSE_DESTRUCTIVE : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "apply");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (step_response_cb), data,
                         step_dialog_free, 0);
  tamu_gui_present_dialog (GTK_WINDOW (dialog));
}

static void
step_clicked_cb (GtkButton      *button,
                 TamuPpidEditor *self)
{
  open_step_dialog (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "action")));
}

/* The steps the request's state allows, and its timeline. */
static void
rebuild_progress (TamuPpidEditor *self)
{
  static const struct
  {
    TamuPpidAction action;
    const char    *label;
  } steps[] = {
    { TAMU_PPID_STEP_RESPOND, N_("Record _Answer…") },
    { TAMU_PPID_STEP_EXTEND, N_("E_xtend…") },
    { TAMU_PPID_STEP_OBJECT, N_("_Objection…") },
    { TAMU_PPID_STEP_ANSWER_OBJECTION, N_("Objection _Answered…") },
    { TAMU_PPID_STEP_DISPUTE, N_("_Dispute…") },
    { TAMU_PPID_STEP_WITHDRAW, N_("_Withdraw…") },
  };
  g_autoptr(TamuCalendar) calendar = NULL;
  g_autoptr(GPtrArray) timeline = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *status = NULL;
  GtkWidget *child, *buttons, *list, *label;
  TamuPpidRequest *r = self->request;
  GDate today;

  while ((child = gtk_widget_get_first_child (self->progress_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->progress_box), child);
  if (r == NULL)
    return;

  calendar = tamu_store_load_calendar (get_store (self), &error);
  if (calendar == NULL)
    {
      tamu_window_toast (self->window, error->message);
      return;
    }
  tamu_clock_today (&today);

  {
    int days_left;
    g_autofree char *when = NULL;

    if (tamu_ppid_request_get_days_left (r, calendar, &today, &days_left))
      when = days_left < 0
        ? g_strdup_printf (ngettext ("%d day late", "%d days late", -days_left), -days_left)
        : g_strdup_printf (ngettext ("%d day left", "%d days left", days_left), days_left);
    status = when != NULL ? g_strdup_printf ("%s · %s", tamu_ppid_status_to_label (r->status), when)
                          : g_strdup (tamu_ppid_status_to_label (r->status));
  }
  label = gtk_label_new (status);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (self->progress_box), label);
  if (!tamu_ppid_request_check_calendar (r, calendar, &error))
    {
      GtkWidget *warning = gtk_label_new (error->message);

      gtk_label_set_wrap (GTK_LABEL (warning), TRUE);
      gtk_label_set_xalign (GTK_LABEL (warning), 0);
      gtk_widget_add_css_class (warning, "editor-message");
      gtk_widget_add_css_class (warning, "warning");
      gtk_box_append (GTK_BOX (self->progress_box), warning);
      g_clear_error (&error);
    }

  /* Only the steps the state allows; the store checks the rest. */
  buttons = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (buttons), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (buttons), 6);
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      gboolean allowed;
      GtkWidget *button;

      switch (steps[i].action)
        {
        case TAMU_PPID_STEP_RESPOND:
        case TAMU_PPID_STEP_WITHDRAW:
          allowed = tamu_ppid_request_is_open (r);
          break;
        case TAMU_PPID_STEP_EXTEND:
          allowed = r->status == TAMU_PPID_RECEIVED;
          break;
        case TAMU_PPID_STEP_OBJECT:
          allowed = r->status == TAMU_PPID_ANSWERED;
          break;
        case TAMU_PPID_STEP_ANSWER_OBJECTION:
          allowed = r->status == TAMU_PPID_OBJECTION_FILED;
          break;
        case TAMU_PPID_STEP_DISPUTE:
          allowed = r->status == TAMU_PPID_OBJECTION_ANSWERED;
          break;
        default:
          allowed = FALSE;
        }
      if (!allowed)
        continue;
      button = gtk_button_new_with_mnemonic (_(steps[i].label));
      g_object_set_data (G_OBJECT (button), "action", GINT_TO_POINTER (steps[i].action));
      g_signal_connect (button, "clicked", G_CALLBACK (step_clicked_cb), self);
      gtk_flow_box_append (GTK_FLOW_BOX (buttons), button);
    }
  gtk_box_append (GTK_BOX (self->progress_box), buttons);

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Timeline"), -1);
  timeline = tamu_ppid_request_build_timeline (r, calendar, &today);
  for (guint i = 0; i < timeline->len; i++)
    {
      const TamuPpidTimelineEntry *entry = g_ptr_array_index (timeline, i);
      g_autofree char *date = tamu_gui_format_date_long (&entry->date);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), entry->label);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), date);
      icon = gtk_image_new_from_icon_name (entry->is_late ? "dialog-warning-symbolic"
                                           : entry->is_done ? "emblem-ok-symbolic"
                                           : entry->is_deadline ? "alarm-symbolic" : "media-record-symbolic");
      if (entry->is_late)
        gtk_widget_add_css_class (icon, "error");
      else if (entry->is_done)
        gtk_widget_add_css_class (icon, "success");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  gtk_box_append (GTK_BOX (self->progress_box), list);
}

/* ---- construction -------------------------------------------------- */

static GtkWidget *
add_choice (GtkWidget          *grid,
            int                 row,
            const char         *label,
            const char * const *items,
            guint               selected)
{
  GtkWidget *drop = add_labelled (grid, row, label, new_drop_down (items));

  gtk_drop_down_set_selected (GTK_DROP_DOWN (drop), selected);
  tamu_gui_name_internal_buttons (drop, label);
  return drop;
}

GtkWindow *
tamu_ppid_editor_new (TamuWindow      *window,
                      TamuPpidRequest *request)
{
  TamuPpidEditor *self;
  GtkWidget *content, *header, *cancel, *scrolled, *clamp, *box, *grid;
  const char *categories[] = { _("Individual"), _("Legal entity"), _("Group"), NULL };
  const char *forms[] = { _("Softcopy"), _("Hardcopy"), NULL };
  const char *kinds[] = { _("Obtain a copy"), _("View"), NULL };
  const char *statuses[] = { _("Not yet established"), _("Held"), _("Not held"), _("Not yet documented"), NULL };
  g_autofree char *title = NULL;
  int row = 0;

  g_return_val_if_fail (TAMU_IS_WINDOW (window), NULL);

  self = g_object_new (TAMU_TYPE_PPID_EDITOR,
                       "transient-for", window,
                       "modal", TRUE,
                       "default-width", 720,
                       "default-height", 760,
                       NULL);
  self->window = window;
  self->request = request != NULL ? tamu_ppid_request_ref (request) : NULL;

  if (request != NULL)
    {
      g_autofree char *number = tamu_ppid_request_dup_number (request);

      title = g_strdup_printf (_("PPID Request %s"), number);
    }
  else
    title = g_strdup (_("New PPID Request"));
  gtk_window_set_title (GTK_WINDOW (self), title);

  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  self->save_button = gtk_button_new_with_mnemonic (request != NULL ? _("_Save") : _("_Register"));
  gtk_widget_add_css_class (self->save_button, "suggested-action");
  g_signal_connect_swapped (self->save_button, "clicked", G_CALLBACK (save_clicked_cb), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->save_button);
  gtk_box_append (GTK_BOX (content), header);

  scrolled = gtk_scrolled_window_new ();
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  clamp = adw_clamp_new ();
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_box_append (GTK_BOX (content), scrolled);

  /* While the server is away: Save off, the reason shown, the fields kept. */
  gtk_box_append (GTK_BOX (box),
                  tamu_unavailable_notice_new (get_store (self), self->save_button,
                                               _("server unreachable: the request is not saved yet"),
                                               NULL, NULL));
  self->progress_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_box_append (GTK_BOX (box), self->progress_box);

  grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_box_append (GTK_BOX (box), grid);
  for (int f = 0; f < N_FIELDS; f++)
    {
      self->entries[f] = add_labelled (grid, row++, _(field_labels[f]), gtk_entry_new ());
      if (f == FIELD_RECEIVED)
        gtk_entry_set_placeholder_text (GTK_ENTRY (self->entries[f]), _("YYYY-MM-DD or 1 Maret 2024"));
      if (f == FIELD_CHANNEL)
        gtk_entry_set_placeholder_text (GTK_ENTRY (self->entries[f]), _("website, e-mail, letter, in person…"));
      if (f == FIELD_PURPOSE)
        {
          self->choices[CHOICE_CATEGORY] = add_choice (grid, row++, _("Requester category"), categories,
                                                       request != NULL ? request->category : 0);
        }
    }
  self->choices[CHOICE_FORM] = add_choice (grid, row++, _("Form"), forms, request != NULL ? request->form : 0);
  self->choices[CHOICE_KIND] = add_choice (grid, row++, _("Request kind"), kinds, request != NULL ? request->kind : 0);
  self->choices[CHOICE_INFO_STATUS] = add_choice (grid, row++, _("Information status"), statuses,
                                                  request != NULL ? request->info_status : 0);

  if (request != NULL)
    {
      g_autofree char *received = tamu_format_date_iso (&request->received);
      g_autofree char *fee = g_strdup_printf ("%" G_GINT64_FORMAT, request->fee);

      set_entry (self, FIELD_RECEIVED, received);
      set_entry (self, FIELD_NAME, request->name);
      set_entry (self, FIELD_INFORMATION, request->information);
      set_entry (self, FIELD_PURPOSE, request->purpose);
      set_entry (self, FIELD_CHANNEL, request->channel);
      set_entry (self, FIELD_ADDRESS, request->address);
      set_entry (self, FIELD_CONTACT, request->contact);
      set_entry (self, FIELD_OCCUPATION, request->occupation);
      set_entry (self, FIELD_IDENTITY, request->identity_number);
      set_entry (self, FIELD_OBTAIN, request->obtain_method);
      set_entry (self, FIELD_DELIVERY, request->delivery_method);
      set_entry (self, FIELD_FEE, fee);
      set_entry (self, FIELD_NOTES, request->notes);
      rebuild_progress (self);
    }
  else
    {
      g_autofree char *today_text = NULL;
      GDate today;

      tamu_clock_today (&today);
      today_text = tamu_format_date_iso (&today);
      set_entry (self, FIELD_RECEIVED, today_text);
      set_entry (self, FIELD_CHANNEL, "website");
    }

  adw_window_set_content (ADW_WINDOW (self), content);
  return GTK_WINDOW (self);
}

static void
tamu_ppid_editor_finalize (GObject *object)
{
  TamuPpidEditor *self = TAMU_PPID_EDITOR (object);

  g_clear_pointer (&self->request, tamu_ppid_request_unref);

  G_OBJECT_CLASS (tamu_ppid_editor_parent_class)->finalize (object);
}

static void
tamu_ppid_editor_class_init (TamuPpidEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tamu_ppid_editor_finalize;
  gtk_widget_class_add_binding_action (GTK_WIDGET_CLASS (klass), GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
tamu_ppid_editor_init (TamuPpidEditor *self)
{
}
