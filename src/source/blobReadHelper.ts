import { READ_WORKER_SOURCE } from './blobReadWorker';

/** What the thread asks the read worker: the Blob (once), and ranges [start, end) to read. */
export interface HelperAsk {
  blob?: Blob;
  reads?: { id: number; start: number; end: number }[];
}
/** One range read, or why it failed. */
export interface HelperAnswer {
  id: number;
  buffer?: ArrayBuffer;
  error?: string;
}

/**
 * A second worker reading the same Blob beside this thread. In Chromium each `slice().arrayBuffer()`
 * costs the reading thread about a millisecond of tasks however many are in flight, so the ~40 small
 * reads of a grid jump on W1 come in sooner split across two threads (bench/readFloorChromium.ts: all
 * in flight in one worker 31 ms median, split across two 26 ms, quiet machine; 80-114 vs 21-31 ms at load 5).
 * Reads asked in the same task go in one message; each is answered as soon as it is in (answering a
 * wave in one message saved the engine's thread ~18 tasks but put every column's decoding after the
 * slowest read: W1 jumps were slower in 3 of 3 alternated runs, load 14-18).
 */
export class BlobReadHelper {
  private readonly worker: Worker;
  private readonly url: string;
  private readonly waiting = new Map<number, { resolve(b: Uint8Array): void; reject(e: unknown): void }>();
  private queued: HelperAsk['reads'] = [];
  private nextId = 0;
  /** Reads asked and not answered yet. */
  inFlight = 0;

  /** True while reads asked in this task wait to be posted (at its end, in one message). */
  get posting(): boolean {
    return this.queued!.length > 0;
  }

  constructor(blob: Blob) {
    this.url = URL.createObjectURL(new Blob([READ_WORKER_SOURCE], { type: 'text/javascript' }));
    this.worker = new Worker(this.url, { name: 'arrowscope-reads' });
    this.worker.onmessage = (e: MessageEvent<HelperAnswer>) => {
      const { id, buffer, error } = e.data;
      const w = this.waiting.get(id);
      if (!w) return;
      this.waiting.delete(id);
      this.inFlight--;
      if (buffer) w.resolve(new Uint8Array(buffer));
      else w.reject(new Error(error ?? 'The file could not be read.'));
    };
    this.worker.postMessage({ blob } satisfies HelperAsk);
  }

  read(start: number, end: number, signal?: AbortSignal): Promise<Uint8Array> {
    signal?.throwIfAborted();
    const id = this.nextId++;
    this.inFlight++;
    if (this.queued!.push({ id, start, end }) === 1) {
      queueMicrotask(() => {
        const reads = this.queued;
        this.queued = [];
        this.worker.postMessage({ reads } satisfies HelperAsk);
      });
    }
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      signal?.addEventListener('abort', () => {
        // The answer, when it comes, is dropped.
        if (this.waiting.delete(id)) {
          this.inFlight--;
          reject(signal.reason);
        }
      }, { once: true });
    });
  }

  close(): void {
    this.worker.terminate();
    URL.revokeObjectURL(this.url);
    for (const w of this.waiting.values()) w.reject(new Error('The file was closed.'));
    this.waiting.clear();
  }
}
