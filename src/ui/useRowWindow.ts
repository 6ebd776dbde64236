import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { EngineError } from '../worker/client';
import { BLOCK_ROWS, RowCache } from './rowCache';
import { useEngine } from './useEngine';

export interface LoadedRows {
  /** The loaded cells; a render after a read sees the new ones. */
  cache: RowCache;
  /** The next read starts at once instead of waiting a frame (for jumps: go to, Home/End). */
  readAtOnce(): void;
  /** Stops the read in progress (a stalled server, a slow file); scrolling or a jump reads again. */
  cancel(): void;
}

/**
 * Keeps the rows [firstRow, lastRow] x columns on screen loaded: reads the blocks the cache lacks
 * through the engine, one request at a time (a newer one cancels the older in the worker).
 * `onStatus` hears 'Reading…', then '' or the error. With `filter` (the key the tab's filter is kept
 * under), the rows are the filtered view's, `rows` of them so far: a block read before it was full is
 * read again as the view grows.
 */
export function useRowWindow(datasetId: number, firstRow: number, lastRow: number, columns: readonly number[], onStatus: (status: string) => void, filter?: string, rows = Infinity): LoadedRows {
  const engine = useEngine();
  // A jump (go to, Home/End) reads at once; scrolling waits a frame so that fast drags coalesce.
  const readNow = useRef(false);
  // The blocks x columns being read: a re-render that needs the same ones does not ask again.
  const inFlight = useRef('');
  // Set by cancel(): the read that ends 'Cancelled.' says so instead of staying silent.
  const cancelled = useRef(false);
  const [version, setVersion] = useState(0);
  const cache = useMemo(() => new RowCache(), []);
  const colKey = columns.join(',');

  // Load the blocks of rows x columns on screen that are not cached yet; newer requests cancel older.
  useEffect(() => {
    if (lastRow < firstRow) return;
    const firstBlock = Math.floor(firstRow / BLOCK_ROWS);
    const lastBlock = Math.floor(lastRow / BLOCK_ROWS);
    const cols = colKey ? colKey.split(',').map(Number) : [];
    const needed = (b: number) => (filter === undefined ? 0 : Math.min(BLOCK_ROWS, rows - b * BLOCK_ROWS));
    const missing = cols.filter((c) => {
      for (let b = firstBlock; b <= lastBlock; b++) if (!cache.has(b, c, needed(b))) return true;
      return false;
    });
    if (!missing.length) return;
    const request = `${firstBlock}:${lastBlock}:${missing.join(',')}:${filter === undefined ? '' : rows}`;
    if (request === inFlight.current) return;
    const start = firstBlock * BLOCK_ROWS;
    const n = (lastBlock - firstBlock + 1) * BLOCK_ROWS;
    const delay = readNow.current ? 0 : 16;
    readNow.current = false;
    const timer = setTimeout(() => {
      onStatus('Reading…');
      inFlight.current = request;
      // 'grid' is the worker's cancellation key: this read cancels the grid's previous one.
      engine.rows(datasetId, start, n, missing, 'grid', filter).then(
        (w) => {
          if (inFlight.current === request) inFlight.current = '';
          w.chunkStarts.forEach((r) => cache.chunkStarts.add(r));
          if (w.rowNumbers) for (let b = firstBlock; b <= lastBlock; b++) cache.putRowNumbers(b, w.rowNumbers.slice((b - firstBlock) * BLOCK_ROWS, (b - firstBlock + 1) * BLOCK_ROWS));
          missing.forEach((c, k) => {
            if (w.errors[k]) cache.errors.set(c, w.errors[k]!);
            for (let b = firstBlock; b <= lastBlock; b++) {
              const from = (b - firstBlock) * BLOCK_ROWS;
              cache.put(b, c, w.columns[k].slice(from, from + BLOCK_ROWS));
            }
          });
          onStatus('');
          setVersion((v) => v + 1);
        },
        (e) => {
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
    }, delay);
    return () => clearTimeout(timer);
  }, [engine, datasetId, firstRow, lastRow, colKey, cache, version, onStatus, filter, rows]);

  const readAtOnce = useCallback(() => {
    readNow.current = true;
  }, []);

  const cancel = useCallback(() => {
    cancelled.current = true;
    inFlight.current = '';
    void engine.cancelFor(datasetId, 'grid');
  }, [engine, datasetId]);

  return { cache, readAtOnce, cancel };
}
