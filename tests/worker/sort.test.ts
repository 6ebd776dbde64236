import { readFileSync } from 'node:fs';
import { Field, Float64, Int64, makeData, RecordBatch, Schema, Struct, Table, tableFromIPC, tableToIPC, Utf8, vectorFromArray } from 'apache-arrow';
import { parquetReadObjects } from 'hyparquet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeParquetCopies } from '../../scripts/gen/writeParquet';
import { NodeFileSource } from '../../src/source/nodeFileSource';
import { Engine } from '../../src/worker/engine';
import type { SortStatus } from '../../src/worker/protocol';
import { tempFile, tempPath } from '../support/files';
import { openFile } from '../filter/support';
import { runTopRows } from '../../src/worker/pool/runTopRows';
import { compareValue } from '../sort/support/compareValue';

/**
 * The Data view's sort through the Engine facade (what the page calls), against an order computed
 * here: every row read back with apache-arrow (tableFromIPC) or hyparquet, ordered by Array.sort with
 * the rules written out below (nulls last, NaN just before them, strings by UTF-8 bytes, ties in file
 * order). Generated files of 12,000 rows with NaN, nulls, ties and int64 beyond 2^53: an Arrow stream
 * of 4 batches and a Parquet file of 4 row groups.
 */
type Value = number | bigint | string | null;
type Row = Record<string, Value>;
const ROWS = 12_000;
const PER_CHUNK = 3_000;
const WORDS = ['b', 'a', 'é', 'Z', '😀', 'ab', '', 'aa'];

function makeBatches(): RecordBatch[] {
  let x = 12345;
  const rand = () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
  const f: (number | null)[] = [];
  const i: (bigint | null)[] = [];
  const s: (string | null)[] = [];
  for (let r = 0; r < ROWS; r++) {
    const u = rand();
    f.push(u < 0.05 ? null : u < 0.1 ? NaN : Math.round(rand() * 400 - 200) / 4);
    i.push(rand() < 0.05 ? null : 9007199254740992n + BigInt(Math.floor(rand() * 40)) * (rand() < 0.5 ? -1n : 1n));
    s.push(rand() < 0.05 ? null : `${WORDS[Math.floor(rand() * WORDS.length)]}${WORDS[Math.floor(rand() * WORDS.length)]}`);
  }
  const schema = new Schema([new Field('f', new Float64(), true), new Field('i', new Int64(), true), new Field('s', new Utf8(), true)]);
  const batches: RecordBatch[] = [];
  for (let a = 0; a < ROWS; a += PER_CHUNK) {
    const children = [vectorFromArray(f.slice(a, a + PER_CHUNK), new Float64()).data[0], vectorFromArray(i.slice(a, a + PER_CHUNK), new Int64()).data[0], vectorFromArray(s.slice(a, a + PER_CHUNK), new Utf8()).data[0]];
    batches.push(new RecordBatch(schema, makeData({ type: new Struct(schema.fields), length: PER_CHUNK, nullCount: 0, children })));
  }
  return batches;
}

/** `spec` in the CLI's syntax, over `rows` (those passing `keep`), as file row numbers. */
function expectedOrder(rows: Row[], spec: string, keep: (r: Row, n: number) => boolean = () => true): number[] {
  const keys = spec.split(',').map((p) => ({ name: p.replace(/:desc$/, ''), desc: p.endsWith(':desc') }));
  const candidates = rows.flatMap((r, n) => (keep(r, n) ? [n] : []));
  return candidates.sort((a, b) => {
    for (const k of keys) {
      const c = compareValue(rows[a][k.name], rows[b][k.name], k.desc);
      if (c !== 0) return c;
    }
    return a - b;
  });
}

let engine: Engine;
const ids = new Map<string, number>();
const paths = new Map<string, string>();
const reference = new Map<string, Row[]>();

