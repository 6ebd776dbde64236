import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plannedReads } from '../../src/arrow/readPlan';
import { CoalescedReads } from '../../src/parquet/coalescedReads';
import { CachedSource } from '../../src/source/cachedSource';
import { HttpSource } from '../../src/source/httpSource';
import { MAX_MERGE_GAP, RequestCosts } from '../../src/source/requestCosts';
import { startRangeServer, type RangeServer } from './rangeServer';

describe('RequestCosts', () => {
  it('says nothing before an answer with a body big enough to time', () => {
    const costs = new RequestCosts();
    expect(costs.mergeGap).toBeUndefined();
    costs.record(40, 0.1, 2); // a 2-byte answer: its round trip is known, its throughput not
    expect(costs.mergeGap).toBeUndefined();
  });

  it('is the shortest round trip times the median throughput, capped', () => {
    const costs = new RequestCosts();
    costs.record(50, 10, 1_000_000); // 100,000 B/ms
    costs.record(20, 4, 800_000); // 200,000 B/ms; the shortest wait
    costs.record(90, 40, 2_000_000); // 50,000 B/ms, queued behind others
    expect(costs.mergeGap).toBe(20 * 100_000);
    costs.record(500, 1, 1_000_000); // 1,000,000 B/ms: the median moves to 150,000... capped at 4 MiB
    costs.record(10, 1, 10_000_000);
    expect(costs.mergeGap).toBe(Math.min(MAX_MERGE_GAP, 10 * 200_000));
    costs.record(10, 1, 100_000_000);
    costs.record(10, 1, 100_000_000);
    expect(costs.mergeGap).toBe(MAX_MERGE_GAP);
  });
});

/** A source of a server 40 ms away whose answers have been timed, and that has said whether it answers several ranges in one request. */
async function distant(server: RangeServer, behaviour: 'slow' | 'slow-single-range'): Promise<HttpSource> {
  const source = await HttpSource.open(server.url('big.bin', behaviour));
  await source.read(0, 2 * 2 ** 20); // one timed answer: 40 ms away, local speed (2 MiB: timed even on a busy machine)
  await Promise.all([0, 1, 2, 3].map((i) => source.read(4_000_000 + i * 100_000, 1_000))); // one request of several ranges, answered or refused
  return source;
}

describe('reads of a distant server that answers one range per request are merged across its round trip in bytes', () => {
  const bytes = new Uint8Array(8 * 2 ** 20).map((_, i) => (i * 7 + (i >> 11)) & 0xff);
  let server: RangeServer;
  beforeAll(async () => {
    server = await startRangeServer({ 'big.bin': bytes });
  });
  afterAll(() => server.close());

  for (const [name, reader] of [
    ['Arrow read plan', (s: HttpSource) => plannedReads(new CachedSource(s))],
    ['Parquet coalesced reads', (s: HttpSource) => new CoalescedReads(new CachedSource(s))],
  ] as const) {
    it(`${name}: two ranges 300 KB apart are one request, each caller gets its own bytes`, async () => {
      const source = await distant(server, 'slow-single-range');
      expect(source.mergeGap).toBeGreaterThan(400_000);
      const before = server.requests.length;
      const plan = reader(source);
      const [a, b] = await Promise.all([plan.read(3_000_000, 300_000), plan.read(3_600_000, 300_000)]);
      expect(server.requests.length - before).toBe(1);
      expect(a).toEqual(bytes.subarray(3_000_000, 3_300_000));
      expect(b).toEqual(bytes.subarray(3_600_000, 3_900_000));
    });

    it(`${name}: where the server answers several ranges in one request, the gaps between them are not read`, async () => {
      const source = await distant(server, 'slow');
      expect(source.mergeGap).toBe(0);
      const before = server.requests.length;
      const plan = reader(source);
      const at = [3_000_000, 3_600_000, 4_200_000, 4_800_000, 5_400_000];
      const got = await Promise.all(at.map((o) => plan.read(o, 100_000)));
      const asked = server.requests.slice(before);
      expect(asked).toHaveLength(1);
      const ranges = asked[0].range!.slice('bytes='.length).split(',').map((r) => r.split('-').map(Number));
      expect(ranges).toHaveLength(at.length);
      // Whole cache blocks around each read, never the 500 KB between two.
      expect(ranges.reduce((n, [a, b]) => n + b - a + 1, 0)).toBeLessThan(at.length * 300_000);
      got.forEach((g, i) => expect(g).toEqual(bytes.subarray(at[i], at[i] + 100_000)));
    });
  }

  it('ranges farther apart than the widest gap stay two requests, however distant the server', async () => {
    const source = await distant(server, 'slow-single-range');
    const before = server.requests.length;
    const plan = plannedReads(new CachedSource(source));
    const far = 500_000 + 300_000 + MAX_MERGE_GAP + 1;
    const [a, b] = await Promise.all([plan.read(500_000, 300_000), plan.read(far, 300_000)]);
    expect(new Set(server.requests.slice(before).map((r) => r.range))).toEqual(new Set(['bytes=500000-799999', `bytes=${far}-${far + 299_999}`]));
    expect(b).toEqual(bytes.subarray(far, far + 300_000));
    expect(a).toEqual(bytes.subarray(500_000, 800_000));
  });
});
