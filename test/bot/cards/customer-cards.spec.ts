import assert from 'node:assert/strict';
import { customerCard, customerChoiceCard, MAX_CHOICES, shortText } from '../../../bot/cards/customer-card.js';
import type { CustomerOverview } from '../../../src/app/customer-overview.js';
import type { Locale } from '../../../src/i18n/messages.js';
import { assertValidCard } from '../../support/adaptive-cards.js';
import { shown, textsOf as textsOfJson, walk, type Json } from '../../support/cards.js';

/** The customer card and its choice cards: valid Adaptive Cards 1.5 in both languages, showing what they should. */
const meta = { version: 1, createdAt: '2026-11-01T08:00:00.000Z', createdBy: 'seed', updatedAt: '2026-11-01T08:00:00.000Z' };
const customerId = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const homeId = '0c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5';
const requestId = '1b4e28ba-2fa1-41d2-883f-0016d3cca427';
const mikko = { id: 'u2', name: 'Mikko Myyntipäällikkö' };
const long = 'Kunta kysyi tehostetun palveluasumisen paikoista keväälle ja toivoi tarjousta kahdesta paikasta. '.repeat(3);

const full: CustomerOverview = {
  customer: { ...meta, id: customerId, name: 'Espoon kaupunki', kind: 'kunta', region: 'etela-suomi', segment: 'ostopalvelu', lifecyclePhase: 'pysyvyys', businessId: '0101263-6' },
  today: '2026-11-23',
  audience: 'personal',
  redacted: false,
  contacts: [
    { ...meta, id: '2a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', customerId, name: 'Sari Salminen', role: 'palvelujohtaja', title: 'Sosiaali- ja terveysjohtaja', phone: '+358 40 123 4567', email: 'sari.salminen@kunta.example', personalNotes: 'Harrastaa suunnistusta' },
    { ...meta, id: '3a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', customerId, name: 'Hanna Heikkilä', role: 'sosiaalityontekija' },
  ],
  agreements: [
    { ...meta, id: '4a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', customerId, kind: 'ostopalvelu', title: 'Ympärivuorokautinen palveluasuminen 2025–2027', serviceTypes: ['ymparivuorokautinen', 'lyhytaikainen'], pricePerDay: 185.5, startDate: '2025-01-01', endDate: '2027-12-31', optionYears: [2028, 2029], paymentCommitment: true },
  ],
  latestEntries: [
    { kind: 'contactLogEntry', id: 'e1', customerIds: [customerId], date: '2026-11-20', summary: long, recordedBy: mikko, textHidden: false },
    { kind: 'complaint', id: 'e2', customerIds: [customerId], date: '2026-11-12', summary: 'Lääkitysvirhe', recordedBy: { id: 'u1', name: 'Kaisa Kotijohtaja' }, textHidden: false },
  ],
  lastEntry: { date: '2026-11-20', daysSince: 3 },
  quiet: false,
  openComplaints: [
    {
      complaint: { ...meta, id: '5a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', customerId, careHomeId: homeId, receivedDate: '2026-11-12', channel: 'puhelin', matter: 'Lääkitysvirhe', severity: 'kohtalainen', status: 'toimenpiteet-sovittu', nextStepDue: '2026-11-20', recordedBy: mikko },
      careHomeName: 'Koivukoti',
      overdue: true,
      textHidden: false,
    },
  ],
  nextContact: { date: '2026-11-30', topic: 'Tarjous kahdesta paikasta', by: mikko },
  openPlaces: {
    total: 3,
    homes: 2,
    notShown: 2,
    groups: [
    {
      home: { ...meta, id: homeId, name: 'Koivukoti', region: 'etela-suomi', city: 'Espoo', serviceTypes: ['ymparivuorokautinen'], customerGroups: ['ikaantyneet'] },
      places: [{ ...meta, id: '6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b', careHomeId: homeId, label: 'A7', serviceType: 'ymparivuorokautinen', customerGroup: 'ikaantyneet', status: 'vapaa', freeFrom: '2026-11-20', effectiveStatus: 'vapaa' }],
    },
    ],
  },
  ownPlaces: {
    places: [
      {
        place: { ...meta, id: '8f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b', careHomeId: homeId, label: 'B2', serviceType: 'ymparivuorokautinen', customerGroup: 'ikaantyneet', status: 'alustavasti-varattu', freeFrom: '2026-11-25', effectiveStatus: 'alustavasti-varattu', reservedForCustomerId: customerId, reservedBy: mikko, reservedAt: '2026-11-21T10:00:00.000Z' },
        careHomeName: 'Koivukoti',
      },
      {
        place: { ...meta, id: '9f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b', careHomeId: homeId, label: 'C3', serviceType: 'lyhytaikainen', customerGroup: 'ikaantyneet', status: 'kaytossa', effectiveStatus: 'kaytossa', reservedForCustomerId: customerId, reservedBy: mikko, reservedAt: '2026-10-01T10:00:00.000Z' },
        careHomeName: 'Koivukoti',
      },
    ],
    reserved: 1,
    sold: 3,
  },
  mayRecordAgreement: true,
  mayEditCustomer: true,
  mayReadContactNotes: true,
};
const empty: CustomerOverview = {
  ...full,
  customer: { ...full.customer, businessId: undefined },
  contacts: [],
  agreements: [],
  latestEntries: [],
  lastEntry: undefined,
  quiet: true,
  openComplaints: [],
  nextContact: undefined,
  openPlaces: { groups: [], total: 0, homes: 0, notShown: 0 },
  ownPlaces: { places: [], reserved: 0, sold: 0 },
  mayRecordAgreement: false,
};
/** What src/app/customer-overview.ts gathers for a channel: the texts left out, flagged as such. */
const summary: CustomerOverview = {
  ...full,
  audience: 'channel',
  redacted: true,
  contacts: full.contacts.map(({ personalNotes: _n, ...c }) => c),
  latestEntries: full.latestEntries.map((e) => (e.kind === 'complaint' ? { ...e, summary: '', textHidden: true } : e)),
  openComplaints: full.openComplaints.map((c) => ({ ...c, complaint: { ...c.complaint, matter: '' }, textHidden: true })),
};
const refs = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c${String(i).padStart(2, '0')}`, name: `Kunta ${i}` }));

export const cards = (locale: Locale) => ({
  full: customerCard(locale, full, requestId),
  channel: customerCard(locale, summary, requestId),
  personalSummary: customerCard(locale, { ...summary, audience: 'personal' }, requestId),
  empty: customerCard(locale, empty, requestId),
  askName: customerChoiceCard(locale, { kind: 'askName', customers: refs(3) }, requestId),
  choose: customerChoiceCard(locale, { kind: 'choose', typed: 'ku', customers: refs(MAX_CHOICES + 3) }, requestId),
  notFound: customerChoiceCard(locale, { kind: 'notFound', typed: 'Vantta', closest: refs(3) }, requestId),
  noCustomers: customerChoiceCard(locale, { kind: 'askName', customers: [] }, requestId),
});

/** The texts of a card as it goes over the wire. */
const textsOf = (card: unknown) => textsOfJson(JSON.parse(JSON.stringify(card)) as Json);

/** The buttons' data: every one of these cards' buttons is an Action.Execute (its verb is `data.action`). */
const submits = (card: unknown): Json[] => {
  const found: Json[] = [];
  walk(card, (n) => {
    if (n.type === 'Action.Submit' || n.type === 'Action.Execute') found.push(n.data as Json);
  });
  return found;
};
const kinds = (card: unknown): string[] => {
  const found: string[] = [];
  walk(card, (n) => {
    if (typeof n.type === 'string' && n.type.startsWith('Action.')) found.push(n.type);
  });
  return found;
};
const walkTexts = (card: unknown, visit: (n: Json) => void) => walk(JSON.parse(JSON.stringify(card)), (n) => n.type === 'TextBlock' && visit(n));
const blockWith = (card: unknown, pattern: RegExp): Json | undefined => {
  let found: Json | undefined;
  walk(card, (n) => {
    if (!found && n.type === 'TextBlock' && pattern.test(shown(String(n.text)))) found = n;
  });
  return found;
};

describe('customer cards', () => {
  for (const locale of ['fi', 'en'] as const) {
    for (const [name, card] of Object.entries(cards(locale))) {
      it(`${name} (${locale}) is a valid Adaptive Card 1.5`, () => {
        assertValidCard(card);
        assert.equal(card.version, '1.5');
      });
    }
  }

  it('shows contacts with roles, the agreement, entries as "date · kind · text · who", complaints, next contact, places', () => {
    const text = textsOf(cards('fi').full).join('\n');
    assert.match(text, /Segmentti: Ostopalvelu/);
    assert.match(text, /Asiakkuuden vaihe: Pysyvyys/);
    assert.match(text, /Sari Salminen – Palvelujohtaja, Sosiaali- ja terveysjohtaja\n\[\+358 40 123 4567\]\(tel:\+358401234567\) · \[sari\.salminen@kunta\.example\]\(mailto:sari\.salminen@kunta\.example\)\nMuistiinpano: Harrastaa suunnistusta/);
    assert.match(text, /Hanna Heikkilä – Sosiaalityöntekijä/);
    assert.match(text, /Ostopalvelu · Ympärivuorokautinen palveluasuminen, Lyhytaikainen \(tilapäinen\) asuminen · 1\.1\.2025–31\.12\.2027 · 185,50 €\/vrk · optiovuodet 2028, 2029 · maksusitoumus/);
    assert.match(text, /^12\.11\.2026 · Reklamaatio · Lääkitysvirhe · Kaisa Kotijohtaja$/m);
    assert.match(text, /^12\.11\.2026 · Koivukoti · toimenpiteet sovittu · Lääkitysvirhe$/m);
    assert.match(text, /^30\.11\.2026 · Tarjous kahdesta paikasta · Mikko Myyntipäällikkö$/m);
    assert.match(text, /Vapaat ja vapautuvat paikat: Etelä-Suomi\nKoivukoti\nA7 · Ympärivuorokautinen palveluasuminen · Ikääntyneet · vapaa alkaen 20\.11\.2026/);
    const en = textsOf(cards('en').full).join('\n');
    assert.match(en, /Hanna Heikkilä – Social worker/);
    assert.match(en, /^12 Nov 2026 · Complaint · Lääkitysvirhe · Kaisa Kotijohtaja$/m);
    assert.match(en, /Next step overdue: it was due 20 Nov 2026\./);
  });

  it('leaves complaint text and notes about contacts out of the channel variant', () => {
    const text = textsOf(cards('fi').channel).join('\n');
    assert.doesNotMatch(text, /Lääkitysvirhe|suunnistusta/);
    assert.match(text, /Sari Salminen – Palvelujohtaja, Sosiaali- ja terveysjohtaja/);
    assert.match(text, /^12\.11\.2026 · Reklamaatio · – · Kaisa Kotijohtaja$/m);
  });

  it('says so when texts were left out for the person reading it', () => {
    const personal = textsOf(cards('en').personalSummary).join('\n');
    assert.match(personal, /Summary: complaint texts and notes about contacts are shown only to management/);
    assert.doesNotMatch(textsOf(cards('en').full).join('\n'), /Summary: complaint texts/);
  });

  it('cuts long free text to about 140 characters', () => {
    const entry = blockWith(cards('fi').full, /^20\.11\.2026 · Yhteydenotto/)!;
    const matter = shown(String(entry.text)).split(' · ')[2]!;
    assert.equal(matter.length, 140);
    assert.ok(matter.endsWith('…'));
    assert.equal(shortText('  lyhyt \n teksti '), 'lyhyt teksti');
  });

  it('shows the days since the last entry, with the warning sign from 14 days on (never colour alone)', () => {
    const at = (daysSince: number, quiet: boolean) => customerCard('fi', { ...full, lastEntry: { date: '2026-11-01', daysSince }, quiet }, requestId);
    assert.ok(blockWith(at(3, false), /^Viimeisin kirjaus 3 päivää sitten/));
    assert.ok(blockWith(at(1, false), /^Viimeisin kirjaus 1 päivä sitten/), 'one day, in the singular');
    assert.ok(blockWith(at(14, true), /^⚠ Viimeisin kirjaus 14 päivää sitten \(1\.11\.2026\)/));
    assert.ok(blockWith(at(14, true), /mitä asiakkaalle kuuluu/));
    assert.equal(blockWith(at(13, false), /mitä asiakkaalle kuuluu/), undefined);
    assert.ok(blockWith(cards('fi').empty, /^⚠ Asiakkaasta ei ole yhtään kirjausta/));
    for (const card of [at(3, false), at(14, true), cards('fi').empty]) walkTexts(card, (n) => assert.equal(n.color, undefined, 'the default colour'));
  });

  it('opens the contact-log form and, for who may record one, the agreement form for this customer (Action.Execute)', () => {
    assert.deepEqual(submits(cards('fi').full), [
      { action: 'contactLog.open', requestId, customerId, topic: '' },
      { action: 'agreement.open', requestId, customerId },
      { action: 'plan.show', requestId, customerId },
    ]);
    assert.deepEqual(kinds(cards('fi').full), ['Action.Execute', 'Action.Execute', 'Action.Execute']);
    assert.deepEqual(((cards('en').full.actions ?? []) as { title: string }[]).map((a) => a.title), ['Log a contact', 'Record an agreement', 'Plan']);
    assert.deepEqual(submits(cards('fi').empty).map((d) => d.action), ['contactLog.open', 'plan.show'], 'no agreement button for who may not record one');
  });

  it("shows the customer's reserved and sold places, reserved first, with who reserved and the counts", () => {
    const text = textsOf(cards('fi').full).join('\n');
    assert.match(text, /Varatut ja myydyt paikat \(1 varattu, 3 myyty\)\nKoivukoti · B2 · Ympärivuorokautinen palveluasuminen · alustavasti varattu\nVarasi Mikko Myyntipäällikkö 21\.11\.2026 klo 12\.00\nKoivukoti · C3 · Lyhytaikainen \(tilapäinen\) asuminen · myyty\n/);
    assert.match(text, /…ja 2 muuta\./);
    assert.match(textsOf(cards('en').empty).join('\n'), /Reserved and sold places \(0 reserved, 0 sold\)\nNo places reserved for or sold to this customer\./);
  });

  it('offers one button per customer, at most eight, and says how many more', () => {
    const choose = cards('fi').choose;
    assert.deepEqual(submits(choose).map((d) => d.action), Array(MAX_CHOICES).fill('customer.show'));
    assert.deepEqual(kinds(choose), Array(MAX_CHOICES).fill('Action.Execute'));
    assert.equal(submits(choose)[0]!.customerId, refs(1)[0]!.id);
    assert.match(textsOf(choose).join('\n'), /… ja 3 muuta/);
    assert.match(textsOf(cards('en').notFound).join('\n'), /No customer "Vantta"\nDid you mean one of these\?/);
    assert.deepEqual(submits(cards('fi').noCustomers), []);
  });
});
