import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import { readRowWindow } from '../../src/compute/rowWindow';
import { openDataset } from '../../src/dataset/openDataset';
import { copiedRowGroups, pagedTable, withOffsetIndexes, withoutPageIndex, writePaged, type PagedOptions } from './support/pagedFiles';
import { withLatency } from '../support/slowSource';
import { blobSource, compareWindows, locationsOf, open, pageLoads, recording } from './support/windowCompare';
import { pageRunsDecoded, pageWindowSettings } from '../../src/parquet/pageWindow';

const ROWS = 12_000;
const table = pagedTable(ROWS);
const wasmFiles: [string, PagedOptions][] = [
  ['v1 pages, dictionary, snappy', { rows: ROWS, rowGroupRows: 5_000 }],
  ['v1 pages, dictionary then plain pages past a 4 KiB dictionary, snappy', { rows: ROWS, rowGroupRows: 5_000, dictionaryPageBytes: 4096 }],
  ['v1 pages, plain, uncompressed', { rows: ROWS, rowGroupRows: 5_000, dictionary: false, compression: 'none' }],
  ['v2 pages, dictionary then plain pages', { rows: ROWS, rowGroupRows: 5_000, v2: true, dictionaryPageBytes: 4096 }],
  ['v2 pages, plain (delta encodings), no column index', { rows: ROWS, rowGroupRows: 5_000, v2: true, dictionary: false, pageIndex: false }],
  ['v1 pages of about 100 rows (pages decoded in groups)', { rows: ROWS, rowGroupRows: 6_000, batchRows: 20, pageBytes: 200 }],
];

