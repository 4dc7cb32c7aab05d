import assert from 'node:assert/strict';
import { BotHarness, eventually } from '../support/bot-harness.js';
import { cardOf, textsOf } from '../support/cards.js';
import type { RecordedCall } from '../support/connector-double.js';
import { recordPlaces } from '../support/place-form.js';
import { businessDirector, homeDirector, installedInTeam, MYYNTI, personalConversationId, personalMessage } from '../support/teams-activities.js';

const labelOf = (call: RecordedCall) => textsOf(cardOf(call)).join('\n').match(/\b[A-Z]\d+\b/)?.[0];

/**
 * Issue 9, "never silently dead": a transient 401, an outage of half an hour and throttling are waited out;
 * only Teams saying the conversation is gone (403/404) ends a card, and then the admins are told.
 */
describe('delivery that never silently gives up (protocol)', () => {
  let h: BotHarness;
  beforeEach(async () => {
    h = await new BotHarness().start();
    await h.post(installedInTeam(h.connector.url, homeDirector));
  });
  afterEach(async () => {
    await h.stop();
  });

  const cards = () => h.connector.posted(MYYNTI.id).filter((c) => cardOf(c));

  it('a 401 from the connector is retried and the card delivered once', async () => {
    h.connector.failNext(1, { status: 401, conversationId: MYYNTI.id });
    await recordPlaces(h, ['U1']);
    await eventually(() => cards()[0]);
    await new Promise((r) => setTimeout(r, 200));
    assert.deepEqual(h.connector.calls.filter((c) => c.conversationId === MYYNTI.id).map((c) => c.status), [401, 200]);
    assert.deepEqual(cards().map(labelOf), ['U1']);
  });

  it('Teams down for 30 minutes (503): every card is delivered exactly once when it is back', async function () {
    this.timeout(30_000);
    const backAt = h.clock.now().getTime() + 30 * 60_000;
    h.connector.failWhile(503, () => h.clock.now().getTime() < backAt, MYYNTI.id);
    await recordPlaces(h, ['D1', 'D2', 'D3']);
    await eventually(async () => ((await h.app.store.outbox.list({ status: 'pending' }))[0]?.lastError?.startsWith('503') ? true : undefined));
    // Half an hour on the app's clock, a minute at a time; the retries keep failing meanwhile.
    for (let minute = 0; minute < 31; minute++) {
      h.clock.advance(60_000);
      await new Promise((r) => setTimeout(r, 60));
    }
    await eventually(() => (cards().length >= 3 ? true : undefined), 10_000);
    await new Promise((r) => setTimeout(r, 300));
    assert.ok(h.connector.calls.filter((c) => c.conversationId === MYYNTI.id && c.status === 503).length > 12, 'more failures than the old attempt limit');
    assert.deepEqual(cards().map(labelOf), ['D1', 'D2', 'D3']);
    assert.deepEqual(await h.app.store.outbox.list({ status: 'dead' }), []);
  });

  it('gives up only after OUTBOX_GIVE_UP_AFTER_MS on the app\'s clock, and says so', async () => {
    await h.restart({ OUTBOX_GIVE_UP_AFTER_MS: String(60 * 60_000) });
    h.connector.failWhile(503, () => true, MYYNTI.id);
    await recordPlaces(h, ['G1']);
    await eventually(async () => ((await h.app.store.outbox.list({ status: 'pending' }))[0]?.lastError ? true : undefined));
    assert.equal((await h.app.store.outbox.list({ status: 'dead' })).length, 0, 'still trying within the hour');
    h.clock.advance(61 * 60_000);
    const [dead] = await eventually(async () => {
      const rows = await h.app.store.outbox.list({ status: 'dead' });
      return rows.length ? rows : undefined;
    });
    assert.match(dead!.lastError ?? '', /gave up after 1 h of retries: 503/);
  });

  it('a 403 (app removed from the team) ends the card, marks the sales channel broken and tells the admin in her chat', async () => {
    // The admin (Aino, business director and admin) has talked to the bot, so her chat is known.
    await h.post(personalMessage(h.connector.url, businessDirector, 'ohje'));
    h.connector.failNext(1, { status: 403, conversationId: MYYNTI.id });
    await recordPlaces(h, ['F1']);
    const dead = await eventually(async () => (await h.app.store.outbox.list({ status: 'dead' }))[0]);
    assert.match(dead.lastError ?? '', /403/);
    const binding = await h.app.store.conversations.getBinding('sales');
    assert.ok(binding?.brokenAt, 'the binding is marked broken');
    assert.match(binding.brokenReason ?? '', /403/);
    const notice = await eventually(() => h.connector.posted(personalConversationId(businessDirector)).map(cardOf).find((c) => c && /Myynti/.test(textsOf(c).join('\n'))));
    assert.match(textsOf(notice).join('\n'), /Kanava Myynti ei ota vastaan HoivaCRM:n kortteja/);
    assert.match(textsOf(notice).join('\n'), /403/);
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(h.connector.calls.filter((c) => c.conversationId === MYYNTI.id).length, 1, 'no retry after a 403');
  });
});
