// SPDX-License-Identifier: GPL-3.0-or-later
// Reads .ics files with ical.js (Thunderbird's parser) and prints, as JSON,
// what it understood: one object per file with its METHOD and events, times
// in UTC.  check-readers.py compares this with what Tamu meant to write.
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';

function utc(time) {
  return new Date(time.toUnixTime() * 1000).toISOString().replace('.000Z', 'Z');
}

function day(time) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${time.year}-${pad(time.month)}-${pad(time.day)}`;
}

const out = {};
for (const path of process.argv.slice(2)) {
  const root = new ICAL.Component(ICAL.parse(readFileSync(path, 'utf8')));
  for (const vtimezone of root.getAllSubcomponents('vtimezone')) {
    ICAL.TimezoneService.register(new ICAL.Timezone(vtimezone));
  }
  const events = root.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    const allDay = event.startDate.isDate;
    const alarm = vevent.getFirstSubcomponent('valarm');
    const trigger = alarm ? alarm.getFirstPropertyValue('trigger') : null;
    return {
      uid: event.uid,
      sequence: event.sequence,
      status: vevent.getFirstPropertyValue('status'),
      tzid: allDay ? null : vevent.getFirstProperty('dtstart').getParameter('tzid'),
      start_utc: allDay ? null : utc(event.startDate),
      end_utc: allDay ? null : utc(event.endDate),
      date: allDay ? day(event.startDate) : null,
      end_date: allDay ? day(event.endDate) : null,
      summary: event.summary,
      location: event.location,
      url: vevent.getFirstPropertyValue('url'),
      description: event.description,
      categories: vevent.getAllProperties('categories').flatMap((p) => p.getValues()),
      organizer: vevent.getFirstPropertyValue('organizer'),
      attendees: vevent.getAllProperties('attendee').length,
      alarm_minutes: trigger ? -trigger.toSeconds() / 60 : null,
    };
  });
  out[path.split('/').pop()] = {
    method: root.getFirstPropertyValue('method'),
    prodid: root.getFirstPropertyValue('prodid'),
    events,
  };
}
process.stdout.write(JSON.stringify(out, null, 1));
