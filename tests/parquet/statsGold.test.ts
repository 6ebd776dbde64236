import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ColumnTotalsBuilder } from '../../src/worker/columnTotals';
import { WRITERS_DIR, open } from './support/openText';

/** scripts/gold/parquet_stats_gold.py: pyarrow's min/max of every flat column chunk, by the display rules. */
interface StatsGold {
  file: string;
  /** -1: the column's smallest min and largest max over its row groups (the column table's totals). */
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
    it(`${file}: every flat column chunk's min and max, and each column's over the row groups`, async () => {
      const ds = await open(join(WRITERS_DIR, file));
      const totals = new ColumnTotalsBuilder(ds.fields.map(() => ({})));
      for (let c = 0; c < ds.chunks.length; c++) totals.add(await ds.chunkDetail(c));
      for (const g of gold.filter((x) => x.file === file)) {
        if (g.rowGroup < 0) {
          const total = totals.columns().find((t) => ds.fields[t.column].name === g.column);
          expect({ min: total?.min, max: total?.max }, `${g.column} over the row groups`).toEqual({ min: g.min, max: g.max });
          continue;
        }
        const detail = await ds.chunkDetail(g.rowGroup);
        const column = ds.fields.findIndex((f) => f.name === g.column);
        const stats = detail.columns.find((c) => c.column === column)?.stats;
        expect({ min: stats?.min, max: stats?.max }, `${g.column} in row group ${g.rowGroup}`).toEqual({ min: g.min, max: g.max });
      }
      await ds.close();
    });
  }
});

describe('footer statistics of nested columns', () => {
  it("a list of one leaf shows its leaf's min/max in the item's type (pyarrow's leaf statistics), and no column null count", async () => {
    const ds = await open(join(WRITERS_DIR, 'parquet/arrow_schema_nested.parquet'));
    const detail = await ds.chunkDetail(0);
    const of = (name: string) => detail.columns.find((c) => ds.fields[c.column].name === name)!;
    // pyarrow: zoned_list.list.element min 1970-01-01 00:00 UTC, max 2023-11-14 22:13:20 UTC (America/New_York items); duration_list -93784 … 5 s.
    expect([of('zoned_list').stats?.min, of('zoned_list').stats?.max]).toEqual(['1969-12-31 19:00:00-05:00', '2023-11-14 17:13:20-05:00']);
    expect([of('duration_list').stats?.min, of('duration_list').stats?.max]).toEqual(['-1d 02:03:04', '00:00:05']);
    // The leaf's null count (3) counts null lists and null items alike: not the column's nulls.
    expect([of('zoned_list').nullCount, of('zoned_list').stats?.nullCount]).toEqual([undefined, undefined]);
    await ds.close();
  });
});
