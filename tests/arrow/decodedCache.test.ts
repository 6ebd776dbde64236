import { CompressionType, tableFromIPC, type Table } from 'apache-arrow';
import { afterEach, describe, expect, it } from 'vitest';
import { openDataset } from '../../src/dataset/openDataset';
import type { ByteSource } from '../../src/model/byteSource';
import type { Dataset } from '../../src/model/types';
import { NodeFileSource } from '../../src/source/nodeFileSource';
import { DECODED_BUDGET_BYTES, decodedCache } from '../../src/source/decodedCache';
import { vectorValueText } from '../../src/valueText';
import { tempFile } from '../support/files';
import { mixedStream, registerArrowCodecs } from './support/compressedIpc';
import { pyarrowGold } from './support/goldText';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const WINDOW = 64;
const BATCHES = [1500, 700, 1300];

afterEach(() => decodedCache.setBudget(DECODED_BUDGET_BYTES));

/** A source that records every read it passes on: what the engine really fetched. */
function countingSource(inner: ByteSource): ByteSource & { reads: { offset: number; length: number }[] } {
  const reads: { offset: number; length: number }[] = [];
  return {
    name: inner.name,
    size: inner.size,
    stats: inner.stats,
    reads,
    read: (offset, length, signal) => {
      reads.push({ offset, length });
      return inner.read(offset, length, signal);
    },
    close: () => inner.close?.() ?? Promise.resolve(),
  };
}

const PYARROW = resolve(__dirname, '../fixtures/writers/pyarrow');
const files = new Map<string, { path: string; reference: Table }>();

/** A test file and apache-arrow's full read of it: pyarrow's (real ZSTD and LZ4) or one made here. */
function file(name: string, compression?: CompressionType | null) {
  if (!files.has(name)) {
    registerArrowCodecs();
    const bytes = compression === undefined ? new Uint8Array(readFileSync(resolve(PYARROW, name))) : mixedStream(BATCHES, compression);
    files.set(name, { path: compression === undefined ? resolve(PYARROW, name) : tempFile(name, bytes), reference: tableFromIPC(bytes) });
  }
  return files.get(name)!;
}

async function open(path: string, wrap: (s: ByteSource) => ByteSource = (s) => s): Promise<Dataset> {
  const ds = await openDataset(wrap(await NodeFileSource.open(path)));
  await ds.indexed;
  return ds;
}

/**
 * Every 64-row window (from row 0 and, for bit offsets inside a byte, from row 37) of every column and
 * batch shows the text of apache-arrow's full read; after each window the cache is within its budget.
 */
async function expectWindowsAsApacheArrow(ds: Dataset, reference: Table): Promise<number> {
  expect(ds.chunks.length).toBe(reference.batches.length);
  let compared = 0;
  for (let b = 0; b < ds.chunks.length; b++) {
    const rows = ds.chunks[b].rows;
    const starts = [];
    for (let s = 0; s < rows; s += WINDOW) starts.push(s);
    for (let s = 37; s < rows; s += WINDOW) starts.push(s);
    for (const start of starts) {
      const end = Math.min(rows, start + WINDOW);
      for (let c = 0; c < ds.fields.length; c++) {
        const want = reference.batches[b].getChildAt(c)!;
        const got = await ds.readColumn(b, c, { start, end });
        expect(got.length).toBe(end - start);
        for (let r = start; r < end; r++) {
          expect(vectorValueText(got, r - start), `batch ${b} column ${ds.fields[c].name} row ${r}`).toBe(vectorValueText(want, r));
        }
        compared += end - start;
      }
      expect(decodedCache.heldBytes).toBeLessThanOrEqual(decodedCache.budgetBytes);
    }
  }
  return compared;
}

