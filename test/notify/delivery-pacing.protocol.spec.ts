import assert from 'node:assert/strict';
import { BotHarness, eventually } from '../support/bot-harness.js';
import { cardOf, textsOf } from '../support/cards.js';
import type { RecordedCall } from '../support/connector-double.js';
import { commitPlaces, recordPlaces } from '../support/place-form.js';
import { cardsIn, choice, openForm, submitForm } from '../support/record-form-session.js';
import { GENERAL, homeDirector, installedInTeam, MYYNTI, salesManager } from '../support/teams-activities.js';

/** The most calls that fall within any window of `perMs`. */
function busiest(calls: RecordedCall[], perMs: number): number {
  const times = calls.map((c) => c.at).sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; j < times.length; j++) {
    while (times[j]! - times[i]! >= perMs) i++;
    most = Math.max(most, j - i + 1);
  }
  return most;
}

const labelOf = (call: RecordedCall) => textsOf(cardOf(call)).join('\n').match(/\bP\d+\b/)?.[0];

/**
 * Issue 9: the outbox paces itself below Teams' limits (7 per second per conversation, …) and keeps each
 * conversation's cards in order while the conversations are served side by side.
 */
describe('outbox pacing and order (protocol)', () => {
  let h: BotHarness;
  beforeEach(async () => {
    h = await new BotHarness().start({ OUTBOX_REQUEST_TIMEOUT_MS: '400' });
    await h.post(installedInTeam(h.connector.url, homeDirector));
  });
  afterEach(async () => {
    await h.stop();
  });


  it('60 freed places to one channel: never more than 7 posts in a second, no 429, every card once and in order', async function () {
    this.timeout(60_000);
    h.connector.enforceTeamsLimits();
    const labels = Array.from({ length: 60 }, (_, i) => `P${i + 1}`);
    await commitPlaces(h, labels);
    await eventually(() => cardsIn(h, MYYNTI.id).length >= 60 || undefined, 40_000);
    const posts = cardsIn(h, MYYNTI.id);
    assert.ok(busiest(posts, 1_000) <= 7, `at most 7 posts in any second (was ${busiest(posts, 1_000)})`);
    assert.ok(busiest(posts, 2_000) <= 8, 'at most 8 in any 2 seconds');
    assert.deepEqual(h.connector.throttled.filter((c) => c.conversationId === MYYNTI.id), [], 'Teams never had to answer 429 in the channel');
    assert.deepEqual(posts.map(labelOf), labels, 'every card once, in the order recorded');
  });

  it('keeps the order of one channel\'s cards while Teams throttles it', async () => {
    h.connector.failNext(5, { status: 429, retryAfterSeconds: 1, conversationId: MYYNTI.id });
    const labels = Array.from({ length: 8 }, (_, i) => `P${i + 1}`);
    await commitPlaces(h, labels);
    await eventually(() => cardsIn(h, MYYNTI.id).length >= 8 || undefined, 15_000);
    assert.equal(h.connector.calls.filter((c) => c.conversationId === MYYNTI.id && c.status === 429).length, 5);
    assert.deepEqual(cardsIn(h, MYYNTI.id).map(labelOf), labels);
  });

  it('a post that hangs holds up only its own channel: the management card goes meanwhile, the hung one is retried in order', async () => {
    h.connector.hang(MYYNTI.id);
    await recordPlaces(h, ['P1', 'P2']);
    const { form } = await openForm(h, salesManager, 'tieto');
    await submitForm(h, form, { customerId: choice(form.card, 'customerId', /^Länsi-Uudenmaan/), matter: 'Espoo kilpailuttaa keväällä.', specialMention: 'false' });
    const note = await eventually(() => cardsIn(h, GENERAL.id)[0], 5_000);
    assert.match(textsOf(cardOf(note)).join('\n'), /Espoo kilpailuttaa/);
    assert.equal(cardsIn(h, MYYNTI.id).length, 0, 'the sales channel still hangs');
    // Each hung post is aborted at the timeout and tried again; when Teams answers again both go, in order.
    await eventually(async () => ((await h.app.store.outbox.list({ status: 'pending' }))[0]?.lastError?.includes('timeout') ? true : undefined), 5_000);
    h.connector.releaseHung();
    await eventually(() => cardsIn(h, MYYNTI.id).length >= 2 || undefined, 10_000);
    await new Promise((r) => setTimeout(r, 300));
    assert.deepEqual(cardsIn(h, MYYNTI.id).map(labelOf), ['P1', 'P2']);
  });
});
