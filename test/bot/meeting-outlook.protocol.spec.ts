import assert from 'node:assert/strict';
import { GraphCalendar } from '../../src/calendar/graph-calendar.js';
import { createGraphClient, type GraphClient } from '../../src/graph/graph-client.js';
import type { RetryClock } from '../../src/graph/throttling-retry-handler.js';
import { BotHarness, eventually } from '../support/bot-harness.js';
import { executeAction, inputsOf, textsOf, type Json } from '../support/cards.js';
import { startGraphTestbed, type GraphTestbed } from '../support/graph-double/testbed.js';
import { choice, openForm, submitForm } from '../support/record-form-session.js';
import { businessDirector, homeDirector, installedInTeam, personalConversationId, personalMessage, regionalDirector } from '../support/teams-activities.js';

/**
 * Issue 12, tenant calendar: `kokous` → an Outlook event through Microsoft Graph, end to end — the bot's form,
 * the use case, the outbox, the Graph adapter and the HTTPS Graph double (POST /users/{mailbox}/events with the
 * transactionId, PATCH, POST …/cancel). The server runs in local mode with the Graph adapter put in through
 * startApp's calendar seam, since tenant mode wants signed activities.
 */
describe('development meetings as Outlook events (protocol, Graph double)', function () {
  this.timeout(60_000);
  const mailbox = 'kehityskokoukset@contoso.fi';
  let bed: GraphTestbed;
  let graph: GraphClient;
  let h: BotHarness;
  // Retry waits are recorded, not slept.
  const waits: number[] = [];
  const clock: RetryClock = { now: () => Date.now() + waits.reduce((a, b) => a + b, 0), sleep: async (ms) => void waits.push(ms), random: () => 0.5 };

  beforeEach(async () => {
    bed = await startGraphTestbed();
    graph = createGraphClient(bed.settings(), { clock });
    h = await new BotHarness().start({}, { calendar: new GraphCalendar(graph, { organizer: { kind: 'mailbox', mailbox } }) });
    await h.post(installedInTeam(h.connector.url, homeDirector));
  });
  afterEach(async () => {
    await h.stop();
    graph.close();
    await bed.double.stop();
  });

  const meeting = async () => (await h.app.store.records.list('developmentMeeting'))[0]!;
  const values = (card: Json): Json => ({
    customerId: choice(card, 'customerId', /^Länsi-Uudenmaan/),
    careHomeId: choice(card, 'careHomeId', /^Koivukoti/),
    date: '2026-12-10',
    startTime: '09:00',
    durationMinutes: '90',
    agenda: 'Palaute ja kehityskohteet',
    extraAttendees: 'palveluohjaaja@example.fi',
  });

  it('a throttled first POST still makes exactly one event; the record keeps its id and Teams link; reschedule and cancel hit that event', async () => {
    bed.double.failNext(1, { status: 429, retryAfterSeconds: 2, method: 'POST', path: '/events' });
    const { form } = await openForm(h, homeDirector, 'kokous');
    await submitForm(h, form, values(form.card));
    await eventually(async () => (await meeting()).state === 'kutsuttu' || undefined, 10_000);

    const posts = bed.double.calendarRequests().filter((r) => r.method === 'POST');
    assert.deepEqual(posts.map((r) => r.status), [429, 201]);
    assert.equal(decodeURIComponent(posts[0]!.path.split('?')[0]!), `/users/${mailbox}/events`, posts[0]!.path);
    const body = posts[1]!.body as { transactionId: string; start: { dateTime: string; timeZone: string }; isOnlineMeeting: boolean; attendees: { emailAddress: { address: string } }[] };
    assert.equal((posts[0]!.body as { transactionId: string }).transactionId, body.transactionId, 'the retry names the same transaction');
    assert.deepEqual(body.start, { dateTime: '2026-12-10T09:00:00', timeZone: 'FLE Standard Time' });
    assert.equal(body.isOnlineMeeting, true);
    assert.ok(body.attendees.some((a) => a.emailAddress.address === 'palveluohjaaja@example.fi'));
    assert.deepEqual(waits, [2000], 'the pipeline waited what Retry-After said');
    const events = bed.double.calendars.eventsOf(mailbox);
    assert.equal(events.length, 1, 'exactly one Outlook event');
    const stored = await meeting();
    assert.equal(stored.calendarEventId, events[0]!.id);
    assert.ok(stored.joinUrl?.startsWith('https://'), 'the Teams link is kept');

    // Siirrä and Peru from the organizer's card: PATCH and POST …/cancel on the same event.
    const posted = h.connector.posted(personalConversationId(homeDirector)).find((c) => c.method === 'POST' && /meeting\.reschedule/.test(JSON.stringify(c.body)))!;
    const card = (posted.body as { attachments: { content: Json }[] }).attachments[0]!.content;
    const moved = await h.execute(homeDirector, posted.activityIdAssigned!, executeAction(card, 'meeting.reschedule'), { date: '2026-12-11', startTime: '13:00', durationMinutes: '60' });
    await eventually(() => bed.double.calendarRequests().some((r) => r.method === 'PATCH') || undefined, 10_000);
    const patch = bed.double.calendarRequests().find((r) => r.method === 'PATCH')!;
    assert.equal(decodeURIComponent(patch.path), `/users/${mailbox}/events/${events[0]!.id}`);
    assert.deepEqual((patch.body as { start: unknown }).start, { dateTime: '2026-12-11T13:00:00', timeZone: 'FLE Standard Time' });
    await h.execute(homeDirector, posted.activityIdAssigned!, executeAction(moved.card, 'meeting.cancel'), { comment: 'Asiakkaan pyynnöstä.' });
    await eventually(() => bed.double.calendarRequests().some((r) => r.path.endsWith('/cancel')) || undefined, 10_000);
    const cancel = bed.double.calendarRequests().find((r) => r.path.endsWith('/cancel'))!;
    assert.equal(decodeURIComponent(cancel.path), `/users/${mailbox}/events/${events[0]!.id}/cancel`);
    assert.equal(cancel.status, 202);
    assert.equal(bed.double.calendarRequests().filter((r) => r.method === 'DELETE').length, 0, 'cancelled, not deleted');
    assert.equal(bed.double.calendars.eventsOf(mailbox).length, 1);
  });

  it('leaves the meeting "invite pending" while Graph fails, shows it on the card and in tila, and sends it once Graph answers', async () => {
    // More 503s than one delivery attempt's retries: the outbox takes over, as for a card.
    bed.double.failNext(1000, { status: 503, method: 'POST', path: '/events' });
    const { form } = await openForm(h, homeDirector, 'kokous');
    await submitForm(h, form, values(form.card));
    await eventually(async () => ((await h.app.store.outbox.list()).some((e) => e.audience === 'calendar' && e.attempts > 0) ? true : undefined), 10_000);
    assert.equal((await meeting()).state, 'kutsu-odottaa');
    const me = personalConversationId(homeDirector);
    const card = await eventually(() => h.connector.posted(me).map((c) => textsOf((c.body as { attachments?: { content: Json }[] }).attachments?.[0]?.content).join('\n')).find((t) => /Kehityskokous/.test(t)), 10_000);
    assert.match(card, /Kutsu odottaa/i, 'the card says the invitation is on its way');
    const before = h.connector.posted(personalConversationId(businessDirector)).length;
    await h.post(personalMessage(h.connector.url, businessDirector, 'tila'));
    const status = h.connector.posted(personalConversationId(businessDirector)).slice(before).map((c) => textsOf((c.body as { attachments?: { content: Json }[] }).attachments?.[0]?.content).join('\n')).join('\n');
    assert.match(status, /kalenteri \(kutsu\)/, status);
    bed.double.clearFaults();
    await eventually(async () => (await meeting()).state === 'kutsuttu' || undefined, 15_000);
    assert.equal(bed.double.calendars.eventsOf(mailbox).length, 1, 'one event in the end');
  });

  it('schedules the quarterly joint meeting as a recurring event every three months, inviting sales and the regional directors', async () => {
    const { form } = await openForm(h, regionalDirector, 'kokous neljännes');
    await submitForm(h, form, { date: '2027-01-15', startTime: '13:00', durationMinutes: '120', agenda: 'Myynnin ja tuotannon yhteiskokous', attendees: inputsOf(form.card).get('attendees')?.value ?? '' });
    await eventually(async () => (await meeting())?.state === 'kutsuttu' || undefined, 10_000);
    const post = bed.double.calendarRequests().find((r) => r.method === 'POST' && r.status === 201)!;
    const body = post.body as { recurrence: { pattern: { type: string; interval: number; dayOfMonth: number } }; attendees: { emailAddress: { address: string } }[] };
    assert.deepEqual(body.recurrence.pattern, { type: 'absoluteMonthly', interval: 3, dayOfMonth: 15 });
    const invited = body.attendees.map((a) => a.emailAddress.address).sort();
    for (const who of ['mikko.myyntipaallikko@hoiva.example', 'sanna.myyntijohtaja@hoiva.example', 'jukka.jarvinen@hoiva.example']) assert.ok(invited.includes(who), `${who} in ${invited.join(', ')}`);
    assert.equal((await meeting()).kind, 'neljannesvuosittainen');
  });

  it('says so on the card when the organizer cannot host Teams meetings (201 without a join link)', async () => {
    bed.double.calendars.cannotHostTeamsMeetings(mailbox);
    const { form } = await openForm(h, homeDirector, 'kokous');
    await submitForm(h, form, values(form.card));
    await eventually(async () => (await meeting()).state === 'kutsuttu' || undefined, 10_000);
    assert.equal((await meeting()).joinUrl, undefined);
    const cards = await eventually(() => {
      const texts = h.connector.updates().map((c) => textsOf((c.body as { attachments?: { content: Json }[] }).attachments?.[0]?.content).join('\n'));
      return texts.some((t) => /Ei Teams-linkkiä/.test(t)) ? texts : undefined;
    });
    assert.ok(cards.length > 0);
  });
});
