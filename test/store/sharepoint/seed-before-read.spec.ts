import assert from 'node:assert/strict';
import { listDefinitionOf } from '../../../src/store/sharepoint/list-schema.js';
import { BotHarness } from '../../support/bot-harness.js';
import { startSharePointSite, type SharePointSite } from '../../support/sharepoint-site.js';

describe('review: STORE=sharepoint started on a new data folder against lists that already hold the records', function () {
  this.timeout(30_000);
  let site: SharePointSite;
  const harnesses: BotHarness[] = [];
  before(async () => { site = await startSharePointSite(); });
  after(async () => { for (const h of harnesses) await h.stop().catch(() => undefined); await site.stop(); });

  it('starts, and the mirror shows what the lists hold (a place a person edited and HoivaCRM already took in)', async () => {
    const first = new BotHarness();
    harnesses.push(first);
    await first.start({ ...site.env, SEED_DEMO_DATA: 'true' });
    const places = listDefinitionOf('place').displayName;
    const double = site.bed.bed.double;
    const item = double.lists.items(site.siteId, places)[0]!;
    double.lists.writeItem(site.siteId, places, { Note: 'Remontti ensin' }, item.id);
    await first.app.delta!.syncNow(); // taken in, HoivaVersion 2 written back
    await first.app.stop();

    // A new machine / container without the data volume, same site (local mode seeds by default).
    const second = new BotHarness();
    harnesses.push(second);
    const homesBefore = double.lists.items(site.siteId, listDefinitionOf('careHome').displayName).length;
    const placesBefore = double.lists.items(site.siteId, places).length;
    const customersBefore = double.lists.items(site.siteId, listDefinitionOf('customer').displayName).length;
    const error = await second.start({ ...site.env, SEED_DEMO_DATA: 'true' }).then(() => undefined, (e: Error) => e);
    console.log('places before/after', placesBefore, double.lists.items(site.siteId, places).length);
    assert.deepEqual(
      [double.lists.items(site.siteId, listDefinitionOf('careHome').displayName).length, double.lists.items(site.siteId, listDefinitionOf('customer').displayName).length],
      [homesBefore, customersBefore],
      'no care home or customer item was deleted from SharePoint',
    );
    assert.equal(error, undefined, `the server started (${error?.message})`);
    const stored = await second.app.store.records.get('place', String(item.fields.HoivaId));
    assert.equal(stored?.note, 'Remontti ensin');
  });
});
