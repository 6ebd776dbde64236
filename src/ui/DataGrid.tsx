import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { CellText, DatasetSummary } from '../worker/protocol';
import { CellDetail } from './CellDetail';
import { ColumnsMenu } from './ColumnsMenu';
import { clampWidth, displayedColumns, fitWidth, layoutColumns, moveField, revealColumnLeft, visibleColumns } from './columnLayout';
import { rangeTsv } from './copyRange';
import { count } from './format';
import { GridHeader } from './GridHeader';
import { GridMenu, type MenuItem, type OpenMenu } from './GridMenu';
import { parseGoTo } from './goToRow';
import { rangeColumns, rangeOf, rangeRows } from './gridSelection';
import { GridRow, hoverTitle } from './GridRow';
import { clamp } from './scaledScroll';
import type { GridState } from './tabStore';
import { asciiAdvance, fontOf, textMeasure } from './textWidth';
import { useEngine } from './useEngine';
import { useRowWindow } from './useRowWindow';
import { useFirstDraw } from './useFirstDraw';
import { useScaledScroll } from './useScaledScroll';
import { visibleText } from './visibleText';
import { VisibleText } from './VisibleText';

const ROW_H = 24;
const HEAD_H = 28;
/** Rows read above and below the visible ones, and drawn where the browser scrolls the canvas itself; columns the same, left and right. */
const OVERSCAN_ROWS = 8;
/**
 * Rows drawn above and below the visible ones where the canvas is scaled by SCALED_FACTOR or more
 * (over ~2.7M rows). There the grid moves the rows itself (wheel, keys), the canvas moving by a
 * wheel step over the factor (under a row for steps up to 8 rows) before the rows are drawn, and a
 * native scroll (the scrollbar, Space) moves the view by many rows a pixel: the 8 rows drawn past
 * either edge were never seen, and were 16 of a 2400x1300 grid's 60 rows, a quarter of every step's
 * layout and paint.
 */
const SCALED_OVERSCAN_ROWS = 1;
const SCALED_FACTOR = 8;
const OVERSCAN_COLUMNS = 3;
/** Widest a column gets when fitted on its own, and when fitted to its first rows on first sight. */
const FIT_MAX = 800;
const FIRST_FIT_MAX = 320;
/** Widest a column grows when a few columns share the free width. */
const SHARE_MAX = 600;
const CELL_PADDING = 18;
/**
 * A jump waits this long for its rows before it moves (then shows '…' until they come): one render and
 * paint, not two. The '…' frame is a whole render, layout and paint of the grid (~30-65 ms of main-thread
 * CPU at 2400x1300) made while the engine is still decoding: on a busy 2-core machine a W2 jump's read
 * passed 120 ms often, and that frame took CPU from the decode, was itself a task over 50 ms, and the
 * rows then needed a second one (bench/w2FirstJumps.ts). Meanwhile a read slower than 150 ms says
 * 'Reading…' (useRowWindow.ts READING_AFTER_MS).
 */
const JUMP_WAIT_MS = 300;
const NUMERIC = new Set(['int', 'float', 'decimal']);
/** Columns offered by the "Show only" list; past them the Columns menu finds any column by name. */
const MAX_ONLY_OPTIONS = 1000;

/** The grid over a filter's matches: view row i is the i-th match (the row-number column shows its file row). */
export interface FilterView {
  /** The key the tab's filter is kept under in the engine. */
  key: string;
  /** Matches known so far, in order (the view's rows). */
  rows: number;
  /** Shows the match nearest to a file row (go to); says what it chose. */
  locate: (fileRow: number) => Promise<{ ordinal: number; note: string } | null>;
  /** The word before a view row's ordinal in the status line ('Match' unless said). */
  label?: string;
}

/** What the column header and cell menus offer to build a filter. */
export interface FilterActions {
  column: (field: number) => void;
  cell: (field: number, fileRow: number, op: '=' | '!=' | 'isNull') => void;
}

/** What a column header's menu offers to order the rows, and the mark its header shows (↑, ↓2…). */
export interface SortActions {
  mark: (field: number) => string | undefined;
  items: (field: number) => MenuItem[];
}

