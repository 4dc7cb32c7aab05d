import type { CalendarEventRef, CalendarPort, HelsinkiTime, MeetingInvite } from './calendar-port.js';

/**
 * The calendar of local mode (issue 12): no tenant, so the invitation is an RFC 5545 iCalendar object that
 * the record keeps and GET /api/meetings/{id}.ics serves — a person opens it in Outlook or any calendar.
 * It never fails: there is nothing remote to call. Times are Helsinki wall-clock times with TZID and the
 * zone's own VTIMEZONE (EET/EEST), so a quarterly series keeps its 9 o'clock across the DST change.
 */
export function icsCalendar(options: { now?: () => Date; uidDomain?: string } = {}): CalendarPort {
  const now = options.now ?? (() => new Date());
  const domain = options.uidDomain ?? 'hoivacrm.local';
  const ref = (invite: MeetingInvite, ics: string): CalendarEventRef => ({ eventId: invite.meetingId, iCalUId: uidOf(invite.meetingId, domain), ics });
  return {
    kind: 'ics',
    create: async (invite) => ref(invite, meetingIcs(invite, { method: 'REQUEST', now: now(), domain })),
    update: async (_event, invite) => ref(invite, meetingIcs(invite, { method: 'REQUEST', now: now(), domain })),
    cancel: async (_event, invite, comment) => ref(invite, meetingIcs(invite, { method: 'CANCEL', now: now(), domain, comment })),
  };
}

/** The same UID for every version of a meeting (RFC 5545 3.8.4.7): calendars match updates and cancels by it. */
export function uidOf(meetingId: string, domain = 'hoivacrm.local'): string {
  return `${meetingId}@${domain}`;
}

/**
 * Europe/Helsinki as RFC 5545 rules (EU summer time since 1981: last Sunday of March 03:00 → EEST, last
 * Sunday of October 04:00 → EET), so a calendar without the IANA database still places the times right.
 */
const helsinkiTimeZone = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Helsinki',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0300',
  'TZNAME:EEST',
  'DTSTART:19810329T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0300',
  'TZOFFSETTO:+0200',
  'TZNAME:EET',
  'DTSTART:19961027T040000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

export interface IcsOptions {
  method: 'REQUEST' | 'CANCEL';
  now: Date;
  domain?: string;
  comment?: string;
}

/** The invitation as iCalendar text: CRLF line ends, lines folded at 75 octets (RFC 5545 3.1). */
export function meetingIcs(invite: MeetingInvite, options: IcsOptions): string {
  const cancel = options.method === 'CANCEL';
  const description = cancel && options.comment ? `${options.comment}\n\n${invite.agenda}` : invite.agenda;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//HoivaCRM//Kehityskokoukset//FI',
    'CALSCALE:GREGORIAN',
    `METHOD:${options.method}`,
    ...helsinkiTimeZone,
    'BEGIN:VEVENT',
    `UID:${uidOf(invite.meetingId, options.domain)}`,
    `DTSTAMP:${utcStamp(options.now)}`,
    `SEQUENCE:${invite.sequence}`,
    `DTSTART;TZID=Europe/Helsinki:${localStamp(invite.start)}`,
    `DTEND;TZID=Europe/Helsinki:${localStamp(invite.end)}`,
    ...(invite.recurrence ? [`RRULE:FREQ=MONTHLY;INTERVAL=${invite.recurrence.everyMonths}`] : []),
    `SUMMARY:${escapeText(cancel ? `Peruttu: ${invite.subject}` : invite.subject)}`,
    ...(description ? [`DESCRIPTION:${escapeText(description)}`] : []),
    `ORGANIZER${cnParam(invite.organizer.name)}:mailto:${invite.organizer.email}`,
    ...invite.attendees.map((a) => `ATTENDEE${cnParam(a.name)};CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:${a.email}`),
    `STATUS:${cancel ? 'CANCELLED' : 'CONFIRMED'}`,
    'TRANSP:OPAQUE',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(fold).join('\r\n') + '\r\n';
}

/** 'YYYY-MM-DDTHH:mm' → 'YYYYMMDDTHHmm00' (a local time, the TZID says where). */
function localStamp(time: HelsinkiTime): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(time);
  if (!m) throw new Error(`not a Helsinki wall-clock time: ${time}`);
  return `${m[1]}${m[2]}${m[3]}T${m[4]}${m[5]}00`;
}

function utcStamp(instant: Date): string {
  return instant.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** RFC 5545 3.3.11: backslash, semicolon and comma escaped, line breaks as \n. */
export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** A CN parameter, quoted (a name may hold a comma); DQUOTE is not allowed inside, control characters neither. */
function cnParam(name: string | undefined): string {
  if (!name) return '';
  // eslint-disable-next-line no-control-regex
  const clean = name.replace(/["\u0000-\u001f\u007f]/g, '').trim();
  return clean ? `;CN="${clean}"` : '';
}

/** Folds a content line into lines of at most 75 octets, never inside a UTF-8 character (RFC 5545 3.1). */
export function fold(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    // The first line holds 75 octets; each continuation starts with a space, leaving 74.
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}
