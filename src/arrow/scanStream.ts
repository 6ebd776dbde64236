import { MessageHeader } from 'apache-arrow';
import { type RecordBatchHeader, type DictionaryBatchHeader } from '../adapters/apacheArrowInternals';
import { decodeSchemaMessage } from './tolerantSchema';
import type { ByteSource } from '../model/byteSource';
import { DatasetError, type DatasetProblem } from '../model/errors';
import { flatbufferFailure, readMessageAt, ReadWindow, type MessageAt } from './readMessage';
import { applyDictionary } from './dictionaryState';
import { BatchTable, type DictionaryState, type IpcIndex } from './ipcIndex';

const HEADER_READ = 16 * 1024;
/** Read-through windows: one read covers many small messages. */
const COALESCED_READ = 4 * 1024 * 1024;
/** Sequential read speed assumed when weighing reading through a body against jumping over it. */
const BYTES_PER_MS = 500_000;

/**
 * Jump over a body with a new small read, or read through it? Jumping costs one read's fixed
 * latency (~1 ms for Blob.slice in a browser, ~10 µs for a Node file); reading through costs the
 * body's bytes at sequential speed. Many small batches in a browser read through; big ones jump.
 */
function readAheadFor(bodyLength: number, latencyMs: number): number {
  return bodyLength / BYTES_PER_MS < latencyMs ? COALESCED_READ : HEADER_READ;
}

export interface ScanCallbacks {
  /** Called after each batch is indexed (cheaply: the caller may throttle its own work). */
  onBatch?: () => void;
  signal?: AbortSignal;
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

/**
 * Indexes the messages after the schema from their headers alone, appending to `index` as it goes.
 * Problems (truncation, corrupt headers) end the scan and are returned; batches before them stay usable.
 */
export async function scanRest(
  index: IpcIndex,
  window: ReadWindow,
  start: number,
  callbacks: ScanCallbacks = {},
): Promise<DatasetProblem | null> {
  const size = window.source.size;
  let offset = start;
  let readAhead = HEADER_READ;
  let dictionaries: DictionaryState = new Map();
  let lastStride = -1;
  for (;;) {
    let at: MessageAt | null;
    try {
      at = await readMessageAt(window, offset, readAhead, callbacks.signal);
    } catch (e) {
      if (callbacks.signal?.aborted) throw e;
      return problemFrom(e, offset, index.batches.length);
    }
    if (!at) return null; // end-of-stream marker or end of file
    if (at.end > size) {
      return {
        message: `The file is cut at byte ${size.toLocaleString('en-US')}, inside the body of message at byte ${at.offset.toLocaleString('en-US')} (${at.bodyLength.toLocaleString('en-US')}-byte body).`,
        where: { offset: at.offset, chunk: index.batches.length },
        stillWorks: `The ${index.batches.length} batches before the cut can be explored.`,
      };
    }
    readAhead = readAheadFor(at.bodyLength, window.readLatencyMs);
    const stride = at.end - at.offset;
    if (readAhead === HEADER_READ && stride === lastStride) {
      window.prefetch([1, 2, 3, 4, 5, 6, 7, 8].map((k) => at.end + k * stride), HEADER_READ, callbacks.signal);
    }
    lastStride = stride;
    const header = at.message.headerType;
    let decoded: RecordBatchHeader | DictionaryBatchHeader;
    try {
      decoded = at.message.header() as RecordBatchHeader | DictionaryBatchHeader;
    } catch (e) {
      return problemFrom(new Error(`The message header at byte ${at.offset} could not be decoded: ${flatbufferFailure(e)}.`), at.offset, index.batches.length);
    }
    if (header === MessageHeader.RecordBatch) {
      index.batches.add({
        rows: (decoded as RecordBatchHeader).length,
        offset: at.offset,
        metadataOffset: at.metadataOffset,
        metadataLength: at.metadataLength,
        bodyOffset: at.bodyOffset,
        bodyLength: at.bodyLength,
        dictionaries,
      });
      callbacks.onBatch?.();
    } else if (header === MessageHeader.DictionaryBatch) {
      const db = decoded as DictionaryBatchHeader;
      const entry = index.dictionaries.length;
      index.dictionaries.push({
        id: db.id,
        isDelta: db.isDelta,
        offset: at.offset,
        metadataOffset: at.metadataOffset,
        metadataLength: at.metadataLength,
        bodyOffset: at.bodyOffset,
        bodyLength: at.bodyLength,
      });
      dictionaries = applyDictionary(dictionaries, db.id, entry, db.isDelta);
    } else {
      return {
        message: `Unexpected ${MessageHeader[header] ?? header} message in the middle of the stream.`,
        where: { offset: at.offset, chunk: index.batches.length },
        stillWorks: `The ${index.batches.length} batches before it can be explored.`,
      };
    }
    offset = at.end;
  }
}

function problemFrom(e: unknown, offset: number, batches: number): DatasetProblem {
  const message = e instanceof Error ? e.message : String(e);
  return {
    message,
    where: { offset, chunk: batches },
    stillWorks: batches > 0 ? `The ${batches} batches before byte ${offset.toLocaleString('en-US')} can be explored.` : undefined,
  };
}
