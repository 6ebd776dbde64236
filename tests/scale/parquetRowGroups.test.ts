import { describe, expect, it } from 'vitest';
import { tallValue, writeTallParquet } from '../../scripts/gen/scaleFiles';
import { Engine } from '../../src/worker/engine';
import { NodeFileSource } from '../../src/source/nodeFileSource';
import { tempPath } from '../support/files';

const ROW_GROUPS = 1_000_000;

describe('1,000,000 one-row Parquet row groups, each decoded from the footer only when read', () => {
  it('opens with every row, and the first, middle and last row groups read right: values, detail and pages', async () => {
    const path = tempPath('tall-row-groups.parquet');
    await writeTallParquet(path, ROW_GROUPS);
    const engine = new Engine();
    const summary = await engine.openSource(await NodeFileSource.open(path), true);
    expect(summary.rows).toBe(ROW_GROUPS);
    expect(summary.chunkCount).toBe(ROW_GROUPS);
    expect(summary.problems).toEqual([]);
    const first = engine.chunks(summary.id, 0, 1)[0];
    const pageBytes = first.bytes;
    expect(first).toMatchObject({ index: 0, rows: 1, rowOffset: 0, offset: 4, compression: 'UNCOMPRESSED' });
    for (const g of [0, ROW_GROUPS / 2, ROW_GROUPS - 1]) {
      const offset = 4 + g * pageBytes;
      expect(engine.chunks(summary.id, g, g + 1)[0]).toEqual({ index: g, rows: 1, rowOffset: g, offset, bytes: pageBytes, compression: 'UNCOMPRESSED' });
      expect((await engine.rows(summary.id, g, 1, [0])).columns).toEqual([[String(tallValue(g))]]);
      const detail = await engine.chunkDetail(summary.id, g);
      expect(detail).toMatchObject({ index: g, rows: 1, rowOffset: g, offset, bytes: pageBytes });
      expect(detail.columns).toHaveLength(1);
      expect(detail.columns[0]).toMatchObject({ column: 0, bytes: pageBytes, uncompressedBytes: pageBytes, offset, codec: 'UNCOMPRESSED', encodings: ['PLAIN'] });
      expect(detail.metadata).toEqual({ total_compressed_size: String(pageBytes), total_byte_size: String(pageBytes) });
      const pages = await engine.pages(summary.id, g, 0);
      expect(pages.truncated).toBe(false);
      expect(pages.pages).toHaveLength(1);
      expect(pages.pages[0]).toMatchObject({ field: 'n', kind: 'data_page', offset });
    }
    // Rows across row groups (a window spanning the middle) and past the end.
    expect((await engine.rows(summary.id, ROW_GROUPS / 2 - 2, 4, [0])).columns).toEqual([[-2, -1, 0, 1].map((d) => String(tallValue(ROW_GROUPS / 2 + d)))]);
    await expect(engine.chunkDetail(summary.id, ROW_GROUPS)).rejects.toThrow(`There is no row group ${ROW_GROUPS}.`);
    await engine.close(summary.id);
  }, 300_000);
});
