import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/model/types';
import { matches, openFile } from './support';

/**
 * Every filter of scripts/gold/filter_gold.py against what pyarrow.compute says matches (three-valued
 * logic, NaN, nulls, exact int64/uint64/decimal/temporal compares, dictionaries), on Arrow streams,
 * Arrow files and Parquet: the same rows with statistics pruning on and off.
 */
interface Gold {
  file: string;
  rows: number;
  cases: { where: string; matched: number; indices: number[] }[];
}

const GOLD_DIR = join(__dirname, '../gold/filter');
const golds: Gold[] = readdirSync(GOLD_DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(GOLD_DIR, f), 'utf8')) as Gold);

for (const gold of golds) {
  describe(gold.file, () => {
    let dataset: Dataset;
    beforeAll(async () => {
      dataset = await openFile(join(__dirname, '../..', gold.file));
    });
    afterAll(() => dataset?.close());

    it('has the rows pyarrow reads', () => {
      expect(dataset.rows).toBe(gold.rows);
    });

    for (const c of gold.cases) {
      it(c.where, async () => {
        const pruned = await matches(dataset, c.where);
        expect(pruned.indices).toEqual(c.indices);
        expect(pruned.matched).toBe(c.matched);
        const scanned = await matches(dataset, c.where, false);
        expect(scanned.indices).toEqual(c.indices);
        expect(scanned.chunksSkipped).toBe(0);
      });
    }
  });
}
