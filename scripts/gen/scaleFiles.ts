/**
 * Files whose metadata, not data, is large: a schema of 100,000 columns, a million row groups, a
 * million empty record batches. Written straight to disk in a second or two, so tests and the bench
 * make them when they run (nothing big is committed). Values are predictable: see `wideValue`, `tallValue`.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { Field, Int32, MetadataVersion, Schema } from 'apache-arrow';
import { BufferRegion, FieldNode, FileBlock, Footer, Message, RecordBatchHeader } from '../../src/adapters/apacheArrowInternals';
import { CompactWriter, T } from './thriftCompact';

const MAGIC = new TextEncoder().encode('PAR1');
const ARROW_MAGIC = new TextEncoder().encode('ARROW1');
const EOS = new Uint8Array([0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0]);
const INT32 = 1;
const REQUIRED = 0;
const PLAIN = 0;
const RLE = 3;
const UNCOMPRESSED = 0;
const DATA_PAGE = 0;

/** Column names of the wide files: c00000, c00001, … */
export const wideName = (c: number): string => `c${String(c).padStart(5, '0')}`;
/** The value of column `c` at row `r` in the wide files. */
export const wideValue = (c: number, r: number): number => c * 10 + r;
/** The one value of row group / batch `g` in the tall Parquet file. */
export const tallValue = (g: number): number => g;

class Output {
  position = 0;
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  private constructor(private readonly handle: FileHandle) {}

  static async create(path: string): Promise<Output> {
    return new Output(await open(path, 'w'));
  }

  async write(bytes: Uint8Array): Promise<void> {
    this.pending.push(bytes);
    this.pendingBytes += bytes.length;
    this.position += bytes.length;
    if (this.pendingBytes > 8 << 20) await this.flush();
  }

  private async flush(): Promise<void> {
    if (!this.pending.length) return;
    const all = new Uint8Array(this.pendingBytes);
    let at = 0;
    for (const b of this.pending) {
      all.set(b, at);
      at += b.length;
    }
    this.pending = [];
    this.pendingBytes = 0;
    await this.handle.write(all);
  }

  async close(): Promise<void> {
    await this.flush();
    await this.handle.close();
  }
}

/** One PLAIN, uncompressed data page of required int32 values. */
function int32Page(values: ArrayLike<number>): Uint8Array {
  const w = new CompactWriter();
  const body = values.length * 4;
  w.int(1, DATA_PAGE);
  w.int(2, body);
  w.int(3, body);
  w.beginStruct(5);
  w.int(1, values.length);
  w.int(2, PLAIN);
  w.int(3, RLE);
  w.int(4, RLE);
  w.endStruct();
  w.byte(0);
  const header = w.take();
  const page = new Uint8Array(header.length + body);
  page.set(header);
  const view = new DataView(page.buffer, header.length);
  for (let i = 0; i < values.length; i++) view.setInt32(i * 4, values[i], true);
  return page;
}

function columnChunk(w: CompactWriter, name: string, offset: number, bytes: number, values: number): void {
  w.beginStruct();
  w.int(2, offset, T.I64);
  w.beginStruct(3);
  w.int(1, INT32);
  w.list(2, T.I32, 1);
  w.zigzag(PLAIN);
  w.list(3, T.BINARY, 1);
  const path = new TextEncoder().encode(name);
  w.varint(path.length);
  for (const b of path) w.byte(b);
  w.int(4, UNCOMPRESSED);
  w.int(5, values, T.I64);
  w.int(6, bytes, T.I64);
  w.int(7, bytes, T.I64);
  w.int(9, offset, T.I64);
  w.endStruct();
  w.endStruct();
}

function footerStart(w: CompactWriter, names: string[], rows: number, rowGroups: number): void {
  w.int(1, 1);
  w.list(2, T.STRUCT, names.length + 1);
  w.beginStruct();
  w.string(4, 'schema');
  w.int(5, names.length);
  w.endStruct();
  for (const name of names) {
    w.beginStruct();
    w.int(1, INT32);
    w.int(3, REQUIRED);
    w.string(4, name);
    w.endStruct();
  }
  w.int(3, rows, T.I64);
  w.list(4, T.STRUCT, rowGroups);
}

async function footerEnd(out: Output, w: CompactWriter, footerBytes: number): Promise<void> {
  w.string(6, 'arrowscope scale generator');
  w.byte(0);
  const tail = w.take();
  const length = new Uint8Array(4);
  new DataView(length.buffer).setUint32(0, footerBytes + tail.length, true);
  await out.write(tail);
  await out.write(length);
  await out.write(MAGIC);
}

/** A Parquet file of `fields` required int32 columns in one row group of `rows` rows. */
export async function writeWideParquet(path: string, fields = 100_000, rows = 4): Promise<void> {
  const out = await Output.create(path);
  await out.write(MAGIC);
  const names = Array.from({ length: fields }, (_, c) => wideName(c));
  const offsets: number[] = [];
  let pageBytes = 0;
  for (let c = 0; c < fields; c++) {
    const page = int32Page(Array.from({ length: rows }, (_, r) => wideValue(c, r)));
    offsets.push(out.position);
    pageBytes = page.length;
    await out.write(page);
  }
  const w = new CompactWriter();
  footerStart(w, names, rows, 1);
  w.beginStruct();
  w.list(1, T.STRUCT, fields);
  for (let c = 0; c < fields; c++) columnChunk(w, names[c], offsets[c], pageBytes, rows);
  w.int(2, pageBytes * fields, T.I64);
  w.int(3, rows, T.I64);
  w.int(5, 4, T.I64);
  w.int(6, pageBytes * fields, T.I64);
  w.endStruct();
  await footerEnd(out, w, 0);
  await out.close();
}

