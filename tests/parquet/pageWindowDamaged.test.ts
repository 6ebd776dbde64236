import { Table, Utf8, vectorFromArray } from 'apache-arrow';
import { parquetMetadata, parquetReadObjects, readOffsetIndex } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import { parquetHeader } from '../../src/adapters/hyparquetInternals';
import { readRowWindow } from '../../src/compute/rowWindow';
import { pageRunsDecoded } from '../../src/parquet/pageWindow';
import { writePaged } from './support/pagedFiles';
import { locationsOf, open } from './support/windowCompare';

/**
 * A window of a page reads only its own values (37bf77c): an index past the dictionary, or a PLAIN
 * byte array running past the page, is found only by a window reading that value, which then goes
 * through parquet-wasm (SliceNotDecoded) and shows its error, as the whole-page checks did before.
 * The file: one optional string column (a null every 50 rows, ASCII words), one row group of 8,000
 * rows in 16 uncompressed v1 pages of 500 rows (page windows decode them in groups of 3 pages), with
 * its offset index; row K's value is damaged in page 7 (rows 3,500-3,999, group 2: pages 6-8).
 * At fbae212 (pages checked whole) every window of rows 3,000-4,499 showed parquet-wasm's error; now
 * only the windows reading row K's value (and, for the byte array, the values after it in its page)
 * do, with the same sentence, and the others show the file's values.
 */
const ROWS = 8_000;
const PAGE_ROWS = 500;
const K = 3_750;
const WORDS = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'india', 'juliet'];
const written = Array.from({ length: ROWS }, (_, i) => (i % 50 === 7 ? null : WORDS[(i * 7) % 10]));

/** A ULEB128 varint at bytes[at], and where it ends. */
function varint(bytes: Uint8Array, at: number): [number, number] {
  let v = 0;
  for (let shift = 0; ; shift += 7) {
    const b = bytes[at++];
    v += (b & 0x7f) * 2 ** shift;
    if (b < 0x80) return [v, at];
  }
}

/** Where the values of the v1 page holding `row` start (past its definition levels), that page's first row, and its end. */
function valuesOfPage(bytes: Uint8Array, row: number): { at: number; first: number; end: number } {
  const c = parquetMetadata(bytes.slice().buffer as ArrayBuffer).row_groups[0].columns[0];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const pages = readOffsetIndex({ view: new DataView(bytes.buffer, bytes.byteOffset + Number(c.offset_index_offset), c.offset_index_length!), offset: 0 }).page_locations;
  const page = pages.findLastIndex((l) => Number(l.first_row_index) <= row);
  const reader = { view, offset: Number(pages[page].offset) };
  const header = parquetHeader(reader);
  expect(header.type).toBe('DATA_PAGE');
  expect(header.uncompressed_page_size).toBe(header.compressed_page_size);
  const levels = view.getUint32(reader.offset, true);
  return { at: reader.offset + 4 + levels, first: Number(pages[page].first_row_index), end: reader.offset + header.compressed_page_size };
}

/** The non-null values of the page before `row`. */
const valuesBefore = (first: number, row: number) => written.slice(first, row).filter((v) => v !== null).length;

/** The file with row `row`'s dictionary index (in a bit-packed run) set to the dictionary's count, the first index past it. */
function indexPastDictionary(bytes: Uint8Array, row: number): Uint8Array {
  const out = bytes.slice();
  const m = parquetMetadata(out.slice().buffer as ArrayBuffer).row_groups[0].columns[0].meta_data!;
  const dictionary = parquetHeader({ view: new DataView(out.buffer), offset: Number(m.dictionary_page_offset) });
  const index = dictionary.dictionary_page_header!.num_values;
  const page = valuesOfPage(out, row);
  let at = page.at;
  const width = out[at++];
  expect(index).toBeLessThan(2 ** width);
  const v = valuesBefore(page.first, row);
  for (let seen = 0; ; ) {
    const [header, next] = varint(out, at);
    at = next;
    const n = header % 2 ? (header >> 1) * 8 : header >> 1;
    if (v < seen + n) {
      expect(header % 2).toBe(1); // a bit-packed run
      const bit = (v - seen) * width;
      const mask = ((1 << width) - 1) << (bit & 7);
      out[at + (bit >> 3)] = (out[at + (bit >> 3)] & ~mask) | (index << (bit & 7));
      return out;
    }
    seen += n;
    at += header % 2 ? (header >> 1) * width : (width + 7) >> 3;
  }
}

/** The file with row `row`'s PLAIN byte array said to be `length` bytes long (bytes under 0x80, so the page's bytes stay ASCII). */
function byteArrayPastPage(bytes: Uint8Array, row: number, length: number): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer);
  const page = valuesOfPage(out, row);
  let at = page.at;
  for (let v = valuesBefore(page.first, row); v > 0; v--) at += 4 + view.getUint32(at, true);
  expect(view.getUint32(at, true)).toBe(written[row]!.length);
  expect(at + 4 + length).toBeGreaterThan(page.end);
  view.setUint32(at, length, true);
  return out;
}

