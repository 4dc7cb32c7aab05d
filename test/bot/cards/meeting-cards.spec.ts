import assert from 'node:assert/strict';
import { meetingMemoRequestCard, meetingScheduledCard } from '../../../bot/cards/development-meeting-scheduled-card.js';
import { meetingScheduleFormCard, meetingScheduleFormSpec } from '../../../bot/cards/meeting-schedule-form-card.js';
import type { MeetingCardData } from '../../../src/domain/events/meeting-events.js';
import type { CareHome } from '../../../src/domain/records/care-home.js';
import type { Locale } from '../../../src/i18n/messages.js';
import { validateCard } from '../../support/adaptive-cards.js';
import { executeActionsOf, textsOf, type Json } from '../../support/cards.js';

/** Issue 12's cards — the scheduling form, the meeting card in each state, the memo request — in both languages. */
const meta = { version: 1, createdAt: '2026-11-23T08:00:00.000Z', createdBy: 'seed', updatedAt: '2026-11-23T08:00:00.000Z' };
const home: CareHome = { ...meta, id: '0c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5', name: 'Koivukoti', region: 'etela-suomi', city: 'Espoo', serviceTypes: ['ymparivuorokautinen'], customerGroups: ['ikaantyneet'] };
const meeting: MeetingCardData = {
  meetingId: '6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b',
  version: 2,
  kind: 'vuosittainen',
  customerId: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  customerName: 'Länsi-Uudenmaan hyvinvointialue',
  careHomeId: home.id,
  careHomeName: home.name,
  startsAt: '2026-12-10T07:00:00.000Z',
  endsAt: '2026-12-10T08:30:00.000Z',
  agenda: 'Palaute, kehityskohteet, ensi vuoden hinnat',
  attendees: [{ email: 'timo.toivonen@example.fi', name: 'Timo Toivonen' }, { email: 'palveluohjaaja@example.fi' }],
  state: 'kutsuttu',
  sequence: 0,
  joinUrl: 'https://teams.microsoft.com/l/meetup-join/abc',
  invited: true,
  organizer: { id: 'u1', name: 'Kaisa Kotijohtaja' },
};

export const cards = (locale: Locale) => ({
  scheduleForm: meetingScheduleFormCard(
    locale,
    meetingScheduleFormSpec(locale, { kind: 'vuosittainen', customers: [{ id: meeting.customerId!, name: meeting.customerName! }], homes: [home], invitees: [{ name: 'Timo Toivonen', email: 'timo.toivonen@example.fi', suggested: true }], today: '2026-11-23' }),
    { requestId: '1b4e28ba-2fa1-41d2-883f-0016d3cca427', values: { durationMinutes: '600' }, errors: [{ field: 'durationMinutes', key: 'validation.required' }] },
  ),
  quarterlyForm: meetingScheduleFormCard(locale, meetingScheduleFormSpec(locale, { kind: 'neljannesvuosittainen', customers: [], homes: [home], invitees: [], today: '2026-11-23' }), { requestId: '1b4e28ba-2fa1-41d2-883f-0016d3cca427' }),
  invited: meetingScheduledCard(meeting, locale, { icsBaseUrl: 'http://127.0.0.1:3978' }),
  pending: meetingScheduledCard({ ...meeting, state: 'kutsu-odottaa', invited: false, joinUrl: undefined }, locale),
  noTeamsLink: meetingScheduledCard({ ...meeting, joinUrl: undefined }, locale),
  cancelled: meetingScheduledCard({ ...meeting, state: 'peruttu', sequence: 1, cancelComment: 'Siirtyy ensi vuoteen' }, locale),
  memoRequest: meetingMemoRequestCard(meeting, locale),
});

describe('meeting cards', () => {
  for (const locale of ['fi', 'en'] as const) {
    for (const [name, card] of Object.entries(cards(locale))) {
      it(`${name} (${locale}) is a valid Adaptive Card 1.5`, () => assert.deepEqual(validateCard(card), []));
    }
  }

  it('offers Siirrä and Peru on a scheduled meeting and nothing on a cancelled one', () => {
    assert.ok(executeActionsOf(cards('fi').invited as unknown as Json).length > 0);
    assert.deepEqual(executeActionsOf(cards('fi').cancelled as unknown as Json), []);
    assert.match(textsOf(cards('fi').noTeamsLink as unknown as Json).join('\n'), /Teams/);
  });
});
