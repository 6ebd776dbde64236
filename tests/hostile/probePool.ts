import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { classify, unclearReason, type OutcomeKind } from './classify';
import type { ProbeRequest, ProbeResult } from './probe';

/** One hostile input: its bytes and how to name it in a report. */
export interface HostileInput {
  /** Which count it goes to: crafted, arrow stream, arrow file, parquet. */
  group: string;
  /** Reproducible name: the crafted file's name, or the seed file and mutation. */
  id: string;
  bytes: Uint8Array;
  /** The name the file is opened under. */
  name: string;
  checkTerminal?: boolean;
}

export interface Outcome {
  input: HostileInput;
  kind: OutcomeKind;
  /** What the suite saw: the first unclear sentence, the bound passed, or the probe's result. */
  detail: string;
  result?: ProbeResult;
  ms: number;
}

export interface Bounds {
  /** Milliseconds one input may take (open, rows, CLI) before it counts as a hang. */
  timeMs: number;
  /** The worker's JS heap (V8's old generation), past which it is stopped. */
  heapMb: number;
  /** Growth of memory outside the JS heap (ArrayBuffers, wasm) during one input. */
  offHeapMb: number;
}

export const DEFAULT_BOUNDS: Bounds = { timeMs: 5_000, heapMb: 512, offHeapMb: 1024 };
export const WINDOW_ROWS = 64;

const ENTRY = new URL('./probeWorker.ts', import.meta.url).href;
/** The worker loads the TypeScript sources through tsx, as bin/arrowscope.mjs does (tsx resolved from the repo, the working folder). */
const BOOT = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(ENTRY)}); });`;

/** The first unclear sentence and why, else the first error, else the values shown. */
function describe(result: ProbeResult): string {
  const unclear = result.errors.find((e) => unclearReason(e) !== null);
  if (unclear) return `${unclear.where}: ${unclear.message} [${unclearReason(unclear)}]`;
  if (result.errors.length) return `${result.errors[0].where}: ${result.errors[0].message}`;
  return `${result.valueCells} values`;
}

type Reply = { ready: true } | { result: ProbeResult; offHeapGrowth: number } | { thrown: string; offHeapGrowth: number };

/**
 * Runs inputs one at a time in a worker thread with a time and memory bound: an input that passes a
 * bound is counted (hang, over memory), the worker is replaced, and the run goes on.
 */
export class ProbePool {
  private worker: Worker | null = null;
  private readonly dir = mkdtempSync(join(tmpdir(), 'arrowscope-hostile-'));
  private files = 0;

  constructor(private readonly bounds: Bounds = DEFAULT_BOUNDS) {}

  async run(input: HostileInput): Promise<Outcome> {
    const path = join(this.dir, `${this.files++}-${input.name}`);
    writeFileSync(path, input.bytes);
    const request: ProbeRequest = { path, name: input.name, windowRows: WINDOW_ROWS, checkTerminal: input.checkTerminal };
    try {
      const worker = await this.ready();
      const started = performance.now();
      const reply = await this.ask(worker, request);
      const ms = performance.now() - started;
      if ('kind' in reply) {
        this.stop();
        return { input, kind: reply.kind, detail: reply.detail, ms };
      }
      const { offHeapGrowth } = reply as { offHeapGrowth: number };
      if (offHeapGrowth > this.bounds.offHeapMb * 2 ** 20) {
        this.stop();
        return { input, kind: 'over memory', detail: `${Math.round(offHeapGrowth / 2 ** 20)} MiB outside the JS heap`, ms };
      }
      if ('thrown' in reply) return { input, kind: 'unclear', detail: `the probe itself threw ${reply.thrown}`, ms };
      if (!('result' in reply)) throw new Error('unexpected reply');
      const kind = classify(reply.result.errors);
      return { input, kind, detail: describe(reply.result), result: reply.result, ms };
    } finally {
      rmSync(path, { force: true });
    }
  }

  private async ready(): Promise<Worker> {
    if (this.worker) return this.worker;
    const worker = new Worker(BOOT, { eval: true, resourceLimits: { maxOldGenerationSizeMb: this.bounds.heapMb } });
    await new Promise<void>((resolve, reject) => {
      worker.once('message', () => resolve());
      worker.once('error', reject);
    });
    this.worker = worker;
    return worker;
  }

  /** The worker's answer, or the bound it passed (the worker is then stopped by the caller). */
  private ask(worker: Worker, request: ProbeRequest): Promise<Reply | { kind: OutcomeKind; detail: string }> {
    return new Promise((resolve) => {
      const done = (answer: Reply | { kind: OutcomeKind; detail: string }) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        resolve(answer);
      };
      const onMessage = (m: Reply) => done(m);
      const onError = (e: Error & { code?: string }) =>
        done(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? { kind: 'over memory', detail: `the JS heap passed ${this.bounds.heapMb} MiB` } : { kind: 'unclear', detail: `the worker died: ${e.name}: ${e.message}` });
      const onExit = (code: number) => done({ kind: 'unclear', detail: `the worker exited (${code})` });
      const timer = setTimeout(() => done({ kind: 'hang', detail: `no answer after ${this.bounds.timeMs} ms` }), this.bounds.timeMs);
      worker.on('message', onMessage);
      worker.once('error', onError);
      worker.once('exit', onExit);
      worker.postMessage(request);
    });
  }

  private stop(): void {
    void this.worker?.terminate();
    this.worker = null;
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
    this.worker = null;
    rmSync(this.dir, { recursive: true, force: true });
  }
}
