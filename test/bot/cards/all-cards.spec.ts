import assert from 'node:assert/strict';
import { contactLogFormSpec } from '../../../bot/cards/contact-log-form-card.js';
import { helpCard } from '../../../bot/cards/help-card.js';
import { supervisionVisitFormSpec } from '../../../bot/cards/supervision-visit-form-card.js';
import { formCard } from '../../../bot/forms/form-card.js';
import { commandsOf } from '../../../bot/flows/index.js';
import { notificationCard } from '../../../bot/cards/notification-card.js';
import { openPlacesCard, placesFilterUnknownCard } from '../../../bot/cards/open-places-card.js';
import { agreementFormCard } from '../../../bot/cards/agreement-form-card.js';
import { placeFreedFormCard } from '../../../bot/cards/place-freed-form-card.js';
import type { CareHome } from '../../../src/domain/records/care-home.js';
import type { DomainEvent, PlaceCardData } from '../../../src/domain/events.js';
import type { Locale } from '../../../src/i18n/messages.js';
import { validateCard } from '../../support/adaptive-cards.js';

/** Every card the bot can send, in both languages, parses with the adaptivecards library: no warnings, schema ≤ 1.5. */
const meta = { version: 1, createdAt: '2026-11-23T08:00:00.000Z', createdBy: 'seed', updatedAt: '2026-11-23T08:00:00.000Z' };
const home: CareHome = {
  ...meta,
  id: '0c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5',
  name: 'Koivukoti',
  region: 'etela-suomi',
  city: 'Espoo',
  serviceTypes: ['ymparivuorokautinen'],
  customerGroups: ['ikaantyneet'],
};
const event = (status: PlaceCardData['status'], note?: string): DomainEvent => ({
  type: status === 'vapaa' || status === 'vapautuu' ? 'place.freed' : 'place.changed',
  eventId: 'e1',
  occurredAt: '2026-11-23T08:00:00.000Z',
  actor: { id: 'u1', name: 'Kaisa Kotijohtaja' },
  data: {
    placeId: '6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b',
    careHomeId: home.id,
    careHomeName: home.name,
    region: home.region,
    label: 'A12',
    serviceType: 'ymparivuorokautinen',
    customerGroup: 'ikaantyneet',
    version: 2,
    status,
    freeFrom: '2026-12-01',
    note,
    freedBy: { id: 'u1', name: 'Kaisa Kotijohtaja' },
    freedAt: '2026-11-23T08:00:00.000Z',
    reserveChoices: [{ id: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', name: 'Espoon kaupunki' }],
    ...(status === 'alustavasti-varattu'
      ? { reservedForCustomerId: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', reservedForName: 'Espoon kaupunki', reservedBy: { id: 'u2', name: 'Mikko Myynti' }, reservedAt: '2026-11-23T09:00:00.000Z' }
      : {}),
  },
});

const visit = (specialMention: boolean): DomainEvent => ({
  type: 'supervisionVisit.logged',
  eventId: 'e2',
  occurredAt: '2026-11-23T08:00:00.000Z',
  actor: { id: 'u3', name: 'Jukka Järvinen' },
  data: {
    visitId: '7a1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b',
    customerId: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
    customerName: 'Espoon kaupunki',
    careHomeId: home.id,
    careHomeName: home.name,
    region: home.region,
    date: '2026-11-20',
    participants: 'Valvoja, kotijohtaja',
    findings: 'Lääkehoitosuunnitelma päivitettävä',
    followUpActions: specialMention ? 'Päivitys vuoden loppuun mennessä' : undefined,
    specialMention,
    mentions: specialMention ? [{ userId: '00000000-0000-0000-0000-0000000000021', name: 'Mikko Myyntipäällikkö' }] : [],
    recordedBy: { id: 'u3', name: 'Jukka Järvinen' },
  },
});

export const cards = (locale: Locale) => ({
  help: helpCard(locale, commandsOf()),
  form: placeFreedFormCard(locale, { homes: [home], requestId: '1b4e28ba-2fa1-41d2-883f-0016d3cca427', today: '2026-11-23' }),
  visitForm: formCard(locale, supervisionVisitFormSpec([], [home], '2026-11-23'), {
    requestId: '1b4e28ba-2fa1-41d2-883f-0016d3cca427',
    values: { specialMention: 'true', findings: '' },
    errors: [{ field: 'findings', key: 'validation.required' }],
  }),
  formWithErrors: placeFreedFormCard(locale, {
    homes: [home],
    requestId: '1b4e28ba-2fa1-41d2-883f-0016d3cca427',
    today: '2026-11-23',
    values: { careHomeId: home.id, label: '', freeFrom: 'x', note: 'n' },
    errors: [
      { field: 'label', key: 'validation.required' },
      { field: 'freeFrom', key: 'validation.invalidDate' },
      { field: 'careHomeId', key: 'place.unknownCareHome' },
    ],
  }),
  placeFree: notificationCard(event('vapaa'), locale),
  placeFreeing: notificationCard(event('vapautuu', 'Remontti ensin'), locale),
  placeReserved: notificationCard(event('alustavasti-varattu'), locale),
  visit: notificationCard(visit(false), locale),
  reminder: notificationCard(
    {
      type: 'contactLog.recorded',
      eventId: 'e3',
      occurredAt: '2026-11-23T08:00:00.000Z',
      actor: { id: 'u2', name: 'Mikko Myyntipäällikkö' },
      data: {
        entryId: '8a1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b',
        customerId: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
        customerName: 'Turun kaupunki',
        date: '2026-11-23',
        type: 'hintaneuvottelu',
        matter: 'Indeksikorotus 2027',
        nextContactDate: '2026-12-04',
        nextContactTopic: 'Korotuskirjeen vastaus',
        remindAt: '2026-12-04T06:00:00.000Z',
        recordedBy: { id: 'u2', name: 'Mikko Myyntipäällikkö' },
      },
    },
    locale,
  ),
  logForm: formCard(locale, contactLogFormSpec(locale, [{ id: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', name: 'Turun kaupunki' }], '2026-11-23'), {
    requestId: '1b4e28ba-2fa1-41d2-883f-0016d3cca427',
  }),
  visitSpecialMention: notificationCard(visit(true), locale),
  placeSold: notificationCard(event('kaytossa'), locale),
  placesEmpty: openPlacesCard(locale, { groups: [], total: 0, homes: 0, notShown: 0 }),
  placesUnknownFilter: placesFilterUnknownCard(locale, 'Satuniemi'),
  placesOfRegion: openPlacesCard(locale, {
    total: 2,
    homes: 1,
    notShown: 0,
    narrowedTo: { region: 'etela-suomi' },
    groups: [
      {
        home,
        places: [
          { ...meta, id: '6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b', careHomeId: home.id, label: 'A1', serviceType: 'ymparivuorokautinen', customerGroup: 'ikaantyneet', status: 'vapautuu', freeFrom: '2026-11-30', effectiveStatus: 'vapautuu' },
          { ...meta, id: '7f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b', careHomeId: home.id, label: 'A2', serviceType: 'ymparivuorokautinen', customerGroup: 'ikaantyneet', status: 'alustavasti-varattu', freeFrom: '2026-12-01', effectiveStatus: 'alustavasti-varattu', reservedForName: 'Espoon kaupunki', reservedBy: { id: 'u2', name: 'Mikko Myynti' } },
        ],
      },
    ],
  }),
  agreementForm: agreementFormCard(locale, { id: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', name: 'Espoon kaupunki', segment: 'ostopalvelu' }, { requestId: '1b4e28ba-2fa1-41d2-883f-0016d3cca427' }),
  agreementFormWithErrors: agreementFormCard(
    locale,
    { id: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', name: 'Espoon kaupunki', segment: 'ostopalvelu' },
    {
      requestId: '1b4e28ba-2fa1-41d2-883f-0016d3cca427',
      values: { title: 'Puitesopimus', serviceTypes: 'tehostettu,lyhytaikainen', pricePerDay: 'abc', optionYears: '28', paymentCommitment: 'true' },
      errors: [
        { field: 'pricePerDay', key: 'agreement.invalidPrice' },
        { field: 'optionYears', key: 'agreement.invalidOptionYears' },
        { field: 'startDate', key: 'validation.required' },
      ],
    },
  ),
  agreementRecorded: notificationCard(
    {
      type: 'agreement.recorded',
      eventId: 'e9',
      occurredAt: '2026-11-23T08:00:00.000Z',
      actor: { id: 'u2', name: 'Mikko Myynti' },
      data: {
        agreementId: '4a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
        customerId: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
        customerName: 'Espoon kaupunki',
        title: 'Puitesopimus',
        serviceTypes: ['ymparivuorokautinen'],
        pricePerDay: 182.5,
        startDate: '2026-01-01',
        optionYears: [2028],
        recordedBy: { id: 'u2', name: 'Mikko Myynti' },
      },
    },
    locale,
  ),
  places: openPlacesCard(locale, {
    total: 5,
    homes: 2,
    notShown: 4,
    groups: [
    {
      home,
      places: [
        { ...meta, id: '6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b', careHomeId: home.id, label: 'A1', serviceType: 'ymparivuorokautinen', customerGroup: 'ikaantyneet', status: 'vapaa', freeFrom: '2026-11-20', effectiveStatus: 'vapaa' },
      ],
    },
    ],
  }),
});

describe('every card the bot sends', () => {
  for (const locale of ['fi', 'en'] as const) {
    for (const [name, card] of Object.entries(cards(locale))) {
      it(`${name} (${locale}) parses with adaptivecards without warnings and stays within 1.5`, () => {
        assert.deepEqual(validateCard(card), []);
        assert.equal(card.version, '1.5');
      });
    }
  }
});
