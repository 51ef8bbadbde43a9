/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Invitations as real senders write them: lenient values, kept UIDs,
 * updates and cancellations, series, Windows zones, meeting links,
 * holidays and hostile time zones (issue 11, part 3). */
#include "config.h"

#include <glib/gstdio.h>
#include <sys/wait.h>
#include <string.h>

#include "tamu-test-db.h"
#include "tamu-error.h"
#include "tamu-ical.h"
#include "tamu-store.h"

#define CAL_HEAD "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\n"
#define CAL_TAIL "END:VCALENDAR\r\n"

static TamuIcalInvitation *
read_ok (const char          *text,
         TamuIcalReadOptions *options,
         GPtrArray           *warnings)
{
  g_autoptr(GError) error = NULL;
  TamuIcalInvitation *invitation;

  invitation = tamu_ical_read_invitation (text, strlen (text), options, warnings, &error);
  g_assert_no_error (error);
  g_assert_nonnull (invitation);
  return invitation;
}

static TamuBooking *
draft_at (TamuIcalInvitation *invitation,
          guint               i)
{
  g_assert_cmpuint (i, <, invitation->drafts->len);
  return g_ptr_array_index (invitation->drafts, i);
}

static void
assert_draft (TamuBooking *draft,
              int          year,
              int          month,
              int          day,
              int          minutes)
{
  g_assert_cmpint (g_date_get_year (&draft->date), ==, year);
  g_assert_cmpint (g_date_get_month (&draft->date), ==, month);
  g_assert_cmpint (g_date_get_day (&draft->date), ==, day);
  g_assert_cmpint (draft->start, ==, minutes);
}

static gboolean
has_warning (GPtrArray  *warnings,
             const char *prefix,
             const char *part)
{
  for (guint i = 0; i < warnings->len; i++)
    {
      const char *w = g_ptr_array_index (warnings, i);

      if (g_str_has_prefix (w, prefix) && (part == NULL || strstr (w, part) != NULL))
        return TRUE;
    }
  return FALSE;
}

/* ---- item 1: what is not fatal ----------------------------------------- */

static void
test_lenient_values (void)
{
  /* Exchange's empty LOCATION, Google's empty DESCRIPTION, Evolution's own
   * X-LIC-ERROR line and a property nobody knows. */
  static const char text[] =
    CAL_HEAD "METHOD:REQUEST\r\n"
    "BEGIN:VEVENT\r\nUID:empty-1\r\nDTSTAMP:20240301T000000Z\r\n"
    "DTSTART;TZID=SE Asia Standard Time:20240320T100000\r\n"
    "DTEND;TZID=SE Asia Standard Time:20240320T110000\r\n"
    "SUMMARY:Rapat Kab. Bandung\r\nLOCATION;LANGUAGE=en-US:\r\nDESCRIPTION:\r\n"
    "X-LIC-ERROR;X-LIC-ERRORTYPE=VALUE-PARSE-ERROR:No value for DESCRIPTION\r\n"
    "X-UNKNOWN-THING;FOO=bar:baz\r\nSTATUS;X-ODD=1:\r\n"
    "X-ENTOURAGE_UUID:A93D8AAF-53FE\r\nX-LOTUS-CHILD_UID:354EFA30\r\n"
    "END:VEVENT\r\n" CAL_TAIL;
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(TamuIcalInvitation) invitation = read_ok (text, NULL, warnings);

  g_assert_cmpuint (invitation->drafts->len, ==, 1);
  assert_draft (draft_at (invitation, 0), 2024, 3, 20, 10 * 60);
  g_assert_cmpstr (draft_at (invitation, 0)->uid, ==, "empty-1");
  g_assert_true (has_warning (warnings, "format:", NULL));
}

static void
test_refusals_remain (void)
{
  static const struct
  {
    const char *text;
    const char *field;
  } cases[] = {
    /* an event without a start, even next to a good one */
    { CAL_HEAD "BEGIN:VEVENT\r\nUID:a\r\nDTSTART:20240320T030000Z\r\nEND:VEVENT\r\n"
      "BEGIN:VEVENT\r\nUID:b\r\nSUMMARY:no start\r\nEND:VEVENT\r\n" CAL_TAIL, "DTSTART:" },
    /* nothing usable: one all-day event */
    { CAL_HEAD "BEGIN:VEVENT\r\nUID:a\r\nDTSTART;VALUE=DATE:20240320\r\nEND:VEVENT\r\n" CAL_TAIL, "DTSTART:" },
    /* unreadable structure */
    { CAL_HEAD "BEGIN:VEVENT\r\nUID:a\r\nDTSTART:20240320T030000Z\r\nEND:VTODO\r\n" CAL_TAIL, "format:" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TamuIcalInvitation) invitation = NULL;

      invitation = tamu_ical_read_invitation (cases[i].text, strlen (cases[i].text), NULL, NULL, &error);
      g_assert_null (invitation);
      g_assert_nonnull (error);
      if (!g_str_has_prefix (error->message, cases[i].field))
        g_error ("case %u: “%s” does not start with %s", i, error->message, cases[i].field);
    }
}

