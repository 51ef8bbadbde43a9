/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "tamu-error.h"
#include "tamu-fields.h"
#include "tamu-limits.h"
#include "tamu-text.h"

gboolean
tamu_fields_is_phone (const char *text)
{
  guint digits = 0;

  if (text == NULL)
    return FALSE;
  if (!g_ascii_isdigit (*text) && *text != '+' && *text != '(')
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        digits++;
      else if (strchr (" +-()./", *p) == NULL)
        return FALSE;
    }
  return digits >= 5;
}

gboolean
tamu_fields_is_email (const char *text)
{
  const char *at;
  const char *dot;

  if (text == NULL)
    return FALSE;
  at = strchr (text, '@');
  if (at == NULL || at == text || strchr (at + 1, '@') != NULL)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isspace (*p) || g_ascii_iscntrl (*p) || strchr (",;<>\"", *p) != NULL)
      return FALSE;
  dot = strrchr (at, '.');
  return dot != NULL && dot > at + 1 && dot[1] != '\0';
}

gboolean
tamu_fields_is_link (const char *text)
{
  const char *rest;

  if (text == NULL)
    return FALSE;
  if (g_ascii_strncasecmp (text, "https://", 8) == 0)
    rest = text + 8;
  else if (g_ascii_strncasecmp (text, "http://", 7) == 0)
    rest = text + 7;
  else
    return FALSE;
  if (*rest == '\0')
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isspace (*p) || g_ascii_iscntrl (*p))
      return FALSE;
  return TRUE;
}

static void
add_problem (GPtrArray *problems,
             GError    *error)
{
  g_ptr_array_add (problems, g_strdup (error->message));
  g_error_free (error);
}

static void
check_text (GPtrArray     *problems,
            const char    *field,
            const char    *text,
            gsize          max_chars,
            TamuTextFlags  flags)
{
  GError *error = NULL;

  if (!tamu_text_check (field, text, max_chars, flags, &error))
    add_problem (problems, error);
}

GPtrArray *
tamu_fields_list_problems (const TamuBooking *b)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func (g_free);
  guint before;

  g_return_val_if_fail (b != NULL, problems);

  check_text (problems, "daerah", b->daerah, TAMU_MAX_NAME_CHARS, TAMU_TEXT_ONE_LINE);
  for (guint i = 0; b->topics != NULL && b->topics[i] != NULL; i++)
    check_text (problems, "topic", b->topics[i], TAMU_MAX_NAME_CHARS, TAMU_TEXT_ONE_LINE);
  check_text (problems, "room", b->room, TAMU_MAX_NAME_CHARS, TAMU_TEXT_ONE_LINE);
  check_text (problems, "instansi", b->instansi, TAMU_MAX_NAME_CHARS, TAMU_TEXT_ONE_LINE);
  check_text (problems, "contact", b->contact, TAMU_MAX_NAME_CHARS, TAMU_TEXT_ONE_LINE);
  check_text (problems, "ticket", b->ticket, TAMU_MAX_TICKET_CHARS, TAMU_TEXT_ONE_LINE);
  check_text (problems, "pic", b->pic, TAMU_MAX_NAME_CHARS, TAMU_TEXT_ONE_LINE);
  check_text (problems, "notes", b->notes, TAMU_MAX_NOTE_CHARS, TAMU_TEXT_MULTILINE);
  check_text (problems, "override_reason", b->override_reason, TAMU_MAX_NOTE_CHARS,
              TAMU_TEXT_MULTILINE);
  check_text (problems, "cancel_reason", b->cancel_reason, TAMU_MAX_NOTE_CHARS,
              TAMU_TEXT_MULTILINE);

  /* The formats are checked on text that is at least clean. */
  before = problems->len;
  check_text (problems, "phone", b->phone, TAMU_MAX_PHONE_CHARS, TAMU_TEXT_ONE_LINE);
  if (problems->len == before && b->phone != NULL && *b->phone != '\0' &&
      !tamu_fields_is_phone (b->phone))
    g_ptr_array_add (problems, g_strdup_printf (_("phone: “%s” is not a phone number"), b->phone));

  before = problems->len;
  check_text (problems, "email", b->email, TAMU_MAX_EMAIL_CHARS, TAMU_TEXT_ONE_LINE);
  if (problems->len == before && b->email != NULL && *b->email != '\0' &&
      !tamu_fields_is_email (b->email))
    g_ptr_array_add (problems, g_strdup_printf (_("email: “%s” is not an e-mail address"), b->email));

  before = problems->len;
  check_text (problems, "link", b->link, TAMU_MAX_LINK_CHARS, TAMU_TEXT_ONE_LINE);
  if (problems->len == before && b->link != NULL && *b->link != '\0' &&
      !tamu_fields_is_link (b->link))
    g_ptr_array_add (problems,
                     g_strdup_printf (_("link: “%s” is not a web address (it must start with https://)"),
                                      b->link));

  return problems;
}

gboolean
tamu_fields_check_booking (const TamuBooking *booking,
                           GError           **error)
{
  g_autoptr(GPtrArray) problems = tamu_fields_list_problems (booking);

  if (problems->len == 0)
    return TRUE;
  g_set_error_literal (error, TAMU_ERROR, TAMU_ERROR_INVALID, g_ptr_array_index (problems, 0));
  return FALSE;
}

static gboolean
has_visible (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

gboolean
tamu_fields_check_name (const char *field,
                        const char *text,
                        GError    **error)
{
  if (!tamu_text_check (field, text, TAMU_MAX_NAME_CHARS, TAMU_TEXT_ONE_LINE, error))
    return FALSE;
  if (text == NULL || !has_visible (text))
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID, _("%s: is required"), field);
      return FALSE;
    }
  return TRUE;
}
