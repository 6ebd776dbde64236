import { TimeUnit, Type, type DataType } from 'apache-arrow';
import { date64Text, durationText, timeText, timestampText } from '../valueText';
import type { ColumnProfile } from '../compute/profile';
import { binTexts } from '../compute/profileText';

/** The x axis of a profile's histogram, in the column's own units (dates as dates). */
export interface HistogramAxis {
  /** Tick positions, in the profile's numbers (raw epoch values for temporal columns), with their labels. */
  ticks: { at: number; text: string }[];
  /** Each bin's range as text. */
  bins: string[];
  /** What the labels are in, when it is not in them: a time zone, "days", "time of day". */
  unit?: string;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const MONTH = 30 * DAY;
const YEAR = 365 * DAY;
/** Step ladder in milliseconds; month and year steps fall on calendar boundaries. */
const TIME_STEPS = [
  1, 2, 5, 10, 20, 50, 100, 200, 500, SECOND, 2 * SECOND, 5 * SECOND, 10 * SECOND, 15 * SECOND, 30 * SECOND, MINUTE, 2 * MINUTE, 5 * MINUTE,
  10 * MINUTE, 15 * MINUTE, 30 * MINUTE, HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, DAY, 2 * DAY, 7 * DAY, MONTH, 2 * MONTH, 3 * MONTH, 6 * MONTH, YEAR,
];
const TARGET_TICKS = 6;

/** A 1-2-5 step giving about `target` ticks over [min, max]. */
function niceStep(span: number, target: number): number {
  const raw = span / target;
  const power = 10 ** Math.floor(Math.log10(raw));
  const f = raw / power;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * power;
}

/** Multiples of `step` within [min, max]. */
function stepsWithin(min: number, max: number, step: number): number[] {
  const out: number[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9 && out.length < 50; v += step) out.push(Math.abs(v) < step * 1e-9 ? 0 : v);
  return out;
}

function numberText(v: number, step: number): string {
  // Past the compact notation's trillions: 1e+18.
  if (Math.abs(v) >= 1e15) return String(Number(v.toPrecision(4)));
  if (Math.abs(v) >= 1e6 || (step >= 1e6 && v !== 0)) return new Intl.NumberFormat('en-US', { notation: 'compact', maximumSignificantDigits: 4 }).format(v);
  return plainNumberText(v, step);
}

/** Grouped digits, with the decimals the step needs (past 1e15, as many significant digits as it takes). */
function plainNumberText(v: number, step: number): string {
  if (Math.abs(v) >= 1e15) return String(v);
  const decimals = Math.min(20, Math.max(0, -Math.floor(Math.log10(step) + 1e-9)));
  return v.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/** Milliseconds per unit of a timestamp, duration or time column. */
const MS_PER: Record<number, number> = { [TimeUnit.SECOND]: 1000, [TimeUnit.MILLISECOND]: 1, [TimeUnit.MICROSECOND]: 1e-3, [TimeUnit.NANOSECOND]: 1e-6 };

/** Milliseconds of the first day of month `m` (0-based, may pass 11) of year `y`, in UTC (years below 100 too). */
const monthStart = (y: number, m: number): number => new Date(0).setUTCFullYear(y, m, 1);

/** Calendar ticks (months or years, in UTC) or fixed-length ones, in milliseconds. */
function timeTicks(minMs: number, maxMs: number, calendar: boolean): { at: number[]; step: number } {
  const span = maxMs - minMs;
  const step = TIME_STEPS.find((s) => span / s <= TARGET_TICKS) ?? niceStep(span / YEAR, TARGET_TICKS) * YEAR;
  if (step < MONTH || !calendar) return { at: stepsWithin(minMs, maxMs, step), step };
  const months = step >= YEAR ? Math.round(step / YEAR) * 12 : Math.round(step / MONTH);
  const first = new Date(minMs);
  let y = first.getUTCFullYear();
  let m = first.getUTCMonth();
  if (monthStart(y, m) < minMs) m++;
  if (months < 12) m = Math.ceil(m / months) * months;
  else {
    if (m > 0) y++;
    m = 0;
    y = Math.ceil(y / (months / 12)) * (months / 12);
  }
  const at: number[] = [];
  for (let t = monthStart(y, m); t <= maxMs && at.length < 50; m += months, t = monthStart(y, m)) at.push(t);
  return { at, step };
}

/** Keeps the part of a date-time text a tick of this step needs: "2020", "2020-03", "2020-03-01", "2020-03-01 12:30". */
function trimDateTime(text: string, step: number): string {
  const m = /^([+-]?\d{4,6})-(\d\d)-(\d\d)(?: (\d\d:\d\d)(:\d\d(?:\.\d+)?)?)?/.exec(text);
  if (!m) return text;
  if (step >= YEAR) return m[1];
  if (step >= MONTH) return `${m[1]}-${m[2]}`;
  if (step >= DAY || m[4] === undefined) return `${m[1]}-${m[2]}-${m[3]}`;
  if (step >= MINUTE) return `${m[1]}-${m[2]}-${m[3]} ${m[4]}`;
  return `${m[1]}-${m[2]}-${m[3]} ${m[4]}${m[5] ?? ''}`;
}

/** The UTC offset a zoned timestamp text ends with, in milliseconds ("…-05:00" → -5 h). */
function offsetMs(text: string): number {
  const m = /([+-])(\d\d):(\d\d)(?::(\d\d))?$/.exec(text);
  if (!m) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * HOUR + Number(m[3]) * MINUTE + Number(m[4] ?? 0) * SECOND);
}

type Unit = { toMs: number; text: (raw: number | bigint) => string; calendar: boolean; zoned: boolean; unit?: string; trim: boolean };

function temporalUnit(type: DataType): Unit | undefined {
  const t = type as unknown as { unit: number; timezone?: string | null };
  const raw = (v: number | bigint) => (typeof v === 'bigint' ? v : BigInt(Math.round(v)));
  switch (type.typeId) {
    case Type.Timestamp: {
      const zone = t.timezone ?? undefined;
      const utc = !zone || ['UTC', 'Etc/UTC', 'Z', '+00:00'].includes(zone);
      return { toMs: MS_PER[t.unit], text: (v) => timestampText(raw(v), t.unit, t.timezone), calendar: true, zoned: !utc, unit: zone, trim: true };
    }
    case Type.Date:
      // apache-arrow gives milliseconds for both date units, and the profile holds what it gives.
      return { toMs: 1, text: (v) => date64Text(Math.round(Number(v))), calendar: true, zoned: false, trim: true };
    case Type.Time:
      return { toMs: MS_PER[t.unit], text: (v) => timeText(raw(v), t.unit), calendar: false, zoned: false, unit: 'time of day', trim: false };
    case Type.Duration:
      return { toMs: MS_PER[t.unit], text: (v) => durationText(raw(v), t.unit), calendar: false, zoned: false, trim: false };
    default:
      return undefined;
  }
}

const INTEGER_TYPES = new Set<number>([Type.Int]);

/** Bins of doubles as "from … to" (their edges are short decimals, see profile.ts), or one value where every finite value is the same. */
function floatBins(bins: NonNullable<ColumnProfile['histogram']>): string[] {
  return bins.map((b) => (b.from === b.to ? String(b.from) : `${b.from} … ${b.to}`));
}

/** Ticks and bin texts for the histogram of a profile, or undefined when it has none. */
export function histogramAxis(profile: ColumnProfile, columnType: DataType): HistogramAxis | undefined {
  const bins = profile.histogram;
  if (!bins?.length) return undefined;
  const type = columnType.typeId === Type.Dictionary ? (columnType as unknown as { dictionary: DataType }).dictionary : columnType;
  const min = bins[0].from;
  const max = bins[bins.length - 1].to;
  const temporal = temporalUnit(type);
  if (temporal) {
    const { toMs, text } = temporal;
    const { at, step } = max > min ? timeTicks(min * toMs, max * toMs, temporal.calendar) : { at: [min * toMs], step: DAY };
    // A zoned timestamp's ticks fall on its local boundaries, not UTC's: a month or a year moves by the
    // zone's offset, a fixed step by the part of the offset that is not whole steps (New York's hours are
    // UTC's, Kolkata's are half past). One more step is made at the end, for what that moves earlier.
    const local = temporal.zoned && step >= HOUR;
    if (local && step < MONTH && at.length) at.push(at[at.length - 1] + step);
    const ticks = at.map((ms) => {
      let v = ms / toMs;
      if (local) {
        const offset = offsetMs(text(v));
        v -= (step < MONTH ? ((offset % step) + step) % step : offset) / toMs;
      }
      const label = text(v);
      return { at: v, text: temporal.trim ? trimDateTime(label, step) : step >= MINUTE ? label.replace(/:00$/, '') : label };
    });
    return { ticks: ticks.filter((t) => t.at >= min && t.at <= max), bins: profile.text?.histogram ?? binTexts(profile, text), unit: temporal.unit };
  }
  const binText = profile.histogramUnit ? binTexts(profile, String) : floatBins(bins);
  // One value: its one tick says it as its bin does.
  if (!(max > min)) return { ticks: [{ at: min, text: binText[0] }], bins: binText };
  // (max / n - min / n: max - min overflows for [-1e308, 1e308].)
  const step = Math.max(INTEGER_TYPES.has(type.typeId) ? 1 : 0, niceStep(max / 2 - min / 2, TARGET_TICKS / 2));
  const at = stepsWithin(min, max, step);
  const compact = at.map((v) => numberText(v, step));
  // Compact texts ("1M") of ticks close together can be alike: then every digit the step needs.
  const alike = compact.some((t, i) => i > 0 && t === compact[i - 1]);
  return { ticks: at.map((v, i) => ({ at: v, text: alike ? plainNumberText(v, step) : compact[i] })), bins: binText };
}
