import type { BoundFilter } from '../../compute/filter';
import type { Dataset } from '../../model/types';
import type { SourceSpec } from '../../source/SourceSpec';
import type { KeptFilter } from '../filterResults';
import { filterChunks } from './filterJob';
import { poolSize, sharedPool, type PoolMember } from './workerPool';
import { whenAborted } from '../../model/abortable';

/** A share handed out at a time: consecutive chunks up to about this many rows (the first share is one chunk). */
const SHARE_ROWS = 1 << 18;
const SHARE_CHUNKS = 4096;
/** Shares asked of each worker at a time: its next share's columns are read while it evaluates the one before. */
const SHARES_IN_FLIGHT = 2;
/** After the first share's matches, the longest the workers wait for the view's first rows to be read (no grid asks for them when none is on screen). */
const FIRST_ROWS_WAIT_MS = 300;

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs of consecutive chunks with rows, in file order: the first of one chunk (the first matches come fast), then up to SHARE_ROWS rows each. */
function shares(dataset: Dataset): number[][] {
  const out: number[][] = [];
  let current: number[] = [];
  let rows = 0;
  for (const c of dataset.chunks) {
    if (c.rows === 0) continue;
    current.push(c.index);
    rows += c.rows;
    if (out.length === 0 || rows >= SHARE_ROWS || current.length >= SHARE_CHUNKS) {
      out.push(current);
      current = [];
      rows = 0;
    }
  }
  if (current.length) out.push(current);
  return out;
}

/**
 * A filter over every chunk, its matches added to `kept` as chunks finish. Shares of consecutive chunks
 * go, in file order, to whoever is free: compute workers lent to this run (one per core, each asked for
 * SHARES_IN_FLIGHT at a time), and this thread until the first worker answers. This thread takes the
 * first share while one worker opens the file; the workers start on their shares, and the other workers
 * start, once the view's first rows have been read (or FIRST_ROWS_WAIT_MS after the first matches): on
 * two cores, workers starting and reading beside the first share delayed its matches on screen.
 * Without Worker (Node) or with one share, all in this thread, time-sliced.
 * Cancelling stops this run's workers at once.
 */
export async function runFilter(dataset: Dataset, spec: SourceSpec | null, filter: BoundFilter, kept: KeptFilter, signal: AbortSignal, onChunk: () => void, wasmUrl?: string): Promise<void> {
  const aborted = whenAborted(signal);
  // A stream may still be indexing: the run waits for the whole index (a cancel ends the wait).
  await Promise.race([dataset.indexed, aborted]);
  for (const c of dataset.chunks) if (c.rows === 0) kept.add({ chunk: c.index, rows: 0, matched: 0, skipped: false });
  const queue = shares(dataset);
  const next = () => queue.shift();
  const local = async (whileNoWorker: () => boolean) => {
    for (let share = whileNoWorker() ? next() : undefined; share; share = whileNoWorker() ? next() : undefined) {
      await filterChunks(dataset, filter, share, signal, (m) => (kept.add(m), onChunk()));
    }
  };
  if (typeof Worker === 'undefined' || !spec || queue.length < 2) {
    await local(() => true);
    return;
  }
  const workers = sharedPool(wasmUrl);
  const wanted = Math.min(poolSize(), queue.length - 1);
  const members = workers.take(1);
  void members[0].api.open(spec).catch(() => {});
  kept.workers = wanted + 1;
  let answered = false;
  const stop = () => workers.stop(members);
  signal.addEventListener('abort', stop, { once: true });
  const first = filterChunks(dataset, filter, next()!, signal, (m) => (kept.add(m), onChunk()));
  const firstShown = first.then(() => (kept.known === 0 ? undefined : Promise.race([kept.firstRowsShown, delay(FIRST_ROWS_WAIT_MS)])));
  const remote = async (m: PoolMember) => {
    await firstShown;
    for (let share = signal.aborted ? undefined : next(); share; share = next()) {
      const results = await m.api.filter(spec, filter, share);
      answered = true;
      signal.throwIfAborted();
      for (const r of results) kept.add(r);
      onChunk();
    }
  };
  try {
    const inFlight = (ms: PoolMember[]) => ms.flatMap((m) => Array.from({ length: SHARES_IN_FLIGHT }, () => remote(m)));
    const later = firstShown.then(() => {
      if (signal.aborted || wanted < 2) return;
      const more = workers.take(wanted - 1);
      members.push(...more);
      return Promise.all(inFlight(more));
    });
    await Promise.race([Promise.all([first.then(() => local(() => !answered)), ...inFlight(members), later]), aborted]);
    await workers.giveBack(members);
  } catch (e) {
    workers.stop(members); // cancelled, or a worker failed: the next run starts fresh ones
    throw e;
  } finally {
    signal.removeEventListener('abort', stop);
  }
}
