import assert from 'node:assert/strict';
import { customerPlanCard, encounterFormCard, planFormCard } from '../../../bot/cards/customer-plan-card.js';
import { encounterReminderCard } from '../../../bot/cards/customer-plan-reminder-card.js';
import { notificationCard } from '../../../bot/cards/notification-card.js';
import { planStatus, shownEncounters, type CustomerPlanView } from '../../../src/app/show-customer-plan.js';
import type { EncounterDueEvent } from '../../../src/domain/events/plan-events.js';
import { encounterKinds, MAX_ENCOUNTERS, type CustomerPlan } from '../../../src/domain/records/customer-plan.js';
import { stableIdFor } from '../../../src/domain/stable-id.js';
import type { Locale } from '../../../src/i18n/messages.js';
import { validateCard } from '../../support/adaptive-cards.js';
import { executeActionsOf, textsOf, type Json } from '../../support/cards.js';

const customer = { id: stableIdFor('customer:Länsi-Uudenmaan hyvinvointialue'), name: 'Länsi-Uudenmaan hyvinvointialue', region: 'etela-suomi' as const };
const jukka = { id: stableIdFor('person:jukka'), name: 'Jukka Järvinen' };
const aino = { id: stableIdFor('person:aino'), name: 'Aino Virtanen' };
const meta = { version: 3, createdAt: '2026-01-10T08:00:00.000Z', createdBy: 'x', updatedAt: '2026-11-20T08:00:00.000Z' };

function planWith(count: number, long = false): CustomerPlan {
  const text = (s: string) => (long ? s.repeat(400).slice(0, 4000) : s);
  return {
    ...meta,
    id: stableIdFor(`plan:${count}`),
    customerId: customer.id,
    year: 2026,
    goal: text('Sopimus jatkuu optiovuodella 2027. '),
    targets: text('Käyttöaste 95 %. '),
    responsibilities: text('Aluejohtaja vastaa, myynti tukee. '),
    actions: text('Kehityskokous joulukuussa. '),
    plannedEncounters: Array.from({ length: count }, (_, i) => ({
      id: stableIdFor(`encounter:${count}:${i}`),
      month: (i % 12) + 1,
      ...(i % 2 === 0 ? { day: 15 } : {}),
      kind: encounterKinds[i % encounterKinds.length]!,
      ownerId: i % 3 === 0 ? aino.id : jukka.id,
      ...(long ? { note: 'Huomio '.repeat(80).slice(0, 500) } : i % 4 === 0 ? { note: 'Palvelujohtaja ja palveluohjaaja mukaan' } : {}),
      ...(i < 3 ? { done: true } : {}),
    })),
  };
}

function view(plan: CustomerPlan | undefined, mayEdit = true): CustomerPlanView {
  const encounters = shownEncounters(plan, [jukka, aino]);
  return { customer, year: 2026, today: '2026-11-23', plan, encounters, status: planStatus(encounters), mayEdit, owners: [aino, jukka] };
}

const reminder = (kind: EncounterDueEvent['data']['kind']): EncounterDueEvent => ({
  type: 'customerPlan.encounterDue',
  eventId: stableIdFor(`reminder:${kind}`),
  occurredAt: '2026-11-23T08:00:00.000Z',
  actor: { id: 'jukka', name: 'Jukka Järvinen' },
  recordKey: `customerPlanEncounter:p:${kind}`,
  data: {
    planId: stableIdFor('plan:6'),
    encounterId: stableIdFor(`encounter:${kind}`),
    customerId: customer.id,
    customerName: customer.name,
    year: 2026,
    kind,
    date: '2026-12-28',
    dayKnown: kind === 'kehityskokous',
    note: 'Vuosikokous',
    ownerId: jukka.id,
    ownerUserId: 'jukka',
    ownerName: jukka.name,
    remindAt: '2026-11-28T06:00:00.000Z',
    savedBy: { id: 'jukka', name: 'Jukka Järvinen' },
  },
});

