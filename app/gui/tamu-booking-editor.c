/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tamu-booking-editor"

#include "config.h"

#include "tamu-booking-editor.h"

#include <glib/gi18n.h>

#include "tamu-confirmation-actions.h"
#include "tamu-date-button.h"
#include "tamu-error.h"
#include "tamu-field-labels.h"
#include "tamu-gui-util.h"
#include "tamu-limits.h"
#include "tamu-parse.h"
#include "tamu-regions.h"
#include "tamu-rules.h"
#include "tamu-topic-chooser.h"
#include "tamu-unavailable-banner.h"

/* Checks run this long after the last keystroke. */
#define CHECK_DELAY_MS 150

enum
{
  COMPLETION_NAME,
  COMPLETION_DETAIL,
  N_COMPLETION_COLUMNS
};

struct _TamuBookingEditor
{
  AdwWindow           parent_instance;

  TamuWindow         *window;
  TamuStore          *store;
  TamuBooking        *original; /* NULL for a new booking */
  TamuPolicy         *policy;
  GPtrArray          *topics;   /* TamuTopic* */

  GtkWidget          *save_button;
  GtkWidget          *type_dropdown;
  GtkWidget          *date_button;
  GtkWidget          *time_entry;
  GtkWidget          *slot_button;
  GtkWidget          *slot_box;
  GtkWidget          *duration_spin;
  GtkWidget          *daerah_entry;
  GtkListStore       *completion_model;
  GtkWidget          *daerah_info_label;
  GtkWidget          *suggestion_button;
  GtkWidget          *instansi_entry;
  GtkWidget          *topics_entry;
  GtkWidget          *topic_chooser;
  GtkWidget          *topics_info_label;
  GtkWidget          *guests_spin;
  GtkWidget          *room_label;
  GtkWidget          *room_dropdown;
  GtkWidget          *link_label;
  GtkWidget          *link_entry;
  GtkWidget          *contact_entry;
  GtkWidget          *phone_entry;
  GtkWidget          *email_entry;
  GtkWidget          *ticket_entry;
  GtkWidget          *pic_entry;
  GtkWidget          *notes_view;
  GtkWidget          *override_label;
  GtkWidget          *override_entry;
  GtkWidget          *error_label;
  GtkWidget          *warnings_label;
  GtkWidget          *history_label;
  GtkWidget          *history_expander;
  GHashTable         *fields;   /* key ("time") → its widget, for messages */
  GHashTable         *touched;  /* keys of the fields the person has left */
  gboolean            show_all; /* Save or Enter was pressed: every message shows */

  char               *suggestion;
  guint               check_source;
  gboolean            loading;
};

G_DEFINE_FINAL_TYPE (TamuBookingEditor, tamu_booking_editor, ADW_TYPE_WINDOW)

static void schedule_check (TamuBookingEditor *self);

/* ---- fields -------------------------------------------------------- */

static char *
dup_entry_text (GtkWidget *entry)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  return *text != '\0' ? g_steal_pointer (&text) : NULL;
}

static void
set_entry_text (GtkWidget  *entry,
                const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
}

static char *
dup_notes (TamuBookingEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->notes_view));
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));

  return *text != '\0' ? g_steal_pointer (&text) : NULL;
}

static TamuBookingType
get_type_choice (TamuBookingEditor *self)
{
  return gtk_drop_down_get_selected (GTK_DROP_DOWN (self->type_dropdown)) == 1
         ? TAMU_BOOKING_VIDCON : TAMU_BOOKING_TATAP_MUKA;
}

/* The room chosen, or NULL for "any free room". */
static const char *
get_room_choice (TamuBookingEditor *self)
{
  guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->room_dropdown));

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return NULL;

  return self->policy->rooms[selected - 1];
}

/*
 * The booking the fields describe.  A field that does not parse fails with
 * the field's own message ("time: …"), before any rule is asked.
 */
static TamuBooking *
build_draft (TamuBookingEditor *self,
             GError           **error)
{
  g_autoptr(TamuBooking) draft = NULL;
  const GDate *date = tamu_date_button_get_date (TAMU_DATE_BUTTON (self->date_button));
  g_autofree char *time_text = dup_entry_text (self->time_entry);
  g_autofree char *topics_text = dup_entry_text (self->topics_entry);
  const char *room;

  draft = self->original != NULL ? tamu_booking_copy (self->original) : tamu_booking_new ();
  draft->type = get_type_choice (self);

  if (date == NULL)
    {
      g_set_error_literal (error, TAMU_ERROR, TAMU_ERROR_INVALID, _("date: a date is required"));
      return NULL;
    }
  draft->date = *date;

  if (time_text == NULL)
    {
      g_set_error_literal (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                           _("time: a start time is required; type one or suggest a free slot"));
      return NULL;
    }
  if (!tamu_parse_time ("time", time_text, &draft->start, error))
    return NULL;

  draft->duration = gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->duration_spin));

  g_free (draft->daerah);
  draft->daerah = dup_entry_text (self->daerah_entry);
  g_clear_pointer (&draft->region_code, g_free);

  g_strfreev (draft->topics);
  draft->topics = NULL;
  if (topics_text != NULL)
    {
      draft->topics = tamu_topics_resolve_list (self->topics, topics_text, error);
      if (draft->topics == NULL)
        return NULL;
    }
  else
    draft->topics = g_new0 (char *, 1);

  draft->guests = gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->guests_spin));

  g_free (draft->room);
  g_free (draft->link);
  room = get_room_choice (self);
  draft->room = draft->type == TAMU_BOOKING_TATAP_MUKA ? g_strdup (room) : NULL;
  draft->link = draft->type == TAMU_BOOKING_VIDCON ? dup_entry_text (self->link_entry) : NULL;

