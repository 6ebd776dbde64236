import { Int32, RecordBatch, Table, makeData, Schema, Field, Struct, tableToIPC, vectorFromArray, Utf8 } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileFilter } from '../../src/compute/filter';
import { openDataset } from '../../src/dataset/openDataset';
import { NodeFileSource } from '../../src/source/nodeFileSource';
import { Engine } from '../../src/worker/engine';
import { FindMemory } from '../../src/worker/findMemory';
import { findRow } from '../../src/worker/findRow';
import type { FindStatus } from '../../src/worker/protocol';
import { tempFile } from '../support/files';
import { openFecFiles, type FecFiles } from './support/fecFiles';

/**
 * Find next / previous through the Engine facade, against a plain scan written here: every row read
 * with apache-arrow (tableFromIPC) or hyparquet, tested by a JavaScript predicate, and the nearest
 * matching row after / before a row picked from that list. FEC-like files of 20,000 rows: an Arrow
 * stream of 20 batches of 1,000 rows and a Parquet file of 8 row groups of 2,500.
 */
type Row = Record<string, unknown>;

const CASES: [string, (r: Row) => boolean][] = [
  ["cand_nm = 'Romney, Mitt'", (r) => r.cand_nm === 'Romney, Mitt'],
  ["cand_nm = 'McCotter, Thaddeus G'", (r) => r.cand_nm === 'McCotter, Thaddeus G'],
  ["contbr_st IN ('CA', 'NY') AND contb_receipt_amt >= 250", (r) => ['CA', 'NY'].includes(r.contbr_st as string) && (r.contb_receipt_amt as number) >= 250],
  // nulls: a null never matches a comparison; IS NULL finds them
  ['contbr_employer IS NULL', (r) => r.contbr_employer === null],
  ["contbr_employer ICONTAINS 'univ'", (r) => typeof r.contbr_employer === 'string' && r.contbr_employer.toLowerCase().includes('univ')],
  ["cand_nm != 'nobody'", () => true],
  ['contb_receipt_amt > 1e9', () => false],
];

const ROWS = 20_000;
let engine: Engine;
let ids: Map<string, number>;
let paths: Map<string, string>;
let reference: Map<string, Row[]>;
let columnNames: string[];
let files: FecFiles;

beforeAll(async () => {
  files = await openFecFiles(ROWS);
  ({ engine, ids, paths, reference, columnNames } = files);
}, 60_000);
afterAll(() => files.close());

const plainScan = (kind: string, test: (r: Row) => boolean) => reference.get(kind)!.flatMap((r, i) => (test(r) ? [i] : []));
const nextOf = (matches: number[], from: number) => matches.find((m) => m > from) ?? null;
const previousOf = (matches: number[], from: number) => matches.findLast((m) => m < from) ?? null;

/** Rows to search from: the file's start and end (and past them), chunk edges of both files, and some in between. */
const FROM = [-1, 0, 1, 999, 1_000, 1_001, 2_499, 2_500, 4_999, 5_000, 7_777, 12_345, 17_499, 17_500, 19_000, ROWS - 2, ROWS - 1, ROWS];

