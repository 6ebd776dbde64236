import { useCallback, useRef, useState, type RefObject } from 'react';
import { EngineError } from '../worker/client';
import type { ErrorInfo, FilterProblem, FindDirection, FindStatus } from '../worker/protocol';
import { ErrorBox } from './ErrorBox';
import { ExpressionProblem } from './ExpressionProblem';
import { FILTER_KEY } from './filterRun';
import { notFoundText, searchedText } from './findText';
import { count } from './format';
import type { TabState } from './tabStore';
import { useEngine } from './useEngine';
import { visibleText } from './visibleText';

/** The cancellation key of a tab's find (the engine host makes it the tab's: `find@3`). */
export const FIND_KEY = 'find';
/** Columns offered by "… contains"; past them, a WHERE expression names any column. */
const MAX_COLUMN_OPTIONS = 1000;
const WHERE = 'where';

/** Where the grid's cursor goes: a view row and, when known, the column (`seq` tells one jump from the next). */
export interface FindJump {
  row: number;
  field?: number;
  seq: number;
}

/** The Data view's find bar for one tab: open or not (Ctrl+F in the grid opens it), and the jumps it asks the grid for. */
export function useFind(tab: TabState) {
  const [open, setOpen] = useState(false);
  const [shown, setShown] = useState(false);
  const [jump, setJump] = useState<FindJump | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const onOpen = useCallback(() => {
    setOpen(true);
    setShown(true);
    requestAnimationFrame(() => {
      inputRef.current?.focus();
      inputRef.current?.select();
    });
  }, []);
  const onClose = useCallback(() => {
    // Back to the grid, where Ctrl+F opens the bar again.
    inputRef.current?.closest('.dataset')?.querySelector<HTMLElement>('[role=grid]')?.focus();
    setOpen(false);
  }, []);
  const onFound = useCallback((row: number, field?: number) => setJump((j) => ({ row, field, seq: (j?.seq ?? 0) + 1 })), []);
  return { open, shown, jump, onOpen, bar: { tab, inputRef, hidden: !open, onClose, onFound } };
}

interface Props {
  tab: TabState;
  inputRef: RefObject<HTMLInputElement | null>;
  hidden: boolean;
  onClose: () => void;
  /** A match was found at view row `row` (its column `field`): the grid's cursor goes there. */
  onFound: (row: number, field?: number) => void;
}

/**
 * Find next / previous from the grid's cursor: rows where a column contains a text (a shortcut that
 * writes the WHERE expression) or where any WHERE expression is true. Enter finds the next, Shift+Enter
 * the previous, Esc closes. The engine searches chunk by chunk from the cursor and remembers what it
 * learned, so finding again reads no chunk twice; with a filter applied, only its rows are searched.
 */
