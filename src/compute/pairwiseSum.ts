import type { DatasetFormat } from '../model/types';

/** Values summed before a block's sum joins the pairwise tree (Arrow's and numpy's block size). */
const BLOCK = 16;

/** Rows per chunk of a Parquet file as `pq.read_table` gives it: each row group read in batches of this many. */
const PARQUET_READ_BATCH_ROWS = 131_072;

/** Rows per chunk of pyarrow's sum within one chunk of ours (a record batch is one; a row group is read in batches). */
export function sumChunkRows(format: DatasetFormat): number {
  return format === 'parquet' ? PARQUET_READ_BATCH_ROWS : Infinity;
}

/**
 * A numeric column's sum as pyarrow's `mean` computes it, to the last digit (Arrow's SumArray, over
 * the values as doubles, integers too): within a chunk, each run of non-null values is summed in
 * blocks of 16 and the blocks' sums pairwise, by a binary counter of partial sums, one per level;
 * the chunks' sums are then added in row order.
 * A chunk is an Arrow record batch, or a batch of a Parquet row group (PARQUET_READ_BATCH_ROWS).
 */
export class PairwiseSum {
  /** The closed chunks' sums after the first row of each: [row, sum, row, sum, …]. */
  private readonly closed: number[] = [];
  private readonly levels: number[] = [0];
  /** Per level, whether it holds one sum waiting for its pair (Arrow's mask bits). */
  private readonly waiting: boolean[] = [false];
  private root = 0;
  private block = 0;
  private inBlock = 0;
  private values = 0;
  private chunkRow = 0;

  /** Closes the chunk being summed and opens one whose first row is `row`. */
  chunk(row: number): void {
    this.endRun();
    if (this.values > 0) {
      for (let i = 1; i <= this.root; i++) this.levels[i] += this.levels[i - 1];
      this.closed.push(this.chunkRow, this.levels[this.root]);
    }
    this.levels.fill(0);
    this.waiting.fill(false);
    this.root = 0;
    this.values = 0;
    this.chunkRow = row;
  }

  add(v: number): void {
    this.block += v;
    this.values++;
    if (++this.inBlock === BLOCK) this.endRun();
  }

  /** A null: the run of values before it ends, and so does its last block. */
  endRun(): void {
    if (this.inBlock === 0) return;
    let sum = this.block;
    this.block = 0;
    this.inBlock = 0;
    let level = 0;
    this.levels[0] += sum;
    this.waiting[0] = !this.waiting[0];
    while (!this.waiting[level]) {
      sum = this.levels[level];
      this.levels[level] = 0;
      level++;
      if (level === this.levels.length) {
        this.levels.push(0);
        this.waiting.push(false);
      }
      this.levels[level] += sum;
      this.waiting[level] = !this.waiting[level];
    }
    if (level > this.root) this.root = level;
  }

  /** The chunks' sums, the one being summed closed first. */
  sums(): number[] {
    this.chunk(0);
    return this.closed;
  }
}

/** The sum of chunk sums from several parts ([row, sum, …] each), added in row order from 0, as pyarrow adds its chunks'. */
export function sumInRowOrder(parts: number[][]): number {
  const pairs: [number, number][] = [];
  for (const p of parts) for (let i = 0; i < p.length; i += 2) pairs.push([p[i], p[i + 1]]);
  pairs.sort((a, b) => a[0] - b[0]);
  let total = 0;
  for (const [, s] of pairs) total += s;
  return total;
}
