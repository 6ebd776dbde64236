import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  Binary, Bool, DateDay, DateMillisecond, Decimal, Dictionary, DurationNanosecond, Field, FixedSizeBinary, FixedSizeList, Float16, Float32, Float64,
  Int16, Int32, Int64, Int8, IntervalDayTime, IntervalMonthDayNano, IntervalYearMonth, LargeBinary, LargeList, LargeUtf8, List, Map_, RecordBatch,
  RecordBatchStreamWriter, Schema, Struct, TimeMicrosecond, TimeNanosecond, TimeSecond, TimestampNanosecond, Uint16, Uint32, Uint64, Uint8, Utf8,
  makeData, makeVector, vectorFromArray, type DataType, type Vector,
} from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { normalizeData } from '../../scripts/corpus/normalizeData';
import { BIG_ENDIAN_NOTE } from '../../src/arrow/openArrow';
import { openDataset } from '../../src/dataset/openDataset';
import type { Dataset } from '../../src/model/types';
import { BlobSource } from '../../src/source/blobSource';
import { vectorText } from '../../src/valueText';
import { expectPyarrowText, pyarrowGold } from './support/goldText';
import { ipcMessages } from './support/ipcMessages';
import { toBigEndian } from './support/toBigEndian';

const WRITERS = resolve(__dirname, '../fixtures/writers');
const open = async (bytes: Uint8Array, name: string) => {
  const ds = await openDataset(new BlobSource(new Blob([bytes as BlobPart]), name));
  await ds.indexed;
  return ds;
};
const rowsText = (v: Vector) => ({ raw: v.data.flatMap((d) => normalizeData(d)), shown: vectorText(v) });

/** Every column of every batch (whole, and windows at unaligned starts) reads the same from both. */
async function expectSameValues(big: Dataset, little: Dataset): Promise<number> {
  expect(big.chunks.map((c) => c.rows)).toEqual(little.chunks.map((c) => c.rows));
  let values = 0;
  for (let b = 0; b < little.chunks.length; b++) {
    for (let c = 0; c < little.fields.length; c++) {
      const where = `batch ${b} column ${little.fields[c].name}`;
      expect(rowsText(await big.readColumn(b, c)), where).toEqual(rowsText(await little.readColumn(b, c)));
      const rows = little.chunks[b].rows;
      for (const [start, end] of [[1, 4], [Math.max(0, rows - 2), rows]]) {
        if (end <= start || end > rows) continue;
        expect(rowsText(await big.readColumn(b, c, { start, end })), `${where} rows ${start}-${end}`).toEqual(rowsText(await little.readColumn(b, c, { start, end })));
      }
      values += rows;
    }
  }
  return values;
}

