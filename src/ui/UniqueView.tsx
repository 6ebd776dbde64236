import { useVirtualizer } from '@tanstack/react-virtual';
import { useDeferredValue, useEffect, useRef, useState } from 'react';
import { EngineError } from '../worker/client';
import type { DatasetSummary, ErrorInfo, ValueCount } from '../worker/protocol';
import { ErrorBox } from './ErrorBox';
import { count } from './format';
import { FooterStats } from './FooterStats';
import { ProfilePanel } from './ProfilePanel';
import { ShareBar } from './ShareBar';
import type { KeptUniqueResult, UniqueRun } from './tabStore';
import { useEngine } from './useEngine';
import { visibleText } from './visibleText';

const ROW = 26;
const PAGE = 200;

interface Props {
  summary: DatasetSummary;
  /** Show `row` in the data view with the cell of the counted `column` selected. */
  onJump: (row: number, column: number) => void;
  /** Selected column and sort, kept by the parent so share links carry them. */
  column: number;
  onColumnChange: (column: number) => void;
  sort: 'count' | 'value';
  onSortChange: (sort: 'count' | 'value') => void;
  /** The column's result, its count still running and why its last count failed: kept by the tab, per column. */
  kept?: KeptUniqueResult;
  counting?: UniqueRun;
  failed?: ErrorInfo;
  /** The Data view's filter as applied (null: none), and the one a count made now goes over (null: every row). */
  filter?: string | null;
  scope?: string | null;
  /** The filter's run is still going: a count over its rows waits for it. */
  filterRunning?: boolean;
  /** Count every row (true) or only the filter's matching rows (false). */
  onAllRows?: (all: boolean) => void;
  onCount: () => void;
  onCancel: () => void;
  /** Show the rows holding a value in the Data view, as a filter (the value read from its first row; within the filter it was counted in). */
  onFilterValue?: (column: number, firstRow: number, within?: string) => void;
}

/**
 * Unique values with counts over every row of a column, or over the rows matching the Data view's
 * filter, computed in the worker pool. The count runs outside this view (uniqueCount.ts): it shows what
 * the tab keeps for the column, a count still running included, and says when that result was counted
 * over other rows than a count made now would be (the filter changed or was cleared since).
 */
