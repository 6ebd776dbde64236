import type { DatasetSummary, ErrorInfo, FilterAnswer, FilterProblem, FilterStatus, SourceSpec, UniqueProgress, UniqueSummary } from '../worker/protocol';
import type { CellRef } from './gridSelection';
import type { HashState } from './shareLink';
import { NO_SORT, type SortPatch, type SortRun } from './sortState';

export const VIEWS = ['overview', 'schema', 'chunks', 'data', 'unique'] as const;
export type View = (typeof VIEWS)[number];
export const isView = (v: unknown): v is View => (VIEWS as readonly unknown[]).includes(v);

/** What the data grid shows and how it is shaped, kept while the tab is open. */
export interface GridState {
  /** The first row shown. */
  top: number;
  /** Horizontal scroll, in CSS pixels. */
  left: number;
  /** The selected cell, and the other corner of the selected range (the same cell when one is selected). */
  cursor: CellRef;
  anchor: CellRef;
  /** Width per field index, for columns resized or fitted. */
  widths: Record<number, number>;
  /** Field indices in the order chosen (null: schema order). */
  order: number[] | null;
  hidden: number[];
  /** Show this field only (the "Columns shown" choice). */
  only: number | null;
  /** Scroll the cursor cell into view when the grid shows next (a jump from another view). */
  reveal: boolean;
}

/** A unique-values result as the Unique view shows it. */
export type KeptUniqueResult = UniqueSummary & { ms: number };

/** A unique count running for one column: which run it is (a newer one for the column replaces it), and its last progress. */
export interface UniqueRun {
  run: number;
  progress: UniqueProgress | null;
}

/** The Data view's filter: the text typed, the expression applied and where its run stands. */
export interface FilterState {
  /** The text box's text (typed, not necessarily applied). */
  text: string;
  /** The expression whose matches the grid shows; null: every row. */
  applied: string | null;
  /** The latest run's number (a newer run replaces it); 0 before any run. */
  run: number;
  running: boolean;
  /** The run's last progress, then its result (or where it stopped when cancelled). */
  status: FilterStatus | null;
  /** Why the text cannot run, pointing at the token; `tried` is the text it is about. */
  problem: FilterProblem | null;
  tried: string;
  /** Why the run failed (a file error). */
  failure: ErrorInfo | null;
}

export const NO_FILTER: FilterState = { text: '', applied: null, run: 0, running: false, status: null, problem: null, tried: '', failure: null };

/** True when the filter is applied but has no run in this engine worker (from a link, or after a restart): it should be run. */
export const filterNeedsRun = (f: FilterState): boolean => f.applied !== null && !f.running && !f.status && !f.problem && !f.failure;

export interface TabState {
  /** Stable for the tab's life, across engine restarts (the engine client speaks in these ids). */
  id: number;
  name: string;
  spec: SourceSpec;
  /** Null while the file opens. */
  summary: DatasetSummary | null;
  view: View;
  grid: GridState;
  /** The Unique view's column (undefined: the first string column). */
  uniqueColumn?: number;
  sort: 'count' | 'value';
  /**
   * Unique results by column, until the tab closes or the engine worker restarts. The values live in
   * the engine, which keeps the most recent few columns: a result goes when its values do.
   */
  unique: Record<number, KeptUniqueResult>;
  /** Unique counts running, by column: their progress shows again when the tab or column is shown again. */
  counting: Record<number, UniqueRun>;
  /** Why the last count of a column failed, by column. */
  uniqueErrors: Record<number, ErrorInfo>;
  /** Unique counts go over every row even while the Data view has a filter (else over its matching rows). */
  uniqueAllRows?: boolean;
  /** Bumped when the engine worker restarts: the views mount again over the new worker. */
  generation: number;
  filter: FilterState;
  /** The Data view's row order as applied, in the CLI's `--sort` syntax (`col[:desc][,col2]`); null: file order. */
  rowSort: string | null;
  /** The sort run for `rowSort` (sortState.ts). */
  sortRun: SortRun;
}

