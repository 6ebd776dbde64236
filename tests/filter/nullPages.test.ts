import { readFileSync } from 'node:fs';
import { parquetMetadata, readColumnIndex } from 'hyparquet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/model/types';
import { matchedEveryWay, openFile } from './support';

/**
 * A page index whose null_pages says "all null" where the null count says otherwise: polars marks a
 * float page holding a NaN so (apache/parquet-format#406), with no min/max. The fixture, written once
 * with polars 1.44 (3,000 float64 rows in 3 row groups, a NaN every 500 rows; pages of ~250 rows):
 * pyarrow 25 counts x > 0: 1,422, x <= 0: 1,572, x IS NULL: 0. Such a page was taken for all null:
 * every value filter matched none of its rows and IS NULL all of them.
 */
const FILE = 'tests/filter/fixtures/polars_nan_pages.parquet';
const GOLD: [string, number][] = [
  ['x > 0', 1422],
  ['x <= 0', 1572],
  ['x IS NULL', 0],
  ['x IS NOT NULL', 3000],
];

let dataset: Dataset;
beforeAll(async () => {
  dataset = await openFile(FILE);
});
afterAll(() => dataset?.close());

describe('pages said to be null that hold values', () => {
  it('the fixture has them: null_pages true with a null count under the page\'s rows', () => {
    const bytes = readFileSync(FILE);
    const md = parquetMetadata(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const c = md.row_groups[0].columns[0];
    const index = readColumnIndex({ view: new DataView(bytes.buffer, bytes.byteOffset + Number(c.column_index_offset), c.column_index_length), offset: 0 }, md.schema[1]);
    const claimed = index.null_pages.map((p, k) => (p ? Number(index.null_counts?.[k]) : -1)).filter((n) => n >= 0);
    expect(claimed.length).toBeGreaterThan(0);
    expect(claimed.every((n) => n === 0)).toBe(true);
  });

  it.each(GOLD)('%s matches the rows pyarrow counts, with the page index used on every chunk, by default and without statistics', async (where, count) => {
    expect(await matchedEveryWay(dataset, where)).toEqual({ forced: count, pruned: count, scanned: count });
  });
});
