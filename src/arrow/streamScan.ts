import type { DatasetProblem } from '../model/errors';
import { ReadWindow } from './readMessage';
import type { IndexAppender, ScanCallbacks } from './scanStream';
import { joinChains, walkChain } from './segmentScan';
import { StreamedBytes } from './streamedBytes';

/** Streams shorter than this are walked as before: a few parts streamed at once pay off over many megabytes. */
export const STREAMED_MIN_BYTES = 64 * 1024 * 1024;
/**
 * Parts streamed at once. Chromium, a File in a worker, 2 GB of W3 (page cache warm, load 8-12):
 * one stream 0.4-0.56 GB/s, two 0.62-0.75, four 0.77-1.5, eight 1.7; `slice().arrayBuffer()` in
 * 16 MiB blocks eight at a time 0.33-0.69 GB/s, 1-2 MiB blocks 0.2-0.47 GB/s.
 */
const STREAMS = 8;
/** A part is at least this long. */
const PART_MIN_BYTES = 16 * 1024 * 1024;
/** Bytes streamed past a part's end: the header of the message that straddles it. */
const PART_TAIL = 64 * 1024;
/** Bytes read at each header from a stream: framing and metadata (a bigger header is read in two). */
const STREAMED_READ_AHEAD = 4 * 1024;

/**
 * Indexes the rest of a stream of small messages from `start` (a message's exact offset) by reading
 * all of it as `STREAMS` streams at once: one part per stream, each walked from the first message
 * that starts in it (found as `scanSegmented` finds it) and joined in order where the walk from
 * `start` reaches it (segmentScan.ts `joinChains`): the index is the one walk from the schema gives,
 * and wherever a part's guess was wrong it is walked again exactly, reporting problems as `scanRest`.
 */
export async function scanStreamed(
  appender: IndexAppender,
  window: ReadWindow,
  start: number,
  callbacks: ScanCallbacks = {},
  /** Parts to cut the rest into (by default one per 16 MiB, at most `STREAMS`). */
  parts?: number,
): Promise<DatasetProblem | null> {
  const source = window.source;
  if (!source.stream) throw new Error('scanStreamed needs a source that streams.');
  const streaming = source as typeof source & { stream: NonNullable<typeof source.stream> };
  const { signal } = callbacks;
  const size = source.size;
  const count = parts ?? Math.max(1, Math.min(STREAMS, Math.floor((size - start) / PART_MIN_BYTES)));
  const bounds = Array.from({ length: count + 1 }, (_, k) => (k === count ? size : start + Math.floor(((size - start) * k) / count / 8) * 8));
  const streams: StreamedBytes[] = [];
  const streamedWindow = (k: number) => {
    const bytes = new StreamedBytes(streaming, bounds[k], Math.min(size, bounds[k + 1] + PART_TAIL));
    streams.push(bytes);
    return new ReadWindow(bytes);
  };
  const stop = () => streams.forEach((s) => void s.close());
  signal?.addEventListener('abort', stop, { once: true });
  try {
    const first = { window: streamedWindow(0), readAhead: STREAMED_READ_AHEAD };
    const chains = bounds.slice(1, -1).map((from, k) => walkChain(streamedWindow(k + 1), from, bounds[k + 2], count, signal, STREAMED_READ_AHEAD));
    // A part's stream is stopped once its chain is walked (it may have stopped early).
    chains.forEach((c, k) => void c.finally(() => void streams[k + 1].close()).catch(() => {}));
    return await joinChains(appender, window, start, bounds, chains, signal, first);
  } finally {
    signal?.removeEventListener('abort', stop);
    stop();
  }
}
