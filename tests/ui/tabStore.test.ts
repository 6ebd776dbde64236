import { describe, expect, it } from 'vitest';
import type { DatasetSummary, SourceSpec, UniqueProgress } from '../../src/worker/protocol';
import { readHash, writeHash } from '../../src/ui/shareLink';
import { filterNeedsRun, linkOf, stateFromLink, TabStore, type KeptUniqueResult } from '../../src/ui/tabStore';
import type { FilterStatus } from '../../src/worker/protocol';

const local = (name: string, size = 3): SourceSpec => ({ kind: 'blob', blob: new Blob(['x'.repeat(size)]), name });
const summary = (id: number, name: string) => ({ id, name, fields: [] }) as unknown as DatasetSummary;

const filterStatus = (text: string, patch: Partial<FilterStatus> = {}): FilterStatus => ({
  text, rows: 100, rowsScanned: 100, matched: 7, known: 7, chunks: 2, chunksDone: 2, chunksSkipped: 0, done: true, cancelled: false, elapsedMs: 3, workers: 1, ...patch,
});

describe('TabStore filter', () => {
  it('keeps the text, the applied filter and its run per tab; the link carries what is applied, and a link applies it', () => {
    const store = new TabStore();
    const a = store.add(local('a.arrow'));
    const b = store.add(local('b.arrow'));
    store.updateGrid(a, { top: 50, cursor: { row: 55, field: 2 }, anchor: { row: 55, field: 2 } });
    store.setFilterText(a, 'x > ');
    expect(store.tab(a)!.filter).toMatchObject({ text: 'x > ', applied: null });
    expect(linkOf(store.tab(a)!).where).toBeUndefined();
    const run = store.filterStarted(a, 'x > 1');
    // A new filter shows its first match at the top.
    expect(store.tab(a)!.grid).toMatchObject({ top: 0, cursor: { row: 0, field: 2 } });
    store.filterProgress(a, run, filterStatus('x > 1', { done: false, rowsScanned: 50, known: 3 }));
    expect(store.tab(a)!.filter).toMatchObject({ running: true, status: { known: 3 } });
    store.filterFinished(a, run, { status: filterStatus('x > 1') });
    expect(store.tab(a)!.filter).toMatchObject({ running: false, applied: 'x > 1', status: { matched: 7 } });
    expect(store.tab(b)!.filter.applied).toBeNull();
    const link = linkOf(store.tab(a)!);
    expect(link.where).toBe('x > 1');
    // Reopened from the link: applied, waiting for its run.
    const c = store.add(local('a.arrow'), stateFromLink(readHash(writeHash(link))));
    expect(store.tab(c)!.filter).toMatchObject({ text: 'x > 1', applied: 'x > 1' });
    expect(filterNeedsRun(store.tab(c)!.filter)).toBe(true);
    expect(filterNeedsRun(store.tab(a)!.filter)).toBe(false);
  });

  it('a problem unapplies the filter and keeps the text it points into; an older run never overwrites a newer one', () => {
    const store = new TabStore();
    const a = store.add(local('a.arrow'));
    const old = store.filterStarted(a, 'x > 1');
    const run = store.filterStarted(a, 'cand = 1');
    store.filterFinished(a, old, { status: filterStatus('x > 1') });
    expect(store.tab(a)!.filter).toMatchObject({ running: true, applied: 'cand = 1', status: null });
    store.filterFinished(a, run, { problem: { message: 'unknown column "cand" at 1:1', offset: 0, length: 4, line: 1, column: 1 } });
    expect(store.tab(a)!.filter).toMatchObject({ applied: null, running: false, tried: 'cand = 1', problem: { length: 4 } });
    expect(filterNeedsRun(store.tab(a)!.filter)).toBe(false);
  });

  it('cancelled, the status says where it stopped; cleared, every row again at the row the cursor was on; after an engine restart the filter runs again', () => {
    const store = new TabStore();
    const a = store.add(local('a.arrow'));
    store.opened(a, summary(a, 'a.arrow'));
    const run = store.filterStarted(a, 'x > 1');
    store.filterEnded(a, run, filterStatus('x > 1', { done: false, cancelled: true, known: 2 }), null);
    expect(store.tab(a)!.filter).toMatchObject({ running: false, applied: 'x > 1', status: { cancelled: true, known: 2 } });
    store.restarted(new Map([[a, summary(a, 'a.arrow')]]), []);
    expect(filterNeedsRun(store.tab(a)!.filter)).toBe(true);
    // Cancelled before anything was scanned: nothing applied (so nothing runs it again), the text kept.
    const early = store.filterStarted(a, 'y = 2');
    store.filterEnded(a, early, null, null);
    expect(store.tab(a)!.filter).toMatchObject({ text: 'y = 2', applied: null, running: false });
    expect(filterNeedsRun(store.tab(a)!.filter)).toBe(false);
    store.filterCleared(a, 1234);
    expect(store.tab(a)!.filter).toMatchObject({ text: '', applied: null, status: null });
    expect(store.tab(a)!.grid).toMatchObject({ top: 1231, cursor: { row: 1234 } });
  });
});

