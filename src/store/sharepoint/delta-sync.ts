import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import type { ActorRef } from '../../domain/records/common.js';
import type { GraphClient } from '../../graph/graph-client.js';
import type { BatchResult } from '../../graph/batch.js';
import { GraphRequestError, requestError } from '../../graph/graph-errors.js';
import type { Logger } from '../../logger.js';
import { recordKinds, type RecordKind, type RecordOf } from '../record-kinds.js';
import type { SqliteRecordStore } from '../sqlite/sqlite-store.js';
import type { OutboxDraft, OutsideEditInterpreter } from '../store-port.js';
import { DeltaLinks } from './delta-links.js';
import { DeltaPollSchedule, type DeltaPollSettings } from './delta-poll-schedule.js';
import { columnsToRepair } from './column-repair.js';
import { fieldsToRecord, ListItemMappingError, recordToFields } from './field-mapping.js';
import type { ItemIndex } from './item-index.js';
import type { ListDirectory } from './list-directory.js';
import { inDependencyOrder, keyColumnName, listDefinitionOf, versionColumnName } from './list-schema.js';
import type { ListWriter } from './list-writer.js';
import type { SerialLock } from './serial-lock.js';

/**
 * Keeps the mirror current with the lists (issue 4, "Edits made directly in SharePoint") through the list
 * delta query, `GET /sites/{site}/lists/{list}/items/delta` (learn.microsoft.com/graph/api/listitem-delta):
 * follow `@odata.nextLink` to the `@odata.deltaLink`, keep that link (SQLite, per list) for the next read;
 * the feed shows each item's latest state, may show an item twice (the last one counts), marks deleted
 * items with the `deleted` facet, and answers `410 Gone` with a `Location` to restart from when it can no
 * longer follow a token. Each item is then one of:
 *
 * - its eTag is the one the item index holds → our own write echoing back (or nothing new): skipped;
 * - its HoivaCRM columns equal the mirror → a change of nothing HoivaCRM keeps (Title, say): eTag noted;
 * - otherwise a person edited the list: the item is read with the record's zod schema (an invalid edit is
 *   logged and left out — never half-stored, never notified), the record gets its next version, the app's
 *   interpreter turns the edit into the same domain events and cards a bot command would, and mirror + eTag +
 *   outbox rows + the audit entry (naming the editor) are stored in one SQLite transaction. Event ids derive
 *   from (list, item, eTag), so a feed read twice notifies once.
 *
 * Nothing is written back to an item that holds a readable record (issue 10): only HoivaCRM columns that are
 * missing or invalid (column-repair.ts; an item typed in the list view has no HoivaId) are PATCHed, with
 * `If-Match`. So a first read of populated lists writes nothing, and after a person's edit the list keeps
 * showing that person as the last editor. The mirror's version moves on with each edit; the HoivaVersion
 * column only with HoivaCRM's own writes.
 *
 * The first read of a list (no delta link yet) takes the items in as they are, without notifications: it
 * fills an empty mirror, it does not announce a site's history; the record's dates are the item's own
 * HoivaCRM columns, not SharePoint's lastModifiedDateTime (whose clock may differ from the app's). Lists are read lookup targets first
 * (customers, care homes), so a new place's care home is known when the place is read.
 */
export interface DeltaSyncOptions {
  graph: GraphClient;
  lists: ListDirectory;
  db: Database.Database;
  index: ItemIndex;
  records: SqliteRecordStore;
  writer: ListWriter;
  lock: SerialLock;
  timeZone: string;
  interpret: OutsideEditInterpreter;
  /** Called after a read that queued notifications (wakes the outbox worker). */
  notificationsQueued?: () => void;
  now?: () => Date;
  logger?: Logger;
}

export interface DeltaReport {
  kind: RecordKind;
  /** Items taken into the mirror as people's edits or first reads. */
  changed: number;
  removed: number;
  notifications: number;
  /** Items left out: the reason for each (an invalid edit, a write-back someone overtook). */
  skipped: string[];
  /** A 410 Gone made the read start over. */
  restarted: boolean;
  /** Whether the delta link moved on (false when something is to be read again next time). */
  complete: boolean;
}

interface DeltaItem {
  id: string;
  eTag?: string;
  createdDateTime?: string;
  lastModifiedDateTime?: string;
  createdBy?: { user?: { id?: string; displayName?: string; email?: string } };
  lastModifiedBy?: { user?: { id?: string; displayName?: string; email?: string } };
  deleted?: { state?: string };
  fields?: Record<string, unknown>;
}