export interface TabsState {
  /** In the order the files were chosen. */
  tabs: TabState[];
  active: number | null;
}

const newGrid = (row = 0): GridState => ({ top: row, left: 0, cursor: { row, field: 0 }, anchor: { row, field: 0 }, widths: {}, order: null, hidden: [], only: null, reveal: false });

/** `record` without the entry of `key`. */
function without<T>(record: Record<number, T>, key: number): Record<number, T> {
  if (!(key in record)) return record;
  const { [key]: _gone, ...rest } = record;
  return rest;
}

/** A tab's state taken from a link (view, row, unique column and sort, filter: applied once the file is open). */
export function stateFromLink(link: HashState): Partial<Pick<TabState, 'view' | 'uniqueColumn' | 'sort' | 'grid' | 'filter' | 'rowSort'>> {
  return {
    ...(link.where ? { filter: { ...NO_FILTER, text: link.where, applied: link.where } } : {}),
    ...(isView(link.view) ? { view: link.view } : {}),
    ...(link.row !== undefined ? { grid: newGrid(link.row) } : {}),
    ...(link.column !== undefined ? { uniqueColumn: link.column } : {}),
    ...(link.sort ? { sort: link.sort } : {}),
    ...(link.order ? { rowSort: link.order } : {}),
  };
}

/** The link to a tab as it is now: the file (URL, or name and size) and its view. */
export function linkOf(tab: TabState): HashState {
  const file = tab.spec.kind === 'url' ? { url: tab.spec.url } : { file: { name: tab.name, size: tab.spec.blob.size } };
  return {
    ...file,
    view: tab.view,
    ...(tab.grid.top > 0 ? { row: tab.grid.top } : {}),
    ...(tab.uniqueColumn !== undefined ? { column: tab.uniqueColumn } : {}),
    ...(tab.sort !== 'count' ? { sort: tab.sort } : {}),
    ...(tab.filter.applied !== null ? { where: tab.filter.applied } : {}),
    ...(tab.rowSort !== null ? { order: tab.rowSort } : {}),
  };
}

/** A name to show before the file is open: the file's, or the last part of the URL's path. */
export function specName(spec: SourceSpec): string {
  if (spec.kind === 'blob') return spec.name;
  if (spec.name) return spec.name;
  try {
    const path = new URL(spec.url).pathname;
    return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1)) || spec.url;
  } catch {
    return spec.url;
  }
}

/**
 * Every open tab's state, in one place: which view it shows, where its grid is and how it is shaped,
 * its unique counts. Views read it (useSyncExternalStore) and change it through these methods; every
 * change makes a new snapshot.
 */
