import type { Data } from 'apache-arrow';
import type { Dataset } from '../../model/types';
import { TimeSlicer } from '../timeSlice';
import { ArrowWriter } from './arrowWriter';
import type { BatchWriter } from './batchWriter';
import { CsvWriter } from './csvWriter';
import { ExportError, type ExportProgress, type ExportRequest, type ExportResult, type ExportSink } from './exportTypes';
import { ChunkColumnCache, gatherColumn, gatherText, partsOf } from './gatherGroup';
import { ParquetWriter } from './parquetWriter';
import { GROUP_ROWS, knownTotal, rowGroups } from './rowGroups';
import { TakeError, unsupportedTake } from './takeData';

/** The writer of `request.format` for `columns` (refusing a column the format cannot hold). */
export async function writerFor(dataset: Dataset, request: ExportRequest, columns: number[], sink: ExportSink): Promise<BatchWriter> {
  const fields = dataset.schema.fields;
  if (request.format === 'csv') return new CsvWriter(sink, columns.map((c) => fields[c].name), request.formulaGuard ?? true);
  for (const c of columns) {
    const why = unsupportedTake(fields[c].type);
    const shown = dataset.fields[c]?.type;
    if (why) throw new ExportError(`Column "${fields[c].name}" cannot be exported as ${request.format === 'parquet' ? 'Parquet' : 'Arrow'} yet (${shown && shown.length <= 80 ? `${shown} columns` : why} are not written); leave the column out, or export CSV.`, { column: fields[c].name });
  }
  if (request.format === 'parquet') {
    const wasm = await (request.parquetWasm ?? (() => import('parquet-wasm')))();
    return new ParquetWriter(sink, dataset.schema, columns, wasm, request.rowGroupRows);
  }
  return new ArrowWriter(sink, dataset.schema, columns, request.format === 'arrow');
}

/**
 * Writes the rows a request asks for (all rows, a filter's matches or a sort's order; a range of them;
 * a limit; chosen columns) to `sink` as CSV, Arrow IPC stream or file, or Parquet, a bounded group of
 * rows at a time: a group is gathered chunk window by chunk window and column by column, written, and
 * let go before the next, so memory never holds the whole result. Closes the sink when done (not on
 * failure: the caller decides what to do with a partial file).
 */
export async function exportRows(dataset: Dataset, request: ExportRequest, sink: ExportSink): Promise<ExportResult> {
  await dataset.indexed;
  const columns = request.columns ?? dataset.schema.fields.map((_, i) => i);
  for (const c of columns) if (!dataset.schema.fields[c]) throw new ExportError(`There is no column #${c}: the file has ${dataset.schema.fields.length} columns.`);
  const writer = await writerFor(dataset, request, columns, sink);
  const { signal } = request;
  const slicer = new TimeSlicer(signal);
  const progress: ExportProgress = { rowsWritten: 0, rowsTotal: knownTotal(dataset, request), chunksDone: 0, chunks: dataset.chunks.length, bytesWritten: 0 };
  const extensions = columns.map((c) => dataset.fields[c]?.extension);
  // rows in sorted order revisit every chunk in every group: whole chunk columns are kept (bounded)
  const cache = request.order && !request.orderAscending && request.order.length > (request.groupRows ?? GROUP_ROWS) ? new ChunkColumnCache() : undefined;
  try {
    for await (const group of rowGroups(dataset, request, request.groupRows)) {
      signal?.throwIfAborted();
      const parts = partsOf(dataset, group.rows);
      const n = group.rows.length;
      if (writer.wants === 'text') {
        const texts: (string | null)[][] = [];
        for (const [k, c] of columns.entries()) {
          texts.push(await gatherText(dataset, parts, c, extensions[k], signal, cache));
          await slicer.tick();
        }
        await writer.write(texts, n);
      } else {
        const datas: Data[] = [];
        for (const c of columns) {
          try {
            datas.push(await gatherColumn(dataset, parts, c, dataset.schema.fields[c].type, signal, cache));
            await slicer.tick();
          } catch (e) {
            if (e instanceof TakeError) throw new ExportError(`Column "${dataset.schema.fields[c].name}" cannot be exported: ${e.message}.`, { column: dataset.schema.fields[c].name });
            throw e;
          }
        }
        await writer.write(datas, n);
      }
      progress.rowsWritten += n;
      progress.chunksDone = Math.max(progress.chunksDone, group.chunksDone);
      progress.bytesWritten = writer.bytes;
      request.onProgress?.({ ...progress });
      await slicer.tick();
    }
  } catch (e) {
    writer.abort?.(e);
    throw e;
  }
  return finishExport(writer, sink, progress, request);
}

/** The writer's last bytes written and the sink closed, the final progress told: how every export ends. */
export async function finishExport(writer: BatchWriter, sink: ExportSink, progress: ExportProgress, request: ExportRequest): Promise<ExportResult> {
  await writer.finish();
  await sink.close();
  progress.chunksDone = progress.chunks;
  progress.bytesWritten = writer.bytes;
  request.onProgress?.({ ...progress });
  return { rows: progress.rowsWritten, bytes: writer.bytes };
}
