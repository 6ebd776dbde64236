import { open, realpath, rename, rm } from 'node:fs/promises';
import { Type } from 'apache-arrow';
import { exportRows, ExportError, writtenTypeChanges, type ExportResult, type ExportSink } from '../compute/export';
import { everyRow, exportShares, sharesOf, type ChunkRows } from '../compute/export/exportShares';
import { gatherShare } from '../compute/export/gatherShare';
import { matchChunk, type BoundFilter, type ChunkMatches } from '../compute/filter';
import type { Dataset } from '../model/types';
import type { OutFormat, RowSpan } from './args';
import { resolveColumn } from './columnRef';
import type { CommandIo } from './context';
import { fileFilter } from './countCommand';
import { InputError } from './errors';
import { escapeText, jsonText } from './escapeText';
import { n } from './numbers';
import { sortOrder, sortedSpan } from './sortCommand';

export interface ExportCommandRequest {
  file: string;
  out: string;
  outFormat: OutFormat;
  json: boolean;
  sort?: string;
  where?: string;
  rows?: RowSpan;
  limit?: number;
  columns?: string[];
  formulaGuard: boolean;
}

/** A file written through a Node file handle (File System Access createWritable() fits the same interface in the app). */
async function nodeFileSink(path: string): Promise<ExportSink> {
  const handle = await open(path, 'w');
  return {
    write: async (bytes) => {
      await handle.write(bytes);
    },
    close: () => handle.close(),
  };
}

async function samePath(a: string, b: string): Promise<boolean> {
  try {
    return (await realpath(a)) === (await realpath(b));
  } catch {
    return false;
  }
}

const size = (bytes: number) => (bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${n(bytes)} bytes`);

/** The filter's matches chunk by chunk (the next chunks read while one is evaluated). */
async function matchesByChunk(dataset: Dataset, filter: BoundFilter, onChunk: (done: number) => void): Promise<ChunkRows[]> {
  const out: ChunkRows[] = [];
  const pending: Promise<ChunkMatches>[] = [];
  const chunks = dataset.chunks.length;
  const start = (c: number) => {
    const p = matchChunk(dataset, filter, c, { indices: true });
    p.catch(() => {}); // awaited in order below
    pending.push(p);
  };
  for (let c = 0; c < Math.min(2, chunks); c++) start(c);
  for (let c = 0; c < chunks; c++) {
    const m = await pending.shift()!;
    if (c + 2 < chunks) start(c + 2);
    if (m.matched > 0) out.push({ chunk: c, rows: m.matched === m.rows ? null : m.indices! });
    onChunk(c + 1);
  }
  return out;
}

/**
 * Rows in file order (every row, or --where's matches) to a binary format: gathered a share of
 * consecutive chunks at a time, only the windows of rows holding matches read (gatherShare), as the
 * app does, by the command's threads when it has them; the filter's matches are found first. Null
 * when the request is not one of those.
 */
async function exportInFileOrder(dataset: Dataset, request: ExportCommandRequest, filter: BoundFilter | undefined, columns: number[] | undefined, span: { start: number; end: number }, sink: ExportSink, io: CommandIo): Promise<ExportResult | null> {
  const format = request.outFormat;
  if (request.sort !== undefined || format === 'csv') return null;
  const chosen = columns ?? dataset.schema.fields.map((_, i) => i);
  if (format === 'arrow' && chosen.some((c) => dataset.schema.fields[c].type.typeId === Type.Dictionary)) return null;
  const chunks = filter ? await matchesByChunk(dataset, filter, (done) => io.progress.update(done, dataset.chunks.length, 'chunks scanned')) : [...everyRow(dataset)];
  const all = chunks.reduce((sum, c) => sum + (c.rows ? c.rows.length : dataset.chunks[c.chunk].rows), 0);
  const start = Math.min(span.start, all);
  const end = Math.max(start, Math.min(span.end, all));
  const job = { format, columns: chosen };
  const onProgress = (p: { rowsWritten: number }) => io.progress.update(p.rowsWritten, end - start, 'rows written');
  // with threads, they gather while this thread writes (Parquet encoding); else this thread does both
  const gatherers = io.pool ? io.pool.pool.gatherers(io.pool.path, job) : [];
  if (gatherers.length === 0) gatherers.push((share) => gatherShare(dataset, job, share));
  try {
    return await exportShares(dataset, { format, columns: chosen, onProgress }, sharesOf(dataset, chunks, start, end), gatherers, sink, end - start);
  } catch (e) {
    await io.pool?.pool.close(); // threads mid-way through a failed export are not reused
    throw e;
  }
}

/**
 * `--out PATH`: the rows asked (all, --where's matches, in --sort's order; --rows A:B and --limit N by
 * position in that sequence; --columns) written as CSV, Arrow IPC file or stream, or Parquet, group by
 * group in bounded memory. Written to PATH.partial first and renamed when complete, so a failure or
 * Ctrl+C never leaves a file that looks whole. Prints `N rows written to PATH (size)` (or JSON).
 */
export async function exportCommand(dataset: Dataset, request: ExportCommandRequest, io: CommandIo): Promise<number> {
  if (await samePath(request.file, request.out)) throw new InputError(`--out ${request.out} is the file being read; write to another path.`);
  const filter = request.where === undefined ? undefined : fileFilter(dataset, request.where);
  const columns = request.columns?.map((name) => {
    const ref = resolveColumn(dataset, name);
    if (ref.path.length) throw new InputError(`--columns: "${ref.name}" is a field inside a struct; --out writes top-level columns.`);
    return ref.column;
  });
  await dataset.indexed;
  const span = sortedSpan(request.rows, request.limit, Infinity);
  let order: Float64Array | undefined;
  if (request.sort !== undefined) order = (await sortOrder(dataset, request.sort, filter, Math.min(span.end, dataset.rows), io)).rows;
  const partial = `${request.out}.partial`;
  const sink = await nodeFileSink(partial);
  io.progress.restart();
  let result: { rows: number; bytes: number };
  try {
    result = (await exportInFileOrder(dataset, request, filter, columns, span, sink, io)) ?? await exportRows(
      dataset,
      {
        format: request.outFormat,
        columns,
        filter: order ? undefined : filter,
        order,
        start: span.start,
        end: Number.isFinite(span.end) ? span.end : undefined,
        formulaGuard: request.formulaGuard,
        onProgress: (p) => {
          // a filter's match count is known only at the end: its --limit (or --rows) is the best total until then
          const total = p.rowsTotal ?? (Number.isFinite(span.end) ? span.end - span.start : null);
          if (total !== null) io.progress.update(p.rowsWritten, total, 'rows written');
          else io.progress.update(p.chunksDone, p.chunks, 'chunks scanned');
        },
      },
      sink,
    );
  } catch (e) {
    await sink.close().catch(() => {});
    await rm(partial, { force: true });
    if (e instanceof ExportError) throw new InputError(e.message);
    throw e;
  } finally {
    io.progress.clear();
  }
  await rename(partial, request.out);
  for (const note of writtenTypeChanges(dataset, columns ?? dataset.schema.fields.map((_, c) => c), request.outFormat)) io.warn(escapeText(note));
  if (request.json) await io.out.write(`${jsonText({ out: request.out, format: request.outFormat, rows: result.rows, bytes: result.bytes })}\n`);
  else await io.out.write(`${n(result.rows)} row${result.rows === 1 ? '' : 's'} written to ${escapeText(request.out)} (${size(result.bytes)})\n`);
  return 0;
}
