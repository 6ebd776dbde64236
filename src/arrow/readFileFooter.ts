import { MessageHeader } from 'apache-arrow';
import { type RecordBatchHeader, type DictionaryBatchHeader } from '../adapters/apacheArrowInternals';
import { decodeFooter, type DecodedFooter } from './tolerantSchema';
import type { ByteSource } from '../model/byteSource';
import { DatasetError, type DatasetProblem } from '../model/errors';
import { flatbufferFailure, messageHeader, readMessageAt, ReadWindow, MAX_METADATA_BYTES, type MessageAt } from './readMessage';
import { applyDictionary } from './dictionaryState';
import { BatchTable, type DictionaryState, type IpcIndex } from './ipcIndex';

const MAGIC = 'ARROW1';
const TAIL = 10; // int32 footer length + "ARROW1"
const HEADER_READ = 16 * 1024;
const COALESCED_READ = 4 * 1024 * 1024;
const FAR_APART = 64 * 1024;
const PARALLEL_READS = 16;
const GROUP = 1024;

/**
 * Indexes an IPC file (Feather V2) from its footer: one read for the tail and footer, then the
 * small metadata of each block (coalesced when blocks are close together).
 */
export async function readFooterIndex(
  source: ByteSource,
  signal?: AbortSignal,
): Promise<{ index: IpcIndex; problem: DatasetProblem | null }> {
  const size = source.size;
  if (size < 6 + 2 + TAIL) throw new DatasetError(`The file is too short (${size} bytes) to be an Arrow IPC file.`, { offset: 0 });
  const tail = await source.read(size - TAIL, TAIL, signal);
  const magic = new TextDecoder().decode(tail.subarray(4));
  if (magic !== MAGIC) {
    throw new DatasetError(
      'The file starts with ARROW1 but does not end with it: it is truncated or damaged, and without the footer at its end it cannot be read.',
      { offset: size - 6 },
      undefined,
    );
  }
  const footerLength = new DataView(tail.buffer, tail.byteOffset).getInt32(0, true);
  const footerOffset = size - TAIL - footerLength;
  if (footerLength <= 0 || footerLength > MAX_METADATA_BYTES || footerOffset < 8) {
    throw new DatasetError(`Invalid footer length ${footerLength}.`, { offset: size - TAIL });
  }
  let footer: DecodedFooter;
  try {
    footer = decodeFooter(await source.read(footerOffset, footerLength, signal));
  } catch (e) {
    throw new DatasetError(`The footer (${footerLength.toLocaleString('en-US')} bytes at byte ${footerOffset.toLocaleString('en-US')}) could not be decoded: ${flatbufferFailure(e)}.`, { offset: footerOffset });
  }
  const index: IpcIndex = { schema: footer.schema, metadataVersion: footer.metadataVersion, unsupported: footer.unsupported, bigEndian: footer.bigEndian, batches: new BatchTable(), dictionaries: [] };
  const window = new ReadWindow(source);
  let problem: DatasetProblem | null = null;

  // Messages carry their own metadata version, which is the one readers decode them by (Arrow 0.14.1
  // wrote a file of no batches with V1 in its footer over a V4 schema): the first message read gives the file's.
  let messageVersion: number | undefined;
  let dictionaries: DictionaryState = new Map();
  for (const block of footer.dictionaryBatches) {
    const at = await readBlock(window, block.offset, footerOffset, signal);
    messageVersion ??= at.message.version;
    if (at.message.headerType !== MessageHeader.DictionaryBatch) {
      throw new DatasetError('A footer dictionary block does not point at a dictionary batch.', { offset: block.offset });
    }
    const db = messageHeader<DictionaryBatchHeader>(at.message, at.offset);
    index.dictionaries.push({ id: db.id, isDelta: db.isDelta, offset: at.offset, metadataOffset: at.metadataOffset, metadataLength: at.metadataLength, bodyOffset: at.bodyOffset, bodyLength: at.bodyLength });
    dictionaries = applyDictionary(dictionaries, db.id, index.dictionaries.length - 1, db.isDelta);
  }

  // Far-apart blocks: read their headers in parallel (each read's latency overlaps the others);
  // close-together blocks: one read-ahead window covers many of them. Each header is indexed as soon
  // as it is read and then dropped: a million blocks must not mean a million decoded messages held.
  const blocks = footer.recordBatches;
  const spread = footerOffset / Math.max(1, blocks.length);
  const readOne = (offset: number, w: ReadWindow, readAhead: number) =>
    readBlock(w, offset, footerOffset, signal, readAhead).then(
      (at) => ({ at }),
      (error: unknown) => ({ error }),
    );
  const add = (h: { at: MessageAt } | { error: unknown }, i: number): boolean => {
    try {
      if ('error' in h) throw h.error;
      const at = h.at;
      if (at.message.headerType !== MessageHeader.RecordBatch) {
        throw new DatasetError('A footer record batch block does not point at a record batch.', { offset: at.offset });
      }
      const rb = messageHeader<RecordBatchHeader>(at.message, at.offset);
      messageVersion ??= at.message.version;
      index.batches.add({ rows: rb.length, offset: at.offset, metadataOffset: at.metadataOffset, metadataLength: at.metadataLength, bodyOffset: at.bodyOffset, bodyLength: at.bodyLength, dictionaries });
      return true;
    } catch (e) {
      if (signal?.aborted) throw e;
      problem = {
        message: (e as Error).message,
        where: { offset: blocks[i].offset, chunk: index.batches.length },
        stillWorks: `The ${index.batches.length} batches before it can be explored.`,
      };
      return false;
    }
  };
  if (spread > FAR_APART) {
    // In groups, so that the headers in flight stay few whatever the number of blocks.
    for (let start = 0; start < blocks.length; start += GROUP) {
      const group = await mapLimit(blocks.slice(start, start + GROUP), PARALLEL_READS, (b) => readOne(b.offset, new ReadWindow(source), HEADER_READ));
      if (!group.every((h, k) => add(h, start + k))) break;
    }
  } else {
    for (let i = 0; i < blocks.length; i++) if (!add(await readOne(blocks[i].offset, window, COALESCED_READ), i)) break;
  }
  // No batch at all: the schema message at the file's start (after the magic) says it.
  if (messageVersion === undefined && blocks.length === 0 && footer.dictionaryBatches.length === 0) messageVersion = (await readMessageAt(window, 8, HEADER_READ, signal).catch(() => undefined))?.message.version;
  if (messageVersion !== undefined) index.metadataVersion = messageVersion;
  return { index, problem };
}

/** Runs `f` over `items` with at most `limit` calls in flight, keeping the order of results. */
async function mapLimit<T, R>(items: readonly T[], limit: number, f: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await f(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

async function readBlock(window: ReadWindow, offset: number, limit: number, signal?: AbortSignal, readAhead = HEADER_READ) {
  if (!Number.isSafeInteger(offset) || offset < 8 || offset >= limit) {
    throw new DatasetError(`A footer block points at byte ${offset}, outside the file's data.`, { offset });
  }
  const at = await readMessageAt(window, offset, readAhead, signal);
  if (!at) throw new DatasetError('A footer block points at an end-of-stream marker.', { offset });
  if (at.end > limit) throw new DatasetError(`The message at byte ${offset} runs past the footer (its body ends at byte ${at.end}).`, { offset });
  return at;
}
