import { makeData, makeVector, Utf8 } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { ReadPlan } from '../../src/arrow/readPlan';
import { recycleColumn } from '../../src/compute/recycleColumn';
import { BlobSource } from '../../src/source/blobSource';

const recyclable = { recyclable: true };

describe('recycleColumn', () => {
  it('gives a column its read once, however many of its buffers are views of it, so a read shared with another column stays out', async () => {
    const bytes = Uint8Array.from({ length: 6 << 20 }, (_, i) => (i * 7 + (i >> 16)) & 255);
    const source = new BlobSource(new Blob([bytes]), 'shared.bin');
    const plan = new ReadPlan(source);
    // Two columns' bodies merged into one read, each column a view of it.
    const [a, b] = await Promise.all([plan.read(0, (1 << 20) + 64, undefined, recyclable), plan.read((1 << 20) + 64, 2 << 20, undefined, recyclable)]);
    expect(a.buffer).toBe(b.buffer);
    // Column a: validity, offsets and values all views of its part of the read.
    const rows = 1000;
    const validity = a.subarray(0, 128).fill(255);
    const offsets = new Int32Array(a.buffer, a.byteOffset + 128, rows + 1).map((_, i) => i);
    const values = a.subarray(128 + 4 * (rows + 1) + 4, 128 + 4 * (rows + 1) + 4 + rows);
    recycleColumn(makeVector(makeData({ type: new Utf8(), length: rows, nullCount: 0, nullBitmap: validity, valueOffsets: offsets, data: values })));
    // b still holds its view: the next recyclable read must not take (and so detach) the buffer.
    await source.read(0, 1 << 20, undefined, recyclable);
    expect(b.length).toBe(2 << 20);
    expect(Buffer.from(b.buffer, b.byteOffset, b.length).equals(bytes.subarray((1 << 20) + 64, (3 << 20) + 64))).toBe(true);
  });
});
