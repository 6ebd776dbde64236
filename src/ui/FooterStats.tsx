import type { DatasetSummary } from '../worker/protocol';
import { count } from './format';
import { useColumnSummary } from './useColumnSummary';

/** For Parquet: what the footer statistics already say about a column, before any scan. */
export function FooterStats({ summary, column }: { summary: DatasetSummary; column: number }) {
  const { summary: totals } = useColumnSummary(summary.id, column, column + 1);
  const c = totals?.columns[column - totals.start];
  if (summary.format !== 'parquet' || !totals?.complete || !c) return null;
  const parts = [c.nulls !== undefined ? `${count(c.nulls)} nulls` : null, c.min !== undefined ? `min ${c.min}, max ${c.max}${c.minMaxExact ? '' : ' (bounds)'}` : (c.minMaxNote ?? null)].filter(Boolean);
  if (!parts.length) return null;
  return (
    <p className="muted" data-testid="footer-stats">
      From the footer statistics, before any scan: {parts.join('; ')}.
    </p>
  );
}