interface Props {
  summary: DatasetSummary;
  sortActions?: SortActions;
  filter?: FilterView | null;
  filterActions?: FilterActions;
  /** The tab's grid state (kept in the tab store), and how to change it. */
  state: GridState;
  onChange: (patch: Partial<GridState>) => void;
  /** Ctrl+F in the grid: open the find bar. */
  onFind?: () => void;
  /** A find's match to put the cursor on (view row, and column when known); each new `seq` moves it once. */
  jump?: { row: number; field?: number; seq: number } | null;
  /** Draw no rows: the grid is replaced next (a new filter or sort run), and its rows leave in a task of their own. */
  blank?: boolean;
}

/** Width of the frozen row-number column: the widest row number, in the 12 px monospace font. */
const gutterWidth = (rows: number): number => Math.max(56, Math.ceil(count(Math.max(0, rows - 1)).length * 7.3) + 20);

const isError = (text: CellText | undefined): text is { error: string } => typeof text === 'object' && text !== null;

const READING = 'Reading…';

/** The grid cells' font's widest ASCII advance, measured by the first grid of the page (rowCells.ts mayOverflow). */
let cellAdvance = 0;

/**
 * All rows of all chunks as one virtualized table. Only the visible window is read from the file;
 * scaled scrolling keeps every one of 50M+ rows reachable. Columns can be resized, fitted, hidden and
 * moved; a range of cells (shift+click, shift+arrows) copies as TSV.
 */
