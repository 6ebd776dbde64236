import type { Dataset } from '../../model/types';
import { matchingRows } from '../filter';
import type { ExportRequest } from './exportTypes';

/** Rows gathered and written per step: memory holds one group's values (and one chunk column's window) at a time. */
export const GROUP_ROWS = 65_536;

/** Rows of the whole file in output order, a bounded group at a time, and how far the walk got. */
export interface RowGroup {
  rows: Float64Array;
  /** Chunks of the file walked so far (for progress). */
  chunksDone: number;
}

/** How many rows the request writes when that is known before reading (no filter, or an order). */
export function knownTotal(dataset: Dataset, request: ExportRequest): number | null {
  if (request.filter && !request.order) return null;
  const all = request.order ? request.order.length : dataset.rows;
  const start = Math.min(request.start ?? 0, all);
  const end = Math.min(request.end ?? all, all, start + (request.limit ?? Infinity));
  return Math.max(0, end - start);
}

/** The rows to write, in order, in groups of at most `groupRows`. */
export async function* rowGroups(dataset: Dataset, request: ExportRequest, groupRows = GROUP_ROWS): AsyncGenerator<RowGroup> {
  await dataset.indexed;
  const start = request.start ?? 0;
  const limitEnd = start + (request.limit ?? Infinity);
  if (request.order) {
    const order = request.order;
    const end = Math.min(order.length, request.end ?? Infinity, limitEnd);
    for (let at = start; at < end; at += groupRows) yield { rows: order.subarray(at, Math.min(end, at + groupRows)), chunksDone: 0 };
    return;
  }
  if (request.filter) {
    const end = Math.min(request.end ?? Infinity, limitEnd);
    let pending: Float64Array[] = [];
    let size = 0;
    const flush = (chunksDone: number): RowGroup => {
      const rows = new Float64Array(size);
      let o = 0;
      for (const p of pending) {
        rows.set(p, o);
        o += p.length;
      }
      pending = [];
      size = 0;
      return { rows, chunksDone };
    };
    for await (const run of matchingRows(dataset, request.filter, { first: start, end, signal: request.signal })) {
      for (let at = 0; at < run.rows.length; ) {
        const take = Math.min(groupRows - size, run.rows.length - at);
        pending.push(run.rows.subarray(at, at + take));
        size += take;
        at += take;
        if (size === groupRows) yield flush(run.chunk + 1);
      }
    }
    if (size > 0) yield flush(dataset.chunks.length);
    return;
  }
  const end = Math.min(dataset.rows, request.end ?? Infinity, limitEnd);
  for (let at = start; at < end; at += groupRows) {
    const n = Math.min(groupRows, end - at);
    const rows = new Float64Array(n);
    for (let i = 0; i < n; i++) rows[i] = at + i;
    yield { rows, chunksDone: 0 };
  }
}
