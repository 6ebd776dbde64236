import type { SortLocation, SortStatus, SortStatusKey } from './protocol';

/**
 * A sorted view of one dataset under one key (a tab's): the file rows in the order asked, every row
 * sorted (or every match of the tab's filter), or their first K when there are too many for a full
 * order. View row i is file row `order[i]`.
 */
export class KeptSort {
  private readonly started = performance.now();
  private elapsed = 0;
  /** File rows in view order: 4 bytes a row (8 past 2^32 rows). */
  private order: Uint32Array | Float64Array | null = null;
  private complete = false;
  private ended: 'done' | 'cancelled' | null = null;
  private note: string | undefined;
  rowsDone = 0;
  rowsToRead = 0;

  constructor(
    readonly spec: string,
    readonly keys: SortStatusKey[],
    /** Rows being sorted: every row of the file, or the filter's matches. */
    readonly candidates: number,
    readonly fileRows: number,
    readonly filtered: boolean,
  ) {}

  /** The run ended with this order (`complete`: every candidate; else their first K, said by `note`). */
  finish(order: Float64Array, complete: boolean, note?: string): void {
    this.order = this.fileRows <= 0xffffffff ? Uint32Array.from(order) : order;
    this.complete = complete;
    this.note = note;
    this.end('done');
  }

  end(how: 'done' | 'cancelled'): void {
    this.ended ??= how;
    this.elapsed = performance.now() - this.started;
  }

  /** Rows of the sorted view (0 until the run is done). */
  get rows(): number {
    return this.order?.length ?? 0;
  }

  status(): SortStatus {
    return {
      spec: this.spec,
      keys: this.keys,
      candidates: this.candidates,
      fileRows: this.fileRows,
      filtered: this.filtered,
      rows: this.rows,
      complete: this.complete,
      rowsDone: this.rowsDone,
      rowsToRead: this.rowsToRead,
      done: this.ended === 'done',
      cancelled: this.ended === 'cancelled',
      elapsedMs: this.ended ? this.elapsed : performance.now() - this.started,
      ...(this.note ? { note: this.note } : {}),
    };
  }

  /** File rows of view rows [start, end) (clipped to the view), in view order. */
  fileRowsOf(start: number, end: number): number[] {
    if (!this.order) return [];
    return Array.from(this.order.subarray(Math.max(0, start), Math.max(0, Math.min(end, this.order.length))));
  }

  /** Where file row `row` is in the sorted view, or null when it is not in it (not a match, or past the top K). */
  locate(row: number): SortLocation | null {
    const at = this.order ? this.order.indexOf(row) : -1;
    return at < 0 ? null : { ordinal: at, row };
  }
}
