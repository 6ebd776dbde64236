/** Sorting rows by one or more columns (issue 15, item 3): an exact top-K, or a full order up to 10M rows. */
export { topRows, sortedRows, mergeTopRows, checkSortKeys, topBound } from './sortRows';
export type { FirstKeyBound } from './firstKeyBound';
export { keyShape } from './gatherKeys';
export { parseSortSpec, type SortSpecKey } from './sortSpec';
export { FULL_ORDER_MAX, TOP_K_DEFAULT, SortKeyError, SortTooLargeError, type SortKey, type SortOptions, type SortProgress, type SortedRows } from './sortTypes';
