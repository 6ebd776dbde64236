import { Float64, Int64, Table, Utf8, vectorFromArray } from 'apache-arrow';
import { parquetMetadata } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import { parquetHeader } from '../../src/adapters/hyparquetInternals';
import { readRowWindow } from '../../src/compute/rowWindow';
import { openDataset } from '../../src/dataset/openDataset';
import { likelyDictionaryEncoded } from '../../src/parquet/pageLocations';
import { pageRunsDecoded, pageWindowSettings } from '../../src/parquet/pageWindow';
import { pagedTable, writePaged } from './support/pagedFiles';
import { locationsOf, open, recording } from './support/windowCompare';


describe('reads of Parquet page windows', () => {
  it("offset indexes are read many row groups at once: a window in another row group then reads none, and shows the same cells as whole chunks", async () => {
    const rows = 40_000;
    const bytes = writePaged(pagedTable(rows, 5), { rows, rowGroupRows: 10_000, batchRows: 500, pageBytes: 8 * 1024 });
    const md = parquetMetadata(bytes.slice().buffer as ArrayBuffer);
    const indexes = md.row_groups.flatMap((rg) => rg.columns.filter((c) => c.offset_index_offset !== undefined).map((c) => [Number(c.offset_index_offset), Number(c.offset_index_offset) + c.offset_index_length!]));
    expect(indexes.length).toBeGreaterThan(8);
    const { source, ranges } = recording(bytes);
    const dataset = await openDataset(source);
    const columns = [0, 1, 2, 6];
    await readRowWindow(dataset, 1_000, 64, columns);
    // The first window's reads held every row group's offset indexes (they lie together before the footer).
    for (const [a, b] of indexes) expect(ranges.some(([x, y]) => x <= a && b <= y)).toBe(true);
    ranges.length = 0;
    const window = await readRowWindow(dataset, 35_000, 64, columns);
    expect(ranges.length).toBeGreaterThan(0);
    for (const [x, y] of ranges) expect(indexes.some(([a, b]) => x < b && a < y)).toBe(false);
    pageWindowSettings.enabled = false;
    try {
      expect(window).toEqual(await readRowWindow(await open(bytes), 35_000, 64, columns));
    } finally {
      pageWindowSettings.enabled = true;
    }
  });

  it('whether a page is dictionary-encoded, guessed from its size to read the dictionary page beside it, matches its header on pages before and after a fallback to plain', async () => {
    const rows = 40_000;
    const bytes = writePaged(pagedTable(rows, 3), { rows, batchRows: 250, pageBytes: 2 * 1024, dictionaryPageBytes: 32 * 1024 });
    const locations = (await locationsOf(bytes))[0];
    let dictionaryPages = 0;
    let plainPages = 0;
    // int (dictionary of many values, falling back), city (a few values), name (many strings, falling back).
    for (const leaf of [0, 1, 2]) {
      const l = locations[leaf]!;
      expect(l.prefix.length).toBeGreaterThan(0);
      for (let p = 0; p < l.offsets.length; p++) {
        const page = bytes.subarray(l.offsets[p], l.offsets[p] + l.sizes[p]);
        const header = parquetHeader({ view: new DataView(page.buffer, page.byteOffset, page.byteLength), offset: 0 });
        const encoding = header.data_page_header?.encoding ?? header.data_page_header_v2?.encoding;
        const dictionary = encoding === 'RLE_DICTIONARY' || encoding === 'PLAIN_DICTIONARY';
        if (dictionary) dictionaryPages++;
        else plainPages++;
        expect([leaf, p, likelyDictionaryEncoded(l, p)]).toEqual([leaf, p, dictionary]);
      }
    }
    expect(dictionaryPages).toBeGreaterThan(15);
    expect(plainPages).toBeGreaterThan(40);
  });

  it('pages using a dictionary page over 64 KiB: numbers decode in JS, byte arrays through parquet-wasm, and both read as parquet-wasm reads them', async () => {
    const rows = 60_000;
    // 20,000 distinct doubles, int64s and strings (160-400 KB dictionaries before compression).
    const k = (i: number) => (i * 7_919) % 20_000;
    const table = new Table({
      amount: vectorFromArray(Array.from({ length: rows }, (_, i) => Math.round(Math.sin(k(i)) * 1e8) / 100), new Float64()),
      id: vectorFromArray(Array.from({ length: rows }, (_, i) => BigInt(Math.round(Math.cos(k(i)) * 1e15))), new Int64()),
      name: vectorFromArray(Array.from({ length: rows }, (_, i) => `contributor ${Math.round(Math.sin(k(i)) * 1e9).toString(36)}`), new Utf8()),
    });
    const bytes = writePaged(table, { rows, batchRows: 500, pageBytes: 4 * 1024 });
    const locations = (await locationsOf(bytes))[0];
    for (const leaf of [0, 1, 2]) expect(locations[leaf]!.prefix.length).toBeGreaterThan(64 * 1024);
    const viaJs = await open(bytes);
    const viaWasm = await open(bytes);
    for (const [columns, decoder] of [
      [[0, 1], 'js'],
      [[2], 'wasm'],
    ] as const) {
      const before = { ...pageRunsDecoded };
      for (const start of [0, 20_011, 59_936]) {
        const got = await readRowWindow(viaJs, start, 64, [...columns]);
        pageWindowSettings.js = false;
        try {
          expect(got).toEqual(await readRowWindow(viaWasm, start, 64, [...columns]));
        } finally {
          pageWindowSettings.js = true;
        }
      }
      expect(pageRunsDecoded[decoder] - before[decoder]).toBeGreaterThanOrEqual(3 * columns.length);
    }
  });
});
