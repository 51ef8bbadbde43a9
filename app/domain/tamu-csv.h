/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * CSV as Excel and people write it (RFC 4180 plus what Excel adds):
 * quoted fields with "" escapes, separators and line breaks inside quotes,
 * CRLF, LF or CR line ends, a UTF-8 byte-order mark, and ';' as separator in
 * files saved by Excel with Indonesian settings.
 */

/* The UTF-8 byte-order mark Excel needs to read a CSV file as UTF-8. */
#define TAMU_CSV_BOM "\xEF\xBB\xBF"

typedef struct
{
  guint line;   /* the physical line (1-based) the record starts on */
  GStrv fields; /* never NULL; a blank line is one empty field */
} TamuCsvRecord;

void tamu_csv_record_free (TamuCsvRecord *record);

/*
 * Picks the separator from the header (the first line): ';' when it holds
 * more semicolons than commas outside quotes, else ','.  @data has no BOM.
 */
char tamu_csv_detect_separator (const char *data,
                                gsize       length);

/*
 * Reads every record of @data (@length bytes, or -1 for a NUL-terminated
 * string).  @separator is ',' or ';', or 0 to detect it: from Excel's
 * "sep=;" first line if there is one (it is skipped), else from the header;
 * the one used is stored in @out_separator if not NULL.  A leading BOM is
 * skipped; a line break inside a quoted field comes out as "\n".
 *
 * Returns a GPtrArray of TamuCsvRecord (it frees them), or NULL with
 * TAMU_ERROR_INVALID when the text is not UTF-8 or a quote is never closed;
 * the message names the line: "line 7: quote: …".
 */
GPtrArray *tamu_csv_parse (const char *data,
                           gssize      length,
                           char        separator,
                           char       *out_separator,
                           GError    **error);

/* TRUE if the record holds nothing but empty or blank fields. */
gboolean tamu_csv_record_is_blank (const TamuCsvRecord *record);

/*
 * Whether Excel would read @text as a formula: it starts (after any blanks)
 * with = + - @, a tab or a CR.  A plain negative number ("-5", "-2,5") is not
 * a formula and is left alone.
 */
gboolean tamu_csv_needs_neutralising (const char *text);

/*
 * Appends @text as one cell: neutralised against formula injection (a leading
 * apostrophe, see tamu-csv.c for why phone numbers get one too), then quoted
 * when it holds a comma, a semicolon, a quote, a line break or surrounding
 * blanks.  NULL is an empty cell.
 */
void tamu_csv_append_field (GString    *out,
                            const char *text,
                            char        separator);

/* Appends @n_fields cells and a CRLF line end. */
void tamu_csv_append_row (GString           *out,
                          const char * const *fields,
                          gsize               n_fields,
                          char                separator);

/*
 * Undoes the writer's neutralisation: "'=SUM(A1)" → "=SUM(A1)", "'+62 812"
 * → "+62 812".  Anything else is returned as is.  Returns a pointer into
 * @text.
 */
const char *tamu_csv_unneutralise (const char *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TamuCsvRecord, tamu_csv_record_free)

G_END_DECLS
