import { memo, useLayoutEffect, useRef } from 'react';
import type { CellText } from '../worker/protocol';
import { emptyRowCells, isCellError, writeRowCells, type RowCellsProps } from './rowCells';

export interface GridRowProps extends RowCellsProps {
  row: number;
  /** Where the row goes on the canvas, and its size. */
  top: number;
  height: number;
  width: number;
  chunkStart: boolean;
}

/**
 * One row of the data grid. Memoized: a render of the grid (a read arriving, the cursor moving, a
 * status line) renders again only the rows whose cells, selection or place changed. React renders the
 * row's element; its row number and cells are written by writeRowCells (rowCells.ts), which sets only
 * what changed: a 64-row step's ~900 new texts cost their text writes, not ~900 elements reconciled
 * (about a third of the step's main-thread time). Clicks are handled by the grid's canvas
 * (aria-rowindex and aria-colindex say which cell). A value's title (its whole text as a tooltip) is
 * set by the canvas when the pointer is over the cell (hoverTitle): a title changing restyles its cell
 * (a user-agent rule matches [title]), so a jump that set ~900 titles spent 5 of its frame's ~27 ms
 * CPU on style; null and error cells keep theirs (fixed texts).
 */
export const GridRow = memo(function GridRow(p: GridRowProps) {
  const el = useRef<HTMLDivElement>(null);
  const shown = useRef(emptyRowCells());
  useLayoutEffect(() => {
    shown.current = writeRowCells(el.current!, p, shown.current);
  });
  return <div ref={el} role="row" aria-rowindex={p.row + 1} className={`grid-row dg-row${p.chunkStart ? ' chunk-start' : ''}`} style={{ top: p.top, height: p.height, width: p.width }} />;
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
 * grid's cache has it now); a cell whose title writeRowCells sets (null, error) is left alone.
 */
export function hoverTitle(cell: HTMLElement, text: CellText | undefined): void {
  if (text === null || isCellError(text)) return;
  if (text === undefined) cell.removeAttribute('title');
  else if (cell.title !== text) cell.title = text;
}
