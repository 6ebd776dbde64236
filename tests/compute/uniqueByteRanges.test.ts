import { Field, Schema, Table, Utf8, vectorFromArray } from 'apache-arrow';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import { uniqueOfColumn } from '../../src/compute/uniqueOfColumn';
import type { UniquePartial } from '../../src/compute/uniqueTypes';
import type { Dataset } from '../../src/model/types';
import { writePaged, type PagedOptions } from '../parquet/support/pagedFiles';
import { blobSource, open } from '../parquet/support/windowCompare';
import { openDataset } from '../../src/dataset/openDataset';

const ROWS = 9_000;

/** Strings with nulls: few distinct (dictionary pages), many (plain pages past a small dictionary), non-ASCII ones, and long ones. */
function table(): { table: Table; columns: Record<string, (string | null)[]> } {
  let s = 17;
  const r = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const cities = ['Ames', 'Boise', 'Cary', 'Dover', '', 'Erie'];
  const columns: Record<string, (string | null)[]> = { city: [], name: [], accent: [], long: [] };
  for (let i = 0; i < ROWS; i++) {
    columns.city.push(r() < 0.05 ? null : cities[Math.floor(r() * cities.length)]);
    columns.name.push(r() < 0.03 ? null : `N${Math.floor(r() * 3_000)}${i % 7 === 0 ? 'xyz' : ''}`);
    columns.accent.push(r() < 0.03 ? null : `é${Math.floor(r() * 500)}`);
    columns.long.push(`${'x'.repeat(120 + (i % 20))}${Math.floor(r() * 50)}`);
  }
  const fields = Object.keys(columns).map((n) => new Field(n, new Utf8(), true));
  return { table: new Table(new Schema(fields), Object.fromEntries(Object.entries(columns).map(([n, v]) => [n, vectorFromArray(v, new Utf8())])) as never), columns };
}

/** Value -> [count, first row] and the null count, from the rows themselves. */
function truth(values: (string | null)[]): { counts: Map<string, [number, number]>; nulls: number } {
  const counts = new Map<string, [number, number]>();
  let nulls = 0;
  values.forEach((v, i) => {
    if (v === null) return void nulls++;
    const c = counts.get(v);
    if (c) c[0]++;
    else counts.set(v, [1, i]);
  });
  return { counts, nulls };
}

const counted = (p: UniquePartial) => new Map(p.values.map((v) => [v.value as string, [v.count, v.firstRow] as [number, number]]));

/** The values whose count or first row differ (a few), kept short: a diff of thousands of entries takes minutes to print. */
function differences(a: Map<string, [number, number]>, b: Map<string, [number, number]>): string[] {
  const out: string[] = [];
  for (const k of new Set([...a.keys(), ...b.keys()])) if (String(a.get(k)) !== String(b.get(k))) out.push(`${k}: ${String(a.get(k))} vs ${String(b.get(k))}`);
  return out.slice(0, 5);
}

/** The file opened again without byteRanges: every chunk read as a vector (parquet-wasm). */
const vectorsOnly = async (bytes: Uint8Array): Promise<Dataset> => Object.assign(await open(bytes), { byteRanges: undefined });

const { table: data, columns } = table();
/** Each file, and how many of its 12 chunks of strings (4 columns, 3 row groups) are read as byte ranges. */
const files: [string, PagedOptions, number][] = [
  // Chunks all dictionary-encoded keep their dictionary (counted by index): none.
  ['v1 dictionary pages, snappy', { rows: ROWS, rowGroupRows: 4_000 }, 0],
  ['v1 dictionary then plain pages past a 2 KiB dictionary, snappy', { rows: ROWS, rowGroupRows: 4_000, dictionaryPageBytes: 2048 }, 3],
  ['v1 plain pages, uncompressed', { rows: ROWS, rowGroupRows: 4_000, dictionary: false, compression: 'none' }, 6],
  // Delta encodings (v2 writers' fallback) are not decoded in JS: none.
  ['v2 dictionary then delta pages', { rows: ROWS, rowGroupRows: 4_000, v2: true, dictionaryPageBytes: 2048 }, 0],
  ['v2 plain (delta encodings)', { rows: ROWS, rowGroupRows: 4_000, v2: true, dictionary: false }, 0],
];

