import type { UniqueSummary } from '../worker/protocol';
import { Facts } from './Facts';
import { count, percent } from './format';
import { Histogram } from './Histogram';
import { TopValues } from './TopValues';

/** Null count, distinct count, min / max / mean / quantiles or length range, a histogram and the top values. */
export function ProfilePanel({ result }: { result: UniqueSummary }) {
  const p = result.profile;
  const facts: [string, string][] = [
    ['Rows', count(result.rows)],
    ['Nulls', `${count(result.nulls)} (${percent(result.nulls, result.rows)})`],
    ['Distinct', `${count(result.distinct)}${result.exact ? '' : ' (estimate)'}`],
  ];
  // The figures as text of the column's type, made with the count (compute/profileText.ts).
  const text = p.text;
  if (text) facts.push(['Min', text.min], ['Max', text.max], ['Mean', text.mean]);
  p.quantiles?.forEach((q, i) => {
    if (text && q.p > 0 && q.p < 100) facts.push([`p${q.p}${p.quantilesExact ? '' : ' ≈'}`, text.quantiles[i]]);
  });
  if (p.minLength !== undefined) facts.push(['Length (bytes)', `${p.minLength} … ${p.maxLength}`]);
  return (
    <div className="profile" data-testid="profile">
      <Facts facts={facts} />
      <div className="charts">
        {p.histogram && result.axis && (
          <div>
            <div className="muted">
              Histogram{p.quantilesExact ? '' : ' (from a uniform sample of 100,000 rows, scaled to every row)'}
              {p.infinities ? `; ${p.quantilesExact ? '' : '≈ '}${count(p.infinities)} ${p.infinities === 1 ? 'row holds' : 'rows hold'} ±infinity, not drawn` : ''}
            </div>
            <Histogram bins={p.histogram} axis={result.axis} rows={result.rows} column={result.column} approximate={!p.quantilesExact} />
          </div>
        )}
        <TopValues values={result.top} rows={result.rows} />
      </div>
    </div>
  );
}
