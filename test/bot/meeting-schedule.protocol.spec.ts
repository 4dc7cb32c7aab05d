import assert from 'node:assert/strict';
import { BotHarness, eventually } from '../support/bot-harness.js';
import { executeAction, textsOf, type Json } from '../support/cards.js';
import { personalConversationId } from '../support/teams-activities.js';
import { GENERAL, homeDirector, installedInTeam } from '../support/teams-activities.js';
import { choice, openForm, submitForm } from '../support/record-form-session.js';

/**
 * Issue 12: `kokous` schedules a development meeting. Local mode: the invitation is an iCalendar object the
 * outbox makes through the CalendarPort; the record keeps it, the management channel gets the meeting card.
 * Bad input comes back under its fields with nothing stored or sent.
 */
describe('scheduling a development meeting (protocol, local mode)', () => {
  let h: BotHarness;
  beforeEach(async () => {
    h = await new BotHarness().start();
    await h.post(installedInTeam(h.connector.url, homeDirector));
  });
  afterEach(async () => {
    await h.stop();
  });

  const settled = () => new Promise((r) => setTimeout(r, 800));

  /** Every text of the card the clicker got back, Markdown escapes removed. */
  const shown = (call: { body: unknown }): string => JSON.stringify(call.body).replace(/\\\\/g, '');

  const yearly = (card: Json, overrides: Json = {}): Json => ({
    customerId: choice(card, 'customerId', /^Länsi-Uudenmaan/),
    careHomeId: choice(card, 'careHomeId', /^Koivukoti/),
    date: '2026-12-10',
    startTime: '09:00',
    durationMinutes: '90',
    agenda: 'Sopimuskauden palvelut; palaute',
    extraAttendees: 'Timo Toivonen <timo.toivonen@example.fi>\npalveluohjaaja@example.fi',
    ...overrides,
  });

  it('stores the meeting invite pending, then the calendar answers: kutsuttu with its .ics; management gets the card', async () => {
    const { form } = await openForm(h, homeDirector, 'kokous');
    assert.match(textsOf(form.card).join('\n'), /Kutsu kehityskokoukseen/);
    const [answer] = await submitForm(h, form, yearly(form.card));
    assert.match(shown(answer!), /Kutsu tallennettu/);
    // The outbox delivers the calendar row, then the card update it causes.
    await settled();
    assert.equal((await h.app.store.records.list('developmentMeeting'))[0]?.state, 'kutsuttu');
    const [meeting] = await h.app.store.records.list('developmentMeeting');
    assert.equal(meeting!.startsAt, '2026-12-10T07:00:00.000Z', '09:00 in Helsinki in December');
    assert.equal(meeting!.endsAt, '2026-12-10T08:30:00.000Z');
    assert.deepEqual(meeting!.attendees!.map((a) => a.email).sort(), ['palveluohjaaja@example.fi', 'timo.toivonen@example.fi']);
    assert.match(meeting!.ics!, /^BEGIN:VCALENDAR\r\n/);
    assert.match(meeting!.ics!, /METHOD:REQUEST/);
    const text = h.connector.posted(GENERAL.id).map((c) => JSON.stringify(c.body)).join('\n').replace(/\\\\/g, '');
    assert.match(text, /Kehityskokous: Länsi-Uudenmaan hyvinvointialue/);
    const served = await fetch(`${h.app.url}/api/meetings/${meeting!.id}.ics`);
    assert.equal(served.status, 200);
    assert.match(served.headers.get('content-type') ?? '', /^text\/calendar/);
    assert.equal(await served.text(), meeting!.ics);
    assert.equal((await fetch(`${h.app.url}/api/meetings/00000000-0000-4000-8000-000000000000.ics`)).status, 404);
    // The management card, updated once invited, links the invitation where this server serves it.
    const updated = await eventually(() => h.connector.updates(GENERAL.id).map((c) => JSON.stringify(c.body)).find((b) => b.includes('.ics')));
    assert.ok(updated.includes(`"url":"${h.app.url}/api/meetings/${meeting!.id}.ics"`), updated.slice(0, 400));
  });

  for (const [what, overrides, field] of [
    ['a date in the past', { date: '2026-11-01' }, /menneet/],
    ['a duration over 8 hours', { durationMinutes: '540' }, /enintään 8 tuntia/],
    ['an end before the start', { durationMinutes: '0' }, /päättyy ennen|päätyttävä/],
    ['an attendee without a valid e-mail', { extraAttendees: 'Timo Toivonen' }, /Ei kelvollinen sähköpostiosoite: Timo Toivonen/],
  ] as const) {
    it(`refuses ${what}: the form back with the error, nothing stored or sent`, async () => {
      const { form } = await openForm(h, homeDirector, 'kokous');
      const [answer] = await submitForm(h, form, yearly(form.card, overrides));
      assert.match(shown(answer!), field);
      assert.equal((await h.app.store.records.list('developmentMeeting')).length, 0);
      assert.equal((await h.app.store.outbox.list()).filter((r) => r.eventType.startsWith('developmentMeeting')).length, 0);
    });
  }

  it('Siirrä raises the sequence on the same UID, Peru sends METHOD:CANCEL; both answered privately', async () => {
    const { form } = await openForm(h, homeDirector, 'kokous');
    const [answer] = await submitForm(h, form, yearly(form.card));
    await settled();
    assert.ok(answer);
    // The organizer's own card in their chat carries Siirrä / Peru.
    const posted = h.connector.posted(personalConversationId(homeDirector)).find((c) => c.method === 'POST' && /meeting\.reschedule/.test(JSON.stringify(c.body)))!;
    const card = (posted.body as { attachments: { content: Json }[] }).attachments[0]!.content;
    const threadBefore = h.connector.posted().length;
    const moved = await h.execute(homeDirector, posted.activityIdAssigned!, executeAction(card, 'meeting.reschedule'), { date: '2026-12-11', startTime: '13:00', durationMinutes: '60' });
    assert.match(JSON.stringify(moved.card), /Kokous siirretty/);
    await settled();
    let [meeting] = await h.app.store.records.list('developmentMeeting');
    assert.equal(meeting!.sequence, 1);
    assert.equal(meeting!.startsAt, '2026-12-11T11:00:00.000Z');
    assert.match(meeting!.ics!, /SEQUENCE:1\r\n/);
    assert.match(meeting!.ics!, /DTSTART;TZID=Europe\/Helsinki:20261211T130000/);
    const cancelled = await h.execute(homeDirector, posted.activityIdAssigned!, executeAction(moved.card, 'meeting.cancel'), { comment: 'Asiakkaan pyynnöstä.' });
    assert.match(JSON.stringify(cancelled.card), /Kokous peruttu/);
    await settled();
    [meeting] = await h.app.store.records.list('developmentMeeting');
    assert.equal(meeting!.state, 'peruttu');
    assert.match(meeting!.ics!, /METHOD:CANCEL/);
    assert.match(meeting!.ics!, /STATUS:CANCELLED/);
    // The presses made no thread replies: only card updates (PUT) may follow them.
    assert.equal(h.connector.posted().slice(threadBefore).filter((c) => c.method === 'POST' && c.conversationId === personalConversationId(homeDirector)).length, 0);
  });

  it("after the meeting's end the organizer is asked for the memo; saving it sends the memo to management and sales", async () => {
    const { form } = await openForm(h, homeDirector, 'kokous');
    await submitForm(h, form, yearly(form.card));
    await settled();
    const me = personalConversationId(homeDirector);
    const asked = () => h.connector.posted(me).filter((c) => /Miten kokous meni/.test(JSON.stringify(c.body)));
    assert.equal(asked().length, 0, 'not before the end');
    h.clock.advance(Date.parse('2026-12-10T08:31:00.000Z') - h.clock.now().getTime());
    h.app.worker.poke();
    await settled();
    await h.app.worker.drain();
    const [request] = asked();
    assert.ok(request, 'the memo request came');
    const requestCard = (request!.body as { attachments: { content: Json }[] }).attachments[0]!.content;
    const saved = await h.execute(homeDirector, request!.activityIdAssigned!, executeAction(requestCard, 'meeting.memo'), { memo: 'Sovittiin kuukausikirje.', feedback: 'Tyytyväisiä.' });
    assert.match(JSON.stringify(saved.card), /Muistio tallennettu/);
    await settled();
    await h.app.worker.drain();
    const [meeting] = await h.app.store.records.list('developmentMeeting');
    assert.equal(meeting!.state, 'pidetty');
    const memoRows = (await h.app.store.outbox.list()).filter((r) => r.eventType === 'developmentMeeting.recorded').map((r) => r.audience).sort();
    assert.deepEqual(memoRows, ['management', 'sales']);
  });
});
