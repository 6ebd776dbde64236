import { useEffect, useState } from 'react';
import type { ChunkDetail, ChunkInfo, DatasetSummary, ErrorInfo } from '../worker/protocol';
import { EngineError } from '../worker/client';
import { ErrorBox } from './ErrorBox';
import { RegionList } from './RegionList';
import { bytes, count } from './format';
import { useEngine } from './useEngine';
import { useScaledScroll } from './useScaledScroll';
import { VisibleText } from './VisibleText';

const PAGE = 200;
const ROW = 28;

/** Record batches or row groups in a virtualized list; selecting one shows its columns and buffers. */
export function ChunksView({ summary }: { summary: DatasetSummary }) {
  const engine = useEngine();
  const [pages, setPages] = useState<Map<number, ChunkInfo[]>>(new Map());
  const [selected, setSelected] = useState<number | null>(null);
  const [detail, setDetail] = useState<ChunkDetail | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  // Scaled like the data grid: a million chunks at 28 px would pass the browsers' element height limits.
  const { scroller, scale, firstRow: first, lastRow: last, rowTop, revealRow } = useScaledScroll(summary.chunkCount, ROW, 10, 0, 0);
  const shown: number[] = [];
  for (let i = first; i <= last; i++) shown.push(i);

  useEffect(() => {
    for (let p = Math.floor(first / PAGE); p <= Math.floor(last / PAGE); p++) {
      if (pages.has(p)) continue;
      void engine.chunks(summary.id, p * PAGE, (p + 1) * PAGE).then((list) => setPages((m) => new Map(m).set(p, list)));
    }
  }, [engine, summary.id, first, last, pages, summary.chunkCount]);

  useEffect(() => {
    if (selected === null) return;
    setDetail(null);
    setError(null);
    engine.chunkDetail(summary.id, selected, 'chunk-detail').then(setDetail, (e) => setError(e instanceof EngineError ? e.info : { message: String(e), where: {} }));
  }, [engine, summary.id, selected]);

  const noun = summary.format === 'parquet' ? 'Row group' : 'Batch';
  const nouns = summary.format === 'parquet' ? 'Row groups' : 'Batches';
  const onKeyDown = (e: React.KeyboardEvent) => {
    const last = summary.chunkCount - 1;
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? ROW) / ROW) - 1);
    const moves: Record<string, number> = { ArrowDown: (selected ?? -1) + 1, ArrowUp: (selected ?? 1) - 1, PageDown: (selected ?? 0) + page, PageUp: (selected ?? 0) - page, Home: 0, End: last };
    if (!(e.key in moves) || last < 0) return;
    e.preventDefault();
    const next = Math.min(last, Math.max(0, moves[e.key]));
    setSelected(next);
    revealRow(next);
  };
  return (
    <div className="chunks">
      <div className="chunk-list" role="grid" aria-label={nouns} aria-rowcount={summary.chunkCount + 1}>
        <div role="rowgroup">
          <div className="chunk-row chunk-head" role="row" aria-rowindex={1}>
            <span role="columnheader">{noun}</span>
            <span role="columnheader">Rows</span>
            <span role="columnheader">First row</span>
            <span role="columnheader">Offset</span>
            <span role="columnheader">Size</span>
          </div>
        </div>
        {/* A focusable region: arrow keys move the selection, Home and End go to the first and last. */}
        <div ref={scroller} className="chunk-scroll" role="rowgroup" tabIndex={0} aria-label={`${nouns} (arrow keys select)`} onKeyDown={onKeyDown} data-testid="chunk-list">
          <div style={{ height: scale.canvas, position: 'relative' }}>
            {shown.map((index) => {
              const chunk = pages.get(Math.floor(index / PAGE))?.[index % PAGE];
              return (
                <div
                  key={index}
                  role="row"
                  aria-rowindex={index + 2}
                  aria-selected={selected === index}
                  className={`chunk-row${selected === index ? ' selected' : ''}`}
                  style={{ position: 'absolute', top: rowTop(index), left: 0, right: 0, height: ROW }}
                  onClick={() => setSelected(index)}
                >
                  <span role="gridcell">{index}</span>
                  <span role="gridcell">{chunk ? count(chunk.rows) : '…'}</span>
                  <span role="gridcell">{chunk ? count(chunk.rowOffset) : ''}</span>
                  <span role="gridcell">{chunk ? count(chunk.offset) : ''}</span>
                  <span role="gridcell">{chunk ? bytes(chunk.bytes) : ''}</span>
                </div>
              );
            })}
          </div>
        </div>
      </div>
      <div className="chunk-detail" data-testid="chunk-detail" role="region" tabIndex={0} aria-label={`${noun} detail`}>
        {selected === null && <p className="muted">Select a {noun.toLowerCase()} to see its columns and buffers.</p>}
        {error && <ErrorBox info={error} />}
        {detail && <ChunkDetailView detail={detail} summary={summary} />}
      </div>
    </div>
  );
}

