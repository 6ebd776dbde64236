import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
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
  keepColumns?: number[];
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
  /** The probe process's JS heap (V8's old generation, --max-old-space-size), past which it ends. */
  heapMb: number;
  /** Growth of memory outside the JS heap (ArrayBuffers, wasm) during one input. */
  offHeapMb: number;
}

export const DEFAULT_BOUNDS: Bounds = { timeMs: 5_000, heapMb: 512, offHeapMb: 1024 };
export const WINDOW_ROWS = 64;

const ENTRY = fileURLToPath(new URL('./probeChild.ts', import.meta.url));
/** Fatal out-of-memory errors of V8, as the child prints them before it ends. */
const OUT_OF_MEMORY = /heap out of memory|Reached heap limit|Allocation failed|Out of memory/i;

/** The first unclear sentence and why, else the first error, else the values shown. */
function describe(result: ProbeResult): string {
  const unclear = result.errors.find((e) => unclearReason(e) !== null);
  if (unclear) return `${unclear.where}: ${unclear.message} [${unclearReason(unclear)}]`;
  if (result.errors.length) return `${result.errors[0].where}: ${result.errors[0].message}`;
  return `${result.valueCells} values`;
}

type Reply = { ready: true } | { result: ProbeResult; offHeapGrowth: number } | { thrown: string; offHeapGrowth: number };

/**
 * Runs inputs one at a time in a child process (the engine's TypeScript loaded through tsx, as
 * bin/arrowscope.mjs does) with a time and memory bound: an input that passes a bound or ends the process
 * is counted (hang, over memory, unclear), the process is replaced, and the run goes on.
 */
export class ProbePool {
  private child: ChildProcess | null = null;
  /** The end of the child's stderr, to tell an out-of-memory death from another. */
  private stderr = '';
  private readonly dir = mkdtempSync(join(tmpdir(), 'arrowscope-hostile-'));
  private files = 0;

  constructor(private readonly bounds: Bounds = DEFAULT_BOUNDS) {}

  async run(input: HostileInput): Promise<Outcome> {
    const path = join(this.dir, `${this.files++}-${input.name}`);
    writeFileSync(path, input.bytes);
    const request: ProbeRequest = { path, name: input.name, windowRows: WINDOW_ROWS, checkTerminal: input.checkTerminal, keepColumns: input.keepColumns };
    try {
      const child = await this.ready();
      const started = performance.now();
      const reply = await this.ask(child, request);
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

  private async ready(): Promise<ChildProcess> {
    if (this.child) return this.child;
    const child = fork(ENTRY, [], { execArgv: ['--import', 'tsx', `--max-old-space-size=${this.bounds.heapMb}`], serialization: 'advanced', stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    this.stderr = '';
    child.stderr!.on('data', (d: Buffer) => (this.stderr = (this.stderr + d.toString('utf8')).slice(-4096)));
    await new Promise<void>((resolve, reject) => {
      child.once('message', () => resolve());
      child.once('error', reject);
      child.once('exit', (code) => reject(new Error(`the probe process did not start (${code}): ${this.stderr}`)));
    });
    child.removeAllListeners('exit');
    child.removeAllListeners('error');
    this.child = child;
    return child;
  }

  /** The child's answer, or the bound it passed (the child is then stopped by the caller). */
  private ask(child: ChildProcess, request: ProbeRequest): Promise<Reply | { kind: OutcomeKind; detail: string }> {
    return new Promise((resolve) => {
      const done = (answer: Reply | { kind: OutcomeKind; detail: string }) => {
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('close', onExit);
        resolve(answer);
      };
      const onMessage = (m: Reply) => done(m);
      const onExit = (code: number | null, signal: string | null) =>
        done(
          OUT_OF_MEMORY.test(this.stderr)
            ? { kind: 'over memory', detail: `the JS heap passed ${this.bounds.heapMb} MiB (the process ended: ${this.stderr.match(OUT_OF_MEMORY)![0]})` }
            : { kind: 'unclear', detail: `the probe process ended (${signal ?? code}): ${this.stderr.trim().split('\n').slice(-3).join(' / ')}` },
        );
      const timer = setTimeout(() => done({ kind: 'hang', detail: `no answer after ${this.bounds.timeMs} ms` }), this.bounds.timeMs);
      child.on('message', onMessage);
      child.once('close', onExit);
      child.send(request);
    });
  }

  private stop(): void {
    this.child?.kill('SIGKILL');
    this.child = null;
  }

  async close(): Promise<void> {
    this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
