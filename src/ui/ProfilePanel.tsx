import type { UniqueSummary } from '../worker/protocol';
import { Facts } from './Facts';
import { count } from './format';

const W = 520;
const H = 120;

function num(v: number): string {
  return Math.abs(v) >= 1e6 || (Math.abs(v) < 1e-3 && v !== 0) ? v.toExponential(3) : Number(v.toFixed(4)).toLocaleString('en-US');
}

/** Bars as plain SVG: a histogram for numbers, the top values otherwise. */
function Bars({ bars }: { bars: { label: string; count: number }[] }) {
  const max = Math.max(1, ...bars.map((b) => b.count));
  const w = W / Math.max(1, bars.length);
  return (
    <svg className="profile-chart" width={W} height={H + 4} role="img" aria-label="Distribution chart">
      {bars.map((b, i) => {
        const h = (b.count / max) * H;
        return (
          <rect key={i} x={i * w + 1} y={H - h} width={Math.max(1, w - 2)} height={h}>
            <title>{`${b.label}: ${count(b.count)}`}</title>
          </rect>
        );
      })}
    </svg>
  );
}

/** Null count, distinct count, min / max / mean / quantiles or length range, and a chart. */
export function ProfilePanel({ result }: { result: UniqueSummary }) {
  const p = result.profile;
  const facts: [string, string][] = [
    ['Rows', count(result.rows)],
    ['Nulls', `${count(result.nulls)} (${((result.nulls / Math.max(1, result.rows)) * 100).toFixed(2)}%)`],
    ['Distinct', `${count(result.distinct)}${result.exact ? '' : ' (estimate)'}`],
  ];
  if (p.min !== undefined) facts.push(['Min', p.text?.min ?? num(p.min)], ['Max', p.text?.max ?? num(p.max!)], ['Mean', p.text?.mean ?? num(p.mean!)]);
  p.quantiles?.forEach((q, i) => {
    if (q.p > 0 && q.p < 100) facts.push([`p${q.p}${p.quantilesExact ? '' : ' ≈'}`, p.text?.quantiles[i] ?? num(q.value)]);
  });
  if (p.minLength !== undefined) facts.push(['Length (bytes)', `${p.minLength} … ${p.maxLength}`]);
  const bars = p.histogram
    ? p.histogram.map((b, i) => ({ label: p.text?.histogram[i] ?? `${num(b.from)} … ${num(b.to)}`, count: b.count }))
    : result.top.map((v) => ({ label: v.value === null ? 'null' : String(v.value), count: v.count }));
  return (
    <div className="profile" data-testid="profile">
      <Facts facts={facts} />
      <div className="muted">{p.histogram ? `Histogram${p.quantilesExact ? '' : ' (from a uniform sample of 100,000 rows)'}` : 'Most frequent values'}</div>
      <Bars bars={bars} />
    </div>
  );
}
