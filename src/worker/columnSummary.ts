import type { ChunkDetail, Dataset } from '../model/types';
import { runSliced, TimeSlicer } from '../compute/timeSlice';
import { ColumnTotalsBuilder, type ColumnShape, type ColumnTotals, type ColumnTotalsOfAll } from './columnTotals';

/**
 * The per-column summary of a whole file, from metadata only, as far as it has been counted: the
 * columns asked for (a file may have 100,000: the page asks for the rows it shows) and all of them together.
 */
export interface ColumnSummary {
  /** Columns [start, start + columns.length). */
  columns: ColumnTotals[];
  start: number;
  /** Top-level columns in the file. */
  columnCount: number;
  all: ColumnTotalsOfAll;
  /** Chunks (row groups or batches) counted so far. */
  chunksCounted: number;
  /** When the next chunk is counted in part (a chunk of a very wide file takes several steps): its columns counted so far. */
  columnsOfChunk?: { counted: number; of: number };
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
/** Column chunks added per step at most: a step of a 100,000-column file ends within its chunk, and the page asks again. */
const COLUMNS_PER_STEP = 20_000;

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
  /** The chunk being counted when a step ended within it (a wide chunk takes several steps), and its next column. */
  private current?: { detail: ChunkDetail; next: number; of: number };

  constructor(private readonly dataset: Dataset) {
    this.builder = new ColumnTotalsBuilder(shapes(dataset));
    this.family = dataset.format === 'parquet' ? 'parquet' : 'arrow';
  }

  get defaultLimit(): number {
    return DEFAULT_LIMIT[this.family];
  }

  /**
   * Counts up to one step more of chunks below `limit`, giving the thread back every few ms (so a row
   * window asked meanwhile is answered first), then says where it stands for columns [start, end).
   */
  step(limit = this.defaultLimit, signal?: AbortSignal, start = 0, end = Infinity): Promise<ColumnSummary> {
    const next = this.queue.then(() => this.count(limit, signal, start, end));
    this.queue = next.catch(() => {});
    return next;
  }

  private async count(limit: number, signal: AbortSignal | undefined, start: number, end: number): Promise<ColumnSummary> {
    const known = this.dataset.chunks.length;
    const stop = Math.min(known, limit, this.builder.chunksCounted + STEP[this.family]);
    const slicer = new TimeSlicer(signal);
    let added = 0;
    while (this.builder.chunksCounted < stop && added < COLUMNS_PER_STEP) {
      await slicer.tick();
      const chunk = this.builder.chunksCounted;
      try {
        const next = this.current?.next ?? 0;
        // Parquet describes only the columns this step adds (a row group may hold 100,000); Arrow a whole batch, once.
        const slice = this.family === 'parquet' ? { start: next, end: next + COLUMNS_PER_STEP - added } : undefined;
        const detail = slice || !this.current ? await this.dataset.chunkDetail(chunk, signal, slice) : this.current.detail;
        const first = slice?.start ?? 0;
        const of = slice ? this.dataset.fields.length : detail.columns.length;
        const to = Math.min(of, next + COLUMNS_PER_STEP - added);
        // The thread is given back between slices of columns; a cancel waits for the slice's end, so none is added twice.
        await runSliced(this.builder.adding(detail, next - first, to - first), new TimeSlicer());
        added += to - next;
        this.current = { detail, next: to, of };
        if (to < of) break;
        this.builder.finish(detail);
        this.current = undefined;
      } catch (e) {
        if (signal?.aborted) throw e;
        // One unreadable header leaves that chunk out; the rest of the file is still summed.
        this.skipped++;
        this.skipReason ??= `${this.family === 'parquet' ? 'row group' : 'batch'} ${chunk}: ${e instanceof Error ? e.message : String(e)}`;
        this.current = undefined;
        this.builder.skip();
      }
    }
    const counted = this.builder.chunksCounted;
    const first = Math.max(0, Math.min(start, this.builder.columnCount));
    return {
      columns: this.builder.columns(first, Math.max(first, Math.min(end, this.builder.columnCount))),
      start: first,
      columnCount: this.builder.columnCount,
      all: this.builder.all(),
      chunksCounted: counted,
      columnsOfChunk: this.current && { counted: this.current.next, of: this.current.of },
      chunkCount: this.dataset.chunks.length,
      complete: this.dataset.indexComplete && counted >= this.dataset.chunks.length,
      limit,
      otherDictionaryBytes: this.builder.otherDictionaryBytes,
      skipped: this.skipped,
      skipReason: this.skipReason,
    };
  }
}
