import { readFileSync } from 'node:fs';
import { Dictionary, Field, Float64, Int32, RecordBatch, RecordBatchStreamWriter, Schema, Struct, Table, Utf8, makeData, tableFromIPC, tableToIPC, vectorFromArray } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fecBatches } from '../../scripts/gen/fecTable';
import { UniqueCounter } from '../../src/compute/uniqueCounter';
import { NodeFileSource } from '../../src/source/nodeFileSource';
import { Engine } from '../../src/worker/engine';
import type { FilterStatus, UniqueProgress } from '../../src/worker/protocol';
import { tempFile } from '../support/files';
import { withLatency } from '../support/slowSource';
import { openFecFiles, type FecFiles } from './support/fecFiles';

/**
 * Unique values and the profile over a filter's matching rows, through the Engine facade (what the page
 * calls), against an independent count written here: every row read with apache-arrow (tableFromIPC)
 * or hyparquet directly, kept by a JavaScript predicate, its values counted in a Map. FEC-like generated
 * files of 20,000 rows: an Arrow stream of 20 batches and a Parquet file of 8 row groups.
 */
type Row = Record<string, unknown>;

const CASES: { where: string; test: (r: Row) => boolean; column: string }[] = [
  { where: 'contb_receipt_amt >= 1000', test: (r) => (r.contb_receipt_amt as number) >= 1000, column: 'cand_nm' },
  // Nulls among the matches (the employer is null in some rows), and chunks without a match (Romney's run).
  { where: "cand_nm = 'Romney, Mitt'", test: (r) => r.cand_nm === 'Romney, Mitt', column: 'contbr_employer' },
  { where: 'contbr_employer IS NULL OR memo_cd IS NOT NULL', test: (r) => r.contbr_employer === null || r.memo_cd !== null, column: 'contbr_employer' },
  { where: "contbr_st IN ('CA', 'NY') AND contb_receipt_amt < 100", test: (r) => ['CA', 'NY'].includes(r.contbr_st as string) && (r.contb_receipt_amt as number) < 100, column: 'contbr_st' },
  // Nothing matches: no chunk is read, no row is counted.
  { where: 'contb_receipt_amt > 1e9', test: () => false, column: 'cand_nm' },
];

let engine: Engine;
let ids: Map<string, number>;
let reference: Map<string, Row[]>;
let fieldIndex: (name: string) => number;
let files: FecFiles;
const noProgress = () => {};

beforeAll(async () => {
  files = await openFecFiles();
  ({ engine, ids, reference, fieldIndex } = files);
}, 60_000);
afterAll(() => files.close());

/** The independent count: value (null as null) -> rows, over the rows passing `test`. */
function plainCount(rows: Row[], test: (r: Row) => boolean, column: string): Map<unknown, number> {
  const counts = new Map<unknown, number>();
  for (const r of rows) if (test(r)) counts.set(r[column] ?? null, (counts.get(r[column] ?? null) ?? 0) + 1);
  return counts;
}

/** The engine's kept list for `column`, every value, as value -> count. */
function listed(id: number, column: number): Map<unknown, number> {
  const { values, total } = engine.uniqueValues(id, column, 0, 1_000_000, 'value', '');
  expect(values.length).toBe(total);
  return new Map(values.map((v) => [v.value, v.count]));
}

