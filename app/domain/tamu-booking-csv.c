/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tamu-booking-csv"

#include "config.h"

#include "tamu-booking-csv.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "tamu-clock.h"
#include "tamu-csv.h"
#include "tamu-error.h"
#include "tamu-fields.h"
#include "tamu-limits.h"
#include "tamu-parse.h"
#include "tamu-topics.h"

typedef enum
{
  COL_TYPE,
  COL_DATE,
  COL_TIME,
  COL_DURATION,
  COL_DAERAH,
  COL_INSTANSI,
  COL_TOPIC,
  COL_GUESTS,
  COL_ACTUAL_GUESTS,
  COL_STATUS,
  COL_ROOM,
  COL_LINK,
  COL_CONTACT,
  COL_PHONE,
  COL_EMAIL,
  COL_TICKET,
  COL_PIC,
  COL_NOTES,
  COL_OVERRIDE_REASON,
  COL_CANCEL_REASON,
  N_COLUMNS
} Column;

/*
 * Each column: its name (what the writer uses and what messages call the
 * field), whether the file must have it, and the header names it is known by
 * in the office's logs, compared without case, spaces or punctuation
 * ("Jumlah Tamu" = "jumlah_tamu" = "JUMLAH TAMU").
 */
static const struct
{
  const char *name;
  gboolean    required;
  const char *aliases; /* '|'-separated */
} columns[N_COLUMNS] = {
  [COL_TYPE] = { "type", TRUE, "jenis|jenis layanan|jenis konsultasi|layanan|tipe|kind" },
  [COL_DATE] = { "date", TRUE, "tanggal|tgl|tanggal konsultasi|tanggal kunjungan|hari tanggal" },
  [COL_TIME] = { "time", FALSE, "jam|waktu|pukul|jam mulai|waktu mulai|mulai|start" },
  [COL_DURATION] = { "duration", FALSE, "durasi|lama|durasi menit|lama menit|duration min|minutes|menit" },
  [COL_DAERAH] = { "daerah", TRUE, "pemda|pemerintah daerah|asal daerah|asal|region|nama daerah" },
  [COL_INSTANSI] = { "instansi", FALSE, "skpd|opd|instansi skpd|unit|institution" },
  [COL_TOPIC] = { "topic", TRUE, "topics|topik|materi|pokok bahasan|subjek|subject" },
  [COL_GUESTS] = { "guests", FALSE, "jumlah tamu|tamu|jumlah peserta|peserta|planned guests" },
  [COL_ACTUAL_GUESTS] = { "actual_guests", FALSE, "tamu hadir|jumlah hadir|hadir|jumlah tamu hadir|actual" },
  [COL_STATUS] = { "status", FALSE, "keadaan|state" },
  [COL_ROOM] = { "room", FALSE, "ruang|ruangan|ruang konsultasi" },
  [COL_LINK] = { "link", FALSE, "tautan|link meeting|meeting link|link rapat|url" },
  [COL_CONTACT] = { "contact", FALSE, "kontak|narahubung|contact person|cp|nama kontak|nama" },
  [COL_PHONE] = { "phone", FALSE, "telepon|telp|no telp|nomor telepon|no hp|hp|nomor hp|whatsapp|wa|no wa" },
  [COL_EMAIL] = { "email", FALSE, "e-mail|surel|alamat email" },
  [COL_TICKET] = { "ticket", FALSE, "tiket|no tiket|nomor tiket|ticket number|ticket no" },
  [COL_PIC] = { "pic", FALSE, "agen|agent|petugas|penanggung jawab" },
  [COL_NOTES] = { "notes", FALSE, "note|catatan|keterangan|ket" },
  [COL_OVERRIDE_REASON] = { "override_reason", FALSE, "override|alasan override|alasan melebihi batas" },
  [COL_CANCEL_REASON] = { "cancel_reason", FALSE, "alasan batal|alasan pembatalan|cancellation reason" },
};

