import { EngineError, type EngineClient } from '../worker/client';
import type { FilterStatus } from '../worker/protocol';
import type { TabStore } from './tabStore';

/** The key the tab's filter is kept under in the engine (the engine host makes it the tab's: `filter@3`). */
export const FILTER_KEY = 'filter';

/** Progress reaches the store at most this often (each change renders the tab again); the first matches at once. */
const PROGRESS_MS = 150;

/**
 * Applies `text` as tab `tab`'s filter, outside any view: the store gets the progress (the grid grows
 * with the matches found), then the result or the problem with the text. A new filter in the tab
 * replaces this one (same key); cancelled, the matches found in order so far stay shown.
 */
export async function applyFilter(engine: EngineClient, store: TabStore, tab: number, text: string, keepGrid = false): Promise<void> {
  const run = store.filterStarted(tab, text, keepGrid);
  let last = 0;
  let latest: FilterStatus | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    timer = undefined;
    last = performance.now();
    if (latest) store.filterProgress(tab, run, latest);
  };
  const onProgress = (s: FilterStatus) => {
    const first = !latest?.known && s.known > 0;
    latest = s;
    if (first) {
      clearTimeout(timer);
      flush();
    } else if (timer === undefined) timer = setTimeout(flush, Math.max(0, last + PROGRESS_MS - performance.now()));
  };
  try {
    store.filterFinished(tab, run, await engine.filter(tab, text, FILTER_KEY, onProgress));
  } catch (e) {
    const info = e instanceof EngineError ? e.info : { message: String(e), where: {} };
    const cancelled = info.message === 'Cancelled.';
    const status = cancelled ? await engine.filterStatus(tab, FILTER_KEY).catch(() => null) : null;
    store.filterEnded(tab, run, status, cancelled ? null : info);
  } finally {
    clearTimeout(timer);
  }
}

/** Stops the tab's filter run where it is (its matches so far stay shown). */
export function cancelFilter(engine: EngineClient, tab: number): Promise<void> {
  return engine.cancelFor(tab, FILTER_KEY);
}

/** Removes the tab's filter: every row shows again, at file row `row`. */
export async function clearFilter(engine: EngineClient, store: TabStore, tab: number, row?: number): Promise<void> {
  store.filterCleared(tab, row);
  await engine.clearFilter(tab, FILTER_KEY).catch(() => {});
}
