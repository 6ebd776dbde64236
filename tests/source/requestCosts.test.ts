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

describe('reads of a distant server are merged across its round trip in bytes', () => {
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
      const source = await HttpSource.open(server.url('big.bin', 'slow'));
      await source.read(0, 2 * 2 ** 20); // one timed answer: 40 ms away, local speed (2 MiB: timed even on a busy machine)
      expect(source.mergeGap).toBeGreaterThan(400_000);
      const before = server.requests.length;
      const plan = reader(source);
      const [a, b] = await Promise.all([plan.read(3_000_000, 300_000), plan.read(3_600_000, 300_000)]);
      expect(server.requests.length - before).toBe(1);
      expect(a).toEqual(bytes.subarray(3_000_000, 3_300_000));
      expect(b).toEqual(bytes.subarray(3_600_000, 3_900_000));
    });
  }

  it('ranges farther apart than the widest gap stay two requests, however distant the server', async () => {
    const source = await HttpSource.open(server.url('big.bin', 'slow'));
    await source.read(0, 2 * 2 ** 20);
    const before = server.requests.length;
    const plan = plannedReads(new CachedSource(source));
    const far = 500_000 + 300_000 + MAX_MERGE_GAP + 1;
    const [a, b] = await Promise.all([plan.read(500_000, 300_000), plan.read(far, 300_000)]);
    expect(new Set(server.requests.slice(before).map((r) => r.range))).toEqual(new Set(['bytes=500000-799999', `bytes=${far}-${far + 299_999}`]));
    expect(b).toEqual(bytes.subarray(far, far + 300_000));
    expect(a).toEqual(bytes.subarray(500_000, 800_000));
  });
});
