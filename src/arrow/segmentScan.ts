import type { DatasetProblem } from '../model/errors';
import { readMessageAt, ReadWindow, type MessageAt } from './readMessage';
import { HEADER_READ, IndexAppender, readAheadFor, scannedMessage, scanRest, walkMessages, type ScanCallbacks, type ScannedMessage } from './scanStream';
import type { IpcIndex } from './ipcIndex';

/** Streams smaller than this are walked by one reader: segments pay off only over thousands of reads. */
export const SEGMENTED_MIN_BYTES = 64 * 1024 * 1024;
/** Reads slower than this are round trips (a remote file), which overlap: several walkers then pay off. */
export const SEGMENTED_MIN_LATENCY_MS = 10;
/** Readers walking at once: a browser's Blob reads overlap well up to about 16 in flight. */
const MAX_SEGMENTS = 16;
/** Messages walked from the schema before the walkers are sent, to see whether they repeat one size. */
const FIRST_MESSAGES = 3;
/** Bytes searched from a segment's start for the first message that begins there. */
const SEARCH_BYTES = 256 * 1024;
const CONTINUATION = 0xffffffff;
/** Batch headers a segment's walker keeps for the index (scannedHeaders.ts). */
const HEADERS_PER_SEGMENT = 64;

/** What one segment's reader found: messages from a guessed first message until past the segment. */
export interface Chain {
  messages: ScannedMessage[];
  /** Position in `messages` of each message's offset. */
  at: Map<number, number>;
  /** Offset after the last message walked. */
  end: number;
}

/**
 * Indexes a stream with several readers in flight: the stream is cut into segments, each searched for
 * the first message starting in it (a continuation marker and a header that decodes) and walked from
 * there to past its end, all at once. A message's successor depends only on the bytes, so a segment's
 * walk is right from the first offset the walk from the schema also reaches; the segments are joined
 * in order from such offsets, and wherever a guess was wrong (a marker inside a body, a damaged
 * message) the segment is walked again from the true offset, which also reports any problem as
 * `scanRest` does. Messages join the index in file order.
 */
export async function scanSegmented(
  index: IpcIndex,
  window: ReadWindow,
  start: number,
  callbacks: ScanCallbacks = {},
  /** Segments to cut the stream into (by default one per 16 MiB, at most 16). */
  segments?: number,
): Promise<DatasetProblem | null> {
  const { signal } = callbacks;
  const size = window.source.size;
  const appender = new IndexAppender(index, callbacks.onBatch);
  // A source that can stream (a File whose first reads were slow) streams: scanRest decides.
  if (segments === undefined && window.source.stream) return scanRest(index, window, start, callbacks);
  let begin = start;
  if (segments === undefined) {
    // Messages of one size are found sooner by reading the next headers ahead (walkMessages) than by
    // guessing: the first few decide, and the walkers start only when their sizes differ.
    const sizes: number[] = [];
    const first = await walkMessages(appender, window, begin, signal, () => {
      if (appender.added > sizes.length) sizes.push(appender.lastStride);
      return appender.added >= FIRST_MESSAGES;
    });
    if (first.done) return first.problem;
    if (sizes.every((n) => n === sizes[0])) {
      const rest = await walkMessages(appender, window, first.end, signal);
      return rest.done ? rest.problem : null;
    }
    begin = first.end;
  }
  const count = segments ?? Math.max(1, Math.min(MAX_SEGMENTS, Math.floor((size - begin) / (SEGMENTED_MIN_BYTES / 4))));
  const bounds = Array.from({ length: count + 1 }, (_, k) => (k === count ? size : begin + Math.floor(((size - begin) * k) / count / 8) * 8));
  // Segment 0 is walked from the schema by `walkMessages` itself (batches appear as found), the others guessed at once.
  const chains = bounds.slice(1, -1).map((from, k) => walkChain(ownWindow(window), from, bounds[k + 2], count, signal));
  return joinChains(appender, window, begin, bounds, chains, signal);
}

/**
 * Appends segment 0 walked from `begin` (through `first` when given: a window of its own, with its
 * fixed read-ahead), then each segment's chain from the first offset the walk reaches in it; where
 * none is reached the segment is walked exactly through `window`, which reports any problem as
 * `scanRest` does. `chains[k]` is the chain of segment k + 1 (`bounds[k + 1]`..`bounds[k + 2]`).
 */
