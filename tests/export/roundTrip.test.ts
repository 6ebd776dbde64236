import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { Decimal, Dictionary, Field, FixedSizeBinary, Int64, Int8, List, makeData, makeVector, RecordBatchStreamWriter, Struct, Table, tableFromIPC, TimestampMillisecond, TimestampSecond, Utf8, vectorFromArray, type Vector } from 'apache-arrow';
import { parquetReadObjects } from 'hyparquet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportRows, writtenTypeChanges } from '../../src/compute/export';
import { tempFile } from '../support/files';
import { vectorText } from '../../src/valueText';
import type { Dataset } from '../../src/model/types';
import { openFile } from '../filter/support';
import { MemorySink, parseCsv, readBack, readSource } from './support';

/**
 * Each format exported, then read back with readers we did not write (apache-arrow tableFromIPC for
 * .arrow/.arrows, parquet-wasm and hyparquet for .parquet, a CSV parse for .csv) and compared with the
 * source read independently (apache-arrow for Arrow files, parquet-wasm for Parquet): the same types,
 * metadata and values (as text, by docs/VALUE_TEXT.md, and as JS values through hyparquet).
 */
const ROOT = join(__dirname, '../..');
const FILES = ['public/sample.arrow', 'tests/filter/fixtures/filter_types.arrow', 'tests/filter/fixtures/filter_types.arrows', 'tests/filter/fixtures/filter_types.parquet', 'tests/fixtures/corpus/arrow-testing/data/arrow-ipc-stream/integration/cpp-21.0.0/generated_primitive.arrow_file', 'tests/fixtures/corpus/arrow-testing/data/arrow-ipc-stream/integration/cpp-21.0.0/generated_datetime.arrow_file', 'tests/fixtures/writers/pyarrow/timestamps.arrows'];

const texts = (v: Vector | null): (string | null)[] => (v ? vectorText(v) : []);

/** A type as pyarrow reads it back from a Parquet file it wrote: Parquet has no seconds, no date in ms. */
const parquetType = (type: string): string => type.replace(/^Date64<MILLISECOND>$/, 'Date32<DAY>').replace(/^Time32<SECOND>$/, 'Time32<MILLISECOND>').replace(/^Timestamp<SECOND/, 'Timestamp<MILLISECOND');

/** A JS value as hyparquet and apache-arrow both give it, made comparable (NaN, bigint, bytes). */
function plain(v: unknown): unknown {
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') return Number.isNaN(v) ? 'NaN' : v;
  if (v instanceof Uint8Array) return Array.from(v);
  return v ?? null;
}

