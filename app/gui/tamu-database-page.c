/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tamu-database-page"

#include "config.h"

#include "tamu-database-page.h"

#include <string.h>
#include <glib/gi18n.h>

#include "tamu-desk-database.h"
#include "tamu-keyring.h"
#include "tamu-server-address.h"
#include "tamu-store-address.h"

struct _TamuDatabasePage
{
  AdwPreferencesPage parent_instance;

  TamuWindow        *window;
  GtkWidget         *local_check;
  GtkWidget         *server_check;
  GtkWidget         *server_group;
  GtkWidget         *host_row;
  GtkWidget         *port_row;
  GtkWidget         *dbname_row;
  GtkWidget         *user_row;
  GtkWidget         *uri_row;
  GtkWidget         *password_row;
  GtkWidget         *test_button;
  GtkWidget         *use_button;
  GtkWidget         *status_label;
  GCancellable      *cancellable;
};

G_DEFINE_FINAL_TYPE (TamuDatabasePage, tamu_database_page, ADW_TYPE_PREFERENCES_PAGE)

static char *
dup_row_text (GtkWidget *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
set_status (TamuDatabasePage *self,
            const char       *message,
            gboolean          error)
{
  gtk_label_set_label (GTK_LABEL (self->status_label), message);
  gtk_widget_set_visible (self->status_label, message != NULL && *message != '\0');
  if (error)
    gtk_widget_add_css_class (self->status_label, "error");
  else
    gtk_widget_remove_css_class (self->status_label, "error");
}

static void
set_busy (TamuDatabasePage *self,
          gboolean          busy)
{
  gtk_widget_set_sensitive (self->test_button, !busy);
  gtk_widget_set_sensitive (self->use_button, !busy);
}

/* The address the form names, without password; NULL with @error set. */
static char *
dup_form_address (TamuDatabasePage *self,
                  GError          **error)
{
  g_autofree char *uri = NULL;
  g_autofree char *address = NULL;
  g_autofree char *redacted = NULL;
  g_auto(TamuServerFields) fields = { NULL };

  if (gtk_check_button_get_active (GTK_CHECK_BUTTON (self->local_check)))
    return g_strdup ("");

  uri = dup_row_text (self->uri_row);
  if (*uri != '\0')
    address = g_steal_pointer (&uri);
  else
    {
      fields.host = dup_row_text (self->host_row);
      fields.port = dup_row_text (self->port_row);
      fields.dbname = dup_row_text (self->dbname_row);
      fields.user = dup_row_text (self->user_row);
      if (*fields.host == '\0')
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("host: name the office server, or type its full address"));
          return NULL;
        }
      address = tamu_server_fields_to_address (&fields);
    }

  if (!tamu_server_address_is_server (address))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("address: not a PostgreSQL server address (postgresql://… or host=… dbname=…)"));
      return NULL;
    }
  redacted = tamu_store_address_dup_redacted (address);
  if (!g_str_equal (redacted, address))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("address: a password does not belong in the address; type it in the Password field"));
      return NULL;
    }
  return g_steal_pointer (&address);
}

/* What the thread opens: the address with the typed password, or the keyring's. */
static char *
dup_connect_address (TamuDatabasePage *self,
                     const char       *address)
{
  const char *typed = gtk_editable_get_text (GTK_EDITABLE (self->password_row));
  char *password;
  char *result;

  if (*address == '\0')
    return tamu_desk_database_dup_local_path ();
  if (*typed != '\0')
    return tamu_server_address_with_password (address, typed);
  password = tamu_keyring_lookup_password (address);
  result = tamu_server_address_with_password (address, password);
  tamu_keyring_password_free (password);
  return result;
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  TamuStore *store = tamu_store_open (task_data, &error);

  if (store == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, store, g_object_unref);
}

/* Opens @address in a thread: a slow or absent server never freezes the window. */
static void
open_async (TamuDatabasePage   *self,
            const char         *address,
            GAsyncReadyCallback callback,
            gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;

  set_status (self, _("Connecting…"), FALSE);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  task = g_task_new (self, self->cancellable, callback, user_data);
  g_task_set_source_tag (task, open_async);
  g_task_set_task_data (task, dup_connect_address (self, address),
                        (GDestroyNotify) tamu_desk_database_free_connect_address);
  g_task_run_in_thread (task, open_thread);
  set_busy (self, TRUE);
}

