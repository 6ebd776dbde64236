import type { Vector } from 'apache-arrow';
import { DatasetError } from '../../model/errors';
import type { ChunkDetail, Dataset } from '../../model/types';
import type { BoundExpr, BoundFilter } from './boundFilter';
import { FALSE, NULL, TRUE, leafKernel } from './leafKernel';
import { chunkOutcomes, outcomeDecides } from './statsPruning';
import { PAGE_INDEX_MIN_BYTES, pagePlan, type RowSegment } from './pagePruning';
import { dictionaryOutcomes } from './dictionaryPruning';
import { recycleColumn } from '../recycleColumn';
import { TimeSlicer } from '../timeSlice';

/** What one chunk gives: how many of its rows match, and which (chunk-relative, ascending) when asked. */
export interface ChunkMatches {
  chunk: number;
  rows: number;
  matched: number;
  /** Decided by statistics or null counts alone, without reading values. */
  skipped: boolean;
  indices?: Uint32Array;
  /** Parquet: decided (`skipped`) by the dictionary pages of the filter's columns, beside their statistics. */
  byDictionary?: boolean;
  /** Parquet with a page index: pages of the filter's columns, and those decided without reading values. */
  pages?: number;
  pagesSkipped?: number;
}

export interface MatchOptions {
  signal?: AbortSignal;
  /** Also return the matching rows' indices (else only the count). */
  indices?: boolean;
  /** Decide whole chunks, and pages with a page index, from statistics when they can (default true). */
  statistics?: boolean;
  /** Read a page index or a dictionary page only when the filter's columns (the leaf's column) hold at least this many bytes in the chunk (default PAGE_INDEX_MIN_BYTES). */
  pageIndexMinBytes?: number;
  /** The chunk's detail when the caller already has it (statistics, null counts). */
  detail?: ChunkDetail;
}

/** Rows evaluated per step: between steps the work gives the thread back (every few ms) and checks for cancellation. */
const SLICE = 1 << 16;

const AND = Uint8Array.of(FALSE, FALSE, FALSE, FALSE, TRUE, NULL, FALSE, NULL, NULL);
const OR = Uint8Array.of(FALSE, TRUE, NULL, TRUE, TRUE, TRUE, NULL, TRUE, NULL);
const NOT = Uint8Array.of(TRUE, FALSE, NULL);

const allIndices = (rows: number) => {
  const out = new Uint32Array(rows);
  for (let i = 0; i < rows; i++) out[i] = i;
  return out;
};

/**
 * The rows of one chunk that match a bound filter (three-valued logic: a row matches only when the
 * expression is true, never when it is null). A pure function of dataset, chunk and filter: the
 * engine, the compute pool and the CLI call it chunk by chunk. It reads only the columns the filter
 * uses, and none when the chunk's statistics decide it; the right side of an AND whose left side is
 * false on every row is never read.
 */
