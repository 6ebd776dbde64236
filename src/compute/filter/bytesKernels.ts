import type { CompareOp } from './ast';
import type { LeafTest } from './boundFilter';

/** Writes the results of rows [from, to) into out[at …] (1 true, 0 false; nulls are masked after). */
export type ValuesKernel = (from: number, to: number, out: Uint8Array, at: number) => void;

const asciiDecoder = new TextDecoder('latin1');

/** -1, 0, 1: data[s, e) against b by byte order (UTF-8: code point order). */
function compareAt(data: Uint8Array, s: number, e: number, b: Uint8Array): number {
  const n = Math.min(e - s, b.length);
  for (let k = 0; k < n; k++) {
    const d = data[s + k] - b[k];
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return e - s === b.length ? 0 : e - s < b.length ? -1 : 1;
}

function equalAt(data: Uint8Array, s: number, b: Uint8Array): boolean {
  for (let k = 0; k < b.length; k++) if (data[s + k] !== b[k]) return false;
  return true;
}

function containsIn(data: Uint8Array, s: number, e: number, needle: Uint8Array): boolean {
  const n = needle.length;
  if (n === 0) return true;
  const first = needle[0];
  for (let p = s, last = e - n; p <= last; p++) if (data[p] === first && equalAt(data, p, needle)) return true;
  return false;
}

const ORDER_TEST: Record<CompareOp, (d: number) => boolean> = {
  '=': (d) => d === 0,
  '!=': (d) => d !== 0,
  '<': (d) => d < 0,
  '<=': (d) => d <= 0,
  '>': (d) => d > 0,
  '>=': (d) => d >= 0,
};

/**
 * `=` (yes 1) or `!=` (yes 0) against the bytes `c`: a row's length from its offsets first, then its
 * bytes four at a time through a DataView (unaligned reads). A needle of 4 to 16 bytes is compared as
 * at most four words held in locals, the last one ending at the needle's end (it may overlap the one
 * before, and words past the needle's count repeat the last): no loop and no array per row.
 */
function equalKernel(data: Uint8Array, offsets: Int32Array, c: Uint8Array, yes: number): ValuesKernel {
  const no = 1 - yes;
  const n = c.length;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const needle = new DataView(c.buffer, c.byteOffset, c.byteLength);
  if (n < 4) {
    return (from, to, out, at) => {
      for (let i = from; i < to; i++) {
        const s = offsets[i];
        let hit = offsets[i + 1] - s === n;
        for (let k = 0; hit && k < n; k++) hit = data[s + k] === c[k];
        out[at + i - from] = hit ? yes : no;
      }
    };
  }
  const words = Math.ceil(n / 4);
  // Byte positions of the words compared: 0, 4, 8, … and the last ending at n.
  const at = (k: number) => Math.min(4 * Math.min(k, words - 1), n - 4);
  if (n <= 16) {
    const [p1, p2, p3] = [at(1), at(2), at(3)];
    const [w0, w1, w2, w3] = [0, p1, p2, p3].map((p) => needle.getInt32(p, true));
    return (from, to, out, o) => {
      let s = offsets[from];
      for (let i = from; i < to; i++) {
        const e = offsets[i + 1];
        const hit = e - s === n && view.getInt32(s, true) === w0 && view.getInt32(s + p1, true) === w1 && view.getInt32(s + p2, true) === w2 && view.getInt32(s + p3, true) === w3;
        out[o + i - from] = hit ? yes : no;
        s = e;
      }
    };
  }
  const positions = Int32Array.from({ length: words }, (_, k) => at(k));
  const values = positions.map((p) => needle.getInt32(p, true));
  return (from, to, out, o) => {
    let s = offsets[from];
    for (let i = from; i < to; i++) {
      const e = offsets[i + 1];
      let hit = e - s === n;
      for (let k = 0; hit && k < words; k++) hit = view.getInt32(s + positions[k], true) === values[k];
      out[o + i - from] = hit ? yes : no;
      s = e;
    }
  };
}

/** True when every byte of data[from, to) is ASCII: then byte offsets are string offsets. */
function allAscii(data: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (data[i] > 0x7f) return false;
  return true;
}

/**
 * Kernels over variable-width bytes with 32-bit offsets (utf8, binary): loops written out over the
 * typed arrays (no call per row on the hot paths). `miss` is what a row matching no IN value gives.
 */
export function bytesKernel(data: Uint8Array, offsets: Int32Array, leaf: LeafTest, miss: number): ValuesKernel | null {
  switch (leaf.test) {
    case 'compare': {
      const c = leaf.value as Uint8Array;
      if (leaf.op === '=' || leaf.op === '!=') return equalKernel(data, offsets, c, leaf.op === '=' ? 1 : 0);
      const holds = ORDER_TEST[leaf.op];
      return (from, to, out, at) => {
        for (let i = from; i < to; i++) out[at + i - from] = holds(compareAt(data, offsets[i], offsets[i + 1], c)) ? 1 : 0;
      };
    }
    case 'in': {
      const byLength = new Map<number, Uint8Array[]>();
      for (const v of leaf.values as Uint8Array[]) byLength.set(v.length, [...(byLength.get(v.length) ?? []), v]);
      return (from, to, out, at) => {
        for (let i = from; i < to; i++) {
          const s = offsets[i];
          const candidates = byLength.get(offsets[i + 1] - s);
          let hit = false;
          if (candidates) for (let k = 0; !hit && k < candidates.length; k++) hit = equalAt(data, s, candidates[k]);
          out[at + i - from] = hit ? 1 : miss;
        }
      };
    }
    case 'bytes': {
      const needle = leaf.needle;
      const n = needle.length;
      if (leaf.op === 'contains') {
        return (from, to, out, at) => {
          for (let i = from; i < to; i++) out[at + i - from] = containsIn(data, offsets[i], offsets[i + 1], needle) ? 1 : 0;
        };
      }
      const fromEnd = leaf.op === 'endsWith';
      return (from, to, out, at) => {
        for (let i = from; i < to; i++) {
          const s = offsets[i];
          const e = offsets[i + 1];
          out[at + i - from] = e - s >= n && equalAt(data, fromEnd ? e - n : s, needle) ? 1 : 0;
        }
      };
    }
    case 'regex': {
      const re = new RegExp(leaf.source, leaf.flags);
      const utf8 = new TextDecoder();
      return (from, to, out, at) => {
        const s0 = offsets[from];
        const e0 = offsets[to];
        if (allAscii(data, s0, e0)) {
          // one decode for the whole range: byte offsets are string offsets
          const text = asciiDecoder.decode(data.subarray(s0, e0));
          for (let i = from; i < to; i++) out[at + i - from] = re.test(text.slice(offsets[i] - s0, offsets[i + 1] - s0)) ? 1 : 0;
        } else {
          for (let i = from; i < to; i++) out[at + i - from] = re.test(utf8.decode(data.subarray(offsets[i], offsets[i + 1]))) ? 1 : 0;
        }
      };
    }
    default:
      return null;
  }
}
