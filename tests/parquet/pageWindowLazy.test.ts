import { Table, Utf8, vectorFromArray } from 'apache-arrow';
import { parquetReadObjects } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import { readRowWindow } from '../../src/compute/rowWindow';
import { pageRunsDecoded } from '../../src/parquet/pageWindow';
import { pagedTable, writePaged } from './support/pagedFiles';
import { blobSource, locationsOf, open } from './support/windowCompare';

const ROWS = 36_000;
/** Row group 0 may be decoded whole when the file opens: the windows are in row groups 1 and 2. */
const GROUP = 12_000;
const paged = pagedTable(ROWS, 11);
/** pagedTable's columns and an ASCII-only string of many values with nulls (its plain pages are read by marks; 'name' holds non-ASCII values, read whole). */
const table = new Table({
  ...Object.fromEntries(paged.schema.fields.map((f, k) => [f.name, paged.getChildAt(k)!])),
  word: vectorFromArray(Array.from({ length: ROWS }, (_, i) => (i % 7 === 3 ? null : `w${(i * 7919) % 100_003}-${'x'.repeat(i % 23)}`)), new Utf8()),
});
/** Flat columns read by the JS page decoder: ints and strings with nulls, a kept dictionary (city), doubles, int64. */
const NAMES = ['int', 'city', 'name', 'word', 'amount', 'id'];

/** What hyparquet reads, as the grid writes it (numbers compared as numbers: the grid groups no digits but may write a double its own way). */
const text = (v: unknown) => (v === null || v === undefined ? null : typeof v === 'number' ? Number(v) : String(v));
const asRead = (v: string | null | { error: string }, name: string) => (v === null || typeof v !== 'string' ? v : name === 'int' || name === 'amount' ? Number(v) : v);

describe('windows inside big pages, read from their own rows only (levels and indices by runs, byte arrays from marks)', () => {
  it.each([
    ['v1', false],
    ['v2', true],
  ])('%s pages of hundreds to thousands of rows (dictionary, then plain past a 4 KiB dictionary; nulls): the cells hyparquet reads, at the start, middle and end of pages and across their edges', async (_, v2) => {
    const bytes = writePaged(table, { rows: ROWS, rowGroupRows: GROUP, batchRows: 250, pageBytes: 1024, dictionaryPageBytes: 4096, v2 });
    const located = await locationsOf(bytes);
    const columns = NAMES.map((n) => table.schema.fields.findIndex((f) => f.name === n));
    const file = (await blobSource(bytes).read(0, bytes.length)).slice().buffer as ArrayBuffer;
    const windows = new Set<number>();
    for (const g of [1, 2]) {
      for (const c of columns) {
        const l = located[g][c]!;
        expect(l.offsets.length).toBeGreaterThan(1); // pages of hundreds to thousands of rows
        for (let p = 0; p < l.offsets.length; p++) {
          const first = g * GROUP + l.firstRows[p];
          const end = g * GROUP + (p + 1 < l.offsets.length ? l.firstRows[p + 1] : GROUP);
          const mid = first + Math.floor((end - first) / 2);
          for (const start of [first, first + 1, first + 31, first + 32, first + 33, mid, mid + 95, end - 64, end - 20]) windows.add(Math.min(start, ROWS - 1));
        }
      }
    }
    const js = pageRunsDecoded.js;
    const dataset = await open(bytes);
    const all = await parquetReadObjects({ file, columns: NAMES });
    for (const start of [...windows].sort((a, b) => a - b)) {
      const count = Math.min(64, ROWS - start);
      const ours = await readRowWindow(dataset, start, count, columns);
      const theirs = all.slice(start, start + count);
      expect({ start, cells: ours.columns.map((cells, k) => cells.map((v) => asRead(v, NAMES[k]))) }).toEqual({ start, cells: NAMES.map((n) => theirs.map((r) => text(r[n]))) });
    }
    // Through the JS decoder, over dictionary-encoded and plain pages, with nulls among them.
    expect(pageRunsDecoded.js).toBeGreaterThan(js + 5);
    expect(all.filter((r) => r.name === null).length).toBeGreaterThan(100);
    expect(all.filter((r) => r.int === null).length).toBeGreaterThan(1000);
  });
});
