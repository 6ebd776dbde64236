import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDataset } from '../../src/dataset/openDataset';
import { errorMessage } from '../../src/model/errors';
import { CachedSource } from '../../src/source/cachedSource';
import { openHttpSource } from '../../src/source/httpSource';
import { SourceError } from '../../src/source/sourceError';
import { startRangeServer, type RangeServer } from './rangeServer';

const bytes = Uint8Array.from({ length: 100_000 }, (_, i) => (i * 2654435761) >>> 24);
const sample = new Uint8Array(readFileSync('public/sample.arrow'));
/** Short enough for a test; the default is 30 s. */
const timeoutMs = 300;

/** The sentence a promise fails with (a SourceError's message, or what the app shows for anything else). */
async function failure(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return e instanceof SourceError ? e.message : `not a SourceError: ${errorMessage(e)}`;
  }
  throw new Error('expected a failure');
}

describe('HTTP source: every answer checked, every failure a sentence', () => {
  let server: RangeServer;
  beforeAll(async () => {
    server = await startRangeServer({ 'bytes.bin': bytes, 'sample.arrow': sample, 'empty.bin': new Uint8Array(0), 'bytes.bin%E0%A4%A': bytes, 'page.html': new TextEncoder().encode('<!doctype html><title>Not here</title>') });
  });
  afterAll(() => server.close());

  const read = async (behaviour: Parameters<RangeServer['url']>[1], offset = 1000, length = 5000) =>
    (await openHttpSource(server.url('bytes.bin', behaviour), { timeoutMs })).read(offset, length);

  it('reads the bytes asked for from a server that behaves, sending If-Range with the ETag of the open', async () => {
    const source = await openHttpSource(server.url('bytes.bin'), { timeoutMs });
    expect(source.size).toBe(bytes.length);
    expect(await source.read(99_990, 100)).toEqual(bytes.subarray(99_990));
    expect(await source.read(12_345, 20_000)).toEqual(bytes.subarray(12_345, 32_345));
    expect(server.requests.at(-1)).toMatchObject({ range: 'bytes=12345-32344', ifRange: '"bytes.bin-v1"' });
    const ds = await openDataset(await openHttpSource(server.url('sample.arrow'), { timeoutMs }));
    expect(ds.rows).toBe(4000);
  });

  it('a server that takes a range ending at byte 0 as "to the end" (sirv) is never asked for one', async () => {
    const source = await openHttpSource(server.url('bytes.bin', 'end-0-to-end'), { timeoutMs });
    expect(await source.read(0, 1)).toEqual(bytes.subarray(0, 1));
    expect(server.requests.slice(-2).map((r) => r.range)).toEqual(['bytes=0-1', 'bytes=0-1']);
  });

  it('a server that never answers: a timeout sentence naming the wait, at open and at a read', async () => {
    expect(await failure(openHttpSource(server.url('bytes.bin', 'stall-headers'), { timeoutMs }))).toMatch(
      /^The server at 127\.0\.0\.1:\d+ sent no answer within 0\.3 s when asked for http:\/\/.*\/stall-headers\/bytes\.bin\. .*allow a longer timeout\.$/,
    );
    expect(await failure(read('read-stall-headers'))).toMatch(/sent no answer within 0\.3 s when asked for bytes 1,000–5,999 of http/);
  });

  it('a body that stops arriving: a stall sentence with the bytes that came', async () => {
    expect(await failure(read('read-stall-body'))).toMatch(/^The server at .* stopped sending bytes 1,000–5,999 of .*: nothing arrived for 0\.3 s after 2,500 of 5,000 bytes\./);
  });

  it('a connection dropped mid-body (fewer bytes than Content-Length): says how much came', async () => {
    expect(await failure(read('read-drop-body'))).toMatch(/^The connection to .* ended after \d[\d,]* of the 5,000 bytes asked for \(bytes 1,000–5,999 of .*\): it was dropped, or the server sent fewer bytes than it announced/);
  });

  it('a connection closed before any answer', async () => {
    expect(await failure(openHttpSource(server.url('bytes.bin', 'reset'), { timeoutMs }))).toMatch(/closed the connection without answering when asked for http/);
  });

  it('a body shorter than the range asked for is not used', async () => {
    expect(await failure(read('read-short-body'))).toMatch(/^The server sent 2,500 bytes for bytes 1,000–5,999 of .*, which is 5,000 bytes: its answer is incomplete, so none of it was used\.$/);
  });

  it('other bytes than asked for (Content-Range start and end) are not used', async () => {
    expect(await failure(read('read-wrong-range'))).toMatch(/^The server answered with bytes 1,001–6,000 when asked for bytes 1,000–5,999 of .*: its answer does not match the request/);
  });

  it('a total other than the size seen at open: the file changed', async () => {
    expect(await failure(read('read-wrong-total'))).toMatch(/changed on the server since it was opened \(it was 100,000 bytes long, now 100,001\); reopen it/);
  });

  it('416 for a range inside the file', async () => {
    expect(await failure(read('read-refuse'))).toMatch(/^The server refused bytes 1,000–5,999 of .* \(416 Range Not Satisfiable\) although the file is 100,000 bytes long/);
  });

  it('a redirect loop', async () => {
    expect(await failure(openHttpSource(server.url('bytes.bin', 'redirect-loop'), { timeoutMs }))).toMatch(/^Following the redirects from .* failed: the server redirects in a loop/);
  });

  it('a server ignoring Range: at open, and after answering 206 at open', async () => {
    expect(await failure(openHttpSource(server.url('bytes.bin', 'ignore-range'), { timeoutMs }))).toMatch(/ignores HTTP Range requests \(answered 200 instead of 206\)/);
    expect(await failure(read('read-ignore-range'))).toMatch(/with the whole file \(200 instead of 206\): it no longer honours Range requests/);
  });

  it('a file changed between two reads: reported with both ETags, and every later read fails the same way', async () => {
    server.change('sample.arrow', sample);
    const source = await openHttpSource(server.url('sample.arrow'), { timeoutMs });
    expect(await source.read(0, 100)).toEqual(sample.subarray(0, 100));
    const changed = sample.slice();
    changed[500] ^= 0xff;
    server.change('sample.arrow', changed);
    const sentence = /^The file at http:\/\/.*\/ok\/sample\.arrow changed on the server since it was opened \(ETag was "sample\.arrow-v2", now "sample\.arrow-v3"\); reopen it to see the new version\.$/;
    expect(await failure(source.read(400, 200))).toMatch(sentence);
    // The server answered 200 to If-Range with the new version's bytes: none were used, nor will any be.
    expect(server.requests.at(-1)).toMatchObject({ ifRange: '"sample.arrow-v2"' });
    expect(await failure(source.read(0, 100))).toMatch(sentence);
  });

  it('an open pinned to the version an earlier open saw (a compute worker opening its own view) fails once the file changed', async () => {
    server.change('bytes.bin', bytes);
    const first = await openHttpSource(server.url('bytes.bin'), { timeoutMs });
    expect(await openHttpSource(server.url('bytes.bin'), { timeoutMs, version: first.version })).toBeDefined();
    server.change('bytes.bin', bytes);
    expect(await failure(openHttpSource(server.url('bytes.bin'), { timeoutMs, version: first.version }))).toMatch(
      /^The file at .*\/ok\/bytes\.bin changed on the server since it was opened \(ETag was "bytes\.bin-v2", now "bytes\.bin-v3"\)/,
    );
  });

  it('a server that deems its Last-Modified too weak for If-Range: read by comparing versions instead', async () => {
    const source = await openHttpSource(server.url('bytes.bin', 'weak-if-range'), { timeoutMs });
    expect(await source.read(2000, 10)).toEqual(bytes.subarray(2000, 2010));
    expect(await source.read(3000, 10)).toEqual(bytes.subarray(3000, 3010));
    const [withIfRange, retried, next] = server.requests.slice(-3);
    expect(withIfRange.ifRange).toMatch(/GMT$/);
    expect(retried).toMatchObject({ range: 'bytes=2000-2009', ifRange: undefined });
    expect(next).toMatchObject({ range: 'bytes=3000-3009', ifRange: undefined });
  });

  it('a request with If-Range that fails (a CORS preflight refused) is sent again without it, and so are the next', async () => {
    const source = await openHttpSource(server.url('bytes.bin', 'no-if-range'), { timeoutMs });
    expect(await source.read(2000, 10)).toEqual(bytes.subarray(2000, 2010));
    expect(await source.read(3000, 10)).toEqual(bytes.subarray(3000, 3010));
    expect(server.requests.slice(-3).map((r) => [r.range, r.ifRange !== undefined])).toEqual([
      ['bytes=2000-2009', true],
      ['bytes=2000-2009', false],
      ['bytes=3000-3009', false],
    ]);
  });

  it('an address that is not one: a sentence, before any request', async () => {
    const before = server.requests.length;
    expect(await failure(openHttpSource('http://[::1'))).toBe('“http://[::1” is not a valid web address; enter a full address such as https://example.com/data.parquet.');
    expect(await failure(openHttpSource('ftp://example.com/a.arrow'))).toBe('Only http:// and https:// addresses can be opened; “ftp://example.com/a.arrow” starts with ftp:.');
    expect(server.requests.length).toBe(before);
    // A %-escape that decodes to no text (URIError in decodeURIComponent) still opens, named as written.
    const odd = await openHttpSource(server.url('bytes.bin').replace('bytes.bin', 'bytes.bin%E0%A4%A'));
    expect(odd.name).toBe('bytes.bin%E0%A4%A');
  });

  it('a web page served with Range (not a data file): said so, with its first bytes', async () => {
    const source = await openHttpSource(server.url('page.html'), { timeoutMs });
    expect(await failure(openDataset(new CachedSource(source)))).toBe(
      'not a SourceError: This is not an Arrow or Parquet file: it begins with the text “<!doctyp”, where an Arrow or Parquet file has its own marks.',
    );
  });

  it('an empty file opens with size 0 (the engine then says it is empty)', async () => {
    const source = await openHttpSource(server.url('empty.bin'), { timeoutMs });
    expect(source.size).toBe(0);
    expect(await failure(openDataset(new CachedSource(source)))).toBe('not a SourceError: The file is empty (0 bytes).');
  });

  it('Cancel stops an open waiting for headers at once, and the request is abandoned on the server', async () => {
    const controller = new AbortController();
    const opening = openHttpSource(server.url('bytes.bin', 'stall-headers'), { timeoutMs: 30_000, signal: controller.signal });
    await new Promise((resolve) => setTimeout(resolve, 50));
    controller.abort();
    expect(await failure(opening)).toBe('not a SourceError: Cancelled.');
    await expect.poll(() => server.abandoned.filter((p) => p.includes('stall-headers')).length).toBeGreaterThan(0);
  });

  it("the open's signal, once aborted (the file closed), cancels reads in flight and after", async () => {
    const controller = new AbortController();
    const source = await openHttpSource(server.url('bytes.bin', 'read-stall-body'), { timeoutMs: 30_000, signal: controller.signal });
    const reading = source.read(1000, 5000);
    await new Promise((resolve) => setTimeout(resolve, 50));
    controller.abort();
    expect(await failure(reading)).toBe('not a SourceError: Cancelled.');
    expect(await failure(source.read(0, 10))).toBe('not a SourceError: Cancelled.');
  });
});
