import type { EngineClient } from '../worker/client';
import type { CellText } from '../worker/protocol';
import { rangeColumns, rangeRows, toTsv, type CellRange } from './gridSelection';
import type { RowCache } from './rowCache';

/** Cells copied at once, at most: past this, the selection is refused with a sentence instead of freezing the page. */
export const MAX_COPY_CELLS = 1_000_000;

/**
 * The selected range as TSV (one cell: its text as it is, unquoted): from the cells already loaded, else read through the engine (rows
 * [top, bottom] of the range's fields, under its own cancellation key so the grid's reads go on; of the filtered view with `filter`).
 */
export async function rangeTsv(engine: EngineClient, datasetId: number, range: CellRange, fields: readonly number[], cache: RowCache, filter?: string): Promise<string> {
  const cols = fields.slice(range.left, range.right + 1);
  const n = rangeRows(range);
  if (n * rangeColumns(range) > MAX_COPY_CELLS) throw new Error(`Select at most ${MAX_COPY_CELLS.toLocaleString('en-US')} cells to copy.`);
  const rows: (CellText | undefined)[][] = [];
  let complete = true;
  for (let r = range.top; r <= range.bottom && complete; r++) {
    const row = cols.map((c) => cache.cell(r, c));
    if (row.some((t) => t === undefined)) complete = false;
    rows.push(row);
  }
  const cells = complete ? rows : await read();
  if (n === 1 && cols.length === 1) {
    const text = cells[0]?.[0];
    return typeof text === 'string' ? text : '';
  }
  return toTsv(cells);

  async function read(): Promise<(CellText | undefined)[][]> {
    const w = await engine.rows(datasetId, range.top, n, cols, 'copy', filter);
    return Array.from({ length: w.count }, (_, i) => cols.map((_, k) => w.columns[k][i]));
  }
}
