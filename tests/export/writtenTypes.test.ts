import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeVector, Table, tableFromIPC, type Vector } from 'apache-arrow';
import { Table as WasmTable } from 'parquet-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportRows, writtenTypeChanges } from '../../src/compute/export';
import type { Dataset } from '../../src/model/types';
import { vectorText } from '../../src/valueText';
import { openFile } from '../filter/support';
import { MemorySink, readBack, readSource } from './support';
import { tempFile } from '../support/files';

/**
 * Exports of types written in another or taken apart (views, list views, run-end encoded, unions;
 * Parquet's other units below the top level, fixed_size_list), of null-typed children, and of files
 * without rows, read back by parquet-wasm (arrow-rs, whose
 * readers check what pyarrow does not) and compared with pyarrow's values of the source.
 */
const ROOT = join(__dirname, '../..');
const texts = (v: Vector | null): (string | null)[] => (v ? vectorText(v) : []);

/** pyarrow's gold of a fixture of tests/fixtures/writers (scripts/gold/pyarrow_gold.py): its rows and each column's value texts. */
const pyarrowGold = (name: string) => JSON.parse(readFileSync(join(ROOT, `tests/gold/writers/pyarrow__${name}.json`), 'utf8')) as { rows: number; columns: { values: (string | null)[] }[] };

/** The file opened before the describe block's tests and closed after them. */
function opened(rel: string): () => Dataset {
  let dataset: Dataset;
  beforeAll(async () => {
    dataset = await openFile(join(ROOT, rel));
  });
  afterAll(() => dataset?.close());
  return () => dataset;
}

async function exported(dataset: Dataset, format: 'arrows' | 'parquet'): Promise<Uint8Array> {
  const sink = new MemorySink();
  await exportRows(dataset, { format }, sink);
  return sink.bytes;
}

describe('date64, time32[s] and timestamp[s] in a struct, a list and a map; a dictionary of large strings', () => {
  const rel = 'tests/fixtures/writers/pyarrow/export_units.arrows';
  const dataset = opened(rel);

  it('Parquet: written in the units pyarrow writes (not bare integers), the same values, every change announced', async () => {
    const source = readSource(rel);
    const back = readBack('parquet', await exported(dataset(), 'parquet'));
    expect(back.schema.fields.map((f) => String(f.type))).toEqual(['Struct<{t:Time32<MILLISECOND>, d:Date32<DAY>}>', 'List<Timestamp<MILLISECOND, Asia/Kolkata>>', 'Map<{key:Utf8, value:Time32<MILLISECOND>}>', 'Dictionary<Int32, LargeUtf8>']);
    for (let c = 0; c < source.numCols; c++) expect(texts(back.getChildAt(c)), source.schema.fields[c].name).toEqual(texts(source.getChildAt(c)));
    const said = (column: string, written: string, shown: string) => `Column "${column}" is written as ${written}, not ${shown} as shown: Parquet holds it so (as pyarrow writes it; the same values).`;
    expect(writtenTypeChanges(dataset(), [0, 1, 2, 3], 'parquet')).toEqual([
      said('units', 'struct<t: time32[ms], d: date32[day]>', 'struct<t: time32[s], d: date64[ms]>'),
      said('stamps', 'list<item: timestamp[ms, tz=Asia/Kolkata]>', 'list<item: timestamp[s, tz=Asia/Kolkata]>'),
      said('clocks', 'map<string, time32[ms]>', 'map<string, time32[s]>'),
      // pyarrow reads a Parquet dictionary of large strings back as one of strings, its own files too
      said('words', 'dictionary<values=string, indices=int32, ordered=0>', 'dictionary<values=large_string, indices=int32, ordered=0>'),
    ]);
  });
});