#define TAKE_ENTRY(field, entry) \
  G_STMT_START { g_free (draft->field); draft->field = dup_entry_text (self->entry); } G_STMT_END
  TAKE_ENTRY (instansi, instansi_entry);
  TAKE_ENTRY (contact, contact_entry);
  TAKE_ENTRY (phone, phone_entry);
  TAKE_ENTRY (email, email_entry);
  TAKE_ENTRY (ticket, ticket_entry);
  TAKE_ENTRY (pic, pic_entry);
  TAKE_ENTRY (override_reason, override_entry);
#undef TAKE_ENTRY

  g_free (draft->notes);
  draft->notes = dup_notes (self);

  return g_steal_pointer (&draft);
}

/* ---- live checks ----------------------------------------------------- */

static void
update_daerah_info (TamuBookingEditor *self)
{
  g_autofree char *text = dup_entry_text (self->daerah_entry);
  const TamuRegion *region;
  g_autofree char *info = NULL;

  g_clear_pointer (&self->suggestion, g_free);

  if (text == NULL)
    info = NULL;
  else if ((region = tamu_regions_match (text)) != NULL)
    /* Translators: under the daerah field: "Kab. Cilacap · Jawa Tengah · WIB". */
    info = g_strdup_printf (_("%s · %s · %s"), region->short_name, region->province_name,
                            tamu_timezone_abbreviation (region->timezone));
  else if ((region = tamu_regions_suggest (text)) != NULL)
    {
      info = g_strdup_printf (_("daerah: not in the region list. Did you mean %s?"), region->short_name);
      self->suggestion = g_strdup (region->short_name);
    }
  else
    info = g_strdup (_("Not in the region list: kept as typed (an institution, a bank…)."));

  gtk_label_set_label (GTK_LABEL (self->daerah_info_label), info != NULL ? info : "");
  gtk_widget_set_visible (self->daerah_info_label, info != NULL);
  gtk_widget_set_visible (self->suggestion_button, self->suggestion != NULL);
}

static void
update_topics_info (TamuBookingEditor *self)
{
  g_autofree char *text = dup_entry_text (self->topics_entry);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) topics = NULL;
  g_autofree char *info = NULL;

  if (text == NULL)
    info = g_strdup (_("Pick the topics, or type them separated by commas; aliases such as “DAK NF” work."));
  else if ((topics = tamu_topics_resolve_list (self->topics, text, &error)) != NULL)
    {
      g_autofree char *joined = g_strjoinv (", ", topics);

      info = g_strdup_printf ("→ %s", joined);
      /* What was typed shows on the toggles too. */
      tamu_topic_chooser_set_selected (TAMU_TOPIC_CHOOSER (self->topic_chooser),
                                       (const char * const *) topics);
    }
  else if (g_hash_table_contains (self->touched, "topic") || self->show_all)
    info = tamu_gui_format_message (error->message);
  else
    info = g_strdup ("");

  gtk_label_set_label (GTK_LABEL (self->topics_info_label), info);
}

static void
update_type (TamuBookingEditor *self)
{
  gboolean visit = get_type_choice (self) == TAMU_BOOKING_TATAP_MUKA;

  gtk_widget_set_visible (self->room_label, visit);
  gtk_widget_set_visible (self->room_dropdown, visit);
  gtk_widget_set_visible (self->link_label, !visit);
  gtk_widget_set_visible (self->link_entry, !visit);
}

static void
show_warnings (TamuBookingEditor *self,
               GPtrArray         *warnings)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; warnings != NULL && i < warnings->len; i++)
    {
      TamuWarning *warning = g_ptr_array_index (warnings, i);
      g_autofree char *message = NULL;

      /* The daerah line already says it. */
      if (g_strcmp0 (warning->code, "unknown-daerah") == 0)
        continue;
      message = tamu_gui_format_message (warning->message);
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, message);
    }

  gtk_label_set_label (GTK_LABEL (self->warnings_label), text->str);
  gtk_widget_set_visible (self->warnings_label, text->len > 0);
}

/* Fields the editor has: a message about one of them waits until it was left. */
static gboolean
is_field (TamuBookingEditor *self,
          const char        *key)
{
  return key != NULL && g_hash_table_contains (self->fields, key);
}

/*
 * Shows @message (a domain message, "time: …") with its field name
 * translated and the field marked, or nothing.  Save's tooltip always says
 * what is missing, calmly, even while the message itself waits.
 */
static void
show_error (TamuBookingEditor *self,
            const char        *message,
            gboolean           visible)
{
  g_autofree char *text = message != NULL ? tamu_gui_format_message (message) : NULL;
  const char *key = tamu_gui_message_key (message);
  GHashTableIter iter;
  gpointer field_key, widget;

  gtk_label_set_label (GTK_LABEL (self->error_label), visible && text != NULL ? text : "");
  gtk_widget_set_visible (self->error_label, visible && text != NULL);
  gtk_widget_set_tooltip_text (self->save_button, text);

  g_hash_table_iter_init (&iter, self->fields);
  while (g_hash_table_iter_next (&iter, &field_key, &widget))
    {
      if (visible && g_strcmp0 (key, field_key) == 0)
        gtk_widget_add_css_class (widget, "error");
      else
        gtk_widget_remove_css_class (widget, "error");
    }
}

/* A field's message once it was left; a rule's once any field was. */
static gboolean
error_is_due (TamuBookingEditor *self,
              const char        *message)
{
  const char *key = tamu_gui_message_key (message);

  if (self->show_all)
    return TRUE;
  if (is_field (self, key))
    return g_hash_table_contains (self->touched, key);
  return g_hash_table_size (self->touched) > 0;
}