export function FindBar({ tab, inputRef, hidden, onClose, onFound }: Props) {
  const engine = useEngine();
  const fields = tab.summary?.fields ?? [];
  const [mode, setMode] = useState(() => (fields.length ? String(Math.min(tab.grid.cursor.field, MAX_COLUMN_OPTIONS - 1)) : WHERE));
  const [text, setText] = useState('');
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<FindStatus | null>(null);
  const [message, setMessage] = useState('');
  const [problem, setProblem] = useState<{ tried: string; problem: FilterProblem } | null>(null);
  const [failure, setFailure] = useState<ErrorInfo | null>(null);
  /** The expression (and view) of the last find: a new one starts at the cursor's own row, a repeat after it. */
  const last = useRef('');

  const expressionOf = async (): Promise<string> => {
    if (mode === WHERE) return text;
    return engine.findCondition(tab.id, Number(mode), text);
  };

  const run = async (direction: FindDirection) => {
    if (!text.trim()) return;
    setProblem(null);
    setFailure(null);
    if (tab.rowSort) return setMessage('Find goes through the rows in file order (or the filter’s): clear the sort to find.');
    const filtered = tab.filter.applied !== null;
    let expression: string;
    try {
      expression = await expressionOf();
    } catch (e) {
      return setFailure(e instanceof EngineError ? e.info : { message: String(e), where: {} });
    }
    const signature = `${expression}\u0000${filtered ? tab.filter.applied : ''}`;
    const cursor = tab.grid.cursor.row;
    const fresh = signature !== last.current;
    const from = fresh ? (direction === 'next' ? cursor - 1 : cursor + 1) : cursor;
    setRunning(true);
    setProgress(null);
    setMessage('');
    try {
      const answer = await engine.find(tab.id, expression, from, direction, FIND_KEY, (s: FindStatus) => setProgress(s), filtered ? FILTER_KEY : undefined);
      if (answer.problem) {
        last.current = '';
        return setProblem({ tried: expression, problem: answer.problem });
      }
      last.current = signature;
      if (!answer.found) return setMessage(notFoundText(answer.status, filtered));
      const { found, status } = answer;
      onFound(found.viewRow, mode === WHERE ? found.column : Number(mode));
      setMessage(`${filtered ? `Match ${count(found.viewRow + 1)}, row` : 'Row'} ${count(found.row)} — ${searchedText(status)}.`);
    } catch (e) {
      const info = e instanceof EngineError ? e.info : { message: String(e), where: {} };
      if (info.message === 'Cancelled.') setMessage('Find cancelled.');
      else setFailure(info);
    } finally {
      setRunning(false);
      setProgress(null);
    }
  };

  const inputId = `find-text-${tab.id}`;
  return (
    <div className="filter-bar find-bar" data-testid="find-bar" hidden={hidden}>
      <form
        className="filter-form"
        onSubmit={(e) => {
          e.preventDefault();
          void run('next');
        }}
      >
        <label htmlFor={inputId}>Find</label>
        <select aria-label="Find in" value={mode} onChange={(e) => setMode(e.target.value)} data-testid="find-mode">
          {fields.slice(0, MAX_COLUMN_OPTIONS).map((f, i) => (
            <option key={i} value={String(i)}>
              {visibleText(f.name)} contains
            </option>
          ))}
          <option value={WHERE}>rows where (WHERE expression)</option>
        </select>
        <input
          id={inputId}
          ref={inputRef}
          className="filter-text"
          aria-label="Find"
          aria-invalid={!!problem}
          aria-describedby={problem ? `${inputId}-problem` : undefined}
          placeholder={mode === WHERE ? "cand_nm = 'Obama, Barack' AND contb_receipt_amt >= 1000   (Enter: next, Shift+Enter: previous)" : 'text to find   (Enter: next, Shift+Enter: previous, Esc: close)'}
          spellCheck={false}
          autoComplete="off"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void run(e.shiftKey ? 'previous' : 'next');
            } else if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'f') {
              e.preventDefault(); // the bar is already open: not the browser's find
              e.currentTarget.select();
            } else if (e.key === 'Escape') {
              e.preventDefault();
              onClose();
            }
          }}
          data-testid="find-text"
        />
        <button type="button" onClick={() => void run('previous')} title="Shift+Enter" disabled={running}>
          Previous
        </button>
        <button type="submit" title="Enter" disabled={running}>
          Next
        </button>
        {running && (
          <button type="button" onClick={() => void engine.cancelFor(tab.id, FIND_KEY)}>
            Cancel
          </button>
        )}
        <button type="button" onClick={onClose} aria-label="Close find" title="Esc">
          ×
        </button>
      </form>
      {problem && <ExpressionProblem tried={problem.tried} problem={problem.problem} id={`${inputId}-problem`} testId="find" />}
      {failure && <ErrorBox info={failure} />}
      {(running || message) && (
        <div className="muted filter-status" role="status" data-testid="find-status">
          {running ? `Searching${progress ? ` — ${searchedText(progress)}` : '…'}` : message}
        </div>
      )}
    </div>
  );
}
