import assert from 'node:assert/strict';
import { customerCard, customerChoiceCard } from '../../../bot/cards/customer-card.js';
import { openPlacesCard } from '../../../bot/cards/open-places-card.js';
import { complaintFormSpec } from '../../../bot/cards/complaint-form-card.js';
import { contactLogFormSpec } from '../../../bot/cards/contact-log-form-card.js';
import { developmentMeetingFormSpec } from '../../../bot/cards/development-meeting-form-card.js';
import { homeEventFormSpec } from '../../../bot/cards/home-event-form-card.js';
import { noteFormSpec } from '../../../bot/cards/note-form-card.js';
import { placeCard } from '../../../bot/cards/place-freed-card.js';
import { placeFreedFormSpec } from '../../../bot/cards/place-freed-form-card.js';
import { supervisionVisitFormSpec } from '../../../bot/cards/supervision-visit-form-card.js';
import { formCard, type FormSpec } from '../../../bot/forms/form-card.js';
import { RESERVE_CHOICES } from '../../../src/app/place-card-data.js';
import { weeklyDigestCard } from '../../../bot/cards/weekly-digest-card.js';
import type { CustomerOverview } from '../../../src/app/customer-overview.js';
import { formatNumber } from '../../../src/i18n/messages.js';
import { OPEN_PLACES_SHOWN, type ListedPlace, type OpenPlacesView } from '../../../src/app/list-open-places.js';
import type { PlaceCardData } from '../../../src/domain/events.js';
import type { WeeklyDigestEvent } from '../../../src/domain/events/digest-events.js';
import type { CareHome } from '../../../src/domain/records/care-home.js';
import type { Region } from '../../../src/domain/records/common.js';
import type { PlaceOnDay } from '../../../src/store/record-queries.js';
import { assertValidCard } from '../../support/adaptive-cards.js';

/**
 * Every list card at 10× the company's size stays under 28 KB of JSON (Teams refuses a message over its
 * limit; 28 KB leaves room for the activity around the card) and says how many it left out. The data is
 * built in memory, longer than real: the cards must hold whatever view they are handed.
 */
const LIMIT = 28_000;
const HOMES = 440;
const PLACES = 16_000;
const CUSTOMERS = 3_000;
const regions: Region[] = ['etela-suomi', 'lounais-suomi', 'sisa-suomi'];
const meta = { version: 1, createdAt: '2026-11-01T08:00:00.000Z', createdBy: 'seed', updatedAt: '2026-11-01T08:00:00.000Z' };
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const longName = (what: string, i: number) => `${what} ${i} – Pitkänimisen hyvinvointialueen palvelukeskus`;
const kaisa = { id: 'u1', name: 'Kaisa Kotijohtaja-Pitkäsukunimi' };

const homes: CareHome[] = Array.from({ length: HOMES }, (_, i) => ({ ...meta, id: uuid(i), name: longName('Koti', i), region: regions[i % 3]!, city: 'Espoo', serviceTypes: ['ymparivuorokautinen'], customerGroups: ['ikaantyneet'] }));
const placesOf = (home: CareHome, count: number): PlaceOnDay[] =>
  Array.from({ length: count }, (_, i) => ({ ...meta, id: uuid(100_000 + i), careHomeId: home.id, label: `Huone ${i} B-siipi`, serviceType: 'ymparivuorokautinen', customerGroup: 'ikaantyneet', status: 'vapautuu', freeFrom: '2026-12-01', effectiveStatus: 'vapautuu', note: 'Ikkunapaikka' }));
/** `paikat` lists reserved places too: every third one here, for the longest customer name, with Varaa on the others. */
const withReserved = (places: PlaceOnDay[]): ListedPlace[] =>
  places.map((p, i) => (i % 3 === 2 ? { ...p, status: 'alustavasti-varattu', effectiveStatus: 'alustavasti-varattu', reservedForCustomerId: uuid(200_000), reservedForName: longName('Kunta', 2999), reservedBy: kaisa } : p));
const everyPlace = (of: CareHome[], reserved = false): OpenPlacesView => {
  const perHome = Math.ceil(PLACES / HOMES);
  const groups = of.map((home) => ({ home, places: reserved ? withReserved(placesOf(home, perHome)) : placesOf(home, perHome) }));
  return { groups, total: groups.length * perHome, homes: groups.length, notShown: 0 };
};
const customers = Array.from({ length: CUSTOMERS }, (_, i) => ({ id: uuid(200_000 + i), name: longName('Kunta', i) }));