/* The owned cells of one row, freed together. */
typedef struct
{
  char *v[N_COLUMNS];
} Cells;

static void
cells_clear (Cells *cells)
{
  for (int c = 0; c < N_COLUMNS; c++)
    g_clear_pointer (&cells->v[c], g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Cells, cells_clear)

/* The public struct first, so a TamuBookingCsv* is one of these. */
typedef struct
{
  TamuBookingCsv pub;
  GStrv          ignored;
  char           separator;
} TamuBookingCsvReal;

/* Lower case, letters and digits only: "Jumlah Tamu" → "jumlahtamu". */
static char *
fold_key (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);
  GString *out = g_string_new (NULL);

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static int
find_column (const char *header)
{
  g_autofree char *key = fold_key (header);

  if (*key == '\0')
    return -1;

  for (int i = 0; i < N_COLUMNS; i++)
    {
      g_autofree char *name = fold_key (columns[i].name);
      g_auto(GStrv) aliases = g_strsplit (columns[i].aliases, "|", -1);

      if (g_str_equal (key, name))
        return i;
      for (guint j = 0; aliases[j] != NULL; j++)
        {
          g_autofree char *alias = fold_key (aliases[j]);

          if (g_str_equal (key, alias))
            return i;
        }
    }
  return -1;
}

/* Trims Unicode blanks too: Excel cells often carry a no-break space. */
static char *
dup_trimmed (const char *text)
{
  const char *start = text;
  const char *end = text + strlen (text);

  while (*start != '\0' && g_unichar_isspace (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);

      if (!g_unichar_isspace (g_utf8_get_char (prev)))
        break;
      end = prev;
    }
  return g_strndup (start, end - start);
}

/* Case-insensitive: removes @suffix (and the blanks before it) from @text. */
static void
strip_suffix (char       *text,
              const char *suffix)
{
  gsize len = strlen (text);
  gsize slen = strlen (suffix);

  if (len > slen && g_ascii_strcasecmp (text + len - slen, suffix) == 0)
    {
      text[len - slen] = '\0';
      g_strchomp (text);
    }
}

/*
 * A topic cell resolved once per distinct text: the same few cells ("TKD",
 * "DAU, DAK NF") repeat on nearly every row, and resolving dominated the
 * import of a large file.
 */
typedef struct
{
  GStrv topics;  /* or NULL, with: */
  char *message; /* the error's message */
} ResolvedTopics;

static void
resolved_topics_free (ResolvedTopics *resolved)
{
  g_strfreev (resolved->topics);
  g_free (resolved->message);
  g_free (resolved);
}

typedef struct
{
  TamuBookingCsvReal *self;
  GHashTable         *topic_cache; /* cell text → ResolvedTopics */
  guint               line;
  guint               n_problems;
} Row;

static void
row_problem (Row        *row,
             const char *format,
             ...) G_GNUC_PRINTF (2, 3);

static void
row_problem (Row        *row,
             const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* Translators: "line 7: date: “2024-02-30” is not a date …" */
  g_ptr_array_add (row->self->pub.problems, g_strdup_printf (_("line %u: %s"), row->line, message));
  row->n_problems++;
}

static void
row_error (Row    *row,
           GError *error)
{
  row_problem (row, "%s", error->message);
}

static gboolean
parse_type (const char      *text,
            TamuBookingType *out)
{
  static const char * const tatap_muka[] = {
    "tatapmuka", "offline", "luring", "kunjungan", "konsultasitatapmuka", "facetoface", "inperson", NULL
  };
  static const char * const vidcon[] = {
    "vidcon", "vicon", "videoconference", "videoconferencing", "videokonferensi",
    "msteams", "teams", "online", "daring", "zoom", NULL
  };
  g_autofree char *key = fold_key (text);

  if (g_strv_contains (tatap_muka, key))
    *out = TAMU_BOOKING_TATAP_MUKA;
  else if (g_strv_contains (vidcon, key))
    *out = TAMU_BOOKING_VIDCON;
  else
    return tamu_booking_type_from_string (text, out);
  return TRUE;
}

static gboolean
parse_status (const char        *text,
              TamuBookingStatus *out)
{
  static const struct
  {
    const char       *word;
    TamuBookingStatus status;
  } words[] = {
    { "requested", TAMU_STATUS_REQUESTED },
    { "diajukan", TAMU_STATUS_REQUESTED },
    { "permohonan", TAMU_STATUS_REQUESTED },
    { "menunggu", TAMU_STATUS_REQUESTED },
    { "pending", TAMU_STATUS_REQUESTED },
    { "confirmed", TAMU_STATUS_CONFIRMED },
    { "dikonfirmasi", TAMU_STATUS_CONFIRMED },
    { "terkonfirmasi", TAMU_STATUS_CONFIRMED },
    { "terjadwal", TAMU_STATUS_CONFIRMED },
    { "done", TAMU_STATUS_DONE },
    { "checkedin", TAMU_STATUS_DONE },
    { "selesai", TAMU_STATUS_DONE },
    { "hadir", TAMU_STATUS_DONE },
    { "terlaksana", TAMU_STATUS_DONE },
    { "dilaksanakan", TAMU_STATUS_DONE },
    { "cancelled", TAMU_STATUS_CANCELLED },
    { "canceled", TAMU_STATUS_CANCELLED },
    { "batal", TAMU_STATUS_CANCELLED },
    { "dibatalkan", TAMU_STATUS_CANCELLED },
    { "noshow", TAMU_STATUS_NO_SHOW },
    { "tidakhadir", TAMU_STATUS_NO_SHOW },
    { "takhadir", TAMU_STATUS_NO_SHOW },
  };
  g_autofree char *key = fold_key (text);

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_str_equal (key, words[i].word))
      {
        *out = words[i].status;
        return TRUE;
      }
  return tamu_booking_status_from_string (text, out);
}

