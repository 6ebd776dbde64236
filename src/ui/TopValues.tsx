import type { ValueCount } from '../worker/protocol';
import { count, percent } from './format';

const SHOWN = 10;

/** The most frequent values as labelled bars: value, a bar scaled to the most frequent, count and share. */
export function TopValues({ values, rows }: { values: ValueCount[]; rows: number }) {
  const top = values.slice(0, SHOWN);
  const max = Math.max(1, ...top.map((v) => v.count));
  if (!top.length) return null;
  return (
    <figure className="chart top-values" data-testid="top-values">
      <figcaption className="muted">Most frequent values</figcaption>
      <ol>
        {top.map((v, i) => {
          const text = v.value === null ? 'null' : String(v.value);
          return (
            <li key={i}>
              <span className={`top-label${v.value === null ? ' null' : ''}`} title={text}>
                {text}
              </span>
              <span className="top-track" aria-hidden="true">
                <span className="top-fill" style={{ width: `max(2px, ${(v.count / max) * 100}%)` }} />
              </span>
              <span className="top-count">
                {count(v.count)} <span className="muted">({percent(v.count, rows)})</span>
              </span>
            </li>
          );
        })}
      </ol>
    </figure>
  );
}
