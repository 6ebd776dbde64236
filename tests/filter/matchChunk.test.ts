import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { Field, Int32, makeData, RecordBatch, RecordBatchStreamWriter, Schema, Struct, Utf8, vectorFromArray } from 'apache-arrow';
import { compileFilter, countMatches, matchChunk, matchingRows } from '../../src/compute/filter';
import { openDataset } from '../../src/dataset/openDataset';
import { BlobSource } from '../../src/source/blobSource';
import type { Dataset } from '../../src/model/types';
import { openFile } from './support';

let arrow: Dataset;
let parquet: Dataset;
beforeAll(async () => {
  arrow = await openFile('tests/filter/fixtures/filter_types.arrow');
  parquet = await openFile('tests/filter/fixtures/filter_types.parquet');
});
afterAll(() => Promise.all([arrow?.close(), parquet?.close()]));

/** The dataset with its column reads recorded (and an optional hook after each). */
function recording(dataset: Dataset, after?: () => void): { dataset: Dataset; reads: string[] } {
  const reads: string[] = [];
  const wrapped: Dataset = Object.create(dataset);
  wrapped.readColumn = async (chunk, column, rows, signal) => {
    const v = await dataset.readColumn(chunk, column, rows, signal);
    reads.push(`${chunk}:${dataset.fields[column].name}`);
    after?.();
    return v;
  };
  return { dataset: wrapped, reads };
}

describe('matchChunk', () => {
  it('counts right over big columns while each chunk is read into the buffers the chunk before gave back', async () => {
    // 5 batches whose columns are over 1 MiB each (every read recyclable), with values that differ per batch:
    // bytes left from (or written over by) another batch would change the counts.
    const schema = new Schema([new Field('s', new Utf8(), true), new Field('n', new Int32(), false)]);
    const rows = 100_000;
    const strings: (string | null)[][] = [];
    const numbers: Int32Array[] = [];
    const batches = [0, 1, 2, 3, 4].map((b) => {
      strings.push(Array.from({ length: rows }, (_, i) => (i % 89 === 0 ? null : `batch ${b} value ${(i * 7919) % (300 + b)}`)));
      numbers.push(Int32Array.from({ length: rows }, (_, i) => ((i * 31 + b * 7) % 1000) - 500));
      const children = [vectorFromArray(strings[b], new Utf8()).data[0], vectorFromArray(numbers[b]).data[0]];
      return new RecordBatch(schema, makeData({ type: new Struct(schema.fields), length: rows, nullCount: 0, children }));
    });
    const source = new BlobSource(new Blob([RecordBatchStreamWriter.writeAll(batches).toUint8Array(true) as never]), 'big.arrows');
    const dataset = await openDataset(source);
    await dataset.indexed;
    const filter = compileFilter("s ENDS WITH 'value 7' AND n > 100 OR s = 'batch 3 value 42'", dataset.fields, dataset.schema);
    let expected = 0;
    strings.forEach((batch, b) => batch.forEach((s, i) => (expected += s !== null && ((s.endsWith('value 7') && numbers[b][i] > 100) || s === 'batch 3 value 42') ? 1 : 0)));
    expect(expected).toBeGreaterThan(100);
    expect((await countMatches(dataset, filter)).matched).toBe(expected);
    // The count gave its columns' buffers back: the next recyclable read is filled into one of them (bigger than it).
    const next = await source.read(0, 1 << 20, undefined, { recyclable: true });
    expect(next.buffer.byteLength).toBeGreaterThan(1 << 20);
  });

  it('gives chunk-relative, ascending indices, or only the count', async () => {
    const filter = compileFilter('i32 = 5 OR flag', arrow.fields, arrow.schema);
    const withIndices = await matchChunk(arrow, filter, 1, { indices: true });
    expect(withIndices).toMatchObject({ chunk: 1, rows: 10, skipped: false });
    // rows 10-19: i32 = 5 at 10 and 19; flag true at 11, 12, 15, 16, 19
    expect([...withIndices.indices!]).toEqual([0, 1, 2, 5, 6, 9]);
    const counted = await matchChunk(arrow, filter, 1);
    expect(counted).toEqual({ chunk: 1, rows: 10, matched: 6, skipped: false });
  });
  it('reads only the columns the filter uses, and not the right side of an AND already false', async () => {
    const { dataset, reads } = recording(arrow);
    await matchChunk(dataset, compileFilter("i32 > 0 AND s = 'x'", arrow.fields, arrow.schema), 0);
    expect(reads.sort()).toEqual(['0:i32', '0:s']);
    reads.length = 0;
    await matchChunk(dataset, compileFilter("id > 100 AND s = 'x'", arrow.fields, arrow.schema), 0);
    expect(reads).toEqual(['0:id']);
  });
  it('reads nothing in a chunk its statistics decide', async () => {
    const { dataset, reads } = recording(parquet);
    const filter = compileFilter('id < 10', parquet.fields, parquet.schema);
    const m = await Promise.all([0, 1, 2].map((c) => matchChunk(dataset, filter, c, { indices: true })));
    expect(m.map((x) => [x.matched, x.skipped, x.indices!.length])).toEqual([[10, true, 10], [0, true, 0], [0, true, 0]]);
    expect(reads).toEqual([]);
  });
  it('a bound filter is plain data: structured-cloned (as to a pool worker) it matches the same rows', async () => {
    const filter = compileFilter("s ICONTAINS 'obama' OR dec > 1.2 OR tsny >= '2016-01-01' OR u64 IN (18446744073709551615)", arrow.fields, arrow.schema);
    const clone = structuredClone(filter);
    for (const c of [0, 1, 2]) {
      expect(await matchChunk(arrow, clone, c, { indices: true })).toEqual(await matchChunk(arrow, filter, c, { indices: true }));
    }
  });
  it('a cancel inside a chunk stops it before its values are evaluated', async () => {
    const controller = new AbortController();
    const { dataset } = recording(arrow, () => controller.abort());
    const filter = compileFilter('i32 > 0', arrow.fields, arrow.schema);
    await expect(matchChunk(dataset, filter, 0, { signal: controller.signal, statistics: false })).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('matchingRows', () => {
  const gold = JSON.parse(readFileSync('tests/gold/filter/filter_types.arrow.json', 'utf8')) as { cases: { where: string; indices: number[] }[] };
  const where = "s != 'Obama, Barack'";
  const expected = gold.cases.find((c) => c.where === where)!.indices;

  it('gives the matches whose ordinals are asked for, across chunks, with their ordinals', async () => {
    const filter = compileFilter(where, arrow.fields, arrow.schema);
    for (const [first, end] of [[0, 3], [5, 17], [0, Infinity], [expected.length - 1, expected.length + 5], [expected.length, Infinity]]) {
      const rows: number[] = [];
      for await (const run of matchingRows(arrow, filter, { first, end })) {
        expect(run.ordinal).toBe(first + rows.length);
        rows.push(...run.rows);
      }
      expect(rows).toEqual(expected.slice(first, end));
    }
  });
  it('reads no chunk past the one holding the last match asked for', async () => {
    const { dataset, reads } = recording(arrow);
    const filter = compileFilter(where, arrow.fields, arrow.schema);
    for await (const run of matchingRows(dataset, filter, { first: 0, end: 3 })) expect(run.chunk).toBe(0);
    expect(reads).toEqual(['0:s']);
  });
});
