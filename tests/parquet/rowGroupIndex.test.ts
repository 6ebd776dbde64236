import { readFileSync } from 'node:fs';
import { parquetMetadata, type FileMetaData } from 'hyparquet';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import { openDataset } from '../../src/dataset/openDataset';
import type { ChunkInfo } from '../../src/model/types';
import { chunkRange } from '../../src/parquet/columnSubset';
import { readParquetFooter } from '../../src/parquet/readParquetFooter';
import { rowGroupChunks } from '../../src/parquet/rowGroupChunks';
import { BlobSource } from '../../src/source/blobSource';
import { fixture, fixtureFiles } from '../support/corpus';
import { withEditedFooter } from './support/footer';

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
  // Encrypted columns are told without decoding the row group unless the walk saw an encrypted chunk.
  whole.row_groups.forEach((rg, i) =>
    expect(rowGroups.hasEncryptedChunk(i), `${name}, row group ${i}`).toBe(rg.columns.some((c) => !c.meta_data || c.crypto_metadata !== undefined)),
  );
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

  it('a plaintext footer with encrypted columns: the walk marks its row groups as holding encrypted chunks', async () => {
    const file = new Uint8Array(readFileSync(fixture('parquet-testing/data/encrypt_columns_plaintext_footer.parquet.encrypted')));
    expect(await compare(file, 'encrypt_columns_plaintext_footer')).toBeGreaterThan(0);
    const { rowGroups } = await readParquetFooter(new BlobSource(new Blob([file as BlobPart]), 'encrypted'));
    expect(rowGroups.hasEncryptedChunk(0)).toBe(true);
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
    expect(middle.raw[0].values[0]).toEqual(Uint8Array.from([1500 & 0xff, 1500 >> 8, 0, 0]));
  });
});

describe('what the walk marks for a closer look, among 1,000 row groups', () => {
  /** 1,000 row groups of int32 `a` and string `s`, 3 rows each; the footer rewritten by `edit`. */
  function manyRowGroups(edit: (md: FileMetaData) => void): Uint8Array {
    const n = 3000;
    const bytes = new Uint8Array(
      parquetWriteBuffer({
        columnData: [
          { name: 'a', data: Int32Array.from({ length: n }, (_, i) => i), type: 'INT32' },
          { name: 's', data: Array.from({ length: n }, (_, i) => `v${i}`), type: 'STRING' },
        ],
        rowGroupSize: 3,
      }),
    );
    return withEditedFooter(bytes, edit);
  }

  it('a column chunk past the footer in row group 500 is named; row group 700 declaring 0 rows has its 3 counted', async () => {
    const file = manyRowGroups((md) => {
      md.row_groups[500].columns[1].meta_data!.data_page_offset = 10n ** 12n;
      md.row_groups[500].columns[1].meta_data!.dictionary_page_offset = undefined;
      md.row_groups[700].num_rows = 0n;
    });
    const ds = await openDataset(new BlobSource(new Blob([file as BlobPart]), 'marked.parquet'));
    expect(ds.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^Row group 500, column chunk 1 \("s"\): its bytes 1,000,000,000,000–[\d,]+ are not inside the file's data/),
      'The footer says row group 700 has 0 rows, but its pages hold 3.',
    ]);
    expect(ds.rows).toBe(3000);
    expect(ds.chunks[700]).toMatchObject({ rows: 3, rowOffset: 2100 });
    expect((await ds.readColumn(700, 0)).toArray()).toEqual(Int32Array.from([2100, 2101, 2102]));
  });

  it('an unchanged file: nothing marked, nothing reported', async () => {
    const ds = await openDataset(new BlobSource(new Blob([manyRowGroups(() => {}) as BlobPart]), 'plain.parquet'));
    expect(ds.problems).toEqual([]);
    expect(ds.rows).toBe(3000);
  });
});