/** Columns listed at first in a chunk's detail (a batch may have 100,000); more on demand. */
const COLUMNS_SHOWN = 200;

/** A chunk's statistics: min … max (marked when they are bounds) when it gives both, else why not, and its distinct count. */
function statsCell(stats: NonNullable<ChunkDetail['columns'][number]['stats']>): string {
  const range = stats.min !== undefined && stats.max !== undefined ? `${stats.min} … ${stats.max}${stats.exact ? '' : ' (bounds)'}` : (stats.minMaxNote ?? '');
  const distinct = stats.distinctCount !== undefined ? `${count(stats.distinctCount)} distinct` : '';
  return [range, distinct].filter(Boolean).join(', ');
}

function ChunkDetailView({ detail, summary }: { detail: ChunkDetail; summary: DatasetSummary }) {
  const [shown, setShown] = useState(COLUMNS_SHOWN);
  return (
    <div>
      <h3>
        {summary.format === 'parquet' ? 'Row group' : 'Batch'} {detail.index}: {count(detail.rows)} rows at byte {count(detail.offset)}
        {detail.compression ? `, ${detail.compression}` : ''}
      </h3>
      {detail.metadata && Object.keys(detail.metadata).length > 0 && (
        <p className="muted">
          <VisibleText
            text={Object.entries(detail.metadata)
              .map(([k, v]) => `${k}: ${v}`)
              .join(' · ')}
          />
        </p>
      )}
      <table className="detail-table">
        <thead>
          <tr>
            <th>Column</th>
            <th>Bytes</th>
            <th>Nulls</th>
            <th>Codec / encodings</th>
            <th>Statistics</th>
            <th>Buffers / pages (file offset: size)</th>
          </tr>
        </thead>
        <tbody>
          {detail.columns.slice(0, shown).map((c) => (
            <tr key={c.column}>
              <td><VisibleText text={summary.fields[c.column]?.name ?? ''} /></td>
              <td>{bytes(c.bytes)}</td>
              <td>{c.nullCount === undefined ? (c.nullCountNote ?? '') : count(c.nullCount)}</td>
              <td>{[c.codec, ...(c.encodings ?? [])].filter(Boolean).join(', ')}</td>
              <td>{c.stats ? <VisibleText text={statsCell(c.stats)} /> : ''}</td>
              <td>
                <RegionList summary={summary} chunk={detail.index} column={c.column} regions={c.regions ?? []} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {detail.columns.length > shown && (
        <button className="link" onClick={() => setShown((n) => n + COLUMNS_SHOWN)}>
          Show {count(Math.min(COLUMNS_SHOWN, detail.columns.length - shown))} more of {count(detail.columns.length - shown)} columns not shown
        </button>
      )}
      {detail.dictionaries && detail.dictionaries.length > 0 && (
        <p className="muted">
          Dictionaries in effect:{' '}
          {detail.dictionaries.map((d) => `#${d.id}${d.isDelta ? ' (delta)' : ''} @${count(d.offset)} ${bytes(d.bytes)}`).join('; ')}
        </p>
      )}
    </div>
  );
}
