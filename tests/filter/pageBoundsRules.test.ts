import { parquetMetadata, parquetReadObjects, readColumnIndex } from 'hyparquet';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import { compileFilter, matchChunk } from '../../src/compute/filter';
import { openDataset } from '../../src/dataset/openDataset';
import { BlobSource } from '../../src/source/blobSource';
import { withoutColumnOrders } from '../parquet/support/footer';

/**
 * A page index's min/max decide a filter only where the chunk's own min/max would (statisticsRules.ts):
 * a string's bounds in a footer that lists no column orders have no defined order, as pyarrow reads them.
 * The file: hyparquet-writer with a page index over pages of ~120 rows, its footer's column orders cut;
 * one page's min bound then rewritten to a same-length string above some values of that page (what a
 * writer ordering bytes another way may leave). Gold: the rows hyparquet reads. (With column orders,
 * string bounds are used: tests/filter/pageIndex.test.ts.)
 */
const ROWS = 1000;
const words = Array.from({ length: ROWS }, (_, i) => `w${String(i).padStart(4, '0')}`);
const ints = Int32Array.from({ length: ROWS }, (_, i) => i);

/** The file, and a value of its third page of `s` (whose min bound is the one rewritten). */
function pagedFile(): { bytes: Uint8Array; value: string } {
  const written = new Uint8Array(
    parquetWriteBuffer({
      columnData: [
        { name: 'n', data: ints, type: 'INT32', columnIndex: true, offsetIndex: true },
        { name: 's', data: words, type: 'STRING', columnIndex: true, offsetIndex: true },
      ],
      pageSize: 600,
    } as Parameters<typeof parquetWriteBuffer>[0]),
  );
  // The third page's min bound ('w0238') becomes a value 60 rows later in the column index (outside the footer, same length).
  const bytes = written.slice();
  const md = parquetMetadata(bytes.buffer as ArrayBuffer);
  const chunk = md.row_groups[0].columns[1];
  const at = Number(chunk.column_index_offset);
  const text = String(readColumnIndex({ view: new DataView(bytes.buffer, at, chunk.column_index_length), offset: 0 }, md.schema[2]).min_values[2]);
  bytes.set(new TextEncoder().encode(words[words.indexOf(text) + 60]), Buffer.from(bytes).indexOf(text, at));
  const value = words[words.indexOf(text) + 2];
  return { bytes: withoutColumnOrders(bytes), value };
}

async function counted({ bytes, value }: { bytes: Uint8Array; value: string }): Promise<{ ours: number; hyparquet: number; pages: number }> {
  const where = `s = '${value}'`;
  const dataset = await openDataset(new BlobSource(new Blob([bytes as BlobPart]), 'paged.parquet'));
  const index = await dataset.pageIndex!(0, 1);
  // The footer lists no column orders, as the chunk's statistics say.
  expect((await dataset.chunkDetail(0)).columns[1].stats?.minMaxNote).toMatch(/the footer lists no column orders/);
  const match = await matchChunk(dataset, compileFilter(where, dataset.fields, dataset.schema), 0, { pageIndexMinBytes: 0 });
  await dataset.close();
  const rows = (await parquetReadObjects({ file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer })) as { s: string }[];
  return { ours: match.matched, hyparquet: rows.filter((r) => r.s === value).length, pages: index?.pages.filter((p) => p.stats.min !== undefined).length ?? 0 };
}

describe('page index bounds follow the chunk statistics rules', () => {
  it('a string column of a file listing no column orders: its bounds decide nothing, the rows are read', async () => {
    const { ours, hyparquet, pages } = await counted(pagedFile());
    expect(hyparquet).toBe(1);
    expect(ours).toBe(hyparquet);
    expect(pages).toBe(0);
  });

  it("an int column's bounds are used without column orders (a signed order, as pyarrow reads the deprecated pair)", async () => {
    const dataset = await openDataset(new BlobSource(new Blob([pagedFile().bytes as BlobPart]), 'paged.parquet'));
    const pages = (await dataset.pageIndex!(0, 0))!.pages;
    expect(pages.length).toBeGreaterThan(5);
    expect(pages.every((p) => p.stats.min !== undefined)).toBe(true);
    await dataset.close();
  });
});