describe('TabStore', () => {
  it('adds tabs in the order chosen, each at Overview row 0 and active', () => {
    const store = new TabStore();
    const a = store.add({ kind: 'url', url: 'https://h/x/a.parquet?x=1' }, stateFromLink({ view: 'data', row: 100 }));
    const b = store.add(local('b.arrow'));
    const { tabs, active } = store.getSnapshot();
    expect(tabs.map((t) => t.name)).toEqual(['a.parquet', 'b.arrow']);
    expect(active).toBe(b);
    expect(store.tab(a)).toMatchObject({ view: 'data', grid: { top: 100, cursor: { row: 100, field: 0 } } });
    expect(store.tab(b)).toMatchObject({ view: 'overview', grid: { top: 0 }, summary: null });
    store.opened(a, summary(a, 'a.parquet'));
    expect(store.tab(a)!.summary?.id).toBe(a);
  });

  it('closing the active tab activates its right neighbour, else its left one', () => {
    const store = new TabStore();
    const [a, b, c] = ['a', 'b', 'c'].map((n) => store.add(local(n)));
    store.activate(b);
    store.remove(b);
    expect(store.getSnapshot().active).toBe(c);
    store.remove(c);
    expect(store.getSnapshot().active).toBe(a);
    store.remove(a);
    expect(store.getSnapshot()).toEqual({ tabs: [], active: null });
  });

  it('keeps grid changes per tab and makes a new snapshot only on a change', () => {
    const store = new TabStore();
    const a = store.add(local('a'));
    const before = store.getSnapshot();
    store.updateGrid(a, { top: 0 });
    expect(store.getSnapshot()).toBe(before);
    store.updateGrid(a, { top: 5, widths: { 1: 300 } });
    expect(store.tab(a)!.grid).toMatchObject({ top: 5, widths: { 1: 300 } });
  });

  it('a jump from the Unique view shows the data grid with the counted column selected and shown', () => {
    const store = new TabStore();
    const a = store.add(local('a'));
    store.updateGrid(a, { hidden: [2], only: 1 });
    store.jumpTo(a, 500, 2);
    expect(store.tab(a)).toMatchObject({ view: 'data', grid: { cursor: { row: 500, field: 2 }, anchor: { row: 500, field: 2 }, hidden: [], only: null, reveal: true, top: 497 } });
  });

  it('keeps unique results and running counts per column, drops what the engine no longer keeps, and forgets them on a restart', () => {
    const store = new TabStore();
    const a = store.add(local('a'));
    const b = store.add(local('b'));
    const r = (rows: number, keptColumns: number[]) => ({ rows, ms: 1, keptColumns }) as KeptUniqueResult;
    const progress = { rowsDone: 5, rowsTotal: 10 } as UniqueProgress;
    const run1 = store.countStarted(a, 1);
    const run2 = store.countStarted(a, 2);
    store.countProgress(a, 1, run1, progress);
    expect(store.tab(a)!.counting).toEqual({ 1: { run: run1, progress }, 2: { run: run2, progress: null } });
    expect(store.tab(b)!.counting).toEqual({});
    store.countFinished(a, 1, run1, r(10, [1]));
    store.countFinished(a, 2, run2, r(20, [1, 2]));
    expect(store.tab(a)).toMatchObject({ counting: {}, unique: { 1: { rows: 10 }, 2: { rows: 20 } } });
    // A count started again replaces the run: the earlier run's end (cancelled) leaves it alone.
    const run3 = store.countStarted(a, 1);
    const run4 = store.countStarted(a, 1);
    store.countEnded(a, 1, run3, null);
    expect(store.tab(a)!.counting[1]?.run).toBe(run4);
    store.countEnded(a, 1, run4, { message: 'bad', where: {} });
    expect(store.tab(a)).toMatchObject({ counting: {}, uniqueErrors: { 1: { message: 'bad' } }, unique: { 1: { rows: 10 } } });
    // The engine dropped column 1's values to keep column 3's.
    store.countFinished(a, 3, store.countStarted(a, 3), r(30, [2, 3]));
    expect(Object.keys(store.tab(a)!.unique)).toEqual(['2', '3']);
    store.restarted(new Map([[a, summary(a, 'a')]]), []);
    expect(store.tab(a)).toMatchObject({ unique: {}, counting: {}, uniqueErrors: {}, generation: 1 });
  });

  it('links a tab by URL or by local name and size, with its view', () => {
    const store = new TabStore();
    const a = store.add(local('f #1.arrow', 7));
    store.setView(a, 'data');
    store.updateGrid(a, { top: 42 });
    const link = linkOf(store.tab(a)!);
    expect(link).toEqual({ file: { name: 'f #1.arrow', size: 7 }, view: 'data', row: 42 });
    expect(readHash(writeHash(link))).toEqual(link);
  });
});
