import { Field, Int32, RecordBatch, RecordBatchStreamWriter, Schema, Struct, Utf8, makeData, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { MAX_MERGED, MERGE_GAP, ReadPlan } from '../../src/arrow/readPlan';
import { readRowWindow } from '../../src/compute/rowWindow';
import { openDataset } from '../../src/dataset/openDataset';
import type { ByteSource } from '../../src/model/byteSource';
import { recycleRead } from '../../src/model/recycledReads';
import { BlobSource } from '../../src/source/blobSource';
import { CachedSource } from '../../src/source/cachedSource';

/** A source over `size` bytes where byte i is i % 251, recording every read. */
function countingSource(size: number): ByteSource & { log: [number, number][] } {
  const log: [number, number][] = [];
  return {
    name: 'counting',
    size,
    stats: { reads: 0, bytesRead: 0 },
    log,
    async read(offset, length) {
      const end = Math.min(size, offset + length);
      log.push([offset, end]);
      return Uint8Array.from({ length: Math.max(0, end - offset) }, (_, k) => (offset + k) % 251);
    },
  };
}
const expected = (offset: number, length: number) => Uint8Array.from({ length }, (_, k) => (offset + k) % 251);

describe('read plan: the reads asked for in one task are merged', () => {
  it('ranges closer than the gap are one read, farther ones another; each caller gets its own bytes', async () => {
    const source = countingSource(10 * MERGE_GAP);
    const plan = new ReadPlan(source);
    // [0, 170) and [100 + GAP, 108 + GAP) are GAP - 70 apart: merged; the last starts a full GAP after: apart.
    const asked: [number, number][] = [[100, 50], [0, 10], [130, 40], [100 + MERGE_GAP, 8], [108 + 2 * MERGE_GAP, 4]];
    const got = await Promise.all(asked.map(([o, n]) => plan.read(o, n)));
    got.forEach((bytes, k) => expect(bytes).toEqual(expected(...asked[k])));
    expect(source.log).toEqual([[0, 108 + MERGE_GAP], [108 + 2 * MERGE_GAP, 112 + 2 * MERGE_GAP]]);
    got[0][0] = 99; // callers own their bytes
    expect(got[2][0]).toBe(130 % 251);
  });

  it('recyclable reads merged with others share the read as views, its buffer going back once each has given its view back', async () => {
    const bytes = Uint8Array.from({ length: 6 << 20 }, (_, i) => (i * 7 + (i >> 16)) & 255);
    const source = new BlobSource(new Blob([bytes]), 'shared.bin');
    const plan = new ReadPlan(source);
    const recyclable = { recyclable: true };
    // Two column bodies of a scan (recyclable) and a small read between them (not): one read of [0, 3 MiB).
    // And one recyclable read at an offset not 8 bytes from the others': a view there could not hold its typed arrays.
    const [a, small, b, odd] = await Promise.all([
      plan.read(0, 1 << 20, undefined, recyclable),
      plan.read((1 << 20) + 8, 16),
      plan.read((1 << 20) + 64, 2 << 20, undefined, recyclable),
      plan.read((3 << 20) + 67, 100, undefined, recyclable),
    ]);
    expect(plan.reads).toBe(1);
    expect([a.length, small.length, b.length, odd.length]).toEqual([1 << 20, 16, 2 << 20, 100]);
    expect(a.buffer).toBe(b.buffer); // views of the one read
    expect(small.buffer).not.toBe(a.buffer); // a copy: its caller may keep it
    expect(odd.byteOffset).toBe(0); // a copy, aligned
    recycleRead(odd); // not a holder of the shared buffer: no effect
    expect(Buffer.from(b.buffer, b.byteOffset, b.length).equals(bytes.subarray((1 << 20) + 64, (3 << 20) + 64))).toBe(true);
    recycleRead(a);
    // b still holds its view: the next recyclable read cannot take the buffer.
    const other = await source.read(0, 1 << 20, undefined, recyclable);
    expect(other.buffer).not.toBe(b.buffer);
    expect(Buffer.from(b.buffer, b.byteOffset, b.length).equals(bytes.subarray((1 << 20) + 64, (3 << 20) + 64))).toBe(true);
    recycleRead(b);
    const again = await source.read(4096, 1 << 20, undefined, recyclable);
    expect(again.buffer.byteLength).toBe((3 << 20) + 167); // the shared read's buffer, back once both gave their views back
  });

  it('a merged read stops growing at MAX_MERGED; a read past the end is cut there; reads in a later task are planned apart', async () => {
    const source = countingSource(MAX_MERGED + 1000);
    const plan = new ReadPlan(source);
    const [a, b, c] = await Promise.all([plan.read(0, MAX_MERGED - 10), plan.read(MAX_MERGED - 5, 100), plan.read(MAX_MERGED + 900, 500)]);
    expect([a.length, b.length, c.length]).toEqual([MAX_MERGED - 10, 100, 100]);
    expect(source.log).toEqual([[0, MAX_MERGED - 10], [MAX_MERGED - 5, MAX_MERGED + 1000]]);
    await plan.read(0, 4);
    expect(source.log.length).toBe(3);
  });

  it("one caller's cancel rejects only its own read", async () => {
    const plan = new ReadPlan(countingSource(1000));
    const cancel = new AbortController();
    const mine = plan.read(0, 10, cancel.signal);
    const other = plan.read(20, 10);
    cancel.abort();
    await expect(mine).rejects.toThrow();
    expect(await other).toEqual(expected(20, 10));
  });
});

describe('a cold row window over many columns', () => {
  it('reads a 2,000-column batch in a few reads (one per concurrent block miss before), with the values of every column', async () => {
    const columns = 2000;
    const fields = Array.from({ length: columns }, (_, c) => new Field(`c${c}`, c % 2 ? new Utf8() : new Int32(), true));
    const children = fields.map((_, c) => (c % 2 ? vectorFromArray([`s${c}`, null, `t${c}`], new Utf8()) : vectorFromArray([c, -c, null], new Int32())).data[0]);
    const top = makeData({ type: new Struct(fields), length: 3, nullCount: 0, children });
    const bytes = RecordBatchStreamWriter.writeAll([new RecordBatch(new Schema(fields), top)]).toUint8Array(true);
    const blob = new BlobSource(new Blob([bytes as BlobPart]), 'wide.arrows');
    const ds = await openDataset(new CachedSource(blob));
    await ds.indexed;
    const before = blob.stats.reads;
    const window = await readRowWindow(ds, 0, 3, fields.map((_, c) => c));
    expect(window.errors.every((e) => e === null)).toBe(true);
    expect(window.columns[0]).toEqual(['0', '0', null]);
    expect(window.columns[1999]).toEqual(['s1999', null, 't1999']);
    expect(window.columns[1000]).toEqual(['1000', '-1000', null]);
    // Before the plan: 768 reads of 64 KiB blocks, one per column whose block was still being read.
    expect(blob.stats.reads - before).toBeLessThanOrEqual(4);
  });
});
