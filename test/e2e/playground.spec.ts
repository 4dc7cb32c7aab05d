import assert from 'node:assert/strict';
import {
  PlaygroundSession,
  isoDateInDays,
  reservePlaceOnCard,
  runPlaceFreedFlow,
  screenshotOnFailure,
  type PlaygroundPage,
} from '../support/playground.js';

/**
 * The one browser test: the real server and the real Microsoft 365 Agents Playground, driven in
 * Chromium the way a home director uses Teams. Needs Chromium (apt-get install -y chromium, or
 * CHROMIUM_PATH); no network.
 */
describe('HoivaCRM in the Microsoft 365 Agents Playground', function () {
  this.timeout(120_000);
  const session = new PlaygroundSession();
  let ui: PlaygroundPage;

  before(async function () {
    this.timeout(90_000);
    ui = await session.start();
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') {
      const shot = await screenshotOnFailure(session.ui?.page, `playground-${this.currentTest.fullTitle()}`);
      console.error(`screenshot: ${shot ?? '(none)'}\n${session.logs()}`);
    }
  });

  after(async function () {
    this.timeout(30_000);
    await session.stop();
  });

  it('a place freed in the personal chat shows as a card in the Myynti channel', async function () {
    const label = `E2E ${Date.now() % 100_000}`;
    const result = await runPlaceFreedFlow(ui, {
      careHome: 'Koivukoti',
      serviceType: 'ymparivuorokautinen',
      customerGroup: 'ikaantyneet',
      label,
      freeFrom: isoDateInDays(7),
      note: 'Selaintesti',
    });

    assert.match(result.confirmation, result.locale === 'fi' ? /Tallennettu/ : /Saved/);
    assert.ok(result.confirmation.includes(label), result.confirmation);
    const card = await result.salesCard.innerText();
    assert.ok(card.includes(label), card);
    assert.match(card, /Vapaa paikka|Vapautuva paikka|Place free|Place freeing/);

    // Reserve through Action.Execute: the answer comes back in the invoke response and the card updates.
    const reserved = await reservePlaceOnCard(ui, result.salesCard, 'fi', label);
    const after = await reserved.card.innerText();
    assert.match(after, /Alustavasti varattu paikka/, after);
    assert.ok(after.includes(`Varattu alustavasti: ${reserved.customer}. Varasi Kaisa Kotijohtaja`), after);
    assert.match(after, /Merkitse myydyksi/, 'the reserver may now sell or release');
  });
});
