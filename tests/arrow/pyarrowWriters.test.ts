import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDataset } from '../../src/dataset/openDataset';
import { NodeFileSource } from '../../src/source/nodeFileSource';
import { expectPyarrowText, pyarrowGold } from './support/goldText';

const WRITERS = resolve(__dirname, '../fixtures/writers');
const files = ['pyarrow', 'polars', 'apache-arrow'].flatMap((writer) =>
  readdirSync(join(WRITERS, writer))
    .filter((n) => /\.arrows?$/.test(n))
    .sort()
    .map((n) => `${writer}/${n}`),
);

describe('files written by pyarrow, Polars and apache-arrow (JS) read as pyarrow reads them', () => {
  it('are all there', () => expect(files.length).toBeGreaterThanOrEqual(21));

  it.each(files)('%s: every gold value and type name', async (rel) => {
    const name = rel.slice(rel.indexOf('/') + 1);
    const gold = pyarrowGold('writers', rel);
    const ds = await openDataset(await NodeFileSource.open(join(WRITERS, rel)));
    try {
      await ds.indexed;
      expect(ds.problems).toEqual([]);
      expect(ds.fields.filter((f) => f.unsupported)).toEqual([]);
      expect(ds.fields.map((f) => f.type)).toEqual(gold.columns.map((c) => c.type));
      // The 80 MB all-null column decodes whole for every window: robustness.test.ts reads one.
      expect(await expectPyarrowText(ds, gold, { windows: !name.includes('all_null') })).toBeGreaterThan(0);
    } finally {
      await ds.close();
    }
  });
});
