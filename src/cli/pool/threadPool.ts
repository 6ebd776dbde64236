import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { DatasetError, LocatedError } from '../../model/errors';
import type { Dataset } from '../../model/types';
import type { ShareGatherer } from '../../compute/export/exportShares';
import type { GatherJob } from '../../compute/export/gatherShare';
import { jobWork, type JobSpec, type Share, type WireResult } from './poolJobs';
import type { FromThread, ThreadError, ToThread } from './threadMessages';

/** A share handed out at a time: consecutive chunks up to about this many rows (fewer on a small file, so that each thread gets several). */
const SHARE_ROWS = 1 << 20;
const SHARES_PER_THREAD = 4;
/** Shares a thread holds at once: it starts the next while the command's own thread, busy counting, has not yet read its answer. */
const IN_FLIGHT = 2;
/** Below this many bytes of file the pool is not worth starting unless --threads asks for it (a thread costs ~0.1-0.3 s to start and open the file). */
export const POOL_MIN_BYTES = 128 * 1024 * 1024;

/** Threads by default: one per core the process may use. */
export const defaultThreads = (): number => availableParallelism();

/** The chunks in consecutive runs of about `shareRows` rows, in file order. */
export function sharesOf(dataset: Dataset, shareRows: number): Share[] {
  const out: Share[] = [];
  let start = 0;
  let rows = 0;
  const chunks = dataset.chunks;
  for (let c = 0; c < chunks.length; c++) {
    rows += chunks[c].rows;
    if (rows >= shareRows || c === chunks.length - 1) {
      out.push({ start, end: c + 1, rows });
      start = c + 1;
      rows = 0;
    }
  }
  return out;
}

/** The thread entry beside this module: the built one (dist-cli/pool-thread.mjs), or from sources through tsx. */
function startThread(): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL(THREAD_FILE, here));
  // From sources (tsx, vitest): the thread compiles its TypeScript through tsx as well.
  const tsx = pathToFileURL(createRequire(here).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const entry = new URL(SOURCE_FILE, here).href;
  return new Worker(`import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); })`, { eval: true });
}
// Names in variables: a bundler leaves `new URL(name, import.meta.url)` alone when `name` is not a literal.
const THREAD_FILE = 'pool-thread.mjs';
const SOURCE_FILE = './poolThread.ts';

/** An error from a thread, as the command's own thread would have thrown it (so it prints and exits the same). */
function rebuilt(e: ThreadError): Error {
  if (e.code) return Object.assign(new Error(e.message), { code: e.code });
  if (e.where !== undefined) return new (e.name === 'DatasetError' ? DatasetError : LocatedError)(e.message, e.where, e.stillWorks);
  return Object.assign(new Error(e.message), { name: e.name });
}

class Thread {
  private readonly waiting: { resolve: (m: FromThread) => void; reject: (e: Error) => void }[] = [];
  private failure: Error | null = null;

  constructor(readonly worker: Worker) {
    worker.on('message', (m: FromThread) => this.waiting.shift()?.resolve(m));
    const fail = (e: Error) => {
      this.failure = e;
      for (const w of this.waiting.splice(0)) w.reject(e);
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`A pool thread stopped (exit code ${code}).`)));
  }

  post(message: ToThread): void {
    this.worker.postMessage(message);
  }

  /** Posts `message` and resolves with the thread's answer to it (answers come in the order asked). */
  ask(message: ToThread): Promise<FromThread> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.waiting.push({
        resolve: (m) => (m.type === 'error' ? reject(rebuilt(m.error)) : resolve(m)),
        reject,
      });
      this.post(message);
    });
  }
}

/**
 * The command's threads (node:worker_threads): a job's shares of chunks go, in file order, to whoever
 * is free, this thread included, each thread keeping its running result (its partial value counts,
 * count or top-K), merged by the caller. Each thread opens the file itself (headers and index).
 */
export class ThreadPool {
  private threads: Thread[] = [];
  private jobs = 0;

  /** `size` threads besides the command's own. */
  constructor(private readonly size: number) {}

  /** One result per participant (this thread's first), over every share of `dataset`, which the threads open at `path`. */
  async run(path: string, dataset: Dataset, spec: JobSpec, onRows: (rows: number) => void): Promise<WireResult[]> {
    const job = ++this.jobs;
    const queue = sharesOf(dataset, Math.max(1, Math.min(SHARE_ROWS, Math.ceil(dataset.rows / ((this.size + 1) * SHARES_PER_THREAD)))));
    const threads = this.take(Math.min(this.size, queue.length - 1));
    for (const t of threads) t.post({ type: 'begin', job, path, spec });
    let failed = false;
    const remote = async (t: Thread): Promise<WireResult> => {
      const asked: Promise<FromThread>[] = [];
      const more = () => {
        const share = failed ? undefined : queue.shift();
        if (!share) return;
        const answer = t.ask({ type: 'share', job, share });
        answer.catch(() => {}); // awaited in order below; one failing after an earlier failure ended the job is no crash
        asked.push(answer);
      };
      for (let i = 0; i < IN_FLIGHT; i++) more();
      while (asked.length) {
        const answer = await asked.shift()!;
        if (answer.type === 'done') onRows(answer.rows);
        more();
      }
      const end = await t.ask({ type: 'finish', job });
      if (end.type !== 'result') throw new Error('A pool thread answered out of turn.');
      return end.result;
    };
    const local = async (): Promise<WireResult> => {
      const work = jobWork(dataset, spec);
      for (let share = queue.shift(); share && !failed; share = queue.shift()) {
        onRows(await work.share(share));
        // Let the threads' answers in, so each gets its next share without waiting for this one's next.
        await new Promise((resolve) => setImmediate(resolve));
      }
      return work.finish().result;
    };
    try {
      return await Promise.all([local(), ...threads.map(remote)]);
    } catch (e) {
      failed = true;
      await this.close(); // threads mid-way through a failed job are not reused
      throw e;
    }
  }

  /** One gatherer per thread for an export's shares (compute/export/exportShares), each thread over its own open of the file at `path`. */
  gatherers(path: string, gather: GatherJob): ShareGatherer[] {
    const job = ++this.jobs;
    return this.take(this.size).map((t) => async (share) => {
      const answer = await t.ask({ type: 'gather', job, path, gather, share });
      if (answer.type !== 'gathered') throw new Error('A pool thread answered out of turn.');
      return answer.result;
    });
  }

  /** Starts every thread now and has each open the file at `path` (headers and index), while this thread opens it too. */
  warm(path: string): void {
    for (const t of this.take(this.size)) t.post({ type: 'open', path });
  }

  private take(n: number): Thread[] {
    while (this.threads.length < n) this.threads.push(new Thread(startThread()));
    return this.threads.slice(0, n);
  }

  /** Stops every thread (the command's end). */
  async close(): Promise<void> {
    const threads = this.threads;
    this.threads = [];
    await Promise.all(threads.map((t) => t.worker.terminate()));
  }
}
