import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeFileSource } from '../../src/source/nodeFileSource';
import { Engine } from '../../src/worker/engine';

/**
 * The histogram a profile shows: fixtures/histogram.arrows and the counts below come from
 * fixtures/write_histogram.py (pyarrow 25 and numpy.histogram over the bins profile.ts documents). Before:
 * a value's bin was found by floor((v - min) / width) while its range was shown by other edges (0 … 66 in
 * 30 bins of 2.2: "31 … 32" held 3 values), ±inf made every edge NaN and lost rows, [-1e308, 1e308]
 * overflowed, one value made 30 bins [v, v + 30), and the edges of 1,000,000 … 1,000,001 all read "1000000".
 */
describe('the histogram of a profile', () => {
  const engine = new Engine();
  let id = 0;
  beforeAll(async () => ({ id } = await engine.openSource(await NodeFileSource.open(join(__dirname, 'fixtures/histogram.arrows')), true)));
  afterAll(() => engine.close(id));
  const histogram = async (column: number) => {
    const r = await engine.unique(id, column, () => {});
    return { counts: r.profile.histogram!.map((b) => b.count), bins: r.axis!.bins, ticks: r.axis!.ticks.map((t) => t.text), infinities: r.profile.infinities };
  };
  const ones = (at: number[], length = 30, last = 1) => Array.from({ length }, (_, i) => (at.includes(i) ? (i === length - 1 ? last : 1) : 0));

  it('integers: bins of whole values, each value in the bin its range names', async () => {
    const h = await histogram(0);
    expect(h.counts).toEqual([...Array<number>(22).fill(3), 1]);
    expect([h.bins[0], h.bins[10], h.bins[22]]).toEqual(['0 … 2', '30 … 32', '66']);
  });

  it('doubles: edges shown as the values they are (0.3 is in "0.3 … 0.4")', async () => {
    const h = await histogram(1);
    expect(h.counts).toEqual([...Array<number>(29).fill(1), 2]);
    expect([h.bins[2], h.bins[3], h.bins[29]]).toEqual(['0.2 … 0.3', '0.3 … 0.4', '2.9 … 3']);
  });

  it('±inf: counted apart, the bins over the finite values', async () => {
    const h = await histogram(2);
    expect(h.infinities).toBe(2);
    expect(h.counts).toEqual(ones([0, 15, 29], 30, 2));
    expect([h.bins[0], h.bins[29]]).toEqual(['1 … 1.03333', '1.96667 … 2']);
  });

  it('a range past the largest double: no overflow, ticks in exponent form', async () => {
    const h = await histogram(3);
    expect(h.counts).toEqual(ones([0, 15, 29]));
    expect([h.bins[0], h.bins[29]]).toEqual(['-1e+308 … -9.33333e+307', '9.33333e+307 … 1e+308']);
    expect(h.ticks).toEqual(['-1e+308', '-5e+307', '0', '5e+307', '1e+308']);
  });

  it('one value: one bin, named by it', async () => {
    expect(await histogram(4)).toMatchObject({ counts: [5], bins: ['0.1'], ticks: ['0.1'] });
    // int64 past 2^53: the doubles are one value; the bin names the exact extremes (numpy, exact: 1, 1, 0, 1 over each integer).
    expect(await histogram(5)).toMatchObject({ counts: [3], bins: ['4611686018427387904 … 4611686018427387907'] });
  });

  it('dates: a bin a day, named by its day', async () => {
    const h = await histogram(6);
    expect(h.counts).toEqual(Array<number>(10).fill(3));
    expect(h.bins).toEqual(Array.from({ length: 10 }, (_, i) => `2020-01-${String(i + 1).padStart(2, '0')}`));
  });

  it('a narrow range far from 0: edges and ticks with the digits that tell them apart', async () => {
    const h = await histogram(7);
    expect(h.counts).toEqual(ones([0, 15, 29]));
    expect([h.bins[0], h.bins[29]]).toEqual(['1000000 … 1000000.03', '1000000.97 … 1000001']);
    expect(h.ticks).toEqual(['1,000,000.0', '1,000,000.2', '1,000,000.4', '1,000,000.6', '1,000,000.8', '1,000,001.0']);
  });
});