/* Weekday names people put before a date: "Rabu, 20 Maret 2024". */
static GDateWeekday
lookup_weekday (const char *word)
{
  static const char * const names[][2] = {
    { "senin", "monday" },
    { "selasa", "tuesday" },
    { "rabu", "wednesday" },
    { "kamis", "thursday" },
    { "jumat", "friday" },
    { "sabtu", "saturday" },
    { "minggu", "sunday" },
  };
  g_autofree char *key = fold_key (word);

  /* "Ahad" is Sunday too; "Jum'at" folds to "jumat". */
  if (g_str_equal (key, "ahad"))
    return G_DATE_SUNDAY;
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (key, names[i][0]) || g_str_equal (key, names[i][1]))
      return G_DATE_MONDAY + i;
  return G_DATE_BAD_WEEKDAY;
}

/*
 * What tamu_parse_date_loose() reads ("2024-03-20", "20 Maret 2024",
 * "20/03/2024"), plus what office logs add: a weekday before the date, as
 * Tamu itself writes it ("Rabu, 20 Maret 2024"; it must be the right day),
 * and day-first dates with dots or dashes ("20.03.2024").  Returns FALSE with
 * the error set when @text is not a date.
 */
static gboolean
parse_date (const char *text,
            GDate      *out,
            GError    **error)
{
  g_autoptr(GMatchInfo) match = NULL;
  static GRegex *dmy;
  const char *comma = strchr (text, ',');

  if (g_once_init_enter (&dmy))
    g_once_init_leave (&dmy, g_regex_new ("^(\\d{1,2})[.-](\\d{1,2})[.-](\\d{4})$",
                                          G_REGEX_OPTIMIZE, 0, NULL));

  if (comma != NULL)
    {
      g_autofree char *word = g_strndup (text, comma - text);
      g_autofree char *rest = dup_trimmed (comma + 1);
      GDateWeekday weekday = lookup_weekday (word);

      if (weekday == G_DATE_BAD_WEEKDAY)
        {
          g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                       _("date: “%s” is not a date (write 2024-03-20 or 20 Maret 2024)"), text);
          return FALSE;
        }
      if (!parse_date (rest, out, error))
        return FALSE;
      if (g_date_get_weekday (out) != weekday)
        {
          g_autofree char *real = tamu_format_date_long_indonesian (out);

          g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                       _("date: “%s” names the wrong weekday: it is %s"), text, real);
          return FALSE;
        }
      return TRUE;
    }

  if (g_regex_match (dmy, text, 0, &match))
    {
      g_autofree char *d = g_match_info_fetch (match, 1);
      g_autofree char *m = g_match_info_fetch (match, 2);
      g_autofree char *y = g_match_info_fetch (match, 3);
      int day = atoi (d);
      int month = atoi (m);
      int year = atoi (y);

      if (year < 1900 || year > 2999 || !g_date_valid_dmy (day, month, year))
        {
          g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                       _("date: “%s” is not a date (day.month.year)"), text);
          return FALSE;
        }
      g_date_clear (out, 1);
      g_date_set_dmy (out, day, month, year);
      return TRUE;
    }

  return tamu_parse_date_loose ("date", text, out, error);
}

