import { Type } from 'apache-arrow';
import { exportRows, ExportError, type ExportProgress, type ExportResult, type RowSequence } from '../compute/export';
import { everyRow, sharesOf, type ChunkRows } from '../compute/export/exportShares';
import { compileFilter } from '../compute/filter';
import { parseSortSpec, sortedRows, topRows, TOP_K_DEFAULT, SortKeyError, type SortKey } from '../compute/sort';
import { writerModule } from '../dataset/decoders';
import type { Dataset } from '../model/types';
import type { DiscardableSink } from './exportSinks';
import type { KeptFilter } from './filterResults';
import type { KeptSort } from './sortResults';
import type { ViewExport } from './protocol';
import { runExport, type ExportPool } from './pool/runExport';

/** A kept filter's matches in order (the filtered view's rows), read by ordinal a group at a time. */
function keptRows(kept: KeptFilter): RowSequence {
  return { length: kept.known, subarray: (start, end) => Float64Array.from(kept.fileRows(start, end)) };
}

/** A kept sort's rows (the sorted view's rows, on its filter), read by view row a group at a time. */
function sortedRowsOf(kept: KeptSort): RowSequence {
  return { length: kept.rows, subarray: (start, end) => Float64Array.from(kept.fileRowsOf(start, end)) };
}

/** `col[:desc][,col2]` as keys of the file's top-level columns, by name. */
function sortKeys(dataset: Dataset, spec: string): SortKey[] {
  const keys = parseSortSpec(spec);
  if (!keys) throw new SortKeyError(`"${spec}" is not a sort order (column[:desc], separated by commas).`);
  return keys.map((key) => {
    const column = dataset.fields.findIndex((f) => f.name === key.name);
    if (column < 0) throw new SortKeyError(`There is no column "${key.name}" to sort by.`);
    return { column, descending: key.descending };
  });
}

/**
 * The view's rows in its sort order: the first `need` by an exact top-K when that is few, else the full
 * order (which says so past 10M rows). A filter is sorted as its expression over the whole file: a
 * filter run cancelled midway sorts all its matches, not only those the view had.
 */
async function sortedView(dataset: Dataset, spec: string, kept: KeptFilter | undefined, need: number, signal?: AbortSignal): Promise<Float64Array> {
  const keys = sortKeys(dataset, spec);
  const filter = kept ? compileFilter(kept.text, dataset.fields, dataset.schema) : undefined;
  if (need <= TOP_K_DEFAULT) return (await topRows(dataset, keys, need, { filter, signal })).rows;
  return (await sortedRows(dataset, keys, { filter, signal })).rows;
}

/** The rows a Data view shows, as the engine keeps them: its sorted view (made on its filter), or its filter's matches. */
export interface KeptView {
  sorted?: KeptSort;
  filter?: KeptFilter;
}

/** A kept filter's matches by chunk, in file order. */
function* keptChunks(kept: KeptFilter): Generator<ChunkRows> {
  const { chunks, rows } = kept.matchesByChunk();
  for (let k = 0; k < chunks.length; k++) yield { chunk: chunks[k], rows: rows[k] };
}

/**
 * Rows in file order (every row, or a filter's matches) to a binary format go through shares gathered
 * in the compute pool; a sorted view and CSV go group by group through exportRows. An Arrow IPC file
 * with a dictionary column does too: it may not replace a dictionary, and each share brings its own.
 */
function inFileOrder(dataset: Dataset, request: ViewExport, view: KeptView): boolean {
  if (view.sorted || request.sort || request.format === 'csv') return false;
  const columns = request.columns ?? dataset.schema.fields.map((_, i) => i);
  return request.format !== 'arrow' || columns.every((c) => dataset.schema.fields[c]?.type.typeId !== Type.Dictionary);
}

/**
 * Writes what the Data view shows to `sink`: the tab's kept sorted view, else its kept filter's matches
 * (or every row) in `request.sort`'s order when given; its rows [start, end), its columns in their
 * order. Memory holds one group of rows at a time (compute/export), plus a sort's order when sorted.
 * The sink is closed when done; a cancel or failure discards it (no partial file stays), then the error goes on.
 */
export async function exportView(dataset: Dataset, request: ViewExport, view: KeptView, sink: DiscardableSink, signal?: AbortSignal, onProgress?: (p: ExportProgress) => void, pool?: ExportPool): Promise<ExportResult> {
  const kept = view.filter;
  try {
    await dataset.indexed;
    if (inFileOrder(dataset, request, view) && request.format !== 'csv') {
      for (const c of request.columns ?? []) if (!dataset.schema.fields[c]) throw new ExportError(`There is no column #${c}: the file has ${dataset.schema.fields.length} columns.`);
      const all = kept ? kept.known : dataset.rows;
      const start = Math.min(request.start ?? 0, all);
      const end = Math.max(start, Math.min(request.end ?? all, all));
      const shares = sharesOf(dataset, kept ? keptChunks(kept) : everyRow(dataset), start, end);
      const exportRequest = { format: request.format, columns: request.columns, signal, onProgress, parquetWasm: writerModule };
      return await runExport(dataset, exportRequest, shares, end - start, sink, pool);
    }
    let order: RowSequence | undefined;
    let ascending = false;
    if (view.sorted) order = sortedRowsOf(view.sorted);
    else if (request.sort) {
      const need = request.end ?? (kept ? kept.known : dataset.rows);
      order = await sortedView(dataset, request.sort, kept, need, signal);
    } else if (kept) {
      order = keptRows(kept);
      ascending = true;
    }
    return await exportRows(
      dataset,
      {
        format: request.format,
        columns: request.columns,
        order,
        orderAscending: ascending,
        start: request.start,
        end: request.end,
        formulaGuard: request.formulaGuard,
        signal,
        onProgress,
        parquetWasm: writerModule,
      },
      sink,
    );
  } catch (e) {
    await sink.discard();
    throw e;
  }
}
