import { memo } from 'react';
import type { CellText } from '../worker/protocol';
import type { ColumnLayout } from './columnLayout';

const isError = (text: CellText | undefined): text is { error: string } => typeof text === 'object' && text !== null;

/** A cell's horizontal padding and right border (styles.css .grid-cell), and a pixel of margin. */
const CELL_CHROME = 8 + 8 + 1 + 1;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * True when a cell's text may not fit its width, so the cell clips it with an ellipsis. A cell that
 * surely fits has no clip: each clip is a paint property node and a paint chunk of its own, which made
 * every frame's layerize slow. Sure only for printable ASCII (`charWidth`: the widest ASCII advance of
 * the cell font; 0 when not measured yet, and every cell clips).
 */
export function mayOverflow(text: CellText | undefined, width: number, charWidth: number): boolean {
  if (text === undefined) return false; // '…'
  if (typeof text !== 'string' || charWidth <= 0) return true;
  return text.length * charWidth > width - CELL_CHROME || !PRINTABLE_ASCII.test(text);
}

export interface GridRowProps {
  row: number;
  /** Where the row goes on the canvas, and its size. */
  top: number;
  height: number;
  width: number;
  gutter: number;
  /** The row-number column's text ('…' while a filtered view's row is not read). */
  label: string;
  chunkStart: boolean;
  layout: ColumnLayout;
  /** Display positions rendered, and per position its cell's text (undefined: not read yet). */
  first: number;
  texts: readonly (CellText | undefined)[];
  /** Per display position: the column is numeric (right-aligned). */
  numeric: readonly boolean[];
  /** The widest ASCII advance of the cell font (0: not measured yet); see mayOverflow. */
  charWidth: number;
  /** Position of the cursor cell in this row, else -1; its id (for aria-activedescendant). */
  cursor: number;
  cursorId: string;
  /** Positions selected in this row [from, to] (to < from: none); `range`: more than one cell is selected. */
  selectedFrom: number;
  selectedTo: number;
  range: boolean;
}

/**
 * One row of the data grid. Memoized: a render of the grid (a read arriving, the cursor moving, a
 * status line) renders again only the rows whose cells, selection or place changed. Clicks are
 * handled by the grid's canvas (aria-rowindex and aria-colindex say which cell). A value's title
 * (its whole text as a tooltip) is set by the canvas when the pointer is over the cell (hoverTitle):
 * a title changing restyles its cell (a user-agent rule matches [title]), so a jump that set ~900
 * titles spent 5 of its frame's ~27 ms CPU on style; null and error cells keep theirs (fixed texts).
 */
export const GridRow = memo(function GridRow(p: GridRowProps) {
  const cells = [];
  for (let i = 0; i < p.texts.length; i++) {
    const pos = p.first + i;
    const text = p.texts[i];
    const isCursor = pos === p.cursor;
    const selected = pos >= p.selectedFrom && pos <= p.selectedTo;
    const error = isError(text);
    cells.push(
      <div
        key={p.layout.fields[pos]}
        id={isCursor ? p.cursorId : undefined}
        role="gridcell"
        aria-colindex={pos + 2}
        aria-selected={selected}
        className={`grid-cell${text === null ? ' null' : ''}${error ? ' cell-error' : ''}${isCursor ? ' selected' : ''}${selected && p.range ? ' in-range' : ''}${p.numeric[pos] ? ' num' : ''}${mayOverflow(text, p.layout.widths[pos], p.charWidth) ? ' clip' : ''}`}
        style={{ position: 'absolute', left: p.gutter + p.layout.lefts[pos], width: p.layout.widths[pos] }}
        title={error ? `Not shown: ${text.error}` : text === null ? 'null (no value)' : undefined}
      >
        {text === undefined ? '…' : text === null ? <span className="null-mark">null</span> : error ? '⚠ error' : text}
      </div>,
    );
  }
  return (
    <div role="row" aria-rowindex={p.row + 1} className={`grid-row dg-row${p.chunkStart ? ' chunk-start' : ''}`} style={{ top: p.top, height: p.height, width: p.width }}>
      <div className="dg-rownum" role="rowheader" aria-colindex={1} style={{ width: p.gutter }}>
        {p.label}
      </div>
      {cells}
    </div>
  );
}, sameRow);

/** True when a row would render the same: the grid builds each row's texts anew, so they are compared one by one. */
export function sameRow(a: GridRowProps, b: GridRowProps): boolean {
  if (
    a.row !== b.row ||
    a.top !== b.top ||
    a.height !== b.height ||
    a.width !== b.width ||
    a.gutter !== b.gutter ||
    a.label !== b.label ||
    a.chunkStart !== b.chunkStart ||
    a.layout !== b.layout ||
    a.first !== b.first ||
    a.numeric !== b.numeric ||
    a.charWidth !== b.charWidth ||
    a.cursor !== b.cursor ||
    a.cursorId !== b.cursorId ||
    a.selectedFrom !== b.selectedFrom ||
    a.selectedTo !== b.selectedTo ||
    a.range !== b.range ||
    a.texts.length !== b.texts.length
  )
    return false;
  for (let i = 0; i < a.texts.length; i++) if (a.texts[i] !== b.texts[i]) return false;
  return true;
}

/**
 * Gives the cell under the pointer the title of the value it shows (`text`: the cell's value, as the
 * grid's cache has it now); a cell whose title React sets (null, error) is left alone.
 */
export function hoverTitle(cell: HTMLElement, text: CellText | undefined): void {
  if (text === null || isError(text)) return;
  if (text === undefined) cell.removeAttribute('title');
  else if (cell.title !== text) cell.title = text;
}
