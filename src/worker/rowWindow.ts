import { formatVector } from '../compute/formatValue';
import type { Dataset } from '../model/types';
import { errorInfo } from './errorInfo';
import type { RowWindow } from './protocol';
import { chunkOfRow } from './rowLocator';

/**
 * Display text of rows [start, start + count) of the given columns, read chunk by chunk. A column
 * that fails to read shows nulls and its error; the other columns still show.
 */
export async function readRowWindow(dataset: Dataset, start: number, count: number, columns: number[], signal?: AbortSignal): Promise<RowWindow> {
  const chunks = dataset.chunks;
  const end = Math.min(dataset.rows, start + count);
  const out: RowWindow = { start, count: Math.max(0, end - start), columns: columns.map(() => []), errors: columns.map(() => null), chunkStarts: [] };
  let row = start;
  while (row < end) {
    const c = chunkOfRow(chunks, row);
    if (c < 0) break;
    const chunk = chunks[c];
    if (chunk.rowOffset === row) out.chunkStarts.push(row);
    const local = row - chunk.rowOffset;
    const take = Math.min(end - row, chunk.rows - local);
    await Promise.all(
      columns.map(async (col, k) => {
        try {
          const vector = await dataset.readColumn(c, col, { start: local, end: local + take }, signal);
          out.columns[k].push(...formatVector(vector));
        } catch (e) {
          signal?.throwIfAborted();
          out.errors[k] ??= errorInfo(e).message;
          for (let i = 0; i < take; i++) out.columns[k].push(null);
        }
      }),
    );
    row += take;
  }
  return out;
}
