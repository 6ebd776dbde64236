import { describe, expect, it } from 'vitest';
import { runSteps, sortSteps } from '../../src/compute/slicedSort';
import { mergeUnique } from '../../src/compute/uniqueMerge';
import type { UniquePartial } from '../../src/compute/uniqueTypes';
import { HyperLogLog } from '../../src/compute/hyperLogLog';

describe('sorting in steps', () => {
  it('sorts like a stable native sort, across many runs, and yields between them', () => {
    let seed = 7;
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % 1000;
    const list = Array.from({ length: 150_001 }, (_, i) => ({ key: random(), i }));
    const compare = (a: { key: number }, b: { key: number }) => a.key - b.key;
    const expected = [...list].sort(compare);
    const steps = sortSteps([...list], compare);
    let yields = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) yields++;
    expect(step.value).toEqual(expected); // equal keys keep their order: `i` ascending within a key
    expect(yields).toBeGreaterThan(4);
    expect(runSteps(sortSteps([3, 1, 2], (a, b) => a - b))).toEqual([1, 2, 3]);
    expect(runSteps(sortSteps([] as number[], (a, b) => a - b))).toEqual([]);
  });

  it('merges partials whose values overlap, past one merge step, into counts sorted by count then first row', () => {
    const partial = (values: [string, number, number][]): UniquePartial => ({
      rows: values.reduce((n, v) => n + v[1], 0),
      nulls: 0,
      firstNullRow: -1,
      values: values.map(([value, count, firstRow]) => ({ value, count, firstRow })),
      untrackedRows: 0,
      heavy: [],
      hll: new HyperLogLog().registers,
      profile: { numeric: null, lengths: null },
    });
    const n = 40_000;
    const a = partial(Array.from({ length: n }, (_, i) => [`v${i}`, 1, 2 * i]));
    const b = partial(Array.from({ length: n }, (_, i) => [`v${i + n / 2}`, 1, 2 * i + 1]));
    const r = mergeUnique([a, b]);
    expect(r.distinct).toBe(n + n / 2);
    expect(r.values.slice(0, 2)).toEqual([
      { value: `v${n / 2}`, count: 2, firstRow: 1 },
      { value: `v${n / 2 + 1}`, count: 2, firstRow: 3 },
    ]);
    expect(r.values.filter((v) => v.count === 2)).toHaveLength(n / 2);
    expect(r.values.at(-1)).toEqual({ value: `v${n - 1 + n / 2}`, count: 1, firstRow: 2 * (n - 1) + 1 });
  });
});
