import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NodeFileSource } from '../../src/source/nodeFileSource';
import { Engine } from '../../src/worker/engine';

// tests/fixtures/writers/pyarrow/write_ipc.py profile_values(); the figures are pyarrow 25's
// (pc.min_max, pc.mean, pc.quantile with its default linear interpolation), written as Python prints them.
const FILE = resolve(__dirname, '../fixtures/writers/pyarrow/profile_values.arrows');
// profile_dictionary(): dictionary-encoded columns over two batches (the second replaces each dictionary);
// pyarrow's figures are those of the decoded values (pc.dictionary_decode, then as above).
const DICTIONARY_FILE = resolve(__dirname, '../fixtures/writers/pyarrow/profile_dictionary.arrows');

const figuresOf = async (engine: Engine, id: number, column: number) => {
  const { profile } = await engine.unique(id, column, () => {});
  return { min: profile.text?.min, max: profile.text?.max, mean: profile.text?.mean, quantiles: profile.text?.quantiles.slice(1, -1) };
};

describe("the profile's figures are pyarrow's", () => {
  it('of dictionary-encoded int64, float64 with a NaN and timestamp[ns]: the figures of the values the indices stand for', async () => {
    const engine = new Engine();
    const { id } = await engine.openSource(await NodeFileSource.open(DICTIONARY_FILE), true);
    try {
      // pyarrow: pc.mean(pc.dictionary_decode(column)), which sums integers as doubles, pairwise (see meanGold.test.ts).
      expect(await figuresOf(engine, id, 0)).toEqual({
        min: '-9223372036854775808',
        max: '9007199254740993',
        mean: '-2.3035912094000087e+18',
        quantiles: ['-9.223372036854776e+18', '-2.305843009213694e+18', '23.5', '2251799813685278.0', '9007199254740992.0'],
      });
      expect(await figuresOf(engine, id, 1)).toEqual({ min: '0.25', max: '10.5', mean: 'nan', quantiles: ['0.25', '0.25', '3.0', '10.5', '10.5'] });
      const t = await figuresOf(engine, id, 2);
      expect([t.min, t.max]).toEqual(['1969-12-30 23:59:59.999999877', '2023-11-14 22:13:20.123456789']);
      // pyarrow has no mean of timestamps: the exact one, rounded to the nanosecond (a mean of doubles is ~100 ns off here).
      expect(t.mean).toBe('1983-06-20 17:33:20.030864136');
    } finally {
      await engine.close(id);
    }
  });

  it('min, max, mean and p5 … p95 of int32, float64 with a NaN, timestamp[ns] past 2^53 and int64 extremes', async () => {
    const engine = new Engine();
    const { id } = await engine.openSource(await NodeFileSource.open(join(FILE)), true);
    const figures = (column: number) => figuresOf(engine, id, column);
    try {
      expect(await figures(0)).toEqual({ min: '1', max: '4', mean: '2.5', quantiles: ['1.15', '1.75', '2.5', '3.25', '3.8499999999999996'] });
      expect(await figures(1)).toEqual({ min: '0.5', max: '3.0', mean: 'nan', quantiles: ['0.575', '0.875', '1.5', '2.25', '2.8499999999999996'] });
      expect((await figures(2)).min).toBe('2023-11-14 22:13:20.123456789');
      expect((await figures(2)).max).toBe('2023-11-14 22:13:20.123456791');
      // (3 values: sum / 3 exactly; as doubles it read …123456768.)
      expect((await figures(2)).mean).toBe('2023-11-14 22:13:20.12345679');
      // The mean of int64 extremes: pyarrow's pairwise sum of doubles (a sum in row order gave other last digits).
      expect(await figures(3)).toEqual({
        min: '-9223372036854775808',
        max: '9223372036854775807',
        mean: '3602879701896397.5',
        quantiles: ['-7.378697629483821e+18', '5.0', '9007199254740992.0', '9007199254740996.0', '7.380499069334768e+18'],
      });
    } finally {
      await engine.close(id);
    }
  });

  it("the byte lengths of string_view and binary_view values (they were not measured)", async () => {
    // writers/pyarrow/string_view.arrows; pyarrow 25: pc.min_max(pc.binary_length(column.cast(pa.large_binary()))).
    const engine = new Engine();
    const { id } = await engine.openSource(await NodeFileSource.open(resolve(__dirname, '../fixtures/writers/pyarrow/string_view.arrows')), true);
    try {
      for (const [column, max] of [[0, 38], [1, 40]]) {
        const { profile } = await engine.unique(id, column, () => {});
        expect([profile.minLength, profile.maxLength], String(column)).toEqual([0, max]);
      }
    } finally {
      await engine.close(id);
    }
  });
});
