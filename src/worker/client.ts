import * as Comlink from 'comlink';
import type { EngineApi } from './engineWorker';
import type { ErrorInfo } from './protocol';

/** An error from the engine worker, carrying where in the file it happened. */
export class EngineError extends Error {
  constructor(readonly info: ErrorInfo) {
    super(info.message);
  }
}

type Unwrapped<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => Promise<{ ok: true; value: infer V } | { ok: false; error: ErrorInfo }>
    ? (...args: A) => Promise<V>
    : never;
};

export type EngineClient = Unwrapped<EngineApi> & {
  /** Stops the worker: its datasets, caches and wasm memory are gone. */
  terminate(): void;
};

/** Starts the engine worker and returns a typed client whose calls throw EngineError on failure. */
export function startEngine(): EngineClient {
  const worker = new Worker(new URL('./engineWorker.ts', import.meta.url), { type: 'module', name: 'arrowscope-engine' });
  const remote = Comlink.wrap<EngineApi>(worker);
  return new Proxy({} as EngineClient, {
    get(_t, name: string) {
      if (name === 'terminate') return () => worker.terminate();
      return async (...args: unknown[]) => {
        const call = (remote as unknown as Record<string, (...a: unknown[]) => Promise<{ ok: boolean; value?: unknown; error?: ErrorInfo }>>)[name];
        // Callbacks (progress) cross to the worker as proxies; everything else is structured-cloned.
        const result = await call(...args.map((a) => (typeof a === 'function' ? Comlink.proxy(a) : a)));
        if (!result.ok) throw new EngineError(result.error!);
        return result.value;
      };
    },
  });
}
