import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FilterSyntaxError, compileFilter } from '../../src/compute/filter';
import type { BoundExpr } from '../../src/compute/filter/boundFilter';
import { errorMessage } from '../../src/model/errors';
import type { Dataset } from '../../src/model/types';
import { fixture } from '../support/corpus';
import { openFile } from './support';

const TYPES = 'tests/filter/fixtures/filter_types.arrow';
let types: Dataset;
let sample: Dataset;
let nested: Dataset;

beforeAll(async () => {
  [types, sample, nested] = await Promise.all([
    openFile(TYPES),
    openFile('public/sample.arrow'),
    openFile(fixture('arrow-testing/data/arrow-ipc-stream/integration/cpp-21.0.0/generated_nested.arrow_file')),
  ]);
});
afterAll(() => Promise.all([types, sample, nested].map((d) => d?.close())));

function bindError(dataset: Dataset, text: string): { message: string; token: string } {
  try {
    compileFilter(text, dataset.fields, dataset.schema);
  } catch (e) {
    if (!(e instanceof FilterSyntaxError)) throw e;
    expect(errorMessage(e)).toBe(e.message); // shown as it is, like any located error
    return { message: e.message, token: text.slice(e.at.offset, e.at.offset + e.length) };
  }
  throw new Error(`"${text}" bound`);
}

const leaf = (text: string): Extract<BoundExpr, { kind: 'leaf' }>['leaf'] => {
  const e = compileFilter(text, types.fields, types.schema).expr;
  if (e.kind !== 'leaf') throw new Error('not a leaf');
  return e.leaf;
};

describe('columns', () => {
  it('an unknown column names the close ones', () => {
    expect(bindError(sample, "cand = 'x'")).toEqual({ message: 'unknown column "cand" at 1:1; did you mean cand_id or cand_nm?', token: 'cand' });
    expect(bindError(types, 'I32 = 1').message).toBe('unknown column "I32" at 1:1; did you mean i32?');
    expect(bindError(types, 'id = 1 AND odd = 1').message).toBe('unknown column "odd" at 1:12; did you mean "odd name ""q"""?');
    expect(bindError(types, 'zzzzzz = 1').message).toMatch(/^unknown column "zzzzzz" at 1:1; the columns are id, i32, i64, /);
  });
  it('a column filters cannot compare is named with its type', () => {
    expect(bindError(nested, 'list_nullable = 1')).toEqual({
      message: 'column list_nullable is list<item: int32>: filters compare numbers, strings, binaries, booleans, decimals, dates, times and timestamps at 1:1',
      token: 'list_nullable',
    });
  });
  it('records the columns read, once each, in order of use', () => {
    const f = compileFilter('s = \'x\' AND (i32 > 1 OR s IS NULL) AND flag', types.fields, types.schema);
    expect(f.columns.map((c) => types.fields[c].name)).toEqual(['s', 'i32', 'flag']);
  });
});

describe('values are checked against the column type', () => {
  const cases: [string, string, string][] = [
    ['s = 5', "cannot compare s (string) with the number 5 at 1:5; write the value in quotes: '5'", '5'],
    ["f64 > '1.5'", "cannot compare f64 (double) with the string '1.5' at 1:7; write the number without quotes: 1.5", "'1.5'"],
    ["i32 = 'x'", "cannot compare i32 (int32) with the string 'x' at 1:7", "'x'"],
    ["i32 = X'ff'", "cannot compare i32 (int32) with the bytes X'ff' at 1:7", "X'ff'"],
    ["bin ICONTAINS X'ff'", "ICONTAINS folds the case of text, not bytes: compare bytes with CONTAINS at 1:15", "X'ff'"],
    ["bin MATCHES X'ff'", 'MATCHES takes a regular expression in plain quotes, not bytes: compare bytes with CONTAINS at 1:13', "X'ff'"],
    ['i32 = null', 'a comparison with null is never true: write i32 IS NULL or i32 IS NOT NULL at 1:7', 'null'],
    ['flag = 1', 'cannot compare flag (bool) with the number 1 at 1:8; write true or false', '1'],
    ['ts >= 5', "cannot compare ts (timestamp[us]) with the number 5 at 1:7; write the timestamp as a string: '2016-01-01 12:00:00'", '5'],
    ["ts >= 'yesterday'", "cannot compare ts (timestamp[us]) with the string 'yesterday' at 1:7: it is not a date or timestamp (write '2016-01-01 12:00:00')", "'yesterday'"],
    ["ts >= '2016-01-01 00:00:00Z'", "ts (timestamp[us]) has no time zone: write '2016-01-01 00:00:00' without the offset at 1:7", "'2016-01-01 00:00:00Z'"],
    ["day = '2016-02-30'", "cannot compare day (date32[day]) with the string '2016-02-30' at 1:7: it is not a date (write '2016-01-01')", "'2016-02-30'"],
    ["t > '25:00'", "cannot compare t (time64[us]) with the string '25:00' at 1:5: it is not a time (write '13:45:00')", "'25:00'"],
    ['dec IN (1, true)', 'cannot compare dec (decimal128(20, 3)) with true at 1:12', 'true'],
    ["i32 CONTAINS 'x'", 'CONTAINS needs a string column; i32 is int32 at 1:5', 'CONTAINS'],
    ["f64 ISTARTS WITH 'x'", 'ISTARTS WITH needs a string column; f64 is double at 1:5', 'ISTARTS'],
    ['i32', 'i32 is int32, not bool: a column alone is a condition only when it is bool; compare it with a value (i32 = …) at 1:1', 'i32'],
    ["s MATCHES '('", "not a valid regular expression at 1:11: /(/u: Unterminated group", "'('"],
    ["s MATCHES '/x/g'", 'unknown regular expression flag in /…/g at 1:11; use i, m or s', "'/x/g'"],
  ];
  for (const [text, message, token] of cases) {
    it(text, () => expect(bindError(types, text)).toEqual({ message, token }));
  }
});

