import { useEffect, useState } from 'react';
import { EngineError } from '../worker/client';
import type { ColumnSummary, ErrorInfo } from '../worker/protocol';
import { useEngine } from './useEngine';

export interface ColumnSummaryState {
  summary: ColumnSummary | null;
  error: ErrorInfo | null;
  /** Lifts the cap: counts every chunk (Arrow reads one more message header per batch). */
  countAll(): void;
}

/**
 * While chunks are being counted, a summary is shown at most this often (the first and the last at
 * once): each lays the column table out again (every row's nulls, sizes and share change: 250 boxes
 * of 20 columns, 7–18 ms of main-thread CPU while a stream's index walk holds both cores), and replies
 * came every ~50 ms while a stream was indexed. At 500 ms, and with one caught up with the chunks
 * found so far shown at once, a W3 open laid the table out ~10 times.
 */
const SHOW_EVERY_MS = 2000;

/**
 * The whole-file column summary of an open dataset, counted step by step in the engine (which keeps
 * it, so coming back costs nothing) until every chunk is counted or the cap is reached. Only columns
 * [start, end) cross to the page (with the totals of all columns): a file may have 100,000.
 * Nothing is asked for while `enabled` is false.
 */
export function useColumnSummary(id: number, start = 0, end = Infinity, enabled = true): ColumnSummaryState {
  const engine = useEngine();
  const [summary, setSummary] = useState<ColumnSummary | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [limit, setLimit] = useState<number | undefined>(undefined);

  useEffect(() => {
    if (!enabled) return;
    let live = true;
    void (async () => {
      try {
        let shownAt = -Infinity;
        while (live) {
          const s = await engine.columnSummary(id, limit, undefined, start, end);
          if (!live) return;
          const last = s.complete || s.chunksCounted >= s.limit;
          // Every chunk found so far is counted: a stream still being indexed finds more.
          const caughtUp = s.chunksCounted >= s.chunkCount;
          if (last || performance.now() - shownAt >= SHOW_EVERY_MS) {
            setSummary(s);
            shownAt = performance.now();
          }
          if (last) return;
          if (caughtUp) await new Promise((resolve) => setTimeout(resolve, 500));
        }
      } catch (e) {
        if (live) setError(e instanceof EngineError ? e.info : { message: String(e), where: {} });
      }
    })();
    return () => {
      live = false;
    };
  }, [engine, id, limit, start, end, enabled]);

  return { summary, error, countAll: () => setLimit(Infinity) };
}