export async function joinChains(
  appender: IndexAppender,
  window: ReadWindow,
  begin: number,
  bounds: number[],
  chains: Promise<Chain>[],
  signal?: AbortSignal,
  first?: { window: ReadWindow; readAhead: number },
): Promise<DatasetProblem | null> {
  chains.forEach((c) => c.catch(() => {}));
  const count = bounds.length - 1;
  let offset = begin;
  for (let k = 0; k < count; k++) {
    const chain = k === 0 ? null : await chains[k - 1].catch(() => null);
    let from = chain?.at.get(offset);
    if (from === undefined) {
      const stop = bounds[k + 1];
      const stopAt = (o: number) => o >= stop || chain?.at.has(o) === true;
      // Beside streamed parts an exact walk is alone in reading by `window`: it reads through small messages as scanRest does.
      const readers = first ? 1 : count;
      const walked = k === 0 && first ? await walkMessages(appender, first.window, offset, signal, stopAt, count, first.readAhead) : await walkMessages(appender, window, offset, signal, stopAt, readers);
      if (walked.done) return walked.problem;
      offset = walked.end;
      from = chain?.at.get(offset);
      if (from === undefined) continue;
    }
    for (let i = from; i < chain!.messages.length; i++) appender.add(chain!.messages[i]);
    offset = chain!.end;
  }
  const rest = await walkMessages(appender, window, offset, signal);
  return rest.done ? rest.problem : null;
}

/**
 * The walk from the first likely message at or after `from` to the first message at or past `stop`,
 * through `window` (its own); stops early at anything unusual. Headers are read with `fixedReadAhead`
 * bytes when given, else as `readAheadFor` says for `readers` walkers.
 */
export async function walkChain(window: ReadWindow, from: number, stop: number, readers: number, signal?: AbortSignal, fixedReadAhead?: number): Promise<Chain> {
  const chain: Chain = { messages: [], at: new Map(), end: from };
  let offset = await firstMessageAfter(window, from, signal);
  if (offset < 0) return chain;
  let readAhead = fixedReadAhead ?? HEADER_READ;
  while (offset < stop) {
    let at: MessageAt | null;
    try {
      at = await readMessageAt(window, offset, readAhead, signal);
    } catch {
      break;
    }
    if (!at || at.end > window.source.size) break;
    const message = scannedMessage(at, 0);
    if (!('end' in message)) break;
    chain.at.set(offset, chain.messages.length);
    // Decoded headers are kept for a segment's first messages only: thousands would hold megabytes until the chains join.
    if (chain.messages.length >= HEADERS_PER_SEGMENT) message.header = undefined;
    chain.messages.push(message);
    readAhead = fixedReadAhead ?? readAheadFor(at.bodyLength, window.readLatencyMs, readers);
    offset = at.end;
  }
  chain.end = offset;
  return chain;
}

/** A window of its own over `parent`'s source, with what `parent` measured of its reads. */
function ownWindow(parent: ReadWindow): ReadWindow {
  const window = new ReadWindow(parent.source);
  window.readLatencyMs = parent.readLatencyMs;
  return window;
}

/** Offset of the first 8-aligned continuation marker after `from` whose header decodes as a batch or dictionary message, or -1. */
async function firstMessageAfter(window: ReadWindow, from: number, signal?: AbortSignal): Promise<number> {
  const block = await window.get(from, Math.min(SEARCH_BYTES, window.source.size - from), SEARCH_BYTES, signal);
  const view = new DataView(block.buffer, block.byteOffset, block.byteLength);
  for (let i = (8 - (from % 8)) % 8; i + 8 <= block.length; i += 8) {
    if (view.getUint32(i, true) !== CONTINUATION) continue;
    const length = view.getInt32(i + 4, true);
    if (length <= 0 || i + 8 + length > block.length) continue;
    try {
      const at = await readMessageAt(window, from + i, HEADER_READ, signal);
      if (at && 'end' in scannedMessage(at, 0)) return from + i;
    } catch {
      if (signal?.aborted) throw signal.reason;
    }
  }
  return -1;
}
