import { tableFromIPC, type Data } from 'apache-arrow';
import type { Dataset } from '../../model/types';
import { finishExport, writerFor } from './exportRows';
import type { ExportProgress, ExportRequest, ExportResult, ExportSink } from './exportTypes';
import type { ExportShare, GatheredShare, SharePart } from './gatherShare';
import { GROUP_ROWS } from './rowGroups';

/** One chunk's rows to write: chunk-relative, ascending, or null for every row of the chunk. */
export interface ChunkRows {
  chunk: number;
  rows: Uint32Array | null;
}

/** Gathers one share somewhere (a compute worker, or this thread). */
export type ShareGatherer = (share: ExportShare) => Promise<GatheredShare>;

/**
 * Chunks' rows in output order as shares of at most `shareRows` rows (a chunk with more is split; a
 * share spans chunks with fewer, never splitting one that fits), the output's rows [start, end) only (by ordinal).
 */
export function* sharesOf(dataset: Dataset, chunks: Iterable<ChunkRows>, start = 0, end = Infinity, shareRows = GROUP_ROWS): Generator<ExportShare> {
  let seen = 0;
  let parts: SharePart[] = [];
  let size = 0;
  for (const { chunk, rows } of chunks) {
    if (seen >= end) break;
    const count = rows ? rows.length : dataset.chunks[chunk].rows;
    const from = Math.max(0, start - seen);
    const to = Math.min(count, end - seen);
    seen += count;
    // a chunk goes whole into one share when it fits in one: read (a Parquet row group decoded) by one gatherer, once
    if (size > 0 && size + (to - from) > shareRows) {
      yield { parts, rows: size };
      parts = [];
      size = 0;
    }
    for (let at = from; at < to; ) {
      const take = Math.min(shareRows - size, to - at);
      parts.push(rows ? { chunk, start: rows[at], end: rows[at + take - 1] + 1, rows: rows.subarray(at, at + take) } : { chunk, start: at, end: at + take, rows: null });
      size += take;
      at += take;
      if (size >= shareRows) {
        yield { parts, rows: size };
        parts = [];
        size = 0;
      }
    }
  }
  if (size > 0) yield { parts, rows: size };
}

/** Every row of the file, chunk by chunk. */
export function* everyRow(dataset: Dataset): Generator<ChunkRows> {
  for (const c of dataset.chunks) if (c.rows > 0) yield { chunk: c.index, rows: null };
}

/**
 * Writes shares of rows in their order, gathered by `gatherers` (each takes the next share when free):
 * at most `ahead` shares are gathered or waiting to be written at once, so memory stays bounded while
 * the writer (Parquet encoding, Arrow IPC) runs beside the gathering. Closes the sink when done; on a
 * failure the caller discards it.
 */
export async function exportShares(dataset: Dataset, request: ExportRequest, shares: Iterable<ExportShare>, gatherers: ShareGatherer[], sink: ExportSink, rowsTotal: number | null, ahead = gatherers.length + 2): Promise<ExportResult> {
  const columns = request.columns ?? dataset.schema.fields.map((_, i) => i);
  const writer = await writerFor(dataset, request, columns, sink);
  const progress: ExportProgress = { rowsWritten: 0, rowsTotal, chunksDone: 0, chunks: dataset.chunks.length, bytesWritten: 0 };
  const free = [...gatherers];
  const waiting: ((g: ShareGatherer) => void)[] = [];
  const gather = async (share: ExportShare): Promise<GatheredShare> => {
    const g = free.pop() ?? (await new Promise<ShareGatherer>((resolve) => waiting.push(resolve)));
    try {
      return await g(share);
    } finally {
      const next = waiting.shift();
      if (next) next(g);
      else free.push(g);
    }
  };
  const queue = shares[Symbol.iterator]();
  const pending: { share: ExportShare; result: Promise<GatheredShare> }[] = [];
  const more = () => {
    const next = queue.next();
    if (next.done) return false;
    const result = gather(next.value);
    result.catch(() => {}); // awaited in order below
    pending.push({ share: next.value, result });
    return true;
  };
  try {
    while (pending.length < ahead && more());
    while (pending.length) {
      request.signal?.throwIfAborted();
      const { share, result } = pending.shift()!;
      const gathered = await result;
      more();
      const batches = tableFromIPC(gathered.ipc).batches;
      if (batches.length !== 1) throw new Error(`A gathered share came back as ${batches.length} record batches.`);
      const datas: Data[] = batches[0].data.children;
      if (writer.writeIpc) await writer.writeIpc(gathered.ipc, datas, gathered.rows);
      else await writer.write(datas, gathered.rows);
      progress.rowsWritten += gathered.rows;
      progress.chunksDone = Math.max(progress.chunksDone, share.parts[share.parts.length - 1].chunk + 1);
      progress.bytesWritten = writer.bytes;
      request.onProgress?.({ ...progress });
    }
  } catch (e) {
    writer.abort?.(e);
    throw e;
  }
  return finishExport(writer, sink, progress, request);
}
