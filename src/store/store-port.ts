import type { ActorRef } from '../domain/records/common.js';
import type { Audience, ChannelAudience } from '../notify/audience.js';
import type { AuditStore } from './audit.js';
import type { RecordQueries } from './record-queries.js';
import type { RecordKind, RecordOf } from './record-kinds.js';

export type { CustomerName, OpenPlacesQuery, PlaceOnDay, PlacePage, RecordQueries } from './record-queries.js';
export type { AuditAction, AuditChange, AuditDraft, AuditEntry, AuditKind, AuditPage, AuditStore } from './audit.js';

/**
 * The storage port. Use cases read and write only through this; `sqlite/` and (later) `sharepoint/`
 * implement it and pass the same contract tests (test/store/record-store.contract.ts).
 */

/** A create (`expectedVersion: null`) or an update of the version the caller read. */
export interface RecordWrite<K extends RecordKind = RecordKind> {
  kind: K;
  record: RecordOf<K>;
  expectedVersion: number | null;
}

/** A notification waiting to be delivered: one per (event, audience, recipient). */
export interface OutboxDraft {
  eventId: string;
  eventType: string;
  /** Post a new card, or update the cards already posted for `recordKey`. */
  mode: 'post' | 'update';
  audience: Audience;
  /** The user a personal audience means; '' for a channel. */
  recipient: string;
  variant: NotificationVariant;
  recordKey?: string | undefined;
  payload: unknown;
  /** Not before this instant (a reminder on the next-contact date); now when absent. */
  notBefore?: string | undefined;
}

export type NotificationVariant = 'full' | 'summary';

/**
 * Everything one use case changes, applied all-or-nothing: the records and their pending notifications
 * are written together, so a card is never lost for a stored record nor sent for a record that wasn't.
 */
export interface ChangeSet {
  /**
   * When the change happened, from the use case's clock: outbox rows are due from then, and a store
   * never reads the system clock itself, so tests with an injected clock see the same time everywhere.
   */
  at: string;
  /**
   * Who made the change (absent for the system's own writes: the seed, a migration): every write of the
   * change set gets an audit entry naming them, stored in the same transaction (src/store/audit.ts).
   */
  by?: ActorRef | undefined;
  /** A repeated request with the same key changes nothing and gets the first result back. */
  idempotencyKey?: string;
  writes: RecordWrite[];
  outbox: OutboxDraft[];
  /**
   * Posts for these record keys not sent yet are dropped, in the same transaction, before `outbox` is added:
   * a plan saved again replaces a changed encounter's reminder instead of queueing a second one (issue 12).
   */
  dropPendingPosts?: readonly string[];
  /** Stored with the idempotency key and returned to a repeated request. */
  result?: unknown;
}

export type CommitResult = { applied: true } | { applied: false; duplicateOf: unknown };

/** Another user changed the record first; the caller re-reads and decides. */
export class ConcurrencyConflict extends Error {
  constructor(readonly kind: RecordKind, readonly id: string, readonly expectedVersion: number | null) {
    super(`${kind} ${id}: version ${expectedVersion ?? '(new)'} is no longer current`);
    this.name = 'ConcurrencyConflict';
  }
}

export type Filter<K extends RecordKind> = Partial<{ [F in keyof RecordOf<K>]: RecordOf<K>[F] & (string | number | boolean) }>;

export interface RecordStore {
  get<K extends RecordKind>(kind: K, id: string): Promise<RecordOf<K> | undefined>;
  /**
   * Equality filters only: the SharePoint adapter can filter on one indexed column per query. Without a
   * filter it reads a whole table: for maintenance, never on a request path (use `Store.queries`).
   */
  list<K extends RecordKind>(kind: K, filter?: Filter<K>): Promise<RecordOf<K>[]>;
  commit(changes: ChangeSet): Promise<CommitResult>;
}

/** Where a conversation can be reached proactively: a Bot Framework ConversationReference, kept opaque here. */
export interface StoredConversation {
  key: string;
  reference: Record<string, unknown>;
  updatedAt: string;
}

export interface ChannelBinding {
  audience: ChannelAudience;
  teamId: string;
  channelId: string;
  channelName: string;
  /** The conversation reference to post into the channel (conversation id = channel id). */
  reference: Record<string, unknown>;
  boundBy: string;
  boundAt: string;
  /** Teams answered 403/404 for this channel (app removed, channel deleted): when, and what it said. Binding again clears it. */
  brokenAt?: string | undefined;
  brokenReason?: string | undefined;
}

