import type { BatchRequest, BatchResult } from '../../graph/batch.js';
import type { GraphClient } from '../../graph/graph-client.js';
import { requestError } from '../../graph/graph-errors.js';
import type { Logger } from '../../logger.js';
import type { RecordKind } from '../record-kinds.js';
import { ConcurrencyConflict } from '../store-port.js';
import { recordToFields, type ReferenceResolver } from './field-mapping.js';
import type { ItemIndex, ItemRef } from './item-index.js';
import type { ListDirectory } from './list-directory.js';
import { keyColumnName, referenceFields, versionColumnName, type LookupTarget } from './list-schema.js';

/** A validated write, with the record as the mirror holds it before (for an update). */
export interface ListWrite {
  kind: RecordKind;
  record: Record<string, unknown> & { id: string; version: number };
  expectedVersion: number | null;
  previous?: Record<string, unknown>;
}

/** An item as a create, a fields PATCH or a lookup by HoivaId shows it. */
interface ItemAnswer {
  id?: string;
  eTag?: string;
  '@odata.etag'?: string;
  fields?: Record<string, unknown>;
}

const lookupTargets = new Set<RecordKind>(Object.values(referenceFields));

/**
 * Writes a change set's records to their lists through Graph (docs/sharepoint-store.md, step 3):
 *
 * - a create is `POST …/items { fields }` with the record id in the unique, indexed HoivaId column, so a
 *   create the SDK sent twice (POST is retried on 429/503/504) is refused the second time; every failed
 *   create, whatever its status, is read back by HoivaId and accepted when it holds the same version;
 * - an update is `PATCH …/items/{id}/fields` with `If-Match` = the mirror's eTag; 412 (or 404: deleted in
 *   SharePoint) is a ConcurrencyConflict;
 * - several writes go in `$batch`es, in three rounds: new customers and care homes first (a lookup column
 *   needs the item id of its target), then updates, then the other creates;
 * - when a round fails, what earlier rounds wrote is undone (created items deleted, updated ones written
 *   back), so a refused change set leaves the lists as they were. The use cases write one record each;
 *   several writes come from seeding and tests.
 */
export class ListWriter {
  constructor(
    private readonly graph: GraphClient,
    private readonly lists: ListDirectory,
    private readonly index: ItemIndex,
    private readonly timeZone: string,
    private readonly logger?: Logger,
  ) {}

  async apply(writes: readonly ListWrite[], known: readonly ItemRef[] = []): Promise<ItemRef[]> {
    const done: { write: ListWrite; ref: ItemRef & { adopted?: boolean } }[] = [];
    const refs: ReferenceResolver = {
      itemIdOf: (kind: LookupTarget, recordId: string) =>
        done.find((d) => d.write.kind === kind && d.write.record.id === recordId)?.ref.itemId ??
        known.find((r) => r.kind === kind && r.recordId === recordId)?.itemId ??
        this.index.itemIdOf(kind, recordId),
      recordIdOf: (kind: LookupTarget, itemId: string) => this.index.recordIdOf(kind, itemId),
    };
    const rounds = [
      writes.filter((w) => w.expectedVersion === null && lookupTargets.has(w.kind)),
      writes.filter((w) => w.expectedVersion !== null),
      writes.filter((w) => w.expectedVersion === null && !lookupTargets.has(w.kind)),
    ].filter((round) => round.length > 0);
    try {
      for (const round of rounds) {
        const results = await this.graph.batch<ItemAnswer>(round.map((w) => this.requestFor(w, refs)));
        let failure: Error | undefined;
        for (const [i, result] of results.entries()) {
          const write = round[i]!;
          try {
            done.push({ write, ref: await this.outcome(write, result) });
          } catch (error) {
            failure ??= error as Error;
          }
        }
        if (failure) throw failure;
      }
    } catch (error) {
      await this.undo(done, refs);
      throw error;
    }
    return done.map((d) => d.ref);
  }

  listIdOf(kind: RecordKind): string {
    return this.lists.listId(kind);
  }

  /** The item holding record `id` in the list of `kind`, found by the HoivaId column (indexed). */
  async locate(kind: RecordKind, id: string): Promise<{ itemId: string; etag: string; version: number | undefined } | undefined> {
    const [item] = await this.graph.collect<ItemAnswer>(this.lists.itemsPath(kind), {
      query: {
        $filter: `fields/${keyColumnName} eq '${id}'`,
        $select: 'id,eTag',
        expand: `fields(select=${keyColumnName},${versionColumnName})`,
        $top: 1,
      },
    });
    if (!item?.id) return undefined;
    const version = item.fields?.[versionColumnName];
    return { itemId: item.id, etag: etagOf(item), version: version === undefined || version === null ? undefined : Number(version) };
  }

