import { describe, expect, it } from 'vitest';
import type { DatasetSummary, SourceSpec } from '../../src/worker/protocol';
import { readHash, writeHash } from '../../src/ui/shareLink';
import { linkOf, stateFromLink, TabStore, type KeptUniqueResult } from '../../src/ui/tabStore';

const local = (name: string, size = 3): SourceSpec => ({ kind: 'blob', blob: new Blob(['x'.repeat(size)]), name });
const summary = (id: number, name: string) => ({ id, name, fields: [] }) as unknown as DatasetSummary;

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

  it('keeps the unique result of the last column counted (the engine keeps only its values), until a restart', () => {
    const store = new TabStore();
    const a = store.add(local('a'));
    const r = (rows: number) => ({ rows, ms: 1 }) as KeptUniqueResult;
    store.keepUnique(a, 1, r(10));
    store.keepUnique(a, 2, r(20));
    expect(Object.keys(store.tab(a)!.unique)).toEqual(['2']);
    store.restarted(new Map([[a, summary(a, 'a')]]), []);
    expect(store.tab(a)).toMatchObject({ unique: {}, generation: 1 });
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
