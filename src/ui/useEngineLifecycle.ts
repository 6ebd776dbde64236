import { useCallback, useEffect, useState } from 'react';
import { startEngine, type EngineClient } from '../worker/client';
import type { DatasetSummary, SourceSpec } from '../worker/protocol';

/** An open file as the engine worker knows it. */
export interface OpenTab {
  summary: DatasetSummary;
  /** How to open the file again (a fresh engine worker reopens every tab). */
  spec: SourceSpec;
}

/** A tab reopened in a fresh engine worker: `old` is its dataset id in the worker that was replaced. */
export interface ReopenedTab extends OpenTab {
  old: number;
}

export interface EngineLifecycle {
  engine: EngineClient;
  /** Why the engine worker was restarted, until dismissed. */
  notice: string | null;
  dismissNotice(): void;
}

/** Parquet's wasm memory never shrinks; past this the engine worker is replaced. `?wasmBudgetMiB=` overrides. */
function wasmBudgetBytes(): number {
  const mib = Number(new URLSearchParams(location.search).get('wasmBudgetMiB'));
  return (Number.isFinite(mib) && mib > 0 ? mib : 1536) * 1024 * 1024;
}

/**
 * Owns the engine worker: starts it, and replaces it once its wasm memory passes the budget,
 * reopening every tab in the new one before the old one stops. `onRestarted` gets the reopened
 * tabs (with their new dataset ids) in the same update as the new engine.
 */
export function useEngineLifecycle(tabs: readonly OpenTab[], onRestarted: (reopened: ReopenedTab[]) => void): EngineLifecycle {
  const [engine, setEngine] = useState(() => startEngine());
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    if (!tabs.length) return;
    let busy = false;
    const timer = setInterval(async () => {
      if (busy) return;
      busy = true;
      try {
        const held = await engine.wasmBytes();
        if (held <= wasmBudgetBytes()) return;
        const next = startEngine();
        const reopened = await Promise.all(tabs.map(async (t) => ({ spec: t.spec, summary: await next.open(t.spec), old: t.summary.id })));
        engine.terminate();
        setEngine(next);
        onRestarted(reopened);
        setNotice(`The engine worker was restarted to give back ${(held / 2 ** 20).toFixed(0)} MiB of Parquet decoder memory (WebAssembly memory never shrinks); open files were reopened.`);
      } finally {
        busy = false;
      }
    }, 2000);
    return () => clearInterval(timer);
  }, [engine, tabs, onRestarted]);

  const dismissNotice = useCallback(() => setNotice(null), []);
  return { engine, notice, dismissNotice };
}