/** A Parquet file of one required int32 column "n" in `rowGroups` row groups of one row each. */
export async function writeTallParquet(path: string, rowGroups = 1_000_000): Promise<void> {
  const out = await Output.create(path);
  await out.write(MAGIC);
  const template = int32Page([0]);
  const pageBytes = template.length;
  const pages = new Uint8Array(pageBytes * rowGroups);
  const view = new DataView(pages.buffer);
  for (let g = 0; g < rowGroups; g++) {
    pages.set(template, g * pageBytes);
    view.setInt32((g + 1) * pageBytes - 4, tallValue(g), true);
  }
  await out.write(pages);
  const w = new CompactWriter();
  footerStart(w, ['n'], rowGroups, rowGroups);
  let footerBytes = 0;
  for (let g = 0; g < rowGroups; g++) {
    const offset = MAGIC.length + g * pageBytes;
    w.beginStruct();
    w.list(1, T.STRUCT, 1);
    columnChunk(w, 'n', offset, pageBytes, 1);
    w.int(2, pageBytes, T.I64);
    w.int(3, 1, T.I64);
    w.int(5, offset, T.I64);
    w.int(6, pageBytes, T.I64);
    w.endStruct();
    if (w.length > 4 << 20) {
      const part = w.drain();
      footerBytes += part.length;
      await out.write(part);
    }
  }
  await footerEnd(out, w, footerBytes);
  await out.close();
}

/** A message as written in a stream: continuation marker, metadata length, metadata padded to 8 bytes. */
function framed(metadata: Uint8Array): Uint8Array {
  const padded = Math.ceil(metadata.length / 8) * 8;
  const out = new Uint8Array(8 + padded);
  const view = new DataView(out.buffer);
  view.setUint32(0, 0xffffffff, true);
  view.setInt32(4, padded, true);
  out.set(metadata, 8);
  return out;
}

/**
 * Writes the schema, then `count` record batches (metadata and body of batch i from `batch(i)`), the
 * end-of-stream marker and, for a file, the footer. apache-arrow's writer takes minutes over 100,000
 * columns: the messages are framed here from its metadata encoder instead.
 */
async function writeArrow(path: string, schema: Schema, count: number, batch: (i: number) => { metadata: Uint8Array; body: Uint8Array }, format: 'stream' | 'file'): Promise<void> {
  const out = await Output.create(path);
  if (format === 'file') await out.write(new Uint8Array([...ARROW_MAGIC, 0, 0]));
  await out.write(framed(Message.encode(Message.from(schema))));
  const blocks: FileBlock[] = [];
  for (let i = 0; i < count; i++) {
    const { metadata, body } = batch(i);
    if (format === 'file') blocks.push(new FileBlock(metadata.length, body.length, out.position));
    await out.write(metadata);
    await out.write(body);
  }
  await out.write(EOS);
  if (format === 'file') {
    const footer = Footer.encode(new Footer(schema, MetadataVersion.V5, blocks, []));
    const tail = new Uint8Array(4);
    new DataView(tail.buffer).setInt32(0, footer.length, true);
    await out.write(footer);
    await out.write(tail);
    await out.write(ARROW_MAGIC);
  }
  await out.close();
}

/** An Arrow IPC stream (or file) of `fields` non-null int32 columns in one batch of `rows` rows. */
export async function writeWideArrow(path: string, fields = 100_000, rows = 4, format: 'stream' | 'file' = 'stream'): Promise<void> {
  const schema = new Schema(Array.from({ length: fields }, (_, c) => new Field(wideName(c), new Int32(), false)));
  const stride = Math.ceil((rows * 4) / 8) * 8;
  const body = new Uint8Array(stride * fields);
  const view = new DataView(body.buffer);
  const buffers: BufferRegion[] = [];
  for (let c = 0; c < fields; c++) {
    for (let r = 0; r < rows; r++) view.setInt32(c * stride + r * 4, wideValue(c, r), true);
    buffers.push(new BufferRegion(c * stride, 0), new BufferRegion(c * stride, stride));
  }
  const nodes = Array.from({ length: fields }, () => new FieldNode(rows, 0));
  const metadata = framed(Message.encode(Message.from(new RecordBatchHeader(rows, nodes, buffers, null), body.length)));
  await writeArrow(path, schema, 1, () => ({ metadata, body }), format);
}

/** An Arrow IPC stream (or file) of one int32 column "n" in `batches` record batches of 0 rows. */
export async function writeManyEmptyBatches(path: string, batches = 1_000_000, format: 'stream' | 'file' = 'stream'): Promise<void> {
  const schema = new Schema([new Field('n', new Int32(), true)]);
  const header = new RecordBatchHeader(0, [new FieldNode(0, 0)], [new BufferRegion(0, 0), new BufferRegion(0, 0)], null);
  const message = { metadata: framed(Message.encode(Message.from(header, 0))), body: new Uint8Array(0) };
  await writeArrow(path, schema, batches, () => message, format);
}
