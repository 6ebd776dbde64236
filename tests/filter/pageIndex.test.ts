import { readFileSync } from 'node:fs';
import { readColumnIndex, readOffsetIndex, parquetMetadata } from 'hyparquet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileFilter, matchChunk } from '../../src/compute/filter';
import type { Dataset } from '../../src/model/types';
import { readChunkDictionary } from '../../src/parquet/chunkDictionary';
import { pageIndexFromBytes } from '../../src/parquet/pageIndex';
import { KeptFilter } from '../../src/worker/filterResults';
import { compactMatches } from '../../src/worker/pool/filterJob';
import { openDataset } from '../../src/dataset/openDataset';
import { BlobSource } from '../../src/source/blobSource';
import { pagedTable, withOffsetIndexes, writePaged } from '../parquet/support/pagedFiles';
import { openFile } from './support';

/**
 * Page-index pruning on tests/filter/fixtures/page_index.parquet (scripts/gold/page_index_gold.py:
 * 4,000 rows, 2 row groups, pages of 250 rows, write_page_index=True). The rows each filter matches
 * are checked against pyarrow in gold.test.ts; here: that the page index is read as hyparquet reads
 * it, that pages are decided without reading values, and that a page index that does not hold
 * together is not used.
 */
const FILE = 'tests/filter/fixtures/page_index.parquet';
const bytes = readFileSync(FILE);
const metadata = parquetMetadata(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
const gold = JSON.parse(readFileSync('tests/gold/filter/page_index.parquet.json', 'utf8')) as { cases: { where: string; indices: number[] }[] };
/** The fixture's column chunks are small: the page index is used whatever their size. */
const ALWAYS = { pageIndexMinBytes: 0 };

let dataset: Dataset;
const reads: [number, number][] = [];
beforeAll(async () => {
  dataset = await openFile(FILE);
  const source = dataset.source;
  const read = source.read.bind(source);
  source.read = async (offset, length, signal) => {
    reads.push([offset, offset + length]);
    return read(offset, length, signal);
  };
});
afterAll(() => dataset?.close());

const column = (name: string) => dataset.fields.findIndex((f) => f.name === name);
const goldIndices = (where: string, chunk: number) => {
  const start = dataset.chunks[chunk].rowOffset;
  const end = start + dataset.chunks[chunk].rows;
  return gold.cases.find((c) => c.where === where)!.indices.filter((i) => i >= start && i < end).map((i) => i - start);
};

describe('the page index', () => {
  it('is read as hyparquet reads it: the same pages, first rows, offsets and min/max', async () => {
    const leaf = column('i64');
    for (let chunk = 0; chunk < 2; chunk++) {
      const c = metadata.row_groups[chunk].columns[leaf];
      const view = (offset: bigint | undefined, length: number | undefined) => ({ view: new DataView(bytes.buffer, bytes.byteOffset + Number(offset), length), offset: 0 });
      const offsets = readOffsetIndex(view(c.offset_index_offset, c.offset_index_length));
      const index = readColumnIndex(view(c.column_index_offset, c.column_index_length), metadata.schema[leaf + 1]);
      const ours = (await dataset.pageIndex!(chunk, leaf))!;
      expect(ours.pages.map((p) => [p.firstRow, p.offset, p.bytes])).toEqual(offsets.page_locations.map((l) => [Number(l.first_row_index), Number(l.offset), l.compressed_page_size]));
      expect(ours.pages.map((p) => [p.stats.min, p.stats.max])).toEqual(index.min_values.map((m, k) => [String(m), String(index.max_values[k])]));
      expect(ours.pages.reduce((n, p) => n + p.rows, 0)).toBe(2000);
    }
  });

  it('marks all-null pages and keeps string bounds in byte order', async () => {
    const pages = (await dataset.pageIndex!(0, column('s')))!.pages;
    expect(pages.filter((p) => p.nullPage).map((p) => [p.firstRow, p.stats.nullCount])).toEqual([
      [1500, 250],
      [1750, 250],
    ]);
    const later = (await dataset.pageIndex!(1, column('s')))!.pages;
    // '😀 smile' sorts after '\ue000x' by bytes (UTF-16 code units would put it before)
    expect(later.filter((p) => p.stats.min === '\ue000x' && p.stats.max === '😀 smile').map((p) => p.firstRow)).toEqual([1500]);
  });

  it('is absent from a file written without one, and from a chunk whose writer dropped it (a page of NaN only)', async () => {
    const off = await openFile('tests/filter/fixtures/page_index_off.parquet');
    expect(await off.pageIndex!(0, 0)).toBeNull();
    expect(await matchChunk(off, compileFilter('id = 2500', off.fields, off.schema), 1, ALWAYS)).toEqual({ chunk: 1, rows: 2000, matched: 1, skipped: false });
    await off.close();
    expect(await dataset.pageIndex!(0, column('f64'))).not.toBeNull();
    expect(await dataset.pageIndex!(1, column('f64'))).toBeNull();
  });
});

describe('filters over the page index', () => {
  it('evaluate only the pages that may match, with the rows pyarrow finds', async () => {
    const where = 'id = 2500';
    const m = await matchChunk(dataset, compileFilter(where, dataset.fields, dataset.schema), 1, { indices: true, ...ALWAYS });
    expect(m).toMatchObject({ matched: 1, skipped: false, pages: 8, pagesSkipped: 7 });
    expect([...m.indices!]).toEqual(goldIndices(where, 1));
  });

  it('decide a chunk whose pages all decide, without reading its values (only its last page\'s header)', async () => {
    const where = 's IS NULL';
    const s = column('s');
    const data = dataset.chunkDetail(0).then((d) => d.columns[s].regions!.find((r) => r.kind === 'column_chunk')!);
    const { offset, length } = await data;
    reads.length = 0;
    const m = await matchChunk(dataset, compileFilter(where, dataset.fields, dataset.schema), 0, { indices: true, ...ALWAYS });
    expect(m).toMatchObject({ matched: 500, skipped: true, pages: 8, pagesSkipped: 8 });
    expect([...m.indices!]).toEqual(goldIndices(where, 0));
    // Of the chunk's bytes only its last page's header is read (pageHoldsRows: that page ends at the chunk's end).
    const c = metadata.row_groups[0].columns[s];
    const pages = readOffsetIndex({ view: new DataView(bytes.buffer, bytes.byteOffset + Number(c.offset_index_offset), c.offset_index_length), offset: 0 }).page_locations;
    const last = pages[pages.length - 1];
    expect(reads.filter(([a, b]) => a < offset + length && b > offset)).toEqual([[Number(last.offset), Number(last.offset) + Math.min(last.compressed_page_size, 4096)]]);
  });

  it('give the rows pyarrow finds for every gold filter, pages skipped in most', async () => {
    let pagesSkipped = 0;
    for (const { where } of gold.cases) {
      const filter = compileFilter(where, dataset.fields, dataset.schema);
      for (let chunk = 0; chunk < 2; chunk++) {
        const m = await matchChunk(dataset, filter, chunk, { indices: true, ...ALWAYS });
        expect([...(m.indices ?? [])], `${where} in chunk ${chunk}`).toEqual(goldIndices(where, chunk));
        pagesSkipped += m.pagesSkipped ?? 0;
      }
    }
    expect(pagesSkipped).toBeGreaterThan(250);
  });

  it('a filter over an offset index shifting every page after the first 5 rows on (a miscounted page): the page index is not used, the same rows as a scan', async () => {
    const rows = 20_000;
    const good = writePaged(pagedTable(rows), { rows, rowGroupRows: 10_000, dictionary: false });
    const shifted = withOffsetIndexes(good, (_, __, pages) => pages.map((p, k) => (k === 0 ? p : { ...p, first_row_index: p.first_row_index + 5n })), true);
    const truth = await openDataset(new BlobSource(new Blob([good as BlobPart]), 'good.parquet'));
    const off = await openDataset(new BlobSource(new Blob([shifted as BlobPart]), 'shifted.parquet'));
    const pages = (await truth.pageIndex!(0, 6))!.pages;
    expect(pages.length).toBeGreaterThan(20);
    expect(await off.pageIndex!(0, 6)).toBeNull();
    // id is i * 1,000,000,007 - 5: each page's min/max decide it. Bounds 2 rows into a page: the page
    // before it, said to hold 5 rows more of it, would be decided for them (3 rows counted wrong).
    const id = (i: number) => BigInt(i) * 1_000_000_007n - 5n;
    const into = (k: number) => pages[k].firstRow + 2;
    for (const where of [`id < ${id(into(10))}`, `id BETWEEN ${id(into(20))} AND ${id(into(40))}`, `id > ${id(into(60))}`]) {
      for (let chunk = 0; chunk < 2; chunk++) {
        const scanned = await matchChunk(truth, compileFilter(where, truth.fields, truth.schema), chunk, { indices: true, statistics: false });
        const m = await matchChunk(off, compileFilter(where, off.fields, off.schema), chunk, { indices: true, ...ALWAYS });
        expect([...(m.indices ?? [])], `${where} in chunk ${chunk}`).toEqual([...(scanned.indices ?? [])]);
      }
    }
    await truth.close();
    await off.close();
  });

  it('are not read for small column chunks (their values cost less than the index)', async () => {
    const m = await matchChunk(dataset, compileFilter('id = 2500', dataset.fields, dataset.schema), 1);
    expect(m).toEqual({ chunk: 1, rows: 2000, matched: 1, skipped: false });
  });

  it('combine columns whose pages start at different rows', async () => {
    for (const where of ['s IS NOT NULL AND id BETWEEN 1400 AND 2200', 'sparse IS NOT NULL AND id < 1200', "(id < 300 OR id > 3700) AND day < '2011-02-01'", "NOT s = 'Zed'"]) {
      const filter = compileFilter(where, dataset.fields, dataset.schema);
      for (let chunk = 0; chunk < 2; chunk++) {
        const m = await matchChunk(dataset, filter, chunk, { indices: true, ...ALWAYS });
        expect([...(m.indices ?? [])], `${where} in chunk ${chunk}`).toEqual(goldIndices(where, chunk));
      }
    }
  });

  it("add up in the filter run's status, through the results the compute pool sends", async () => {
    const where = 'id < 10 OR id >= 3990';
    const filter = compileFilter(where, dataset.fields, dataset.schema);
    const kept = new KeptFilter(where, dataset.chunks, dataset.rows);
    for (let chunk = 0; chunk < 2; chunk++) kept.add(compactMatches(await matchChunk(dataset, filter, chunk, { indices: true, ...ALWAYS })));
    expect(kept.status()).toMatchObject({ matched: 20, chunksSkipped: 0, pages: 16, pagesSkipped: 14 });
    expect(kept.fileRows(0, 20)).toEqual(gold.cases.find((c) => c.where === where)!.indices);
  });

  it('are not used with statistics off', async () => {
    const m = await matchChunk(dataset, compileFilter('id = 2500', dataset.fields, dataset.schema), 1, { statistics: false, ...ALWAYS });
    expect(m).toEqual({ chunk: 1, rows: 2000, matched: 1, skipped: false });
  });
});

describe('a page index that does not hold together', () => {
  const spans = async (chunk: number, name: string) => {
    const c = metadata.row_groups[chunk].columns[column(name)];
    const at = (offset: bigint | undefined, length: number | undefined) => Uint8Array.from(bytes.subarray(Number(offset), Number(offset) + length!));
    return { ci: at(c.column_index_offset, c.column_index_length), oi: at(c.offset_index_offset, c.offset_index_length) };
  };
  const field = () => dataset.schema.fields[column('s')];

  it('is not used: cut short, rows past the chunk, or pages past the file', async () => {
    const { ci, oi } = await spans(0, 's');
    expect(pageIndexFromBytes(ci, oi, 2000, bytes.length, field(), 'BYTE_ARRAY')).not.toBeNull();
    expect(pageIndexFromBytes(ci.subarray(0, ci.length - 3), oi, 2000, bytes.length, field(), 'BYTE_ARRAY')).toBeNull();
    expect(pageIndexFromBytes(ci, oi.subarray(0, oi.length - 3), 2000, bytes.length, field(), 'BYTE_ARRAY')).toBeNull();
    expect(pageIndexFromBytes(ci, oi, 1000, bytes.length, field(), 'BYTE_ARRAY')).toBeNull();
    expect(pageIndexFromBytes(ci, oi, 2000, 50_200, field(), 'BYTE_ARRAY')).toBeNull(); // the pages lie at 50,102 to 50,356
    // the two parts swapped
    expect(pageIndexFromBytes(oi, ci, 2000, bytes.length, field(), 'BYTE_ARRAY')).toBeNull();
  });

  it('drops a string bound that is not valid UTF-8 instead of moving it', async () => {
    const { ci, oi } = await spans(1, 's');
    const at = ci.findIndex((b, k) => b === 0xc3 && ci[k + 1] === 0xa9); // 'é'
    expect(at).toBeGreaterThan(0);
    ci[at + 1] = 0x41; // C3 41: a lead byte without its continuation
    const pages = pageIndexFromBytes(ci, oi, 2000, bytes.length, field(), 'BYTE_ARRAY')!.pages;
    expect(pages.some((p) => p.stats.min === undefined || p.stats.max === undefined)).toBe(true);
    expect(pages.every((p) => !`${p.stats.min}${p.stats.max}`.includes('\ufffd'))).toBe(true);
  });
});

describe('dictionary pages', () => {
  /** tests/filter/fixtures/dictionary_pages.parquet: row groups of 1,000 rows; names {Adams, Carter}, {Bush, Clinton}, then 1,000 distinct ones (plain pages past the dictionary's limit). */
  const DICT_FILE = 'tests/filter/fixtures/dictionary_pages.parquet';
  const dictGold = JSON.parse(readFileSync('tests/gold/filter/dictionary_pages.parquet.json', 'utf8')) as { cases: { where: string; indices: number[] }[] };
  let dict: Dataset;
  beforeAll(async () => {
    dict = await openFile(DICT_FILE);
  });
  afterAll(() => dict?.close());
  const rowsOf = (where: string, chunk: number) =>
    dictGold.cases
      .find((c) => c.where === where)!
      .indices.filter((i) => i >= chunk * 1000 && i < chunk * 1000 + 1000)
      .map((i) => i - chunk * 1000);

  it('are trusted only where every data page refers to them', async () => {
    const name = dict.fields.findIndex((f) => f.name === 'name');
    const pages = await Promise.all([0, 1, 2].map(async (g) => (await dict.chunkDetail(g)).columns[name].dictionaryPage !== undefined));
    expect(pages).toEqual([true, true, false]);
    expect(await dict.dictionaryValues!(0, name)).toEqual(['Carter', 'Adams']);
    expect(await dict.dictionaryValues!(2, name)).toBeNull();
    expect(await dict.dictionaryValues!(1, dict.fields.findIndex((f) => f.name === 'score'))).toEqual(['2.5', '3.5']);
  });

  it('decide row groups their min/max cannot, with the rows pyarrow finds for every gold filter', async () => {
    const decided: string[] = [];
    for (const { where } of dictGold.cases) {
      const filter = compileFilter(where, dict.fields, dict.schema);
      for (let chunk = 0; chunk < 3; chunk++) {
        const m = await matchChunk(dict, filter, chunk, { indices: true, ...ALWAYS });
        expect([...(m.indices ?? [])], `${where} in row group ${chunk}`).toEqual(rowsOf(where, chunk));
        if (m.byDictionary) decided.push(`${where} @${chunk}`);
        const plain = await matchChunk(dict, filter, chunk, { indices: true });
        expect(plain.byDictionary, 'small chunks: not read by default').toBeUndefined();
      }
    }
    // min/max overlap the value in each; 'amount BETWEEN' is two leaves, each possible alone; 'cand' (an
    // Arrow dictionary) has the whole dictionary in every row group's page.
    expect(decided).toEqual(["name = 'Bush' @0", "name IN ('Bush', 'Zed') @0", 'amount = 20 @0', 'amount IN (15, 25, 35) @0', 'amount IN (15, 25, 35) @1']);
    expect(decided.some((d) => d.endsWith('@2'))).toBe(false);
  });

  it('are not used when the page does not fill the bytes before the data pages exactly, or its values do not fill the page', async () => {
    const name = dict.fields.findIndex((f) => f.name === 'name');
    const column = (await dict.chunkDetail(0)).columns[name];
    const field = dict.schema.fields[name];
    const good = await readChunkDictionary(dict.source, column, field, 'BYTE_ARRAY');
    expect(good).toEqual(['Carter', 'Adams']);
    const span = column.dictionaryPage!;
    expect(await readChunkDictionary(dict.source, { ...column, dictionaryPage: { ...span, length: span.length - 1 } }, field, 'BYTE_ARRAY')).toBeNull();
    expect(await readChunkDictionary(dict.source, { ...column, dictionaryPage: { ...span, length: span.length + 1 } }, field, 'BYTE_ARRAY')).toBeNull();
    // read as 8-byte integers, the strings' bytes do not come out as whole values
    expect(await readChunkDictionary(dict.source, column, field, 'INT64')).toBeNull();
    expect(await readChunkDictionary(dict.source, { ...column, codec: 'GZIP' }, field, 'BYTE_ARRAY')).toBeNull();
  });
});
