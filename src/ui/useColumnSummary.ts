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
        while (live) {
          const s = await engine.columnSummary(id, limit, undefined, start, end);
          if (!live) return;
          setSummary(s);
          if (s.complete || s.chunksCounted >= s.limit) return;
          // Every chunk found so far is counted: a stream still being indexed finds more.
          if (s.chunksCounted >= s.chunkCount) await new Promise((resolve) => setTimeout(resolve, 500));
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
