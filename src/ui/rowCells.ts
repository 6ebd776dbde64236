import type { CellText } from '../worker/protocol';
import type { ColumnLayout } from './columnLayout';

/** A cell's horizontal padding and right border (styles.css .grid-cell), and a pixel of margin. */
const CELL_CHROME = 8 + 8 + 1 + 1;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
/** The null mark's width (styles.css .null-mark: 'null' in italic 11 px sans, padding and border; 30 px measured), with room for wider fonts. */
const NULL_MARK_WIDTH = 44;

export const isCellError = (text: CellText | undefined): text is { error: string } => typeof text === 'object' && text !== null;

/**
 * True when a cell's text may not fit its width, so the cell clips it with an ellipsis. A cell that
 * surely fits has no clip: each clip is a paint property node and a paint chunk of its own, which made
 * every frame's layerize slow. Sure only for printable ASCII (`charWidth`: the widest ASCII advance of
 * the cell font; 0 when not measured yet, and every cell clips) and for the null mark.
 */
export function mayOverflow(text: CellText | undefined, width: number, charWidth: number): boolean {
  if (text === undefined) return false; // '…'
  if (text === null) return width - CELL_CHROME < NULL_MARK_WIDTH;
  if (typeof text !== 'string' || charWidth <= 0) return true;
  return text.length * charWidth > width - CELL_CHROME || !PRINTABLE_ASCII.test(text);
}

/** What a row shows: GridRow's props less its place on the canvas. */
export interface RowCellsProps {
  gutter: number;
  /** The row-number column's text. */
  label: string;
  layout: ColumnLayout;
  /** Display positions rendered from `first`, and per position its cell's text (undefined: not read yet). */
  first: number;
  texts: readonly (CellText | undefined)[];
  numeric: readonly boolean[];
  charWidth: number;
  /** Position of the cursor cell in this row, else -1; its id (for aria-activedescendant). */
  cursor: number;
  cursorId: string;
  /** Positions selected in this row [from, to] (to < from: none); `range`: more than one cell is selected. */
  selectedFrom: number;
  selectedTo: number;
  range: boolean;
}

/** One cell element and what was last written into it (a property is written only when it changes). */
interface Cell {
  el: HTMLDivElement;
  field: number;
  /** The text shown, or null for the null mark. */
  content: string | null;
  className: string;
  colIndex: number;
  selected: boolean;
  left: number;
  width: number;
  id: string;
  /** The title this code set (null and error cells); a value's title is set on hover (hoverTitle). */
  title: string;
  /** The cell's text node and null mark, kept while the other is shown: a cell going from a value to null and back reuses them. */
  text: Text | null;
  mark: HTMLSpanElement | null;
}

/** A row's element and its cells, kept between renders. */
export interface RowCells {
  rownum: HTMLDivElement | null;
  label: string;
  gutter: number;
  cells: Cell[];
}

export const emptyRowCells = (): RowCells => ({ rownum: null, label: '', gutter: -1, cells: [] });

/** The class of a cell (styles.css .grid-cell and its modifiers). */
export function cellClass(text: CellText | undefined, cursor: boolean, inRange: boolean, numeric: boolean, clip: boolean): string {
  let c = 'grid-cell';
  if (text === null) c += ' null';
  if (isCellError(text)) c += ' cell-error';
  if (cursor) c += ' selected';
  if (inRange) c += ' in-range';
  if (numeric) c += ' num';
  if (clip) c += ' clip';
  return c;
}

function newCell(field: number): Cell {
  const el = document.createElement('div');
  el.setAttribute('role', 'gridcell');
  return { el, field, content: '', className: '', colIndex: -1, selected: false, left: -1, width: -1, id: '', title: '', text: null, mark: null };
}

