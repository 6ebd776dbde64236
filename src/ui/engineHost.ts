import { EngineError, startEngine, type EngineClient } from '../worker/client';
import type { DatasetSummary, SourceSpec } from '../worker/protocol';

/** Calls whose first argument is not a dataset id. */
const NO_DATASET = new Set(['open', 'wasmBytes', 'cancel', 'terminate']);
/** The arguments holding a key (a cancellation key, or the key a filter is kept under), for calls that take one. */
const KEY_ARG: Record<string, number | number[]> = { rows: [4, 5], chunkDetail: 2, pages: 3, unique: [3, 5], cancelFor: 1, filter: 2, filterStatus: 1, clearFilter: 1, filterLocate: 2, sort: [2, 3], clearSort: 1, sortLocate: 2, find: [4, 6] };
// exportView(id, request, key, view, …): its cancellation key and the key the view's rows are kept under (the tab's sort or filter).
KEY_ARG.exportView = [2, 3];
/** Calls answering with a DatasetSummary, whose id is the tab's. */
const RETURNS_SUMMARY = new Set(['open', 'summary']);

/** What a restart did: the new summary of every tab reopened, and why the others could not be. */
export interface Restart {
  /** parquet-wasm memory the old worker held. */
  heldBytes: number;
  reopened: Map<number, DatasetSummary>;
  failed: Map<number, string>;
}

/** The cancellation key of a tab's open. */
const openKey = (tab: number): string => `open@${tab}`;

const closedError = () => new EngineError({ message: 'This file was closed.', where: {} });

/**
 * Owns the engine worker for the page and gives every open file a tab id that survives a worker
 * restart. The `client` it hands to views speaks in tab ids: calls are translated to the current
 * worker's dataset ids, and cancellation keys are made per tab (`grid@3`, `unique:2@3`), so one tab's
 * reads and counts never cancel another's and closing a tab cancels what it started.
 *
 * The worker is replaced when its parquet-wasm memory passes a budget (WebAssembly memory never
 * shrinks): only while no call is in flight, and calls made meanwhile (opening a file included) wait
 * for the new worker instead of being lost with the old one.
 */
export class EngineHost {
  private engine: EngineClient | null = null;
  /** Tab id -> dataset id in the current worker. */
  private datasets = new Map<number, number>();
  private readonly specs = new Map<number, SourceSpec>();
  /** Cancellation keys each tab used. */
  private readonly keys = new Map<number, Set<string>>();
  private readonly closed = new Set<number>();
  private pending = 0;
  private gate: Promise<void> | null = null;
  private terminated = false;

  /** The engine client views use (through EngineContext); `terminate` is not theirs to call. */
  readonly client: EngineClient;

  constructor(private readonly start: () => EngineClient = startEngine) {
    this.client = new Proxy({} as EngineClient, {
      get: (_t, name: string) => {
        if (name === 'terminate') return () => {};
        if (name === 'then') return undefined; // not a thenable
        return (...args: unknown[]) => this.call(name, args);
      },
    });
  }

  /** Starts the worker now rather than at the first call. */
  warm(): this {
    this.worker();
    return this;
  }

  private worker(): EngineClient {
    if (this.terminated) throw new EngineError({ message: 'The engine has stopped.', where: {} });
    this.engine ??= this.start();
    return this.engine;
  }

  /**
   * Waits for a restart in progress, then counts the call as in flight in the same step (so a restart
   * either starts before it, and it waits, or sees it, and waits for it).
   */
  private async enter(): Promise<void> {
    while (this.gate) await this.gate;
    this.pending++;
  }

  private leave(): void {
    this.pending--;
  }