/* Runs the rules on the fields: the message shown, Save enabled or not. */
static gboolean
run_check (TamuBookingEditor *self)
{
  g_autoptr(TamuBooking) draft = NULL;
  g_autoptr(GPtrArray) warnings = tamu_warnings_new ();
  g_autoptr(GError) error = NULL;
  gboolean over_limit = FALSE;
  gboolean ok;

  if (self->store == NULL)
    return FALSE;

  update_daerah_info (self);
  update_topics_info (self);
  update_type (self);

  draft = build_draft (self, &error);
  ok = draft != NULL && tamu_store_check_booking (self->store, draft, warnings, &error);

  if (draft != NULL && draft->type == TAMU_BOOKING_TATAP_MUKA && self->policy != NULL)
    over_limit = draft->guests > self->policy->guest_limit;
  if (g_error_matches (error, TAMU_ERROR, TAMU_ERROR_GUEST_LIMIT))
    over_limit = TRUE;

  /* Over the limit needs a written reason; the field shows only then. */
  gtk_widget_set_visible (self->override_label, over_limit);
  gtk_widget_set_visible (self->override_entry, over_limit);

  show_error (self, ok ? NULL : error->message, !ok && error_is_due (self, error->message));
  show_warnings (self, ok ? warnings : NULL);
  gtk_widget_set_sensitive (self->save_button, ok);

  return ok;
}

static gboolean
check_timeout_cb (gpointer user_data)
{
  TamuBookingEditor *self = user_data;

  self->check_source = 0;
  run_check (self);

  return G_SOURCE_REMOVE;
}

static void
schedule_check (TamuBookingEditor *self)
{
  if (self->loading)
    return;

  /* Save waits for the check of what was just typed. */
  gtk_widget_set_sensitive (self->save_button, FALSE);
  g_clear_handle_id (&self->check_source, g_source_remove);
  self->check_source = g_timeout_add (CHECK_DELAY_MS, check_timeout_cb, self);
}

/* ---- region completion ------------------------------------------------ */

static void
fill_completion (TamuBookingEditor *self)
{
  g_autofree char *text = dup_entry_text (self->daerah_entry);
  g_autoptr(GPtrArray) regions = NULL;

  gtk_list_store_clear (self->completion_model);
  if (text == NULL || strlen (text) < 2)
    return;

  regions = tamu_regions_search (text, 10);
  for (guint i = 0; regions != NULL && i < regions->len; i++)
    {
      const TamuRegion *region = g_ptr_array_index (regions, i);
      g_autofree char *detail = NULL;

      if (region->kind == TAMU_REGION_PROVINCE)
        detail = g_strdup_printf ("%s", tamu_timezone_abbreviation (region->timezone));
      else
        detail = g_strdup_printf ("%s · %s", region->province_name,
                                  tamu_timezone_abbreviation (region->timezone));
      gtk_list_store_insert_with_values (self->completion_model, NULL, -1,
                                         COMPLETION_NAME, region->short_name,
                                         COMPLETION_DETAIL, detail,
                                         -1);
    }
}

static void
daerah_changed_cb (TamuBookingEditor *self)
{
  fill_completion (self);
  schedule_check (self);
}

static gboolean
completion_match_cb (GtkEntryCompletion *completion,
                     const char         *key,
                     GtkTreeIter        *iter,
                     gpointer            user_data)
{
  /* The model holds only what tamu_regions_search() found. */
  return TRUE;
}

static void
use_suggestion_cb (TamuBookingEditor *self)
{
  if (self->suggestion != NULL)
    {
      g_autofree char *suggestion = g_strdup (self->suggestion);

      set_entry_text (self->daerah_entry, suggestion);
    }
}

/* ---- free slots ------------------------------------------------------- */

static void
slot_clicked_cb (GtkButton         *button,
                 TamuBookingEditor *self)
{
  TamuSlot *slot = g_object_get_data (G_OBJECT (button), "slot");
  g_autofree char *start = tamu_format_time (slot->start);

  tamu_date_button_set_date (TAMU_DATE_BUTTON (self->date_button), &slot->date);
  set_entry_text (self->time_entry, start);
  if (slot->room != NULL && self->policy != NULL)
    for (guint i = 0; self->policy->rooms[i] != NULL; i++)
      if (g_str_equal (self->policy->rooms[i], slot->room))
        gtk_drop_down_set_selected (GTK_DROP_DOWN (self->room_dropdown), i + 1);

  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->slot_button));
}

