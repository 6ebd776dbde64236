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
      this.builder.add(await this.dataset.chunkDetail(this.builder.chunksCounted, signal));
    }
    const counted = this.builder.chunksCounted;
    return {
      columns: this.builder.columns(),
      chunksCounted: counted,
      chunkCount: this.dataset.chunks.length,
      complete: this.dataset.indexComplete && counted >= this.dataset.chunks.length,
      limit,
      otherDictionaryBytes: this.builder.otherDictionaryBytes,
    };
  }
}
