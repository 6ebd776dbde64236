import { Float64, Utf8, makeData, makeVector, vectorFromArray, type Vector } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { HeavyHitters } from '../../src/compute/heavyHitters';
import { HyperLogLog } from '../../src/compute/hyperLogLog';
import { UniqueCounter } from '../../src/compute/uniqueCounter';
import { mergeUnique } from '../../src/compute/uniqueMerge';
import { finishRecount } from '../../src/compute/uniqueRecount';
import { TOP_K, type UniquePartial } from '../../src/compute/uniqueTypes';

/**
 * A generated column: value k of `distinct` appears 1 + (k mod 3) times, the rows of value k placed
 * together; `shares` splits the value range [0, distinct) at these fractions, each share a partial.
 */
function column(distinct: number, text: boolean): { values: (string | number)[]; truth: Set<string | number> } {
  const values: (string | number)[] = [];
  for (let k = 0; k < distinct; k++) {
    const v = text ? `customer ${k.toString(36)} #${k}` : k * 0.25 - 1000;
    for (let r = 0; r <= k % 3; r++) values.push(v);
  }
  return { values, truth: new Set(values) };
}

/** A Utf8 vector built directly (vectorFromArray takes seconds for millions of strings). */
function utf8Vector(values: string[]): Vector {
  const encoder = new TextEncoder();
  const valueOffsets = new Int32Array(values.length + 1);
  const parts = values.map((v) => encoder.encode(v));
  for (let i = 0; i < parts.length; i++) valueOffsets[i + 1] = valueOffsets[i] + parts[i].length;
  const data = new Uint8Array(valueOffsets[values.length]);
  parts.forEach((b, i) => data.set(b, valueOffsets[i]));
  return makeVector(makeData({ type: new Utf8(), length: values.length, nullCount: 0, valueOffsets, data }));
}

function partialOf(values: (string | number)[], rowOffset: number, budget: number, text: boolean, only?: (string | number)[]): UniquePartial {
  const counter = new UniqueCounter(budget, only);
  const vector: Vector = text ? utf8Vector(values as string[]) : vectorFromArray(values as number[], new Float64());
  counter.add(vector, rowOffset);
  return counter.partial();
}

/** Partials over the rows cut at `cuts` (fractions of the rows), each counted under `budget`. */
function partialsOf(values: (string | number)[], cuts: number[], budget: number, text: boolean, only?: (string | number)[]): UniquePartial[] {
  const bounds = [0, ...cuts.map((f) => Math.round(f * values.length)), values.length];
  return bounds.slice(1).map((end, k) => partialOf(values.slice(bounds[k], end), bounds[k], budget, text, only));
}

function truthCounts(values: (string | number)[]): Map<string | number, number> {
  const m = new Map<string | number, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return m;
}

