import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NodeFileSource } from '../../src/source/nodeFileSource';
import { Engine } from '../../src/worker/engine';

// fixtures/write_mean.py: pyarrow 25's pc.mean of each column, as Python prints it, over the table as
// pa.ipc.open_stream(...).read_all() and pq.read_table give it. pyarrow sums floats pairwise within each
// chunk (blocks of 16 in each run of non-null values) and the chunks in order; integers exactly.
const GOLD = {
  'mean.arrows': { f64: '2082.0793648485637', f32: '0.9835302103103374', i64: '1.534339810150253e+18', dense: '2070.8063540905823', i32: '4282779.8447879115' },
  // Row groups of 200,000 rows, which pq.read_table reads in batches of 131,072.
  'mean.parquet': { f64: '2046.6494109267064', dense: '2058.6899258031735' },
  // fixtures/write_mean_dictionary.py: dictionary-encoded numbers, summed decoded, row by row.
  'mean_dictionary.arrows': { dict_f64: '-203821.60174636604', dict_f32: '-1.4407708517063542', dict_i64: '1.1402177493850006e+18' },
};

// The same after t.filter(pc.greater(t['dense'], 1)): each chunk keeps its matching rows.
const FILTERED_GOLD = {
  'mean.arrows': { f64: '2046.2598261849398', i64: '1.5395968785700513e+18' },
  'mean.parquet': { f64: '2046.754990125965' },
};

describe("the profile's mean is pyarrow's, to the last digit", () => {
  const means = async (file: string, names: string[], filter?: string) => {
    const engine = new Engine();
    const { id, fields } = await engine.openSource(await NodeFileSource.open(join(__dirname, 'fixtures', file)), true);
    try {
      if (filter) await engine.filter(id, filter, 'filter');
      const shown: Record<string, string | undefined> = {};
      for (const name of names) {
        const column = fields.findIndex((f) => f.name === name);
        const { profile } = await engine.unique(id, column, () => {}, undefined, undefined, filter && 'filter');
        shown[name] = profile.text?.mean;
      }
      return shown;
    } finally {
      await engine.close(id);
    }
  };
  for (const [file, gold] of Object.entries(GOLD)) it(file, async () => expect(await means(file, Object.keys(gold))).toEqual(gold));
  for (const [file, gold] of Object.entries(FILTERED_GOLD)) {
    it(`${file}, in a view filtered by dense > 1`, async () => expect(await means(file, Object.keys(gold), 'dense > 1')).toEqual(gold));
  }
});
