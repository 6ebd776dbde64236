import { snappyCompress } from 'hysnappy';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { snappyUncompress } from '../../src/adapters/hyparquetInternals';
import { snappyArena, snappyDecode } from '../../src/adapters/snappy';
import { SNAPPY_WASM_BASE64 } from '../../src/adapters/snappyWasm';

const require = createRequire(import.meta.url);

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

  it('an arena decodes pages as snappyDecode does, keeps them while held, and reuses its memory only once released', () => {
    const pages = [sample(70_001, 11), sample(4_097, 12), sample(300_000, 13)];
    const blocks = pages.map((p) => snappyCompress(p));
    const maxInput = Math.max(...blocks.map((b) => b.length));
    const output = pages.reduce((n, p) => n + p.length, 0);
    const first = snappyArena(maxInput, output, 10)!;
    const firstOut = blocks.map((b, k) => first.decode(b, pages[k].length));
    const ints = first.ints(10);
    ints.fill(7);
    // A second arena while the first is held: its own memory, the first's pages untouched.
    const second = snappyArena(maxInput, output, 10)!;
    const secondOut = blocks.map((b, k) => second.decode(b, pages[k].length)).reverse();
    for (const [k, p] of pages.entries()) {
      expect(Buffer.from(firstOut[k]).equals(Buffer.from(p))).toBe(true);
      expect(Buffer.from(secondOut[2 - k]).equals(Buffer.from(p))).toBe(true);
    }
    expect(secondOut[0].buffer).not.toBe(firstOut[0].buffer);
    expect([...ints]).toEqual(Array(10).fill(7));
    // Past its room: new arrays, still right.
    expect(Buffer.from(first.decode(blocks[0], pages[0].length)).equals(Buffer.from(pages[0]))).toBe(true);
    expect(first.ints(5).buffer).not.toBe(ints.buffer);
    first.release();
    second.release();
    // The next arena reuses a released memory (no new allocation), and decodes into it correctly.
    const third = snappyArena(maxInput, output, 10)!;
    const again = third.decode(blocks[2], pages[2].length);
    expect([firstOut[0].buffer, secondOut[0].buffer]).toContain(again.buffer);
    expect(Buffer.from(again).equals(Buffer.from(pages[2]))).toBe(true);
    expect(() => third.decode(blocks[0], 70_000)).toThrow(/declares 70001 bytes/);
    expect(() => third.decode(blocks[0].subarray(0, blocks[0].length - 7), 70_001)).toThrow();
    third.release();
  });

  it("the arena's wasm module is the one of the hysnappy installed (snappyWasm.ts is a copy: an upgrade must refresh it)", () => {
    const installed = readFileSync(require.resolve('hysnappy/js/uncompress.js'), 'utf8');
    expect(installed).toContain(SNAPPY_WASM_BASE64);
  });
});
