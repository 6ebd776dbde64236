import type { Dataset } from '../model/types';
import { ColumnTotalsBuilder, type ColumnShape, type ColumnTotals } from './columnTotals';

/** The per-column summary of a whole file, from metadata only, as far as it has been counted. */
export interface ColumnSummary {
  columns: ColumnTotals[];
  /** Chunks (row groups or batches) counted so far. */
  chunksCounted: number;
  /** Chunks the index knows (a stream still being indexed finds more). */
  chunkCount: number;
  /** Every chunk of a complete index counted. */
  complete: boolean;
  /** Counting stops here unless asked for more (Arrow reads one message header per batch). */
  limit: number;
  /** Arrow: bytes of dictionary batches that no top-level column owns (nested dictionaries). */
  otherDictionaryBytes: number;
  /** Chunks whose metadata could not be read: left out of the totals, with the first reason. */
  skipped: number;
  skipReason?: string;
}

/** Chunks counted by default: Parquet footers are in memory; each Arrow batch costs a header read. */
export const DEFAULT_LIMIT = { parquet: 100_000, arrow: 1_000 };
/** Chunks counted per step, so the page sees progress and a cancelled view stops soon. */
const STEP = { parquet: 2_000, arrow: 100 };

function shapes(dataset: Dataset): ColumnShape[] {
  return dataset.fields.map((f, i) => {
    if (dataset.format === 'parquet' || f.typeId !== 'dictionary') return {};
    const id = (dataset.schema.fields[i]?.type as unknown as { id?: unknown }).id;
    return typeof id === 'number' ? { dictionaryId: id } : {};
  });
}

/** Keeps one dataset's running column totals, so counting resumes where it stopped. */
export class ColumnSummaryCounter {
  private readonly builder: ColumnTotalsBuilder;
  private readonly family: 'parquet' | 'arrow';
  /** Steps run one after another: two views asking at once must not count a chunk twice. */
  private queue: Promise<unknown> = Promise.resolve();
  private skipped = 0;
  private skipReason?: string;

  constructor(private readonly dataset: Dataset) {
    this.builder = new ColumnTotalsBuilder(shapes(dataset));
    this.family = dataset.format === 'parquet' ? 'parquet' : 'arrow';
  }

  get defaultLimit(): number {
    return DEFAULT_LIMIT[this.family];
  }

  /** Counts up to one step more of chunks below `limit`, then says where it stands. */
  step(limit = this.defaultLimit, signal?: AbortSignal): Promise<ColumnSummary> {
    const next = this.queue.then(() => this.count(limit, signal));
    this.queue = next.catch(() => {});
    return next;
  }

  private async count(limit: number, signal?: AbortSignal): Promise<ColumnSummary> {
    const known = this.dataset.chunks.length;
    const stop = Math.min(known, limit, this.builder.chunksCounted + STEP[this.family]);
    while (this.builder.chunksCounted < stop) {
      signal?.throwIfAborted();
      const chunk = this.builder.chunksCounted;
      try {
        this.builder.add(await this.dataset.chunkDetail(chunk, signal));
      } catch (e) {
        if (signal?.aborted) throw e;
        // One unreadable header leaves that chunk out; the rest of the file is still summed.
        this.skipped++;
        this.skipReason ??= `${this.family === 'parquet' ? 'row group' : 'batch'} ${chunk}: ${e instanceof Error ? e.message : String(e)}`;
        this.builder.skip();
      }
    }
    const counted = this.builder.chunksCounted;
    return {
      columns: this.builder.columns(),
      chunksCounted: counted,
      chunkCount: this.dataset.chunks.length,
      complete: this.dataset.indexComplete && counted >= this.dataset.chunks.length,
      limit,
      otherDictionaryBytes: this.builder.otherDictionaryBytes,
      skipped: this.skipped,
      skipReason: this.skipReason,
    };
  }
}