const table = new Table({ word: vectorFromArray(written, new Utf8()) });
const variants = [
  {
    name: 'a dictionary index past the dictionary (10 entries, index 10 in a 4-bit bit-packed run; the dictionary kept)',
    bytes: () => indexPastDictionary(writePaged(table, { rows: ROWS, batchRows: PAGE_ROWS, pageBytes: 100, compression: 'none' }), K),
    error: 'Column "word" of row group 0 could not be decoded: dictionary key beyond bounds of dictionary: 0..10.',
    // Indices are read one by one: the page's values after K are still the file's.
    afterShown: true,
  },
  {
    name: 'a PLAIN byte array running past the page (its length 32,512)',
    bytes: () => byteArrayPastPage(writePaged(table, { rows: ROWS, batchRows: 100, pageBytes: 4000, dictionary: false, compression: 'none' }), K, 0x7f00),
    error: 'Column "word" of row group 0 could not be decoded: EOF: eof decoding byte array.',
    // Every byte array after K is found past K's: none can be read.
    afterShown: false,
  },
];

describe('Parquet page windows over a damaged value (the real row-window read, as the grid reads it)', () => {
  it.each(variants)('$name: the window holding it shows the error, as before 37bf77c; windows without it show the file\'s values', async ({ bytes: make, error, afterShown }) => {
    const bytes = make();
    const located = (await locationsOf(bytes))[0][0]!;
    expect(located.from).toBe('offset index');
    expect(located.firstRows).toEqual(Array.from({ length: ROWS / PAGE_ROWS }, (_, p) => p * PAGE_ROWS));

    // What hyparquet reads of the window's rows of the damaged file (an Error where it throws).
    const file = bytes.slice().buffer as ArrayBuffer;
    const hyparquet = async (start: number): Promise<(string | null)[] | Error> => {
      try {
        const rows = await parquetReadObjects({ file, rowStart: start, rowEnd: start + 64, columns: ['word'] });
        return rows.map((r) => (r.word === null || r.word === undefined ? null : String(r.word)));
      } catch (e) {
        return e as Error;
      }
    };
    const kRead = await hyparquet(K - 10);
    if (afterShown) expect(kRead).toEqual(written.slice(K - 10, K + 54).map((v, i) => (i === 10 ? null : v))); // row K read as undefined
    else expect(kRead).toBeInstanceOf(RangeError); // 'Offset is outside the bounds of the DataView'

    const read = async (start: number, dataset?: Awaited<ReturnType<typeof open>>) => {
      const before = { ...pageRunsDecoded };
      const w = await readRowWindow(dataset ?? (await open(bytes)), start, 64, [0]);
      return { cells: w.columns[0], error: w.errors[0], js: pageRunsDecoded.js - before.js, wasm: pageRunsDecoded.wasm - before.wasm };
    };
    /** The window shows the file's values: hyparquet's reading of its rows where it reads them (`hyparquetReads`: it must), and the values written. */
    const shown = async (w: Awaited<ReturnType<typeof read>>, start: number, hyparquetReads = false) => {
      expect({ start, error: w.error }).toEqual({ start, error: null });
      const theirs = await hyparquet(start);
      if (hyparquetReads || !(theirs instanceof Error)) expect({ start, cells: w.cells }).toEqual({ start, cells: theirs });
      expect({ start, cells: w.cells }).toEqual({ start, cells: written.slice(start, start + 64) });
    };
    const failed = (w: Awaited<ReturnType<typeof read>>) => {
      expect({ error: w.error }).toEqual({ error });
      expect(w.cells).toEqual(Array.from({ length: 64 }, () => ({ error: w.error })));
    };

    // Windows holding row K (at the start, middle and end of the window): parquet-wasm's error in every cell, no value.
    for (const start of [K, K - 30, K - 63]) {
      const w = await read(start);
      failed(w);
      // The pages were decoded by the JS path first, then again by parquet-wasm (the fallback).
      expect(w.js).toBe(1);
      expect(w.wasm).toBe(1);
    }

    // Windows of other page groups (pages 0-5 and 9-15), not touching the damaged page: hyparquet's values, read in JS.
    for (const start of [0, 1_000, 2_936, 4_500, 6_000, ROWS - 64]) {
      const w = await read(start);
      await shown(w, start, true);
      expect(w.wasm).toBe(0);
    }

    // Windows of the damaged page (and its group) before row K: at fbae212 they showed the error too
    // (the whole group's values were checked); now they show the file's values, read in JS.
    for (const start of [3_000, 3_480, 3_500, 3_600, K - 64]) {
      const w = await read(start);
      await shown(w, start);
      expect(w.wasm).toBe(0);
    }

    // After row K in the same page (at fbae212: the error): the file's values where they can be found, else the error.
    for (const start of [K + 1, 3_936, 4_400]) {
      const w = await read(start);
      if (afterShown || start >= 4_000) await shown(w, start);
      else failed(w);
    }

    // One dataset, as the grid scrolls: the failed group is not kept as read, nor the error kept for its clean windows.
    const dataset = await open(bytes);
    await shown(await read(3_600, dataset), 3_600);
    failed(await read(K - 10, dataset));
    await shown(await read(3_600, dataset), 3_600);
    failed(await read(K - 10, dataset));
    await shown(await read(1_000, dataset), 1_000);
  });
});

