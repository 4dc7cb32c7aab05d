import { matchCustomers } from '../domain/customers/customer-match.js';
import { showCustomerQuery } from '../domain/customers/show-customer.js';
import { daysBetween, localDate } from '../domain/dates.js';
import { QUIET_CUSTOMER_DAYS } from '../domain/metrics/weekly-digest.js';
import type { Person } from '../domain/records/person.js';
import type { Agreement } from '../domain/records/agreement.js';
import type { ActorRef } from '../domain/records/common.js';
import type { Complaint } from '../domain/records/complaint.js';
import { contactRoles, type Contact } from '../domain/records/contact.js';
import type { Customer } from '../domain/records/customer.js';
import type { PlaceOnDay } from '../store/record-queries.js';
import { fieldErrorsFrom } from '../domain/validation.js';
import type { AppContext } from './app-context.js';
import type { CustomerEntry } from './customer-entries.js';
import { listOpenPlaces, type OpenPlacesView } from './list-open-places.js';
import { allows, authorize, homeScope } from './authorize.js';
import { forbidden, invalid, type UseCaseResult } from './result.js';
import { planSummaryOf, type PlanSummary } from './show-customer-plan.js';

/** How many of the latest entries the card lists (the issue: "the last five entries of any kind"). */
export const LATEST_ENTRIES = 5;
/** How many of the region's open places the card lists; the rest are counted (a card stays under 28 KB). */
export const CUSTOMER_CARD_PLACES = 15;
/** How many of the customer's own reserved and sold places the card lists; the rest are counted. */
export const CUSTOMER_OWN_PLACES = 10;

export type CustomerRef = Pick<Customer, 'id' | 'name'>;

/**
 * Who the card is for. In a channel everyone there reads it, so it is written for the channel, never for
 * the person who asked: confidential text is left out whoever asked.
 */
export interface Viewer {
  actor: ActorRef;
  audience: 'personal' | 'channel';
}

/** A latest entry; a complaint's text is left out (`textHidden`) for a reader who may not see it. */
export type ShownEntry = CustomerEntry & { textHidden: boolean };

/**
 * Everything the customer card shows (thesis 5.2: "who has met this customer, what was said, when";
 * 6.1: contacts, agreement, segment, lifecycle phase), gathered once so the card only renders.
 */
export interface CustomerOverview {
  customer: Customer;
  today: string;
  /** Officials by role (the thesis' order: social and health director first), then by name. */
  contacts: Contact[];
  /** Newest agreement first. */
  agreements: Agreement[];
  /** The audience the card was gathered for. */
  audience: Viewer['audience'];
  /**
   * Something was left out for this reader (complaint text, contact notes: DOMAIN.md, "Who may see and do
   * what"); the card says so.
   */
  redacted: boolean;
  /** The five newest entries of any kind up to today, newest first. */
  latestEntries: ShownEntry[];
  /** The newest entry's day and how long ago it was; absent when nobody has recorded anything. */
  lastEntry?: { date: string; daysSince: number } | undefined;
  /** Seed 002: "if a customer has no entries for two weeks, what is wrong?" — 14 days or more, or never. */
  quiet: boolean;
  /** Complaints not closed, the nearest next-step target date first; `overdue` when that date has passed. */
  openComplaints: { complaint: Complaint; careHomeName: string; overdue: boolean; textHidden: boolean }[];
  /** The earliest next-contact date from today on among the contact log entries (thesis 6.2). */
  nextContact?: { date: string; topic: string; by: ActorRef } | undefined;
  /** Free and freeing places in the customer's region, per home: what sales can offer this customer (a bounded page). */
  openPlaces: OpenPlacesView;
  /**
   * The places preliminarily reserved for this customer and those sold to it (an occupied place keeps its
   * reservation, place.ts), reserved first, newest first; a bounded page with how many there are of each.
   */
  ownPlaces: { places: { place: PlaceOnDay; careHomeName: string }[]; reserved: number; sold: number };
  /**
   * Whether the card offers recording an agreement: to a reader who may (src/app/authorize.ts
   * recordAgreement), and on a channel's card to everyone there (whoever presses is checked then).
   */
  mayRecordAgreement: boolean;
  /**
   * Issue 13, the tab's customer page: whether the reader may change the customer's segment, phase and
   * contacts (authorize.ts editCustomer), and read and write the personal notes about its officials.
   */
  mayEditCustomer: boolean;
  mayReadContactNotes: boolean;
  /** Issue 12: this year's customer plan, its status and its next encounters; absent when there is none. */
  plan?: PlanSummary | undefined;
}