/*
 * "09:00", "9.00", "09:00:00" (Excel), "09.00 WIB", or a range
 * "09:00-10:30" / "09.00 – 10.30" that also gives the duration
 * (@out_duration, else 0).
 */
static gboolean
parse_time (const char *text,
            int        *out_start,
            int        *out_duration,
            GError    **error)
{
  g_autoptr(GString) clean = g_string_new (text);
  int end;

  g_string_replace (clean, "–", "-", 0);
  g_string_replace (clean, "—", "-", 0);
  g_string_replace (clean, " s.d. ", "-", 0);
  g_string_replace (clean, " s/d ", "-", 0);
  strip_suffix (clean->str, "WIB");
  g_string_set_size (clean, strlen (clean->str));

  *out_duration = 0;
  if (strchr (clean->str, '-') != NULL)
    {
      g_autoptr(GString) compact = g_string_new (NULL);

      for (const char *p = clean->str; *p != '\0'; p++)
        if (*p != ' ')
          g_string_append_c (compact, *p);
      if (!tamu_parse_time_range ("time", compact->str, out_start, &end, error))
        return FALSE;
      *out_duration = end - *out_start;
      return TRUE;
    }

  /* Excel's "09:00:00": seconds are always zero in a booking log. */
  if (clean->len == 8 && (clean->str[2] == ':' || clean->str[2] == '.')
      && clean->str[5] == clean->str[2] && g_str_has_suffix (clean->str, "00"))
    g_string_truncate (clean, 5);

  return tamu_parse_time ("time", clean->str, out_start, error);
}

/* The cell of @column in @cells, trimmed and with the writer's apostrophe
 * removed; NULL when the file has no such column or the cell is empty. */
static char *
dup_cell (GStrv       cells,
          guint       n_cells,
          const int  *index,
          Column      column)
{
  g_autofree char *trimmed = NULL;

  if (index[column] < 0 || (guint) index[column] >= n_cells)
    return NULL;
  trimmed = dup_trimmed (cells[index[column]]);
  if (*trimmed == '\0')
    return NULL;
  return g_strdup (tamu_csv_unneutralise (trimmed));
}

