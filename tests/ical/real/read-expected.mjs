// SPDX-License-Identifier: GPL-3.0-or-later
// The second reader of derive-expected.py: ical.js (Thunderbird's parser),
// with IANA zones from Node's ICU (Intl) and Windows zones from CLDR's
// windowsZones.xml.  Prints {file: {count, start, link} | {refused}} as JSON;
// the rules are those described in derive-expected.py.
//   node read-expected.mjs windowsZones.xml FILE.ics...
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import ICAL from 'ical.js';

class Refused extends Error {}

const OFFICE_OFFSET_MS = 7 * 3600 * 1000; // Asia/Jakarta: UTC+7, no DST since 1964

// ---- CLDR ------------------------------------------------------------------
const ids = new Map();
const display = new Map();
{
  let label = null;
  for (const line of readFileSync(process.argv[2], 'utf8').split('\n')) {
    let m = line.match(/^\s*<!-- \(UTC([+-]\d\d:\d\d)?\) (.*) -->/);
    if (m) {
      label = `${m[1] || '+00:00'}|${m[2].toLowerCase()}`;
      continue;
    }
    m = line.match(/^\s*<mapZone other="([^"]+)" territory="001" type="([^"]+)"\/>/);
    if (m) {
      ids.set(m[1].toLowerCase(), m[2]);
      if (label) display.set(label, m[2]);
    }
  }
}