describe('decoded cache: windows show what apache-arrow reads', () => {
  // pyarrow's ZSTD and LZ4 files (int64, utf8, float64, list<int32>; 2,000 and 90 rows), and files made
  // here of more types: LZ4, "ZSTD" whose buffers are stored (prefix -1, see mixedStream), uncompressed.
  const cases: [string, CompressionType | null | undefined][] = [
    ['zstd.arrows', undefined],
    ['lz4.arrow', undefined],
    ['mixed-lz4.arrows', CompressionType.LZ4_FRAME],
    ['mixed-zstd-stored.arrows', CompressionType.ZSTD],
    ['mixed-plain.arrows', null],
  ];

  it.each(cases)('%s: every window of every column, cache on (default budget)', async (name, compression) => {
    const { path, reference } = file(name, compression);
    const ds = await open(path);
    try {
      const rows = ds.chunks.reduce((n, c) => n + c.rows, 0);
      const windowed = ds.chunks.reduce((n, c) => n + Math.max(0, c.rows - 37), rows);
      expect(await expectWindowsAsApacheArrow(ds, reference)).toBe(windowed * ds.fields.length);
      expect(decodedCache.heldBytes).toBeGreaterThan(0);
      // A second pass, served from the cache, shows the same.
      await expectWindowsAsApacheArrow(ds, reference);
    } finally {
      await ds.close();
    }
  });

  it.each(cases)('%s: every window of every column under a 40 KiB budget (values evicted and decoded again)', async (name, compression) => {
    const { path, reference } = file(name, compression);
    decodedCache.setBudget(40 * 1024);
    const before = decodedCache.stats().evictions;
    const ds = await open(path);
    try {
      await expectWindowsAsApacheArrow(ds, reference);
      expect(decodedCache.stats().evictions).toBeGreaterThan(before);
    } finally {
      await ds.close();
    }
  });

  it('zstd.arrows: with the cache off (budget 0) windows still show what apache-arrow reads', async () => {
    const { path, reference } = file('zstd.arrows');
    decodedCache.setBudget(0);
    const ds = await open(path);
    try {
      await expectWindowsAsApacheArrow(ds, reference);
      expect(decodedCache.heldBytes).toBe(0);
    } finally {
      await ds.close();
    }
  });
});