static TamuBooking *
parse_row (Row                 *row,
           const TamuCsvRecord *record,
           const int           *index,
           guint                n_header,
           GPtrArray           *topics,
           const GDate         *today)
{
  g_autoptr(TamuBooking) booking = tamu_booking_new ();
  g_auto(Cells) cells = { { NULL, } };
  guint n_cells = g_strv_length (record->fields);
  gboolean type_known = FALSE;
  gboolean date_known = FALSE;
  gboolean status_known = TRUE;
  gboolean guests_known = FALSE;
  int range_duration = 0;
  int actual_guests = -1;

  for (int c = 0; c < N_COLUMNS; c++)
    cells.v[c] = dup_cell (record->fields, n_cells, index, c);

  for (guint i = n_header; i < n_cells; i++)
    {
      g_autofree char *extra = dup_trimmed (record->fields[i]);

      if (*extra != '\0')
        {
          row_problem (row, _("columns: the row has %u cells but the header names %u columns"),
                       n_cells, n_header);
          break;
        }
    }

  /* type */
  if (cells.v[COL_TYPE] == NULL)
    row_problem (row, _("type: required (tatap-muka or vidcon)"));
  else if (!parse_type (cells.v[COL_TYPE], &booking->type))
    row_problem (row, _("type: “%s” is not a booking type (write tatap-muka or vidcon)"),
                 cells.v[COL_TYPE]);
  else
    type_known = TRUE;

  /* date */
  if (cells.v[COL_DATE] == NULL)
    row_problem (row, _("date: required (2024-03-20 or 20 Maret 2024)"));
  else
    {
      g_autoptr(GError) error = NULL;

      if (parse_date (cells.v[COL_DATE], &booking->date, &error))
        date_known = TRUE;
      else
        row_error (row, error);
    }

  /* time, duration */
  if (cells.v[COL_TIME] != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!parse_time (cells.v[COL_TIME], &booking->start, &range_duration, &error))
        row_error (row, error);
    }
  if (cells.v[COL_DURATION] != NULL)
    {
      g_autoptr(GError) error = NULL;

      strip_suffix (cells.v[COL_DURATION], "menit");
      strip_suffix (cells.v[COL_DURATION], "minutes");
      strip_suffix (cells.v[COL_DURATION], "min");
      if (!tamu_parse_int ("duration", cells.v[COL_DURATION], 1, 24 * 60, &booking->duration, &error))
        row_error (row, error);
      else if (range_duration > 0 && range_duration != booking->duration)
        row_problem (row, _("duration: %d minutes does not match the time “%s” (%d minutes)"),
                     booking->duration, cells.v[COL_TIME], range_duration);
    }
  else
    booking->duration = range_duration;
  if (booking->start != TAMU_TIME_UNKNOWN && booking->start + booking->duration > 24 * 60)
    row_problem (row, _("duration: a visit from %s for %d minutes would end after midnight"),
                 cells.v[COL_TIME], booking->duration);

  /* daerah, topic */
  if (cells.v[COL_DAERAH] == NULL)
    row_problem (row, _("daerah: required (the visiting government or institution)"));
  else
    booking->daerah = g_strdup (cells.v[COL_DAERAH]);

  if (cells.v[COL_TOPIC] == NULL)
    row_problem (row, _("topic: required (for example TKD or “DAU, DAK NF”)"));
  else
    {
      ResolvedTopics *resolved = g_hash_table_lookup (row->topic_cache, cells.v[COL_TOPIC]);

      if (resolved == NULL)
        {
          g_autoptr(GError) error = NULL;

          resolved = g_new0 (ResolvedTopics, 1);
          resolved->topics = tamu_topics_resolve_list (topics, cells.v[COL_TOPIC], &error);
          if (resolved->topics == NULL)
            resolved->message = g_strdup (error != NULL ? error->message : "topic: ?");
          g_hash_table_insert (row->topic_cache, g_strdup (cells.v[COL_TOPIC]), resolved);
        }

      if (resolved->topics == NULL)
        row_problem (row, "%s", resolved->message);
      else
        {
          g_strfreev (booking->topics);
          booking->topics = g_strdupv (resolved->topics);
        }
    }

  /* guests, actual_guests */
  if (cells.v[COL_GUESTS] != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (tamu_parse_int ("guests", cells.v[COL_GUESTS], 1, TAMU_MAX_GUESTS, &booking->guests, &error))
        guests_known = TRUE;
      else
        row_error (row, error);
    }
  else if (type_known && booking->type == TAMU_BOOKING_TATAP_MUKA)
    row_problem (row, _("guests: required for a tatap muka visit"));

  if (cells.v[COL_ACTUAL_GUESTS] != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!tamu_parse_int ("actual_guests", cells.v[COL_ACTUAL_GUESTS], 0, TAMU_MAX_GUESTS, &actual_guests, &error))
        {
          row_error (row, error);
          actual_guests = -1;
        }
    }

  /* status: done for what already happened, requested for what is ahead */
  if (cells.v[COL_STATUS] != NULL)
    {
      if (!parse_status (cells.v[COL_STATUS], &booking->status))
        {
          row_problem (row, _("status: “%s” is not a status (requested, confirmed, done, "
                              "cancelled or no-show)"),
                       cells.v[COL_STATUS]);
          status_known = FALSE;
        }
    }
  else if (date_known)
    booking->status = g_date_compare (&booking->date, today) < 0
                      ? TAMU_STATUS_DONE : TAMU_STATUS_REQUESTED;
  else
    status_known = FALSE;

  if (status_known)
    {
      /* A done row dated after today is not refused: a record of what
       * happened has its formats checked, not the rules (issue 2), and the
       * demo month is loaded under clocks fixed inside March 2024. */
      if (booking->start == TAMU_TIME_UNKNOWN && cells.v[COL_TIME] == NULL
          && (booking->status == TAMU_STATUS_REQUESTED || booking->status == TAMU_STATUS_CONFIRMED))
        row_problem (row, _("time: required for a new booking"));

      if (booking->status == TAMU_STATUS_DONE)
        {
          if (actual_guests >= 0)
            booking->actual_guests = actual_guests;
          else if (cells.v[COL_ACTUAL_GUESTS] == NULL)
            booking->actual_guests = guests_known ? booking->guests : 0;
        }
      else if (booking->status == TAMU_STATUS_NO_SHOW)
        {
          if (actual_guests > 0)
            row_problem (row, _("actual_guests: a no-show booking had no guests, not %d"),
                         actual_guests);
          else if (actual_guests == 0)
            booking->actual_guests = 0;
        }
      else if (cells.v[COL_ACTUAL_GUESTS] != NULL)
        row_problem (row, _("actual_guests: only a done (checked-in) booking has an actual "
                            "guest count, this one is %s"),
                     tamu_booking_status_to_string (booking->status));

      if (cells.v[COL_CANCEL_REASON] != NULL && booking->status != TAMU_STATUS_CANCELLED)
        row_problem (row, _("cancel_reason: only a cancelled booking has a cancel reason, "
                            "this one is %s"),
                     tamu_booking_status_to_string (booking->status));
    }

  /* room, link, contact details */
  if (cells.v[COL_ROOM] != NULL && type_known && booking->type == TAMU_BOOKING_VIDCON)
    row_problem (row, _("room: a video conference has no room (put its meeting link in the link column)"));

  booking->room = g_steal_pointer (&cells.v[COL_ROOM]);
  booking->instansi = g_steal_pointer (&cells.v[COL_INSTANSI]);
  booking->contact = g_steal_pointer (&cells.v[COL_CONTACT]);
  booking->phone = g_steal_pointer (&cells.v[COL_PHONE]);
  booking->email = g_steal_pointer (&cells.v[COL_EMAIL]);
  booking->ticket = g_steal_pointer (&cells.v[COL_TICKET]);
  booking->pic = g_steal_pointer (&cells.v[COL_PIC]);
  booking->link = g_steal_pointer (&cells.v[COL_LINK]);
  booking->notes = g_steal_pointer (&cells.v[COL_NOTES]);
  booking->override_reason = g_steal_pointer (&cells.v[COL_OVERRIDE_REASON]);
  booking->cancel_reason = g_steal_pointer (&cells.v[COL_CANCEL_REASON]);

  /* The text fields follow the rules of every other path (tamu-fields.h). */
  {
    g_autoptr(GPtrArray) field_problems = tamu_fields_list_problems (booking);

    for (guint i = 0; i < field_problems->len; i++)
      row_problem (row, "%s", (const char *) g_ptr_array_index (field_problems, i));
  }

  if (row->n_problems > 0)
    return NULL;

  return g_steal_pointer (&booking);
}

