import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../../../src/config.js';
import { recordKinds } from '../../../src/store/record-kinds.js';
import { DeltaPollSchedule, type DeltaPollSettings } from '../../../src/store/sharepoint/delta-poll-schedule.js';
import { openSharePointStore } from '../../../src/store/sharepoint/sharepoint-store.js';
import { pollingRuPerHour, resourceUnitsOf, smallestTierRuPerMinute } from '../../../src/store/sharepoint/resource-units.js';
import { listDefinitionOf } from '../../../src/store/sharepoint/list-schema.js';
import { startProvisioningBed } from './provisioning-bed.js';

/**
 * Issue 10: delta polling costs resource units whether anything changed or not. The lists people change
 * often (places, complaints) are read more often than the rest, and a group backs off while nothing
 * changes. The schedule is a plain object asked for what is due at a given instant: no timers, no waiting.
 */
describe('SharePoint delta polling: fast and slow lists, back-off, resource units', function () {
  this.timeout(20_000);
  const settings: DeltaPollSettings = { fastKinds: ['place', 'complaint'], fastMs: 30_000, slowMs: 300_000, maxMs: 300_000 };

  it('reads places and complaints every 30 s and the rest every 5 min; empty reads double the interval up to the cap; a change resets it', () => {
    const s = new DeltaPollSchedule(settings, recordKinds, 0);
    assert.deepEqual(s.due(29_999), []);
    assert.deepEqual(s.due(30_000).sort(), ['complaint', 'place']);
    s.record(['place', 'complaint'], new Set(), 30_000);
    assert.equal(s.msUntilNext(30_000), 60_000, 'nothing changed: 30 s → 60 s');
    s.record(['place', 'complaint'], new Set(), 90_000);
    s.record(['place', 'complaint'], new Set(), 210_000);
    s.record(['place', 'complaint'], new Set(), 450_000);
    assert.deepEqual(s.intervals().map((g) => g.intervalMs), [300_000, 300_000], 'capped at 5 min');
    s.record(['place', 'complaint'], new Set(['place']), 750_000);
    assert.equal(s.intervals()[0]!.intervalMs, 30_000, 'a change in a fast list: back to 30 s');
    assert.deepEqual(s.due(300_000).length, recordKinds.length - 2, 'the slow lists are due at 5 min');
  });

  it('a change notification resets every group to its base interval', () => {
    const s = new DeltaPollSchedule(settings, recordKinds, 0);
    for (let t = 30_000; t < 1_000_000; t += 300_000) s.record(recordKinds, new Set(), t);
    assert.deepEqual(s.intervals().map((g) => g.intervalMs), [300_000, 300_000]);
    s.reset();
    assert.deepEqual(s.intervals().map((g) => g.intervalMs), [30_000, 300_000]);
  });

  it('costs well under 10% of the smallest tier’s 1,250 RU/min at the default settings', () => {
    const config = loadConfig({});
    const defaults: DeltaPollSettings = {
      fastKinds: config.SHAREPOINT_DELTA_FAST_LISTS,
      fastMs: config.SHAREPOINT_DELTA_POLL_MS,
      slowMs: config.SHAREPOINT_DELTA_SLOW_POLL_MS,
      maxMs: config.SHAREPOINT_DELTA_MAX_POLL_MS,
    };
    assert.deepEqual(defaults, settings);
    const { busy, quiet } = pollingRuPerHour(defaults, recordKinds.length);
    const before = pollingRuPerHour({ fastKinds: recordKinds, fastMs: 30_000, slowMs: 30_000, maxMs: 30_000 }, recordKinds.length);
    assert.equal(before.busy, recordKinds.length * 120, 'one poll of every list every 30 s');
    assert.ok(busy < before.busy / 3, `${busy} RU/h busy`);
    assert.ok(quiet < busy);
    assert.ok(busy / 60 < 0.1 * smallestTierRuPerMinute);
    assert.throws(() => loadConfig({ SHAREPOINT_DELTA_FAST_LISTS: 'place,paikat' }), ConfigError);
  });

  it('prices Graph requests as Microsoft’s table does', () => {
    assert.equal(resourceUnitsOf('GET', '/sites/s/lists/l/items/delta?token=abc'), 1);
    assert.equal(resourceUnitsOf('GET', '/sites/s/lists/l/items/delta?expand=fields'), 2);
    assert.equal(resourceUnitsOf('GET', '/sites/s/lists/l/items/7?$select=id'), 1);
    assert.equal(resourceUnitsOf('GET', '/sites/s/lists/l/items?$top=200'), 2);
    assert.equal(resourceUnitsOf('PATCH', '/sites/s/lists/l/items/7/fields'), 2);
    assert.equal(resourceUnitsOf('POST', '/$batch'), 0);
  });

  it('a scheduled read of the fast lists asks only for their feeds (one $batch with two delta GETs)', async () => {
    const bed = await startProvisioningBed();
    const dir = mkdtempSync(join(tmpdir(), 'hoivacrm-sp-poll-'));
    try {
      const { siteId } = await bed.provisionedSite();
      const store = await openSharePointStore({ file: join(dir, 'm.sqlite'), graph: bed.graph, siteId });
      const delta = store.deltaSync({ interpret: async (e) => ({ record: e.after, outbox: [] }) });
      await delta.syncNow();
      const mark = bed.bed.double.log.length;
      await delta.syncNow(['place', 'complaint']);
      const inner = bed.bed.double.log.slice(mark).filter((r) => r.kind === 'in-batch');
      const lists = [store.lists.listId('place'), store.lists.listId('complaint')];
      assert.equal(inner.length, 2);
      assert.ok(inner.every((r) => lists.some((l) => r.path.includes(l)) && /\/items\/delta\?token=/.test(r.path)), inner.map((r) => r.path).join(', '));
      assert.equal(inner.reduce((n, r) => n + resourceUnitsOf(r.method, r.path), 0), 2, `2 RU (${listDefinitionOf('place').displayName}, ${listDefinitionOf('complaint').displayName})`);
      await delta.stop();
      await store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await bed.stop();
    }
  });
});
