/**
 * Sort-key values of some rows, held compactly so that rows of different chunks compare exactly:
 * numbers in a Float64Array, 64-bit integers and decimals as numbers where safe and bigints beyond
 * (`<` compares a number with a bigint exactly), bytes (strings as UTF-8, binaries) in one buffer.
 * `cls` orders what is not a value: 0 a value, 1 NaN, 2 null; NaN and null go last in either direction,
 * as pyarrow's sort_indices places them.
 */
export type KeyShape = 'number' | 'exact' | 'bytes';

export const VALUE = 0;
export const NAN = 1;
export const NULL = 2;

export class KeyValues {
  length = 0;
  cls: Uint8Array;
  num: Float64Array;
  exact: (number | bigint)[] = [];
  data: Uint8Array;
  /** Byte offsets: value i is data[ends[i - 1] (or 0) .. ends[i]). */
  ends: Float64Array;
  private used = 0;

  constructor(
    readonly shape: KeyShape,
    capacity = 16,
  ) {
    this.cls = new Uint8Array(capacity);
    this.num = shape === 'number' ? new Float64Array(capacity) : new Float64Array(0);
    this.ends = shape === 'bytes' ? new Float64Array(capacity) : new Float64Array(0);
    this.data = new Uint8Array(shape === 'bytes' ? 64 : 0);
  }

  private room(): number {
    if (this.length === this.cls.length) this.grow();
    return this.length++;
  }

  private grow(): void {
    {
      const capacity = this.cls.length * 2;
      const cls = new Uint8Array(capacity);
      cls.set(this.cls);
      this.cls = cls;
      if (this.shape === 'number') {
        const num = new Float64Array(capacity);
        num.set(this.num);
        this.num = num;
      } else if (this.shape === 'bytes') {
        const ends = new Float64Array(capacity);
        ends.set(this.ends);
        this.ends = ends;
      }
    }
  }

  pushClass(c: number): void {
    const i = this.room();
    this.cls[i] = c;
    if (this.shape === 'number') this.num[i] = 0;
    else if (this.shape === 'exact') this.exact[i] = 0;
    else this.ends[i] = this.used;
  }

  /**
   * Appends the numbers values[from..to) (a typed array of plain numbers: ints up to 32 bits, floats)
   * at once, `valid(i)` false for nulls: the fast path of a whole chunk's numeric key.
   */
  pushNumbers(values: ArrayLike<number>, from: number, to: number, valid: ((i: number) => boolean) | null): void {
    const n = to - from;
    while (this.cls.length < this.length + n) this.grow();
    const { cls, num } = this;
    let o = this.length;
    for (let i = from; i < to; i++, o++) {
      const x = values[i];
      if (valid && !valid(i)) {
        cls[o] = NULL;
        num[o] = 0;
      } else {
        cls[o] = x !== x ? NAN : VALUE;
        num[o] = x;
      }
    }
    this.length = o;
  }

  pushNumber(x: number): void {
    const i = this.room();
    this.cls[i] = x !== x ? NAN : VALUE;
    this.num[i] = x;
  }

  pushExact(x: number | bigint): void {
    const i = this.room();
    this.cls[i] = VALUE;
    this.exact[i] = x;
  }

  pushBytes(src: Uint8Array, from: number, to: number): void {
    const i = this.room();
    this.cls[i] = VALUE;
    const size = to - from;
    if (this.used + size > this.data.length) {
      const data = new Uint8Array(Math.max(this.data.length * 2, this.used + size));
      data.set(this.data.subarray(0, this.used));
      this.data = data;
    }
    this.data.set(src.subarray(from, to), this.used);
    this.used += size;
    this.ends[i] = this.used;
  }

  /** Appends value i of `src` (of the same shape). */
  pushFrom(src: KeyValues, i: number): void {
    const c = src.cls[i];
    if (c !== VALUE) this.pushClass(c);
    else if (this.shape === 'number') this.pushNumber(src.num[i]);
    else if (this.shape === 'exact') this.pushExact(src.exact[i]);
    else this.pushBytes(src.data, i ? src.ends[i - 1] : 0, src.ends[i]);
  }

  /** A KeyValues again from its fields after a structured clone (which keeps the typed arrays, not the class). */
  static from(plain: Pick<KeyValues, 'shape' | 'length' | 'cls' | 'num' | 'exact' | 'data' | 'ends'>): KeyValues {
    if (plain instanceof KeyValues) return plain;
    const kv = new KeyValues(plain.shape, 1);
    kv.length = plain.length;
    kv.cls = plain.cls;
    kv.num = plain.num;
    kv.exact = plain.exact;
    kv.data = plain.data;
    kv.ends = plain.ends;
    kv.used = (plain as unknown as { used: number }).used;
    return kv;
  }

  /** Bytes of memory held (for the caller's bounds). */
  get bytes(): number {
    return this.cls.length * 9 + this.data.length + this.exact.length * 16;
  }
}

function compareBytes(a: Uint8Array, af: number, at: number, b: Uint8Array, bf: number, bt: number): number {
  const n = Math.min(at - af, bt - bf);
  for (let k = 0; k < n; k++) {
    const d = a[af + k] - b[bf + k];
    if (d !== 0) return d;
  }
  return at - af - (bt - bf);
}

/** Value i of `a` against value j of `b` (same shape): negative, zero or positive; NaN and null last whatever the direction. */
export function compareKeyValues(a: KeyValues, i: number, b: KeyValues, j: number, descending: boolean): number {
  const ca = a.cls[i];
  const cb = b.cls[j];
  if (ca !== cb) return ca - cb;
  if (ca !== VALUE) return 0;
  let c: number;
  if (a.shape === 'number') {
    const x = a.num[i];
    const y = b.num[j];
    c = x < y ? -1 : x > y ? 1 : 0;
  } else if (a.shape === 'exact') {
    const x = a.exact[i];
    const y = b.exact[j];
    c = x < y ? -1 : x > y ? 1 : 0;
  } else {
    c = compareBytes(a.data, i ? a.ends[i - 1] : 0, a.ends[i], b.data, j ? b.ends[j - 1] : 0, b.ends[j]);
  }
  return descending ? -c : c;
}