/* ---- item 7: a cancelled event among others ---------------------------- */

static void
test_multi_event_with_cancelled (void)
{
  static const char text[] =
    CAL_HEAD
    "BEGIN:VEVENT\r\nUID:m-1\r\nDTSTART:20240320T030000Z\r\nDURATION:PT1H\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:m-2\r\nSTATUS:CANCELLED\r\nDTSTART:20240321T030000Z\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:m-3\r\nDTSTART;VALUE=DATE:20240322\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:m-4\r\nDTSTART:20240325T060000Z\r\nDURATION:PT30M\r\nEND:VEVENT\r\n" CAL_TAIL;
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(TamuIcalInvitation) invitation = read_ok (text, NULL, warnings);
  TamuIcalCancel *cancel;

  g_assert_cmpuint (invitation->drafts->len, ==, 2);
  assert_draft (draft_at (invitation, 0), 2024, 3, 20, 10 * 60);
  assert_draft (draft_at (invitation, 1), 2024, 3, 25, 13 * 60);
  g_assert_cmpuint (invitation->cancels->len, ==, 1);
  cancel = g_ptr_array_index (invitation->cancels, 0);
  g_assert_cmpstr (cancel->uid, ==, "m-2");
  g_assert_cmpstr (cancel->field, ==, "STATUS");
  g_assert_true (has_warning (warnings, "DTSTART: event 3", "(skipped)"));
}

/* ---- item 4: Windows zones --------------------------------------------- */

