/** The three interval kinds; every part is shown, each with its own sign ("-1mo 0d -3ns"). */

export function monthIntervalText(months: number): string {
  return `${months}mo`;
}

export function dayTimeIntervalText(days: number, milliseconds: number): string {
  return `${days}d ${milliseconds}ms`;
}

export function monthDayNanoIntervalText(months: number, days: number, nanoseconds: bigint | number): string {
  return `${months}mo ${days}d ${nanoseconds}ns`;
}

/** The int64 nanoseconds of a month_day_nano interval from its two little-endian int32 words. */
export function nanosFromWords(low: number, high: number): bigint | number {
  // Safe-integer fast path: |value| < 2^53 when the high word is within ±2^21.
  if (high >= -0x200000 && high < 0x200000) return high * 4294967296 + (low >>> 0);
  return BigInt.asIntN(64, (BigInt(high) << 32n) | BigInt(low >>> 0));
}
