import { useCallback, useEffect, useState } from 'react';
import { EngineHost } from './engineHost';
import type { TabStore } from './tabStore';

export interface EngineLifecycle {
  host: EngineHost;
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
 * Owns the engine host for the page and, while files are open, replaces the engine worker once its
 * wasm memory passes the budget (the host reopens every tab in the new worker first, waits for calls
 * in flight, and queues calls made meanwhile); the store gets the tabs' new summaries.
 */
export function useEngineLifecycle(store: TabStore, hasTabs: boolean): EngineLifecycle {
  // The worker starts with the page, so that the first file opens without waiting for it.
  const [host] = useState(() => new EngineHost().warm());
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    if (!hasTabs) return;
    let busy = false;
    const timer = setInterval(async () => {
      if (busy) return;
      busy = true;
      try {
        const counted = store.getSnapshot().tabs.some((t) => Object.keys(t.unique).length > 0);
        const restart = await host.restartIfOver(wasmBudgetBytes());
        if (!restart) return;
        const names = new Map(store.getSnapshot().tabs.map((t) => [t.id, t.name]));
        store.restarted(restart.reopened, restart.failed.keys());
        const failures = [...restart.failed].map(([id, message]) => ` ${names.get(id) ?? 'A file'} could not be reopened: ${message}`);
        setNotice(
          `The engine worker was restarted to give back ${(restart.heldBytes / 2 ** 20).toFixed(0)} MiB of Parquet decoder memory (WebAssembly memory never shrinks); open files were reopened${counted ? ', and unique values need counting again' : ''}.${failures.join('')}`,
        );
      } finally {
        busy = false;
      }
    }, 2000);
    return () => clearInterval(timer);
  }, [host, store, hasTabs]);

  const dismissNotice = useCallback(() => setNotice(null), []);
  return { host, notice, dismissNotice };
}