/** One column of every apache-arrow type with multi-byte words, nulls included. */
function everyType(): Uint8Array {
  const n = 6;
  const ints = [1, -2, null, 127, -128, 0];
  const big = [1n, -2n, null, 2n ** 62n, -(2n ** 63n), 0n];
  const columns: [string, Vector][] = [
    ['int8', vectorFromArray(ints, new Int8())],
    ['int16', vectorFromArray([1, -2, null, 32767, -32768, 258], new Int16())],
    ['int32', vectorFromArray([1, -2, null, 2 ** 31 - 1, -(2 ** 31), 65536], new Int32())],
    ['int64', vectorFromArray(big, new Int64())],
    ['uint8', vectorFromArray([1, 2, null, 255, 0, 7], new Uint8())],
    ['uint16', vectorFromArray([1, 2, null, 65535, 0, 258], new Uint16())],
    ['uint32', vectorFromArray([1, 2, null, 2 ** 32 - 1, 0, 65536], new Uint32())],
    ['uint64', vectorFromArray([1n, 2n, null, 2n ** 64n - 1n, 0n, 256n], new Uint64())],
    ['float16', vectorFromArray([0.5, -2, null, 65504, 0.1, -0], new Float16())],
    ['float32', vectorFromArray([0.5, -2, null, 3.4e38, 0.1, -0], new Float32())],
    ['float64', vectorFromArray([0.5, -2, null, 1e300, 0.1, Number.NaN], new Float64())],
    ['bool', vectorFromArray([true, false, null, true, true, false], new Bool())],
    ['utf8', vectorFromArray(['a', 'bé', null, '', 'long text here', 'z'], new Utf8())],
    ['large_utf8', vectorFromArray(['a', 'bé', null, '', 'long text here', 'z'], new LargeUtf8())],
    ['binary', vectorFromArray([Uint8Array.of(1, 2), Uint8Array.of(), null, Uint8Array.of(255), Uint8Array.of(0, 0, 1), Uint8Array.of(9)], new Binary())],
    ['large_binary', vectorFromArray([Uint8Array.of(1, 2), Uint8Array.of(), null, Uint8Array.of(255), Uint8Array.of(0, 0, 1), Uint8Array.of(9)], new LargeBinary())],
    ['fixed_binary', vectorFromArray([Uint8Array.of(1, 2, 3), Uint8Array.of(4, 5, 6), null, Uint8Array.of(7, 8, 9), Uint8Array.of(0, 0, 0), Uint8Array.of(1, 1, 1)], new FixedSizeBinary(3))],
    ['date_day', vectorFromArray([0, -86_400_000, null, 253_402_214_400_000, 86_400_000, 1_600_000_000_000].map((x) => (x === null ? null : new Date(x))), new DateDay())],
    ['date_ms', vectorFromArray([0, -86_400_000, null, 253_402_214_400_000, 86_400_000, 1_600_000_000_000].map((x) => (x === null ? null : new Date(x))), new DateMillisecond())],
    ['time_s', vectorFromArray([0, 1, null, 86_399, 45_296, 7], new TimeSecond())],
    ['time_us', makeVector(makeData({ type: new TimeMicrosecond(), length: n, nullCount: 0, data: BigInt64Array.of(0n, 1n, 86_399_999_999n, 5n, 45_296_250_000n, 7n) }))],
    ['time_ns', makeVector(makeData({ type: new TimeNanosecond(), length: n, nullCount: 0, data: BigInt64Array.of(0n, 1n, 86_399_999_999_999n, 5n, 45_296_250_000_001n, 7n) }))],
    ['timestamp_ns', makeVector(makeData({ type: new TimestampNanosecond('America/New_York'), length: n, nullCount: 0, data: BigInt64Array.of(0n, 1_577_836_800_123_456_789n, -1n, 5n, 2n ** 62n, -(2n ** 62n)) }))],
    ['duration_ns', makeVector(makeData({ type: new DurationNanosecond(), length: n, nullCount: 0, data: BigInt64Array.of(0n, -1n, 93_784_500_000_000n, 5n, 2n ** 62n, -(2n ** 62n)) }))],
    ['interval_ym', makeVector(makeData({ type: new IntervalYearMonth(), length: n, nullCount: 0, data: Int32Array.of(14, -1, 0, 2 ** 31 - 1, -(2 ** 31), 3) }))],
    ['interval_dt', makeVector(makeData({ type: new IntervalDayTime(), length: n, nullCount: 0, data: Int32Array.of(1, 500, -1, -2, 0, 0, 2 ** 31 - 1, 7, 3, 86_399_999, 9, 9) }))],
    ['interval_mdn', makeVector(makeData({ type: new IntervalMonthDayNano(), length: n, nullCount: 0, data: Int32Array.of(1, 2, 3, 0, -1, 0, -3, -1, 0, 0, 0, 1 << 30, 14, -30, 1, 0, 5, 5, 5, 5, 0, 0, 0, 0) }))],
    ['decimal32', makeVector(makeData({ type: new Decimal(2, 9, 32), length: n, nullCount: 0, data: Uint32Array.of(12810, 2 ** 32 - 5, 0, 999_999_999, 1, 7) }))],
    ['decimal64', makeVector(makeData({ type: new Decimal(4, 18, 64), length: n, nullCount: 0, data: new Uint32Array(BigInt64Array.of(12810n, -5n, 0n, 10n ** 17n, 1n, -(10n ** 17n)).buffer) }))],
    ['decimal128', makeVector(makeData({ type: new Decimal(10, 38, 128), length: n, nullCount: 0, data: new Uint32Array(BigInt64Array.of(12810n, 0n, -5n, -1n, 0n, 0n, -1n, 2n ** 62n, 1n, 0n, 123n, -(2n ** 60n)).buffer) }))],
    ['decimal256', makeVector(makeData({ type: new Decimal(20, 76, 256), length: n, nullCount: 0, data: new Uint32Array(BigInt64Array.from({ length: 24 }, (_, i) => BigInt(i * 7919 - 50) * (i % 4 === 3 ? -1n : 1n)).buffer) }))],
    ['list', vectorFromArray([[1, 2], [], null, [3], [4, 5, 6], [-1]], new List(new Field('item', new Int16(), true)))],
    ['large_list', vectorFromArray([[1n], [], null, [3n], [4n, 5n], [-1n]], new LargeList(new Field('item', new Int64(), true)))],
    ['fixed_list', vectorFromArray([[1, 2], [3, 4], null, [5, 6], [7, 8], [9, 10]], new FixedSizeList(2, new Field('item', new Float32(), true)))],
    ['struct', vectorFromArray([{ a: 1, b: 'x' }, { a: 2, b: null }, null, { a: -3, b: 'z' }, { a: 4, b: '' }, { a: 5, b: 'w' }], new Struct([new Field('a', new Int32(), true), new Field('b', new Utf8(), true)]))],
    ['map', vectorFromArray([new Map([['k', 1]]), new Map(), null, new Map([['a', -2], ['b', 3]]), new Map([['z', 0]]), new Map([['q', 9]])], new Map_(new Field('entries', new Struct<{ key: Utf8; value: Int32 }>([new Field('key', new Utf8(), false), new Field('value', new Int32(), true)]), false)))],
    ['dictionary', vectorFromArray(['red', 'green', null, 'red', 'blue', 'green'], new Dictionary(new Utf8(), new Int16()))],
  ];
  const schema = new Schema(columns.map(([name, v]) => new Field(name, v.type as DataType, true)));
  const batch = new RecordBatch(schema, makeData({ type: new Struct(schema.fields), length: n, nullCount: 0, children: columns.map(([, v]) => v.data[0]) }));
  return RecordBatchStreamWriter.writeAll([batch, batch.slice(2, 5)]).toUint8Array(true);
}

