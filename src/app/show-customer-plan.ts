import { matchCustomers } from '../domain/customers/customer-match.js';
import { localDate } from '../domain/dates.js';
import { encounterDate, type CustomerPlan, type PlannedEncounter } from '../domain/records/customer-plan.js';
import type { Customer } from '../domain/records/customer.js';
import type { Person } from '../domain/records/person.js';
import type { AppContext } from './app-context.js';
import { allows, authorize } from './authorize.js';
import type { CustomerRef, Viewer } from './customer-overview.js';
import { listPeople } from './people.js';
import { forbidden, invalid, type UseCaseResult } from './result.js';

/** How many people an encounter's owner choice lists (the chosen one kept): the card stays within 28 KB. */
export const OWNER_CHOICES = 40;
/** How many of the next encounters the customer card shows. */
export const NEXT_ENCOUNTERS = 3;

/** Roles that own encounters with a customer: everyone who works with customers, not the admin alone. */
const ownerRoles: readonly Person['roles'][number][] = ['aluejohtaja', 'liiketoimintajohtaja', 'kotijohtaja', 'vastaava-hoitaja', 'myynti', 'laatupaallikko'];

/** An encounter as a view shows it: its date, whether it is past, and its owner's name. */
export interface ShownEncounter {
  encounter: PlannedEncounter & { id: string };
  date: string;
  ownerName?: string | undefined;
  /** Held (marked done). */
  done: boolean;
}

/** "3/6 kohtaamista pidetty": how many of the year's encounters were held, of how many. */
export interface PlanStatus {
  done: number;
  total: number;
}

export interface CustomerPlanView {
  customer: Pick<Customer, 'id' | 'name' | 'region'>;
  year: number;
  today: string;
  /** Absent: no plan for the year yet. */
  plan?: CustomerPlan | undefined;
  /** The year's encounters, in date order. */
  encounters: ShownEncounter[];
  status: PlanStatus;
  /** Whether the card offers editing: to a reader who may (authorize.ts editCustomerPlan); in a channel to everyone (checked on press). */
  mayEdit: boolean;
  /** Who an encounter's owner can be: a bounded list of the people list. */
  owners: { id: string; name: string }[];
}

/** The year a plan is about when none is named: this year, Helsinki time. */
export function currentYear(ctx: AppContext): number {
  return Number(localDate(ctx.clock.now()).slice(0, 4));
}

/** The customer's plan of a year, if any (one per customer and year; the newest version wins were there two). */
export async function planOf(ctx: AppContext, customerId: string, year: number): Promise<CustomerPlan | undefined> {
  const plans = (await ctx.store.records.list('customerPlan', { customerId })).filter((p) => p.year === year);
  return plans.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
}

/** The plan's encounters with their dates and owners, in date order. An encounter stored without an id gets its index's. */
export function shownEncounters(plan: CustomerPlan | undefined, people: readonly Pick<Person, 'id' | 'name'>[]): ShownEncounter[] {
  if (!plan) return [];
  const names = new Map(people.map((p) => [p.id, p.name]));
  return plan.plannedEncounters
    .map((e, index) => ({
      encounter: { ...e, id: e.id ?? legacyEncounterId(plan.id, index) },
      date: encounterDate(plan.year, e),
      ownerName: e.ownerId ? names.get(e.ownerId) : undefined,
      done: e.done === true,
    }))
    .sort((a, b) => a.date.localeCompare(b.date) || a.encounter.kind.localeCompare(b.encounter.kind));
}

/** The id an encounter stored before issue 12 (without one) is known by until the plan is saved again. */
export function legacyEncounterId(planId: string, index: number): string {
  // Deterministic and uuid-shaped, so a card's button names it the same way on every read.
  const hex = [...`${planId}:${index}`].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) >>> 0, 7).toString(16).padStart(8, '0');
  return `${hex}-0000-4000-8000-${planId.replace(/-/g, '').slice(0, 12)}`;
}

export function planStatus(encounters: readonly ShownEncounter[]): PlanStatus {
  return { done: encounters.filter((e) => e.done).length, total: encounters.length };
}

/** People who can own an encounter, by name, bounded; `keep` (the owners already chosen) always among them. */
export function ownerChoices(people: readonly Person[], keep: readonly string[] = []): { id: string; name: string }[] {
  const owners = people.filter((p) => p.roles.some((r) => ownerRoles.includes(r))).sort((a, b) => a.name.localeCompare(b.name, 'fi'));
  const first = owners.slice(0, OWNER_CHOICES);
  const kept = owners.filter((p) => keep.includes(p.id) && !first.includes(p));
  return [...first, ...kept].map((p) => ({ id: p.id, name: p.name }));
}