describe('fixed_size_list with null lists, alone, in a null struct, in a list and as a tensor', () => {
  const rel = 'tests/fixtures/writers/pyarrow/fixed_lists.arrows';
  const gold = pyarrowGold('fixed_lists.arrows');
  const dataset = opened(rel);

  it('Parquet, whole and rows reversed in groups of 3: written as lists (pyarrow reads no fixed_size_list back once one is null), the values pyarrow shows, each change announced', async () => {
    const n = gold.rows;
    for (const order of [undefined, Float64Array.from({ length: n }, (_, i) => n - 1 - i)]) {
      const sink = new MemorySink();
      await exportRows(dataset(), { format: 'parquet', order, groupRows: 3 }, sink);
      const back = readBack('parquet', sink.bytes);
      expect(back.schema.fields.map((f) => String(f.type))).toEqual(['List<Int32>', 'Struct<{v:List<Float32>}>', 'List<List<Int8>>', 'List<Int16>', 'List<Date32<DAY>>']);
      // the tensor's extension is not written over a list, which readers refuse as its storage
      expect(back.schema.fields[3].metadata.has('ARROW:extension:name')).toBe(false);
      gold.columns.forEach((column, c) => expect(texts(back.getChildAt(c)), back.schema.fields[c].name).toEqual(order ? [...column.values].reverse() : column.values));
    }
    const said = (column: string, written: string, shown: string) => `Column "${column}" is written as ${written}, not ${shown} as shown: written so for pyarrow (it cannot read a fixed_size_list back from Parquet once a list, or a struct above it, is null; the same values).`;
    expect(writtenTypeChanges(dataset(), [0, 1, 2, 3, 4], 'parquet')).toEqual([
      said('flat', 'list<item: int32>', 'fixed_size_list<item: int32>[2]'),
      said('held', 'struct<v: list<item: float>>', 'struct<v: fixed_size_list<item: float>[3]>'),
      said('listed', 'list<item: list<item: int8>>', 'list<item: fixed_size_list<item: int8>[2]>'),
      said('tensor', 'list<item: int16>', 'extension<arrow.fixed_shape_tensor[value_type=int16, shape=[2,2]]>'),
      // the item's own type is written as Parquet holds it too (it was announced as date64)
      said('dates', 'list<item: date32[day]>', 'fixed_size_list<item: date64[ms]>[2]'),
    ]);
    expect(writtenTypeChanges(dataset(), [0, 1, 2, 3, 4], 'arrows')).toEqual([]);
  });
});

describe('null-typed children (Arrow JS writes their null count as -1)', () => {
  const rel = 'tests/fixtures/writers/apache-arrow/null_children.arrows';
  const dataset = opened(rel);

  for (const format of ['arrows', 'parquet'] as const) {
    it(`${format}: arrow-rs reads the export back, with the same values`, async () => {
      const source = readSource(rel);
      const bytes = await exported(dataset(), format);
      const back = format === 'parquet' ? readBack(format, bytes) : tableFromIPC(WasmTable.fromIPCStream(bytes).intoIPCStream());
      expect(back.numRows).toBe(source.numRows);
      for (let c = 0; c < source.numCols; c++) expect(texts(back.getChildAt(c)), source.schema.fields[c].name).toEqual(texts(source.getChildAt(c)));
    });
  }
});

describe('no rows, in columns with children', () => {
  const rel = 'tests/export/fixtures/empty_lists.arrows';
  const dataset = opened(rel);

  for (const format of ['arrows', 'parquet'] as const) {
    it(`${format}: a file of no rows with every column's type`, async () => {
      const back: Table = readBack(format, await exported(dataset(), format));
      expect(back.numRows).toBe(0);
      expect(back.schema.fields.map((f) => String(f.type))).toEqual(readSource(rel).schema.fields.map((f) => String(f.type)));
    });
  }
});

