import { Binary, Dictionary, Field, Float64, Int32, Int64, RecordBatch, RecordBatchStreamWriter, Schema, Struct, Utf8, makeData, makeVector, vectorFromArray, type Vector } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { UniqueCounter } from '../../src/compute/uniqueCounter';
import { bytesText } from '../../src/compute/uniqueDisplayKey';
import { Utf8Table } from '../../src/compute/utf8Table';
import { mergeUnique } from '../../src/compute/uniqueMerge';
import { finishRecount } from '../../src/compute/uniqueRecount';
import { TOP_K, type UniqueResult } from '../../src/compute/uniqueTypes';
import { countUnique, uniqueOfColumn } from '../../src/compute/uniqueOfColumn';
import { openDataset } from '../../src/dataset/openDataset';
import { BlobSource } from '../../src/source/blobSource';
import { NodeFileSource } from '../../src/source/nodeFileSource';
import { CORPUS_DIR, describeCorpus } from '../support/corpus';

/** The straightforward reference: a Map of decoded values. */
function reference(vectors: Vector[]): Map<unknown, number> {
  const m = new Map<unknown, number>();
  for (const v of vectors) {
    for (let i = 0; i < v.length; i++) {
      let x = v.get(i);
      if (typeof x === 'bigint') x = x.toString();
      if (Object.is(x, -0)) x = '-0'; // counted apart from 0, as pyarrow's value_counts does
      if (typeof x === 'number' && Number.isNaN(x)) x = 'nan:7ff8000000000000'; // by its bits, as pyarrow's value_counts does (JS's NaN here)
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

  it('values of one length: runs of every size counted, and a column without runs stays linear', () => {
    // Runs of 1 to 40 rows (within and across 8,192-row steps), all values 10 bytes long.
    const runs: string[] = [];
    for (let i = 0; runs.length < 30_000; i++) for (let r = 0; r < 1 + ((i * 7) % 40); r++) runs.push(String(1e9 + (i % 97)));
    const v = vectorFromArray(runs, new Utf8());
    expect(asMap(count([v]))).toEqual(reference([v]));
    // 2M rows of 1,000 dates-like values, no two neighbours equal: each row once looked at the next
    // 8,191 rows of its length (10 s in Node, minutes on a 50M-row column); now ~0.2 s.
    // Built from its buffers: vectorFromArray takes seconds for 2M strings, which is not what is timed.
    const rows = 2_000_000;
    const text = new TextEncoder();
    const words = Array.from({ length: 1000 }, (_, k) => text.encode(String(1e9 + k)));
    const data = new Uint8Array(rows * 10);
    const valueOffsets = new Int32Array(rows + 1);
    for (let i = 0; i < rows; i++) {
      data.set(words[i % 1000], i * 10);
      valueOffsets[i + 1] = (i + 1) * 10;
    }
    const cycle = makeVector(makeData({ type: new Utf8(), length: rows, nullCount: 0, valueOffsets, data }));
    const r = count([cycle]);
    expect(r.distinct).toBe(1000);
    expect(r.values.every((x) => x.count === 2000)).toBe(true);
  }, 5000);

  it('values built to share one full 32-bit hash are all told apart, each lookup walking one chain', () => {
    // 8-byte values [w0, w1]: hash = fmix(K * (rotl(K * (rotl(seed, 5) ^ w0), 5) ^ w1)); w1 chosen
    // per w0 so that the inner term, and so the hash, is the same for all (what a hostile file could do).
    const K = 0x9e3779b1;
    const rotl = (h: number) => (h << 5) | (h >>> 27);
    const h0 = 0x9747b28c ^ 8;
    const target = 0x5a5a5a5a;
    const n = 3000;
    const values: Uint8Array[] = [];
    for (let i = 0; i < n; i++) {
      const w0 = Math.imul(i + 1, 0x01000193);
      const w1 = target ^ rotl(Math.imul(rotl(h0) ^ w0, K));
      const b = new Uint8Array(8);
      new DataView(b.buffer).setInt32(0, w0, true);
      new DataView(b.buffer).setInt32(4, w1, true);
      values.push(b);
    }
    const hashes = new Set(values.map((b) => Utf8Table.hash(b, 0, 8)));
    expect(hashes.size).toBe(1);
    // Each value 3 times, spread over the column, with ordinary values between.
    const rows: Uint8Array[] = [];
    for (let r = 0; r < 3; r++) for (let i = 0; i < n; i++) rows.push(values[(i * 7 + r * 11) % n], new Uint8Array([r, i & 0xff, i >> 8]));
    const v = vectorFromArray(rows, new Binary());
    const expected = new Map<string, number>();
    for (const b of rows) expected.set(bytesText(b, true), (expected.get(bytesText(b, true)) ?? 0) + 1);
    // Quadratic in the values sharing the hash (about n²/2 record visits), never in the rows.
    const result = count([v]);
    expect(asMap(result)).toEqual(expected);
    expect(result.distinct).toBe(4 * n);
  }, 5000);

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

  it('past the memory budget finds a value that only becomes frequent late, and counts the top values exactly in a second pass', () => {
    // 3,000 values seen once, then one value 500 times among 1,000 more singletons: with a budget
    // of 100 distinct values, "late" is never tracked in the first pass.
    const words = [...Array.from({ length: 3000 }, (_, i) => `u${i}`), ...Array.from({ length: 1500 }, (_, i) => (i % 3 === 0 ? `w${i}` : 'late'))];
    words.splice(10, 0, 'late', 'late'); // and twice early, while tracked
    const v = vectorFromArray(words, new Utf8());
    const first = count([v], 100);
    expect(first.exact).toBe(false);
    expect(first.recount).toContain('late');
    const second = new UniqueCounter(100, first.recount);
    second.add(v, 0);
    const r = finishRecount(first, [second.partial()]);
    expect(r.values[0]).toEqual({ value: 'late', count: 1002, firstRow: 10 });
    const truth = reference([v]);
    for (const e of r.values) expect(e.count, String(e.value)).toBe(truth.get(e.value));
    expect(r.values.length).toBeLessThanOrEqual(TOP_K);
    expect(r.distinct).toBeGreaterThan(3500 * 0.9);
    expect(r.distinct).toBeLessThan(3500 * 1.1);
    expect(r.note).toMatch(/counted exactly in a second pass.*estimate/);
  });

  it('an estimated distinct count is never more than the non-null rows counted', () => {
    // 2,000 distinct values past a budget of 100: HyperLogLog estimates 2,015.
    const r = count([vectorFromArray([...Array.from({ length: 2000 }, (_, i) => `u${i}`), null], new Utf8())], 100);
    expect(r.exact).toBe(false);
    expect(r.distinct).toBe(2000);
  });

  it('the second pass works for numbers and across partials of different chunks (as the worker pool splits them)', async () => {
    const schema = new Schema([new Field('n', new Int32(), false)]);
    const batches = [0, 1, 2, 3].map((b) => {
      const n = Int32Array.from({ length: 1000 }, (_, i) => (b >= 2 && i % 2 === 0 ? 7 : b * 1000 + i + 100));
      return new RecordBatch(schema, makeData({ type: new Struct(schema.fields), length: 1000, nullCount: 0, children: [makeData({ type: new Int32(), length: 1000, nullCount: 0, data: n })] }));
    });
    const ds = await openDataset(new BlobSource(new Blob([RecordBatchStreamWriter.writeAll(batches).toUint8Array(true) as BlobPart]), 'n.arrows'));
    await ds.indexed;
    const first = mergeUnique([await uniqueOfColumn(ds, 0, { chunks: [0, 2], maxDistinct: 50 }), await uniqueOfColumn(ds, 0, { chunks: [1, 3], maxDistinct: 50 })]);
    const r = finishRecount(first, [await uniqueOfColumn(ds, 0, { chunks: [0, 2], only: first.recount }), await uniqueOfColumn(ds, 0, { chunks: [1, 3], only: first.recount })]);
    expect(r.values[0]).toEqual({ value: 7, count: 1000, firstRow: 2000 });
    expect(r.values.slice(1).every((e) => e.count === 1)).toBe(true);
    const inOneThread = await countUnique(ds, 0, { maxDistinct: 50 });
    expect(inOneThread.values[0]).toEqual(r.values[0]);
    expect(inOneThread.values.slice(1).every((e) => e.count === 1)).toBe(true); // ties among singletons may differ
    expect(inOneThread.note).toMatch(/second pass/);
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

  it('counts big string columns right while each chunk is read into the buffer the one before it gave back', async () => {
    // 5 batches of 1.2 MiB of string bytes each: every read is recyclable, and each batch's values differ,
    // so bytes left over from (or overwritten over) another batch would change the counts.
    const schema = new Schema([new Field('s', new Utf8(), true)]);
    const rows = 100_000;
    const batches = [0, 1, 2, 3, 4].map((b) => {
      const s = vectorFromArray(Array.from({ length: rows }, (_, i) => (i % 97 === 0 ? null : `batch ${b} value ${(i * 7919) % (5000 + b)}`)), new Utf8()).data[0];
      return new RecordBatch(schema, makeData({ type: new Struct(schema.fields), length: rows, nullCount: 0, children: [s] }));
    });
    const source = new BlobSource(new Blob([RecordBatchStreamWriter.writeAll(batches).toUint8Array(true) as BlobPart]), 'big.arrows');
    const ds = await openDataset(source);
    await ds.indexed;
    const whole = mergeUnique([await uniqueOfColumn(ds, 0)]);
    expect(asMap(whole)).toEqual(reference(batches.map((b) => b.getChildAt(0)!)));
    // The count gave its buffers back: the next recyclable read is filled into one of them (bigger than it).
    const next = await source.read(0, 1 << 20, undefined, { recyclable: true });
    expect(next.buffer.byteLength).toBeGreaterThan(1 << 20);
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

describeCorpus('unique values over the corpus', () => {
  it('equals the reference on every column of flights-200k.arrow', async () => {
    const ds = await openDataset(await NodeFileSource.open(`${CORPUS_DIR}/npm/vega-datasets/flights-200k.arrow`));
    for (let c = 0; c < ds.fields.length; c++) {
      const vectors: Vector[] = [];
      for (let b = 0; b < ds.chunks.length; b++) vectors.push(await ds.readColumn(b, c));
      expect(asMap(mergeUnique([await uniqueOfColumn(ds, c)])), ds.fields[c].name).toEqual(reference(vectors));
    }
  });
});
