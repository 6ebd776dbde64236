import type { ByteSource, ReadOptions } from '../model/byteSource';
import { recycleRead, shareRead } from '../model/recycledReads';

/** Ranges closer than this are read as one: reading the gap costs less than another request. */
export const MERGE_GAP = 64 * 1024;
/** A merged read stops growing here, so that neighbouring whole columns are not fetched as one huge piece. */
export const MAX_MERGED = 8 * 1024 * 1024;

interface Wanted {
  offset: number;
  end: number;
  signal?: AbortSignal;
  options?: ReadOptions;
  resolve(bytes: Uint8Array): void;
  reject(e: unknown): void;
}

/**
 * The next task, after every microtask of this one: setImmediate in Node; in a browser a message to
 * ourselves (setTimeout(0) waits at least 1 ms, 4 ms once nested, and a loaded machine delays timers more).
 */
const nextTask: (run: () => void) => void = typeof setImmediate === 'function' ? (run) => void setImmediate(run) : typeof MessageChannel === 'function' ? messageTask() : (run) => void setTimeout(run, 0);

function messageTask(): (run: () => void) => void {
  const queue: (() => void)[] = [];
  const channel = new MessageChannel();
  channel.port1.onmessage = () => queue.shift()?.();
  return (run) => {
    queue.push(run);
    channel.port2.postMessage(null);
  };
}

/**
 * The reads of one source asked for in the same task, planned together: a row window asks for all its
 * columns at once (compute/rowWindow.ts), so their validity, values and offsets ranges arrive together,
 * then their data ranges once the offsets are known. They are sorted, ranges closer than MERGE_GAP (or
 * the source's `mergeGap`, a remote file's round trip in bytes) are merged, and each merged range is read once; every caller gets its own bytes. (A cold window over
 * 10,000 columns of a 1 MB file made 6,100 reads through the block cache, whose concurrent misses are
 * each a read of their own.)
 */
export class ReadPlan {
  private wanted: Wanted[] = [];
  /** Merged reads made, for tests and benchmarks. */
  reads = 0;

  constructor(private readonly source: ByteSource) {}

  read(offset: number, length: number, signal?: AbortSignal, options?: ReadOptions): Promise<Uint8Array> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    const end = Math.min(this.source.size, offset + length);
    if (end <= offset) return Promise.resolve(new Uint8Array(0));
    return new Promise((resolve, reject) => {
      if (this.wanted.push({ offset, end, signal, options, resolve, reject }) === 1) nextTask(() => this.flush());
    });
  }

  private flush(): void {
    const wanted = this.wanted.sort((a, b) => a.offset - b.offset || a.end - b.end);
    this.wanted = [];
    let group: Wanted[] = [];
    let end = 0;
    const gap = Math.max(MERGE_GAP, this.source.mergeGap ?? 0);
    for (const w of wanted) {
      if (group.length && w.offset - end < gap && Math.max(end, w.end) - group[0].offset <= MAX_MERGED) {
        group.push(w);
        end = Math.max(end, w.end);
        continue;
      }
      if (group.length) void this.readGroup(group, end);
      group = [w];
      end = w.end;
    }
    if (group.length) void this.readGroup(group, end);
  }

  private async readGroup(group: Wanted[], end: number): Promise<void> {
    const start = group[0].offset;
    // One caller's cancel must not fail the others' reads: a signal is passed on only when all share it.
    const signal = group.every((w) => w.signal === group[0].signal) ? group[0].signal : undefined;
    // Recyclable callers (a scan's columns) get views, 8-byte aligned as a read of their own would be, the
    // read's buffer going back once each has given its view back; the others get copies, so that none
    // holds (or changes) another's bytes.
    const view = (w: Wanted) => group.length === 1 || (w.options?.recyclable === true && (w.offset - start) % 8 === 0);
    const recyclable = group.filter(view).length;
    this.reads++;
    let bytes: Uint8Array;
    try {
      bytes = await this.source.read(start, end - start, signal, group.length === 1 ? group[0].options : recyclable > 0 ? { recyclable: true } : undefined);
    } catch (e) {
      for (const w of group) w.reject(e);
      return;
    }
    if (group.length > 1) shareRead(bytes, recyclable);
    for (const w of group) {
      if (w.signal?.aborted) {
        if (view(w)) recycleRead(bytes);
        w.reject(w.signal.reason);
      } else w.resolve(view(w) ? bytes.subarray(w.offset - start, w.end - start) : bytes.slice(w.offset - start, w.end - start));
    }
  }
}

const plans = new WeakMap<ByteSource, ReadPlan>();

/** The read plan of a source (one per source, so that all columns read from it are planned together). */
export function plannedReads(source: ByteSource): ReadPlan {
  let plan = plans.get(source);
  if (!plan) plans.set(source, (plan = new ReadPlan(source)));
  return plan;
}
