import { DatasetError, LocatedError, errorDetail, errorMessage } from '../model/errors';
import type { Dataset } from '../model/types';
import { vectorText } from '../valueText';
import { chunkOfRow } from './rowLocator';

/** What one grid cell shows: the value's text, null, or why the value cannot be shown (never a silent null). */
export type CellText = string | null | { error: string };

/** A window of rows across chunks: `columns[c][r]` is the cell's display text, null, or its error. */
export interface RowWindow {
  start: number;
  count: number;
  columns: CellText[][];
  /** Per column, the first error that kept some of its values from being read (the other columns still show). */
  errors: (string | null)[];
  /** Global row indices at which a new chunk starts inside the window. */
  chunkStarts: number[];
}

/**
 * Display text of rows [start, start + count) of the given columns, read chunk by chunk. The cells of a
 * column that fails to read carry its error (shown as an error marker); the other columns still show.
 */
export async function readRowWindow(dataset: Dataset, start: number, count: number, columns: number[], signal?: AbortSignal): Promise<RowWindow> {
  const chunks = dataset.chunks;
  const end = Math.min(dataset.rows, start + count);
  const out: RowWindow = { start, count: Math.max(0, end - start), columns: columns.map(() => []), errors: columns.map(() => null), chunkStarts: [] };
  const fail = (k: number, rows: number, e: unknown, chunk?: number) => {
    const name = dataset.fields[columns[k]]?.name;
    // Engines name what failed and where; anything else is an engine defect, still said as a sentence.
    const message = e instanceof LocatedError || chunk === undefined ? errorMessage(e) : `Column "${name}" of chunk ${chunk} could not be decoded: unexpected error (${errorDetail(e)}).`;
    out.errors[k] ??= message;
    const cell: CellText = { error: message };
    for (let i = 0; i < rows; i++) out.columns[k].push(cell);
  };
  let row = start;
  while (row < end) {
    const c = chunkOfRow(chunks, row);
    if (c < 0) {
      const e = new DatasetError(`Row ${row.toLocaleString('en-US')} is in no chunk of the index.`);
      columns.forEach((_, k) => fail(k, end - row, e));
      break;
    }
    const chunk = chunks[c];
    if (chunk.rowOffset === row) out.chunkStarts.push(row);
    const local = row - chunk.rowOffset;
    const take = Math.min(end - row, chunk.rows - local);
    await Promise.all(
      columns.map(async (col, k) => {
        try {
          const vector = await dataset.readColumn(c, col, { start: local, end: local + take }, signal);
          if (vector.length !== take) {
            throw new DatasetError(`The batch gave ${vector.length.toLocaleString('en-US')} values where ${take.toLocaleString('en-US')} rows were asked for.`, { chunk: c, column: dataset.fields[col]?.name });
          }
          out.columns[k].push(...vectorText(vector, dataset.fields[col]?.extension));
        } catch (e) {
          signal?.throwIfAborted();
          fail(k, take, e, c);
        }
      }),
    );
    row += take;
  }
  return out;
}
