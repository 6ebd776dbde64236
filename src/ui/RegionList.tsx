import { useState } from 'react';
import type { DatasetSummary, ErrorInfo, PageList, RegionInfo } from '../worker/protocol';
import { EngineError } from '../worker/client';
import { ErrorBox } from './ErrorBox';
import { bytes, count } from './format';
import { useEngine } from './useEngine';

function Regions({ regions, column }: { regions: RegionInfo[]; column: string | undefined }) {
  return (
    <>
      {regions.map((r, i) => (
        <div key={i}>
          {r.field !== column ? `${r.field} ` : ''}
          {r.kind} @{count(r.offset)}: {bytes(r.length)}
          {r.detail ? ` (${r.detail})` : ''}
        </div>
      ))}
    </>
  );
}

/** Buffers of an Arrow column, or a Parquet column chunk with its pages listed on demand. */
export function RegionList({ summary, chunk, column, regions }: { summary: DatasetSummary; chunk: number; column: number; regions: RegionInfo[] }) {
  const engine = useEngine();
  const [pages, setPages] = useState<PageList | 'loading' | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const name = summary.fields[column]?.name;
  const listPages = () => {
    setPages('loading');
    setError(null);
    engine.pages(summary.id, chunk, column, `pages:${column}`).then(setPages, (e) => {
      setPages(null);
      setError(e instanceof EngineError ? e.info : { message: String(e), where: {} });
    });
  };
  return (
    <div className="regions">
      <Regions regions={regions} column={name} />
      {summary.format === 'parquet' && pages === null && (
        <button className="link" onClick={listPages} aria-label={`List pages of ${name}`}>
          List pages
        </button>
      )}
      {pages === 'loading' && <div>Reading page headers…</div>}
      {pages && pages !== 'loading' && (
        <div className="pages" data-testid="pages" role="region" tabIndex={0} aria-label={`Pages of ${name}`}>
          <div>
            {count(pages.pages.length)} pages{pages.truncated ? ' (list cut at the first 10,000 of a leaf)' : ''}:
          </div>
          <Regions regions={pages.pages} column={name} />
          {pages.problem && <ErrorBox info={pages.problem} />}
        </div>
      )}
      {error && <ErrorBox info={error} onClose={() => setError(null)} />}
    </div>
  );
}
