import { describe, expect, it } from 'vitest';
import {
  Bool, DateDay, DenseUnion, Dictionary, Field, FixedSizeList, Float64, Int32, Int64, Int8, LargeList, List, Map_, Null, SparseUnion,
  Struct, TimestampNanosecond, Utf8, Vector, makeData, vectorFromArray,
} from 'apache-arrow';
import { valueText, vectorText, vectorValueText } from '../../src/valueText';
import { bitmap, offsetsOf, utf8Column, vectorOf } from './build';

const field = (name: string, type: import('apache-arrow').DataType, nullable = true) => new Field(name, type, nullable);
const ints = (values: number[], valid?: boolean[]) => makeData({ type: new Int32(), data: new Int32Array(values), ...(valid ? { nullBitmap: bitmap(valid) } : {}) });
const strings = (texts: string[], valid?: boolean[]) => makeData({ type: new Utf8(), ...utf8Column(texts), ...(valid ? { nullBitmap: bitmap(valid) } : {}) });

/** Every row through vectorText, vectorValueText and valueText(get()) alike. */
function allWays(v: Vector): (string | null)[] {
  const rows = vectorText(v);
  for (let i = 0; i < v.length; i++) {
    expect(vectorValueText(v, i)).toBe(rows[i]);
    expect(valueText(v.get(i), v.type)).toBe(rows[i]);
  }
  return rows;
}

describe('lists', () => {
  it('list, with null elements and null lists', () => {
    const v = vectorOf({ type: new List(field('item', new Int32())), valueOffsets: offsetsOf([3, 0, 0]), child: ints([1, 2, 0], [true, true, false]), nullBitmap: bitmap([true, false, true]) });
    expect(allWays(v)).toEqual(['[1, 2, null]', null, '[]']);
  });

  it('large_list and fixed_size_list', () => {
    const large = vectorOf({ type: new LargeList(field('item', new Int32())), valueOffsets: new BigInt64Array([0n, 2n, 3n]), child: ints([1, 2, 3]) });
    expect(vectorText(large)).toEqual(['[1, 2]', '[3]']);
    const fixed = vectorOf({ type: new FixedSizeList(3, field('item', new Int32())), child: ints([1, 2, 3, 4, 5, 6]), nullBitmap: bitmap([false, true]) });
    expect(allWays(fixed)).toEqual([null, '[4, 5, 6]']);
  });

  it('scalars inside use their scalar rule, strings are quoted', () => {
    const floats = vectorFromArray([[1.5, 1, -0, NaN, 1e16]], new List(field('item', new Float64())));
    expect(allWays(floats)).toEqual(['[1.5, 1.0, -0.0, nan, 1e+16]']);
    const bools = vectorFromArray([[true, false, null]], new List(field('item', new Bool())));
    expect(allWays(bools)).toEqual(['[true, false, null]']);
    const dates = vectorOf({ type: new List(field('item', new DateDay())), valueOffsets: offsetsOf([1]), child: makeData({ type: new DateDay(), data: new Int32Array([18262]) }) });
    expect(allWays(dates)).toEqual(['[2020-01-01]']);
    const text = vectorFromArray([['a', 'b"c', null]], new List(field('item', new Utf8())));
    expect(allWays(text)).toEqual(['["a", "b\\"c", null]']);
  });

  it('int64 timestamps inside lists stay exact', () => {
    const child = makeData({ type: new TimestampNanosecond(), data: new BigInt64Array([1577836800123456789n]) });
    const v = vectorOf({ type: new List(field('item', new TimestampNanosecond())), valueOffsets: offsetsOf([1]), child });
    expect(vectorText(v)).toEqual(['[2020-01-01 00:00:00.123456789]']);
    expect(valueText(v.get(0), v.type)).toBe('[2020-01-01 00:00:00.123456789]');
  });

  it('lists of lists', () => {
    const inner = makeData({ type: new List(field('item', new Int64())), valueOffsets: offsetsOf([2, 0, 1]), child: makeData({ type: new Int64(), data: new BigInt64Array([-(2n ** 63n), 1n, 2n]) }) });
    const v = vectorOf({ type: new List(field('item', inner.type)), valueOffsets: offsetsOf([3]), child: inner });
    expect(allWays(v)).toEqual(['[[-9223372036854775808, 1], [], [2]]']);
  });
});