describe('one distinct budget across partials', () => {
  it('two partials of 900 values each, under a budget of 1,000 each, merge to a result that is not exact and holds no more than the budget', () => {
    // The defect: each worker under its own budget, the union (1,800) was marked exact.
    const values = Array.from({ length: 1800 }, (_, i) => `v${i}`);
    const frequent = ['v5', 'v1500']; // one in each half, made the most frequent
    const rows = [...values, ...frequent.flatMap((v) => Array<string>(50).fill(v))];
    const halves = [rows.filter((v) => Number(v.slice(1)) < 900), rows.filter((v) => Number(v.slice(1)) >= 900)];
    const partials = halves.map((h, k) => partialOf(h, k * 100_000, 1000, true));
    expect(partials.map((p) => [p.values.length, p.untrackedRows])).toEqual([[900, 0], [900, 0]]);
    const first = mergeUnique(partials, 1000);
    expect(first.exact).toBe(false);
    expect(first.values.length).toBeLessThanOrEqual(TOP_K);
    expect(first.untrackedRows).toBeGreaterThan(0);
    expect(Math.abs(first.distinct / 1800 - 1)).toBeLessThan(0.02);
    // The second pass counts the candidates exactly: the most frequent values, with their true counts.
    const result = finishRecount(first, halves.map((h, k) => partialOf(h, k * 100_000, 1000, true, first.recount as string[])));
    const truth = truthCounts(rows);
    expect(result.values.slice(0, 2).map((v) => [v.value, v.count])).toEqual([['v5', 51], ['v1500', 51]]);
    for (const v of result.values) expect(v.count, String(v.value)).toBe(truth.get(v.value as string));
    // Within the budget, the same partials merge exactly.
    const within = mergeUnique(partials, 1800);
    expect([within.exact, within.distinct, within.values.length]).toEqual([true, 1800, 1800]);
  });

  for (const [distinct, text] of [[12_000, true], [150_000, true], [1_000_000, true], [300_000, false]] as const) {
    it(`the distinct estimate of ${distinct.toLocaleString('en-US')} ${text ? 'strings' : 'doubles'} from partials under and over the budget is within ±2% of the truth`, () => {
      const { values, truth } = column(distinct, text);
      // Five partials: two small ones under the budget (exact, their values seen by no other), three past it.
      const budget = Math.round(distinct / 5);
      const partials = partialsOf(values, [0.05, 0.15, 0.5, 0.75], budget, text);
      const under = partials.filter((p) => p.untrackedRows === 0).length;
      expect(under).toBe(2);
      expect(partials.length - under).toBe(3);
      const result = mergeUnique(partials, budget);
      expect(result.exact).toBe(false);
      const error = result.distinct / truth.size - 1;
      expect(Math.abs(error), `estimate ${result.distinct} of ${truth.size}`).toBeLessThan(0.02);
      // And the same values counted in one partial within the budget: exact.
      if (distinct <= 150_000) expect(mergeUnique(partialsOf(values, [0.3], distinct, text), distinct)).toMatchObject({ exact: true, distinct: truth.size });
    });
  }
});

describe('HyperLogLog', () => {
  it('estimates within ±2% from a handful of values to millions, and a merge of sketches equals the sketch of the union', () => {
    const all = new HyperLogLog();
    const halves = [new HyperLogLog(), new HyperLogLog()];
    let n = 0;
    for (const target of [10, 100, 1000, 10_000, 50_000, 100_000, 1_000_000, 3_000_000]) {
      for (; n < target; n++) {
        const h = Math.imul(n, 0x9e3779b1) ^ (n >>> 7); // any 32-bit hash: add() mixes it
        all.add(h);
        halves[n % 2].add(h);
      }
      expect(Math.abs(all.estimate() / n - 1), `${n}`).toBeLessThan(target <= 100 ? 0.05 : 0.02);
    }
    const merged = new HyperLogLog();
    for (const h of halves) merged.merge(h.registers);
    expect(merged.registers).toEqual(all.registers);
    expect(new HyperLogLog().estimate()).toBe(0);
  });
});

describe('HeavyHitters', () => {
  it('keeps every value more frequent than total/(k+1), each with a lower bound at most total/(k+1) under its count', () => {
    const k = 50;
    const hh = new HeavyHitters<number>(k);
    const truth = new Map<number, number>();
    let total = 0;
    // 180,000 singletons with 5 frequent values spread among them, some added with weights.
    for (let i = 0; i < 200_000; i++) {
      const value = i % 10 === 0 ? -((i / 10) % 5) - 1 : i;
      const weight = value < 0 && i % 2 === 0 ? 7 : 1;
      hh.add(value, weight);
      truth.set(value, (truth.get(value) ?? 0) + weight);
      total += weight;
    }
    const kept = new Map(hh.entries());
    expect(kept.size).toBeLessThanOrEqual(2 * k);
    const bound = total / (k + 1);
    const frequent = [...truth].filter(([, count]) => count > bound).map(([value]) => value);
    expect(frequent.length).toBe(5);
    expect(frequent.filter((v) => !kept.has(v))).toEqual([]);
    const wrong = [...truth].filter(([value, count]) => (kept.get(value) ?? 0) > count || count - (kept.get(value) ?? 0) > bound);
    expect(wrong).toEqual([]);
  });
});
