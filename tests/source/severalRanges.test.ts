import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byterangesBoundary, parseByteranges } from '../../src/source/byteranges';
import { HttpSource } from '../../src/source/httpSource';
import { startRangeServer, type RangeServer } from './rangeServer';
import { concatBytes } from '../support/bytes';

const enc = (s: string) => new TextEncoder().encode(s);
const join = (...xs: (string | Uint8Array)[]) => concatBytes(xs.map((x) => (typeof x === 'string' ? enc(x) : x)));

describe('a multipart/byteranges answer', () => {
  it('names its boundary, quoted or not', () => {
    expect(byterangesBoundary('multipart/byteranges; boundary=00000000001')).toBe('00000000001');
    expect(byterangesBoundary('Multipart/Byteranges;boundary="a b:c"')).toBe('a b:c');
    expect(byterangesBoundary('multipart/byteranges; charset=x; boundary=3d6b6a416f9b5')).toBe('3d6b6a416f9b5');
    expect(byterangesBoundary('application/octet-stream')).toBeNull();
    expect(byterangesBoundary('multipart/byteranges')).toBeNull();
    expect(byterangesBoundary(null)).toBeNull();
  });

  it('is cut into its parts by their Content-Range lengths, even when a part holds the boundary', () => {
    const tricky = enc('\r\n--B\r\n');
    const body = join('preamble\r\n--B\r\nContent-Type: x\r\nContent-Range: bytes 10-16/100\r\n\r\n', tricky, '\r\n--B\r\ncontent-range: bytes 90-99/100\n\n', '0123456789', '\r\n--B--\r\n');
    const parts = parseByteranges(body, 'B', 100);
    expect(typeof parts).not.toBe('string');
    expect((parts as { first: number; last: number; bytes: Uint8Array }[]).map((p) => [p.first, p.last, new TextDecoder().decode(p.bytes)])).toEqual([
      [10, 16, '\r\n--B\r\n'],
      [90, 99, '0123456789'],
    ]);
  });

  it('says what is wrong with one that is not such an answer', () => {
    const part = (range: string, data: string) => `--B\r\nContent-Range: ${range}\r\n\r\n${data}\r\n`;
    expect(parseByteranges(enc('no boundary here'), 'B', 100)).toBe('no boundary at its start');
    expect(parseByteranges(enc(`${part('bytes 0-3/100', 'abcd')}--B--`), 'B', 99)).toMatch(/file is 100 bytes long, not 99/);
    expect(parseByteranges(enc(`${part('bytes 0-99/100', 'abcd')}--B--`), 'B', 100)).toBe('the body ends inside the part for bytes 0-99');
    expect(parseByteranges(enc(`${part('bytes 0-3/100', 'abcdef')}--B--`), 'B', 100)).toBe('no boundary after the part for bytes 0-3');
    expect(parseByteranges(enc(`${part('bytes 3-1/100', 'abc')}--B--`), 'B', 100)).toMatch(/without a usable Content-Range/);
    expect(parseByteranges(enc(`--B\r\nContent-Type: x\r\n\r\nabc\r\n--B--`), 'B', 100)).toMatch(/without a usable Content-Range/);
    expect(parseByteranges(enc(`${part('bytes 98-101/100', 'abcd')}--B--`), 'B', 100)).toMatch(/past the file's end/);
    expect(parseByteranges(enc('--B--'), 'B', 100)).toBe('no part');
  });
});

describe('small reads asked for at once go in one request of several ranges', () => {
  const bytes = new Uint8Array(4 * 2 ** 20).map((_, i) => (i * 13 + (i >> 9)) & 0xff);
  let server: RangeServer;
  beforeAll(async () => {
    server = await startRangeServer({ 'f.bin': bytes });
  });
  afterAll(() => server.close());

  const spots = [3_000_000, 10, 2_000_000, 1_000_000, 2_000_100];
  const readAll = (source: HttpSource) => Promise.all(spots.map((at) => source.read(at, 300)));
  const expectRight = (got: Uint8Array[]) => got.forEach((g, k) => expect(g).toEqual(bytes.subarray(spots[k], spots[k] + 300)));
  const rangesAsked = (before: number) => server.requests.slice(before).map((r) => r.range);

  it('a server that answers several ranges: one request, in order, touching reads merged; each reader its bytes', async () => {
    const source = await HttpSource.open(server.url('f.bin'));
    const before = server.requests.length;
    expectRight(await readAll(source));
    expect(rangesAsked(before)).toEqual(['bytes=10-309,1000000-1000299,2000000-2000399,3000000-3000299']);
    expect(source.stats.reads).toBe(1);
  });

  for (const behaviour of ['single-range', 'first-range', 'bad-multipart'] as const) {
    it(`a server that does not (${behaviour}): the ranges asked for one by one, and from then on one by one`, async () => {
      const source = await HttpSource.open(server.url('f.bin', behaviour));
      const before = server.requests.length;
      expectRight(await readAll(source));
      const asked = rangesAsked(before);
      expect(asked[0]).toBe('bytes=10-309,1000000-1000299,2000000-2000399,3000000-3000299');
      expect(new Set(asked.slice(1))).toEqual(new Set(['bytes=10-309', 'bytes=1000000-1000299', 'bytes=2000000-2000399', 'bytes=3000000-3000299']));
      const again = server.requests.length;
      expectRight(await readAll(source));
      expect(rangesAsked(again)).toHaveLength(5); // asked for alone, as they come
    });
  }

  it('fewer than four ranges go as parallel requests of one range each', async () => {
    const source = await HttpSource.open(server.url('f.bin'));
    const before = server.requests.length;
    const got = await Promise.all([source.read(10, 300), source.read(3_000_000, 300), source.read(1_000_000, 300)]);
    expect(got[1]).toEqual(bytes.subarray(3_000_000, 3_000_300));
    expect(new Set(rangesAsked(before))).toEqual(new Set(['bytes=1000000-1000299', 'bytes=10-309', 'bytes=3000000-3000299']));
  });

  it('a reader that cancels gets Cancelled; the others their bytes', async () => {
    const source = await HttpSource.open(server.url('f.bin', 'slow'));
    const stop = new AbortController();
    const reads = spots.map((at, k) => source.read(at, 300, k === 1 ? stop.signal : undefined));
    stop.abort();
    const got = await Promise.allSettled(reads);
    expect(got[1]).toMatchObject({ status: 'rejected', reason: { name: 'AbortError' } });
    got.forEach((g, k) => k !== 1 && expect((g as PromiseFulfilledResult<Uint8Array>).value).toEqual(bytes.subarray(spots[k], spots[k] + 300)));
  });

  it('a file changed on the server fails every read of the request with the change, none falls back', async () => {
    const name = 'changing.bin';
    const local = await startRangeServer({ [name]: bytes });
    try {
      const source = await HttpSource.open(local.url(name));
      local.change(name, bytes.slice().reverse());
      const before = local.requests.length;
      const got = await Promise.allSettled(spots.map((at) => source.read(at, 300)));
      for (const g of got) expect(g).toMatchObject({ status: 'rejected', reason: { message: expect.stringMatching(/ETag was "changing.bin-v1", now "changing.bin-v2"/) } });
      expect(local.requests.length - before).toBe(1);
    } finally {
      await local.close();
    }
  });
});
