import { useDeferredValue, useState } from 'react';
import type { DatasetSummary, ErrorInfo } from '../worker/protocol';
import { ErrorBox } from './ErrorBox';
import { count } from './format';
import { FooterStats } from './FooterStats';
import { ProfilePanel } from './ProfilePanel';
import type { KeptUniqueResult, UniqueRun } from './tabStore';
import { UniqueList } from './UniqueList';
import { useEngine } from './useEngine';
import { visibleText } from './visibleText';

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
  // The list reads its windows from the worker as they scroll into view; a failure to read one shows here.
  const [listError, setListError] = useState<ErrorInfo | null>(null);
  const error = failed ?? listError;
  const [search, setSearch] = useState('');

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
          <UniqueList key={`${result.columnIndex}|${result.ms}`} datasetId={summary.id} result={result} sort={sort} search={search} onJump={onJump} onFilterValue={onFilterValue} onError={setListError} />
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
