import { sortSteps } from '../slicedSort';
import { compareKeyValues, KeyValues, VALUE } from './keyValues';

/**
 * Rows with their sort-key values: `rows[i]` is a row number in the whole dataset and `keys[k]` holds
 * key k's value of that row at position i. A sorted run is in sort order, ties by row number.
 */
export interface Run {
  rows: Float64Array;
  keys: KeyValues[];
}

export interface KeySpec {
  descending: boolean;
}

export type RunCompare = (a: Run, i: number, b: Run, j: number) => number;

/** Compares position i of run a with position j of run b: key by key, then row number (a stable sort). */
export function runComparator(specs: readonly KeySpec[]): RunCompare {
  const desc = specs.map((s) => s.descending);
  return (a, i, b, j) => {
    for (let k = 0; k < desc.length; k++) {
      const c = compareKeyValues(a.keys[k], i, b.keys[k], j, desc[k]);
      if (c !== 0) return c;
    }
    return a.rows[i] - b.rows[j];
  };
}

/** A new run of the given positions of `run`, in that order. */
export function pick(run: Run, positions: ArrayLike<number>): Run {
  const rows = new Float64Array(positions.length);
  const keys = run.keys.map((k) => new KeyValues(k.shape, Math.max(16, positions.length)));
  for (let p = 0; p < positions.length; p++) {
    const i = positions[p];
    rows[p] = run.rows[i];
    for (let k = 0; k < keys.length; k++) keys[k].pushFrom(run.keys[k], i);
  }
  return { rows, keys };
}

/** Positions 0..n-1 of a run in sort order (stable), in steps that yield. */
export function* sortedPositions(run: Run, compare: RunCompare): Generator<void, number[]> {
  const positions: number[] = new Array<number>(run.rows.length);
  for (let i = 0; i < positions.length; i++) positions[i] = i;
  return yield* sortSteps(positions, (x, y) => compare(run, x, run, y));
}

/** Positions checked between two chances to yield. */
const STEP = 1 << 15;

/**
 * The positions of the k first rows of `run` in sort order (unsorted): a heap of the k best so far,
 * worst on top; a row enters only when it beats the worst, so most rows cost one comparison.
 */
export function* topPositions(run: Run, k: number, compare: RunCompare, descendingFirst: boolean): Generator<void, Uint32Array> {
  const n = run.rows.length;
  if (n <= k) return Uint32Array.from({ length: n }, (_, i) => i);
  const heap = new Uint32Array(k);
  const worse = (x: number, y: number) => compare(run, heap[x], run, heap[y]) > 0;
  const siftDown = (at: number) => {
    for (;;) {
      const l = 2 * at + 1;
      if (l >= k) return;
      const r = l + 1;
      const m = r < k && worse(r, l) ? r : l;
      if (!worse(m, at)) return;
      const t = heap[m];
      heap[m] = heap[at];
      heap[at] = t;
      at = m;
    }
  };
  for (let i = 0; i < k; i++) heap[i] = i;
  for (let i = (k >> 1) - 1; i >= 0; i--) siftDown(i);
  // A first key of plain numbers decides most rows by one comparison of two doubles; ties and
  // NaN/null fall back to the full comparison.
  const first = run.keys[0];
  const fast = first.shape === 'number';
  const desc = descendingFirst;
  const cls = first.cls;
  const num = first.num;
  let top = heap[0];
  let topValue = fast && cls[top] === VALUE ? num[top] : NaN;
  for (let i = k; i < n; i++) {
    let better: boolean;
    if (topValue === topValue && cls[i] === VALUE) {
      const x = num[i];
      better = x === topValue ? compare(run, i, run, top) < 0 : desc ? x > topValue : x < topValue;
    } else {
      better = compare(run, i, run, top) < 0;
    }
    if (better) {
      heap[0] = i;
      siftDown(0);
      top = heap[0];
      topValue = fast && cls[top] === VALUE ? num[top] : NaN;
    }
    if ((i & (STEP - 1)) === 0) yield;
  }
  return heap;
}

/** The first `limit` rows of two sorted runs merged (a sorted run). */
export function mergeTwo(a: Run, b: Run, limit: number, compare: RunCompare): Run {
  const n = Math.min(limit, a.rows.length + b.rows.length);
  const rows = new Float64Array(n);
  const keys = a.keys.map((k) => new KeyValues(k.shape, Math.max(16, n)));
  let i = 0;
  let j = 0;
  for (let p = 0; p < n; p++) {
    const fromA = j >= b.rows.length || (i < a.rows.length && compare(a, i, b, j) <= 0);
    const src = fromA ? a : b;
    const at = fromA ? i++ : j++;
    rows[p] = src.rows[at];
    for (let k = 0; k < keys.length; k++) keys[k].pushFrom(src.keys[k], at);
  }
  return { rows, keys };
}

/** Every row of several sorted runs in one order (a k-way merge over a heap of run heads), in steps that yield. */
export function* mergeAll(runs: Run[], compare: RunCompare): Generator<void, Float64Array> {
  const total = runs.reduce((s, r) => s + r.rows.length, 0);
  const out = new Float64Array(total);
  const live = runs.filter((r) => r.rows.length > 0);
  const at = new Array<number>(live.length).fill(0);
  const heap = live.map((_, i) => i);
  const less = (x: number, y: number) => compare(live[x], at[x], live[y], at[y]) < 0;
  const siftDown = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      if (l >= heap.length) return;
      const r = l + 1;
      const m = r < heap.length && less(heap[r], heap[l]) ? r : l;
      if (!less(heap[m], heap[i])) return;
      [heap[m], heap[i]] = [heap[i], heap[m]];
      i = m;
    }
  };
  for (let i = (heap.length >> 1) - 1; i >= 0; i--) siftDown(i);
  for (let p = 0; p < total; p++) {
    const r = heap[0];
    out[p] = live[r].rows[at[r]++];
    if (at[r] === live[r].rows.length) {
      heap[0] = heap[heap.length - 1];
      heap.pop();
    }
    if (heap.length) siftDown(0);
    if ((p & (STEP - 1)) === 0) yield;
  }
  return out;
}
