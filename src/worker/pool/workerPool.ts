import * as Comlink from 'comlink';
import type { PoolWorkerApi } from './poolWorker';
import type { SourceSpec } from '../../source/SourceSpec';

export interface PoolMember {
  worker: Worker;
  api: Comlink.Remote<PoolWorkerApi>;
}

/** wasm memory never shrinks: a compute worker that grew past this is replaced by a fresh one. */
export const WASM_BUDGET_BYTES = 1024 * 1024 * 1024;

/** Compute workers to keep between jobs: one per core, at most 8. */
export function poolSize(): number {
  const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 2 : 2;
  return Math.max(1, Math.min(8, cores));
}

/**
 * Compute workers lent to one job at a time: a job takes workers (idle ones first, new ones when
 * another job holds them), gives them back when it ends, and stops them when it is cancelled. So
 * cancelling one file's count never stops another's, and two counts never share a worker.
 */
export class WorkerPool {
  private idle: PoolMember[] = [];
  private readonly busy = new Set<PoolMember>();

  constructor(private readonly wasmUrl?: string) {}

  /** `n` workers for one job. */
  take(n: number): PoolMember[] {
    const members = this.idle.splice(0, n);
    while (members.length < n) members.push(this.start());
    for (const m of members) this.busy.add(m);
    return members;
  }

  /** Workers of a job that ended: kept for the next job up to the pool's size, the others stopped. */
  give(members: PoolMember[]): void {
    for (const m of members) {
      this.busy.delete(m);
      if (this.idle.length < poolSize()) this.idle.push(m);
      else m.worker.terminate();
    }
  }

  /** Workers of a job that ended well: given back, except those whose wasm memory passed the budget (it never shrinks), stopped. */
  async giveBack(members: PoolMember[]): Promise<void> {
    const sizes = await Promise.all(members.map((m) => m.api.wasmBytes()));
    this.stop(members.filter((_, k) => sizes[k] > WASM_BUDGET_BYTES));
    this.give(members.filter((_, k) => sizes[k] <= WASM_BUDGET_BYTES));
  }

  /** Stops workers at once (a cancelled job's): what they were doing is abandoned, their memory returned. */
  stop(members: PoolMember[]): void {
    for (const m of members) {
      this.busy.delete(m);
      this.idle = this.idle.filter((i) => i !== m);
      m.worker.terminate();
    }
  }

  /**
   * Starts the pool's workers ahead of any job and has each idle one open `spec` (its headers, the
   * kept index), so that the first count, filter or sort does not wait for workers to start and open.
   */
  warm(spec: SourceSpec): void {
    while (this.idle.length + this.busy.size < poolSize()) this.idle.push(this.start());
    for (const m of this.idle) void m.api.open(spec).catch(() => {});
  }

  /** Stops every worker, idle or busy. */
  stopAll(): void {
    this.stop([...this.idle, ...this.busy]);
  }

  private start(): PoolMember {
    const worker = new Worker(new URL('./poolWorker.ts', import.meta.url), { type: 'module', name: 'arrowscope-compute' });
    const api = Comlink.wrap<PoolWorkerApi>(worker);
    if (this.wasmUrl) void api.init(this.wasmUrl);
    return { worker, api };
  }
}

let shared: WorkerPool | null = null;

/** The one pool of this thread, shared by unique counts and filter runs (each borrows its own workers). */
export function sharedPool(wasmUrl?: string): WorkerPool {
  return (shared ??= new WorkerPool(wasmUrl));
}

/** Fewer rows are counted in well under a second by the engine's thread alone: no workers started for them. */
const WARM_MIN_ROWS = 1_000_000;

/**
 * Warms the shared pool for a local file of `chunks` chunks and `rows` rows. Not for one chunk (counted in
 * the engine) or a small file, nor without Worker, nor for a URL: opening it costs each worker requests (a
 * stream's whole walk, no index being kept for URLs), worth paying only for a job that needs the pool.
 */
export function warmPool(spec: SourceSpec | null, chunks: number, rows: number, wasmUrl?: string): void {
  if (typeof Worker === 'undefined' || spec?.kind !== 'blob' || chunks < 2 || rows < WARM_MIN_ROWS) return;
  sharedPool(wasmUrl).warm(spec);
}
