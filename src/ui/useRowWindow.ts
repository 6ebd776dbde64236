import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { EngineError } from '../worker/client';
import { BLOCK_ROWS, RowCache } from './rowCache';
import { AHEAD_KEY, aheadBlocks, covers, moveDirection, planBlocks, whenIdle, type BlockPlan, type Direction } from './readAhead';
import type { ViewRowWindow } from '../worker/protocol';
import { useEngine } from './useEngine';

/** A read slower than this says 'Reading…' (a fast one changes no status: two renders fewer per step). */
const READING_AFTER_MS = 150;

/** A read-ahead in flight; `waited`: the window on screen waits for it (its 'Reading…' timer); `dropped`: cancelled for another read. */
type AheadRead = BlockPlan & { read: Promise<void>; waited?: ReturnType<typeof setTimeout>; dropped?: boolean };

export interface LoadedRows {
  /** The loaded cells; a render after a read sees the new ones. */
  cache: RowCache;
  /**
   * Starts reading the rows [firstRow, lastRow] x columns at once, before the grid moves there (go to,
   * Home/End): the worker decodes while the page renders. Null when they are all cached; else settles
   * (never rejects) when the read ends, whatever its outcome.
   */
  readAtOnce(firstRow: number, lastRow: number, columns: readonly number[]): Promise<void> | null;
  /** Stops the read in progress (a stalled server, a slow file); scrolling or a jump reads again. */
  cancel(): void;
}

/**
 * Keeps the rows [firstRow, lastRow] x columns on screen loaded: reads the blocks the cache lacks
 * through the engine, one request at a time (a newer one cancels the older in the worker).
 * `onStatus` hears 'Reading…' (when a read is slow), then '' or the error. With `filter` (the key the
 * tab's filter is kept under), the rows are the filtered view's, `rows` of them so far: a block read
 * before it was full is read again as the view grows.
 *
 * Once the window is loaded and the page idle, the next AHEAD_BLOCKS blocks in the direction of the
 * last move are read ahead (readAhead.ts, under a key of their own): a step or go to there paints from
 * the cache in the same task, with no worker round trip. A visible read waits for a read-ahead that
 * brings its rows, and cancels any other.
 */