export type CustomerLookup =
  /** Nothing typed after the command: ask, with the customers as examples. */
  | { kind: 'askName'; customers: CustomerRef[] }
  | { kind: 'found'; overview: CustomerOverview }
  | { kind: 'choose'; typed: string; customers: CustomerRef[] }
  | { kind: 'notFound'; typed: string; closest: CustomerRef[] };

/** `asiakas <nimi>`: the customer the name means, its card's contents, or the names to choose from. */
export async function findCustomer(ctx: AppContext, viewer: Viewer, typed: string): Promise<UseCaseResult<CustomerLookup>> {
  const reader = await authorize(ctx, viewer.actor, 'read');
  if (!reader.ok) return forbidden(reader);
  return { ok: true, duplicate: false, value: await lookUp(ctx, reader.person, viewer, typed) };
}

async function lookUp(ctx: AppContext, person: Person, viewer: Viewer, typed: string): Promise<CustomerLookup> {
  // The names only, from the store's cache (read again after a customer is written); the one customer meant is then read by id.
  const customers = await ctx.store.queries.customerNames();
  const match = matchCustomers(typed, customers);
  const ref = (c: CustomerRef): CustomerRef => ({ id: c.id, name: c.name });
  switch (match.kind) {
    case 'empty':
      return { kind: 'askName', customers: customers.map(ref) };
    case 'one': {
      const customer = await ctx.store.records.get('customer', match.customer.id);
      if (!customer) return { kind: 'notFound', typed: typed.trim(), closest: [] };
      return { kind: 'found', overview: await gatherOverview(ctx, person, viewer, customer) };
    }
    case 'candidates':
      return { kind: 'choose', typed: typed.trim(), customers: match.customers.map(ref) };
    case 'none':
      return { kind: 'notFound', typed: typed.trim(), closest: match.closest.map(ref) };
  }
}

/** A customer's card by id (a choice button); an unknown id is a field error. */
export async function showCustomer(ctx: AppContext, viewer: Viewer, input: unknown): Promise<UseCaseResult<CustomerOverview>> {
  const reader = await authorize(ctx, viewer.actor, 'read');
  if (!reader.ok) return forbidden(reader);
  const parsed = showCustomerQuery.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsFrom(parsed.error));
  const customer = await ctx.store.records.get('customer', parsed.data.customerId);
  if (!customer) return invalid([{ field: 'customerId', key: 'customerCard.unknown' }]);
  return { ok: true, duplicate: false, value: await gatherOverview(ctx, reader.person, viewer, customer) };
}