export class TabStore {
  private state: TabsState = { tabs: [], active: null };
  private readonly listeners = new Set<() => void>();
  private nextId = 1;
  private nextRun = 1;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): TabsState => this.state;

  tab(id: number): TabState | undefined {
    return this.state.tabs.find((t) => t.id === id);
  }

  private set(next: TabsState): void {
    this.state = next;
    for (const l of this.listeners) l();
  }

  private change(id: number, f: (t: TabState) => TabState): void {
    const i = this.state.tabs.findIndex((t) => t.id === id);
    if (i < 0) return;
    const next = f(this.state.tabs[i]);
    if (next === this.state.tabs[i]) return;
    const tabs = [...this.state.tabs];
    tabs[i] = next;
    this.set({ ...this.state, tabs });
  }

  /** A new tab for a file being opened, after the others and active: Overview, row 0, unless `initial` says otherwise. */
  add(spec: SourceSpec, initial: Partial<Pick<TabState, 'view' | 'uniqueColumn' | 'sort' | 'grid' | 'filter' | 'rowSort'>> = {}): number {
    const id = this.nextId++;
    const tab: TabState = { id, name: specName(spec), spec, summary: null, view: 'overview', grid: newGrid(), sort: 'count', unique: {}, counting: {}, uniqueErrors: {}, generation: 0, filter: NO_FILTER, rowSort: null, sortRun: NO_SORT, ...initial };
    this.set({ tabs: [...this.state.tabs, tab], active: id });
    return id;
  }

  opened(id: number, summary: DatasetSummary): void {
    this.change(id, (t) => ({ ...t, summary, name: summary.name }));
  }

  setSummary(id: number, summary: DatasetSummary): void {
    this.change(id, (t) => (t.summary ? { ...t, summary } : t));
  }

  /** Forgets the tab; the active one becomes its right neighbour (else its left one). */
  remove(id: number): void {
    const i = this.state.tabs.findIndex((t) => t.id === id);
    if (i < 0) return;
    const tabs = this.state.tabs.filter((t) => t.id !== id);
    const active = this.state.active === id ? (tabs[Math.min(i, tabs.length - 1)]?.id ?? null) : this.state.active;
    this.set({ tabs, active });
  }

  activate(id: number): void {
    if (this.state.active !== id && this.tab(id)) this.set({ ...this.state, active: id });
  }

  setView(id: number, view: View): void {
    this.change(id, (t) => (t.view === view ? t : { ...t, view }));
  }

  updateGrid(id: number, patch: Partial<GridState>): void {
    this.change(id, (t) => {
      const changed = (Object.keys(patch) as (keyof GridState)[]).some((k) => t.grid[k] !== patch[k]);
      return changed ? { ...t, grid: { ...t.grid, ...patch } } : t;
    });
  }

  setUniqueColumn(id: number, column: number): void {
    this.change(id, (t) => (t.uniqueColumn === column ? t : { ...t, uniqueColumn: column }));
  }

  setUniqueAllRows(id: number, all: boolean): void {
    this.change(id, (t) => (!!t.uniqueAllRows === all ? t : { ...t, uniqueAllRows: all }));
  }

  setSort(id: number, sort: 'count' | 'value'): void {
    this.change(id, (t) => (t.sort === sort ? t : { ...t, sort }));
  }

  /** A count of `column` starts (its earlier error goes); returns the run's number for the calls that follow. */
  countStarted(id: number, column: number): number {
    const run = this.nextRun++;
    this.change(id, (t) => ({ ...t, counting: { ...t.counting, [column]: { run, progress: null } }, uniqueErrors: without(t.uniqueErrors, column) }));
    return run;
  }

  countProgress(id: number, column: number, run: number, progress: UniqueProgress): void {
    this.change(id, (t) => (t.counting[column]?.run === run ? { ...t, counting: { ...t.counting, [column]: { run, progress } } } : t));
  }

  /**
   * A count of `column` finished: its result is kept, and the results of columns whose values the
   * engine no longer keeps (`result.keptColumns`) are dropped.
   */
  countFinished(id: number, column: number, run: number, result: KeptUniqueResult): void {
    this.change(id, (t) => {
      const kept = new Set(result.keptColumns);
      const unique = Object.fromEntries(Object.entries(t.unique).filter(([c]) => kept.has(Number(c))));
      unique[column] = result;
      return { ...t, unique, counting: t.counting[column]?.run === run ? without(t.counting, column) : t.counting };
    });
  }

  /** A count of `column` failed (`error`) or was cancelled (null); a newer run of the column is left alone. */
  countEnded(id: number, column: number, run: number, error: ErrorInfo | null): void {
    this.change(id, (t) => {
      if (t.counting[column]?.run !== run) return t;
      return { ...t, counting: without(t.counting, column), uniqueErrors: error ? { ...t.uniqueErrors, [column]: error } : t.uniqueErrors };
    });
  }

  /** Shows the data grid with `row` of `field` selected (a jump from the Unique view). */
  jumpTo(id: number, row: number, field: number): void {
    this.change(id, (t) => {
      const cell = { row, field };
      const shown = t.grid.only === null || t.grid.only === field;
      return {
        ...t,
        view: 'data',
        grid: { ...t.grid, top: Math.max(0, row - 3), cursor: cell, anchor: cell, hidden: t.grid.hidden.filter((f) => f !== field), only: shown ? t.grid.only : null, reveal: true },
      };
    });
  }

  private changeFilter(id: number, f: (filter: FilterState, t: TabState) => FilterState | null, grid?: (g: GridState) => GridState): void {
    this.change(id, (t) => {
      const filter = f(t.filter, t);
      return filter ? { ...t, filter, grid: grid ? grid(t.grid) : t.grid } : t;
    });
  }

  /** The filter's text box changed (nothing is applied until Enter). */
  setFilterText(id: number, text: string): void {
    this.changeFilter(id, (f) => (f.text === text ? null : { ...f, text }));
  }

  /**
   * A filter run starts for `text`: it becomes the applied filter, and the grid goes to its first row
   * (unless `keepGrid`: a run from a link, or again after an engine restart). Returns the run's number.
   */
  filterStarted(id: number, text: string, keepGrid = false): number {
    const run = this.nextRun++;
    const top = (g: GridState) => ({ ...g, top: 0, cursor: { ...g.cursor, row: 0 }, anchor: { ...g.cursor, row: 0 } });
    this.changeFilter(id, () => ({ ...NO_FILTER, text, applied: text, run, running: true }), keepGrid ? undefined : top);
    return run;
  }

  filterProgress(id: number, run: number, status: FilterStatus): void {
    this.changeFilter(id, (f) => (f.run === run && f.running ? { ...f, status } : null));
  }

  /** A run ended: its final status, or the problem with its text (nothing is applied then: every row shows). */
  filterFinished(id: number, run: number, answer: FilterAnswer): void {
    this.changeFilter(id, (f) => {
      if (f.run !== run) return null;
      return answer.problem ? { ...f, applied: null, running: false, status: null, problem: answer.problem, tried: f.applied ?? '' } : { ...f, running: false, status: answer.status };
    });
  }

  /**
   * A run was cancelled (`status`: where it stopped, its matches kept) or failed (`failure`). Cancelled
   * before it scanned anything (no status), nothing is applied: every row shows, the text stays.
   */
  filterEnded(id: number, run: number, status: FilterStatus | null, failure: ErrorInfo | null): void {
    this.changeFilter(id, (f) => {
      if (f.run !== run) return null;
      const kept = status ?? f.status;
      return { ...f, running: false, status: kept, failure, applied: kept || failure ? f.applied : null };
    });
  }

  /** No filter: every row shows again, the grid at file row `row` (the row the cursor was on). */
  filterCleared(id: number, row = 0): void {
    this.changeFilter(
      id,
      (f) => ({ ...NO_FILTER, run: f.run }),
      (g) => ({ ...g, top: Math.max(0, row - 3), cursor: { ...g.cursor, row }, anchor: { ...g.cursor, row }, reveal: true }),
    );
  }

  /** The row order or its run changes (sortState.ts says how); null: nothing changes. */
  changeSort(id: number, f: (t: TabState) => SortPatch): void {
    this.change(id, (t) => {
      const patch = f(t);
      return patch ? { ...t, ...patch } : t;
    });
  }

  /** The engine worker was replaced: new summaries, unique results gone with the old worker, views mounted again. */
  restarted(summaries: ReadonlyMap<number, DatasetSummary>, failed: Iterable<number>): void {
    const gone = new Set(failed);
    for (const id of gone) this.remove(id);
    this.set({
      ...this.state,
      tabs: this.state.tabs.map((t) => {
        const summary = summaries.get(t.id);
        // A filter's matches went with the old worker: it runs again (filterNeedsRun).
        const filter = t.filter.applied !== null ? { ...t.filter, running: false, status: null } : t.filter;
        // So did a sorted view: it is sorted again once the filter's matches are back (sortNeedsRun).
        const sortRun = { ...NO_SORT, run: t.sortRun.run };
        return summary ? { ...t, summary, unique: {}, counting: {}, uniqueErrors: {}, generation: t.generation + 1, filter, sortRun } : t;
      }),
    });
  }
}