describe('structs', () => {
  const type = new Struct([field('a', new Int32()), field('b', new Utf8())]);
  it('{name: value} with field names as written, nulls inside as null', () => {
    const v = vectorOf({ type, children: [ints([1, 2, 3], [true, false, true]), strings(['x', 'y', ''], [true, true, false])], nullBitmap: bitmap([true, true, false]) });
    expect(allWays(v)).toEqual(['{a: 1, b: "x"}', '{a: null, b: "y"}', null]);
  });

  it('respects a sliced chunk\'s offset', () => {
    const v = vectorOf({ type, children: [ints([1, 2, 3]), strings(['x', 'y', 'z'])], nullBitmap: bitmap([true, false, true]) }).slice(1);
    expect(vectorText(v)).toEqual([null, '{a: 3, b: "z"}']);
    expect(valueText(v.get(1), v.type)).toBe('{a: 3, b: "z"}');
  });

  it('valueText reads a StructRow\'s own buffers: int64 timestamps inside stay exact', () => {
    const t = makeData({ type: new TimestampNanosecond(), data: new BigInt64Array([1577836800123456789n]) });
    const v = vectorOf({ type: new Struct([field('t', new TimestampNanosecond())]), children: [t] });
    expect(valueText(v.get(0), v.type)).toBe('{t: 2020-01-01 00:00:00.123456789}');
  });

  it('structs inside lists', () => {
    const structs = makeData({ type, children: [ints([1, 2]), strings(['p', 'q'])] });
    const v = vectorOf({ type: new List(field('item', type)), valueOffsets: offsetsOf([2]), child: structs });
    expect(allWays(v)).toEqual(['[{a: 1, b: "p"}, {a: 2, b: "q"}]']);
  });
});

describe('maps', () => {
  it('{key: value}, keys and values by their nested rule', () => {
    const entries = makeData({ type: new Struct([field('key', new Utf8(), false), field('value', new Int32())]), children: [strings(['a', 'b', 'c']), ints([1, 0, 3], [true, false, true])] });
    const type = new Map_(new Field('entries', entries.type as Struct<{ key: Utf8; value: Int32 }>, false));
    const v = vectorOf({ type, valueOffsets: offsetsOf([2, 0, 1]), child: entries, nullBitmap: bitmap([true, true, false]) });
    expect(allWays(v)).toEqual(['{"a": 1, "b": null}', '{}', null]);
  });
});

describe('unions', () => {
  const members = [field('i', new Int32()), field('s', new Utf8())];
  it('sparse: the selected child\'s value, as it would stand at that level', () => {
    const v = vectorOf({ type: new SparseUnion([0, 1], members), typeIds: new Int8Array([0, 1, 1, 0]), children: [ints([7, 0, 0, 0], [true, true, true, false]), strings(['', 'hi', 'x"y', ''])] });
    expect(allWays(v)).toEqual(['7', 'hi', 'x"y', null]);
    const list = vectorOf({ type: new List(field('item', v.type)), valueOffsets: offsetsOf([4]), child: v.data[0] });
    expect(vectorText(list)).toEqual(['[7, "hi", "x\\"y", null]']);
  });

  it('dense: through the value offsets, with type codes that are not child indices', () => {
    const v = vectorOf({ type: new DenseUnion([5, 2], members), typeIds: new Int8Array([2, 5, 2]), valueOffsets: new Int32Array([0, 0, 1]), children: [ints([42]), strings(['a', 'b'])] });
    expect(allWays(v)).toEqual(['a', '42', 'b']);
  });
});

