import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { EngineError } from '../worker/client';
import type { ErrorInfo } from '../worker/protocol';
import type { FilterActions, FilterView } from './DataGrid';
import { applyFilter, cancelFilter, clearFilter, FILTER_KEY } from './filterRun';
import { count } from './format';
import { filterNeedsRun, type TabState, type TabStore } from './tabStore';
import { useEngine } from './useEngine';

/** `cond` added to the filter `existing` with AND (an expression with OR in parentheses first). */
export function andCondition(existing: string | null, cond: string): string {
  const e = existing?.trim();
  if (!e) return cond;
  return /\bOR\b/i.test(e) ? `(${e}) AND ${cond}` : `${e} AND ${cond}`;
}

/**
 * What the Data view's filter bar, grid and the Unique list need to build, apply and show a tab's
 * filter. A filter from a link (or one whose matches went with a restarted engine) is applied here.
 * Clicking builds conditions through the engine (it reads the value and writes it as the language
 * reads it): a cell's condition narrows the filter shown (AND), a unique value's replaces it, or
 * narrows the filter its count was made within.
 */
export function useFilterControls(tab: TabState, store: TabStore) {
  const engine = useEngine();
  const inputRef = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const f = tab.filter;
  const id = tab.id;

  useEffect(() => {
    if (filterNeedsRun(f)) void applyFilter(engine, store, id, f.applied!, true);
  }, [engine, store, id, f]);

  const fail = (e: unknown) => setError(e instanceof EngineError ? e.info : { message: String(e), where: {} });

  const apply = (text: string) => {
    setError(null);
    if (!text.trim()) return void clear();
    void applyFilter(engine, store, id, text);
  };

  const clear = async () => {
    setError(null);
    // Every row again, at the file row the cursor was on.
    let row: number | undefined;
    if (f.applied !== null) row = (await engine.rows(id, tab.grid.cursor.row, 1, [], 'filter-cursor', FILTER_KEY).catch(() => null))?.rowNumbers?.[0];
    await clearFilter(engine, store, id, row);
  };

  const focusEnd = () =>
    requestAnimationFrame(() => {
      const el = inputRef.current;
      if (!el) return;
      el.focus();
      el.setSelectionRange(el.value.length, el.value.length);
    });

  const actions: FilterActions = {
    column: (field) =>
      void engine.filterCondition(id, field, 'column').then((cond) => {
        const text = f.text.trim() ? andCondition(f.text, cond) : cond;
        store.setFilterText(id, text);
        focusEnd();
      }, fail),
    cell: (field, fileRow, op) =>
      void engine.filterCondition(id, field, op, fileRow).then((cond) => apply(andCondition(f.applied, cond)), fail),
  };

  /** A value of the Unique list (read from its first row): its rows (among those matching `within`, the filter it was counted in) shown in the Data view. */
  const filterValue = (column: number, firstRow: number, within?: string) =>
    void engine.filterCondition(id, column, '=', firstRow).then((cond) => {
      store.setView(id, 'data');
      apply(within ? andCondition(within, cond) : cond);
    }, fail);

  const known = f.status?.known ?? 0;
  const running = f.running;
  const locate = useCallback(
    async (row: number) => {
      const at = await engine.filterLocate(id, row, FILTER_KEY);
      if (!at) return null;
      const note = at.exact
        ? `Row ${count(row)} matches: match ${count(at.ordinal + 1)}.`
        : at.after
          ? `Row ${count(row)} does not match; the next matching row is ${count(at.row)}.`
          : `No matching row at or after row ${count(row)}${running ? ' is known yet' : ''}; the last one before it is ${count(at.row)}.`;
      return { ordinal: at.ordinal, note };
    },
    [engine, id, running],
  );
  const view: FilterView | null = useMemo(() => (f.applied === null ? null : { key: FILTER_KEY, rows: known, locate }), [f.applied, known, locate]);

  return {
    bar: {
      filter: f,
      indexing: tab.summary?.indexComplete === false,
      inputRef,
      onText: (text: string) => store.setFilterText(id, text),
      onApply: apply,
      onClear: () => void clear(),
      onCancel: () => void cancelFilter(engine, id),
    },
    /** Remounts the grid (a fresh row cache) for each run. */
    gridKey: f.applied === null ? 'all' : `filter-${f.run}`,
    view,
    actions,
    filterValue,
    error,
    dismissError: () => setError(null),
  };
}