/* One line, whatever the engine said. */
static char *
dup_one_line (const char *message)
{
  return g_strndup (message, strcspn (message, "\n"));
}

static void
test_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TamuStore) store = g_task_propagate_pointer (G_TASK (result), &error);
  TamuDatabasePage *self;
  g_autofree char *message = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = TAMU_DATABASE_PAGE (source);
  set_busy (self, FALSE);
  if (store == NULL)
    {
      message = dup_one_line (error->message);
      set_status (self, message, TRUE);
      return;
    }
  /* Translators: after Test Connection; %d is the version of Tamu's tables on the server. */
  message = g_strdup_printf (_("Connected: schema version %d"), tamu_store_get_schema_version (store));
  set_status (self, message, FALSE);
}

static void
test_clicked_cb (TamuDatabasePage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *address = NULL;

  address = dup_form_address (self, &error);
  if (address == NULL)
    {
      set_status (self, error->message, TRUE);
      return;
    }
  open_async (self, address, test_done_cb, NULL);
}

static void
use_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TamuStore) store = g_task_propagate_pointer (G_TASK (result), &error);
  g_autofree char *address = user_data;
  TamuDatabasePage *self;
  g_autofree char *message = NULL;
  GtkApplication *app;
  const char *password;
  GtkWidget *preferences;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = TAMU_DATABASE_PAGE (source);
  set_busy (self, FALSE);
  if (store == NULL)
    {
      message = dup_one_line (error->message);
      set_status (self, message, TRUE);
      return;
    }

  /* Kept only once it worked: the address in desk.ini, the password in the keyring. */
  if (!tamu_desk_database_set (address, &error))
    {
      set_status (self, error->message, TRUE);
      return;
    }
  password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));
  if (*address != '\0' && *password != '\0'
      && !tamu_keyring_store_password (address, password, &error))
    message = g_strdup (error->message);

  app = gtk_window_get_application (GTK_WINDOW (self->window));
  preferences = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_WINDOW);
  g_object_ref (self);
  if (preferences != NULL)
    gtk_window_destroy (GTK_WINDOW (preferences));
  if (app != NULL && TAMU_IS_APPLICATION (app))
    {
      GtkWindow *window;

      tamu_application_set_store (TAMU_APPLICATION (app), store);
      window = gtk_application_get_active_window (app);
      if (window != NULL && TAMU_IS_WINDOW (window))
        {
          g_autofree char *now = g_strdup_printf (_("database: now %s"), tamu_store_get_identity (store));

          tamu_window_toast (TAMU_WINDOW (window), message != NULL ? message : now);
        }
    }
  g_object_unref (self);
}

static void
use_clicked_cb (TamuDatabasePage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *address = dup_form_address (self, &error);

  if (address == NULL)
    {
      set_status (self, error->message, TRUE);
      return;
    }
  /* use_done_cb() takes the address: kept only once the server answered. */
  open_async (self, address, use_done_cb, g_strdup (address));
}

static void
mode_toggled_cb (TamuDatabasePage *self)
{
  gtk_widget_set_sensitive (self->server_group,
                            gtk_check_button_get_active (GTK_CHECK_BUTTON (self->server_check)));
}

static GtkWidget *
add_entry_row (GtkWidget  *group,
               const char *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return row;
}

static GtkWidget *
add_choice_row (GtkWidget  *group,
                const char *title,
                const char *subtitle,
                GtkWidget  *check)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return row;
}

/* The form shows what this desk uses now: its server's fields, or the file. */
static void
load (TamuDatabasePage *self)
{
  TamuStore *store = tamu_window_get_store (self->window);
  g_autofree char *desk = tamu_desk_database_dup ();
  const char *shown = *desk != '\0' ? desk : NULL;
  g_auto(TamuServerFields) fields = { NULL };
  gboolean server = g_strcmp0 (tamu_store_get_backend_name (store), "postgresql") == 0;

  /* The store's identity never carries a password. */
  if (server)
    shown = tamu_store_get_identity (store);
  if (shown != NULL && tamu_server_fields_parse (shown, &fields))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->host_row), fields.host ? fields.host : "");
      gtk_editable_set_text (GTK_EDITABLE (self->port_row), fields.port ? fields.port : "");
      gtk_editable_set_text (GTK_EDITABLE (self->dbname_row), fields.dbname ? fields.dbname : "");
      gtk_editable_set_text (GTK_EDITABLE (self->user_row), fields.user ? fields.user : "");
    }
  else if (shown != NULL && tamu_server_address_is_server (shown))
    {
      g_autofree char *redacted = tamu_store_address_dup_redacted (shown);

      gtk_editable_set_text (GTK_EDITABLE (self->uri_row), redacted);
    }
  gtk_check_button_set_active (GTK_CHECK_BUTTON (server ? self->server_check : self->local_check), TRUE);
  mode_toggled_cb (self);
}

