import { LocatedError } from '../../model/errors';
import type { BoundFilter } from '../filter';
import type { FirstKeyBound } from './firstKeyBound';
import type { KeyValues } from './keyValues';

/** One sort key: a top-level column, ascending unless `descending`. Nulls always last, NaN just before them. */
export interface SortKey {
  column: number;
  descending?: boolean;
}

/** The rows asked for in sorted order: row numbers in the whole dataset (ties in file order). */
export interface SortedRows {
  rows: Float64Array;
  /** Rows that were sorted: every row, or the rows the filter matched. */
  candidates: number;
  /** True when `rows` holds every candidate (a full order), false when it is the first K of them. */
  complete: boolean;
  /** topRows: the key values of `rows` (plain typed arrays, structured-clonable), for mergeTopRows. */
  keys?: KeyValues[];
}

export interface SortProgress {
  chunksDone: number;
  chunks: number;
  rowsDone: number;
  rows: number;
  /** Rows sorted so far (the filter's matches so far, or every row read). */
  candidates: number;
}

export interface SortOptions {
  /** Sort only the rows this filter matches. */
  filter?: BoundFilter;
  /** The rows to sort of each chunk (chunk-relative, ascending; null: every row), known already (a filter's kept matches): used instead of `filter`. */
  rowsOf?: (chunk: number) => Uint32Array | null;
  signal?: AbortSignal;
  onProgress?: (p: SortProgress) => void;
  /** Let statistics decide whole chunks of the filter (default true). */
  statistics?: boolean;
  /** Only chunks [start, end) (a share of the file for one worker of the compute pool). */
  chunks?: { start: number; end: number };
  /**
   * topRows: a bound on the first key from the top-K these rows' top-K will be merged into (mergeTopRows'
   * topBound): rows outside it cannot enter that top-K, so they are left out (counted as candidates).
   */
  bound?: FirstKeyBound | null;
}

/** The exact top-K a caller may ask for without saying more (issue 15: "the first 10,000 rows"). */
export const TOP_K_DEFAULT = 10_000;
/** A full order (a permutation of row numbers with every candidate's keys held while it is built) up to this many rows. */
export const FULL_ORDER_MAX = 10_000_000;

/** A sort key the engine cannot order by (a list, a struct, an interval…), or a column the file lacks. */
export class SortKeyError extends LocatedError {}

/** Too many rows for a full order: the message says how many and offers the exact top-K instead. */
export class SortTooLargeError extends LocatedError {
  /** `atLeast`: the count stopped once past `max` (a filter's matches, still being counted). */
  constructor(
    readonly candidates: number,
    readonly max: number,
    atLeast = false,
  ) {
    const n = (x: number) => x.toLocaleString('en-US');
    super(
      `A full sort of ${atLeast ? 'more than ' : ''}${n(atLeast ? max : candidates)} rows is past the ${n(max)} rows a full order is built for; the first ${n(TOP_K_DEFAULT)} rows in this order can be sorted exactly instead (a top-K).`,
    );
  }
}
