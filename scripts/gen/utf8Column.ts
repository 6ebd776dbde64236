import { Utf8, makeData, type Data } from 'apache-arrow';

const encoder = new TextEncoder();

/** Pre-encoded strings, so building a column copies bytes instead of encoding each row. */
export class StringPool {
  readonly encoded: Uint8Array[];
  constructor(readonly values: readonly string[]) {
    this.encoded = values.map((v) => encoder.encode(v));
  }
  get size(): number {
    return this.values.length;
  }
}

/** Builds a Utf8 column of `length` rows; `pick(row)` returns encoded bytes or null. */
export function utf8Data(length: number, pick: (row: number) => Uint8Array | null): Data<Utf8> {
  const offsets = new Int32Array(length + 1);
  const validity = new Uint8Array((length + 7) >> 3);
  const chunks: Uint8Array[] = [];
  let bytes = new Uint8Array(1 << 20);
  let used = 0;
  let total = 0;
  let nulls = 0;
  for (let r = 0; r < length; r++) {
    const value = pick(r);
    if (value === null) {
      nulls++;
    } else {
      validity[r >> 3] |= 1 << (r & 7);
      if (used + value.length > bytes.length) {
        chunks.push(bytes.subarray(0, used));
        bytes = new Uint8Array(Math.max(1 << 20, value.length));
        used = 0;
      }
      bytes.set(value, used);
      used += value.length;
      total += value.length;
    }
    offsets[r + 1] = total;
  }
  chunks.push(bytes.subarray(0, used));
  const data = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    data.set(c, at);
    at += c.length;
  }
  return makeData({ type: new Utf8(), length, nullCount: nulls, nullBitmap: nulls ? validity : null, valueOffsets: offsets, data });
}
