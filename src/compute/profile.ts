import { DateUnit, Type, type DataType } from 'apache-arrow';
import { decimalToDouble } from '../valueText';
import { PairwiseSum, sumInRowOrder } from './pairwiseSum';
import type { ProfileText } from './profileText';

/**
 * Column profile gathered during the unique-values scan: numeric min / max / mean over every row,
 * quantiles and a histogram from a deterministic uniform sample, string length range. Mergeable.
 */
export interface ProfilePartial {
  /**
   * `nans`: NaN values (not in count); `exactMin`/`exactMax`: 64-bit values' exact extremes, as decimal text;
   * `sums`: the chunks' sums ([row, sum, …], PairwiseSum); `exactSum`: a decimal's or temporal column's exact sum, as decimal text.
   */
  numeric: {
    count: number;
    min: number;
    max: number;
    sums: number[];
    exactSum?: string;
    sample: number[];
    seen: number;
    nans?: number;
    infinities?: number;
    exactMin?: string;
    exactMax?: string;
    unit?: number;
  } | null;
  lengths: { min: number; max: number } | null;
}

export interface ColumnProfile {
  min?: number;
  max?: number;
  /** min and max exactly, as decimal text, when the values are 64-bit integers (int64, timestamps, durations). */
  exactMin?: string;
  exactMax?: string;
  /** pyarrow's mean to the last digit (the values summed as doubles as it sums them); NaN when any value is NaN. */
  mean?: number;
  /**
   * Decimals and temporal columns: the mean exactly, rounded half away from zero to the column's unit (a
   * decimal's scale, as pyarrow's decimal mean; a timestamp's unit, which pyarrow gives no mean), as decimal text.
   */
  exactMean?: string;
  /** p0, p5, p25, p50, p75, p95, p100 by linear interpolation, pyarrow's default (approximate past SAMPLE_SIZE rows). */
  quantiles?: { p: number; value: number }[];
  /** Bins [from, to), the last one [from, to]; one bin [v, v] when every finite value is v. Whole-unit columns (`unit`) have bins of whole units. */
  histogram?: { from: number; to: number; count: number }[];
  /** The histogram's bins hold whole multiples of this (see wholeUnit), shown as their first and last value. */
  histogramUnit?: number;
  /** Rows holding +inf or -inf: in min, max, mean and quantiles, not in the histogram (approximate past SAMPLE_SIZE rows, as the histogram). */
  infinities?: number;
  quantilesExact?: boolean;
  minLength?: number;
  maxLength?: number;
  /** Temporal columns: the figures above as text of the column's type (withProfileText). */
  text?: ProfileText;
}

export const SAMPLE_SIZE = 100_000;

const DAY_MS = 86_400_000;

/** What a column's profiled values are whole multiples of: 1 for integers, times, timestamps and durations, a day for date32 (profiled in milliseconds); none for floats. */
export function wholeUnit(type: DataType): number | undefined {
  switch (type.typeId) {
    case Type.Int:
    case Type.Time:
    case Type.Timestamp:
    case Type.Duration:
      return 1;
    case Type.Date:
      return (type as unknown as { unit: DateUnit }).unit === DateUnit.DAY ? DAY_MS : 1;
    default:
      return undefined;
  }
}

/** Accumulates numbers: exact min/max, the sum as pyarrow's (see PairwiseSum), and a reservoir sample (seeded, so runs repeat). */
export class NumericProfile {
  count = 0;
  nans = 0;
  min = Infinity;
  max = -Infinity;
  /** The values' sum as doubles, chunk by chunk as pyarrow sums them (integers too). */
  readonly sum = new PairwiseSum();
  /** Decimals' and temporal values' exact sum (keepExactSum): what carried out of `smallSum`, which stays a safe integer. */
  private exactSum: bigint | undefined;
  private smallSum = 0;
  exactMin: bigint | undefined;
  exactMax: bigint | undefined;
  infinities = 0;
  /** The values are whole multiples of this (1 for integers, times and durations; a day's milliseconds for dates), when they are. */
  unit: number | undefined;
  readonly sample: number[] = [];
  private seed = 0x9e3779b9;