describe('unique counts of Parquet strings from their pages in place (byteRanges)', () => {
  it.each(files)('%s: the counts, first rows and nulls of the rows themselves, as the vectors give them', async (_, options, inPlace) => {
    const bytes = writePaged(data, options);
    const dataset = await open(bytes);
    const other = await vectorsOnly(bytes);
    let ranged = 0;
    for (const [name, values] of Object.entries(columns)) {
      const column = dataset.fields.findIndex((f) => f.name === name);
      for (let c = 0; c < dataset.chunks.length; c++) if (await dataset.byteRanges!(c, column)) ranged++;
      const ours = await uniqueOfColumn(dataset, column);
      const vectors = await uniqueOfColumn(other, column);
      const expected = truth(values);
      expect(differences(counted(ours), expected.counts)).toEqual([]);
      expect(ours.nulls).toBe(expected.nulls);
      expect(ours.rows).toBe(ROWS);
      expect(ours.firstNullRow).toBe(values.indexOf(null));
      expect(differences(counted(vectors), counted(ours))).toEqual([]);
      expect(ours.profile.lengths).toEqual(vectors.profile.lengths);
    }
    // Pages past ASCII (accent) and values of 128 bytes or more (long) are read as vectors.
    expect(ranged).toBe(inPlace);
    for (const name of ['accent', 'long']) {
      const column = dataset.fields.findIndex((f) => f.name === name);
      expect(await dataset.byteRanges!(0, column)).toBeNull();
    }
  });

  it('a column whose pages are declined (past ASCII) is read as vectors after its first chunk, not read twice in every chunk', async () => {
    const bytes = writePaged(data, { rows: ROWS, rowGroupRows: 1_000, dictionary: false, compression: 'none' });
    const bytesRead = async (pagePath: boolean): Promise<number> => {
      const source = blobSource(bytes);
      const dataset = await openDataset(source);
      if (!pagePath) Object.assign(dataset, { byteRanges: undefined });
      const before = source.stats.bytesRead;
      const ours = await uniqueOfColumn(dataset, dataset.fields.findIndex((f) => f.name === 'accent'));
      expect(differences(counted(ours), truth(columns.accent).counts)).toEqual([]);
      const read = source.stats.bytesRead - before;
      await dataset.close();
      return read;
    };
    const vectors = await bytesRead(false);
    // 9 row groups: the first chunk's pages are read twice (by the page path, then as a vector), the other 8 once.
    expect(await bytesRead(true)).toBeLessThan(vectors * 1.25);
  });

  it('hyparquet-writer pages (v1, plain, small pages, nulls) count as hyparquet reads them', async () => {
    const values = Array.from({ length: 3_000 }, (_, i) => (i % 13 === 0 ? null : `v${(i * 31) % 57}`));
    const bytes = new Uint8Array(parquetWriteBuffer({ columnData: [{ name: 's', data: values, type: 'STRING' }], rowGroupSize: 1_200, pageSize: 256 }));
    const dataset = await open(bytes);
    const ours = await uniqueOfColumn(dataset, 0);
    expect(differences(counted(ours), truth(values).counts)).toEqual([]);
    expect(ours.nulls).toBe(truth(values).nulls);
  });

  it('snappy chunks of over 1 MiB count right while each is read into the buffer the one before gave back', async () => {
    // Hex strings hardly compress: each of the 4 chunks is ~1.4 MiB of snappy pages, so every read is recyclable,
    // and each row group's values differ, so bytes left from (or written over) another chunk would change the counts.
    let seed = 5;
    const hex = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8).toString(16).padStart(6, '0');
    const rows = 240_000;
    const values = Array.from({ length: rows }, (_, i) => (i % 101 === 0 ? null : `${i % 60_000 < 30_000 ? hex() + hex() + hex() + hex() : 'r' + Math.floor(i / 60_000)}${hex()}${hex()}`));
    const big = new Table(new Schema([new Field('s', new Utf8(), true)]), { s: vectorFromArray(values, new Utf8()) } as never);
    const source = blobSource(writePaged(big, { rows, rowGroupRows: 60_000, dictionary: false }));
    const dataset = await openDataset(source);
    for (let c = 0; c < dataset.chunks.length; c++) expect((await dataset.chunkDetail(c)).columns[0].bytes).toBeGreaterThan(1 << 20);
    const ours = await uniqueOfColumn(dataset, 0);
    expect(differences(counted(ours), truth(values).counts)).toEqual([]);
    expect(ours.nulls).toBe(truth(values).nulls);
    // The count gave the chunks' bytes back: the next recyclable read is filled into one of them (bigger than it).
    const next = await source.read(0, 1 << 20, undefined, { recyclable: true });
    expect(next.buffer.byteLength).toBeGreaterThan(1 << 20);
  });

  it('a recount (only some values) and a budget give the same as vectors', async () => {
    const bytes = writePaged(data, files[1][1]);
    const dataset = await open(bytes);
    const other = await vectorsOnly(bytes);
    const column = dataset.fields.findIndex((f) => f.name === 'name');
    const only = ['N12', 'N7xyz', 'nope'];
    const ours = await uniqueOfColumn(dataset, column, { only });
    expect(differences(counted(ours), counted(await uniqueOfColumn(other, column, { only })))).toEqual([]);
    const budget = await uniqueOfColumn(dataset, column, { maxDistinct: 100 });
    const vectors = await uniqueOfColumn(other, column, { maxDistinct: 100 });
    expect(budget.values.length).toBe(100);
    expect(differences(counted(budget), counted(vectors))).toEqual([]);
    expect(budget.untrackedRows).toBe(vectors.untrackedRows);
    expect(budget.hll).toEqual(vectors.hll);
  });
});
