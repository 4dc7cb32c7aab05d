import type { ActorRef } from '../domain/records/common.js';
import type { ChannelAudience } from '../notify/audience.js';
import type { RecordKind } from './record-kinds.js';

/**
 * The audit trail (issue 9, "Audit trail"; DOMAIN.md: "every change is kept in an audit trail (who, when,
 * before/after)"). Every stored create, update and status change becomes one entry, written by the store in
 * the same transaction as the record; a channel binding change is appended by the use case that makes it.
 */
export type AuditAction = 'create' | 'update' | 'status' | 'binding';

/** A record kind, or the channel bindings (not records, but changing one moves where complaint texts go). */
export type AuditKind = RecordKind | 'channelBinding';

/** One field's value before and after; `null` where the field was absent (JSON keeps no `undefined`). */
export interface AuditChange {
  field: string;
  from: unknown;
  to: unknown;
}

export interface AuditDraft {
  at: string;
  by: ActorRef;
  kind: AuditKind;
  /** The record's id; for a binding, its audience ('sales', 'management'). */
  recordId: string;
  /** The customers the change belongs to (a customer is its own); empty for a care home, a person, a binding. */
  customerIds: readonly string[];
  action: AuditAction;
  /** A record with a `status` field whose status changed (or was set by a create). */
  status?: { from: string | null; to: string } | undefined;
  changes: AuditChange[];
}

export interface AuditEntry extends AuditDraft {
  id: number;
}

/** A customer's changes, newest first, and how many there are in all (the card says "N more"). */
export interface AuditPage {
  entries: AuditEntry[];
  total: number;
}

export interface AuditStore {
  append(entry: AuditDraft): Promise<void>;
  forCustomer(customerId: string, limit: number): Promise<AuditPage>;
  /** Newest first. */
  list(filter?: { kind?: AuditKind; recordId?: string }): Promise<AuditEntry[]>;
}

/** The actor of a change no person made: the seed, a migration, the first read of a site. */
export const systemActor: ActorRef = { id: 'hoivacrm', name: 'HoivaCRM' };

/** Meta fields change on every write; the entry itself says who and when. */
const metaFields = new Set(['id', 'version', 'createdAt', 'createdBy', 'updatedAt']);
/** Fields that point at customers: a place belongs to the customer it is reserved for. */
const customerFields = ['customerId', 'customerIds', 'reservedForCustomerId'] as const;

type Fields = Record<string, unknown>;

/** The customers a record belongs to, before and after (a released reservation stays in the customer's history). */
export function customersOf(kind: RecordKind, ...versions: (Fields | undefined)[]): string[] {
  const ids = new Set<string>();
  for (const record of versions) {
    if (!record) continue;
    if (kind === 'customer' && typeof record.id === 'string') ids.add(record.id);
    for (const field of customerFields) {
      const value = record[field];
      if (typeof value === 'string') ids.add(value);
      if (Array.isArray(value)) value.filter((v): v is string => typeof v === 'string').forEach((v) => ids.add(v));
    }
  }
  return [...ids];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The entry for one stored write: a create lists every field it set, an update the fields it changed. */
export function auditOfWrite(kind: RecordKind, before: Fields | undefined, after: Fields, by: ActorRef, at: string): AuditDraft {
  const fields = new Set([...Object.keys(before ?? {}), ...Object.keys(after)].filter((f) => !metaFields.has(f)));
  const changes: AuditChange[] = [];
  for (const field of fields) {
    if (!same(before?.[field], after[field])) changes.push({ field, from: before?.[field] ?? null, to: after[field] ?? null });
  }
  const hasStatus = typeof after.status === 'string';
  const statusChanged = hasStatus && (!before || before.status !== after.status);
  return {
    at,
    by,
    kind,
    recordId: String(after.id),
    customerIds: customersOf(kind, before, after),
    action: !before ? 'create' : statusChanged ? 'status' : 'update',
    ...(statusChanged ? { status: { from: typeof before?.status === 'string' ? before.status : null, to: String(after.status) } } : {}),
    changes,
  };
}

/** Where a channel binding pointed, as the audit keeps it. */
export interface BoundChannel {
  teamId: string;
  channelId: string;
  channelName: string;
}

/**
 * The entry for a channel binding change (src/app/bind-channel.ts appends it with `store.audit.append`):
 * who, when, from which channel to which (`from` absent for a first binding).
 */
export function bindingAudit(audience: ChannelAudience, from: BoundChannel | undefined, to: BoundChannel, by: ActorRef, at: string): AuditDraft {
  const channel = (c: BoundChannel | undefined) => (c ? { teamId: c.teamId, channelId: c.channelId, channelName: c.channelName } : null);
  return { at, by, kind: 'channelBinding', recordId: audience, customerIds: [], action: 'binding', changes: [{ field: 'channel', from: channel(from), to: channel(to) }] };
}
