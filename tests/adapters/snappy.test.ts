import { snappyCompress } from 'hysnappy';
import { describe, expect, it } from 'vitest';
import { snappyUncompress } from '../../src/adapters/hyparquetInternals';
import { snappyDecode } from '../../src/adapters/snappy';

/** Bytes of every kind a page holds: runs (copies), text, and noise (literals). */
function sample(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let s = seed;
  const text = new TextEncoder().encode('OBAMA, BARACK|RETIRED|WASHINGTON|20500|');
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const kind = (i >> 9) % 3;
    out[i] = kind === 0 ? text[i % text.length] : kind === 1 ? (i >> 4) & 0xff : s >>> 24;
  }
  return out;
}

describe('snappy through hysnappy (src/adapters/snappy.ts)', () => {
  it('decodes what snappy wrote to the bytes hyparquet decodes, at sizes from empty to a megabyte', () => {
    for (const [n, seed] of [
      [0, 1],
      [1, 2],
      [61, 3],
      [4_097, 4],
      [70_001, 5],
      [1_048_576, 6],
    ]) {
      const bytes = sample(n, seed);
      const block = snappyCompress(bytes);
      const ours = snappyDecode(block, n);
      const theirs = new Uint8Array(n);
      snappyUncompress(block, theirs);
      expect(Buffer.from(ours).equals(Buffer.from(bytes))).toBe(true);
      expect(Buffer.from(ours).equals(Buffer.from(theirs))).toBe(true);
    }
  });

  it('refuses a block declaring another length than the page header, or cut short', () => {
    const bytes = sample(20_000, 9);
    const block = snappyCompress(bytes);
    expect(() => snappyDecode(block, 19_999)).toThrow(/declares 20000 bytes/);
    expect(() => snappyDecode(block.subarray(0, block.length - 7), 20_000)).toThrow();
    expect(() => snappyDecode(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff]), 10)).toThrow();
    // A good block decodes after damaged ones (no state left behind).
    expect(Buffer.from(snappyDecode(block, 20_000)).equals(Buffer.from(bytes))).toBe(true);
  });
});
