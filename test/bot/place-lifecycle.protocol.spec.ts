import assert from 'node:assert/strict';
import { placeCard } from '../../bot/cards/place-freed-card.js';
import type { PlaceCardData } from '../../src/domain/events.js';
import { assertValidCard } from '../support/adaptive-cards.js';
import { BotHarness, eventually } from '../support/bot-harness.js';
import { cardOf, textsOf, visibleText, walk, type Json } from '../support/cards.js';
import type { RecordedCall } from '../support/connector-double.js';
import { openPlaceForm, submitPlaceForm, validPlaceValues } from '../support/place-form.js';
import {
  channelCardSubmit,
  englishUser,
  homeDirector,
  installedInTeam,
  MYYNTI,
  personalConversationId,
  personalMessage,
  qualityManager,
  salesDirector,
  salesManager,
  type TeamsUser,
} from '../support/teams-activities.js';

/**
 * The rest of the place lifecycle on the card in the sales channel: freed → reserved → sold (occupied),
 * or reserved → released (free again). Every step updates the one posted card in place (PUT).
 */
describe('selling or releasing a reserved place from its card (protocol)', () => {
  let h: BotHarness;
  let posted: RecordedCall;

  beforeEach(async () => {
    h = await new BotHarness().start();
    await h.post(installedInTeam(h.connector.url, homeDirector));
    const form = await openPlaceForm(h);
    // Free since last week: released, it is free again (not freeing).
    await submitPlaceForm(h, form, validPlaceValues(form.card, { freeFrom: '2026-11-16' }));
    posted = await eventually(() => h.connector.posted(MYYNTI.id).find((c) => cardOf(c)));
  });
  afterEach(async () => {
    await h.stop();
  });

  /** The card as the channel shows it now: the latest update, or the post. */
  const currentCard = () => cardOf(h.connector.updates(MYYNTI.id).at(-1) ?? posted);
  const cardActions = (card: Json | undefined) => ((card?.actions as Json[] | undefined) ?? []);
  const submitData = (card: Json | undefined, action: string) => {
    const found = cardActions(card).find((a) => a.type === 'Action.Submit' && (a.data as Json).action === action);
    assert.ok(found, `the card offers ${action}: ${JSON.stringify(cardActions(card).map((a) => a.title))}`);
    return found.data as Json;
  };
  const offersReserve = (card: Json | undefined) => {
    let offered = false;
    walk(card, (n) => {
      if (n.type === 'Action.ShowCard') offered = true;
    });
    return offered;
  };
  const click = (user: TeamsUser, value: Json) => h.post(channelCardSubmit(h.connector.url, user, MYYNTI, posted.activityIdAssigned!, value));
  const threadReplies = () => h.connector.posted().filter((c) => c.conversationId.startsWith(`${MYYNTI.id};messageid=`)).map(visibleText);
  const place = async () => (await h.app.store.records.list('place', { label: 'A12' }))[0]!;

  async function reserveFor(user: TeamsUser, customer: RegExp): Promise<Json> {
    const updatesBefore = h.connector.updates(MYYNTI.id).length;
    let data: Json | undefined;
    let choices: { title: string; value: string }[] = [];
    walk(currentCard(), (n) => {
      if (n.type === 'Action.ShowCard') {
        const sub = n.card as Json;
        data = (sub.actions as Json[])[0]!.data as Json;
        choices = (sub.body as Json[])[0]!.choices as { title: string; value: string }[];
      }
    });
    assert.ok(data, 'the card offers "Varaa alustavasti"');
    await click(user, { ...data, customerId: choices.find((c) => customer.test(c.title))!.value });
    await eventually(() => h.connector.updates(MYYNTI.id).length > updatesBefore);
    return currentCard()!;
  }

  it('offers Sell and Release on the reserved card, and nothing of the kind before', async () => {
    assert.deepEqual(cardActions(cardOf(posted)).filter((a) => a.type === 'Action.Submit'), [], 'a free place offers only Reserve');
    const reserved = await reserveFor(salesManager, /^Länsi-Uudenmaan/);
    assert.deepEqual(cardActions(reserved).map((a) => a.title), ['Merkitse myydyksi', 'Peru varaus']);
    assert.equal(offersReserve(reserved), false);
  });

  it('marks the place sold: the same card updates (PUT) to show who sold it, to whom and when, with no actions', async () => {
    const reserved = await reserveFor(salesManager, /^Länsi-Uudenmaan/);
    await click(salesManager, submitData(reserved, 'place.sell'));
    const sold = await eventually(() => h.connector.updates(MYYNTI.id)[1]);
    assert.equal(sold.activityId, posted.activityIdAssigned, 'the PUT targets the card posted when the place was freed');
    const text = textsOf(cardOf(sold)).join('\n');
    assert.match(text, /Paikka myyty: Koivukoti A12/);
    assert.match(text, /Tila: käytössä/);
    assert.match(text, /Myyty: Länsi-Uudenmaan hyvinvointialue\. Merkitsi Mikko Myyntipäällikkö 23\.11\.2026/);
    assert.deepEqual(cardActions(cardOf(sold)), [], 'a sold place offers no actions');
    assert.equal(h.connector.posted(MYYNTI.id).filter((c) => cardOf(c)).length, 1, 'no new card was posted');
    assert.ok(threadReplies().some((r) => /Mikko Myyntipäällikkö merkitsi paikan A12 myydyksi asiakkaalle Länsi-Uudenmaan hyvinvointialue/.test(r)), threadReplies().join(' | '));

    const stored = await place();
    const [espoo] = await h.app.store.records.list('customer', { name: 'Länsi-Uudenmaan hyvinvointialue' });
    assert.equal(stored.status, 'kaytossa');
    assert.equal(stored.reservedForCustomerId, espoo!.id, 'an occupied place keeps whom it was sold to');
    assert.equal(stored.statusChangedBy?.name, 'Mikko Myyntipäällikkö');

    const before = h.connector.posted(personalConversationId(salesManager)).length;
    await h.post(personalMessage(h.connector.url, salesManager, 'paikat'));
    const list = textsOf(cardOf(h.connector.posted(personalConversationId(salesManager))[before])).join('\n');
    assert.match(list, /^A7 · /m, 'the list still shows the home\'s other free places, one line each');
    assert.doesNotMatch(list, /^A12 · /m, '`paikat` no longer lists the sold place');
  });

  it('releases the reservation: the card shows the place free again and offers Reserve again', async () => {
    const reserved = await reserveFor(salesDirector, /^Vantaan ja Keravan/);
    await click(salesManager, submitData(reserved, 'place.release'));
    const released = await eventually(() => h.connector.updates(MYYNTI.id)[1]);
    assert.equal(released.activityId, posted.activityIdAssigned);
    const text = textsOf(cardOf(released)).join('\n');
    assert.match(text, /Vapaa paikka: Koivukoti A12/);
    assert.match(text, /Alustava varaus peruttu\. Perui Mikko Myyntipäällikkö 23\.11\.2026/);
    assert.doesNotMatch(text, /Varattu alustavasti/);
    assert.equal(offersReserve(cardOf(released)), true, 'Reserve is offered again');
    assert.ok(threadReplies().some((r) => /Mikko Myyntipäällikkö perui paikan A12 alustavan varauksen \(Vantaan ja Keravan hyvinvointialue\)\. Tila nyt: vapaa\./.test(r)));

    const stored = await place();
    assert.equal(stored.status, 'vapaa');
    assert.equal(stored.reservedForCustomerId, undefined);
    assert.equal(stored.reservedBy, undefined);

    const again = await reserveFor(salesDirector, /^Länsi-Uudenmaan/);
    assert.match(textsOf(again).join('\n'), /Varattu alustavasti: Länsi-Uudenmaan hyvinvointialue\. Varasi Sanna Myyntijohtaja/);
    assert.equal(h.connector.posted(MYYNTI.id).filter((c) => cardOf(c)).length, 1, 'still the one card');
  });

  it('lets exactly one of a sale and a release on the same card win; the other is told who was first', async () => {
    const reserved = await reserveFor(homeDirector, /^Länsi-Uudenmaan/);
    await Promise.all([click(salesManager, submitData(reserved, 'place.sell')), click(salesDirector, submitData(reserved, 'place.release'))]);
    const stored = await place();
    const winner = stored.statusChangedBy!.name;
    assert.ok(['kaytossa', 'vapaa'].includes(stored.status), stored.status);
    assert.equal(winner, stored.status === 'kaytossa' ? 'Mikko Myyntipäällikkö' : 'Sanna Myyntijohtaja');
    const replies = threadReplies();
    assert.equal(replies.filter((r) => / merkitsi paikan A12 myydyksi| perui paikan A12/.test(r)).length, 1, replies.join(' | '));
    assert.equal(replies.filter((r) => r.startsWith(`${winner} ehti ensin`)).length, 1, replies.join(' | '));
    await eventually(() => h.connector.updates(MYYNTI.id)[1]);
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(h.connector.updates(MYYNTI.id).length, 2, 'reserved once, settled once');
  });

  it('tells a stale card\'s second click who sold the place first, and changes nothing', async () => {
    const reserved = await reserveFor(salesManager, /^Länsi-Uudenmaan/);
    await click(salesManager, submitData(reserved, 'place.sell'));
    await click(salesDirector, submitData(reserved, 'place.release'));
    assert.ok(
      threadReplies().some((r) => /^Mikko Myyntipäällikkö ehti ensin: paikka A12 on jo myyty asiakkaalle Länsi-Uudenmaan hyvinvointialue \(23\.11\.2026/.test(r)),
      threadReplies().join(' | '),
    );
    assert.equal((await place()).status, 'kaytossa');
  });

  it('tells a stale card\'s sale that the reservation was already released, and sells nothing', async () => {
    const reserved = await reserveFor(salesManager, /^Länsi-Uudenmaan/);
    await click(salesDirector, submitData(reserved, 'place.release'));
    await click(salesManager, submitData(reserved, 'place.sell'));
    assert.ok(
      threadReplies().some((r) => /^Sanna Myyntijohtaja ehti ensin: paikan A12 varaus on jo peruttu \(23\.11\.2026.*\)\. Tila nyt: vapaa\.$/.test(r)),
      threadReplies().join(' | '),
    );
    assert.equal((await place()).status, 'vapaa');
  });

  it('refuses someone outside the people list (in English) and a role that does not sell; nothing changes', async () => {
    const reserved = await reserveFor(salesManager, /^Länsi-Uudenmaan/);
    const version = (await place()).version;
    await click(englishUser, submitData(reserved, 'place.sell'));
    await click(qualityManager, submitData(reserved, 'place.release'));
    const replies = threadReplies();
    assert.ok(replies.some((r) => /You are not in HoivaCRM's people list\. An administrator must add you/.test(r)), replies.join(' | '));
    assert.ok(replies.some((r) => /Tämän voi tehdä vain: palvelutalon johtaja, vastaava hoitaja, aluejohtaja, liiketoimintajohtaja, myynti\./.test(r)), replies.join(' | '));
    const stored = await place();
    assert.equal(stored.status, 'alustavasti-varattu');
    assert.equal(stored.version, version);
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(h.connector.updates(MYYNTI.id).length, 1, 'the card was not updated again');
  });
});

describe('the place card after a sale or a release', () => {
  const mikko = { id: 'u2', name: 'Mikko Myyntipäällikkö' };
  const base: PlaceCardData = {
    placeId: '6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b',
    version: 3,
    careHomeId: '0c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5',
    careHomeName: 'Koivukoti',
    region: 'etela-suomi',
    label: 'A12',
    serviceType: 'ymparivuorokautinen',
    customerGroup: 'ikaantyneet',
    status: 'alustavasti-varattu',
    freeFrom: '2026-11-16',
    freedBy: { id: 'u1', name: 'Kaisa Kotijohtaja' },
    freedAt: '2026-11-23T08:00:00.000Z',
    reservedForCustomerId: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
    reservedForName: 'Länsi-Uudenmaan hyvinvointialue',
    reservedBy: mikko,
    reservedAt: '2026-11-23T09:00:00.000Z',
    reserveChoices: [{ id: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', name: 'Länsi-Uudenmaan hyvinvointialue' }],
  };
  const requestId = '1b4e28ba-2fa1-41d2-883f-0016d3cca427';
  const sold: PlaceCardData = { ...base, status: 'kaytossa', version: 4, soldBy: mikko, soldAt: '2026-11-23T10:00:00.000Z' };
  const released: PlaceCardData = {
    ...base,
    status: 'vapaa',
    version: 4,
    reservedForCustomerId: undefined,
    reservedForName: undefined,
    reservedBy: undefined,
    reservedAt: undefined,
    releasedBy: mikko,
    releasedAt: '2026-11-23T10:00:00.000Z',
  };

  for (const locale of ['fi', 'en'] as const) {
    for (const [name, data] of Object.entries({ reserved: base, sold, released })) {
      it(`${name} (${locale}) is a valid Adaptive Card 1.5`, () => assertValidCard(placeCard(data, locale, requestId)));
    }
  }

  it('says in English who sold the place, to whom and when, and who reserved it', () => {
    const text = textsOf(JSON.parse(JSON.stringify(placeCard(sold, 'en', requestId))) as Json).join('\n');
    assert.match(text, /Place sold: Koivukoti A12/);
    assert.match(text, /Sold to Länsi-Uudenmaan hyvinvointialue\. Marked by Mikko Myyntipäällikkö 23\/11\/2026/);
    assert.match(text, /Preliminarily reserved for Länsi-Uudenmaan hyvinvointialue by Mikko Myyntipäällikkö/);
    assert.deepEqual(placeCard(sold, 'en', requestId).actions, undefined);
    assert.deepEqual(
      (placeCard(base, 'en', requestId).actions ?? []).map((a) => a.title),
      ['Mark sold', 'Release'],
    );
  });
});
