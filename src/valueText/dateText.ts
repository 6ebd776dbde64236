import { daysText } from './civilDate';
import { splitDays } from './splitTicks';

/** date32: days since the epoch. */
export function date32Text(days: number): string {
  return daysText(days);
}

/** date64: milliseconds since the epoch (apache-arrow's get() gives milliseconds for both date units). */
export function date64Text(ms: bigint | number): string {
  return daysText(splitDays(ms, 86_400_000)[0]);
}
