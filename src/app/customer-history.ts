import { matchCustomers } from '../domain/customers/customer-match.js';
import { showCustomerQuery } from '../domain/customers/show-customer.js';
import type { ActorRef } from '../domain/records/common.js';
import type { Customer } from '../domain/records/customer.js';
import type { Person } from '../domain/records/person.js';
import type { RecordKind } from '../store/record-kinds.js';
import type { CustomerName } from '../store/record-queries.js';
import type { AuditAction, AuditEntry, AuditKind } from '../store/store-port.js';
import { fieldErrorsFrom } from '../domain/validation.js';
import type { AppContext } from './app-context.js';
import { allows, authorize, type Decision } from './authorize.js';
import type { CustomerLookup, CustomerRef } from './customer-overview.js';
import { forbidden, invalid, type UseCaseResult } from './result.js';

/** How many changes `historia` lists; older ones are counted ("N older changes"). */
export const HISTORY_LIMIT = 20;

/**
 * Free text only management, the quality manager and the home concerned read (DOMAIN.md, "Who may see and
 * do what"): for anyone else the history says the field changed, never what it says.
 */
const confidentialFields: Partial<Record<RecordKind, readonly string[]>> = {
  complaint: ['matter', 'correctiveActions', 'replyText'],
  contact: ['personalNotes'],
};

export interface HistoryChange {
  field: string;
  /** `null` where the field was empty, and always for a hidden change. */
  from: unknown;
  to: unknown;
  /** The reader may not see this text: show that it changed, not the values. */
  hidden: boolean;
}

export interface HistoryEntry {
  at: string;
  by: ActorRef;
  kind: AuditKind;
  action: AuditAction;
  /** Which record, as people name it: a place "Koivukoti A12", a complaint by its home and date. */
  subject: { name?: string | undefined; date?: string | undefined };
  status?: { from: string | null; to: string } | undefined;
  changes: HistoryChange[];
}

export interface CustomerHistory {
  customer: CustomerRef;
  entries: HistoryEntry[];
  /** Changes older than the ones listed. */
  more: number;
  /** Names of the customers, homes and contacts the values point at, by id. */
  names: Record<string, string>;
}

export type HistoryLookup = { kind: 'found'; history: CustomerHistory } | Exclude<CustomerLookup, { kind: 'found' }>;

/**
 * Where the history is shown: in the asker's own chat, or in a channel, where everyone there reads it —
 * then no confidential text at all, whoever asked (the card is written for the channel's audience).
 */
export type HistoryAudience = 'personal' | 'channel';

/** `historia <asiakas>`: the customer the name means (as `asiakas` finds it) and its latest changes. */
export async function customerHistory(ctx: AppContext, actor: ActorRef, typed: string, audience: HistoryAudience = 'personal'): Promise<UseCaseResult<HistoryLookup>> {
  const allowed = await authorize(ctx, actor, 'readHistory');
  if (!allowed.ok) return refused(allowed);
  // The store's cached name list, as `asiakas` reads it: no customer table on the request path (issue 10).
  const customers = await ctx.store.queries.customerNames();
  const match = matchCustomers(typed, customers);
  const ref = (c: CustomerName): CustomerRef => ({ id: c.id, name: c.name });
  const found = (value: HistoryLookup): UseCaseResult<HistoryLookup> => ({ ok: true, duplicate: false, value });
  switch (match.kind) {
    case 'empty':
      return found({ kind: 'askName', customers: customers.map(ref) });
    case 'candidates':
      return found({ kind: 'choose', typed: typed.trim(), customers: match.customers.map(ref) });
    case 'none':
      return found({ kind: 'notFound', typed: typed.trim(), closest: match.closest.map(ref) });
    case 'one': {
      const customer = await ctx.store.records.get('customer', match.customer.id);
      if (!customer) return invalid([{ field: 'customerId', key: 'customerCard.unknown' }]);
      const history = await historyOf(ctx, allowed.person, actor, customer, audience);
      return history.ok ? found({ kind: 'found', history: history.value }) : history;
    }
  }
}

/** A customer's history by id (a name button). */
export async function showCustomerHistory(ctx: AppContext, actor: ActorRef, input: unknown, audience: HistoryAudience = 'personal'): Promise<UseCaseResult<CustomerHistory>> {
  const allowed = await authorize(ctx, actor, 'readHistory');
  if (!allowed.ok) return refused(allowed);
  const parsed = showCustomerQuery.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsFrom(parsed.error));
  const customer = await ctx.store.records.get('customer', parsed.data.customerId);
  if (!customer) return invalid([{ field: 'customerId', key: 'customerCard.unknown' }]);
  return historyOf(ctx, allowed.person, actor, customer, audience);
}