function assertWithin(name: string, card: unknown, more: number): void {
  const json = JSON.stringify(card);
  assert.ok(json.length <= LIMIT, `${name}: ${json.length} characters of JSON, over ${LIMIT}`);
  // The count as the card writes it: 16 240 in Finnish, 16,240 in English (src/i18n/messages.ts formatNumber).
  assert.ok((['fi', 'en'] as const).some((l) => json.includes(formatNumber(l, more))), `${name} says how many more there are (${more})`);
}

describe('cards stay within Teams\' size limit at 10× the company (440 homes, 16,000 places, 3,000 customers)', () => {
  for (const locale of ['fi', 'en'] as const) {
    it(`every form with a customer or home field, handed every customer and every home, the chosen ones last on the lists (${locale})`, () => {
      // A company-wide role may record for every home (440), and the customer choice grows with the
      // customers (3,000): both choices list a first page and find the rest by typing.
      const today = '2026-11-23';
      // The attendees' first page (src/app/search-contacts.ts) and a few chosen by typing: 9,000 officials at 10×.
      const contacts = Array.from({ length: 30 }, (_, i) => ({ id: uuid(700_000 + i), name: longName('Yhteyshenkilö', i), customerName: customers[i]!.name }));
      const forms: [string, FormSpec][] = [
        ['vapaa paikka', placeFreedFormSpec(locale, homes, today)],
        ['käynti', supervisionVisitFormSpec(customers, homes, today)],
        ['tilaisuus', homeEventFormSpec(locale, homes, contacts, today)],
        ['reklamaatio', complaintFormSpec(locale, customers, homes, today)],
        ['kirjaa', contactLogFormSpec(locale, customers, today)],
        ['tieto', noteFormSpec(customers, homes, 'myynnista-tuotantoon')],
        ['kokous', developmentMeetingFormSpec(locale, customers, homes, today)],
      ];
      const chosenCustomer = customers.at(-1)!.id;
      const chosenHome = homes.at(-1)!.id;
      for (const [name, spec] of forms) {
        const values = { customerId: chosenCustomer, careHomeId: chosenHome };
        const card = formCard(locale, spec, { requestId: uuid(9), values, errors: [{ field: 'matter', key: 'validation.required' }] });
        const json = JSON.stringify(card);
        assert.ok(json.length <= LIMIT, `${name}: ${json.length} characters of JSON, over ${LIMIT}`);
        for (const field of ['customerId', 'careHomeId'] as const) {
          if (!spec.fields.some((f) => 'id' in f && f.id === field)) continue;
          assert.ok(json.includes(`"value":"${values[field]}"`), `${name} keeps the chosen ${field} selected`);
        }
        if (name !== 'kirjaa') assert.match(json, /"choices\.data":\{"type":"Data\.Query","dataset":"careHomes"\}/, `${name}: the other homes are found by typing`);
        if (name === 'tilaisuus') assert.match(json, /"choices\.data":\{"type":"Data\.Query","dataset":"contacts"\}/, 'the other attendees are found by typing');
        assertValidCard(card, name);
      }
    });

    it(`paikat, every place in view: free and freeing ones with Varaa, every third reserved (${locale})`, () => {
      for (const view of [everyPlace(homes), everyPlace(homes, true)]) {
        const card = openPlacesCard(locale, view);
        assertWithin('open places card', card, view.total - OPEN_PLACES_SHOWN);
        assertValidCard(card, 'paikat');
      }
    });

    it(`the customer card with long lists of everything (${locale})`, () => {
      const customerId = customers[0]!.id;
      const region = everyPlace(homes.filter((h) => h.region === 'etela-suomi'));
      const overview: CustomerOverview = {
        customer: { ...meta, id: customerId, name: customers[0]!.name, kind: 'hyvinvointialue', region: 'etela-suomi', segment: 'ostopalvelu', lifecyclePhase: 'pysyvyys', businessId: '0101263-6' },
        today: '2026-11-23',
        audience: 'personal',
        redacted: false,
        contacts: Array.from({ length: 60 }, (_, i) => ({ ...meta, id: uuid(300_000 + i), customerId, name: longName('Yhteyshenkilö', i), role: 'palvelujohtaja', title: 'Sosiaali- ja terveysjohtaja', phone: '+358 40 123 4567', email: 'yhteys@kunta.example', personalNotes: 'Muistiinpano '.repeat(20) })),
        agreements: Array.from({ length: 30 }, (_, i) => ({ ...meta, id: uuid(400_000 + i), customerId, kind: 'ostopalvelu', title: longName('Sopimus', i), serviceTypes: ['ymparivuorokautinen', 'lyhytaikainen'], pricePerDay: 185.5, startDate: '2025-01-01', endDate: '2027-12-31', optionYears: [2028, 2029], paymentCommitment: true })),
        latestEntries: Array.from({ length: 20 }, (_, i) => ({ kind: 'contactLogEntry', id: uuid(500_000 + i), customerIds: [customerId], date: '2026-11-20', summary: 'Pitkä kirjaus '.repeat(40), recordedBy: kaisa, textHidden: false })),
        lastEntry: { date: '2026-11-20', daysSince: 3 },
        quiet: false,
        openComplaints: Array.from({ length: 40 }, (_, i) => ({
          complaint: { ...meta, id: uuid(600_000 + i), customerId, careHomeId: homes[0]!.id, receivedDate: '2026-11-12', channel: 'puhelin', matter: 'Reklamaatio '.repeat(30), severity: 'kohtalainen', status: 'toimenpiteet-sovittu', nextStepDue: '2026-11-20', recordedBy: kaisa },
          careHomeName: homes[0]!.name,
          overdue: true,
          textHidden: false,
        })),
        nextContact: { date: '2026-11-30', topic: 'Tarjous '.repeat(30), by: kaisa },
        openPlaces: region,
        ownPlaces: {
          places: Array.from({ length: 40 }, (_, i) => ({
            place: { ...placesOf(homes[0]!, 1)[0]!, id: uuid(800_000 + i), status: 'alustavasti-varattu' as const, effectiveStatus: 'alustavasti-varattu' as const, reservedForCustomerId: customerId, reservedBy: kaisa, reservedAt: '2026-11-20T10:00:00.000Z' },
            careHomeName: homes[0]!.name,
          })),
          reserved: 400,
          sold: 600,
        },
        mayRecordAgreement: true,
        mayEditCustomer: true,
        mayReadContactNotes: true,
      };
      assertWithin('customer card', customerCard(locale, overview, uuid(1)), region.total - 15);
    });

    it(`the Monday digest, composed from whole lists or from queries (${locale})`, () => {
      const data = {
        week: '2026-W48',
        weekNumber: 48,
        today: '2026-11-23',
        entriesLastWeek: 40_000,
        quietCustomers: customers.map((c) => ({ customerId: c.id, name: c.name, lastEntryDate: '2026-11-01', daysSince: 22 })),
        longFreePlaces: homes.flatMap((h) => placesOf(h, 36)).map((p) => ({ placeId: p.id, careHomeName: longName('Koti', 1), label: p.label, freeFrom: '2026-11-01', daysFree: 22 })),
        overdueComplaints: Array.from({ length: 500 }, (_, i) => ({ complaintId: uuid(i), customerName: longName('Kunta', i), careHomeName: longName('Koti', i), status: 'korjattu' as const, nextStepDue: '2026-11-20', daysOverdue: 3 })),
      };
      const event = (d: WeeklyDigestEvent['data']): WeeklyDigestEvent => ({ type: 'digest.weekly', eventId: 'e1', occurredAt: '2026-11-23T06:00:00.000Z', actor: { id: 'hoivacrm', name: 'HoivaCRM' }, recordKey: 'digest:2026-W48', data: d });
      assertWithin('weekly digest (whole lists)', weeklyDigestCard(event(data), locale), CUSTOMERS - 10);
      const bounded = { ...data, quietCustomers: data.quietCustomers.slice(0, 10), longFreePlaces: data.longFreePlaces.slice(0, 10), overdueComplaints: data.overdueComplaints.slice(0, 10), totals: { quietCustomers: CUSTOMERS, longFreePlaces: 15_840, overdueComplaints: 500 } };
      assertWithin('weekly digest (from queries)', weeklyDigestCard(event(bounded), locale), 15_840 - 10);
    });

    it(`the place card's reserve choices, handed every customer (${locale})`, () => {
      const home = homes[0]!;
      const data: PlaceCardData = {
        placeId: uuid(7),
        version: 1,
        careHomeId: home.id,
        careHomeName: home.name,
        region: home.region,
        label: 'Huone 12 B-siipi',
        serviceType: 'ymparivuorokautinen',
        customerGroup: 'ikaantyneet',
        status: 'vapaa',
        freeFrom: '2026-12-01',
        note: 'Ikkunapaikka',
        freedBy: kaisa,
        freedAt: '2026-11-23T08:00:00.000Z',
        reserveChoices: customers,
      };
      const card = placeCard(data, locale, uuid(2));
      assertWithin('place card', card, CUSTOMERS - RESERVE_CHOICES);
      assert.match(JSON.stringify(card), /"choices\.data":\{"type":"Data\.Query","dataset":"customers"\}/, 'the others are found by typing');
      assertValidCard(card);
      assertWithin('customer choice card', customerChoiceCard(locale, { kind: 'askName', customers }, uuid(3)), CUSTOMERS - 8);
    });
  }
});