interface DeltaPage {
  value?: DeltaItem[];
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
}

const metaFields = new Set(['id', 'version', 'createdAt', 'createdBy', 'updatedAt']);

export class DeltaSync {
  private readonly links: DeltaLinks;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<DeltaReport[]> | undefined;
  /** Lists asked for and not read yet. */
  private readonly pending = new Set<RecordKind>();
  private schedule: DeltaPollSchedule | undefined;
  private lastRead: { at?: string; error?: string; skipped: number } = { skipped: 0 };

  constructor(private readonly options: DeltaSyncOptions) {
    this.links = new DeltaLinks(options.db);
  }

  /**
   * Polls on a schedule (delta-poll-schedule.ts): the lists that change often at their own interval, the
   * others less often, each group backing off while nothing changes. A number polls every list at that
   * interval without back-off. `syncNow` / `changeNotified` may be called in between.
   */
  start(settings: DeltaPollSettings | number): void {
    const plan: DeltaPollSettings =
      typeof settings === 'number' ? { fastKinds: recordKinds, fastMs: settings, slowMs: settings, maxMs: settings } : settings;
    this.schedule = new DeltaPollSchedule(plan, recordKinds, Date.now());
    const tick = () => {
      this.timer = setTimeout(() => {
        const due = this.schedule?.due(Date.now()) ?? [];
        (due.length ? this.syncNow(due) : Promise.resolve([]))
          .catch((error: unknown) => this.options.logger?.warn('reading the SharePoint delta feed failed; trying again', { error: (error as Error).message }))
          .finally(() => {
            if (this.timer) tick();
          });
      }, this.schedule!.msUntilNext(Date.now()));
      this.timer.unref?.();
    };
    tick();
  }

  async stop(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.schedule = undefined;
    await this.running?.catch(() => undefined);
  }

  /** A Graph change notification: polling returns to its base intervals, and every list is read now. */
  changeNotified(): Promise<DeltaReport[]> {
    this.schedule?.reset();
    return this.syncNow();
  }

  /** Each group's lists and current poll interval (undefined before start). */
  pollIntervals(): { kinds: readonly RecordKind[]; intervalMs: number }[] | undefined {
    return this.schedule?.intervals();
  }

  /**
   * Reads the feeds of `kinds` (every list by default) once; a call while a read runs waits for it and then
   * reads what it asked for. Each read moves the poll schedule on (a change resets its group's interval).
   */
  syncNow(kinds: readonly RecordKind[] = recordKinds): Promise<DeltaReport[]> {
    kinds.forEach((k) => this.pending.add(k));
    if (this.running) return this.running;
    const run = async (): Promise<DeltaReport[]> => {
      const reports: DeltaReport[] = [];
      while (this.pending.size) {
        const read = [...this.pending];
        this.pending.clear();
        const round = await this.syncAllLists(read);
        reports.push(...round);
        const changed = new Set(round.filter((r) => r.changed + r.removed > 0 || r.restarted).map((r) => r.kind));
        this.schedule?.record(read, changed, Date.now());
      }
      if (reports.some((r) => r.notifications > 0)) this.options.notificationsQueued?.();
      this.lastRead = { at: this.now(), skipped: reports.reduce((n, r) => n + r.skipped.length, 0) };
      return reports;
    };
    this.running = run()
      .catch((error: unknown) => {
        this.pending.clear();
        this.lastRead = { ...this.lastRead, error: (error as Error).message };
        throw error;
      })
      .finally(() => {
        this.running = undefined;
        // Asked for after the last round had started awaiting nothing more: read it now, not at the next poll.
        if (this.pending.size) this.syncNow([]).catch(() => undefined);
      });
    return this.running;
  }

  /** For /healthz: when the lists were last read through, items left out then, and the last failure since. */
  status(): { lastReadAt: string | null; skippedItems: number; lastError: string | null } {
    return { lastReadAt: this.lastRead.at ?? null, skippedItems: this.lastRead.skipped, lastError: this.lastRead.error ?? null };
  }

