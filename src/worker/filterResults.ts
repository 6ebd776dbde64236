import type { ChunkInfo } from '../model/types';
import { chunkOfRow } from '../compute/rowLocator';
import type { FilterLocation, FilterStatus } from './protocol';

/** What evaluating one chunk gave: its matching rows (chunk-relative, ascending), or every row. */
export interface ChunkMatchResult {
  chunk: number;
  rows: number;
  matched: number;
  skipped: boolean;
  /** Absent when nothing matched or every row did (no array is kept for those). */
  indices?: Uint32Array;
  /** Parquet with a page index: the pages of the filter's columns, and those decided without reading values. */
  pages?: number;
  pagesSkipped?: number;
}

/** Index of the first element of the ascending `a` (length `n`) greater than or equal to `x`. */
function lowerBound(a: ArrayLike<number>, n: number, x: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The matches of one filter over one dataset, as a compact index: per chunk with matches, its number
 * and a Uint32Array of its matching rows (none for a chunk where every row matches), with prefix sums
 * of the counts, so that the i-th match is found by binary search. Chunks may finish in any order (the
 * compute pool): a match has an ordinal only once every chunk before it is done, so the view's rows are
 * the matches of the chunks done from the file's start (`known`); the others wait.
 */
export class KeptFilter {
  private readonly runChunks: number[] = [];
  private readonly runIndices: (Uint32Array | null)[] = [];
  /** Matches up to and including each run. */
  private readonly runEnds: number[] = [];
  /** Chunks [0, frontier) are done. */
  private frontier = 0;
  private readonly waiting = new Map<number, ChunkMatchResult>();
  private rowsScanned = 0;
  private matched = 0;
  private chunksDone = 0;
  private chunksSkipped = 0;
  private pages = 0;
  private pagesSkipped = 0;
  private readonly started = performance.now();
  private ended: 'done' | 'cancelled' | null = null;
  private elapsed = 0;
  /** Threads evaluating chunks (the engine's included). */
  workers = 1;
  private settle: () => void = () => {};
  /** Resolves when the run ends, done or cancelled. */
  readonly settled = new Promise<void>((resolve) => (this.settle = resolve));
  private firstRowsRead: () => void = () => {};
  /** Resolves once the view's first rows have been read for the screen: the first matches are on their way to it. */
  readonly firstRowsShown = new Promise<void>((resolve) => (this.firstRowsRead = resolve));

  constructor(
    readonly text: string,
    private readonly chunks: readonly ChunkInfo[],
    private readonly totalRows: number,
  ) {}

  /** Takes one chunk's result (once per chunk, in any order). */
  add(m: ChunkMatchResult): void {
    this.rowsScanned += m.rows;
    this.matched += m.matched;
    this.chunksDone++;
    if (m.skipped) this.chunksSkipped++;
    this.pages += m.pages ?? 0;
    this.pagesSkipped += m.pagesSkipped ?? 0;
    this.waiting.set(m.chunk, m);
    for (let next = this.waiting.get(this.frontier); next; next = this.waiting.get(this.frontier)) {
      this.waiting.delete(this.frontier);
      this.frontier++;
      if (next.matched === 0) continue;
      this.runChunks.push(next.chunk);
      this.runIndices.push(next.matched === next.rows ? null : next.indices!);
      this.runEnds.push(this.known + next.matched);
    }
  }

  /** The view's first rows were read for display. */
  firstRowsServed(): void {
    this.firstRowsRead();
  }

  end(how: 'done' | 'cancelled'): void {
    this.ended ??= how;
    this.elapsed = performance.now() - this.started;
    this.settle();
  }

  /** Matches whose ordinal is known: those in the chunks done from the file's start. */
  get known(): number {
    return this.runEnds.length ? this.runEnds[this.runEnds.length - 1] : 0;
  }

  status(): FilterStatus {
    return {
      text: this.text,
      rows: this.totalRows,
      rowsScanned: this.rowsScanned,
      matched: this.matched,
      known: this.known,
      chunks: this.chunks.length,
      chunksDone: this.chunksDone,
      chunksSkipped: this.chunksSkipped,
      ...(this.pages ? { pages: this.pages, pagesSkipped: this.pagesSkipped } : {}),
      done: this.ended === 'done',
      cancelled: this.ended === 'cancelled',
      elapsedMs: this.ended ? this.elapsed : performance.now() - this.started,
      workers: this.workers,
    };
  }

  /** The known matches by chunk, in file order (chunks without one left out): each chunk's rows, or null where every row matched. */
  matchesByChunk(): { chunks: number[]; rows: (Uint32Array | null)[] } {
    const rows = this.runIndices.map((indices, run) => indices?.subarray(0, this.runEnds[run] - (run > 0 ? this.runEnds[run - 1] : 0)) ?? null);
    return { chunks: [...this.runChunks], rows };
  }

  private fileRowInRun(run: number, k: number): number {
    const indices = this.runIndices[run];
    return this.chunks[this.runChunks[run]].rowOffset + (indices ? indices[k] : k);
  }

  /** File row numbers of the matches with ordinals [start, end) (clipped to the known ones), ascending. */
  fileRows(start: number, end: number): number[] {
    const to = Math.min(end, this.known);
    const out: number[] = [];
    if (start >= to) return out;
    let run = lowerBound(this.runEnds, this.runEnds.length, start + 1);
    let before = run > 0 ? this.runEnds[run - 1] : 0;
    for (let i = start; i < to; i++) {
      while (i >= this.runEnds[run]) before = this.runEnds[run++];
      out.push(this.fileRowInRun(run, i - before));
    }
    return out;
  }

  /**
   * The match nearest to file row `row` among the known ones: the first at or after it, else (past the
   * last known match) the last one before it. Null when no match is known.
   */
  locate(row: number): FilterLocation | null {
    const known = this.known;
    if (!known) return null;
    const chunk = row >= this.totalRows ? this.chunks.length : chunkOfRow(this.chunks, row);
    const run = lowerBound(this.runChunks, this.runChunks.length, chunk < 0 ? this.chunks.length : chunk);
    let ordinal = run < this.runChunks.length ? (run > 0 ? this.runEnds[run - 1] : 0) : known;
    if (run < this.runChunks.length && this.runChunks[run] === chunk) {
      const local = row - this.chunks[chunk].rowOffset;
      const indices = this.runIndices[run];
      const n = this.runEnds[run] - ordinal;
      const k = indices ? lowerBound(indices, n, local) : Math.min(local, n);
      ordinal += k;
    }
    if (ordinal >= known) {
      const last = known - 1;
      return { ordinal: last, row: this.fileRows(last, known)[0], exact: false, after: false };
    }
    const at = this.fileRows(ordinal, ordinal + 1)[0];
    return { ordinal, row: at, exact: at === row, after: true };
  }
}