static void
test_windows_zones (void)
{
  static const struct
  {
    const char *tzid;
    const char *vtimezone; /* or NULL */
    int         day, minutes; /* July 2024, office time */
  } cases[] = {
    /* 10:00 EDT (UTC-4 in July) = 14:00 UTC = 21:00 WIB; a fixed -05:00 would say 22:00 */
    { "Eastern Standard Time", NULL, 8, 21 * 60 },
    { "(UTC-05:00) Eastern Time (US & Canada)", NULL, 8, 21 * 60 },
    { "(GMT-05:00) Eastern Time (US & Canada)", NULL, 8, 21 * 60 },
    /* the file's VTIMEZONE (fixed -05:00, wrong in summer) loses to CLDR */
    { "(UTC-05:00) Eastern Time (US & Canada)",
      "BEGIN:VTIMEZONE\r\nTZID:(UTC-05:00) Eastern Time (US & Canada)\r\nBEGIN:STANDARD\r\n"
      "DTSTART:16010101T000000\r\nTZOFFSETFROM:-0500\r\nTZOFFSETTO:-0500\r\nEND:STANDARD\r\n"
      "END:VTIMEZONE\r\n", 8, 21 * 60 },
    /* 10:00 CEST = 08:00 UTC = 15:00 WIB */
    { "W. Europe Standard Time", NULL, 8, 15 * 60 },
    { "(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna", NULL, 8, 15 * 60 },
    { "(UTC+07:00) Bangkok, Hanoi, Jakarta", NULL, 8, 10 * 60 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf (CAL_HEAD "%s"
                                               "BEGIN:VEVENT\r\nUID:z%u\r\n"
                                               "DTSTART;TZID=\"%s\":20240708T100000\r\n"
                                               "DURATION:PT1H\r\nEND:VEVENT\r\n" CAL_TAIL,
                                               cases[i].vtimezone != NULL ? cases[i].vtimezone : "",
                                               i, cases[i].tzid);
      g_autoptr(TamuIcalInvitation) invitation = read_ok (text, NULL, NULL);

      if (draft_at (invitation, 0)->start != cases[i].minutes)
        g_error ("%s: starts at %d, expected %d", cases[i].tzid, draft_at (invitation, 0)->start,
                 cases[i].minutes);
      assert_draft (draft_at (invitation, 0), 2024, 7, cases[i].day, cases[i].minutes);
    }

  g_assert_cmpstr (tamu_ical_windows_zone_to_iana ("(UTC-05:00) Eastern Time (US & Canada)"), ==,
                   "America/New_York");
  g_assert_cmpstr (tamu_ical_windows_zone_to_iana ("SE Asia Standard Time"), ==, "Asia/Jakarta");
  g_assert_null (tamu_ical_windows_zone_to_iana ("(UTC-05:00) Nowhere"));
}

/* ---- item 5: meeting links --------------------------------------------- */

static char *
link_of (const char *properties)
{
  g_autofree char *text = g_strdup_printf (CAL_HEAD "BEGIN:VEVENT\r\nUID:l\r\n"
                                           "DTSTART:20240320T030000Z\r\nDURATION:PT1H\r\n%s"
                                           "END:VEVENT\r\n" CAL_TAIL, properties);
  g_autoptr(TamuIcalInvitation) invitation = read_ok (text, NULL, NULL);

  return g_strdup (draft_at (invitation, 0)->link);
}

static void
test_links (void)
{
  static const struct
  {
    const char *properties;
    const char *link;
  } cases[] = {
    { "X-MICROSOFT-SKYPETEAMSMEETINGURL:https://teams.microsoft.com/l/meetup-join/19%3ameeting_x\r\n"
      "DESCRIPTION:see https://zoom.us/j/1\r\n",
      "https://teams.microsoft.com/l/meetup-join/19%3ameeting_x" },
    { "X-GOOGLE-CONFERENCE:https://meet.google.com/abc-defg-hij\r\n", "https://meet.google.com/abc-defg-hij" },
    { "CONFERENCE;VALUE=URI;FEATURE=VIDEO:https://acme.webex.com/meet/budi\r\n",
      "https://acme.webex.com/meet/budi" },
    { "DESCRIPTION:Join Zoom Meeting\\nhttps://us04web.zoom.us/j/7512345678?pwd=Abc1.\\nMeeting ID\r\n",
      "https://us04web.zoom.us/j/7512345678?pwd=Abc1" },
    { "DESCRIPTION:Rapat di https://acme.zoom.us/my/pakbudi\\, jam 10\r\n", "https://acme.zoom.us/my/pakbudi" },
    { "LOCATION:Microsoft Teams Meeting\r\nDESCRIPTION:Klik https://teams.microsoft.com/l/meetup-join/abc "
      "atau https://meet.google.com/x\r\n", "https://teams.microsoft.com/l/meetup-join/abc" },
    { "DESCRIPTION:Join: https://djpk.webex.com/djpk/j.php?MTID=m123\r\n",
      "https://djpk.webex.com/djpk/j.php?MTID=m123" },
    { "DESCRIPTION:Meet: https://meet.google.com/kyj-sict-zbe\r\n", "https://meet.google.com/kyj-sict-zbe" },
    /* Zoom's logo link comes first in its invitations: not the meeting */
    { "DESCRIPTION:\\N <https://zoom.us/> \\N\\NJoin <https://urgences.zoom.us/j/995421>\r\n",
      "https://urgences.zoom.us/j/995421" },
    /* not meeting hosts */
    { "DESCRIPTION:https://zoom.us.evil.example/j/1 and https://notzoom.us/j/2\r\n", NULL },
    { "URL:https://www.kemenkeu.go.id/agenda\r\n", "https://www.kemenkeu.go.id/agenda" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *link = link_of (cases[i].properties);

      if (g_strcmp0 (link, cases[i].link) != 0)
        g_error ("case %u: link “%s”, expected “%s”", i, link, cases[i].link);
    }
}

/* ---- item 3: series ---------------------------------------------------- */

/* Mondays 09:00 WIB from 4 March 2024, six meetings; 11 March excluded;
 * 18 March moved to Tuesday 19 March 13:00; 25 March cancelled. */
static const char series_text[] =
  CAL_HEAD "METHOD:REQUEST\r\n"
  "BEGIN:VEVENT\r\nUID:ser-1\r\nSEQUENCE:0\r\n"
  "DTSTART;TZID=Asia/Jakarta:20240304T090000\r\nDTEND;TZID=Asia/Jakarta:20240304T100000\r\n"
  "RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=6\r\n"
  "EXDATE;TZID=Asia/Jakarta:20240311T090000\r\n"
  "SUMMARY:Koordinasi\r\nDESCRIPTION:https://teams.microsoft.com/l/meetup-join/ser\r\nEND:VEVENT\r\n"
  "BEGIN:VEVENT\r\nUID:ser-1\r\nSEQUENCE:1\r\n"
  "RECURRENCE-ID;TZID=Asia/Jakarta:20240318T090000\r\n"
  "DTSTART;TZID=Asia/Jakarta:20240319T130000\r\nDTEND;TZID=Asia/Jakarta:20240319T140000\r\n"
  "SUMMARY:Koordinasi (moved)\r\nEND:VEVENT\r\n"
  "BEGIN:VEVENT\r\nUID:ser-1\r\nSEQUENCE:1\r\nSTATUS:CANCELLED\r\n"
  "RECURRENCE-ID;TZID=Asia/Jakarta:20240325T090000\r\n"
  "DTSTART;TZID=Asia/Jakarta:20240325T090000\r\nEND:VEVENT\r\n" CAL_TAIL;

static void
test_series_next (void)
{
  static const struct
  {
    const char *now;
    int         month, day, minutes;
  } cases[] = {
    { "2024-03-01T08:00", 3, 4, 9 * 60 },
    { "2024-03-05T08:00", 3, 19, 13 * 60 }, /* 11th excluded, 18th moved */
    { "2024-03-20T08:00", 4, 1, 9 * 60 },   /* 25th cancelled */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(TamuIcalInvitation) invitation = NULL;
      g_autofree char *uid_prefix = NULL;

      g_setenv ("TAMU_NOW", cases[i].now, TRUE);
      invitation = read_ok (series_text, NULL, warnings);
      g_assert_cmpuint (invitation->drafts->len, ==, 1);
      assert_draft (draft_at (invitation, 0), 2024, cases[i].month, cases[i].day, cases[i].minutes);
      g_assert_true (g_str_has_prefix (draft_at (invitation, 0)->uid, "ser-1#2024"));
      g_assert_true (has_warning (warnings, "RRULE: event 1 repeats; only its next meeting", NULL));
      g_assert_false (has_warning (warnings, "RRULE:", "first meeting"));
    }
  g_setenv ("TAMU_NOW", "2024-03-01T08:00", TRUE);
}

static void
test_series_period (void)
{
  TamuIcalReadOptions options;
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(TamuIcalInvitation) invitation = NULL;

  tamu_ical_read_options_init (&options);
  g_date_set_dmy (&options.from, 1, G_DATE_MARCH, 2024);
  g_date_set_dmy (&options.to, 31, G_DATE_MARCH, 2024);
  invitation = read_ok (series_text, &options, warnings);

  /* 4th, 19th (moved from the 18th); not the 11th (EXDATE) nor the 25th
   * (cancelled); April is outside. */
  g_assert_cmpuint (invitation->drafts->len, ==, 2);
  assert_draft (draft_at (invitation, 0), 2024, 3, 4, 9 * 60);
  assert_draft (draft_at (invitation, 1), 2024, 3, 19, 13 * 60);
  g_assert_cmpstr (draft_at (invitation, 0)->uid, ==, "ser-1#20240304T020000Z");
  /* the moved meeting keeps its original start in its UID */
  g_assert_cmpstr (draft_at (invitation, 1)->uid, ==, "ser-1#20240318T020000Z");
  g_assert_true (has_warning (warnings, "RRULE: event 1 repeats; 2 meetings", NULL));
}

/* ---- item 8: hostile time zones ---------------------------------------- */

static void
test_hostile_vtimezone (void)
{
  static const char *rules[] = {
    "FREQ=HOURLY",
    "FREQ=SECONDLY;COUNT=1000000000",
    "FREQ=YEARLY;BYHOUR=0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23",
  };

  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      g_autofree char *text = g_strdup_printf (CAL_HEAD "BEGIN:VTIMEZONE\r\nTZID:Evil\r\n"
                                               "BEGIN:STANDARD\r\nDTSTART:19700101T000000\r\n"
                                               "RRULE:%s\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\n"
                                               "END:STANDARD\r\nEND:VTIMEZONE\r\n"
                                               "BEGIN:VEVENT\r\nUID:h\r\n"
                                               "DTSTART;TZID=Evil:20240320T100000\r\nDURATION:PT1H\r\n"
                                               "END:VEVENT\r\n" CAL_TAIL, rules[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(TamuIcalInvitation) invitation = NULL;

      invitation = tamu_ical_read_invitation (text, strlen (text), NULL, NULL, &error);
      g_assert_null (invitation);
      g_assert_error (error, TAMU_ERROR, TAMU_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, "TZID:"));
    }

  /* A real zone written the same way is read. */
  {
    static const char good[] =
      CAL_HEAD "BEGIN:VTIMEZONE\r\nTZID:Custom Europe\r\n"
      "BEGIN:STANDARD\r\nDTSTART:16011028T030000\r\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r\n"
      "TZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nEND:STANDARD\r\n"
      "BEGIN:DAYLIGHT\r\nDTSTART:16010325T020000\r\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\r\n"
      "TZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nEND:DAYLIGHT\r\nEND:VTIMEZONE\r\n"
      "BEGIN:VEVENT\r\nUID:g\r\nDTSTART;TZID=Custom Europe:20240708T100000\r\nDURATION:PT1H\r\n"
      "END:VEVENT\r\n" CAL_TAIL;
    g_autoptr(TamuIcalInvitation) invitation = read_ok (good, NULL, NULL);

    assert_draft (draft_at (invitation, 0), 2024, 7, 8, 15 * 60);
  }

  /* An event repeating every second for a billion times is bounded too. */
  {
    static const char every_second[] =
      CAL_HEAD "BEGIN:VEVENT\r\nUID:s\r\nDTSTART:20100101T000000Z\r\nDURATION:PT1H\r\n"
      "RRULE:FREQ=SECONDLY;COUNT=1000000000\r\nEND:VEVENT\r\n" CAL_TAIL;
    g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
    g_autoptr(TamuIcalInvitation) invitation = read_ok (every_second, NULL, warnings);

    g_assert_cmpuint (invitation->drafts->len, ==, 1);
  }
}

/* ---- item 6: holidays -------------------------------------------------- */

static void
test_holidays_yearly_and_observances (void)
{
  static const char text[] =
    CAL_HEAD
    "BEGIN:VEVENT\r\nUID:h1\r\nSUMMARY:Hari Proklamasi\r\nDTSTART;VALUE=DATE:20230817\r\n"
    "DTEND;VALUE=DATE:20230818\r\nRRULE:FREQ=YEARLY\r\nTRANSP:OPAQUE\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:h2\r\nSUMMARY:Hari Kartini\r\nDTSTART;VALUE=DATE:20240421\r\n"
    "DESCRIPTION:Observance\\nTo hide observances\\, go to Google Calendar Settings\r\n"
    "TRANSP:TRANSPARENT\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:h3\r\nSUMMARY:Hari Ibu\r\nDTSTART;VALUE=DATE:20241222\r\n"
    "TRANSP:TRANSPARENT\r\nEND:VEVENT\r\n" CAL_TAIL;
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) holidays = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;

  /* "now" is 2024-03-01: the yearly holiday runs through 2025. */
  holidays = tamu_ical_read_holidays (text, strlen (text), FALSE, notes, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (holidays->len, ==, 3); /* 17 Aug 2023, 2024, 2025 */
  for (guint i = 0; i < holidays->len; i++)
    {
      TamuHoliday *h = g_ptr_array_index (holidays, i);

      g_assert_cmpint (g_date_get_year (&h->date), ==, 2023 + (int) i);
      g_assert_cmpint (g_date_get_month (&h->date), ==, 8);
      g_assert_cmpint (g_date_get_day (&h->date), ==, 17);
    }
  g_assert_true (has_warning (notes, "RRULE: event 1", "through 2025"));
  g_assert_true (has_warning (notes, "TRANSP: event 2", "observance"));
  g_assert_true (has_warning (notes, "TRANSP: event 3", "observance"));

  all = tamu_ical_read_holidays (text, strlen (text), TRUE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 5);
}

/* ---- item 2: UID, SEQUENCE, CANCEL through the store ------------------- */

typedef struct
{
  TamuTestDb *test_db; /* on the backend TAMU_TEST_DB names */
  const char *dir;     /* its private folder, for the test's files */
  TamuStore  *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->test_db = tamu_test_db_new ();
  f->dir = f->test_db->dir;
  f->store = tamu_store_open (f->test_db->address, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  g_clear_pointer (&f->test_db, tamu_test_db_free);
}

static char *
invitation_text (const char *method,
                 int         sequence,
                 const char *start)
{
  return g_strdup_printf (CAL_HEAD "METHOD:%s\r\nBEGIN:VEVENT\r\nUID:upd-1@example.org\r\n"
                          "SEQUENCE:%d\r\nDTSTAMP:20240301T000000Z\r\n"
                          "DTSTART;TZID=Asia/Jakarta:20240320T%s\r\nDURATION:PT1H\r\n"
                          "SUMMARY:Rapat Kab. Bandung DAU\r\n"
                          "DESCRIPTION:https://acme.zoom.us/j/999\r\nEND:VEVENT\r\n" CAL_TAIL,
                          method, sequence, start);
}

/* Reads, plans and applies one file; returns the plan. */
static GPtrArray *
import (Fixture    *f,
        const char *text,
        gboolean   *applied)
{
  g_autoptr(TamuIcalInvitation) invitation = read_ok (text, NULL, NULL);
  g_autoptr(GError) error = NULL;
  GPtrArray *plan;

  plan = tamu_ical_plan_invitation (f->store, invitation, &error);
  g_assert_no_error (error);
  *applied = tamu_ical_apply_plan (f->store, plan, NULL, &error);
  g_assert_no_error (error);
  return plan;
}

static TamuIcalStep *
only_step (GPtrArray *plan)
{
  g_assert_cmpuint (plan->len, ==, 1);
  return g_ptr_array_index (plan, 0);
}

static void
test_update_and_cancel (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *v0 = invitation_text ("REQUEST", 0, "100000");
  g_autofree char *v1 = invitation_text ("REQUEST", 1, "110000");
  g_autofree char *cancel = invitation_text ("CANCEL", 2, "110000");
  g_autoptr(GPtrArray) plan = NULL;
  g_autoptr(TamuBooking) booking = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  gboolean applied;
  gint64 id;

  /* First import: a new booking carrying the invitation's UID. */
  plan = import (f, v0, &applied);
  g_assert_cmpint (only_step (plan)->kind, ==, TAMU_ICAL_STEP_CREATE);
  id = only_step (plan)->booking->id;
  booking = tamu_store_get_booking_by_uid (f->store, "upd-1@example.org", &error);
  g_assert_no_error (error);
  g_assert_cmpint (booking->id, ==, id);
  g_assert_cmpint (booking->start, ==, 10 * 60);
  g_assert_cmpint (booking->sequence, ==, 0);
  g_clear_pointer (&plan, g_ptr_array_unref);
  g_clear_pointer (&booking, tamu_booking_unref);

  /* The same invitation again: nothing changes. */
  plan = import (f, v0, &applied);
  g_assert_cmpint (only_step (plan)->kind, ==, TAMU_ICAL_STEP_SKIP);
  g_assert_true (g_str_has_prefix (only_step (plan)->message, "uid: this invitation is booking #"));
  g_clear_pointer (&plan, g_ptr_array_unref);

  /* The desk fills in the notes: Tamu's sequence becomes 1. */
  {
    g_autoptr(TamuBooking) current = tamu_store_get_booking (f->store, id, &error);
    g_autoptr(TamuBooking) edited = tamu_booking_copy (current);
    g_autoptr(TamuBooking) saved = NULL;

    g_free (edited->notes);
    edited->notes = g_strdup ("Dihadiri Bappeda");
    saved = tamu_store_update_booking (f->store, edited, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpint (saved->sequence, ==, 1);
  }

  /* SEQUENCE 1, an hour later: the booking moves, audited, although Tamu's
   * own sequence is 1 already. */
  plan = import (f, v1, &applied);
  g_assert_cmpint (only_step (plan)->kind, ==, TAMU_ICAL_STEP_UPDATE);
  g_clear_pointer (&plan, g_ptr_array_unref);
  booking = tamu_store_get_booking (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (booking->start, ==, 11 * 60);
  g_assert_cmpint (booking->sequence, ==, 2);
  g_assert_cmpstr (booking->notes, ==, "Dihadiri Bappeda");
  history = tamu_store_list_history (f->store, "booking", id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, >=, 2);
  g_clear_pointer (&booking, tamu_booking_unref);

  /* The older invitation now is not newer: skipped, booking unchanged. */
  plan = import (f, v0, &applied);
  g_assert_cmpint (only_step (plan)->kind, ==, TAMU_ICAL_STEP_SKIP);
  g_assert_true (g_str_has_prefix (only_step (plan)->message, "SEQUENCE:"));
  g_clear_pointer (&plan, g_ptr_array_unref);
  booking = tamu_store_get_booking (f->store, id, &error);
  g_assert_cmpint (booking->start, ==, 11 * 60);
  g_clear_pointer (&booking, tamu_booking_unref);

  /* METHOD:CANCEL cancels it. */
  plan = import (f, cancel, &applied);
  g_assert_cmpint (only_step (plan)->kind, ==, TAMU_ICAL_STEP_CANCEL);
  g_clear_pointer (&plan, g_ptr_array_unref);
  booking = tamu_store_get_booking (f->store, id, &error);
  g_assert_cmpint (booking->status, ==, TAMU_STATUS_CANCELLED);
}

static void
test_update_refused_by_rules (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *v0 = invitation_text ("REQUEST", 0, "100000");
  g_autofree char *late = invitation_text ("REQUEST", 1, "200000"); /* 20:00: after service hours */
  g_autoptr(TamuIcalInvitation) invitation = NULL;
  g_autoptr(GPtrArray) plan = NULL;
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(TamuBooking) booking = NULL;
  g_autoptr(GError) error = NULL;
  gboolean applied;

  first = import (f, v0, &applied);
  invitation = read_ok (late, NULL, NULL);
  plan = tamu_ical_plan_invitation (f->store, invitation, &error);
  g_assert_no_error (error);
  g_assert_cmpint (only_step (plan)->kind, ==, TAMU_ICAL_STEP_UPDATE);
  g_assert_nonnull (only_step (plan)->problem);
  g_assert_false (tamu_ical_apply_plan (f->store, plan, NULL, &error));
  g_assert_error (error, TAMU_ERROR, TAMU_ERROR_REFUSED);
  booking = tamu_store_get_booking_by_uid (f->store, "upd-1@example.org", NULL);
  g_assert_cmpint (booking->start, ==, 10 * 60);
  g_assert_cmpint (booking->sequence, ==, 0);
}

/* ---- the command line, as a script drives it ------------------------- */

static int
run_cli (Fixture     *f,
         char       **out,
         char       **err,
         const char  *first,
         ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  int status = -1;
  va_list ap;

  g_ptr_array_add (args, g_strdup (g_getenv ("TAMU_CLI")));
  g_ptr_array_add (args, g_strdup ("--db"));
  g_ptr_array_add (args, g_strdup (f->test_db->address));
  va_start (ap, first);
  for (const char *a = first; a != NULL; a = va_arg (ap, const char *))
    g_ptr_array_add (args, g_strdup (a));
  va_end (ap);
  g_ptr_array_add (args, NULL);

  env = g_environ_setenv (env, "TAMU_NOW", "2024-03-01T08:00", TRUE);
  env = g_environ_setenv (env, "XDG_CONFIG_HOME", f->dir, TRUE);
  g_spawn_sync (NULL, (char **) args->pdata, env, G_SPAWN_DEFAULT, NULL, NULL, out, err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

static char *
write_file (Fixture    *f,
            const char *name,
            const char *text)
{
  char *path = g_build_filename (f->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return path;
}

static void
test_cli_update_cancel_and_period (Fixture       *f,
                                   gconstpointer  data)
{
  g_autofree char *v0_text = invitation_text ("REQUEST", 0, "100000");
  g_autofree char *v1_text = invitation_text ("REQUEST", 1, "130000");
  g_autofree char *cancel_text = invitation_text ("CANCEL", 2, "130000");
  g_autofree char *v0 = write_file (f, "v0.ics", v0_text);
  g_autofree char *v1 = write_file (f, "v1.ics", v1_text);
  g_autofree char *cancel = write_file (f, "cancel.ics", cancel_text);
  g_autofree char *series = write_file (f, "series.ics", series_text);
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(TamuBooking) booking = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *db = NULL;
  gint64 id;

  g_clear_object (&f->store); /* the tool opens the database itself */

  g_assert_cmpint (run_cli (f, &out, &err, "import", "ics", v0, "--as", "vidcon", NULL), ==, 0);
  id = g_ascii_strtoll (out, NULL, 10);
  g_assert_cmpint (id, >, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Again: refused, says which booking it is, changes nothing. */
  g_assert_cmpint (run_cli (f, &out, &err, "import", "ics", v0, "--as", "vidcon", NULL), ==, 1);
  expected = g_strdup_printf ("tamu-cli: uid: this invitation is booking #%lld already; nothing changed\n",
                              (long long) id);
  g_assert_cmpstr (err, ==, expected);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* The rescheduled invitation moves it. */
  g_assert_cmpint (run_cli (f, &out, &err, "import", "ics", v1, "--as", "vidcon", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "Updated booking "));
  g_assert_nonnull (strstr (out, "2024-03-20 13:00"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* The cancellation cancels it. */
  g_assert_cmpint (run_cli (f, &out, &err, "import", "ics", cancel, "--as", "vidcon", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "Cancelled booking "));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  f->store = tamu_store_open (f->test_db->address, &error);
  g_assert_no_error (error);
  booking = tamu_store_get_booking (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (booking->start, ==, 13 * 60);
  g_assert_cmpint (booking->status, ==, TAMU_STATUS_CANCELLED);
  g_clear_object (&f->store);

  /* Each meeting of a series in a period, as a dry run in JSON. */
  g_assert_cmpint (run_cli (f, &out, &err, "import", "ics", series, "--as", "vidcon",
                            "--from", "2024-03-01", "--to", "2024-03-31", "--daerah", "Kab. Bandung",
                            "--dry-run", "--format", "json",
                            NULL), ==, 0);
  g_assert_nonnull (strstr (out, "\"uid\" : \"ser-1#20240304T020000Z\""));
  g_assert_nonnull (strstr (out, "\"date\" : \"2024-03-19\""));
  g_assert_null (strstr (out, "\"date\" : \"2024-03-11\""));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Usage: --from needs --to. */
  g_assert_cmpint (run_cli (f, &out, &err, "import", "ics", series, "--as", "vidcon",
                            "--from", "2024-03-01", NULL), ==, 2);
}

/* The organizer's SEQUENCE is followed on its own: an edit at the desk
 * (Tamu's sequence +1) does not hide the next update, and an old copy of
 * the invitation does not undo a newer one, whatever SEQUENCE it started at. */
static void
test_sequence_followed (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *v3 = invitation_text ("REQUEST", 3, "100000");
  g_autofree char *v4 = invitation_text ("REQUEST", 4, "130000");
  g_autofree char *v5 = invitation_text ("REQUEST", 5, "140000");
  g_autoptr(GPtrArray) plan = NULL;
  g_autoptr(TamuBooking) booking = NULL;
  g_autoptr(TamuBooking) edited = NULL;
  g_autoptr(TamuBooking) saved = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  gboolean applied, noted = FALSE;
  gint64 id;

  plan = import (f, v3, &applied);
  id = only_step (plan)->booking->id;
  g_clear_pointer (&plan, g_ptr_array_unref);

  plan = import (f, v4, &applied);
  g_assert_cmpint (only_step (plan)->kind, ==, TAMU_ICAL_STEP_UPDATE);
  g_clear_pointer (&plan, g_ptr_array_unref);

  /* An old copy (SEQUENCE 3, 10:00) is older than the one followed (4). */
  plan = import (f, v3, &applied);
  g_assert_cmpint (only_step (plan)->kind, ==, TAMU_ICAL_STEP_SKIP);
  g_assert_nonnull (strstr (only_step (plan)->message, "(SEQUENCE 4)"));
  g_clear_pointer (&plan, g_ptr_array_unref);

  /* The desk fixes the notes (Tamu's sequence rises), then SEQUENCE 5 comes. */
  booking = tamu_store_get_booking (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (booking->start, ==, 13 * 60);
  edited = tamu_booking_copy (booking);
  g_free (edited->notes);
  edited->notes = g_strdup ("Bappeda membawa data DAU");
  saved = tamu_store_update_booking (f->store, edited, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (saved->sequence, ==, 2); /* Tamu's own: create 0, update 1, notes 2 */

  plan = import (f, v5, &applied);
  g_assert_cmpint (only_step (plan)->kind, ==, TAMU_ICAL_STEP_UPDATE);
  g_clear_pointer (&plan, g_ptr_array_unref);
  g_clear_pointer (&booking, tamu_booking_unref);
  booking = tamu_store_get_booking (f->store, id, &error);
  g_assert_cmpint (booking->start, ==, 14 * 60);
  g_assert_cmpstr (booking->notes, ==, "Bappeda membawa data DAU");

  history = tamu_store_list_history (f->store, "booking", id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < history->len; i++)
    {
      TamuAuditEntry *e = g_ptr_array_index (history, i);

      if (g_strcmp0 (e->action, "invitation") == 0 && g_strcmp0 (e->new_value, "5") == 0)
        noted = TRUE;
    }
  g_assert_true (noted);
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("TAMU_NOW", "2024-03-01T08:00", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ical-invitations/lenient-values", test_lenient_values);
  g_test_add_func ("/ical-invitations/refusals-remain", test_refusals_remain);
  g_test_add_func ("/ical-invitations/multi-event-with-cancelled", test_multi_event_with_cancelled);
  g_test_add_func ("/ical-invitations/windows-zones", test_windows_zones);
  g_test_add_func ("/ical-invitations/links", test_links);
  g_test_add_func ("/ical-invitations/series-next", test_series_next);
  g_test_add_func ("/ical-invitations/series-period", test_series_period);
  g_test_add_func ("/ical-invitations/hostile-vtimezone", test_hostile_vtimezone);
  g_test_add_func ("/ical-invitations/holidays-yearly-and-observances", test_holidays_yearly_and_observances);
  g_test_add ("/ical-invitations/update-and-cancel", Fixture, NULL,
              fixture_set_up, test_update_and_cancel, fixture_tear_down);
  g_test_add ("/ical-invitations/update-refused-by-rules", Fixture, NULL,
              fixture_set_up, test_update_refused_by_rules, fixture_tear_down);

  g_test_add ("/ical-invitations/sequence-followed", Fixture, NULL,
              fixture_set_up, test_sequence_followed, fixture_tear_down);

  if (g_getenv ("TAMU_CLI") == NULL)
    {
      g_autofree char *cli = g_test_build_filename (G_TEST_BUILT, "..", "app", "tamu-cli", NULL);

      if (g_file_test (cli, G_FILE_TEST_IS_EXECUTABLE))
        g_setenv ("TAMU_CLI", cli, TRUE);
    }
  if (g_getenv ("TAMU_CLI") != NULL)
    g_test_add ("/ical-invitations/cli/update-cancel-and-period", Fixture, NULL,
                fixture_set_up, test_cli_update_cancel_and_period, fixture_tear_down);

  return g_test_run ();
}
