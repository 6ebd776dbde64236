import type { TimeUnit } from 'apache-arrow';
import { clockText, perSecond } from './clockText';
import { splitDays } from './splitTicks';

/** "[-][Nd ]HH:MM:SS[.fraction]": the sign, then the absolute duration ("-1d 02:03:04.5", "00:00:59"). */
export function durationText(raw: bigint | number, unit: TimeUnit): string {
  const negative = raw < 0;
  const abs = negative ? -raw : raw; // -(-2^63) is fine as a BigInt
  const per = perSecond(unit);
  const [days, rest] = splitDays(abs, 86400 * per);
  const seconds = Math.floor(rest / per);
  return `${negative ? '-' : ''}${days ? `${days}d ` : ''}${clockText(seconds, rest - seconds * per, unit)}`;
}
