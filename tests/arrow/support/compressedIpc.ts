import {
  CompressionType,
  Dictionary,
  Field,
  Float64,
  Int32,
  Int64,
  List,
  Message,
  RecordBatch,
  RecordBatchStreamWriter,
  Struct,
  Table,
  TimestampMillisecond,
  Utf8,
  Bool,
  compressionRegistry,
  vectorFromArray,
  type Vector,
} from 'apache-arrow';
import { decompress as zstdDecompress } from 'fzstd';
import * as lz4 from 'lz4js';
import { concatBytes } from '../../support/bytes';

const ZSTD_BLOCK = 128 * 1024;

/**
 * A valid ZSTD frame holding `data` in raw blocks (the format's stored block type, at most 128 KiB
 * each): fzstd and every other decoder read it; Node 20 has no ZSTD encoder and tests must not need
 * the `zstd` command.
 */
export function rawZstdFrame(data: Uint8Array): Uint8Array {
  const header = [0x28, 0xb5, 0x2f, 0xfd, 0xe0]; // magic, single segment with an 8-byte content size
  for (let i = 0; i < 8; i++) header.push(Math.floor(data.length / 256 ** i) % 256);
  const parts: Uint8Array[] = [Uint8Array.from(header)];
  let at = 0;
  do {
    const size = Math.min(ZSTD_BLOCK, data.length - at);
    const block = (at + size >= data.length ? 1 : 0) | (size << 3); // raw block (type 0)
    parts.push(Uint8Array.of(block & 255, (block >> 8) & 255, (block >> 16) & 255), data.subarray(at, at + size));
    at += size;
  } while (at < data.length);
  return concatBytes(parts);
}

// lz4js compresses the whole ArrayBuffer under a view, so views are copied first.
const lz4Codec = lz4 as unknown as { compress(src: Uint8Array): Uint8Array; decompress(src: Uint8Array): Uint8Array };

/**
 * Lets apache-arrow write and read ZSTD and LZ4 IPC bodies (its registry is empty by default): the
 * writer for the test files, the reader as the reference the engine is compared with.
 */
export function registerArrowCodecs(zstdEncode: (data: Uint8Array) => Uint8Array = rawZstdFrame): void {
  // apache-arrow views each decoded buffer as it is: fresh copies keep 8-byte alignment for its typed arrays.
  compressionRegistry.set(CompressionType.ZSTD, { encode: zstdEncode, decode: (d) => zstdDecompress(d).slice() });
  compressionRegistry.set(CompressionType.LZ4_FRAME, { encode: (d) => lz4Codec.compress(d.slice()), decode: (d) => lz4Codec.decompress(d).slice() });
}

const nullable = (name: string, type: ConstructorParameters<typeof Field>[1]) => new Field(name, type, true);
/** One dictionary type (one id) for every batch of a stream. */
const CITY = new Dictionary(new Utf8(), new Int32(), 0);

/**
 * One batch of `rows` rows (seeded by `seed`): flat columns of each layout the row window reads
 * (int64, float64, utf8, bool, dictionary, timestamp; nulls in most) and nested ones decoded whole
 * (list<int32>, struct<int32, utf8>).
 */
export function mixedBatch(rows: number, seed: number): Table {
  const at = (k: number) => (k * 7919 + seed * 104729) % 1_000_003;
  const columns: Record<string, Vector> = {
    i: vectorFromArray(Array.from({ length: rows }, (_, k) => (at(k) % 11 === 0 ? null : BigInt(at(k)) - 500_000n)), new Int64()),
    f: vectorFromArray(Array.from({ length: rows }, (_, k) => at(k) / 1000 - 0.5), new Float64()),
    s: vectorFromArray(Array.from({ length: rows }, (_, k) => (at(k) % 7 === 0 ? null : `value ${at(k) % 997} ${'é'.repeat(k % 5)}`)), new Utf8()),
    b: vectorFromArray(Array.from({ length: rows }, (_, k) => (at(k) % 13 === 0 ? null : at(k) % 3 === 0)), new Bool()),
    d: vectorFromArray(Array.from({ length: rows }, (_, k) => (at(k) % 17 === 0 ? null : `city ${at(k) % 23}`)), CITY),
    ts: vectorFromArray(Array.from({ length: rows }, (_, k) => 1_700_000_000_000 + at(k) * 1000), new TimestampMillisecond()),
    l: vectorFromArray(Array.from({ length: rows }, (_, k) => (at(k) % 5 === 0 ? null : Array.from({ length: k % 4 }, (_, j) => at(k + j) % 100))), new List(nullable('item', new Int32()))),
    st: vectorFromArray(
      Array.from({ length: rows }, (_, k) => (at(k) % 9 === 0 ? null : { a: at(k) % 1000, b: `s${k}` })),
      new Struct([nullable('a', new Int32()), nullable('b', new Utf8())]),
    ),
  };
  return new Table(columns);
}

