import type { ColumnStats } from './types';

/** One data page of a column chunk as its page index describes it. */
export interface IndexedPage {
  /** First row of the page, relative to the chunk. */
  firstRow: number;
  rows: number;
  /** Absolute byte offset of the page (header included) and its bytes on disk. */
  offset: number;
  bytes: number;
  /** The page holds only nulls (its min/max are then meaningless). */
  nullPage: boolean;
  /**
   * min/max shown as the chunk's statistics are (docs/VALUE_TEXT.md), with `exact` set: they are
   * ordered by the column's logical type (the page index has no legacy signed order). Absent when the
   * bytes could not be shown faithfully; `nullCount` absent when the writer left it out.
   */
  stats: ColumnStats;
}

/** The page index (ColumnIndex + OffsetIndex) of one flat column in one row group. */
export interface ColumnPageIndex {
  pages: IndexedPage[];
}
