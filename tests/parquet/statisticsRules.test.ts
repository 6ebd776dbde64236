import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { minMaxDistrust, sortOrder, writerVersion } from '../../src/parquet/statisticsRules';
import { ColumnTotalsBuilder } from '../../src/worker/columnTotals';
import { open } from './support/openText';

const ROOT = resolve(__dirname, '../..');
const CORPUS = join(ROOT, 'tests/fixtures/corpus/parquet-testing/data');

/** scripts/gold/parquet_stats_presence.py: per flat column chunk, whether pyarrow 25 shows its min and max. */
const gold = JSON.parse(readFileSync(join(ROOT, 'tests/gold/parquet_stats_presence.json'), 'utf8')) as { file: string; columns: [number, string, boolean][] }[];

describe('the footer statistics shown are those pyarrow uses', () => {
  it(`min and max shown in exactly the flat column chunks where pyarrow shows them (${gold.length} files)`, async () => {
    const differ: string[] = [];
    // Where pyarrow shows a min/max a writer is known to get wrong (statisticsRules.ts minMaxWrong), a note says why instead.
    const knownWrong: string[] = [];
    let compared = 0;
    for (const { file, columns } of gold) {
      const ds = await open(join(ROOT, file));
      try {
        for (const [rowGroup, name, shown] of columns) {
          const column = ds.fields.findIndex((f) => f.name === name);
          const stats = (await ds.chunkDetail(rowGroup, undefined, { start: column, end: column + 1 })).columns[0]?.stats;
          compared++;
          if (shown && stats?.min === undefined && /^min\/max stored but not shown: (fastparquet|Polars) /.test(stats?.minMaxNote ?? '')) knownWrong.push(`${file} ${name}`);
          else if ((stats?.min !== undefined) !== shown) differ.push(`${file} row group ${rowGroup} ${name}: pyarrow ${shown ? 'shows' : 'has no'} min/max`);
        }
      } finally {
        await ds.close();
      }
    }
    expect(compared).toBeGreaterThan(500);
    expect(differ).toEqual([]);
    // pandas held these in microseconds (values within 1677–2262 here, so right; the file cannot say so)
    expect(knownWrong).toEqual(['tests/fixtures/writers/fastparquet/pandas.parquet ts', 'tests/fixtures/writers/fastparquet/pandas.parquet tokyo']);
  });

  it('a decimal in a fixed-length byte array from parquet-mr 1.8.2, with the deprecated min/max only: signed, so shown (it was not)', async () => {
    const ds = await open(join(__dirname, 'fixtures/fixed_length_decimal.parquet'));
    const stats = (await ds.chunkDetail(0)).columns[0].stats;
    expect([stats?.min, stats?.max]).toEqual(['2.00', '24.00']);
    await ds.close();
  });

  it('min_value/max_value in a footer without column orders: pyarrow reads the deprecated pair, here none (1 … 513 was shown)', async () => {
    const ds = await open(join(CORPUS, 'concatenated_gzip_members.parquet'));
    const stats = (await ds.chunkDetail(0)).columns[0].stats;
    expect([stats?.min, stats?.max]).toEqual([undefined, undefined]);
    expect(stats?.minMaxNote).toMatch(/min_value\/max_value, and the footer lists no column orders/);
    await ds.close();
  });

  it('strings from parquet-mr 1.8.1 in the deprecated pair only: pyarrow reads that pair in signed order alone (GH-34139), so shows none even where min equals max', async () => {
    const ds = await open(join(CORPUS, 'datapage_v2.snappy.parquet'));
    const stats = (await ds.chunkDetail(0)).columns[0].stats;
    expect([stats?.min, stats?.max]).toEqual([undefined, undefined]);
    expect(stats?.minMaxNote).toMatch(/^min\/max stored but not shown, as pyarrow does not use them: the footer lists no column orders/);
    expect(stats?.nullCount).toBe(1);
    // The Overview's column totals carry the reason where they have no min/max, and only there.
    const totals = new ColumnTotalsBuilder(ds.fields.map(() => ({})));
    totals.add(await ds.chunkDetail(0));
    const [a, b] = totals.columns();
    expect([a.min, a.minMaxNote]).toEqual([undefined, stats?.minMaxNote]);
    expect([b.min, b.max, b.minMaxNote]).toEqual(['1', '5', undefined]);
    expect(totals.all()).toMatchObject({ anyMinMax: true, anyMinMaxNote: true }); // the table shows its min … max column for either
    await ds.close();
  });
});