describe('Parquet row windows decoded from the pages covering them', () => {
  it.each(wasmFiles)('%s (parquet-wasm, with its offset index): the same cells as whole chunks', async (_, options) => {
    const bytes = writePaged(table, options);
    const loads = pageLoads();
    const js = pageRunsDecoded.js;
    expect(await compareWindows(bytes)).toBeGreaterThan(20);
    expect(pageLoads()).toBeGreaterThan(loads);
    // Page runs went through the JS decoder (flatPages.ts), and read the same as whole chunks through parquet-wasm.
    expect(pageRunsDecoded.js).toBeGreaterThan(js);
    const located = (await locationsOf(bytes)).flat().filter((l) => l !== null);
    expect(located.length).toBeGreaterThan(0);
    expect(located.every((l) => l.from === 'offset index')).toBe(true);
    expect(located.filter((l) => l.offsets.length > 2).length).toBeGreaterThan(2);
  });

  it.each(wasmFiles)('%s, without a page index: rows per page from the page headers, the same cells', async (_, options) => {
    const bytes = withoutPageIndex(writePaged(table, options));
    const loads = pageLoads();
    expect(await compareWindows(bytes)).toBeGreaterThan(20);
    expect(pageLoads()).toBeGreaterThan(loads);
    const located = (await locationsOf(bytes)).flat();
    // Flat leaves are located from their headers; the list's leaf (repeated) cannot be.
    expect(located.some((l) => l?.from === 'page headers')).toBe(true);
    expect(located.every((l) => l === null || l.from === 'page headers')).toBe(true);
  });

  it('hyparquet-writer files of small pages, with and without an offset index, read the same as whole chunks and as hyparquet', async () => {
    const n = 3_000;
    const ints = Array.from({ length: n }, (_, i) => (i % 11 === 0 ? null : (i * 7919) % 10_007));
    const strings = Array.from({ length: n }, (_, i) => (i % 13 === 0 ? null : `v${(i * 31) % 57}`));
    const longs = Array.from({ length: n }, (_, i) => BigInt(i) * 3_000_000_019n);
    for (const offsetIndex of [true, false]) {
      const bytes = new Uint8Array(
        parquetWriteBuffer({
          columnData: [
            { name: 'i', data: ints, type: 'INT32', offsetIndex },
            { name: 's', data: strings, type: 'STRING', offsetIndex },
            { name: 'l', data: longs, type: 'INT64', offsetIndex },
          ],
          rowGroupSize: 1_200,
          pageSize: 256,
        }),
      );
      expect(await compareWindows(bytes)).toBeGreaterThan(10);
      const dataset = await open(bytes);
      const file = await blobSource(bytes).read(0, bytes.length);
      for (const [start, end] of [
        [1_190, 1_230],
        [2_000, 2_064],
        [5, 69],
      ]) {
        const ours = await readRowWindow(dataset, start, end - start, [0, 1, 2]);
        const theirs = await parquetReadObjects({ file: file.buffer as ArrayBuffer, rowStart: start, rowEnd: end, columns: ['i', 's', 'l'] });
        const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
        expect(ours.columns).toEqual([theirs.map((r) => text(r.i)), theirs.map((r) => text(r.s)), theirs.map((r) => text(r.l))]);
      }
    }
  });

  it('a row group copied with its offset index (page offsets pointing into the first copy, as in W2): pages placed at the footer\'s first data page, the same cells', async () => {
    const one = writePaged(table, { rows: ROWS, rowGroupRows: ROWS });
    const bytes = copiedRowGroups(one, 3);
    const second = (await locationsOf(bytes))[1];
    expect(second.filter((l) => l?.from === 'offset index').length).toBeGreaterThan(5);
    const loads = pageLoads();
    expect(await compareWindows(bytes)).toBeGreaterThan(20);
    expect(pageLoads()).toBeGreaterThan(loads);
  });

  it('an offset index whose rows disagree with the page headers: the chunk is decoded whole, never shown with wrong values', async () => {
    const good = writePaged(table, { rows: ROWS, rowGroupRows: 5_000 });
    // Every page after the first said to start 5 rows later: rows still increase, but each page's count is off.
    const shifted = withOffsetIndexes(good, (_, __, pages) => pages.map((p, k) => (k === 0 ? p : { ...p, first_row_index: p.first_row_index + 5n })));
    expect(await compareWindows(shifted)).toBeGreaterThan(20);
    const dataset = await open(shifted);
    const truth = await open(good);
    const columns = dataset.fields.map((_, k) => k);
    expect(await readRowWindow(dataset, 4_990, 64, columns)).toEqual(await readRowWindow(truth, 4_990, 64, columns));
    // A window of a middle page read first (a link to a row, the CLI's --rows): its pages hold the rows
    // between their shifted first rows, the last page does not reach the chunk's end. Values were shown 5 rows off.
    for (const row of [2_000, 2_500, 7_000, 12_345]) {
      const fresh = await open(shifted);
      expect(await readRowWindow(fresh, row, 64, columns), `row ${row}`).toEqual(await readRowWindow(truth, row, 64, columns));
    }
  });

  it("an offset index pointing at another column's pages: not used (the pages do not fit the chunk), the same cells", async () => {
    const good = writePaged(table, { rows: ROWS, rowGroupRows: 5_000 });
    const md = parquetMetadata(good.slice().buffer as ArrayBuffer);
    const swapped = withOffsetIndexes(good, (g, leaf, pages) => {
      if (leaf !== 0) return pages;
      const other = md.row_groups[g].columns[2].meta_data!;
      const by = other.data_page_offset - pages[0].offset;
      return pages.map((p) => ({ ...p, offset: p.offset + by }));
    });
    expect(await compareWindows(swapped)).toBeGreaterThan(20);
  });
});


