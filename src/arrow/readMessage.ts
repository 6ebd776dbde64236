import type { MessageHeader } from 'apache-arrow';
import * as flatbuffers from 'flatbuffers';
import { Message, MessageFb, MessageHeaderFb, RecordBatchHeader } from '../adapters/apacheArrowInternals';
import type { ByteSource } from '../model/byteSource';
import { DatasetError } from '../model/errors';
import { customMetadata } from '../valueText/metadataText';

const CONTINUATION = 0xffffffff;
/** Metadata flatbuffers are small; anything beyond this is a corrupt length, not a real header. */
export const MAX_METADATA_BYTES = 64 * 1024 * 1024;

/** Where one IPC message sits in the file, with its decoded metadata. */
export interface MessageAt {
  offset: number;
  metadataOffset: number;
  metadataLength: number;
  bodyOffset: number;
  bodyLength: number;
  /** Offset of the next message. */
  end: number;
  message: Message<MessageHeader>;
}

/**
 * A read-ahead window over a source: consecutive small reads are served from one bigger read.
 * It also keeps the fastest time seen for a small read: the source's fixed cost per read.
 */
export class ReadWindow {
  private start = 0;
  private bytes: Uint8Array = new Uint8Array(0);
  /** Lowest observed milliseconds for a read of at most 64 KiB. */
  readLatencyMs = Infinity;
  constructor(readonly source: ByteSource) {}

  private readonly prefetched = new Map<number, Promise<Uint8Array>>();

  /**
   * Starts reads at offsets where the next messages probably are (batches written at a fixed size
   * follow each other at a fixed stride), so their latency overlaps. A guess is only used when a
   * message really starts there; a wrong one costs one small read.
   */
  prefetch(offsets: number[], length: number, signal?: AbortSignal): void {
    for (const offset of offsets) {
      if (offset + 8 > this.source.size || this.prefetched.has(offset)) continue;
      const read = this.source.read(offset, length, signal);
      read.catch(() => {});
      this.prefetched.set(offset, read);
    }
  }

  async get(offset: number, length: number, readAhead: number, signal?: AbortSignal): Promise<Uint8Array> {
    if (offset >= this.start && offset + length <= this.start + this.bytes.length) {
      return this.bytes.subarray(offset - this.start, offset - this.start + length);
    }
    if (readAhead >= READ_THROUGH) return this.readThrough(offset, length, signal);
    const guessed = this.prefetched.get(offset);
    if (guessed) {
      for (const key of this.prefetched.keys()) if (key <= offset) this.prefetched.delete(key);
      const bytes = await guessed;
      if (length <= bytes.length) {
        this.start = offset;
        this.bytes = bytes;
        return bytes.subarray(0, length);
      }
    } else if (this.prefetched.size > 0) {
      for (const key of this.prefetched.keys()) if (key < offset) this.prefetched.delete(key);
    }
    this.blocks.clear();
    const size = Math.max(length, readAhead);
    const started = performance.now();
    this.start = offset;
    this.bytes = await this.source.read(offset, size, signal);
    if (size <= 64 * 1024) this.readLatencyMs = Math.min(this.readLatencyMs, performance.now() - started);
    return this.bytes.subarray(0, Math.min(length, this.bytes.length));
  }

  /** Blocks being read ahead while reading through, by block number. */
  private readonly blocks = new Map<number, Promise<Uint8Array>>();

  private block(k: number, signal?: AbortSignal): Promise<Uint8Array> {
    let read = this.blocks.get(k);
    if (!read) {
      read = this.source.read(k * THROUGH_BLOCK, THROUGH_BLOCK, signal);
      read.catch(() => {});
      this.blocks.set(k, read);
    }
    return read;
  }

  /** `length` bytes at `offset` from the blocks read ahead (copied when they straddle two blocks). */
  private async readThrough(offset: number, length: number, signal?: AbortSignal): Promise<Uint8Array> {
    const first = Math.floor(offset / THROUGH_BLOCK);
    for (const k of this.blocks.keys()) if (k < first) this.blocks.delete(k);
    const last = Math.floor((this.source.size - 1) / THROUGH_BLOCK);
    for (let k = first; k < first + THROUGH_IN_FLIGHT && k <= last; k++) void this.block(k, signal);
    const bytes = await this.block(first, signal);
    const at = offset - first * THROUGH_BLOCK;
    if (at + length <= bytes.length || first === last) {
      this.start = first * THROUGH_BLOCK;
      this.bytes = bytes;
      return bytes.subarray(at, Math.min(at + length, bytes.length));
    }
    const out = new Uint8Array(Math.min(length, this.source.size - offset));
    out.set(bytes.subarray(at));
    for (let k = first + 1, filled = bytes.length - at; filled < out.length; k++) {
      const next = await this.block(k, signal);
      out.set(next.subarray(0, Math.min(next.length, out.length - filled)), filled);
      filled += next.length;
    }
    this.start = offset;
    this.bytes = out;
    return out;
  }
}

