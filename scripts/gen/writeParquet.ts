import { createWriteStream } from 'node:fs';
import { Writable } from 'node:stream';
import { RecordBatchStreamWriter, type RecordBatch } from 'apache-arrow';
import { Compression, Table as WasmTable, WriterPropertiesBuilder, transformParquetStream } from 'parquet-wasm';

/**
 * Writes `copies` repetitions of `batches` as one Parquet file through parquet-wasm's streaming
 * writer: each copy's rows become one row group (max row group size = rows per copy), and only one
 * copy is held in wasm memory.
 */
export async function writeParquetCopies(path: string, batches: RecordBatch[], copies: number, rowsPerCopy: number): Promise<void> {
  const ipc = RecordBatchStreamWriter.writeAll(batches).toUint8Array(true);
  const table = WasmTable.fromIPCStream(ipc);
  const properties = new WriterPropertiesBuilder()
    .setCompression(Compression.SNAPPY)
    .setMaxRowGroupSize(rowsPerCopy)
    .setCreatedBy('arrowscope FEC-like generator (parquet-wasm)')
    .build();
  let copy = 0;
  let batch = 0;
  const input = new ReadableStream({
    pull(controller) {
      if (copy >= copies) {
        controller.close();
        return;
      }
      controller.enqueue(table.recordBatch(batch)!);
      batch++;
      if (batch >= table.numBatches) {
        batch = 0;
        copy++;
      }
    },
  });
  const output = await transformParquetStream(input, properties);
  await output.pipeTo(Writable.toWeb(createWriteStream(path)) as WritableStream<Uint8Array>);
  table.free();
}