for (const rel of FILES) {
  describe(rel, () => {
    let dataset: Dataset;
    let source: Table;
    beforeAll(async () => {
      dataset = await openFile(join(ROOT, rel));
      source = readSource(rel);
    });
    afterAll(() => dataset?.close());

    for (const format of ['arrows', 'arrow', 'parquet'] as const) {
      it(`${format}: same schema, metadata and values`, async () => {
        const sink = new MemorySink();
        const result = await exportRows(dataset, { format }, sink);
        expect(sink.closed).toBe(true);
        expect(result.rows).toBe(source.numRows);
        const back = readBack(format, sink.bytes);
        expect(back.numRows).toBe(source.numRows);
        const typeOf = (t: unknown) => (format === 'parquet' ? parquetType(String(t)) : String(t));
        expect(back.schema.fields.map((f) => `${f.name}: ${String(f.type)}`)).toEqual(source.schema.fields.map((f) => `${f.name}: ${typeOf(f.type)}`));
        if (format !== 'parquet') {
          expect(back.schema.fields.map((f) => Object.fromEntries(f.metadata))).toEqual(source.schema.fields.map((f) => Object.fromEntries(f.metadata)));
          expect(Object.fromEntries(back.schema.metadata)).toEqual(Object.fromEntries(source.schema.metadata));
      } else {
        expect(back.schema.metadata.get('ARROW:schema')).toBeUndefined();
        }
        for (let c = 0; c < source.numCols; c++) expect(texts(back.getChildAt(c)), source.schema.fields[c].name).toEqual(texts(source.getChildAt(c)));
      });
    }

    it("arrow and arrows in groups of 7 rows: a chunk's other dictionary becomes a delta (file) or a replacement (stream)", async () => {
      for (const format of ['arrow', 'arrows'] as const) {
        const sink = new MemorySink();
        await exportRows(dataset, { format, groupRows: 7 }, sink);
        const back = readBack(format, sink.bytes);
        expect(back.schema.fields.map((f) => String(f.type))).toEqual(source.schema.fields.map((f) => String(f.type)));
        for (let c = 0; c < source.numCols; c++) expect(texts(back.getChildAt(c)), source.schema.fields[c].name).toEqual(texts(source.getChildAt(c)));
      }
    });

    it('rows in any order (here reversed, in groups of 5): every type taken row by row', async () => {
      const order = Float64Array.from({ length: source.numRows }, (_, i) => source.numRows - 1 - i);
      for (const format of ['arrows', 'csv'] as const) {
        const sink = new MemorySink();
        await exportRows(dataset, { format, order, groupRows: 5, formulaGuard: false }, sink);
        const rows = format === 'csv' ? parseCsv(new TextDecoder().decode(sink.bytes)).slice(1) : null;
        const back = format === 'arrows' ? readBack(format, sink.bytes) : null;
        for (let c = 0; c < source.numCols; c++) {
          const expected = texts(source.getChildAt(c)).reverse();
          if (back) expect(texts(back.getChildAt(c)), source.schema.fields[c].name).toEqual(expected);
          else expect(rows!.map((r) => r[c]), source.schema.fields[c].name).toEqual(expected.map((t) => t ?? ''));
        }
      }
    });

    it('parquet: hyparquet reads the same values', async () => {
      const sink = new MemorySink();
      await exportRows(dataset, { format: 'parquet' }, sink);
      const bytes = sink.bytes;
      const rows = await parquetReadObjects({ file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) as ArrayBuffer, utf8: false });
      expect(rows.length).toBe(source.numRows);
      const simple = source.schema.fields.filter((f) => /^(Int|Uint|Float|Utf8|LargeUtf8|Bool|Binary)/.test(String(f.type)));
      for (const f of simple) {
        const column = source.getChild(f.name)!;
        expect(rows.map((r) => plain(r[f.name])), f.name).toEqual(Array.from({ length: source.numRows }, (_, i) => plain(column.get(i))));
      }
    });

    it('csv: the value text of every cell, nulls empty', async () => {
      const sink = new MemorySink();
      await exportRows(dataset, { format: 'csv', formulaGuard: false }, sink);
      const records = parseCsv(new TextDecoder().decode(sink.bytes));
      expect(records[0]).toEqual(source.schema.fields.map((f) => f.name));
      expect(records.length).toBe(source.numRows + 1);
      for (let c = 0; c < source.numCols; c++) {
        const expected = texts(source.getChildAt(c)).map((t) => t ?? '');
        expect(records.slice(1).map((r) => r[c]), source.schema.fields[c].name).toEqual(expected);
      }
    });
  });
}

describe('nested columns (struct, list, fixed_size_list) taken row by row', () => {
  const rel = 'tests/fixtures/corpus/arrow-testing/data/arrow-ipc-stream/integration/cpp-21.0.0/generated_nested.arrow_file';
  let dataset: Dataset;
  let source: Table;
  beforeAll(async () => {
    dataset = await openFile(join(ROOT, rel));
    source = readSource(rel);
  });
  afterAll(() => dataset?.close());

  it('arrow file and stream, rows reversed in groups of 3: the same schema and values', async () => {
    const order = Float64Array.from({ length: source.numRows }, (_, i) => source.numRows - 1 - i);
    for (const format of ['arrow', 'arrows'] as const) {
      const sink = new MemorySink();
      await exportRows(dataset, { format, order, groupRows: 3 }, sink);
      const back = readBack(format, sink.bytes);
      expect(back.schema.fields.map((f) => String(f.type))).toEqual(source.schema.fields.map((f) => String(f.type)));
      for (let c = 0; c < source.numCols; c++) expect(texts(back.getChildAt(c)), source.schema.fields[c].name).toEqual(texts(source.getChildAt(c)).reverse());
    }
  });

  it('parquet, rows reversed in groups of 3: fixed_size_list written as list, the same values', async () => {
    const order = Float64Array.from({ length: source.numRows }, (_, i) => source.numRows - 1 - i);
    const sink = new MemorySink();
    await exportRows(dataset, { format: 'parquet', order, groupRows: 3 }, sink);
    const back = readBack('parquet', sink.bytes);
    expect(back.schema.fields.map((f) => String(f.type))).toEqual(source.schema.fields.map((f) => String(f.type).replace(/^FixedSizeList\[\d+\]</, 'List<')));
    for (let c = 0; c < source.numCols; c++) expect(texts(back.getChildAt(c)), source.schema.fields[c].name).toEqual(texts(source.getChildAt(c)).reverse());
  });
});