describe('dictionaries', () => {
  it('show the dictionary value, with null indices as null', () => {
    const dictionary = new Vector([strings(['red', 'green', 'blue'])]);
    const type = new Dictionary(new Utf8(), new Int8());
    const v = vectorOf({ type, data: new Int8Array([2, 0, 0, 1]), dictionary, nullBitmap: bitmap([true, true, false, true]) });
    expect(allWays(v)).toEqual(['blue', 'red', null, 'green']);
  });

  it('are quoted inside lists', () => {
    const dictionary = new Vector([strings(['red', 'green'])]);
    const codes = makeData({ type: new Dictionary(new Utf8(), new Int32()), data: new Int32Array([1, 0]), dictionary });
    const v = vectorOf({ type: new List(field('item', codes.type)), valueOffsets: offsetsOf([2]), child: codes });
    expect(allWays(v)).toEqual(['["green", "red"]']);
  });

  it('dictionaries spanning several chunks (delta batches)', () => {
    const dictionary = new Vector([strings(['a', 'b']), strings(['c'])]);
    const v = vectorOf({ type: new Dictionary(new Utf8(), new Int32()), data: new Int32Array([2, 1, 0]), dictionary });
    expect(allWays(v)).toEqual(['c', 'b', 'a']);
  });
});

describe('the 1,000-character cut', () => {
  it('cuts nested text to 1,000 characters and an ellipsis', () => {
    const v = vectorFromArray([Array.from({ length: 1000 }, (_, i) => i)], new List(field('item', new Int32())));
    const full = `[${Array.from({ length: 1000 }, (_, i) => i).join(', ')}]`;
    const [text] = allWays(v);
    expect(text).toBe(`${full.slice(0, 1000)}…`);
  });

  it('counts code points, not UTF-16 units, and never splits a pair', () => {
    const v = vectorFromArray([['𝄞'.repeat(1200)]], new List(field('item', new Utf8())));
    const [text] = vectorText(v);
    expect(text).toBe(`["${'𝄞'.repeat(998)}…`);
    expect(vectorText(vectorFromArray([['𝄞'.repeat(497)]], new List(field('item', new Utf8()))))[0]).toBe(`["${'𝄞'.repeat(497)}"]`);
  });

  it('leaves text of exactly 1,000 characters whole', () => {
    const s = 'x'.repeat(996);
    expect(vectorText(vectorFromArray([[s]], new List(field('item', new Utf8())))) ).toEqual([`["${s}"]`]);
  });

  it('cuts structs and maps once, whichever way they are read', () => {
    const long = 'y'.repeat(2000);
    const v = vectorOf({ type: new Struct([field('s', new Utf8())]), children: [strings([long])] });
    expect(allWays(v)).toEqual([`{s: "${long.slice(0, 995)}…`]);
    const entries = makeData({ type: new Struct([field('key', new Utf8(), false), field('value', new Utf8())]), children: [strings(['k']), strings([long])] });
    const map = vectorOf({ type: new Map_(new Field('entries', entries.type as Struct<{ key: Utf8; value: Utf8 }>, false)), valueOffsets: offsetsOf([1]), child: entries });
    expect(allWays(map)).toEqual([`{"k": "${long.slice(0, 993)}…`]);
  });

  it('stops early on huge nested values with the same result', () => {
    const n = 200_000;
    const v = vectorOf({ type: new List(field('item', new Int32())), valueOffsets: offsetsOf([n]), child: ints(Array.from({ length: n }, (_, i) => i)) });
    const full = `[${Array.from({ length: n }, (_, i) => i).join(', ')}]`;
    expect(vectorText(v)).toEqual([`${full.slice(0, 1000)}…`]);
  });
});

it('the null type is always null', () => {
  const v = new Vector([makeData({ type: new Null(), length: 2 })]);
  expect(vectorText(v)).toEqual([null, null]);
  expect(valueText(null, new Null())).toBeNull();
  const list = vectorOf({ type: new List(field('item', new Null())), valueOffsets: offsetsOf([2]), child: makeData({ type: new Null(), length: 2 }) });
  expect(vectorText(list)).toEqual(['[null, null]']);
});
