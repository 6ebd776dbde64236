import type { Vector } from 'apache-arrow';
import type { RowGroup } from 'hyparquet';
import type { DatasetProblem } from '../model/errors';
import type { FieldInfo } from '../model/types';
import type { ColumnSubset } from './columnSubset';
import type { RowGroupMeta } from './rowGroupMeta';

/** Leaf indices of the columns with no repeated field (one value per row in each leaf). */
function flatLeaves(subsets: ColumnSubset[]): number[] {
  const out: number[] = [];
  for (const s of subsets) {
    if (s.elements.some((e) => e.repetition_type === 'REPEATED')) continue;
    for (let leaf = s.firstLeaf; leaf < s.firstLeaf + s.leaves; leaf++) out.push(leaf);
  }
  return out;
}

/**
 * A row group whose footer row count its own column chunks contradict: a negative count, 0 rows while
 * they hold values, or columns with no repeated field (`flat`: their leaf indices) none of which holds
 * that count. Allocates nothing: it runs once per row group, and a file may have a million.
 */
function undeclared(rg: RowGroup, flat: readonly number[]): boolean {
  if (rg.num_rows < 0n) return true;
  if (rg.num_rows === 0n) return rg.columns.some((c) => (c.meta_data?.num_values ?? 0n) > 0n);
  let counted = false;
  for (const leaf of flat) {
    const n = rg.columns[leaf]?.meta_data?.num_values;
    if (n === undefined) continue;
    if (n === rg.num_rows) return false;
    counted = true;
  }
  return counted;
}

/** The readable column of a row group with the fewest bytes on disk. */
function smallestColumn(rg: RowGroup, subsets: ColumnSubset[], fields: FieldInfo[]): number | undefined {
  let best: number | undefined;
  let bestBytes = Infinity;
  subsets.forEach((s, c) => {
    const leaves = rg.columns.slice(s.firstLeaf, s.firstLeaf + s.leaves);
    if (fields[c].unsupported || leaves.length < s.leaves || leaves.some((l) => !l.meta_data)) return;
    const bytes = leaves.reduce((sum, l) => sum + Number(l.meta_data!.total_compressed_size), 0);
    if (bytes < bestBytes) [best, bestBytes] = [c, bytes];
  });
  return best;
}

/**
 * Row counts for the row groups whose footer count their column chunks contradict (0 rows while the
 * pages hold values, a writer's slip seen with bare repeated fields): pyarrow reads every row the
 * pages hold, so these are counted by decoding the row group's smallest column. Undefined when the
 * footer's counts all stand.
 */
export async function countUndeclaredRows(rowGroups: RowGroupMeta, subsets: ColumnSubset[], fields: FieldInfo[], load: (rowGroup: number, column: number) => Promise<Vector>): Promise<number[] | undefined> {
  // The footer's walk marks the row groups whose counts may be contradicted; only those are decoded.
  const marked = rowGroups.maybeUndeclared();
  if (!marked.length) return undefined;
  const flat = flatLeaves(subsets);
  const suspects = marked.filter((g) => undeclared(rowGroups.rowGroup(g), flat));
  if (!suspects.length) return undefined;
  const rows = Array.from(rowGroups.index.numRows.subarray(0, rowGroups.length), (n) => Math.max(0, n));
  for (const g of suspects) {
    const column = smallestColumn(rowGroups.rowGroup(g), subsets, fields);
    if (column === undefined) continue;
    try {
      rows[g] = (await load(g, column)).length;
    } catch {
      // Left as the footer says (0 for a negative count): reading the row group's columns reports what is wrong with them.
    }
  }
  return rows;
}

const count = (n: number) => n.toLocaleString('en-US');

/** The row groups whose pages hold another number of rows than their footer says, in one sentence (a file may have a million). */
export function recountedRowsProblem(declared: ArrayLike<number>, rows: number[]): DatasetProblem | null {
  const differ: number[] = [];
  // A row group whose recount failed keeps the footer's count (0 for a negative one): reading it says what is wrong.
  rows.forEach((n, g) => n !== Math.max(0, declared[g]) && differ.push(g));
  if (!differ.length) return null;
  const [g] = differ;
  const more = differ.length > 1 ? ` (and ${count(differ.length - 1)} other row group${differ.length > 2 ? 's' : ''})` : '';
  return {
    message: `The footer says row group ${count(g)} has ${count(declared[g])} rows, but its pages hold ${count(rows[g])}${more}.`,
    where: { chunk: g },
    stillWorks: 'Every row the pages hold is shown, as pyarrow reads them.',
  };
}