static void
build (TamuDatabasePage *self)
{
  GtkWidget *where, *group, *row, *box;
  g_autofree char *path = tamu_desk_database_dup_local_path ();
  TamuStore *store = tamu_window_get_store (self->window);
  g_autofree char *in_use = NULL;

  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (self), _("Database"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (self), "network-server-symbolic");

  where = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (where), _("Where This Desk’s Data Lives"));
  /* Translators: %s is the database in use: a file path, or a server address (never a password). */
  in_use = g_strdup_printf (_("In use: %s"), tamu_store_get_identity (store));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (where), in_use);
  self->local_check = gtk_check_button_new ();
  self->server_check = gtk_check_button_new ();
  gtk_check_button_set_group (GTK_CHECK_BUTTON (self->server_check), GTK_CHECK_BUTTON (self->local_check));
  add_choice_row (where, _("This computer"), path, self->local_check);
  add_choice_row (where, _("Office server"),
                  _("Several desks share one PostgreSQL database and see each other’s bookings at once"),
                  self->server_check);
  g_signal_connect_swapped (self->server_check, "toggled", G_CALLBACK (mode_toggled_cb), self);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), ADW_PREFERENCES_GROUP (where));

  group = self->server_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Office Server"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("The password is kept in the desktop keyring, never in a file."));
  self->host_row = add_entry_row (group, _("Host"));
  self->port_row = add_entry_row (group, _("Port"));
  gtk_editable_set_text (GTK_EDITABLE (self->port_row), "5432");
  self->dbname_row = add_entry_row (group, _("Database name"));
  self->user_row = add_entry_row (group, _("User"));
  self->uri_row = add_entry_row (group, _("Or a full address (postgresql://…)"));
  self->password_row = adw_password_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->password_row), _("Password"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->password_row);

  row = adw_action_row_new ();
  self->test_button = gtk_button_new_with_mnemonic (_("_Test Connection"));
  gtk_widget_set_valign (self->test_button, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (self->test_button, "clicked", G_CALLBACK (test_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), self->test_button);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Check the address and password"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), ADW_PREFERENCES_GROUP (group));

  group = adw_preferences_group_new ();
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  self->status_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->status_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->status_label), 0);
  gtk_widget_set_visible (self->status_label, FALSE);
  gtk_box_append (GTK_BOX (box), self->status_label);
  self->use_button = gtk_button_new_with_mnemonic (_("_Use This Database"));
  gtk_widget_add_css_class (self->use_button, "suggested-action");
  gtk_widget_add_css_class (self->use_button, "pill");
  gtk_widget_set_halign (self->use_button, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (self->use_button, "clicked", G_CALLBACK (use_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), self->use_button);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), box);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), ADW_PREFERENCES_GROUP (group));
}

GtkWidget *
tamu_database_page_new (TamuWindow *window)
{
  TamuDatabasePage *self;

  g_return_val_if_fail (TAMU_IS_WINDOW (window), NULL);

  self = g_object_new (TAMU_TYPE_DATABASE_PAGE, NULL);
  self->window = window;
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &self->window);
  build (self);
  load (self);
  return GTK_WIDGET (self);
}

static void
tamu_database_page_dispose (GObject *object)
{
  TamuDatabasePage *self = TAMU_DATABASE_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_weak_pointer (&self->window);

  G_OBJECT_CLASS (tamu_database_page_parent_class)->dispose (object);
}

static void
tamu_database_page_class_init (TamuDatabasePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tamu_database_page_dispose;
}

static void
tamu_database_page_init (TamuDatabasePage *self)
{
}
