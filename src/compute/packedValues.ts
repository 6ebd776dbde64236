import type { UniquePartial, UniqueValue, ValueCount } from './uniqueTypes';

/**
 * Counted values as a few typed arrays and strings instead of one object per value: a worker posts
 * millions of them to the engine, where structured clone would rebuild every object in one
 * uninterruptible task (seconds), while these arrive at once and are unpacked in steps.
 */
export interface PackedValues {
  length: number;
  /** Per value: 0 text, 1 number, 2 true, 3 false, 4 null. */
  kinds: Uint8Array;
  numbers: Float64Array;
  counts: Float64Array;
  firstRows: Float64Array;
  /** The text values, PIECE of them joined per string (one string would pass the engine's length limit). */
  texts: string[];
  /** Where each text value ends in its piece (0 for other kinds). */
  ends: Uint32Array;
}

/** A partial with its values packed, as a compute worker posts it. */
export type PackedPartial = Omit<UniquePartial, 'values'> & { packed: PackedValues };

const PIECE = 65_536;
const KIND = { text: 0, number: 1, true: 2, false: 3, null: 4 } as const;

export function* packSteps(values: readonly ValueCount[]): Generator<void, PackedValues> {
  const n = values.length;
  const packed: PackedValues = { length: n, kinds: new Uint8Array(n), numbers: new Float64Array(n), counts: new Float64Array(n), firstRows: new Float64Array(n), texts: [], ends: new Uint32Array(n) };
  for (let start = 0; start < n; start += PIECE) {
    const parts: string[] = [];
    let at = 0;
    for (let i = start; i < Math.min(n, start + PIECE); i++) {
      const { value, count, firstRow } = values[i];
      packed.counts[i] = count;
      packed.firstRows[i] = firstRow;
      if (typeof value === 'string') {
        parts.push(value);
        at += value.length;
        packed.ends[i] = at;
      } else if (typeof value === 'number') {
        packed.kinds[i] = KIND.number;
        packed.numbers[i] = value;
      } else packed.kinds[i] = value === null ? KIND.null : value ? KIND.true : KIND.false;
    }
    packed.texts.push(parts.join(''));
    yield;
  }
  return packed;
}

export function* unpackSteps(packed: PackedValues): Generator<void, ValueCount[]> {
  const out: ValueCount[] = new Array<ValueCount>(packed.length);
  for (let start = 0, piece = 0; start < packed.length; start += PIECE, piece++) {
    const text = packed.texts[piece];
    let from = 0;
    for (let i = start; i < Math.min(packed.length, start + PIECE); i++) {
      const kind = packed.kinds[i];
      let value: UniqueValue;
      if (kind === KIND.text) {
        value = text.slice(from, packed.ends[i]);
        from = packed.ends[i];
      } else value = kind === KIND.number ? packed.numbers[i] : kind === KIND.null ? null : kind === KIND.true;
      out[i] = { value, count: packed.counts[i], firstRow: packed.firstRows[i] };
    }
    yield;
  }
  return out;
}

/** The typed arrays of a packed partial, to be transferred rather than copied. */
export function packedBuffers(p: PackedValues): ArrayBuffer[] {
  return [p.kinds, p.numbers, p.counts, p.firstRows, p.ends].map((a) => a.buffer as ArrayBuffer);
}