/**
 * Reading through a file, the window's bytes come from blocks of this size read ahead in file order,
 * several in flight: a browser's Blob reads and HTTP requests overlap, and big reads cost less per
 * byte (Chromium, measured on W3: 4 MiB one at a time ~140 MB/s, 16 MiB eight at a time ~700 MB/s).
 */
const THROUGH_BLOCK = 16 * 1024 * 1024;
const THROUGH_IN_FLIGHT = 8;
/** A read-ahead at least this big asks to read through rather than jump. */
export const READ_THROUGH = 4 * 1024 * 1024;

/**
 * Reads the framing and metadata of the message at `offset`: both the current form (0xFFFFFFFF,
 * int32 length) and the legacy pre-0.15 form (int32 length only). Returns null at end-of-stream.
 */
export async function readMessageAt(
  window: ReadWindow,
  offset: number,
  readAhead: number,
  signal?: AbortSignal,
): Promise<MessageAt | null> {
  const size = window.source.size;
  if (offset + 4 > size) return null;
  const prefix = await window.get(offset, 8, readAhead, signal);
  const view = new DataView(prefix.buffer, prefix.byteOffset, prefix.byteLength);
  let metadataOffset = offset + 4;
  let metadataLength = view.getUint32(0, true);
  if (metadataLength === CONTINUATION) {
    if (prefix.length < 8) throw new DatasetError('The file ends inside a message header.', { offset });
    metadataLength = view.getInt32(4, true);
    metadataOffset = offset + 8;
  }
  if (metadataLength === 0) return null;
  if (metadataLength < 0 || metadataLength > MAX_METADATA_BYTES) {
    throw new DatasetError(`Invalid message metadata length ${metadataLength}; this is not a valid Arrow IPC message.`, { offset });
  }
  if (metadataOffset + metadataLength > size) {
    throw new DatasetError(
      `The file is cut inside a message header: it needs ${metadataOffset + metadataLength} bytes but has ${size}.`,
      { offset },
    );
  }
  const metadata = await window.get(metadataOffset, metadataLength, readAhead, signal);
  let message: Message<MessageHeader>;
  checkHeaderVectors(metadata, offset);
  try {
    message = decodeMessage(metadata);
  } catch (e) {
    throw new DatasetError(`Could not decode the message metadata: ${flatbufferFailure(e)}.`, { offset });
  }
  const bodyOffset = metadataOffset + metadataLength;
  const bodyLength = message.bodyLength;
  if (!Number.isSafeInteger(bodyLength) || bodyLength < 0) {
    throw new DatasetError(`Invalid message body length ${bodyLength}.`, { offset });
  }
  return { offset, metadataOffset, metadataLength, bodyOffset, bodyLength, end: bodyOffset + bodyLength, message };
}

/** apache-arrow's decoding of a message, with its custom metadata as pyarrow shows it (customMetadata: a repeated key's first value, bytes that are not UTF-8 escaped). */
function decodeMessage(metadata: Uint8Array): Message<MessageHeader> {
  const message = Message.decode(metadata);
  if (message.metadata.size) {
    const shown = customMetadata(MessageFb.getRootAsMessage(new flatbuffers.ByteBuffer(metadata)));
    message.metadata.clear();
    for (const [key, value] of shown) message.metadata.set(key, value);
  }
  return message;
}

/** Re-reads and decodes the metadata of a message whose position is known (through the cache). */
export async function decodeMetadataAt(
  source: ByteSource,
  metadataOffset: number,
  metadataLength: number,
  signal?: AbortSignal,
): Promise<Message<MessageHeader>> {
  const bytes = await source.read(metadataOffset, metadataLength, signal);
  checkHeaderVectors(bytes, metadataOffset);
  try {
    return decodeMessage(bytes);
  } catch (e) {
    throw new DatasetError(`Could not decode the message metadata: ${flatbufferFailure(e)}.`, { offset: metadataOffset });
  }
}

/**
 * Why a flatbuffer (message metadata, a file footer) could not be decoded, in words about the file
 * rather than the decoder's: a number past 2^53, or offsets inside it pointing outside it.
 */
export function flatbufferFailure(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  const big = /^(-?\d+) is not safe to convert to a number/.exec(text);
  if (big) return `it holds the number ${big[1]}, too large for a length or position`;
  if (e instanceof RangeError || e instanceof TypeError) return 'its internal offsets point outside it (it is damaged)';
  return text.replace(/\.$/, '');
}

