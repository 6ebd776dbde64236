import { TimeUnit, Type, type DataType } from 'apache-arrow';
import { date64Text, durationText, timeText, timestampText } from '../valueText';
import type { ColumnProfile } from '../compute/profile';

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
  if (Math.abs(v) >= 1e6 || (step >= 1e6 && v !== 0)) return new Intl.NumberFormat('en-US', { notation: 'compact', maximumSignificantDigits: 4 }).format(v);
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  return v.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/** A bin edge: short, but with enough digits to tell neighbouring edges apart. */
const edgeText = (v: number): string => String(Number(v.toPrecision(6)));

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

type Unit = { toMs: number; text: (raw: number) => string; calendar: boolean; zoned: boolean; unit?: string; trim: boolean };

function temporalUnit(type: DataType): Unit | undefined {
  const t = type as unknown as { unit: number; timezone?: string | null };
  const raw = (v: number) => BigInt(Math.round(v));
  switch (type.typeId) {
    case Type.Timestamp: {
      const zone = t.timezone ?? undefined;
      const utc = !zone || ['UTC', 'Etc/UTC', 'Z', '+00:00'].includes(zone);
      return { toMs: MS_PER[t.unit], text: (v) => timestampText(raw(v), t.unit, t.timezone), calendar: true, zoned: !utc, unit: zone, trim: true };
    }
    case Type.Date:
      // apache-arrow gives milliseconds for both date units, and the profile holds what it gives.
      return { toMs: 1, text: (v) => date64Text(Math.round(v)), calendar: true, zoned: false, trim: true };
    case Type.Time:
      return { toMs: MS_PER[t.unit], text: (v) => timeText(raw(v), t.unit), calendar: false, zoned: false, unit: 'time of day', trim: false };
    case Type.Duration:
      return { toMs: MS_PER[t.unit], text: (v) => durationText(raw(v), t.unit), calendar: false, zoned: false, trim: false };
    default:
      return undefined;
  }
}

const INTEGER_TYPES = new Set<number>([Type.Int]);

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
    const ticks = at.map((ms) => {
      let v = ms / toMs;
      // A zoned timestamp's ticks fall on its local boundaries, not UTC's.
      if (temporal.zoned && step >= HOUR) v -= offsetMs(text(v)) / toMs;
      const label = text(v);
      return { at: v, text: temporal.trim ? trimDateTime(label, step) : step >= MINUTE ? label.replace(/:00$/, '') : label };
    });
    return { ticks: ticks.filter((t) => t.at >= min && t.at <= max), bins: profile.text?.histogram ?? bins.map((b) => `${text(b.from)} … ${text(b.to)}`), unit: temporal.unit };
  }
  const integer = INTEGER_TYPES.has(type.typeId);
  const step = max > min ? Math.max(integer ? 1 : 0, niceStep(max - min, TARGET_TICKS)) : 1;
  const at = max > min ? stepsWithin(min, max, step) : [min];
  return {
    ticks: at.map((v) => ({ at: v, text: numberText(v, step) })),
    bins: bins.map((b, i) => {
      if (!integer) return `${edgeText(b.from)} … ${edgeText(b.to)}`;
      // Integers in [from, to), the last bin closed.
      const lo = Math.ceil(b.from);
      const hi = i === bins.length - 1 ? Math.floor(b.to) : Math.ceil(b.to) - 1;
      return lo > hi ? `${edgeText(b.from)} … ${edgeText(b.to)} (no integer)` : lo === hi ? String(lo) : `${lo} … ${hi}`;
    }),
  };
}