describe('columns Parquet cannot hold', () => {
  it('parquet refuses fixed_size_binary[0] with a sentence (its writer trapped, ending the process)', async () => {
    const dataset = await openFile(join(ROOT, 'tests/fixtures/writers/pyarrow/fixed_size_binary_zero.arrows'));
    await expect(exportRows(dataset, { format: 'parquet' }, new MemorySink())).rejects.toThrow(/holds fixed_size_binary\[0\] values, which Parquet cannot hold/);
    await dataset.close();
  });
});

describe('dictionary columns of a Parquet file', () => {
  it('two dictionary columns (each decoded with id 0) export to every binary format with their values', async () => {
    // It failed with "Cannot create Schema containing two different dictionaries with the same Id".
    const rel = 'tests/fixtures/writers/parquet/arrow_schema_large_types.parquet';
    const dataset = await openFile(join(ROOT, rel));
    const source = readSource(rel);
    for (const format of ['arrow', 'arrows', 'parquet'] as const) {
      const sink = new MemorySink();
      await exportRows(dataset, { format }, sink);
      const back = readBack(format, sink.bytes);
      for (const name of ['dict_text', 'dict_int8']) expect(texts(back.getChild(name)), `${format} ${name}`).toEqual(texts(source.getChild(name)));
    }
    await dataset.close();
  });
});