/** Every plan card in a language: for the card tests here and the contrast test (contrast.spec.ts). */
export const cards = (locale: Locale) => ({
  none: customerPlanCard(locale, view(undefined)),
  noneReader: customerPlanCard(locale, view(undefined, false)),
  empty: customerPlanCard(locale, view(planWith(0))),
  six: customerPlanCard(locale, view(planWith(6)), '✓ Tallennettu'),
  sixReader: customerPlanCard(locale, view(planWith(6), false)),
  full: customerPlanCard(locale, view(planWith(MAX_ENCOUNTERS, true))),
  planForm: planFormCard(locale, view(planWith(6)), { requestId: stableIdFor('form'), errors: [{ field: 'goal', key: 'validation.required' }], values: { goal: '', targets: 'Käyttöaste 97 %' } }),
  newEncounterForm: encounterFormCard(locale, view(planWith(6)), { requestId: stableIdFor('form') }),
  encounterFormWithErrors: encounterFormCard(locale, view(planWith(6)), {
    requestId: stableIdFor('form'),
    encounterId: stableIdFor('encounter:6:1'),
    values: { month: '2', day: '30', kind: 'valvontakaynti', ownerId: jukka.id },
    errors: [{ field: 'day', key: 'plan.dayNotInMonth', params: { days: 28 } }],
  }),
  meetingReminder: encounterReminderCard(reminder('kehityskokous'), locale),
  visitReminder: notificationCard(reminder('valvontakaynti'), locale),
});

describe('the customer plan cards', () => {
  for (const locale of ['fi', 'en'] as const) {
    for (const [name, card] of Object.entries(cards(locale))) {
      it(`${name} (${locale}) parses with adaptivecards without warnings, stays within 1.5 and 28 KB`, () => {
        assert.deepEqual(validateCard(card), []);
        assert.equal(card.version, '1.5');
        assert.ok(Buffer.byteLength(JSON.stringify(card)) < 28_000, `${name}: ${Buffer.byteLength(JSON.stringify(card))} bytes`);
      });
    }
  }

  it('carries a request id in every Action.Execute', () => {
    for (const card of Object.values(cards('fi'))) {
      for (const action of executeActionsOf(card as unknown as Json)) assert.match(String(action.data.requestId), /^[0-9a-f-]{36}$/, action.verb);
    }
  });

  it('shows the twelve months, each encounter with its kind, owner and state, and the status', () => {
    const text = textsOf(cards('fi').six as unknown as Json).join('\n');
    assert.match(text, /3\/6 kohtaamista pidetty/);
    assert.match(text, /tammikuu\n15\.1\.2026 · Kehityskokous · Aino Virtanen · ✓ pidetty/);
    assert.match(text, /huhtikuu\nAsiakastilaisuus · Aino Virtanen · suunniteltu/);
    assert.match(text, /heinäkuu –/);
    assert.equal(executeActionsOf(cards('fi').sixReader as unknown as Json).length, 0, 'a reader gets no edit buttons');
  });

  it("turns the reminder into the meeting form for a development meeting and the contact form for the others", () => {
    const [meeting] = executeActionsOf(cards('fi').meetingReminder as unknown as Json);
    assert.equal(meeting!.verb, 'meeting.new');
    assert.deepEqual({ customerId: meeting!.data.customerId, date: meeting!.data.date }, { customerId: customer.id, date: '2026-12-28' });
    const [visit] = executeActionsOf(cards('fi').visitReminder as unknown as Json);
    assert.equal(visit!.verb, 'contactLog.open');
    assert.equal(visit!.data.topic, 'Valvontakäynti: Vuosikokous');
    assert.match(textsOf(cards('fi').visitReminder as unknown as Json)[0]!, /^Muistutus: Valvontakäynti joulukuu 2026$/);
  });
});
