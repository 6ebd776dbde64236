import { useEffect, useState } from 'react';
import type { DatasetSummary, IoStats } from '../worker/protocol';
import { Facts } from './Facts';
import { bytes, count } from './format';
import { useEngine } from './useEngine';

const FORMAT_NAMES = { 'arrow-stream': 'Arrow IPC stream', 'arrow-file': 'Arrow IPC file (Feather V2)', parquet: 'Parquet' };

/** Format, size, rows, chunks, columns, created-by, open time, and a live I/O and memory meter. */
export function Overview({ summary }: { summary: DatasetSummary }) {
  const engine = useEngine();
  const [stats, setStats] = useState<IoStats | null>(null);
  useEffect(() => {
    let live = true;
    const poll = async () => {
      const s = await engine.stats(summary.id);
      if (live) setStats(s);
    };
    void poll();
    const timer = setInterval(poll, 500);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [engine, summary.id]);

  const facts: [string, string][] = [
    ['Format', `${FORMAT_NAMES[summary.format]}${summary.version ? ` (${summary.version})` : ''}`],
    ['File size', `${bytes(summary.size)} (${count(summary.size)} bytes)`],
    ['Rows', `${count(summary.rows)}${summary.indexComplete ? '' : ' so far…'}`],
    [summary.format === 'parquet' ? 'Row groups' : 'Record batches', `${count(summary.chunkCount)}${summary.indexComplete ? '' : ' so far…'}`],
    ['Columns', count(summary.fields.length)],
    ['Opened in', `${summary.openMs.toFixed(1)} ms`],
    ['Indexed in', summary.indexMs === undefined ? 'indexing…' : `${summary.indexMs.toFixed(1)} ms`],
  ];
  if (summary.createdBy) facts.push(['Created by', summary.createdBy]);
  const read = stats ? stats.bytesRead / Math.max(1, stats.size) : 0;
  return (
    <div className="overview">
      <Facts facts={facts} testId="overview" />
      {!summary.indexComplete && (
        <button onClick={() => void engine.stopIndexing(summary.id)} title="The batches found so far stay explorable">
          Stop indexing
        </button>
      )}
      {stats && (
        <div className="meter" aria-label="Input and memory meter">
          <div className="meter-bar" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(read * 100)}>
            <div style={{ width: `${Math.min(100, Math.max(0.5, read * 100))}%` }} />
          </div>
          <div className="meter-text" data-testid="io-meter">
            Read {bytes(stats.bytesRead)} of {bytes(stats.size)} ({(read * 100).toFixed(read < 0.01 ? 4 : 1)}%) in {count(stats.reads)} reads · cache holds {bytes(stats.cachedBytes)}{stats.wasmBytes ? ` · Parquet decoder (wasm) memory ${bytes(stats.wasmBytes)}` : ''}
          </div>
        </div>
      )}
    </div>
  );
}
