import { mkdtempSync, openAsBlob, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { ByteSource } from '../../src/model/byteSource';
import { FREE_KEEP_MS, recycleRead } from '../../src/model/recycledReads';
import { BlobSource, STALL_MS } from '../../src/source/blobSource';
import { CachedSource } from '../../src/source/cachedSource';
import { NodeFileSource } from '../../src/source/nodeFileSource';

const dir = mkdtempSync(join(tmpdir(), 'recycle-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A 5 MiB file whose byte i is (i * 7 + (i >> 16)) & 255: a wrong offset or a stale buffer shows. */
const bytes = new Uint8Array(5 << 20);
for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7 + (i >> 16)) & 255;
const path = join(dir, 'bytes.bin');
writeFileSync(path, bytes);

/** Byte equality by memcmp (vitest's toEqual walks MBs element by element). */
const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a.buffer, a.byteOffset, a.length).equals(b);
const recyclable = { recyclable: true };

/** Each source that recycles: a Node file handle, and a Blob (read as a byte stream into the buffer given back, as a File in the browser). */
const sources: [string, () => Promise<ByteSource>][] = [
  ['NodeFileSource', () => NodeFileSource.open(path)],
  ['BlobSource', async () => new BlobSource(await openAsBlob(path), 'bytes.bin')],
  ['BlobSource under CachedSource', async () => new CachedSource(new BlobSource(await openAsBlob(path), 'bytes.bin'))],
];

describe.each(sources)('recycleRead, %s', (_, open) => {
  it('has the next big recyclable read fill a buffer given back, with exactly the bytes asked for', async () => {
    const source = await open();
    const first = await source.read(100, 3 << 20, undefined, recyclable);
    expect(same(first, bytes.subarray(100, 100 + (3 << 20)))).toBe(true);
    const firstLength = first.buffer.byteLength;
    recycleRead(first);
    const second = await source.read(4096, 2 << 20, undefined, recyclable); // smaller: fits the buffer given back
    expect(second.buffer.byteLength).toBe(firstLength); // the same memory (a stream read hands it back as a new ArrayBuffer)
    expect(second.length).toBe(2 << 20);
    expect(same(second, bytes.subarray(4096, 4096 + (2 << 20)))).toBe(true);
    const third = await source.read(0, 4 << 20, undefined, recyclable); // bigger than any buffer given back, and the one given back is out again
    expect(third.buffer).not.toBe(second.buffer);
    expect(same(third, bytes.subarray(0, 4 << 20))).toBe(true);
    expect(same(second, bytes.subarray(4096, 4096 + (2 << 20)))).toBe(true); // still its own bytes
    await source.close?.();
  });

  it('ignores bytes it did not hand out, reads not asked as recyclable, small reads, and a buffer given back twice', async () => {
    const source = await open();
    recycleRead(new Uint8Array(4 << 20)); // not from a read
    const plain = await source.read(0, 2 << 20);
    recycleRead(plain); // not asked as recyclable: the caller may keep it
    const small = await source.read(0, 1000, undefined, recyclable);
    recycleRead(small); // small reads are never reused
    const big = await source.read(0, 2 << 20, undefined, recyclable);
    expect(big.buffer.byteLength).toBe(2 << 20); // a fresh buffer: neither the plain read's nor the small one's
    expect(same(plain, bytes.subarray(0, 2 << 20))).toBe(true);
    recycleRead(big);
    recycleRead(big); // once only: two reads must never share it
    const a = await source.read(1 << 20, 2 << 20, undefined, recyclable);
    const b = await source.read(2 << 20, 2 << 20, undefined, recyclable);
    expect(same(a, bytes.subarray(1 << 20, 3 << 20))).toBe(true);
    expect(same(b, bytes.subarray(2 << 20, 4 << 20))).toBe(true);
    expect(same(plain, bytes.subarray(0, 2 << 20))).toBe(true);
    await source.close?.();
  });

  it('drops the buffers given back once none has come back for a while (a finished scan keeps none)', async () => {
    const source = await open();
    const first = await source.read(0, 3 << 20, undefined, recyclable);
    vi.useFakeTimers();
    try {
      recycleRead(first);
      vi.advanceTimersByTime(FREE_KEEP_MS + 1);
    } finally {
      vi.useRealTimers();
    }
    const next = await source.read(0, 2 << 20, undefined, recyclable);
    expect(next.buffer.byteLength).toBe(2 << 20); // a fresh buffer: the one given back was dropped
    recycleRead(next);
    const again = await source.read(0, 1 << 20, undefined, recyclable); // within the time: reused
    expect(again.buffer.byteLength).toBe(2 << 20);
    await source.close?.();
  });

  it('reads a recyclable range that passes the end up to the end', async () => {
    const source = await open();
    const tail = await source.read(bytes.length - (1 << 20) - 5, 2 << 20, undefined, recyclable);
    expect(tail.length).toBe((1 << 20) + 5);
    expect(same(tail, bytes.subarray(bytes.length - (1 << 20) - 5))).toBe(true);
    await source.close?.();
  });
});

describe('a recyclable read whose stream stops giving bytes', () => {
  it('reads its range plainly after STALL_MS, with every byte right', async () => {
    // A Blob whose range streams never give a byte (as one of Chromium's did under load), while its plain reads work.
    const stalling = {
      size: bytes.length,
      slice: (a: number, b: number) => ({
        stream: () => new ReadableStream({ type: 'bytes', pull: () => new Promise<void>(() => {}) }),
        arrayBuffer: async () => bytes.slice(a, b).buffer,
      }),
    };
    const source = new BlobSource(stalling as unknown as Blob, 'stalling.bin');
    const started = Date.now();
    const got = await source.read(4096, 2 << 20, undefined, recyclable);
    expect(Date.now() - started).toBeGreaterThanOrEqual(STALL_MS - 50);
    expect(same(got, bytes.subarray(4096, 4096 + (2 << 20)))).toBe(true);
  });
});