export async function matchChunk(dataset: Dataset, filter: BoundFilter, chunk: number, options: MatchOptions = {}): Promise<ChunkMatches> {
  const { signal } = options;
  const info = dataset.chunks[chunk];
  if (!info) throw new DatasetError(`There is no chunk ${chunk}.`);
  const rows = info.rows;
  /** With a page index: the rows to evaluate (the rest decided by their pages' statistics). */
  let segments: RowSegment[] | undefined;
  let pageCounts: { pages: number; pagesSkipped: number } | undefined;
  if (options.statistics !== false && rows > 0) {
    const detail = options.detail ?? (await dataset.chunkDetail(chunk, signal));
    let decided = outcomeDecides(chunkOutcomes(filter.expr, rows, detail));
    const minBytes = options.pageIndexMinBytes ?? PAGE_INDEX_MIN_BYTES;
    const known = decided === null ? await dictionaryOutcomes(dataset, filter.expr, chunk, detail, minBytes, signal) : null;
    if (known) decided = outcomeDecides(chunkOutcomes(filter.expr, rows, detail, known));
    if (decided !== null) {
      const matched = decided ? rows : 0;
      return { chunk, rows, matched, skipped: true, ...(known ? { byDictionary: true } : {}), ...(options.indices ? { indices: decided ? allIndices(rows) : new Uint32Array(0) } : {}) };
    }
    const plan = await pagePlan(dataset, filter.expr, chunk, rows, detail, signal, minBytes, known ?? undefined);
    if (plan) {
      pageCounts = { pages: plan.pages, pagesSkipped: plan.pagesSkipped };
      if (plan.segments.every((g) => g.decided !== null)) return fromSegments(chunk, rows, plan.segments, options.indices === true, pageCounts);
      segments = plan.segments;
    }
  }
  signal?.throwIfAborted();
  const slicer = new TimeSlicer(signal);
  const vectors = new Map<number, Promise<Vector>>();
  const column = (c: number) => {
    let v = vectors.get(c);
    if (!v) {
      v = dataset.readColumn(chunk, c, undefined, signal, { recyclable: true }).then((vector) => {
        if (vector.length !== rows) throw new DatasetError(`The chunk gave ${vector.length.toLocaleString('en-US')} values of "${dataset.fields[c]?.name}" where it has ${rows.toLocaleString('en-US')} rows.`, { chunk, column: dataset.fields[c]?.name });
        return vector;
      });
      v.catch(() => {}); // awaited where used; a column never used must not be an unhandled rejection
      vectors.set(c, v);
    }
    return v;
  };

  const evaluate = async (e: BoundExpr): Promise<Uint8Array> => {
    if (e.kind === 'not') {
      const r = await evaluate(e.operand);
      for (let i = 0; i < r.length; i++) r[i] = NOT[r[i]];
      return r;
    }
    if (e.kind !== 'leaf') {
      const left = await evaluate(e.left);
      const decided = e.kind === 'and' ? FALSE : TRUE;
      if (left.every((v) => v === decided)) return left;
      const right = await evaluate(e.right);
      const table = e.kind === 'and' ? AND : OR;
      for (let i = 0; i < rows; i++) left[i] = table[left[i] * 3 + right[i]];
      return left;
    }
    const vector = await column(e.column);
    const out = new Uint8Array(rows);
    let base = 0;
    for (const data of vector.data) {
      const kernel = leafKernel(data, e.columnKind, e.leaf);
      for (const [start, end] of toRead) {
        // The rows of this range in this piece of the vector, in slices.
        for (let from = Math.max(start, base); from < Math.min(end, base + data.length); from += SLICE) {
          const to = Math.min(end, base + data.length, from + SLICE);
          kernel(from - base, to - base, out, from);
          await slicer.tick();
        }
      }
      base += data.length;
    }
    return out;
  };
  // Rows outside `toRead` hold no meaningful leaf results: their final answer is set from their pages.
  const toRead: [number, number][] = segments ? segments.filter((g) => g.decided === null).map((g) => [g.start, g.end]) : [[0, rows]];

  const result = await evaluate(filter.expr);
  // The columns were only evaluated: their bytes go back to the source for the next chunk's reads.
  for (const v of vectors.values()) v.then(recycleColumn, () => {});
  for (const g of segments ?? []) if (g.decided !== null) result.fill(g.decided ? TRUE : FALSE, g.start, g.end);
  // Without branches (TRUE is the only result with bit 0 set): where about half the rows match, a branch per row is mispredicted half the time.
  let matched = 0;
  for (let i = 0; i < rows; i++) matched += result[i] & TRUE;
  if (!options.indices) return { chunk, rows, matched, skipped: false, ...pageCounts };
  // Every row writes its index at the next free place, which only a match keeps: one place to spare.
  const spare = new Uint32Array(matched + 1);
  for (let i = 0, k = 0; i < rows; i++) {
    spare[k] = i;
    k += result[i] & TRUE;
  }
  return { chunk, rows, matched, skipped: false, indices: spare.subarray(0, matched), ...pageCounts };
}

/** A chunk every page of which its page index decides: no values read. */
function fromSegments(chunk: number, rows: number, segments: RowSegment[], withIndices: boolean, pageCounts: { pages: number; pagesSkipped: number }): ChunkMatches {
  let matched = 0;
  for (const g of segments) if (g.decided) matched += g.end - g.start;
  if (!withIndices) return { chunk, rows, matched, skipped: true, ...pageCounts };
  const indices = new Uint32Array(matched);
  let k = 0;
  for (const g of segments) if (g.decided) for (let i = g.start; i < g.end; i++) indices[k++] = i;
  return { chunk, rows, matched, skipped: true, indices, ...pageCounts };
}
