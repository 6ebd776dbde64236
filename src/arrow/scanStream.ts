import { MessageHeader } from 'apache-arrow';
import { type RecordBatchHeader, type DictionaryBatchHeader } from '../adapters/apacheArrowInternals';
import { decodeSchemaMessage } from './tolerantSchema';
import type { ByteSource } from '../model/byteSource';
import { DatasetError, type DatasetProblem } from '../model/errors';
import { flatbufferFailure, readMessageAt, withBatchMetadata, ReadWindow, READ_THROUGH, type MessageAt } from './readMessage';
import { applyDictionary } from './dictionaryState';
import { BatchTable, type DictionaryState, type IpcIndex } from './ipcIndex';
import { ScannedHeaders } from './scannedHeaders';
import { scanStreamed, STREAMED_MIN_BYTES } from './streamScan';

export const HEADER_READ = 16 * 1024;
/** Read-through windows: one read covers many small messages (this size reads through in blocks ahead, readMessage.ts). */
const COALESCED_READ = READ_THROUGH;
/** Read-through window of one walker among several (segmentScan.ts). */
const WALKER_READ = 1024 * 1024;
/** Headers read ahead of a walk over batches of one size: from a local file, and from a remote one (several round trips' worth). */
const LOCAL_PREFETCH = 8;
const REMOTE_PREFETCH = 24;
/** Reads this slow are round trips to a server. */
export const REMOTE_LATENCY_MS = 10;
/** Sequential read speed assumed when weighing reading through a body against jumping over it. */
const BYTES_PER_MS = 500_000;

/**
 * Jump over a body with a new small read, or read through it? Jumping costs one read's fixed
 * latency (~1 ms for Blob.slice in a browser, ~10 µs for a Node file); reading through costs the
 * body's bytes at sequential speed. Many small batches in a browser read through; big ones jump.
 */
export function readAheadFor(bodyLength: number, latencyMs: number, readers = 1): number {
  if (bodyLength / BYTES_PER_MS >= latencyMs / readers) return HEADER_READ;
  // One of several walkers reads through in windows of its own, not the window's blocks read ahead (readMessage.ts: 128 MiB each).
  return readers > 1 ? WALKER_READ : COALESCED_READ;
}

export interface ScanCallbacks {
  /** Called after each batch is indexed (cheaply: the caller may throttle its own work). */
  onBatch?: () => void;
  signal?: AbortSignal;
}

/** One record batch or dictionary message as a scan finds it, before it joins the index. */
export interface ScannedMessage extends Omit<MessageAt, 'message'> {
  /** Rows of a record batch; -1 for a dictionary message. */
  rows: number;
  dictionaryId: number;
  isDelta: boolean;
  /** A record batch's decoded header. */
  header?: RecordBatchHeader;
}

/** Reads the stream's schema message; everything else is scanned by `scanRest`. */
export async function readStreamSchema(source: ByteSource, signal?: AbortSignal): Promise<{ index: IpcIndex; next: number; window: ReadWindow }> {
  const window = new ReadWindow(source);
  const first = await readMessageAt(window, 0, HEADER_READ, signal);
  if (!first) throw new DatasetError('The stream ends before its schema message.', { offset: 0 });
  if (first.message.headerType !== MessageHeader.Schema) {
    throw new DatasetError('This is not an Arrow IPC stream: the first message is not a schema.', { offset: 0 });
  }
  let decoded;
  try {
    decoded = decodeSchemaMessage(await window.get(first.metadataOffset, first.metadataLength, HEADER_READ, signal));
  } catch (e) {
    throw new DatasetError(`The schema could not be decoded: ${(e as Error).message}.`, { offset: 0 });
  }
  const { schema, unsupported, metadataVersion, bigEndian } = decoded;
  return { index: { schema, metadataVersion, unsupported, bigEndian, batches: new BatchTable(), dictionaries: [] }, next: first.end, window };
}

/** Appends scanned messages to an index in file order, keeping the dictionary state each batch sees. */
export class IndexAppender {
  private dictionaries: DictionaryState = new Map();
  /** Bytes of the last message added, header and body (-1 before one): a walk resumed later goes on from it. */
  lastStride = -1;
  /** Messages added so far. */
  added = 0;
  constructor(
    readonly index: IpcIndex,
    private readonly onBatch?: () => void,
  ) {}

  add(m: ScannedMessage): void {
    this.lastStride = m.end - m.offset;
    this.added++;
    const entry = { offset: m.offset, metadataOffset: m.metadataOffset, metadataLength: m.metadataLength, bodyOffset: m.bodyOffset, bodyLength: m.bodyLength };
    if (m.rows >= 0) {
      this.index.batches.add({ rows: m.rows, ...entry, dictionaries: this.dictionaries });
      if (m.header) (this.index.scannedHeaders ??= new ScannedHeaders()).keep(this.index.batches.length - 1, m.header, m.metadataLength);
      this.onBatch?.();
    } else {
      const at = this.index.dictionaries.length;
      this.index.dictionaries.push({ id: m.dictionaryId, isDelta: m.isDelta, ...entry });
      this.dictionaries = applyDictionary(this.dictionaries, m.dictionaryId, at, m.isDelta);
    }
  }
}

