import { Field, RecordBatch, RecordBatchStreamWriter, Schema, Struct, Utf8, makeData, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { tableFromIPC } from 'apache-arrow';
import { ColumnSkew, GUESS_MARGIN, LOCAL_MARGIN, MAX_LEARNED_MARGIN, guessedRange } from '../../src/arrow/loadRowWindow';
import { BLOCK, CachedSource, LOCAL_BLOCK } from '../../src/source/cachedSource';
import { readRowWindow } from '../../src/compute/rowWindow';
import { openDataset } from '../../src/dataset/openDataset';
import type { ByteSource } from '../../src/model/byteSource';

/** A source recording its reads and their waves: a read asked for after an earlier one answered starts a new wave. */
function loggedSource(bytes: Uint8Array): ByteSource & { log: [number, number][]; waves: number } {
  const log: [number, number][] = [];
  let answered = true;
  const source = {
    name: 'strings.arrows',
    size: bytes.length,
    stats: { reads: 0, bytesRead: 0 },
    log,
    waves: 0,
    async read(offset: number, length: number) {
      const end = Math.min(bytes.length, offset + length);
      log.push([offset, end]);
      if (answered) source.waves++;
      answered = false;
      await new Promise((resolve) => setTimeout(resolve, 1));
      answered = true;
      return bytes.slice(offset, end);
    },
  };
  return source;
}

const ROWS = 20_000;

/** One batch of one string column (no nulls): its offsets and data buffers lie more than a read-merge gap apart. */
function stream(value: (i: number) => string): Uint8Array {
  const fields = [new Field('s', new Utf8(), false)];
  const s = vectorFromArray(Array.from({ length: ROWS }, (_, i) => value(i)), new Utf8());
  const batch = new RecordBatch(new Schema(fields), makeData({ type: new Struct(fields), length: ROWS, nullCount: 0, children: [s.data[0]] }));
  return RecordBatchStreamWriter.writeAll([batch]).toUint8Array(true);
}

async function window(value: (i: number) => string, start: number, count: number) {
  const source = loggedSource(stream(value));
  const ds = await openDataset(source);
  await ds.indexed;
  source.log.length = 0;
  source.waves = 0;
  const w = await readRowWindow(ds, start, count, [0]);
  return { values: w.columns[0], reads: source.log.length, waves: source.waves, error: w.errors[0] };
}

describe("a string window's data read with its offsets", () => {
  it('values of one width: the data is where the rows share says, read in the offsets wave (2 reads, one wave)', async () => {
    const value = (i: number) => `v${String(i).padStart(5, '0')}`;
    const got = await window(value, 10_000, 40);
    expect(got.error).toBeNull();
    expect(got.values).toEqual(Array.from({ length: 40 }, (_, k) => value(10_000 + k)));
    expect([got.reads, got.waves]).toEqual([2, 1]);
  });

  it('values far from where the share says: read again once the offsets tell where, same values (3 reads, two waves)', async () => {
    const value = (i: number) => (i < 10_000 ? `long-${'x'.repeat(14)}` : `s${i % 10}`);
    const got = await window(value, 15_000, 40);
    expect(got.error).toBeNull();
    expect(got.values).toEqual(Array.from({ length: 40 }, (_, k) => value(15_000 + k)));
    expect([got.reads, got.waves]).toEqual([3, 2]);
  });

  it('a column whose data lies far from the rows share: after its first miss, later windows of it are read in one wave, same values', async () => {
    // 200,000 rows: the data buffer (2.1 MB) is far wider than the default margin, and the first half's values are 10x longer.
    const rows = 200_000;
    const value = (i: number) => (i < rows / 2 ? `long-${'x'.repeat(14)}` : `s${i % 10}`);
    const fields = [new Field('s', new Utf8(), false)];
    const s = vectorFromArray(Array.from({ length: rows }, (_, i) => value(i)), new Utf8());
    const batch = new RecordBatch(new Schema(fields), makeData({ type: new Struct(fields), length: rows, nullCount: 0, children: [s.data[0]] }));
    const source = loggedSource(RecordBatchStreamWriter.writeAll([batch]).toUint8Array(true));
    const ds = await openDataset(source);
    await ds.indexed;
    const read = async (start: number) => {
      source.log.length = 0;
      source.waves = 0;
      const w = await readRowWindow(ds, start, 40, [0]);
      expect(w.errors[0]).toBeNull();
      expect(w.columns[0]).toEqual(Array.from({ length: 40 }, (_, k) => value(start + k)));
      return source.waves;
    };
    expect(await read(150_000)).toBe(2);
    expect(await read(160_000)).toBe(1);
    expect(await read(180_000)).toBe(1);
    // A step from the last window: one wave, and its data read narrowly (where the last window's was), not with the wide margin.
    expect(await read(180_064)).toBe(1);
    expect(Math.max(...source.log.map(([from, to]) => to - from))).toBeLessThanOrEqual(2 * GUESS_MARGIN + 1024);
  });

  it("a local file's jump (its cache's blocks LOCAL_BLOCK) reads its string data within LOCAL_MARGIN; a remote file's (64 KiB blocks) within GUESS_MARGIN; same values as apache-arrow", async () => {
    const rows = 200_000;
    const value = (i: number) => `value-${String(i).padStart(7, '0')}`; // 13 bytes each: 2.6 MB of data
    const fields = [new Field('s', new Utf8(), false)];
    const s = vectorFromArray(Array.from({ length: rows }, (_, i) => value(i)), new Utf8());
    const batch = new RecordBatch(new Schema(fields), makeData({ type: new Struct(fields), length: rows, nullCount: 0, children: [s.data[0]] }));
    const bytes = RecordBatchStreamWriter.writeAll([batch]).toUint8Array(true);
    const want = tableFromIPC(bytes).getChild('s')!.toArray().slice(150_000, 150_128);
    const largestRead = async (block: number) => {
      const inner = loggedSource(bytes);
      const ds = await openDataset(new CachedSource(inner, undefined, block));
      await ds.indexed;
      await readRowWindow(ds, 0, 64, [0]); // the first view
      inner.log.length = 0;
      const w = await readRowWindow(ds, 150_000, 128, [0]);
      expect(w.errors[0]).toBeNull();
      expect(w.columns[0]).toEqual(want);
      return Math.max(...inner.log.map(([from, to]) => to - from));
    };
    const data = 128 * 13;
    expect(await largestRead(LOCAL_BLOCK)).toBeLessThanOrEqual(2 * LOCAL_MARGIN + data + 2 * LOCAL_BLOCK);
    expect(await largestRead(BLOCK)).toBeGreaterThanOrEqual(2 * GUESS_MARGIN + data);
  });

  it('the learned margin: the largest distance seen plus a quarter, at least the default, at most MAX_LEARNED_MARGIN', () => {
    const skew = new ColumnSkew();
    expect(skew.margin(10_000_000)).toBe(GUESS_MARGIN);
    skew.learn(0, 10_000_000, 500, 600, 1000, 5_100_000, 6_100_000); // 100,000 bytes after the share: 1%
    expect(skew.margin(10_000_000)).toBe(125_000);
    skew.learn(0, 10_000_000, 100, 200, 1000, 1_000_000, 2_000_000); // on the share: the 1% stays
    expect(skew.margin(10_000_000)).toBe(125_000);
    // Near the last window (same batch): where its data was, default margin; farther, or in another batch: the wide margin.
    expect(skew.guess(0, 10_000_000, 120, 130, 1000)).toEqual({ from: 1_200_000 - GUESS_MARGIN, to: 1_300_000 + GUESS_MARGIN });
    expect(skew.guess(1, 10_000_000, 120, 130, 1000)).toEqual({ from: 1_200_000 - 125_000, to: 1_300_000 + 125_000 });
    skew.learn(0, 10_000_000, 0, 100, 1000, 5_000_000, 6_000_000);
    expect(skew.margin(10_000_000)).toBe(MAX_LEARNED_MARGIN);
    expect(skew.guess(0, 10_000_000, 10, 20, 1000)).toEqual({ from: 5_100_000 - GUESS_MARGIN, to: 5_200_000 + GUESS_MARGIN });
  });

  it('the guess: the rows share with a margin, clipped to the buffer; none for an empty buffer or a window over 1 MiB', () => {
    expect(guessedRange(1000, 10, 20, 100)).toEqual({ from: 0, to: 1000 });
    expect(guessedRange(10_000_000, 500, 600, 1000)).toEqual({ from: 5_000_000 - GUESS_MARGIN, to: 6_000_000 + GUESS_MARGIN });
    expect(guessedRange(0, 0, 10, 100)).toBeNull();
    expect(guessedRange(100_000_000, 0, 100, 1000)).toBeNull();
  });
});
