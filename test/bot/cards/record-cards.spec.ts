import assert from 'node:assert/strict';
import { developmentMeetingCard } from '../../../bot/cards/development-meeting-card.js';
import { developmentMeetingFormCard, developmentMeetingFormSpec } from '../../../bot/cards/development-meeting-form-card.js';
import type { AdaptiveCard } from '../../../bot/cards/elements.js';
import { homeEventCard } from '../../../bot/cards/home-event-card.js';
import { homeEventFormSpec } from '../../../bot/cards/home-event-form-card.js';
import { noteCard } from '../../../bot/cards/note-card.js';
import { noteFormSpec } from '../../../bot/cards/note-form-card.js';
import { notificationCard } from '../../../bot/cards/notification-card.js';
import { supervisionVisitCard } from '../../../bot/cards/supervision-visit-card.js';
import { formCard } from '../../../bot/forms/form-card.js';
import type { DevelopmentMeetingRecordedEvent } from '../../../src/domain/events/meeting-events.js';
import type { HomeEventLoggedEvent } from '../../../src/domain/events/home-event-events.js';
import type { NoteEvent } from '../../../src/domain/events/note-events.js';
import type { SupervisionVisitLoggedEvent } from '../../../src/domain/events/visit-events.js';
import type { CareHome } from '../../../src/domain/records/care-home.js';
import type { Customer } from '../../../src/domain/records/customer.js';
import type { NoteDirection } from '../../../src/domain/records/note.js';
import type { Locale } from '../../../src/i18n/messages.js';
import { assertValidCard } from '../../support/adaptive-cards.js';
import { shown, textsOf, type Json } from '../../support/cards.js';

/**
 * The home-event, note and development-meeting cards and forms, in Finnish and English, every variant:
 * each parses with the adaptivecards library without warnings; a special mention comes first.
 */
