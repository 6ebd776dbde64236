import { useState, useSyncExternalStore } from 'react';
import type { ViewExport } from '../worker/protocol';
import { displayedColumns } from './columnLayout';
import { cancelExport, exportRuns, FORMATS, runExport, savePicker, type ExportState } from './exportRun';
import { FILTER_KEY } from './filterRun';
import { bytes, count } from './format';
import { rangeOf } from './gridSelection';
import { SORT_KEY } from './sortRun';
import { filterBusy, sortShown } from './sortState';
import type { TabState } from './tabStore';
import { useEngine } from './useEngine';
import './exportMenu.css';

type Format = ViewExport['format'];

/** The file's name without its extension, for the suggested name. */
const baseName = (name: string) => name.replace(/\.(arrows?|parquet|feather|ipc|csv)$/i, '') || 'export';
const extOf = (format: Format) => FORMATS.find((f) => f.format === format)!.ext;

/** "123,456 of 1,000,000 rows written (12.3 MB)". */
function progressText(s: ExportState): string {
  const p = s.progress;
  if (!p) return `Preparing ${s.fileName}…`;
  const of = p.rowsTotal !== null ? ` of ${count(p.rowsTotal)}` : '';
  return `${count(p.rowsWritten)}${of} rows written (${bytes(p.bytesWritten)})`;
}

function doneText(s: ExportState): string {
  const r = s.result!;
  const where = s.how === 'file' ? `to ${s.fileName}` : `to ${s.fileName}, handed to the browser's downloads${s.how === 'page' ? ' (held in this page’s memory: this browser has no private file system to write it to)' : ''}`;
  return [`Exported ${count(r.rows)} ${r.rows === 1 ? 'row' : 'rows'} (${bytes(r.bytes)}) ${where}.`, ...(r.typeChanges ?? [])].join(' ');
}

/**
 * "Export…" over the Data view: what it shows (the applied filter's rows, in its sort order, the
 * shown columns in their order), or only the selected rows, or every column, as CSV, Arrow IPC stream
 * or file, or Parquet, to a file chosen in the save dialog where the browser has one, else as a
 * download; with progress and Cancel. The engine writes a group of rows at a time.
 */
