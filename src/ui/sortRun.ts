import { EngineError, type EngineClient } from '../worker/client';
import type { SortStatus } from '../worker/protocol';
import { FILTER_KEY } from './filterRun';
import { filterViewRun, sortCleared, sortEnded, sortFinished, sortProgress, sortStarted } from './sortState';
import type { TabStore } from './tabStore';

/** The key the tab's sorted view is kept under in the engine (the engine host makes it the tab's: `sort@3`). */
export const SORT_KEY = 'sort';

/** Progress reaches the store at most this often. */
const PROGRESS_MS = 150;
let nextRun = 1;

/**
 * Sorts tab `tab`'s rows in its order (`rowSort`), on top of its filter when one is applied, outside
 * any view: the store gets the progress, then the result (the grid then shows the sorted view) or the
 * failure. A new sort or a clear in the tab cancels this one (same key).
 */
export async function applySort(engine: EngineClient, store: TabStore, tab: number): Promise<void> {
  const t = store.tab(tab);
  if (!t || t.rowSort === null) return;
  const run = nextRun++;
  const spec = t.rowSort;
  const filterRun = filterViewRun(t.filter);
  store.changeSort(tab, (x) => sortStarted(x, run, spec, filterRun));
  let last = 0;
  const onProgress = (s: SortStatus) => {
    if (performance.now() - last < PROGRESS_MS) return;
    last = performance.now();
    store.changeSort(tab, (x) => sortProgress(x, run, s));
  };
  try {
    const status = await engine.sort(tab, spec, SORT_KEY, filterRun ? FILTER_KEY : null, onProgress);
    store.changeSort(tab, (x) => sortFinished(x, run, status));
  } catch (e) {
    const info = e instanceof EngineError ? e.info : { message: String(e), where: {} };
    store.changeSort(tab, (x) => sortEnded(x, run, info.message === 'Cancelled.' ? null : info));
  }
}

/** Stops the tab's sort run: the rows stay in file (or filter) order. */
export function cancelSort(engine: EngineClient, tab: number): Promise<void> {
  return engine.cancelFor(tab, SORT_KEY);
}

/** Removes the tab's order: the rows in file (or filter) order again, the grid at view row `row`. */
export async function clearSort(engine: EngineClient, store: TabStore, tab: number, row?: number): Promise<void> {
  store.changeSort(tab, (t) => sortCleared(t, row));
  await engine.clearSort(tab, SORT_KEY).catch(() => {});
}
