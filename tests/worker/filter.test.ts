import { readFileSync } from 'node:fs';
import { Field, Int32, RecordBatch, RecordBatchStreamWriter, Schema, Struct, Table, Utf8, makeData, tableFromIPC, tableToIPC, vectorFromArray } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fecBatches } from '../../scripts/gen/fecTable';
import { NodeFileSource } from '../../src/source/nodeFileSource';
import { Engine } from '../../src/worker/engine';
import type { FilterStatus } from '../../src/worker/protocol';
import { tempFile } from '../support/files';
import { withLatency } from '../support/slowSource';
import { openFecFiles, type FecFiles } from './support/fecFiles';

/**
 * The app's filter through the Engine facade (what the page calls), against a plain scan written here:
 * every row read with apache-arrow (tableFromIPC) or hyparquet directly, tested by a JavaScript
 * predicate. FEC-like generated files of 20,000 rows: an Arrow stream of 20 batches and a Parquet file
 * of 8 row groups; candidates come in long runs, so most chunks hold no match of one candidate.
 */
type Row = Record<string, unknown>;

const CASES: [string, (r: Row) => boolean][] = [
  ["cand_nm = 'Romney, Mitt'", (r) => r.cand_nm === 'Romney, Mitt'],
  ["contbr_st IN ('CA', 'NY') AND contb_receipt_amt >= 250", (r) => ['CA', 'NY'].includes(r.contbr_st as string) && (r.contb_receipt_amt as number) >= 250],
  ['contbr_employer IS NULL OR memo_cd IS NOT NULL', (r) => r.contbr_employer === null || r.memo_cd !== null],
  ['contb_receipt_amt > 1e9', () => false],
  ["cand_nm != 'nobody'", () => true],
];
const COLUMNS = ['cand_nm', 'contbr_st', 'contbr_employer'];

let engine: Engine;
let ids: Map<string, number>;
let reference: Map<string, Row[]>;
let fieldIndex: (name: string) => number;
let files: FecFiles;

beforeAll(async () => {
  files = await openFecFiles();
  ({ engine, ids, reference, fieldIndex } = files);
}, 60_000);
afterAll(() => files.close());

const plainScan = (kind: string, test: (r: Row) => boolean) => reference.get(kind)!.flatMap((r, i) => (test(r) ? [i] : []));

