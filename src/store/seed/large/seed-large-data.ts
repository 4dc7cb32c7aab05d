import type { Region } from '../../../domain/records/common.js';
import type { RecordKind } from '../../record-kinds.js';
import type { Store } from '../../store-port.js';
import { generateComplaints, generateHomeEvents, generateMeetings, generateNotes, generateVisits, type ActivityWorld } from './activity.js';
import { BatchWriter, DEFAULT_BATCH, type WriteProgress } from './batch-writer.js';
import type { GenContext } from './context.js';
import { generateCustomers } from './customers.js';
import { generateContactLog } from './entries.js';
import { generateHomes, type GeneratedHome } from './homes.js';
import { allPlaceNames } from './names.js';
import { generatePeople } from './people.js';
import { generatePlaces } from './places.js';
import { Prng } from './prng.js';
import { sizesAt } from './sizes.js';

export interface LargeSeedOptions {
  scale: number;
  /** The demo's today (Helsinki date); the data is the same for the same scale and day. */
  today: string;
  /** When the seed runs (ISO): the change sets' time. */
  seededAt: string;
  batchSize?: number;
  onProgress?: (p: WriteProgress) => void;
}

export interface LargeSeedResult {
  counts: Partial<Record<RecordKind, number>>;
  /** The name `asiakas` finds as one busy customer (the benchmark asks for it). */
  busyCustomerName: string;
  elapsedMs: number;
  /** Of which inside store.records.commit. */
  commitMs: number;
}

/** The store already holds records: the real-size seed writes only into an empty folder. */
export async function holdsRecords(store: Store): Promise<boolean> {
  for (const kind of ['careHome', 'customer', 'person'] as const) {
    if ((await store.records.list(kind)).length > 0) return true;
  }
  return false;
}

/**
 * Fills an empty store with the real-size demo at `scale` (see sizes.ts), deterministic for a scale and day.
 * The caller checks `holdsRecords` first; a create of an existing id would fail the batch anyway.
 */
export async function seedLargeData(store: Store, options: LargeSeedOptions): Promise<LargeSeedResult> {
  const started = Date.now();
  const sizes = sizesAt(options.scale);
  const ctx: GenContext = { prng: new Prng(0x5eed + Math.round(options.scale * 1000)), today: options.today, seededAt: options.seededAt };
  // The same shuffled names for homes and customers: "Palvelukoti Satuniemi" may serve "Satuniemen kunta".
  const names = ctx.prng.sample(allPlaceNames(), Number.MAX_SAFE_INTEGER);
  const esimerkkila = names.findIndex((n) => n.nominative === 'Esimerkkilä');
  [names[0], names[esimerkkila]] = [names[esimerkkila]!, names[0]!];

  const homes = generateHomes(ctx, sizes.careHomes, names);
  const customers = generateCustomers(ctx, sizes.customers, names);
  const staff = generatePeople(ctx, homes);
  const homesByRegion = new Map<Region, GeneratedHome[]>();
  for (const h of homes) homesByRegion.set(h.home.region, [...(homesByRegion.get(h.home.region) ?? []), h]);
  const customersByRegion = new Map<Region, string[]>();
  for (const { customer } of customers) customersByRegion.set(customer.region, [...(customersByRegion.get(customer.region) ?? []), customer.id]);
  const world: ActivityWorld = { customers, homesByRegion, allHomes: homes, ...staff };
  const recorders = [...staff.salesAndManagement, ...staff.regionalDirectors, ...staff.directorOf.values()];

  const writer = new BatchWriter(store, options.seededAt, options.batchSize ?? DEFAULT_BATCH);
  const report = (total: number) => (p: Omit<WriteProgress, 'total'>) => options.onProgress?.({ ...p, total });
  await writer.write('careHome', homes.map((h) => h.home), report(sizes.careHomes));
  await writer.write('person', staff.people, report(staff.people.length));
  await writer.write('customer', customers.map((c) => c.customer), report(sizes.customers));
  const contacts = customers.flatMap((c) => c.contacts);
  await writer.write('contact', contacts, report(contacts.length));
  const agreements = customers.flatMap((c) => c.agreements);
  await writer.write('agreement', agreements, report(agreements.length));
  await writer.write('place', generatePlaces(ctx, homes, sizes.places, customersByRegion, (id) => staff.directorOf.get(id)!), report(sizes.places));
  await writer.write('contactLogEntry', generateContactLog(ctx, sizes.contactLogEntries, customers, recorders), report(sizes.contactLogEntries));
  await writer.write('supervisionVisit', generateVisits(ctx, sizes.supervisionVisits, world), report(sizes.supervisionVisits));
  await writer.write('homeEvent', generateHomeEvents(ctx, sizes.homeEvents, world), report(sizes.homeEvents));
  await writer.write('complaint', generateComplaints(ctx, sizes.complaints, world), report(sizes.complaints));
  await writer.write('note', generateNotes(ctx, sizes.notes, world), report(sizes.notes));
  await writer.write('developmentMeeting', generateMeetings(ctx, sizes.developmentMeetings, world), report(sizes.developmentMeetings));
  return {
    counts: Object.fromEntries(writer.written),
    busyCustomerName: customers[0]!.customer.name,
    elapsedMs: Date.now() - started,
    commitMs: writer.commitMs,
  };
}
