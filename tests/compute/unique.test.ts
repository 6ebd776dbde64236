import { Dictionary, Field, Float64, Int32, Int64, RecordBatch, RecordBatchStreamWriter, Schema, Struct, Utf8, makeData, vectorFromArray, type Vector } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { mergeUnique, UniqueCounter, type UniqueResult } from '../../src/compute/uniqueCounter';
import { uniqueOfColumn } from '../../src/compute/uniqueOfColumn';
import { openDataset } from '../../src/dataset/openDataset';
import { BlobSource } from '../../src/source/blobSource';
import { NodeFileSource } from '../../src/source/nodeFileSource';
import { CORPUS_DIR, hasCorpus } from '../support/corpus';

/** The straightforward reference: a Map of decoded values. */
function reference(vectors: Vector[]): Map<unknown, number> {
  const m = new Map<unknown, number>();
  for (const v of vectors) {
    for (let i = 0; i < v.length; i++) {
      let x = v.get(i);
      if (typeof x === 'bigint') x = x.toString();
      m.set(x, (m.get(x) ?? 0) + 1);
    }
  }
  return m;
}

function asMap(r: UniqueResult): Map<unknown, number> {
  return new Map(r.values.map((v) => [v.value, v.count]));
}

function count(vectors: Vector[], maxDistinct?: number): UniqueResult {
  const c = new UniqueCounter(maxDistinct);
  let at = 0;
  for (const v of vectors) {
    c.add(v, at);
    at += v.length;
  }
  return mergeUnique([c.partial()]);
}

describe('unique values', () => {
  it('strings: runs, nulls, empty strings, unicode, sliced vectors', () => {
    const words = ['a', 'a', 'a', '', null, 'é', '日本', 'a', null, '', 'b', 'b'];
    const v = vectorFromArray(words, new Utf8());
    const sliced = v.slice(2, 11);
    for (const vectors of [[v], [sliced], [v, sliced]]) {
      const r = count(vectors);
      expect(asMap(r)).toEqual(reference(vectors));
      expect(r.exact).toBe(true);
    }
    const r = count([v]);
    expect(r.values[0]).toEqual({ value: 'a', count: 4, firstRow: 0 });
    expect(r.values.find((x) => x.value === null)).toEqual({ value: null, count: 2, firstRow: 4 });
    expect(r.distinct).toBe(5);
  });

  it('dictionary columns with a different dictionary in each batch are counted by value', () => {
    const type = new Dictionary(new Utf8(), new Int32());
    const a = vectorFromArray(['x', 'y', 'x', null], type);
    const b = vectorFromArray(['y', 'z', 'z'], type);
    expect(asMap(count([a, b]))).toEqual(reference([a, b]));
  });

  it('numbers: int64, floats with NaN and -0, booleans', () => {
    const ints = vectorFromArray([1n, 2n, 2n, 9007199254740993n], new Int64());
    const floats = vectorFromArray([1.5, NaN, NaN, -0, 0, null], new Float64());
    const bools = vectorFromArray([true, false, true, null]);
    for (const v of [ints, floats, bools]) expect(asMap(count([v]))).toEqual(reference([v]));
  });

  it('past the memory budget keeps exact counts for tracked values and estimates the distinct count', () => {
    const values = Array.from({ length: 20000 }, (_, i) => `v${i % 5000}`);
    const r = count([vectorFromArray(values, new Utf8())], 1000);
    expect(r.exact).toBe(false);
    expect(r.values).toHaveLength(1000);
    expect(r.values[0].count).toBe(4);
    expect(r.distinct).toBeGreaterThan(4500);
    expect(r.distinct).toBeLessThan(5500);
    expect(r.note).toMatch(/estimate/);
  });

  it('merging partials of chunks equals counting all at once', async () => {
    const schema = new Schema([new Field('s', new Utf8(), true), new Field('n', new Int32(), false)]);
    const batches = [0, 1, 2].map((b) => {
      const s = vectorFromArray(Array.from({ length: 100 }, (_, i) => (i % 7 === 0 ? null : `k${(i * (b + 1)) % 13}`)), new Utf8()).data[0];
      const n = vectorFromArray(Int32Array.from({ length: 100 }, (_, i) => (i * b) % 5)).data[0];
      return new RecordBatch(schema, makeData({ type: new Struct(schema.fields), length: 100, nullCount: 0, children: [s, n] }));
    });
    const ds = await openDataset(new BlobSource(new Blob([RecordBatchStreamWriter.writeAll(batches).toUint8Array(true) as BlobPart]), 'x.arrows'));
    await ds.indexed;
    const whole = mergeUnique([await uniqueOfColumn(ds, 0)]);
    const split = mergeUnique([await uniqueOfColumn(ds, 0, { chunks: [0, 2] }), await uniqueOfColumn(ds, 0, { chunks: [1] })]);
    expect(asMap(split)).toEqual(asMap(whole));
    expect(split.values.find((v) => v.value === null)?.firstRow).toBe(0);
    expect(asMap(whole)).toEqual(reference(batches.map((b) => b.getChildAt(0)!)));
  });

  it.runIf(hasCorpus)('equals the reference on every column of flights-200k.arrow', async () => {
    const ds = await openDataset(await NodeFileSource.open(`${CORPUS_DIR}/npm/vega-datasets/flights-200k.arrow`));
    for (let c = 0; c < ds.fields.length; c++) {
      const vectors: Vector[] = [];
      for (let b = 0; b < ds.chunks.length; b++) vectors.push(await ds.readColumn(b, c));
      expect(asMap(mergeUnique([await uniqueOfColumn(ds, c)])), ds.fields[c].name).toEqual(reference(vectors));
    }
  });
});

describe('column profile', () => {
  it('numbers: exact min, max and mean; quantiles and a histogram that add up', () => {
    const values = Array.from({ length: 1000 }, (_, i) => (i === 500 ? null : i));
    const r = count([vectorFromArray(values, new Float64())]);
    expect(r.profile.min).toBe(0);
    expect(r.profile.max).toBe(999);
    expect(r.profile.mean).toBeCloseTo((999 * 1000) / 2 / 999 - 500 / 999, 6);
    expect(r.profile.quantiles?.find((q) => q.p === 50)?.value).toBeGreaterThanOrEqual(499);
    expect(r.profile.quantilesExact).toBe(true);
    expect(r.profile.histogram?.reduce((s, b) => s + b.count, 0)).toBe(999);
  });

  it('strings: byte length range', () => {
    const r = count([vectorFromArray(['a', 'abc', null, 'ab'], new Utf8())]);
    expect(r.profile.minLength).toBe(1);
    expect(r.profile.maxLength).toBe(3);
    expect(r.profile.min).toBeUndefined();
  });
});
