import { useState } from 'react';
import type { HistogramAxis } from '../worker/protocol';
import { compactCount, count, percent } from './format';

const W = 600;
const H = 210;
const M = { top: 10, right: 18, bottom: 44, left: 52 };
const PLOT_W = W - M.left - M.right;
const PLOT_H = H - M.top - M.bottom;
/** Average width of a tick label character at 11px, for spacing labels apart. */
const CHAR_W = 6.6;

interface Props {
  bins: { from: number; to: number; count: number }[];
  axis: HistogramAxis;
  /** Rows the counts are out of (for the share on hover). */
  rows: number;
  /** Column name, for the x axis title. */
  column: string;
  /** True when the counts are scaled up from a sample. */
  approximate: boolean;
}

/** Up to ~5 round counts from 0 to at least `max`. */
function countTicks(max: number): number[] {
  if (max <= 0) return [0];
  const raw = max / 4;
  const power = 10 ** Math.floor(Math.log10(raw));
  const f = raw / power;
  const step = Math.max(1, (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * power);
  const out: number[] = [];
  for (let v = 0; v <= max + step * 1e-9; v += step) out.push(v);
  if (out[out.length - 1] < max) out.push(out[out.length - 1] + step);
  return out;
}

/** Ticks thinned until their labels do not overlap. */
function spaced(ticks: { x: number; text: string }[]): { x: number; text: string }[] {
  for (let every = 1; every <= ticks.length; every++) {
    const kept = ticks.filter((_, i) => i % every === 0);
    const fits = kept.every((t, i) => i === 0 || t.x - kept[i - 1].x >= ((t.text.length + kept[i - 1].text.length) / 2) * CHAR_W + 10);
    if (fits) return kept;
  }
  return ticks.slice(0, 1);
}

/** A histogram with an x axis in the column's units, a y axis of row counts, and each bin's range on hover. */
export function Histogram({ bins, axis, rows, column, approximate }: Props) {
  const [hovered, setHovered] = useState<number | null>(null);
  const lo = bins[0].from;
  const hi = bins[bins.length - 1].to;
  const x = (v: number) => M.left + (hi > lo ? ((v - lo) / (hi - lo)) * PLOT_W : PLOT_W / 2);
  const yTicks = countTicks(Math.max(...bins.map((b) => b.count)));
  const yMax = yTicks[yTicks.length - 1] || 1;
  const y = (c: number) => M.top + PLOT_H - (c / yMax) * PLOT_H;
  const xTicks = spaced(axis.ticks.map((t) => ({ x: x(t.at), text: t.text })));
  const bottom = M.top + PLOT_H;
  const binText = (i: number) => `${axis.bins[i]}: ${approximate ? '≈ ' : ''}${count(bins[i].count)} rows (${percent(bins[i].count, rows)})`;
  return (
    <figure className="chart histogram" data-testid="histogram">
      <svg viewBox={`0 0 ${W} ${H}`} width={W} height={H} role="img" aria-label={`Histogram of ${column}: ${bins.length} bins from ${axis.bins[0]?.split(' … ')[0]} to ${axis.bins[axis.bins.length - 1]?.split(' … ').pop()}`}>
        <g className="grid-lines">
          {yTicks.map((t) => (
            <line key={t} x1={M.left} x2={M.left + PLOT_W} y1={y(t)} y2={y(t)} />
          ))}
        </g>
        <g className="y-axis" data-testid="y-axis">
          {yTicks.map((t) => (
            <text key={t} x={M.left - 6} y={y(t)} dy="0.32em" textAnchor="end">
              {compactCount(t)}
            </text>
          ))}
          <text className="axis-title" transform={`translate(12 ${M.top + PLOT_H / 2}) rotate(-90)`} textAnchor="middle">
            {approximate ? 'rows (≈)' : 'rows'}
          </text>
        </g>
        <g className="bars">
          {bins.map((b, i) => {
            // One bin of one value fills the plot, its tick in the middle.
            const x0 = hi > lo ? x(b.from) : M.left;
            const w = hi > lo ? Math.max(1, x(b.to) - x0 - 1) : PLOT_W - 1;
            return (
              <g key={i} className={`bin${hovered === i ? ' hovered' : ''}`} onPointerEnter={() => setHovered(i)} onPointerLeave={() => setHovered((h) => (h === i ? null : h))}>
                <title>{binText(i)}</title>
                {/* The whole column of the bin answers hover, however low its bar (a path, so the bars stay the only rects). */}
                <path className="hit" d={`M${x0} ${M.top}h${w + 1}v${PLOT_H}h${-(w + 1)}z`} />
                <rect className="bar" x={x0 + 0.5} y={y(b.count)} width={w} height={bottom - y(b.count)} />
              </g>
            );
          })}
        </g>
        <g className="x-axis" data-testid="x-axis">
          <line x1={M.left} x2={M.left + PLOT_W} y1={bottom} y2={bottom} />
          {xTicks.map((t) => {
            const half = (t.text.length * CHAR_W) / 2;
            const anchor = t.x - half < 0 ? 'start' : t.x + half > W ? 'end' : 'middle';
            return (
              <g key={t.x} className="tick">
                <line x1={t.x} x2={t.x} y1={bottom} y2={bottom + 5} />
                <text x={t.x} y={bottom + 17} textAnchor={anchor}>
                  {t.text}
                </text>
              </g>
            );
          })}
          <text className="axis-title" x={M.left + PLOT_W / 2} y={H - 4} textAnchor="middle">
            {column}
            {axis.unit ? ` (${axis.unit})` : ''}
          </text>
        </g>
      </svg>
      <figcaption className="bin-readout" data-testid="bin-readout">
        {hovered === null ? 'Point at a bar for its range and count.' : binText(hovered)}
      </figcaption>
    </figure>
  );
}
