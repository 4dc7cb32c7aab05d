import type Database from 'better-sqlite3';
import { COMPANY_TIME_ZONE } from '../../domain/dates.js';
import type { GraphClient } from '../../graph/graph-client.js';
import type { Logger } from '../../logger.js';
import { storedSchemas, type RecordKind, type RecordOf } from '../record-kinds.js';
import { SqliteAuditStore } from '../sqlite/sqlite-audit.js';
import { SqliteRecordQueries } from '../sqlite/sqlite-queries.js';
import { openSqliteDatabase, SqliteConversationStore, SqliteOutboxStore, SqliteRecordStore } from '../sqlite/sqlite-store.js';
import { ConcurrencyConflict, type ChangeSet, type CommitResult, type Filter, type OutsideEditInterpreter, type RecordStore, type Store } from '../store-port.js';
import { GraphRequestError } from '../../graph/graph-errors.js';
import { CommitJournal } from './commit-journal.js';
import { DeltaSync, type DeltaSyncOptions } from './delta-sync.js';
import { ItemIndex, type ItemRef } from './item-index.js';
import { ListDirectory } from './list-directory.js';
import { ListWriter, type ListWrite } from './list-writer.js';
import { SerialLock } from './serial-lock.js';

/**
 * STORE=sharepoint (issue 4): records live in SharePoint lists, read and written through Microsoft Graph;
 * the bot's own state (outbox, conversations, idempotency keys) and a mirror of the records stay in a local
 * SQLite file. docs/sharepoint-store.md is the design; in short:
 *
 * - `get`/`list` and the narrow `queries` read the mirror: a card or a page view costs no Graph call.
 * - `commit` validates, answers a repeated request from SQLite, checks versions against the mirror, journals
 *   the change set, writes the lists (ListWriter: unique HoivaId creates, If-Match updates, `$batch`), then
 *   stores mirror + item eTags + outbox + idempotency key + audit entries in one SQLite transaction and drops
 *   the journal row.
 * - At open, a journal row a stopped run left is finished (rolled forward: the change set was accepted).
 * - The delta feed (delta-sync.ts) keeps the mirror current with edits people make in the lists.
 */
export interface SharePointStoreOptions {
  /** The SQLite file for the mirror and the bot's own state. */
  file: string;
  graph: GraphClient;
  /** The Graph site id `hostname,siteCollectionId,webId`. */
  siteId: string;
  /** The site's regional time zone (date-only columns). */
  timeZone?: string;
  logger?: Logger;
}

export interface SharePointStore extends Store {
  readonly lists: ListDirectory;
  /** Reads the lists' delta feeds into the mirror; `interpret` turns people's edits into notifications. */
  deltaSync(options: Omit<DeltaSyncOptions, 'graph' | 'lists' | 'db' | 'index' | 'records' | 'writer' | 'lock' | 'timeZone'> & { interpret: OutsideEditInterpreter }): DeltaSync;
}

/** Stands in for an item eTag HoivaCRM could not confirm as its own write (never equal to a real one). */
import { unconfirmedEtag } from './list-writer.js';

export async function openSharePointStore(options: SharePointStoreOptions): Promise<SharePointStore> {
  const lists = await ListDirectory.read(options.graph, options.siteId);
  const db = openSqliteDatabase(options.file);
  const timeZone = options.timeZone ?? COMPANY_TIME_ZONE;
  const mirror = new SqliteRecordStore(db);
  const index = new ItemIndex(db);
  const writer = new ListWriter(options.graph, lists, index, timeZone, options.logger);
  const lock = new SerialLock();
  // A 412 means the list holds an edit the mirror has not read yet: read that list's feed right after the
  // refused commit, before the conflict reaches the use case, so its answer ("Kaisa changed A1 first, at …,
  // status now …") and the user's next try work on the person's edit instead of the stale mirror.
  let readListSoon: (kind: RecordKind) => Promise<void> = async () => undefined;
  const records = new SharePointRecordStore(db, mirror, index, new CommitJournal(db), writer, lock, options.logger, (kind) => readListSoon(kind));
  await records.finishJournaled();
  return {
    lists,
    records,
    // The narrow reads come from the mirror with the SQLite store's own code: no Graph call, one implementation.
    queries: new SqliteRecordQueries(db),
    conversations: new SqliteConversationStore(db),
    outbox: new SqliteOutboxStore(db),
    // The mirror's commit writes the audit entries (bot writes and people's list edits alike).
    audit: new SqliteAuditStore(db),
    deltaSync: (sync) => {
      const delta = new DeltaSync({ ...sync, graph: options.graph, lists, db, index, records: mirror, writer, lock, timeZone });
      readListSoon = (kind) =>
        delta.syncList(kind).then(
          () => undefined,
          (error: unknown) => options.logger?.warn('reading the list after a conflict failed', { kind, error: (error as Error).message }),
        );
      return delta;
    },
    close: async () => {
      db.close();
    },
  };
}

/** A 4xx that says the request was refused (not "no answer"): nothing landed. */
function isRefusal(error: unknown): boolean {
  return error instanceof GraphRequestError && error.status >= 400 && error.status < 500 && error.status !== 408 && error.status !== 429;
}

class SharePointRecordStore implements RecordStore {
  constructor(
    private readonly db: Database.Database,
    private readonly mirror: SqliteRecordStore,
    private readonly index: ItemIndex,
    private readonly journal: CommitJournal,
    private readonly writer: ListWriter,
    private readonly lock: SerialLock,
    private readonly logger?: Logger,
    private readonly listChanged: (kind: RecordKind) => Promise<void> = async () => undefined,
  ) {}