static void
slot_popover_show_cb (TamuBookingEditor *self)
{
  g_autoptr(GPtrArray) slots = NULL;
  g_autoptr(GError) error = NULL;
  const GDate *picked = tamu_date_button_get_date (TAMU_DATE_BUTTON (self->date_button));
  TamuSlotQuery query = { 0 };
  GtkWidget *child;
  GDate from;

  while ((child = gtk_widget_get_first_child (self->slot_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->slot_box), child);

  from = picked != NULL ? *picked : *tamu_window_get_date (self->window);

  query.type = get_type_choice (self);
  query.duration = gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->duration_spin));
  query.guests = gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->guests_spin));
  query.room = get_room_choice (self);
  query.days = 5;
  query.max_slots = 8;

  slots = tamu_store_find_slots (self->store, &from, &query, &error);
  if (slots == NULL || slots->len == 0)
    {
      g_autofree char *message = error != NULL ? tamu_gui_format_message (error->message)
                                               : g_strdup (_("No free slot in the next five working days."));
      GtkWidget *label = gtk_label_new (message);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
      gtk_box_append (GTK_BOX (self->slot_box), label);
      return;
    }

  for (guint i = 0; i < slots->len; i++)
    {
      TamuSlot *slot = g_ptr_array_index (slots, i);
      g_autofree char *date = tamu_gui_format_date_short (&slot->date);
      g_autofree char *start = tamu_format_time (slot->start);
      g_autofree char *end = tamu_format_time (slot->end);
      g_autofree char *label = NULL;
      TamuSlot *copy = g_new0 (TamuSlot, 1);
      GtkWidget *button;

      *copy = *slot;
      copy->room = g_strdup (slot->room);
      label = slot->room != NULL ? g_strdup_printf ("%s %s–%s · %s", date, start, end, slot->room)
                                 : g_strdup_printf ("%s %s–%s", date, start, end);
      button = gtk_button_new_with_label (label);
      gtk_widget_add_css_class (button, "flat");
      g_object_set_data_full (G_OBJECT (button), "slot", copy, (GDestroyNotify) tamu_slot_free);
      g_signal_connect (button, "clicked", G_CALLBACK (slot_clicked_cb), self);
      gtk_box_append (GTK_BOX (self->slot_box), button);
    }
}

/* ---- saving ----------------------------------------------------------- */

static void
save_cb (TamuBookingEditor *self)
{
  g_autoptr(TamuBooking) draft = NULL;
  g_autoptr(TamuBooking) saved = NULL;
  g_autoptr(GPtrArray) warnings = tamu_warnings_new ();
  g_autoptr(GError) error = NULL;

  draft = build_draft (self, &error);
  if (draft != NULL)
    {
      if (self->original != NULL)
        saved = tamu_store_update_booking (self->store, draft, warnings, &error);
      else
        saved = tamu_store_add_booking (self->store, draft, warnings, &error);
    }

  if (saved == NULL)
    {
      /* Refused: say why and keep every field as typed. */
      self->show_all = TRUE;
      show_error (self, error->message, TRUE);
      gtk_widget_set_sensitive (self->save_button, FALSE);
      return;
    }

  for (guint i = 0; i < warnings->len; i++)
    {
      g_autofree char *message =
        tamu_gui_format_message (((TamuWarning *) g_ptr_array_index (warnings, i))->message);

      tamu_window_toast (self->window, message);
    }
  tamu_window_toast (self->window, self->original != NULL ? _("Booking saved") : _("Booking added"));

  tamu_window_set_date (self->window, &saved->date);
  tamu_window_refresh (self->window);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* ---- history ---------------------------------------------------------- */

static void
load_history (TamuBookingEditor *self)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  entries = tamu_store_list_history (self->store, "booking", self->original->id, &error);
  if (entries == NULL)
    {
      gtk_label_set_label (GTK_LABEL (self->history_label), error->message);
      return;
    }

  for (guint i = 0; i < entries->len; i++)
    {
      TamuAuditEntry *entry = g_ptr_array_index (entries, i);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      if (g_strcmp0 (entry->action, "confirmation") == 0)
        {
          /* Translators: in a booking's history: "confirmation sent (e-mail)". */
          g_string_append_printf (text, _("%s · %s · confirmation sent (%s)"), entry->at, entry->actor,
                                  g_strcmp0 (entry->new_value, "email") == 0 ? _("e-mail")
                                                                             : _("copied"));
          continue;
        }
      g_string_append_printf (text, "%s · %s · %s", entry->at, entry->actor, entry->action);
      if (entry->field != NULL)
        /* Translators: a change in the history: "time: 09:00 → 10:00". */
        g_string_append_printf (text, _(" · %s: %s → %s"), entry->field,
                                entry->old_value != NULL ? entry->old_value : "—",
                                entry->new_value != NULL ? entry->new_value : "—");
    }

  gtk_label_set_label (GTK_LABEL (self->history_label),
                       text->len > 0 ? text->str : _("No changes recorded."));
}

/* ---- construction ----------------------------------------------------- */

static void
field_left_cb (GtkEventControllerFocus *controller,
               TamuBookingEditor       *self)
{
  const char *key = g_object_get_data (G_OBJECT (controller), "tamu-field-key");

  /* Focus also leaves while the editor is torn down. */
  if (self->store == NULL || self->loading)
    return;
  g_hash_table_add (self->touched, (gpointer) key);
  /* Leaving a field answers at once: no waiting for the typing pause. */
  g_clear_handle_id (&self->check_source, g_source_remove);
  run_check (self);
}

/* @key names the field as domain messages do ("time"); static string. */
static void
track_field (TamuBookingEditor *self,
             const char        *key,
             GtkWidget         *widget)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_hash_table_insert (self->fields, (gpointer) key, widget);
  g_object_set_data (G_OBJECT (focus), "tamu-field-key", (gpointer) key);
  g_signal_connect (focus, "leave", G_CALLBACK (field_left_cb), self);
  gtk_widget_add_controller (widget, focus);
}

/* Enter with Save still disabled: show every message, as Save would. */
static void
entry_activate_cb (TamuBookingEditor *self)
{
  self->show_all = TRUE;
  g_clear_handle_id (&self->check_source, g_source_remove);
  run_check (self);
}

static void
date_changed_cb (TamuBookingEditor *self)
{
  g_hash_table_add (self->touched, (gpointer) "date");
  schedule_check (self);
}

