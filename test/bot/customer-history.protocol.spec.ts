import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { advanceComplaint } from '../../src/app/advance-complaint.js';
import { receiveComplaint } from '../../src/app/receive-complaint.js';
import type { Person } from '../../src/domain/records/person.js';
import { stableIdFor } from '../../src/domain/stable-id.js';
import { BotHarness, eventually } from '../support/bot-harness.js';
import { cardOf, executeActionsOf, textsOf, visibleText, walk, type Json, shown } from '../support/cards.js';
import { openPlaceForm, submitPlaceForm, validPlaceValues } from '../support/place-form.js';
import {
  businessDirector,
  cardSubmit,
  channelCardSubmit,
  homeDirector,
  installedInTeam,
  MYYNTI,
  personalConversationId,
  personalMessage,
  salesManager,
  type TeamsUser,
} from '../support/teams-activities.js';

/**
 * `historia <asiakas>` / `history <customer>`: who changed what about a customer, when, from what to what
 * (issue 9, audit trail). The changes are made the way people make them — a place reserved from its card
 * in Myynti, a complaint received and its actions agreed — and the history is asked for in the personal chat.
 */
describe('a customer\'s change history (protocol)', () => {
  let h: BotHarness;
  const espooId = stableIdFor('customer:Länsi-Uudenmaan hyvinvointialue');
  const koivukoti = stableIdFor('home:Koivukoti');
  const kaisa = { id: homeDirector.aadObjectId, name: homeDirector.name };
  const MATTER = 'Omaiselle ei ilmoitettu lääkemuutoksesta';
  const ACTIONS = 'Lääkemuutoksista ilmoitetaan omaiselle samana päivänä';

  beforeEach(async () => {
    h = await new BotHarness().start();
    await h.post(installedInTeam(h.connector.url, homeDirector));
  });
  afterEach(async () => {
    await h.stop();
  });

  async function ask(user: TeamsUser, text: string): Promise<{ texts: string[]; call: Json; card: Json | undefined }> {
    const chat = personalConversationId(user);
    const before = h.connector.posted(chat).length;
    await h.post(personalMessage(h.connector.url, user, text));
    const call = await eventually(() => h.connector.posted(chat)[before]);
    const card = cardOf(call);
    return { texts: card ? textsOf(card) : [visibleText(call)], call: call as unknown as Json, card };
  }

  /** Kaisa records A12 in Koivukoti free; Mikko reserves it for Espoo from the card in Myynti. */
  async function placeReservedForEspoo(): Promise<void> {
    const form = await openPlaceForm(h);
    await submitPlaceForm(h, form, validPlaceValues(form.card));
    const posted = await eventually(() => h.connector.posted(MYYNTI.id).find((c) => cardOf(c)));
    let reserve: { data: Json; choices: { title: string; value: string }[] } | undefined;
    walk(cardOf(posted), (n) => {
      if (n.type === 'Action.ShowCard') {
        const sub = n.card as Json;
        reserve = { data: (sub.actions as Json[])[0]!.data as Json, choices: (sub.body as Json[])[0]!.choices as { title: string; value: string }[] };
      }
    });
    const customerId = reserve!.choices.find((c) => /^Länsi-Uudenmaan/.test(c.title))!.value;
    await h.post(channelCardSubmit(h.connector.url, salesManager, MYYNTI, posted.activityIdAssigned!, { ...reserve!.data, customerId }));
    await eventually(async () => (await h.app.store.records.list('place')).find((p) => p.status === 'alustavasti-varattu'));
  }

  /** Kaisa receives a complaint from Espoo and agrees the corrective actions. */
  async function complaintAdvanced(): Promise<void> {
    const received = await receiveComplaint(h.app.app, kaisa, {
      requestId: randomUUID(),
      customerId: espooId,
      careHomeId: koivukoti,
      receivedDate: '2026-11-20',
      channel: 'puhelin',
      matter: MATTER,
      severity: 'kohtalainen',
    });
    assert.ok(received.ok);
    const complaint = (await h.app.store.records.list('complaint'))[0]!;
    h.clock.advance(90 * 60_000);
    const advanced = await advanceComplaint(h.app.app, kaisa, {
      requestId: randomUUID(),
      complaintId: complaint.id,
      version: complaint.version,
      step: 'toimenpiteet-sovittu',
      correctiveActions: ACTIONS,
      correctionDue: '2026-11-30',
    });
    assert.ok(advanced.ok);
  }

  it('shows the business director a reserved place: when, who, which place, status and reservation from → to', async () => {
    await placeReservedForEspoo();
    const { texts, card } = await ask(businessDirector, 'historia Länsi-Uusimaa');
    const text = texts.join('\n');
    assert.match(text, /^Muutoshistoria: Länsi-Uudenmaan hyvinvointialue$/m);
    assert.match(text, /^Paikka Koivukoti A12: tila vapautuu → alustavasti varattu$/m);
    // The harness clock: Monday 23.11.2026 08:00 UTC is 10.00 in Helsinki.
    assert.match(text, /^23\.11\.2026 klo 10\.00 · Mikko Myyntipäällikkö$/m);
    const facts = factsOf(card);
    assert.equal(facts.get('Varattu asiakkaalle'), '– → Länsi-Uudenmaan hyvinvointialue');
    // The customer's own record was created by the seed, before anything else.
    assert.match(text, /^Asiakas Länsi-Uudenmaan hyvinvointialue: luotu$/m);
    assert.ok(text.indexOf('Paikka Koivukoti A12') < text.indexOf('Asiakas Länsi-Uudenmaan hyvinvointialue'), 'newest first');
    assert.ok(Buffer.byteLength(JSON.stringify(card)) < 28 * 1024);
  });

  it('shows a complaint advanced with the corrective actions from → to, and the matter it was received with', async () => {
    await complaintAdvanced();
    const { texts, card } = await ask(businessDirector, 'historia länsi-uusimaa');
    const text = texts.join('\n');
    assert.match(text, /^Reklamaatio Koivukoti · 20\.11\.2026: tila vastaanotettu → toimenpiteet sovittu$/m);
    assert.match(text, /^23\.11\.2026 klo 11\.30 · Kaisa Kotijohtaja$/m);
    assert.match(text, /^Reklamaatio Koivukoti · 20\.11\.2026: luotu$/m);
    const wire = JSON.stringify(card);
    assert.ok(wire.includes(`– → ${ACTIONS}`), 'the actions agreed, from nothing to the text');
    assert.ok(wire.includes(MATTER), 'the business director reads complaint texts');
  });

  it('tells someone who may read the history but not complaint texts that the text changed, never what it says', async () => {
    const ilkka: Person = {
      id: randomUUID(), version: 1, createdAt: '2026-11-23T07:00:00.000Z', createdBy: 'test', updatedAt: '2026-11-23T07:00:00.000Z',
      userId: '00000000-0000-0000-0000-0000000000099', name: 'Ilkka Ylläpitäjä', roles: ['admin'],
    };
    await h.app.store.records.commit({ at: ilkka.createdAt, writes: [{ kind: 'person', record: ilkka, expectedVersion: null }], outbox: [] });
    await complaintAdvanced();
    const { texts, card } = await ask({ id: '29:ilkka', name: ilkka.name, aadObjectId: ilkka.userId, locale: 'fi-FI' }, 'historia Länsi-Uusimaa');
    assert.match(texts.join('\n'), /tila vastaanotettu → toimenpiteet sovittu/);
    const wire = JSON.stringify(card);
    for (const secret of [MATTER, ACTIONS]) assert.ok(!wire.includes(secret), `no "${secret}" for an admin outside management`);
    assert.equal(factsOf(card).get('Korjaavat toimenpiteet'), 'muutettu (tekstin näkevät vain johto, laatupäällikkö ja palvelutalo)');
  });

  it('refuses sales, naming the roles that may read the history', async () => {
    await placeReservedForEspoo();
    const { texts, card } = await ask(salesManager, 'historia Länsi-Uusimaa');
    assert.equal(card, undefined);
    assert.deepEqual(texts, ['Muutoshistorian näkevät vain: aluejohtaja, liiketoimintajohtaja, ylläpitäjä.']);
  });

  it('offers name buttons for several matches; a button shows that customer\'s history', async () => {
    await placeReservedForEspoo();
    const { card } = await ask(businessDirector, 'historia kaupunki');
    // The name buttons are Action.Execute (bot/cards/customer-card.ts): the history replaces the choice for the presser.
    const espoo = executeActionsOf(card).find((b) => b.title === 'Länsi-Uudenmaan hyvinvointialue');
    assert.ok(espoo, 'Espoo is one of the buttons');
    assert.equal(espoo.verb, 'history.show');
    const chat = personalConversationId(businessDirector);
    const before = h.connector.posted(chat).length;
    const choiceCall = h.connector.posted(chat).at(-1)!;
    const answer = await h.execute(businessDirector, choiceCall.activityIdAssigned!, espoo);
    assert.match(textsOf(answer.card).join('\n'), /^Paikka Koivukoti A12: tila vapautuu → alustavasti varattu$/m);
    assert.equal(h.connector.posted(chat).length, before, 'nothing is posted in the chat');
  });

  it('answers in English to an English-locale director', async () => {
    await placeReservedForEspoo();
    const { texts } = await ask({ ...businessDirector, locale: 'en-US' }, 'history Länsi-Uusimaa');
    const text = texts.join('\n');
    assert.match(text, /^Change history: Länsi-Uudenmaan hyvinvointialue$/m);
    assert.match(text, /^Place Koivukoti A12: status freeing → preliminarily reserved$/m);
  });
});

/** A card's facts, title → value (the first of each title). */
function factsOf(card: Json | undefined): Map<string, string> {
  const facts = new Map<string, string>();
  walk(card, (n) => {
    if (n.type === 'FactSet') for (const f of n.facts as { title: string; value: string }[]) if (!facts.has(shown(f.title))) facts.set(shown(f.title), shown(f.value));
  });
  return facts;
}
