import type { CompareOp } from './ast';
import type { ColumnKind } from './columnKind';

/**
 * A value as the column's values are compared: a number (ints up to 32 bits, floats, 32-bit dates and
 * times, bool as 0/1), a bigint (64-bit integers, decimals unscaled, 64-bit times in the column's unit)
 * or UTF-8 bytes (strings and binaries, compared byte by byte: code point order).
 */
export type Scalar = number | bigint | Uint8Array;

/** What one leaf asks of each row's value (nulls are handled around it: a null never matches). */
export type LeafTest =
  | { test: 'compare'; op: CompareOp; value: Scalar }
  /** The same answer for every non-null value (`int_col = 2.5` is never true). */
  | { test: 'const'; value: boolean }
  /** `IN (…)`: a null in the list makes the rows that match none of the values null (SQL), not false. */
  | { test: 'in'; values: Scalar[]; nullInList: boolean }
  | { test: 'bytes'; op: 'contains' | 'startsWith' | 'endsWith'; needle: Uint8Array }
  | { test: 'regex'; source: string; flags: string }
  | { test: 'isNull'; negated: boolean };

/** A typed, checked filter: structured-clonable plain data, the same in the engine, the compute pool and the CLI. */
export type BoundExpr =
  | { kind: 'and' | 'or'; left: BoundExpr; right: BoundExpr }
  | { kind: 'not'; operand: BoundExpr }
  /**
   * `dictionary`: the column is dictionary-encoded (its entries are evaluated once each).
   * `statistics`: how far its min/max may be trusted: `none` for Parquet INT96 (no defined order),
   * `exact` for values stored as bytes other than strings (old writers compared them unsigned).
   */
  | { kind: 'leaf'; column: number; columnKind: ColumnKind; dictionary: boolean; statistics: StatsTrust; leaf: LeafTest };

export type StatsTrust = 'any' | 'exact' | 'none';

export interface BoundFilter {
  /** The expression as the user wrote it. */
  text: string;
  expr: BoundExpr;
  /** The top-level columns it reads, in order of first use. */
  columns: number[];
}