/* A toggle picked: the entry lists the chosen topics by name. */
static void
topic_chooser_changed_cb (TamuBookingEditor *self)
{
  g_auto(GStrv) names = tamu_topic_chooser_dup_selected (TAMU_TOPIC_CHOOSER (self->topic_chooser));
  g_autofree char *text = g_strjoinv (", ", names);

  g_hash_table_add (self->touched, (gpointer) "topic");
  set_entry_text (self->topics_entry, text);
}

static void
copy_confirmation_cb (TamuBookingEditor *self)
{
  tamu_gui_copy_confirmation (self->window, GTK_WIDGET (self), self->original);
  load_history (self);
  /* The entry just written shows at once. */
  gtk_expander_set_expanded (GTK_EXPANDER (self->history_expander), TRUE);
}

static void
email_confirmation_cb (TamuBookingEditor *self)
{
  tamu_gui_email_confirmation (self->window, GTK_WIDGET (self), self->original);
}

static void
store_changed_cb (TamuBookingEditor *self)
{
  /* An e-mail recorded once the mail app took it, or another desk's change. */
  if (self->original != NULL && self->history_label != NULL)
    load_history (self);
}

static void
add_field (GtkGrid    *grid,
           int         row,
           const char *mnemonic,
           GtkWidget  *widget,
           GtkWidget **out_label)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (mnemonic);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_add_css_class (label, "dim-label");
  /* The mnemonic label names the field for screen readers and tests. */
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), widget);
  gtk_widget_set_hexpand (widget, TRUE);
  gtk_grid_attach (grid, label, 0, row, 1, 1);
  gtk_grid_attach (grid, widget, 1, row, 1, 1);
  if (out_label != NULL)
    *out_label = label;
}

static GtkWidget *
new_entry (TamuBookingEditor *self,
           const char        *placeholder)
{
  GtkWidget *entry = gtk_entry_new ();

  if (placeholder != NULL)
    gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  g_signal_connect_swapped (entry, "changed", G_CALLBACK (schedule_check), self);
  g_signal_connect_swapped (entry, "activate", G_CALLBACK (entry_activate_cb), self);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);

  return entry;
}

static GtkWidget *
new_info_label (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption");

  return label;
}

