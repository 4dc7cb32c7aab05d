import assert from 'node:assert/strict';
import { CalendarFailed, type MeetingInvite } from '../../src/calendar/calendar-port.js';
import { GraphCalendar, graphCalendarFrom } from '../../src/calendar/graph-calendar.js';
import { createGraphClient, type GraphClient } from '../../src/graph/graph-client.js';
import type { RetryClock } from '../../src/graph/throttling-retry-handler.js';
import { startGraphTestbed, type GraphTestbed } from '../support/graph-double/testbed.js';

/**
 * The Graph calendar adapter against the HTTPS Graph double (issue 12, "Must show"): the request a real tenant
 * would get, a throttled or failed first try that still makes exactly one event, reschedule and cancel on the
 * same event, and an organizer who cannot host Teams meetings.
 */
const shared = 'kehityskokoukset@contoso.fi';

function invite(overrides: Partial<MeetingInvite> = {}): MeetingInvite {
  return {
    meetingId: 'meeting-1',
    transactionId: 'b3c1d2e4-0f5a-4b6c-8d7e-9f0a1b2c3d4e',
    organizer: { email: 'aino.aluejohtaja@contoso.fi', name: 'Aino Aluejohtaja' },
    subject: 'Kehityskokous: Länsi-Uudenmaan hyvinvointialue – Koivukoti',
    agenda: 'Palaute, kehittämiskohteet ja sovitut toimenpiteet.',
    start: '2027-03-30T10:00',
    end: '2027-03-30T11:30',
    attendees: [
      { email: 'vanhuspalvelut@luvn.fi', name: 'Vanhuspalvelujen päällikkö' },
      { email: 'palveluohjaaja@luvn.fi' },
      { email: 'Aino.Aluejohtaja@contoso.fi', name: 'Aino (again)' },
    ],
    sequence: 0,
    ...overrides,
  };
}

