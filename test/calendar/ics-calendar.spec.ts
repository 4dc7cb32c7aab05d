import assert from 'node:assert/strict';
import ICAL from 'ical.js';
import type { MeetingInvite } from '../../src/calendar/calendar-port.js';
import { fold, icsCalendar } from '../../src/calendar/ics-calendar.js';

/** Issue 12, "Must show": the local-mode invitation parses with an independent parser (ical.js) and round-trips. */
describe('the iCalendar invitation of local mode (RFC 5545, read back with ical.js)', () => {
  const calendar = icsCalendar({ now: () => new Date('2026-11-23T08:00:00.000Z') });
  const quarterly: MeetingInvite = {
    meetingId: '6d3c7b8e-1f2a-4c5d-9e0f-a1b2c3d4e5f6',
    transactionId: '6d3c7b8e-1f2a-4c5d-9e0f-a1b2c3d4e5f6',
    organizer: { email: 'aino.virtanen@hoiva.fi', name: 'Aino Virtanen' },
    subject: 'Tuotannon ja myynnin yhteiskokous',
    agenda: 'Käyttöaste, myynti; uudet kodit\nja tarjouspyynnöt, hinnat',
    start: '2027-03-15T09:00',
    end: '2027-03-15T10:30',
    attendees: [{ email: 'mikko.myynti@hoiva.fi', name: 'Mikko Myyntipäällikkö' }, { email: 'palvelujohtaja@hyvaep.fi' }],
    recurrence: { everyMonths: 3 },
    sequence: 0,
  };
  const parse = (ics: string) => {
    const root = new ICAL.Component(ICAL.parse(ics));
    return { root, event: new ICAL.Event(root.getFirstSubcomponent('vevent')!) };
  };

  it('is METHOD:REQUEST with the organizer, attendees asked to reply, a stable UID and SEQUENCE 0', async () => {
    const { ics, iCalUId, eventId } = await calendar.create(quarterly);
    const { root, event } = parse(ics!);
    assert.equal(root.getFirstPropertyValue('method'), 'REQUEST');
    assert.equal(event.uid, `${quarterly.meetingId}@hoivacrm.local`);
    assert.equal(iCalUId, event.uid);
    assert.equal(eventId, quarterly.meetingId);
    assert.equal(event.sequence, 0);
    assert.equal(event.summary, quarterly.subject);
    assert.equal(event.description, quarterly.agenda, 'commas, semicolons and line breaks survive');
    assert.equal(event.organizer, 'mailto:aino.virtanen@hoiva.fi');
    const attendees = event.attendees.map((a) => ({ to: a.getFirstValue(), rsvp: a.getParameter('rsvp'), cn: a.getParameter('cn') }));
    assert.deepEqual(attendees, [
      { to: 'mailto:mikko.myynti@hoiva.fi', rsvp: 'TRUE', cn: 'Mikko Myyntipäällikkö' },
      { to: 'mailto:palvelujohtaja@hyvaep.fi', rsvp: 'TRUE', cn: undefined },
    ]);
  });

  it('keeps 9 o\'clock Helsinki time across the DST change of a quarterly series from March (RRULE every 3 months)', async () => {
    const { ics } = await calendar.create(quarterly);
    const { root, event } = parse(ics!);
    const zone = new ICAL.Timezone(root.getFirstSubcomponent('vtimezone')!);
    assert.equal(zone.tzid, 'Europe/Helsinki');
    assert.match(ics!, /DTSTART;TZID=Europe\/Helsinki:20270315T090000\r\n/);
    assert.equal(String(event.component.getFirstPropertyValue('rrule')), 'FREQ=MONTHLY;INTERVAL=3');
    const iterator = event.iterator();
    const starts: string[] = [];
    for (let next = iterator.next(); next && starts.length < 3; next = iterator.next()) {
      next.zone = zone;
      starts.push(next.toJSDate().toISOString());
    }
    // 15 March 2027 is winter time (UTC+2); 15 June and 15 September summer time (UTC+3): still 09:00 there.
    assert.deepEqual(starts, ['2027-03-15T07:00:00.000Z', '2027-06-15T06:00:00.000Z', '2027-09-15T06:00:00.000Z']);
    assert.equal(event.endDate.toJSDate().getTime() - event.startDate.toJSDate().getTime(), 90 * 60_000);
  });

  it('an update keeps the UID and raises the SEQUENCE; a cancel is METHOD:CANCEL with STATUS:CANCELLED', async () => {
    const first = await calendar.create(quarterly);
    const moved = await calendar.update(first, { ...quarterly, start: '2027-03-16T13:00', end: '2027-03-16T14:00', sequence: 1 });
    const cancelled = await calendar.cancel(moved, { ...quarterly, sequence: 2 }, 'Siirretään ensi vuoteen.');
    const m = parse(moved.ics!);
    const c = parse(cancelled.ics!);
    assert.equal(m.event.uid, parse(first.ics!).event.uid);
    assert.equal(m.event.sequence, 1);
    assert.equal(m.event.startDate.toJSDate().toISOString(), '2027-03-16T11:00:00.000Z');
    assert.equal(c.root.getFirstPropertyValue('method'), 'CANCEL');
    assert.equal(c.event.component.getFirstPropertyValue('status'), 'CANCELLED');
    assert.equal(c.event.sequence, 2);
    assert.equal(c.event.uid, m.event.uid);
  });

  it('ends lines with CRLF and folds them at 75 octets, never inside a character', async () => {
    const { ics } = await calendar.create({ ...quarterly, agenda: 'Ääkköset ja pitkä rivi '.repeat(20) });
    assert.ok(ics!.endsWith('\r\n'));
    assert.ok(!/[^\r]\n/.test(ics!), 'no bare LF');
    for (const line of ics!.split('\r\n')) assert.ok(Buffer.byteLength(line, 'utf8') <= 75, line);
    assert.equal(fold('ä'.repeat(50)).split('\r\n ').join(''), 'ä'.repeat(50));
  });
});