function writeContent(cell: Cell, content: string | null): void {
  if (cell.content === content) return;
  const el = cell.el;
  // A value's title set on hover (hoverTitle) would now name another value: it is set again on the next hover.
  if (cell.title === '' && el.hasAttribute('title')) el.removeAttribute('title');
  // Only this code writes a cell's children: its text node when it shows a value (`content` a string
  // and `text` set), its null mark when null. A value replacing a value is one text write.
  if (content === null) {
    if (!cell.mark) {
      cell.mark = document.createElement('span');
      cell.mark.className = 'null-mark';
      cell.mark.textContent = 'null';
    }
    el.replaceChildren(cell.mark);
  } else if (cell.text && cell.content !== null) cell.text.nodeValue = content;
  else {
    if (cell.text) cell.text.nodeValue = content;
    else cell.text = document.createTextNode(content);
    el.replaceChildren(cell.text);
  }
  cell.content = content;
}

/**
 * Writes a row's row number and cells into `row` (GridRow's element, whose children only this writes),
 * changing only what differs from `was`: a 64-row step sets each cell's text and nothing else, a
 * cursor move two classes. Cells are matched by field, so a horizontal scroll adds and removes cells at
 * the edges and keeps the others. Returns what the row now shows.
 */
export function writeRowCells(row: HTMLElement, p: RowCellsProps, was: RowCells): RowCells {
  let rownum = was.rownum;
  if (!rownum) {
    rownum = document.createElement('div');
    rownum.className = 'dg-rownum';
    rownum.setAttribute('role', 'rowheader');
    rownum.setAttribute('aria-colindex', '1');
    row.prepend(rownum);
  }
  if (was.gutter !== p.gutter) rownum.style.width = `${p.gutter}px`;
  if (was.label !== p.label) {
    // The number's text node is kept and its text replaced: a new node (textContent) is a new layout
    // object, built by the frame's style and layout-tree update (~55 a step).
    const only = rownum.firstChild;
    if (only !== null && only === rownum.lastChild && only.nodeType === Node.TEXT_NODE) only.nodeValue = p.label;
    else rownum.textContent = p.label;
  }

  const byField = new Map<number, Cell>();
  for (const c of was.cells) byField.set(c.field, c);
  const cells: (Cell | undefined)[] = [];
  for (let i = 0; i < p.texts.length; i++) {
    const field = p.layout.fields[p.first + i];
    cells.push(byField.get(field));
    byField.delete(field);
  }
  // Cells whose field left the row serve the fields that came in (a horizontal scroll), else go.
  const spare = [...byField.values()];
  for (let i = 0; i < cells.length; i++) {
    if (cells[i]) continue;
    const field = p.layout.fields[p.first + i];
    const reused = spare.pop();
    if (reused) reused.field = field;
    cells[i] = reused ?? newCell(field);
  }
  for (const c of spare) c.el.remove();

  let at: ChildNode | null = rownum.nextSibling;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i]!;
    const fresh = cell.colIndex < 0;
    const pos = p.first + i;
    const text = p.texts[i];
    const isCursor = pos === p.cursor;
    const selected = pos >= p.selectedFrom && pos <= p.selectedTo;
    const error = isCellError(text);
    const el = cell.el;
    if (el !== at) row.insertBefore(el, at);
    at = el.nextSibling;

    const className = cellClass(text, isCursor, selected && p.range, p.numeric[pos], mayOverflow(text, p.layout.widths[pos], p.charWidth));
    if (cell.className !== className) el.className = cell.className = className;
    if (cell.colIndex !== pos + 2) el.setAttribute('aria-colindex', String((cell.colIndex = pos + 2)));
    if (cell.selected !== selected || fresh) el.setAttribute('aria-selected', String((cell.selected = selected)));
    const left = p.gutter + p.layout.lefts[pos];
    if (cell.left !== left) el.style.left = `${(cell.left = left)}px`;
    if (cell.width !== p.layout.widths[pos]) el.style.width = `${(cell.width = p.layout.widths[pos])}px`;
    const id = isCursor ? p.cursorId : '-';
    if (cell.id !== id) {
      if (isCursor) el.id = id;
      else el.removeAttribute('id');
      cell.id = id;
    }
    const title = error ? `Not shown: ${text.error}` : text === null ? 'null (no value)' : '';
    if (cell.title !== title) {
      if (title) el.title = title;
      else el.removeAttribute('title');
      cell.title = title;
    }
    writeContent(cell, text === undefined ? '…' : text === null ? null : error ? '⚠ error' : text);
  }
  return { rownum, label: p.label, gutter: p.gutter, cells: cells as Cell[] };
}
