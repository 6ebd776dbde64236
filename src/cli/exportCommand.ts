import { open, realpath, rename, rm } from 'node:fs/promises';
import { exportRows, ExportError, type ExportSink } from '../compute/export';
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
    result = await exportRows(
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
  if (request.json) await io.out.write(`${jsonText({ out: request.out, format: request.outFormat, rows: result.rows, bytes: result.bytes })}\n`);
  else await io.out.write(`${n(result.rows)} row${result.rows === 1 ? '' : 's'} written to ${escapeText(request.out)} (${size(result.bytes)})\n`);
  return 0;
}
