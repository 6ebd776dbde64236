import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openDataset } from '../../src/dataset/openDataset';
import { BlobSource } from '../../src/source/blobSource';
import { ColumnTotalsBuilder } from '../../src/worker/columnTotals';
import { withEngineMatches } from '../filter/support';

/**
 * Polars writes each data page's null count as the whole chunk's and the footer's as their sum
 * (pola-rs/polars#29321). In this file (write_page_null_counts.py) `half` holds 1,000 nulls in 2,000
 * rows over 2 pages, and its footer says 2,000: a filter took every row for null without reading one.
 * `fifth` holds 400 and says 800. Counts are pyarrow's, from the values.
 */
const FILE = new URL('../fixtures/writers/polars/page_null_counts.parquet', import.meta.url);
const source = () => new BlobSource(new Blob([readFileSync(FILE)]), 'page_null_counts.parquet');
const WHY = 'Polars counts a chunk\'s nulls once per data page (pola-rs/polars#29321)';

describe("Polars' null counts", () => {
  it('are not shown as the nulls, except 0; the Chunks view and the page list say why', async () => {
    const ds = await openDataset(source());
    const detail = await ds.chunkDetail(0);
    const [half, fifth, none] = detail.columns;
    expect([half.nullCount, half.stats?.nullCount, half.nullCountNote]).toEqual([undefined, undefined, `the footer's null count (2,000) is not used: ${WHY}`]);
    expect([fifth.nullCount, fifth.nullCountNote]).toEqual([undefined, `the footer's null count (800) is not used: ${WHY}`]);
    expect([none.nullCount, none.nullCountNote]).toEqual([0, undefined]);
    const totals = new ColumnTotalsBuilder(ds.fields.map(() => ({})));
    totals.add(detail);
    expect(totals.columns().map((c) => c.nulls)).toEqual([undefined, undefined, 0]);
    const pages = (await ds.pages!(0, 0)).pages.map((p) => p.detail);
    expect(pages).toEqual([
      'PLAIN, 1,000 entries, 8,000 bytes uncompressed',
      `RLE_DICTIONARY, 1,600 values, 1,209 bytes uncompressed, 1,000 nulls as written, not its nulls: ${WHY}`,
      'RLE_DICTIONARY, 400 values, 307 bytes uncompressed, 1,000 nulls as written, not its nulls: more than its values',
    ]);
    await ds.close();
  });

  it('do not decide a filter: the values are read', () =>
    withEngineMatches(source(), async (matched) => {
      expect(await matched('half IS NULL')).toBe(1000);
      expect(await matched('half > 5')).toBe(997);
      expect(await matched('fifth IS NULL')).toBe(400);
      expect(await matched('fifth >= 7000')).toBe(800);
      expect(await matched('none IS NULL')).toBe(0);
    }));
});

/**
 * Polars leaves every value of a page holding a NaN out of a chunk's float min/max. In this file
 * (write_nan_page_stats.py) the statistics say -0.0 … 1999.5 where the values hold -5e6 and 5e6 beside
 * the NaN: a filter that trusted them skipped the chunk. Counts are pyarrow's, from the values.
 */
describe("Polars' float min/max", () => {
  const nanFile = () => new BlobSource(new Blob([readFileSync(new URL('../fixtures/writers/polars/nan_page_stats.parquet', import.meta.url))]), 'nan_page_stats.parquet');
  const WRONG = "min/max stored but not shown: Polars leaves the values of any page holding a NaN out of a chunk's float min/max";

  it('are not shown; the Chunks view says why', async () => {
    const ds = await openDataset(nanFile());
    const detail = await ds.chunkDetail(0);
    for (const c of detail.columns) expect([c.stats?.min, c.stats?.max, c.stats?.minMaxNote]).toEqual([undefined, undefined, WRONG]);
    await ds.close();
  });

  it('do not decide a filter: the values are read', () =>
    withEngineMatches(nanFile(), async (matched) => {
      for (const c of ['x', 'y']) {
        expect(await matched(`${c} < -1000`)).toBe(1);
        expect(await matched(`${c} > 3000`)).toBe(1);
        expect(await matched(`${c} >= 0 AND ${c} <= 1999.5`)).toBe(3997);
      }
    }));
});
