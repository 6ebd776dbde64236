import { describe, expect, it } from 'vitest';
import { openDataset } from '../../src/dataset/openDataset';
import { BlobSource } from '../../src/source/blobSource';
import { ColumnTotalsBuilder } from '../../src/worker/columnTotals';
import { withEngineMatches } from '../filter/support';
import { realFile } from './support/footer';

/**
 * A footer's null count past the chunk's values (Polars 1.x wrote 377,500 for a chunk of 3,000): it
 * was shown as the chunk's nulls, and a filter took it to mean every row is null (IS NULL matched
 * every row, a comparison none) without reading a value. pyarrow reads the values: 0 nulls here.
 */
describe('an impossible null count in the footer statistics', () => {
  const file = () =>
    realFile((md) => {
      const meta = md.row_groups[0].columns[0].meta_data!;
      meta.statistics = { ...meta.statistics, null_count: 377_500n };
    });

  it('is not shown as the nulls: the Chunks view says why, and the Overview does not count it', async () => {
    const ds = await openDataset(new BlobSource(new Blob([file() as BlobPart]), 'nulls.parquet'));
    const detail = await ds.chunkDetail(0);
    const a = detail.columns[0];
    expect([a.nullCount, a.stats?.nullCount]).toEqual([undefined, undefined]);
    expect(a.nullCountNote).toBe("the footer's null count (377,500) is more than the chunk's 3 values: not used");
    const totals = new ColumnTotalsBuilder(ds.fields.map(() => ({})));
    totals.add(detail);
    expect(totals.columns()[0].nulls).toBeUndefined();
    expect(detail.columns[1].nullCount).toBe(0);
    await ds.close();
  });

  it('does not decide a filter: the values are read', () =>
    withEngineMatches(new BlobSource(new Blob([file() as BlobPart]), 'nulls.parquet'), async (matched) => {
      expect(await matched('a IS NULL')).toBe(0);
      expect(await matched('a IS NOT NULL')).toBe(3);
      expect(await matched('a > 1')).toBe(2);
    }));
});
