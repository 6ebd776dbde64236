import { open } from 'node:fs/promises';
import { RecordBatchStreamWriter, type RecordBatch } from 'apache-arrow';
import { parquetMetadata, readOffsetIndex, type ColumnChunk, type FileMetaData } from 'hyparquet';
import { Compression, Table as WasmTable, WriterPropertiesBuilder, writeParquet } from 'parquet-wasm';
import { ByteWriter, serializeTCompactProtocol } from '../../src/adapters/hyparquetWriterInternals';
import { encodeFooter } from '../../src/parquet/encodeFooter';

const MAGIC = new TextEncoder().encode('PAR1');

/** Moves every absolute offset of a column chunk by `by` bytes. */
function shiftChunk(c: ColumnChunk, by: bigint): ColumnChunk {
  const move = (x: bigint | undefined) => (x === undefined ? undefined : x + by);
  const m = c.meta_data!;
  return {
    ...c,
    file_offset: c.file_offset + by,
    offset_index_offset: move(c.offset_index_offset),
    column_index_offset: move(c.column_index_offset),
    meta_data: {
      ...m,
      data_page_offset: m.data_page_offset + by,
      dictionary_page_offset: move(m.dictionary_page_offset),
      index_page_offset: move(m.index_page_offset),
      bloom_filter_offset: move(m.bloom_filter_offset),
    },
  };
}

/**
 * A copy's offset index: the first copy's with every page offset moved by `by` bytes (the copied index
 * bytes still point into the first copy, so each later copy gets its own, written after the copies).
 */
function movedOffsetIndex(one: Uint8Array, c: ColumnChunk, by: bigint): Uint8Array {
  const view = new DataView(one.buffer, one.byteOffset, one.byteLength);
  const index = readOffsetIndex({ view, offset: Number(c.offset_index_offset) });
  const writer = new ByteWriter();
  serializeTCompactProtocol(writer, {
    field_1: index.page_locations.map((p) => ({ field_1: p.offset + by, field_2: p.compressed_page_size, field_3: p.first_row_index })),
  });
  return new Uint8Array(writer.getBuffer());
}

/**
 * Writes `copies` repetitions of `batches` as one Parquet file, one row group per copy. One copy is
 * encoded once by parquet-wasm (snappy); its bytes are then written `copies` times and the footer is
 * rebuilt with every offset moved, so memory holds one copy whatever the file size.
 */
export async function writeParquetCopies(path: string, makeBatches: () => RecordBatch[], copies: number, rowsPerCopy: number): Promise<void> {
  // The batches and their IPC bytes are dropped as soon as wasm holds its copy: one copy in memory at a time.
  const table = WasmTable.fromIPCStream(RecordBatchStreamWriter.writeAll(makeBatches()).toUint8Array(true));
  const properties = new WriterPropertiesBuilder()
    .setCompression(Compression.SNAPPY)
    .setMaxRowGroupSize(rowsPerCopy)
    .setCreatedBy('arrowscope FEC-like generator (parquet-wasm)')
    .build();
  const one = writeParquet(table, properties); // consumes the table
  const md: FileMetaData = parquetMetadata(one.buffer.slice(one.byteOffset, one.byteOffset + one.byteLength) as ArrayBuffer);
  const footerLength = new DataView(one.buffer, one.byteOffset).getUint32(one.length - 8, true);
  // Everything between the leading magic and the footer: row groups, page indexes, bloom filters.
  const body = one.subarray(4, one.length - 8 - footerLength);
  const handle = await open(path, 'w');
  try {
    let position = 0;
    const write = async (bytes: Uint8Array) => {
      await handle.write(bytes, 0, bytes.length, position);
      position += bytes.length;
    };
    await write(MAGIC);
    for (let c = 0; c < copies; c++) await write(body);
    const rowGroups = Array.from({ length: copies }, (_, c) =>
      md.row_groups.map((rg) => {
        const by = BigInt(c * body.length);
        return { ...rg, file_offset: rg.file_offset === undefined ? undefined : rg.file_offset + by, columns: rg.columns.map((col) => shiftChunk(col, by)) };
      }),
    ).flat();
    // Copies after the first get offset indexes of their own pages (the copied bytes are left unused).
    for (const [k, rg] of rowGroups.entries()) {
      const copy = Math.floor(k / md.row_groups.length);
      if (copy === 0) continue;
      for (const [i, col] of rg.columns.entries()) {
        const first = md.row_groups[k % md.row_groups.length].columns[i];
        if (first.offset_index_offset === undefined) continue;
        const bytes = movedOffsetIndex(one, first, BigInt(copy * body.length));
        rg.columns[i] = { ...col, offset_index_offset: BigInt(position), offset_index_length: bytes.length };
        await write(bytes);
      }
    }
    await write(encodeFooter({ ...md, num_rows: md.num_rows * BigInt(copies), row_groups: rowGroups }));
    await write(MAGIC);
  } finally {
    await handle.close();
  }
}
