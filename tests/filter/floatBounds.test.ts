import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/model/types';
import { matchedEveryWay, openFile } from './support';

/**
 * float32 and float16 statistics are shown as the shortest text that reads back as the same value
 * (1.1f as "1.1", float16 0.0999755859375 as "0.1", 65504 as "65500.0"): as filter bounds they were
 * taken for the value, and chunks holding matches were skipped. The fixture, written once with pyarrow
 * 25 (2 row groups of 10 rows, with its page index and dictionary pages): float32 f = 1.1f then 2.5,
 * float16 h = 0.1 then 65504. pyarrow counts below (h compared as float64, as pyarrow casts it).
 */
const FILE = 'tests/filter/fixtures/float_bounds.parquet';
const GOLD: [string, number][] = [
  ['f > 1.1', 20],
  ['f <= 1.1', 0],
  ['h < 0.1', 10],
  ['h > 65500.0', 10],
  ['h >= 65504', 10],
];

let dataset: Dataset;
beforeAll(async () => {
  dataset = await openFile(FILE);
});
afterAll(() => dataset?.close());

describe('float32 and float16 statistics as filter bounds', () => {
  it.each(GOLD)('%s matches the rows pyarrow counts, with statistics, page index and dictionaries used and without', async (where, count) => {
    expect(await matchedEveryWay(dataset, where)).toEqual({ forced: count, pruned: count, scanned: count });
  });
});
