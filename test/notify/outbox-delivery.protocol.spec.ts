import assert from 'node:assert/strict';
import { BotHarness, eventually } from '../support/bot-harness.js';
import { cardOf, textsOf } from '../support/cards.js';
import { openPlaceForm, submitPlaceForm, validPlaceValues } from '../support/place-form.js';
import { homeDirector, installedInTeam, MYYNTI } from '../support/teams-activities.js';

/**
 * Delivery through the outbox against a misbehaving Bot Connector: throttled, failing, slow, and a
 * server restart in the middle. The card must arrive in Myynti exactly once.
 */
describe('outbox delivery to the sales channel (protocol)', () => {
  let h: BotHarness;
  beforeEach(async () => {
    h = await new BotHarness().start();
    await h.post(installedInTeam(h.connector.url, homeDirector));
  });
  afterEach(async () => {
    await h.stop();
  });

  async function recordPlace(label: string, harness: BotHarness = h): Promise<void> {
    const form = await openPlaceForm(harness);
    await submitPlaceForm(harness, form, validPlaceValues(form.card, { label }));
  }

  const cardsIn = (conversationId: string) => h.connector.posted(conversationId).filter((c) => cardOf(c));

  // botbuilder's own HTTP retries are off for the outbox's calls (bot/connector-pipeline.ts): every
  // retry is the outbox's, paced and in order.
  it('retries throttled posts, honouring Retry-After, and posts the card once', async () => {
    h.connector.failNext(6, { status: 429, retryAfterSeconds: 0, conversationId: MYYNTI.id });
    await recordPlace('R1');
    await eventually(() => cardsIn(MYYNTI.id)[0]);
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(cardsIn(MYYNTI.id).length, 1);
    const failed = h.connector.calls.filter((c) => c.conversationId === MYYNTI.id && c.status >= 400);
    assert.equal(failed.length, 6, 'the connector really throttled six posts');
    const [row] = await h.app.store.outbox.list();
    assert.equal(row!.status, 'sent');
    assert.equal(row!.attempts, 7, 'six throttled attempts, each the outbox\'s own; the seventh posted');
    assert.equal(row!.activityId, cardsIn(MYYNTI.id)[0]!.activityIdAssigned);
  });

  it('retries a 503 and posts the card once', async () => {
    h.connector.failNext(1, { status: 503, conversationId: MYYNTI.id });
    await recordPlace('R2');
    await eventually(() => cardsIn(MYYNTI.id)[0], 8000);
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(cardsIn(MYYNTI.id).length, 1);
    assert.deepEqual(h.connector.calls.filter((c) => c.conversationId === MYYNTI.id).map((c) => c.status), [503, 200]);
  });

  it('waits for a slow connector instead of posting again', async () => {
    h.connector.slowDown(700);
    await recordPlace('S1');
    await eventually(() => cardsIn(MYYNTI.id)[0], 5000);
    h.connector.slowDown(0);
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(cardsIn(MYYNTI.id).length, 1);
  });

  it('delivers a card queued before a restart exactly once after it', async () => {
    await h.restart({ OUTBOX_RETRY_BASE_MS: '600000', OUTBOX_RETRY_MAX_MS: '600000' });
    h.connector.failNext(4, { status: 429, retryAfterSeconds: 0, conversationId: MYYNTI.id });
    await recordPlace('K1');
    await eventually(async () => (await h.app.store.outbox.list({ status: 'pending' }))[0]?.lastError);
    await h.app.stop();
    // The server is down for a while; when it comes back the retry is due.
    h.clock.advance(15 * 60_000);
    await h.start();
    await eventually(() => cardsIn(MYYNTI.id)[0], 5000);
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(cardsIn(MYYNTI.id).length, 1);
    assert.match(textsOf(cardOf(cardsIn(MYYNTI.id)[0])).join('\n'), /K1/);
  });

  it('gives up on a 403 (bot removed from the team) instead of retrying forever', async () => {
    h.connector.failNext(1, { status: 403, conversationId: MYYNTI.id });
    await recordPlace('F1');
    const dead = await eventually(async () => (await h.app.store.outbox.list({ status: 'dead' }))[0]);
    assert.match(dead.lastError ?? '', /403/);
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(h.connector.calls.filter((c) => c.conversationId === MYYNTI.id).length, 1, 'no retry after a 403');
  });

  it('holds a card until a sales channel is bound, then posts it', async () => {
    const fresh = await new BotHarness().start();
    try {
      await recordPlace('W1', fresh);
      await new Promise((r) => setTimeout(r, 200));
      assert.equal((await fresh.app.store.outbox.list({ status: 'pending' })).length, 1, 'the card waits, not lost');
      await fresh.post(installedInTeam(fresh.connector.url, homeDirector));
      const posted = await eventually(() => fresh.connector.posted(MYYNTI.id).find((c) => cardOf(c)));
      assert.match(textsOf(cardOf(posted)).join('\n'), /W1/);
    } finally {
      await fresh.stop();
    }
  });
});