  private async call(name: string, args: unknown[]): Promise<unknown> {
    const tab = NO_DATASET.has(name) ? undefined : (args[0] as number);
    await this.enter();
    try {
      const a = [...args];
      if (tab !== undefined) {
        const id = this.datasets.get(tab);
        if (id === undefined) throw closedError();
        a[0] = id;
        for (const k of [KEY_ARG[name] ?? []].flat()) {
          if (typeof a[k] !== 'string') continue;
          a[k] = `${a[k]}@${tab}`;
          this.keys.get(tab)?.add(a[k] as string);
        }
      }
      const value = await (this.worker() as unknown as Record<string, (...x: unknown[]) => Promise<unknown>>)[name](...a);
      return tab !== undefined && RETURNS_SUMMARY.has(name) ? { ...(value as DatasetSummary), id: tab } : value;
    } finally {
      this.leave();
    }
  }

  /**
   * Opens a file as tab `tab`. Waits for a restart in progress; a tab closed before its file is open
   * is closed in the worker as soon as the open answers, and this rejects with "This file was closed."
   */
  async open(tab: number, spec: SourceSpec): Promise<DatasetSummary> {
    await this.enter();
    try {
      if (this.closed.has(tab)) throw closedError();
      const engine = this.worker();
      const summary = await engine.open(spec, openKey(tab));
      if (this.closed.has(tab)) {
        void engine.close(summary.id).catch(() => {});
        throw closedError();
      }
      this.datasets.set(tab, summary.id);
      this.specs.set(tab, spec);
      this.keys.set(tab, new Set());
      return { ...summary, id: tab };
    } finally {
      this.leave();
    }
  }

  /** Closes tab `tab`: cancels what it started (reads, page lists, unique counts), then closes its file. It never comes back. */
  async close(tab: number): Promise<void> {
    this.closed.add(tab);
    await this.enter();
    try {
      const id = this.datasets.get(tab);
      const keys = this.keys.get(tab) ?? new Set<string>();
      this.datasets.delete(tab);
      this.specs.delete(tab);
      this.keys.delete(tab);
      if (!this.engine) return;
      const engine = this.engine;
      // Still opening: stop the open (a remote file's requests with it).
      if (id === undefined) {
        await engine.cancel(openKey(tab)).catch(() => {});
        return;
      }
      await Promise.all([...keys].map((k) => engine.cancel(k).catch(() => {})));
      await engine.close(id).catch(() => {});
    } finally {
      this.leave();
    }
  }

  /** The open tabs, in no particular order. */
  get tabs(): number[] {
    return [...this.datasets.keys()];
  }

  /** True while no call waits for an answer (a restart is allowed then). */
  get idle(): boolean {
    return this.pending === 0 && !this.gate;
  }

  /**
   * Replaces the worker when its parquet-wasm memory passes `budgetBytes` and nothing is in flight:
   * every open tab is reopened in a new worker before the old one stops. Null when nothing was done.
   */
  async restartIfOver(budgetBytes: number): Promise<Restart | null> {
    if (!this.engine || !this.idle || !this.datasets.size) return null;
    const held = await this.engine.wasmBytes();
    if (held <= budgetBytes || !this.idle) return null;
    let release!: () => void;
    this.gate = new Promise((resolve) => (release = resolve));
    try {
      const next = this.start();
      const reopened = new Map<number, DatasetSummary>();
      const failed = new Map<number, string>();
      const ids = new Map<number, number>();
      for (const [tab] of this.datasets) {
        if (this.closed.has(tab)) continue;
        try {
          const summary = await next.open(this.specs.get(tab)!);
          ids.set(tab, summary.id);
          reopened.set(tab, { ...summary, id: tab });
        } catch (e) {
          failed.set(tab, e instanceof Error ? e.message : String(e));
          this.specs.delete(tab);
        }
      }
      this.engine.terminate();
      this.engine = next;
      this.datasets = ids;
      for (const tab of this.keys.keys()) this.keys.set(tab, new Set());
      return { heldBytes: held, reopened, failed };
    } finally {
      this.gate = null;
      release();
    }
  }

  /** Stops the worker for good (the page is going away). */
  terminate(): void {
    this.terminated = true;
    this.engine?.terminate();
    this.engine = null;
  }
}
