import { FULL_ORDER_MAX, parseSortSpec, sortedRows, SortKeyError, TOP_K_DEFAULT, type SortKey, type SortProgress } from '../compute/sort';
import { chunkOfRow } from '../compute/rowLocator';
import { TimeSlicer } from '../compute/timeSlice';
import type { Dataset } from '../model/types';
import type { SourceSpec } from '../source/SourceSpec';
import { runTopRows } from './pool/runTopRows';
import type { KeptFilter } from './filterResults';
import type { SortStatusKey } from './protocol';
import { KeptSort } from './sortResults';

const n = (x: number) => x.toLocaleString('en-US');

/**
 * The keys of a sort written in the CLI's `--sort` syntax (`col[:desc][,col2]`): each a top-level
 * column by its exact name, or `#N` (0-based) for a name that syntax cannot hold (a comma, a colon).
 */
export function sortKeysOf(dataset: Dataset, spec: string): SortStatusKey[] {
  const parsed = parseSortSpec(spec);
  if (!parsed) throw new SortKeyError(`"${spec}" is not a sort: write columns separated by commas, each optionally followed by :desc (col:desc,col2).`);
  return parsed.map(({ name, descending }) => {
    let column = dataset.fields.findIndex((f) => f.name === name);
    const index = /^#(\d+)$/.exec(name);
    if (column < 0 && index && Number(index[1]) < dataset.fields.length) column = Number(index[1]);
    if (column < 0) throw new SortKeyError(`There is no column "${name}" to sort by.`, { column: name });
    return { column, name: dataset.fields[column].name, descending };
  });
}

/**
 * A kept filter's matches (those known, in file order) as each chunk's rows, chunk-relative: the rows a
 * sort of the filtered view orders. Copied a block of matches at a time, giving the thread back.
 */
async function matchesByChunk(dataset: Dataset, filter: KeptFilter, slicer: TimeSlicer): Promise<Map<number, Uint32Array>> {
  const chunks = dataset.chunks;
  const lists = new Map<number, number[]>();
  const known = filter.known;
  const BLOCK = 65_536;
  let list: number[] = [];
  let offset = 0;
  let end = 0;
  for (let a = 0; a < known; a += BLOCK) {
    for (const row of filter.fileRows(a, Math.min(known, a + BLOCK))) {
      if (row < offset || row >= end) {
        const chunk = chunkOfRow(chunks, row);
        if (chunk < 0) continue;
        offset = chunks[chunk].rowOffset;
        end = offset + chunks[chunk].rows;
        list = lists.get(chunk) ?? [];
        lists.set(chunk, list);
      }
      list.push(row - offset);
    }
    await slicer.tick();
  }
  const out = new Map<number, Uint32Array>();
  for (const [c, rows] of lists) out.set(c, Uint32Array.from(rows));
  return out;
}

/**
 * Sorts the dataset's rows (or `filter`'s matches) into `kept`: the full order when there are at most
 * `max` (FULL_ORDER_MAX) of them, in this worker in time slices (compute/sort gives the thread back every
 * few ms, so reads and cancels go on); else the exact first TOP_K_DEFAULT, with a sentence saying so,
 * as partial top-Ks of shares of the file in the compute pool merged here (pool/runTopRows.ts).
 */
export async function runSort(
  dataset: Dataset,
  kept: KeptSort,
  filter: KeptFilter | null,
  signal: AbortSignal,
  onProgress: (p: SortProgress) => void,
  max = FULL_ORDER_MAX,
  pool: { spec: SourceSpec | null; wasmUrl?: string } = { spec: null },
): Promise<void> {
  const keys: SortKey[] = kept.keys.map((k) => ({ column: k.column, descending: k.descending }));
  const slicer = new TimeSlicer(signal);
  const matches = filter ? await matchesByChunk(dataset, filter, slicer) : null;
  const rowsOf = matches ? (c: number) => matches.get(c) ?? new Uint32Array(0) : undefined;
  const options = { signal, rowsOf, onProgress };
  if (kept.candidates <= max) {
    const sorted = await sortedRows(dataset, keys, { ...options, max });
    kept.finish(sorted.rows, true);
    return;
  }
  const onRows = (rowsDone: number, rows: number) => onProgress({ chunksDone: 0, chunks: dataset.chunks.length, rowsDone, rows, candidates: kept.candidates });
  const top = await runTopRows(dataset, pool.spec, keys, TOP_K_DEFAULT, rowsOf, signal, onRows, pool.wasmUrl);
  const note = filter
    ? `the first ${n(top.rows.length)} of ${n(kept.candidates)} matching rows: a full order is built for up to ${n(max)} rows; narrow the filter for one`
    : `the first ${n(top.rows.length)} of ${n(kept.candidates)} rows: a full order is built for up to ${n(max)} rows; sort the filtered rows for one`;
  kept.finish(top.rows, top.complete, note);
}
