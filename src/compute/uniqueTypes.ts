import type { ColumnProfile, ProfilePartial } from './profile';

export type UniqueValue = string | number | boolean | null;

export interface ValueCount {
  value: UniqueValue;
  count: number;
  /** Global row index of the value's first occurrence. */
  firstRow: number;
}

/** What one worker found over its chunks: plain data, so it can be posted and merged. */
export interface UniquePartial {
  rows: number;
  nulls: number;
  firstNullRow: number;
  values: ValueCount[];
  /** Rows whose value was not tracked because the distinct values passed the memory budget. */
  untrackedRows: number;
  /** Past the budget: the values most frequent among the untracked rows (lower-bound counts). */
  heavy: ValueCount[];
  hll: Uint8Array;
  profile: ProfilePartial;
}

export interface UniqueResult {
  rows: number;
  nulls: number;
  /** Distinct non-null values: exact, or a HyperLogLog estimate when `exact` is false. */
  distinct: number;
  exact: boolean;
  /** Sorted by count, descending; a null entry (value null) when the column has nulls. */
  values: ValueCount[];
  note?: string;
  profile: ColumnProfile;
  /** Past the budget: the candidates for the most frequent values, to be counted exactly in a second pass. */
  recount?: UniqueValue[];
  untrackedRows?: number;
}

/** Distinct values a count keeps by default (its memory budget), across all its partials: past it, the most frequent are listed. */
export const MAX_DISTINCT = 5_000_000;

/** How many of the most frequent values a count past the memory budget lists, exactly. */
export const TOP_K = 1000;