describe('string_view and binary_view (inline and in variadic buffers)', () => {
  const rel = 'tests/fixtures/writers/pyarrow/string_view.arrows';
  const gold = pyarrowGold('string_view.arrows');
  const dataset = opened(rel);

  for (const format of ['arrows', 'parquet'] as const) {
    it(`${format}, whole and rows reversed in groups of 2: written as string_view and binary_view, with pyarrow's values`, async () => {
      const n = gold.rows;
      for (const order of [undefined, Float64Array.from({ length: n }, (_, i) => n - 1 - i)]) {
        const sink = new MemorySink();
        await exportRows(dataset(), { format, order, groupRows: 2 }, sink);
        const back = readBack(format, sink.bytes);
        // parquet-wasm reads them as string and binary; the stored Arrow schema names the views, which pyarrow and the app show
        const reopened = await openFile(tempFile(`views.${format}`, sink.bytes));
        expect(reopened.fields.map((f) => f.type)).toEqual(['string_view', 'binary_view']);
        await reopened.close();
        for (let c = 0; c < 2; c++) expect(texts(back.getChildAt(c))).toEqual(order ? [...gold.columns[c].values].reverse() : gold.columns[c].values);
        if (format === 'arrows') {
          // arrow-rs reads it too, and each group holds only its own long values (a window's views point into the whole batch's buffers)
          expect(tableFromIPC(WasmTable.fromIPCStream(sink.bytes).intoIPCStream()).numRows).toBe(n);
          for (const d of back.getChildAt(0)!.data) {
            const long = [...makeVector(d)].reduce((sum, v) => sum + (v && new TextEncoder().encode(v).length > 12 ? new TextEncoder().encode(v).length : 0), 0);
            expect(d.variadicBuffers.reduce((sum, b) => sum + b.length, 0)).toBe(Math.ceil(long / 8) * 8); // buffers padded to 8 bytes
          }
        }
      }
      expect(writtenTypeChanges(dataset(), [0, 1], format)).toEqual([]);
    });
  }
});

describe('decimal32 of precision 1 (parquet-rs 59 fails on it, and its stream writer then ends with no rows)', () => {
  const rel = 'tests/fixtures/writers/pyarrow/decimal32_precision_one.arrows';
  const dataset = opened(rel);

  it('Parquet: refused with a sentence naming the column, not a file of no rows', async () => {
    await expect(exported(dataset(), 'parquet')).rejects.toThrow('Column "p1" holds decimal32(1, 1) values, which the Parquet writer (parquet-rs) cannot write (a decimal32 of precision 1); leave it out, or export Arrow.');
  });

  it('Parquet without it, and Arrow with it: every row, with the values shown', async () => {
    const source = readSource(rel);
    const sink = new MemorySink();
    await exportRows(dataset(), { format: 'parquet', columns: [1] }, sink);
    expect(texts(readBack('parquet', sink.bytes).getChildAt(0))).toEqual(['0.12', '-0.50', null]);
    const back = readBack('arrows', await exported(dataset(), 'arrows'));
    for (let c = 0; c < 2; c++) expect(texts(back.getChildAt(c))).toEqual(texts(source.getChildAt(c)));
    expect(texts(back.getChildAt(0))).toEqual(['0.1', null, '-0.9']);
  });
});

describe('sparse and dense unions (metadata V4, members with nulls)', () => {
  const rel = 'tests/fixtures/writers/pyarrow/union_v4.arrows';
  const gold = pyarrowGold('union_v4.arrows');
  const dataset = opened(rel);

  it("Arrow: every row, in order, reversed and in groups of 3, with pyarrow's values", async () => {
    for (const order of [undefined, Float64Array.from({ length: 4 }, (_, i) => 3 - i)]) {
      const sink = new MemorySink();
      await exportRows(dataset(), { format: 'arrows', order, groupRows: 3 }, sink);
      const back = readBack('arrows', sink.bytes);
      expect(back.schema.fields.map((f) => String(f.type))).toEqual(readSource(rel).schema.fields.map((f) => String(f.type)));
      for (let c = 0; c < 3; c++) {
        const want = order ? [...gold.columns[c].values].reverse() : gold.columns[c].values;
        expect(texts(back.getChildAt(c)), `column ${c}`).toEqual(want);
      }
    }
  });

  it('Parquet: refused with a sentence', async () => {
    await expect(exported(dataset(), 'parquet')).rejects.toThrow('Column "sparse" holds union values, which Parquet cannot hold (pyarrow does not write them either); leave it out, or export Arrow.');
  });
});

