import { readFileSync } from 'node:fs';
import { parquetMetadata, type FileMetaData } from 'hyparquet';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import type { ChunkInfo } from '../../src/model/types';
import { chunkRange } from '../../src/parquet/columnSubset';
import { readParquetFooter } from '../../src/parquet/readParquetFooter';
import { rowGroupChunks } from '../../src/parquet/rowGroupChunks';
import { BlobSource } from '../../src/source/blobSource';
import { fixtureFiles } from '../support/corpus';

/** The chunk list as it was made from hyparquet's whole decoded footer before row groups were indexed by the walk. */
function chunksFromMetadata(md: FileMetaData): ChunkInfo[] {
  let rowOffset = 0;
  return md.row_groups.map((rg, index) => {
    let offset = Infinity;
    let sum = 0;
    const codecs = new Set<string>();
    for (const c of rg.columns) {
      if (!c.meta_data) continue;
      if (c.meta_data.codec) codecs.add(c.meta_data.codec);
      const r = chunkRange(c);
      offset = Math.min(offset, r.start);
      sum += r.length;
    }
    if (offset === Infinity) offset = Number(rg.file_offset ?? 0);
    const rows = Math.max(0, Number(rg.num_rows));
    const info: ChunkInfo = { index, rows, rowOffset, offset, bytes: rg.total_compressed_size !== undefined ? Number(rg.total_compressed_size) : sum };
    if (codecs.size) info.compression = [...codecs].join(', ');
    rowOffset += rows;
    return info;
  });
}

/** The footer as read lazily beside hyparquet's whole parquetMetadata of the same bytes. */
async function compare(file: Uint8Array, name: string) {
  const whole = parquetMetadata(file);
  const { md, rowGroups } = await readParquetFooter(new BlobSource(new Blob([file as BlobPart]), name));
  expect(md, name).toEqual({ ...whole, row_groups: [] });
  expect(rowGroups.length, name).toBe(whole.row_groups.length);
  whole.row_groups.forEach((rg, i) => expect(rowGroups.rowGroup(i), `${name}, row group ${i}`).toEqual(rg));
  expect(rowGroupChunks(rowGroups.index).slice(), name).toEqual(chunksFromMetadata(whole));
  return whole.row_groups.length;
}

describe('row groups indexed by the footer walk, each decoded from its own bytes', () => {
  it('every vendored corpus file: the rest of the footer, each row group and the chunk list are what hyparquet decodes from the whole footer', async () => {
    let rowGroups = 0;
    for (const path of fixtureFiles('', /\.parquet$/)) {
      const file = new Uint8Array(readFileSync(path));
      try {
        parquetMetadata(file);
      } catch {
        continue; // damaged on purpose: tests/parquet/footerErrors.test.ts says what is shown
      }
      try {
        await readParquetFooter(new BlobSource(new Blob([file as BlobPart]), path));
      } catch {
        continue; // refused with a sentence (bad_data): not a footer to compare
      }
      rowGroups += await compare(file, path);
    }
    expect(rowGroups).toBeGreaterThan(20);
  });

  it('1,000 row groups of three columns with statistics: each as hyparquet decodes it, the statistics of the middle one and raw bytes', async () => {
    const n = 3000;
    const file = new Uint8Array(
      parquetWriteBuffer({
        columnData: [
          { name: 'a', data: Int32Array.from({ length: n }, (_, i) => i), type: 'INT32' },
          { name: 's', data: Array.from({ length: n }, (_, i) => `v${i % 7}`), type: 'STRING' },
          { name: 'b', data: Array.from({ length: n }, (_, i) => BigInt(i) * 2n ** 40n), type: 'INT64' },
        ],
        rowGroupSize: 3,
      }),
    );
    expect(await compare(file, 'many.parquet')).toBe(1000);
    const { rowGroups } = await readParquetFooter(new BlobSource(new Blob([file as BlobPart]), 'many.parquet'));
    const middle = rowGroups.get(500);
    expect(middle.rowGroup.columns[0].meta_data?.statistics?.min_value).toBe(1500);
    expect(middle.raw[0].min).toEqual(Uint8Array.from([1500 & 0xff, 1500 >> 8, 0, 0]));
  });
});