/** The message's header, a record batch given the message's custom metadata (apache-arrow keeps it on the Message). */
export function withBatchMetadata(message: Message<MessageHeader>): ReturnType<Message<MessageHeader>['header']> {
  const header = message.header();
  if (header instanceof RecordBatchHeader && message.metadata.size && !header.metadata.size) for (const [k, v] of message.metadata) header.metadata.set(k, v);
  return header;
}

/** The decoded header of a message, or a sentence naming the message's byte when it cannot be decoded (a number past 2^53, a damaged flatbuffer). */
export function messageHeader<T>(message: Message<MessageHeader>, offset: number): T {
  try {
    return withBatchMetadata(message) as T;
  } catch (e) {
    throw new DatasetError(`The message header at byte ${offset.toLocaleString('en-US')} could not be decoded: ${flatbufferFailure(e)}.`, { offset });
  }
}

/** Field nodes and buffers are 16-byte structs, variadic buffer counts 8-byte integers (vtable slots of RecordBatch). */
const BATCH_VECTORS: [slot: number, bytes: number, what: string][] = [
  [6, 16, 'field nodes'],
  [8, 16, 'buffers'],
  [12, 8, 'variadic buffer counts'],
];

/**
 * What a record batch (or dictionary batch) header lists must fit: no more nodes, buffers or counts
 * than its metadata has bytes for (apache-arrow would decode every one of a damaged count of 2^31,
 * minutes and gigabytes, before anything could say so), a row count from 0 to 2^53, and every node
 * and buffer number within ±2^53 (apache-arrow refuses those in its own words). Read from the raw
 * flatbuffer before apache-arrow decodes it; damage elsewhere is left to the decoder to report.
 */
function checkHeaderVectors(metadata: Uint8Array, offset: number): void {
  const problem = headerVectorProblem(metadata);
  if (problem) throw new DatasetError(`The message header at byte ${offset.toLocaleString('en-US')} ${problem}.`, { offset });
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * Why a message's type is not one read here, or null for a schema, record batch or dictionary batch
 * (apache-arrow says "Unrecognized Message type: { name: undefined, type: 163 }").
 */
function messageTypeProblem(type: number | undefined, bytes: number): string | null {
  if (type === MessageHeaderFb.Schema || type === MessageHeaderFb.RecordBatch || type === MessageHeaderFb.DictionaryBatch) return null;
  if (!Number.isInteger(type)) return `is damaged: its message type lies outside its ${bytes.toLocaleString('en-US')} bytes`;
  if (type === MessageHeaderFb.Tensor || type === MessageHeaderFb.SparseTensor) return `is a ${MessageHeaderFb[type!]} message, which an Arrow stream or file of record batches does not hold`;
  return `has message type ${type}, which Arrow does not define (it is damaged)`;
}

function headerVectorProblem(metadata: Uint8Array): string | null {
  try {
    const bb = new flatbuffers.ByteBuffer(metadata);
    const message = MessageFb.getRootAsMessage(bb);
    const type = message.headerType();
    const unread = messageTypeProblem(type, metadata.length);
    if (unread) return unread;
    if (type !== MessageHeaderFb.RecordBatch && type !== MessageHeaderFb.DictionaryBatch) return null;
    const table = message.header({ bb, bb_pos: 0 } as never) as unknown as { bb_pos: number } | null;
    if (!table) return null;
    let at = table.bb_pos;
    if (type === MessageHeaderFb.DictionaryBatch) {
      const data = bb.__offset(at, 6); // DictionaryBatch.data
      if (!data) return 'is a dictionary batch without its values (its record batch is missing)';
      at = bb.__indirect(at + data);
    }
    const lengthSlot = bb.__offset(at, 4); // RecordBatch.length
    const rows = lengthSlot ? bb.readInt64(at + lengthSlot) : 0n;
    if (rows < 0n || rows > MAX_SAFE) return `says its batch has ${rows.toLocaleString('en-US')} rows`;
    for (const [slot, bytes, what] of BATCH_VECTORS) {
      const o = bb.__offset(at, slot);
      if (!o) continue;
      const count = bb.__vector_len(at + o);
      if (count * bytes > metadata.length) {
        return `lists ${count.toLocaleString('en-US')} ${what}, more than its ${metadata.length.toLocaleString('en-US')} bytes can hold`;
      }
      const start = bb.__vector(at + o);
      for (let i = 0; i < (count * bytes) / 8; i++) {
        const value = bb.readInt64(start + 8 * i);
        if (value > MAX_SAFE || value < -MAX_SAFE) return `holds the number ${value} among its ${what}, too large for a length or position`;
      }
    }
  } catch {
    return null;
  }
  return null;
}
