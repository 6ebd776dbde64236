import { TimeUnit } from 'apache-arrow';

/** Ticks per second of each TimeUnit (SECOND, MILLISECOND, MICROSECOND, NANOSECOND). */
export const PER_SECOND = [1, 1000, 1_000_000, 1_000_000_000] as const;
const FRACTION_DIGITS = [0, 3, 6, 9] as const;

export const perSecond = (unit: TimeUnit): number => PER_SECOND[unit] ?? 1000;

const two = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/** ".25" for a fraction of a second in ticks of `unit`, trailing zeros removed; "" for none. */
export function fractionText(ticks: number, unit: TimeUnit): string {
  if (ticks === 0) return '';
  let text = String(ticks).padStart(FRACTION_DIGITS[unit], '0');
  let end = text.length;
  while (text.charCodeAt(end - 1) === 48) end--;
  if (end < text.length) text = text.slice(0, end);
  return `.${text}`;
}

/** "HH:MM:SS[.fraction]" from whole seconds (hours may pass 23 for durations' remainders) and ticks. */
export function clockText(seconds: number, ticks: number, unit: TimeUnit): string {
  return `${two(Math.floor(seconds / 3600))}:${two(Math.floor(seconds / 60) % 60)}:${two(seconds % 60)}${fractionText(ticks, unit)}`;
}
