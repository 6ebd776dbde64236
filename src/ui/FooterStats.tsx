import { useEffect, useState } from 'react';
import type { DatasetSummary } from '../worker/protocol';
import { count } from './format';
import { useEngine } from './useEngine';

const MAX_CHUNKS = 2000;

/** For Parquet: what the footer statistics already say about a column, before any scan. */
export function FooterStats({ summary, column }: { summary: DatasetSummary; column: number }) {
  const engine = useEngine();
  const [text, setText] = useState<string | null>(null);
  useEffect(() => {
    setText(null);
    if (summary.format !== 'parquet' || summary.chunkCount > MAX_CHUNKS) return;
    let live = true;
    void (async () => {
      let nulls = 0;
      let nullsKnown = true;
      let min: string | undefined;
      let max: string | undefined;
      let exact = true;
      for (let i = 0; i < summary.chunkCount; i++) {
        const s = (await engine.chunkDetail(summary.id, i)).columns[column]?.stats;
        if (s?.nullCount === undefined) nullsKnown = false;
        else nulls += s.nullCount;
        if (!s || s.min === undefined || s.max === undefined) {
          exact = false;
          continue;
        }
        exact &&= s.exact === true;
        const numeric = !Number.isNaN(Number(s.min)) && !Number.isNaN(Number(s.max));
        const less = (a: string, b: string) => (numeric ? Number(a) < Number(b) : a < b);
        if (min === undefined || less(s.min, min)) min = s.min;
        if (max === undefined || less(max, s.max)) max = s.max;
      }
      if (!live) return;
      const parts = [nullsKnown ? `${count(nulls)} nulls` : null, min !== undefined ? `min ${min}, max ${max}${exact ? '' : ' (bounds)'}` : null].filter(Boolean);
      setText(parts.length ? `From the footer statistics, before any scan: ${parts.join('; ')}.` : null);
    })();
    return () => {
      live = false;
    };
  }, [engine, summary.id, summary.format, summary.chunkCount, column]);
  return text ? (
    <p className="muted" data-testid="footer-stats">
      {text}
    </p>
  ) : null;
}