/** The record batch or dictionary message at `at`, or a problem (another message type, a header that does not decode). */
export function scannedMessage(at: MessageAt, batches: number): ScannedMessage | DatasetProblem {
  const header = at.message.headerType;
  let decoded: RecordBatchHeader | DictionaryBatchHeader;
  try {
    decoded = withBatchMetadata(at.message) as RecordBatchHeader | DictionaryBatchHeader;
  } catch (e) {
    return problemFrom(new Error(`The message header at byte ${at.offset} could not be decoded: ${flatbufferFailure(e)}.`), at.offset, batches);
  }
  const place = { offset: at.offset, metadataOffset: at.metadataOffset, metadataLength: at.metadataLength, bodyOffset: at.bodyOffset, bodyLength: at.bodyLength, end: at.end };
  if (header === MessageHeader.RecordBatch) return { ...place, rows: (decoded as RecordBatchHeader).length, dictionaryId: -1, isDelta: false, header: decoded as RecordBatchHeader };
  if (header === MessageHeader.DictionaryBatch) {
    const db = decoded as DictionaryBatchHeader;
    return { ...place, rows: -1, dictionaryId: db.id, isDelta: db.isDelta };
  }
  return {
    message: `Unexpected ${MessageHeader[header] ?? header} message in the middle of the stream.`,
    where: { offset: at.offset, chunk: batches },
    stillWorks: `The ${batches} batches before it can be explored.`,
  };
}

/** How a walk over messages ended: at the stream's end or a problem (done), or where `stopAt` said to stop. */
export type WalkEnd = { done: true; problem: DatasetProblem | null } | { done: false; end: number };

/**
 * Walks messages from `start` one header at a time, giving each to `appender`, until the stream ends,
 * a problem ends it, or `stopAt(offset)` is true for the next message's offset.
 */
export async function walkMessages(
  appender: IndexAppender,
  window: ReadWindow,
  start: number,
  signal?: AbortSignal,
  stopAt?: (offset: number) => boolean,
  /** Readers in flight beside this one: each read's fixed cost is shared, so jumping pays off sooner. */
  readers = 1,
  /** Bytes read at each header whatever the messages' sizes, none ahead (a walk served by a stream, streamScan.ts). */
  fixedReadAhead?: number,
): Promise<WalkEnd> {
  const index = appender.index;
  const size = window.source.size;
  let offset = start;
  let readAhead = fixedReadAhead ?? HEADER_READ;
  // Batches written at one size: the next headers are read ahead at once, as many as a round trip is worth.
  const ahead = window.readLatencyMs >= REMOTE_LATENCY_MS ? REMOTE_PREFETCH : LOCAL_PREFETCH;
  for (;;) {
    if (stopAt?.(offset)) return { done: false, end: offset };
    let at: MessageAt | null;
    try {
      at = await readMessageAt(window, offset, readAhead, signal);
    } catch (e) {
      if (signal?.aborted) throw e;
      return { done: true, problem: problemFrom(e, offset, index.batches.length) };
    }
    if (!at) return { done: true, problem: null }; // end-of-stream marker or end of file
    if (at.end > size) {
      return {
        done: true,
        problem: {
          message: `The file is cut at byte ${size.toLocaleString('en-US')}, inside the body of message at byte ${at.offset.toLocaleString('en-US')} (${at.bodyLength.toLocaleString('en-US')}-byte body).`,
          where: { offset: at.offset, chunk: index.batches.length },
          stillWorks: `The ${index.batches.length} batches before the cut can be explored.`,
        },
      };
    }
    readAhead = fixedReadAhead ?? readAheadFor(at.bodyLength, window.readLatencyMs, readers);
    const stride = at.end - at.offset;
    if (fixedReadAhead === undefined && readAhead === HEADER_READ && stride === appender.lastStride) {
      window.prefetch(Array.from({ length: ahead }, (_, k) => at.end + (k + 1) * stride), HEADER_READ, signal);
    }
    const message = scannedMessage(at, index.batches.length);
    if (!('end' in message)) return { done: true, problem: message };
    appender.add(message);
    offset = at.end;
  }
}

/**
 * Indexes the messages after the schema from their headers alone, appending to `index` as it goes.
 * Problems (truncation, corrupt headers) end the scan and are returned; batches before them stay usable.
 */
export async function scanRest(index: IpcIndex, window: ReadWindow, start: number, callbacks: ScanCallbacks = {}): Promise<DatasetProblem | null> {
  const appender = new IndexAppender(index, callbacks.onBatch);
  let from = start;
  if (window.source.stream && window.source.size - start >= STREAMED_MIN_BYTES) {
    // The first message says whether the walk would read through (small messages): a source that can
    // stream (a File) then streams the rest, several parts at once (streamScan.ts).
    const first = await walkMessages(appender, window, start, callbacks.signal, () => appender.added >= 1, 1, HEADER_READ);
    if (first.done) return first.problem;
    if (readAheadFor(appender.lastStride, window.readLatencyMs) >= READ_THROUGH) return scanStreamed(appender, window, first.end, callbacks);
    from = first.end;
  }
  const end = await walkMessages(appender, window, from, callbacks.signal);
  return end.done ? end.problem : null;
}

export function problemFrom(e: unknown, offset: number, batches: number): DatasetProblem {
  const message = e instanceof Error ? e.message : String(e);
  return {
    message,
    where: { offset, chunk: batches },
    stillWorks: batches > 0 ? `The ${batches} batches before byte ${offset.toLocaleString('en-US')} can be explored.` : undefined,
  };
}
