import assert from 'node:assert/strict';
import { BotHarness, eventually } from '../support/bot-harness.js';
import { cardOf, textsOf, visibleText } from '../support/cards.js';
import { openPlaceForm, submitPlaceForm, validPlaceValues } from '../support/place-form.js';
import { businessDirector, homeDirector, installedInTeam, MYYNTI, personalConversationId, personalMessage, type TeamsUser } from '../support/teams-activities.js';

/**
 * `tila` / `status` (issue 9): admins see how delivery stands and every card that ended undelivered, with
 * its reason, and send those again with `tila uudelleen` / `status retry`. Nobody else may.
 */
describe('tila / status: undelivered cards for admins (protocol)', () => {
  let h: BotHarness;
  beforeEach(async () => {
    h = await new BotHarness().start();
    await h.post(installedInTeam(h.connector.url, homeDirector));
  });
  afterEach(async () => {
    await h.stop();
  });

  /**
   * Says `text` in the personal chat; returns the bot's answer. Writing also wakes the broken-channel notice
   * waiting for an admin's chat, which may land first: it is not the answer.
   */
  async function say(user: TeamsUser, text: string) {
    const me = personalConversationId(user);
    const before = h.connector.posted(me).length;
    await h.post(personalMessage(h.connector.url, user, text));
    const notice = (c: (typeof h.connector.calls)[number]) => /ei ota vastaan HoivaCRM/.test(textsOf(cardOf(c)).join('\n'));
    return h.connector.posted(me).slice(before).find((c) => !notice(c))!;
  }

  async function deadCard(label: string): Promise<void> {
    h.connector.failNext(1, { status: 403, conversationId: MYYNTI.id });
    const form = await openPlaceForm(h);
    await submitPlaceForm(h, form, validPlaceValues(form.card, { label }));
    await eventually(async () => (await h.app.store.outbox.list({ status: 'dead' }))[0]);
  }

  it('shows an admin the counts, the broken channel and the dead card with its reason', async () => {
    await deadCard('T1');
    const answer = await say(businessDirector, 'tila');
    const text = textsOf(cardOf(answer)).join('\n');
    assert.match(text, /Korttien toimitus/);
    assert.match(text, /Perille menemättömät \(1\)/);
    assert.match(text, /vapaa paikka → myyntikanava, luotu .*: 403/);
    assert.match(text, /Kanava Myynti \(myyntikanava\) on rikki/);
    assert.match(text, /tila uudelleen/);
  });

  it('tila uudelleen sends the dead card again, once, and the channel is no longer broken', async () => {
    await deadCard('T2');
    const answer = await say(businessDirector, 'tila uudelleen');
    assert.equal(visibleText(answer), '1 kortti lähtee uudelleen.', 'one card, in the singular');
    const posted = await eventually(() => h.connector.posted(MYYNTI.id).find((c) => cardOf(c)));
    assert.match(textsOf(cardOf(posted)).join('\n'), /T2/);
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(h.connector.posted(MYYNTI.id).filter((c) => cardOf(c)).length, 1);
    assert.deepEqual(await h.app.store.outbox.list({ status: 'dead' }), []);
    assert.equal((await h.app.store.conversations.getBinding('sales'))?.brokenAt, undefined);
    assert.match(textsOf(cardOf(await say(businessDirector, 'status'))).join('\n'), /No undelivered cards|Ei perille menemättömiä/);
  });

  it('/healthz reports the outbox: pending, waiting, dead and the oldest pending card\'s age', async () => {
    await deadCard('H1');
    h.connector.failNext(1, { status: 503, conversationId: MYYNTI.id });
    await h.restart({ OUTBOX_RETRY_BASE_MS: '600000', OUTBOX_RETRY_MAX_MS: '600000' });
    const form = await openPlaceForm(h);
    await submitPlaceForm(h, form, validPlaceValues(form.card, { label: 'H2' }));
    await eventually(async () => ((await h.app.store.outbox.list({ status: 'pending' }))[0]?.lastError ? true : undefined));
    h.clock.advance(90_000);
    const health = (await (await fetch(`${h.app.url}/healthz`)).json()) as { outbox: Record<string, number> };
    assert.equal(health.outbox.dead, 1);
    assert.equal(health.outbox.pending, 1);
    assert.ok(health.outbox.oldestPendingAgeS! >= 90, `the waiting card is at least 90 s old (${health.outbox.oldestPendingAgeS})`);
  });

  it('refuses tila and tila uudelleen to someone who is not an admin, and changes nothing', async () => {
    await deadCard('T3');
    for (const command of ['tila', 'tila uudelleen']) {
      const answer = await say(homeDirector, command);
      assert.equal(cardOf(answer), undefined, 'no status card');
      assert.match(visibleText(answer), /Tämän voi tehdä vain/);
    }
    assert.equal((await h.app.store.outbox.list({ status: 'dead' })).length, 1, 'the dead card stays dead');
  });
});
