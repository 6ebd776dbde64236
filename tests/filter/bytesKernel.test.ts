import { describe, expect, it } from 'vitest';
import { bytesKernel } from '../../src/compute/filter/bytesKernels';

const utf8 = new TextEncoder();
const text = new TextDecoder();

/** Strings packed as Arrow utf8 (offsets + data), the data placed at an odd offset of a larger buffer. */
function pack(values: string[]): { data: Uint8Array; offsets: Int32Array } {
  const bytes = values.map((v) => utf8.encode(v));
  const offsets = new Int32Array(values.length + 1);
  bytes.forEach((b, i) => (offsets[i + 1] = offsets[i] + b.length));
  const backing = new Uint8Array(offsets[values.length] + 7);
  const data = backing.subarray(3, 3 + offsets[values.length]);
  bytes.forEach((b, i) => data.set(b, offsets[i]));
  return { data, offsets };
}

describe('bytesKernel = and != (words compared four bytes at a time)', () => {
  // Needles of every length modulo 4 and of every word count (1 to 4 words in locals, more in a loop), ASCII and not, and rows that differ from them in each byte.
  const needles = ['', 'a', 'ab', 'abc', 'abcd', 'abcde', 'abcdefg', 'abcdefgh', 'Obama, Barack', 'Romney, Mitt', 'abcdefghijklmnop', 'abcdefghijklmnopq', 'Zoë Ünïcode', '日本語テキスト', 'a needle of forty-one bytes, in 11 words'];
  const rows: string[] = [];
  for (const n of needles) {
    rows.push(n, `${n}x`, n.slice(0, -1), `x${n}`);
    for (let k = 0; k < n.length; k++) rows.push(n.slice(0, k) + String.fromCharCode(n.charCodeAt(k) ^ 1) + n.slice(k + 1));
  }
  const { data, offsets } = pack(rows);

  for (const needle of needles) {
    for (const op of ['=', '!='] as const) {
      it(`${op} '${needle}' gives the same answer as comparing the decoded strings`, () => {
        const kernel = bytesKernel(data, offsets, { test: 'compare', op, value: utf8.encode(needle) }, 0)!;
        // In two calls, the second starting inside the rows (as the time-sliced evaluation calls it).
        const out = new Uint8Array(rows.length + 5);
        const half = rows.length >> 1;
        kernel(0, half, out, 5);
        kernel(half, rows.length, out, 5 + half);
        const want = rows.map((_, i) => (text.decode(data.subarray(offsets[i], offsets[i + 1])) === needle) === (op === '=') ? 1 : 0);
        expect([...out.subarray(5)]).toEqual(want);
        expect(want.includes(1)).toBe(true);
      });
    }
  }
});