static void
build_form (TamuBookingEditor *self)
{
  GtkWidget *toolbar, *header, *cancel_button, *scrolled, *clamp, *box, *grid;
  GtkWidget *time_box, *daerah_box, *popover, *history_expander, *notes_frame;
  g_autoptr(GtkStringList) rooms = gtk_string_list_new (NULL);
  GtkEntryCompletion *completion;
  GtkCellRenderer *cell;
  const char *types[3] = { NULL, NULL, NULL };
  int row = 0;

  toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  adw_window_set_content (ADW_WINDOW (self), toolbar);

  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  cancel_button = gtk_button_new_with_mnemonic (_("_Cancel"));
  g_signal_connect_swapped (cancel_button, "clicked", G_CALLBACK (gtk_window_destroy), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel_button);
  self->save_button = gtk_button_new_with_mnemonic (_("_Save"));
  gtk_widget_add_css_class (self->save_button, "suggested-action");
  gtk_widget_set_sensitive (self->save_button, FALSE);
  g_signal_connect_swapped (self->save_button, "clicked", G_CALLBACK (save_cb), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->save_button);
  gtk_box_append (GTK_BOX (toolbar), header);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (toolbar), scrolled);

  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 640);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);

  /* What the rules say, at the top where it is seen. */
  self->error_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->error_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->error_label), 0);
  gtk_label_set_selectable (GTK_LABEL (self->error_label), FALSE);
  gtk_widget_add_css_class (self->error_label, "editor-message");
  gtk_widget_add_css_class (self->error_label, "error");
  gtk_widget_set_visible (self->error_label, FALSE);
  gtk_box_append (GTK_BOX (box), self->error_label);
  /* While the server is away: Save off, the reason shown, the fields kept. */
  gtk_box_append (GTK_BOX (box),
                  tamu_unavailable_notice_new (self->store, self->save_button,
                                               _("server unreachable: the booking is not saved yet"),
                                               (GSourceFunc) run_check, self));

  self->warnings_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->warnings_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->warnings_label), 0);
  gtk_widget_add_css_class (self->warnings_label, "editor-message");
  gtk_widget_add_css_class (self->warnings_label, "warning");
  gtk_widget_set_visible (self->warnings_label, FALSE);
  gtk_box_append (GTK_BOX (box), self->warnings_label);

  grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 8);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_box_append (GTK_BOX (box), grid);

  types[0] = tamu_booking_type_to_label (TAMU_BOOKING_TATAP_MUKA);
  types[1] = tamu_booking_type_to_label (TAMU_BOOKING_VIDCON);
  self->type_dropdown = gtk_drop_down_new_from_strings (types);
  g_signal_connect_swapped (self->type_dropdown, "notify::selected", G_CALLBACK (schedule_check), self);
  tamu_gui_name_internal_buttons (self->type_dropdown, _("Type"));
  add_field (GTK_GRID (grid), row++, _("_Type"), self->type_dropdown, NULL);

  self->date_button = tamu_date_button_new ();
  tamu_date_button_set_accessible_name (TAMU_DATE_BUTTON (self->date_button), _("Date"));
  g_signal_connect_swapped (self->date_button, "changed", G_CALLBACK (date_changed_cb), self);
  add_field (GTK_GRID (grid), row++, _("_Date"), self->date_button, NULL);

  time_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->time_entry = new_entry (self, _("HH:MM"));
  gtk_widget_set_hexpand (self->time_entry, TRUE);
  gtk_box_append (GTK_BOX (time_box), self->time_entry);
  self->slot_button = gtk_menu_button_new ();
  gtk_menu_button_set_label (GTK_MENU_BUTTON (self->slot_button), _("Suggest a Free Slot"));
  tamu_gui_name_internal_buttons (self->slot_button, _("Suggest a Free Slot"));
  self->slot_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), self->slot_box);
  g_signal_connect_swapped (popover, "show", G_CALLBACK (slot_popover_show_cb), self);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->slot_button), popover);
  gtk_box_append (GTK_BOX (time_box), self->slot_button);
  {
    GtkWidget *label = gtk_label_new_with_mnemonic (_("_Start"));

    gtk_label_set_xalign (GTK_LABEL (label), 1);
    gtk_widget_add_css_class (label, "dim-label");
    gtk_label_set_mnemonic_widget (GTK_LABEL (label), self->time_entry);
    gtk_grid_attach (GTK_GRID (grid), label, 0, row, 1, 1);
    gtk_grid_attach (GTK_GRID (grid), time_box, 1, row++, 1, 1);
  }

  self->duration_spin = gtk_spin_button_new_with_range (TAMU_MIN_DURATION, TAMU_MAX_DURATION, 15);
  g_signal_connect_swapped (self->duration_spin, "value-changed", G_CALLBACK (schedule_check), self);
  add_field (GTK_GRID (grid), row++, _("D_uration (minutes)"), self->duration_spin, NULL);

  daerah_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  self->daerah_entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->daerah_entry), _("Kab. Cilacap, Kota Dumai, Bank Kalbar…"));
  g_signal_connect_swapped (self->daerah_entry, "changed", G_CALLBACK (daerah_changed_cb), self);
  gtk_box_append (GTK_BOX (daerah_box), self->daerah_entry);
  self->completion_model = gtk_list_store_new (N_COMPLETION_COLUMNS, G_TYPE_STRING, G_TYPE_STRING);
  completion = gtk_entry_completion_new ();
  gtk_entry_completion_set_model (completion, GTK_TREE_MODEL (self->completion_model));
  gtk_entry_completion_set_text_column (completion, COMPLETION_NAME);
  gtk_entry_completion_set_match_func (completion, completion_match_cb, NULL, NULL);
  gtk_entry_completion_set_minimum_key_length (completion, 2);
  cell = gtk_cell_renderer_text_new ();
  g_object_set (cell, "foreground", "gray", NULL);
  gtk_cell_layout_pack_end (GTK_CELL_LAYOUT (completion), cell, FALSE);
  gtk_cell_layout_add_attribute (GTK_CELL_LAYOUT (completion), cell, "text", COMPLETION_DETAIL);
  gtk_entry_set_completion (GTK_ENTRY (self->daerah_entry), completion);
  g_object_unref (completion);
  {
    GtkWidget *info_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

    self->daerah_info_label = new_info_label ();
    gtk_widget_set_hexpand (self->daerah_info_label, TRUE);
    gtk_box_append (GTK_BOX (info_box), self->daerah_info_label);
    self->suggestion_button = gtk_button_new_with_mnemonic (_("_Use Suggestion"));
    gtk_widget_set_visible (self->suggestion_button, FALSE);
    gtk_widget_set_valign (self->suggestion_button, GTK_ALIGN_CENTER);
    g_signal_connect_swapped (self->suggestion_button, "clicked", G_CALLBACK (use_suggestion_cb), self);
    gtk_box_append (GTK_BOX (info_box), self->suggestion_button);
    gtk_box_append (GTK_BOX (daerah_box), info_box);
  }
  {
    GtkWidget *label = gtk_label_new_with_mnemonic (_("Dae_rah"));

    gtk_label_set_xalign (GTK_LABEL (label), 1);
    gtk_widget_set_valign (label, GTK_ALIGN_START);
    gtk_widget_set_margin_top (label, 8);
    gtk_widget_add_css_class (label, "dim-label");
    gtk_label_set_mnemonic_widget (GTK_LABEL (label), self->daerah_entry);
    gtk_grid_attach (GTK_GRID (grid), label, 0, row, 1, 1);
    gtk_grid_attach (GTK_GRID (grid), daerah_box, 1, row++, 1, 1);
  }

  self->instansi_entry = new_entry (self, _("Instansi / SKPD"));
  add_field (GTK_GRID (grid), row++, _("_Instansi"), self->instansi_entry, NULL);

  self->topics_entry = new_entry (self, _("DAU, DAK NF"));
  gtk_widget_set_hexpand (self->topics_entry, TRUE);
  {
    GtkWidget *topics_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
    GtkWidget *pick_button = gtk_menu_button_new ();
    GtkWidget *topics_popover = gtk_popover_new ();
    GtkWidget *label = gtk_label_new_with_mnemonic (_("T_opics"));

    /* The topics as choices, in a popover beside the typed list. */
    self->topic_chooser = tamu_topic_chooser_new (self->topics);
    g_signal_connect_swapped (self->topic_chooser, "changed", G_CALLBACK (topic_chooser_changed_cb), self);
    gtk_popover_set_child (GTK_POPOVER (topics_popover), self->topic_chooser);
    gtk_menu_button_set_popover (GTK_MENU_BUTTON (pick_button), topics_popover);
    gtk_menu_button_set_label (GTK_MENU_BUTTON (pick_button), _("Pick Topics"));
    tamu_gui_name_internal_buttons (pick_button, _("Pick Topics"));
    gtk_box_append (GTK_BOX (topics_box), self->topics_entry);
    gtk_box_append (GTK_BOX (topics_box), pick_button);

    gtk_label_set_xalign (GTK_LABEL (label), 1);
    gtk_widget_add_css_class (label, "dim-label");
    gtk_label_set_mnemonic_widget (GTK_LABEL (label), self->topics_entry);
    gtk_grid_attach (GTK_GRID (grid), label, 0, row, 1, 1);
    gtk_grid_attach (GTK_GRID (grid), topics_box, 1, row++, 1, 1);
  }
  self->topics_info_label = new_info_label ();
  gtk_grid_attach (GTK_GRID (grid), self->topics_info_label, 1, row++, 1, 1);

  self->guests_spin = gtk_spin_button_new_with_range (0, TAMU_MAX_GUESTS, 1);
  g_signal_connect_swapped (self->guests_spin, "value-changed", G_CALLBACK (schedule_check), self);
  add_field (GTK_GRID (grid), row++, _("_Guests"), self->guests_spin, NULL);

  self->override_entry = new_entry (self, _("Why this visit may bring more guests"));
  add_field (GTK_GRID (grid), row++, _("O_verride reason"), self->override_entry, &self->override_label);
  gtk_widget_set_visible (self->override_entry, FALSE);
  gtk_widget_set_visible (self->override_label, FALSE);

  gtk_string_list_append (rooms, _("Any free room"));
  for (guint i = 0; self->policy != NULL && self->policy->rooms[i] != NULL; i++)
    gtk_string_list_append (rooms, self->policy->rooms[i]);
  self->room_dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (rooms)), NULL);
  g_signal_connect_swapped (self->room_dropdown, "notify::selected", G_CALLBACK (schedule_check), self);
  tamu_gui_name_internal_buttons (self->room_dropdown, _("Room"));
  add_field (GTK_GRID (grid), row++, _("_Room"), self->room_dropdown, &self->room_label);

  self->link_entry = new_entry (self, "https://teams.microsoft.com/…");
  add_field (GTK_GRID (grid), row++, _("Meeting _link"), self->link_entry, &self->link_label);

  self->contact_entry = new_entry (self, NULL);
  add_field (GTK_GRID (grid), row++, _("_Contact name"), self->contact_entry, NULL);
  self->phone_entry = new_entry (self, NULL);
  gtk_entry_set_input_purpose (GTK_ENTRY (self->phone_entry), GTK_INPUT_PURPOSE_PHONE);
  add_field (GTK_GRID (grid), row++, _("_Phone"), self->phone_entry, NULL);
  self->email_entry = new_entry (self, NULL);
  gtk_entry_set_input_purpose (GTK_ENTRY (self->email_entry), GTK_INPUT_PURPOSE_EMAIL);
  add_field (GTK_GRID (grid), row++, _("_E-mail"), self->email_entry, NULL);
  self->ticket_entry = new_entry (self, NULL);
  add_field (GTK_GRID (grid), row++, _("Tic_ket"), self->ticket_entry, NULL);
  self->pic_entry = new_entry (self, NULL);
  add_field (GTK_GRID (grid), row++, _("_PIC"), self->pic_entry, NULL);

  self->notes_view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self->notes_view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (self->notes_view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (self->notes_view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (self->notes_view), 6);
  gtk_widget_set_size_request (self->notes_view, -1, 72);
  g_signal_connect_swapped (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->notes_view)), "changed",
                            G_CALLBACK (schedule_check), self);
  notes_frame = gtk_frame_new (NULL);
  gtk_frame_set_child (GTK_FRAME (notes_frame), self->notes_view);
  {
    GtkWidget *label = gtk_label_new_with_mnemonic (_("_Notes"));

    gtk_label_set_xalign (GTK_LABEL (label), 1);
    gtk_widget_set_valign (label, GTK_ALIGN_START);
    gtk_widget_add_css_class (label, "dim-label");
    gtk_label_set_mnemonic_widget (GTK_LABEL (label), self->notes_view);
    gtk_grid_attach (GTK_GRID (grid), label, 0, row, 1, 1);
    gtk_grid_attach (GTK_GRID (grid), notes_frame, 1, row++, 1, 1);
  }

  if (self->original != NULL)
    {
      GtkWidget *send_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *copy_button = gtk_button_new_with_mnemonic (_("Copy _Confirmation"));
      GtkWidget *email_button = gtk_button_new_with_mnemonic (_("E-_mail Confirmation"));

      gtk_widget_set_tooltip_text (copy_button, _("The saved booking’s confirmation for the guests, "
                                                  "ready to paste into WhatsApp"));
      gtk_widget_set_tooltip_text (email_button, _("Opens the mail app with the confirmation "
                                                   "addressed to the contact"));
      g_signal_connect_swapped (copy_button, "clicked", G_CALLBACK (copy_confirmation_cb), self);
      g_signal_connect_swapped (email_button, "clicked", G_CALLBACK (email_confirmation_cb), self);
      gtk_box_append (GTK_BOX (send_box), copy_button);
      gtk_box_append (GTK_BOX (send_box), email_button);
      gtk_box_append (GTK_BOX (box), send_box);

      history_expander = gtk_expander_new_with_mnemonic (_("_History"));
      self->history_expander = history_expander;
      self->history_label = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (self->history_label), 0);
      gtk_label_set_wrap (GTK_LABEL (self->history_label), TRUE);
      gtk_label_set_selectable (GTK_LABEL (self->history_label), TRUE);
      gtk_widget_add_css_class (self->history_label, "caption");
      gtk_expander_set_child (GTK_EXPANDER (history_expander), self->history_label);
      gtk_box_append (GTK_BOX (box), history_expander);
    }

  track_field (self, "type", self->type_dropdown);
  track_field (self, "date", self->date_button);
  track_field (self, "time", self->time_entry);
  track_field (self, "duration", self->duration_spin);
  track_field (self, "daerah", self->daerah_entry);
  track_field (self, "instansi", self->instansi_entry);
  track_field (self, "topic", self->topics_entry);
  track_field (self, "guests", self->guests_spin);
  track_field (self, "override-reason", self->override_entry);
  track_field (self, "room", self->room_dropdown);
  track_field (self, "link", self->link_entry);
  track_field (self, "contact", self->contact_entry);
  track_field (self, "phone", self->phone_entry);
  track_field (self, "email", self->email_entry);
  track_field (self, "ticket", self->ticket_entry);
  track_field (self, "pic", self->pic_entry);
  track_field (self, "notes", self->notes_view);

  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);
}

