import type { CellText } from '../worker/protocol';

/** A cell of the grid by row and field index (not display position, so it survives reordering). */
export interface CellRef {
  row: number;
  field: number;
}

/** A rectangle of cells: rows [top, bottom] and display positions [left, right]. */
export interface CellRange {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** The rectangle between the anchor and the cursor, in display positions (a hidden field counts as the first column). */
export function rangeOf(anchor: CellRef, cursor: CellRef, fields: readonly number[]): CellRange {
  const a = Math.max(0, fields.indexOf(anchor.field));
  const c = Math.max(0, fields.indexOf(cursor.field));
  return { top: Math.min(anchor.row, cursor.row), bottom: Math.max(anchor.row, cursor.row), left: Math.min(a, c), right: Math.max(a, c) };
}

export const rangeRows = (r: CellRange): number => r.bottom - r.top + 1;
export const rangeColumns = (r: CellRange): number => r.right - r.left + 1;

export const inRange = (r: CellRange, row: number, position: number): boolean => row >= r.top && row <= r.bottom && position >= r.left && position <= r.right;

/**
 * One cell as a TSV field: null and unreadable cells are empty; a value holding a tab, a line break
 * or a double quote is quoted with its quotes doubled, as spreadsheets read it.
 */
export function tsvField(text: CellText | undefined): string {
  if (text === null || text === undefined || typeof text === 'object') return '';
  return /[\t\n\r"]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows of cells as tab-separated values, one line per row. */
export const toTsv = (rows: readonly (readonly (CellText | undefined)[])[]): string => rows.map((r) => r.map(tsvField).join('\t')).join('\n');
