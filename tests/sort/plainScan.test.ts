import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Float64, Int64, makeData, RecordBatch, Schema, Struct, Field, Table, tableToIPC, Utf8, vectorFromArray, Dictionary, Int16 } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileFilter } from '../../src/compute/filter';
import { mergeTopRows, sortedRows, SortTooLargeError, topBound, topRows, type SortedRows, type SortKey } from '../../src/compute/sort';
import type { Dataset } from '../../src/model/types';
import { openDataset } from '../../src/dataset/openDataset';
import { BlobSource } from '../../src/source/blobSource';
import { openFile } from '../filter/support';
import { compareValue } from './support/compareValue';

/**
 * Sort against a plain scan done in the test: a generated stream of 8 batches (floats with NaN and
 * nulls, int64 beyond 2^53, strings with non-BMP text and nulls, a dictionary that changes per batch),
 * the expected order computed by Array.sort over the values as plain JS, for top-K and full order.
 */
const ROWS_PER_BATCH = 5_000;
const BATCHES = 8;
const WORDS = ['b', 'a', 'é', 'Z', '😀', 'ab', '', '\ue000', 'aa'];

interface Row {
  f: number | null;
  i: bigint | null;
  s: string | null;
  d: string | null;
}

function makeRows(seed: number): Row[] {
  let x = seed;
  const rand = () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648);
  const rows: Row[] = [];
  for (let r = 0; r < ROWS_PER_BATCH * BATCHES; r++) {
    const u = rand();
    rows.push({
      f: u < 0.05 ? null : u < 0.1 ? NaN : Math.round(rand() * 200 - 100) / 4,
      i: rand() < 0.05 ? null : 9007199254740992n + BigInt(Math.floor(rand() * 50)) * (rand() < 0.5 ? -1n : 1n),
      s: rand() < 0.05 ? null : `${WORDS[Math.floor(rand() * WORDS.length)]}${WORDS[Math.floor(rand() * WORDS.length)]}`,
      d: rand() < 0.05 ? null : WORDS[Math.floor(rand() * 4)],
    });
  }
  return rows;
}

function writeStream(path: string, rows: Row[]): void {
  const dictType = new Dictionary(new Utf8(), new Int16(), 0);
  const schema = new Schema([new Field('f', new Float64(), true), new Field('i', new Int64(), true), new Field('s', new Utf8(), true), new Field('d', dictType, true)]);
  const batches: RecordBatch[] = [];
  for (let b = 0; b < BATCHES; b++) {
    const part = rows.slice(b * ROWS_PER_BATCH, (b + 1) * ROWS_PER_BATCH);
    // each batch its own dictionary, its entries in another order every other batch
    const entries = b % 2 ? WORDS.slice(0, 4).reverse() : WORDS.slice(0, 4);
    const indices = Int16Array.from(part, (r) => (r.d === null ? 0 : entries.indexOf(r.d)));
    const validity = new Uint8Array(Math.ceil(part.length / 8));
    part.forEach((r, k) => r.d !== null && (validity[k >> 3] |= 1 << (k & 7)));
    const d = makeData({ type: dictType, length: part.length, nullCount: part.filter((r) => r.d === null).length, nullBitmap: validity, data: indices, dictionary: vectorFromArray(entries, new Utf8()) });
    const children = [vectorFromArray(part.map((r) => r.f), new Float64()).data[0], vectorFromArray(part.map((r) => r.i), new Int64()).data[0], vectorFromArray(part.map((r) => r.s), new Utf8()).data[0], d];
    batches.push(new RecordBatch(schema, makeData({ type: new Struct(schema.fields), length: part.length, nullCount: 0, children })));
  }
  writeFileSync(path, tableToIPC(new Table(batches), 'stream'));
}

describe('sort against a plain scan', () => {
  let dir: string;
  let dataset: Dataset;
  const rows = makeRows(7);
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'arrowscope-sort-'));
    writeStream(join(dir, 'gen.arrows'), rows);
    dataset = await openFile(join(dir, 'gen.arrows'));
  });
  afterAll(async () => {
    await dataset?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const CASES: { keys: [keyof Row, boolean][]; where?: string; match?: (r: Row) => boolean }[] = [
    { keys: [['f', false]] },
    { keys: [['f', true]] },
    { keys: [['i', true], ['s', false]] },
    { keys: [['s', false], ['f', true]] },
    { keys: [['d', true], ['i', false]] },
    { keys: [['d', false], ['s', true]], where: 'f > 0', match: (r) => r.f !== null && r.f > 0 },
  ];
  const columnOf: Record<keyof Row, number> = { f: 0, i: 1, s: 2, d: 3 };

  for (const c of CASES) {
    it(`${c.keys.map(([k, d]) => `${k}${d ? ':desc' : ''}`).join(',')}${c.where ? ` where ${c.where}` : ''}`, async () => {
      const candidates = rows.map((_, i) => i).filter((i) => !c.match || c.match(rows[i]));
      const expected = candidates.sort((a, b) => {
        for (const [k, desc] of c.keys) {
          const v = compareValue(rows[a][k], rows[b][k], desc);
          if (v !== 0) return v;
        }
        return a - b;
      });
      const keys: SortKey[] = c.keys.map(([k, d]) => ({ column: columnOf[k], descending: d }));
      const filter = c.where ? compileFilter(c.where, dataset.fields, dataset.schema) : undefined;
      expect(Array.from((await sortedRows(dataset, keys, { filter })).rows)).toEqual(expected);
      for (const k of [1, 10, 10_000]) expect(Array.from((await topRows(dataset, keys, k, { filter })).rows)).toEqual(expected.slice(0, k));
    });
  }

  it('says when a full order is too large, offering the top-K', async () => {
    await expect(sortedRows(dataset, [{ column: 0 }], { max: 1000 })).rejects.toThrow(SortTooLargeError);
    await expect(sortedRows(dataset, [{ column: 0 }], { max: 1000 })).rejects.toThrow(/A full sort of 40,000 rows is past the 1,000 rows a full order is built for; the first 10,000 rows in this order can be sorted exactly instead \(a top-K\)\./);
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(topRows(dataset, [{ column: 2 }], 10, { signal: controller.signal })).rejects.toThrow();
  });
});