  /** One write as a request: the full record, so the list holds exactly what the mirror will. */
  requestFor(write: ListWrite, refs: ReferenceResolver, ifMatch?: string): BatchRequest {
    const fields = recordToFields(write.kind, write.record as never, refs, { timeZone: this.timeZone });
    if (write.expectedVersion === null && ifMatch === undefined) {
      return { method: 'POST', url: this.lists.itemsPath(write.kind), body: { fields } };
    }
    const ref = this.index.ofRecord(write.kind, write.record.id);
    const itemId = ref?.itemId;
    const etag = ifMatch ?? ref?.etag;
    if (!itemId || !etag) throw new ConcurrencyConflict(write.kind, write.record.id, write.expectedVersion);
    return { method: 'PATCH', url: `${this.lists.itemsPath(write.kind)}/${itemId}/fields`, headers: { 'If-Match': etag }, body: fields };
  }

  private async outcome(write: ListWrite, result: BatchResult<ItemAnswer>): Promise<ItemRef & { adopted?: boolean }> {
    const listId = this.lists.listId(write.kind);
    const ref = (itemId: string, etag: string): ItemRef => ({ kind: write.kind, recordId: write.record.id, listId, itemId, etag });
    if (result.ok && result.request.method === 'POST' && result.body?.id) return ref(result.body.id, etagOf(result.body));
    if (result.ok && result.request.method === 'PATCH') {
      const itemId = this.index.ofRecord(write.kind, write.record.id)!.itemId;
      const etag = etagOf(result.body) || (await this.locate(write.kind, write.record.id))?.etag;
      if (etag) return ref(itemId, etag);
    }
    if (result.request.method === 'POST') {
      // Any failed create is settled by reading the list back by HoivaId, whatever the status: Graph documents
      // none for a unique column's existing value (SharePoint's error is 0x810200bf; 409, 400 and 500 are all
      // seen), and a create the SDK sent twice may have landed the first time. Our record there → done; the
      // id held by another version → a conflict; nothing there → the create really failed, as answered.
      const found = await this.locate(write.kind, write.record.id);
      if (found && found.version === write.record.version) return { ...ref(found.itemId, found.etag), adopted: true };
      if (found) throw new ConcurrencyConflict(write.kind, write.record.id, null);
    }
    if (result.status === 412 && result.request.method === 'PATCH') {
      const found = await this.locate(write.kind, write.record.id);
      if (found && found.version === write.record.version) return ref(found.itemId, unconfirmedEtag);
    }
    if (result.status === 412 || result.status === 404) throw new ConcurrencyConflict(write.kind, write.record.id, write.expectedVersion);
    throw requestError(result.request.method, result.request.url.split('?')[0]!, result.status, result.body);
  }

  /** Best effort: delete what was created and write back what was updated; a failure is logged, not thrown. */
  private async undo(all: readonly { write: ListWrite; ref: ItemRef & { adopted?: boolean } }[], refs: ReferenceResolver): Promise<void> {
    const done = all.filter((d) => !d.ref.adopted && (d.write.expectedVersion === null || d.write.previous));
    if (done.length === 0) return;
    const requests: BatchRequest[] = done.map(({ write, ref }) =>
      write.expectedVersion === null || !write.previous
        ? { method: 'DELETE', url: `${this.lists.itemsPath(write.kind)}/${ref.itemId}`, headers: { 'If-Match': ref.etag } }
        : this.requestFor({ ...write, record: write.previous as ListWrite['record'] }, refs, ref.etag),
    );
    try {
      const results = await this.graph.batch<ItemAnswer>(requests);
      // An update written back leaves the item as the mirror holds it, under a new eTag: note that eTag, or the
      // next update of the record would be refused (412) although nobody else changed it.
      results.forEach((result, i) => {
        const etag = etagOf(result.body);
        if (result.ok && result.request.method === 'PATCH' && etag) this.index.put({ ...done[i]!.ref, etag });
      });
      const failed = results.filter((r) => !r.ok);
      if (failed.length) this.logger?.error('could not undo part of a refused change set in SharePoint', { failed: failed.map((r) => `${r.request.method} ${r.request.url} → ${r.status}`) });
    } catch (error) {
      this.logger?.error('could not undo a refused change set in SharePoint', { error: (error as Error).message });
    }
  }
}

/** Stands in for an item eTag HoivaCRM could not confirm as its own write (never equal to a real one). */
export const unconfirmedEtag = '"unconfirmed"';

/** SharePoint gives the eTag as `eTag` on a listItem and `@odata.etag` on a fieldValueSet. */
export function etagOf(answer: ItemAnswer | undefined): string {
  return answer?.eTag ?? answer?.['@odata.etag'] ?? answer?.fields?.['@odata.etag']?.toString() ?? '';
}
