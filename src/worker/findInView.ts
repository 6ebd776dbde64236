import { compileFilter, FilterSyntaxError, type BoundFilter } from '../compute/filter';
import type { Dataset } from '../model/types';
import type { KeptFilter } from './filterResults';
import type { FindMemories } from './findMemory';
import { findRow, type FindDirection, type FindStatus } from './findRow';
import type { FilterProblem } from './protocol';

/** A found row: its row in the file, and its row in the view (the file row, or its match number in a filtered view). */
export interface FoundRow {
  row: number;
  viewRow: number;
  /** The first column the expression reads (the cell to show). */
  column?: number;
}

/** The view searched, on top of FindStatus: `beyondView` when the match found is past the rows of a filtered view known so far. */
export interface FindSearch extends FindStatus {
  beyondView?: boolean;
}

/** What `find` answers: the nearest match (null when none) and how far it searched, or why the expression cannot run. */
export type FindAnswer = { found: FoundRow | null; status: FindSearch; problem?: undefined } | { problem: FilterProblem; found?: undefined; status?: undefined };

export const filterProblem = (e: FilterSyntaxError): FilterProblem => ({ message: e.message, offset: e.at.offset, length: e.length, line: e.at.line, column: e.at.column });

/**
 * "Find next / previous" in the Data view: the nearest row after or before view row `fromRow` where
 * `expression` (the WHERE language) is true. Without a filter, view rows are file rows; with one (`kept`),
 * view rows are its matches, and the search is for rows where the filter AND the expression are true,
 * from the file row of the current match. What each chunk gave is remembered per dataset, filter and
 * expression (`memories`), so repeating the find reads no chunk twice.
 */
export async function findInView(
  dataset: Dataset,
  memories: FindMemories,
  id: number,
  expression: string,
  fromRow: number,
  direction: FindDirection,
  kept: KeptFilter | null,
  signal?: AbortSignal,
  onChunk?: (s: FindStatus) => void,
): Promise<FindAnswer> {
  let bound: BoundFilter;
  try {
    bound = compileFilter(expression, dataset.fields, dataset.schema);
  } catch (e) {
    if (e instanceof FilterSyntaxError) return { problem: filterProblem(e) };
    throw e;
  }
  if (!kept) {
    const { row, status } = await findRow(dataset, bound, memories.of(id, expression), fromRow, direction, signal, onChunk);
    return { found: row === null ? null : { row, viewRow: row, column: bound.columns[0] }, status };
  }
  const view = compileFilter(kept.text, dataset.fields, dataset.schema);
  const both: BoundFilter = {
    text: `(${kept.text}) AND (${expression})`,
    expr: { kind: 'and', left: view.expr, right: bound.expr },
    columns: [...new Set([...view.columns, ...bound.columns])],
  };
  const known = kept.known;
  // Past the known matches: from the last known one (next finds only matches past the view: beyondView).
  const lastKnown = known > 0 ? kept.fileRows(known - 1, known)[0] : -1;
  const fileFrom = fromRow < 0 ? -1 : fromRow < known ? kept.fileRows(fromRow, fromRow + 1)[0] : direction === 'next' ? lastKnown : lastKnown + 1;
  // Chunks without a row of the view, or where a find of the expression alone found no match, hold none.
  const alone = memories.of(id, expression);
  const filterDone = kept.status().done;
  const holdsNone = (chunk: number) => {
    if (alone.known(chunk) === 'none') return true;
    const info = dataset.chunks[chunk];
    const at = kept.locate(info.rowOffset);
    // A match known past the chunk: every chunk before it is done, this one without a match.
    return at && at.after ? at.row >= info.rowOffset + info.rows : filterDone;
  };
  const { row, status } = await findRow(dataset, both, memories.of(id, `${kept.text}\u0000${expression}`), fileFrom, direction, signal, onChunk, holdsNone);
  if (row === null) return { found: null, status };
  const at = kept.locate(row);
  if (!at?.exact) return { found: null, status: { ...status, beyondView: true } };
  return { found: { row, viewRow: at.ordinal, column: bound.columns[0] }, status };
}
