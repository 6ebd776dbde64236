import type { ProfileText } from './profileText';

/**
 * Column profile gathered during the unique-values scan: numeric min / max / mean over every row,
 * quantiles and a histogram from a deterministic uniform sample, string length range. Mergeable.
 */
export interface ProfilePartial {
  /** `nans`: NaN values (not in count); `exactMin`/`exactMax`: 64-bit values' exact extremes, as decimal text. */
  numeric: { count: number; min: number; max: number; sum: number; sample: number[]; seen: number; nans?: number; exactMin?: string; exactMax?: string } | null;
  lengths: { min: number; max: number } | null;
}

export interface ColumnProfile {
  min?: number;
  max?: number;
  /** min and max exactly, as decimal text, when the values are 64-bit integers (int64, timestamps, durations). */
  exactMin?: string;
  exactMax?: string;
  /** NaN when any value is NaN, as pyarrow's mean. */
  mean?: number;
  /** p0, p5, p25, p50, p75, p95, p100 by linear interpolation, pyarrow's default (approximate past SAMPLE_SIZE rows). */
  quantiles?: { p: number; value: number }[];
  histogram?: { from: number; to: number; count: number }[];
  quantilesExact?: boolean;
  minLength?: number;
  maxLength?: number;
  /** Temporal columns: the figures above as text of the column's type (withProfileText). */
  text?: ProfileText;
}

export const SAMPLE_SIZE = 100_000;

/** Accumulates numbers: exact min/max/sum, and a reservoir sample (seeded, so runs repeat). */
export class NumericProfile {
  count = 0;
  nans = 0;
  min = Infinity;
  max = -Infinity;
  sum = 0;
  exactMin: bigint | undefined;
  exactMax: bigint | undefined;
  readonly sample: number[] = [];
  private seed = 0x9e3779b9;

  private random(): number {
    this.seed = (Math.imul(this.seed ^ (this.seed >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return this.seed / 4294967296;
  }

  /** A 64-bit value's exact extremes (add() keeps its nearest double). */
  addExact(v: bigint): void {
    if (this.exactMin === undefined || v < this.exactMin) this.exactMin = v;
    if (this.exactMax === undefined || v > this.exactMax) this.exactMax = v;
  }

  /** `times` rows of value v (a dictionary value counted by index). */
  add(v: number, times = 1): void {
    if (Number.isNaN(v)) {
      this.nans += times;
      return;
    }
    if (v < this.min) this.min = v;
    if (v > this.max) this.max = v;
    this.sum += times === 1 ? v : v * times;
    for (let t = 0; t < times; t++) {
      this.count++;
      if (this.sample.length < SAMPLE_SIZE) this.sample.push(v);
      else {
        const k = Math.floor(this.random() * this.count);
        if (k < SAMPLE_SIZE) this.sample[k] = v;
      }
    }
  }
}

/** The q-quantile of sorted values by linear interpolation between the two nearest ranks, as pyarrow's default computes it (to the last digit). */
function linearQuantile(sorted: number[], q: number): number {
  const at = q * (sorted.length - 1);
  const below = Math.floor(at);
  const fraction = at - below;
  if (fraction === 0 || below + 1 >= sorted.length) return sorted[below];
  return (1 - fraction) * sorted[below] + fraction * sorted[below + 1];
}

export function mergeProfiles(parts: ProfilePartial[]): ColumnProfile {
  const out: ColumnProfile = {};
  const all = parts.map((p) => p.numeric).filter((n): n is NonNullable<ProfilePartial['numeric']> => n !== null);
  const nans = all.reduce((s, n) => s + (n.nans ?? 0), 0);
  const nums = all.filter((n) => n.count > 0);
  // As pyarrow: min and max skip NaN unless every value is NaN; the mean of values holding a NaN is NaN.
  if (!nums.length && nans) [out.min, out.max, out.mean] = [NaN, NaN, NaN];
  if (nums.length) {
    const count = nums.reduce((s, n) => s + n.count, 0);
    out.min = Math.min(...nums.map((n) => n.min));
    out.max = Math.max(...nums.map((n) => n.max));
    out.mean = nans ? NaN : nums.reduce((s, n) => s + n.sum, 0) / count;
    if (nums.every((n) => n.exactMin !== undefined && n.exactMax !== undefined)) {
      out.exactMin = nums.map((n) => BigInt(n.exactMin!)).reduce((a, b) => (b < a ? b : a)).toString();
      out.exactMax = nums.map((n) => BigInt(n.exactMax!)).reduce((a, b) => (b > a ? b : a)).toString();
    }
    // Each part's sample stands for its rows: weight by repeating in proportion (sample sizes are capped).
    const sample: number[] = [];
    for (const n of nums) {
      const take = Math.min(n.sample.length, Math.round((SAMPLE_SIZE * n.count) / count));
      for (let i = 0; i < take; i++) sample.push(n.sample[i]);
    }
    sample.sort((a, b) => a - b);
    out.quantilesExact = count <= SAMPLE_SIZE;
    out.quantiles = [0, 5, 25, 50, 75, 95, 100].map((p) => ({ p, value: p === 0 ? out.min! : p === 100 ? out.max! : linearQuantile(sample, p / 100) }));
    const bins = 30;
    const width = (out.max - out.min) / bins || 1;
    const counts = new Array<number>(bins).fill(0);
    for (const v of sample) counts[Math.min(bins - 1, Math.floor((v - out.min) / width))]++;
    const scale = count / Math.max(1, sample.length);
    out.histogram = counts.map((c, i) => ({ from: out.min! + i * width, to: out.min! + (i + 1) * width, count: Math.round(c * scale) }));
  }
  const lens = parts.map((p) => p.lengths).filter((l): l is NonNullable<ProfilePartial['lengths']> => l !== null);
  if (lens.length) {
    out.minLength = Math.min(...lens.map((l) => l.min));
    out.maxLength = Math.max(...lens.map((l) => l.max));
  }
  return out;
}
