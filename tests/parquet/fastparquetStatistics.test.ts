import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openDataset } from '../../src/dataset/openDataset';
import { BlobSource } from '../../src/source/blobSource';
import { withEngineMatches } from '../filter/support';

/**
 * fastparquet computes a timestamp column's min/max through nanoseconds when pandas holds it in a
 * coarser unit (its "pandas" metadata says which): past 1677–2262 they overflow. In this file
 * (write_fastparquet.py timestamp_stats_apart, seconds up to the year 4784) each row
 * group's statistics say 1970-01-01 00:00:24.761 … 1970-01-02 00:40:24.349 where its values run from
 * 1969-12-30 20:15:47.052: a filter that trusted them skipped every row group (0 rows before 1970, not 12).
 * Counts are pyarrow.compute's, from the values.
 */
const FILE = new URL('../fixtures/writers/fastparquet/timestamp_stats_apart.parquet', import.meta.url);
const source = () => new BlobSource(new Blob([readFileSync(FILE)]), 'timestamp_stats_apart.parquet');
const WRONG = "min/max stored but not shown: fastparquet computes a timestamp column's min/max through nanoseconds, which overflow past 1677–2262, when pandas held the column in a coarser unit";

describe("fastparquet's timestamp min/max", () => {
  it('are not shown; the Chunks view says why (an int32 column and a timestamp column pandas held in nanoseconds keep theirs)', async () => {
    const ds = await openDataset(source());
    for (let chunk = 0; chunk < 3; chunk++) {
      const [t, n, ns] = (await ds.chunkDetail(chunk)).columns;
      expect([t.stats?.min, t.stats?.max, t.stats?.minMaxNote]).toEqual([undefined, undefined, WRONG]);
      expect([n.stats?.min, n.stats?.max]).toEqual([String(chunk * 10), String(chunk * 10 + 9)]);
      const day = (k: number) => new Date(k * 86_400_000).toISOString().slice(0, 10);
      expect([ns.stats?.min, ns.stats?.max]).toEqual([`${day(chunk * 10 - 15)} 00:00:00`, `${day(chunk * 10 - 6)} 00:00:00`]);
    }
    await ds.close();
  });

  it('do not decide a filter: the values are read', () =>
    withEngineMatches(source(), async (matched) => {
      expect(await matched("t < '1970-01-01 00:00:00Z'")).toBe(12);
      expect(await matched("t < '1969-12-31 00:00:00Z'")).toBe(3);
      expect(await matched("t >= '1970-01-02 00:00:00Z'")).toBe(3);
    }));
});
