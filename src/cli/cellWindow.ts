import type { Vector } from 'apache-arrow';
import { LocatedError, errorDetail, errorMessage } from '../model/errors';
import type { Dataset } from '../model/types';
import { chunkOfRow } from '../compute/rowLocator';
import { readRowWindow, type CellText } from '../compute/rowWindow';
import { vectorText } from '../valueText';
import type { ColumnRef } from './columnRef';

/** Text of a window of rows for several columns: `columns[k][r]`, and per column its first error. */
export interface CellWindow {
  columns: CellText[][];
  errors: (string | null)[];
}

/**
 * Rows [start, start + count) of the columns named: top-level columns through the app's own row
 * window (compute/rowWindow), fields inside structs by reading their top-level column and taking
 * the child, null where the struct around it is null (as pyarrow's flatten does).
 */
export async function readCells(dataset: Dataset, refs: readonly ColumnRef[], start: number, count: number, signal?: AbortSignal): Promise<CellWindow> {
  const out: CellWindow = { columns: refs.map(() => []), errors: refs.map(() => null) };
  const top = refs.flatMap((r, k) => (r.path.length === 0 ? [k] : []));
  if (top.length) {
    const window = await readRowWindow(dataset, start, count, top.map((k) => refs[k].column), signal);
    top.forEach((k, i) => {
      out.columns[k] = window.columns[i];
      out.errors[k] = window.errors[i];
    });
  }
  await Promise.all(
    refs.map(async (ref, k) => {
      if (ref.path.length === 0) return;
      const window = await readNested(dataset, ref, start, count, signal);
      out.columns[k] = window.cells;
      out.errors[k] = window.error;
    }),
  );
  return out;
}

async function readNested(dataset: Dataset, ref: ColumnRef, start: number, count: number, signal?: AbortSignal): Promise<{ cells: CellText[]; error: string | null }> {
  const cells: CellText[] = [];
  let error: string | null = null;
  const end = Math.min(dataset.rows, start + count);
  let row = start;
  while (row < end) {
    const c = chunkOfRow(dataset.chunks, row);
    if (c < 0) break;
    const chunk = dataset.chunks[c];
    const local = row - chunk.rowOffset;
    const take = Math.min(end - row, chunk.rows - local);
    try {
      const vector = await dataset.readColumn(c, ref.column, { start: local, end: local + take }, signal);
      for (const text of childText(vector, ref)) cells.push(text);
    } catch (e) {
      signal?.throwIfAborted();
      const message = e instanceof LocatedError ? errorMessage(e) : `Field "${ref.name}" of chunk ${c} could not be decoded: unexpected error (${errorDetail(e)}).`;
      error ??= message;
      const cell = { error: message };
      for (let i = 0; i < take; i++) cells.push(cell);
    }
    row += take;
  }
  return { cells, error };
}

/** The text of the struct field `ref.path` names inside a top-level vector, null wherever an enclosing struct is null. */
function childText(vector: Vector, ref: ColumnRef): (string | null)[] {
  const enclosing: Vector[] = [];
  let v: Vector = vector;
  for (const k of ref.path) {
    enclosing.push(v);
    const child = v.getChildAt(k);
    if (!child) throw new Error(`no child ${k} in the decoded ${String(v.type)}`);
    v = child;
  }
  const texts = vectorText(v, ref.field.extension);
  for (const parent of enclosing) {
    if (parent.nullCount === 0) continue;
    for (let i = 0; i < texts.length; i++) if (!parent.isValid(i)) texts[i] = null;
  }
  return texts;
}
