import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileFilter } from '../../src/compute/filter';
import { parseSortSpec, sortedRows, topRows, type SortKey } from '../../src/compute/sort';
import type { Dataset } from '../../src/model/types';
import { openFile } from '../filter/support';

/**
 * Every case of scripts/gold/sort_gold.py against pyarrow's sort_indices (nulls last, NaN before them,
 * stable ties; dictionaries by value; every type family; asc, desc, multi-key, filtered): the full order,
 * and the top-K for a few K (each chunk's partial top-K merged) as its prefix.
 */
interface Gold {
  file: string;
  rows: number;
  cases: { sort: string; where?: string; indices: number[] }[];
}

const GOLD_DIR = join(__dirname, '../gold/sort');
const golds: Gold[] = readdirSync(GOLD_DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(GOLD_DIR, f), 'utf8')) as Gold);

export function sortKeys(dataset: Dataset, spec: string): SortKey[] {
  return parseSortSpec(spec)!.map((k) => {
    const column = dataset.fields.findIndex((f) => f.name === k.name);
    if (column < 0) throw new Error(`no column ${k.name}`);
    return { column, descending: k.descending };
  });
}

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
      it(`${c.sort}${c.where ? ` where ${c.where}` : ''}`, async () => {
        const keys = sortKeys(dataset, c.sort);
        const filter = c.where ? compileFilter(c.where, dataset.fields, dataset.schema) : undefined;
        const full = await sortedRows(dataset, keys, { filter });
        expect(Array.from(full.rows)).toEqual(c.indices);
        expect(full.candidates).toBe(c.indices.length);
        for (const k of [1, 3, 7, c.indices.length + 1]) {
          const top = await topRows(dataset, keys, k, { filter });
          expect(Array.from(top.rows)).toEqual(c.indices.slice(0, k));
          expect(top.complete).toBe(k >= c.indices.length);
        }
      });
    }
  });
}
