import type { CellText } from '../compute/rowWindow';
import { chunkOfRow } from '../compute/rowLocator';
import type { Dataset } from '../model/types';
import { readFilteredWindow } from './filteredRowWindow';
import type { ViewRowWindow } from './protocol';

/** Chunks read at once (each a few small reads per column). */
const PARALLEL_CHUNKS = 6;

/**
 * Display text of the given file rows (in any order: a sorted view's) as view rows `start`,
 * `start + 1`…, each with its file row number. The rows are grouped by chunk and read as the filtered
 * view reads its matches (nearby rows as one range), several chunks at a time, then put back in view order.
 */
export async function readSortedWindow(dataset: Dataset, start: number, fileRows: readonly number[], columns: number[], signal?: AbortSignal): Promise<ViewRowWindow> {
  const n = fileRows.length;
  const out: ViewRowWindow = { start, count: n, columns: columns.map(() => new Array<CellText>(n)), errors: columns.map(() => null), chunkStarts: [], rowNumbers: [...fileRows] };
  const positions = Array.from(fileRows.keys()).sort((a, b) => fileRows[a] - fileRows[b]);
  // Runs of positions (ascending by file row) that fall in one chunk.
  const groups: number[][] = [];
  let end = -1;
  for (const p of positions) {
    const row = fileRows[p];
    if (row >= end || !groups.length) {
      const c = chunkOfRow(dataset.chunks, row);
      end = c < 0 ? row + 1 : dataset.chunks[c].rowOffset + dataset.chunks[c].rows;
      groups.push([]);
    }
    groups[groups.length - 1].push(p);
  }
  let next = 0;
  const worker = async () => {
    while (next < groups.length) {
      const group = groups[next++];
      const window = await readFilteredWindow(dataset, 0, group.map((p) => fileRows[p]), columns, signal);
      window.errors.forEach((e, k) => (out.errors[k] ??= e));
      group.forEach((p, i) => columns.forEach((_, k) => (out.columns[k][p] = window.columns[k][i])));
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_CHUNKS, groups.length) }, worker));
  return out;
}