describe("created_by as parquet-cpp's ApplicationVersion reads it", () => {
  it.each([
    ['parquet-mr version 1.8.1 (build 4aba4dae7bb0d4edbcf7923ae1339f28fd3f7fcf)', 'parquet-mr', [1, 8, 1]],
    ['parquet-cpp-arrow version 25.0.1', 'parquet-cpp-arrow', [25, 0, 1]],
    ['parquet-cpp version 1.2.1-SNAPSHOT', 'parquet-cpp', [1, 2, 1]],
    ['impala version 1.2', 'impala', [1, 2, 0]],
    ['DuckDB', 'DuckDB', [0, 0, 0]],
    ['', '', [0, 0, 0]],
    [undefined, 'unknown', [0, 0, 0]],
  ] as const)('%s', (createdBy, application, version) => {
    expect(writerVersion(createdBy)).toEqual({ application, version });
  });
});

describe("a leaf's sort order, as parquet-cpp's GetSortOrder gives it", () => {
  it.each([
    [{ name: 'd', type: 'FIXED_LEN_BYTE_ARRAY', converted_type: 'DECIMAL' }, 'signed'],
    [{ name: 'u', type: 'INT32', logical_type: { type: 'INTEGER', bitWidth: 32, isSigned: false } }, 'unsigned'],
    [{ name: 's', type: 'BYTE_ARRAY', converted_type: 'UTF8' }, 'unsigned'],
    [{ name: 'b', type: 'BYTE_ARRAY' }, 'unsigned'],
    [{ name: 't', type: 'INT96' }, 'unknown'],
    [{ name: 'i', type: 'FIXED_LEN_BYTE_ARRAY', converted_type: 'INTERVAL' }, 'unknown'],
    [{ name: 'f', type: 'DOUBLE' }, 'signed'],
  ] as const)('%j', (element, order) => {
    expect(sortOrder(element as never)).toBe(order);
  });
});

describe("which writers' min/max pyarrow distrusts (parquet-cpp's HasCorrectStatistics)", () => {
  const utf8 = { name: 's', type: 'BYTE_ARRAY', converted_type: 'UTF8' } as const;
  const decimal = { name: 'd', type: 'FIXED_LEN_BYTE_ARRAY', converted_type: 'DECIMAL' } as const;
  const uint = { name: 'u', type: 'INT32', converted_type: 'UINT_32' } as const;
  const pair = (min: string, max: string) => ({ values: [min, max] as [unknown, unknown], deprecated: [min, max] as [unknown, unknown] });
  const rules = (createdBy: string | undefined, columnOrders = true) => ({ writer: writerVersion(createdBy), columnOrders });
  it.each([
    ['parquet-mr 1.7.0, a decimal in a fixed-length byte array (PARQUET-251)', decimal, 'parquet-mr version 1.7.0', false, pair('a', 'b'), true],
    ['parquet-mr 1.8.0, the same', decimal, 'parquet-mr version 1.8.0', false, pair('a', 'b'), false],
    ['parquet-mr 1.9.0, strings (signed byte order) with min < max', utf8, 'parquet-mr version 1.9.0', true, pair('a', 'b'), true],
    ['parquet-mr 1.9.0, strings with min = max', utf8, 'parquet-mr version 1.9.0', true, pair('a', 'a'), false],
    ['parquet-mr 1.10.0, strings', utf8, 'parquet-mr version 1.10.0', true, pair('a', 'b'), false],
    ['parquet-cpp 1.2.0, unsigned integers', uint, 'parquet-cpp version 1.2.0', true, pair('a', 'b'), true],
    ['parquet-cpp 1.3.0, unsigned integers', uint, 'parquet-cpp version 1.3.0', true, pair('a', 'b'), false],
    ['no created_by, strings', utf8, undefined, true, pair('a', 'b'), false],
  ] as const)('%s', (_, element, createdBy, columnOrders, raw, distrusted) => {
    const why = minMaxDistrust({} as never, element as never, rules(createdBy, columnOrders), raw);
    if (distrusted) expect(why).toMatch(/^parquet-(mr|cpp) \d+\.\d+\.\d+ is known to write wrong min\/max for this type/);
    else expect(why).toBeUndefined();
  });
});
