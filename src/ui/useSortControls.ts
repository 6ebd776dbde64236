import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { FilterView, SortActions } from './DataGrid';
import { FILTER_KEY } from './filterRun';
import { count } from './format';
import { parseRowSort, rowSortText, sortKeysText, sortMark, withSortKey } from './rowSortSpec';
import { applySort, cancelSort, clearSort, SORT_KEY } from './sortRun';
import { filterBusy, sortChosen, sortNeedsRun, sortShown } from './sortState';
import type { TabState, TabStore } from './tabStore';
import { useEngine } from './useEngine';

/**
 * The Data view's row order: the header menu's actions, the sort bar, and the grid's view when the
 * rows are sorted (view row i is the i-th row in order; the row-number column shows its file row).
 * An order chosen, from a link, after a new filter or an engine restart is sorted here once the
 * filter's matches are all in. `filterView` and `filterGridKey` are the grid's view and key otherwise.
 */
export function useSortControls(tab: TabState, store: TabStore, filterView: FilterView | null, filterGridKey: string) {
  const engine = useEngine();
  const id = tab.id;
  const fields = tab.summary!.fields;
  const keys = useMemo(() => parseRowSort(tab.rowSort, fields), [tab.rowSort, fields]);
  const shown = sortShown(tab);
  const status = tab.sortRun.status;
  const cursor = useRef(tab.grid.cursor.row);
  cursor.current = tab.grid.cursor.row;

  useEffect(() => {
    if (sortNeedsRun(tab)) void applySort(engine, store, id);
  }, [engine, store, id, tab]);

  const choose = useCallback((next: typeof keys) => store.changeSort(id, (t) => sortChosen(t, rowSortText(next, fields))), [store, id, fields]);

  const clear = async () => {
    // The rows in file (or filter) order again, at the row the cursor was on.
    let row: number | undefined;
    if (shown) {
      const fileRow = (await engine.rows(id, cursor.current, 1, [], 'sort-cursor', SORT_KEY).catch(() => null))?.rowNumbers?.[0];
      if (fileRow !== undefined) row = tab.filter.applied === null ? fileRow : (await engine.filterLocate(id, fileRow, FILTER_KEY).catch(() => null))?.ordinal;
    }
    await clearSort(engine, store, id, row);
  };

  const actions: SortActions = {
    mark: (field) => sortMark(keys, field),
    items: (field) => [
      { label: 'Sort ascending', run: () => choose([{ column: field, descending: false }]) },
      { label: 'Sort descending', run: () => choose([{ column: field, descending: true }]) },
      ...(keys.length && !(keys.length === 1 && keys[0].column === field)
        ? [
            { label: 'Add to sort (ascending)', run: () => choose(withSortKey(keys, field, false)) },
            { label: 'Add to sort (descending)', run: () => choose(withSortKey(keys, field, true)) },
          ]
        : []),
      ...(tab.rowSort !== null ? [{ label: 'Clear sort', run: () => void clear() }] : []),
    ],
  };

  const rows = shown ? status!.rows : 0;
  const filtered = status?.filtered === true;
  const locate = useCallback(
    async (row: number) => {
      const at = await engine.sortLocate(id, row, SORT_KEY);
      if (at) return { ordinal: at.ordinal, note: `Row ${count(row)} is row ${count(at.ordinal + 1)} in this order.` };
      const why = filtered ? 'it does not match the filter, or is past the rows sorted' : 'it is past the rows sorted';
      return { ordinal: cursor.current, note: `Row ${count(row)} is not in this sorted view (${why}).` };
    },
    [engine, id, filtered],
  );
  const view: FilterView | null = useMemo(
    () => (shown ? { key: SORT_KEY, rows, locate, label: filtered ? 'Sorted match' : 'Sorted row' } : filterView),
    [shown, rows, locate, filtered, filterView],
  );

  return {
    bar: {
      rowSort: tab.rowSort,
      keysText: sortKeysText(keys, fields),
      run: tab.sortRun,
      waiting: tab.rowSort !== null && !tab.sortRun.running && !shown && filterBusy(tab.filter),
      onCancel: () => void cancelSort(engine, id),
      onClear: () => void clear(),
    },
    /** Remounts the grid (a fresh row cache) for each sorted view. */
    gridKey: shown ? `sort-${tab.sortRun.run}` : filterGridKey,
    view,
    actions,
  };
}