export function ExportMenu({ tab }: { tab: TabState }) {
  const engine = useEngine();
  const summary = tab.summary!;
  const state = useSyncExternalStore(exportRuns.subscribe, () => exportRuns.get(tab.id));
  const [open, setOpen] = useState(false);
  const [format, setFormat] = useState<Format>('csv');
  const [scope, setScope] = useState<'view' | 'selection'>('view');
  const [allColumns, setAllColumns] = useState(false);
  const [edited, setEdited] = useState<string | null>(null);

  const { grid, filter } = tab;
  const shown = displayedColumns(summary.fields.length, grid.order, grid.hidden, grid.only);
  const filtered = filter.applied !== null;
  // The rows the grid shows: the tab's sorted view (kept by the engine, on the filter) once its run is done, else the filter's matches, else every row.
  const sorted = sortShown(tab) ? tab.sortRun.status : null;
  const viewKey = sorted ? SORT_KEY : filtered ? FILTER_KEY : undefined;
  const viewRows = sorted ? sorted.rows : filtered ? (filter.status?.known ?? 0) : summary.rows;
  const range = rangeOf(grid.anchor, grid.cursor, shown);
  const selected = Math.max(0, Math.min(range.bottom, viewRows - 1) - range.top + 1);
  const suggested = `${baseName(summary.name)}${filtered ? '-filtered' : ''}${sorted ? '-sorted' : ''}${scope === 'selection' ? `-rows-${range.top}-${range.bottom}` : ''}.${extOf(format)}`;
  const fileName = edited ?? suggested;
  const running = state?.running ?? false;
  const blocked = filter.running
    ? 'The filter is still running: wait for it, or cancel it, to export its rows.'
    : filtered && !filter.status
      ? 'The filter has not run here yet.'
      : tab.rowSort !== null && !sorted && (tab.sortRun.running || filterBusy(filter))
        ? 'The rows are still being sorted: wait for the sort, or cancel it.'
        : summary.indexMs === undefined
          ? 'The file is still being indexed.'
          : null;
  const picker = !!savePicker();

  const start = (save: boolean) => {
    const request: ViewExport = {
      format,
      columns: allColumns ? summary.fields.map((_, i) => i) : shown,
      sort: null, // a sorted view is exported as the engine keeps it (viewKey)
      ...(scope === 'selection' ? { start: range.top, end: range.top + selected } : {}),
    };
    void runExport(engine, tab.id, request, viewKey, fileName, save);
  };

  return (
    <div className="export-bar">
      <details className="export-menu" open={open} onToggle={(e) => setOpen(e.currentTarget.open)} data-testid="export-menu">
        <summary>Export…</summary>
        {open && (
          <div className="export-panel" role="group" aria-label="Export">
            <label>
              Format{' '}
              <select
                aria-label="Export format"
                value={format}
                onChange={(e) => {
                  const next = e.target.value as Format;
                  setFormat(next);
                  if (edited !== null) setEdited(edited.replace(/(\.[^.]*)?$/, `.${extOf(next)}`));
                }}
              >
                {FORMATS.map((f) => (
                  <option key={f.format} value={f.format}>
                    {f.label} (.{f.ext})
                  </option>
                ))}
              </select>
            </label>
            <fieldset>
              <legend>Rows</legend>
              <label>
                <input type="radio" name={`export-scope-${tab.id}`} checked={scope === 'view'} onChange={() => setScope('view')} /> All {count(viewRows)} rows on view
                {filtered ? ' (the filter’s matches)' : ''}
                {sorted ? `, sorted by ${sorted.spec}${sorted.complete ? '' : ` (the first ${count(sorted.rows)} in that order)`}` : ''}
              </label>
              <label>
                <input type="radio" name={`export-scope-${tab.id}`} checked={scope === 'selection'} onChange={() => setScope('selection')} disabled={selected === 0} /> Selected rows ({count(selected)}: view rows {count(range.top)}–
                {count(range.top + Math.max(0, selected - 1))})
              </label>
            </fieldset>
            <fieldset>
              <legend>Columns</legend>
              <label>
                <input type="radio" name={`export-columns-${tab.id}`} checked={!allColumns} onChange={() => setAllColumns(false)} /> Shown columns ({count(shown.length)}), in their order
              </label>
              <label>
                <input type="radio" name={`export-columns-${tab.id}`} checked={allColumns} onChange={() => setAllColumns(true)} /> All {count(summary.fields.length)} columns
              </label>
            </fieldset>
            <label>
              File name
              <input type="text" aria-label="Export file name" value={fileName} spellCheck={false} onChange={(e) => setEdited(e.target.value)} />
            </label>
            <div className="export-actions">
              {picker && (
                <button type="button" onClick={() => start(true)} disabled={running || !!blocked}>
                  Save as…
                </button>
              )}
              <button type="button" onClick={() => start(false)} disabled={running || !!blocked}>
                Download
              </button>
            </div>
            {blocked && <div className="muted">{blocked}</div>}
            {!picker && <div className="muted">This browser has no save dialog: the file is written to its private storage, then downloaded.</div>}
          </div>
        )}
      </details>
      {state && (
        <span className="export-status" role="status" data-testid="export-status">
          {state.running && (
            <>
              {state.progress?.rowsTotal ? <progress max={state.progress.rowsTotal} value={state.progress.rowsWritten} /> : <progress />}
              {progressText(state)}{' '}
              <button type="button" onClick={() => void cancelExport(engine, tab.id)}>
                Cancel export
              </button>
            </>
          )}
          {!state.running && state.result && doneText(state)}
          {!state.running && state.cancelled && `Export cancelled: no file was written.`}
          {!state.running && state.error && <span className="export-error">Export failed: {state.error}</span>}
          {!state.running && (
            <button type="button" className="link" onClick={() => exportRuns.dismiss(tab.id)} aria-label="Dismiss the export's message">
              ×
            </button>
          )}
        </span>
      )}
    </div>
  );
}
