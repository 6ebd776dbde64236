import { DatasetError } from '../model/errors';
import { sortedValues, type UniqueSort } from '../compute/sortedUniqueValues';
import { uniqueCsv } from '../compute/uniqueCsv';
import type { UniqueResult, ValueCount } from '../compute/uniqueTypes';
import type { UniqueScope, UniqueSummary } from './protocol';

/**
 * A dataset keeps the unique results of at most this many columns, and at most this many values over
 * all of them (a count past the distinct budget lists up to 5M values, a few hundred MB in the worker):
 * the most recently counted first; the newest result is always kept, whatever its size.
 */
export const KEPT_RESULTS = 8;
export const KEPT_VALUES = 6_000_000;

/**
 * One column's unique-values result, kept in the engine worker: the page gets a summary and reads the
 * (possibly huge) list by window, sorted and filtered as it shows it.
 */
export class KeptUnique {
  /** One sorted/filtered view at a time: bounded memory. */
  private view: { key: string; list: ValueCount[] } | null = null;

  /** `filter`: the filter whose matching rows were counted (absent: every row). */
  constructor(
    readonly result: UniqueResult,
    readonly filter?: UniqueScope,
  ) {}

  /** The result without its list of values: counts, the profile and the most frequent values. */
  summary(column: string, columnIndex: number): Omit<UniqueSummary, 'keptColumns'> {
    const { values, ...rest } = this.result;
    return { ...rest, column, columnIndex, valueCount: values.length, top: values.slice(0, 30), ...(this.filter ? { filter: this.filter } : {}) };
  }

  /** Rows [start, end) of the list, sorted and filtered as asked; with the filtered total. */
  window(start: number, end: number, sort: UniqueSort, search: string): { total: number; values: ValueCount[] } {
    const list = this.list(sort, search);
    return { total: list.length, values: list.slice(start, end) };
  }

  /** The list (sorted and filtered as shown) as a CSV file. */
  csvBlob(sort: UniqueSort, search: string): Blob {
    return new Blob([uniqueCsv(this.list(sort, search), this.result.rows)], { type: 'text/csv' });
  }

  /** Forgets the sorted/filtered view (it is made again when asked for). */
  dropView(): void {
    this.view = null;
  }

  private list(sort: UniqueSort, search: string): ValueCount[] {
    const key = `${sort}\u0000${search}`;
    if (this.view?.key !== key) this.view = { key, list: sortedValues(this.result.values, sort, search) };
    return this.view.list;
  }
}

/** The unique results of one dataset by column, bounded (KEPT_RESULTS, KEPT_VALUES), until it closes. */
export class KeptUniques {
  /** In the order counted, oldest first. */
  private readonly byColumn = new Map<number, KeptUnique>();
  /** The column whose sorted view is held: one view per dataset. */
  private viewed: number | null = null;

  /** Keeps `kept` as the result of `column` (replacing an earlier one), then forgets the oldest past the bounds. */
  keep(column: number, kept: KeptUnique): void {
    this.byColumn.delete(column);
    this.byColumn.set(column, kept);
    if (this.viewed === column) this.viewed = null;
    let values = 0;
    for (const k of this.byColumn.values()) values += k.result.values.length;
    for (const [c, k] of this.byColumn) {
      if (c === column || (this.byColumn.size <= KEPT_RESULTS && values <= KEPT_VALUES)) break;
      this.byColumn.delete(c);
      values -= k.result.values.length;
      if (this.viewed === c) this.viewed = null;
    }
  }

  /** The columns whose results are kept, oldest first. */
  get columns(): number[] {
    return [...this.byColumn.keys()];
  }

  /** The result of `column`, whose sorted view becomes the one held (the previous column's is dropped). */
  get(column: number): KeptUnique {
    const kept = this.byColumn.get(column);
    if (!kept) throw new DatasetError(`No unique values of column ${column} are kept: count them again.`);
    if (this.viewed !== column) {
      if (this.viewed !== null) this.byColumn.get(this.viewed)?.dropView();
      this.viewed = column;
    }
    return kept;
  }
}
