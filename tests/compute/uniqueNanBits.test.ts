import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NodeFileSource } from '../../src/source/nodeFileSource';
import { Engine } from '../../src/worker/engine';

/**
 * tests/fixtures/writers/pyarrow/write_ipc.py nan_bits(): NaNs of three bit patterns (numpy's nan, the
 * -nan of 0/0, a payload) beside 0.0 and -0.0, in float64, float32, float16 and a dictionary of float64,
 * as an IPC stream and as Parquet (row groups of 5). Gold: pyarrow 25's value_counts, each value as
 * str() prints it (its float16 has no value_counts: counted by the same rule). Its order among equal
 * counts is its own: compared as sets of [text, count].
 */
const DIR = resolve(__dirname, '../fixtures/writers/pyarrow');
const FLOATS = [['nan', 4], ['nan', 3], ['nan', 2], ['0.0', 2], ['-0.0', 2], ['1.5', 2], [null, 1]];
const DICTIONARY = [['nan', 7], ['nan', 4], ['nan', 2], [null, 2], ['1.5', 1]];
const sorted = (pairs: unknown[][]) => pairs.map((p) => JSON.stringify(p)).sort();

describe('unique values of floats count NaNs apart by their bits, as pyarrow does', () => {
  for (const file of ['nan_bits.arrows', 'nan_bits.parquet']) {
    it(file, async () => {
      const engine = new Engine();
      const { id, fields } = await engine.openSource(await NodeFileSource.open(resolve(DIR, file)), true);
      try {
        for (const [name, gold, distinct] of [['f64', FLOATS, 6], ['f32', FLOATS, 6], ['f16', FLOATS, 6], ['d', DICTIONARY, 4]] as const) {
          const column = fields.findIndex((f) => f.name === name);
          const result = await engine.unique(id, column, () => {});
          const { values } = engine.uniqueValues(id, column, 0, 100, 'count', '');
          expect(sorted(values.map((v) => [v.value, v.count])), `${file} ${name}`).toEqual(sorted(gold as unknown as unknown[][]));
          expect(result.distinct, `${file} ${name}`).toBe(distinct);
          // Three rows read nan: the note says why, and which bits each has.
          expect(result.note).toMatch(/^3 NaNs of different bits are counted apart, as pyarrow counts them \(each shown as nan; by count: 0x7/);
        }
      } finally {
        await engine.close(id);
      }
    });
  }
});