for (const kind of ['arrow', 'parquet']) {
  describe(kind, () => {
    for (const [where, test] of CASES) {
      it(`${where}: next and previous from the start, the end and across chunks are the plain scan's`, async () => {
        const id = ids.get(kind)!;
        const matches = plainScan(kind, test);
        for (const from of FROM) {
          const next = await engine.find(id, where, from, 'next', 'find');
          expect(next.problem).toBeUndefined();
          expect([from, next.found?.row ?? null]).toEqual([from, nextOf(matches, from)]);
          if (next.found) expect(next.found.viewRow).toBe(next.found.row);
          const previous = await engine.find(id, where, from, 'previous', 'find');
          expect([from, previous.found?.row ?? null]).toEqual([from, previousOf(matches, from)]);
        }
      });
    }

    it('walks every match of a rare value with next, then back with previous', async () => {
      const id = ids.get(kind)!;
      const where = "contbr_st = 'ZZ' AND contb_receipt_amt < 500";
      const matches = plainScan(kind, (r) => r.contbr_st === 'ZZ' && (r.contb_receipt_amt as number) < 500);
      expect(matches.length).toBeGreaterThan(3);
      const forward: number[] = [];
      // bounded: a find that returned its own row again would loop
      for (let at = (await engine.find(id, where, -1, 'next', 'find')).found; at && forward.length <= matches.length; at = (await engine.find(id, where, at.row, 'next', 'find')).found) forward.push(at.row);
      expect(forward).toEqual(matches);
      const back: number[] = [];
      for (let at = (await engine.find(id, where, ROWS, 'previous', 'find')).found; at && back.length <= matches.length; at = (await engine.find(id, where, at.row, 'previous', 'find')).found) back.push(at.row);
      expect(back).toEqual([...matches].reverse());
    });

    it('a repeated find reads no chunk again: the second answers from what the first learned', async () => {
      const id = ids.get(kind)!;
      const where = "contbr_employer = 'no such employer'";
      const first = await engine.find(id, where, -1, 'next', 'find');
      expect(first.found).toBeNull();
      expect(first.status).toMatchObject({ rowsSearched: ROWS, chunksKnown: 0 });
      expect(first.status!.chunksRead + first.status!.chunksSkipped).toBe(first.status!.chunksSearched);
      const again = await engine.find(id, where, -1, 'next', 'find');
      expect(again.status).toMatchObject({ rowsSearched: ROWS, chunksRead: 0, chunksSkipped: 0, chunksKnown: first.status!.chunksSearched });
      // the other way over the same chunks: known too
      const back = await engine.find(id, where, ROWS, 'previous', 'find');
      expect(back.status).toMatchObject({ chunksRead: 0, chunksKnown: first.status!.chunksSearched });
    });

    it('counts column reads: a second "next" reads nothing, the one after reads only chunks not yet known', async () => {
      const dataset = await openDataset(await NodeFileSource.open(paths.get(kind)!));
      await dataset.indexed;
      let reads = 0;
      const read = dataset.readColumn.bind(dataset);
      dataset.readColumn = (...args) => (reads++, read(...args));
      const filter = compileFilter("cand_nm = 'Romney, Mitt'", dataset.fields, dataset.schema);
      const matches = plainScan(kind, (r) => r.cand_nm === 'Romney, Mitt');
      const memory = new FindMemory();
      const first = await findRow(dataset, filter, memory, -1, 'next', undefined, undefined);
      expect(first.row).toBe(matches[0]);
      const readsFirst = reads;
      expect(readsFirst).toBeGreaterThan(0);
      expect((await findRow(dataset, filter, memory, -1, 'next')).row).toBe(matches[0]);
      expect(reads).toBe(readsFirst);
      // the matches in the chunk already read come from memory
      const sameChunk = matches.filter((m) => Math.floor(m / (kind === 'arrow' ? 1_000 : 2_500)) === Math.floor(matches[0] / (kind === 'arrow' ? 1_000 : 2_500)));
      expect((await findRow(dataset, filter, memory, matches[0], 'next')).row).toBe(matches[1]);
      if (sameChunk.length > 1) expect(reads).toBe(readsFirst);
      // a fresh memory reads again (the counter counts)
      await findRow(dataset, filter, new FindMemory(), -1, 'next');
      expect(reads).toBeGreaterThan(readsFirst);
      await dataset.close();
    });

    it('within a filtered view: view rows are match numbers, and only rows of the filter are found', async () => {
      const id = ids.get(kind)!;
      const view = "contbr_st IN ('CA', 'NY')";
      expect((await engine.filter(id, view, 'filter')).status?.done).toBe(true);
      const filtered = plainScan(kind, (r) => ['CA', 'NY'].includes(r.contbr_st as string));
      const both = plainScan(kind, (r) => ['CA', 'NY'].includes(r.contbr_st as string) && r.cand_nm === 'Romney, Mitt');
      expect(both.length).toBeGreaterThan(2);
      const where = "cand_nm = 'Romney, Mitt'";
      const first = await engine.find(id, where, -1, 'next', 'find', undefined, 'filter');
      expect(first.found).toMatchObject({ row: both[0], viewRow: filtered.indexOf(both[0]) });
      const second = await engine.find(id, where, first.found!.viewRow, 'next', 'find', undefined, 'filter');
      expect(second.found).toMatchObject({ row: both[1], viewRow: filtered.indexOf(both[1]), column: columnNames.indexOf('cand_nm') });
      const back = await engine.find(id, where, second.found!.viewRow, 'previous', 'find', undefined, 'filter');
      expect(back.found).toEqual(first.found);
      const last = await engine.find(id, where, filtered.length, 'previous', 'find', undefined, 'filter');
      expect(last.found?.row).toBe(both[both.length - 1]);
      const none = await engine.find(id, where, last.found!.viewRow, 'next', 'find', undefined, 'filter');
      expect(none.found).toBeNull();
      // A find of an expression alone, then within the filter: the chunks where it matched nothing are not read again.
      const rare = "contbr_employer = 'no such employer' OR cand_nm = 'McCotter, Thaddeus G'";
      const alone = await engine.find(id, rare, -1, 'next', 'find');
      const skipped = alone.status!;
      const inView = await engine.find(id, rare, -1, 'next', 'find', undefined, 'filter');
      const expectedRow = plainScan(kind, (r) => ['CA', 'NY'].includes(r.contbr_st as string) && r.cand_nm === 'McCotter, Thaddeus G')[0];
      expect(inView.found?.row ?? null).toBe(expectedRow ?? null);
      expect(inView.status!.chunksKnown).toBeGreaterThanOrEqual(Math.min(skipped.chunksSearched - 1, inView.status!.chunksSearched - 1));
      expect(inView.status!.chunksKnown).toBeGreaterThan(0);
      engine.clearFilter(id, 'filter');
    });

    it('within a selective filter, only the chunks holding rows of the view are read', async () => {
      const id = ids.get(kind)!;
      const size = kind === 'arrow' ? 1_000 : 2_500;
      expect((await engine.filter(id, "cand_nm = 'Paul, Ron'", 'filter')).status?.done).toBe(true);
      const filtered = plainScan(kind, (r) => r.cand_nm === 'Paul, Ron');
      const chunksWithView = new Set(filtered.map((r) => Math.floor(r / size))).size;
      const where = "contbr_st = 'WY'";
      const both = plainScan(kind, (r) => r.cand_nm === 'Paul, Ron' && r.contbr_st === 'WY');
      const seen: number[] = [];
      let from = -1;
      for (let at = (await engine.find(id, where, from, 'next', 'find', undefined, 'filter')); at.found && seen.length <= both.length; at = await engine.find(id, where, from, 'next', 'find', undefined, 'filter')) {
        seen.push(at.found.row);
        from = at.found.viewRow;
      }
      expect(seen).toEqual(both);
      const back = await engine.find(id, where, filtered.length, 'previous', 'find-fresh', undefined, 'filter');
      expect(back.found?.row ?? null).toBe(both.length ? both[both.length - 1] : null);
      // From the end back to the start over the whole file: chunks without a view row are not read.
      const all = await engine.find(id, "contbr_st = 'no such state'", filtered.length, 'previous', 'find', undefined, 'filter');
      expect(all.found).toBeNull();
      expect(all.status!.chunksRead + all.status!.chunksSkipped).toBeLessThanOrEqual(chunksWithView);
      expect(all.status!.chunksKnown).toBeGreaterThanOrEqual(all.status!.chunksSearched - chunksWithView);
      expect(chunksWithView).toBeLessThan(all.status!.chunksSearched);
      engine.clearFilter(id, 'filter');
    });
  });
}

