import { describe, expect, it } from 'vitest';
import { packedBuffers, packSteps, unpackSteps } from '../../src/compute/packedValues';
import { runSteps } from '../../src/compute/slicedSort';
import type { ValueCount } from '../../src/compute/uniqueTypes';

describe('packed values', () => {
  it('cross a structured clone (buffers transferred) and unpack to the same values, of every kind, over several pieces', () => {
    const special: ValueCount[] = [
      { value: '', count: 3, firstRow: 0 },
      { value: 'é日本😀', count: 1, firstRow: 5 },
      { value: null, count: 9, firstRow: 2 },
      { value: true, count: 4, firstRow: 1 },
      { value: false, count: 2, firstRow: 7 },
      { value: -0.5, count: 1, firstRow: 8 },
      { value: 2 ** 60, count: 2 ** 40, firstRow: 2 ** 50 },
      { value: '-12345678901234567890', count: 1, firstRow: -1 },
    ];
    const values = [...special, ...Array.from({ length: 150_000 }, (_, i) => ({ value: i % 3 ? `v${i}` : i, count: i + 1, firstRow: 3 * i }))];
    const packed = runSteps(packSteps(values));
    expect(packed.texts.length).toBe(3);
    const arrived = structuredClone(packed, { transfer: packedBuffers(packed) });
    expect(packed.counts.length).toBe(0); // transferred, not copied
    expect(runSteps(unpackSteps(arrived))).toEqual(values);
    expect(runSteps(unpackSteps(runSteps(packSteps([]))))).toEqual([]);
  });
});
