import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BlobSource } from '../../src/source/blobSource';
import { CachedSource, LOCAL_BLOCK } from '../../src/source/cachedSource';
import { openHttpSource } from '../../src/source/httpSource';
import { NodeFileSource } from '../../src/source/nodeFileSource';
import { openDataset } from '../../src/dataset/openDataset';
import { tempFile } from '../support/files';

const bytes = Uint8Array.from({ length: 1_000_000 }, (_, i) => (i * 2654435761) >>> 24);
const path = tempFile('bytes.bin', bytes);

describe('byte sources', () => {
  it('the Node file source and the Blob source read the same ranges and count their I/O', async () => {
    const file = await NodeFileSource.open(path);
    const blob = new BlobSource(new Blob([bytes]), 'bytes.bin');
    for (const [o, n] of [[0, 10], [999_990, 100], [123_456, 300_000]]) {
      const want = bytes.subarray(o, Math.min(bytes.length, o + n));
      expect(await file.read(o, n)).toEqual(want);
      expect(await blob.read(o, n)).toEqual(want);
    }
    expect(file.stats.reads).toBe(3);
    expect(file.stats.bytesRead).toBe(10 + 10 + 300_000);
    // A position a damaged header made NaN reads nothing (the reader then names the problem), as a Blob's does.
    expect(await file.read(NaN, 8)).toEqual(new Uint8Array(0));
    expect(await blob.read(NaN, 8)).toEqual(new Uint8Array(0));
    await file.close();
  });

  it('the block cache returns the same bytes, stays within its budget and skips repeated I/O', async () => {
    const inner = await NodeFileSource.open(path);
    const cache = new CachedSource(inner, 256 * 1024);
    let seed = 1;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let i = 0; i < 300; i++) {
      const o = Math.floor(random() * bytes.length);
      const n = 1 + Math.floor(random() * 5000);
      expect(await cache.read(o, n)).toEqual(bytes.subarray(o, Math.min(bytes.length, o + n)));
      expect(cache.cachedBytes).toBeLessThanOrEqual(256 * 1024);
    }
    const reads = inner.stats.reads;
    await cache.read(10, 10);
    await cache.read(12, 5);
    expect(inner.stats.reads - reads).toBeLessThanOrEqual(1);
    await cache.close();
  });

  it("the block cache counts the reads its blocks keep alive, and its answers are the caller's own bytes", async () => {
    const inner = await NodeFileSource.open(path);
    const cache = new CachedSource(inner, 200 * 1024);
    // One read of three blocks: its blocks share its buffer, counted once.
    const first = await cache.read(10, 150_000);
    expect(cache.cachedBytes).toBe(3 * 64 * 1024);
    first.fill(0); // the caller's copy: the cache still answers the file's bytes
    expect(await cache.read(70_000, 10)).toEqual(bytes.subarray(70_000, 70_010));
    // Over the budget: the read's buffer is let go only when its last block is, and counted until then.
    for (let b = 4; b < 8; b++) {
      expect(await cache.read(b * 64 * 1024, 100)).toEqual(bytes.subarray(b * 64 * 1024, b * 64 * 1024 + 100));
      expect(cache.cachedBytes).toBeLessThanOrEqual(200 * 1024);
    }
    expect(await cache.read(10, 150_000)).toEqual(bytes.subarray(10, 150_010));
    await cache.close();
  });

  it("a local file's block cache (LOCAL_BLOCK) reads its misses rounded to 4 KiB, not 64, and still keeps reads of up to 256 KiB", async () => {
    const inner = await NodeFileSource.open(path);
    const reads: [number, number][] = [];
    const logged = { name: inner.name, size: inner.size, stats: inner.stats, read: (o: number, n: number) => (reads.push([o, n]), inner.read(o, n)) };
    const cache = new CachedSource(logged, undefined, LOCAL_BLOCK);
    expect(await cache.read(70_000, 600)).toEqual(bytes.subarray(70_000, 70_600));
    expect(reads).toEqual([[69_632, 4096]]); // 17 * 4096: one block, where a 64 KiB block cache reads 65,536 bytes at 65,536
    expect(await cache.read(100_000, 100_000)).toEqual(bytes.subarray(100_000, 200_000));
    expect(await cache.read(150_000, 1000)).toEqual(bytes.subarray(150_000, 151_000)); // inside the 100,000-byte read: kept
    expect(reads.length).toBe(2);
    expect(reads[1][0] % 4096 + reads[1][1] % 4096).toBe(0);
    await cache.close();
  });
});

describe('HTTP range source', () => {
  let server: Server;
  let base = '';
  const sample = readFileSync('public/sample.arrow');
  beforeAll(async () => {
    server = createServer((req, res) => {
      const body = req.url === '/sample.arrow' || req.url === '/norange.arrow' ? sample : null;
      if (!body) return void res.writeHead(404).end();
      const range = req.headers.range?.match(/bytes=(\d+)-(\d+)/);
      if (!range || req.url === '/norange.arrow') return void res.writeHead(200, { 'Content-Length': body.length }).end(body);
      const [a, b] = [Number(range[1]), Math.min(body.length - 1, Number(range[2]))];
      res.writeHead(206, { 'Content-Range': `bytes ${a}-${b}/${body.length}`, 'Content-Length': b - a + 1 }).end(body.subarray(a, b + 1));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('opens a remote file lazily with Range requests', async () => {
    const source = await openHttpSource(`${base}/sample.arrow`);
    expect(source.size).toBe(sample.length);
    const ds = await openDataset(source);
    expect(ds.rows).toBe(4000);
    expect((await ds.readColumn(2, 2, { start: 0, end: 1 })).get(0)).toBeTypeOf('string');
    expect(source.stats.bytesRead).toBeLessThan(sample.length / 2);
  });

  it('says clearly when the server ignores Range requests', async () => {
    await expect(openHttpSource(`${base}/norange.arrow`)).rejects.toThrow(/ignores HTTP Range/);
  });

  it('says clearly when the server cannot be reached', async () => {
    await expect(openHttpSource('http://127.0.0.1:9/none.arrow')).rejects.toThrow(/Could not reach/);
  });
});
