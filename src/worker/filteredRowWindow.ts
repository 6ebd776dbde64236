import { DatasetError, LocatedError, errorDetail, errorMessage } from '../model/errors';
import type { ChunkInfo, Dataset } from '../model/types';
import type { CellText } from '../compute/rowWindow';
import { chunkOfRow } from '../compute/rowLocator';
import { vectorValueText } from '../valueText';
import type { ViewRowWindow } from './protocol';

/** Matches closer than this many rows are read as one range. */
const GAP = 512;
/** What a read of a few rows of a column costs, in bytes: its validity, offsets and values, each at least one block of the read cache. */
const SMALL_READ = 3 * 64 * 1024;

/**
 * Ranges [a, b) of indices into `rows` (ascending), in [from, to), all in chunk `chunk`: nearby rows
 * together; or all in one range (one read per column) when the column's bytes over the rows they span
 * (estimated from the chunk's size) cost less than one small read per range.
 */
function ranges(rows: readonly number[], from: number, to: number, chunk: ChunkInfo, columns: number): [number, number][] {
  const out: [number, number][] = [];
  for (let a = from; a < to; ) {
    let b = a + 1;
    while (b < to && rows[b] - rows[b - 1] <= GAP) b++;
    out.push([a, b]);
    a = b;
  }
  const spanBytes = ((rows[to - 1] - rows[from] + 1) / Math.max(1, chunk.rows)) * (chunk.bytes / Math.max(1, columns));
  return out.length > 1 && spanBytes <= out.length * SMALL_READ ? [[from, to]] : out;
}

/**
 * Display text of the given file rows (ascending: a filter's matches) as view rows `start`,
 * `start + 1`…, each with its file row number: per chunk and column, nearby matches are read as one
 * range of rows (all of a chunk's when they span few rows), and only the matches get their text. A view row whose match is in another chunk than the
 * match before it (`previousRow`, the file row of match `start - 1`) is in `chunkStarts`. A column that
 * fails to read shows its error in its cells; the other columns still show.
 */
export async function readFilteredWindow(dataset: Dataset, start: number, fileRows: readonly number[], columns: number[], signal?: AbortSignal, previousRow?: number): Promise<ViewRowWindow> {
  const n = fileRows.length;
  const out: ViewRowWindow = { start, count: n, columns: columns.map(() => new Array<CellText>(n)), errors: columns.map(() => null), chunkStarts: [], rowNumbers: [...fileRows] };
  const chunks = dataset.chunks;
  const fail = (k: number, from: number, to: number, e: unknown, chunk?: number) => {
    const name = dataset.fields[columns[k]]?.name;
    const message = e instanceof LocatedError || chunk === undefined ? errorMessage(e) : `Column "${name}" of chunk ${chunk} could not be decoded: unexpected error (${errorDetail(e)}).`;
    out.errors[k] ??= message;
    for (let x = from; x < to; x++) out.columns[k][x] = { error: message };
  };
  let previous = previousRow === undefined ? -1 : chunkOfRow(chunks, previousRow);
  for (let i = 0; i < n; ) {
    const c = chunkOfRow(chunks, fileRows[i]);
    if (c < 0) {
      const e = new DatasetError(`Row ${fileRows[i].toLocaleString('en-US')} is in no chunk of the index.`);
      columns.forEach((_, k) => fail(k, i, n, e));
      break;
    }
    if (c !== previous && start + i > 0) out.chunkStarts.push(start + i);
    previous = c;
    const { rowOffset, rows } = chunks[c];
    let j = i + 1;
    while (j < n && fileRows[j] < rowOffset + rows) j++;
    const parts = ranges(fileRows, i, j, chunks[c], dataset.fields.length);
    // Every range of every column at once: the reads are small and the source serves them in parallel.
    await Promise.all(
      columns.flatMap((col, k) =>
        parts.map(async ([a, b]) => {
          const extension = dataset.fields[col]?.extension;
          try {
            const from = fileRows[a] - rowOffset;
            const to = fileRows[b - 1] - rowOffset + 1;
            const vector = await dataset.readColumn(c, col, { start: from, end: to }, signal);
            if (vector.length !== to - from) {
              throw new DatasetError(`The chunk gave ${vector.length.toLocaleString('en-US')} values where ${(to - from).toLocaleString('en-US')} rows were asked for.`, { chunk: c, column: dataset.fields[col]?.name });
            }
            for (let x = a; x < b; x++) out.columns[k][x] = vectorValueText(vector, fileRows[x] - rowOffset - from, extension);
          } catch (e) {
            signal?.throwIfAborted();
            fail(k, a, b, e, c);
          }
        }),
      ),
    );
    i = j;
  }
  return out;
}