describe('bytes read for a Parquet row window', () => {
  it('a 64-row window of multi-page chunks reads only their offset index, dictionary page, the pages holding its rows and the last page\'s header; the next step inside them reads nothing', async () => {
    const rows = 200_000;
    const bytes = writePaged(pagedTable(rows, 3), { rows, batchRows: 1_000, pageBytes: 16 * 1024, dictionaryPageBytes: 16 * 1024, compression: 'none' });
    const md = parquetMetadata(bytes.slice().buffer as ArrayBuffer);
    const { source, ranges } = recording(bytes);
    const dataset = await openDataset(source);
    // int, city (dictionary pages), name (many strings), id: before the nested columns, so column k is leaf k.
    const columns = [0, 1, 2, 6];
    const start = 120_321;
    const allowed: [number, number][] = [];
    let chunkBytes = 0;
    const locations = await locationsOf(bytes);
    for (const leaf of columns) {
      const chunk = md.row_groups[0].columns[leaf];
      const l = locations[0][leaf]!;
      chunkBytes += Number(chunk.meta_data!.total_compressed_size);
      allowed.push([Number(chunk.offset_index_offset), Number(chunk.offset_index_offset) + chunk.offset_index_length!]);
      if (l.prefix.length) allowed.push([l.prefix.offset, l.prefix.offset + l.prefix.length]);
      // Pages are decoded in groups of at least 1,024 rows, aligned on the group size.
      const per = Math.max(1, Math.ceil(1024 / (l.rows / l.offsets.length)));
      const page = (row: number) => l.firstRows.findLastIndex((f) => f <= row);
      const first = Math.floor(page(start) / per) * per;
      const last = Math.min(l.offsets.length - 1, Math.floor(page(start + 63) / per) * per + per - 1);
      allowed.push([l.offsets[first], l.offsets[last] + l.sizes[last]]);
      // The last page's header (at most 4 KiB of it), checked once per chunk against the offset index.
      const end = l.offsets.length - 1;
      allowed.push([l.offsets[end], l.offsets[end] + Math.min(l.sizes[end], 4096)]);
    }
    ranges.length = 0;
    const window = await readRowWindow(dataset, start, 64, columns);
    expect(window.errors).toEqual(columns.map(() => null));
    const read = ranges.reduce((n, [a, b]) => n + b - a, 0);
    const needed = allowed.reduce((n, [a, b]) => n + b - a, 0);
    // Every byte read is one of those ranges, or a gap under 64 KiB merged between two of them.
    for (const [a, b] of ranges) expect(allowed.some(([x, y]) => a < y && b > x)).toBe(true);
    expect(read).toBeLessThanOrEqual(needed + (ranges.length + columns.length) * 64 * 1024);
    expect(read).toBeLessThan(chunkBytes / 10);
    ranges.length = 0;
    await readRowWindow(dataset, start + 64, 64, columns);
    expect(ranges).toEqual([]);
  });
});

