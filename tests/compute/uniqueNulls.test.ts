import { Field, Int64, Null, RecordBatch, RecordBatchStreamWriter, Schema, Struct, Utf8, makeData, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { countUnique } from '../../src/compute/uniqueOfColumn';
import { uniqueResultText } from '../../src/compute/uniqueValueText';
import { openDataset } from '../../src/dataset/openDataset';
import { BlobSource } from '../../src/source/blobSource';

const BILLION = 1_000_000_000;

/** A stream of one batch holding a Null column of `rows` rows (a Null column has no buffers at all). */
function nullColumnStream(rows: number): Uint8Array {
  const schema = new Schema([new Field('nothing', new Null(), true)]);
  const column = makeData({ type: new Null(), length: rows });
  const batch = new RecordBatch(schema, makeData({ type: new Struct(schema.fields), length: rows, nullCount: 0, children: [column] }));
  return RecordBatchStreamWriter.writeAll([batch]).toUint8Array(true);
}

const open = async (bytes: Uint8Array) => {
  const ds = await openDataset(new BlobSource(new Blob([bytes as BlobPart]), 'nulls.arrows'));
  await ds.indexed;
  return ds;
};

describe('null columns are counted from their null count, not row by row', () => {
  it('a Null column of 10⁹ rows in a file of a few hundred bytes: one null entry counting every row', async () => {
    const bytes = nullColumnStream(BILLION);
    expect(bytes.length).toBeLessThan(1000);
    const ds = await open(bytes);
    expect(ds.rows).toBe(BILLION);
    const result = await countUnique(ds, 0);
    expect(result.rows).toBe(BILLION);
    expect(result.nulls).toBe(BILLION);
    expect(result.distinct).toBe(0);
    expect(result.exact).toBe(true);
    // As pyarrow's value_counts: one entry, null, counting every row (never the text "null").
    expect(result.values).toEqual([{ value: null, count: BILLION, firstRow: 0 }]);
    expect(uniqueResultText(result, ds.schema.fields[0].type).values).toEqual([{ value: null, count: BILLION, firstRow: 0 }]);
  });

  it('an all-null int64 column and a string column with nulls give the same null entry shape', async () => {
    const schema = new Schema([new Field('i', new Int64(), true), new Field('s', new Utf8(), true)]);
    const batches = [0, 1].map((b) => {
      const ints = vectorFromArray([null, null, null], new Int64()).data[0];
      const strings = vectorFromArray(b === 0 ? [null, null, null] : ['x', null, 'x'], new Utf8()).data[0];
      return new RecordBatch(schema, makeData({ type: new Struct(schema.fields), length: 3, nullCount: 0, children: [ints, strings] }));
    });
    const ds = await open(RecordBatchStreamWriter.writeAll(batches).toUint8Array(true));
    const ints = await countUnique(ds, 0);
    expect(ints).toMatchObject({ rows: 6, nulls: 6, distinct: 0, values: [{ value: null, count: 6, firstRow: 0 }] });
    const strings = await countUnique(ds, 1);
    expect(strings).toMatchObject({ rows: 6, nulls: 4, distinct: 1 });
    expect(strings.values).toEqual([
      { value: null, count: 4, firstRow: 0 },
      { value: 'x', count: 2, firstRow: 3 },
    ]);
  });
});
