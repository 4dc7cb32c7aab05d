import type { AppContext } from '../app/app-context.js';
import { allows, homeScope } from '../app/authorize.js';
import { entryActionsFor } from '../app/edit-entry.js';
import { DEFAULT_WITHDRAW_WINDOW_HOURS } from '../app/withdraw-entry.js';
import type { CustomerOverview } from '../app/customer-overview.js';
import { daysBetween } from '../domain/dates.js';
import type { Complaint } from '../domain/records/complaint.js';
import { effectiveStatus } from '../domain/places/place-lifecycle.js';
import type { CareHome } from '../domain/records/care-home.js';
import type { Person } from '../domain/records/person.js';
import type { Place } from '../domain/records/place.js';
import type { CustomerEntry } from '../store/customer-entry.js';
import type { ApiComplaint } from './schemas/complaints.js';
import type { ApiPlace } from './schemas/places.js';

/**
 * The API's read views: what the bot's cards show, in the shapes of src/api/schemas, from the same narrow
 * queries and with the same redaction (src/app/authorize.ts readConfidential) as the cards.
 */

/** A place with its status on `today` and, when free, how many days it has been free (seed 002). */
export function apiPlaceOf(place: Place, today: string, reservedForName?: string): ApiPlace {
  const status = effectiveStatus(place, today);
  return {
    ...place,
    effectiveStatus: status,
    ...(status === 'vapaa' && place.freeFrom ? { daysFree: Math.max(0, daysBetween(place.freeFrom, today)) } : {}),
    ...(reservedForName ? { reservedForName } : {}),
  };
}

/** A complaint without its free text for a reader who may not read it: the summary the sales channel sees. */
export function apiComplaintOf(complaint: Complaint, textHidden: boolean): ApiComplaint {
  if (!textHidden) return { ...complaint, textHidden };
  const { matter: _m, correctiveActions: _a, replyText: _r, ...rest } = complaint;
  return { ...rest, textHidden };
}

/** A home's places (not withdrawn), by label, and what the person may change there; undefined for an unknown home. */
export async function placesOfHome(ctx: AppContext, person: Person, careHomeId: string, today: string) {
  const home = await ctx.store.records.get('careHome', careHomeId);
  if (!home) return undefined;
  const scope = homeScope(home);
  const [places, customers] = await Promise.all([ctx.store.records.list('place', { careHomeId }), ctx.store.queries.customerNames()]);
  const names = new Map(customers.map((c) => [c.id, c.name]));
  return {
    careHomeId: home.id,
    careHomeName: home.name,
    may: { record: allows(person, 'recordForHome', scope), reserve: allows(person, 'reservePlace', scope), settle: allows(person, 'settlePlace', scope) },
    places: places
      .filter((p) => !p.withdrawnAt)
      .sort((a, b) => a.label.localeCompare(b.label, 'fi', { numeric: true }))
      .map((p) => apiPlaceOf(p, today, p.reservedForCustomerId ? names.get(p.reservedForCustomerId) : undefined)),
  };
}

/** The customer card's contents as the API answers them (already redacted for the reader by showCustomer). */
export function overviewForApi(overview: CustomerOverview) {
  return {
    ...overview,
    latestEntries: overview.latestEntries.map(({ customerIds: _ids, ...entry }) => entry),
    openComplaints: overview.openComplaints.map((c) => ({ ...c, complaint: apiComplaintOf(c.complaint, c.textHidden) })),
    ownPlaces: { ...overview.ownPlaces, places: overview.ownPlaces.places.map((p) => ({ careHomeName: p.careHomeName, place: apiPlaceOf(p.place, overview.today) })) },
    plan: overview.plan ? { year: overview.plan.year, status: overview.plan.status } : undefined,
  };
}

/** Whether the person may read the free text of a complaint of this home (readConfidential in the home's scope). */
export function mayReadComplaintText(person: Person, homes: Map<string, CareHome>, careHomeId: string | undefined): boolean {
  const home = careHomeId ? homes.get(careHomeId) : undefined;
  return home !== undefined && allows(person, 'readConfidential', homeScope(home));
}

/**
 * The customer's timeline: its newest entries of every kind up to today, newest first (who and when), a
 * complaint's text left out as on the customer card, each with what the reader may do with it (edit-entry.ts
 * entryActionsFor: their own entries, the `omat` rules), and the next planned contact. Undefined for an
 * unknown customer.
 */
export async function customerTimeline(ctx: AppContext, person: Person, customerId: string, today: string, limit: number) {
  const customer = await ctx.store.records.get('customer', customerId);
  if (!customer) return undefined;
  const [entries, homes, next] = await Promise.all([ctx.store.queries.latestEntries(customerId, today, limit), ctx.store.queries.careHomes(), ctx.store.queries.nextContactOf(customerId, today)]);
  const homeById = new Map(homes.map((h) => [h.id, h]));
  return {
    customerId,
    entries: entries.map(({ customerIds: _ids, createdBy: _by, ...entry }: CustomerEntry) => {
      const hidden = entry.kind === 'complaint' && !mayReadComplaintText(person, homeById, entry.careHomeId);
      const actions = entryActionsFor(ctx, person, { kind: entry.kind, createdBy: _by, createdAt: entry.createdAt });
      const shown = { ...entry, version: entry.version ?? 1, createdAt: entry.createdAt ?? '', ...actions };
      return hidden ? { ...shown, summary: '', textHidden: true } : { ...shown, textHidden: false };
    }),
    nextContact: next?.nextContactDate ? { date: next.nextContactDate, topic: next.nextContactTopic ?? '', by: next.recordedBy } : undefined,
    withdrawWindowHours: ctx.withdrawWindowHours ?? DEFAULT_WITHDRAW_WINDOW_HOURS,
  };
}
