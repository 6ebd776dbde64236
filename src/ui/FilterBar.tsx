import type { RefObject } from 'react';
import type { FilterStatus } from '../worker/protocol';
import { ErrorBox } from './ErrorBox';
import { count } from './format';
import type { FilterState } from './tabStore';

interface Props {
  filter: FilterState;
  /** The file's chunks are still being listed (a stream): a run waits for the whole list. */
  indexing?: boolean;
  inputRef: RefObject<HTMLInputElement | null>;
  onText: (text: string) => void;
  /** Enter: apply the text (an empty text clears the filter). */
  onApply: (text: string) => void;
  /** Esc or Clear: every row again. */
  onClear: () => void;
  onCancel: () => void;
}

const percent = (s: FilterStatus) => (s.rows > 0 ? Math.floor((s.rowsScanned / s.rows) * 100) : 100);

/** "12,345 matching rows of 50,086,550 — 40% scanned", and what the grid shows of them when not all are in order yet. */
export function filterSummary(s: FilterStatus): string {
  const head = `${count(s.matched)} matching ${s.matched === 1 ? 'row' : 'rows'} of ${count(s.rows)} — ${percent(s)}% scanned`;
  const time = s.done ? ` in ${(s.elapsedMs / 1000).toFixed(2)} s${s.workers > 1 ? ` on ${s.workers} threads` : ''}` : '';
  const skipped = s.chunksSkipped ? ` · ${count(s.chunksSkipped)} of ${count(s.chunks)} chunks decided by statistics` : '';
  const pages = s.pagesSkipped ? ` · ${count(s.pagesSkipped)} of ${count(s.pages ?? 0)} pages by the page index` : '';
  const shown = s.known < s.matched ? ` · the first ${count(s.known)} shown (the others once the chunks before them are scanned)` : '';
  return `${s.cancelled ? 'Cancelled: ' : ''}${head}${time}${skipped}${pages}${shown}`;
}

/**
 * The Data view's filter: a text box for the WHERE language (Enter applies, Esc clears), the problem
 * with the text under it (the offending token marked), progress and Cancel while the file is scanned,
 * and how many rows match. The store keeps all of it per tab; the engine does the work.
 */
export function FilterBar({ filter, indexing, inputRef, onText, onApply, onClear, onCancel }: Props) {
  const { status, problem } = filter;
  const pct = status ? percent(status) : 0;
  return (
    <div className="filter-bar" data-testid="filter-bar">
      <form
        className="filter-form"
        onSubmit={(e) => {
          e.preventDefault();
          onApply(filter.text);
        }}
      >
        <label htmlFor="filter-text">Filter</label>
        <input
          id="filter-text"
          ref={inputRef}
          className="filter-text"
          aria-label="Filter rows where"
          aria-invalid={!!problem}
          aria-describedby={problem ? 'filter-problem' : undefined}
          placeholder="WHERE …  cand_nm = 'Obama, Barack' AND contb_receipt_amt >= 1000   (Enter applies, Esc clears)"
          spellCheck={false}
          autoComplete="off"
          value={filter.text}
          onChange={(e) => onText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              onClear();
            }
          }}
          data-testid="filter-text"
        />
        <button type="submit">Apply</button>
        {(filter.applied !== null || filter.text) && (
          <button type="button" onClick={onClear}>
            Clear
          </button>
        )}
        {filter.running && (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </form>
      {problem && (
        <div id="filter-problem" className="filter-problem" role="alert" data-testid="filter-problem">
          <code className="filter-tried">
            {filter.tried.slice(0, problem.offset)}
            <mark data-testid="filter-token">{filter.tried.slice(problem.offset, problem.offset + problem.length) || ' '}</mark>
            {filter.tried.slice(problem.offset + problem.length)}
          </code>
          <div>{problem.message}</div>
        </div>
      )}
      {filter.failure && <ErrorBox info={filter.failure} />}
      {filter.running && (
        <div className="meter-bar filter-meter" role="progressbar" aria-label="Scanned" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct}>
          <div style={{ width: `${pct}%` }} />
        </div>
      )}
      {(filter.running || status) && (
        <div className="muted filter-status" role="status" data-testid="filter-status">
          {status ? filterSummary(status) : filter.applied !== null ? (indexing ? 'Waiting for the list of chunks (the file is still being indexed)…' : 'Starting…') : ''}
        </div>
      )}
    </div>
  );
}