  get<K extends RecordKind>(kind: K, id: string): Promise<RecordOf<K> | undefined> {
    return this.mirror.get(kind, id);
  }

  list<K extends RecordKind>(kind: K, filter?: Filter<K>): Promise<RecordOf<K>[]> {
    return this.mirror.list(kind, filter);
  }

  async commit(changes: ChangeSet): Promise<CommitResult> {
    // Validate first: a record that breaks its schema never reaches SharePoint.
    const validated = changes.writes.map((w) => ({ ...w, record: storedSchemas[w.kind].parse(w.record) as ListWrite['record'] }));
    let refusedByList: RecordKind | undefined;
    try {
      return await this.lockedCommit(changes, validated, (kind) => (refusedByList = kind));
    } finally {
      // Outside the lock (the delta read takes it): the conflict is answered once the mirror holds the edit.
      if (refusedByList) await this.listChanged(refusedByList);
    }
  }

  private lockedCommit(changes: ChangeSet, validated: ListWrite[], refused: (kind: RecordKind) => void): Promise<CommitResult> {
    return this.lock.run(async () => {
      const duplicate = this.mirror.processedResult(changes.idempotencyKey);
      if (duplicate) return duplicate;
      const writes = await Promise.all(validated.map((w) => this.checkedAgainstMirror(w)));
      const journalId = this.journal.add(changes);
      let refs;
      try {
        refs = await this.writer.apply(writes);
      } catch (error) {
        if (error instanceof ConcurrencyConflict || isRefusal(error)) {
          this.journal.remove(journalId);
          if (error instanceof ConcurrencyConflict) refused(error.kind);
          throw error;
        }
        // No clear answer: the writes may have landed. Settle it now as a restart would.
        return this.finishOne(journalId, changes);
      }
      return this.mirror.commitWith(changes, () => {
        refs.forEach((ref) => this.index.put(ref));
        this.journal.remove(journalId);
      });
    });
  }

  /**
   * Change sets a stopped run journaled but did not finish: each write is looked up by HoivaId and applied
   * if it is not there yet, then the mirror and the outbox rows are stored. A write someone else overtook
   * in the meantime drops the change set (logged), as a conflict would have at the time.
   */
  async finishJournaled(): Promise<void> {
    for (const { id, changes } of this.journal.pending()) {
      try {
        await this.finishOne(id, changes);
        this.logger?.info('finished a change set journaled before a stop', { journal: id, writes: changes.writes.length });
      } catch (error) {
        if (!(error instanceof ConcurrencyConflict) && !isRefusal(error)) {
          this.logger?.error('could not finish a journaled change set yet; kept for the next start', { journal: id, error: (error as Error).message });
          continue;
        }
        this.db.transaction(() => this.journal.remove(id))();
        this.logger?.error('dropped a journaled change set that can no longer be applied', { journal: id, error: (error as Error).message });
      }
    }
  }

  private async finishOne(id: number, changes: ChangeSet): Promise<CommitResult> {
    const refs: ItemRef[] = [];
    const toApply: ListWrite[] = [];
    for (const w of changes.writes) {
      const write: ListWrite = { ...w, record: storedSchemas[w.kind].parse(w.record) as ListWrite['record'] };
      const found = await this.writer.locate(write.kind, write.record.id);
      if (found && found.version === write.record.version) {
        refs.push({ kind: write.kind, recordId: write.record.id, listId: this.writer.listIdOf(write.kind), itemId: found.itemId, etag: unconfirmedEtag });
      } else if (write.expectedVersion === null ? !found : this.untouchedSinceMirrored(write, found)) {
        const previous = write.expectedVersion === null ? undefined : ((await this.mirror.get(write.kind, write.record.id)) as Record<string, unknown> | undefined);
        toApply.push({ ...write, previous });
      } else {
        throw new ConcurrencyConflict(write.kind, write.record.id, write.expectedVersion);
      }
    }
    refs.push(...(await this.writer.apply(toApply, refs)));
    return this.mirror.commitWith(changes, () => {
      refs.forEach((ref) => this.index.put(ref));
      this.journal.remove(id);
    });
  }

  /**
   * The item still holds what the mirror read: its eTag is the one the item index keeps. (Not HoivaVersion:
   * a person's edit moves the mirror's version on but leaves that column as HoivaCRM last wrote it.) With
   * no confirmed eTag the column is all there is to go by.
   */
  private untouchedSinceMirrored(write: ListWrite, found: { etag: string; version: number | undefined } | undefined): boolean {
    if (!found) return false;
    const known = this.index.ofRecord(write.kind, write.record.id)?.etag;
    return known && known !== unconfirmedEtag ? found.etag === known : found.version === write.expectedVersion;
  }

  /** The same version rules as the SQLite store, checked before anything is sent. */
  private async checkedAgainstMirror(write: ListWrite): Promise<ListWrite> {
    const current = await this.mirror.get(write.kind, write.record.id);
    if (write.expectedVersion === null) {
      if (current) throw new ConcurrencyConflict(write.kind, write.record.id, null);
      return write;
    }
    if (write.record.version !== write.expectedVersion + 1) {
      throw new Error(`${write.kind} ${write.record.id}: an update must bump version to ${write.expectedVersion + 1}`);
    }
    if (!current || current.version !== write.expectedVersion) throw new ConcurrencyConflict(write.kind, write.record.id, write.expectedVersion);
    return { ...write, previous: current as Record<string, unknown> };
  }
}