beforeAll(async () => {
  const arrowPath = tempFile('sort.arrows', tableToIPC(new Table(makeBatches()), 'stream'));
  const parquetPath = tempPath('sort.parquet');
  await writeParquetCopies(parquetPath, makeBatches, 1, PER_CHUNK);
  reference.set('arrow', tableFromIPC(readFileSync(arrowPath)).toArray().map((r: { toJSON(): Row }) => r.toJSON()));
  const bytes = readFileSync(parquetPath);
  reference.set('parquet', (await parquetReadObjects({ file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) })) as Row[]);
  engine = new Engine();
  for (const [kind, path] of [['arrow', arrowPath], ['parquet', parquetPath]]) {
    ids.set(kind, (await engine.openSource(await NodeFileSource.open(path), true)).id);
    paths.set(kind, path);
  }
}, 60_000);
afterAll(async () => {
  for (const id of ids.values()) await engine.close(id);
});

const S = 2; // the string column, shown to check the cells come with their rows

for (const kind of ['arrow', 'parquet']) {
  describe(kind, () => {
    it('the reference has NaN, nulls and ties in every key', () => {
      const rows = reference.get(kind)!;
      expect(rows).toHaveLength(ROWS);
      expect(rows.some((r) => Number.isNaN(r.f))).toBe(true);
      for (const k of ['f', 'i', 's']) expect(rows.filter((r) => r[k] === null).length).toBeGreaterThan(100);
    });

    for (const spec of ['f', 'f:desc', 'i:desc,s', 's,f:desc', 's:desc,i,f']) {
      it(`${spec}: the sorted view is the reference order, with file row numbers and cells`, async () => {
        const id = ids.get(kind)!;
        const rows = reference.get(kind)!;
        const expected = expectedOrder(rows, spec);
        const progress: SortStatus[] = [];
        const status = await engine.sort(id, spec, 'sort', null, (s) => progress.push(s));
        expect(status).toMatchObject({ spec, candidates: ROWS, rows: ROWS, fileRows: ROWS, filtered: false, complete: true, done: true, cancelled: false });
        expect(status.note).toBeUndefined();
        expect(status.keys.map((k) => k.name).join(',')).toBe(spec.replace(/:desc/g, ''));
        const all = await engine.rows(id, 0, ROWS, [S], 'grid', 'sort');
        expect(all.viewRows).toBe(ROWS);
        expect(all.rowNumbers).toEqual(expected);
        expect(all.columns[0]).toEqual(expected.map((r) => rows[r].s));
        // A block in the middle, as the grid asks for one.
        const mid = await engine.rows(id, 4_321, 64, [S, 0], 'grid', 'sort');
        expect(mid.start).toBe(4_321);
        expect(mid.rowNumbers).toEqual(expected.slice(4_321, 4_321 + 64));
        // Go to: a file row's place in the view.
        expect(engine.sortLocate(id, expected[777], 'sort')).toEqual({ ordinal: 777, row: expected[777] });
      });
    }

    it('sorts the filtered rows (the filter kept under its key), and a new filter is sorted again', async () => {
      const id = ids.get(kind)!;
      const rows = reference.get(kind)!;
      for (const [where, keep] of [
        ['f > 10', (r: Row) => typeof r.f === 'number' && r.f > 10],
        ["s IS NULL OR s = 'ab'", (r: Row) => r.s === null || r.s === 'ab'],
      ] as const) {
        await engine.filter(id, where, 'filter');
        const expected = expectedOrder(rows, 's:desc,f', keep);
        const status = await engine.sort(id, 's:desc,f', 'sort', 'filter');
        expect(status).toMatchObject({ candidates: expected.length, rows: expected.length, filtered: true, complete: true });
        const all = await engine.rows(id, 0, ROWS, [S], 'grid', 'sort');
        expect(all.rowNumbers).toEqual(expected);
        expect(all.columns[0]).toEqual(expected.map((r) => rows[r].s));
        expect(engine.sortLocate(id, rows.findIndex((r) => !keep(r)), 'sort')).toBeNull();
      }
      engine.clearFilter(id, 'filter');
    });

    it('past the full-order limit: the exact first 10,000 rows, saying so', async () => {
      const id = ids.get(kind)!;
      const expected = expectedOrder(reference.get(kind)!, 'i,f:desc');
      engine.sortFullMax = 5_000;
      try {
        const status = await engine.sort(id, 'i,f:desc', 'sort');
        expect(status).toMatchObject({ candidates: ROWS, rows: 10_000, complete: false });
        expect(status.note).toBe('the first 10,000 of 12,000 rows: a full order is built for up to 5,000 rows; sort the filtered rows for one');
        const all = await engine.rows(id, 0, ROWS, [S], 'grid', 'sort');
        expect(all.rowNumbers).toEqual(expected.slice(0, 10_000));
      } finally {
        engine.sortFullMax = 10_000_000;
      }
    });

    it('the top-K in shares of chunks (as the compute pool runs it), merged, is the reference order', async () => {
      const dataset = await openFile(paths.get(kind)!);
      const rows = reference.get(kind)!;
      const all = expectedOrder(rows, 's:desc,i');
      const keys = [
        { column: 2, descending: true },
        { column: 1, descending: false },
      ];
      const seen: number[] = [];
      for (const k of [1, 50, 4_000]) {
        // 3,000-row chunks, shares of at least 5,000 rows: two shares of two chunks, each its own top k.
        const top = await runTopRows(dataset, null, keys, k, undefined, new AbortController().signal, (done) => seen.push(done), undefined, 5_000);
        expect(Array.from(top.rows)).toEqual(all.slice(0, k));
        expect(top).toMatchObject({ candidates: ROWS, complete: false });
      }
      expect(seen.slice(0, 2)).toEqual([6_000, 12_000]);
      // Over a filter's rows: chunk 1 gives none, chunk 2 its even rows.
      const rowsOf = (c: number) => (c === 1 ? new Uint32Array(0) : c === 2 ? Uint32Array.from({ length: 1_500 }, (_, i) => 2 * i) : null);
      const keep = (n: number) => {
        const c = Math.floor(n / PER_CHUNK);
        return c === 0 || c === 3 || (c === 2 && n % 2 === 0);
      };
      const filtered = expectedOrder(rows, 's:desc,i', (_, n) => keep(n));
      const top = await runTopRows(dataset, null, keys, 100, rowsOf, new AbortController().signal, () => {}, undefined, 5_000);
      expect(top.candidates).toBe(PER_CHUNK + PER_CHUNK / 2 + PER_CHUNK);
      expect(Array.from(top.rows)).toEqual(filtered.slice(0, 100));
      await dataset.close();
    });

    it('a new sort under the key cancels the one before; clearing forgets the order', async () => {
      const id = ids.get(kind)!;
      const first = engine.sort(id, 's', 'sort');
      const second = engine.sort(id, 'f:desc', 'sort');
      await expect(first).rejects.toThrow();
      expect((await second).spec).toBe('f:desc');
      const top = await engine.rows(id, 0, 3, [0], 'grid', 'sort');
      expect(top.rowNumbers).toEqual(expectedOrder(reference.get(kind)!, 'f:desc').slice(0, 3));
      engine.clearSort(id, 'sort');
      expect(engine.sortLocate(id, 0, 'sort')).toBeNull();
      await expect(engine.rows(id, 0, 3, [0], 'grid', 'sort')).rejects.toThrow();
      // The file order again without the view key.
      expect((await engine.rows(id, 0, 3, [0], 'grid')).rowNumbers).toBeUndefined();
    });

    it('a column the file lacks is said by name; #N names a column by index', async () => {
      const id = ids.get(kind)!;
      await expect(engine.sort(id, 'nope:desc', 'sort')).rejects.toThrow('There is no column "nope" to sort by.');
      const status = await engine.sort(id, '#2:desc', 'sort');
      expect(status.keys).toEqual([{ column: 2, name: 's', descending: true }]);
      expect((await engine.rows(id, 0, ROWS, [S], 'grid', 'sort')).rowNumbers).toEqual(expectedOrder(reference.get(kind)!, 's:desc'));
    });
  });
}