/** Top-level columns of mixedBatch that the row window cannot read (decoded whole). */
export const NESTED_COLUMNS = ['l', 'st'];

/**
 * apache-arrow 21's writer puts the compressed length in each buffer's 8-byte prefix, where the format
 * (and pyarrow, and this engine) wants the decoded length: each prefix is set to the length its frame
 * decodes to (`decode`), in place (no offset moves).
 */
export function fixLengthPrefixes(stream: Uint8Array, decode: (frame: Uint8Array) => Uint8Array): Uint8Array {
  const view = new DataView(stream.buffer, stream.byteOffset, stream.byteLength);
  let at = 0;
  while (at + 8 <= stream.length) {
    if (view.getUint32(at, true) !== 0xffffffff) throw new Error(`no continuation marker at ${at}`);
    const metaLength = view.getInt32(at + 4, true);
    if (metaLength === 0) break; // end of stream
    const message = Message.decode(stream.subarray(at + 8, at + 8 + metaLength));
    const body = at + 8 + metaLength;
    const header = message.isRecordBatch() ? message.header() : message.isDictionaryBatch() ? message.header().data : null;
    for (const region of header?.buffers ?? []) {
      if (region.length === 0) continue;
      const prefix = body + region.offset;
      if (view.getBigInt64(prefix, true) === -1n) continue;
      view.setBigInt64(prefix, BigInt(decode(stream.slice(prefix + 8, prefix + region.length)).length), true);
    }
    at = body + message.bodyLength;
  }
  return stream;
}

/** `table` as an IPC stream whose buffers are compressed by `encode` (stored where that does not shrink them). */
export function compressedStream(table: Table, compression: CompressionType, encode: (data: Uint8Array) => Uint8Array): Uint8Array {
  registerArrowCodecs();
  const codec = compressionRegistry.get(compression)!;
  compressionRegistry.set(compression, { ...codec, encode });
  try {
    const bytes = RecordBatchStreamWriter.writeAll(table, { compressionType: compression } as never).toUint8Array(true);
    return fixLengthPrefixes(bytes, codec.decode!);
  } finally {
    compressionRegistry.set(compression, codec);
  }
}

/**
 * An IPC stream of batches of these sizes, its bodies compressed with `compression` (null: none).
 * ZSTD frames are raw blocks, never smaller than their data, so apache-arrow stores those buffers
 * uncompressed (prefix -1); LZ4 compresses for real.
 */
export function mixedStream(batchRows: number[], compression: CompressionType | null): Uint8Array {
  registerArrowCodecs();
  const writer = new RecordBatchStreamWriter(compression === null ? {} : ({ compressionType: compression } as never));
  const tables = batchRows.map((rows, k) => mixedBatch(rows, k + 1));
  // One schema object for every batch: the writer starts a new stream for a schema it does not know.
  const schema = tables[0].schema;
  writer.write(new Table(schema, tables.flatMap((t) => t.batches.map((b) => new RecordBatch(schema, b.data)))));
  const bytes = writer.toUint8Array(true);
  return compression === CompressionType.LZ4_FRAME ? fixLengthPrefixes(bytes, lz4Codec.decompress) : bytes;
}