static void
load_fields (TamuBookingEditor *self,
             const GDate       *date)
{
  TamuBooking *booking = self->original;

  self->loading = TRUE;

  if (booking == NULL)
    {
      tamu_date_button_set_date (TAMU_DATE_BUTTON (self->date_button), date);
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->duration_spin),
                                 self->policy != NULL ? self->policy->default_duration : 60);
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->guests_spin), 1);
      set_entry_text (self->pic_entry, tamu_store_get_actor (self->store));
      self->loading = FALSE;
      return;
    }

  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->type_dropdown),
                              booking->type == TAMU_BOOKING_VIDCON ? 1 : 0);
  tamu_date_button_set_date (TAMU_DATE_BUTTON (self->date_button), &booking->date);
  if (booking->start != TAMU_TIME_UNKNOWN)
    {
      g_autofree char *start = tamu_format_time (booking->start);

      set_entry_text (self->time_entry, start);
    }
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->duration_spin), booking->duration);
  set_entry_text (self->daerah_entry, booking->daerah);
  set_entry_text (self->instansi_entry, booking->instansi);
  {
    g_autofree char *topics = g_strjoinv (", ", booking->topics);

    set_entry_text (self->topics_entry, topics);
  }
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->guests_spin), booking->guests);
  if (booking->room != NULL && self->policy != NULL)
    for (guint i = 0; self->policy->rooms[i] != NULL; i++)
      if (g_str_equal (self->policy->rooms[i], booking->room))
        gtk_drop_down_set_selected (GTK_DROP_DOWN (self->room_dropdown), i + 1);
  set_entry_text (self->link_entry, booking->link);
  set_entry_text (self->contact_entry, booking->contact);
  set_entry_text (self->phone_entry, booking->phone);
  set_entry_text (self->email_entry, booking->email);
  set_entry_text (self->ticket_entry, booking->ticket);
  set_entry_text (self->pic_entry, booking->pic);
  set_entry_text (self->override_entry, booking->override_reason);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->notes_view)),
                            booking->notes != NULL ? booking->notes : "", -1);

  self->loading = FALSE;
  load_history (self);
}

