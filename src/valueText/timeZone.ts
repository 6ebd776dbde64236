import { daysFromCivil } from './civilDate';
import { IANA_ZONE_NAMES } from './zoneNames';
import { ZONE_HISTORIES } from './zoneHistory';

/** How a timestamp's zone string is shown, resolved once per zone string. */
export type Zone =
  | { kind: 'utc' }
  | { kind: 'fixed'; offsetSeconds: number }
  | { kind: 'iana'; format: Intl.DateTimeFormat; hours: Map<number, number | null>; before1970: ZoneHistory | null }
  | { kind: 'unknown' };

const UTC_NAMES = new Set(['UTC', 'Etc/UTC', 'Z', '+00:00']);
const zones = new Map<string, Zone>();

export function resolveZone(name: string): Zone {
  let zone = zones.get(name);
  if (!zone) {
    zone = makeZone(name);
    zones.set(name, zone);
  }
  return zone;
}

let zoneNameByLowerCase: Map<string, string> | undefined;

/** A database zone name spelt in another case ("utc", "america/new_york"): Intl takes it, pyarrow does not find it. */
function inWrongCase(name: string): boolean {
  zoneNameByLowerCase ??= new Map(IANA_ZONE_NAMES.trim().split(/\s+/).map((n) => [n.toLowerCase(), n]));
  const spelt = zoneNameByLowerCase.get(name.toLowerCase());
  return spelt !== undefined && spelt !== name;
}

function makeZone(name: string): Zone {
  if (UTC_NAMES.has(name)) return { kind: 'utc' };
  const fixed = /^([+-])(\d\d):?(\d\d)$/.exec(name);
  if (fixed) {
    const minutes = Number(fixed[2]) * 60 + Number(fixed[3]);
    return { kind: 'fixed', offsetSeconds: (fixed[1] === '-' ? -60 : 60) * minutes };
  }
  if (inWrongCase(name)) return { kind: 'unknown' };
  try {
    const format = new Intl.DateTimeFormat('en-US', {
      timeZone: name,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    return { kind: 'iana', format, hours: new Map(), before1970: zoneHistory(name) };
  } catch {
    return { kind: 'unknown' };
  }
}

/** The zone's UTC offset in seconds at an instant (whole epoch seconds), read from Intl's local time. */
function offsetAt(format: Intl.DateTimeFormat, epochSeconds: number): number {
  let year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  let beforeChrist = false;
  for (const part of format.formatToParts(new Date(epochSeconds * 1000))) {
    switch (part.type) {
      case 'year': year = Number(part.value); break;
      case 'month': month = Number(part.value); break;
      case 'day': day = Number(part.value); break;
      case 'hour': hour = Number(part.value); break;
      case 'minute': minute = Number(part.value); break;
      case 'second': second = Number(part.value); break;
      case 'era': beforeChrist = part.value.startsWith('B'); break;
    }
  }
  if (beforeChrist) year = 1 - year; // 1 BC is year 0
  const local = daysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second;
  return local - epochSeconds;
}

const MAX_HOURS_CACHED = 100_000;

/**
 * Offset at an instant. Cached per UTC hour when the offset is the same at both ends of that hour:
 * tzdb has no zone that changes and changes back within one hour, so the offset holds throughout.
 */
export function zoneOffsetSeconds(zone: Extract<Zone, { kind: 'iana' }>, epochSeconds: number): number {
  if (epochSeconds < 0 && zone.before1970) return historyOffset(zone.before1970, epochSeconds);
  const hour = Math.floor(epochSeconds / 3600);
  let cached = zone.hours.get(hour);
  if (cached === undefined) {
    const start = offsetAt(zone.format, hour * 3600);
    cached = offsetAt(zone.format, hour * 3600 + 3599) === start ? start : null;
    if (zone.hours.size >= MAX_HOURS_CACHED) zone.hours.clear();
    zone.hours.set(hour, cached);
  }
  return cached ?? offsetAt(zone.format, epochSeconds);
}

/** A zone's offsets before 1970: `offsets[k]` from `starts[k]` (epoch seconds; the first is -Infinity). */
type ZoneHistory = { starts: number[]; offsets: number[] };

let historyLines: Map<string, string> | undefined;

/**
 * The zone's offsets before 1970 as pyarrow reads them (zoneHistory.ts), or null for a zone the database
 * does not hold. Intl (ICU) is not asked before 1970: it merges zones that agree since then, each ICU
 * version its own way (Europe/Amsterdam showed Brussels' offsets, EST Panama's local mean time).
 */
function zoneHistory(name: string): ZoneHistory | null {
  if (!historyLines) {
    historyLines = new Map();
    for (const line of ZONE_HISTORIES.trim().split('\n')) {
      const [names, history] = line.split('|');
      for (const n of names.split(' ')) historyLines.set(n, history);
    }
  }
  const line = historyLines.get(name);
  if (line === undefined) return null;
  const [first, ...transitions] = line.split(' ');
  const starts = [-Infinity];
  const offsets = [parseInt(first, 36)];
  let at = 0;
  for (const t of transitions) {
    const [after, offset] = t.split(':');
    at += parseInt(after, 36);
    starts.push(at);
    offsets.push(parseInt(offset, 36));
  }
  return { starts, offsets };
}

function historyOffset(h: ZoneHistory, epochSeconds: number): number {
  let lo = 0;
  let hi = h.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (h.starts[mid] <= epochSeconds) lo = mid;
    else hi = mid - 1;
  }
  return h.offsets[lo];
}

const two = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/** "+05:30", "-05:00", "+00:00"; local mean times before standard time carry seconds ("-04:56:02"). */
export function offsetText(offsetSeconds: number): string {
  const abs = Math.abs(offsetSeconds);
  const seconds = abs % 60;
  return `${offsetSeconds < 0 ? '-' : '+'}${two(Math.floor(abs / 3600))}:${two(Math.floor(abs / 60) % 60)}${seconds ? `:${two(seconds)}` : ''}`;
}
