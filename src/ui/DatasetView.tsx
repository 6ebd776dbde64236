import { useEffect, useState } from 'react';
import type { DatasetSummary } from '../worker/protocol';
import { ChunksView } from './ChunksView';
import { DataGrid } from './DataGrid';
import { ErrorBox } from './ErrorBox';
import { Overview } from './Overview';
import { SchemaView } from './SchemaView';
import { UniqueView } from './UniqueView';
import { readHash, writeHash } from './shareLink';
import { useEngine } from './useEngine';

const VIEWS = ['overview', 'schema', 'chunks', 'data', 'unique'] as const;
type View = (typeof VIEWS)[number];

/** One open file: its views, refreshed while a stream is still being indexed. */
export function DatasetView({ initial }: { initial: DatasetSummary }) {
  const engine = useEngine();
  const [summary, setSummary] = useState(initial);
  const hash = readHash(location.hash);
  const [view, setView] = useState<View>((VIEWS as readonly string[]).includes(hash.view ?? '') ? (hash.view as View) : 'overview');
  const [row, setRow] = useState(hash.row ?? 0);
  const [column, setColumn] = useState<number | undefined>(hash.column !== undefined && hash.column < initial.fields.length ? hash.column : undefined);
  const [sort, setSort] = useState<'count' | 'value'>(hash.sort ?? 'count');

  useEffect(() => {
    if (summary.indexMs !== undefined) return;
    const timer = setInterval(async () => {
      const next = await engine.summary(summary.id);
      setSummary(next);
    }, 250);
    return () => clearInterval(timer);
  }, [engine, summary.id, summary.indexMs]);

  useEffect(() => {
    if (summary.local) return; // local files cannot be shared: keep the hash clean
    history.replaceState(null, '', writeHash({ url: summary.url, view, row, column, sort }));
  }, [summary.local, summary.url, view, row, column, sort]);

  return (
    <section className="dataset" aria-label={summary.name}>
      <nav className="views" role="tablist" aria-label="Views">
        {VIEWS.map((v) => (
          <button key={v} role="tab" aria-selected={view === v} className={view === v ? 'active' : ''} onClick={() => setView(v)}>
            {v[0].toUpperCase() + v.slice(1)}
          </button>
        ))}
        <span className="share">{summary.local ? 'Local file: links cannot reopen it' : 'Link in the address bar reopens this view'}</span>
      </nav>
      {summary.problems.map((p, i) => (
        <ErrorBox key={i} info={p} />
      ))}
      {view === 'overview' && <Overview summary={summary} />}
      {view === 'schema' && <SchemaView summary={summary} />}
      {view === 'chunks' && <ChunksView summary={summary} />}
      {view === 'data' && <DataGrid summary={summary} initialRow={row} onRowChange={setRow} />}
      {view === 'unique' && (
        <UniqueView
          summary={summary}
          column={column}
          onColumnChange={setColumn}
          sort={sort}
          onSortChange={setSort}
          onJump={(r) => {
            setRow(r);
            setView('data');
          }}
        />
      )}
    </section>
  );
}
