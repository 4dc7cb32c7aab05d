import { randomUUID } from 'node:crypto';
import { markFree, occupy, reserve } from '../../src/domain/places/place-lifecycle.js';
import { agreementSchema, type Agreement } from '../../src/domain/records/agreement.js';
import type { ActorRef, ServiceType } from '../../src/domain/records/common.js';
import { complaintSchema, type Complaint } from '../../src/domain/records/complaint.js';
import { contactLogEntrySchema } from '../../src/domain/records/contact-log-entry.js';
import { placeSchema, type Place } from '../../src/domain/records/place.js';
import { localDate } from '../../src/domain/dates.js';
import type { RecordKind, RecordOf } from '../../src/store/record-kinds.js';
import type { Store } from '../../src/store/store-port.js';

/**
 * Records with a known past, for the figures' tests: each change committed at its own instant through the
 * store's commit (so the audit trail has it at that instant, as a use case at that time would have left it),
 * built with the domain's own lifecycle functions. The figures are then exact sums the test can state.
 */
export const recorder: ActorRef = { id: 'figures-test', name: 'Testi Kirjaaja' };

async function write<K extends RecordKind>(store: Store, at: string, kind: K, record: RecordOf<K>, expectedVersion: number | null): Promise<void> {
  await store.records.commit({ at, by: recorder, writes: [{ kind, record, expectedVersion } as never], outbox: [] });
}

function next<T extends { version: number }>(record: T, at: string): T {
  return { ...record, version: record.version + 1, updatedAt: at };
}

/** A place's life: created free on a day, then reserved for a customer, sold, and maybe freed again, each at its instant. */
export async function placeHistory(
  store: Store,
  place: { careHomeId: string; label: string; serviceType: ServiceType; createdAt: string; freeFrom: string },
  steps: { reserveFor?: { customerId: string; at: string }; sellAt?: string; freeAt?: { at: string; freeFrom: string } },
): Promise<Place> {
  let current: Place = placeSchema.parse({
    id: randomUUID(),
    version: 1,
    createdAt: place.createdAt,
    createdBy: recorder.id,
    updatedAt: place.createdAt,
    careHomeId: place.careHomeId,
    label: place.label,
    serviceType: place.serviceType,
    customerGroup: 'ikaantyneet',
    status: 'vapaa',
    freeFrom: place.freeFrom,
  });
  await write(store, place.createdAt, 'place', current, null);
  const dayOf = (at: string) => localDate(new Date(at));
  if (steps.reserveFor) {
    const at = steps.reserveFor.at;
    const changed = next(reserve(current, { customerId: steps.reserveFor.customerId, actor: recorder, at, today: dayOf(at) }), at);
    await write(store, at, 'place', changed, current.version);
    current = changed;
  }
  if (steps.sellAt) {
    const at = steps.sellAt;
    const changed = next(occupy(current, { actor: recorder, at, today: dayOf(at) }), at);
    await write(store, at, 'place', changed, current.version);
    current = changed;
  }
  if (steps.freeAt) {
    const { at, freeFrom } = steps.freeAt;
    const changed = next(markFree(current, { freeFrom, actor: recorder, at, today: dayOf(at) }), at);
    await write(store, at, 'place', changed, current.version);
    current = changed;
  }
  return current;
}

export async function agreementOf(store: Store, fields: Pick<Agreement, 'customerId' | 'serviceTypes' | 'startDate'> & Partial<Agreement>): Promise<Agreement> {
  const at = `${fields.startDate}T08:00:00.000Z`;
  const agreement = agreementSchema.parse({ id: randomUUID(), version: 1, createdAt: at, createdBy: recorder.id, updatedAt: at, kind: 'ostopalvelu', title: 'Ostopalvelusopimus (testi)', paymentCommitment: true, ...fields });
  await write(store, at, 'agreement', agreement, null);
  return agreement;
}

export async function complaintOf(store: Store, fields: Pick<Complaint, 'customerId' | 'careHomeId' | 'receivedDate'> & Partial<Complaint>): Promise<Complaint> {
  const at = `${fields.receivedDate}T09:00:00.000Z`;
  const complaint = complaintSchema.parse({
    id: randomUUID(),
    version: 1,
    createdAt: at,
    createdBy: recorder.id,
    updatedAt: at,
    channel: 'puhelin',
    matter: 'Vastaus viivästyi (testi).',
    severity: 'kohtalainen',
    status: fields.informedAt ? 'asiakas-informoitu' : fields.actionsAgreedAt ? 'toimenpiteet-sovittu' : 'vastaanotettu',
    recordedBy: recorder,
    ...fields,
  });
  await write(store, at, 'complaint', complaint, null);
  return complaint;
}

export async function contactOn(store: Store, customerId: string, date: string): Promise<void> {
  const at = `${date}T10:00:00.000Z`;
  const entry = contactLogEntrySchema.parse({ id: randomUUID(), version: 1, createdAt: at, createdBy: recorder.id, updatedAt: at, customerId, date, type: 'puhelu', matter: 'Kuulumiset (testi).', recordedBy: recorder });
  await write(store, at, 'contactLogEntry', entry, null);
}