describe('expressions and progress', () => {
  it('a bad expression is a problem pointing at its token, nothing searched', async () => {
    const answer = await engine.find(ids.get('arrow')!, "cand_nm = 'x' AND nope > 3", 0, 'next', 'find');
    expect(answer.found).toBeUndefined();
    expect(answer.problem).toMatchObject({ offset: 18, length: 4 });
    expect(answer.problem!.message).toMatch(/nope/);
  });

  it('reports how far it got while it scans, and a cancel stops it', async () => {
    const id = ids.get('arrow')!;
    const seen: FindStatus[] = [];
    const where = "contbr_occupation IMATCHES '^zz+q$'";
    const answer = await engine.find(id, where, -1, 'next', 'find-progress', (s) => seen.push(s));
    expect(answer.found).toBeNull();
    expect(answer.status!.chunksSearched).toBe(20);
    for (const s of seen) expect(s.rowsSearched).toBeLessThanOrEqual(ROWS);
    const run = engine.find(id, "contbr_occupation IMATCHES '^yy+q$'", -1, 'next', 'find-cancel');
    engine.cancel('find-cancel');
    await expect(run).rejects.toThrow();
  });
});

describe('small batches with nulls and empty batches', () => {
  // Batches of 4 rows (one empty): x = 0..19 with every third null; matches cross batch edges.
  const values = Array.from({ length: 20 }, (_, i) => (i % 3 === 0 ? null : i));
  let id: number;
  beforeAll(async () => {
    const schema = new Schema([new Field('x', new Int32(), true), new Field('s', new Utf8(), true)]);
    const batches: RecordBatch[] = [];
    for (let start = 0; start <= 20; start += 4) {
      const part = values.slice(start, start + 4);
      if (start === 8) batches.push(new RecordBatch(schema, makeData({ type: new Struct(schema.fields), length: 0, children: [vectorFromArray([], new Int32()).data[0], vectorFromArray([], new Utf8()).data[0]] })));
      if (!part.length) continue;
      const x = vectorFromArray(part, new Int32());
      const s = vectorFromArray(part.map((v) => (v === null ? null : `v${v}`)), new Utf8());
      batches.push(new RecordBatch(schema, makeData({ type: new Struct(schema.fields), length: part.length, children: [x.data[0], s.data[0]] })));
    }
    const path = tempFile('small.arrows', tableToIPC(new Table(batches), 'stream'));
    id = (await engine.openSource(await NodeFileSource.open(path), true)).id;
  });

  const check = async (where: string, test: (v: number | null) => boolean) => {
    const matches = values.flatMap((v, i) => (test(v) ? [i] : []));
    for (let from = -1; from <= 20; from++) {
      expect([where, from, (await engine.find(id, where, from, 'next', 'k')).found?.row ?? null]).toEqual([where, from, nextOf(matches, from)]);
      expect([where, from, (await engine.find(id, where, from, 'previous', 'k')).found?.row ?? null]).toEqual([where, from, previousOf(matches, from)]);
    }
  };

  it('comparisons skip nulls, IS NULL finds them, NOT keeps them out (three-valued logic)', async () => {
    await check('x > 10', (v) => v !== null && v > 10);
    await check('x IS NULL', (v) => v === null);
    await check('NOT (x < 5)', (v) => v !== null && !(v < 5));
    await check("s ENDS WITH '7'", (v) => v !== null && `v${v}`.endsWith('7'));
    await check('x IS NOT NULL', (v) => v !== null);
  });
});