describe("dense unions whose members' offsets skip values (as arrow-rs writes them), alone and in a list", () => {
  const rel = 'tests/fixtures/writers/pyarrow/dense_union_gaps.arrows';
  const gold = pyarrowGold('dense_union_gaps.arrows');
  const dataset = opened(rel);

  it("Arrow, in groups of 1, 3 and all rows: pyarrow's values (apache-arrow's writer rebased a window's union offsets as if consecutive)", async () => {
    for (const groupRows of [1, 3, 100]) {
      const sink = new MemorySink();
      await exportRows(dataset(), { format: 'arrows', groupRows }, sink);
      const back = readBack('arrows', sink.bytes);
      for (let c = 0; c < 2; c++) expect(texts(back.getChildAt(c)), `column ${c}, groups of ${groupRows}`).toEqual(gold.columns[c].values);
    }
  });
});

describe('unions with a string_view member', () => {
  const rel = 'tests/fixtures/writers/pyarrow/union_views.arrows';
  const gold = pyarrowGold('union_views.arrows');
  const dataset = opened(rel);

  it("Arrow: the member written as string_view, with pyarrow's values", async () => {
    const back = readBack('arrows', await exported(dataset(), 'arrows'));
    expect(back.schema.fields.map((f) => String(f.type))).toEqual(['Union<Int32 | Utf8View>', 'Union<Int32 | Utf8View>']);
    for (let c = 0; c < 2; c++) expect(texts(back.getChildAt(c)), `column ${c}`).toEqual(gold.columns[c].values);
    expect(writtenTypeChanges(dataset(), [0, 1], 'arrows')).toEqual([]);
  });
});

describe('run-end encoded and list-view columns (decoded by the engine into a dictionary and a list)', () => {
  for (const [name, format] of [
    ['run_end_encoded', 'arrows'],
    ['run_end_encoded', 'parquet'],
    ['list_view', 'arrows'],
    ['list_view', 'parquet'],
  ] as const) {
    it(`${name}, ${format}: written as the type decoded (and said so), in any order, with pyarrow's values`, async () => {
      const rel = `tests/fixtures/writers/pyarrow/${name}.arrows`;
      const gold = pyarrowGold(`${name}.arrows`);
      const dataset = await openFile(join(ROOT, rel));
      try {
        const reversed = Float64Array.from({ length: gold.rows }, (_, i) => gold.rows - 1 - i);
        for (const order of [undefined, reversed]) {
          const sink = new MemorySink();
          await exportRows(dataset, { format, order, groupRows: 4 }, sink);
          const back = readBack(format, sink.bytes);
          for (let c = 0; c < gold.columns.length; c++) {
            const want = order ? [...gold.columns[c].values].reverse() : gold.columns[c].values;
            expect(texts(back.getChildAt(c)), `column ${c}`).toEqual(want);
          }
        }
        const notes = writtenTypeChanges(dataset, gold.columns.map((_, c) => c), format);
        expect(notes).toHaveLength(gold.columns.length);
        const written = name === 'list_view' ? 'list<item: int32>' : format === 'parquet' ? 'int64' : 'dictionary<values=int64, indices=int32, ordered=0>';
        expect(notes[0]).toMatch(new RegExp(`^Column "[^"]+" is written as ${written.replace(/[[\]()]/g, '\\$&')}, not ${name === 'list_view' ? 'list_view<item: int32>' : 'run_end_encoded<run_ends: int16, values: int64>'} as shown`));
      } finally {
        await dataset.close();
      }
    });
  }
});