describe('values become exact comparisons in the column unit', () => {
  it('int64 and uint64 past 2^53 as bigints', () => {
    expect(leaf('i64 = 9007199254740993')).toEqual({ test: 'compare', op: '=', value: 9007199254740993n });
    expect(leaf('u64 > 18446744073709551614')).toEqual({ test: 'compare', op: '>', value: 18446744073709551614n });
  });
  it('a fraction against integers: the nearest integer comparison, or a constant', () => {
    expect(leaf('i32 > 2.5')).toEqual({ test: 'compare', op: '>', value: 2 });
    expect(leaf('i32 >= 2.5')).toEqual({ test: 'compare', op: '>', value: 2 });
    expect(leaf('i32 < -2.5')).toEqual({ test: 'compare', op: '<=', value: -3 });
    expect(leaf('i32 = 2.5')).toEqual({ test: 'const', value: false });
    expect(leaf('i32 != 2.5')).toEqual({ test: 'const', value: true });
    expect(leaf('i32 = 2.50e1')).toEqual({ test: 'compare', op: '=', value: 25 });
  });
  it('decimals as unscaled integers at the column scale', () => {
    expect(leaf('dec > 1.2')).toEqual({ test: 'compare', op: '>', value: 1200n });
    expect(leaf('dec = 12345678901234567.891')).toEqual({ test: 'compare', op: '=', value: 12345678901234567891n });
    expect(leaf('dec = 0.0005')).toEqual({ test: 'const', value: false });
  });
  it('dates, times and timestamps in the column unit (UTC when a zoned column gets no offset)', () => {
    expect(leaf("day >= '1970-01-02'")).toEqual({ test: 'compare', op: '>=', value: 1 });
    expect(leaf("day > '1970-01-02 12:00'")).toEqual({ test: 'compare', op: '>', value: 1 });
    expect(leaf("ts >= '2016-01-01'")).toEqual({ test: 'compare', op: '>=', value: 1451606400000000n });
    expect(leaf("ts < '1970-01-01T00:00:00.0000015'")).toEqual({ test: 'compare', op: '<=', value: 1n });
    expect(leaf("tsny >= '2016-01-01'")).toEqual({ test: 'compare', op: '>=', value: 1451606400000000000n });
    expect(leaf("tsny >= '2016-01-01 00:00:00-05:00'")).toEqual({ test: 'compare', op: '>=', value: 1451624400000000000n });
    expect(leaf("tsutc = '2016-01-01T00:00:00+05:30:15'")).toEqual({ test: 'compare', op: '=', value: 1451586585000n });
    expect(leaf("t = '13:45:07.25'")).toEqual({ test: 'compare', op: '=', value: 49507250000n });
  });
  it('strings as UTF-8 bytes; case-insensitive and regex tests as JavaScript regular expressions with u', () => {
    expect(leaf("s = 'é😀'")).toEqual({ test: 'compare', op: '=', value: new Uint8Array([0xc3, 0xa9, 0xf0, 0x9f, 0x98, 0x80]) });
    expect(leaf("s CONTAINS 'ab'")).toEqual({ test: 'bytes', op: 'contains', needle: new Uint8Array([0x61, 0x62]) });
    expect(leaf("s ISTARTS WITH 'a.b'")).toEqual({ test: 'regex', source: '^a\\.b', flags: 'iu' });
    expect(leaf("s IENDS WITH 'x'")).toEqual({ test: 'regex', source: 'x$', flags: 'iu' });
    expect(leaf("s ~ '/^a/ms'")).toEqual({ test: 'regex', source: '^a', flags: 'msu' });
    expect(leaf("s ~* 'a/b'")).toEqual({ test: 'regex', source: 'a/b', flags: 'iu' });
  });
  it('IN keeps the values that can match and notes a null', () => {
    expect(leaf('i32 IN (1, 2.5, null)')).toEqual({ test: 'in', values: [1], nullInList: true });
  });
});
