/**
 * Writes an Arrow IPC stream as Parquet through parquet-wasm (arrow-rs's writer) with the options given,
 * for scripts/fuzz/random_files.py's `arrow-rs.parquet` files (and `arrow-rs.arrows`, with --ipc).
 * Usage: node scripts/fuzz/write_arrow_rs.mjs IN.arrows OUT.parquet '{"compression":"ZSTD",...}'
 *        node scripts/fuzz/write_arrow_rs.mjs --ipc IN.arrows OUT.arrows   (the stream rewritten by arrow-rs's IPC writer)
 *        node scripts/fuzz/write_arrow_rs.mjs --read IN.parquet OUT.arrows   (arrow-rs's reading, as a reference
 *        where pyarrow cannot read a file)
 * Options (each optional): compression, encoding (names of parquet-wasm's enums), dictionary (boolean),
 * dictionaryPageSizeLimit, dataPageSizeLimit, maxRowGroupSize, writeBatchSize (numbers), statistics
 * ("None" | "Chunk" | "Page"), writerVersion ("V1" | "V2").
 */
import { readFileSync, writeFileSync } from 'node:fs';
import * as wasm from 'parquet-wasm';

if (process.argv[2] === '--read') {
  const [input, output] = process.argv.slice(3);
  writeFileSync(output, wasm.readParquet(readFileSync(input)).intoIPCStream());
  process.exit(0);
}
if (process.argv[2] === '--ipc') {
  const [input, output] = process.argv.slice(3);
  writeFileSync(output, wasm.Table.fromIPCStream(readFileSync(input)).intoIPCStream());
  process.exit(0);
}
const [input, output, json] = process.argv.slice(2);
const options = JSON.parse(json ?? '{}');
let props = new wasm.WriterPropertiesBuilder();
if (options.compression) props = props.setCompression(wasm.Compression[options.compression]);
if (options.encoding) props = props.setEncoding(wasm.Encoding[options.encoding]);
if (options.dictionary !== undefined) props = props.setDictionaryEnabled(options.dictionary);
if (options.dictionaryPageSizeLimit) props = props.setDictionaryPageSizeLimit(options.dictionaryPageSizeLimit);
if (options.dataPageSizeLimit) props = props.setDataPageSizeLimit(options.dataPageSizeLimit);
if (options.maxRowGroupSize) props = props.setMaxRowGroupSize(options.maxRowGroupSize);
if (options.writeBatchSize) props = props.setWriteBatchSize(options.writeBatchSize);
if (options.statistics) props = props.setStatisticsEnabled(wasm.EnabledStatistics[options.statistics]);
if (options.writerVersion) props = props.setWriterVersion(wasm.WriterVersion[options.writerVersion]);
const table = wasm.Table.fromIPCStream(readFileSync(input));
writeFileSync(output, wasm.writeParquet(table, props.build()));
