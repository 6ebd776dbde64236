import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileFilter, matchChunk } from '../../src/compute/filter';
import type { Dataset } from '../../src/model/types';
import { matches, openFile } from './support';

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
    const filter = compileFilter(where, dataset.fields, dataset.schema);
    let forced = 0;
    for (let chunk = 0; chunk < dataset.chunks.length; chunk++) forced += (await matchChunk(dataset, filter, chunk, { pageIndexMinBytes: 0 })).matched;
    expect(forced).toBe(count);
    expect((await matches(dataset, where)).matched).toBe(count);
    expect((await matches(dataset, where, false)).matched).toBe(count);
  });
});
