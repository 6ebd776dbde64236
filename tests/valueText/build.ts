import { makeData, Vector, type Data, type DataType } from 'apache-arrow';

/** A validity bitmap with bit i set where valid[i]. */
export function bitmap(valid: boolean[]): Uint8Array {
  const bits = new Uint8Array(Math.ceil(valid.length / 8) || 1);
  valid.forEach((v, i) => {
    if (v) bits[i >> 3] |= 1 << (i & 7);
  });
  return bits;
}

/** One-chunk Vector from makeData props (real apache-arrow Data, no mocks). */
export function vectorOf<T extends DataType>(props: Record<string, unknown> & { type: T }): Vector<T> {
  return new Vector([makeData(props as never) as Data<T>]);
}

/** Offsets for variable-size values of these byte lengths. */
export function offsetsOf(lengths: number[]): Int32Array {
  const out = new Int32Array(lengths.length + 1);
  lengths.forEach((n, i) => (out[i + 1] = out[i] + n));
  return out;
}

/** Concatenated UTF-8 bytes and their offsets. */
export function utf8Column(texts: string[]): { data: Uint8Array; valueOffsets: Int32Array } {
  const parts = texts.map((t) => new TextEncoder().encode(t));
  const data = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    data.set(p, at);
    at += p.length;
  }
  return { data, valueOffsets: offsetsOf(parts.map((p) => p.length)) };
}

/** Little-endian 32-bit words of a two's-complement integer of `bits` width. */
export function wordsOf(value: bigint, bits: number): Uint32Array {
  const out = new Uint32Array(bits / 32);
  let v = BigInt.asUintN(bits, value);
  for (let i = 0; i < out.length; i++) {
    out[i] = Number(v & 0xffffffffn);
    v >>= 32n;
  }
  return out;
}