export interface ConversationStore {
  saveConversation(conversation: StoredConversation): Promise<void>;
  getConversation(key: string): Promise<StoredConversation | undefined>;
  bindChannel(binding: ChannelBinding): Promise<void>;
  getBinding(audience: ChannelAudience): Promise<ChannelBinding | undefined>;
  listBindings(): Promise<ChannelBinding[]>;
  markBindingBroken(audience: ChannelAudience, at: string, reason: string): Promise<void>;
  /** A post went through again (the app is back in the team): the binding is no longer broken. */
  markBindingWorking(audience: ChannelAudience): Promise<void>;
}

export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'dead';

export interface OutboxEntry extends Omit<OutboxDraft, 'notBefore'> {
  id: number;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: string;
  lastError?: string | undefined;
  conversationId?: string | undefined;
  activityId?: string | undefined;
  createdAt: string;
  /** Where the retry budget counts from: the row's creation, or the last time an admin sent it again. */
  retryFrom: string;
}

/** The outbox at a glance, for `tila` and /healthz. */
export interface OutboxCounts {
  /** Not sent yet and not waiting for a conversation: due, retrying or being sent. */
  pending: number;
  /** Waiting for a channel to be bound (or rebound) or a person to talk to the bot. */
  waiting: number;
  dead: number;
  sent: number;
  /** The creation time of the oldest row not sent yet (pending or waiting). */
  oldestUnsentAt?: string | undefined;
}

export interface OutboxStore {
  /** Takes up to `limit` due entries and leases them until `leaseUntil`, so two workers never post the same card. */
  claimDue(now: string, leaseUntil: string, limit: number): Promise<OutboxEntry[]>;
  markSent(id: number, delivered: { conversationId: string; activityId: string; at: string }): Promise<void>;
  reschedule(id: number, nextAttemptAt: string, error: string): Promise<void>;
  markDead(id: number, error: string): Promise<void>;
  /** Puts a row back without counting the attempt: it waits for something else (a channel binding). */
  defer(id: number, nextAttemptAt: string, reason: string): Promise<void>;
  /** Makes the rows waiting for an audience (one person's, given `recipient`) due now: a channel was bound, or the person wrote. */
  wake(audience: Audience, now: string, recipient?: string): Promise<number>;
  list(filter?: { status?: OutboxStatus }): Promise<OutboxEntry[]>;
  /** Every row not yet sent nor dead, oldest first: the worker keeps each conversation's rows in this order. */
  listUnsent(): Promise<OutboxEntry[]>;
  /** Leases one row if it is still due (not taken by another worker meanwhile); counts the attempt. */
  claim(id: number, now: string, leaseUntil: string): Promise<OutboxEntry | undefined>;
  counts(): Promise<OutboxCounts>;
  /** Dead rows back to pending, due now, with a fresh retry budget; returns how many. */
  retryDead(now: string): Promise<number>;
  /** The cards posted for a record (to update them in place), and whether a post for it is still on its way. */
  /** A card not yet posted for a record shows its newest state when it goes out: replace its payload. */
  refreshWaitingPosts(recordKey: string, payload: unknown): Promise<number>;
  postedFor(recordKey: string): Promise<{ posted: { conversationId: string; activityId: string; audience: Audience; recipient: string; variant: NotificationVariant }[]; pending: number }>;
}

/**
 * A record changed outside HoivaCRM — a person edited the SharePoint list directly — as the store's change
 * feed shows it. The app turns it into the same domain events a bot command causes (src/app/
 * interpret-outside-edit.ts); the store then keeps the record and the notifications together.
 */
export interface OutsideEdit<K extends RecordKind = RecordKind> {
  kind: K;
  /** The record as HoivaCRM knew it; absent for an item created outside. */
  before: RecordOf<K> | undefined;
  after: RecordOf<K>;
  /** Who made the edit (the SharePoint user), and when. */
  editor: ActorRef;
  at: string;
  /** Stable for this one edit (list, item, eTag): event ids derive from it, so reading it twice notifies once. */
  editKey: string;
}

export type OutsideEditInterpreter = <K extends RecordKind>(edit: OutsideEdit<K>) => Promise<{ record: RecordOf<K>; outbox: OutboxDraft[] }>;

export interface Store {
  records: RecordStore;
  /** What a view needs, read narrowly (record-queries.ts): every request path reads through these. */
  queries: RecordQueries;
  conversations: ConversationStore;
  outbox: OutboxStore;
  /** Who changed what and when: records' entries are written by `commit`; a binding change is appended. */
  audit: AuditStore;
  close(): Promise<void>;
}
