import { useEffect, useState } from 'react';
import type { DatasetSummary, IoStats } from '../worker/protocol';
import { bytes, count, percent } from './format';
import { useEngine } from './useEngine';

/**
 * What the engine worker has read of this file: distinct bytes (at most the whole file), bytes read
 * more than once, reads, and what its block cache holds; what the worker's decoded cache holds for all
 * open files, and its limit; for Parquet, the decoder's wasm memory.
 */
export function IoMeter({ summary }: { summary: DatasetSummary }) {
  const engine = useEngine();
  const [stats, setStats] = useState<IoStats | null>(null);
  useEffect(() => {
    let live = true;
    const poll = async () => {
      const s = await engine.stats(summary.id).catch(() => null);
      if (live && s) setStats(s);
    };
    void poll();
    const timer = setInterval(poll, 500);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [engine, summary.id]);
  if (!stats) return null;

  const share = stats.distinctBytes / Math.max(1, stats.size);
  const again = Math.max(0, stats.bytesRead - stats.distinctBytes);
  return (
    <section className="meter" aria-labelledby="io-meter-title">
      <h2 id="io-meter-title">Reads of this file</h2>
      <div
        className="meter-bar"
        role="meter"
        aria-label="Share of the file read"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.min(100, share * 100)}
        aria-valuetext={percent(stats.distinctBytes, stats.size)}
      >
        <div style={{ width: stats.distinctBytes > 0 ? `max(2px, ${Math.min(100, share * 100)}%)` : 0 }} />
      </div>
      <dl className="meter-text" data-testid="io-meter">
        <div>
          <dt>Read</dt>
          <dd>
            {bytes(stats.distinctBytes)} of {bytes(stats.size)} ({percent(stats.distinctBytes, stats.size)} of the file)
          </dd>
        </div>
        <div>
          <dt>Read again</dt>
          <dd title="Bytes fetched more than once: a block evicted from the cache, or a header read by two views">{bytes(again)}</dd>
        </div>
        <div>
          <dt>Reads</dt>
          <dd>{count(stats.reads)}</dd>
        </div>
        <div>
          <dt>Block cache holds</dt>
          <dd>{bytes(stats.cachedBytes)}</dd>
        </div>
        <div>
          <dt>Decoded cache holds</dt>
          <dd data-testid="decoded-cache" title="Decompressed buffers and decoded nested columns and pages the engine worker keeps, so that scrolling decodes each once; one limit for every open file, least recently used dropped first">
            {bytes(stats.decodedBytes)} of {bytes(stats.decodedBudgetBytes)} (all open files)
          </dd>
        </div>
        {stats.wasmBytes !== undefined && (
          <div>
            <dt>Parquet decoder (wasm) memory</dt>
            <dd title="parquet-wasm memory of the engine worker, shared by every open Parquet file; it never shrinks, so past a budget the worker is replaced">{bytes(stats.wasmBytes)}</dd>
          </div>
        )}
      </dl>
      <p className="muted meter-note">Counts the engine worker, which serves every view but the unique-value counts (they read in their own workers).</p>
    </section>
  );
}
