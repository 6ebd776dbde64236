import type { ChunkDetail, Dataset } from '../../model/types';
import type { BoundExpr } from './boundFilter';
import { valueOutcomes } from './statsPruning';

/** The leaves of an expression, left to right. */
function leaves(e: BoundExpr, out: Extract<BoundExpr, { kind: 'leaf' }>[] = []): Extract<BoundExpr, { kind: 'leaf' }>[] {
  if (e.kind === 'leaf') out.push(e);
  else if (e.kind === 'not') leaves(e.operand, out);
  else leaves(e.right, leaves(e.left, out));
  return out;
}

/**
 * For each comparison or IN leaf on a column whose chunk keeps every value in its dictionary page
 * (Parquet, every data page dictionary-encoded), the results its non-null values may give: those of
 * the dictionary's entries, each taken as a chunk whose min and max are that entry. `cand_nm = 'X'`
 * on a row group whose dictionary lacks 'X' is false on every row, whatever its min and max. Only
 * columns holding at least `minBytes` in the chunk are looked at (their dictionary costs a read).
 */
export async function dictionaryOutcomes(dataset: Dataset, expr: BoundExpr, chunk: number, detail: ChunkDetail, minBytes: number, signal?: AbortSignal): Promise<Map<BoundExpr, number> | null> {
  if (!dataset.dictionaryValues) return null;
  const out = new Map<BoundExpr, number>();
  const read = new Map<number, Promise<string[] | null>>();
  for (const leaf of leaves(expr)) {
    if (leaf.leaf.test !== 'compare' && leaf.leaf.test !== 'in') continue;
    if (leaf.statistics === 'none') continue;
    const info = detail.columns[leaf.column];
    if (!info?.dictionaryPage || info.bytes < minBytes) continue;
    let values = read.get(leaf.column);
    if (!values) read.set(leaf.column, (values = dataset.dictionaryValues(chunk, leaf.column, signal)));
    const entries = await values;
    if (!entries) continue;
    let outcomes = 0;
    for (const text of entries) {
      outcomes |= valueOutcomes(leaf.columnKind, leaf.leaf, { column: leaf.column, bytes: 0, stats: { min: text, max: text, exact: true } }, 'any');
      if ((outcomes & 7) === 7) break;
    }
    out.set(leaf, outcomes);
  }
  return out.size ? out : null;
}