const meta = { version: 1, createdAt: '2026-11-23T08:00:00.000Z', createdBy: 'seed', updatedAt: '2026-11-23T08:00:00.000Z' };
const home: CareHome = { ...meta, id: '0c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5', name: 'Koivukoti', region: 'etela-suomi', city: 'Espoo', serviceTypes: ['ymparivuorokautinen'], customerGroups: ['ikaantyneet'] };
const espoo: Customer = { ...meta, id: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', name: 'Espoon kaupunki', kind: 'kunta', region: 'etela-suomi', segment: 'ostopalvelu', lifecyclePhase: 'pysyvyys' };
const requestId = '1b4e28ba-2fa1-41d2-883f-0016d3cca427';
const sales = [
  { userId: '00000000-0000-0000-0000-0000000000021', name: 'Mikko Myyntipäällikkö' },
  { userId: '00000000-0000-0000-0000-0000000000026', name: 'Sanna Myyntijohtaja' },
];
const base = { eventId: 'e1', occurredAt: '2026-11-23T08:00:00.000Z', actor: { id: 'u3', name: 'Jukka Järvinen' } };

const homeEvent = (specialMention: boolean, attended: boolean): HomeEventLoggedEvent => ({
  ...base,
  type: 'homeEvent.logged',
  data: {
    homeEventId: '7a1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b',
    careHomeId: home.id,
    careHomeName: home.name,
    region: home.region,
    date: '2026-11-20',
    kind: 'omaisten-ilta',
    title: 'Omaisten ilta',
    attendees: attended ? [{ contactId: 'c1', name: 'Timo Toivonen', customerId: espoo.id, customerName: espoo.name }] : [],
    customers: attended ? [{ id: espoo.id, name: espoo.name }] : [],
    whatCameUp: attended ? 'Kysyttiin lyhytaikaisista paikoista' : undefined,
    specialMention,
    mentions: specialMention ? sales : [],
    recordedBy: base.actor,
  },
});

const note = (direction: NoteDirection, specialMention: boolean): NoteEvent => {
  const data = {
    noteId: '8a1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b',
    direction,
    customerId: espoo.id,
    customerName: espoo.name,
    careHomeId: specialMention ? home.id : undefined,
    careHomeName: specialMention ? home.name : undefined,
    matter: 'Espoo kilpailuttaa keväällä',
    specialMention,
    mentions: specialMention && direction === 'tuotannosta-myyntiin' ? sales : [],
    recordedBy: base.actor,
  };
  return direction === 'myynnista-tuotantoon' ? { ...base, type: 'note.fromSales', data } : { ...base, type: 'note.fromProduction', data };
};

const meeting = (kind: 'vuosittainen' | 'neljannesvuosittainen', withMemo: boolean): DevelopmentMeetingRecordedEvent => ({
  ...base,
  type: 'developmentMeeting.recorded',
  data: {
    meetingId: '9a1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b',
    kind,
    ...(kind === 'vuosittainen' ? { customerId: espoo.id, customerName: espoo.name, careHomeId: home.id, careHomeName: home.name } : {}),
    startsAt: '2026-11-20T08:00:00.000Z',
    endsAt: '2026-11-20T10:00:00.000Z',
    participants: 'Timo Toivonen, Kaisa Kotijohtaja',
    ...(withMemo ? { memo: 'Sopimuskausi käytiin läpi', feedback: 'Tyytyväisiä', developmentItems: 'Omaisviestintä' } : {}),
    recordedBy: base.actor,
  },
});

const visit = (specialMention: boolean): SupervisionVisitLoggedEvent => ({
  ...base,
  type: 'supervisionVisit.logged',
  data: {
    visitId: '6a1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b',
    customerId: espoo.id,
    customerName: espoo.name,
    careHomeId: home.id,
    careHomeName: home.name,
    region: home.region,
    date: '2026-11-20',
    participants: 'Valvoja',
    findings: 'Hyvä',
    specialMention,
    mentions: specialMention ? sales : [],
    recordedBy: base.actor,
  },
});

export const cards = (locale: Locale): Record<string, AdaptiveCard> => ({
  homeEvent: homeEventCard(homeEvent(false, true), locale),
  homeEventNobodyCame: homeEventCard(homeEvent(false, false), locale),
  homeEventSpecialMention: homeEventCard(homeEvent(true, true), locale),
  noteFromSales: noteCard(note('myynnista-tuotantoon', false), locale),
  noteFromSalesSpecialMention: noteCard(note('myynnista-tuotantoon', true), locale),
  noteFromProduction: noteCard(note('tuotannosta-myyntiin', false), locale),
  noteFromProductionSpecialMention: noteCard(note('tuotannosta-myyntiin', true), locale),
  yearlyMeeting: developmentMeetingCard(meeting('vuosittainen', true), locale),
  yearlyMeetingNoMemo: developmentMeetingCard(meeting('vuosittainen', false), locale),
  quarterlyMeeting: developmentMeetingCard(meeting('neljannesvuosittainen', true), locale),
  visitSpecialMention: supervisionVisitCard(visit(true), locale),
  homeEventForm: formCard(locale, homeEventFormSpec(locale, [home], [{ id: 'c1', name: 'Timo Toivonen', customerName: espoo.name }], '2026-11-23'), { requestId }),
  homeEventFormWithErrors: formCard(locale, homeEventFormSpec(locale, [home], [{ id: 'c1', name: 'Timo Toivonen', customerName: espoo.name }], '2026-11-23'), {
    requestId,
    values: { careHomeId: home.id, date: '2026-11-30', attendingContactIds: 'c1', specialMention: 'true' },
    errors: [
      { field: 'date', key: 'homeEvent.dateInFuture' },
      { field: 'attendingContactIds', key: 'homeEvent.unknownContact' },
      { field: 'title', key: 'validation.required' },
    ],
  }),
  noteFormFromSales: formCard(locale, noteFormSpec([espoo], [home], 'myynnista-tuotantoon'), { requestId }),
  noteFormFromProductionWithErrors: formCard(locale, noteFormSpec([espoo], [home], 'tuotannosta-myyntiin'), {
    requestId,
    values: { careHomeId: home.id, matter: 'x', specialMention: 'true' },
    errors: [{ field: 'customerId', key: 'validation.required' }],
  }),
  meetingForm: developmentMeetingFormCard(locale, developmentMeetingFormSpec(locale, [espoo], [home], '2026-11-23'), { requestId }),
  meetingFormWithErrors: developmentMeetingFormCard(locale, developmentMeetingFormSpec(locale, [espoo], [home], '2026-11-23'), {
    requestId,
    values: { kind: 'vuosittainen', date: 'x', startTime: '14:00', endTime: '13:00' },
    errors: [
      { field: 'date', key: 'validation.invalidDate' },
      { field: 'customerId', key: 'meeting.customerRequired' },
      { field: 'endTime', key: 'meeting.endsBeforeStart' },
    ],
  }),
});

const bodyOf = (card: AdaptiveCard) => card.body as unknown as Json[];
const entitiesOf = (card: AdaptiveCard) => card.msteams?.entities ?? [];

describe('home-event, note and development-meeting cards', () => {
  for (const locale of ['fi', 'en'] as const) {
    for (const [name, card] of Object.entries(cards(locale))) {
      it(`${name} (${locale}) parses with adaptivecards without warnings and stays within 1.5`, () => {
        assertValidCard(card, `${name} (${locale})`);
        assert.equal(card.version, '1.5');
      });
    }
  }

  for (const [name, card] of Object.entries({
    homeEvent: homeEventCard(homeEvent(true, true), 'fi'),
    noteToSales: noteCard(note('tuotannosta-myyntiin', true), 'fi'),
    visit: supervisionVisitCard(visit(true), 'fi'),
  })) {
    it(`${name}: a special mention comes first, in the attention style, and @mentions the sales people in its text`, () => {
      const first = bodyOf(card)[0]!;
      assert.equal(first.type, 'Container');
      assert.equal(first.style, 'attention');
      assert.equal(textsOf(first)[0], 'ERITYISMAININTA');
      assert.deepEqual(entitiesOf(card).map((e) => e.mentioned.name), ['Mikko Myyntipäällikkö', 'Sanna Myyntijohtaja']);
      for (const e of entitiesOf(card)) assert.ok(textsOf(first).join('\n').includes(e.text));
    });
  }

  it('a note to management with a special mention comes first in the attention style and @mentions nobody', () => {
    const card = noteCard(note('myynnista-tuotantoon', true), 'en');
    assert.equal(bodyOf(card)[0]!.style, 'attention');
    assert.equal(textsOf(bodyOf(card)[0]!)[0], 'SPECIAL MENTION');
    assert.equal(card.msteams, undefined);
  });

  it('without a special mention there is no attention container and no mention', () => {
    for (const card of [homeEventCard(homeEvent(false, true), 'fi'), noteCard(note('tuotannosta-myyntiin', false), 'fi'), supervisionVisitCard(visit(false), 'fi')]) {
      assert.notEqual(bodyOf(card)[0]!.style, 'attention');
      assert.equal(card.msteams, undefined);
    }
  });

  it('the notification card switch renders each new event type with its own card', () => {
    assert.deepEqual(notificationCard(homeEvent(true, true), 'fi'), homeEventCard(homeEvent(true, true), 'fi'));
    assert.deepEqual(notificationCard(note('myynnista-tuotantoon', false), 'en'), noteCard(note('myynnista-tuotantoon', false), 'en'));
    assert.deepEqual(notificationCard(meeting('vuosittainen', true), 'fi'), developmentMeetingCard(meeting('vuosittainen', true), 'fi'));
  });

  it('the meeting card carries the memo, and says so when none was recorded', () => {
    const withMemo = textsOf(developmentMeetingCard(meeting('vuosittainen', true), 'fi') as unknown as Json).join('\n');
    assert.match(withMemo, /Kehityskokous: Espoon kaupunki/);
    assert.match(withMemo, /Sopimuskausi käytiin läpi/);
    const without = textsOf(developmentMeetingCard(meeting('neljannesvuosittainen', false), 'en') as unknown as Json).join('\n');
    assert.match(without, /Joint meeting of production and sales/);
    assert.match(without, /No memo was recorded\./);
  });

  it('the meeting form puts the start and end times right after the date, with messages under them', () => {
    const card = cards('fi').meetingFormWithErrors!;
    const ids = bodyOf(card).map((e) => (e.id as string | undefined) ?? (e.type === 'TextBlock' && e.weight === 'bolder' && e.size === 'small' ? `!${shown(e.text as string)}` : undefined)).filter(Boolean);
    const at = ids.indexOf('date');
    assert.deepEqual(ids.slice(at, at + 5), ['date', '!Anna päivämäärä muodossa vvvv-kk-pp.', 'startTime', 'endTime', '!Kokous päättyy ennen kuin se alkaa.']);
    assert.equal(bodyOf(card).find((e) => e.id === 'endTime')!.value, '13:00');
  });
});
