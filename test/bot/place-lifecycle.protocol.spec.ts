import assert from 'node:assert/strict';
import { placeCard } from '../../bot/cards/place-freed-card.js';
import type { PlaceCardData } from '../../src/domain/events.js';
import { reservedPlaceCard } from '../support/place-card-fixture.js';
import { assertValidCard } from '../support/adaptive-cards.js';
import { BotHarness, eventually } from '../support/bot-harness.js';
import { cardOf, executeAction, executeActionsOf, textsOf, visibleText, walk, type ExecuteAnswer, type Json } from '../support/cards.js';
import type { RecordedCall } from '../support/connector-double.js';
import { openPlaceForm, submitPlaceForm, validPlaceValues } from '../support/place-form.js';
import {
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
  const offersReserve = (card: Json | undefined) => executeActionsOf(card).some((a) => a.verb === 'place.reserve');
  /** Presses an Action.Execute on the posted card in Myynti, as `user`: the answer is theirs alone. */
  const press = (user: TeamsUser, action: { verb: string; data: Json }, inputs: Json = {}) =>
    h.execute(user, posted.activityIdAssigned!, action, inputs, { channel: MYYNTI });
  /** Any message the bot put into the card's thread: an Action.Execute must leave none. */
  const threadReplies = () => h.connector.posted().filter((c) => c.conversationId.startsWith(`${MYYNTI.id};messageid=`)).map(visibleText);
  const place = async () => (await h.app.store.records.list('place', { label: 'A12' }))[0]!;
  const answered = (answer: ExecuteAnswer) => textsOf(answer.card).join('\n');

  async function reserveFor(user: TeamsUser, customer: RegExp): Promise<Json> {
    const updatesBefore = h.connector.updates(MYYNTI.id).length;
    let choices: { title: string; value: string }[] = [];
    walk(currentCard(), (n) => {
      if (n.type === 'Action.ShowCard') choices = ((n.card as Json).body as Json[])[0]!.choices as { title: string; value: string }[];
    });
    const answer = await press(user, executeAction(currentCard(), 'place.reserve'), { customerId: choices.find((c) => customer.test(c.title))!.value });
    assert.equal(answer.status, 200);
    await eventually(() => h.connector.updates(MYYNTI.id).length > updatesBefore);
    return currentCard()!;
  }

  /** Sell or Release, then Yes on the question the answer asks: the confirmed step's answer. */
  async function settle(user: TeamsUser, card: Json | undefined, verb: 'place.sell' | 'place.release'): Promise<ExecuteAnswer> {
    const question = await press(user, executeAction(card, verb));
    return press(user, executeAction(question.card, `${verb}Confirmed`));
  }

  it('offers Sell and Release on the reserved card, and nothing of the kind before', async () => {
    assert.deepEqual(executeActionsOf(cardOf(posted)).map((a) => a.verb), ['place.reserve'], 'a free place offers only Reserve');
    const reserved = await reserveFor(salesManager, /^Länsi-Uudenmaan/);
    assert.deepEqual(cardActions(reserved).map((a) => [a.type, a.title]), [
      ['Action.Execute', 'Merkitse myydyksi'],
      ['Action.Execute', 'Peru varaus'],
    ]);
    assert.equal(offersReserve(reserved), false);
    assert.deepEqual(threadReplies(), [], 'reserving answered the one who pressed, not the thread');
  });

  it('asks before selling: the question goes to the one who pressed, Back changes nothing', async () => {
    const reserved = await reserveFor(salesManager, /^Länsi-Uudenmaan/);
    const question = await press(salesManager, executeAction(reserved, 'place.sell'));
    assert.match(answered(question), /Merkitäänkö paikka A12 myydyksi asiakkaalle Länsi-Uudenmaan hyvinvointialue\?/);
    assert.deepEqual(executeActionsOf(question.card).map((a) => a.title), ['Kyllä, merkitse myydyksi', 'Takaisin']);
    const back = await press(salesManager, executeAction(question.card, 'place.view'));
    assert.deepEqual(cardActions(back.card).map((a) => a.title), ['Merkitse myydyksi', 'Peru varaus']);
    assert.equal((await place()).status, 'alustavasti-varattu', 'asking changed nothing');
    assert.deepEqual(threadReplies(), []);
  });

  it('marks the place sold: the same card updates (PUT) to show who sold it, to whom and when, with no actions', async () => {
    const reserved = await reserveFor(salesManager, /^Länsi-Uudenmaan/);
    const answer = await settle(salesManager, reserved, 'place.sell');
    assert.match(answered(answer), /✓ Mikko Myyntipäällikkö merkitsi paikan A12 myydyksi .*Länsi-Uudenmaan hyvinvointialue/);
    assert.match(answered(answer), /Vain sinä näet tämän vastauksen/);
    const sold = await eventually(() => h.connector.updates(MYYNTI.id)[1]);
    assert.equal(sold.activityId, posted.activityIdAssigned, 'the PUT targets the card posted when the place was freed');
    const text = textsOf(cardOf(sold)).join('\n');
    assert.match(text, /Paikka myyty: Koivukoti A12/);
    assert.match(text, /Tila: käytössä/);
    assert.match(text, /Myyty: Länsi-Uudenmaan hyvinvointialue\. Merkitsi Mikko Myyntipäällikkö 23\.11\.2026/);
    assert.deepEqual(cardActions(cardOf(sold)), [], 'a sold place offers no actions');
    assert.equal(h.connector.posted(MYYNTI.id).filter((c) => cardOf(c)).length, 1, 'no new card was posted');
    assert.deepEqual(threadReplies(), []);

    const stored = await place();
    const [espoo] = await h.app.store.records.list('customer', { name: 'Länsi-Uudenmaan hyvinvointialue' });
    assert.equal(stored.status, 'kaytossa');
    assert.equal(stored.reservedForCustomerId, espoo!.id, 'an occupied place keeps whom it was sold to');
    assert.equal(stored.statusChangedBy?.name, 'Mikko Myyntipäällikkö');

    const before = h.connector.posted(personalConversationId(salesManager)).length;
    await h.post(personalMessage(h.connector.url, salesManager, 'paikat'));
    const list = textsOf(cardOf(h.connector.posted(personalConversationId(salesManager))[before])).join('\n');
    assert.match(list, /A7/, 'the list still shows the home\'s other free places');
    assert.doesNotMatch(list, /A12/, '`paikat` no longer lists the sold place');
  });

  it('releases the reservation: the card shows the place free again and offers Reserve again', async () => {
    const reserved = await reserveFor(salesDirector, /^Vantaan ja Keravan/);
    const answer = await settle(salesManager, reserved, 'place.release');
    assert.match(answered(answer), /Mikko Myyntipäällikkö perui paikan A12 alustavan varauksen \(Vantaan ja Keravan hyvinvointialue\)\. Tila nyt: vapaa\./);
    const released = await eventually(() => h.connector.updates(MYYNTI.id)[1]);
    assert.equal(released.activityId, posted.activityIdAssigned);
    const text = textsOf(cardOf(released)).join('\n');
    assert.match(text, /Vapaa paikka: Koivukoti A12/);
    assert.match(text, /Alustava varaus peruttu\. Perui Mikko Myyntipäällikkö 23\.11\.2026/);
    assert.doesNotMatch(text, /Varattu alustavasti/);
    assert.equal(offersReserve(cardOf(released)), true, 'Reserve is offered again');

    const stored = await place();
    assert.equal(stored.status, 'vapaa');
    assert.equal(stored.reservedForCustomerId, undefined);
    assert.equal(stored.reservedBy, undefined);

    const again = await reserveFor(salesDirector, /^Länsi-Uudenmaan/);
    assert.match(textsOf(again).join('\n'), /Varattu alustavasti: Länsi-Uudenmaan hyvinvointialue\. Varasi Sanna Myyntijohtaja/);
    assert.equal(h.connector.posted(MYYNTI.id).filter((c) => cardOf(c)).length, 1, 'still the one card');
    assert.deepEqual(threadReplies(), []);
  });

  it('lets exactly one of a sale and a release on the same card win; the other is told who was first', async () => {
    const reserved = await reserveFor(homeDirector, /^Länsi-Uudenmaan/);
    const [sellQuestion, releaseQuestion] = await Promise.all([press(salesManager, executeAction(reserved, 'place.sell')), press(salesDirector, executeAction(reserved, 'place.release'))]);
    const answers = await Promise.all([
      press(salesManager, executeAction(sellQuestion.card, 'place.sellConfirmed')),
      press(salesDirector, executeAction(releaseQuestion.card, 'place.releaseConfirmed')),
    ]);
    const stored = await place();
    const winner = stored.statusChangedBy!.name;
    assert.ok(['kaytossa', 'vapaa'].includes(stored.status), stored.status);
    assert.equal(winner, stored.status === 'kaytossa' ? 'Mikko Myyntipäällikkö' : 'Sanna Myyntijohtaja');
    const texts = answers.map(answered);
    assert.equal(texts.filter((r) => / merkitsi paikan A12 myydyksi| perui paikan A12/.test(r)).length, 1, texts.join(' | '));
    assert.equal(texts.filter((r) => r.includes(`! ${winner} ehti ensin`)).length, 1, texts.join(' | '));
    await eventually(() => h.connector.updates(MYYNTI.id)[1]);
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(h.connector.updates(MYYNTI.id).length, 2, 'reserved once, settled once');
    assert.deepEqual(threadReplies(), []);
  });

  it('tells a stale card\'s second click who sold the place first, and changes nothing', async () => {
    const reserved = await reserveFor(salesManager, /^Länsi-Uudenmaan/);
    const question = await press(salesDirector, executeAction(reserved, 'place.release'));
    await settle(salesManager, reserved, 'place.sell');
    const late = await press(salesDirector, executeAction(question.card, 'place.releaseConfirmed'));
    assert.match(answered(late), /^! Mikko Myyntipäällikkö ehti ensin: paikka A12 on jo myyty .*Länsi-Uudenmaan hyvinvointialue \(23\.11\.2026/m);
    assert.equal((await place()).status, 'kaytossa');
    assert.deepEqual(executeActionsOf(late.card), [], 'the answer shows the sold place, with nothing left to press');
  });

  it('tells a stale card\'s sale that the reservation was already released, and sells nothing', async () => {
    const reserved = await reserveFor(salesManager, /^Länsi-Uudenmaan/);
    const question = await press(salesManager, executeAction(reserved, 'place.sell'));
    await settle(salesDirector, reserved, 'place.release');
    const late = await press(salesManager, executeAction(question.card, 'place.sellConfirmed'));
    assert.match(answered(late), /^! Sanna Myyntijohtaja ehti ensin: paikan A12 varaus on jo peruttu \(23\.11\.2026.*\)\. Tila nyt: vapaa\.$/m);
    assert.equal((await place()).status, 'vapaa');
  });

  it('refuses someone outside the people list and a role that does not sell, privately, in the channel\'s language; nothing changes', async () => {
    const reserved = await reserveFor(salesManager, /^Länsi-Uudenmaan/);
    const version = (await place()).version;
    const outsider = await press(englishUser, { verb: 'place.sellConfirmed', data: executeAction(reserved, 'place.sell').data });
    const quality = await press(qualityManager, executeAction(reserved, 'place.sell'));
    const qualityConfirmed = await press(qualityManager, { verb: 'place.releaseConfirmed', data: executeAction(reserved, 'place.release').data });
    assert.match(answered(outsider), /Et ole HoivaCRM:n henkilölistalla/, 'a channel answer is in the channel\'s language');
    assert.deepEqual(executeActionsOf(quality.card), [], 'the quality manager\'s view offers no step she may not take');
    assert.match(answered(qualityConfirmed), /Tämän voi tehdä vain: palvelutalon johtaja, vastaava hoitaja, aluejohtaja, liiketoimintajohtaja, myynti\./);
    const stored = await place();
    assert.equal(stored.status, 'alustavasti-varattu');
    assert.equal(stored.version, version);
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(h.connector.updates(MYYNTI.id).length, 1, 'the card was not updated again');
    assert.deepEqual(threadReplies(), [], 'no refusal in the thread for everyone');
  });
});

describe('the place card after a sale or a release', () => {
  const mikko = { id: 'u2', name: 'Mikko Myyntipäällikkö' };
  const base: PlaceCardData = reservedPlaceCard;

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
    assert.deepEqual(placeCard(base, 'en', requestId, { actions: { reserve: false, settle: false } }).actions, undefined, 'a view without the right shows no step');
  });
});
