import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NodeFileSource } from '../../src/source/nodeFileSource';
import { Engine } from '../../src/worker/engine';

// fixtures/write_decimal_profile.py, as pyarrow 25 prints them: pc.min_max and pc.mean (decimal128 and
// decimal256; of the column cast to decimal128 for decimal32 and decimal64, which pyarrow takes in neither),
// pc.quantile at p5 … p95 (doubles: Arrow's conversion of each decimal, then its linear interpolation).
const GOLD: Record<string, { min: string; max: string; mean: string; quantiles: string[] }> = {
  d128: { min: '-910062.668', max: '984727.111', mean: '125959.258', quantiles: ['-800466.69725', '-122176.82750000001', '128075.46500000001', '630526.69525', '877685.9472999999'] },
  half: { min: '0.000', max: '0.005', mean: '0.003', quantiles: ['0.00025', '0.00125', '0.0025', '0.00375', '0.00475'] },
  neg_half: { min: '-0.005', max: '0.000', mean: '-0.003', quantiles: ['-0.00475', '-0.00375', '-0.0025', '-0.00125', '-0.0002500000000000002'] },
  d256: {
    min: '-9679802133597775815980575154660945126718.80749022670412071090',
    max: '9201957019869755816822254343080862575493.12471703354769101252',
    mean: '-535171833400079683465824107637698625150.13065942370119658760',
    quantiles: ['-9.427627076338e+39', '-6.455938885907528e+39', '-6.4231089648253036e+38', '4.289203382960686e+39', '8.617877779061982e+39'],
  },
  d32: { min: '-96205.93', max: '94935.44', mean: '8199.85', quantiles: ['-90884.895', '-33051.2075', '12320.93', '59844.315', '76694.71499999998'] },
  d64: { min: '-9569577101.97798', max: '9821883968.93233', mean: '193227712.93562', quantiles: ['-9344278532.040874', '-4835470956.495493', '168307963.56936502', '6000608603.171431', '9301483364.267721'] },
};

describe("a decimal column's profile is pyarrow's (it had none)", () => {
  it('min, max and mean as decimals of the column (the mean rounded half away from zero), p5 … p95 as doubles', async () => {
    const engine = new Engine();
    const { id, fields } = await engine.openSource(await NodeFileSource.open(join(__dirname, 'fixtures/decimal_profile.arrows')), true);
    try {
      const shown: typeof GOLD = {};
      for (const name of Object.keys(GOLD)) {
        const { profile } = await engine.unique(id, fields.findIndex((f) => f.name === name), () => {});
        const text = profile.text;
        shown[name] = { min: text?.min ?? '', max: text?.max ?? '', mean: text?.mean ?? '', quantiles: text?.quantiles.slice(1, -1) ?? [] };
      }
      expect(shown).toEqual(GOLD);
    } finally {
      await engine.close(id);
    }
  });
});
