import type { Clock } from '../../clock.js';
import { addDays, localDate } from '../../domain/dates.js';
import type { CareHome } from '../../domain/records/care-home.js';
import type { CustomerGroup, Region, ServiceType } from '../../domain/records/common.js';
import type { Place } from '../../domain/records/place.js';
import type { RecordWrite, Store } from '../store-port.js';
import { demoCustomers } from './demo-customers.js';
import { demoPersonWrites } from './demo-people.js';
import { demoPlanWrites } from './demo-plans.js';
import { stableIdFor as stableId } from '../../domain/stable-id.js';

/**
 * Demo data for local mode: three regions with care homes, their places by service type, and
 * customers (wellbeing services counties, Helsinki, an insurer) with contacts. Invented names; no resident appears anywhere (places carry no person).
 */
interface HomeSeed {
  name: string;
  region: Region;
  city: string;
  /** [label prefix, service type, customer group, how many] */
  units: [string, ServiceType, CustomerGroup, number][];
}

export const demoHomes: HomeSeed[] = [
  { name: 'Koivukoti', region: 'etela-suomi', city: 'Espoo', units: [['A', 'ymparivuorokautinen', 'ikaantyneet', 8], ['L', 'lyhytaikainen', 'ikaantyneet', 2]] },
  { name: 'Merikoti', region: 'etela-suomi', city: 'Helsinki', units: [['A', 'ymparivuorokautinen', 'ikaantyneet', 6], ['B', 'yhteisollinen', 'mielenterveys', 4]] },
  { name: 'Lehmuskoti', region: 'etela-suomi', city: 'Vantaa', units: [['B', 'yhteisollinen', 'mielenterveys', 6], ['C', 'ymparivuorokautinen', 'mielenterveys', 4]] },
  { name: 'Aurakoti', region: 'lounais-suomi', city: 'Turku', units: [['A', 'ymparivuorokautinen', 'ikaantyneet', 8], ['L', 'lyhytaikainen', 'ikaantyneet', 2]] },
  { name: 'Kotiranta', region: 'lounais-suomi', city: 'Salo', units: [['A', 'ymparivuorokautinen', 'ikaantyneet', 5], ['B', 'yhteisollinen', 'ikaantyneet', 4]] },
  { name: 'Vehkakoti', region: 'lounais-suomi', city: 'Raisio', units: [['B', 'yhteisollinen', 'mielenterveys', 6]] },
  { name: 'Järvikoti', region: 'sisa-suomi', city: 'Tampere', units: [['A', 'ymparivuorokautinen', 'ikaantyneet', 8], ['B', 'yhteisollinen', 'mielenterveys', 3]] },
  { name: 'Kuusikoti', region: 'sisa-suomi', city: 'Jyväskylä', units: [['A', 'ymparivuorokautinen', 'ikaantyneet', 6], ['L', 'lyhytaikainen', 'ikaantyneet', 2]] },
  { name: 'Harjukoti', region: 'sisa-suomi', city: 'Hämeenlinna', units: [['C', 'ymparivuorokautinen', 'mielenterveys', 5]] },
];

/** Seeds an empty store; returns counts, or undefined when the store already has homes. */
export async function seedDemoData(store: Store, clock: Clock): Promise<Record<string, number> | undefined> {
  if ((await store.records.list('careHome')).length > 0) return undefined;
  const now = clock.now().toISOString();
  const today = localDate(clock.now());
  const meta = { version: 1, createdAt: now, createdBy: 'demo-seed', updatedAt: now };
  const writes: RecordWrite[] = [];
  let placeCount = 0;
  demoHomes.forEach((seed, homeIndex) => {
    const home: CareHome = {
      ...meta,
      id: stableId(`home:${seed.name}`),
      name: seed.name,
      region: seed.region,
      city: seed.city,
      serviceTypes: [...new Set(seed.units.map((u) => u[1]))],
      customerGroups: [...new Set(seed.units.map((u) => u[2]))],
    };
    writes.push({ kind: 'careHome', record: home, expectedVersion: null });
    for (const [prefix, serviceType, customerGroup, count] of seed.units) {
      for (let n = 1; n <= count; n++) {
        const label = `${prefix}${n}`;
        // A few places are already free or freeing, so `paikat` shows something on first start.
        const state = (homeIndex + n) % 7 === 0 ? 'vapaa' : (homeIndex + n) % 11 === 0 ? 'vapautuu' : 'kaytossa';
        const place: Place = {
          ...meta,
          id: stableId(`place:${seed.name}:${label}`),
          careHomeId: home.id,
          label,
          serviceType,
          customerGroup,
          status: state,
          ...(state === 'vapaa' ? { freeFrom: addDays(today, -3 - homeIndex) } : {}),
          ...(state === 'vapautuu' ? { freeFrom: addDays(today, 10 + homeIndex) } : {}),
        };
        writes.push({ kind: 'place', record: place, expectedVersion: null });
        placeCount++;
      }
    }
  });
  const customers = demoCustomers(meta);
  writes.push(...customers.writes);
  const people = demoPersonWrites(meta);
  writes.push(...people);
  writes.push(...demoPlanWrites(meta, Number(today.slice(0, 4))));
  await store.records.commit({ at: meta.createdAt, writes, outbox: [] });
  return { careHomes: demoHomes.length, places: placeCount, customers: customers.customers, contacts: customers.contacts, people: people.length };
}
