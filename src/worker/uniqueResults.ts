import { sortedValues, type UniqueSort } from '../compute/sortedUniqueValues';
import { uniqueCsv } from '../compute/uniqueCsv';
import type { UniqueResult, ValueCount } from '../compute/uniqueTypes';
import type { UniqueSummary } from './protocol';

/**
 * The last unique-values result of a dataset, kept in the engine worker: the page gets a summary
 * and reads the (possibly huge) list by window, sorted and filtered as it shows it.
 */
export class KeptUnique {
  /** One sorted/filtered view at a time: bounded memory. */
  private view: { key: string; list: ValueCount[] } | null = null;

  constructor(readonly result: UniqueResult) {}

  /** The result without its list of values: counts, the profile and the most frequent values. */
  summary(column: string, columnIndex: number): UniqueSummary {
    const { values, ...rest } = this.result;
    return { ...rest, column, columnIndex, valueCount: values.length, top: values.slice(0, 30) };
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

  private list(sort: UniqueSort, search: string): ValueCount[] {
    const key = `${sort}\u0000${search}`;
    if (this.view?.key !== key) this.view = { key, list: sortedValues(this.result.values, sort, search) };
    return this.view.list;
  }
}