describe('decoded cache: scrolling a ZSTD batch decodes each buffer once', () => {
  // pyarrow's zstd.arrows: batch 0 holds 2,000 rows of int64, utf8, float64 (flat, windowed from their
  // decoded buffers) and list<int32> (decoded whole once), in real ZSTD frames.
  /** Scrolls 20 consecutive 64-row windows of batch 0 over every column; returns the reads inside its body. */
  async function scroll(ds: Dataset & { source: ByteSource }, reads: { offset: number; length: number }[]) {
    const body = { start: ds.chunks[0].offset, end: ds.chunks[0].offset + ds.chunks[0].bytes };
    const first = reads.length;
    for (let w = 0; w < 20; w++) {
      const columns = ds.fields.map((_, c) => ds.readColumn(0, c, { start: w * WINDOW, end: (w + 1) * WINDOW }));
      await Promise.all(columns);
    }
    return reads.slice(first).filter((r) => r.offset >= body.start && r.offset < body.end);
  }

  it('reads and decompresses every buffer of the batch once over 20 windows (20 times with the cache off)', async () => {
    const { path } = file('zstd.arrows');
    let source!: ReturnType<typeof countingSource>;
    const ds = (await open(path, (s) => (source = countingSource(s)))) as Dataset & { source: ByteSource };
    try {
      const detail = await ds.chunkDetail!(0);
      const flat = detail.columns.filter((c) => ds.fields[c.column].name !== 'l');
      const flatBuffers = flat.flatMap((c) => c.regions ?? []).filter((r) => r.length > 0);
      const allBuffers = detail.columns.flatMap((c) => c.regions ?? []).filter((r) => r.length > 0);
      const before = decodedCache.stats().areas;
      const reads = await scroll(ds, source.reads);
      const after = decodedCache.stats().areas;

      // One decompression per buffer of a flat column, one whole decode per nested column.
      expect(after['arrow-buffers'].loads - (before['arrow-buffers']?.loads ?? 0)).toBe(flatBuffers.length);
      expect(after['arrow-columns'].loads - (before['arrow-columns']?.loads ?? 0)).toBe(1); // the list column
      // Every compressed byte of the batch read once: the reads cover each buffer once, and no more bytes.
      const readBytes = reads.reduce((n, r) => n + r.length, 0);
      const bufferBytes = allBuffers.reduce((n, r) => n + r.length, 0);
      expect(readBytes).toBeGreaterThanOrEqual(bufferBytes);
      expect(readBytes).toBeLessThan(bufferBytes + allBuffers.length * 8); // only padding between buffers
      for (const r of allBuffers) expect(reads.filter((x) => x.offset <= r.offset && r.offset + r.length <= x.offset + x.length).length, `buffer at ${r.offset}`).toBe(1);
    } finally {
      await ds.close();
    }

    decodedCache.setBudget(0);
    let uncached!: ReturnType<typeof countingSource>;
    const again = (await open(path, (s) => (uncached = countingSource(s)))) as Dataset & { source: ByteSource };
    try {
      const reads = await scroll(again, uncached.reads);
      const detail = await again.chunkDetail!(0);
      const first = detail.columns[0].regions!.find((r) => r.length > 0)!;
      // Without the cache every window decodes the whole column again.
      expect(reads.filter((x) => x.offset <= first.offset && first.offset + first.length <= x.offset + x.length).length).toBe(20);
    } finally {
      await again.close();
    }
  });

  it('drops a file’s decoded data when the file closes, and keeps the others’', async () => {
    const { path } = file('zstd.arrows');
    const a = await open(path);
    const b = await open(path);
    await a.readColumn(0, 0, { start: 0, end: WINDOW });
    const held = decodedCache.heldBytes;
    await b.readColumn(0, 0, { start: 0, end: WINDOW });
    await b.readColumn(0, b.fields.findIndex((f) => f.name === 'l'), { start: 0, end: WINDOW });
    expect(decodedCache.heldBytes).toBeGreaterThan(held);
    await b.close();
    expect(decodedCache.heldBytes).toBe(held);
    await a.close();
    expect(decodedCache.heldBytes).toBe(0);
  });
});

describe('decoded cache: run-end encoded, list-view and string-view windows show what pyarrow reads', () => {
  const names = ['run_end_encoded_long.arrows', 'run_end_encoded.arrows', 'list_view.arrows', 'list_view_nested.arrow', 'string_view.arrows'];

  it.each(names.flatMap((n) => [[n, DECODED_BUDGET_BYTES] as const, [n, 4 * 1024] as const]))('%s, budget %d bytes', async (name, budget) => {
    decodedCache.setBudget(budget);
    const gold = pyarrowGold('writers', `pyarrow/${name}`);
    const ds = await open(resolve(PYARROW, name));
    try {
      let compared = 0;
      for (let c = 0; c < gold.columns.length; c++) {
        const want = gold.columns[c];
        if (!want.values) continue;
        for (let k = 0; k < want.index.length; k++) {
          const row = want.index[k];
          const b = ds.chunks.findIndex((chunk) => row < chunk.rowOffset + chunk.rows);
          const local = row - ds.chunks[b].rowOffset;
          const start = local - (local % WINDOW);
          const window = await ds.readColumn(b, c, { start, end: start + WINDOW });
          expect(vectorValueText(window, local - start, ds.fields[c].extension), `${want.name} row ${row}`).toBe(want.values[k]);
          compared++;
        }
        expect(decodedCache.heldBytes).toBeLessThanOrEqual(budget);
      }
      expect(compared).toBeGreaterThan(0);
    } finally {
      await ds.close();
    }
  });
});