export function useRowWindow(datasetId: number, firstRow: number, lastRow: number, columns: readonly number[], onStatus: (status: string) => void, filter?: string, rows = Infinity): LoadedRows {
  const engine = useEngine();
  // The blocks x columns being read: a re-render that needs the same ones does not ask again.
  const inFlight = useRef('');
  const inFlightRead = useRef<Promise<void> | null>(null);
  // A read started by readAtOnce: the grid's own reads wait for it (a read for the place the grid is
  // leaving would cancel it in the worker).
  const ahead = useRef<Promise<void> | null>(null);
  // Set by cancel(): the read that ends 'Cancelled.' says so instead of staying silent.
  const cancelled = useRef(false);
  // The read-ahead in flight, and the direction of the last move (down until the grid moves up).
  const aheadRead = useRef<AheadRead | null>(null);
  const direction = useRef<Direction>(1);
  // Counts cancel() calls: a jump waiting on a read-ahead that cancel() stopped does not read again.
  const stops = useRef(0);
  // Set by cancel(): the rows and columns the grid stopped at (a jump's target rows while it is on its
  // way, any columns). Nothing is read again on its own there, only once the grid scrolls away or a jump is made.
  const stoppedAt = useRef<{ first: number; last: number; cols: string | null } | null>(null);
  // The rows of the jump whose read is in flight (readAtOnce), for cancel().
  const jumpRows = useRef<{ first: number; last: number } | null>(null);
  const [version, setVersion] = useState(0);
  const cache = useMemo(() => new RowCache(), []);
  const colKey = columns.join(',');

  const needed = useCallback((b: number) => (filter === undefined ? 0 : Math.min(BLOCK_ROWS, rows - b * BLOCK_ROWS)), [filter, rows]);
  const view = filter === undefined ? '' : String(rows);

  /** The blocks and columns of [first, last] x cols the cache lacks, and the request naming them; null when none. */
  const plan = useCallback(
    (first: number, last: number, cols: readonly number[]) => (last < first ? null : planBlocks(cache, Math.floor(first / BLOCK_ROWS), Math.floor(last / BLOCK_ROWS), cols, needed, view)),
    [cache, needed, view],
  );

  /** Puts a window read for the planned blocks into the cache. */
  const store = useCallback(
    ({ firstBlock, lastBlock, missing }: BlockPlan, w: ViewRowWindow, skipErrors = false) => {
      w.chunkStarts.forEach((r) => cache.chunkStarts.add(r));
      if (w.rowNumbers) for (let b = firstBlock; b <= lastBlock; b++) cache.putRowNumbers(b, w.rowNumbers.slice((b - firstBlock) * BLOCK_ROWS, (b - firstBlock + 1) * BLOCK_ROWS));
      missing.forEach((c, k) => {
        if (w.errors[k]) {
          if (skipErrors) return;
          cache.errors.set(c, w.errors[k]!);
        }
        for (let b = firstBlock; b <= lastBlock; b++) {
          const from = (b - firstBlock) * BLOCK_ROWS;
          cache.put(b, c, w.columns[k].slice(from, from + BLOCK_ROWS));
        }
      });
    },
    [cache],
  );

  /** Cancels the read-ahead in flight (a visible read needs other rows first). */
  const stopAhead = useCallback(() => {
    if (!aheadRead.current) return;
    aheadRead.current.dropped = true;
    aheadRead.current = null;
    void engine.cancelFor(datasetId, AHEAD_KEY).catch(() => {});
  }, [engine, datasetId]);

  /**
   * Reads the blocks beside [first, last] in the direction of the last move that the cache lacks;
   * renders again only if the window on screen meanwhile needs them. Errors are left for a visible read to say.
   */
  const readAhead = useCallback(
    (first: number, last: number, cols: readonly number[]) => {
      if (ahead.current || inFlight.current) return; // a jump or a visible read started before the page was idle
      const span = aheadBlocks(first, last, direction.current, rows, filter !== undefined);
      const p = span && planBlocks(cache, span.first, span.last, cols, needed, view);
      if (!p || aheadRead.current?.request === p.request) return;
      const stop = stops.current;
      // Settled either way: if the window on screen came to wait for it, it renders and reads what is still missing.
      const settled = () => {
        if (aheadRead.current === entry) aheadRead.current = null;
        if (entry.waited === undefined) return;
        clearTimeout(entry.waited);
        if (stops.current !== stop) return onStatus('Read stopped: scroll or jump to read again.');
        if (entry.dropped) return; // the read that replaced it says how it went
        onStatus('');
        setVersion((v) => v + 1);
      };
      const entry: AheadRead = {
        ...p,
        read: engine.rows(datasetId, p.firstBlock * BLOCK_ROWS, (p.lastBlock - p.firstBlock + 1) * BLOCK_ROWS, p.missing, AHEAD_KEY, filter).then((w) => {
          store(p, w, true);
          settled();
        }, settled),
      };
      aheadRead.current = entry;
    },
    [engine, datasetId, cache, filter, rows, needed, view, store, onStatus],
  );

  /** The window on screen waits for read-ahead `a`: slow, it says 'Reading…' (and Stop shows) as a read of its own would. */
  const waitFor = useCallback(
    (a: AheadRead) => {
      a.waited ??= setTimeout(() => {
        if (aheadRead.current === a) onStatus('Reading…');
      }, READING_AFTER_MS);
    },
    [onStatus],
  );

  /** Reads the planned blocks into the cache; settles when done, failed or cancelled. */
  const load = useCallback(
    ({ firstBlock, lastBlock, missing, request }: BlockPlan): Promise<void> => {
      inFlight.current = request;
      const slow = setTimeout(() => {
        if (inFlight.current === request) onStatus('Reading…');
      }, READING_AFTER_MS);
      const start = firstBlock * BLOCK_ROWS;
      const n = (lastBlock - firstBlock + 1) * BLOCK_ROWS;
      // 'grid' is the worker's cancellation key: this read cancels the grid's previous one.
      const read = engine.rows(datasetId, start, n, missing, 'grid', filter).then(
        (w) => {
          clearTimeout(slow);
          if (inFlight.current === request) inFlight.current = '';
          store({ firstBlock, lastBlock, missing, request }, w);
          onStatus('');
          setVersion((v) => v + 1);
        },
        (e) => {
          clearTimeout(slow);
          if (inFlight.current === request) inFlight.current = '';
          if (e instanceof EngineError && e.info.message === 'Cancelled.') {
            if (cancelled.current) onStatus('Read stopped: scroll or jump to read again.');
            cancelled.current = false;
            return;
          }
          const message = e instanceof EngineError ? e.info.message : String(e);
          onStatus(message);
          // The cells show the error instead of waiting for values that will not come.
          const failed = Array.from({ length: BLOCK_ROWS }, () => ({ error: message }));
          for (const c of missing) for (let b = firstBlock; b <= lastBlock; b++) cache.put(b, c, failed);
          setVersion((v) => v + 1);
        },
      );
      inFlightRead.current = read;
      return read;
    },
    [engine, datasetId, cache, filter, onStatus, store],
  );

  // Load the blocks of rows x columns on screen that are not cached yet; scrolling waits a frame so
  // that fast drags coalesce (rows that grew in place, a filter's first matches, are read at once);
  // newer requests cancel older. Once all is loaded and the page idle, the next rows are read ahead.
  const shownFrom = useRef(firstRow);
  useEffect(() => {
    if (ahead.current) return; // its end renders again, and this reads what is on screen then
    const scrolled = firstRow !== shownFrom.current;
    if (scrolled) direction.current = moveDirection(shownFrom.current, firstRow, lastRow - firstRow + 1, direction.current);
    shownFrom.current = firstRow;
    const stop = stoppedAt.current;
    if (stop && (stop.cols ?? colKey) === colKey && firstRow >= stop.first && firstRow <= stop.last) return void (stoppedAt.current = { first: firstRow, last: firstRow, cols: colKey }); // landed, or not moved
    stoppedAt.current = null;
    const cols = colKey ? colKey.split(',').map(Number) : [];
    const p = plan(firstRow, lastRow, cols);
    if (!p) return inFlight.current ? undefined : whenIdle(() => readAhead(firstRow, lastRow, cols));
    if (p.request === inFlight.current) return;
    if (aheadRead.current && covers(aheadRead.current, p)) return void waitFor(aheadRead.current); // its end renders again
    stopAhead();
    if (!scrolled) return void load(p);
    const timer = setTimeout(() => void load(p), 16);
    return () => clearTimeout(timer);
  }, [firstRow, lastRow, colKey, plan, load, readAhead, stopAhead, waitFor, version]);

  const readAtOnce = useCallback(
    (first: number, last: number, cols: readonly number[]) => {
      stoppedAt.current = null;
      const p = plan(first, last, cols);
      if (!p) return null;
      if (p.request === inFlight.current && ahead.current) return ahead.current;
      let started: Promise<void>;
      const a = aheadRead.current;
      // A read-ahead bringing these rows: wait for it, then read whatever it did not bring.
      if (a && covers(a, p)) {
        const stop = stops.current;
        waitFor(a);
        started = a.read.then(() => {
          const rest = plan(first, last, cols);
          return rest && stops.current === stop ? load(rest) : undefined; // stopped by cancel(): not read again
        });
      } else {
        stopAhead();
        // The same blocks already on their way (the grid asked for them a moment ago): wait for that read.
        started = p.request === inFlight.current && inFlightRead.current ? inFlightRead.current : load(p);
      }
      const read = started.finally(() => {
        if (ahead.current !== read) return;
        ahead.current = null;
        jumpRows.current = null;
      });
      ahead.current = read;
      jumpRows.current = { first, last };
      return read;
    },
    [plan, load, stopAhead, waitFor],
  );

  const cancel = useCallback(() => {
    cancelled.current = true;
    stops.current++;
    inFlight.current = '';
    const at = shownFrom.current;
    const jump = jumpRows.current;
    stoppedAt.current = jump && (at < jump.first || at > jump.last) ? { ...jump, cols: null } : { first: at, last: at, cols: colKey };
    stopAhead();
    void engine.cancelFor(datasetId, 'grid');
  }, [engine, datasetId, stopAhead, colKey]);

  return { cache, readAtOnce, cancel };
}
