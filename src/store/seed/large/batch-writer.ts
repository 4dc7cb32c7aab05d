import { storedSchemas, type RecordKind, type RecordOf } from '../../record-kinds.js';
import type { RecordWrite, Store } from '../../store-port.js';

/** Records per change set: large enough that a transaction's overhead vanishes, small enough to keep memory flat. */
export const DEFAULT_BATCH = 5_000;

export interface WriteProgress {
  kind: RecordKind;
  written: number;
  total: number;
  elapsedMs: number;
}

/**
 * Writes generated records through the store's own commit (so migrations' columns, the schemas and the audit
 * trail all apply), in batches. Each record is checked with its schema first, so a generator bug stops the
 * seed naming the record and the field instead of failing a whole batch.
 */
export class BatchWriter {
  private pending: RecordWrite[] = [];
  readonly written = new Map<RecordKind, number>();
  commitMs = 0;

  constructor(
    private readonly store: Store,
    private readonly at: string,
    private readonly batchSize = DEFAULT_BATCH,
  ) {}

  async write<K extends RecordKind>(kind: K, records: Iterable<RecordOf<K>>, progress?: (p: Omit<WriteProgress, 'total'>) => void): Promise<number> {
    const started = Date.now();
    let count = 0;
    for (const record of records) {
      const checked = storedSchemas[kind].safeParse(record);
      if (!checked.success) {
        const issue = checked.error.issues[0];
        throw new Error(`generated ${kind} ${(record as { id?: string }).id ?? '?'} is invalid: ${issue?.path.join('.')}: ${issue?.message}`);
      }
      this.pending.push({ kind, record, expectedVersion: null });
      count++;
      if (this.pending.length >= this.batchSize) {
        await this.flush();
        progress?.({ kind, written: count, elapsedMs: Date.now() - started });
      }
    }
    await this.flush();
    this.written.set(kind, (this.written.get(kind) ?? 0) + count);
    progress?.({ kind, written: count, elapsedMs: Date.now() - started });
    return count;
  }

  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const writes = this.pending;
    this.pending = [];
    const started = Date.now();
    await this.store.records.commit({ at: this.at, writes, outbox: [] });
    this.commitMs += Date.now() - started;
  }
}