  /**
   * The lists asked for, under the store's lock: the first page of all their feeds in one `$batch` (one request instead
   * of one per list — each inner GET still costs SharePoint its resource unit, and an inner 429 is retried on
   * its own by the batch plug-in), then each list's further pages and its items, lookup targets first.
   */
  private syncAllLists(which: readonly RecordKind[]): Promise<DeltaReport[]> {
    return this.options.lock.run(async () => {
      const kinds = inDependencyOrder(recordKinds).filter((k) => which.includes(k));
      const firstPages = await this.options.graph.batch<DeltaPage>(kinds.map((kind) => ({ method: 'GET', url: this.feedUrl(kind) })));
      const reports: DeltaReport[] = [];
      for (const [i, kind] of kinds.entries()) reports.push(await this.syncListLocked(kind, firstPages[i]));
      return reports;
    });
  }

  /** One list: read its feed to the delta link and apply it, under the store's lock. */
  syncList(kind: RecordKind): Promise<DeltaReport> {
    return this.options.lock.run(() => this.syncListLocked(kind));
  }

  private feedUrl(kind: RecordKind): string {
    return this.links.get(this.options.lists.listId(kind)) ?? this.firstUrl(kind);
  }

  private async syncListLocked(kind: RecordKind, firstPage?: BatchResult<DeltaPage>): Promise<DeltaReport> {
    const { lists } = this.options;
    const listId = lists.listId(kind);
    const stored = this.links.get(listId);
    const report: DeltaReport = { kind, changed: 0, removed: 0, notifications: 0, skipped: [], restarted: false, complete: true };
    let read: { items: DeltaItem[]; deltaLink: string };
    try {
      read = await this.readFeed(this.feedUrl(kind), firstPage);
    } catch (error) {
      if (!(error instanceof GraphRequestError) || error.status !== 410) throw error;
      // The token can no longer be followed: enumerate again from where the service says (or from the start).
      report.restarted = true;
      this.options.logger?.warn('the SharePoint delta token expired; reading the list again', { list: listId });
      read = await this.readFeed(error.headers.location ?? this.firstUrl(kind));
    }
    const firstRead = stored === undefined;
    for (const item of lastOccurrences(read.items)) {
      try {
        await this.applyItem(kind, listId, item, firstRead, report);
      } catch (error) {
        report.complete = false;
        report.skipped.push(`item ${item.id}: ${(error as Error).message}`);
      }
    }
    if (report.restarted) this.removeUnseen(kind, listId, read.items, report);
    if (report.complete) this.links.put(listId, kind, read.deltaLink, this.now());
    for (const skipped of report.skipped) this.options.logger?.warn('a SharePoint list item was not taken in', { kind, skipped });
    return report;
  }

  /**
   * After a 410 the list was enumerated afresh, and a fresh enumeration shows only the items that exist
   * ("Resources deleted before the initial delta query are not returned"): a mirrored record whose item it
   * did not show was deleted while the token could not be followed. listitem-delta, 410
   * resyncChangesApplyDifferences: "Replace any local items with the server's version (including deletes)".
   */
  private removeUnseen(kind: RecordKind, listId: string, items: readonly DeltaItem[], report: DeltaReport): void {
    const { index, records, db } = this.options;
    const seen = new Set(items.filter((i) => !i.deleted).map((i) => i.id));
    for (const ref of index.ofList(listId)) {
      if (seen.has(ref.itemId)) continue;
      db.transaction(() => {
        records.remove(kind, ref.recordId);
        index.remove(kind, ref.recordId);
      })();
      report.removed++;
      this.options.logger?.info('a record deleted in SharePoint while the delta token had expired', { kind, id: ref.recordId });
    }
  }

  private firstUrl(kind: RecordKind): string {
    // Only HoivaCRM's columns (and the built-in ones the reader uses): $select keeps the pages small.
    const columns = listDefinitionOf(kind).columns.map((c) => c.fieldKey);
    return `${this.options.lists.itemsPath(kind)}/delta?expand=fields(select=${columns.join(',')})`;
  }

  /** Follows the feed from `url` to its delta link; `firstPage`, when given, is the answer to `url` already read. */
  private async readFeed(url: string, firstPage?: BatchResult<DeltaPage>): Promise<{ items: DeltaItem[]; deltaLink: string }> {
    const items: DeltaItem[] = [];
    let next: string | undefined = url;
    for (let first = true; ; first = false) {
      const page: DeltaPage = first && firstPage ? pageOf(firstPage, url) : await this.options.graph.get<DeltaPage>(next);
      items.push(...(page.value ?? []));
      if (page['@odata.deltaLink']) return { items, deltaLink: page['@odata.deltaLink'] };
      next = page['@odata.nextLink'];
      if (!next) throw new Error('the delta feed ended without an @odata.deltaLink');
    }
  }