describe('dictionaries of other values than text, into Parquet', () => {
  // A dictionary of lists or structs was written as no rows ("5 rows written"), or ended the process
  // with code 13 beside another column; a dictionary of zoned timestamps came back in UTC, of date64 or
  // durations as bare integers; a dictionary of fixed_size_binary made a file pyarrow cannot read.
  const indices = Int8Array.from([0, 1, -1, 1, 0]);
  const dictionary = (values: Vector) => makeData({ type: new Dictionary(values.type, new Int8()), length: 5, nullCount: 1, nullBitmap: Uint8Array.from([0b11011]), data: indices, dictionary: values } as never);
  const columns = {
    dl: dictionary(vectorFromArray([['a', null], []], new List(new Field('item', new Utf8(), true)))),
    dt: dictionary(vectorFromArray([0, 1_000_000_000_000], new TimestampMillisecond('America/New_York'))),
    db: dictionary(makeVector(makeData({ type: new FixedSizeBinary(2), length: 2, nullCount: 0, data: Uint8Array.from([97, 98, 99, 100]) }))),
    i: vectorFromArray([1n, 2n, 3n, 4n, 5n], new Int64()).data[0],
  };
  const FILE = tempFile('dictionary-values.arrows', RecordBatchStreamWriter.writeAll(new Table(columns as never)).toUint8Array(true));

  it('are written as their values, every row, with a sentence for each type change', async () => {
    const dataset = await openFile(FILE);
    const source = tableFromIPC(readFileSync(FILE));
    const sink = new MemorySink();
    await exportRows(dataset, { format: 'parquet' }, sink);
    const back = readBack('parquet', sink.bytes);
    expect(back.numRows).toBe(5);
    for (const name of ['dl', 'dt', 'db', 'i']) expect(texts(back.getChild(name)), name).toEqual(texts(source.getChild(name)));
    expect(String(back.getChild('dt')!.type)).toBe('Timestamp<MILLISECOND, America/New_York>');
    expect(writtenTypeChanges(dataset, [0, 1, 2, 3], 'parquet')).toEqual([
      'Column "dl" is written as list<item: string>, not dictionary<values=list<item: string>, indices=int8, ordered=0> as shown: Parquet holds it so (as pyarrow writes it; the same values).',
      'Column "dt" is written as timestamp[ms, tz=America/New_York], not dictionary<values=timestamp[ms, tz=America/New_York], indices=int8, ordered=0> as shown: Parquet holds it so (as pyarrow writes it; the same values).',
      'Column "db" is written as fixed_size_binary[2], not dictionary<values=fixed_size_binary[2], indices=int8, ordered=0> as shown: Parquet holds it so (as pyarrow writes it; the same values).',
    ]);
    await dataset.close();
  });

  it('inside a nested column, a negative decimal scale and seconds past int64 milliseconds are refused with a sentence', async () => {
    const refused = async (name: string, data: ReturnType<typeof makeData>, why: RegExp) => {
      const dataset = await openFile(tempFile(`${name}.arrows`, RecordBatchStreamWriter.writeAll(new Table({ [name]: data } as never)).toUint8Array(true)));
      await expect(exportRows(dataset, { format: 'parquet' }, new MemorySink()), name).rejects.toThrow(why);
      await dataset.close();
    };
    const inner = dictionary(vectorFromArray([0, 1], new TimestampMillisecond('UTC')));
    await refused('nested', makeData({ type: new Struct([new Field('d', inner.type)]), length: 5, nullCount: 0, children: [inner] }), /dictionary<values=timestamp\[ms, tz=UTC\], indices=int8, ordered=0> values inside a nested column, which cannot be written to Parquet yet/);
    await refused('dec', makeData({ type: new Decimal(-2, 5, 128), length: 1, nullCount: 0, data: new Uint32Array(4) }), /decimal128\(5, -2\) values, which Parquet cannot hold/);
    await refused('ts', makeData({ type: new TimestampSecond(), length: 1, nullCount: 0, data: BigInt64Array.from([2n ** 62n]) }), /A timestamp\[s\] value \(4611686018427387904 seconds\) is past what Parquet's milliseconds can hold/);
  });
});

describe("a Parquet file's field metadata", () => {
  it("is kept by every binary export, as pyarrow's read_table gives it (it was dropped)", async () => {
    // tests/parquet/fixtures/field_metadata.parquet; pyarrow 25: a {PARQUET:field_id: 7, unit: m}, s {k: v}.
    const dataset = await openFile(join(ROOT, 'tests/parquet/fixtures/field_metadata.parquet'));
    for (const format of ['arrow', 'arrows', 'parquet'] as const) {
      const sink = new MemorySink();
      await exportRows(dataset, { format }, sink);
      const fields = readBack(format, sink.bytes).schema.fields;
      expect(fields.map((f) => Object.fromEntries(f.metadata)), format).toEqual([{ 'PARQUET:field_id': '7', unit: 'm' }, { k: 'v' }]);
    }
    await dataset.close();
  });

  it("a nested field's is kept too (it was dropped: the values come from parquet-wasm without it)", async () => {
    // tests/parquet/fixtures/nested_metadata.parquet; pq.read_schema (pyarrow 25): s.x {PARQUET:field_id: 11, inner: 1},
    // l.element {it: 2}, m's key {k: 3} and value {v: 4}, ls.element {el: 6}, ls.element.a {deep: 5}.
    const dataset = await openFile(join(ROOT, 'tests/parquet/fixtures/nested_metadata.parquet'));
    const nested = (f: Field): Record<string, unknown> => ({ ...Object.fromEntries(f.metadata), ...Object.fromEntries((f.type.children ?? []).map((c: Field) => [c.name, nested(c)])) });
    for (const format of ['arrow', 'arrows', 'parquet'] as const) {
      const sink = new MemorySink();
      await exportRows(dataset, { format }, sink);
      const fields = readBack(format, sink.bytes).schema.fields;
      expect(fields.map(nested), format).toEqual([
        { outer: '0', x: { 'PARQUET:field_id': '11', inner: '1' } },
        { element: { it: '2' } },
        { entries: { key: { k: '3' }, value: { v: '4' } } },
        { element: { el: '6', a: { deep: '5' } } },
      ]);
    }
    await dataset.close();
  });
});
