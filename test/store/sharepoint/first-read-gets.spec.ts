import assert from 'node:assert/strict';
import { BotHarness } from '../../support/bot-harness.js';
import { startSharePointSite, type SharePointSite } from '../../support/sharepoint-site.js';

describe('review: the first read of lists that already hold items', function () {
  this.timeout(60_000);
  let site: SharePointSite;
  const harnesses: BotHarness[] = [];
  before(async () => { site = await startSharePointSite(); });
  after(async () => { for (const h of harnesses) await h.stop().catch(() => undefined); await site.stop(); });

  it('costs a few requests per list, not one GET per item before the server answers', async () => {
    const first = new BotHarness();
    harnesses.push(first);
    await first.start({ ...site.env, SEED_DEMO_DATA: 'true' });
    await first.app.stop();
    const second = new BotHarness();
    harnesses.push(second);
    const mark = site.mark();
    await second.start({ ...site.env, SEED_DEMO_DATA: 'false' });
    const perItem = site.requestsSince(mark).filter((r) => r.method === 'GET' && /\/items\/\d+\?/.test(r.path));
    const total = (await second.app.store.records.list('place')).length + (await second.app.store.records.list('careHome')).length;
    console.log(`mirrored ${total}+ records; single-item GETs at start: ${perItem.length}`);
    assert.ok(perItem.length <= 13, `${perItem.length} single-item GETs`);
  });
});
