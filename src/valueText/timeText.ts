import type { TimeUnit } from 'apache-arrow';
import { clockText, perSecond } from './clockText';

const SECONDS_PER_DAY = 86_400;

/**
 * time32/time64: ticks of `unit` since midnight -> "13:45:07.25". A value outside the day (negative,
 * or 24:00:00 and past: fastparquet writes pandas timedeltas as TIME_MICROS) is not a time of day:
 * "<value out of range: -5000>", as pyarrow prints it.
 */
export function timeText(raw: bigint | number, unit: TimeUnit): string {
  const per = perSecond(unit);
  if (raw < 0 || raw >= (typeof raw === 'bigint' ? BigInt(SECONDS_PER_DAY * per) : SECONDS_PER_DAY * per)) return `<value out of range: ${raw}>`;
  if (typeof raw === 'bigint') {
    const big = BigInt(per);
    return clockText(Number(raw / big), Number(raw % big), unit);
  }
  return clockText(Math.floor(raw / per), raw % per, unit);
}