/**
 * `suunnitelma <asiakas>` and the plan card (issue 12; thesis 6.4.2): the year's plan, its annual clock and
 * how many encounters were held. Everyone who reads customers reads it; editing is for the regional director
 * of the customer's region and the business director.
 */
export async function showCustomerPlan(ctx: AppContext, viewer: Viewer, input: { customerId?: unknown; year?: unknown }): Promise<UseCaseResult<CustomerPlanView>> {
  const reader = await authorize(ctx, viewer.actor, 'read');
  if (!reader.ok) return forbidden(reader);
  const customer = typeof input.customerId === 'string' ? await ctx.store.records.get('customer', input.customerId) : undefined;
  if (!customer) return invalid([{ field: 'customerId', key: 'customerCard.unknown' }]);
  const typedYear = Number(input.year);
  const year = Number.isInteger(typedYear) && typedYear >= 2000 && typedYear <= 2100 ? typedYear : currentYear(ctx);
  const [plan, people] = await Promise.all([planOf(ctx, customer.id, year), listPeople(ctx)]);
  const encounters = shownEncounters(plan, people);
  return {
    ok: true,
    duplicate: false,
    value: {
      customer: { id: customer.id, name: customer.name, region: customer.region },
      year,
      today: localDate(ctx.clock.now()),
      plan,
      encounters,
      status: planStatus(encounters),
      mayEdit: viewer.audience === 'channel' || allows(reader.person, 'editCustomerPlan', { region: customer.region }),
      owners: ownerChoices(people, encounters.flatMap((e) => (e.encounter.ownerId ? [e.encounter.ownerId] : []))),
    },
  };
}

/** What the customer card shows of the plan: the year's status and the next encounters from today on (up to 3). */
export interface PlanSummary {
  year: number;
  status: PlanStatus;
  next: ShownEncounter[];
}

export async function planSummaryOf(ctx: AppContext, customerId: string, today: string): Promise<PlanSummary | undefined> {
  const year = Number(today.slice(0, 4));
  const plan = await planOf(ctx, customerId, year);
  if (!plan) return undefined;
  const encounters = shownEncounters(plan, plan.plannedEncounters.some((e) => e.ownerId) ? await listPeople(ctx) : []);
  return { year, status: planStatus(encounters), next: encounters.filter((e) => !e.done && e.date >= today).slice(0, NEXT_ENCOUNTERS) };
}

export type PlanLookup =
  | { kind: 'found'; view: CustomerPlanView }
  | { kind: 'askName'; customers: CustomerRef[] }
  | { kind: 'choose'; typed: string; customers: CustomerRef[] }
  | { kind: 'notFound'; typed: string; closest: CustomerRef[] };

/** `suunnitelma <asiakas>`: the plan of the customer the name means, or the names to choose from (as `asiakas`). */
export async function findCustomerPlan(ctx: AppContext, viewer: Viewer, typed: string): Promise<UseCaseResult<PlanLookup>> {
  const reader = await authorize(ctx, viewer.actor, 'read');
  if (!reader.ok) return forbidden(reader);
  // The store's cached name list: no customer table on the request path (issue 10).
  const customers = await ctx.store.queries.customerNames();
  // "suunnitelma Länsi-Uusimaa 2027": a year at the end names the plan's year (next year's is drawn up in the autumn).
  const withYear = /^(.*?)\s+(20\d\d)\s*$/.exec(typed);
  const name = withYear ? withYear[1]! : typed;
  const year = withYear ? Number(withYear[2]) : undefined;
  const match = matchCustomers(name, customers);
  const ref = (c: CustomerRef): CustomerRef => ({ id: c.id, name: c.name });
  const found = (value: PlanLookup): UseCaseResult<PlanLookup> => ({ ok: true, duplicate: false, value });
  switch (match.kind) {
    case 'empty':
      return found({ kind: 'askName', customers: customers.map(ref) });
    case 'candidates':
      return found({ kind: 'choose', typed: name.trim(), customers: match.customers.map(ref) });
    case 'none':
      return found({ kind: 'notFound', typed: name.trim(), closest: match.closest.map(ref) });
    case 'one': {
      const view = await showCustomerPlan(ctx, viewer, { customerId: match.customer.id, year });
      return view.ok ? found({ kind: 'found', view: view.value }) : view;
    }
  }
}
