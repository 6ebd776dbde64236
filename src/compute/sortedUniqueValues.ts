import { runSteps, sortSteps } from './slicedSort';
import type { ValueCount } from './uniqueTypes';

export type UniqueSort = 'count' | 'value';

// One collator for every comparison: `localeCompare` with options builds one per call (15× slower).
const collator = new Intl.Collator(undefined, { numeric: true });
const byValue = (a: ValueCount, b: ValueCount) => (a.value === null ? 1 : b.value === null ? -1 : collator.compare(String(a.value), String(b.value)));

/** The values of a unique result filtered by a search text and sorted, as the list shows them. */
export function sortedValues(values: readonly ValueCount[], sort: UniqueSort, search: string): ValueCount[] {
  return runSteps(sortedValuesSteps(values, sort, search));
}

/** sortedValues in steps, for a caller that gives its thread back between two (millions of values take seconds). */
export function* sortedValuesSteps(values: readonly ValueCount[], sort: UniqueSort, search: string): Generator<void, ValueCount[]> {
  const needle = search.trim().toLowerCase();
  const list: ValueCount[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!needle || String(v.value ?? 'null').toLowerCase().includes(needle)) list.push(v);
    if (i % 65_536 === 65_535) yield;
  }
  return sort === 'value' ? yield* sortSteps(list, byValue) : list;
}