describe('Parquet page windows: cancels and damaged pages', () => {
  const bytes = writePaged(pagedTable(ROWS, 11), { rows: ROWS, rowGroupRows: ROWS, dictionaryPageBytes: 4096 });

  it("a window cancelled while its chunk's pages are being located or read does not fail another window of the same chunk", async () => {
    const dataset = await openDataset(withLatency(blobSource(bytes), 20));
    const truth = await open(bytes);
    for (const column of [0, 2]) {
      const first = new AbortController();
      const second = new AbortController();
      const cancelled = dataset.readColumn(0, column, { start: 6_000, end: 6_064 }, first.signal);
      const kept = dataset.readColumn(0, column, { start: 6_010, end: 6_074 }, second.signal);
      first.abort(new DOMException('Cancelled', 'AbortError'));
      await expect(cancelled).rejects.toMatchObject({ name: 'AbortError' });
      const expected = await truth.readColumn(0, column, { start: 6_010, end: 6_074 });
      expect((await kept).toArray()).toEqual(expected.toArray());
    }
  });

  it('the JS page decoder and parquet-wasm read the same windows by pages (dictionary with nulls, plain pages after the dictionary, v1 and v2, non-ASCII)', async () => {
    for (const v2 of [false, true]) {
      const file = writePaged(table, { rows: ROWS, rowGroupRows: 5_000, dictionaryPageBytes: 4096, v2 });
      const viaJs = await open(file);
      const viaWasm = await open(file);
      const columns = viaJs.fields.map((_, k) => k);
      const before = { ...pageRunsDecoded };
      for (const start of [0, 1_990, 4_970, 7_777, 11_950]) {
        const got = await readRowWindow(viaJs, start, 64, columns);
        pageWindowSettings.js = false;
        try {
          expect(got).toEqual(await readRowWindow(viaWasm, start, 64, columns));
        } finally {
          pageWindowSettings.js = true;
        }
      }
      expect(pageRunsDecoded.js).toBeGreaterThan(before.js + 10);
      expect(pageRunsDecoded.wasm).toBeGreaterThan(before.wasm);
    }
  });

  it("a damaged dictionary page: windows over pages using it say which column and row group; windows over the chunk's plain pages still show their values", async () => {
    const leaf = 2; // name: its dictionary stops at 4 KiB, later pages are plain
    const l = (await locationsOf(bytes))[0][leaf]!;
    expect(l.prefix.length).toBeGreaterThan(1024);
    const damaged = bytes.slice();
    damaged.fill(0xff, l.prefix.offset + l.prefix.length - 200, l.prefix.offset + l.prefix.length);
    const dataset = await open(damaged);
    const truth = await open(bytes);
    await expect(dataset.readColumn(0, leaf, { start: 3, end: 9 })).rejects.toMatchObject({ message: expect.stringMatching(/^Column "name" of row group 0 could not be decoded/), where: { chunk: 0, column: 'name' } });
    const plain = l.firstRows[l.offsets.length - 3] + 7;
    expect(await readRowWindow(dataset, plain, 64, [leaf])).toEqual(await readRowWindow(truth, plain, 64, [leaf]));
  });

  it('a string page holding bytes that are not UTF-8: windows over it are refused as parquet-wasm refuses them, windows elsewhere still read', async () => {
    const plain = writePaged(table, { rows: ROWS, rowGroupRows: ROWS, dictionary: false, compression: 'none' });
    const needle = new TextEncoder().encode('name 6000 ');
    const at = plain.findIndex((_, i) => needle.every((b, k) => plain[i + k] === b));
    expect(at).toBeGreaterThan(0);
    const damaged = plain.slice();
    damaged.set([0xff, 0xfe], at + needle.length);
    const dataset = await open(damaged);
    const truth = await open(plain);
    const js = pageRunsDecoded.js;
    await expect(dataset.readColumn(0, 2, { start: 5_990, end: 6_010 })).rejects.toMatchObject({ message: expect.stringMatching(/^Column "name" of row group 0 could not be decoded/) });
    expect(await readRowWindow(dataset, 100, 64, [2])).toEqual(await readRowWindow(truth, 100, 64, [2]));
    expect(pageRunsDecoded.js).toBeGreaterThan(js);
  });

  it('a damaged data page: windows over it say which column, row group and byte; windows over other pages still show their values', async () => {
    const leaf = 2; // name: many strings, snappy pages
    const l = (await locationsOf(bytes))[0][leaf]!;
    const page = Math.floor(l.offsets.length / 2);
    const damaged = bytes.slice();
    // The last bytes of the page's compressed body.
    damaged.fill(0xff, l.offsets[page] + l.sizes[page] - 24, l.offsets[page] + l.sizes[page]);
    const dataset = await open(damaged);
    const truth = await open(bytes);
    const over = dataset.readColumn(0, leaf, { start: l.firstRows[page] + 1, end: l.firstRows[page] + 9 });
    // The offset is that of the first page decoded with it (pages go in groups of at least 1,024 rows).
    const group = Math.floor(page / Math.ceil(1024 / (l.rows / l.offsets.length))) * Math.ceil(1024 / (l.rows / l.offsets.length));
    await expect(over).rejects.toMatchObject({ message: expect.stringMatching(/^Column "name" of row group 0 could not be decoded: .*snappy/), where: { chunk: 0, column: 'name', offset: l.offsets[group] } });
    expect(group).toBeGreaterThan(0);
    const elsewhere = 5; // in the first group of pages
    expect(await readRowWindow(dataset, elsewhere, 64, [leaf])).toEqual(await readRowWindow(truth, elsewhere, 64, [leaf]));
  });
});
