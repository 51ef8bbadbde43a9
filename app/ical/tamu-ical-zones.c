/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tamu-ical"

#include "config.h"

#include "tamu-ical.h"

/*
 * Windows zone names as Outlook and Teams write them in TZID, mapped to IANA
 * after CLDR's windowsZones table.  Where CLDR names an Indonesian zone for a
 * Windows zone (territory "ID") that one is used: "Singapore Standard Time"
 * (UTC+8) is WITA, Asia/Makassar, and "Tokyo Standard Time" (UTC+9) is WIT,
 * Asia/Jayapura.  Zones with daylight saving time map to a city that keeps
 * it, so a meeting sent from Europe in summer still lands at the right WIB
 * hour.
 */
static const struct
{
  const char *windows;
  const char *iana;
} windows_zones[] = {
  /* Indonesia and its neighbours */
  { "SE Asia Standard Time", "Asia/Jakarta" },          /* UTC+7 WIB */
  { "Singapore Standard Time", "Asia/Makassar" },       /* UTC+8 WITA */
  { "Malay Peninsula Standard Time", "Asia/Makassar" }, /* older name of the above */
  { "Tokyo Standard Time", "Asia/Jayapura" },           /* UTC+9 WIT */
  { "Korea Standard Time", "Asia/Seoul" },
  { "W. Australia Standard Time", "Australia/Perth" },
  { "China Standard Time", "Asia/Shanghai" },
  { "Taipei Standard Time", "Asia/Taipei" },
  { "North Asia Standard Time", "Asia/Krasnoyarsk" },
  { "North Asia East Standard Time", "Asia/Irkutsk" },
  { "Myanmar Standard Time", "Asia/Yangon" },
  { "Bangladesh Standard Time", "Asia/Dhaka" },
  { "India Standard Time", "Asia/Kolkata" },
  { "Sri Lanka Standard Time", "Asia/Colombo" },
  { "Nepal Standard Time", "Asia/Kathmandu" },
  { "Pakistan Standard Time", "Asia/Karachi" },
  { "West Asia Standard Time", "Asia/Tashkent" },
  { "Central Asia Standard Time", "Asia/Almaty" },
  { "Ulaanbaatar Standard Time", "Asia/Ulaanbaatar" },
  { "Yakutsk Standard Time", "Asia/Yakutsk" },
  { "Vladivostok Standard Time", "Asia/Vladivostok" },
  { "West Pacific Standard Time", "Pacific/Port_Moresby" },
  { "AUS Eastern Standard Time", "Australia/Sydney" },
  { "E. Australia Standard Time", "Australia/Brisbane" },
  { "Cen. Australia Standard Time", "Australia/Adelaide" },
  { "AUS Central Standard Time", "Australia/Darwin" },
  { "Tasmania Standard Time", "Australia/Hobart" },
  { "New Zealand Standard Time", "Pacific/Auckland" },
  { "Fiji Standard Time", "Pacific/Fiji" },
  /* Middle East, Africa, Europe */
  { "Arabian Standard Time", "Asia/Dubai" },
  { "Arab Standard Time", "Asia/Riyadh" },
  { "Arabic Standard Time", "Asia/Baghdad" },
  { "Iran Standard Time", "Asia/Tehran" },
  { "Afghanistan Standard Time", "Asia/Kabul" },
  { "Georgian Standard Time", "Asia/Tbilisi" },
  { "Azerbaijan Standard Time", "Asia/Baku" },
  { "Israel Standard Time", "Asia/Jerusalem" },
  { "Jordan Standard Time", "Asia/Amman" },
  { "Turkey Standard Time", "Europe/Istanbul" },
  { "Egypt Standard Time", "Africa/Cairo" },
  { "South Africa Standard Time", "Africa/Johannesburg" },
  { "W. Central Africa Standard Time", "Africa/Lagos" },
  { "E. Africa Standard Time", "Africa/Nairobi" },
  { "Russian Standard Time", "Europe/Moscow" },
  { "GTB Standard Time", "Europe/Bucharest" },
  { "FLE Standard Time", "Europe/Kiev" },
  { "E. Europe Standard Time", "Europe/Chisinau" },
  { "W. Europe Standard Time", "Europe/Berlin" },
  { "Romance Standard Time", "Europe/Paris" },
  { "Central Europe Standard Time", "Europe/Budapest" },
  { "Central European Standard Time", "Europe/Warsaw" },
  { "GMT Standard Time", "Europe/London" },
  { "Greenwich Standard Time", "Atlantic/Reykjavik" },
  { "UTC", "Etc/UTC" },
  { "Coordinated Universal Time", "Etc/UTC" },
  /* The Americas */
  { "Eastern Standard Time", "America/New_York" },
  { "Central Standard Time", "America/Chicago" },
  { "Mountain Standard Time", "America/Denver" },
  { "Pacific Standard Time", "America/Los_Angeles" },
  { "Alaskan Standard Time", "America/Anchorage" },
  { "Hawaiian Standard Time", "Pacific/Honolulu" },
  { "Atlantic Standard Time", "America/Halifax" },
  { "Newfoundland Standard Time", "America/St_Johns" },
  { "SA Pacific Standard Time", "America/Bogota" },
  { "E. South America Standard Time", "America/Sao_Paulo" },
  { "Argentina Standard Time", "America/Argentina/Buenos_Aires" },
  /* Indonesian abbreviations, as some invitations write them */
  { "WIB", "Asia/Jakarta" },
  { "WITA", "Asia/Makassar" },
  { "WIT", "Asia/Jayapura" },
};

const char *
tamu_ical_windows_zone_to_iana (const char *windows_name)
{
  g_autofree char *name = NULL;

  if (windows_name == NULL)
    return NULL;

  name = g_strstrip (g_strdup (windows_name));
  for (guint i = 0; i < G_N_ELEMENTS (windows_zones); i++)
    if (g_ascii_strcasecmp (windows_zones[i].windows, name) == 0)
      return windows_zones[i].iana;

  return NULL;
}
