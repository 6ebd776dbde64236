import { Utf8, vectorFromArray } from 'apache-arrow';
import { afterAll, describe, expect, it } from 'vitest';
import { sameRows, UniqueCounter, useRangesEqual } from '../../src/compute/uniqueCounter';
import { mergeUnique } from '../../src/compute/uniqueMerge';
import { bufferRangesEqual } from '../../src/cli/pool/nativeRanges';

// The CLI checks runs of equal strings with Node's memcmp: the same answers as the JS loop.
afterAll(() => useRangesEqual(null));

describe('runs compared by Buffer.compare (the CLI)', () => {
  it('sameRows gives the JS loop’s answer for a difference at any byte of long runs', () => {
    for (const length of [1, 3, 4, 13, 30]) {
      const rows = Math.ceil(600 / length); // past the length compared in JS only
      const value = Uint8Array.from({ length }, (_, i) => 97 + (i % 26));
      const bytes = new Uint8Array(length * rows + 5);
      for (let r = 0; r < rows; r++) bytes.set(value, 3 + r * length);
      for (const r of [1, 2, rows >> 1, rows - 1]) {
        for (const b of [0, length >> 1, length - 1]) {
          const changed = bytes.slice();
          changed[3 + r * length + b] ^= 0x20;
          const view = new DataView(changed.buffer, 0, changed.length);
          useRangesEqual(null);
          const js = sameRows(view, 3, length, rows);
          useRangesEqual(bufferRangesEqual);
          expect(sameRows(view, 3, length, rows), `length ${length}, row ${r}, byte ${b}`).toBe(js);
          expect(js).toBe(r - 1);
        }
      }
      useRangesEqual(bufferRangesEqual);
      expect(sameRows(new DataView(bytes.buffer), 3, length, rows)).toBe(rows - 1);
    }
  });

  it('counts long runs with changed values as a plain Map does', () => {
    useRangesEqual(bufferRangesEqual);
    const values: string[] = [];
    for (let k = 0; k < 40; k++) {
      const w = `Candidate ${k % 5}, Name`;
      for (let r = 0; r < 3000; r++) values.push(r === 1500 || r === 2999 ? `${w.slice(0, 10)}X${w.slice(11)}` : w);
    }
    const v = vectorFromArray(values, new Utf8());
    const c = new UniqueCounter();
    c.add(v, 0);
    const counted = new Map(mergeUnique([c.partial()]).values.map((x) => [x.value, x.count]));
    const plain = new Map<string, number>();
    for (const x of values) plain.set(x, (plain.get(x) ?? 0) + 1);
    expect(counted).toEqual(plain);
  });
});