for (const kind of ['arrow', 'parquet']) {
  describe(kind, () => {
    for (const { where, test, column } of CASES) {
      it(`unique values of ${column} where ${where} are the independent count's, nulls included`, async () => {
        const id = ids.get(kind)!;
        const expected = plainCount(reference.get(kind)!, test, column);
        const matched = [...expected.values()].reduce((a, b) => a + b, 0);
        expect((await engine.filter(id, where, 'filter')).status!.matched).toBe(matched);
        const c = fieldIndex(column);
        const progress: UniqueProgress[] = [];
        const result = await engine.unique(id, c, (p) => progress.push(p), `unique:${c}`, undefined, 'filter');
        expect(result.filter).toEqual({ text: where, complete: true });
        expect(result.rows).toBe(matched);
        expect(result.nulls).toBe(expected.get(null) ?? 0);
        expect(result.distinct).toBe([...expected.keys()].filter((v) => v !== null).length);
        expect(result.exact).toBe(true);
        expect(listed(id, c)).toEqual(expected);
        if (progress.length) expect(progress.at(-1)!.rowsTotal).toBe(matched);
        // Every value's first row is a matching row holding it.
        const ref = reference.get(kind)!;
        for (const v of engine.uniqueValues(id, c, 0, 1_000_000, 'count', '').values) {
          expect(test(ref[v.firstRow])).toBe(true);
          expect(ref[v.firstRow][column] ?? null).toBe(v.value);
        }
      });
    }

    it('the profile of a number column covers the matching rows only', async () => {
      const id = ids.get(kind)!;
      const ref = reference.get(kind)!;
      const where = "cand_nm = 'Paul, Ron'";
      await engine.filter(id, where, 'filter');
      const amounts = ref.filter((r) => r.cand_nm === 'Paul, Ron').map((r) => r.contb_receipt_amt as number);
      const c = fieldIndex('contb_receipt_amt');
      const result = await engine.unique(id, c, noProgress, `unique:${c}`, undefined, 'filter');
      expect(result.rows).toBe(amounts.length);
      expect(result.profile.min).toBe(Math.min(...amounts));
      expect(result.profile.max).toBe(Math.max(...amounts));
      expect(result.profile.mean).toBeCloseTo(amounts.reduce((a, b) => a + b, 0) / amounts.length, 6);
      const all = await engine.unique(id, c, noProgress, `unique:${c}`);
      expect(all.filter).toBeUndefined();
      expect(all.rows).toBe(ref.length);
      expect(all.profile.min).toBe(Math.min(...ref.map((r) => r.contb_receipt_amt as number)));
    });

    it('without the filter key, the same column counts every row again; a count waits for a filter still running', async () => {
      const id = ids.get(kind)!;
      const ref = reference.get(kind)!;
      const c = fieldIndex('cand_nm');
      const all = await engine.unique(id, c, noProgress, `unique:${c}`);
      expect(all.rows).toBe(20_000);
      expect(listed(id, c)).toEqual(plainCount(ref, () => true, 'cand_nm'));
      const where = 'contb_receipt_amt < 20';
      const running = engine.filter(id, where, 'filter');
      // The filter is kept once its run starts (after the stream's index is complete): then counted while it runs.
      while (!engine.filterStatus(id, 'filter')) await new Promise((resolve) => setTimeout(resolve, 0));
      const counting = engine.unique(id, c, noProgress, `unique:${c}`, undefined, 'filter');
      const [counted] = await Promise.all([counting, running]);
      expect(counted.filter).toEqual({ text: where, complete: true });
      expect(listed(id, c)).toEqual(plainCount(ref, (r) => (r.contb_receipt_amt as number) < 20, 'cand_nm'));
    });

    it('a filter cleared or never applied cannot be counted over', async () => {
      const id = ids.get(kind)!;
      await engine.filter(id, "cand_nm = 'Romney, Mitt'", 'filter');
      engine.clearFilter(id, 'filter');
      await expect(engine.unique(id, 0, noProgress, 'unique:0', undefined, 'filter')).rejects.toThrow(/No filter is applied/);
    });
  });
}

describe('a filter stopped part way', () => {
  it('counts the matches it found in order (the rows the grid shows), and says the filter did not finish', async () => {
    const path = tempFile('stopped.arrows', tableToIPC(new Table(fecBatches(3, 40_000, 500)), 'stream'));
    const ref = tableFromIPC(readFileSync(path)).toArray().map((r: { toJSON(): Row }) => r.toJSON());
    const slow = new Engine();
    const { id, fields } = await slow.openSource(withLatency(await NodeFileSource.open(path), 20), true);
    const where = 'contb_receipt_amt >= 100';
    const seen: FilterStatus[] = [];
    const run = slow.filter(id, where, 'filter', (s) => seen.push(s));
    run.catch(() => {});
    while (!seen.some((s) => s.known > 0)) await new Promise((r) => setTimeout(r, 10));
    slow.cancel('filter');
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    const status = slow.filterStatus(id, 'filter')!;
    expect(status.rowsScanned).toBeLessThan(40_000);
    const shown = (await slow.rows(id, 0, status.known, [], 'grid', 'filter')).rowNumbers!;
    expect(shown.length).toBe(status.known);
    const column = fields.findIndex((f) => f.name === 'contbr_st');
    const result = await slow.unique(id, column, noProgress, 'unique', undefined, 'filter');
    expect(result.filter).toEqual({ text: where, complete: false });
    expect(result.rows).toBe(status.known);
    const expected = new Map<unknown, number>();
    for (const r of shown) expected.set(ref[r].contbr_st ?? null, (expected.get(ref[r].contbr_st ?? null) ?? 0) + 1);
    const { values } = slow.uniqueValues(id, column, 0, 1_000, 'value', '');
    expect(new Map(values.map((v) => [v.value, v.count]))).toEqual(expected);
    await slow.close(id);
  }, 60_000);
});

