import { describe, expect, it } from 'vitest';
import { parquetMetadata } from 'hyparquet';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NodeFileSource } from '../../src/source/nodeFileSource';
import { Engine } from '../../src/worker/engine';
import { ReadCoverage } from '../../src/worker/readCoverage';
import { ColumnTotalsBuilder } from '../../src/worker/columnTotals';
import type { ColumnSummary } from '../../src/worker/protocol';

const corpus = (p: string) => join(process.cwd(), 'tests/fixtures/corpus', p);

async function summaryOf(path: string, limit?: number): Promise<{ engine: Engine; id: number; summary: ColumnSummary }> {
  const engine = new Engine();
  const { id } = await engine.openSource(await NodeFileSource.open(path), true);
  await engine.summary(id);
  let summary: ColumnSummary;
  do summary = await engine.columnSummary(id, limit);
  while (!summary.complete && summary.chunksCounted < Math.min(summary.chunkCount, summary.limit));
  return { engine, id, summary };
}

describe('ReadCoverage', () => {
  it('counts each byte of the file once however often and in whatever order it is read', () => {
    const c = new ReadCoverage({ name: 'x', size: 100, stats: { bytesRead: 0, reads: 0 }, read: async () => new Uint8Array() });
    c.add(10, 20);
    c.add(30, 40);
    c.add(15, 35);
    expect(c.distinctBytes).toBe(30);
    c.add(0, 5);
    c.add(5, 10);
    c.add(90, 100);
    c.add(0, 100);
    expect(c.distinctBytes).toBe(100);
  });
});

describe('whole-file column summary from metadata', () => {
  it('Parquet: sizes, codecs and encodings add up to the footer, nulls from the statistics', async () => {
    const path = corpus('parquet-testing/data/alltypes_plain.parquet');
    const { summary } = await summaryOf(path);
    const buffer = readFileSync(path);
    const md = parquetMetadata(buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength));
    expect(summary.complete).toBe(true);
    expect(summary.chunksCounted).toBe(md.row_groups.length);
    expect(summary.columns).toHaveLength(md.schema.length - 1);
    summary.columns.forEach((c, i) => {
      const metas = md.row_groups.map((rg) => rg.columns[i].meta_data!);
      expect(c.bytes).toBe(metas.reduce((s, m) => s + Number(m.total_compressed_size), 0));
      expect(c.uncompressedBytes).toBe(metas.reduce((s, m) => s + Number(m.total_uncompressed_size), 0));
      expect(c.codecs).toEqual([...new Set(metas.map((m) => m.codec))]);
      expect(c.encodings.sort()).toEqual([...new Set(metas.flatMap((m) => m.encodings))].sort());
    });
  });

  it('Parquet: null counts and min/max over row groups, from int32_with_null_pages', async () => {
    const { summary } = await summaryOf(corpus('parquet-testing/data/int32_with_null_pages.parquet'));
    const [c] = summary.columns;
    expect(c.nulls).toBeGreaterThan(0);
    expect(Number(c.min)).toBeLessThan(Number(c.max));
  });

  it('Arrow: buffer bytes per column, exact null counts, and dictionary batches counted once with their column', async () => {
    const { summary } = await summaryOf(corpus('arrow-testing/data/arrow-ipc-stream/integration/cpp-21.0.0/generated_dictionary.stream'));
    expect(summary.complete).toBe(true);
    const dictionaryColumns = summary.columns.filter((c) => c.encodings.includes('dictionary'));
    expect(dictionaryColumns.length).toBeGreaterThan(0);
    for (const c of dictionaryColumns) expect(c.dictionaryBytes).toBeGreaterThan(0);
    for (const c of summary.columns) {
      expect(c.nulls).toBeGreaterThanOrEqual(0);
      expect(c.codecs).toEqual(['uncompressed']);
      expect(c.uncompressedBytes).toBe(c.bytes);
    }
  });

  it('Arrow: the sample file, whose columns hold no nulls, counted to a cap and then on', async () => {
    const capped = await summaryOf('public/sample.arrow', 2);
    expect(capped.summary.chunksCounted).toBe(2);
    expect(capped.summary.complete).toBe(false);
    const whole = await capped.engine.columnSummary(capped.id, Infinity);
    expect(whole.complete).toBe(true);
    expect(whole.chunksCounted).toBe(whole.chunkCount);
    const total = whole.columns.reduce((s, c) => s + c.bytes, 0);
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThan((await capped.engine.summary(capped.id)).size);
  });

  it('a figure some chunk does not tell is left out, not undercounted', () => {
    const b = new ColumnTotalsBuilder([{}]);
    const chunk = { index: 0, rows: 1, rowOffset: 0, offset: 0, bytes: 10 };
    b.add({ ...chunk, columns: [{ column: 0, bytes: 10, uncompressedBytes: 20, nullCount: 1, codec: 'SNAPPY', stats: { min: '2', max: '10', exact: true, order: { kind: 'int', min: '2', max: '10' } } }] });
    expect(b.columns()[0]).toMatchObject({ bytes: 10, uncompressedBytes: 20, nulls: 1, min: '2', max: '10', minMaxExact: true });
    b.add({ ...chunk, index: 1, columns: [{ column: 0, bytes: 5, codec: 'ZSTD', stats: { min: '-1', max: '9', order: { kind: 'int', min: '-1', max: '9' } } }] });
    const [c] = b.columns();
    expect(c).toMatchObject({ bytes: 15, codecs: ['SNAPPY', 'ZSTD'], min: '-1', max: '10', minMaxExact: false });
    expect(c.nulls).toBeUndefined();
    expect(c.uncompressedBytes).toBeUndefined();
    // A chunk without min/max: the column's min/max over chunks is not known (the others' are not bounds of it).
    b.add({ ...chunk, index: 2, columns: [{ column: 0, bytes: 5, codec: 'ZSTD', stats: { nullCount: 0 } }] });
    expect(b.columns()[0].min).toBeUndefined();
    expect(b.columns()[0].max).toBeUndefined();
  });

  it("min and max over chunks follow the statistics' order keys, not their text", () => {
    const b = new ColumnTotalsBuilder([{}, {}]);
    const chunk = { index: 0, rows: 1, rowOffset: 0, offset: 0, bytes: 10 };
    const text = (min: string, max: string, hex: [string, string]) => ({ min, max, exact: true, order: { kind: 'bytes' as const, min: hex[0], max: hex[1] } });
    const int = (min: string, max: string, keys: [string, string]) => ({ min, max, exact: true, order: { kind: 'int' as const, min: keys[0], max: keys[1] } });
    b.add({ ...chunk, columns: [{ column: 0, bytes: 1, stats: text('9', '9', ['39', '39']) }, { column: 1, bytes: 1, stats: int('10d 00:00:00', '10d 00:00:00', ['864000', '864000']) }] });
    b.add({ ...chunk, index: 1, columns: [{ column: 0, bytes: 1, stats: text('10', '10', ['3130', '3130']) }, { column: 1, bytes: 1, stats: int('2d 00:00:00', '2d 00:00:00', ['172800', '172800']) }] });
    expect(b.columns().map((c) => [c.min, c.max])).toEqual([
      ['10', '9'], // strings in byte order
      ['2d 00:00:00', '10d 00:00:00'], // durations by value
    ]);
  });
});