for (const kind of ['arrow', 'parquet']) {
  describe(kind, () => {
    for (const [where, test] of CASES) {
      it(`${where}: the filtered rows are the plain scan's, with their file row numbers and values`, async () => {
        const id = ids.get(kind)!;
        const expected = plainScan(kind, test);
        const progress: FilterStatus[] = [];
        const answer = await engine.filter(id, where, 'filter', (s) => progress.push(s));
        expect(answer.problem).toBeUndefined();
        const status = answer.status!;
        expect(status).toMatchObject({ text: where, rows: 20_000, rowsScanned: 20_000, matched: expected.length, known: expected.length, done: true, cancelled: false });
        const columns = COLUMNS.map(fieldIndex);
        const all = await engine.rows(id, 0, 25_000, columns, 'grid', 'filter');
        expect(all.count).toBe(expected.length);
        expect(all.rowNumbers).toEqual(expected);
        expect(all.viewRows).toBe(expected.length);
        // A line where the matches pass into another chunk (1,000-row batches, 2,500-row row groups).
        const size = kind === 'arrow' ? 1_000 : 2_500;
        expect(all.chunkStarts).toEqual(expected.flatMap((r, i) => (i > 0 && Math.floor(r / size) !== Math.floor(expected[i - 1] / size) ? [i] : [])));
        const ref = reference.get(kind)!;
        COLUMNS.forEach((name, k) => expect(all.columns[k]).toEqual(expected.map((r) => ref[r][name] ?? null)));
        // A window in the middle, as the grid asks for one block: view rows 37.. are matches 37..
        const mid = await engine.rows(id, 37, 64, columns, 'grid', 'filter');
        expect(mid.start).toBe(37);
        expect(mid.rowNumbers).toEqual(expected.slice(37, 37 + 64));
        expect(mid.columns[0]).toEqual(expected.slice(37, 37 + 64).map((r) => ref[r].cand_nm));
        // Without the filter, the same call reads the file's rows.
        const plain = await engine.rows(id, 37, 3, columns, 'grid');
        expect(plain.rowNumbers).toBeUndefined();
        expect(plain.columns[0]).toEqual(ref.slice(37, 40).map((r) => r.cand_nm));
      });
    }

    it('go-to finds the nearest match of a file row: the first at or after it, else the last before it', async () => {
      const id = ids.get(kind)!;
      const expected = plainScan(kind, CASES[0][1]);
      await engine.filter(id, CASES[0][0], 'filter');
      expect(expected[0]).toBeGreaterThan(1000); // Romney's run starts after Obama's
      expect(engine.filterLocate(id, 0, 'filter')).toEqual({ ordinal: 0, row: expected[0], exact: false, after: true });
      expect(engine.filterLocate(id, expected[10], 'filter')).toEqual({ ordinal: 10, row: expected[10], exact: true, after: true });
      expect(engine.filterLocate(id, 19_999, 'filter')).toEqual({ ordinal: expected.length - 1, row: expected.at(-1), exact: false, after: false });
      expect(engine.filterLocate(id, 10 ** 9, 'filter')).toMatchObject({ ordinal: expected.length - 1, after: false });
    });

    it('conditions built by clicking match the row they were taken from', async () => {
      const id = ids.get(kind)!;
      const ref = reference.get(kind)!;
      const nullRow = ref.findIndex((r) => r.contbr_employer === null);
      const valueRow = ref.findIndex((r) => r.contbr_employer !== null && String(r.contbr_employer).length > 0);
      const employer = fieldIndex('contbr_employer');
      expect(await engine.filterCondition(id, employer, 'column')).toBe('contbr_employer = ');
      expect(await engine.filterCondition(id, employer, '=', nullRow)).toBe('contbr_employer IS NULL');
      expect(await engine.filterCondition(id, employer, 'isNotNull')).toBe('contbr_employer IS NOT NULL');
      const eq = await engine.filterCondition(id, employer, '=', valueRow);
      expect(eq).toBe(`contbr_employer = '${String(ref[valueRow].contbr_employer).replace(/'/g, "''")}'`);
      const { status } = await engine.filter(id, eq, 'filter');
      expect(status!.matched).toBe(plainScan(kind, (r) => r.contbr_employer === ref[valueRow].contbr_employer).length);
      const amount = await engine.filterCondition(id, fieldIndex('contb_receipt_amt'), '!=', 5);
      const { status: other } = await engine.filter(id, amount, 'filter');
      expect(other!.matched).toBe(plainScan(kind, (r) => r.contb_receipt_amt !== ref[5].contb_receipt_amt).length);
      const num = await engine.filterCondition(id, fieldIndex('file_num'), '=', 5);
      expect((await engine.filter(id, num, 'filter')).status!.matched).toBe(plainScan(kind, (r) => r.file_num === ref[5].file_num).length);
    });
  });
}