const PYARROW = ['run_end_encoded.arrows', 'run_end_encoded_long.arrows', 'list_view.arrows', 'list_view_nested.arrow', 'string_view.arrows', 'decimals.arrows', 'float16.arrows', 'timestamps.arrows', 'intervals.arrows', 'union_v4.arrows', 'legacy_framing.arrows'];

describe('big-endian IPC data is byte-swapped on read', () => {
  it('every apache-arrow type with multi-byte words reads the same as the little-endian original', async () => {
    const little = everyType();
    const bigBytes = toBigEndian(little);
    expect(ipcMessages(bigBytes)[1].body).not.toEqual(ipcMessages(little)[1].body);
    const big = await open(bigBytes, 'be.arrows');
    const le = await open(little, 'le.arrows');
    expect(big.problems.map((p) => p.message)).toEqual([BIG_ENDIAN_NOTE]);
    expect(le.problems).toEqual([]);
    expect(big.fields.filter((f) => f.unsupported)).toEqual([]);
    expect(await expectSameValues(big, le)).toBe(37 * 9);
  });

  it.each(PYARROW)('pyarrow/%s, made big-endian, reads as pyarrow reads the original', async (name) => {
    const file = readFileSync(join(WRITERS, 'pyarrow', name));
    const stream = name.endsWith('.arrow') ? file.subarray(8) : file; // an IPC file holds a stream after its 8-byte magic
    const big = await open(toBigEndian(stream), 'be.arrows');
    const le = await open(file, name);
    expect(big.problems.map((p) => p.message)).toEqual([BIG_ENDIAN_NOTE]);
    await expectSameValues(big, le);
    await expectPyarrowText(big, pyarrowGold('writers', `pyarrow/${name}`));
  });
});
