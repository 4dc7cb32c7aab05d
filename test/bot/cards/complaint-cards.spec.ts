import assert from 'node:assert/strict';
import { complaintCard } from '../../../bot/cards/complaint-card.js';
import { complaintFormSpec } from '../../../bot/cards/complaint-form-card.js';
import { notificationCard } from '../../../bot/cards/notification-card.js';
import { formCard } from '../../../bot/forms/form-card.js';
import { complaintCardData } from '../../../src/domain/complaints/complaint-card-data.js';
import { advance, type StepInput } from '../../../src/domain/complaints/complaint-lifecycle.js';
import type { ComplaintEvent } from '../../../src/domain/events/complaint-events.js';
import type { CareHome } from '../../../src/domain/records/care-home.js';
import { complaintStatuses, type Complaint } from '../../../src/domain/records/complaint.js';
import type { Customer } from '../../../src/domain/records/customer.js';
import { stableIdFor } from '../../../src/domain/stable-id.js';
import type { Locale } from '../../../src/i18n/messages.js';
import { assertValidCard } from '../../support/adaptive-cards.js';
import { inputsOf, shown, textsOf, walk, type Json } from '../../support/cards.js';

/** The complaint cards in every status and variant, in both languages: valid for Teams, and showing the right things. */
const meta = { version: 1, createdAt: '2026-11-23T08:00:00.000Z', createdBy: 'seed', updatedAt: '2026-11-23T08:00:00.000Z' };
const home: CareHome = { ...meta, id: '0c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5', name: 'Koivukoti', region: 'etela-suomi', city: 'Espoo', serviceTypes: ['ymparivuorokautinen'], customerGroups: ['ikaantyneet'] };
const customer: Customer = { ...meta, id: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', name: 'Espoon kaupunki', kind: 'kunta', region: 'etela-suomi', segment: 'ostopalvelu', lifecyclePhase: 'kasvu' };
const kaisa = { id: 'u-kaisa', name: 'Kaisa Kotijohtaja' };
const jukka = { id: 'u-jukka', name: 'Jukka Järvinen' };
const MATTER = 'Lääkehoidon kirjaukset puutteellisia marraskuussa';
const ACTIONS = 'Kirjauskoulutus koko henkilöstölle';
const REPLY = 'Kirjallinen vastaus sosiaalityöntekijälle';

const received: Complaint = {
  ...meta,
  id: '6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b',
  createdBy: kaisa.id,
  customerId: customer.id,
  careHomeId: home.id,
  receivedDate: '2026-11-20',
  channel: 'puhelin',
  matter: MATTER,
  severity: 'vakava',
  status: 'vastaanotettu',
  nextStepDue: '2026-11-22',
  recordedBy: kaisa,
};

/** The complaint in each status, each step taken as the card would take it. */
function complaintIn(status: Complaint['status']): Complaint {
  const steps: StepInput[] = [
    { step: 'toimenpiteet-sovittu', correctiveActions: ACTIONS, correctionDue: '2026-12-15' },
    { step: 'korjattu' },
    { step: 'asiakas-informoitu', replyText: REPLY },
    { step: 'suljettu' },
  ];
  let c = received;
  for (const input of steps) {
    if (c.status === status) break;
    c = { ...advance(c, input, { actor: jukka, at: '2026-11-24T10:00:00.000Z', today: '2026-11-24' }), version: c.version + 1 };
  }
  return c;
}

export function eventFor(status: Complaint['status']): ComplaintEvent {
  const c = complaintIn(status);
  return {
    type: status === 'vastaanotettu' ? 'complaint.received' : 'complaint.changed',
    eventId: `e-${status}`,
    occurredAt: '2026-11-24T10:00:00.000Z',
    actor: jukka,
    recordKey: `complaint:${c.id}`,
    data: complaintCardData(c, customer, home),
  };
}

/** A built card as the plain JSON the test helpers read. */
const json = (card: object): Json => card as unknown as Json;

function actionsOf(card: Json): Json[] {
  const found: Json[] = [];
  walk(card, (n) => {
    if (typeof n.type === 'string' && n.type.startsWith('Action.')) found.push(n);
  });
  return found;
}

describe('complaint cards', () => {
  for (const locale of ['fi', 'en'] as const satisfies readonly Locale[]) {
    for (const status of complaintStatuses) {
      for (const variant of ['full', 'summary'] as const) {
        it(`${variant} card, ${status} (${locale}), is a valid Teams card`, () => {
          const card = complaintCard(eventFor(status), locale, variant);
          assertValidCard(card);
          assert.equal(card.version, '1.5');
          assert.deepEqual(notificationCard(eventFor(status), locale, variant), card, 'the outbox renders the same card');
        });
      }
    }

    it(`the form, empty and with errors, is a valid Teams card (${locale})`, () => {
      const spec = complaintFormSpec(locale, [customer], [home], '2026-11-23');
      assertValidCard(formCard(locale, spec, { requestId: '1b4e28ba-2fa1-41d2-883f-0016d3cca427' }));
      const withErrors = formCard(locale, spec, {
        requestId: '1b4e28ba-2fa1-41d2-883f-0016d3cca427',
        values: { matter: 'x 131052-308T', receivedDate: '2026-11-30', severity: 'vakava' },
        errors: [
          { field: 'matter', key: 'privacy.personalIdentityCode' },
          { field: 'receivedDate', key: 'complaint.receivedInFuture' },
        ],
      });
      assertValidCard(withErrors);
      assert.deepEqual([...inputsOf(json(withErrors)).keys()], ['customerId', 'careHomeId', 'receivedDate', 'channel', 'matter', 'severity']);
    });
  }

  it('the form reminds not to name residents, once, right above the matter', () => {
    const card = formCard('fi', complaintFormSpec('fi', [customer], [home], '2026-11-23'), { requestId: '1b4e28ba-2fa1-41d2-883f-0016d3cca427' }) as unknown as Json;
    const body = card.body as Json[];
    const matterAt = body.findIndex((e) => e.id === 'matter');
    const above = body[matterAt - 1]!;
    assert.match(shown(String(above.text)), /^⚠ Kuvaa tapahtunut ja puute, älä asukasta: ei nimiä/);
    assert.equal(above.weight, 'bolder', 'the reminder stands out by its sign and weight, not by colour');
    assert.doesNotMatch(String(body[matterAt - 2]!.text), /asuk/, 'one reminder, not two in a row');
    assert.equal(inputsOf(card).get('receivedDate')!.value, '2026-11-23', 'received today by default');
    assert.equal(inputsOf(card).get('receivedDate')!.max, '2026-11-23', 'not in the future');
  });

  it('the summary for sales has customer, home, severity, received date and status, and no free text or actions', () => {
    for (const status of complaintStatuses) {
      const card = complaintCard(eventFor(status), 'fi', 'summary') as unknown as Json;
      const text = textsOf(card).join('\n');
      assert.match(text, /Asiakas: Espoon kaupunki/);
      assert.match(text, /Palvelutalo: Koivukoti/);
      assert.match(text, /Vakavuus: Vakava/);
      assert.match(text, /Vastaanotettu: 20\.11\.2026/);
      assert.ok(text.includes(`Tila: ${textsOf(json(complaintCard(eventFor(status), 'fi', 'full')))[1]!.split(' · ')[0]}`));
      for (const secret of [MATTER, ACTIONS, REPLY]) assert.ok(!JSON.stringify(card).includes(secret), `${status}: no "${secret}"`);
      assert.deepEqual(actionsOf(card), []);
    }
  });

  it('the full card shows the matter, the history and the next step\'s target date', () => {
    const text = textsOf(json(complaintCard(eventFor('korjattu'), 'fi', 'full'))).join('\n');
    assert.ok(text.includes(MATTER));
    assert.ok(text.includes(ACTIONS));
    assert.match(text, /Vastaanotettu: Kaisa Kotijohtaja, 23\.11\.2026/);
    assert.match(text, /Toimenpiteet sovittu: Jukka Järvinen, 24\.11\.2026/);
    assert.match(text, /Korjattu: Jukka Järvinen, 24\.11\.2026/);
    assert.match(text, /Asiakkaalle kerrottava: 27\.11\.2026/);
    const closed = textsOf(json(complaintCard(eventFor('suljettu'), 'en', 'full'))).join('\n');
    assert.ok(closed.includes(REPLY));
    assert.match(closed, /The complaint is closed\./);
    assert.doesNotMatch(closed, /(To close|To inform the municipality|To correct|Actions to agree) by/, 'no target date once closed');
    assert.match(textsOf(json(complaintCard(eventFor('asiakas-informoitu'), 'en', 'full'))).join('\n'), /To close by: 1 Dec 2026/);
  });

  it('the full card carries only the next step\'s action, naming the version it shows', () => {
    const expected: Record<string, { step?: string; inputs: string[] }> = {
      vastaanotettu: { step: 'toimenpiteet-sovittu', inputs: ['correctiveActions', 'correctionDue'] },
      'toimenpiteet-sovittu': { step: 'korjattu', inputs: [] },
      korjattu: { step: 'asiakas-informoitu', inputs: ['replyText'] },
      'asiakas-informoitu': { step: 'suljettu', inputs: [] },
      suljettu: { inputs: [] },
    };
    for (const status of complaintStatuses) {
      const event = eventFor(status);
      const card = complaintCard(event, 'fi', 'full') as unknown as Json;
      const actions = card.actions as Json[] | undefined;
      const want = expected[status]!;
      if (!want.step) {
        assert.equal(actions, undefined, 'a closed complaint offers nothing');
        continue;
      }
      assert.equal(actions!.length, 1);
      assert.equal(actions![0]!.type, 'Action.ShowCard');
      const sub = actions![0]!.card as Json;
      assert.deepEqual([...inputsOf(sub).keys()], want.inputs, status);
      assert.deepEqual((sub.actions as Json[])[0]!.data, {
        action: 'complaint.advance',
        requestId: stableIdFor(`complaint.advance:${event.data.complaintId}:${event.data.version}`),
        complaintId: event.data.complaintId,
        version: event.data.version,
        step: want.step,
      });
    }
  });
});
