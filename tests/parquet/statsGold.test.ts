import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WRITERS_DIR, open } from './support/openText';

/** scripts/gold/parquet_stats_gold.py: pyarrow's min/max of every flat column chunk, by the display rules. */
interface StatsGold {
  file: string;
  rowGroup: number;
  column: string;
  type: string;
  min: string;
  max: string;
}

const gold = JSON.parse(readFileSync(resolve(__dirname, '../gold/parquet_stats.json'), 'utf8')) as StatsGold[];
const files = [...new Set(gold.map((g) => g.file))];

describe('footer statistics read as the grid shows values, against pyarrow 25 (tests/gold/parquet_stats.json)', () => {
  it('covers naive and zoned timestamps, float32, decimals of every storage, binary and dates', () => {
    const types = new Set(gold.map((g) => g.type));
    for (const t of ['timestamp[ns]', 'timestamp[us, tz=America/New_York]', 'float', 'decimal128(18, 3)', 'decimal128(38, 5)', 'binary', 'date32[day]']) expect(types).toContain(t);
  });
  for (const file of files) {
    it(`${file}: every flat column chunk's min and max`, async () => {
      const ds = await open(join(WRITERS_DIR, file));
      for (const g of gold.filter((x) => x.file === file)) {
        const detail = await ds.chunkDetail(g.rowGroup);
        const column = ds.fields.findIndex((f) => f.name === g.column);
        const stats = detail.columns.find((c) => c.column === column)?.stats;
        expect({ min: stats?.min, max: stats?.max }, `${g.column} in row group ${g.rowGroup}`).toEqual({ min: g.min, max: g.max });
      }
      await ds.close();
    });
  }
});