/** The file of the next tests with the header of page 7 (rows 3,500-3,999, group 2: pages 6-8) changed by `damage`, given its offset. */
async function withPage7Header(damage: (bytes: Uint8Array, at: number) => void): Promise<Uint8Array> {
  const bytes = writePaged(table, { rows: ROWS, batchRows: PAGE_ROWS, pageBytes: 100, compression: 'none' });
  const damaged = bytes.slice();
  const c = parquetMetadata(bytes.slice().buffer as ArrayBuffer).row_groups[0].columns[0];
  const pages = readOffsetIndex({ view: new DataView(bytes.buffer, bytes.byteOffset + Number(c.offset_index_offset), c.offset_index_length!), offset: 0 }).page_locations;
  damage(damaged, Number(pages[7].offset));
  expect((await locationsOf(damaged))[0][0]!.from).toBe('offset index');
  return damaged;
}

/**
 * Page 7's windows show the whole chunk's error; the other pages' windows show their values, read in
 * a fresh dataset or after a window of page 7, and page 7's error stays the same after them.
 */
async function expectOnlyPage7Failing(damaged: Uint8Array): Promise<void> {
  const text = async (dataset: Awaited<ReturnType<typeof open>>, start: number) => {
    const w = await readRowWindow(dataset, start, 64, [0]);
    return { start, error: w.errors[0], cells: w.columns[0] };
  };
  const clean = (start: number) => ({ start, error: null, cells: written.slice(start, start + 64) });
  const alone = await text(await open(damaged), 3_600);
  expect(alone.error).toMatch(/^Column "word" of row group 0 /);
  const others = [0, 1_000, 2_936, 4_500, ROWS - 64];
  const fresh: unknown[] = [];
  for (const start of others) fresh.push(await text(await open(damaged), start));
  expect(fresh).toEqual(others.map(clean));

  const dataset = await open(damaged);
  expect(await text(dataset, 3_600)).toEqual(alone);
  for (const start of others) expect(await text(dataset, start)).toEqual(clean(start));
  expect(await text(dataset, 3_600)).toEqual(alone);
}

/**
 * A damaged page header (hostile seed 18, #323: one flipped byte of a page header of
 * datapage_v1-uncompressed-checksum.parquet made its data_page_header unreadable): the windows of
 * that page's group show the whole chunk's error, and the chunk's other pages still show their
 * values, whichever window is read first. Until now the first window of the damaged page made every
 * later window of the chunk decode it whole, and show that error: the app (which reads the first rows
 * first) showed it for rows the CLI showed.
 */
describe('Parquet page windows beside a damaged page header', () => {
  it('show the other pages\' values after a window of the damaged page, as they do before it', async () => {
    const damaged = await withPage7Header((bytes, at) => {
      // The header's first field is its type (compact protocol: 0x15, then zigzag 0 for DATA_PAGE); 2 is INDEX_PAGE.
      expect([bytes[at], bytes[at + 1]]).toEqual([0x15, 0x00]);
      bytes[at + 1] = 0x02;
    });
    await expectOnlyPage7Failing(damaged);
  });
});

/**
 * A page header whose row count contradicts the offset index (hostile seeds 33 and 35: a flipped byte
 * of the first page header of datapage_v1-*-checksum.parquet; the app, reading the first rows first,
 * then showed the chunk's error for rows of the second page, which the CLI showed): the windows of
 * that page's group show the whole chunk's answer (its checks refuse it), the others their values,
 * whichever is read first.
 */
describe('Parquet page windows beside a page header contradicting the offset index', () => {
  it("show the other pages' values after a window of the contradicting page, as they do before it", async () => {
    const damaged = await withPage7Header((bytes, at) => {
      // num_values 500 (i32 field, zigzag varint E8 07) becomes 499 (E6 07): the header still reads, one row short.
      const field = bytes.subarray(at, at + 40).findIndex((b, i, h) => b === 0x15 && h[i + 1] === 0xe8 && h[i + 2] === 0x07);
      expect(field).toBeGreaterThan(0);
      bytes[at + field + 1] = 0xe6;
      expect(parquetHeader({ view: new DataView(bytes.buffer, bytes.byteOffset), offset: at }).data_page_header?.num_values).toBe(499);
    });
    await expectOnlyPage7Failing(damaged);
  });
});