describe('GraphCalendar: development meetings as Outlook events through Microsoft Graph', function () {
  this.timeout(30_000);
  let bed: GraphTestbed;
  let graph: GraphClient;
  const sleeps: number[] = [];
  // Waits are recorded, not slept: the test checks the pipeline waited what Retry-After said.
  const clock: RetryClock = { now: () => Date.now() + sleeps.reduce((a, b) => a + b, 0), sleep: async (ms) => void sleeps.push(ms), random: () => 0.5 };
  const calendar = () => new GraphCalendar(graph, { organizer: { kind: 'mailbox', mailbox: shared } });

  before(async () => {
    bed = await startGraphTestbed();
    graph = createGraphClient(bed.settings(), { clock });
  });
  after(async () => {
    graph.close();
    await bed.double.stop();
  });
  beforeEach(() => {
    bed.double.clearLog();
    bed.double.clearFaults();
    bed.double.calendars.events.clear();
    sleeps.length = 0;
  });

  it('creates the event with the exact request a tenant gets: path, headers, body in FLE Standard Time, attendees, Teams meeting, transactionId', async () => {
    const ref = await calendar().create(invite());

    const [post, ...more] = bed.double.calendarRequests();
    assert.equal(more.length, 0);
    assert.equal(post!.method, 'POST');
    assert.equal(post!.path, `/users/${shared}/events`);
    assert.match(post!.headers.authorization!, /^Bearer \S+$/);
    assert.ok(bed.double.tokens.validate(post!.headers.authorization), 'the app-only token the identity platform issued');
    assert.equal(post!.headers.prefer, 'outlook.timezone="FLE Standard Time"');
    assert.match(post!.headers['content-type']!, /^application\/json/);
    assert.match(post!.headers['user-agent']!, /^NONISV\|Hoivatesti Oy\|HoivaCRM\//);
    assert.deepEqual(post!.body, {
      subject: 'Kehityskokous: Länsi-Uudenmaan hyvinvointialue – Koivukoti',
      body: { contentType: 'text', content: 'Palaute, kehittämiskohteet ja sovitut toimenpiteet.' },
      start: { dateTime: '2027-03-30T10:00:00', timeZone: 'FLE Standard Time' },
      end: { dateTime: '2027-03-30T11:30:00', timeZone: 'FLE Standard Time' },
      // The shared mailbox is the organizer, so the person who scheduled is invited; everyone once.
      attendees: [
        { emailAddress: { address: 'aino.aluejohtaja@contoso.fi', name: 'Aino Aluejohtaja' }, type: 'required' },
        { emailAddress: { address: 'vanhuspalvelut@luvn.fi', name: 'Vanhuspalvelujen päällikkö' }, type: 'required' },
        { emailAddress: { address: 'palveluohjaaja@luvn.fi' }, type: 'required' },
      ],
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
      transactionId: 'b3c1d2e4-0f5a-4b6c-8d7e-9f0a1b2c3d4e',
    });

    const [stored] = bed.double.calendars.eventsOf(shared);
    assert.deepEqual(ref, { eventId: stored!.id, iCalUId: stored!.iCalUId, joinUrl: stored!.joinUrl });
    assert.match(ref.joinUrl!, /^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//);

    // Read back with the same Prefer header, Outlook says what the form said; without it, UTC (EEST, +3, after the DST change of 28 March).
    const inFinland = await graph.get<{ start: { dateTime: string; timeZone: string } }>(`/users/${shared}/events/${ref.eventId}`, { headers: { Prefer: 'outlook.timezone="FLE Standard Time"' } });
    assert.deepEqual(inFinland.start, { dateTime: '2027-03-30T10:00:00.0000000', timeZone: 'FLE Standard Time' });
    const inUtc = await graph.get<{ start: { dateTime: string } }>(`/users/${shared}/events/${ref.eventId}`);
    assert.equal(inUtc.start.dateTime, '2027-03-30T07:00:00.0000000');
  });

  it('makes the quarterly joint meeting a recurring event every three months on the same day, with no end', async () => {
    await calendar().create(invite({ start: '2027-01-15T13:00', end: '2027-01-15T15:00', recurrence: { everyMonths: 3 } }));
    const [post] = bed.double.calendarRequests();
    assert.deepEqual((post!.body as { recurrence: unknown }).recurrence, {
      pattern: { type: 'absoluteMonthly', interval: 3, dayOfMonth: 15 },
      range: { type: 'noEnd', startDate: '2027-01-15', recurrenceTimeZone: 'FLE Standard Time' },
    });
    assert.equal(bed.double.calendars.eventsOf(shared)[0]!.recurrence !== undefined, true);
  });

  it('a throttled first try (429, Retry-After: 2) waits 2 s and still creates exactly one event', async () => {
    bed.double.failNext(1, { status: 429, retryAfterSeconds: 2, method: 'POST', path: '/events' });
    const ref = await calendar().create(invite());
    const posts = bed.double.calendarRequests();
    assert.deepEqual(posts.map((r) => [r.status, r.injected ?? false]), [[429, true], [201, false]]);
    assert.equal((posts[0]!.body as { transactionId: string }).transactionId, (posts[1]!.body as { transactionId: string }).transactionId);
    assert.deepEqual(sleeps, [2000]);
    assert.equal(bed.double.calendars.eventsOf(shared).length, 1);
    assert.equal(ref.eventId, bed.double.calendars.eventsOf(shared)[0]!.id);
  });

  it('a lost answer (the event was made, then 504) is retried with the same transactionId and answered with the first event', async () => {
    bed.double.failNext(1, { status: 504, method: 'POST', path: '/events', afterHandling: true });
    const ref = await calendar().create(invite());
    assert.deepEqual(bed.double.calendarRequests().map((r) => r.status), [504, 201]);
    const events = bed.double.calendars.eventsOf(shared);
    assert.equal(events.length, 1);
    assert.equal(ref.eventId, events[0]!.id);
  });

  it('a 503 is retried by the pipeline; a 500 becomes a retryable CalendarFailed, and the outbox retry makes no second event', async () => {
    bed.double.failNext(1, { status: 503, method: 'POST', path: '/events' });
    await calendar().create(invite({ transactionId: 'tx-503' }));
    assert.deepEqual(bed.double.calendarRequests().map((r) => r.status), [503, 201]);

    bed.double.clearLog();
    bed.double.failNext(1, { status: 500, method: 'POST', path: '/events', afterHandling: true });
    const failed = await calendar().create(invite({ transactionId: 'tx-500' })).catch((e: unknown) => e);
    assert.ok(failed instanceof CalendarFailed);
    assert.equal(failed.status, 500);
    assert.equal(failed.retryable, true);
    assert.match(failed.message, /kehityskokoukset@contoso\.fi/);
    // The outbox sends the same invite again later: Graph answers the event the lost POST made.
    const again = await calendar().create(invite({ transactionId: 'tx-500' }));
    const events = bed.double.calendars.eventsOf(shared);
    assert.equal(events.length, 2, 'one for tx-503, one for tx-500');
    assert.equal(events.find((e) => e.transactionId === 'tx-500')!.id, again.eventId);
  });

  it('still throttled when the budget runs out: a retryable CalendarFailed carrying the server\'s Retry-After', async () => {
    bed.double.failNext(10, { status: 429, retryAfterSeconds: 30, method: 'POST', path: '/events' });
    const failed = await calendar().create(invite()).catch((e: unknown) => e);
    assert.ok(failed instanceof CalendarFailed, String(failed));
    assert.equal(failed.status, 429);
    assert.equal(failed.retryable, true);
    assert.equal(failed.retryAfterMs, 30_000);
    assert.equal(bed.double.calendars.eventsOf(shared).length, 0);
  });

  it('reschedule PATCHes and cancel POSTs …/cancel with the comment — both on the same event id, never a DELETE', async () => {
    const cal = calendar();
    const created = await cal.create(invite());
    bed.double.clearLog();

    const moved = invite({ start: '2027-04-06T09:00', end: '2027-04-06T10:00', sequence: 1, attendees: [{ email: 'palveluohjaaja@luvn.fi' }] });
    const updated = await cal.update(created, moved);
    assert.deepEqual(updated, created, 'same event, same ids and join link');
    const cancelled = await cal.cancel(updated, moved, 'Kokous siirtyy syksyyn.');
    assert.equal(cancelled.eventId, created.eventId);

    const [patch, cancel, ...more] = bed.double.calendarRequests();
    assert.equal(more.length, 0);
    assert.deepEqual([patch!.method, patch!.path, patch!.status], ['PATCH', `/users/${shared}/events/${encodeURIComponent(created.eventId)}`, 200]);
    assert.equal(patch!.headers.prefer, 'outlook.timezone="FLE Standard Time"');
    assert.deepEqual(patch!.body, {
      subject: moved.subject,
      body: { contentType: 'text', content: moved.agenda },
      start: { dateTime: '2027-04-06T09:00:00', timeZone: 'FLE Standard Time' },
      end: { dateTime: '2027-04-06T10:00:00', timeZone: 'FLE Standard Time' },
      attendees: [
        { emailAddress: { address: 'aino.aluejohtaja@contoso.fi', name: 'Aino Aluejohtaja' }, type: 'required' },
        { emailAddress: { address: 'palveluohjaaja@luvn.fi' }, type: 'required' },
      ],
    });
    assert.deepEqual([cancel!.method, cancel!.path, cancel!.status, cancel!.body], ['POST', `/users/${shared}/events/${encodeURIComponent(created.eventId)}/cancel`, 202, { Comment: 'Kokous siirtyy syksyyn.' }]);

    const [event] = bed.double.calendars.eventsOf(shared);
    assert.equal(event!.start.dateTime, '2027-04-06T09:00:00');
    assert.equal(event!.changes, 1);
    assert.equal(event!.cancelled, true);
    assert.equal(event!.cancelComment, 'Kokous siirtyy syksyyn.');
  });

  it('an organizer who cannot host Teams meetings: Graph answers 201 without a join link, and so do we', async () => {
    bed.double.calendars.cannotHostTeamsMeetings(shared);
    try {
      const ref = await calendar().create(invite());
      assert.equal(bed.double.calendarRequests()[0]!.status, 201);
      assert.ok(ref.eventId);
      assert.equal(ref.joinUrl, undefined);
    } finally {
      bed.double.calendars.canHostTeamsMeetings(shared);
    }
  });

  it('the person as organizer (CALENDAR_ORGANIZER_SOURCE=person): their own calendar, not invited to their own meeting', async () => {
    const cal = graphCalendarFrom({ CALENDAR: 'graph', CALENDAR_ORGANIZER_SOURCE: 'person' }, graph)!;
    await cal.create(invite());
    const [post] = bed.double.calendarRequests();
    assert.equal(post!.path, '/users/aino.aluejohtaja@contoso.fi/events');
    assert.deepEqual((post!.body as { attendees: { emailAddress: { address: string } }[] }).attendees.map((a) => a.emailAddress.address), ['vanhuspalvelut@luvn.fi', 'palveluohjaaja@luvn.fi']);
    assert.equal(graphCalendarFrom({ CALENDAR: 'ics' }, graph), undefined);
  });

  it('a mailbox outside the app\'s RBAC scope (403) and an unknown event (404) are not retried, and name the mailbox', async () => {
    bed.double.calendars.denyMailbox('johto@contoso.fi');
    const cal = new GraphCalendar(graph, { organizer: { kind: 'mailbox', mailbox: 'johto@contoso.fi' } });
    const denied = await cal.create(invite()).catch((e: unknown) => e);
    assert.ok(denied instanceof CalendarFailed);
    assert.deepEqual([denied.status, denied.retryable], [403, false]);
    assert.match(denied.message, /johto@contoso\.fi/);
    assert.match(denied.message, /RBAC for Applications/);

    const missing = await calendar().cancel({ eventId: 'AAMkADgone=' }, invite(), 'Peruttu').catch((e: unknown) => e);
    assert.ok(missing instanceof CalendarFailed);
    assert.deepEqual([missing.status, missing.retryable], [404, false]);
    assert.match(missing.message, /kehityskokoukset@contoso\.fi/);
  });

  it('a time that is not YYYY-MM-DDTHH:mm is refused before anything is sent', async () => {
    const failed = await calendar().create(invite({ start: '30.3.2027 10:00' })).catch((e: unknown) => e);
    assert.ok(failed instanceof CalendarFailed);
    assert.equal(failed.retryable, false);
    assert.equal(bed.double.calendarRequests().length, 0);
  });
});
