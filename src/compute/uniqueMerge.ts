import { HeavyHitters } from './heavyHitters';
import { HyperLogLog } from './hyperLogLog';
import { mergeProfiles } from './profile';
import { runSteps, sortSteps } from './slicedSort';
import { MAX_DISTINCT, TOP_K, type UniquePartial, type UniqueResult, type UniqueValue, type ValueCount } from './uniqueTypes';

/** Merges partial counts (from chunks or workers) into the final, sorted result, holding at most `maxDistinct` distinct values. */
export function mergeUnique(partials: UniquePartial[], maxDistinct = MAX_DISTINCT): UniqueResult {
  return runSteps(mergeSteps(partials, maxDistinct));
}

/** Values merged between two chances to yield. */
const MERGE_STEP = 16_384;

/**
 * mergeUnique in steps: the caller may give its thread back between two (millions of distinct values
 * take seconds to merge and sort). The partials' value objects are reused, not copied.
 *
 * One budget for the whole count: each partial kept at most its own `maxDistinct` values, and their
 * union is held to `maxDistinct` too. A value new to a merge already at the budget is not kept: its
 * rows count as untracked and it goes to the heavy hitters, like a value past the budget in a
 * partial, so the result is exact only when no partial and no merge left a value out. The distinct
 * estimate is the union of every partial's sketch (each holds all the values its partial saw).
 */
export function* mergeSteps(partials: UniquePartial[], maxDistinct = MAX_DISTINCT): Generator<void, UniqueResult> {
  const hll = new HyperLogLog();
  let rows = 0;
  let nulls = 0;
  let firstNullRow = -1;
  let untracked = 0;
  for (const p of partials) {
    rows += p.rows;
    nulls += p.nulls;
    untracked += p.untrackedRows;
    if (p.firstNullRow >= 0 && (firstNullRow < 0 || p.firstNullRow < firstNullRow)) firstNullRow = p.firstNullRow;
    hll.merge(p.hll);
  }
  const merged = new Map<UniqueValue, ValueCount>();
  const heavy = new HeavyHitters<UniqueValue>(TOP_K);
  let values: ValueCount[];
  // One partial within the budget holds each value once: no map needed.
  if (partials.length === 1 && partials[0].values.length <= maxDistinct) values = [...partials[0].values];
  else {
    for (const p of partials) untracked += yield* addWithinBudget(merged, p.values, maxDistinct, heavy);
    values = [...merged.values()];
  }
  const exact = untracked === 0;
  // The estimate can pass the rows it counted (200,119 of 200,000): no more distinct values than non-null rows.
  const distinct = exact ? values.length : Math.min(rows - nulls, Math.max(values.length, Math.round(hll.estimate())));
  const profile = mergeProfiles(partials.map((p) => p.profile));
  if (!exact) {
    // Candidates for the most frequent values: the tracked ones and the heavy hitters among the
    // rest, by their lower-bound counts. A second pass counts them exactly (finishRecount).
    if (merged.size === 0) for (const v of values) merged.set(v.value, v);
    for (const p of partials) for (const h of p.heavy) {
      const hit = merged.get(h.value);
      if (hit) hit.count += h.count;
      else heavy.add(h.value, h.count);
    }
    const pool = [...merged.values(), ...heavy.entries().map(([value, count]) => ({ value, count, firstRow: -1 }))];
    const candidates = (yield* sortSteps(pool, (a, b) => b.count - a.count)).slice(0, TOP_K);
    const top = candidates.map((v) => ({ ...v }));
    if (nulls > 0) top.push({ value: null, count: nulls, firstRow: firstNullRow });
    top.sort((a, b) => b.count - a.count);
    return { rows, nulls, distinct, exact, values: top, profile, recount: candidates.map((v) => v.value), untrackedRows: untracked, note: overBudgetNote(untracked, false) };
  }
  if (nulls > 0) values.push({ value: null, count: nulls, firstRow: firstNullRow });
  values = yield* sortSteps(values, (a, b) => b.count - a.count || a.firstRow - b.firstRow);
  return { rows, nulls, distinct, exact, values, profile };
}

/** Adds a partial's values into `into` while it holds fewer than `budget`; the values left out go to `heavy`. Returns their rows. */
function* addWithinBudget(into: Map<UniqueValue, ValueCount>, values: ValueCount[], budget: number, heavy: HeavyHitters<UniqueValue>): Generator<void, number> {
  let left = 0;
  for (let at = 0; at < values.length; at += MERGE_STEP) {
    for (let i = at; i < Math.min(values.length, at + MERGE_STEP); i++) {
      const v = values[i];
      const hit = into.get(v.value);
      if (hit) {
        hit.count += v.count;
        if (v.firstRow >= 0 && (hit.firstRow < 0 || v.firstRow < hit.firstRow)) hit.firstRow = v.firstRow;
      } else if (into.size < budget) into.set(v.value, v);
      else {
        heavy.add(v.value, v.count);
        left += v.count;
      }
    }
    yield;
  }
  return left;
}

/** Adds counts of values into `into`, keeping each value's first row (-1: not known); new values are copied unless `copy` is false. */
export function addCounts(into: Map<UniqueValue, ValueCount>, values: ValueCount[], copy = true): void {
  for (const v of values) {
    const hit = into.get(v.value);
    if (!hit) into.set(v.value, copy ? { ...v } : v);
    else {
      hit.count += v.count;
      if (v.firstRow >= 0 && (hit.firstRow < 0 || v.firstRow < hit.firstRow)) hit.firstRow = v.firstRow;
    }
  }
}

/** The note on a result past the memory budget, before (`recounted` false) or after its second pass. */
export function overBudgetNote(untracked: number, recounted: boolean): string {
  const head = `More distinct values than the memory budget allows (${untracked.toLocaleString('en-US')} rows held values past it): the list shows the ${TOP_K.toLocaleString('en-US')} most frequent values`;
  return recounted
    ? `${head}, counted exactly in a second pass; the distinct count is a HyperLogLog estimate (±2%).`
    : `${head} with lower-bound counts (no second pass was run); the distinct count is a HyperLogLog estimate (±2%).`;
}
