import { describe, expect, it } from 'vitest';
import { parseRowSort, rowSortText, sortKeysText, sortMark, withSortKey } from '../../src/ui/rowSortSpec';
import { readHash, writeHash } from '../../src/ui/shareLink';
import { filterViewRun, sortChosen, sortCleared, sortEnded, sortFinished, sortNeedsRun, sortShown, sortStarted } from '../../src/ui/sortState';
import { linkOf, stateFromLink, TabStore } from '../../src/ui/tabStore';
import type { DatasetSummary, FieldInfo, FilterStatus, SortStatus } from '../../src/worker/protocol';

const fields = ['amt', 'a,b', 'x:desc', ' pad', '#9', 'name'].map((name) => ({ name }) as FieldInfo);
const sortStatus = (spec: string, patch: Partial<SortStatus> = {}): SortStatus => ({
  spec, keys: [], candidates: 10, fileRows: 10, filtered: false, rows: 10, complete: true, rowsDone: 10, rowsToRead: 10, done: true, cancelled: false, elapsedMs: 1, ...patch,
});
const filterStatus = { text: 'x > 1', rows: 10, rowsScanned: 10, matched: 3, known: 3, chunks: 1, chunksDone: 1, chunksSkipped: 0, done: true, cancelled: false, elapsedMs: 1, workers: 1 } as FilterStatus;

describe('row sort text (the CLI --sort syntax)', () => {
  it('writes names the syntax holds, #N for the others, and reads both back', () => {
    const keys = [0, 1, 2, 3, 4, 5].map((column) => ({ column, descending: column % 2 === 1 }));
    const text = rowSortText(keys, fields)!;
    expect(text).toBe('amt,#1:desc,#2,#3:desc,#4,name:desc');
    expect(parseRowSort(text, fields)).toEqual(keys);
    expect(rowSortText([], fields)).toBeNull();
    expect(parseRowSort('nope,amt:DESC', fields)).toEqual([{ column: 0, descending: true }]);
  });

  it('adds a key last (moving it when it already is one), and marks the headers', () => {
    const keys = withSortKey(withSortKey([{ column: 5, descending: false }], 0, true), 5, true);
    expect(keys).toEqual([{ column: 0, descending: true }, { column: 5, descending: true }]);
    expect([sortMark(keys, 0), sortMark(keys, 5), sortMark(keys, 1)]).toEqual(['↓1', '↓2', undefined]);
    expect(sortMark([{ column: 1, descending: false }], 1)).toBe('↑');
    expect(sortKeysText(keys, fields)).toBe('amt ↓, name ↓');
  });
});

describe('sort state', () => {
  const opened = (store: TabStore, id: number) => store.opened(id, { id, name: 'f', fields } as unknown as DatasetSummary);

  it('an order chosen runs once the filter is in; the sorted view shows when its run is done; a new filter sorts again', () => {
    const store = new TabStore();
    const id = store.add({ kind: 'url', url: 'https://example.org/f.arrow' });
    opened(store, id);
    store.updateGrid(id, { top: 40, cursor: { row: 44, field: 0 } });
    store.changeSort(id, (t) => sortChosen(t, 'amt:desc'));
    let t = store.tab(id)!;
    expect(t.grid).toMatchObject({ top: 0, cursor: { row: 0 } });
    expect(sortNeedsRun(t)).toBe(true);
    store.changeSort(id, (x) => sortStarted(x, 7, 'amt:desc', filterViewRun(x.filter)));
    expect(sortNeedsRun(store.tab(id)!)).toBe(false);
    expect(sortShown(store.tab(id)!)).toBe(false);
    store.changeSort(id, (x) => sortFinished(x, 7, sortStatus('amt:desc')));
    expect(sortShown(store.tab(id)!)).toBe(true);
    expect(linkOf(store.tab(id)!).order).toBe('amt:desc');

    // A filter runs: the sort waits for its matches, then runs over them.
    const run = store.filterStarted(id, 'x > 1');
    t = store.tab(id)!;
    expect([sortShown(t), sortNeedsRun(t)]).toEqual([false, false]);
    store.filterFinished(id, run, { status: filterStatus });
    expect(sortNeedsRun(store.tab(id)!)).toBe(true);
    expect(filterViewRun(store.tab(id)!.filter)).toBe(run);

    // A stale run's end changes nothing; a failure keeps the order with its error (not run again).
    store.changeSort(id, (x) => sortStarted(x, 8, 'amt:desc', run));
    store.changeSort(id, (x) => sortFinished(x, 7, sortStatus('amt:desc')));
    expect(store.tab(id)!.sortRun.running).toBe(true);
    store.changeSort(id, (x) => sortEnded(x, 8, { message: 'no', where: {} }));
    t = store.tab(id)!;
    expect([t.rowSort, t.sortRun.failure?.message, sortNeedsRun(t)]).toEqual(['amt:desc', 'no', false]);

    // Cancelled: the order goes. Cleared: the grid at the row given.
    store.changeSort(id, (x) => sortStarted(x, 9, 'amt:desc', run));
    store.changeSort(id, (x) => sortEnded(x, 9, null));
    t = store.tab(id)!;
    expect([t.rowSort, t.sortRun.cancelled, sortNeedsRun(t)]).toEqual([null, true, false]);
    store.changeSort(id, (x) => sortChosen(x, 'name'));
    store.changeSort(id, (x) => sortCleared(x, 12));
    expect(store.tab(id)!).toMatchObject({ rowSort: null, grid: { cursor: { row: 12 } } });
  });

  it('an engine restart sorts again; a link carries the order as order= (sort= stays the Unique view’s)', () => {
    const store = new TabStore();
    const id = store.add({ kind: 'url', url: 'https://example.org/f.arrow' }, stateFromLink(readHash('#url=https%3A%2F%2Fexample.org%2Ff.arrow&view=data&sort=value&order=amt%3Adesc%2Cname')));
    opened(store, id);
    const t = store.tab(id)!;
    expect([t.rowSort, t.sort]).toEqual(['amt:desc,name', 'value']);
    expect(sortNeedsRun(t)).toBe(true);
    store.changeSort(id, (x) => sortStarted(x, 3, 'amt:desc,name', 0));
    store.changeSort(id, (x) => sortFinished(x, 3, sortStatus('amt:desc,name')));
    store.restarted(new Map([[id, store.tab(id)!.summary!]]), []);
    expect(sortNeedsRun(store.tab(id)!)).toBe(true);
    expect(readHash(writeHash(linkOf(store.tab(id)!)))).toMatchObject({ sort: 'value', order: 'amt:desc,name' });
    expect(readHash('#order=%20')).toEqual({});
  });
});