async function gatherOverview(ctx: AppContext, person: Person, viewer: Viewer, customer: Customer): Promise<CustomerOverview> {
  const today = localDate(ctx.clock.now());
  const { records, queries } = ctx.store;
  // Each read is bounded by what the card shows (issue 10): the customer's own rows, the newest entries
  // off their (customer, date) indexes, a page of the region's open places; the homes are the cached list.
  const [contacts, agreements, own, complaints, next, homes, openPlaces, customerPlaces, plan] = await Promise.all([
    records.list('contact', { customerId: customer.id }),
    records.list('agreement', { customerId: customer.id }),
    // Entries dated ahead (a meeting planned for next week) have not happened yet: not "the last entry".
    queries.latestEntries(customer.id, today, LATEST_ENTRIES),
    queries.openComplaintsOf(customer.id),
    queries.nextContactOf(customer.id, today),
    queries.careHomes(),
    listOpenPlaces(ctx, { region: customer.region, limit: CUSTOMER_CARD_PLACES }),
    queries.placesOfCustomer(customer.id, CUSTOMER_OWN_PLACES),
    // The customer's plans by its indexed customer id: a handful of rows, one per year.
    planSummaryOf(ctx, customer.id, today),
  ]);
  const newest = own[0];
  const lastEntry = newest ? { date: newest.date, daysSince: daysBetween(newest.date, today) } : undefined;

  const homeById = new Map(homes.map((h) => [h.id, h]));
  // In a channel nobody in particular reads the card: it is the summary for everyone there.
  const reader = viewer.audience === 'personal' ? person : undefined;
  const mayReadComplaint = (careHomeId: string) => {
    const home = homeById.get(careHomeId);
    return home !== undefined && allows(reader, 'readConfidential', homeScope(home));
  };
  const shownEntries: ShownEntry[] = own.map((e) => {
    const hidden = e.kind === 'complaint' && !mayReadComplaint(e.careHomeId ?? '');
    return hidden ? { ...e, summary: '', textHidden: true } : { ...e, textHidden: false };
  });
  // Personal notes about a customer's officials belong to no home: management and the quality manager.
  const mayReadNotes = allows(reader, 'readConfidential', { region: customer.region });
  const shownContacts = contacts.map((c) => (mayReadNotes ? c : withoutNotes(c)));
  const openComplaints = complaints.map((complaint) => {
      const textHidden = !mayReadComplaint(complaint.careHomeId);
      return {
        complaint: textHidden ? withoutText(complaint) : complaint,
        careHomeName: homeById.get(complaint.careHomeId)?.name ?? '?',
        overdue: complaint.nextStepDue !== undefined && complaint.nextStepDue < today,
        textHidden,
      };
    });

  const roleOrder = (c: Contact) => contactRoles.indexOf(c.role);
  return {
    customer,
    today,
    audience: viewer.audience,
    redacted: shownEntries.some((e) => e.textHidden) || openComplaints.some((c) => c.textHidden) || (!mayReadNotes && contacts.some((c) => c.personalNotes)),
    contacts: shownContacts.sort((a, b) => roleOrder(a) - roleOrder(b) || a.name.localeCompare(b.name, 'fi')),
    agreements: agreements.sort((a, b) => b.startDate.localeCompare(a.startDate)),
    latestEntries: shownEntries,
    lastEntry,
    quiet: !lastEntry || lastEntry.daysSince >= QUIET_CUSTOMER_DAYS,
    openComplaints,
    nextContact: next ? { date: next.nextContactDate!, topic: next.nextContactTopic ?? '', by: next.recordedBy } : undefined,
    openPlaces,
    ownPlaces: {
      places: customerPlaces.places.map((place) => ({ place, careHomeName: homeById.get(place.careHomeId)?.name ?? '?' })),
      reserved: customerPlaces.reserved,
      sold: customerPlaces.sold,
    },
    mayRecordAgreement: viewer.audience === 'channel' || allows(person, 'recordAgreement', { region: customer.region }),
    mayEditCustomer: allows(reader, 'editCustomer', { region: customer.region }),
    mayReadContactNotes: mayReadNotes,
    plan,
  };
}

/** A complaint as the summary shows it: what, where and how far, without the free text. */
function withoutText(complaint: Complaint): Complaint {
  const { correctiveActions: _a, replyText: _r, ...rest } = complaint;
  return { ...rest, matter: '' };
}

function withoutNotes(contact: Contact): Contact {
  const { personalNotes: _n, ...rest } = contact;
  return rest;
}
