import type { ValueCount } from './uniqueTypes';

export type UniqueSort = 'count' | 'value';

/** The values of a unique result filtered by a search text and sorted, as the list shows them. */
export function sortedValues(values: readonly ValueCount[], sort: UniqueSort, search: string): ValueCount[] {
  const needle = search.trim().toLowerCase();
  const list = needle ? values.filter((v) => String(v.value ?? 'null').toLowerCase().includes(needle)) : [...values];
  if (sort === 'value') {
    list.sort((a, b) => (a.value === null ? 1 : b.value === null ? -1 : String(a.value).localeCompare(String(b.value), undefined, { numeric: true })));
  }
  return list;
}
