import assert from 'node:assert/strict';
import { BotHarness, eventually } from '../support/bot-harness.js';
import { cardOf, executeAction, executeActionsOf, textsOf, walk, type Json } from '../support/cards.js';
import type { RecordedCall } from '../support/connector-double.js';
import { openPlaceForm, submitPlaceForm, validPlaceValues } from '../support/place-form.js';
import { homeDirector, installedInTeam, MYYNTI, personalMessage, qualityManager, salesManager } from '../support/teams-activities.js';

/**
 * Issue 11: with CARD_VIEWS=user-specific (the tenant default) a channel card shows a plain status to
 * everybody, and each person who may act sees their own view with their buttons — Universal Actions
 * `refresh` with `userIds` (msteams-docs, universal-actions-for-adaptive-cards/user-specific-views.md).
 */
describe('user-specific views of channel cards (protocol)', () => {
  let h: BotHarness;
  let posted: RecordedCall;

  beforeEach(async () => {
    h = await new BotHarness().start({ CARD_VIEWS: 'user-specific' });
    await h.post(installedInTeam(h.connector.url, homeDirector));
    // The bot knows a person's Teams id once they have talked to it.
    for (const user of [salesManager, qualityManager]) await h.post(personalMessage(h.connector.url, user, 'ohje'));
    const form = await openPlaceForm(h);
    await submitPlaceForm(h, form, validPlaceValues(form.card, { freeFrom: '2026-11-16' }));
    posted = await eventually(() => h.connector.posted(MYYNTI.id).find((c) => cardOf(c)));
  });
  afterEach(async () => {
    await h.stop();
  });

  const refreshOf = (card: Json | undefined) => card?.refresh as { action: { type: string; verb: string; data: Json }; userIds: string[] } | undefined;

  it('posts a status card without buttons, refreshed for the people who may reserve', () => {
    const card = cardOf(posted)!;
    assert.deepEqual(executeActionsOf({ body: card.body, actions: card.actions }), [], 'no buttons for everybody');
    assert.match(textsOf(card).join('\n'), /Vapaa paikka: Koivukoti A12/);
    const refresh = refreshOf(card)!;
    assert.equal(refresh.action.type, 'Action.Execute');
    assert.equal(refresh.action.verb, 'place.view');
    // Kaisa (the home's director) and Mikko (sales) may reserve and have talked to the bot; Liisa (quality
    // manager) may not reserve; Sanna (sales) has never talked to the bot, so her Teams id is unknown.
    assert.deepEqual([...refresh.userIds].sort(), [homeDirector.id, salesManager.id].sort());
    assert.ok(refresh.userIds.length <= 60);
  });

  it('answers a listed person\'s refresh with their own view, in the channel\'s language, and the others with the status', async () => {
    const action = refreshOf(cardOf(posted))!.action;
    const mine = await h.execute(salesManager, posted.activityIdAssigned!, action, {}, { channel: MYYNTI, trigger: 'automatic' });
    assert.equal(mine.status, 200);
    assert.deepEqual(executeActionsOf(mine.card).map((a) => a.verb), ['place.reserve']);
    assert.match(textsOf(mine.card).join('\n'), /Varaa alustavasti|Vapaa paikka/);
    const hers = await h.execute(qualityManager, posted.activityIdAssigned!, action, {}, { channel: MYYNTI, trigger: 'manual' });
    assert.deepEqual(executeActionsOf(hers.card), [], 'the quality manager sees no step she may not take');
    assert.match(textsOf(hers.card).join('\n'), /Vapaa paikka: Koivukoti A12/);
    assert.deepEqual(h.connector.posted().filter((c) => c.conversationId.startsWith(`${MYYNTI.id};`)), [], 'a refresh says nothing in the thread');
  });

  it('reserves from the person\'s view; the posted card updates for everyone, still a status with the refresh', async () => {
    const view = await h.execute(salesManager, posted.activityIdAssigned!, refreshOf(cardOf(posted))!.action, {}, { channel: MYYNTI, trigger: 'automatic' });
    let customerId = '';
    walk(view.card, (n) => {
      if (n.type === 'Input.ChoiceSet' && n.id === 'customerId') customerId = ((n.choices as { title: string; value: string }[]).find((c) => /^Länsi-Uudenmaan/.test(c.title)) ?? { value: '' }).value;
    });
    const answer = await h.execute(salesManager, posted.activityIdAssigned!, executeAction(view.card, 'place.reserve'), { customerId }, { channel: MYYNTI });
    assert.match(textsOf(answer.card).join('\n'), /✓ Mikko Myyntipäällikkö varasi paikan A12/);
    assert.deepEqual(executeActionsOf(answer.card).map((a) => a.title), ['Merkitse myydyksi', 'Peru varaus'], 'his view now offers the next steps');
    const update = cardOf(await eventually(() => h.connector.updates(MYYNTI.id)[0]))!;
    assert.match(textsOf(update).join('\n'), /Alustavasti varattu paikka: Koivukoti A12/);
    assert.equal(update.actions, undefined);
    assert.ok(refreshOf(update)?.userIds.includes(salesManager.id));
  });
});