describe('a dictionary column in batches with nulls', () => {
  it('counts by index over the matching rows only', async () => {
    const schema = new Schema([new Field('n', new Int32(), false), new Field('d', new Dictionary(new Utf8(), new Int32()), true)]);
    const words = ['alpha', 'beta', 'gamma', 'delta', null];
    const value = (i: number) => words[(i * 7 + (i >> 4)) % words.length];
    const batches: RecordBatch[] = [];
    for (let b = 0; b < 6; b++) {
      const rows = 3_000;
      const at = b * rows;
      const n = makeData({ type: new Int32(), length: rows, nullCount: 0, data: Int32Array.from({ length: rows }, (_, i) => at + i) });
      const d = vectorFromArray(Array.from({ length: rows }, (_, i) => value(at + i)), new Dictionary(new Utf8(), new Int32())).data[0];
      batches.push(new RecordBatch(schema, makeData({ type: new Struct(schema.fields), length: rows, nullCount: 0, children: [n, d] })));
    }
    const path = tempFile('dict.arrows', RecordBatchStreamWriter.writeAll(batches).toUint8Array(true));
    const dict = new Engine();
    const { id } = await dict.openSource(await NodeFileSource.open(path), true);
    // Part of batches 0 and 1, a few rows of batches 1 and 3, none of 2, 4 and 5.
    const scattered = [7, 5_001, 5_002, 9_999];
    const keep = (i: number) => (i >= 2_500 && i < 4_000) || scattered.includes(i);
    const text = `(n >= 2500 AND n < 4000) OR n IN (${scattered.join(', ')})`;
    const expected = new Map<unknown, number>();
    for (let i = 0; i < 18_000; i++) if (keep(i)) expected.set(value(i), (expected.get(value(i)) ?? 0) + 1);
    const answer = await dict.filter(id, text, 'filter');
    expect(answer.problem).toBeUndefined();
    const result = await dict.unique(id, 1, noProgress, 'unique:1', undefined, 'filter');
    expect(result.rows).toBe([...expected.values()].reduce((a, b) => a + b, 0));
    expect(result.nulls).toBe(expected.get(null));
    const { values } = dict.uniqueValues(id, 1, 0, 100, 'value', '');
    expect(new Map(values.map((v) => [v.value, v.count]))).toEqual(expected);
    await dict.close(id);
  });
});

describe('UniqueCounter with a selection', () => {
  it('counts the selected rows of a vector made of several pieces, and only those', () => {
    const values = Array.from({ length: 5_000 }, (_, i) => (i % 11 === 0 ? null : `v${i % 13}`));
    const pieces = [values.slice(0, 1_700), values.slice(1_700, 3_100), values.slice(3_100)].map((p) => vectorFromArray(p, new Utf8()));
    const vector = pieces[0].concat(pieces[1], pieces[2]);
    expect(vector.data.length).toBe(3);
    const selection = Uint32Array.from({ length: 5_000 }, (_, i) => i).filter((i) => i % 3 === 0 || (i > 1_650 && i < 1_750));
    const counter = new UniqueCounter();
    counter.add(vector, 100, selection);
    const partial = counter.partial();
    const expected = new Map<string, { count: number; firstRow: number }>();
    let nulls = 0;
    for (const i of selection) {
      const v = values[i];
      if (v === null) nulls++;
      else if (expected.has(v)) expected.get(v)!.count++;
      else expected.set(v, { count: 1, firstRow: 100 + i });
    }
    expect(partial.rows).toBe(selection.length);
    expect(partial.nulls).toBe(nulls);
    expect(partial.firstNullRow).toBe(100 + selection.find((i) => values[i] === null)!);
    expect(new Map(partial.values.map((v) => [v.value, { count: v.count, firstRow: v.firstRow }]))).toEqual(expected);
    // The numbers of a Float64 column, through the generic path.
    const floats = vectorFromArray(Array.from({ length: 300 }, (_, i) => (i % 4 === 0 ? null : i / 2)), new Float64());
    const some = Uint32Array.of(0, 1, 2, 3, 5, 299);
    const numbers = new UniqueCounter();
    numbers.add(floats, 0, some);
    expect(numbers.partial()).toMatchObject({ rows: 6, nulls: 1, firstNullRow: 0 });
  });
});
