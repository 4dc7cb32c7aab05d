import assert from 'node:assert/strict';
import { BotHarness } from '../support/bot-harness.js';
import { textsOf, type Json } from '../support/cards.js';
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
});