export function UniqueView(props: Props) {
  const { summary, onJump, column, onColumnChange: setColumn, sort, onSortChange: setSort, kept, counting, failed, onCount, onCancel, onFilterValue } = props;
  const { filter = null, scope = null, filterRunning = false, onAllRows } = props;
  const engine = useEngine();
  const running = !!counting;
  const progress = counting?.progress ?? null;
  // Deferred: React renders a new result, its profile and list in slices, not in one long task.
  const result = useDeferredValue(running ? null : (kept ?? null));
  // Windows of the sorted, filtered list, read from the worker as they scroll into view.
  const [pages, setPages] = useState<{ key: string; total: number; pages: Map<number, ValueCount[]> }>({ key: '', total: 0, pages: new Map() });
  const [listError, setListError] = useState<ErrorInfo | null>(null);
  const error = failed ?? listError;
  const [search, setSearch] = useState('');
  const scroller = useRef<HTMLDivElement>(null);

  const viewKey = result ? `${result.columnIndex}|${result.ms}|${sort}|${search}` : '';
  const total = pages.key === viewKey ? pages.total : (result?.valueCount ?? 0);
  const virtualizer = useVirtualizer({ count: total, getScrollElement: () => scroller.current, estimateSize: () => ROW, overscan: 12 });
  const items = virtualizer.getVirtualItems();
  const firstPage = Math.floor((items[0]?.index ?? 0) / PAGE);
  const lastPage = Math.floor((items[items.length - 1]?.index ?? 0) / PAGE);

  useEffect(() => {
    if (!result) return;
    for (let p = firstPage; p <= lastPage; p++) {
      if (pages.key === viewKey && pages.pages.has(p)) continue;
      engine.uniqueValues(summary.id, result.columnIndex, p * PAGE, (p + 1) * PAGE, sort, search).then(
        ({ total: n, values }) =>
          setPages((old) => {
            const base = old.key === viewKey ? old.pages : new Map<number, ValueCount[]>();
            return { key: viewKey, total: n, pages: new Map(base).set(p, values) };
          }),
        (e: unknown) => setListError(e instanceof EngineError ? e.info : { message: String(e), where: {} }),
      );
    }
  }, [engine, summary.id, result, viewKey, sort, search, firstPage, lastPage, pages]);

  const exportCsv = async () => {
    if (!result) return;
    const url = URL.createObjectURL(await engine.uniqueCsv(summary.id, result.columnIndex, sort, search));
    const a = document.createElement('a');
    a.href = url;
    a.download = `${summary.name}.${result.column}.unique.csv`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  const pct = progress ? (progress.rowsDone / Math.max(1, progress.rowsTotal)) * 100 : 0;
  return (
    <div className="unique">
      <div className="grid-tools">
        <label>
          Column{' '}
          <select value={column} onChange={(e) => setColumn(Number(e.target.value))} aria-label="Column to count">
            {summary.fields.map((f, i) => (
              <option key={i} value={i} disabled={!!f.unsupported}>
                {visibleText(f.name)} ({f.type})
              </option>
            ))}
          </select>
        </label>
        <button onClick={onCount} disabled={running}>
          Count unique values
        </button>
        {filter !== null && onAllRows && (
          <label title={filter}>
            <input type="checkbox" checked={scope !== null} onChange={(e) => onAllRows(!e.target.checked)} /> Only rows matching the filter
          </label>
        )}
        {running && <button onClick={onCancel}>Cancel</button>}
        {result && (
          <>
            <input aria-label="Search values" placeholder="Search values" value={search} onChange={(e) => setSearch(e.target.value)} />
            <select aria-label="Sort by" value={sort} onChange={(e) => setSort(e.target.value as 'count' | 'value')}>
              <option value="count">by count</option>
              <option value="value">by value</option>
            </select>
            <button onClick={exportCsv}>Export CSV</button>
          </>
        )}
      </div>
      <FooterStats summary={summary} column={column} />
      {running && (
        <div className="meter" data-testid="unique-progress">
          <div className="meter-bar" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(pct)}>
            <div style={{ width: `${pct}%` }} />
          </div>
          <div className="meter-text">
            {progress
              ? `${count(progress.rowsDone)} of ${count(progress.rowsTotal)} ${scope !== null ? 'matching ' : ''}rows · ${count(Math.round(progress.rowsPerSecond))} rows/s · ${Number.isFinite(progress.remainingMs) ? `${(progress.remainingMs / 1000).toFixed(1)} s left` : ''}`
              : scope !== null && filterRunning
                ? 'Waiting for the filter to finish…'
                : 'Starting…'}
          </div>
        </div>
      )}
      {error && <ErrorBox info={error} />}
      {result && (
        <>
          <h2 className="unique-heading" data-testid="unique-heading">
            {uniqueHeading(result)}
          </h2>
          <StaleNote counted={result.filter?.text ?? null} scope={scope} filter={filter} running={running} onCount={onCount} />
          <p className="muted" data-testid="unique-summary">
            {result.column}: {count(result.rows)} rows, {count(result.distinct)} distinct{result.exact ? '' : ' (estimate)'}, {count(result.nulls)} nulls, in {(result.ms / 1000).toFixed(2)} s
            {result.note ? ` — ${result.note}` : ''}
          </p>
          <ProfilePanel result={result} />
          {/* One grid: the header row, then the scrolling rows (a focusable region, so keys scroll it). */}
          <div className="unique-table" role="grid" aria-label={`Unique values of ${result.column}`} aria-rowcount={total + 1}>
            <div role="rowgroup">
              <div className="unique-head" role="row" aria-rowindex={1}>
                <span role="columnheader">Value</span>
                <span role="columnheader">Count</span>
                <span role="columnheader">Share</span>
              </div>
            </div>
            <div ref={scroller} className="unique-scroll" role="rowgroup" tabIndex={0} aria-label="Values (click one to show its first row)" data-testid="unique-list">
              <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
                {items.map((item) => {
                  const v = pages.key === viewKey ? pages.pages.get(Math.floor(item.index / PAGE))?.[item.index % PAGE] : undefined;
                  if (!v) {
                    return (
                      <div key={item.key} role="row" aria-rowindex={item.index + 2} className="unique-row" style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW, transform: `translateY(${item.start}px)` }}>
                        <span role="gridcell">…</span>
                      </div>
                    );
                  }
                  return (
                    <div
                      key={item.key}
                      role="row"
                      aria-rowindex={item.index + 2}
                      className="unique-row"
                      style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW, transform: `translateY(${item.start}px)` }}
                      onClick={() => onJump(v.firstRow, result.columnIndex)}
                      title={`First at row ${count(v.firstRow)}: click to show it`}
                    >
                      <span role="gridcell" className={v.value === null ? 'null' : ''}>
                        {v.value === null ? 'null' : String(v.value)}
                      </span>
                      <span role="gridcell">{count(v.count)}</span>
                      <span role="gridcell" className="unique-share">
                        <ShareBar part={v.count} whole={result.rows} />
                        {onFilterValue && v.firstRow >= 0 && (
                          <button
                            className="link unique-filter"
                            aria-label="Filter rows with this value"
                            title="Filter rows with this value (Data view)"
                            onClick={(e) => {
                              e.stopPropagation();
                              onFilterValue(result.columnIndex, v.firstRow, result.filter?.text);
                            }}
                          />
                        )}
                      </span>
                    </div>
                  );
                })}
              </div>
            </div>
          </div>
        </>
      )}
    </div>
  );
}

/** "Unique values of cand_nm in 12,345 rows matching `contb_receipt_amt >= 1000`", or "… in all 4,000 rows". */
export function uniqueHeading(result: KeptUniqueResult): string {
  const rows = `${count(result.rows)} ${result.rows === 1 ? 'row' : 'rows'}`;
  if (!result.filter) return `Unique values of ${visibleText(result.column)} in all ${rows}`;
  const partial = result.filter.complete ? '' : ' (the filter was stopped part way: the matches it found)';
  return `Unique values of ${visibleText(result.column)} in ${rows} matching \`${result.filter.text}\`${partial}`;
}

/** Says when the result shown was counted over other rows than a count made now would be, with a button to count again. */
function StaleNote({ counted, scope, filter, running, onCount }: { counted: string | null; scope: string | null; filter: string | null; running: boolean; onCount: () => void }) {
  if (counted === scope) return null;
  const text =
    counted === null
      ? `These counts are over every row, not only those matching \`${scope}\`.`
      : scope !== null
        ? `These counts are over the rows matching \`${counted}\`; the filter is now \`${scope}\`.`
        : filter !== null
          ? `These counts are over the rows matching \`${counted}\`, not every row.`
          : `These counts are over the rows matching \`${counted}\`; the filter was cleared since.`;
  return (
    <p className="unique-stale" role="status" data-testid="unique-stale">
      {text}{' '}
      <button className="link" onClick={onCount} disabled={running}>
        {scope !== null ? 'Count the matching rows' : 'Count every row'}
      </button>
    </p>
  );
}
