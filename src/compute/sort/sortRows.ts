import type { Vector } from 'apache-arrow';
import { DatasetError } from '../../model/errors';
import type { Dataset } from '../../model/types';
import { matchChunk } from '../filter';
import { recycleColumn } from '../recycleColumn';
import { runSliced, TimeSlicer } from '../timeSlice';
import { boundOf, chunkBound, rowsWithinBound, tighterBound, type FirstKeyBound } from './firstKeyBound';
import { gatherKeys, keyShape } from './gatherKeys';
import { KeyValues, type KeyShape } from './keyValues';
import { mergeAll, mergeTwo, pick, runComparator, sortedPositions, topPositions, type Run, type RunCompare } from './runs';
import { FULL_ORDER_MAX, SortKeyError, SortTooLargeError, TOP_K_DEFAULT, type SortKey, type SortOptions, type SortProgress, type SortedRows } from './sortTypes';

/** The shape each key's values are held in; SortKeyError for a column the file lacks or one that cannot be ordered. */
export function checkSortKeys(dataset: Dataset, keys: readonly SortKey[]): KeyShape[] {
  if (keys.length === 0) throw new SortKeyError('Sort by at least one column.');
  return keys.map((key) => {
    const field = dataset.schema.fields[key.column];
    if (!field) throw new SortKeyError(`There is no column #${key.column} to sort by: the file has ${dataset.schema.fields.length.toLocaleString('en-US')} columns.`);
    const shape = keyShape(field.type);
    const info = dataset.fields[key.column];
    const typeText = info ? `${info.type.length > 80 ? `${info.type.slice(0, 80)}…` : info.type} columns` : typeof shape === 'object' ? shape.unsupported : '';
    if (typeof shape === 'object') throw new SortKeyError(`Column "${field.name}" cannot be sorted by: ${typeText} have no order (sort by a number, text, binary, date, time, timestamp, duration, decimal or bool column).`, { column: field.name });
    return shape;
  });
}

/** Chunks prepared ahead: the next chunk's columns are read while this chunk's rows are ordered. */
const AHEAD = 2;

interface Prepared {
  chunk: number;
  /** Chunk-relative rows to sort (null: every row). */
  rows: Uint32Array | null;
  count: number;
  vectors: Vector[];
}

/**
 * Each chunk's candidate rows (the filter's matches, or all) with their key values, as a Run in row
 * order, handed to `take` chunk by chunk in chunk order. `take` may throw to stop early. `narrow`, given
 * a chunk's first-key column and its candidate rows (null: all), says which of them can still be taken
 * (null: all), asked just before the chunk's run is made: the others count as candidates, never gathered.
 */
async function eachChunkRun(
  dataset: Dataset,
  keys: readonly SortKey[],
  shapes: KeyShape[],
  options: SortOptions,
  take: (run: Run, progress: SortProgress) => Promise<void>,
  narrow?: (first: Vector, rows: Uint32Array | null, rowOffset: number) => Uint32Array | null,
): Promise<number> {
  await dataset.indexed;
  const { signal, filter } = options;
  const first = Math.max(0, options.chunks?.start ?? 0);
  const end = Math.min(dataset.chunks.length, options.chunks?.end ?? dataset.chunks.length);
  const chunks = Math.max(0, end - first);
  const rowsIn = chunks ? dataset.chunks[end - 1].rowOffset + dataset.chunks[end - 1].rows - dataset.chunks[first].rowOffset : 0;
  const progress: SortProgress = { chunksDone: 0, chunks, rowsDone: 0, rows: rowsIn, candidates: 0 };
  const prepare = async (c: number): Promise<Prepared> => {
    const info = dataset.chunks[c];
    let rows: Uint32Array | null = null;
    if (options.rowsOf) rows = options.rowsOf(c);
    else if (filter) rows = (await matchChunk(dataset, filter, c, { signal, statistics: options.statistics, indices: true })).indices!;
    const count = rows ? rows.length : info.rows;
    if (rows && rows.length === info.rows) rows = null;
    const vectors = count === 0 ? [] : await Promise.all(keys.map((k) => dataset.readColumn(c, k.column, undefined, signal, { recyclable: true })));
    for (const [i, v] of vectors.entries()) {
      if (v.length !== info.rows) throw new DatasetError(`The chunk gave ${v.length.toLocaleString('en-US')} values of "${dataset.fields[keys[i].column]?.name}" where it has ${info.rows.toLocaleString('en-US')} rows.`, { chunk: c, column: dataset.fields[keys[i].column]?.name });
    }
    return { chunk: c, rows, count, vectors };
  };
  const pending: Promise<Prepared>[] = [];
  const start = (c: number) => {
    const p = prepare(c);
    p.catch(() => {}); // awaited in order below
    pending.push(p);
  };
  for (let c = first; c < Math.min(first + AHEAD, end); c++) start(c);
  for (let c = first; c < end; c++) {
    signal?.throwIfAborted();
    const prepared = await pending.shift()!;
    if (c + AHEAD < end) start(c + AHEAD);
    const info = dataset.chunks[c];
    progress.candidates += prepared.count;
    let local = prepared.rows;
    let count = prepared.count;
    const narrowed = count > 0 && narrow ? narrow(prepared.vectors[0], local, info.rowOffset) : null;
    if (narrowed) {
      count = narrowed.length;
      local = narrowed.length === info.rows ? null : narrowed;
    }
    if (count > 0) {
      const rows = new Float64Array(count);
      for (let i = 0; i < rows.length; i++) rows[i] = info.rowOffset + (local ? local[i] : i);
      const run: Run = { rows, keys: prepared.vectors.map((v, k) => gatherKeys(v, local, shapes[k])) };
      // The keys are copied out: the columns' bytes go back to the source for the next chunks' reads.
      for (const v of prepared.vectors) recycleColumn(v);
      await take(run, progress);
    } else for (const v of prepared.vectors) recycleColumn(v);
    progress.chunksDone++;
    progress.rowsDone += info.rows;
    options.onProgress?.({ ...progress });
  }
  return progress.candidates;
}

