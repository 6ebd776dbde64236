import type { ErrorInfo, SortStatus } from '../worker/protocol';
import type { FilterState, GridState, TabState } from './tabStore';

/** The Data view's sort run; the order applied is the tab's `rowSort`. */
export interface SortRun {
  /** The latest run's number (a newer run replaces it); 0 before any run. */
  run: number;
  /** The order the run is for, and the filter view it sorts (`filterViewRun`). */
  spec: string | null;
  filterRun: number;
  running: boolean;
  /** The run's last progress, then its result. */
  status: SortStatus | null;
  /** Why the run failed (a column that cannot be sorted by, a file error). */
  failure: ErrorInfo | null;
  /** The last run was cancelled (the rows went back to file or filter order). */
  cancelled: boolean;
}

export const NO_SORT: SortRun = { run: 0, spec: null, filterRun: 0, running: false, status: null, failure: null, cancelled: false };

/** Which filter view the rows to sort are: the run number of the filter applied, 0 for every row. */
export const filterViewRun = (f: FilterState): number => (f.applied !== null ? f.run : 0);

/** The filter is running, or waits to run: a sort waits for its matches. */
export const filterBusy = (f: FilterState): boolean => f.running || (f.applied !== null && !f.status && !f.problem && !f.failure);

/** The sort run matches the tab's order and filter view now. */
const current = (t: TabState): boolean => t.sortRun.spec === t.rowSort && t.sortRun.filterRun === filterViewRun(t.filter);

/**
 * True when the tab has an order with no run for it over the current filter view (a click, a link,
 * a new filter, an engine restart) and the filter's matches are all in: it should be sorted.
 */
export const sortNeedsRun = (t: TabState): boolean =>
  t.rowSort !== null && !filterBusy(t.filter) && !(current(t) && (t.sortRun.running || t.sortRun.status !== null || t.sortRun.failure !== null));

/** The grid shows the sorted view: the run for the current order and filter view is done. */
export const sortShown = (t: TabState): boolean => t.rowSort !== null && current(t) && !t.sortRun.running && t.sortRun.status?.done === true;

export type SortPatch = Partial<Pick<TabState, 'rowSort' | 'sortRun' | 'grid'>> | null;

const gridAt = (g: GridState, row: number): GridState => ({ ...g, top: Math.max(0, row - 3), cursor: { ...g.cursor, row }, anchor: { ...g.cursor, row }, reveal: row > 0 });

/** A new order chosen (null: none): the grid goes to its first row; the run follows (sortNeedsRun). */
export const sortChosen = (t: TabState, spec: string | null): SortPatch => ({ rowSort: spec, sortRun: { ...NO_SORT, run: t.sortRun.run }, grid: gridAt(t.grid, 0) });

export const sortStarted = (_t: TabState, run: number, spec: string, filterRun: number): SortPatch => ({ sortRun: { ...NO_SORT, run, spec, filterRun, running: true } });

export const sortProgress = (t: TabState, run: number, status: SortStatus): SortPatch => (t.sortRun.run === run && t.sortRun.running ? { sortRun: { ...t.sortRun, status } } : null);

export const sortFinished = (t: TabState, run: number, status: SortStatus): SortPatch => (t.sortRun.run === run ? { sortRun: { ...t.sortRun, running: false, status } } : null);

/** A run failed (`failure`: the order stays, with the error) or was cancelled (null: the order goes). */
export function sortEnded(t: TabState, run: number, failure: ErrorInfo | null): SortPatch {
  if (t.sortRun.run !== run) return null;
  if (failure) return { sortRun: { ...t.sortRun, running: false, status: null, failure } };
  return { rowSort: null, sortRun: { ...NO_SORT, run, cancelled: true } };
}

/** No order: the rows in file (or filter) order again, the grid at view row `row`. */
export const sortCleared = (t: TabState, row = 0): SortPatch => ({ rowSort: null, sortRun: { ...NO_SORT, run: t.sortRun.run }, grid: gridAt(t.grid, row) });