  private random(): number {
    this.seed = (Math.imul(this.seed ^ (this.seed >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return this.seed / 4294967296;
  }

  /**
   * `times` rows of value v (a dictionary value counted by index); `exact`: a 64-bit value or a decimal's
   * unscaled integer, as read (v is its double); `toSum` false: the caller added the rows to `sum` itself.
   */
  add(v: number, times = 1, exact?: bigint, toSum = true): void {
    if (Number.isNaN(v)) {
      this.nans += times;
      return;
    }
    if (v < this.min) this.min = v;
    if (v > this.max) this.max = v;
    if (v - v !== 0) this.infinities += times;
    if (exact !== undefined) {
      if (this.exactMin === undefined || exact < this.exactMin) this.exactMin = exact;
      if (this.exactMax === undefined || exact > this.exactMax) this.exactMax = exact;
    }
    if (toSum) this.sum.add(times === 1 ? v : v * times);
    if (this.exactSum !== undefined) this.addExactly(v, times, exact);
    for (let t = 0; t < times; t++) {
      this.count++;
      if (this.sample.length < SAMPLE_SIZE) this.sample.push(v);
      else {
        const k = Math.floor(this.random() * this.count);
        if (k < SAMPLE_SIZE) this.sample[k] = v;
      }
    }
  }

  /** `times` rows of a decimal: its unscaled integer, of `scale`. */
  addDecimal(unscaled: bigint, scale: number, times = 1): void {
    this.keepExactSum();
    this.add(decimalToDouble(unscaled, scale), times, unscaled);
  }

  /** From now on the sum is kept exactly too (a decimal's or a temporal column's mean is shown in its unit). */
  keepExactSum(): void {
    this.exactSum ??= 0n;
  }

  private addExactly(v: number, times: number, exact: bigint | undefined): void {
    if (exact !== undefined) {
      this.exactSum! += times === 1 ? exact : exact * BigInt(times);
      return;
    }
    const added = v * times;
    if (Number.isSafeInteger(added) && Number.isSafeInteger(this.smallSum + added)) this.smallSum += added;
    else this.exactSum! += BigInt(v) * BigInt(times);
  }

  /** The exact sum as decimal text, when it is kept. */
  exactSumText(): string | undefined {
    return this.exactSum === undefined ? undefined : (this.exactSum + BigInt(this.smallSum)).toString();
  }
}

/** An exact sum over a count as pyarrow's decimal mean gives it: the quotient rounded half away from zero. */
function roundedMean(sum: bigint, count: number): bigint {
  const n = BigInt(count);
  const quotient = sum / n;
  const remainder = sum % n;
  if ((remainder < 0n ? -remainder : remainder) * 2n < n) return quotient;
  return sum >= 0n ? quotient + 1n : quotient - 1n;
}

/** The q-quantile of sorted values by linear interpolation between the two nearest ranks, as pyarrow's default computes it (to the last digit). */
function linearQuantile(sorted: number[], q: number): number {
  const at = q * (sorted.length - 1);
  const below = Math.floor(at);
  const fraction = at - below;
  if (fraction === 0 || below + 1 >= sorted.length) return sorted[below];
  return (1 - fraction) * sorted[below] + fraction * sorted[below + 1];
}

const BINS = 30;

/**
 * The inner edges rounded to as few significant digits as keep them apart (6 at least), so that the
 * text an edge is shown by is the edge values are binned by (0.3, not 0.30000000000000004, where 0.3 would
 * fall below it); the outer ones are the extremes themselves.
 */
function shortEdges(raw: number[], lo: number, hi: number): number[] {
  for (let digits = 6; digits < 17; digits++) {
    const edges = raw.map((v, i) => (i === 0 ? lo : i === raw.length - 1 ? hi : Number(v.toPrecision(digits))));
    if (edges.every((v, i) => i === 0 || v > edges[i - 1])) return edges;
  }
  return raw;
}

/**
 * Bins over [lo, hi] of the sorted sample, each count scaled to the rows it stands for. Whole-unit
 * values get bins of whole units (0–66: 23 bins of 3 integers each, not 30 of 2.2); a value's bin is
 * found by the same edges its range is shown by.
 */
function histogram(sorted: number[], lo: number, hi: number, unit: number | undefined, scale: number): NonNullable<ColumnProfile['histogram']> {
  if (lo === hi) return [{ from: lo, to: hi, count: Math.round(sorted.length * scale) }];
  let edges: number[];
  if (unit) {
    const values = (hi - lo) / unit + 1;
    const per = Math.ceil(values / BINS);
    edges = Array.from({ length: Math.ceil(values / per) + 1 }, (_, i) => lo + i * per * unit);
  } else {
    const width = (hi - lo) / BINS;
    // hi - lo overflows for [-1e308, 1e308]: there each edge is weighed between the two instead.
    const raw = Array.from({ length: BINS + 1 }, (_, i) => (Number.isFinite(width) ? lo + i * width : lo * ((BINS - i) / BINS) + hi * (i / BINS)));
    edges = shortEdges(raw, lo, hi);
  }
  edges[edges.length - 1] = hi;
  const counts = new Array<number>(edges.length - 1).fill(0);
  let bin = 0;
  for (const v of sorted) {
    while (bin < counts.length - 1 && v >= edges[bin + 1]) bin++;
    counts[bin]++;
  }
  return counts.map((c, i) => ({ from: edges[i], to: edges[i + 1], count: Math.round(c * scale) }));
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
    out.mean = nans ? NaN : sumInRowOrder(nums.map((n) => n.sums)) / count;
    if (nums.every((n) => n.exactSum !== undefined)) out.exactMean = roundedMean(nums.reduce((s, n) => s + BigInt(n.exactSum!), 0n), count).toString();
    if (nums.every((n) => n.exactMin !== undefined && n.exactMax !== undefined)) {
      out.exactMin = nums.map((n) => BigInt(n.exactMin!)).reduce((a, b) => (b < a ? b : a)).toString();
      out.exactMax = nums.map((n) => BigInt(n.exactMax!)).reduce((a, b) => (b > a ? b : a)).toString();
    }
    // Each part's sample stands for its rows: weight by taking a share in proportion, spread over the
    // part's sample (a part under SAMPLE_SIZE rows holds them in row order: its first ones are not a sample).
    const sample: number[] = [];
    for (const n of nums) {
      const take = Math.min(n.sample.length, Math.round((SAMPLE_SIZE * n.count) / count));
      for (let i = 0; i < take; i++) sample.push(n.sample[Math.floor((i * n.sample.length) / take)]);
    }
    sample.sort((a, b) => a - b);
    out.quantilesExact = count <= SAMPLE_SIZE;
    out.quantiles = [0, 5, 25, 50, 75, 95, 100].map((p) => ({ p, value: p === 0 ? out.min! : p === 100 ? out.max! : linearQuantile(sample, p / 100) }));
    const infinities = nums.reduce((s, n) => s + (n.infinities ?? 0), 0);
    const finite = infinities ? sample.filter((v) => v - v === 0) : sample;
    if (infinities) out.infinities = out.quantilesExact ? infinities : Math.round(((sample.length - finite.length) * count) / Math.max(1, sample.length));
    // Past SAMPLE_SIZE rows the extremes are the exact ones; the sample's lie within them.
    const [lo, hi] = infinities ? [finite[0], finite[finite.length - 1]] : [out.min, out.max];
    if (finite.length) out.histogram = histogram(finite, lo, hi, nums[0].unit, count / Math.max(1, sample.length));
    if (finite.length && nums[0].unit) out.histogramUnit = nums[0].unit;
  }
  const lens = parts.map((p) => p.lengths).filter((l): l is NonNullable<ProfilePartial['lengths']> => l !== null);
  if (lens.length) {
    out.minLength = Math.min(...lens.map((l) => l.min));
    out.maxLength = Math.max(...lens.map((l) => l.max));
  }
  return out;
}