describe('top-K in parts merged (as the compute pool would run it)', () => {
  it('equals the top-K of the whole file, after a structured clone of each part', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'arrowscope-sort-parts-'));
    try {
      const rows = makeRows(11);
      writeStream(join(dir, 'gen.arrows'), rows);
      const dataset = await openFile(join(dir, 'gen.arrows'));
      const filter = compileFilter('f > -10', dataset.fields, dataset.schema);
      for (const keys of [[{ column: 0, descending: true }, { column: 2 }], [{ column: 0, descending: true }], [{ column: 0 }], [{ column: 2, descending: true }], [{ column: 3 }, { column: 1, descending: true }]] as SortKey[][]) {
        for (const k of [1, 25, 9_000]) {
          const whole = await topRows(dataset, keys, k, { filter });
          const parts = await Promise.all([[0, 3], [3, 4], [4, 8]].map(([start, end]) => topRows(dataset, keys, k, { filter, chunks: { start, end } })));
          const merged = mergeTopRows(parts.map((p) => structuredClone(p)), keys, k);
          expect(Array.from(merged.rows)).toEqual(Array.from(whole.rows));
          expect(merged.candidates).toBe(whole.candidates);
          // each part bounded by the parts merged before it (as runTopRows hands shares out), in another order
          let bounded: SortedRows | null = null;
          for (const [start, end] of [[4, 8], [0, 3], [3, 4]]) {
            const part = await topRows(dataset, keys, k, { filter, chunks: { start, end }, bound: topBound(bounded, keys, k) });
            bounded = mergeTopRows(bounded ? [bounded, structuredClone(part)] : [structuredClone(part)], keys, k);
          }
          expect(Array.from(bounded!.rows)).toEqual(Array.from(whole.rows));
          expect(bounded!.candidates).toBe(whole.candidates);
        }
      }
      await dataset.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('top rows over big columns', () => {
  it('are right while each chunk is read into the buffers the chunk before gave back', async () => {
    // 4 batches whose key columns are over 1 MiB each (every read recyclable), values differing per batch:
    // bytes left from (or written over by) another batch would change the top rows.
    const schema = new Schema([new Field('f', new Float64(), false), new Field('s', new Utf8(), false)]);
    const rows = 150_000;
    const f: number[] = [];
    const s: string[] = [];
    const batches = [0, 1, 2, 3].map((b) => {
      const part = Array.from({ length: rows }, (_, i) => ((i * 7919 + b * 104729) % 1_000_003) / 7);
      const words = part.map((_, i) => `b${b}-${(i * 31) % 9973}`);
      for (let i = 0; i < rows; i++) {
        f.push(part[i]);
        s.push(words[i]);
      }
      return new RecordBatch(schema, makeData({ type: new Struct(schema.fields), length: rows, nullCount: 0, children: [vectorFromArray(Float64Array.from(part)).data[0], vectorFromArray(words, new Utf8()).data[0]] }));
    });
    const source = new BlobSource(new Blob([tableToIPC(new Table(batches), 'stream') as BlobPart]), 'big.arrows');
    const dataset = await openDataset(source);
    await dataset.indexed;
    const order = (a: number, b: number) => f[b] - f[a] || (s[a] < s[b] ? -1 : s[a] > s[b] ? 1 : 0) || a - b;
    const expected = Array.from(f.keys()).sort(order).slice(0, 50);
    expect(Array.from((await topRows(dataset, [{ column: 0, descending: true }, { column: 1 }], 50)).rows)).toEqual(expected);
    // The sort gave its columns' buffers back: the next recyclable read is filled into one of them (bigger than it).
    const next = await source.read(0, 1 << 20, undefined, { recyclable: true });
    expect(next.buffer.byteLength).toBeGreaterThan(1 << 20);
  });
});
