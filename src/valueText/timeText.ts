import type { TimeUnit } from 'apache-arrow';
import { clockText, perSecond } from './clockText';

/** time32/time64: ticks of `unit` since midnight -> "13:45:07.25". */
export function timeText(raw: bigint | number, unit: TimeUnit): string {
  const per = perSecond(unit);
  if (raw < 0) return `-${timeText(-raw, unit)}`; // not a valid time of day; kept readable
  if (typeof raw === 'bigint') {
    const big = BigInt(per);
    return clockText(Number(raw / big), Number(raw % big), unit);
  }
  return clockText(Math.floor(raw / per), raw % per, unit);
}