/** Someone outside the people list is told so; anyone else is told who may read the history. */
function refused(decision: Exclude<Decision, { ok: true }>): UseCaseResult<never> {
  return forbidden(decision.message === 'auth.roleRequired' ? { ...decision, message: 'history.forbidden' } : decision);
}

async function historyOf(ctx: AppContext, person: Person, actor: ActorRef, customer: Customer, audience: HistoryAudience): Promise<UseCaseResult<CustomerHistory>> {
  // A regional director reads the history of their own region's customers.
  const inScope = await authorize(ctx, actor, 'readHistory', { region: customer.region });
  if (!inScope.ok) return refused(inScope);
  const { records } = ctx.store;
  const [page, customers, homes, contacts] = await Promise.all([
    ctx.store.audit.forCustomer(customer.id, HISTORY_LIMIT),
    ctx.store.queries.customerNames(),
    ctx.store.queries.careHomes(),
    records.list('contact', { customerId: customer.id }),
  ]);
  const names: Record<string, string> = Object.fromEntries([...customers, ...homes, ...contacts].map((r) => [r.id, r.name]));
  const regionOfHome = new Map(homes.map((h) => [h.id, h.region]));
  const entries: HistoryEntry[] = [];
  for (const entry of page.entries) {
    const current = entry.kind === 'channelBinding' ? undefined : ((await records.get(entry.kind, entry.recordId)) as Record<string, unknown> | undefined);
    // The newest values the trail knows stand in for a record no longer there.
    const values = current ?? Object.fromEntries(entry.changes.map((c) => [c.field, c.to]));
    const mayRead = audience === 'personal' && mayReadConfidential(person, entry.kind, values, customer, regionOfHome);
    entries.push({
      at: entry.at,
      by: entry.by,
      kind: entry.kind,
      action: entry.action,
      subject: subjectOf(entry.kind, values, names),
      status: entry.status,
      changes: entry.changes
        // A withdrawal (issue 11) is said even though its time is the entry's own: it is what happened.
        .filter((c) => c.field !== 'status' && (c.field === 'withdrawnAt' || !repeatsWhoOrWhen(c.to, entry)))
        .map((c) => {
          const hidden = !mayRead && (confidentialFields[entry.kind as RecordKind] ?? []).includes(c.field);
          return hidden ? { field: c.field, from: null, to: null, hidden } : { ...c, hidden };
        }),
    });
  }
  return { ok: true, duplicate: false, value: { customer: { id: customer.id, name: customer.name }, entries, more: Math.max(0, page.total - page.entries.length), names } };
}

/** A complaint's text is for its home's people and management; a contact's notes for the customer's region. */
function mayReadConfidential(person: Person, kind: AuditKind, values: Record<string, unknown>, customer: Customer, regionOfHome: Map<string, Customer['region']>): boolean {
  if (kind === 'complaint') {
    const careHomeId = typeof values.careHomeId === 'string' ? values.careHomeId : undefined;
    // Not knowing the home, nobody home-scoped may read it: fail closed.
    if (!careHomeId) return false;
    return allows(person, 'readConfidential', { careHomeId, region: regionOfHome.get(careHomeId) });
  }
  return allows(person, 'readConfidential', { region: customer.region });
}

/** "Reserved by Mikko at 10:05" under an entry already headed "10:05 · Mikko" says nothing new. */
function repeatsWhoOrWhen(value: unknown, entry: AuditEntry): boolean {
  return value === entry.at || (typeof value === 'object' && value !== null && JSON.stringify(value) === JSON.stringify(entry.by));
}

function subjectOf(kind: AuditKind, r: Record<string, unknown>, names: Record<string, string>): HistoryEntry['subject'] {
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const home = names[str(r.careHomeId) ?? ''];
  switch (kind) {
    case 'place':
      return { name: [home, str(r.label)].filter(Boolean).join(' ') };
    case 'complaint':
    case 'supervisionVisit':
      return { name: home, date: str(r.receivedDate) ?? str(r.date) };
    case 'homeEvent':
      return { name: str(r.title), date: str(r.date) };
    case 'developmentMeeting':
      return { date: str(r.startsAt)?.slice(0, 10) };
    case 'contactLogEntry':
      return { date: str(r.date) };
    case 'agreement':
      return { name: str(r.title) };
    case 'customerPlan':
      return { name: r.year === undefined ? undefined : String(r.year) };
    case 'customer':
    case 'contact':
    case 'careHome':
    case 'person':
      return { name: str(r.name) };
    default:
      return {};
  }
}
