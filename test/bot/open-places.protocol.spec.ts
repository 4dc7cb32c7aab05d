import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { stableIdFor } from '../../src/domain/stable-id.js';
import type { Place } from '../../src/domain/records/place.js';
import type { RecordWrite } from '../../src/store/store-port.js';
import { assertValidCard } from '../support/adaptive-cards.js';
import { BotHarness } from '../support/bot-harness.js';
import { cardOf, executeActionsOf, textsOf, type Json } from '../support/cards.js';
import { englishUser, homeDirector, installedInTeam, personalConversationId, personalMessage, salesManager, type TeamsUser } from '../support/teams-activities.js';

/**
 * Issue 11: `paikat` lists the free, freeing and preliminarily reserved places (a reserved one with for whom
 * and by whom), each home's soonest first, with *Varaa* (Action.Execute 'place.open') on each free or freeing
 * one; the customer card lists the places reserved for and sold to that customer. The harness clock's day is
 * 23.11.2026; the demo seed has Koivukoti's A7 free since 20.11.
 */
describe('paikat and the customer\'s own places (protocol)', () => {
  let h: BotHarness;
  const koivukoti = stableIdFor('home:Koivukoti');
  const espooId = stableIdFor('customer:Länsi-Uudenmaan hyvinvointialue');
  const vantaaId = stableIdFor('customer:Vantaan ja Keravan hyvinvointialue');
  const mikko = { id: salesManager.aadObjectId, name: salesManager.name };
  const at = '2026-11-22T09:00:00.000Z';
  const place = (label: string, fields: Partial<Place>): Place => ({
    id: randomUUID(),
    version: 1,
    createdAt: at,
    createdBy: 'test',
    updatedAt: at,
    careHomeId: koivukoti,
    label,
    serviceType: 'ymparivuorokautinen',
    customerGroup: 'ikaantyneet',
    status: 'vapaa',
    ...fields,
  });
  const places: Place[] = [
    // Recorded freeing for yesterday: free today (its effective status), a day after A7.
    place('X1', { status: 'vapautuu', freeFrom: '2026-11-22' }),
    place('F1', { status: 'vapautuu', freeFrom: '2026-11-24' }),
    place('R1', { status: 'alustavasti-varattu', freeFrom: '2026-11-25', reservedForCustomerId: espooId, reservedBy: mikko, reservedAt: '2026-11-22T10:30:00.000Z' }),
    place('R2', { status: 'alustavasti-varattu', freeFrom: '2026-11-21', reservedForCustomerId: vantaaId, reservedBy: mikko, reservedAt: '2026-11-21T10:30:00.000Z' }),
    // Sold to Espoo through its reservation: on Espoo's card, not on `paikat`.
    place('S1', { status: 'kaytossa', reservedForCustomerId: espooId, reservedBy: mikko, reservedAt: '2026-10-01T10:00:00.000Z', serviceType: 'lyhytaikainen' }),
  ];

  beforeEach(async () => {
    h = await new BotHarness().start();
    await h.post(installedInTeam(h.connector.url, homeDirector));
    const writes: RecordWrite[] = places.map((p) => ({ kind: 'place', record: p, expectedVersion: null }));
    await h.app.store.records.commit({ at, writes, outbox: [] });
  });
  afterEach(async () => {
    await h.stop();
  });

  async function ask(user: TeamsUser, text: string): Promise<Json> {
    const before = h.connector.posted(personalConversationId(user)).length;
    await h.post(personalMessage(h.connector.url, user, text));
    const card = cardOf(h.connector.posted(personalConversationId(user))[before]);
    assert.ok(card, `the bot answered "${text}" with a card`);
    assertValidCard(card, text);
    return card;
  }
  /** The lines of one home's group on the `paikat` card: from its heading to the next home's. */
  function homeLines(card: Json, heading: string): string[] {
    const texts = textsOf(card);
    const start = texts.indexOf(heading);
    assert.ok(start >= 0, `${heading} is on the card`);
    const end = texts.findIndex((line, i) => i > start && / · (Etelä-Suomi|Lounais-Suomi|Sisä-Suomi|Southern Finland|Southwest Finland|Central Finland)$/.test(line));
    return texts.slice(start + 1, end < 0 ? undefined : end);
  }

  it('lists free, freeing and reserved places soonest first, a reserved one with for whom and by whom, not occupied or sold ones', async () => {
    const card = await ask(salesManager, 'paikat');
    assert.equal(textsOf(card)[0], 'Vapaat, vapautuvat ja varatut paikat');
    assert.deepEqual(homeLines(card, 'Koivukoti · Etelä-Suomi'), [
      'A7 · Ympärivuorokautinen palveluasuminen · Ikääntyneet · vapaa alkaen 20.11.2026',
      'R2 · Ympärivuorokautinen palveluasuminen · Ikääntyneet · alustavasti varattu alkaen 21.11.2026',
      'Varattu: Vantaan ja Keravan hyvinvointialue · varasi Mikko Myyntipäällikkö',
      'X1 · Ympärivuorokautinen palveluasuminen · Ikääntyneet · vapaa alkaen 22.11.2026',
      'F1 · Ympärivuorokautinen palveluasuminen · Ikääntyneet · vapautuu 24.11.2026',
      'R1 · Ympärivuorokautinen palveluasuminen · Ikääntyneet · alustavasti varattu alkaen 25.11.2026',
      'Varattu: Länsi-Uudenmaan hyvinvointialue · varasi Mikko Myyntipäällikkö',
    ]);
    assert.doesNotMatch(textsOf(card).join('\n'), /S1 · /, 'a sold place is not on offer');
  });

  it('puts Varaa (Action.Execute place.open, with the place and a request id) on each free or freeing place, none on a reserved one', async () => {
    const card = await ask(salesManager, 'paikat');
    const buttons = executeActionsOf(card);
    const byPlace = new Map((await h.app.store.records.list('place', { careHomeId: koivukoti })).map((p) => [p.id, p.label]));
    const koivukotiButtons = buttons.filter((b) => byPlace.has(String(b.data.placeId)));
    assert.deepEqual(koivukotiButtons.map((b) => byPlace.get(String(b.data.placeId))), ['A7', 'X1', 'F1']);
    for (const b of buttons) {
      assert.equal(b.title, 'Varaa');
      assert.equal(b.verb, 'place.open');
      assert.equal(b.data.action, 'place.open');
      assert.match(String(b.data.requestId), /^[0-9a-f-]{36}$/);
    }
    assert.equal(new Set(buttons.map((b) => b.data.requestId)).size, buttons.length, 'each button its own request id');
    const open = (await h.app.store.records.list('place')).filter((p) => p.status === 'vapaa' || p.status === 'vapautuu');
    assert.equal(buttons.length, open.length, 'every open place of the demo has its button (all fit on the card)');
  });

  it('narrows to a region or a home by what is typed after paikat, and says when nothing matches', async () => {
    const south = textsOf(await ask(salesManager, 'paikat etelä'));
    assert.match(south[0]!, /Etelä-Suomi/);
    assert.ok(south.some((t) => /^Koivukoti · Etelä-Suomi$/.test(t)), south.join(' | '));
    assert.ok(!south.some((t) => /· (Lounais-Suomi|Sisä-Suomi)$/.test(t)), 'no home of another region');
    const koivu = textsOf(await ask(salesManager, 'paikat koivu'));
    assert.match(koivu[0]!, /Koivukoti/);
    assert.deepEqual(koivu.filter((t) => / · (Etelä|Lounais|Sisä)-Suomi$/.test(t)), ['Koivukoti · Etelä-Suomi']);
    const none = textsOf(await ask(salesManager, 'paikat zzz'));
    assert.match(none.join('\n'), /zzz/);
  });

  it('answers an English-locale user in English, and stays a valid card', async () => {
    await h.addPerson(englishUser, ['myynti']);
    const card = await ask(englishUser, 'places');
    assert.equal(textsOf(card)[0], 'Free, freeing and reserved places');
    assert.ok(textsOf(card).includes('Reserved for Länsi-Uudenmaan hyvinvointialue · by Mikko Myyntipäällikkö'));
    assert.ok(executeActionsOf(card).every((b) => b.title === 'Reserve'));
  });

  it("the customer card lists the places reserved for and sold to the customer, reserved first, with the counts", async () => {
    const card = await ask(salesManager, 'asiakas länsi-uusimaa');
    const text = textsOf(card).join('\n');
    assert.match(
      text,
      /Varatut ja myydyt paikat \(1 varattu, 1 myyty\)\nKoivukoti · R1 · Ympärivuorokautinen palveluasuminen · alustavasti varattu\nVarasi Mikko Myyntipäällikkö 22\.11\.2026 klo 12\.30\nKoivukoti · S1 · Lyhytaikainen \(tilapäinen\) asuminen · myyty\nVarasi Mikko Myyntipäällikkö 1\.10\.2026 klo 13\.00/,
    );
    assert.doesNotMatch(text, /R2 · /, "another customer's reservation is not on Espoo's card");
    const turku = textsOf(await ask(salesManager, 'asiakas varsinais-suomi')).join('\n');
    assert.match(turku, /Varatut ja myydyt paikat \(0 varattu, 0 myyty\)\nAsiakkaalle ei ole varattu eikä myyty paikkoja\./);
  });
});