void
tamu_booking_csv_free (TamuBookingCsv *self)
{
  TamuBookingCsvReal *real = (TamuBookingCsvReal *) self;

  if (self == NULL)
    return;

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->line_numbers, g_array_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&real->ignored, g_strfreev);
  g_free (real);
}

TamuBookingCsv *
tamu_booking_csv_parse (const char  *data,
                        gsize        length,
                        GPtrArray   *topics,
                        const GDate *today,
                        GError     **error)
{
  g_autoptr(TamuBookingCsv) self = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GStrvBuilder) ignored = g_strv_builder_new ();
  g_autoptr(GString) missing = NULL;
  g_autoptr(GHashTable) topic_cache = NULL;
  TamuBookingCsvReal *real;
  const TamuCsvRecord *header = NULL;
  int index[N_COLUMNS];
  guint first = 0;
  guint n_header;
  guint n_missing = 0;
  GDate today_date;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (topics != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (today == NULL)
    {
      tamu_clock_today (&today_date);
      today = &today_date;
    }

  real = g_new0 (TamuBookingCsvReal, 1);
  self = &real->pub;
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) tamu_booking_unref);
  self->line_numbers = g_array_new (FALSE, FALSE, sizeof (guint));
  self->problems = g_ptr_array_new_with_free_func (g_free);

  records = tamu_csv_parse (data != NULL ? data : "", length, 0, &real->separator, error);
  if (records == NULL)
    return NULL;

  for (first = 0; first < records->len; first++)
    {
      const TamuCsvRecord *record = g_ptr_array_index (records, first);

      if (!tamu_csv_record_is_blank (record))
        {
          header = record;
          break;
        }
    }
  if (header == NULL)
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                   _("header: the file is empty; its first row must name the columns "
                     "(type, date, daerah, topic, guests, …)"));
      return NULL;
    }

  for (int c = 0; c < N_COLUMNS; c++)
    index[c] = -1;
  n_header = g_strv_length (header->fields);
  for (guint i = 0; i < n_header; i++)
    {
      g_autofree char *name = dup_trimmed (header->fields[i]);
      int column = find_column (name);

      if (column < 0)
        {
          if (*name != '\0')
            g_strv_builder_add (ignored, name);
          continue;
        }
      if (index[column] >= 0)
        {
          g_autofree char *other = dup_trimmed (header->fields[index[column]]);

          g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                       _("line %u: header: “%s” and “%s” are both the %s column"),
                       header->line, other, name, columns[column].name);
          return NULL;
        }
      index[column] = i;
    }

  missing = g_string_new (NULL);
  for (int c = 0; c < N_COLUMNS; c++)
    if (columns[c].required && index[c] < 0)
      {
        g_string_append_printf (missing, "%s%s", n_missing > 0 ? ", " : "", columns[c].name);
        n_missing++;
      }
  if (n_missing > 0)
    {
      g_set_error (error, TAMU_ERROR, TAMU_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "line %u: header: the required column %s is missing "
                                "(columns may be named in English or Indonesian: "
                                "type/jenis, date/tanggal, daerah, topic/topik)",
                                "line %u: header: the required columns %s are missing "
                                "(columns may be named in English or Indonesian: "
                                "type/jenis, date/tanggal, daerah, topic/topik)",
                                n_missing),
                   header->line, missing->str);
      return NULL;
    }

  real->ignored = g_strv_builder_end (ignored);
  topic_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) resolved_topics_free);

  for (guint r = first + 1; r < records->len; r++)
    {
      const TamuCsvRecord *record = g_ptr_array_index (records, r);
      Row row = { real, topic_cache, record->line, 0 };
      TamuBooking *booking;

      if (tamu_csv_record_is_blank (record))
        continue;

      booking = parse_row (&row, record, index, n_header, topics, today);
      if (booking != NULL)
        {
          g_ptr_array_add (self->rows, booking);
          g_array_append_val (self->line_numbers, record->line);
        }
    }

  return g_steal_pointer (&self);
}