describe('sparse matches in a big chunk', () => {
  it('are read range by range (not the whole chunk), each with its text and file row number', async () => {
    // One batch of 200,000 rows: matches far apart are read as separate small ranges, near ones together.
    const rows = 200_000;
    const schema = new Schema([new Field('i', new Int32(), false), new Field('s', new Utf8(), true)]);
    const text = (i: number) => (i % 3 === 0 ? null : `value ${i}`);
    const children = [makeData({ type: new Int32(), length: rows, nullCount: 0, data: Int32Array.from({ length: rows }, (_, i) => i) }), vectorFromArray(Array.from({ length: rows }, (_, i) => text(i)), new Utf8()).data[0]];
    const batch = new RecordBatch(schema, makeData({ type: new Struct(schema.fields), length: rows, nullCount: 0, children }));
    const path = tempFile('sparse.arrows', RecordBatchStreamWriter.writeAll([batch]).toUint8Array(true));
    const sparse = new Engine();
    const { id } = await sparse.openSource(await NodeFileSource.open(path), true);
    const where = 'i IN (4, 50003, 100001, 150002, 199999) OR i BETWEEN 120000 AND 120010';
    const expected = [4, 50003, 100001, ...Array.from({ length: 11 }, (_, k) => 120000 + k), 150002, 199999];
    expect((await sparse.filter(id, where, 'filter')).status!.matched).toBe(expected.length);
    const all = await sparse.rows(id, 0, 100, [1, 0], 'grid', 'filter');
    expect(all.rowNumbers).toEqual(expected);
    expect(all.columns[0]).toEqual(expected.map(text));
    expect(all.columns[1]).toEqual(expected.map(String));
    const tail = await sparse.rows(id, 13, 5, [1], 'grid', 'filter');
    expect(tail.rowNumbers).toEqual(expected.slice(13));
    expect(tail.columns[0]).toEqual(expected.slice(13).map(text));
    expect(tail.chunkStarts).toEqual([]);
    await sparse.close(id);
  });
});

describe('conditions built by clicking, on every type', () => {
  // filter_types: 30 rows of ints, floats (NaN, -0), strings, a dictionary, decimals, dates, times,
  // timestamps with and without a zone, bools, binaries, nulls (tests/filter/fixtures, made by pyarrow).
  for (const ext of ['arrow', 'parquet']) {
    it(`${ext}: "= this value" matches every row showing the same text, "!= this value" none of them`, async () => {
      const typed = new Engine();
      const summary = await typed.openSource(await NodeFileSource.open(`tests/filter/fixtures/filter_types.${ext}`), true);
      const { id, fields, rows } = summary;
      let tried = 0;
      for (let column = 0; column < fields.length; column++) {
        const text = (await typed.rows(id, 0, rows, [column], 'grid')).columns[0];
        for (let row = 0; row < rows; row++) {
          const same = text.flatMap((t, r) => (t === text[row] ? [r] : []));
          let eq: string;
          try {
            eq = await typed.filterCondition(id, column, '=', row);
          } catch (e) {
            // Only values the language cannot write: NaN and infinities (bytes that are not UTF-8 are X'…').
            expect(String(e)).toMatch(/cannot be written/);
            expect(fields[column].typeId).toBe('float');
            continue;
          }
          tried++;
          const answer = await typed.filter(id, eq, 'filter');
          expect(answer.problem, eq).toBeUndefined();
          const matched = (await typed.rows(id, 0, rows, [], 'grid', 'filter')).rowNumbers!;
          // A float -0 equals 0 (their text differs): the rows of the same text are among the matches.
          if (fields[column].typeId === 'float') expect(matched, eq).toEqual(expect.arrayContaining(same));
          else expect(matched, eq).toEqual(same);
          if (text[row] === null) continue;
          const ne = await typed.filterCondition(id, column, '!=', row);
          await typed.filter(id, ne, 'filter');
          const others = (await typed.rows(id, 0, rows, [], 'grid', 'filter')).rowNumbers!;
          expect(others.filter((r) => same.includes(r)), ne).toEqual([]);
        }
      }
      expect(tried).toBeGreaterThan(fields.length * rows - 30); // 16 cells are NaN or ±Infinity
      await typed.close(id);
    }, 60_000);

    it(`${ext}: bytes that are not UTF-8 (shown \\x00\\xffab) are written X'00ff6162', and Find with the cell's text finds them`, async () => {
      const typed = new Engine();
      const { id, fields, rows } = await typed.openSource(await NodeFileSource.open(`tests/filter/fixtures/filter_types.${ext}`), true);
      const column = fields.findIndex((f) => f.name === 'bin');
      const text = (await typed.rows(id, 0, rows, [column], 'grid')).columns[0];
      const same = text.flatMap((t, r) => (t === '\\x00\\xffab' ? [r] : []));
      expect(same.length).toBeGreaterThan(0);
      expect(await typed.filterCondition(id, column, '=', same[0])).toBe("bin = X'00ff6162'");
      const find = typed.findCondition(id, column, '\\xffa');
      expect(find).toBe("(bin ICONTAINS '\\xffa' OR bin CONTAINS X'ff61')");
      expect((await typed.filter(id, find, 'filter')).problem).toBeUndefined();
      expect((await typed.rows(id, 0, rows, [], 'grid', 'filter')).rowNumbers).toEqual(same);
      // Text that holds no escape is looked for as text, as before.
      expect(typed.findCondition(id, column, 'dream')).toBe("bin ICONTAINS 'dream'");
      await typed.close(id);
    });
  }
});