GtkWindow *
tamu_booking_editor_new (TamuWindow  *window,
                         TamuBooking *booking,
                         const GDate *date)
{
  TamuBookingEditor *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (TAMU_IS_WINDOW (window), NULL);
  g_return_val_if_fail (booking != NULL || date != NULL, NULL);

  self = g_object_new (TAMU_TYPE_BOOKING_EDITOR,
                       "transient-for", window,
                       "modal", TRUE,
                       "default-width", 640,
                       "default-height", 720,
                       "title", booking != NULL ? _("Edit Booking") : _("New Booking"),
                       NULL);
  self->window = g_object_ref (window);
  self->store = g_object_ref (tamu_window_get_store (window));
  self->original = booking != NULL ? tamu_booking_ref (booking) : NULL;
  self->policy = tamu_store_load_policy (self->store, &error);
  if (self->policy == NULL)
    {
      g_warning ("%s", error->message);
      g_clear_error (&error);
    }
  self->topics = tamu_store_load_topics (self->store, &error);
  if (self->topics == NULL)
    {
      g_warning ("%s", error->message);
      self->topics = g_ptr_array_new ();
    }

  build_form (self);
  load_fields (self, date);
  /* What loading filled in is not the person's doing. */
  g_hash_table_remove_all (self->touched);
  run_check (self);
  g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_widget_grab_focus (booking != NULL ? self->time_entry : self->daerah_entry);

  return GTK_WINDOW (self);
}

static void
tamu_booking_editor_dispose (GObject *object)
{
  TamuBookingEditor *self = TAMU_BOOKING_EDITOR (object);

  g_clear_handle_id (&self->check_source, g_source_remove);
  g_clear_object (&self->window);
  g_clear_object (&self->store);
  g_clear_object (&self->completion_model);

  G_OBJECT_CLASS (tamu_booking_editor_parent_class)->dispose (object);
}

static void
tamu_booking_editor_finalize (GObject *object)
{
  TamuBookingEditor *self = TAMU_BOOKING_EDITOR (object);

  g_clear_pointer (&self->original, tamu_booking_unref);
  g_clear_pointer (&self->policy, tamu_policy_free);
  g_clear_pointer (&self->topics, g_ptr_array_unref);
  g_clear_pointer (&self->suggestion, g_free);
  g_clear_pointer (&self->fields, g_hash_table_unref);
  g_clear_pointer (&self->touched, g_hash_table_unref);

  G_OBJECT_CLASS (tamu_booking_editor_parent_class)->finalize (object);
}

static void
tamu_booking_editor_class_init (TamuBookingEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tamu_booking_editor_dispose;
  object_class->finalize = tamu_booking_editor_finalize;

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
tamu_booking_editor_init (TamuBookingEditor *self)
{
  self->fields = g_hash_table_new (g_str_hash, g_str_equal);
  self->touched = g_hash_table_new (g_str_hash, g_str_equal);
}
