import type { ColumnPageIndex, IndexedPage } from '../../model/pageIndex';
import type { ChunkDetail, ColumnChunkInfo, Dataset } from '../../model/types';
import type { BoundExpr } from './boundFilter';
import { chunkOutcomes, outcomeDecides } from './statsPruning';

/** Rows [start, end) of a chunk and what the page index says of them: true/false for every row, null: read them. */
export interface RowSegment {
  start: number;
  end: number;
  decided: boolean | null;
}

export interface PagePlan {
  segments: RowSegment[];
  /** Pages of the filter's columns in this chunk (those with a page index). */
  pages: number;
  /** Those whose every row is decided without reading values. */
  pagesSkipped: number;
}

/**
 * Below this many bytes of the filter's columns in a chunk, their values are read rather than their
 * page index: a read of a few bytes costs a cached block (64 KiB) anyway, and a chunk is read whole.
 */
export const PAGE_INDEX_MIN_BYTES = 64 * 1024;

function leafColumns(e: BoundExpr, out = new Set<number>()): Set<number> {
  if (e.kind === 'leaf') out.add(e.column);
  else if (e.kind === 'not') leafColumns(e.operand, out);
  else leafColumns(e.right, leafColumns(e.left, out));
  return out;
}

/**
 * What a null count over `total` rows says of `rows` of them: none null, all null, or unknown (a
 * count between says nothing of a part, and one past `total` is impossible).
 */
function partNulls(nullCount: number | undefined, total: number, rows: number): number | undefined {
  if (nullCount === 0) return 0;
  if (nullCount === total) return rows;
  return undefined;
}

/** The page of `index` holding `row`, searched from `from` (rows are visited in order). */
function pageAt(index: ColumnPageIndex, row: number, from: number): number {
  let k = from;
  while (k + 1 < index.pages.length && index.pages[k + 1].firstRow <= row) k++;
  return k;
}

function pageColumn(column: number, page: IndexedPage, rows: number): ColumnChunkInfo {
  const nullCount = partNulls(page.stats.nullCount, page.rows, rows);
  return { column, bytes: 0, nullCount, stats: { ...page.stats, nullCount } };
}

function chunkColumn(c: ColumnChunkInfo, chunkRows: number, rows: number): ColumnChunkInfo {
  const nullCount = partNulls(c.nullCount ?? c.stats?.nullCount, chunkRows, rows);
  return { ...c, nullCount, stats: c.stats && { ...c.stats, nullCount } };
}

/**
 * The chunk cut where any of the filter's columns starts a page, each piece decided from the min/max
 * and null counts of the pages it lies in (statsPruning.ts's rules, a page standing for the chunk) and
 * adjacent pieces of the same answer merged. Null when no column the filter reads has a page index, or
 * when those columns hold fewer than `minBytes` in this chunk. `known`: what dictionaries say of some
 * leaves (dictionaryPruning.ts), true of every page.
 */
export async function pagePlan(dataset: Dataset, expr: BoundExpr, chunk: number, rows: number, detail: ChunkDetail, signal?: AbortSignal, minBytes = PAGE_INDEX_MIN_BYTES, known?: ReadonlyMap<BoundExpr, number>): Promise<PagePlan | null> {
  if (!dataset.pageIndex) return null;
  let bytes = 0;
  for (const c of leafColumns(expr)) bytes += detail.columns[c]?.bytes ?? 0;
  if (bytes < minBytes) return null;
  const indexes = new Map<number, ColumnPageIndex>();
  for (const c of leafColumns(expr)) {
    const index = await dataset.pageIndex(chunk, c, signal);
    if (index && index.pages.length) indexes.set(c, index);
  }
  if (indexes.size === 0) return null;
  const cuts = new Set<number>([0, rows]);
  for (const index of indexes.values()) for (const p of index.pages) if (p.firstRow < rows) cuts.add(p.firstRow);
  const bounds = [...cuts].sort((a, b) => a - b);
  const at = new Map<number, number>([...indexes.keys()].map((c) => [c, 0]));
  const segments: RowSegment[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const start = bounds[k];
    const end = bounds[k + 1];
    const columns: ColumnChunkInfo[] = [];
    for (const c of leafColumns(expr)) {
      const index = indexes.get(c);
      if (index) {
        const p = pageAt(index, start, at.get(c)!);
        at.set(c, p);
        columns[c] = pageColumn(c, index.pages[p], end - start);
      } else if (detail.columns[c]) {
        columns[c] = chunkColumn(detail.columns[c], rows, end - start);
      }
    }
    const decided = outcomeDecides(chunkOutcomes(expr, end - start, { ...detail, columns }, known));
    const last = segments[segments.length - 1];
    if (last && last.decided === decided) last.end = end;
    else segments.push({ start, end, decided });
  }
  let pages = 0;
  let pagesSkipped = 0;
  for (const index of indexes.values()) {
    let s = 0;
    for (const p of index.pages) {
      pages++;
      const end = p.firstRow + p.rows;
      while (s < segments.length && segments[s].end <= p.firstRow) s++;
      let read = false;
      for (let t = s; t < segments.length && segments[t].start < end; t++) if (segments[t].decided === null) read = true;
      if (!read) pagesSkipped++;
    }
  }
  return { segments, pages, pagesSkipped };
}
