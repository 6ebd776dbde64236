import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { CellText, DatasetSummary } from '../worker/protocol';
import { count } from './format';
import { prettyNested } from './prettyNested';
import { clamp } from './scaledScroll';
import { TypeIcon } from './TypeIcon';
import { useEngine } from './useEngine';
import { useRowWindow } from './useRowWindow';
import { useScaledScroll } from './useScaledScroll';

const ROW_H = 24;
const COL_W = 180;
const GUTTER_W = 110;
/** Rows rendered (and read) above and below the visible ones. */
const OVERSCAN_ROWS = 8;

interface Props {
  summary: DatasetSummary;
  initialRow: number;
  onRowChange: (row: number) => void;
}

/**
 * All rows of all chunks as one virtualized table. Only the visible window is read from the file;
 * scaled scrolling keeps every one of 50M+ rows reachable.
 */
export function DataGrid({ summary, initialRow, onRowChange }: Props) {
  const engine = useEngine();
  const [selected, setSelected] = useState<{ row: number; col: number }>({ row: initialRow, col: 0 });
  const [onlyColumn, setOnlyColumn] = useState<number | null>(null);
  const [goto, setGoto] = useState('');
  const [status, setStatus] = useState('');
  const rows = summary.rows;
  const columns = useMemo(() => (onlyColumn === null ? summary.fields.map((_, i) => i) : [onlyColumn]), [onlyColumn, summary.fields]);
  const { scroller, scale, viewport, firstRow, lastRow, shift, jumpToRow, revealRow } = useScaledScroll(rows, ROW_H, OVERSCAN_ROWS);

  const columnVirtualizer = useVirtualizer({
    horizontal: true,
    count: columns.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => COL_W,
    overscan: 2,
  });
  const colItems = columnVirtualizer.getVirtualItems();
  const visibleCols = colItems.map((c) => columns[c.index]);
  const { cache, readAtOnce } = useRowWindow(summary.id, firstRow, lastRow, visibleCols, setStatus);

  const scrollToRow = useCallback(
    (row: number) => {
      const target = clamp(row, 0, Math.max(0, rows - 1));
      setSelected((s) => ({ ...s, row: target }));
      readAtOnce();
      jumpToRow(target);
    },
    [jumpToRow, readAtOnce, rows],
  );

  useEffect(() => {
    if (initialRow > 0) scrollToRow(initialRow);
    // Only on mount: later row changes come from the user.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    onRowChange(firstRow);
  }, [firstRow, onRowChange]);

  const onKeyDown = (e: React.KeyboardEvent) => {
    const page = Math.max(1, Math.floor(viewport / ROW_H) - 1);
    const moves: Record<string, [number, number]> = {
      ArrowDown: [1, 0],
      ArrowUp: [-1, 0],
      ArrowRight: [0, 1],
      ArrowLeft: [0, -1],
      PageDown: [page, 0],
      PageUp: [-page, 0],
    };
    if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      scrollToRow(e.key === 'Home' ? 0 : rows - 1);
      return;
    }
    if ((e.ctrlKey || e.metaKey) && e.key === 'c') {
      const text = cache.cell(selected.row, columns[selected.col]);
      if (text !== undefined && !isError(text)) void navigator.clipboard?.writeText(text ?? '');
      return;
    }
    const move = moves[e.key];
    if (!move) return;
    e.preventDefault();
    const row = clamp(selected.row + move[0], 0, rows - 1);
    const col = clamp(selected.col + move[1], 0, columns.length - 1);
    setSelected({ row, col });
    revealRow(row);
    columnVirtualizer.scrollToIndex(col);
  };

  const onGoto = async (e: React.FormEvent) => {
    e.preventDefault();
    const m = goto.trim().match(/^(?:(\d+)\s*[:/,]\s*)?(\d[\d_,]*)$/);
    if (!m) {
      setStatus('Type a row number, or chunk:row (for example 5:1000).');
      return;
    }
    const row = Number(m[2].replace(/[_,]/g, ''));
    if (m[1] !== undefined) {
      const chunk = Number(m[1]);
      const [info] = await engine.chunks(summary.id, chunk, chunk + 1);
      if (!info) return setStatus(`There is no chunk ${chunk}.`);
      if (row >= info.rows) return setStatus(`Chunk ${chunk} has ${count(info.rows)} rows.`);
      scrollToRow(info.rowOffset + row);
    } else {
      if (row >= rows) return setStatus(`The file has ${count(rows)} rows.`);
      scrollToRow(row);
    }
    setStatus('');
  };

  const visibleRows: number[] = [];
  for (let r = firstRow; r <= lastRow; r++) visibleRows.push(r);
  const width = GUTTER_W + columnVirtualizer.getTotalSize();
  const selectedText = cache.cell(selected.row, columns[selected.col]);

  return (
    <div className="grid-wrap">
      <div className="grid-tools">
        <form onSubmit={onGoto}>
          <input aria-label="Go to row" placeholder="Go to row N or chunk:row" value={goto} onChange={(e) => setGoto(e.target.value)} data-testid="goto" />
          <button type="submit">Go</button>
        </form>
        <label>
          Show{' '}
          <select value={onlyColumn ?? ''} onChange={(e) => setOnlyColumn(e.target.value === '' ? null : Number(e.target.value))} aria-label="Columns shown">
            <option value="">all columns</option>
            {summary.fields.map((f, i) => (
              <option key={i} value={i}>
                only {f.name}
              </option>
            ))}
          </select>
        </label>
        <button onClick={() => (selectedText === null || typeof selectedText === 'string') && navigator.clipboard?.writeText(selectedText ?? '')} disabled={selectedText === undefined || isError(selectedText)}>
          Copy cell
        </button>
        <span className="muted" data-testid="grid-status" role="status">
          {status || `Row ${count(selected.row)} of ${count(rows)}`}
        </span>
      </div>
      <div className="grid-head" style={{ width }} role="row">
        <div className="gutter" style={{ width: GUTTER_W }}>
          row
        </div>
        {colItems.map((c) => {
          const f = summary.fields[columns[c.index]];
          const err = cache.errors.get(columns[c.index]) ?? f.unsupported;
          return (
            <div key={c.key} role="columnheader" className="grid-cell head" style={{ position: 'absolute', left: GUTTER_W + c.start, width: COL_W }} title={`${f.name}: ${f.type}${err ? `\n${err}` : ''}`}>
              <TypeIcon typeId={f.typeId} /> {f.name}
              {err && <span className="badge warn"> !</span>}
            </div>
          );
        })}
      </div>
      <div
        ref={scroller}
        className="grid-scroll"
        role="grid"
        aria-label="Data"
        aria-rowcount={rows}
        aria-colcount={columns.length}
        tabIndex={0}
        onKeyDown={onKeyDown}
        onScroll={(e) => {
          const head = e.currentTarget.previousElementSibling as HTMLElement;
          head.scrollLeft = e.currentTarget.scrollLeft;
        }}
        data-testid="grid"
      >
        <div style={{ height: scale.canvas, width, position: 'relative' }}>
          {visibleRows.map((row) => {
            const chunkStart = cache.chunkStarts.has(row) && row > 0;
            return (
              <div
                key={row}
                role="row"
                aria-rowindex={row + 1}
                className={`grid-row${chunkStart ? ' chunk-start' : ''}`}
                style={{ position: 'absolute', top: row * ROW_H - shift, height: ROW_H, width }}
              >
                <div className="gutter" style={{ width: GUTTER_W }} role="rowheader">
                  {count(row)}
                </div>
                {colItems.map((c) => {
                  const col = columns[c.index];
                  const text = cache.cell(row, col);
                  const isSel = selected.row === row && selected.col === c.index;
                  return (
                    <div
                      key={c.key}
                      role="gridcell"
                      aria-selected={isSel}
                      className={`grid-cell${text === null ? ' null' : ''}${isError(text) ? ' cell-error' : ''}${isSel ? ' selected' : ''}${summary.fields[col].typeId === 'int' || summary.fields[col].typeId === 'float' ? ' num' : ''}`}
                      style={{ position: 'absolute', left: GUTTER_W + c.start, width: COL_W }}
                      onClick={() => setSelected({ row, col: c.index })}
                      title={isError(text) ? `Not shown: ${text.error}` : (text ?? undefined)}
                    >
                      {text === undefined ? '…' : text === null ? 'null' : isError(text) ? '⚠ error' : text}
                    </div>
                  );
                })}
              </div>
            );
          })}
        </div>
      </div>
      {selectedText !== undefined && (
        <div className="cell-detail" aria-label="Selected cell" data-testid="cell-detail">
          <span className="muted">
            {summary.fields[columns[selected.col]]?.name} · row {count(selected.row)}:
          </span>{' '}
          <CellText text={selectedText} />
        </div>
      )}
    </div>
  );
}

const isError = (text: CellText | undefined): text is { error: string } => typeof text === 'object' && text !== null;

/** The whole value of the selected cell; nested (JSON-like) values pretty-printed and expandable. */
function CellText({ text }: { text: CellText }) {
  const [open, setOpen] = useState(false);
  if (text === null) return <span className="null">null</span>;
  if (typeof text === 'object') return <span className="cell-error">Not shown: {text.error}</span>;
  const pretty = prettyNested(text);
  if (!pretty) return <span className="cell-text">{text}</span>;
  return open ? (
    <>
      <button className="link" onClick={() => setOpen(false)}>
        collapse
      </button>
      <pre className="meta-pre">{pretty}</pre>
    </>
  ) : (
    <>
      <span className="cell-text">{text.length > 200 ? `${text.slice(0, 200)}…` : text}</span>{' '}
      <button className="link" onClick={() => setOpen(true)}>
        expand
      </button>
    </>
  );
}
