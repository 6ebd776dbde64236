import type { TimeUnit } from 'apache-arrow';
import { daysText } from './civilDate';
import { clockText, perSecond } from './clockText';
import { splitDays } from './splitTicks';
import { offsetText, resolveZone, zoneOffsetSeconds } from './timeZone';

/** JS Date's range: ±8.64e15 ms around the epoch, in whole seconds. */
const DATE_LIMIT_SECONDS = 8.64e12;

/** Local civil text of raw ticks: "YYYY-MM-DD HH:MM:SS[.fraction]". */
function civilText(raw: bigint | number, unit: TimeUnit): string {
  const per = perSecond(unit);
  const [days, rest] = splitDays(raw, 86400 * per);
  const seconds = Math.floor(rest / per);
  return `${daysText(days)} ${clockText(seconds, rest - seconds * per, unit)}`;
}

/** The ticks moved by whole seconds, exactly: a safe number whose sum would pass 2^53 is summed as BigInt. */
function shift(raw: bigint | number, seconds: number, per: number): bigint | number {
  if (typeof raw === 'bigint') return raw + BigInt(seconds) * BigInt(per);
  const sum = raw + seconds * per;
  return Number.isSafeInteger(sum) ? sum : BigInt(raw) + BigInt(seconds) * BigInt(per);
}

/**
 * A timestamp from its raw int64 ticks of `unit` since the epoch, exact for any int64. Without a
 * zone: naive civil time. UTC names: the UTC time with "Z". Other zones: the local time in that
 * zone followed by its offset at that instant. Unknown zones: the UTC time, a space, the zone name.
 */
export function timestampText(raw: bigint | number, unit: TimeUnit, timezone?: string | null): string {
  if (!timezone) return civilText(raw, unit);
  const zone = resolveZone(timezone);
  switch (zone.kind) {
    case 'utc':
      return `${civilText(raw, unit)}Z`;
    case 'fixed':
      return `${civilText(shift(raw, zone.offsetSeconds, perSecond(unit)), unit)}${offsetText(zone.offsetSeconds)}`;
    case 'iana': {
      const per = perSecond(unit);
      const [days, rest] = splitDays(raw, 86400 * per);
      const epochSeconds = days * 86400 + Math.floor(rest / per);
      // Outside JS Date's range Intl cannot tell the offset: show the UTC time and the zone name instead.
      if (Math.abs(epochSeconds) > DATE_LIMIT_SECONDS) return `${civilText(raw, unit)} ${timezone}`;
      const offset = zoneOffsetSeconds(zone, epochSeconds);
      return `${civilText(shift(raw, offset, per), unit)}${offsetText(offset)}`;
    }
    default:
      return `${civilText(raw, unit)} ${timezone}`;
  }
}
