import { describe, expect, it } from 'vitest';
import { ReadWindow, READ_THROUGH } from '../../src/arrow/readMessage';
import { BlobSource } from '../../src/source/blobSource';

describe('ReadWindow reading through in blocks read ahead', () => {
  const size = 40 * 1024 * 1024 + 123;
  const bytes = new Uint8Array(size);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i + 4 <= size; i += 4) view.setUint32(i, i, true);
  const expected = (offset: number, length: number) => bytes.subarray(offset, Math.min(size, offset + length));
  /** Byte-for-byte equality without a deep comparison of 32 MB (the first differing byte, or -1). */
  const same = (got: Uint8Array, offset: number, length: number) => {
    const want = expected(offset, length);
    if (got.length !== want.length) return `length ${got.length}, not ${want.length}`;
    return Buffer.from(got.buffer, got.byteOffset, got.length).equals(Buffer.from(want.buffer, want.byteOffset, want.length)) ? 'same' : 'differs';
  };

  it('gives the file\'s bytes at every offset, across block boundaries and at the end', async () => {
    const source = new BlobSource(new Blob([bytes as BlobPart]), 'through.bin');
    const window = new ReadWindow(source);
    const block = 16 * 1024 * 1024;
    const reads: [number, number][] = [[0, 8], [100, 5000], [block - 4, 8], [block - 3, 2 * block + 10], [3 * block - 100, 10_000], [size - 5, 8], [size - 1000, 1000]];
    for (const [offset, length] of reads) {
      expect(same(await window.get(offset, length, READ_THROUGH), offset, length), `${offset}+${length}`).toBe('same');
    }
    // Jumping back and then reading through again still gives the right bytes.
    expect(same(await window.get(10, 20, 16 * 1024), 10, 20)).toBe('same');
    expect(same(await window.get(block + 7, 64, READ_THROUGH), block + 7, 64)).toBe('same');
    expect(source.stats.bytesRead).toBeLessThan(4 * size);
  });
});
