import type { Dataset } from '../model/types';
import { readRowWindow } from '../compute/rowWindow';
import { chunkOfRow } from '../compute/rowLocator';
import type { ViewRowWindow } from './protocol';

/** Matches closer than this many rows are read as one range (the rows between are read and dropped). */
const GAP = 512;

/**
 * Display text of the given file rows (ascending: a filter's matches), as view rows `start`,
 * `start + 1`…: nearby rows are read as one contiguous window of the file, and each row carries its
 * file row number. A view row whose match is in another chunk than the match before it (`previousRow`,
 * the file row of match `start - 1`) is in `chunkStarts`.
 */
export async function readFilteredWindow(dataset: Dataset, start: number, fileRows: readonly number[], columns: number[], signal?: AbortSignal, previousRow?: number): Promise<ViewRowWindow> {
  const out: ViewRowWindow = { start, count: fileRows.length, columns: columns.map(() => []), errors: columns.map(() => null), chunkStarts: [], rowNumbers: [...fileRows] };
  let previous = previousRow === undefined ? -1 : chunkOfRow(dataset.chunks, previousRow);
  for (let k = 0; k < fileRows.length; k++) {
    const c = chunkOfRow(dataset.chunks, fileRows[k]);
    if (c !== previous && start + k > 0) out.chunkStarts.push(start + k);
    previous = c;
  }
  for (let i = 0; i < fileRows.length; ) {
    let j = i + 1;
    while (j < fileRows.length && fileRows[j] - fileRows[j - 1] <= GAP) j++;
    const first = fileRows[i];
    const window = await readRowWindow(dataset, first, fileRows[j - 1] - first + 1, columns, signal);
    columns.forEach((_, c) => {
      out.errors[c] ??= window.errors[c];
      for (let k = i; k < j; k++) out.columns[c].push(window.columns[c][fileRows[k] - first]);
    });
    i = j;
  }
  return out;
}
