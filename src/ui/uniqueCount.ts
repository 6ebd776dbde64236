import { EngineError, type EngineClient } from '../worker/client';
import type { UniqueProgress } from '../worker/protocol';
import { FILTER_KEY } from './filterRun';
import type { TabStore } from './tabStore';

/** The cancellation key of a column's count: the engine host makes it the tab's (`unique:2@3`). */
const uniqueKey = (column: number) => `unique:${column}`;

/** Distinct values kept in memory before a count switches to the exact top values; `?uniqueBudget=` overrides. */
function uniqueBudget(): number | undefined {
  const n = Number(new URLSearchParams(location.search).get('uniqueBudget'));
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

/** Progress reaches the store at most this often: every change of the store renders the open tab again. */
const PROGRESS_MS = 200;

/**
 * Counts the unique values of `column` in tab `tab`, outside any view: the store gets the progress and
 * then the result (or the error), so a view shown later, in this tab or after a switch, finds them.
 * A count of the same column started again cancels this one; other columns and tabs count on.
 * `filtered`: over the rows matching the tab's filter only (the engine waits for a run still going).
 */
export async function countUnique(engine: EngineClient, store: TabStore, tab: number, column: number, filtered = false): Promise<void> {
  const run = store.countStarted(tab, column);
  const started = performance.now();
  let last = 0;
  let latest: UniqueProgress | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    timer = undefined;
    last = performance.now();
    if (latest) store.countProgress(tab, column, run, latest);
  };
  const onProgress = (p: UniqueProgress) => {
    latest = p;
    if (timer === undefined) timer = setTimeout(flush, Math.max(0, last + PROGRESS_MS - performance.now()));
  };
  try {
    const result = await engine.unique(tab, column, onProgress, uniqueKey(column), uniqueBudget(), filtered ? FILTER_KEY : undefined);
    store.countFinished(tab, column, run, { ...result, ms: performance.now() - started });
  } catch (e) {
    const info = e instanceof EngineError ? e.info : { message: String(e), where: {} };
    store.countEnded(tab, column, run, info.message === 'Cancelled.' ? null : info);
  } finally {
    clearTimeout(timer);
  }
}

/** Cancels the count of `column` running in tab `tab`, if any. */
export function cancelCount(engine: EngineClient, tab: number, column: number): Promise<void> {
  return engine.cancelFor(tab, uniqueKey(column));
}
