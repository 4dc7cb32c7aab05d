import assert from 'node:assert/strict';
import { appContext, type AppContext } from '../../src/app/app-context.js';
import { careHomeChoices } from '../../src/app/care-home-choices.js';
import { fixedClock } from '../../src/clock.js';
import type { Region } from '../../src/domain/records/common.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { RecordWrite } from '../../src/store/store-port.js';

/**
 * The order a form's care-home choice lists the homes in: its first page is what a person picks from
 * without typing, so their own homes come first, then their region's, then the rest, each by name.
 */
describe("a form's care-home choices", () => {
  let store: SqliteStore;
  let ctx: AppContext;
  const at = '2026-01-05T08:00:00.000Z';
  const meta = (id: string) => ({ id, version: 1, createdAt: at, createdBy: 'seed', updatedAt: at });
  const create = (kind: RecordWrite['kind'], record: object): RecordWrite => ({ kind, record: record as RecordWrite['record'], expectedVersion: null });
  const homes: [string, Region][] = [['Aurakoti', 'lounais-suomi'], ['Harjukoti', 'sisa-suomi'], ['Koivukoti', 'etela-suomi'], ['Merikoti', 'etela-suomi'], ['Vehkakoti', 'lounais-suomi'], ['Ähtärin koti', 'sisa-suomi']];
  const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  const homeId = (name: string) => uuid(100 + homes.findIndex(([n]) => n === name));
  // A head nurse of Vehkakoti who also works in sales (company-wide); a regional director of the south.
  const nurseInSales = { id: 'u-nurse', name: 'Niina' };
  const south = { id: 'u-south', name: 'Jukka' };

  before(async () => {
    store = openSqliteStore(':memory:');
    ctx = appContext(store, fixedClock('2026-11-23T07:00:00.000Z'));
    await store.records.commit({
      at,
      outbox: [],
      writes: [
        ...homes.map(([name, region]) => create('careHome', { ...meta(homeId(name)), name, region, city: 'Espoo', serviceTypes: ['ymparivuorokautinen'], customerGroups: ['ikaantyneet'] })),
        create('person', { ...meta(uuid(1)), userId: nurseInSales.id, name: nurseInSales.name, roles: ['vastaava-hoitaja', 'myynti'], careHomeIds: [homeId('Vehkakoti')] }),
        create('person', { ...meta(uuid(2)), userId: south.id, name: south.name, roles: ['aluejohtaja'], region: 'etela-suomi' }),
      ],
    });
  });
  after(async () => {
    await store.close();
  });

  const names = async (actor: { id: string; name: string }) => (await careHomeChoices(ctx, actor)).map((h) => h.name);

  it("lists one's own home first, then the home's region, then the others, each in Finnish order", async () => {
    assert.deepEqual(await names(nurseInSales), ['Vehkakoti', 'Aurakoti', 'Harjukoti', 'Koivukoti', 'Merikoti', 'Ähtärin koti']);
  });

  it("lists only the homes one may record for: a regional director's region", async () => {
    assert.deepEqual(await names(south), ['Koivukoti', 'Merikoti']);
  });

  it('lists nothing for someone outside the people list', async () => {
    assert.deepEqual(await names({ id: 'u-nobody', name: 'Nobody' }), []);
  });
});
