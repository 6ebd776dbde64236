import type { SortStatus } from '../worker/protocol';
import { ErrorBox } from './ErrorBox';
import { count } from './format';
import type { SortRun } from './sortState';

interface Props {
  /** The order applied (null: none), and its keys as text ("contb_receipt_amt ↓, cand_nm ↑"). */
  rowSort: string | null;
  keysText: string;
  run: SortRun;
  /** The filter's matches are not all in yet: the sort waits for them. */
  waiting: boolean;
  onCancel: () => void;
  onClear: () => void;
}

const percent = (s: SortStatus) => (s.rowsToRead > 0 ? Math.floor((s.rowsDone / s.rowsToRead) * 100) : 0);

/** "Sorted by contb_receipt_amt ↓ — 2,000,000 rows", or what the sort orders instead (the first 10,000 of more). */
export function sortSummary(keysText: string, s: SortStatus): string {
  const what = s.filtered ? 'matching rows' : 'rows';
  const body = s.complete ? `${count(s.rows)} ${s.rows === 1 ? what.replace('rows', 'row') : what}` : (s.note ?? `the first ${count(s.rows)} of ${count(s.candidates)} ${what}`);
  return `Sorted by ${keysText} — ${body} in ${(s.elapsedMs / 1000).toFixed(2)} s`;
}

/**
 * The Data view's row order under the filter bar: what it is sorted by and how many rows, progress and
 * Cancel while the rows are read, Clear sort. The order is chosen from a column header's menu.
 */
export function SortBar({ rowSort, keysText, run, waiting, onCancel, onClear }: Props) {
  if (rowSort === null && !run.cancelled) return null;
  const { status } = run;
  let text: string;
  if (rowSort === null) text = 'Sort cancelled: the rows are in file order (or the filter’s).';
  else if (run.running) text = `Sorting by ${keysText}…${status ? ` ${percent(status)}% of the ${status.filtered ? 'matching ' : ''}rows read` : ''}`;
  else if (status?.done) text = sortSummary(keysText, status);
  else if (waiting) text = `Sort by ${keysText}: waiting for the filter’s matches…`;
  else if (run.failure) text = `Not sorted by ${keysText}:`;
  else text = `Sort by ${keysText}…`;
  return (
    <div className="sort-bar" data-testid="sort-bar">
      <span className="muted sort-status" role="status" data-testid="sort-status">
        {text}
      </span>
      {run.running && (
        <button type="button" onClick={onCancel}>
          Cancel sort
        </button>
      )}
      {rowSort !== null && (
        <button type="button" onClick={onClear}>
          Clear sort
        </button>
      )}
      {run.running && status && (
        <div className="meter-bar sort-meter" role="progressbar" aria-label="Sorted" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent(status)}>
          <div style={{ width: `${percent(status)}%` }} />
        </div>
      )}
      {rowSort !== null && run.failure && <ErrorBox info={run.failure} />}
    </div>
  );
}
