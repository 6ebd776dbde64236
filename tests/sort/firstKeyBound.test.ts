import { Float64, Int32, vectorFromArray, type Vector } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { boundOf, chunkBound, rowsWithinBound } from '../../src/compute/sort/firstKeyBound';
import { KeyValues } from '../../src/compute/sort/keyValues';
import { compareValue } from './support/compareValue';

/**
 * The first-key bound a top-K skips rows by, against a plain sort in the test: the rows it keeps must
 * hold the chunk's exact top k (with a single key, be exactly them), whatever the nulls, NaN and ties.
 */
function makeValues(n: number, seed: number, distinct: number, missing = true): (number | null)[] {
  let x = seed;
  const rand = () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648);
  return Array.from({ length: n }, () => {
    const u = missing ? rand() : 1;
    return u < 0.05 ? null : u < 0.08 ? NaN : Math.floor(rand() * distinct) - distinct / 2;
  });
}

/** The values as a Float64 (or Int32, no NaN) vector of several pieces, cut at `cuts`. */
function vectorOf(values: (number | null)[], cuts: number[], ints: boolean): Vector {
  const bounds = [0, ...cuts, values.length];
  const pieces = bounds.slice(1).map((end, p) => vectorFromArray(values.slice(bounds[p], end).map((v) => (ints && v !== null && Number.isNaN(v) ? null : v)), ints ? new Int32() : new Float64()));
  return pieces.reduce((a, b) => a.concat(b));
}

/** Chunk rows in order: by value (nulls last, NaN before them), then row number. */
function expectedOrder(values: (number | null)[], rows: number[], descending: boolean): number[] {
  return [...rows].sort((a, b) => compareValue(values[a], values[b], descending) || a - b);
}

describe('first-key bound', () => {
  const n = 20_000;
  const OFFSET = 1_000_000;
  for (const [distinct, missing] of [[40, true], [100_000, true], [40, false]] as const) {
    for (const ints of [false, true]) {
      const raw = makeValues(n, distinct + (ints ? 1 : 0), distinct, missing);
      const values = ints ? raw.map((v) => (v !== null && Number.isNaN(v) ? null : v)) : raw;
      const vector = vectorOf(values, [3_000, 3_001, 12_345], ints);
      const every = Array.from({ length: n }, (_, i) => i);
      const some = every.filter((i) => i % 3 !== 1);
      for (const [which, rows] of [['every row', null], ['a selection', Uint32Array.from(some)]] as const) {
        for (const descending of [true, false]) {
          it(`${ints ? 'int32' : 'float64'}, ${distinct} distinct${missing ? ' with nulls and NaN' : ''}, ${which}, ${descending ? 'descending' : 'ascending'}: keeps exactly the chunk's top k`, () => {
            const order = expectedOrder(values, rows ? Array.from(rows) : every, descending);
            for (const k of [1, 10, 700, 2_600, 9_000]) {
              const bound = chunkBound(vector, rows, OFFSET, k, descending, true);
              expect(bound).not.toBeNull();
              const kept = rowsWithinBound(vector, rows, OFFSET, bound!);
              expect(Array.from(kept!)).toEqual(order.slice(0, k).sort((a, b) => a - b));
              // with later keys to decide ties, every row tied with the k-th stays
              const loose = rowsWithinBound(vector, rows, OFFSET, chunkBound(vector, rows, OFFSET, k, descending, false)!)!;
              const kth = values[order[k - 1]];
              expect(Array.from(loose)).toEqual(order.filter((r, i) => i < k || values[r] === kth).sort((a, b) => a - b));
            }
          });
        }
      }
    }
  }

  it('a top-K bound from other rows keeps every row that can still enter, and drops the rest', () => {
    const values = makeValues(n, 5, 300);
    const vector = vectorOf(values, [7_000], false);
    const every = Array.from({ length: n }, (_, i) => i);
    for (const descending of [true, false]) {
      // a top-K of 500 "earlier" rows (file rows 0..) whose first-key values are these
      const held = expectedOrder(values, every, descending).slice(0, 500);
      const first = new KeyValues('number', 500);
      held.forEach((r) => first.pushNumber(values[r] as number));
      const heldRows = Float64Array.from(held);
      const bound = boundOf(first, heldRows, 500, descending, true)!;
      // this chunk starts at file row 0 too: rows before the 500th held row tie in
      const kept = rowsWithinBound(vector, null, 0, bound)!;
      expect(Array.from(kept)).toEqual(held.slice().sort((a, b) => a - b));
      // the same values later in the file: ties never enter
      const later = rowsWithinBound(vector, null, n, bound)!;
      const v = values[held[499]]!;
      expect(Array.from(later)).toEqual(every.filter((r) => values[r] !== null && (descending ? values[r]! > v : values[r]! < v)));
    }
  });

  it('no bound while fewer than k values, or for a column not held as plain numbers', () => {
    const vector = vectorOf([1, null, NaN, 2, 3], [], false);
    expect(chunkBound(vector, null, 0, 3, true, true)).toBeNull();
    expect(chunkBound(vector, null, 0, 2, true, true)).toEqual({ value: 2, descending: true, lastRow: 4 });
    expect(chunkBound(vectorFromArray([1n, 2n, 3n]), null, 0, 1, true, true)).toBeNull();
  });
});