const char * const *
tamu_booking_csv_get_ignored_columns (const TamuBookingCsv *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return (const char * const *) ((const TamuBookingCsvReal *) self)->ignored;
}

char
tamu_booking_csv_get_separator (const TamuBookingCsv *self)
{
  g_return_val_if_fail (self != NULL, ',');

  return ((const TamuBookingCsvReal *) self)->separator;
}

static char *
dup_int (int value)
{
  return g_strdup_printf ("%d", value);
}

char *
tamu_booking_csv_write_full (GPtrArray *bookings,
                             gboolean   with_bom,
                             char       separator)
{
  GString *out;
  const char *header[N_COLUMNS];

  g_return_val_if_fail (bookings != NULL, NULL);
  g_return_val_if_fail (separator == ',' || separator == ';', NULL);

  out = g_string_new (with_bom ? TAMU_CSV_BOM : NULL);

  for (int c = 0; c < N_COLUMNS; c++)
    header[c] = columns[c].name;
  tamu_csv_append_row (out, header, N_COLUMNS, separator);

  for (guint i = 0; i < bookings->len; i++)
    {
      const TamuBooking *b = g_ptr_array_index (bookings, i);
      g_auto(Cells) owned = { { NULL, } };
      const char *row[N_COLUMNS] = { NULL, };

      row[COL_TYPE] = tamu_booking_type_to_string (b->type);
      if (g_date_valid (&b->date))
        row[COL_DATE] = owned.v[COL_DATE] = tamu_format_date_iso (&b->date);
      if (b->start != TAMU_TIME_UNKNOWN)
        row[COL_TIME] = owned.v[COL_TIME] = tamu_format_time (b->start);
      if (b->duration > 0)
        row[COL_DURATION] = owned.v[COL_DURATION] = dup_int (b->duration);
      row[COL_DAERAH] = b->daerah;
      row[COL_INSTANSI] = b->instansi;
      row[COL_TOPIC] = owned.v[COL_TOPIC] = tamu_booking_dup_topics_text (b);
      if (b->guests > 0)
        row[COL_GUESTS] = owned.v[COL_GUESTS] = dup_int (b->guests);
      if (b->actual_guests >= 0
          && (b->status == TAMU_STATUS_DONE || b->status == TAMU_STATUS_NO_SHOW))
        row[COL_ACTUAL_GUESTS] = owned.v[COL_ACTUAL_GUESTS] = dup_int (b->actual_guests);
      row[COL_STATUS] = tamu_booking_status_to_string (b->status);
      row[COL_ROOM] = b->room;
      row[COL_LINK] = b->link;
      row[COL_CONTACT] = b->contact;
      row[COL_PHONE] = b->phone;
      row[COL_EMAIL] = b->email;
      row[COL_TICKET] = b->ticket;
      row[COL_PIC] = b->pic;
      row[COL_NOTES] = b->notes;
      row[COL_OVERRIDE_REASON] = b->override_reason;
      row[COL_CANCEL_REASON] = b->cancel_reason;

      tamu_csv_append_row (out, row, N_COLUMNS, separator);
    }

  return g_string_free (out, FALSE);
}

char *
tamu_booking_csv_write (GPtrArray *bookings,
                        gboolean   with_bom)
{
  return tamu_booking_csv_write_full (bookings, with_bom, ',');
}