  private async applyItem(kind: RecordKind, listId: string, item: DeltaItem, firstRead: boolean, report: DeltaReport): Promise<void> {
    const { index, records, db } = this.options;
    const ref = index.ofItem(listId, item.id);
    if (item.deleted) {
      if (ref) {
        db.transaction(() => {
          records.remove(kind, ref.recordId);
          index.remove(kind, ref.recordId);
        })();
        report.removed++;
        this.options.logger?.info('a record was deleted in SharePoint', { kind, id: ref.recordId });
      }
      return;
    }
    const etag = item.eTag ?? String(item.fields?.['@odata.etag'] ?? '');
    if (ref && ref.etag === etag) return;

    const fields = item.fields ?? {};
    const keyed = typeof fields[keyColumnName] === 'string' ? (fields[keyColumnName] as string) : undefined;
    const before = (await records.get(kind, ref?.recordId ?? keyed ?? '')) as Record<string, unknown> | undefined;
    // A first read takes items in without interpreting them: who edited them last is not needed (createdBy is in the feed).
    const editor = editorOf(item.lastModifiedBy || (firstRead && !before) ? item : await this.withEditor(kind, item));
    const at = isoInstant(item.lastModifiedDateTime) ?? this.now();
    const after = this.readRecord(kind, item, fields, before, editor, at, keyed);
    if (after === undefined) {
      report.skipped.push(`item ${item.id} of "${listDefinitionOf(kind).displayName}" is not a valid ${kind}: ${this.lastProblem}`);
      return;
    }
    if (before && sameContent(kind, before, after, index, this.options.timeZone)) {
      db.transaction(() => index.put({ kind, recordId: String(before.id), listId, itemId: item.id, etag }))();
      return;
    }
    const interpreted =
      firstRead && !before
        ? { record: after as RecordOf<RecordKind>, outbox: [] as OutboxDraft[] }
        : await this.options.interpret({
            kind,
            before: before as RecordOf<RecordKind> | undefined,
            after: after as RecordOf<RecordKind>,
            editor,
            at,
            editKey: `${listId}/${item.id}/${etag}`,
          });
    const record = interpreted.record as Record<string, unknown> & { id: string; version: number };
    // Repair what the item lacks (its id, say), nothing else: the person stays the last editor. Someone
    // editing again meanwhile → 412: read again next time.
    const newEtag = await this.writeBack(kind, item.id, etag, record, fields);
    // Due from now on HoivaCRM's clock (the outbox worker's), whatever the SharePoint server's clock says.
    // The audit entry names the person who edited the list (or created the item a first read takes in).
    records.commitWith(
      { at: this.now(), by: editor, writes: [{ kind, record: record as never, expectedVersion: before ? Number(before.version) : null }], outbox: interpreted.outbox },
      () => index.put({ kind, recordId: record.id, listId, itemId: item.id, etag: newEtag }),
    );
    report.changed++;
    report.notifications += interpreted.outbox.length;
  }

  private lastProblem = '';

  /**
   * The delta feed leaves out who changed an item (learn.microsoft.com/answers/questions/5768708): read it
   * for the item. One GET (1 resource unit), only for an item that is not our own write.
   */
  private async withEditor(kind: RecordKind, item: DeltaItem): Promise<DeltaItem> {
    if (this.options.index.ofItem(this.options.lists.listId(kind), item.id)?.etag === (item.eTag ?? item.fields?.['@odata.etag'])) return item;
    const who = await this.options.graph
      .get<Pick<DeltaItem, 'createdBy' | 'lastModifiedBy'>>(`${this.options.lists.itemsPath(kind)}/${item.id}`, { query: { $select: 'id,createdBy,lastModifiedBy' } })
      .catch(() => undefined);
    return { ...item, ...who };
  }