function validIana(name) {
  if (!name || name.startsWith('/') || !(name.includes('/') || name.toUpperCase() === 'UTC')) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

function ianaFor(tzid) {
  const name = tzid.trim();
  let iana = ids.get(name.toLowerCase());
  if (!iana) {
    const m = name.match(/^\((?:UTC|GMT)([+-]\d\d[:.]?\d\d)?\)\s*(.*)$/i);
    if (m) {
      let offset = (m[1] || '+00:00').replace('.', ':');
      if (!offset.includes(':')) offset = offset.slice(0, 3) + ':' + offset.slice(3);
      iana = display.get(`${offset}|${m[2].toLowerCase()}`);
    }
  }
  if (iana && validIana(iana)) return iana;
  if (validIana(name)) return name;
  const parts = name.split('/');
  for (let i = 1; i < parts.length; i++) {
    const rest = parts.slice(i).join('/');
    if (rest.includes('/') && validIana(rest)) return rest;
  }
  return null;
}

// Offset of an IANA zone at a UTC instant, in ms, through Intl.
function zoneOffset(iana, utcMs) {
  const f = new Intl.DateTimeFormat('en-US', {
    timeZone: iana, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
    hour: 'numeric', minute: 'numeric', second: 'numeric',
  });
  const p = Object.fromEntries(f.formatToParts(new Date(utcMs)).map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour % 24, +p.minute, +p.second);
  return asUtc - Math.floor(utcMs / 1000) * 1000;
}

// Wall-clock time in an IANA zone → UTC ms.
function wallToUtc(iana, t) {
  const wall = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
  let guess = wall - zoneOffset(iana, wall);
  const offset = zoneOffset(iana, guess);
  if (offset !== wall - guess) guess = wall - offset;
  return guess;
}

// ---- one file --------------------------------------------------------------
function readFile(path) {
  let root;
  try {
    root = new ICAL.Component(ICAL.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, '')));
  } catch (e) {
    throw new Refused(`ical.js: ${e.message}`);
  }
  if (root.name !== 'vcalendar') throw new Refused('not a VCALENDAR');
  const method = String(root.getFirstPropertyValue('method') || '').toUpperCase();
  if (['REPLY', 'COUNTER', 'DECLINECOUNTER', 'REFRESH', 'CANCEL'].includes(method)) throw new Refused(`METHOD:${method}`);

  const vtimezones = new Map();
  for (const vtz of root.getAllSubcomponents('vtimezone')) {
    const tz = new ICAL.Timezone(vtz);
    vtimezones.set(tz.tzid, tz);
  }

  // Office time of a wall-clock ICAL.Time written with @tzid (null = floating).
  function toUtcMs(t, tzid, field) {
    if (t.year < 1970 || t.year > 2200) throw new Refused(`${field}: year ${t.year}`);
    if (t.zone === ICAL.Timezone.utcTimezone || (t.zone && t.zone.tzid === 'UTC' && !tzid)) {
      return Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
    }
    if (!tzid) return Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second) - OFFICE_OFFSET_MS;
    const iana = ianaFor(tzid);
    if (iana) return wallToUtc(iana, t);
    const vtz = vtimezones.get(tzid);
    if (!vtz) throw new Refused(`${field}: unknown zone ${tzid}`);
    const copy = new ICAL.Time({ year: t.year, month: t.month, day: t.day, hour: t.hour, minute: t.minute, second: t.second, isDate: false }, vtz);
    return copy.toUnixTime() * 1000;
  }

  function propTime(prop, field) {
    const t = prop.getFirstValue();
    if (!t || typeof t !== 'object' || !('year' in t)) throw new Refused(`${field}: not a date`);
    if (t.isDate) {
      if (t.year < 1970 || t.year > 2200) throw new Refused(`${field}: year ${t.year}`);
      return { date: `${t.year}-${String(t.month).padStart(2, '0')}-${String(t.day).padStart(2, '0')}` };
    }
    return { ms: toUtcMs(t, prop.getParameter('tzid'), field) };
  }

  const HOSTS = [
    '(?:[a-z0-9-]+\\.)*teams\\.(?:microsoft\\.com|live\\.com|microsoft\\.us)',
    '(?:[a-z0-9-]+\\.)*zoom(?:gov)?\\.(?:us|com)',
    'meet\\.google\\.com',
    '(?:[a-z0-9-]+\\.)*webex\\.com',
  ];
  const linkChar = (c) => c.charCodeAt(0) > 0x20 && c.charCodeAt(0) < 0x7f && !'<>"\'`{}|\\^[]'.includes(c);
  function meetingLink(text) {
    if (!text) return null;
    for (const host of HOSTS) {
      const m = text.match(new RegExp(`https://${host}[/?#][^\\s<>"'\`{}|\\\\^\\[\\]]+`, 'i'));
      if (m) {
        const link = m[0].replace(/[.,;:)]+$/, '');
        return link.length <= 2048 ? link : null;
      }
    }
    return null;
  }
  function plainLink(text) {
    if (!text) return null;
    let t = String(text).trim();
    if (t.startsWith('<') && t.endsWith('>')) t = t.slice(1, -1);
    if (!/^https?:\/\//i.test(t) || t.length > 2048 || ![...t].every(linkChar)) return null;
    return t;
  }
  function textOf(ev, name) {
    const v = ev.getFirstPropertyValue(name);
    return v === null || v === undefined || v === '' ? null : String(v);
  }
  function findLink(ev) {
    for (const name of ['x-microsoft-skypeteamsmeetingurl', 'x-google-conference']) {
      const link = plainLink(textOf(ev, name));
      if (link) return link;
    }
    for (const p of ev.getAllProperties('conference')) {
      const link = plainLink(p.getFirstValue());
      if (link) return link;
    }
    for (const name of ['description', 'location', 'url', 'summary', 'x-alt-desc']) {
      const link = meetingLink(textOf(ev, name));
      if (link) return link;
    }
    return plainLink(textOf(ev, 'url')) || plainLink(textOf(ev, 'location'));
  }
  const status = (ev) => String(ev.getFirstPropertyValue('status') || '').toUpperCase();

  function readEvent(ev) {
    const dtstart = ev.getFirstProperty('dtstart');
    if (!dtstart) throw new Refused('event without DTSTART');
    const start = propTime(dtstart, 'DTSTART');
    if (start.date) return null;
    let seconds;
    const dtend = ev.getFirstProperty('dtend');
    const duration = ev.getFirstProperty('duration');
    if (dtend) {
      const end = propTime(dtend, 'DTEND');
      if (end.date) return null;
      seconds = (end.ms - start.ms) / 1000;
    } else if (duration) {
      seconds = duration.getFirstValue().toSeconds();
    } else {
      seconds = 3600;
    }
    if (seconds < 0 || seconds > 86400) return null;
    return { ms: start.ms, link: findLink(ev) };
  }

  function officeDate(ms) {
    return new Date(ms + OFFICE_OFFSET_MS).toISOString().slice(0, 10);
  }

  function firstOfSeries(ev, overrides) {
    const base = readEvent(ev);
    if (!base) return null;
    const dtstart = ev.getFirstProperty('dtstart');
    const tzid = dtstart.getParameter('tzid');
    const start = dtstart.getFirstValue();
    const isUtc = start.zone === ICAL.Timezone.utcTimezone;
    const exMs = [];
    const exDays = [];
    for (const p of ev.getAllProperties('exdate')) {
      for (const v of p.getValues()) {
        if (v.isDate) exDays.push(`${v.year}-${String(v.month).padStart(2, '0')}-${String(v.day).padStart(2, '0')}`);
        else exMs.push(toUtcMs(v, p.getParameter('tzid'), 'EXDATE'));
      }
    }
    const wallStart = new ICAL.Time({ year: start.year, month: start.month, day: start.day, hour: start.hour, minute: start.minute, second: start.second, isDate: false });
    const it = ev.getFirstPropertyValue('rrule').iterator(wallStart);
    for (let n = 0; n <= 100000; n++) {
      const occ = it.next();
      if (!occ || occ.year > 2200) break;
      const ms = isUtc ? Date.UTC(occ.year, occ.month - 1, occ.day, occ.hour, occ.minute, occ.second)
        : toUtcMs(occ, tzid, 'RRULE');
      if (exMs.includes(ms) || exDays.includes(officeDate(ms))) continue;
      const moved = overrides.find((o) => o.rid === ms);
      if (moved) {
        if (status(moved.ev) === 'CANCELLED') continue;
        const got = readEvent(moved.ev);
        if (!got) continue;
        return got;
      }
      return { ms, link: base.link };
    }
    return null;
  }

  const events = root.getAllSubcomponents('vevent');
  const uidOf = (ev) => {
    const uid = ev.getFirstPropertyValue('uid');
    return uid ? String(uid) : null;
  };
  const masters = new Set(events.filter((e) => uidOf(e) && e.hasProperty('rrule') && !e.hasProperty('recurrence-id')).map(uidOf));
  const overrides = new Map();
  for (const e of events) {
    if (!uidOf(e) || !e.hasProperty('recurrence-id')) continue;
    const rid = propTime(e.getFirstProperty('recurrence-id'), 'RECURRENCE-ID');
    const ms = rid.date ? Date.parse(`${rid.date}T00:00:00Z`) - OFFICE_OFFSET_MS : rid.ms;
    if (!overrides.has(uidOf(e))) overrides.set(uidOf(e), []);
    overrides.get(uidOf(e)).push({ rid: ms, ev: e });
  }
  // The same event twice (no RECURRENCE-ID): the higher SEQUENCE, else the later copy.
  const latest = new Map();
  events.forEach((e, i) => {
    const uid = uidOf(e);
    if (!uid || e.hasProperty('recurrence-id')) return;
    const seq = Number(e.getFirstPropertyValue('sequence') || 0);
    if (!latest.has(uid) || seq >= latest.get(uid).seq) latest.set(uid, { seq, i });
  });
  const bookings = [];
  for (const [i, e] of events.entries()) {
    const uid = uidOf(e);
    if (e.hasProperty('recurrence-id') && masters.has(uid)) continue;
    if (!e.hasProperty('recurrence-id') && uid && latest.get(uid).i !== i) continue;
    if (status(e) === 'CANCELLED') continue;
    let got;
    if (e.hasProperty('rrule') && !e.hasProperty('recurrence-id')) {
      if (!e.hasProperty('dtstart')) throw new Refused('event without DTSTART');
      got = firstOfSeries(e, overrides.get(uid) || []);
    } else {
      got = readEvent(e);
    }
    if (got) bookings.push(got);
  }
  if (bookings.length === 0) throw new Refused('nothing to book');
  bookings.sort((a, b) => a.ms - b.ms || (a.link || '').localeCompare(b.link || ''));
  const first = new Date(bookings[0].ms + OFFICE_OFFSET_MS).toISOString();
  return { count: bookings.length, start: `${first.slice(0, 10)} ${first.slice(11, 16)}`, link: bookings[0].link };
}

const out = {};
for (const path of process.argv.slice(3)) {
  try {
    out[basename(path)] = readFile(path);
  } catch (e) {
    out[basename(path)] = { refused: e instanceof Refused ? e.message : `ical.js failed: ${e.message}` };
  }
}
process.stdout.write(JSON.stringify(out, null, 1));
