/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/*
 * Every limit on a value Tamu accepts, in one place: the rules, the command
 * line, the importers and the window all use these, so a value one path
 * takes is never refused by another.
 */

/* Guests of one booking (planned or checked in), and the guest-limit setting. */
#define TAMU_MAX_GUESTS 1000

/* A booking's length in minutes, and the default-duration setting. */
#define TAMU_MIN_DURATION 5
#define TAMU_MAX_DURATION 600

/* The daily-cap setting (visits per day). */
#define TAMU_MAX_DAILY_CAP 1000

/* A file to import (CSV log, iCalendar): read no further than this. */
#define TAMU_MAX_IMPORT_BYTES (32 * 1024 * 1024)
#define TAMU_MAX_IMPORT_MIB   (TAMU_MAX_IMPORT_BYTES / (1024 * 1024))

/* Lengths of text fields, in characters (see tamu-fields.h). */
#define TAMU_MAX_NAME_CHARS   200   /* daerah, instansi, contact, pic, room, topic, holiday */
#define TAMU_MAX_TICKET_CHARS 100
#define TAMU_MAX_PHONE_CHARS  50
#define TAMU_MAX_EMAIL_CHARS  254   /* RFC 5321 */
#define TAMU_MAX_LINK_CHARS   2048
#define TAMU_MAX_NOTE_CHARS   4000  /* notes and reasons: several lines */
#define TAMU_MAX_SETTING_CHARS 2000 /* a setting's whole value */