describe('a bad expression', () => {
  it('answers with a problem pointing at the offending token, and keeps no filter', async () => {
    const id = ids.get('arrow')!;
    await engine.filter(id, "cand_nm = 'Romney, Mitt'", 'filter');
    const unknown = await engine.filter(id, "cand = 'x'", 'filter');
    expect(unknown.status).toBeUndefined();
    expect(unknown.problem).toMatchObject({ offset: 0, length: 4, line: 1, column: 1 });
    expect(unknown.problem!.message).toMatch(/^unknown column "cand" at 1:1; did you mean cand_id or cand_nm\?/);
    const dangling = await engine.filter(id, 'contb_receipt_amt >= ', 'filter');
    expect(dangling.problem!.message).toMatch(/expected a value after >= at 1:/);
    expect(dangling.problem!.offset).toBeGreaterThanOrEqual('contb_receipt_amt >='.length);
    const typed = await engine.filter(id, "contb_receipt_amt = 'x'", 'filter');
    expect(typed.problem!.message).toMatch(/contb_receipt_amt/);
    expect(typed.problem!.offset).toBeGreaterThan(0);
    await expect(engine.rows(id, 0, 10, [0], 'grid', 'filter')).rejects.toThrow(/apply it again/);
    expect(engine.filterStatus(id, 'filter')).toBeNull();
  });
});

describe('cancelling a filter', () => {
  it('stops the run, keeps the matches found in order so far, and a new run goes to the end', async () => {
    const path = tempFile('cancel.arrows', tableToIPC(new Table(fecBatches(3, 40_000, 500)), 'stream'));
    const slow = new Engine();
    const { id } = await slow.openSource(withLatency(await NodeFileSource.open(path), 20), true);
    const seen: FilterStatus[] = [];
    const run = slow.filter(id, "cand_nm = 'Obama, Barack'", 'filter', (s) => seen.push(s));
    run.catch(() => {});
    while (!seen.length) await new Promise((r) => setTimeout(r, 10));
    slow.cancel('filter');
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    const partial = slow.filterStatus(id, 'filter')!;
    expect(partial.cancelled).toBe(true);
    expect(partial.done).toBe(false);
    expect(partial.rowsScanned).toBeLessThan(40_000);
    expect(partial.known).toBeGreaterThan(0);
    // The rows found stay readable; the status no longer moves.
    const window = await slow.rows(id, 0, 10, [2], 'grid', 'filter');
    expect(window.columns[0]).toEqual(Array(10).fill('Obama, Barack'));
    await new Promise((r) => setTimeout(r, 100));
    expect(slow.filterStatus(id, 'filter')!.rowsScanned).toBe(partial.rowsScanned);
    // A new filter under the same key cancels nothing else and runs to the end.
    const full = await slow.filter(id, "cand_nm = 'Paul, Ron'", 'filter');
    const ref = tableFromIPC(readFileSync(path)).getChild('cand_nm')!.toArray() as string[];
    expect(full.status).toMatchObject({ done: true, matched: ref.filter((n) => n === 'Paul, Ron').length });
    slow.clearFilter(id, 'filter');
    expect(slow.filterStatus(id, 'filter')).toBeNull();
    await slow.close(id);
  }, 60_000);
});