/**
 * The exact first `k` rows in the order of `keys` (nulls last, NaN before them, ties by row number), of
 * every row or of the rows `options.filter` matches: each chunk's own top k (a heap), merged into the
 * running top k, so memory holds about 2k rows' keys whatever the file's size.
 */
export async function topRows(dataset: Dataset, keys: readonly SortKey[], k = TOP_K_DEFAULT, options: SortOptions = {}): Promise<SortedRows> {
  const shapes = checkSortKeys(dataset, keys);
  const compare: RunCompare = runComparator(keys.map((key) => ({ descending: key.descending === true })));
  const slicer = new TimeSlicer(options.signal);
  let best: Run | null = null;
  const descending = keys[0].descending === true;
  // Rows past the first key's bound (the caller's, or the k-th row's held here) cannot enter: not gathered.
  const narrow =
    shapes[0] === 'number' && k > 0
      ? (first: Vector, rows: Uint32Array | null, rowOffset: number) => {
          const held = best as Run | null;
          const own = held && boundOf(held.keys[0], held.rows, k, descending, keys.length === 1);
          // none yet: this chunk's own k-th value, found by selection (cheaper than a heap over every row)
          const bound = tighterBound(options.bound, own) ?? chunkBound(first, rows, rowOffset, k, descending, keys.length === 1);
          return bound ? rowsWithinBound(first, rows, rowOffset, bound) : null;
        }
      : undefined;
  const candidates = await eachChunkRun(dataset, keys, shapes, options, async (run) => {
    if (k <= 0) return;
    const top = await runSliced(topPositions(run, k, compare, descending), slicer);
    const chosen = pick(run, top);
    const order = await runSliced(sortedPositions(chosen, compare), slicer);
    const sorted = pick(chosen, order);
    best = best ? mergeTwo(best, sorted, k, compare) : sorted;
    await slicer.tick();
  }, narrow);
  const rows = (best as Run | null)?.rows ?? new Float64Array(0);
  return { rows, candidates, complete: rows.length === candidates, keys: (best as Run | null)?.keys ?? shapes.map((shape) => new KeyValues(shape)) };
}

/** The first-key bound of a top-K of `k` rows (topRows' or mergeTopRows' result, with its keys), for the shares still to sort; null when none. */
export function topBound(top: SortedRows | null, keys: readonly SortKey[], k: number): FirstKeyBound | null {
  const first = top?.keys?.[0];
  return first ? boundOf(KeyValues.from(first), top.rows, k, keys[0].descending === true, keys.length === 1) : null;
}

/**
 * The exact top `k` of several partial top-Ks (each `topRows` over its own chunks, in a worker of the
 * compute pool: their results cross by structured clone, keys included), as one top-K.
 */
export function mergeTopRows(partials: readonly SortedRows[], keys: readonly SortKey[], k = TOP_K_DEFAULT): SortedRows {
  const compare = runComparator(keys.map((key) => ({ descending: key.descending === true })));
  let best: Run | null = null;
  let candidates = 0;
  for (const p of partials) {
    candidates += p.candidates;
    if (!p.keys) throw new Error('mergeTopRows takes the results of topRows (with their keys).');
    const run: Run = { rows: p.rows, keys: p.keys.map((kv) => KeyValues.from(kv)) };
    best = best ? mergeTwo(best, run, k, compare) : mergeTwo(run, { rows: new Float64Array(0), keys: run.keys }, k, compare);
  }
  const rows = best?.rows ?? new Float64Array(0);
  return { rows, candidates, complete: rows.length === candidates, keys: best?.keys };
}

/**
 * Every row (or every row the filter matches) in the order of `keys`: each chunk's rows sorted, then
 * merged. Holds every candidate's keys, so it stops with SortTooLargeError (offering the top-K) past
 * `max` rows (10,000,000 by default).
 */
export async function sortedRows(dataset: Dataset, keys: readonly SortKey[], options: SortOptions & { max?: number } = {}): Promise<SortedRows> {
  const shapes = checkSortKeys(dataset, keys);
  const max = options.max ?? FULL_ORDER_MAX;
  await dataset.indexed;
  if (!options.filter && !options.rowsOf && dataset.rows > max) throw new SortTooLargeError(dataset.rows, max);
  const compare = runComparator(keys.map((key) => ({ descending: key.descending === true })));
  const slicer = new TimeSlicer(options.signal);
  const runs: Run[] = [];
  const candidates = await eachChunkRun(dataset, keys, shapes, options, async (run, progress) => {
    if (progress.candidates > max) throw new SortTooLargeError(progress.candidates, max, true);
    const order = await runSliced(sortedPositions(run, compare), slicer);
    runs.push(pick(run, order));
  });
  const rows = await runSliced(mergeAll(runs, compare), slicer);
  return { rows, candidates, complete: true };
}
