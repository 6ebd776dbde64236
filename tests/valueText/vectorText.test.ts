import { describe, expect, it } from 'vitest';
import { Bool, Int16, Int32, Int64, Int8, Uint32, Uint64, Uint8, Vector, makeData, vectorFromArray } from 'apache-arrow';
import { valueText, vectorText, vectorValueText } from '../../src/valueText';
import { bitmap, vectorOf } from './build';

describe('integers', () => {
  it('are exact decimal digits, 64-bit ones through BigInt', () => {
    const i64 = vectorOf({ type: new Int64(), data: new BigInt64Array([-(2n ** 63n), 2n ** 63n - 1n, 0n]) });
    expect(vectorText(i64)).toEqual(['-9223372036854775808', '9223372036854775807', '0']);
    expect(valueText(i64.get(0), i64.type)).toBe('-9223372036854775808');
    const u64 = vectorOf({ type: new Uint64(), data: new BigUint64Array([2n ** 64n - 1n]) });
    expect(vectorText(u64)).toEqual(['18446744073709551615']);
    expect(valueText(u64.get(0), u64.type)).toBe('18446744073709551615');
    expect(vectorText(vectorOf({ type: new Int8(), data: new Int8Array([-128, 127]) }))).toEqual(['-128', '127']);
    expect(vectorText(vectorOf({ type: new Uint8(), data: new Uint8Array([255]) }))).toEqual(['255']);
    expect(vectorText(vectorOf({ type: new Int16(), data: new Int16Array([-32768]) }))).toEqual(['-32768']);
    expect(vectorText(vectorOf({ type: new Uint32(), data: new Uint32Array([4294967295]) }))).toEqual(['4294967295']);
  });
});

describe('booleans', () => {
  it('read bits at the chunk\'s bit offset', () => {
    const v = vectorOf({ type: new Bool(), data: new Uint8Array([0b10110]), length: 5, nullBitmap: bitmap([true, true, true, false, true]) });
    expect(vectorText(v)).toEqual(['false', 'true', 'true', null, 'true']);
    expect(vectorText(v.slice(1, 4))).toEqual(['true', 'true', null]);
    expect(valueText(v.get(0), v.type)).toBe('false');
  });
});

describe('vectors of several chunks, sliced and with nulls', () => {
  const chunkA = makeData({ type: new Int32(), data: new Int32Array([1, 2, 3]), nullBitmap: bitmap([true, false, true]) });
  const chunkB = makeData({ type: new Int32(), data: new Int32Array([4, 5]) });
  const v = new Vector([chunkA, chunkB]);

  it('lists every row in order', () => {
    expect(vectorText(v)).toEqual(['1', null, '3', '4', '5']);
  });

  it('finds single rows across chunks', () => {
    expect([0, 1, 2, 3, 4, 5].map((i) => vectorValueText(v, i))).toEqual(['1', null, '3', '4', '5', null]);
  });

  it('respects offsets of sliced chunks', () => {
    expect(vectorText(v.slice(1, 4))).toEqual([null, '3', '4']);
    expect(vectorText(vectorFromArray([1, null, 3, 4], new Int32()).slice(1))).toEqual([null, '3', '4']);
  });
});

it('valueText of null is null at top level', () => {
  expect(valueText(null, new Int32())).toBeNull();
  expect(valueText(undefined, new Int32())).toBeNull();
});
