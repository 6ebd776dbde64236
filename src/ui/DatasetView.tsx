import { useCallback, useEffect, useRef, useState } from 'react';
import type { DatasetProgress, DatasetSummary } from '../worker/protocol';
import { ChunksView } from './ChunksView';
import { CopyLinkButton } from './CopyLinkButton';
import { DataGrid } from './DataGrid';
import { ErrorBox } from './ErrorBox';
import { ExportMenu } from './ExportMenu';
import { FilterBar } from './FilterBar';
import { FindBar, useFind } from './FindBar';
import { useFilterControls } from './useFilterControls';
import { SortBar } from './SortBar';
import { useSortControls } from './useSortControls';
import { bytes } from './format';
import { Overview } from './Overview';
import { SchemaView } from './SchemaView';
import { UniqueView } from './UniqueView';
import { cancelCount, countUnique } from './uniqueCount';
import { linkOf, VIEWS, type GridState, type TabState, type TabStore } from './tabStore';
import { useEngine } from './useEngine';
import { visibleText } from './visibleText';

/** The Unique view's column when none was chosen: the first string column (as UniqueView picks it). */
export const defaultUniqueColumn = (summary: DatasetSummary): number => Math.max(0, summary.fields.findIndex((f) => f.typeId === 'utf8' || f.typeId === 'dictionary'));

/** Whether an index poll brings nothing new (each new summary renders the tab again). */
const sameProgress = (s: DatasetSummary, p: DatasetProgress): boolean =>
  s.rows === p.rows && s.chunkCount === p.chunkCount && s.indexComplete === p.indexComplete && s.indexMs === p.indexMs && JSON.stringify(s.problems) === JSON.stringify(p.problems);

const ignoreGridChange = () => {};

/** One open file: its views, with the tab's state kept in the store; refreshed while a stream is still being indexed. */
export function DatasetView({ tab, store }: { tab: TabState; store: TabStore }) {
  const engine = useEngine();
  const summary = tab.summary!;
  const { view } = tab;
  const column = tab.uniqueColumn !== undefined && tab.uniqueColumn < summary.fields.length ? tab.uniqueColumn : defaultUniqueColumn(summary);
  // The Unique view stays mounted once shown, so its search and scroll stay while other views are looked at.
  const [uniqueShown, setUniqueShown] = useState(view === 'unique');
  if (view === 'unique' && !uniqueShown) setUniqueShown(true);

  useEffect(() => {
    if (summary.indexMs !== undefined) return;
    // Only what indexing changes crosses each time: the field list (100,000 fields in a wide file) came with the open.
    const timer = setInterval(async () => {
      const progress = await engine.progress(tab.id).catch(() => null);
      const current = store.tab(tab.id)?.summary;
      if (progress && current && !sameProgress(current, progress)) store.setSummary(tab.id, { ...current, ...progress });
    }, 250);
    return () => clearInterval(timer);
  }, [engine, store, tab.id, summary.indexMs]);

  const filter = useFilterControls(tab, store);
  const find = useFind(tab);
  const sort = useSortControls(tab, store, filter.view, filter.gridKey);
  // A new run's grid (a new key) replaces the shown one in two tasks: the old grid's rows leave first
  // (it draws none, as the new grid does until its first rows are read), then the new grid is mounted.
  // Both in the Enter key's task were 12–15 ms of main-thread CPU at 2400×1300 (W2 count).
  const [gridKey, setGridKey] = useState(sort.gridKey);
  const replacing = gridKey !== sort.gridKey;
  const shown = useRef({ filter: sort.view, state: tab.grid });
  useEffect(() => {
    if (!replacing) shown.current = { filter: sort.view, state: tab.grid };
  });
  useEffect(() => {
    if (!replacing) return;
    const timer = setTimeout(() => setGridKey(sort.gridKey), 0);
    return () => clearTimeout(timer);
  }, [replacing, sort.gridKey]);
  // Unique counts go over the filter's matching rows, unless the user chose every row.
  const f = tab.filter;
  const filterText = f.applied !== null && !f.problem && !f.failure ? f.applied : null;
  const countScope = tab.uniqueAllRows ? null : filterText;
  const updateGrid = useCallback((patch: Partial<GridState>) => store.updateGrid(tab.id, patch), [store, tab.id]);
  // A unique value's first row is a row of the file: in a filtered or sorted view, the grid goes to its place there.
  const jumpToFileRow = async (row: number, field: number) => {
    const shown = sort.view;
    const at = shown ? await shown.locate(row).catch(() => null) : { ordinal: row };
    store.jumpTo(tab.id, at?.ordinal ?? 0, field);
  };
  const local = tab.spec.kind === 'blob';
  return (
    <section className="dataset" aria-label={visibleText(summary.name)}>
      <div className="views">
        <div role="tablist" aria-label="Views" className="view-tabs">
          {VIEWS.map((v) => (
            <button key={v} role="tab" aria-selected={view === v} className={view === v ? 'active' : ''} onClick={() => store.setView(tab.id, v)}>
              {v[0].toUpperCase() + v.slice(1)}
            </button>
          ))}
        </div>
        <span className="share">
          {local ? `The link reopens this view once ${visibleText(summary.name)} (${bytes(summary.size)}) is opened again` : 'Link in the address bar reopens this view'}
        </span>
        <CopyLinkButton link={linkOf(tab)} />
      </div>
      {summary.problems.map((p, i) => (
        <ErrorBox key={i} info={p} />
      ))}
      {view === 'overview' && <Overview summary={summary} />}
      {view === 'schema' && <SchemaView summary={summary} />}
      {view === 'chunks' && <ChunksView summary={summary} />}
      {view === 'data' && <FilterBar {...filter.bar} />}
      {view === 'data' && <SortBar {...sort.bar} />}
      {view === 'data' && <ExportMenu tab={tab} />}
      {view === 'data' && find.shown && <FindBar {...find.bar} />}
      {filter.error && <ErrorBox info={filter.error} onClose={filter.dismissError} />}
      {view === 'data' && (
        <DataGrid
          key={gridKey}
          summary={summary}
          // the old grid keeps the view and place it showed (and changes nothing) for its one render before it goes
          state={replacing ? shown.current.state : tab.grid}
          onChange={replacing ? ignoreGridChange : updateGrid}
          filter={replacing ? shown.current.filter : sort.view}
          filterActions={filter.actions}
          sortActions={sort.actions}
          onFind={find.onOpen}
          jump={find.jump}
          blank={replacing}
        />
      )}
      {uniqueShown && (
        <div className="view-keep" hidden={view !== 'unique'}>
          <UniqueView
            key={column}
            summary={summary}
            column={column}
            onColumnChange={(c) => store.setUniqueColumn(tab.id, c)}
            sort={tab.sort}
            onSortChange={(s) => store.setSort(tab.id, s)}
            kept={tab.unique[column]}
            counting={tab.counting[column]}
            failed={tab.uniqueErrors[column]}
            filter={filterText}
            scope={countScope}
            filterRunning={f.running}
            onAllRows={(all) => store.setUniqueAllRows(tab.id, all)}
            onCount={() => void countUnique(engine, store, tab.id, column, countScope !== null)}
            onCancel={() => void cancelCount(engine, tab.id, column)}
            onJump={(row: number, counted?: number) => void jumpToFileRow(row, counted ?? column)}
            onFilterValue={filter.filterValue}
          />
        </div>
      )}
    </section>
  );
}