  /** The record an item holds, with the meta fields HoivaCRM keeps completed; undefined when it is not valid. */
  private readRecord(
    kind: RecordKind,
    item: DeltaItem,
    fields: Record<string, unknown>,
    before: Record<string, unknown> | undefined,
    editor: ActorRef,
    at: string,
    keyed: string | undefined,
  ): Record<string, unknown> | undefined {
    const definition = listDefinitionOf(kind);
    const column = (field: string) => definition.columns.find((c) => c.field === field)!.fieldKey;
    const storedVersion = Number(fields[versionColumnName]);
    const completed: Record<string, unknown> = {
      ...fields,
      [column('id')]: before?.id ?? (keyed && uuidPattern.test(keyed) ? keyed : randomUUID()),
      [column('version')]: before ? Number(before.version) + 1 : Number.isInteger(storedVersion) && storedVersion > 0 ? storedVersion : 1,
      [column('createdAt')]: before?.createdAt ?? fields[column('createdAt')] ?? isoInstant(item.createdDateTime) ?? at,
      [column('createdBy')]: before?.createdBy ?? fields[column('createdBy')] ?? editorOf(item, 'createdBy').id,
      // A first sight of an item keeps the date HoivaCRM wrote into it; an edit is dated by SharePoint.
      [column('updatedAt')]: before ? at : (isoInstant(stringOrUndefined(fields[column('updatedAt')])) ?? at),
    };
    // "Who recorded this" columns a person left empty in the list view: the person who made the edit.
    for (const c of definition.columns) {
      if (!c.required || (c.encoding !== 'actorId' && c.encoding !== 'actorName')) continue;
      const value = completed[c.fieldKey];
      if (value === undefined || value === null || value === '') completed[c.fieldKey] = c.encoding === 'actorId' ? editor.id : editor.name;
    }
    try {
      return fieldsToRecord(kind, completed, this.options.index, { timeZone: this.options.timeZone }) as Record<string, unknown>;
    } catch (error) {
      if (!(error instanceof ListItemMappingError)) throw error;
      this.lastProblem = error.problems.join('; ');
      return undefined;
    }
  }

  private async writeBack(kind: RecordKind, itemId: string, etag: string, record: Record<string, unknown>, fields: Record<string, unknown>): Promise<string> {
    const wanted = recordToFields(kind, record as never, this.options.index, { timeZone: this.options.timeZone });
    const changed = columnsToRepair(kind, fields, wanted, Number(record.version));
    if (Object.keys(changed).length === 0) return etag;
    const answer = await this.options.graph.patch<{ '@odata.etag'?: string }>(`${this.options.lists.itemsPath(kind)}/${itemId}/fields`, changed, {
      headers: { 'If-Match': etag },
    });
    return answer?.['@odata.etag'] ?? (await this.options.writer.locate(kind, String(record.id)))?.etag ?? etag;
  }

  private now(): string {
    return (this.options.now?.() ?? new Date()).toISOString();
  }
}

/** The page a batched GET answered, or the error a single GET would have thrown (a 410 keeps its Location). */
function pageOf(result: BatchResult<DeltaPage>, url: string): DeltaPage {
  if (result.ok) return result.body;
  const headers = Object.fromEntries(Object.entries(result.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]));
  throw requestError('GET', url.split('?')[0]!, result.status, result.body, headers);
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The feed may show an item more than once: the last occurrence counts, in the order of last occurrences. */
export function lastOccurrences(items: readonly DeltaItem[]): DeltaItem[] {
  const last = new Map<string, DeltaItem>();
  for (const item of items) {
    last.delete(item.id);
    last.set(item.id, item);
  }
  return [...last.values()];
}

function editorOf(item: DeltaItem, which: 'lastModifiedBy' | 'createdBy' = 'lastModifiedBy'): ActorRef {
  const user = item[which]?.user ?? item.lastModifiedBy?.user ?? item.createdBy?.user;
  const id = user?.id ?? user?.email ?? 'sharepoint';
  return { id, name: user?.displayName ?? user?.email ?? 'SharePoint' };
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function isoInstant(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** The HoivaCRM columns (meta and Title aside) of two versions of a record hold the same values. */
function sameContent(kind: RecordKind, a: Record<string, unknown>, b: Record<string, unknown>, index: ItemIndex, timeZone: string): boolean {
  const fa = recordToFields(kind, a as never, index, { timeZone });
  const fb = recordToFields(kind, b as never, index, { timeZone });
  return listDefinitionOf(kind)
    .columns.filter((c) => !metaFields.has(c.field))
    .every((c) => sameValue(fa[c.fieldKey], fb[c.fieldKey]));
}

/** SharePoint returns numbers and lookup ids as numbers or strings, and leaves empty columns out. */
function sameValue(a: unknown, b: unknown): boolean {
  const norm = (v: unknown) => (v === undefined || v === null || v === '' ? '' : String(v));
  return norm(a) === norm(b);
}