export function DataGrid({ summary, state, onChange, filter = null, filterActions, sortActions, onFind, jump = null, blank = false }: Props) {
  const engine = useEngine();
  const [goto, setGoto] = useState('');
  // What the last action said (go to, copy), and what reads say ('Reading…', '' or their error).
  const [note, setNote] = useState('');
  const [readStatus, setReadStatus] = useState('');
  /** A new message replaces an earlier one and a finished read's error, never a read in progress. */
  const setStatus = useCallback((message: string) => {
    setNote(message);
    setReadStatus((r) => (r === READING ? r : ''));
  }, []);
  const rows = filter ? filter.rows : summary.rows;
  const [menu, setMenu] = useState<OpenMenu | null>(null);
  const closeMenu = useCallback(() => setMenu(null), []);
  const fieldsInfo = summary.fields;
  const layout = useMemo(
    () => layoutColumns(displayedColumns(fieldsInfo.length, state.order, state.hidden, state.only), state.widths),
    [fieldsInfo.length, state.order, state.hidden, state.only, state.widths],
  );
  const fields = layout.fields;
  const onlyChoices = useMemo(() => {
    const first = Array.from({ length: Math.min(fieldsInfo.length, MAX_ONLY_OPTIONS) }, (_, i) => i);
    return state.only !== null && state.only >= MAX_ONLY_OPTIONS && state.only < fieldsInfo.length ? [...first, state.only] : first;
  }, [fieldsInfo.length, state.only]);
  const gutter = gutterWidth(summary.rows);
  const { scroller, scale, viewport, firstRow, lastRow, topRow, rowTop, scrollTop, moveTo, spanAt, revealTop, revealRow } = useScaledScroll(rows, ROW_H, OVERSCAN_ROWS, HEAD_H, state.top);

  // Horizontal position and width of the columns' viewport, restored on mount.
  const [hview, setHview] = useState({ left: state.left, width: 0 });
  useLayoutEffect(() => {
    const el = scroller.current!;
    el.scrollLeft = state.left;
    const measure = () => setHview({ left: el.scrollLeft, width: Math.max(0, el.clientWidth - gutter) });
    measure();
    const resize = new ResizeObserver(measure);
    resize.observe(el);
    const onScroll = () => setHview((h) => (h.left === el.scrollLeft ? h : { left: el.scrollLeft, width: Math.max(0, el.clientWidth - gutter) }));
    el.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      resize.disconnect();
      el.removeEventListener('scroll', onScroll);
    };
    // state.left is read on mount only: later the grid's own scrolling sets it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [gutter, scroller]);

  const span = visibleColumns(layout, hview.left, hview.width || 1200, OVERSCAN_COLUMNS);
  const positions: number[] = [];
  for (let p = span.first; p <= span.last; p++) positions.push(p);
  const visibleFields = positions.map((p) => fields[p]);
  // A read's error replaces the note; its start and end leave a note (go to's, Copied…) where it is.
  const onReadStatus = useCallback((s: string) => {
    setReadStatus(s);
    if (s !== '' && s !== READING) setNote('');
  }, []);
  const status = readStatus !== '' && readStatus !== READING ? readStatus : note || readStatus;
  const { cache, readAtOnce, cancel: cancelRead } = useRowWindow(summary.id, firstRow, lastRow, visibleFields, onReadStatus, filter?.key, rows);
  /** The row of the file a grid row shows (with a filter, the match's; undefined until read). */
  const fileRow = (row: number): number | undefined => (filter ? cache.rowNumber(row) : row);

  // The tab keeps where the grid is.
  useEffect(() => {
    onChange({ top: topRow, left: hview.left });
  }, [topRow, hview.left, onChange]);

  const cursorPos = Math.max(0, fields.indexOf(state.cursor.field));
  const range = rangeOf(state.anchor, state.cursor, fields);
  const single = rangeRows(range) === 1 && rangeColumns(range) === 1;

  const revealColumn = useCallback(
    (position: number) => {
      const el = scroller.current;
      if (!el || position < 0) return;
      const x = revealColumnLeft(layout, position, el.scrollLeft, el.clientWidth - gutter);
      if (x !== el.scrollLeft) el.scrollLeft = x;
    },
    [layout, gutter, scroller],
  );

  // A jump from another view (a unique value's first row) shows the selected cell's column too.
  useLayoutEffect(() => {
    if (!state.reveal) return;
    revealColumn(cursorPos);
    onChange({ reveal: false });
  }, [state.reveal, cursorPos, revealColumn, onChange]);

  // The latest jump waiting for its rows; any newer move of the cursor replaces it.
  const pendingJump = useRef(0);
  const anchorRef = useRef(state.anchor);
  anchorRef.current = state.anchor;

  const cellAt = (row: number, position: number) => ({ row: clamp(row, 0, rows - 1), field: fields[clamp(position, 0, fields.length - 1)] });

  const select = (row: number, position: number, extend: boolean) => {
    if (!fields.length || rows <= 0) return;
    pendingJump.current++;
    const cell = cellAt(row, position);
    onChange({ cursor: cell, anchor: extend ? state.anchor : cell });
  };

  /**
   * Moves the cursor far (go to, a find's match, Home/End) and the view to `virtualOffset`: the rows
   * there are read at once, and the grid moves when they are in (or after JUMP_WAIT_MS, showing '…'),
   * so the worker decodes while nothing else runs and the page renders and paints the rows once.
   */
  const jumpTo = (row: number, position: number, extend: boolean, virtualOffset: number, reveal: boolean) => {
    if (!fields.length || rows <= 0) return;
    const ticket = ++pendingJump.current;
    const cell = cellAt(row, position);
    const target = spanAt(virtualOffset);
    const el = scroller.current;
    const left = reveal && el ? revealColumnLeft(layout, position, el.scrollLeft, el.clientWidth - gutter) : hview.left;
    const cols = visibleColumns(layout, left, hview.width || 1200, OVERSCAN_COLUMNS);
    let shown = false;
    const show = () => {
      if (shown || ticket !== pendingJump.current) return;
      shown = true;
      onChange({ cursor: cell, anchor: extend ? anchorRef.current : cell, top: target.topRow });
      moveTo(virtualOffset);
      if (reveal) revealColumn(position);
    };
    const read = readAtOnce(target.firstRow, target.lastRow, layout.fields.slice(cols.first, cols.last + 1));
    if (!read) return show();
    const timer = setTimeout(show, JUMP_WAIT_MS);
    void read.then(() => {
      clearTimeout(timer);
      show();
    });
  };

  // A find's match: the cursor goes to its row and column, shown like go to (not again when the grid remounts).
  const jumped = useRef(jump?.seq);
  useEffect(() => {
    if (!jump || jump.seq === jumped.current) return;
    jumped.current = jump.seq;
    const pos = jump.field === undefined ? -1 : fields.indexOf(jump.field);
    jumpTo(jump.row, pos < 0 ? cursorPos : pos, false, jump.row * ROW_H - viewport / 3, pos >= 0);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [jump]);

  const copy = async () => {
    try {
      const text = await rangeTsv(engine, summary.id, range, fields, cache, filter?.key);
      await navigator.clipboard.writeText(text);
      setStatus(single ? 'Copied the cell.' : `Copied ${count(rangeRows(range))} rows × ${count(rangeColumns(range))} columns as tab-separated values.`);
    } catch (e) {
      setStatus(e instanceof Error ? e.message : String(e));
    }
  };

  /** The cell's menu (conditions on its value) at a point; false when it has none (no filter actions, a cell not read yet). */
  const openCellMenu = (row: number, position: number, x: number, y: number): boolean => {
    const field = fields[position];
    const at = fileRow(row);
    const text = cache.cell(row, field);
    if (!filterActions || at === undefined || text === undefined || field === undefined) return false;
    const name = fieldsInfo[field].name;
    const items = [
      { label: `Filter rows where ${name} = this value`, run: () => filterActions.cell(field, at, '=') },
      { label: `Filter rows where ${name} != this value`, run: () => filterActions.cell(field, at, '!=') },
      { label: `Filter rows where ${name} is null`, run: () => filterActions.cell(field, at, 'isNull') },
    ];
    setMenu({ x, y, label: `Cell of ${name}`, items: text === null ? items.slice(2) : items });
    return true;
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    const mod = e.ctrlKey || e.metaKey;
    // The menu key or Shift+F10: the selected cell's menu, under it.
    if (e.key === 'ContextMenu' || (e.shiftKey && e.key === 'F10')) {
      const box = document.getElementById(cellId(state.cursor.row, state.cursor.field))?.getBoundingClientRect();
      if (box && openCellMenu(state.cursor.row, cursorPos, box.left, box.bottom)) e.preventDefault();
      return;
    }
    if (mod && e.key.toLowerCase() === 'f' && onFind) {
      e.preventDefault();
      onFind();
      return;
    }
    if (mod && e.key.toLowerCase() === 'c') {
      e.preventDefault();
      void copy();
      return;
    }
    if (mod && e.key.toLowerCase() === 'a') {
      e.preventDefault();
      if (fields.length && rows > 0) onChange({ anchor: { row: 0, field: fields[0] }, cursor: { row: rows - 1, field: fields[fields.length - 1] } });
      return;
    }
    if (e.key === 'Escape') {
      onChange({ anchor: state.cursor });
      return;
    }
    const page = Math.max(1, Math.floor(viewport / ROW_H) - 1);
    let row = state.cursor.row;
    let pos = cursorPos;
    switch (e.key) {
      case 'ArrowDown': row += 1; break;
      case 'ArrowUp': row -= 1; break;
      case 'ArrowRight': pos += 1; break;
      case 'ArrowLeft': pos -= 1; break;
      case 'PageDown': row += page; break;
      case 'PageUp': row -= page; break;
      case 'Home': row = 0; if (mod) pos = 0; break;
      case 'End': row = rows - 1; if (mod) pos = fields.length - 1; break;
      default: return;
    }
    e.preventDefault();
    row = clamp(row, 0, Math.max(0, rows - 1));
    pos = clamp(pos, 0, Math.max(0, fields.length - 1));
    if (Math.abs(row - state.cursor.row) > page) return jumpTo(row, pos, e.shiftKey, revealTop(row), true);
    select(row, pos, e.shiftKey);
    revealRow(row);
    revealColumn(pos);
  };

  const onGoto = async (e: React.FormEvent) => {
    e.preventDefault();
    const target = parseGoTo(goto);
    if (!target) return setStatus('Type a row number (37000000, 37,000,000 or 37 000 000), or chunk:row (for example 5:1000).');
    let row = target.row;
    if (target.chunk !== undefined) {
      const [info] = await engine.chunks(summary.id, target.chunk, target.chunk + 1);
      if (!info) return setStatus(`There is no chunk ${count(target.chunk)}.`);
      if (row >= info.rows) return setStatus(`Chunk ${count(target.chunk)} has ${count(info.rows)} rows.`);
      row += info.rowOffset;
    } else if (row >= summary.rows) return setStatus(`The file has ${count(summary.rows)} rows.`);
    if (filter) {
      const found = await filter.locate(row);
      if (!found) return setStatus('No matching row is known yet.');
      setStatus(found.note);
      return jumpTo(found.ordinal, cursorPos, false, found.ordinal * ROW_H - viewport / 3, false);
    }
    setStatus('');
    jumpTo(row, cursorPos, false, row * ROW_H - viewport / 3, false);
  };

  /** The width that fits a column's header and its loaded cells among the rows on screen. */
  const fittedWidth = (field: number, max: number): number => {
    const el = scroller.current;
    const cellEl = el?.querySelector('.dg-row .grid-cell');
    const headEl = el?.querySelector('.dg-head-cell');
    const measureCell = textMeasure(cellEl ? fontOf(cellEl) : '12px monospace');
    const measureHead = textMeasure(headEl ? fontOf(headEl) : '600 12px sans-serif');
    const texts: string[] = [];
    for (let r = firstRow; r <= lastRow; r++) {
      const t = cache.cell(r, field);
      texts.push(t === null ? 'null' : typeof t === 'string' ? t : '⚠ error');
    }
    const f = fieldsInfo[field];
    const head = measureHead(f.name) + 34 + (cache.errors.has(field) || f.unsupported ? 22 : 0);
    return clampWidth(Math.min(max, Math.max(head + CELL_PADDING, fitWidth(texts, measureCell, CELL_PADDING, max))));
  };

  // Columns seen for the first time fit their first rows; a few columns then share the free width,
  // so that a 3-column file does not leave most of the screen blank.
  useEffect(() => {
    const fresh = visibleFields.filter((f) => state.widths[f] === undefined && cache.cell(clamp(topRow, 0, Math.max(0, rows - 1)), f) !== undefined);
    if (!fresh.length || !hview.width) return;
    const widths = { ...state.widths };
    for (const f of fresh) widths[f] = fittedWidth(f, FIRST_FIT_MAX);
    const total = fields.reduce((sum, f) => sum + (widths[f] ?? 0), 0);
    if (fields.every((f) => widths[f] !== undefined) && total < hview.width && Object.keys(state.widths).length === 0) {
      const grow = hview.width / total;
      for (const f of fields) widths[f] = Math.floor(Math.min(SHARE_MAX, Math.max(widths[f], widths[f] * grow)));
    }
    onChange({ widths });
  });

  const numeric = useMemo(() => layout.fields.map((f) => NUMERIC.has(fieldsInfo[f].typeId)), [layout, fieldsInfo]);
  // The cell font's ASCII advance, once a cell is there (until then every cell clips its text); kept
  // for the page: the grid mounts anew for each filter run, and reading a cell's font forces a style.
  const [charWidth, setCharWidth] = useState(cellAdvance);
  // Every render until a cell is there to measure; then never again.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useLayoutEffect(() => {
    if (charWidth) return;
    const cellEl = scroller.current?.querySelector('.dg-row .grid-cell');
    if (cellEl) setCharWidth((cellAdvance = asciiAdvance(fontOf(cellEl))));
  });
  // Rows are keyed by slot, (row - phase) mod slots: a row scrolled out at the top is reused for the
  // one scrolled in at the bottom. Any other move (up, or down by half the slots or more: a jump, a
  // 64-row step) shifts the phase so that every element keeps its key and place and only its cells
  // change: with the keys in a new rotation React moves the rows (up by one row: all rows but one),
  // and each moved row is styled and laid out anew.
  const slots = Math.ceil(viewport / ROW_H) + 2 * OVERSCAN_ROWS + 2;
  const keys = useRef({ first: firstRow, phase: 0, slots });
  const moved = firstRow - keys.current.first;
  const phase = keys.current.slots !== slots ? 0 : moved >= 0 && moved < slots / 2 ? keys.current.phase : keys.current.phase + moved;
  useLayoutEffect(() => {
    keys.current = { first: firstRow, phase, slots };
  });
  const slotOf = (row: number) => (((row - phase) % slots) + slots) % slots;
  /** The grid row and display position of the cell an event happened in (the canvas handles every cell's events). */
  const eventCell = (e: React.MouseEvent): { row: number; position: number } | null => {
    const cell = (e.target as Element).closest?.('[role=gridcell]');
    const rowEl = cell?.parentElement;
    if (!cell || !rowEl) return null;
    return { row: Number(rowEl.getAttribute('aria-rowindex')) - 1, position: Number(cell.getAttribute('aria-colindex')) - 2 };
  };
  const onCanvasMouseDown = (e: React.MouseEvent) => {
    if (e.shiftKey && eventCell(e)) e.preventDefault(); // no text selection: the shift+click selects cells
  };
  const onCanvasClick = (e: React.MouseEvent) => {
    const at = eventCell(e);
    if (at) select(at.row, at.position, e.shiftKey);
  };
  const onCanvasPointerOver = (e: React.MouseEvent) => {
    const at = eventCell(e);
    if (at) hoverTitle((e.target as Element).closest('[role=gridcell]') as HTMLElement, cache.cell(at.row, fields[at.position]));
  };
  const onCanvasContextMenu = (e: React.MouseEvent) => {
    const at = eventCell(e);
    if (!at || !openCellMenu(at.row, at.position, e.clientX, e.clientY)) return;
    e.preventDefault();
    select(at.row, at.position, false);
  };

  // A filtered view's first window is drawn once read, a few rows a frame (useFirstDraw).
  let read = !filter;
  for (let r = firstRow; r <= lastRow && !read; r++) read = cache.rowNumber(r) !== undefined || (positions.length > 0 && cache.cell(r, fields[positions[0]]) !== undefined);
  const drawOverscan = scale.factor >= SCALED_FACTOR ? SCALED_OVERSCAN_ROWS : OVERSCAN_ROWS;
  const drawFirst = Math.max(firstRow, topRow - drawOverscan);
  const drawLast = Math.min(lastRow, topRow + Math.ceil(viewport / ROW_H) + drawOverscan);
  const firstDraw = useFirstDraw(!!filter, read, drawLast - drawFirst + 1);
  const drawRows = blank ? 0 : firstDraw;
  const visibleRows: number[] = [];
  for (let r = drawFirst; r <= drawLast && r < drawFirst + drawRows; r++) visibleRows.push(r);
  const width = gutter + layout.total;
  // On a scaled canvas the rows are placed in a layer translated by the scroll offset: a step or a
  // jump moves the layer and writes the rows' texts, where moving each row (its canvas top follows the
  // scroll offset) had every row's borders, row number and cells painted again.
  const rowsTop = scale.factor > 1 ? scrollTop : 0;
  const cursorText = cache.cell(state.cursor.row, state.cursor.field);
  const cellId = (row: number, field: number) => `dg-${summary.id}-${row}-${field}`;
  const cursorShown = visibleRows.includes(state.cursor.row) && visibleFields.includes(state.cursor.field);

  return (
    <div className="grid-wrap">
      {menu && <GridMenu menu={menu} onClose={closeMenu} />}
      <div className="grid-tools">
        <form onSubmit={onGoto}>
          {/* Enter goes at keydown (its default, the form's implicit submit, prevented): the rows' read starts ~1.5 ms sooner than at submit, after keypress, click and DOMActivate. */}
          <input aria-label="Go to row" placeholder="Go to row N or chunk:row" value={goto} onChange={(e) => setGoto(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && !e.nativeEvent.isComposing && void onGoto(e)} data-testid="goto" />
          <button type="submit">Go</button>
        </form>
        <label>
          Show{' '}
          <select value={state.only ?? ''} onChange={(e) => onChange({ only: e.target.value === '' ? null : Number(e.target.value) })} aria-label="Columns shown">
            <option value="">all columns</option>
            {onlyChoices.map((i) => (
              <option key={i} value={i}>
                only {visibleText(fieldsInfo[i].name)}
              </option>
            ))}
            {fieldsInfo.length > MAX_ONLY_OPTIONS && (
              <option disabled value="more">
                … {count(fieldsInfo.length - MAX_ONLY_OPTIONS)} more: find them in Columns
              </option>
            )}
          </select>
        </label>
        <ColumnsMenu fields={fieldsInfo} state={state} onChange={onChange} />
        <button onClick={() => void copy()} disabled={single && (cursorText === undefined || isError(cursorText))} title="Ctrl+C; shift+click or shift+arrows select a range">
          {single ? 'Copy cell' : `Copy ${count(rangeRows(range) * rangeColumns(range))} cells`}
        </button>
        <span className="muted" data-testid="grid-status" role="status">
          {status ||
            `${filter ? `${filter.label ?? 'Match'} ${count(state.cursor.row + 1)} of ${count(rows)} · row ${fileRow(state.cursor.row) === undefined ? '…' : count(fileRow(state.cursor.row)!)}` : `Row ${count(state.cursor.row)} of ${count(rows)}`}${single ? '' : ` · ${count(rangeRows(range))} rows × ${count(rangeColumns(range))} columns selected`}`}
        </span>
        {readStatus === READING && (
          <button className="link" onClick={cancelRead} aria-label="Stop the read in progress">
            Stop
          </button>
        )}
      </div>
      <div
        ref={scroller}
        className="dg-scroll"
        role="grid"
        aria-label="Data"
        aria-rowcount={rows}
        aria-colcount={fields.length + 1}
        aria-multiselectable
        aria-activedescendant={cursorShown ? cellId(state.cursor.row, state.cursor.field) : undefined}
        tabIndex={0}
        onKeyDown={onKeyDown}
        data-testid="grid"
      >
        <GridHeader
          fields={fieldsInfo}
          layout={layout}
          positions={positions}
          gutter={gutter}
          height={HEAD_H}
          errorOf={(f) => cache.errors.get(f) ?? fieldsInfo[f].unsupported}
          isNumeric={(f) => NUMERIC.has(fieldsInfo[f].typeId)}
          onResize={(f, w) => onChange({ widths: { ...state.widths, [f]: clampWidth(w) } })}
          onFit={(f) => onChange({ widths: { ...state.widths, [f]: fittedWidth(f, FIT_MAX) } })}
          onMove={(f, target, after) => onChange({ order: moveField(fieldsInfo.length, state.order, f, target, after) })}
          sortMark={sortActions?.mark}
          onMenu={
            (filterActions || sortActions) &&
            ((f, x, y) => setMenu({ x, y, label: `Column ${visibleText(fieldsInfo[f].name)}`, items: [...(filterActions ? [{ label: 'Filter this column…', run: () => filterActions.column(f) }] : []), ...(sortActions?.items(f) ?? [])] }))
          }
        />
        <div className="dg-canvas" style={{ height: scale.canvas, width }} onMouseDown={onCanvasMouseDown} onMouseOver={onCanvasPointerOver} onMouseMove={onCanvasPointerOver} onClick={onCanvasClick} onContextMenu={onCanvasContextMenu}>
          <div className="dg-rows" style={{ transform: `translateY(${rowsTop}px)`, width }}>
            {visibleRows.map((row) => {
              const texts: (CellText | undefined)[] = [];
              for (const p of positions) texts.push(cache.cell(row, fields[p]));
              const inRows = row >= range.top && row <= range.bottom;
              const at = fileRow(row);
              return (
                <GridRow
                  key={slotOf(row)}
                  row={row}
                  top={rowTop(row) - rowsTop}
                  height={ROW_H}
                  width={width}
                  gutter={gutter}
                  label={at === undefined ? '…' : count(at)}
                  chunkStart={row > 0 && cache.chunkStarts.has(row)}
                  layout={layout}
                  first={span.first}
                  texts={texts}
                  numeric={numeric}
                  charWidth={charWidth}
                  cursor={state.cursor.row === row ? cursorPos : -1}
                  cursorId={cellId(row, state.cursor.field)}
                  selectedFrom={inRows ? range.left : 0}
                  selectedTo={inRows ? range.right : -1}
                  range={!single}
                />
              );
            })}
          </div>
        </div>
      </div>
      {/* Always there, so that the grid's height stays when the cursor's row is not read yet. */}
      <div className="cell-detail" aria-label="Selected cell" data-testid="cell-detail">
        <span className="muted">
          <VisibleText text={fieldsInfo[state.cursor.field]?.name ?? ''} /> · row {fileRow(state.cursor.row) === undefined ? '…' : count(fileRow(state.cursor.row)!)}:
        </span>{' '}
        {cursorText === undefined ? '…' : <CellDetail text={cursorText} />}
      </div>
    </div>
  );
}
